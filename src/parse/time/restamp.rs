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
    let reference = reference(story, page);
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
fn reference(story: &Story, page: &Page) -> Option<DateTime<FixedOffset>> {
    let updated = story.updated.filter(|w| w.local().time() != NaiveTime::MIN).map(|w| match w {
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
