//! English and French layouts beyond the samples, from fixtures in `tests/fixtures/`: the
//! Guardian (current and older), the BBC, TF1info, and a blog with day headers in Paris time.

mod common;
use common::*;

fn clocks_and_dates(story: &liveblog::model::Story) -> Vec<(String, String)> {
    story
        .entries
        .iter()
        .map(|e| (e.clock.unwrap().to_string(), e.at.map(|a| a.to_rfc3339()).unwrap_or_default()))
        .collect()
}

#[test]
fn guardian_current_layout() {
    let story = fixture("guardian-current.txt");
    assert_eq!(story.title, "Biden says US will rejoin Paris climate accord – live");
    assert_eq!(story.zone.unwrap().name(), "GMT");
    assert_eq!(story.updated.unwrap().to_rfc3339(), "2021-02-19T19:41:00Z");
    assert_eq!(story.coverage_start.unwrap().to_rfc3339(), "2021-02-19T17:20:00Z");
    assert_eq!(
        clocks_and_dates(&story),
        [
            ("19:30".into(), "2021-02-19T19:30:00Z".into()),
            ("18:05".into(), "2021-02-19T18:05:00Z".into()),
            ("17:22".into(), "2021-02-19T17:22:00Z".into())
        ]
    );
    let e = story.entry(0);
    assert_eq!(e.headline(), Some("Biden: America is back"));
    assert_eq!(e.tag(), None, "a short headline followed by a sentence is not a tag");
    assert_eq!(e.entry.updated.unwrap().to_string(), "19:38");
    assert_eq!(e.body().count(), 1, "`Updated at` is not body text");
    assert_eq!(story.entry(1).headline(), Some("Summary"));
    assert_eq!(story.entry(1).body().count(), 2);
    let last = story.entry(2);
    assert_eq!(last.headline(), None, "an entry can start straight with its text");
    assert_eq!(last.links().collect::<Vec<_>>(), ["Related: Texas outages explained"]);
}

#[test]
fn guardian_older_twelve_hour_clock_crosses_midnight() {
    let story = fixture("guardian-older.txt");
    assert_eq!(story.zone.unwrap().name(), "BST");
    assert_eq!(
        clocks_and_dates(&story),
        [
            ("00:15".into(), "2017-06-09T00:15:00+01:00".into()),
            ("23:50".into(), "2017-06-08T23:50:00+01:00".into()),
            ("16:53".into(), "2017-06-08T16:53:00+01:00".into())
        ]
    );
    assert_eq!(story.entry(0).headline(), Some("Exit poll shows a hung parliament"));
}

#[test]
fn bbc_date_in_title_and_breaking_label() {
    let story = fixture("bbc.txt");
    assert_eq!(story.title, "Ukraine war latest: Thursday 18 January 2018");
    assert_eq!(story.zone.unwrap().name(), "Europe/London");
    let e = story.entry(0);
    assert_eq!(e.tag(), Some("Breaking"));
    assert_eq!(e.headline(), Some("Minister resigns over spending row"));
    assert_eq!(
        clocks_and_dates(&story),
        [
            ("17:24".into(), "2018-01-18T17:24:00Z".into()),
            ("17:24".into(), "2018-01-18T17:24:00Z".into()),
            ("09:02".into(), "2018-01-18T09:02:00Z".into())
        ],
        "two posts in one minute stay on one day"
    );
}

#[test]
fn tf1info_upper_case_tags_and_zone_less_dates() {
    let story = fixture("tf1info.txt");
    assert_eq!(story.published.unwrap().to_rfc3339(), "2022-05-16T06:00:00");
    assert_eq!(story.updated.unwrap().to_rfc3339(), "2022-05-17T06:19:00");
    assert!(story.zone.is_none(), "no zone stated: none guessed");
    assert_eq!(
        clocks_and_dates(&story),
        [("06:10".into(), "2022-05-17T06:10:00".into()), ("23:45".into(), "2022-05-16T23:45:00".into())]
    );
    assert_eq!(story.entry(0).tag(), Some("MARIOUPOL"));
    assert_eq!(story.entry(0).headline(), Some("Les combattants d’Azovstal évacués"));
    assert_eq!(story.entry(1).tag(), Some("DIPLOMATIE"));
}

#[test]
fn day_headers_in_paris_time() {
    let story = fixture("dayheaders-paris.txt");
    assert_eq!(story.zone.unwrap().name(), "Europe/Paris");
    assert_eq!(
        clocks_and_dates(&story),
        [
            ("08:15".into(), "2024-10-22T08:15:00+02:00".into()),
            ("22:40".into(), "2024-10-21T22:40:00+02:00".into()),
            ("07:05".into(), "2024-10-21T07:05:00+02:00".into())
        ]
    );
    assert!(story.summary().iter().all(|p| !p.contains("octobre")), "day headers are not text");
}

#[test]
fn le_monde_dated_time_lines_with_rubric() {
    let story = parse_str(
        "Guerre en Ukraine, jour 120 : le direct\n\nLes heures sont en heure de Paris.\n\nLe 23/06 à 06:04 Pour approfondir\nLes livraisons d’armes en question\n\nUn long texte sur les livraisons.\n\nLe 22/06 à 23:10\nLa nuit à Kharkiv\n\nDes frappes sont signalées.\n",
    );
    assert_eq!(story.entries.len(), 2);
    assert_eq!(story.entry(0).tag(), Some("Pour approfondir"));
    assert_eq!(story.entry(0).headline(), Some("Les livraisons d’armes en question"));
    // No year anywhere: the day and month are known but no date can be formed.
    assert!(story.entries.iter().all(|e| e.at.is_none()));
}

#[test]
fn metadata_lines_are_not_entries() {
    let story = parse_str(
        "Direct : la journée\nPublié le 20/09/2023 06:40\nMis à jour\n\n08:10\nPremier titre\n\nUn texte.\n\nUpdated at 19.38 GMT\n\n07:55\nSecond titre\n\nUn autre texte.\n",
    );
    assert_eq!(story.entries.len(), 2);
    assert_eq!(story.published.unwrap().to_rfc3339(), "2023-09-20T06:40:00");
    assert_eq!(story.entries[0].at.unwrap().to_rfc3339(), "2023-09-20T08:10:00");
    assert_eq!(story.summary().len(), 0, "`Mis à jour` is page metadata");
    assert!(story.dropped.iter().any(|d| d.line == 3 && d.rule == "dateline"));
}

#[test]
fn a_time_standing_alone_at_the_end_is_not_an_entry() {
    let story = parse_str("Titre du direct\n\n10h00\nTitre\n\nTexte.\n\n09h00\n");
    assert_eq!(story.entries.len(), 1);
}
