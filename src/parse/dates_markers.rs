//! The points down a page that fix the days of its entries — day headers, weekday-only
//! dividers, stamps that print their date, day words before a clock — in page order with the
//! entries between them, and the two readings of that order the day walk needs: a pinned
//! post above the newest, and day headers that stand after their day's entries.

use super::super::day_words;
use super::super::lines::{Kind, Lines};
use super::super::time;
use super::super::weekday_divider;
use crate::model::{Clock, Story};
use chrono::{Datelike, NaiveDate, Timelike};

/// A point on the page that fixes the date of what follows.
pub(super) enum Marker {
    Day(u32, u32, Option<i32>),
    /// A divider that names only its weekday (see [`super::super::weekday_divider`]).
    Weekday(chrono::Weekday),
    Entry(usize),
}

/// The first entry is a pinned post when it is earlier than the second by less than half a
/// day (a day change would put it just after midnight, hours later) while the rest of the
/// page runs newest first.
pub(super) fn pinned(clocks: &[Clock], markers: &[Marker]) -> bool {
    let day_between = markers
        .iter()
        .skip_while(|m| !matches!(m, Marker::Entry(0)))
        .take_while(|m| !matches!(m, Marker::Entry(1)))
        .any(|m| matches!(m, Marker::Day(..) | Marker::Weekday(_)));
    let minutes = |c: Clock| i32::from(c.time().hour() as u16) * 60 + c.time().minute() as i32;
    clocks.len() >= 3
        && !day_between
        && clocks[0] < clocks[1]
        && minutes(clocks[1]) - minutes(clocks[0]) < 12 * 60
        && clocks[1..].windows(2).filter(|p| p[1] > p[0]).count() * 4 <= clocks.len()
}

/// Day headers stand after their day's entries when entries come before the first header
/// and none after the last.
pub(super) fn headers_follow_entries(markers: &[Marker]) -> bool {
    matches!(markers.first(), Some(Marker::Entry(_)))
        && matches!(markers.last(), Some(Marker::Day(..) | Marker::Weekday(_)))
}

/// Puts each day header before the entries it closes, so the walk reads them as usual.
pub(super) fn move_headers_up(markers: Vec<Marker>) -> Vec<Marker> {
    let mut out = Vec::with_capacity(markers.len());
    let mut pending = Vec::new();
    for m in markers {
        match m {
            Marker::Entry(_) => pending.push(m),
            Marker::Day(..) | Marker::Weekday(_) => {
                out.push(m);
                out.append(&mut pending);
            }
        }
    }
    out.append(&mut pending);
    out
}

/// The date an entry's own stamp prints (`08:30, 12 JUL 2025`), if it prints one.
pub(super) fn stamp_date(story: &Story, lines: &Lines, entry: usize) -> Option<(u32, u32, Option<i32>)> {
    let number = story.entries.get(entry)?.line;
    let line = lines.lines.iter().find(|l| l.kind == Kind::Time && l.number == number)?;
    lines.stamp(line).and_then(|s| s.date)
}

pub(super) fn markers(story: &Story, lines: &Lines, today: Option<NaiveDate>) -> Vec<Marker> {
    let mut out = Vec::with_capacity(story.entries.len());
    let mut entry = 0;
    let day = |date: NaiveDate| Marker::Day(date.day(), date.month(), Some(date.year()));
    for line in &lines.lines {
        match line.kind {
            Kind::Time if entry < story.entries.len() && story.entries[entry].line == line.number => {
                // A stamp that prints its date sets the day; so does a day word before its
                // clock (`Gestern, 22:15 Uhr`).
                if let Some((d, m, y)) = lines.stamp(line).and_then(|s| s.date) {
                    out.push(Marker::Day(d, m, y));
                } else if let Some(date) = today.and_then(|t| day_words::stamp_day(story.str(line.span), t)) {
                    out.push(day(date));
                }
                out.push(Marker::Entry(entry));
                entry += 1;
            }
            Kind::DayHeader => {
                if let Some((d, m, y)) = time::day_header(story.str(line.span)) {
                    out.push(Marker::Day(d, m, y));
                } else if let Some(date) = today.and_then(|t| day_words::divider_day(story.str(line.span), t)) {
                    out.push(day(date));
                } else if let Some(w) = weekday_divider::weekday(story.str(line.span)) {
                    out.push(Marker::Weekday(w));
                }
            }
            _ => {}
        }
    }
    out
}
