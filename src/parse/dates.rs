//! Placing each entry on its day. Entries run newest first, so going down the page a clock
//! later than the one above means the day before. The walk starts from the best anchor the
//! header gives — the coverage end or last update, else the coverage start (counted back up
//! from the oldest entry), else a date in the title — and day headers (`Lundi 21 octobre`) or
//! dated time lines (`Le 23/06 à 06:04`) reset it on the way.

use super::time::{self, DatelinePart};
use super::{Kind, Line};
use crate::model::{Clock, Story, When, Zone};
use chrono::{Datelike, Days, NaiveDate, NaiveTime};

/// The date-time of a header dateline, in its own zone or the story's.
pub(crate) fn dateline_when(part: &DatelinePart, zone: Option<Zone>) -> When {
    let local = part.date.and_time(part.time.unwrap_or(NaiveTime::MIN));
    match part.zone.or(zone).and_then(|z| z.resolve(local)) {
        Some(t) => When::Zoned(t),
        None => When::Local(local),
    }
}

/// A point on the page that fixes the date of what follows.
enum Marker {
    Day(u32, u32, Option<i32>),
    Entry(usize),
}

pub(crate) fn resolve(story: &mut Story, lines: &[Line]) {
    if story.entries.iter().all(|e| e.clock.is_none()) {
        return;
    }
    // Datelines were read before the zone was known; re-read them in the story's zone.
    restate_in_zone(story);

    let markers = markers(story, lines);
    let clocks: Vec<Clock> = story.entries.iter().map(|e| e.clock.expect("timed entry")).collect();
    let late = NaiveTime::from_hms_opt(23, 59, 59).expect("valid time");

    // The top of the page: date and the clock the first entry is compared with.
    // A dateline without a time (read as midnight) covers the whole day.
    let at_or_late = |t: NaiveTime| if t == NaiveTime::MIN { late } else { t };
    let mut cursor: Option<(NaiveDate, NaiveTime)> =
        story.coverage_end.or(story.updated).map(|w| (w.local().date(), at_or_late(w.local().time())));
    if cursor.is_none()
        && let Some(start) = story.coverage_start.or(story.published)
    {
        // Count the day changes from the top down, then place the oldest entry on or just
        // after the start.
        let mut back = 0u64;
        for pair in clocks.windows(2) {
            if pair[1] > pair[0] {
                back += 1;
            }
        }
        let start = start.local();
        let oldest = *clocks.last().expect("timed entries");
        let oldest_day = if oldest.time() < start.time() { start.date() + Days::new(1) } else { start.date() };
        cursor = Some((oldest_day + Days::new(back), late));
    }

    // For day headers that print no year: the first year any of them prints.
    let year_hint = markers.iter().find_map(|m| match m {
        Marker::Day(_, _, Some(y)) => Some(*y),
        _ => None,
    });
    let mut previous: Option<NaiveTime> = cursor.map(|(_, t)| t);
    let mut day: Option<NaiveDate> = cursor.map(|(d, _)| d);
    for marker in markers {
        match marker {
            Marker::Day(d, m, y) => {
                day = pick_year(d, m, y.or(year_hint), day);
                previous = Some(late);
            }
            Marker::Entry(i) => {
                let clock = clocks[i].time();
                if previous.is_some_and(|p| clock > p) {
                    day = day.and_then(|d| d.pred_opt());
                }
                previous = Some(clock);
                let Some(date) = day else { continue };
                let local = date.and_time(clock);
                let zone = story.entries[i].zone.or(story.zone);
                story.entries[i].at = Some(match zone.and_then(|z| z.resolve(local)) {
                    Some(t) => When::Zoned(t),
                    None => When::Local(local),
                });
            }
        }
    }
}

fn markers(story: &Story, lines: &[Line]) -> Vec<Marker> {
    let mut out = Vec::with_capacity(story.entries.len());
    let mut entry = 0;
    for line in lines {
        match line.kind {
            Kind::Time if entry < story.entries.len() && story.entries[entry].line == line.number => {
                let text = story.str(line.span);
                // Only the dated form (`Le 23/06 à 06:04`) sets the day.
                if text.starts_with(['L', 'l'])
                    && let Some((d, m)) = time::clock_line(text).and_then(|c| c.day_month)
                {
                    out.push(Marker::Day(d, m, None));
                }
                out.push(Marker::Entry(entry));
                entry += 1;
            }
            Kind::DayHeader => {
                if let Some((d, m, y)) = time::day_header(story.str(line.span)) {
                    out.push(Marker::Day(d, m, y));
                }
            }
            _ => {}
        }
    }
    out
}

/// The date of a day header with no year: the year that keeps the page going back in time.
fn pick_year(d: u32, m: u32, y: Option<i32>, current: Option<NaiveDate>) -> Option<NaiveDate> {
    if let Some(y) = y {
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    let year = current.map(|c| c.year())?;
    let date = NaiveDate::from_ymd_opt(year, m, d)?;
    match current {
        // A December header below a January one belongs to the year before.
        Some(c) if date > c + Days::new(1) => NaiveDate::from_ymd_opt(year - 1, m, d),
        _ => Some(date),
    }
}

fn restate_in_zone(story: &mut Story) {
    let Some(zone) = story.zone else { return };
    for slot in [&mut story.coverage_start, &mut story.coverage_end, &mut story.published, &mut story.updated] {
        if let Some(When::Local(local)) = *slot
            && let Some(t) = zone.resolve(local)
        {
            *slot = Some(When::Zoned(t));
        }
    }
}
