//! A post's label before its stamp (`Key Event17:55`, `Pinned post19:22`,
//! `Key event0h ago17.02 BST`): live blogs print the label and the clock in adjacent inline
//! elements, which a browser's copy glues together. The labels are data (`post-label:` in
//! `assets/words.txt`); the stamp after the label is read as if it stood alone, an author glued
//! after it (`Key Event18:56Saskia Long`, Reach's badge, clock and byline) kept out of the label.

use super::{Shape, Stamp, stamp};
use crate::parse::words::words;
use regex::Regex;
use std::sync::LazyLock;

static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^(?:{})\s*", words().post_label_alt)).expect("post label regex"));

static CLOCK_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^(?:{})\s+\d", words().clock_before_alt)).expect("clock word regex"));

/// Whether the whole of `text` is a post label: the HTML renderer keeps a `<time>` after one on
/// the label's line.
pub(crate) fn is_label(text: &str) -> bool {
    let t = text.trim();
    LABEL.find(t).is_some_and(|m| m.end() == t.len()) && !t.is_empty()
}

/// The stamp of a line that opens with a post label then a stamp with nothing after it.
pub(crate) fn labelled(line: &str, context: Option<&str>) -> Option<Stamp> {
    let m = LABEL.find(line)?;
    let rest = &line[m.end()..];
    // `Aggiornamento ore 14.03`: the label, then the word some languages put before a clock.
    if !rest.starts_with(|c: char| c.is_ascii_digit()) && !CLOCK_WORD.is_match(rest) {
        return None;
    }
    let mut st = stamp(rest, context)?;
    // A date-time after the label (`Angeheftet15.09.2024, 07:48`) keeps its shape: it is one of
    // the feed's dated stamps, which the page weighs together.
    if !matches!(st.shape, Shape::Bare | Shape::Label | Shape::Dated) || st.unshown.is_some() {
        return None;
    }
    if st.shape != Shape::Dated {
        st.shape = Shape::Label;
    }
    st.rest = Some((0, line[..m.end()].trim_end().len()));
    Some(st)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Clock;

    #[test]
    fn a_glued_label_before_a_clock_is_the_stamp_label() {
        let s = labelled("Key Event17:55", None).expect("stamp");
        assert_eq!(s.clock, Clock::new(17, 55).unwrap());
        assert_eq!(s.shape, Shape::Label);
        assert_eq!(s.rest, Some((0, 9)));
        let s = labelled("Key event0h ago17.02 BST", None).expect("stamp after a relative time");
        assert_eq!(s.clock, Clock::new(17, 2).unwrap());
        assert_eq!(labelled("Pinned post19:22", None).unwrap().clock, Clock::new(19, 22).unwrap());
        assert_eq!(labelled("AGGIORNAMENTO09:58", None).unwrap().clock, Clock::new(9, 58).unwrap());
        let s = labelled("Key Event18:56Saskia Long", None).expect("stamp with an author after it");
        assert_eq!((s.clock, s.rest), (Clock::new(18, 56).unwrap(), Some((0, 9))));
        assert_eq!(labelled("Update18:20Saskia Long", None).unwrap().clock, Clock::new(18, 20).unwrap());
        let s = labelled("Aggiornamento ore 14.03", None).expect("a label, `ore`, then the clock");
        assert_eq!((s.clock, s.rest), (Clock::new(14, 3).unwrap(), Some((0, 13))));
        assert!(is_label(" Key Event ") && is_label("Update") && !is_label("Key Event 18:56") && !is_label(""));
    }

    #[test]
    fn a_label_before_a_sentence_or_no_clock_is_no_stamp() {
        let pinned = labelled("Angeheftet15.09.2024, 07:48", None).expect("a dated stamp after a label");
        assert_eq!(
            (pinned.clock, pinned.date, pinned.rest),
            (Clock::new(7, 48).unwrap(), Some((15, 9, Some(2024))), Some((0, 10)))
        );
        assert!(labelled("Breaking news from Paris", None).is_none());
        assert!(labelled("Breaking 17:30 was when the river burst its banks", None).is_none());
        assert!(labelled("Updated 18:20", None).is_none());
    }
}
