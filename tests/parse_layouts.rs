//! Layouts of copied text and text dumps where the time is not alone on its line, from
//! hand-written fixtures in `tests/fixtures/layouts/` modelled on real pages: clocks glued to
//! authors, relative times, inline headlines under German day headers that follow their day,
//! bylines that close each post, dates run into times, a pinned post, and the furniture
//! around them.

mod common;
use common::*;
use liveblog::model::Story;

fn stamps(story: &Story) -> Vec<(String, String)> {
    story
        .entries
        .iter()
        .map(|e| (e.clock.map(|c| c.to_string()).unwrap_or_default(), e.at.map(|a| a.to_rfc3339()).unwrap_or_default()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

fn dropped_rule(story: &Story, text: &str) -> Option<String> {
    story.dropped.iter().find(|d| story.str(d.span) == text).map(|d| d.rule.clone())
}

#[test]
fn clocks_glued_to_authors_and_labels() {
    let story = fixture("layouts/glued-authors.txt");
    // No zone is stated: the page's language (English, clearly ahead) gives the UK's.
    assert_eq!(story.title, "Storm Alex live: rivers burst their banks as rain batters the south west");
    assert_eq!(
        stamps(&story),
        pairs(&[
            ("21:22", "2020-10-06T21:22:00+01:00"),
            ("21:05", "2020-10-06T21:05:00+01:00"),
            ("19:40", "2020-10-06T19:40:00+01:00"),
            ("18:28", "2020-10-06T18:28:00+01:00"),
        ])
    );
    assert_eq!(story.entry(0).headline(), Some("Rest centre now full"));
    assert_eq!(story.entry(3).tag(), Some("KEY EVENT"));
    assert_eq!(story.entry(0).tag(), None, "an author is not a tag");
    assert_eq!(dropped_rule(&story, "Frances Watkins").as_deref(), Some("author"));
    assert_eq!(dropped_rule(&story, "Skip to main content").as_deref(), Some("skip-link"));
    assert_eq!(dropped_rule(&story, "Roads closed near Taunton").as_deref(), Some("time-list"));
    assert!(dropped_rule(&story, "Accept all cookies").is_some());
}

#[test]
fn relative_times_and_a_first_published_dateline() {
    let story = fixture("layouts/relative-guardian.txt");
    assert_eq!(story.title, "Storms live: thousands without power as gales sweep the country");
    assert_eq!(story.coverage_start.unwrap().to_rfc3339(), "2023-05-15T05:38:00+01:00");
    assert_eq!(
        stamps(&story),
        pairs(&[
            ("12:50", "2023-05-15T12:50:00+01:00"),
            ("11:48", "2023-05-15T11:48:00+01:00"),
            ("11:02", "2023-05-15T11:02:00+01:00"),
            ("05:38", "2023-05-15T05:38:00+01:00"),
        ])
    );
    assert_eq!(story.entry(1).headline(), Some("Ferries cancelled"));
    assert_eq!(story.entry(2).body().count(), 2, "a kick-off time inside a post is text");
}

#[test]
fn german_inline_headlines_under_day_headers_that_follow_their_day() {
    let story = fixture("layouts/german-inline.txt");
    assert_eq!(story.title, "Unwetter im Süden: Die Lage im Überblick");
    assert_eq!(
        stamps(&story),
        pairs(&[
            ("12:15", "2024-08-27T12:15:00+02:00"),
            ("11:04", "2024-08-27T11:04:00+02:00"),
            ("23:40", "2024-08-26T23:40:00+02:00"),
            ("02:59", "2024-08-26T02:59:00+02:00"),
        ])
    );
    assert_eq!(story.entry(1).headline(), Some("Feuerwehr im Dauereinsatz"));
    assert_eq!(story.entry(1).body().count(), 1);
    assert!(dropped_rule(&story, "Menü").is_some());
}

#[test]
fn bylines_that_close_their_posts() {
    let story = fixture("layouts/trailing-bylines.txt");
    assert_eq!(story.title, "Heatwave live: hottest day of the year as temperatures pass 33C");
    assert_eq!(
        stamps(&story),
        pairs(&[
            ("10:01", "2023-08-14T10:01:00+01:00"),
            ("09:12", "2023-08-14T09:12:00+01:00"),
            ("22:30", "2023-08-13T22:30:00+01:00")
        ])
    );
    assert_eq!(story.entry(0).headline(), Some("Hosepipe ban announced"));
    assert_eq!(story.entry(0).body().count(), 2);
    assert_eq!(story.entry(2).headline(), Some("Yesterday's record"));
}

#[test]
fn dates_run_into_times_with_a_zone_in_parentheses() {
    let story = fixture("layouts/dated-ist.txt");
    assert_eq!(
        stamps(&story),
        pairs(&[
            ("21:06", "2023-11-02T21:06:00+05:30"),
            ("20:41", "2023-11-02T20:41:00+05:30"),
            ("18:32", "2023-11-02T18:32:00+05:30"),
        ])
    );
    assert_eq!(story.entry(0).headline(), Some("India win by 302 runs"));
}

#[test]
fn a_pinned_post_does_not_push_the_others_a_day_back() {
    let story = fixture("layouts/italian-pinned.txt");
    assert_eq!(story.title, "Maltempo, la diretta: allerta rossa in Emilia-Romagna");
    assert_eq!(story.updated.unwrap().to_rfc3339(), "2023-11-02T16:58:00+01:00");
    // The pinned copy of the 09:30 post is dropped (and explained); the post stays in its place.
    assert_eq!(
        stamps(&story),
        pairs(&[
            ("16:45", "2023-11-02T16:45:00+01:00"),
            ("15:10", "2023-11-02T15:10:00+01:00"),
            ("09:30", "2023-11-02T09:30:00+01:00"),
        ])
    );
    assert!(story.dropped.iter().any(|d| d.rule == "repeated-post"));
}

#[test]
fn nfd_text_parses_like_its_nfc_twin() {
    let nfc = "Élections en Moldavie\n\n17h38\nRésultats\nLe décompte est terminé.\n";
    let nfd: String = unicode_nfd(nfc);
    assert_ne!(nfc, nfd);
    let (a, b) = (parse_str(nfc), parse_str(&nfd));
    assert_eq!(a.title, b.title);
    assert_eq!(a.entry(0).headline(), b.entry(0).headline());
}

fn unicode_nfd(s: &str) -> String {
    s.replace('É', "E\u{301}").replace('é', "e\u{301}")
}

#[test]
fn a_first_published_dateline_anchors_the_oldest_entry_days_before() {
    let story = fixture("layouts/first-published-days-before.txt");
    assert_eq!(story.entries.len(), 3);
    assert_eq!(story.entries[0].at.unwrap().to_rfc3339(), "2023-05-17T10:05:00+01:00");
    assert_eq!(story.entries[2].at.unwrap().to_rfc3339(), "2023-05-15T06:00:00+01:00");
}

#[test]
fn bare_clocks_that_close_posts_opened_by_match_minutes() {
    let story = fixture("layouts/minute-marks-clock-last.txt");
    let clocks: Vec<String> =
        story.entries.iter().map(|e| e.clock.map(|c| c.to_string()).unwrap_or_default()).collect();
    assert_eq!(clocks, ["23:05", "22:41", "22:16", "21:48", "21:13"]);
    // Each clock stamps the text above it, from its match minute down; the line under the
    // minute is the headline, the minute stays in the body.
    let body = |k: usize| story.entry(k).headline().into_iter().chain(story.entry(k).body()).collect::<Vec<_>>();
    assert_eq!(body(0)[..2], ["Fin de la prolongation !", "120'+2"]);
    assert_eq!(body(1)[..2], ["BUT ! Brest reprend l'avantage", "104'"]);
    assert_eq!(body(4)[..2], ["BUT ! Ouverture du score", "12'"]);
    assert!(!text_fields(&story).iter().any(|t| t.contains("Statistiques")), "what follows the last post is furniture");
    assert_eq!(dropped_rule(&story, "Statistiques").as_deref(), Some("after-last-post"));
    assert!(story.summary().is_empty(), "the first post's minute is no summary");

    // The same match with each clock above its minute, the score above the title: the stamps
    // open their posts.
    let leading = "Stade Brestois\n\n3 - 2\n\nAS Monaco\n\nBrest - Monaco : le direct du quart de finale\n\n\
                   Par Léa Martin · Publié le 27/02/2024 à 20h40\n\n\
                   23h05\n120'+2\n\nFin de la prolongation !\n\nBrest se qualifie au bout du suspense.\n\n\
                   22h41\n104'\n\nBUT ! Brest reprend l'avantage\n\nLe Douaron coupe au premier poteau.\n\n\
                   22h16\n90'+3\n\nFin du temps réglementaire\n\n\
                   21h48\n67'\n\nCarton rouge pour Monaco\n\nSingo est exclu pour un tacle.\n\n\
                   21h13\n12'\n\nBUT ! Ouverture du score\n\nDel Castillo frappe en lucarne.\n";
    let story = parse_str(leading);
    assert_eq!(entries(&story).len(), 5);
    let first = story.entry(0);
    assert_eq!(first.entry.clock.map(|c| c.to_string()).as_deref(), Some("23:05"));
    assert_eq!(first.headline(), Some("Fin de la prolongation !"));
    assert_eq!(first.body().next(), Some("120'+2"));
    let last = story.entry(4);
    assert_eq!(last.headline(), Some("BUT ! Ouverture du score"));
}
