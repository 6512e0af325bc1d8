//! The zone a page shows its clocks in, when its text does not state one: from the offsets its
//! own instants carry (`+02:00` in a `datetime`, a meta tag or JSON-LD), read as the region its
//! language points to when that region has that offset then; else the language's region
//! alone. Instants given in UTC (`Z`) say nothing of the shown clock.

use crate::model::{When, Zone};
use chrono::{DateTime, FixedOffset, Offset, TimeZone};
use chrono_tz::Tz;

/// The region a language tag (`fr`, `en-GB`, `de-AT`, `pt_BR`) most likely shows clocks in.
pub(crate) fn region_of_lang(lang: &str) -> Option<Tz> {
    use chrono_tz::{America, Asia, Australia, Europe};
    let lang = lang.replace('_', "-").to_ascii_lowercase();
    let (base, country) = lang.split_once('-').unwrap_or((&lang, ""));
    Some(match (base, country) {
        (_, "in") | ("hi" | "bn" | "ta" | "te" | "mr", _) => Asia::Kolkata,
        (_, "ie") => Europe::Dublin,
        (_, "us") => America::New_York,
        (_, "ca") => America::Toronto,
        (_, "au") => Australia::Sydney,
        (_, "nz") => chrono_tz::Pacific::Auckland,
        (_, "at") => Europe::Vienna,
        (_, "ch") => Europe::Zurich,
        (_, "be") => Europe::Brussels,
        (_, "br") => America::Sao_Paulo,
        (_, "mx") => America::Mexico_City,
        (_, "ar") => America::Argentina::Buenos_Aires,
        ("en", _) => Europe::London,
        ("fr", _) => Europe::Paris,
        ("de", _) => Europe::Berlin,
        ("it", _) => Europe::Rome,
        ("es" | "ca" | "eu" | "gl", _) => Europe::Madrid,
        ("nl", _) => Europe::Amsterdam,
        ("pt", _) => Europe::Lisbon,
        ("pl", _) => Europe::Warsaw,
        ("sv", _) => Europe::Stockholm,
        ("da", _) => Europe::Copenhagen,
        ("nb" | "nn" | "no", _) => Europe::Oslo,
        ("fi", _) => Europe::Helsinki,
        ("cs", _) => Europe::Prague,
        ("el", _) => Europe::Athens,
        ("uk", _) => Europe::Kyiv,
        ("ru", _) => Europe::Moscow,
        ("ja", _) => Asia::Tokyo,
        _ => return None,
    })
}

/// Regions tried, after the language's own, for an offset the language does not explain.
const REGIONS: [Tz; 8] = [
    chrono_tz::Europe::London,
    chrono_tz::Europe::Paris,
    chrono_tz::Asia::Kolkata,
    chrono_tz::America::New_York,
    chrono_tz::America::Los_Angeles,
    chrono_tz::America::Chicago,
    chrono_tz::Australia::Sydney,
    chrono_tz::Asia::Tokyo,
];

/// The page's zone from its language and the instants it gives.
pub(crate) fn infer(lang: Option<&str>, instants: &[When]) -> Option<Zone> {
    let lang_region = lang.and_then(region_of_lang);
    // The most common non-UTC offset among the instants, and one instant that has it.
    let mut counts: Vec<(i32, usize, DateTime<FixedOffset>)> = Vec::new();
    for w in instants {
        let When::Zoned(t) = w else { continue };
        let offset = t.offset().local_minus_utc();
        if offset == 0 {
            continue;
        }
        match counts.iter_mut().find(|(o, _, _)| *o == offset) {
            Some(c) => c.1 += 1,
            None => counts.push((offset, 1, *t)),
        }
    }
    let Some(&(offset, _, sample)) = counts.iter().max_by_key(|c| c.1) else {
        return lang_region.map(Zone::Region);
    };
    let fits = |tz: &Tz| tz.offset_from_utc_datetime(&sample.naive_utc()).fix().local_minus_utc() == offset;
    if let Some(tz) = lang_region.filter(fits).or_else(|| REGIONS.into_iter().find(fits)) {
        return Some(Zone::Region(tz));
    }
    Some(Zone::Fixed { name: "", offset_seconds: offset })
}

/// The wall-clock time an instant shows in a zone.
pub(crate) fn local_in(zone: Zone, t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    match zone {
        Zone::Fixed { offset_seconds, .. } => match FixedOffset::east_opt(offset_seconds) {
            Some(o) => t.with_timezone(&o),
            None => t,
        },
        Zone::Region(tz) => t.with_timezone(&tz).fixed_offset(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> When {
        When::Zoned(DateTime::parse_from_rfc3339(s).unwrap())
    }

    #[test]
    fn offsets_pick_the_languages_region() {
        let z = infer(Some("fr-FR"), &[at("2024-10-21T17:38:00+02:00"), at("2024-10-21T15:00:00Z")]);
        assert_eq!(z, Some(Zone::Region(chrono_tz::Europe::Paris)));
        // Winter in India: no European region has +05:30.
        let z = infer(Some("en"), &[at("2023-10-02T18:32:00+05:30")]);
        assert_eq!(z, Some(Zone::Region(chrono_tz::Asia::Kolkata)));
    }

    #[test]
    fn utc_instants_leave_the_language() {
        assert_eq!(infer(Some("de"), &[at("2024-08-27T10:32:00Z")]), Some(Zone::Region(chrono_tz::Europe::Berlin)));
        assert_eq!(infer(None, &[at("2024-08-27T10:32:00Z")]), None);
    }
}
