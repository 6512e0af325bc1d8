//! An all-caps badge before a post's clock (`DONE DEAL22:41`, `EXCLUSIVE 18:05`): live blogs
//! flag posts with a short capitalised badge in an element beside the `<time>`, and the copy
//! glues the two. The post-label words (`post-label:` in `assets/words.txt`) cannot list every
//! outlet's badges, so one to three capitalised words standing alone before a clock that ends
//! the line are read as a badge — unless a word is one the page's dates use (a weekday, month
//! zone or day word: `MON 12:30`, `BST 09:00`, `TODAY 18:00`) or a word that does not label (`AT 18:00`).

use super::{Shape, Stamp, stamp};
use crate::parse::words::words;
use regex::Regex;
use std::sync::LazyLock;

/// One to three words of two or more capitals (apostrophes and hyphens inside), at most 24
/// bytes, then at most one space.
static BADGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+){0,2}) ?").expect("badge regex")
});

/// Words that may stand in capitals before a clock without being a badge.
static NOT_BADGE: LazyLock<Regex> = LazyLock::new(|| {
    let w = words();
    Regex::new(&format!(
        r"(?i)^(?:{}|{}|{}|{}|{}|{}|{})$",
        w.weekday_alt, w.month_alt, w.zone_alt, w.not_label_alt, w.updated_alt, w.published_alt, w.day_word_alt
    ))
    .expect("not-badge regex")
});

/// The length of the badge opening `text`, if one does.
fn badge_len(text: &str) -> Option<usize> {
    let caps = BADGE.captures(text)?;
    let badge = caps.get(1)?.as_str();
    if badge.len() > 24 || badge.split(' ').any(|w| NOT_BADGE.is_match(w)) {
        return None;
    }
    Some(caps.get(0)?.end())
}

/// Whether the whole of `text` is a badge: the HTML renderer keeps a `<time>` after one on the
/// badge's line, as the copy has it.
pub(crate) fn is_badge(text: &str) -> bool {
    let t = text.trim();
    badge_len(t).is_some_and(|n| t[..n].trim_end().len() == t.len())
}

/// The stamp of a line that is a badge then a clock and nothing else.
pub(crate) fn badged(line: &str, context: Option<&str>) -> Option<Stamp> {
    let n = badge_len(line)?;
    let rest = &line[n..];
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut st = stamp(rest, context)?;
    if st.shape != Shape::Bare || st.unshown.is_some() || st.rest.is_some() {
        return None;
    }
    st.shape = Shape::Label;
    st.rest = Some((0, line[..n].trim_end().len()));
    Some(st)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Clock;

    #[test]
    fn a_capitalised_badge_glued_to_a_clock_is_the_stamp_label() {
        let s = badged("DONE DEAL22:41", None).expect("stamp");
        assert_eq!((s.clock, s.shape, s.rest), (Clock::new(22, 41).unwrap(), Shape::Label, Some((0, 9))));
        let s = badged("EXCLUSIVE 18:05", None).expect("a spaced badge");
        assert_eq!((s.clock, s.rest), (Clock::new(18, 5).unwrap(), Some((0, 9))));
        assert_eq!(badged("MEDICAL UNDER WAY9:30", None).unwrap().clock, Clock::new(9, 30).unwrap());
        assert!(is_badge(" DONE DEAL ") && is_badge("OFFICIAL") && !is_badge("Done deal"));
    }

    #[test]
    fn dates_words_sentences_and_long_runs_are_no_badge() {
        assert!(badged("MON 12:30", None).is_none(), "a weekday");
        assert!(badged("AUGUST 12:30", None).is_none(), "a month");
        assert!(badged("BST 09:00", None).is_none(), "a zone");
        assert!(badged("AT 18:00", None).is_none(), "a word that does not label");
        assert!(badged("TODAY 18:00", None).is_none(), "a day word");
        assert!(badged("DONE DEAL22:41 Sancho joins", None).is_none(), "text after the clock");
        assert!(badged("ONE TWO THREE FOUR 12:00", None).is_none(), "four words");
        assert!(badged("Done Deal22:41", None).is_none(), "not capitals");
        assert!(badged("A 12:00", None).is_none(), "one letter");
        assert!(!is_badge("ARSENAL VERSUS BRIGHTON TODAY"));
    }
}
