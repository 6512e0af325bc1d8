//! Times in JSON, as records give them: RFC 3339 / ISO 8601 (through the HTML reader's reading
//! of `datetime` attributes), RFC 2822, epoch seconds or milliseconds (numbers or digit
//! strings), a dateline (`Mon 15 May 2023 12.50 BST`), a bare clock as a page shows it (`12:50`,
//! `12.50 BST`, `4.53pm`, read by the text parser's stamp reader) or a date alone. A post that
//! gives only its clock is placed on its day the way the text parser places a page's entries:
//! from a date the record gives, walking back a day each time the clocks go up (forward, for
//! posts listed oldest first).

use crate::model::{Clock, When, Zone};
use crate::parse::time;
use chrono::{DateTime, Days, NaiveDate, NaiveTime};
use serde_json::Value;

/// What one JSON value says of when something happened.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Time {
    At(When),
    Clock { clock: Clock, zone: Option<Zone>, date: Option<NaiveDate> },
    Date(NaiveDate),
}

impl Time {
    /// The story-level reading: an instant, or a date as its midnight (as a dateline without a
    /// time is read); a clock alone dates nothing.
    pub fn as_when(self) -> Option<When> {
        match self {
            Time::At(w) => Some(w),
            Time::Clock { clock, zone, date: Some(d) } => Some(local(d.and_time(clock.time()), zone)),
            Time::Date(d) => Some(When::Local(d.and_time(NaiveTime::MIN))),
            Time::Clock { date: None, .. } => None,
        }
    }
}

fn local(at: chrono::NaiveDateTime, zone: Option<Zone>) -> When {
    zone.and_then(|z| z.resolve(at)).map_or(When::Local(at), When::Zoned)
}

pub(crate) fn of_value(v: &Value) -> Option<Time> {
    match v {
        Value::Number(n) => epoch(n.as_f64()?),
        Value::String(s) => of_str(s),
        // `[2014, 7, 23, 12, 2]`: year, month, day and the time, as numbers.
        Value::Array(parts) if (3..=7).contains(&parts.len()) => {
            let n: Vec<u32> =
                parts.iter().map(|p| p.as_u64().and_then(|n| u32::try_from(n).ok())).collect::<Option<_>>()?;
            let date =
                NaiveDate::from_ymd_opt(i32::try_from(n[0]).ok().filter(|y| (1900..2200).contains(y))?, n[1], n[2])?;
            let time =
                NaiveTime::from_hms_opt(*n.get(3).unwrap_or(&0), *n.get(4).unwrap_or(&0), *n.get(5).unwrap_or(&0))?;
            Some(if n.len() == 3 { Time::Date(date) } else { Time::At(When::Local(date.and_time(time))) })
        }
        // `{"$date": …}`, `{"iso": …}`: a time wrapped in an object of its own.
        Value::Object(o) if o.len() == 1 => o.values().next().and_then(|v| match v {
            Value::Object(_) => None,
            v => of_value(v),
        }),
        _ => None,
    }
}

/// Seconds from 1973 to 5138, or milliseconds from 1973 on: other numbers are not times.
fn epoch(v: f64) -> Option<Time> {
    let secs = if (1e8..1e11).contains(&v) {
        v
    } else if (1e11..1e14).contains(&v) {
        v / 1000.0
    } else {
        return None;
    };
    let t = DateTime::from_timestamp(secs.trunc() as i64, 0)?;
    Some(Time::At(When::Zoned(t.fixed_offset())))
}

pub(crate) fn of_str(s: &str) -> Option<Time> {
    let s = s.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    if digits >= 9 && s.bytes().all(|b| b.is_ascii_digit() || b == b'.') && digits + 1 >= s.len() {
        return epoch(s.parse().ok()?);
    }
    if let Some(w) = crate::parse::html::when(s) {
        return Some(Time::At(w));
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(Time::At(When::Zoned(t)));
    }
    // `Wed Oct 10 20:19:24 +0000 2018`, as some social networks' APIs give it.
    if let Ok(t) = DateTime::parse_from_str(s, "%a %b %d %H:%M:%S %z %Y") {
        return Some(Time::At(When::Zoned(t)));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(Time::Date(d));
    }
    if let Some(part) = time::datelines(s).into_iter().next() {
        return Some(match part.time {
            Some(_) => Time::At(crate::parse::dates::dateline_when(&part, None)),
            None => Time::Date(part.date),
        });
    }
    if let Some(stamp) = time::stamp(s, None) {
        let date = stamp.date.and_then(|(d, m, y)| NaiveDate::from_ymd_opt(y?, m, d));
        return Some(Time::Clock { clock: stamp.clock, zone: stamp.zone, date });
    }
    match time::day_header(s) {
        Some((d, m, Some(y))) => NaiveDate::from_ymd_opt(y, m, d).map(Time::Date),
        _ => None,
    }
}

/// One post's time from the values of its time keys, best first: the first instant with an
/// offset; else the first local one; else a clock with a date given beside it; else a date
/// alone.
pub(crate) fn combine(times: impl IntoIterator<Item = Time>) -> Option<Time> {
    let (mut clock, mut date, mut local) = (None, None, None);
    for t in times {
        match t {
            Time::At(When::Zoned(_)) => return Some(t),
            Time::At(When::Local(_)) => local = local.or(Some(t)),
            Time::Clock { .. } => clock = clock.or(Some(t)),
            Time::Date(d) => date = date.or(Some(d)),
        }
    }
    if local.is_some() {
        return local;
    }
    match (clock, date) {
        (Some(Time::Clock { clock, zone, date: None }), Some(d)) => Some(Time::Clock { clock, zone, date: Some(d) }),
        (Some(c), _) => Some(c),
        (None, Some(d)) => Some(Time::Date(d)),
        (None, None) => None,
    }
}

/// An instant in the offset another of the post's values shows it in: a local time that is the
/// instant moved by a whole offset (a quarter-hour multiple, at most 14 hours: Telegram's
/// `date` beside `date_unixtime`), or a clock with a zone that shows the instant (`14.03 BST`
/// beside epoch milliseconds). Any other time, and any value that shows another moment (when
/// the block was created), leaves it as it is.
pub(crate) fn shown(t: Time, others: impl IntoIterator<Item = Time>) -> Time {
    let Time::At(When::Zoned(at)) = t else { return t };
    for other in others {
        let offset = match other {
            Time::At(When::Local(local)) => (local - at.naive_utc()).num_seconds(),
            Time::Clock { clock, zone: Some(z), .. } => {
                let there = crate::parse::html::zone::local_in(z, at);
                if Clock::from_time(there.time()) != clock {
                    continue;
                }
                i64::from(there.offset().local_minus_utc())
            }
            _ => continue,
        };
        if offset % 900 == 0
            && offset.abs() <= 14 * 3600
            && let Some(fixed) = chrono::FixedOffset::east_opt(offset as i32)
        {
            return Time::At(When::Zoned(at.with_timezone(&fixed)));
        }
    }
    t
}

/// Whether clocks run oldest first: read that way, less time passes from the first to the last
/// than read newest first (a day change is a jump of most of a day, the next post minutes).
pub(crate) fn ascending(clocks: &[Clock]) -> bool {
    let elapsed = |from: Clock, to: Clock| (to.minutes() + 24 * 60 - from.minutes()) % (24 * 60);
    let forward: u32 = clocks.windows(2).map(|p| elapsed(p[0], p[1])).sum();
    let backward: u32 = clocks.windows(2).map(|p| elapsed(p[1], p[0])).sum();
    forward < backward
}

/// The clock a time shows in the story's zone, and its instant (or local date-time) where the
/// day is known. `times` are the posts' times in the record's order; `start` and `end` the
/// record's own dates (its first publication, its last update), which place posts that give
/// only a clock.
pub(crate) fn place(
    times: &[Option<Time>],
    zone: Option<Zone>,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Vec<(Option<Clock>, Option<When>)> {
    let shown = |t: &Time| -> Option<(Clock, Option<When>)> {
        match *t {
            Time::At(w) => {
                let w = match (w, zone) {
                    (When::Zoned(t), Some(z)) => When::Zoned(crate::parse::html::zone::local_in(z, t)),
                    (w, _) => w,
                };
                Some((Clock::from_time(w.local().time()), Some(w)))
            }
            Time::Clock { clock, zone: own, date } => {
                Some((clock, date.map(|d| local(d.and_time(clock.time()), own.or(zone)))))
            }
            Time::Date(_) => None,
        }
    };
    let mut out: Vec<(Option<Clock>, Option<When>)> = times
        .iter()
        .map(|t| match t.as_ref().and_then(shown) {
            Some((c, w)) => (Some(c), w),
            // A date alone says no time: shown at midnight it would claim one.
            None => (None, None),
        })
        .collect();
    let clocks: Vec<Clock> = out.iter().filter_map(|(c, _)| *c).collect();
    let ascending = ascending(&clocks);
    // The day of the first clock, when no post above it dates it: counted from the record's
    // dates across the day changes before the first dated post.
    let changes = out.iter().filter_map(|(c, _)| *c).collect::<Vec<_>>();
    let first_dated = out.iter().filter(|(c, _)| c.is_some()).position(|(_, w)| w.is_some()).unwrap_or(changes.len());
    let run = &changes[..first_dated.min(changes.len())];
    let ups = run.windows(2).filter(|p| p[1] > p[0]).count() as u64;
    let downs = run.windows(2).filter(|p| p[1] < p[0]).count() as u64;
    let mut day = if ascending {
        start.or_else(|| end.and_then(|e| e.checked_sub_days(Days::new(downs))))
    } else {
        end.or_else(|| start.and_then(|s| s.checked_add_days(Days::new(ups))))
    };
    let mut previous: Option<Clock> = None;
    for (i, (clock, at)) in out.iter_mut().enumerate() {
        let Some(c) = *clock else { continue };
        if let Some(w) = at {
            day = Some(w.local().date());
        } else if let Some(p) = previous {
            if ascending && c < p {
                day = day.and_then(|d| d.succ_opt());
            } else if !ascending && c > p {
                day = day.and_then(|d| d.pred_opt());
            }
        }
        previous = Some(c);
        if at.is_none()
            && let Some(d) = day
        {
            let own = match times[i] {
                Some(Time::Clock { zone, .. }) => zone,
                _ => None,
            };
            *at = Some(local(d.and_time(c.time()), own.or(zone)));
        }
    }
    out
}
