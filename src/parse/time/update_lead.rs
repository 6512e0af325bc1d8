//! A newsticker paragraph that opens with its own date and time (`Update vom 14. August, 16.40
//! Uhr: Der Deutsche Wetterdienst …`, `Erstmeldung vom 13. August, 19.00 Uhr: …`): regional
//! German sites keep a whole ticker in one article's paragraphs, with no markup around a post,
//! and print each post's stamp as the paragraph's bold lead. The lead word (from
//! `assets/update_leads.txt`), `vom` and a date before the clock make it a stamp where a clock
//! inside a sentence is not; the text after the colon is the post's.

use super::Stamp;
use crate::model::Clock;
use crate::parse::words::words;
use regex::Regex;
use std::sync::LazyLock;

const LEADS: &str = include_str!("../../../assets/update_leads.txt");

static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    let leads: Vec<String> =
        LEADS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(regex::escape).collect();
    Regex::new(&format!(
        r"(?i)^(?:{leads})\s+(?:vom|from|du|del)\s+(?:(?P<d>\d{{1,2}})\.?\s+(?P<mon>{mo})\.?(?:\s+(?P<y>\d{{4}}))?|(?P<dn>\d{{1,2}})\.(?P<mn>\d{{1,2}})\.(?P<yn>\d{{4}})?)\s*,?\s*(?:um\s+)?(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)\s*(?:Uhr)?\s*:\s*(?P<text>\S.*)$",
        leads = leads.join("|"),
        mo = words().month_alt
    ))
    .expect("update lead regex")
});

/// The stamp of a paragraph led by `Update vom <date>, <clock> Uhr:`.
pub(crate) fn update_lead(line: &str) -> Option<Stamp> {
    let c = LEAD.captures(line)?;
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let (d, m, y) = match num("d") {
        Some(d) => (d, words().month(&c["mon"])?, num("y")),
        None => (num("dn")?, num("mn")?, num("yn")),
    };
    chrono::NaiveDate::from_ymd_opt(y.map_or(2000, |y| y as i32), m, d)?;
    let clock = Clock::new(c["h"].parse().ok()?, c["m"].parse().ok()?)?;
    let text = c.name("text")?;
    Some(Stamp::opening_paragraph(clock, Some((d, m, y.map(|y| y as i32))), text.start(), line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dated_update_lead_stamps_its_paragraph() {
        let line = "Update vom 14. August, 16.40 Uhr: Der Deutsche Wetterdienst hat die Warnung verlängert.";
        let s = update_lead(line).expect("stamp");
        assert_eq!(s.clock, Clock::new(16, 40).unwrap());
        assert_eq!(s.date, Some((14, 8, None)));
        let (a, b) = s.rest.unwrap();
        assert!(line[a..b].starts_with("Der Deutsche"));
        let first = update_lead("Erstmeldung vom 13.08.2024, 9.30 Uhr: Für den Abend warnt der DWD.").expect("stamp");
        assert_eq!((first.clock, first.date), (Clock::new(9, 30).unwrap(), Some((13, 8, Some(2024)))));
    }

    #[test]
    fn sentences_and_updates_without_a_date_are_not_leads() {
        assert!(update_lead("Update: Der Zug fährt um 16.40 Uhr: Gleis 3").is_none());
        assert!(update_lead("Die Meldung vom 14. August, 16.40 Uhr: falsch").is_none());
        assert!(update_lead("Update vom 31. Februar, 16.40 Uhr: Text").is_none());
    }
}
