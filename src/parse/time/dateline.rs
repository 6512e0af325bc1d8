//! Dates with their times as pages print them in any language of [`crate::parse::words`]:
//! header datelines (`Direct démarré le 21 octobre 2024 à 6H30 TU`, `Updated21:22, 6 OCT 2020`,
//! `02 Novembre 2023 Aggiornato alle 16:58`, `Oct 02, 2020, 19:02:47 IST`, `27.08.2024, 12:32
//! Uhr`, `November02202321:06 (IST)`), day headers (`Lundi 21 octobre`, `Donnerstag, 18. 7.`,
//! `Dienstag, 27. August 2024`) and statements of the zone ("Les horaires sont affichés en
//! temps universel").

use super::super::words::words;
use super::clock_of;
use crate::model::{Clock, Zone};
use chrono::{NaiveDate, NaiveTime};
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// What a dateline says about the coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatelineKind {
    Started,
    Ended,
    Published,
    Updated,
    /// A date with no word saying what it is: in a header, the time the page was shown.
    Plain,
}

/// One date-time found on a dateline.
#[derive(Debug, Clone, PartialEq)]
pub struct DatelinePart {
    pub kind: DatelineKind,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub zone: Option<Zone>,
}

/// A date-time that ends a byline: what [`super::stamp`] needs of it.
pub(crate) struct StampPart {
    pub clock: Clock,
    pub zone: Option<Zone>,
    pub date: (u32, u32, Option<i32>),
}

pub(crate) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let w = words();
    let z = super::zones();
    Regex::new(&format!(
        r"(?ix)
        (?:(?P<h0>\d{{1,2}})[:.hH](?P<m0>\d{{2}})(?::\d{{2}})?\s*(?P<ampm0>[ap]\.?m\.?)?\s*(?:(?P<zone0>{z})|\((?P<pzone0>{z})\))?\s*[,|]?\s*(?:(?:on|le|am|il|el)\s+)?)?
        (?:(?-u:\b)(?:{wd})\.?,?\s*)?
        (?:
            (?:le\s+)?(?P<d1>\d{{1,2}})(?:er|st|nd|rd|th|\.)?\s*(?:de\s+)?(?P<mon1>{mo})\.?(?:,?\s*(?:de\s+)?(?P<y1>\d{{4}}))?
          | (?P<mon2>{mo})\.?\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s*(?P<y2>\d{{4}}))?
          | (?P<d3>\d{{1,2}})[/.](?P<mo3>\d{{1,2}})[/.](?P<y3>\d{{4}}|\d{{2}}(?-u:\b))
          | (?P<y4>\d{{4}})-(?P<mo4>\d{{2}})-(?P<d4>\d{{2}})
          | (?P<d5>\d{{1,2}})\.(?P<mo5>\d{{1,2}})\.(?:\s*,)?\s*(?P<h5>\d{{1,2}})[:.](?P<m5>\d{{2}})(?:\s*Uhr)?
          | (?P<d6>\d{{1,2}})\.(?P<mo6>\d{{1,2}})\.
        )
        (?:
            (?:\s*,|\s+(?P<kind2>{upd}|{pubd}))?(?:\s*,|\s+(?:{at})|\s*T|\s*[•·|/])?\s*
            (?P<h>\d{{1,2}})\s*[hH:.]\s*(?P<m>\d{{2}})(?::\d{{2}})?
            \s*(?P<ampm>[ap]\.?m\.?)?
            (?:\s*(?:(?P<zone>{z})|\((?P<pzone>{z})\)|Uhr))?
        )?",
        wd = w.weekday_alt,
        mo = w.month_alt,
        at = w.at_alt,
        upd = w.updated_alt,
        pubd = w.published_alt,
    ))
    .expect("date regex")
});

static KIND: LazyLock<Regex> = LazyLock::new(|| {
    let w = words();
    Regex::new(&format!(
        r"(?i)(?:(?P<ended>{})|(?P<started>{})|(?P<published>{})|(?P<updated>{}))(?:[^\p{{L}}]|$)",
        w.ended_alt, w.started_alt, w.published_alt, w.updated_alt
    ))
    .expect("kind regex")
});

/// Whether a text holds a word that says what a date is (`Updated`, `publié`, `Stand`).
pub(crate) fn has_kind(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_alphabetic()) && KIND.is_match(text)
}

/// Whether a text opens with such a word (`Updated`, `Mis à jour le`), nothing before it.
pub(crate) fn opens_with_kind(text: &str) -> bool {
    KIND.find(text).is_some_and(|m| m.start() == 0)
}

fn kind_of(c: &Captures<'_>) -> DatelineKind {
    if c.name("ended").is_some() {
        DatelineKind::Ended
    } else if c.name("started").is_some() {
        DatelineKind::Started
    } else if c.name("published").is_some() {
        DatelineKind::Published
    } else {
        DatelineKind::Updated
    }
}

/// A date match, read: day, month, year when printed, time and zone.
struct Found {
    start: usize,
    end: usize,
    date: (u32, u32, Option<i32>),
    clock: Option<Clock>,
    zone: Option<Zone>,
    kind2: Option<DatelineKind>,
}

/// Where a match that opens with its clock runs on into the next dateline (`18:05, 20 OCT 2024
/// Updated 00:42, 21 OCT 2024`): a date-time prints one clock, so the `Updated` word and the
/// clock after the date are the next dateline's, not this one's.
fn runs_on(caps: &Captures<'_>) -> Option<usize> {
    caps.name("h0")?;
    caps.name("h")?;
    caps.name("kind2").map(|k| k.start())
}

fn found(caps: &Captures<'_>, context: Option<&str>) -> Option<Found> {
    let cut = runs_on(caps);
    let caps = &Cut { caps, cut: cut.is_some() };
    let whole = caps.get(0)?;
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let w = words();
    let (d, m, y) = if let Some(d) = num("d1") {
        (d, w.month(&caps["mon1"])?, num("y1"))
    } else if let Some(d) = num("d2") {
        (d, w.month(&caps["mon2"])?, num("y2"))
    } else if let Some(d) = num("d3") {
        // `10/06/24 à 14h03`: a year of two figures is this century's, and only read with a
        // clock after it (`1.5.20` alone is a version or a score).
        let short = caps.name("y3").is_some_and(|y| y.len() == 2);
        if short && caps.name("h").is_none() {
            return None;
        }
        (d, num("mo3")?, num("y3").map(|y| if short { 2000 + y } else { y }))
    } else if let Some(d) = num("d4") {
        (d, num("mo4")?, num("y4"))
    } else if let Some(d) = num("d6") {
        // `21:40 | 15.09.` (Kurier-like): a yearless numeric date is read only after the clock
        // (`12.5.` alone is a date in prose, or a version).
        if caps.name("h0").is_none() || caps.name("h").is_some() {
            return None;
        }
        (d, num("mo6")?, None)
    } else {
        (num("d5")?, num("mo5")?, None)
    };
    NaiveDate::from_ymd_opt(y.map_or(2000, |y| y as i32), m, d)?;
    let lower = |n: &str| caps.name(n).map(|m| m.as_str().to_ascii_lowercase());
    let clock = match caps.name("h").or(caps.name("h5")) {
        Some(h) => {
            clock_of(h.as_str(), caps.name("m").or(caps.name("m5")).map(|m| m.as_str()), lower("ampm").as_deref())
        }
        None => caps
            .name("h0")
            .and_then(|h| clock_of(h.as_str(), caps.name("m0").map(|m| m.as_str()), lower("ampm0").as_deref())),
    };
    // A day and a month alone, with neither year nor time, is too common in prose to count.
    if y.is_none() && clock.is_none() {
        return None;
    }
    let zone = ["zone", "pzone", "zone0", "pzone0"]
        .iter()
        .find_map(|n| caps.name(n))
        .and_then(|z| w.zone(z.as_str(), context));
    let kind2 = caps.name("kind2").and_then(|k| KIND.captures(k.as_str())).map(|c| kind_of(&c));
    let end = cut.unwrap_or(whole.end());
    Some(Found { start: whole.start(), end, date: (d, m, y.map(|y| y as i32)), clock, zone, kind2 })
}

/// The captures of a match, without the groups of a clock that belongs to the next dateline.
struct Cut<'c, 'h> {
    caps: &'c Captures<'h>,
    cut: bool,
}

impl<'h> Cut<'_, 'h> {
    fn name(&self, name: &str) -> Option<regex::Match<'h>> {
        const NEXT: [&str; 6] = ["kind2", "h", "m", "ampm", "zone", "pzone"];
        if self.cut && NEXT.contains(&name) {
            return None;
        }
        self.caps.name(name)
    }

    fn get(&self, i: usize) -> Option<regex::Match<'h>> {
        self.caps.get(i)
    }
}

impl std::ops::Index<&str> for Cut<'_, '_> {
    type Output = str;
    fn index(&self, name: &str) -> &str {
        self.name(name).map_or("", |m| m.as_str())
    }
}

/// Reads the datelines of one line: zero, one or several (`Publié le … , mis à jour le …`).
/// Lines longer than a dateline ever is are skipped cheaply. Dates need a year here.
pub fn datelines(line: &str) -> Vec<DatelinePart> {
    datelines_in(line, None)
}

pub(crate) fn datelines_in(line: &str, context: Option<&str>) -> Vec<DatelinePart> {
    if line.len() > 160 || !line.bytes().any(|b| b.is_ascii_digit()) || !DATE.is_match(line) {
        return Vec::new();
    }
    let kinds: Vec<(usize, DatelineKind)> =
        KIND.captures_iter(line).map(|c| (c.get(0).expect("whole match").start(), kind_of(&c))).collect();
    let mut parts = Vec::new();
    let mut at = 0;
    while let Some(caps) = DATE.captures_at(line, at) {
        let whole = caps.get(0).expect("whole match");
        at = runs_on(&caps).unwrap_or(whole.end());
        let Some(f) = found(&caps, context) else { continue };
        let Some(date) = f.date.2.and_then(|y| NaiveDate::from_ymd_opt(y, f.date.1, f.date.0)) else { continue };
        let kind = f.kind2.unwrap_or_else(|| {
            kinds.iter().rev().find(|(k, _)| *k <= f.start).map_or(DatelineKind::Plain, |(_, k)| *k)
        });
        parts.push(DatelinePart { kind, date, time: f.clock.map(|c| c.time()), zone: f.zone });
        if at >= line.len() {
            break;
        }
    }
    parts
}

/// The last date-time of a line when it ends the line (a zone or `Uhr` may follow): the stamp
/// of a byline. Returns where the date starts.
pub(crate) fn stamp_parts(line: &str, context: Option<&str>) -> Option<(usize, StampPart)> {
    let caps = DATE.captures_iter(line).last()?;
    let f = found(&caps, context)?;
    let clock = f.clock?;
    if !line[f.end..].trim().is_empty() {
        return None;
    }
    Some((f.start, StampPart { clock, zone: f.zone, date: f.date }))
}

pub(crate) static DAY_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    let w = words();
    Regex::new(&format!(
        r"(?i)^(?P<wd>{wd})\.?,?\s+(?:(?P<d1>\d{{1,2}})(?:er|\.)?\s*(?:de\s+)?(?P<mon1>{mo})|(?P<mon2>{mo})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d3>\d{{1,2}})\.\s*(?P<mo3>\d{{1,2}})\.?)\.?(?:,?\s+(?:de\s+)?(?P<y>\d{{4}}))?$",
        wd = w.weekday_alt,
        mo = w.month_alt
    ))
    .expect("day header regex")
});

/// A day header between entries (`Lundi 21 octobre`, `Sunday 20 October 2024`, `Donnerstag,
/// 18. 7.`): day, month and the year when printed.
pub fn day_header(line: &str) -> Option<(u32, u32, Option<i32>)> {
    if line.len() > 48 || !line.bytes().any(|b| b.is_ascii_digit()) || !DAY_HEADER.is_match(line) {
        return None;
    }
    let caps = DAY_HEADER.captures(line)?;
    let num = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let (d, m) = if let Some(d) = num("d1") {
        (d, words().month(&caps["mon1"])?)
    } else if let Some(d) = num("d2") {
        (d, words().month(&caps["mon2"])?)
    } else {
        (num("d3")?, num("mo3")?)
    };
    let y = caps.name("y").and_then(|y| y.as_str().parse().ok());
    NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d)?;
    Some((d, m, y))
}

/// The weekday a day header names (`Donnerstag, 18. 7.` → Thursday), to find the year it
/// does not print.
pub fn day_header_weekday(line: &str) -> Option<chrono::Weekday> {
    day_header(line)?;
    words().weekday(DAY_HEADER.captures(line)?.name("wd")?.as_str())
}

/// The month a name or abbreviation stands for, in any language of the word lists.
pub fn month_number(name: &str) -> Option<u32> {
    words().month(name)
}

pub(crate) static ZONE_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<utc>temps universel|heure TU|times? (?:are |stated are )?(?:in )?(?:UTC|GMT))|(?P<uk>all times (?:stated )?are UK|UK time)|(?P<ie>Irish (?:Standard )?Time)|(?P<et>all times (?:are |stated are )?(?:in )?Eastern|Eastern time)|(?P<pt>all times (?:are |stated are )?(?:in )?Pacific|Pacific time)|(?P<paris>heure (?:de|à) Paris|heure française|heure de France)|(?P<italy>ora italiana)|(?P<germany>deutscher Zeit|MESZ|MEZ)")
        .expect("zone statement regex")
});

pub(crate) static TIMES_IN_ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:times?|horarios?|horários?|orari) (?:are |stated are |shown are |corresponden a |son |están en |em |sono )?(?:in |en |la |a )?(?-i:(?P<zone>{}))(?-u:\b)",
        words().zone_alt
    ))
    .expect("times in zone regex")
});

/// Whether a short line only says which zone the page's times are in ("All times are Irish
/// Standard Time (IST)"): no content of a post.
pub(crate) fn is_zone_line(text: &str) -> bool {
    text.len() <= 80 && zone_statement(text).is_some() && !text.ends_with(['.', '!', '?']) || {
        // Asked of the last line of every post: no lower-case copy.
        let head = text.get(..text.len().min(12)).unwrap_or("").as_bytes();
        let opens = |w: &str| head.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()));
        text.len() <= 80 && (opens("all times") || opens("times are"))
    }
}

/// The zone a sentence of the page says its times are in.
pub fn zone_statement(text: &str) -> Option<Zone> {
    let Some(caps) = ZONE_STATEMENT.captures(text) else {
        // `All times AEDT.`, `Times in CET`, `Todos los horarios corresponden a la hora de
        // Argentina`: any zone name of the word lists.
        let caps = TIMES_IN_ZONE.captures(text)?;
        return words().zone(&caps["zone"], None);
    };
    Some(if caps.name("utc").is_some() {
        Zone::UTC
    } else if caps.name("uk").is_some() {
        Zone::Region(chrono_tz::Europe::London)
    } else if caps.name("et").is_some() {
        Zone::Region(chrono_tz::America::New_York)
    } else if caps.name("pt").is_some() {
        Zone::Region(chrono_tz::America::Los_Angeles)
    } else if caps.name("ie").is_some() {
        Zone::Region(chrono_tz::Europe::Dublin)
    } else if caps.name("italy").is_some() {
        Zone::Region(chrono_tz::Europe::Rome)
    } else if caps.name("germany").is_some() {
        Zone::Region(chrono_tz::Europe::Berlin)
    } else {
        Zone::Region(chrono_tz::Europe::Paris)
    })
}
