//! A clock that opens a paragraph with no separator (`<p><strong>18:47</strong> Il presidente
//! della Regione: «Danni ingenti…»`, as Italian agencies print their live entries): once the
//! markup is gone the clock and the post's text share one line, `18:47 Il presidente…`. Read as
//! an inline stamp only when what follows is a sentence — long, opening with a capital — so that
//! tickers (`18:52 Borsa: Milano chiude`), schedules (`09:00 Doors open`) and prices
//! (`2.50 Euro …`, hence no `.` separator) stay text.

use super::{Shape, Stamp};
use crate::model::Clock;
use regex::Regex;
use std::sync::LazyLock;

/// Fewer characters after the clock make a ticker or schedule line, not a post.
const MIN_SENTENCE: usize = 60;

/// A text this long runs on past the line (a dump wraps it); a shorter one must hold a
/// sentence's end, which a ticker's cut-off headline (`18:34 The Prime Minister has left
/// Downing Street for the last Cabi`) does not.
const WRAPPED: usize = 72;

static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<h>[01]?\d|2[0-3])[:hH](?P<m>[0-5]\d)\s+(?P<text>[\p{Lu}«“\x22„][^\n]*)$")
        .expect("paragraph clock regex")
});

/// The stamp of a line that opens with a clock, a space and a sentence.
pub(crate) fn paragraph_clock(line: &str) -> Option<Stamp> {
    let c = OPENING.captures(line)?;
    let text = c.name("text")?;
    let words = text.as_str().split_whitespace().count();
    let len = text.as_str().chars().count();
    let t = text.as_str().trim_end();
    let sentence = t.ends_with(['.', '!', '?', '»', '”', '"']) || t.contains(". ");
    // A sentence runs mostly on lowercase words; a results row (`18:00 Fogo Unia Leszno 57 : 33
    // RM Solar Falubaz…`) is names and numbers.
    let lower = text.as_str().split_whitespace().filter(|w| w.starts_with(char::is_lowercase)).count();
    if len < MIN_SENTENCE || words < 8 || (len < WRAPPED && !sentence) || lower * 5 < words * 2 {
        return None;
    }
    let clock = Clock::new(c["h"].parse().ok()?, c["m"].parse().ok()?)?;
    Some(Stamp::opening_paragraph(clock, None, text.start(), line))
}

impl Stamp {
    /// A stamp that opens a paragraph of the post's text (`17:30 Esondato il Lamone…`,
    /// `Update vom 14. August, 16.40 Uhr: Der Deutsche…`): the text from `text_start` to the
    /// end of `line` stays the post's.
    pub(super) fn opening_paragraph(
        clock: Clock,
        date: Option<(u32, u32, Option<i32>)>,
        text_start: usize,
        line: &str,
    ) -> Stamp {
        Stamp {
            clock,
            zone: None,
            date,
            shape: Shape::Inline,
            rest: Some((text_start, line.trim_end().len())),
            leading: true,
            unshown: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_after_the_clock_is_an_inline_stamp() {
        let line = "17:30 Esondato il Lamone a Traversara, evacuate 300 persone. I vigili del fuoco sono al lavoro.";
        let s = paragraph_clock(line).expect("stamp");
        assert_eq!(s.clock, Clock::new(17, 30).unwrap());
        assert_eq!(s.shape, Shape::Inline);
        let (a, b) = s.rest.unwrap();
        assert!(line[a..b].starts_with("Esondato"));
    }

    #[test]
    fn tickers_schedules_and_prices_are_not_stamps() {
        assert!(paragraph_clock("18:52 Borsa: Milano chiude in rialzo").is_none());
        assert!(paragraph_clock("09:00 Doors open and the first speakers take the stage").is_none());
        assert!(
            paragraph_clock("2.50 Euro kostet das Ticket jetzt, teilte der Verkehrsverbund am Montag mit").is_none()
        );
        assert!(
            paragraph_clock("18:00 Fogo Unia Leszno Fogo Unia Leszno 57 : 33 RM Solar Falubaz Zielona Góra RM Solar")
                .is_none()
        );
        assert!(paragraph_clock("18:34 The Prime Minister has left Downing Street for the last Cabi").is_none());
        assert!(
            paragraph_clock("17:30 was the time the river burst its banks, said the mayor of the town today").is_none()
        );
    }
}
