//! A clock glued to a match minute (`19h0290+4'`, `18:5182'`): a match live prints the post's
//! clock and the minute of play in adjacent elements, which copies and dumps run together. The
//! clock keeps its two minute digits; the match minute after it (`90+4'`, `45'+2`, `1'`) is
//! dropped, as a minute of play is never a time of day. A post head may also run the score and
//! the minute (`52'`, the French `45e+2`, or `HT`, `FT`) into the clock after them (`WAL 13-20 AUS52'15:47`): the clock
//! stamps the post and the score is its label.

use super::{Shape, Stamp};
use crate::model::Clock;
use regex::Regex;
use std::sync::LazyLock;

static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<h>[01]?\d|2[0-3])[:hH.](?P<m>[0-5]\d)\s*\d{1,3}(?:\+\d{1,2})?[’'](?:\+\d{1,2}[’']?)?$")
        .expect("match minute regex")
});

static SCORED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<score>\S.{0,40}?\d{1,3}\s?[-–]\s?\d{1,3}(?:\s\S.{0,30}?)?)\s*(?:\d{1,3}(?:\+\d{1,2})?[’'](?:\+\d{1,2}[’']?)?|\d{1,3}e(?:\+\d{1,2}?)?|HT|FT|AET)\s*(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)$",
    )
    .expect("score minute clock regex")
});

/// A minute of play run into the clock after it, with no score (`62e18h22`, `80'18:41`): a
/// match live's post head prints the minute and the clock in adjacent elements. Added time
/// after the mark counts only closed by a second mark (`45'+1' 15:47`): in `90'+418h54` the
/// digits could be the added time's or the hour's (see `lines::match_minute`).
pub(super) static MINUTE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,3}(?:\+\d{1,2})?(?:[’'](?:\+\d{1,2}[’'])?|e(?:\+\d{1,2}?)?)\s*(?P<h>[01]?\d|2[0-3])[:hH.](?P<m>[0-5]\d)$")
        .expect("minute clock regex")
});

/// What a match or a Test prints beside a post's clock to count the play, not the day: a minute
/// (`88'`, `45'+2'`), the German minute with its ordinal dot (`88.`, `90.+4`), the French one
/// (`62e`, `90e+4`, `1re`) or a cricket over (`27.0 ov`, `49.4 overs`).
static PLAY_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:\d{1,3}(?:\+\d{1,2})?[’'](?:\+\d{1,2}[’']?)?|\d{1,3}\.(?:\+\d{1,2}\.?)?|\d{1,3}e(?:\+\d{1,2})?|1(?:re|er)|\d{1,3}\.\d\s*ov(?:ers?)?\.?)\s*$",
    )
    .expect("play count regex")
});

/// Whether the text after a clock only counts the play (see [`PLAY_COUNT`]): the clock before it
/// stamps the post, as copies run the two elements of a post head together (`22:4888.`,
/// `22h0862e`, `4:52 PM IST27.0 ov`).
pub(crate) fn is_play_count(tail: &str) -> bool {
    PLAY_COUNT.is_match(tail)
}

/// The stamp of a line holding only a match minute and the clock after it.
pub(crate) fn minute_then_clock(line: &str) -> Option<Stamp> {
    let c = MINUTE_FIRST.captures(line.trim_end())?;
    Some(Stamp::bare(Clock::new(c["h"].parse().ok()?, c["m"].parse().ok()?)?))
}

/// The stamp of a line holding a score, a match minute and a clock, in that order.
pub(crate) fn score_minute_clock(line: &str) -> Option<Stamp> {
    let c = SCORED.captures(line.trim_end())?;
    let score = c.name("score")?;
    let clock = Clock::new(c["h"].parse().ok()?, c["m"].parse().ok()?)?;
    let rest = Some((score.start(), score.start() + score.as_str().trim_end().len()));
    Some(Stamp { shape: Shape::Label, rest, ..Stamp::bare(clock) })
}

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
        // Stoppage time written with a second apostrophe, as Italian pages print it.
        assert_eq!(clock_then_minute("16:5690'+3'").unwrap().clock, Clock::new(16, 56).unwrap());
        assert_eq!(clock_then_minute("15:4745’+1’").unwrap().clock, Clock::new(15, 47).unwrap());
    }

    #[test]
    fn a_clock_after_a_score_and_a_minute_is_the_stamp() {
        for (line, want, score) in [
            ("WAL 13-20 AUS52'15:47", (15, 47), "WAL 13-20 AUS"),
            ("WAL 8-18 AUSHT15:03", (15, 3), "WAL 8-18 AUS"),
            ("WAL 20-52 AUS FT 17:12", (17, 12), "WAL 20-52 AUS"),
            ("Arsenal 2-1 Chelsea 90+3' 21:47", (21, 47), "Arsenal 2-1 Chelsea"),
            ("PSG 1-0 OM 45e+2 21:48", (21, 48), "PSG 1-0 OM"),
        ] {
            let s = score_minute_clock(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(s.clock, Clock::new(want.0, want.1).unwrap(), "{line}");
            let (a, b) = s.rest.expect("the score");
            assert_eq!(&line[a..b], score, "{line}");
        }
        for line in ["Arsenal 15:00 Brighton", "Gakpo 12', Salah 78' (pen)", "Won 3-1 in 2019 at 15:00", "13-20 52'"] {
            assert!(score_minute_clock(line).is_none(), "{line}");
        }
    }

    #[test]
    fn a_minute_glued_before_the_clock_is_dropped() {
        assert_eq!(minute_then_clock("62e18h22").unwrap().clock, Clock::new(18, 22).unwrap());
        // Added time runs into the clock: the shortest added time leaves the clock its hour.
        assert_eq!(minute_then_clock("90e+422h56").unwrap().clock, Clock::new(22, 56).unwrap());
        assert_eq!(minute_then_clock("45e+321h47").unwrap().clock, Clock::new(21, 47).unwrap());
        assert_eq!(minute_then_clock("90e+1218h22").unwrap().clock, Clock::new(18, 22).unwrap());
        assert_eq!(minute_then_clock("80e+2 18h41").unwrap().clock, Clock::new(18, 41).unwrap());
        assert_eq!(minute_then_clock("52'15:47").unwrap().clock, Clock::new(15, 47).unwrap());
        assert_eq!(minute_then_clock("45'+1' 15:47").unwrap().clock, Clock::new(15, 47).unwrap());
        assert!(minute_then_clock("90'+418h54").is_none_or(|s| s.clock == Clock::new(18, 54).unwrap()));
        for line in ["62e", "18h22", "62e minute 18h22", "2e18h22 de jeu", "1er18h22"] {
            assert!(minute_then_clock(line).is_none(), "{line}");
        }
    }

    #[test]
    fn a_minute_alone_or_a_score_is_no_stamp() {
        assert!(clock_then_minute("96'").is_none());
        assert!(clock_then_minute("Lewandowski 54' 56'").is_none());
        assert!(clock_then_minute("19h02 Rennes s'impose").is_none());
    }

    #[test]
    fn play_counts_are_minutes_and_overs_only() {
        for t in ["88.", "90.+4", "45.+2", "62e", "90e+4", "1re", "27.0 ov", "49.4 overs", "67'", " 45'+1'"] {
            assert!(is_play_count(t), "{t}");
        }
        for t in ["Uhr", "88 Tore", "2024.", "12.5 %", "e", "Tor für Inter", "27.0"] {
            assert!(!is_play_count(t), "{t}");
        }
    }
}
