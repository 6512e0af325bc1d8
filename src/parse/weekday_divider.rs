//! Day dividers that print only a weekday (`Monday`, `Sonntag`, `Samedi`): a feed over a few
//! days may head each day's posts with its weekday alone. Such a line, right over a post's time,
//! divides the days; the day walk of [`super::dates`] places it on the latest day, not after the
//! walk's current one, that falls on that weekday. Only full names count — an abbreviation alone
//! (`So`, `Mar`, `Do`) is too often a word of its own — and the names are data (`weekday.N` in
//! `assets/words.txt`).

use super::words::words;
use chrono::{Datelike, NaiveDate, Weekday};

/// The shortest full weekday name of the lists (`lundi`, `mardi`): shorter ones are abbreviations.
const FULL_NAME: usize = 5;

/// The weekday a line names when it is that name and nothing else (`Monday`, `Sonntag:`).
pub(crate) fn weekday(line: &str) -> Option<Weekday> {
    let t = line.trim().trim_end_matches([':', '.', ',']).trim_end();
    if t.chars().count() < FULL_NAME || t.len() > 24 || !t.chars().all(char::is_alphabetic) {
        return None;
    }
    words().weekday(t)
}

/// The latest day on or before `current` that falls on `weekday`.
pub(crate) fn on_or_before(current: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (7 + current.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    current - chrono::Days::new(u64::from(back))
}

/// How many days after `date` the newest divider falls when `date` is the day the feed opened:
/// a page's date with no time (`30th Nov 2024` in a byline) whose weekday only the OLDEST
/// divider names (`Sunday` … `Saturday` under a Saturday's date) is the blog's first day, not its
/// last update; counting back from it would put every post a week early. `dividers` are the
/// weekday dividers from the top of the page (newest) down.
pub(crate) fn opened_on(date: NaiveDate, dividers: &[Weekday]) -> Option<u64> {
    let (first, last) = (dividers.first()?, dividers.last()?);
    if dividers.len() < 2 || *last != date.weekday() || *first == date.weekday() {
        return None;
    }
    let span: u32 =
        dividers.windows(2).map(|p| (7 + p[0].num_days_from_monday() - p[1].num_days_from_monday()) % 7).sum();
    (1..7).contains(&span).then_some(u64::from(span))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_only_the_oldest_divider_names_is_the_opening() {
        let sat = NaiveDate::from_ymd_opt(2024, 11, 30).unwrap();
        assert_eq!(opened_on(sat, &[Weekday::Sun, Weekday::Sat]), Some(1));
        assert_eq!(opened_on(sat, &[Weekday::Mon, Weekday::Sun, Weekday::Sat]), Some(2));
        // The newest divider names the date: it is the last update, counted back from.
        assert_eq!(opened_on(sat, &[Weekday::Sat, Weekday::Fri]), None);
        assert_eq!(opened_on(sat, &[Weekday::Sat]), None);
        assert_eq!(opened_on(sat, &[Weekday::Sun, Weekday::Fri]), None);
    }

    #[test]
    fn full_weekday_names_alone_are_dividers() {
        assert_eq!(weekday("Monday"), Some(Weekday::Mon));
        assert_eq!(weekday("  Sonnabend: "), Some(Weekday::Sat));
        assert_eq!(weekday("dimanche"), Some(Weekday::Sun));
        assert_eq!(weekday("So"), None);
        assert_eq!(weekday("Monday morning"), None);
        assert_eq!(weekday("Mardi 12"), None);
    }

    #[test]
    fn the_weekday_counts_back_from_the_current_day() {
        let mon = NaiveDate::from_ymd_opt(2025, 7, 14).unwrap();
        assert_eq!(on_or_before(mon, Weekday::Mon), mon);
        assert_eq!(on_or_before(mon, Weekday::Sun), NaiveDate::from_ymd_opt(2025, 7, 13).unwrap());
        assert_eq!(on_or_before(mon, Weekday::Tue), NaiveDate::from_ymd_opt(2025, 7, 8).unwrap());
    }
}
