//! Clocks for the posts whose stamps print none, once the page's zone is known and before the
//! date walk: a `<time datetime>` showing `5 min ago` (or no clock at all) is its instant shown
//! in the page's zone — the zone the rest of the page is read in — and a line that is only a
//! relative time is that long before the page's reference instant.
//!
//! The reference instant is the page's own: the time it shows it was last updated (`Updated
//! 22:53`, `Actualizado: 18/02/2024 - 22:53 h CET`; failing a time of day there, the page's
//! modification instant in its markup), since a relative time is written against the moment
//! the page was rendered; else the moment the copy was taken (a file's modification time, a
//! fetch), which the outside world passes in ([`crate::parse::parse_taken_at`]) — the parser
//! has no clock. A page that gives neither keeps such posts as entries without a time.

use super::Unshown;
use crate::model::{Clock, Story, When};
use crate::parse::html::zone;
use crate::parse::lines::Lines;
use crate::parse::page::{HintKind, Page};
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveTime};

/// Gives every entry whose stamp prints no clock the clock it stands for, and its stamp the
/// date, so that the date walk places it (and the entries around it) right. Returns the
/// entries that could not be placed (a relative time on a page with no reference instant):
/// they carry their neighbour's clock through the walk, then none ([`unplace`]).
pub(crate) fn restamp(story: &mut Story, lines: &mut Lines, page: &Page) -> Vec<usize> {
    let mut unplaced = Vec::new();
    let reference = reference(story, lines, page);
    for i in 0..story.entries.len() {
        let number = story.entries[i].line;
        let Some(line) = lines.line(number) else { continue };
        let Some(unshown) = lines.stamp(line).and_then(|s| s.unshown) else { continue };
        let at = match unshown {
            Unshown::Markup => markup_instant(page, number).map(|w| shown(w, story)),
            Unshown::Ago(seconds) => {
                reference.map(|r| shown(When::Zoned(r - Duration::seconds(i64::from(seconds))), story))
            }
        };
        let Some(local) = at else {
            unplaced.push(i);
            continue;
        };
        story.entries[i].clock = Some(Clock::from_time(local.time()));
        if let Some(stamp) = lines.stamp_mut(number) {
            stamp.clock = Clock::from_time(local.time());
            stamp.date = Some((local.day(), local.month(), Some(local.year())));
        }
    }
    // Through the walk an unplaced entry wears the clock of the entry above (else below) it,
    // which changes no day.
    for &i in &unplaced {
        let placed = |j: &usize| !unplaced.contains(j);
        let neighbour = (0..i).rev().find(placed).or_else(|| (i + 1..story.entries.len()).find(placed));
        let clock = neighbour.and_then(|j| story.entries[j].clock);
        story.entries[i].clock = Some(clock.unwrap_or(Clock::from_time(NaiveTime::MIN)));
    }
    unplaced
}

/// After the date walk: the entries [`restamp`] could not place have no time.
pub(crate) fn unplace(story: &mut Story, unplaced: &[usize]) {
    for &i in unplaced {
        if let Some(entry) = story.entries.get_mut(i) {
            entry.clock = None;
            entry.at = None;
        }
    }
}

/// The instant relative times count back from: the page's shown last update when it has a
/// time of day, else its markup's modification instant, else the moment the copy was taken.
/// A shown date-time a few hours before the newest clock a post shows is when the blog
/// opened (`Wednesday 31 July 2024, 10:15am` over posts up to 15:32), not its last update —
/// as the date walk reads it ([`crate::parse::dates`]).
fn reference(story: &Story, lines: &Lines, page: &Page) -> Option<DateTime<FixedOffset>> {
    let newest = newest_shown_clock(story, lines);
    let opened = |w: &When| {
        let at = w.local().time();
        newest.is_some_and(|n| n > at && n - at < Duration::hours(OPENED_WITHIN_HOURS))
    };
    let updated = story.updated.filter(|w| w.local().time() != NaiveTime::MIN && !opened(w)).map(|w| match w {
        When::Zoned(t) => t,
        When::Local(t) => story.zone.and_then(|z| z.resolve(t)).unwrap_or_else(|| t.and_utc().fixed_offset()),
    });
    let modified = page.structured.as_ref().and_then(|s| s.modified).or(page.meta.modified);
    let modified = modified.filter(|w| w.local().time() != NaiveTime::MIN).and_then(|w| match w {
        When::Zoned(t) => Some(t),
        When::Local(_) => None,
    });
    updated.or(modified).or_else(|| contemporary_taken(story, page).map(|t| t.fixed_offset()))
}

/// How far before the newest post's clock a shown date-time may be and still be the blog's
/// opening rather than its last update (the date walk's bound).
const OPENED_WITHIN_HOURS: i64 = 12;

/// The clock of the newest post whose stamp prints one: the first such post of a blog that
/// runs newest first, the last of one that runs oldest first.
fn newest_shown_clock(story: &Story, lines: &Lines) -> Option<NaiveTime> {
    let shown: Vec<NaiveTime> = story
        .entries
        .iter()
        .filter(|e| lines.line(e.line).and_then(|l| lines.stamp(l)).is_some_and(|s| s.unshown.is_none()))
        .filter_map(|e| e.clock.map(|c| c.time()))
        .collect();
    let rising = shown.windows(2).filter(|p| p[1] > p[0]).count();
    let falling = shown.windows(2).filter(|p| p[1] < p[0]).count();
    if rising > falling { shown.last().copied() } else { shown.first().copied() }
}

/// How long after the latest date a page prints a copy may have been taken and still be the
/// page as it stood: a live blog runs for days, a file copied or checked out years later does
/// not tell when its `5 min ago` was written.
const CONTEMPORARY_DAYS: i64 = 7;

/// The moment the copy was taken, unless the page's own dates (published, updated, coverage,
/// markup modification) all lie more than [`CONTEMPORARY_DAYS`] before it: then the copy's
/// time is not the page's, and relative times count from nothing rather than from it.
fn contemporary_taken(story: &Story, page: &Page) -> Option<DateTime<chrono::Utc>> {
    let taken = page.meta.taken_at?;
    let modified = page.structured.as_ref().and_then(|s| s.modified).or(page.meta.modified);
    let latest = [story.published, story.updated, story.coverage_start, story.coverage_end, modified]
        .into_iter()
        .flatten()
        .map(|w| w.local().date())
        .max();
    match latest {
        Some(day) if (taken.date_naive() - day).num_days() > CONTEMPORARY_DAYS => None,
        _ => Some(taken),
    }
}

/// When the copy was taken, on the page's clock: the moment (a file's modification time, a
/// fetch) shown in the page's zone, else the day alone, read as its last second. What dates a
/// page that prints no year nor date at all ([`crate::parse::dates`]).
pub(crate) fn taken_local(story: &Story, page: &Page) -> Option<chrono::NaiveDateTime> {
    match page.meta.taken_at {
        Some(t) => Some(shown(When::Zoned(t.fixed_offset()), story)),
        None => page.meta.taken.and_then(|d| d.and_hms_opt(23, 59, 59)),
    }
}

/// The `datetime` of the `<time>` hint on a line.
fn markup_instant(page: &Page, line: u32) -> Option<When> {
    let from = page.hints.partition_point(|h| h.line < line);
    page.hints[from..].iter().take_while(|h| h.line == line).find_map(|h| match h.kind {
        HintKind::Time { instant } => instant,
        _ => None,
    })
}

/// The wall-clock date and time an instant shows on the page: in the page's zone when known,
/// else in the instant's own offset.
fn shown(w: When, story: &Story) -> chrono::NaiveDateTime {
    match (w, story.zone) {
        (When::Zoned(t), Some(z)) => zone::local_in(z, t).naive_local(),
        (w, _) => w.local(),
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::{Rules, parse_taken_at};
    use chrono::{DateTime, Utc};

    #[test]
    fn a_header_date_time_hours_before_the_newest_clock_is_no_reference() {
        let text = "Live: Heatwave grips England as amber alert extended\n\nWednesday 31 July 2024, 10:15am\n\n\
                    Sophie Morris12m ago\nWimbledon Common fire under control\n\nFirefighters say the fire is contained.\n\n\
                    Sophie Morris15:32\n34C recorded at Heathrow\n\nThe Met Office confirms the hottest day so far.\n\n\
                    Paul Brand14:03\nAmber alert extended to Sunday\n\nThe alert covers the Midlands.\n\n\
                    Daniel Hewitt12:40\nBeaches busy in Bournemouth\n\nCouncil officials urge visitors to take the bus.\n";
        let taken: DateTime<Utc> = "2024-07-31T16:00:00Z".parse().unwrap();
        let story =
            parse_taken_at("t.txt".into(), text.as_bytes().to_vec(), Rules::embedded(), Some(taken)).expect("text");
        let at: Vec<String> = story.entries.iter().filter_map(|e| e.at.map(|w| w.local().to_string())).collect();
        // 12 minutes before the copy (17:00 in London), not before the blog's opening at 10:15.
        assert_eq!(at.first().map(String::as_str), Some("2024-07-31 16:48:00"), "{at:?}");
        assert_eq!(at.get(1).map(String::as_str), Some("2024-07-31 15:32:00"), "{at:?}");
    }

    #[test]
    fn a_header_date_beside_its_relative_update_is_the_publication_not_the_reference() {
        let text = "Hochwasser im Wallis: die neusten Entwicklungen\n\nStarke Regenfälle lassen die Rhone steigen.\n\n\
                    Andrea Kessler, Sitten · 30.06.2024, 17.31 Uhr · Aktualisiert vor 12 Min.\n\n\
                    vor 12 Min.Andrea Kessler\n\nBundesrat verspricht Hilfe\n\nDer Bundesrat will rasch helfen.\n\n\
                    16.42 UhrAndrea Kessler\n\nSiders evakuiert Quartier\n\nRund 200 Personen verlassen ihre Wohnungen.\n\n\
                    14.05 UhrAndrea Kessler\n\nZugverkehr unterbrochen\n\nDie SBB stellen den Verkehr ein.\n";
        let taken: DateTime<Utc> = "2024-06-30T15:43:00Z".parse().unwrap();
        let story =
            parse_taken_at("t.txt".into(), text.as_bytes().to_vec(), Rules::embedded(), Some(taken)).expect("text");
        let clocks: Vec<String> = story.entries.iter().filter_map(|e| e.clock.map(|c| c.to_string())).collect();
        // 12 minutes before the copy (17:43 in Zurich), not before the page's 17.31.
        assert_eq!(clocks, ["17:31", "16:42", "14:05"], "{clocks:?}");
    }
}
