//! Posts whose header prints the author and then a plain clock (`Alix Carter17:19`, with labels
//! before the name as a copy glues them: `PinnedBreakingAlix Carter17:19`). One such line is no
//! proof — `Joe Smith 15:20` may be a sentence's end or a schedule's row, and the stamp reader
//! keeps it as text — but a page that repeats the shape, more often than it prints any other
//! stamp, stamps its posts with it.

use super::{Kind, Lines, text_of};
use crate::model::Clock;
use crate::parse::time::{Shape, Stamp};
use regex::Regex;
use std::sync::LazyLock;

/// Capitalised words (a name, labels glued before it, maybe a day word: `Jonathan Bell Today
/// at 11:52`), then a 24-hour clock ending the line.
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){1,4}(?:\s(?:at|um|à|alle|ore|às))?\s?(?P<h>\d{1,2})[:.](?P<m>\d{2})$",
    )
    .expect("named clock regex")
});

/// The fewest such lines that make the shape the page's stamp.
const AT_LEAST: usize = 3;

/// Turns the page's `Name HH:MM` lines into stamps where the page repeats the shape more than
/// any other.
pub(super) fn name_clocks(out: &mut Lines, text: &str) {
    let found: Vec<(usize, Clock, usize)> = (0..out.lines.len())
        .filter(|&i| out.lines[i].kind == Kind::Text)
        .filter_map(|i| {
            let t = text_of(text, &out.lines[i]);
            // The cheap test first: the line ends with two digits.
            if !t.as_bytes().last().is_some_and(u8::is_ascii_digit) || t.len() > 80 {
                return None;
            }
            let caps = NAMED.captures(t)?;
            let h = caps.name("h")?;
            let clock = Clock::new(h.as_str().parse().ok()?, caps["m"].parse().ok()?)?;
            Some((i, clock, name_end(&t[..h.start()])))
        })
        .collect();
    let stamped = out.lines.iter().filter(|l| l.kind == Kind::Time).count();
    if found.len() < AT_LEAST || found.len() <= stamped {
        return;
    }
    for (i, clock, name_end) in found {
        let stamp = Stamp {
            clock,
            zone: None,
            date: None,
            shape: Shape::Label,
            rest: Some((0, name_end)),
            leading: true,
            unshown: None,
        };
        out.add_stamp(i, stamp);
    }
}

/// Where the name ends before the clock: the connector and the day word (`Today at`) are the
/// stamp's, not the author's.
fn name_end(before: &str) -> usize {
    let mut name = before.trim_end();
    for _ in 0..2 {
        if let Some((head, last)) = name.rsplit_once(' ')
            && (CONNECTORS.contains(&last) || crate::parse::day_words::is_divider(last))
        {
            name = head.trim_end();
        }
    }
    name.len()
}

const CONNECTORS: [&str; 6] = ["at", "um", "à", "alle", "ore", "às"];

#[cfg(test)]
mod tests {
    use crate::parse::lines::{Kind, classify};
    use crate::parse::rules::Rules;

    fn times(text: &str) -> Vec<String> {
        let lines = classify(text, Rules::embedded(), &[]);
        lines.lines.iter().filter_map(|l| lines.stamp(l)).map(|s| s.clock.to_string()).collect()
    }

    #[test]
    fn a_repeated_author_and_clock_stamps_the_posts() {
        let page = "Politics latest\n\nPinnedBreakingAlix Carter17:19\nPM calls election\nHe spoke in the rain.\n\n\
                    Alix Carter18:34\nThe PM has left Downing Street for the last Cabinet meeting.\n\n\
                    Tim Baker 16:51\nLabour: we are ready\nThe Labour leader says his party is ready.\n";
        assert_eq!(times(page), ["17:19", "18:34", "16:51"]);
        let lines = classify(page, Rules::embedded(), &[]);
        assert_eq!(lines.lines.iter().filter(|l| l.kind == Kind::Time).count(), 3);
    }

    #[test]
    fn an_author_then_a_day_word_and_a_clock_stamps_the_posts() {
        let page = "Storm live\n\nJonathan Bell Today at 11:52\nPower cuts\nCrews wait.\n\n\
                    Claire McNeilly Today at 10:26\nTrains stop\nNo services.\n\n\
                    Lauren Harte Yesterday at 23:40\nSchools shut\nAll schools close.\n";
        assert_eq!(times(page), ["11:52", "10:26", "23:40"]);
        assert_eq!(super::name_end("Jonathan Bell Today at "), "Jonathan Bell".len());
    }

    #[test]
    fn once_or_twice_it_is_text() {
        let page = "Live\n\n14:02\nA post\nSome text.\n\n13:10\nAnother post\nMore text.\n\n12:00\nThird\nText.\n\n\
                    Trains run until Joe Smith 15:20\nKick Off 15:00\n";
        assert_eq!(times(page), ["14:02", "13:10", "12:00"]);
    }
}
