//! A clock glued to a match minute (`19h0290+4'`, `18:5182'`): a match live prints the post's
//! clock and the minute of play in adjacent elements, which copies and dumps run together. The
//! clock keeps its two minute digits; the match minute after it (`90+4'`, `45'+2`, `1'`) is
//! dropped, as a minute of play is never a time of day.

use super::Stamp;
use crate::model::Clock;
use regex::Regex;
use std::sync::LazyLock;

static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<h>[01]?\d|2[0-3])[:hH.](?P<m>[0-5]\d)\s*\d{1,3}(?:\+\d{1,2})?[’'](?:\+\d{1,2})?$")
        .expect("match minute regex")
});

/// The stamp of a line holding only a clock and the match minute after it.
pub(crate) fn clock_then_minute(line: &str) -> Option<Stamp> {
    let c = GLUED.captures(line.trim_end())?;
    Some(Stamp::bare(Clock::new(c["h"].parse().ok()?, c["m"].parse().ok()?)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_before_a_glued_match_minute_is_the_stamp() {
        assert_eq!(clock_then_minute("19h0290+4'").unwrap().clock, Clock::new(19, 2).unwrap());
        assert_eq!(clock_then_minute("17h4845'+2").unwrap().clock, Clock::new(17, 48).unwrap());
        assert_eq!(clock_then_minute("17h051'").unwrap().clock, Clock::new(17, 5).unwrap());
        assert_eq!(clock_then_minute("18:29 61'").unwrap().clock, Clock::new(18, 29).unwrap());
    }

    #[test]
    fn a_minute_alone_or_a_score_is_no_stamp() {
        assert!(clock_then_minute("96'").is_none());
        assert!(clock_then_minute("Lewandowski 54' 56'").is_none());
        assert!(clock_then_minute("19h02 Rennes s'impose").is_none());
    }
}
