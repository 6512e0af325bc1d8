//! A header dateline that gives the page's date-time, then its update as a clock alone
//! (`Giovedì 19 Settembre 2024, 18:31 - Ultimo aggiornamento: 18:33`): the update falls on the
//! date before it (the next day when its clock is earlier). Read so, the page's own date wins
//! over a file time unrelated to it, as the unwrapped date-time does.

use crate::parse::time::{self, DatelineKind, DatelinePart};
use crate::parse::words::words;
use chrono::{Days, NaiveTime};
use regex::Regex;
use std::sync::LazyLock;

/// An `updated` word, an `at` word perhaps, and a clock, nothing else.
static UPDATED_CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    let w = words();
    Regex::new(&format!(
        r"(?i)^(?:{upd})\s*:?\s*(?:(?:{at})\s+)?(?P<h>\d{{1,2}})\s*[:.hH]\s*(?P<m>\d{{2}})\s*$",
        upd = w.updated_alt,
        at = w.at_alt
    ))
    .expect("updated clock regex")
});

/// The published and updated date-times of such a line.
pub(super) fn dated_then_updated(line: &str) -> Option<(DatelinePart, DatelinePart)> {
    let mut segments = line.split([' ', '\u{a0}']).collect::<Vec<_>>().join(" ");
    for sep in [" | ", " · ", " • ", " – ", " — "] {
        segments = segments.replace(sep, " - ");
    }
    let parts: Vec<&str> = segments.split(" - ").map(str::trim).collect();
    let (first, rest) = parts.split_first()?;
    if first.chars().count() > 48 {
        return None;
    }
    let found = time::datelines(first);
    let [published] = found.as_slice() else { return None };
    let at = published.time?;
    let caps = rest.iter().find_map(|p| UPDATED_CLOCK.captures(p))?;
    let clock = NaiveTime::from_hms_opt(caps["h"].parse().ok()?, caps["m"].parse().ok()?, 0)?;
    let date = if clock < at { published.date.checked_add_days(Days::new(1))? } else { published.date };
    let published = DatelinePart { kind: DatelineKind::Published, ..published.clone() };
    let updated = DatelinePart { kind: DatelineKind::Updated, date, time: Some(clock), zone: published.zone };
    Some((published, updated))
}

#[cfg(test)]
mod tests {
    use super::dated_then_updated;

    fn read(line: &str) -> Option<(String, String)> {
        dated_then_updated(line)
            .map(|(p, u)| (p.date.and_time(p.time.unwrap()).to_string(), u.date.and_time(u.time.unwrap()).to_string()))
    }

    #[test]
    fn a_date_time_then_an_updated_clock_is_the_pages_dateline() {
        assert_eq!(
            read("Giovedì 19 Settembre 2024, 18:31 - Ultimo aggiornamento: 18:33"),
            Some(("2024-09-19 18:31:00".into(), "2024-09-19 18:33:00".into()))
        );
        assert_eq!(
            read("Sat 30 Nov 2024 23:40 | Updated 00:15"),
            Some(("2024-11-30 23:40:00".into(), "2024-12-01 00:15:00".into()))
        );
        // A sentence or a date without its update stays the dateline reader's.
        assert_eq!(read("Giovedì 19 Settembre 2024, 18:31"), None);
        assert_eq!(read("Il sindaco ha parlato il 19 Settembre 2024, 18:31 - Ultimo aggiornamento: 18:33"), None);
    }

    #[test]
    fn the_header_reads_it_into_the_story() {
        let text = "Alluvione in Emilia-Romagna, la diretta: esonda il Lamone\n\n\
                    Giovedì 19 Settembre 2024, 18:31 - Ultimo aggiornamento: 18:33\n\n\
                    Aggiornamento ore 18.25\n\nMeloni: «Lo Stato c'è»\n\nLa presidente ha sentito al telefono la Regione.\n\n\
                    Aggiornamento ore 16.10\n\nEvacuate mille persone\n\nMille persone lasciano le case stasera.\n";
        let s = super::super::built_story(text);
        assert_eq!(s.updated.map(|w| w.local().to_string()).as_deref(), Some("2024-09-19 18:33:00"));
        assert_eq!(s.published.map(|w| w.local().to_string()).as_deref(), Some("2024-09-19 18:31:00"));
    }
}
