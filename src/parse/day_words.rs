//! Relative day words (`Heute`, `Gestern`, `Yesterday`, `Hier`, `Ieri`, `Ayer`): a live page
//! prints them alone over a day's posts, or before a post's clock (`Gestern, 22:15 Uhr`), in
//! place of a date. The day they name counts back from the page's "today" — when the copy was
//! taken (when it falls on the page's last update or the day after), else that update. The words and their distance are data
//! (`assets/day_words.txt`).

use super::lines::{Kind, Lines};
use chrono::{Days, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

/// (days back, the words' alternation) for each line of the list.
pub(super) static WORDS: LazyLock<Vec<(u64, Regex)>> = LazyLock::new(|| {
    include_str!("../../assets/day_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (n, words) = l.split_once(':')?;
            let alt: Vec<String> = words.split('|').map(|w| regex::escape(w.trim()).replace(' ', r"\s+")).collect();
            // Longest first: `l'altro ieri` before `ieri`.
            let mut alt = alt;
            alt.sort_by_key(|w| std::cmp::Reverse(w.len()));
            let re = Regex::new(&format!(r"(?i)^(?:{})(?:$|[\s,:.–-])", alt.join("|"))).ok()?;
            Some((n.trim().parse().ok()?, re))
        })
        .collect()
});

/// How many days back the day word opening `text` names, if one does.
fn days_back(text: &str) -> Option<u64> {
    let t = text.trim_start();
    WORDS.iter().filter_map(|(n, re)| re.find(t).map(|m| (m.end(), *n))).max().map(|(_, n)| n)
}

/// Marks a line that is only a day word, right over a post's time, as a day header
/// (`Gestern` / `22:15 Uhr`): it divides the days and is no part of the post above.
pub(crate) fn mark_dividers(out: &mut Lines, text: &str) {
    let filled: Vec<usize> = (0..out.lines.len()).filter(|&i| out.lines[i].kind != Kind::Blank).collect();
    for pair in filled.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let line = &out.lines[a];
        if line.kind == Kind::Text && out.lines[b].kind == Kind::Time && {
            let t = &text[line.span.start as usize..line.span.end as usize];
            is_divider(t) || super::weekday_divider::weekday(t).is_some()
        } {
            out.lines[a].kind = Kind::DayHeader;
        }
    }
}

/// Whether a line is only a day word (`Gestern`, `Yesterday:`).
pub(crate) fn is_divider(line: &str) -> bool {
    divider_day(line, NaiveDate::MAX).is_some()
}

/// The day a line that is only a day word names (`Gestern`, `Yesterday:`), counted back from
/// `today`.
pub(crate) fn divider_day(line: &str, today: NaiveDate) -> Option<NaiveDate> {
    let t = line.trim().trim_end_matches([':', '.', ',']).trim_end();
    let n = days_back(t)?;
    // The word and nothing else: `Heute im Ticker` is a sentence.
    WORDS.iter().find(|(k, _)| *k == n)?.1.find(t).filter(|m| m.end() == t.len())?;
    today.checked_sub_days(Days::new(n))
}

/// The day a stamp line that opens with a day word before its clock names (`Gestern, 22:15
/// Uhr`, `Hier à 18h05`), or whose author's name comes first (`Jonathan Bell Today at 11:52`).
pub(crate) fn stamp_day(line: &str, today: NaiveDate) -> Option<NaiveDate> {
    let n = days_back(line).or_else(|| after_name(line))?;
    today.checked_sub_days(Days::new(n))
}

/// A day word after a short name, right before the clock (`Jonathan Bell Today at 11:52`,
/// `Lisa Becker Gestern um 22:10`): at most one short connector between the word and the digits,
/// so a sentence that merely holds the word (`… said today that 40 homes …`) names no day.
fn after_name(line: &str) -> Option<u64> {
    if line.len() > 80 {
        return None;
    }
    let starts = line.char_indices().filter(|&(i, c)| i > 0 && c.is_uppercase() && line[..i].ends_with(' '));
    starts.into_iter().find_map(|(i, _)| {
        let t = &line[i..];
        let (end, n) = WORDS.iter().filter_map(|(n, re)| re.find(t).map(|m| (m.end(), *n))).max()?;
        let rest = t[end..].trim_start_matches([' ', ',']);
        let rest = match rest.split_once(' ') {
            Some((w, r)) if w.len() <= 5 && w.chars().all(char::is_lowercase) => r,
            _ => rest,
        };
        rest.starts_with(|c: char| c.is_ascii_digit()).then_some(n)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn day_words_alone_name_a_day_back_from_today() {
        let today = d(2024, 8, 14);
        assert_eq!(divider_day("Gestern", today), Some(d(2024, 8, 13)));
        assert_eq!(divider_day("  Heute ", today), Some(today));
        assert_eq!(divider_day("Yesterday:", today), Some(d(2024, 8, 13)));
        assert_eq!(divider_day("Hier", today), Some(d(2024, 8, 13)));
        assert_eq!(divider_day("Ieri", today), Some(d(2024, 8, 13)));
        assert_eq!(divider_day("AYER", today), Some(d(2024, 8, 13)));
        assert_eq!(divider_day("Vorgestern", today), Some(d(2024, 8, 12)));
        assert_eq!(divider_day("Avant-hier", today), Some(d(2024, 8, 12)));
        assert_eq!(divider_day("Gestern", d(2024, 3, 1)), Some(d(2024, 2, 29)), "across a month");
    }

    #[test]
    fn a_sentence_that_opens_with_a_day_word_is_no_divider() {
        let today = d(2024, 8, 14);
        assert_eq!(divider_day("Heute im Ticker: Unwetter", today), None);
        assert_eq!(divider_day("Hierarchy", today), None);
        assert_eq!(divider_day("Today's top stories", today), None);
    }

    #[test]
    fn a_day_word_before_a_clock_names_its_day() {
        let today = d(2024, 8, 14);
        assert_eq!(stamp_day("Gestern, 22:15 Uhr", today), Some(d(2024, 8, 13)));
        assert_eq!(stamp_day("Heute, 11:50 Uhr", today), Some(today));
        assert_eq!(stamp_day("Hier à 18h05", today), Some(d(2024, 8, 13)));
        assert_eq!(stamp_day("Yesterday 9.30pm", today), Some(d(2024, 8, 13)));
        assert_eq!(stamp_day("22:15 Uhr", today), None);
        assert_eq!(stamp_day("Jonathan Bell Today at 11:52", today), Some(today));
        assert_eq!(stamp_day("Claire McNeilly Yesterday at 23:40", today), Some(d(2024, 8, 13)));
        assert_eq!(stamp_day("Lisa Becker Gestern um 22:10", today), Some(d(2024, 8, 13)));
        // The word inside a sentence, far from any clock, names no day.
        assert_eq!(stamp_day("Police Today said more than 40 homes at 11:52", today), None);
    }
}
