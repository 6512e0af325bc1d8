//! Posts stamped only with a relative time: a line that is nothing but `5 min ago`, `Hace 12
//! minutos`, `il y a 3 heures`, `vor 5 Minuten`, `12 minuti fa`, `há 2 horas`, `3 uur geleden`
//! or `Just now` opens a post as a clock would. What it says is how long before the page's
//! reference instant the post went up ([`super::restamp`] finds that instant and turns the
//! age into a clock). The words are data in `assets/words.txt` (`ago-unit.N`,
//! `ago-before`, `ago-after`, `ago-one`, `just-now`).
//!
//! A line that is only the relative time, or the time beside a name or after an `updated`
//! word ([`super::relative_inline`]): `5 min read` is a reading time, a lone `Updated 5 min
//! ago` the page's dateline, and `4m ago12.50 BST` prints the post's clock, which always wins
//! ([`super::stamp`] reads it first).

use super::relative_inline::Beside;
use super::{Shape, Stamp, Unshown};
use crate::model::{Clock, When};
use crate::parse::words::{WORDS, words};
use chrono::Datelike;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The relative-time vocabulary: units by their worth in seconds, and the line regexes.
struct Vocabulary {
    /// Unit (lower case) → seconds.
    units: HashMap<String, u32>,
    /// Words standing for the number one, lower case.
    ones: Vec<String>,
    line: Regex,
    just_now: Regex,
    /// The words a relative time may open with, besides a number (lower case): most short
    /// lines of a page are told apart by their first word, without a regex.
    firsts: HashSet<String>,
    /// The words that say a time is past, as the line regex spells them (a word before the
    /// number followed by a space, one after it preceded by a space) and the "just now"
    /// phrases, unanchored: a line that holds none holds no relative time anywhere in it.
    past: Regex,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| Vocabulary::parse(WORDS));

impl Vocabulary {
    fn parse(text: &str) -> Vocabulary {
        let mut units = HashMap::new();
        let mut lists: HashMap<&str, Vec<&str>> = HashMap::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let Some((key, value)) = line.split_once(':') else { continue };
            let items = value.split('|').map(str::trim).filter(|w| !w.is_empty());
            if let Some(seconds) = key.trim().strip_prefix("ago-unit.") {
                let seconds: u32 = seconds.parse().expect("assets/words.txt: ago-unit.SECONDS");
                for unit in items {
                    units.insert(unit.to_lowercase(), seconds);
                }
            } else if matches!(key.trim(), "ago-after" | "ago-one" | "just-now") {
                lists.entry(key.trim()).or_default().extend(items);
            }
        }
        let alt = |words: &[&str]| {
            let mut words: Vec<&str> = words.to_vec();
            words.sort_by_key(|w| std::cmp::Reverse(w.len()));
            words.iter().map(|w| regex::escape(w).replace(' ', r"\s+")).collect::<Vec<_>>().join("|")
        };
        let unit_list: Vec<&str> = units.keys().map(String::as_str).collect();
        let list = |k: &str| lists.get(k).cloned().unwrap_or_default();
        let unit = alt(&unit_list);
        let number = format!(r"\d{{1,3}}|(?:{})", alt(&list("ago-one")));
        // The number and its unit, a second pair (`1 h 20 min`) after it, the words that say it
        // is past before or after them, and nothing else on the line.
        let line = Regex::new(&format!(
            r"(?i)^(?:(?P<before>{before})\s+)?(?P<n>{number})\s*(?P<u>{unit})\.?(?:,?\s*(?P<n2>\d{{1,3}})\s*(?P<u2>{unit})\.?)?(?:\s+(?P<after>{after}))?\s*\.?$",
            before = words().ago_before_alt,
            after = alt(&list("ago-after")),
        ))
        .expect("relative time regex");
        let just_now = Regex::new(&format!(r"(?i)^(?:{})\s*[.!]?$", alt(&list("just-now")))).expect("just-now regex");
        // Searched before curled apostrophes are straightened (see `seconds_ago`).
        let past = Regex::new(
            &format!(
                r"(?i)(?:{before})\s|\s(?:{after})|{just_now}",
                before = words().ago_before_alt,
                after = alt(&list("ago-after")),
                just_now = alt(&list("just-now")),
            )
            .replace('\'', "['’]"),
        )
        .expect("past-word regex");
        let ones = list("ago-one").iter().map(|w| w.to_lowercase()).collect();
        let before: Vec<&str> =
            text.lines().filter_map(|l| l.trim().strip_prefix("ago-before:")).flat_map(|v| v.split('|')).collect();
        let firsts = [list("ago-one"), list("just-now"), before]
            .concat()
            .iter()
            .filter_map(|w| first_word(w))
            .map(str::to_lowercase)
            .collect();
        Vocabulary { units, ones, line, just_now, firsts, past }
    }
}

/// How many seconds ago a line that is only a relative time says its post went up: `5 min
/// ago` is 300, `vor einer Stunde` 3600, `Just now` 0. `None` for any other line.
pub fn seconds_ago(line: &str) -> Option<u32> {
    let line = line.trim();
    // A relative time is short, and spelled in letters and digits only.
    if line.is_empty() || line.len() > 48 {
        return None;
    }
    // Copied text may curl the apostrophe (`À l’instant`, `un’ora fa`).
    let straight;
    let line = if line.contains('’') {
        straight = line.replace('’', "'");
        straight.as_str()
    } else {
        line
    };
    let v = &*VOCABULARY;
    let opens = if line.starts_with(|c: char| c.is_ascii_digit()) {
        // `17:38` and the numbers of a results table are no relative time.
        !super::has_clock_bytes(line.as_bytes()) && line.bytes().any(|b| b.is_ascii_alphabetic())
    } else {
        first_word(line).is_some_and(|w| v.firsts.contains(&w.to_lowercase()))
    };
    if !opens {
        return None;
    }
    if v.just_now.is_match(line) {
        return Some(0);
    }
    let caps = v.line.captures(line)?;
    // `5 min` alone is a duration, not a time past.
    if caps.name("before").is_none() && caps.name("after").is_none() {
        return None;
    }
    let count = |n: &str| -> Option<u32> { n.parse().ok().or_else(|| v.ones.contains(&n.to_lowercase()).then_some(1)) };
    let unit = |u: &str| v.units.get(&u.to_lowercase()).copied();
    let mut seconds = count(&caps["n"])?.checked_mul(unit(&caps["u"])?)?;
    if let (Some(n2), Some(u2)) = (caps.name("n2"), caps.name("u2")) {
        seconds = seconds.checked_add(count(n2.as_str())?.checked_mul(unit(u2.as_str())?)?)?;
    }
    Some(seconds)
}

/// The first word of a phrase, up to a space or an apostrophe (`un'ora` → `un`).
fn first_word(phrase: &str) -> Option<&str> {
    phrase.split([' ', '\'', '’', '\u{a0}']).map(str::trim).find(|w| !w.is_empty())
}

/// The stamp of a line that is only a relative time. Its clock is unknown until the page's
/// reference instant is: midnight stands in for it until [`super::restamp`] runs.
pub fn relative_stamp(line: &str) -> Option<Stamp> {
    // Every reading below (the line alone, after a share bar, before a share button, beside a
    // name, after an `updated` word) matches the line regex or the "just now" one on a part of
    // the line: a short line without a past word is let go by one search instead of five
    // readings. A longer one is let go by each reading's own length limit, sooner.
    if line.len() <= 200 && !VOCABULARY.past.is_match(line) {
        return None;
    }
    // A dump runs the share bar of the post above into the stamp (`Compartir en X Hace 39
    // minutos`), as it does before a clock.
    // Only a short line can be a bar and a relative time: a paragraph is not searched for a bar.
    let after_bar = || if line.len() <= 200 { super::share_bar::after_bar(line) } else { None };
    let before_button = || super::share_bar::before_share_word(line);
    let (seconds, beside) =
        match seconds_ago(line).or_else(|| seconds_ago(after_bar()?)).or_else(|| seconds_ago(before_button()?)) {
            Some(seconds) => (seconds, None),
            // `By Jon Smith · 2 hours ago`: the name beside the time is the post's author.
            None => super::relative_inline::inline_ago(line).map(|(s, b)| (s, Some(b)))?,
        };
    let rest = match beside {
        Some(Beside::Name(a, b)) => {
            let at = line.len() - line.trim_start().len();
            Some((at + a, at + b))
        }
        _ => None,
    };
    Some(Stamp {
        clock: Clock::new(0, 0).expect("midnight"),
        zone: None,
        date: None,
        shape: if rest.is_some() { Shape::Label } else { Shape::Bare },
        rest,
        leading: true,
        unshown: Some(Unshown::Ago(seconds)),
    })
}

/// The day word (`aujourd'hui`, `Gestern`) that opens a stamp line, after a `published` word
/// too (`Publié hier à 22h40`): the post's day told relative to the page's.
static DAY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    let w = words();
    Regex::new(&format!(r"^(?i:(?:{})\s+)?(?i:{})(?:[\s,]|$)", w.published_alt, w.day_word_alt))
        .expect("day word regex")
});

/// Whether a stamp line names its day by a word (`Publié aujourd'hui à 11h54`, `Heute, 11:50 Uhr`).
pub(crate) fn names_day_by_word(line: &str) -> bool {
    DAY_WORD.is_match(line.trim_start())
}

/// How long ago a stamp line says its post went up, when the line is a relative time (alone,
/// beside a name or after an `updated` word): what the archive needs to know how far the
/// post's computed clock may move between two fetches of the page.
pub fn ago_of(line: &str) -> Option<u32> {
    match relative_stamp(line.trim())?.unshown? {
        Unshown::Ago(seconds) => Some(seconds),
        Unshown::Markup => None,
    }
}

/// How far apart two readings of the same relative time may place its post: a time printed
/// in minutes (`5 min ago` → `6 min ago`) moves by under a minute, in hours by under an hour,
/// in days by under a day. Sites print the largest unit that fits.
pub fn ago_rounding(seconds: u32) -> u32 {
    match seconds {
        0..3600 => 60,
        3600..86_400 => 3600,
        _ => 86_400,
    }
}

/// The stamp of a line that prints no clock but says when its post went up: a `<time
/// datetime>` (`instant`) whose text is a relative time, or any text without a clock when the
/// time opens its post (`post_start`: `<article><time datetime="…">18 July</time>`); else a
/// line that is only a relative time. A `datetime` elsewhere (the page's dateline, a list of
/// articles) stamps nothing.
pub(crate) fn unshown_stamp(line: &str, instant: Option<When>, post_start: bool) -> Option<Stamp> {
    if let Some(w) = instant
        && line.chars().count() <= 48
        && !super::has_clock_bytes(line.as_bytes())
        && !super::dateline::has_kind(line)
        && (post_start || seconds_ago(line).is_some())
    {
        // The instant's own offset stands in for the page's zone until that is known.
        let local = w.local();
        return Some(Stamp {
            clock: Clock::from_time(local.time()),
            zone: None,
            date: Some((local.day(), local.month(), Some(local.year()))),
            shape: Shape::Bare,
            rest: None,
            leading: true,
            unshown: Some(Unshown::Markup),
        });
    }
    relative_stamp(line)
}

/// Compiles this module's regular expressions now (see `parse::warm`).
pub(crate) fn warm() {
    LazyLock::force(&VOCABULARY);
    LazyLock::force(&DAY_WORD);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_times_in_every_language() {
        for (line, want) in [
            ("5 min ago", 300),
            ("4m ago", 240),
            ("2 hours ago", 7200),
            ("an hour ago", 3600),
            ("1h ago", 3600),
            ("1 h 20 min ago", 4800),
            ("Hace 12 minutos", 720),
            ("hace una hora", 3600),
            ("il y a 3 heures", 10800),
            ("Il y a 5 min", 300),
            ("vor 5 Minuten", 300),
            ("vor 6 Min.", 360),
            ("vor einer Stunde", 3600),
            ("12 minuti fa", 720),
            ("un’ora fa", 3600),
            ("há 2 horas", 7200),
            ("2 horas atrás", 7200),
            ("3 uur geleden", 10800),
            ("2 days ago", 172_800),
            ("Just now", 0),
            ("À l'instant", 0),
            ("À l’instant", 0),
            ("Gerade eben", 0),
            ("Zojuist", 0),
        ] {
            assert_eq!(seconds_ago(line), Some(want), "{line}");
        }
    }

    #[test]
    fn the_past_word_search_lets_every_relative_time_through() {
        let past = &VOCABULARY.past;
        // Read whole: the search runs first, so each reading says it let the line through.
        for (line, want) in [
            ("5 min ago", 300),
            ("HÁ 2 HORAS", 7200),
            ("2 HORAS ATRÁS", 7200),
            ("À l’instant", 0),
            ("IL Y A 5 MIN", 300),
            ("un’ora fa", 3600),
            ("By Jon Smith · 2 hours ago", 7200),
            ("vor 5 Minuten · Anna Weber", 300),
            ("Aggiornato 3 minuti fa", 180),
        ] {
            assert_eq!(relative_stamp(line).and_then(|s| s.unshown), Some(Unshown::Ago(want)), "{line}");
        }
        // Run into a share button or bar: the past word stands glued to it.
        for line in ["Share48m ago", "Compartir en XHace 39 minutos", "5 min agoPartager"] {
            assert!(past.is_match(line), "{line}");
        }
        for line in ["Le conseil a voté la loi", "Storm warning for the coast", "12:45", "Le Conseil d’État valide"]
        {
            assert!(!past.is_match(line), "{line}");
        }
    }

    #[test]
    fn a_share_bar_run_into_a_relative_time() {
        let stamp = relative_stamp("Compartir en Facebook Compartir en X Hace 39 minutos").unwrap();
        assert_eq!(stamp.unshown, Some(Unshown::Ago(2340)));
    }

    #[test]
    fn a_share_button_closing_a_relative_time() {
        for (line, want) in [("Il y a 5 minPartager", 300), ("2 hours agoShare", 7200), ("vor 3 Min. Teilen", 180)] {
            assert_eq!(relative_stamp(line).and_then(|s| s.unshown), Some(Unshown::Ago(want)), "{line}");
        }
        assert!(relative_stamp("Partager").is_none());
        assert!(relative_stamp("Le train part dans 5 min Partager").is_none(), "a sentence is no relative time");
    }

    #[test]
    fn durations_datelines_and_sentences_are_not_relative_times() {
        for line in [
            "5 min",
            "5 min read",
            "Updated 5 min ago",
            "4m ago12.50 BST",
            "12:50",
            "02:31",
            "The storm hit 2 hours ago",
            "vor 5",
            "Just now the police said",
            "",
        ] {
            assert_eq!(seconds_ago(line), None, "{line}");
        }
    }
}
