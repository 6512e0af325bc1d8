//! Whether the posts of a feed print their own days (`6. November` over `7:12 Uhr`), whether
//! or not the lines read as dividers: a header's date with no time is then no opening's day.

use crate::model::Story;
use crate::parse::lines::Lines;
use crate::parse::time;

/// Whether a line of the feed is a day alone (`6. November` over each post's `7:12 Uhr`), read
/// as a divider or not: the posts then show their own days, and the header's is no opening's.
pub(super) fn feed_prints_days(story: &Story, lines: &Lines) -> bool {
    let Some(first) = story.entries.first().map(|e| e.line) else { return false };
    let Some(stamp) = lines.lines.iter().find(|l| l.number == first) else { return false };
    // From the line above the first stamp (a day over its clock) to the end.
    let before = &story.text[..stamp.span.start as usize];
    let from = before.trim_end_matches(['\n', '\r']).rfind('\n').map_or(0, |i| i + 1);
    story.text[from..].lines().map(str::trim).any(|t| t.len() <= 40 && (time::day_header(t).is_some() || bare_day(t)))
}

/// A day and a month alone, either way round (`6. November`, `November 6`, `18 ottobre 2024`).
fn bare_day(t: &str) -> bool {
    static BARE_DAY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(?:\d{1,2}\.?\s+(?P<a>\p{L}+)\.?|(?P<b>\p{L}+)\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?$",
        )
        .expect("bare day regex")
    });
    BARE_DAY
        .captures(t)
        .and_then(|c| c.name("a").or(c.name("b")))
        .is_some_and(|m| time::dateline::month_number(m.as_str()).is_some())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_day_alone_is_told_from_other_short_lines() {
        for day in ["6. November", "November 6", "18 ottobre 2024", "Nov. 6th, 2024"] {
            assert!(super::bare_day(day), "{day}");
        }
        for other in ["Julia Berger", "Top 14", "6 Nations", "Wahlbeteiligung hoch"] {
            assert!(!super::bare_day(other), "{other}");
        }
    }
}
