//! Reconciling what a page shows with what its markup claims, on small pages.

use super::*;
use chrono::DateTime;

#[test]
fn site_names_are_cut_from_titles() {
    assert_eq!(strip_site("Storm live: trees down | The Daily", &["The Daily"], false), "Storm live: trees down");
    assert_eq!(strip_site("Guerre - Le Site", &["Le Site"], false), "Guerre");
    assert_eq!(strip_site("Israel - Hamas war live", &["The Daily"], false), "Israel - Hamas war live");
    assert_eq!(strip_site("Vote live | World news | The Paper", &[], true), "Vote live | World news");
}

#[test]
fn dates_in_titles_and_addresses() {
    let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
    assert_eq!(date_in("Match - 28.09.2020 - Site"), d(2020, 9, 28));
    assert_eq!(date_in("https://x.test/live/2023/nov/02/storm"), d(2023, 11, 2));
    assert_eq!(date_in("https://x.test/2024-10-21/direct"), d(2024, 10, 21));
    assert_eq!(date_in("Score 57 : 33"), None);
}

#[test]
fn outlet_names() {
    assert_eq!(outlet_name("the Ledger", None), "The Ledger");
    assert_eq!(outlet_name("news.example.pl", Some("Match - Live - 28.09.2020 - Example News")), "Example News");
    assert_eq!(outlet_name("news.example.pl", Some("Match | Other Site")), "news.example.pl");
    assert_eq!(outlet_name("Le Site", None), "Le Site");
}

#[test]
fn a_shown_update_time_beside_the_modified_instant_gives_the_zone() {
    let ld = r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Wildfire: live updates as the fire reaches the town","datePublished":"2024-07-23","dateModified":"2024-07-25T03:15:00Z"}"#;
    let post = |c: &str, h: &str| {
        format!(
            "<div class=\"update\"><p>{c}</p><h4>{h}</h4><p>Crews and police are working through the evening near the town.</p></div>"
        )
    };
    let page = format!(
        "<!DOCTYPE html><html lang=\"en-CA\"><head><title>Wildfire</title><script type=\"application/ld+json\">{ld}</script></head><body><main><h1>Wildfire: live updates as the fire reaches the town</h1><p>Last updated 9:15 p.m.</p>{}{}{}</main></body></html>",
        post("9:15 p.m.", "Fire has reached the town"),
        post("7:40 p.m.", "Crews pulled back for safety"),
        post("11:50 a.m.", "Highway remains closed")
    );
    let story = crate::parse::parse_bytes("p.html".into(), page.into_bytes(), crate::parse::Rules::embedded()).unwrap();
    let at: Vec<String> = story.entries.iter().map(|e| e.at.map(|w| w.to_rfc3339()).unwrap_or_default()).collect();
    assert_eq!(at, ["2024-07-24T21:15:00-06:00", "2024-07-24T19:40:00-06:00", "2024-07-24T11:50:00-06:00"]);
}

#[test]
fn an_instant_counts_only_where_it_shows_the_clock() {
    let paris = Some(Zone::Region(chrono_tz::Europe::Paris));
    let z = |s| When::Zoned(DateTime::parse_from_rfc3339(s).unwrap());
    let clock = Clock::new(17, 38).unwrap();
    let agreed = agreeing(z("2024-10-21T15:38:00Z"), clock, paris).unwrap();
    assert_eq!(agreed.to_rfc3339(), "2024-10-21T17:38:00+02:00");
    // Local time labelled UTC: the shown clock wins.
    assert_eq!(agreeing(z("2024-10-21T17:38:00Z"), clock, paris), None);
    assert!(agreeing(z("2024-10-21T17:38:00+02:00"), clock, None).is_some());
}

#[test]
fn local_time_labelled_utc_beside_the_shown_update_keeps_the_language_zone() {
    // `Aggiornato alle 11:48` and a dateModified of 11:48Z: in July Italy is at +02:00, so the
    // `Z` is a label on local time, not a page kept in UTC.
    let ld = r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Caldo record, la diretta","dateModified":"2024-07-18T11:48:00Z"}"#;
    let post = |c: &str, h: &str| {
        format!(
            "<div class=\"e\"><p>{c}</p><h2>{h}</h2><p>Il Comune ha disposto la chiusura dei parchi nelle ore più calde.</p></div>"
        )
    };
    let page = format!(
        "<!DOCTYPE html><html lang=\"it\"><head><title>Caldo</title><script type=\"application/ld+json\">{ld}</script></head><body><main><h1>Caldo record, la diretta</h1><p>18 luglio 2024</p><p>Aggiornato alle 11:48</p>{}{}</main></body></html>",
        post("11:48", "Roma, chiusi i parchi"),
        post("10:55", "Bollino rosso in 18 città")
    );
    let story = crate::parse::parse_bytes("p.html".into(), page.into_bytes(), crate::parse::Rules::embedded()).unwrap();
    let at: Vec<String> = story.entries.iter().map(|e| e.at.map(|w| w.to_rfc3339()).unwrap_or_default()).collect();
    assert_eq!(at, ["2024-07-18T11:48:00+02:00", "2024-07-18T10:55:00+02:00"]);
}

#[test]
fn a_shown_day_with_no_time_gives_way_to_a_modification_within_two_days() {
    let at = |s: &str| When::Zoned(DateTime::parse_from_rfc3339(s).unwrap());
    let day = at("2024-10-18T00:00:00+02:00");
    assert!(day_only_before(day, at("2024-10-19T01:41:00+02:00")));
    assert!(!day_only_before(day, at("2024-10-21T09:00:00+02:00")), "days later: a re-save, not the feed");
    assert!(!day_only_before(at("2024-10-18T21:52:00+02:00"), at("2024-10-19T01:41:00+02:00")), "a shown time wins");
    assert!(!day_only_before(day, at("2024-10-17T23:00:00+02:00")));
}
