//! A ticker headline that carries its clock between marks (`+++ 14:03 Selenskyj fordert mehr
//! Flugabwehr +++`, `*** 9.12 Uhr: Headline ***`, `+++ 14:03 +++`): German news tickers print
//! the post's time and title in one line framed by a run of `+`, `*` or `>`, which no sentence
//! of a post opens with. The marks make the clock an entry stamp even where a clock before a
//! capitalised word alone (`14:03 Selenskyj …`) would read as a sentence; the headline between
//! the clock and the closing marks is the post's.

use super::{Shape, Stamp};
use crate::model::Clock;
use regex::Regex;
use std::sync::LazyLock;

/// Opening marks (two or more of one kind, or a block arrow), the clock, an optional `Uhr`
/// and separator, then the headline up to the closing marks.
static MARKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\+{2,}|\*{2,}|>{2,}|[■▶►])\s*(?P<h>[012]?\d)[:.](?P<m>[0-5]\d)(?:\s*Uhr\b)?\s*(?:[:\-–—|]\s*)?(?P<text>.*?)\s*(?:\+{2,}|\*{2,}|<{2,})?\s*$",
    )
    .expect("ticker marks regex")
});

/// The stamp of a line framed by ticker marks, if it opens with them and a clock.
pub(crate) fn marked(line: &str) -> Option<Stamp> {
    let caps = MARKED.captures(line)?;
    let clock = Clock::new(caps["h"].parse().ok()?, caps["m"].parse().ok()?)?;
    let text = caps.name("text").expect("text group");
    let mut stamp = Stamp::bare(clock);
    if text.as_str().chars().any(char::is_alphabetic) {
        stamp.shape = Shape::Inline;
        stamp.rest = Some((text.start(), text.end()));
    } else if !text.as_str().is_empty() {
        return None;
    }
    Some(stamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_between_ticker_marks_stamps_the_headline_beside_it() {
        let line = "+++ 14:03 Selenskyj fordert mehr Patriot-Systeme +++";
        let s = marked(line).expect("stamp");
        assert_eq!(s.clock, Clock::new(14, 3).unwrap());
        assert_eq!(s.shape, Shape::Inline);
        let (a, b) = s.rest.expect("headline");
        assert_eq!(&line[a..b], "Selenskyj fordert mehr Patriot-Systeme");
        let s = marked("*** 9.12 Uhr: Bahn stellt Verkehr ein ***").expect("stamp with Uhr");
        assert_eq!(s.clock, Clock::new(9, 12).unwrap());
        let s = marked("+++ 22:12 +++").expect("a clock alone between marks");
        assert_eq!((s.shape, s.rest), (Shape::Bare, None));
    }

    #[test]
    fn marks_without_a_clock_first_or_a_single_mark_are_no_stamp() {
        assert!(marked("+++ Eilmeldung: Waffenruhe vereinbart +++").is_none());
        assert!(marked("+ 14:03 one plus is a sign").is_none());
        assert!(marked("+++ 14:03 +0,3% +++").is_none());
        assert!(marked("+++ 25:03 Headline +++").is_none());
    }
}
