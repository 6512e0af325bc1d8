//! The parts of a line that opens with its clock (relative time, day word — after a `published`
//! word too, as Tamedia prints `Publié hier à 22h40` —, label, clock, zone, tail), as the leading regex reads them. The commonest lines (`23.59 BST`, `9.31am`,
//! `14:03 GMT: …`) are read by hand with the same outcome: the regex's captures run the regex
//! crate's bounded backtracker, which clears a visited set as large as the automaton (the zone,
//! word and Unicode-class alternations) times the line for every search, and a saved page asks
//! thousands of clocks twice (the HTML renderer, then the line reader).

use super::super::words::words;
use super::zones;
use crate::model::Zone;
use regex::{Captures, Regex};
use std::cell::RefCell;
use std::sync::LazyLock;

static LEADING: LazyLock<Regex> = LazyLock::new(|| leading_regex(true));

/// The same without the relative time: `19h40 atualizado…` must not read as `19 h` ago and an
/// hour `40`.
static LEADING_NO_AGO: LazyLock<Regex> = LazyLock::new(|| leading_regex(false));

fn leading_regex(with_ago: bool) -> Regex {
    let w = words();
    let z = zones();
    let ago = if with_ago { format!(r"(?:\d{{1,3}}\s*(?i:{})\.?\s*)?", w.ago_alt) } else { String::new() };
    Regex::new(&format!(
        r"^(?:(?i:{before})\s+)?{ago}(?:(?:(?i:{published})\s+)?(?i:{day}),?\s+(?:(?i:{at})\s+)?)?(?:(?P<tag>\p{{Lu}}\p{{Ll}}{{2,15}}|\p{{Lu}}{{2,15}}(?:\s\p{{Lu}}{{2,15}})?)\s+)?(?:(?i:{label})\s+)?(?:[Ll]e\s+(?P<d>\d{{1,2}})/(?P<mo>\d{{1,2}})\s+à\s+)?(?P<h>\d{{1,2}})(?:\s*[hH:.]\s*(?P<m>\d{{2}})(?::\d{{2}})?)?\s*(?P<ampm>[aApP]\.?[mM]\.?)?(?:\s*(?:(?P<zone>{z})|\((?P<pzone>{z})\)|(?P<uhr>Uhr|h(?-u:\b)|hrs(?-u:\b)|hs(?-u:\b)|horas(?-u:\b))))?(?P<tail>.*)$",
        before = w.ago_before_alt,
        label = w.clock_before_alt,
        day = w.day_word_alt,
        published = w.published_alt,
        at = w.at_alt,
    ))
    .expect("leading clock regex")
}

/// A zone name at the start of a text, in the leading regex's order of preference.
pub(super) static ZONE_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{})", zones())).expect("zone regex"));

/// Whether the hand reading can agree with the regex: it can when no word that may stand
/// before the clock (relative time, day word, label) starts with a digit or a sign, so a line
/// opening with `d.dd` or `dd:dd` can only be read from its clock, and no zone name starts with
/// white space. Checked once on the word lists, which are data.
static HAND_READING: LazyLock<bool> = LazyLock::new(|| {
    let w = words();
    let starts_alike = |alt: &str, ok: fn(char) -> bool| alt.split('|').all(|p| p.chars().next().is_none_or(ok));
    [&w.ago_alt, &w.ago_before_alt, &w.day_word_alt, &w.clock_before_alt]
        .iter()
        .all(|alt| starts_alike(alt, char::is_alphabetic))
        && starts_alike(&w.zone_alt, char::is_alphanumeric)
});

const NAMES: [&str; 10] = ["tag", "d", "mo", "h", "m", "ampm", "zone", "pzone", "uhr", "tail"];

/// One part of the line: its text and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Part<'h> {
    text: &'h str,
    start: usize,
}

impl<'h> Part<'h> {
    pub(super) fn as_str(&self) -> &'h str {
        self.text
    }
    pub(super) fn start(&self) -> usize {
        self.start
    }
    pub(super) fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// The leading regex's named groups over one line.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Parts<'h> {
    line: &'h str,
    spans: [Option<(usize, usize)>; NAMES.len()],
}

impl<'h> Parts<'h> {
    pub(super) fn name(&self, name: &str) -> Option<Part<'h>> {
        let i = NAMES.iter().position(|n| *n == name).expect("a group of the leading regex");
        self.spans[i].map(|(s, e)| Part { text: &self.line[s..e], start: s })
    }

    fn from_captures(line: &'h str, caps: &Captures<'_>) -> Parts<'h> {
        Parts { line, spans: NAMES.map(|n| caps.name(n).map(|m| (m.start(), m.end()))) }
    }

    fn set(&mut self, name: &str, span: (usize, usize)) {
        let i = NAMES.iter().position(|n| *n == name).expect("a group of the leading regex");
        self.spans[i] = Some(span);
    }
}

/// The parts of a line the leading regex matches, read again without the relative time when
/// the first reading found no minutes and no am/pm (`19h40 atualizado`).
pub(super) fn leading_parts(line: &str) -> Option<Parts<'_>> {
    if let Some(parts) = by_hand(line) {
        return Some(parts);
    }
    by_regex(line)
}

fn by_regex(line: &str) -> Option<Parts<'_>> {
    if !LEADING.is_match(line) {
        return None;
    }
    let caps = LEADING.captures(line)?;
    if caps.name("m").is_none() && caps.name("ampm").is_none() {
        return Some(Parts::from_captures(line, &LEADING_NO_AGO.captures(line)?));
    }
    Some(Parts::from_captures(line, &caps))
}

/// A line opening with `d.dd` or `dd:dd`, read as the regex would: the hour, the minutes, white
/// space, an am/pm, then (after white space) a zone, a zone in brackets or `Uhr`/`h`, the rest
/// the tail. `None` leaves the line to the regex (seconds, `14h05`, spaced separators, a line
/// break the tail's `.` would stop at).
fn by_hand(line: &str) -> Option<Parts<'_>> {
    let b = line.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let hour_len = match b {
        [h, s, ..] if h.is_ascii_digit() && matches!(s, b':' | b'.') => 1,
        [h1, h2, s, ..] if h1.is_ascii_digit() && h2.is_ascii_digit() && matches!(s, b':' | b'.') => 2,
        _ => return None,
    };
    if !digit(hour_len + 1) || !digit(hour_len + 2) || b.get(hour_len + 3) == Some(&b':') || b.contains(&b'\n') {
        return None;
    }
    if !*HAND_READING {
        return None;
    }
    let mut parts = Parts { line, spans: [None; NAMES.len()] };
    parts.set("h", (0, hour_len));
    parts.set("m", (hour_len + 1, hour_len + 3));
    let mut at = skip_space(line, hour_len + 3);
    if let Some(len) = ampm_len(&b[at..]) {
        parts.set("ampm", (at, at + len));
        at += len;
    }
    let spaced = skip_space(line, at);
    let rest = &line[spaced..];
    if let Some(z) = ZONE_AT.find(rest) {
        parts.set("zone", (spaced, spaced + z.end()));
        at = spaced + z.end();
    } else if let Some(z) = rest.strip_prefix('(').and_then(|r| ZONE_AT.find(r)) {
        // Another zone of the list might close with the bracket: the regex tries them all.
        if !rest[1 + z.end()..].starts_with(')') {
            return None;
        }
        parts.set("pzone", (spaced + 1, spaced + 1 + z.end()));
        at = spaced + z.end() + 2;
    } else if let Some(len) = uhr_len(rest.as_bytes()) {
        parts.set("uhr", (spaced, spaced + len));
        at = spaced + len;
    }
    parts.set("tail", (at, line.len()));
    Some(parts)
}

/// A zone name, the context it was read in, and the zone it stands for.
type Seen = (String, Option<String>, Option<Zone>);

/// The zone a name read off a clock line stands for: [`super::super::words::Words::zone`],
/// remembered for the last few names (a page names one or two zones on thousands of clocks,
/// and each lookup folds the name and walks the whole list).
pub(super) fn zone_of(name: &str, context: Option<&str>) -> Option<Zone> {
    thread_local! {
        static SEEN: RefCell<Vec<Seen>> = const { RefCell::new(Vec::new()) };
    }
    SEEN.with_borrow_mut(|seen| {
        if let Some((_, _, zone)) = seen.iter().find(|(n, c, _)| n == name && c.as_deref() == context) {
            return *zone;
        }
        let zone = words().zone(name, context);
        if seen.len() >= 8 {
            seen.remove(0);
        }
        seen.push((name.to_owned(), context.map(str::to_owned), zone));
        zone
    })
}

fn skip_space(line: &str, from: usize) -> usize {
    line.len() - line[from..].trim_start().len()
}

/// `[aApP]\.?[mM]\.?`
fn ampm_len(b: &[u8]) -> Option<usize> {
    if !matches!(b.first(), Some(b'a' | b'A' | b'p' | b'P')) {
        return None;
    }
    let mut at = 1 + usize::from(b.get(1) == Some(&b'.'));
    if !matches!(b.get(at), Some(b'm' | b'M')) {
        return None;
    }
    at += 1;
    Some(at + usize::from(b.get(at) == Some(&b'.')))
}

/// `Uhr|h\b|hrs\b|hs\b|horas\b` (`hs` the Río de la Plata's `22:14 hs.`), the boundary an ASCII one.
fn uhr_len(b: &[u8]) -> Option<usize> {
    let bounded = |len: usize| !b.get(len).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_');
    if b.starts_with(b"Uhr") {
        return Some(3);
    }
    [&b"h"[..], b"hrs", b"hs", b"horas"].into_iter().find(|w| b.starts_with(w) && bounded(w.len())).map(<[u8]>::len)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of every form the hand reading takes, and some it leaves to the regex: where it
    /// reads, it reads as the regex does.
    #[test]
    fn the_hand_reading_agrees_with_the_regex() {
        let lines = [
            "23.59 BST",
            "9.31am",
            "9.31 am",
            "9.31 a.m. GMT",
            "9.31pm BST: Headline here",
            "14:03 GMT",
            "14:03GMT",
            "14.03 Uhr",
            "14.03 Uhrzeit",
            "14.03 h",
            "14.03 hrs",
            "14.03 horas",
            "14.03 hs.",
            "14.03 hora de Brasília",
            "14.03 heure de Paris",
            "14:03 (IST), Oct 02",
            "14:03 (IST, Oct 02",
            "14:03 (XYZ)",
            "21:22Frances Watkins",
            "18:28KEY EVENT",
            "16:56 - Something happened",
            "9.02am By Helen Carr",
            "9.02am  \u{a0} ET",
            "17:38 Breaking",
            "1.234",
            "12.30.",
            "12:30:45 BST",
            "123:45",
            "12 :30",
            "9.3",
            "9.31 AMT",
            "9.31 amazing",
            "9.31 ET and PT",
            "14:03 hé",
            "14:03 h_",
            "14:03 Heute",
            "14:03\nBST",
        ];
        let mut read = 0;
        for line in lines {
            if let Some(hand) = by_hand(line) {
                assert_eq!(Some(hand), by_regex(line), "{line:?}");
                read += 1;
            }
        }
        assert!(read >= 28, "{read} lines read by hand");
        assert!(by_hand("23.59 BST").is_some() && by_hand("12:30:45").is_none() && by_hand("14h05").is_none());
    }

    /// Every line of the text fixtures that opens with a clock: the same parts either way.
    #[test]
    fn the_hand_reading_agrees_on_the_fixtures() {
        let mut files = vec![];
        let mut dirs = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).expect("fixtures").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    files.push(path);
                }
            }
        }
        let mut read = 0;
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for line in text.lines().map(str::trim) {
                if let Some(hand) = by_hand(line) {
                    assert_eq!(Some(hand), by_regex(line), "{line:?} in {}", path.display());
                    read += 1;
                }
            }
        }
        assert!(read > 500, "only {read} clock lines in the fixtures");
    }

    /// Remembered zones are the list's, whatever the order of names and contexts asked.
    #[test]
    fn remembered_zones_are_the_lists() {
        let names = ["BST", "IST", "GMT", "ET", "CEST", "MEZ", "heure de Paris", "PT", "AEDT", "XYZ"];
        let mut asked = 0;
        for round in 0..3 {
            for (i, name) in names.iter().enumerate() {
                for context in [None, Some("ie"), Some("il")] {
                    let name = if (i + round) % 2 == 0 { *name } else { names[names.len() - 1 - i] };
                    assert_eq!(zone_of(name, context), words().zone(name, context), "{name} {context:?}");
                    asked += 1;
                }
            }
        }
        assert_eq!(asked, 90);
        assert_ne!(zone_of("IST", Some("ie")), zone_of("IST", Some("il")));
    }
}
