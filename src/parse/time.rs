//! Reading times, dates and zones the way French and English live blogs print them: entry
//! clock lines (`17H38`, `9h05`, `17.38 GMT`, `4.53pm BST`, `Le 23/06 à 06:04`), header
//! datelines (`Direct démarré le 21 octobre 2024 à 6H30 TU`, `First published on Fri 19 Feb
//! 2021 17.20 GMT`, `Publié le 20/09/2023 06:40`), day headers (`Lundi 21 octobre`) and
//! statements of the zone ("Les horaires sont affichés en temps universel").

use crate::model::{Clock, Zone};
use chrono::{NaiveDate, NaiveTime};
use regex::{Captures, Regex};
use std::sync::LazyLock;

const ZONES: &str = r"TU|UTC|GMT|BST|CEST|CET|EDT|EST|PDT|PST|heure de Paris|heure à Paris|\(heure de Paris\)";
const MONTHS: &str = r"janvier|janv|février|fevrier|févr|fév|fevr|mars|avril|avr|mai|juin|juillet|juil|août|aout|septembre|sept|octobre|novembre|décembre|decembre|déc|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec";
const WEEKDAYS: &str = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mer|jeu|ven|sam|dim|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun";

/// A line that is an entry's time stamp.
#[derive(Debug, Clone, PartialEq)]
pub struct ClockLine<'a> {
    pub clock: Clock,
    pub zone: Option<Zone>,
    /// Day and month, for the `Le 23/06 à 06:04` form.
    pub day_month: Option<(u32, u32)>,
    /// A rubric printed after the time on the same line.
    pub rest: Option<&'a str>,
}

static CLOCK_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[Ll]e\s+(?P<d>\d{{1,2}})/(?P<mo>\d{{1,2}})\s+à\s+)?(?P<h>\d{{1,2}})(?:\s*[hH:.]\s*(?P<m>\d{{2}}))?\s*(?P<ampm>[aApP]\.?[mM]\.?)?\s*(?P<zone>{ZONES})?\.?(?:\s+(?P<rest>\S.*))?$"
    ))
    .expect("clock regex")
});

/// Reads an entry time line. `line` is trimmed. Only whole lines count: a time inside a
/// sentence is not an entry.
pub fn clock_line(line: &str) -> Option<ClockLine<'_>> {
    let bytes = line.as_bytes();
    let first = *bytes.first()?;
    // Cheap tests first: a digit, or Le Monde's `Le 23/06 à …` (French has many lines that
    // start with "Le" and no time).
    let dated =
        (first == b'L' || first == b'l') && bytes.get(1) == Some(&b'e') && bytes.get(3).is_some_and(u8::is_ascii_digit);
    if line.len() > 64 || !(first.is_ascii_digit() || dated) {
        return None;
    }
    // The DFA says no fast; captures (a slower engine) only for lines that are times.
    if !CLOCK_LINE.is_match(line) {
        return None;
    }
    let caps = CLOCK_LINE.captures(line)?;
    let dated = caps.name("d").is_some();
    let rest = caps.name("rest").map(|m| m.as_str());
    // A rubric may follow only the dated form; `17:38 Breaking` would be a headline.
    if rest.is_some() && !dated {
        return None;
    }
    let ampm = caps.name("ampm").map(|m| m.as_str().to_ascii_lowercase());
    if caps.name("m").is_none() && ampm.is_none() {
        return None;
    }
    let clock = clock_from(&caps, ampm.as_deref())?;
    let day_month = if dated {
        let d = caps["d"].parse().ok()?;
        let m = caps["mo"].parse().ok()?;
        NaiveDate::from_ymd_opt(2000, m, d)?;
        Some((d, m))
    } else {
        None
    };
    Some(ClockLine { clock, zone: caps.name("zone").and_then(|z| zone_named(z.as_str())), day_month, rest })
}

fn clock_from(caps: &Captures<'_>, ampm: Option<&str>) -> Option<Clock> {
    let mut hour: u32 = caps.name("h")?.as_str().parse().ok()?;
    let minute: u32 = caps.name("m").map_or(Some(0), |m| m.as_str().parse().ok())?;
    if let Some(ampm) = ampm {
        if !(1..=12).contains(&hour) {
            return None;
        }
        let pm = ampm.starts_with('p');
        hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
    }
    Clock::new(hour, minute)
}

/// The zone an abbreviation or phrase names.
pub fn zone_named(name: &str) -> Option<Zone> {
    let fixed = |name, hours: i32| Zone::Fixed { name, offset_seconds: hours * 3600 };
    Some(match name {
        "TU" | "UTC" => Zone::UTC,
        "GMT" => fixed("GMT", 0),
        "BST" => fixed("BST", 1),
        "CET" => fixed("CET", 1),
        "CEST" => fixed("CEST", 2),
        "EST" => fixed("EST", -5),
        "EDT" => fixed("EDT", -4),
        "PST" => fixed("PST", -8),
        "PDT" => fixed("PDT", -7),
        n if n.contains("Paris") => Zone::Region(chrono_tz::Europe::Paris),
        _ => return None,
    })
}

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

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?ix)
        (?:(?-u:\b)(?:{WEEKDAYS})\.?,?\s+)?
        (?:
            (?:le\s+)?(?P<d1>\d{{1,2}})(?:er)?\s+(?P<mon1>{MONTHS})\.?,?\s+(?P<y1>\d{{4}})
          | (?P<mon2>{MONTHS})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})
          | (?P<d3>\d{{1,2}})[/.](?P<mo3>\d{{1,2}})[/.](?P<y3>\d{{4}})
          | (?P<y4>\d{{4}})-(?P<mo4>\d{{2}})-(?P<d4>\d{{2}})
        )
        (?:
            (?:\s*,|\s+à|\s+at|\s+-|\s*T)?\s*
            (?P<h>\d{{1,2}})\s*[hH:.]\s*(?P<m>\d{{2}})(?::\d{{2}})?
            \s*(?P<ampm>[ap]\.?m\.?)?
            \s*(?-i:(?P<zone>{ZONES}))?
        )?"
    ))
    .expect("date regex")
});

static KIND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?P<ended>direct terminé|live terminé|ce direct est terminé|fin du direct|live ended|this (?:live )?blog (?:is now closed|has ended))|(?P<started>direct démarré|live démarré|début du direct|first published|live started|started)|(?P<published>publié|published|posted)|(?P<updated>mis à jour|dernière mise à jour|last updated|updated)",
    )
    .expect("kind regex")
});

/// Reads the datelines of one line: zero, one or several (`Publié le … , mis à jour le …`).
/// Lines longer than a dateline ever is are skipped cheaply.
pub fn datelines(line: &str) -> Vec<DatelinePart> {
    if line.len() > 160 || !line.bytes().any(|b| b.is_ascii_digit()) || !DATE.is_match(line) {
        return Vec::new();
    }
    let kinds: Vec<(usize, DatelineKind)> = KIND
        .captures_iter(line)
        .map(|c| {
            let m = c.get(0).expect("whole match");
            let kind = if c.name("ended").is_some() {
                DatelineKind::Ended
            } else if c.name("started").is_some() {
                DatelineKind::Started
            } else if c.name("published").is_some() {
                DatelineKind::Published
            } else {
                DatelineKind::Updated
            };
            (m.start(), kind)
        })
        .collect();
    DATE.captures_iter(line)
        .filter_map(|caps| {
            let start = caps.get(0)?.start();
            let date = date_from(&caps)?;
            let ampm = caps.name("ampm").map(|m| m.as_str().to_ascii_lowercase());
            let time = caps.name("h").and_then(|_| clock_from(&caps, ampm.as_deref())).map(|c| c.time());
            let kind = kinds.iter().rev().find(|(at, _)| *at <= start).map_or(DatelineKind::Plain, |(_, k)| *k);
            Some(DatelinePart { kind, date, time, zone: caps.name("zone").and_then(|z| zone_named(z.as_str())) })
        })
        .collect()
}

fn date_from(caps: &Captures<'_>) -> Option<NaiveDate> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let (d, m, y) = if let Some(d) = num("d1") {
        (d, month_number(&caps["mon1"])?, num("y1")?)
    } else if let Some(d) = num("d2") {
        (d, month_number(&caps["mon2"])?, num("y2")?)
    } else if let Some(d) = num("d3") {
        (d, num("mo3")?, num("y3")?)
    } else {
        (num("d4")?, num("mo4")?, num("y4")?)
    };
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// The month a French or English name or abbreviation stands for.
pub fn month_number(name: &str) -> Option<u32> {
    let folded = crate::model::fold(name);
    let prefix: String = folded.chars().take(3).collect();
    Some(match prefix.as_str() {
        "jan" => 1,
        "fev" | "feb" => 2,
        "mar" => 3,
        "avr" | "apr" => 4,
        "mai" | "may" => 5,
        "jui" => {
            if folded.starts_with("juil") {
                7
            } else {
                6
            }
        }
        "jun" => 6,
        "jul" => 7,
        "aou" | "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

static DAY_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{WEEKDAYS})\.?,?\s+(?:(?P<d1>\d{{1,2}})(?:er)?\s+(?P<mon1>{MONTHS})|(?P<mon2>{MONTHS})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)\.?(?:,?\s+(?P<y>\d{{4}}))?$"
    ))
    .expect("day header regex")
});

/// A day header between entries (`Lundi 21 octobre`, `Sunday 20 October 2024`): day, month
/// and the year when printed.
pub fn day_header(line: &str) -> Option<(u32, u32, Option<i32>)> {
    if line.len() > 48 {
        return None;
    }
    if !DAY_HEADER.is_match(line) {
        return None;
    }
    let caps = DAY_HEADER.captures(line)?;
    let (d, mon) = match caps.name("d1") {
        Some(d) => (d.as_str(), &caps["mon1"]),
        None => (caps.name("d2")?.as_str(), &caps["mon2"]),
    };
    Some((d.parse().ok()?, month_number(mon)?, caps.name("y").and_then(|y| y.as_str().parse().ok())))
}

static ZONE_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<utc>temps universel|heure TU|times? (?:are |stated are )?(?:in )?(?:UTC|GMT))|(?P<uk>all times (?:stated )?are UK|UK time)|(?P<paris>heure (?:de|à) Paris|heure française|heure de France)")
        .expect("zone statement regex")
});

/// The zone a sentence of the page says its times are in.
pub fn zone_statement(text: &str) -> Option<Zone> {
    let caps = ZONE_STATEMENT.captures(text)?;
    Some(if caps.name("utc").is_some() {
        Zone::UTC
    } else if caps.name("uk").is_some() {
        Zone::Region(chrono_tz::Europe::London)
    } else {
        Zone::Region(chrono_tz::Europe::Paris)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(line: &str) -> Option<String> {
        clock_line(line).map(|c| c.clock.to_string())
    }

    #[test]
    fn entry_clock_forms() {
        assert_eq!(clock("17H38").as_deref(), Some("17:38"));
        assert_eq!(clock("17h38").as_deref(), Some("17:38"));
        assert_eq!(clock("9h05").as_deref(), Some("09:05"));
        assert_eq!(clock("09H07").as_deref(), Some("09:07"));
        assert_eq!(clock("17:38").as_deref(), Some("17:38"));
        assert_eq!(clock("17.38\u{a0}GMT").as_deref(), Some("17:38"));
        assert_eq!(clock("4.53pm BST").as_deref(), Some("16:53"));
        assert_eq!(clock("9.05am").as_deref(), Some("09:05"));
        assert_eq!(clock("12:34 pm").as_deref(), Some("12:34"));
        assert_eq!(clock("12.05am").as_deref(), Some("00:05"));
        assert_eq!(clock("10:37 AM").as_deref(), Some("10:37"));
        assert_eq!(clock("22h54.").as_deref(), Some("22:54"));
        assert_eq!(clock("Le 23/06 à 06:04").as_deref(), Some("06:04"));
    }

    #[test]
    fn zones_on_clock_lines() {
        assert_eq!(clock_line("17.38 GMT").unwrap().zone.unwrap().name(), "GMT");
        assert_eq!(clock_line("4.53pm BST").unwrap().zone, zone_named("BST"));
        assert_eq!(clock_line("8h55 TU").unwrap().zone, Some(Zone::UTC));
        assert_eq!(clock_line("8h55 heure de Paris").unwrap().zone, Some(Zone::Region(chrono_tz::Europe::Paris)));
    }

    #[test]
    fn not_clock_lines() {
        for line in ["2024", "17", "Updated at 19.38 GMT", "25h10", "17h38 aide", "13.45pm", "100 000", "Le président"]
        {
            assert_eq!(clock(line), None, "{line}");
        }
    }

    #[test]
    fn le_monde_rubric() {
        let c = clock_line("Le 23/06 à 06:04 Pour approfondir").unwrap();
        assert_eq!(c.day_month, Some((23, 6)));
        assert_eq!(c.rest, Some("Pour approfondir"));
    }

    #[test]
    fn datelines_of_each_kind() {
        let d = datelines("Direct démarré le 21 octobre 2024 à 6H30 TU");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, DatelineKind::Started);
        assert_eq!(d[0].date, NaiveDate::from_ymd_opt(2024, 10, 21).unwrap());
        assert_eq!(d[0].time, NaiveTime::from_hms_opt(6, 30, 0));
        assert_eq!(d[0].zone, Some(Zone::UTC));

        let d = datelines("First published on Fri 19 Feb 2021 17.20\u{a0}GMT");
        assert_eq!((d[0].kind, d[0].time), (DatelineKind::Started, NaiveTime::from_hms_opt(17, 20, 0)));
        let d = datelines("Fri 19 Feb 2021 19.41 GMT");
        assert_eq!(d[0].kind, DatelineKind::Plain);
        let d = datelines("Publié le 20/09/2023 06:40");
        assert_eq!((d[0].kind, d[0].date.to_string()), (DatelineKind::Published, "2023-09-20".into()));
        let d = datelines("Publié le 16 mai 2022 à 6h00, mis à jour le 17 mai 2022 à 6h19");
        assert_eq!(d.len(), 2);
        assert_eq!(d[1].kind, DatelineKind::Updated);
        assert_eq!(d[1].date.to_string(), "2022-05-17");
        let d = datelines("Direct terminé le 21 octobre 2024 à 20H15 TU");
        assert_eq!(d[0].kind, DatelineKind::Ended);
        let d = datelines("Ukraine war live: Thursday 18 January 2018");
        assert_eq!(d[0].date.to_string(), "2018-01-18");
        assert_eq!(datelines("12.10.2023, 16:08")[0].time, NaiveTime::from_hms_opt(16, 8, 0));
        assert_eq!(datelines("Live ended March 3, 2024 at 4:05 pm")[0].time, NaiveTime::from_hms_opt(16, 5, 0));
    }

    #[test]
    fn day_headers() {
        assert_eq!(day_header("Lundi 21 octobre"), Some((21, 10, None)));
        assert_eq!(day_header("Sunday 20 October 2024"), Some((20, 10, Some(2024))));
        assert_eq!(day_header("Mardi 1er avril"), Some((1, 4, None)));
        assert_eq!(day_header("Lundi, la Russie a frappé"), None);
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("juin"), Some(6));
        assert_eq!(month_number("juillet"), Some(7));
        assert_eq!(month_number("Févr"), Some(2));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("foo"), None);
    }

    #[test]
    fn zone_statements() {
        assert_eq!(zone_statement("Les horaires sont affichés en temps universel."), Some(Zone::UTC));
        assert_eq!(zone_statement("All times stated are UK"), Some(Zone::Region(chrono_tz::Europe::London)));
        assert_eq!(zone_statement("Les heures sont en heure de Paris"), Some(Zone::Region(chrono_tz::Europe::Paris)));
    }
}
