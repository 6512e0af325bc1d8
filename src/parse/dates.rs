//! Placing each entry on its day. Entries run newest first, so going down the page a clock
//! later than the one above means the day before. The walk starts from the best anchor the
//! header gives — the coverage end or last update, else the coverage start (counted back up
//! from the oldest entry), else a date in the title — and day headers (`Lundi 21 octobre`) or
//! dated stamps (`Le 23/06 à 06:04`, `18:32 (IST), Oct 02`) reset it on the way. Day headers
//! that stand after their day's entries date the entries above them; a pinned post above the
//! newest is left out of the walk, so it cannot push every entry below a day back. Day words
//! (`Heute`, `Gestern`, alone or before a clock) count back from the copy's or the page's day.

use super::lines::{Kind, Lines};
use super::time::{self, DatelinePart};
use super::weekday_divider;
use crate::model::{Clock, Story, When, Zone};
use chrono::{Datelike, Days, NaiveDate, NaiveTime};
use markers::{Marker, headers_follow_entries, markers, move_headers_up, pinned, stamp_date};

/// The date-time of a header dateline, in its own zone or the story's.
pub(crate) fn dateline_when(part: &DatelinePart, zone: Option<Zone>) -> When {
    let local = part.date.and_time(part.time.unwrap_or(NaiveTime::MIN));
    match part.zone.or(zone).and_then(|z| z.resolve(local)) {
        Some(t) => When::Zoned(t),
        None => When::Local(local),
    }
}

/// Whether the header's first dateline says nothing of what its date is (no `Updated`, no
/// `Published`): the page's date-time, which may be its opening as well as its last update.
fn plain_dateline(story: &Story) -> bool {
    story
        .dropped
        .iter()
        .filter(|d| d.rule == "dateline")
        .map(|d| time::datelines(story.str(d.span)))
        .find(|parts| !parts.is_empty())
        .is_some_and(|parts| parts.iter().all(|p| p.kind == time::DatelineKind::Plain))
}

/// How long before the oldest entry of an oldest-first blog a header date-time may stand and
/// still be the blog's opening rather than its last update.
const OPENED_WITHIN_HOURS: i64 = 3;

/// `taken` is when the copy was taken, on the page's clock (see
/// [`super::time::restamp::taken_local`]): the last anchor of a page that prints no date.
pub(crate) fn resolve(story: &mut Story, lines: &Lines, taken: Option<chrono::NaiveDateTime>) {
    if story.entries.iter().all(|e| e.clock.is_none()) {
        return;
    }
    // Datelines were read before the zone was known; re-read them in the story's zone.
    restate_in_zone(story);

    // The page's "today", which its day words (`Heute`, `Gestern`) count back from: when the
    // copy was taken, else the page's last update — also when the copy time is days after the
    // update or before it (a file's modification time says nothing of the page's day).
    let updated = story.coverage_end.or(story.updated).map(|w| w.local().date());
    let today = match (taken.map(|t| t.date()), updated) {
        (Some(t), Some(u)) if t < u || t > u + Days::new(1) => Some(u),
        (t, u) => t.or(u),
    };
    let mut markers = markers(story, lines, today);
    let clocks: Vec<Clock> = story.entries.iter().map(|e| e.clock.expect("timed entry")).collect();
    // A post the page labels as pinned is out of order even on a feed that crosses midnight.
    let labelled = clocks.len() >= 3 && super::pinned::first_is_labelled(story, lines);
    let pinned = labelled || pinned(&clocks, &markers) && clocks[1..].windows(2).all(|p| p[1] <= p[0]);
    // A pinned post's own dated stamp (`PINNED08:30, 12 JUL 2025`) dates the pinned post only,
    // not the feed below it.
    let pinned_date = if pinned { stamp_date(story, lines, 0) } else { None };
    if pinned {
        if pinned_date.is_some()
            && let Some(at) = markers.iter().position(|m| matches!(m, Marker::Entry(0)))
            && at > 0
            && matches!(markers[at - 1], Marker::Day(..))
        {
            markers.remove(at - 1);
        }
        markers.retain(|m| !matches!(m, Marker::Entry(0)));
    }
    if headers_follow_entries(&markers) {
        markers = move_headers_up(markers);
    }
    let late = NaiveTime::from_hms_opt(23, 59, 59).expect("valid time");

    // The top of the page: date and the clock the first entry is compared with.
    // A dateline without a time (read as midnight) covers the whole day.
    let at_or_late = |t: NaiveTime| if t == NaiveTime::MIN { late } else { t };
    let rising = clocks.windows(2).filter(|p| p[1] > p[0]).count();
    let falling = clocks.windows(2).filter(|p| p[1] < p[0]).count();
    // Some blogs (older Guardian ones) run oldest first: a clock earlier than the one above
    // is then the next day, and the walk starts from the coverage start.
    let ascending = rising >= 2 && rising > 2 * falling;
    let mut cursor: Option<(NaiveDate, NaiveTime)> = None;
    if ascending {
        if let Some(start) = story.coverage_start.or(story.published) {
            cursor = Some((start.local().date(), start.local().time()));
        } else if let Some(end) = story.coverage_end.or(story.updated) {
            // A header date-time a little before the oldest entry's clock is when the blog
            // opened (a byline's date), not its last update: the walk starts there.
            let (date, at) = (end.local().date(), end.local().time());
            let opened = clocks
                .first()
                .map(|c| c.time())
                .is_some_and(|first| first >= at && first - at <= chrono::Duration::hours(OPENED_WITHIN_HOURS));
            cursor = Some(if opened { (date, at) } else { (date - Days::new(falling as u64), NaiveTime::MIN) });
        }
    } else {
        cursor = story.coverage_end.or(story.updated).map(|w| (w.local().date(), at_or_late(w.local().time())));
        // A newest entry a few hours after the page's date-time means that date-time was the
        // start (or a stale stamp), not the last update: an update a day after the newest
        // post is less likely than that. A date-time that is the oldest post's own clock
        // (`Friday 30 August 2024 09:00` above a feed that opens at 09:00 and runs to 23:12)
        // is the blog's opening however late the newest post came.
        let newest = clocks.get(usize::from(pinned)).map(|c| c.time());
        let opening = |at: NaiveTime| clocks.last().is_some_and(|c| c.time() == at) && at != NaiveTime::MIN;
        // A lone dateline (published and updated the same) before the oldest post's clock and
        // hours after the newest one's, over a feed that crosses midnight, is the ticker's
        // opening (`12.03.2025, 06:04 Uhr` above posts from 14:47 to 00:51): an update hours
        // after a night's last post is less likely than a morning's start.
        let lone = story.published.is_some() && story.published == story.updated
            || story.published.is_none() && story.updated.is_some() && plain_dateline(story);
        let crosses = clocks[usize::from(pinned)..].windows(2).any(|p| p[1] > p[0]);
        let opened_before = |at: NaiveTime, newest: NaiveTime| {
            lone && crosses
                && clocks.last().is_some_and(|c| c.time() >= at)
                && newest < at
                && at - newest > chrono::Duration::hours(2)
        };
        // A lone header date with no time (`di Redazione · 18 ottobre 2024`) over a feed that
        // dates none of its posts is the day the blog opened: a feed that runs past midnight
        // from it puts its newest posts a day on.
        let day_only = lone
            && story.coverage_end.or(story.updated).is_some_and(|w| w.local().time() == NaiveTime::MIN)
            && markers.iter().all(|m| matches!(m, Marker::Entry(_)))
            && stamp_date(story, lines, usize::from(pinned)).is_none()
            && !feed_days::feed_prints_days(story, lines);
        if let (Some((date, at)), Some(newest)) = (cursor, newest) {
            if opening(at) || opened_before(at, newest) || day_only {
                // Each midnight the feed crosses puts the newest post a day after the opening.
                let crossed = clocks[usize::from(pinned)..].windows(2).filter(|p| p[1] > p[0]).count();
                cursor = Some((date + Days::new(crossed as u64), late));
            } else if newest > at && newest - at < chrono::Duration::hours(12) {
                cursor = Some((date, late));
            }
        }
        // A date with no time over weekday dividers whose oldest names that date's weekday:
        // the day the blog opened (see `weekday_divider::opened_on`).
        let dated_only = story.coverage_end.is_none()
            && story.updated.is_some_and(|u| u.local().time() == NaiveTime::MIN)
            && story.published.is_none_or(|p| Some(p) == story.updated);
        if dated_only && let Some((date, _)) = cursor {
            let dividers: Vec<chrono::Weekday> =
                markers.iter().filter_map(|m| if let Marker::Weekday(w) = m { Some(*w) } else { None }).collect();
            if let Some(span) = weekday_divider::opened_on(date, &dividers) {
                cursor = Some((date + Days::new(span), late));
            }
        }
    }
    if cursor.is_none()
        && let Some(start) = story.coverage_start.or(story.published)
    {
        // Count the day changes from the top down, then place the oldest entry on or just
        // after the start.
        let mut back = 0u64;
        for pair in clocks[usize::from(pinned)..].windows(2) {
            if pair[1] > pair[0] {
                back += 1;
            }
        }
        let start = start.local();
        let oldest = *clocks.last().expect("timed entries");
        let oldest_day = if oldest.time() < start.time() { start.date() + Days::new(1) } else { start.date() };
        cursor = Some((oldest_day + Days::new(back), late));
    }

    // For day headers that print no year: the first year any of them prints, else, with
    // nothing above to count from, the year a header's weekday fits.
    // The weekday's year dates only the first header: the later ones count from it (across
    // a new year too).
    let year_hint = markers.iter().find_map(|m| match m {
        Marker::Day(_, _, Some(y)) => Some(*y),
        _ => None,
    });
    let weekday_hint = match (year_hint, cursor, taken) {
        (None, None, Some(taken)) => weekday_year(story, lines, taken.date()),
        _ => None,
    };
    // A page that prints no year anywhere, and no date to count from: its newest post went up
    // before the copy was taken.
    if cursor.is_none() && year_hint.is_none() && weekday_hint.is_none() {
        cursor = taken.map(|t| (t.date(), t.time()));
    }
    let mut previous: Option<NaiveTime> = cursor.map(|(_, t)| t);
    let mut day: Option<NaiveDate> = cursor.map(|(d, _)| d);
    // Entries above the first divider with nothing to date them, and that divider's day.
    let (mut undated, mut first_day) = (Vec::new(), None);
    for marker in markers {
        match marker {
            Marker::Day(d, m, y) => {
                day = pick_year(d, m, y.or(year_hint).or(weekday_hint.filter(|_| day.is_none())), day);
                first_day = first_day.or(day);
                previous = Some(if ascending { NaiveTime::MIN } else { late });
            }
            Marker::Weekday(w) => {
                // Only a walk that knows its day can place a weekday.
                if let Some(d) = day {
                    day = Some(weekday_divider::on_or_before(d, w));
                    previous = Some(if ascending { NaiveTime::MIN } else { late });
                }
            }
            Marker::Entry(i) => {
                let clock = clocks[i].time();
                if ascending && previous.is_some_and(|p| clock < p) {
                    day = day.and_then(|d| d.succ_opt());
                } else if !ascending && previous.is_some_and(|p| clock > p) {
                    day = day.and_then(|d| d.pred_opt());
                }
                previous = Some(clock);
                let Some(date) = day else {
                    undated.push(i);
                    continue;
                };
                let local = date.and_time(clock);
                let zone = story.entries[i].zone.or(story.zone);
                story.entries[i].at = Some(match zone.and_then(|z| z.resolve(local)) {
                    Some(t) => When::Zoned(t),
                    None => When::Local(local),
                });
            }
        }
    }
    if !ascending && let Some(first) = first_day.filter(|_| !undated.is_empty()) {
        super::above_first_day::date_above(story, &clocks, &undated, first);
    }
    // `First published on …` is when the oldest post went up: an oldest entry a few hours
    // after that time, placed days later by the walk, goes back to the start's day.
    // A header's plain publication time that is the oldest post's very clock (`21.02.2025,
    // 18:05 Uhr · Aktualisiert: 24.02.2025, 00:48 Uhr` over a feed ending at `18:05 Uhr`) is
    // that post going up, whatever day the walk reached.
    let opened = story.coverage_start.map(|w| (w.local(), chrono::Duration::hours(3))).or_else(|| {
        let published = story.published.filter(|_| story.updated.is_some())?.local();
        Some((published, chrono::Duration::zero())).filter(|_| published.time() != NaiveTime::MIN)
    });
    if !ascending
        && let Some((start, within)) = opened
        && let Some(last) = story.entries.last_mut()
        && let (Some(at), Some(clock)) = (last.at, last.clock)
        && at.local().date() > start.date()
        && clock.time() >= start.time()
        && clock.time() - start.time() <= within
    {
        let local = start.date().and_time(clock.time());
        let zone = last.zone.or(story.zone);
        last.at = Some(match zone.and_then(|z| z.resolve(local)) {
            Some(t) => When::Zoned(t),
            None => When::Local(local),
        });
    }
    // A pinned post: on the day of the entry below it, or the day before when its clock is
    // later than that entry's and than the page's last update (a post of the evening before,
    // pinned above the night's newest).
    if pinned && let Some(below) = story.entries.get(1).and_then(|e| e.at) {
        let mut date = below.local().date();
        let own = pinned_date.and_then(|(d, m, y)| pick_year(d, m, Some(y.unwrap_or(date.year())), Some(date)));
        let updated = story.coverage_end.or(story.updated).map(|w| w.local());
        if clocks[0] > clocks[1] && updated.is_none_or(|u| date.and_time(clocks[0].time()) > u) {
            date = date.pred_opt().unwrap_or(date);
        }
        let local = own.unwrap_or(date).and_time(clocks[0].time());
        let zone = story.entries[0].zone.or(story.zone);
        story.entries[0].at = Some(match zone.and_then(|z| z.resolve(local)) {
            Some(t) => When::Zoned(t),
            None => When::Local(local),
        });
    }
}

/// The year of the first day header that names its weekday but prints no year: the latest
/// year, up to the day the copy was taken, in which that day fell on that weekday. The
/// weekday repeats on a date every 5 to 11 years, so a page of the last few years is placed
/// right.
fn weekday_year(story: &Story, lines: &Lines, taken: NaiveDate) -> Option<i32> {
    let (d, m, weekday) = lines.lines.iter().filter(|l| matches!(l.kind, Kind::DayHeader)).find_map(|l| {
        let text = story.str(l.span);
        let (d, m, y) = time::day_header(text)?;
        if y.is_some() {
            return None;
        }
        Some((d, m, time::day_header_weekday(text)?))
    })?;
    let latest = taken + Days::new(1);
    (latest.year() - 28..=latest.year())
        .rev()
        .find(|&y| NaiveDate::from_ymd_opt(y, m, d).is_some_and(|date| date <= latest && date.weekday() == weekday))
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

#[path = "dates_feed_days.rs"]
mod feed_days;
#[path = "dates_markers.rs"]
mod markers;

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
