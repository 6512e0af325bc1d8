//! Relative times that share their line with a name: a byline or an outlet before or after
//! the time (`By Jon Smith · 2 hours ago`, `Jon Smith, 5 mins ago`, `vor 5 Minuten · Anna
//! Weber`, `il y a 12 min - Le Monde`), as copied text, dumps and the markup's plain inline
//! text print them; and a relative time after an `updated` word (`Aggiornato 3 minuti fa`),
//! which sites print on every post. They stamp their post as a line that is only the relative
//! time does ([`super::relative`]).
//!
//! Only a name may stand beside the time — a few capitalised words, with the language's `by`
//! word before them — so a sentence (`The storm hit 2 hours ago`) or another story's headline
//! in a rail (`Ferries cancelled · 2 hours ago`) stamps nothing. An `updated` line is a post's
//! only where the page prints two or more ([`crate::parse::lines`] demotes a lone one: that is
//! the page's own dateline).

use super::relative::seconds_ago;
use crate::parse::words::{WORDS, words};
use regex::Regex;
use std::sync::LazyLock;

/// What stands beside a relative time on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Beside {
    /// A byline or an outlet, at this byte range of the line.
    Name(usize, usize),
    /// An `updated` word before the time.
    Updated,
}

/// Longest line read: a name and a relative time fit well within it.
const MAX_LINE: usize = 100;

/// Most words a relative time spans (`vor 1 Std. 20 Min.`, `il y a 12 min`).
const MAX_AGO_WORDS: usize = 6;

/// Separators between the name and the time.
const SEPARATORS: &[char] = &[' ', '\u{a0}', '·', '•', '|', '-', '–', '—', ',', ':', '/'];

static BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?i:{})\s+", words().by_alt)).expect("by-word regex"));

static UPDATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?i:{})\s*:?\s+", words().updated_alt)).expect("updated-word regex"));

/// Words that may stand in lower case inside a name (`Ursula von der Leyen`, `Le Monde`).
const PARTICLES: &[&str] =
    &["de", "du", "des", "la", "le", "di", "da", "del", "della", "dos", "van", "von", "der", "den", "ten", "y", "e"];

/// The seconds a line's relative time says and what stands beside it, for a line that holds
/// a relative time and a name or an `updated` word and nothing else.
pub(crate) fn inline_ago(line: &str) -> Option<(u32, Beside)> {
    let line = line.trim();
    if line.len() > MAX_LINE || !may_hold_ago(line) {
        return None;
    }
    if let Some(m) = UPDATED.find(line) {
        return seconds_ago(&line[m.end()..]).map(|s| (s, Beside::Updated));
    }
    let starts: Vec<usize> = word_starts(line);
    let n = starts.len();
    // The time at the end: `By Jon Smith · 2 hours ago`.
    for &at in starts.iter().skip(1).skip(n.saturating_sub(MAX_AGO_WORDS + 1)) {
        let (name, ago) = (&line[..at], &line[at..]);
        if let Some(range) = name_range(name, 0)
            && let Some(s) = seconds_ago(ago.trim_start_matches(SEPARATORS))
        {
            return Some((s, Beside::Name(range.0, range.1)));
        }
    }
    // The time first: `vor 5 Minuten · Anna Weber`.
    for &at in starts.iter().skip(1).take(MAX_AGO_WORDS) {
        let (ago, name) = (&line[..at], &line[at..]);
        if let Some(range) = name_range(name, at)
            && let Some(s) = seconds_ago(ago.trim_end_matches(SEPARATORS))
        {
            return Some((s, Beside::Name(range.0, range.1)));
        }
    }
    None
}

/// The words that say a time is past, from `assets/words.txt`: every relative time holds one
/// (`ago`, `vor`, `il y a`, `fa`; `5 min` alone is a duration) or is a "just now" phrase. Of a
/// phrase, its longest word: a line that holds the phrase holds that word.
static PAST_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut out: Vec<String> = Vec::new();
    for line in WORDS.lines().map(str::trim) {
        let Some((key, value)) = line.split_once(':') else { continue };
        if matches!(key.trim(), "ago-before" | "ago-after" | "just-now") {
            for phrase in value.split('|') {
                let longest = phrase.split(is_break).max_by_key(|w| w.chars().count()).unwrap_or("");
                let word = longest.to_lowercase();
                if !word.is_empty() && !out.contains(&word) {
                    out.push(word);
                }
            }
        }
    }
    out
});

/// Where words break for [`may_hold_ago`].
fn is_break(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\'' | '’' | '.' | ',' | '·' | '|' | '-' | '–' | '—' | ':' | '/' | '!')
}

/// A cheap test before any regex, on every short line of a page: whether one of the
/// [`PAST_WORDS`] stands in it as a word (ASCII case folded).
fn may_hold_ago(line: &str) -> bool {
    let (firsts, longest) = &*PAST_WORD_SHAPE;
    line.split(is_break).any(|w| {
        // `agoSophie`: a name glued after the time starts at a capital after a small letter.
        let w = glued_head(w);
        // Most words of a page start with a byte no past word starts with, or are too long:
        // they are never compared.
        w.len() <= *longest
            && w.as_bytes().first().is_some_and(|b| firsts[usize::from(b.to_ascii_lowercase())])
            && PAST_WORDS.iter().any(|p| p.eq_ignore_ascii_case(w))
    })
}

/// A word up to a capital glued to its small letters (`agoSophie` → `ago`).
fn glued_head(w: &str) -> &str {
    let mut previous_lower = false;
    for (i, c) in w.char_indices() {
        if c.is_uppercase() && previous_lower {
            return &w[..i];
        }
        previous_lower = c.is_lowercase();
    }
    w
}

/// The first bytes (ASCII lower case) the [`PAST_WORDS`] start with, and the longest's length.
static PAST_WORD_SHAPE: LazyLock<([bool; 256], usize)> = LazyLock::new(|| {
    let mut firsts = [false; 256];
    for word in PAST_WORDS.iter() {
        if let Some(&b) = word.as_bytes().first() {
            firsts[usize::from(b.to_ascii_lowercase())] = true;
            firsts[usize::from(b.to_ascii_uppercase())] = true;
        }
    }
    (firsts, PAST_WORDS.iter().map(String::len).max().unwrap_or(0))
});

/// The byte offsets where the words of a line start, and where a copy glued a number to the
/// letter before it (`Sophie Morris12m ago`: the author's span and the time's run together) or
/// a capital to the time's last letter or full stop (`vor 12 Min.Andrea Kessler`).
fn word_starts(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut previous: Option<char> = None;
    for (i, c) in line.char_indices() {
        let space = c.is_whitespace();
        // A name glued after the time (`vor 12 Min.Andrea Kessler`, `12m agoSophie Morris`).
        let glued = c.is_ascii_digit() && previous.is_some_and(char::is_lowercase)
            || c.is_uppercase() && previous.is_some_and(|p| p.is_lowercase() || p == '.');
        if (previous.is_none_or(char::is_whitespace) || glued) && !space {
            out.push(i);
        }
        previous = Some(c);
    }
    out
}

/// The byte range (in the whole line, `part` starting at `offset`) of the name `part` holds
/// once its separators are trimmed: a few capitalised words with no digit, maybe after a
/// `by` word.
fn name_range(part: &str, offset: usize) -> Option<(usize, usize)> {
    let name = part.trim_matches(SEPARATORS);
    if name.is_empty() || name.chars().count() > 48 || name.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if name.ends_with(['.', '!', '?', ';']) {
        return None;
    }
    let bare = BY.find(name).map_or(name, |m| &name[m.end()..]);
    let words: Vec<&str> = bare.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let particle = |w: &&str| PARTICLES.contains(w);
    if !(1..=5).contains(&words.len()) || !words.first().is_some_and(capitalised) {
        return None;
    }
    if !words.iter().all(|w| capitalised(w) || particle(w)) {
        return None;
    }
    let start = offset + (name.as_ptr() as usize - part.as_ptr() as usize);
    Some((start, start + name.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(line: &str) -> Option<&str> {
        match inline_ago(line)? {
            (_, Beside::Name(a, b)) => Some(&line.trim()[a..b]),
            (_, Beside::Updated) => None,
        }
    }

    #[test]
    fn a_name_beside_a_relative_time_in_several_languages() {
        for (line, seconds, who) in [
            ("By Jon Smith · 2 hours ago", 7200, "By Jon Smith"),
            ("Jon Smith, 5 mins ago", 300, "Jon Smith"),
            ("vor 5 Minuten · Anna Weber", 300, "Anna Weber"),
            ("il y a 12 min - Le Monde", 720, "Le Monde"),
            ("Par Jean de La Fontaine | il y a 3 heures", 10800, "Par Jean de La Fontaine"),
            ("hace 20 minutos · Redacción", 1200, "Redacción"),
            ("Marco Rossi 12 minuti fa", 720, "Marco Rossi"),
            ("Sophie Morris12m ago", 720, "Sophie Morris"),
            ("vor 12 Min.Andrea Kessler", 720, "Andrea Kessler"),
            ("12m agoSophie Morris", 720, "Sophie Morris"),
            ("il y a 5 minClaire Morel", 300, "Claire Morel"),
            ("Sophie McDonald12m ago", 720, "Sophie McDonald"),
        ] {
            assert_eq!(inline_ago(line).map(|(s, _)| s), Some(seconds), "{line}");
            assert_eq!(name(line), Some(who), "{line}");
        }
    }

    #[test]
    fn an_updated_word_before_a_relative_time() {
        assert_eq!(inline_ago("Aggiornato 3 minuti fa"), Some((180, Beside::Updated)));
        assert_eq!(inline_ago("Updated 5 min ago"), Some((300, Beside::Updated)));
        assert_eq!(inline_ago("Aktualisiert vor 2 Stunden"), Some((7200, Beside::Updated)));
    }

    #[test]
    fn sentences_headlines_and_durations_beside_a_time_are_no_stamps() {
        for line in [
            "The storm hit 2 hours ago",
            "Ferries cancelled on every route · 2 hours ago",
            "5 min read · Jon Smith",
            "Jon Smith · 5 min",
            "By Jon Smith",
            "2 hours ago",
            "Police said the man left 3 hours ago.",
            "Jon Smith · 2 hours ago · 5 min read",
            "Ferries cancelled on every route2 hours ago",
            "2 hours agoFerries cancelled on every route",
        ] {
            assert_eq!(inline_ago(line), None, "{line}");
        }
    }
}
