//! Posts stamped only with a relative time (`5 min ago`, `vor 25 Minuten`, `12 minuti fa`,
//! `Zojuist`) or with a `<time datetime>` that shows no clock, in saved HTML pages and in the
//! text copied from them; and video lengths after the feed, which stamp no post. The pages are
//! hand-written for these tests (`tests/fixtures/html/relative_*.html`,
//! `tests/fixtures/layouts/relative-*.txt`; `relative-en-w3m.txt`, `relative-en-lynx.txt` and
//! `relative-en-copied.txt` are `relative_en.html` through `w3m -dump -T text/html -cols 120`,
//! `lynx -dump -nolist -width=100 -assume_charset=utf-8 -force_html` and headless Chromium's
//! `document.body.innerText`).

mod common;
use common::entries;
use liveblog::model::Story;
use liveblog::parse::{Rules, parse_bytes, parse_taken_at};
use std::path::PathBuf;

fn parse(path: &str) -> Story {
    let path = PathBuf::from(format!("tests/fixtures/{path}"));
    let bytes = std::fs::read(&path).unwrap();
    parse_bytes(path, bytes, Rules::embedded()).unwrap()
}

fn taken(path: &str, at: &str) -> Story {
    let path = PathBuf::from(format!("tests/fixtures/{path}"));
    let bytes = std::fs::read(&path).unwrap();
    let at = chrono::DateTime::parse_from_rfc3339(at).unwrap().to_utc();
    parse_taken_at(path, bytes, Rules::embedded(), Some(at)).unwrap()
}

fn rule_of(story: &Story, text: &str) -> Option<String> {
    story.dropped.iter().find(|d| story.str(d.span).contains(text)).map(|d| d.rule.clone())
}

#[test]
fn html_relative_times_take_their_datetime_in_the_pages_zone() {
    let s = parse("html/relative_en.html");
    assert_eq!(s.title, "Heatwave live: temperatures pass 33C in the south east");
    assert_eq!(
        entries(&s),
        [
            "11:48 2024-07-18T11:48:00+01:00 Hottest day of the year confirmed",
            // No datetime: 20 minutes before the page's modification instant (11:53), as its
            // shown `Updated 18 July 2024` has no time of day.
            "11:33 2024-07-18T11:33:00+01:00 Ice cream vans sell out in the park",
            // `10:31Z` is 11:31 on the page's clock (London, as its other instants say).
            "11:31 2024-07-18T11:31:00+01:00 Water companies urge customers to save water",
            "09:15 2024-07-18T09:15:00+01:00 Speed limits on the railway",
            "08:02 2024-07-18T08:02:00+01:00 Good morning",
        ]
    );
    // The latest-stories list, its relative times marked up like the posts', is a list; the
    // comments and related stories are furniture by their class.
    assert_eq!(rule_of(&s, "33 min ago").as_deref(), Some("time-list"));
    assert_eq!(rule_of(&s, "Sunnyside_77").as_deref(), Some("html-comments"));
    assert_eq!(rule_of(&s, "The forecast for the weekend").as_deref(), Some("html-related"));
    assert!(s.entry_refs().all(|e| !e.plain_text().contains("hosepipe")));
    // The video rail after the feed: lengths, not posts.
    assert_eq!(rule_of(&s, "02:31").as_deref(), Some("video-length"));
    assert_eq!(rule_of(&s, "Roads melt in Kent").as_deref(), Some("video-length"));
}

#[test]
fn html_times_without_a_clock_that_open_a_post_stamp_it() {
    let s = parse("html/relative_fr.html");
    assert_eq!(
        entries(&s),
        [
            // UTC instants under relative times are shown in Paris time.
            "18:36 2024-10-21T18:36:00+02:00 Le pont de Saint-Nazaire fermé",
            "17:38 2024-10-21T17:38:00+02:00 Plus de 80 000 foyers privés d'électricité",
            // A date alone in the `<time>` that opens the post: its datetime has the clock.
            "14:05 2024-10-21T14:05:00+02:00 Les trains régionaux à l'arrêt",
            "09:30 2024-10-21T09:30:00+02:00 Alerte rouge dans le Finistère",
        ]
    );
    // The page's own dateline, marked up with a datetime too, stamps no post.
    assert!(s.entry_refs().all(|e| !e.plain_text().contains("Publié")));
    assert!(s.entry_refs().all(|e| !e.plain_text().contains("marées") && !e.plain_text().contains("météo")));
}

#[test]
fn text_relative_times_count_back_from_the_pages_shown_update() {
    // `Stand: 18.07.2024, 11:53 Uhr`: `Gerade eben` is 11:53, `vor 25 Minuten` 11:28.
    let s = parse("layouts/relative-de.txt");
    assert_eq!(
        entries(&s),
        [
            "11:53 2024-07-18T11:53:00+02:00 Feuerwehr meldet mehr als 300 Einsätze",
            "11:28 2024-07-18T11:28:00+02:00 Bahnstrecke nach Lindau gesperrt",
            "09:53 2024-07-18T09:53:00+02:00 Warnung vor Starkregen verlängert",
            "08:40 2024-07-18T08:40:00+02:00 Keller in Kempten überflutet",
            "07:15 2024-07-18T07:15:00+02:00 Guten Morgen",
        ]
    );
}

#[test]
fn a_relative_time_beside_a_clock_never_overrides_it() {
    // `02 Novembre 2023 Aggiornato alle 16:58`; the post at 15:10 also says `2 ore fa`.
    let s = parse("layouts/relative-it.txt");
    assert_eq!(
        entries(&s),
        [
            "16:46 2023-11-02T16:46:00+01:00 Chiuse le scuole a Genova",
            "15:58 2023-11-02T15:58:00+01:00 Frana sulla statale 45",
            "15:10 2023-11-02T15:10:00+01:00 Esondato il torrente a Chiavari",
            "11:02 2023-11-02T11:02:00+01:00 Allerta rossa fino a mezzanotte",
        ]
    );
    assert_eq!(rule_of(&s, "2 ore fa").as_deref(), Some("relative-time"));
    // The clock glued to the relative time keeps working as before.
    let s = common::parse_str(
        "Live\n\n4m ago12.50 BST\nPower restored\nEngineers are out.\n\n1h ago11.48 BST\nFerries cancelled\nAll crossings are off.\n",
    );
    let clocks: Vec<String> = s.entries.iter().map(|e| e.clock.unwrap().to_string()).collect();
    assert_eq!(clocks, ["12:50", "11:48"]);
}

#[test]
fn relative_times_below_a_feed_of_clocks_date_comments_not_posts() {
    let s = common::parse_str(
        "Heatwave live\n\n11:48\nHottest day of the year\nThe weather service says 33.4C was recorded at the airport.\n\n09:15\nSpeed limits on the railway\nSpeed restrictions are in place where the track may buckle.\n\nComments\nSunnyside_77\n2 hours ago\nFar too hot to work today.\nKev_Rochdale\n3 hours ago\nNot a patch on the summer of 1976.\n",
    );
    let clocks: Vec<String> = s.entries.iter().map(|e| e.clock.unwrap().to_string()).collect();
    assert_eq!(clocks, ["11:48", "09:15"]);
    assert_eq!(rule_of(&s, "3 hours ago").as_deref(), Some("relative-time"));
}

#[test]
fn without_a_shown_update_relative_times_count_back_from_when_the_copy_was_taken() {
    let s = taken("layouts/relative-nl.txt", "2023-11-02T12:30:00Z");
    assert_eq!(
        entries(&s),
        [
            "13:30 2023-11-02T13:30:00+01:00 Veerdienst naar Texel ligt stil",
            "10:30 2023-11-02T10:30:00+01:00 Code oranje voor de kust",
            "08:15 2023-11-02T08:15:00+01:00 Goedemorgen",
        ]
    );
    // Knowing neither, the posts are still apart, with no time rather than a made-up one.
    let s = parse("layouts/relative-nl.txt");
    let clocks: Vec<Option<String>> = s.entries.iter().map(|e| e.clock.map(|c| c.to_string())).collect();
    assert_eq!(clocks, [None, None, Some("08:15".to_string())]);
    assert!(s.entries.iter().all(|e| e.at.is_none()));
    assert_eq!(s.entry(1).headline(), Some("Code oranje voor de kust"));
}

#[test]
fn video_lengths_after_the_feed_are_not_posts() {
    // Under `Mehr Videos`, a rail of two; under `Guarda il video`, one.
    let s = parse("layouts/relative-de.txt");
    assert_eq!(s.entries.len(), 5);
    for line in ["Mehr Videos", "02:31", "Hagel über dem Allgäu", "01:45", "So räumt die Feuerwehr auf"] {
        assert_eq!(rule_of(&s, line).as_deref(), Some("video-length"), "{line}");
    }
    let s = parse("layouts/relative-it.txt");
    assert_eq!(rule_of(&s, "01:12").as_deref(), Some("video-length"));
    // A post whose headline says `Watch` is still a post: it has its paragraph.
    let s = common::parse_str(
        "Storm live\n\n14:05\nWatch: the roof comes off the stand\nThe club says nobody was hurt when the wind lifted the roof this morning.\n\n13:40\nWinds reach 90mph\nGusts of 90mph have been recorded on the coast, the weather service says.\n",
    );
    assert_eq!(s.entries.len(), 2);
    // Among 12-hour clocks a bare length is no post's clock, whatever words stand around it.
    let s = common::parse_str(
        "Quake live\n\n3:20 p.m.\nNo damage reported\nCivil protection says no buildings were damaged in the capital.\n\n2:02 p.m.\nMetro service resumes\nTrains are running again on every line after checks.\n\n1:38 p.m.\nA 5.8 quake in the south\nThe seismological service reports a quake of magnitude 5.8 near the coast.\n\nScenes on the avenue\n\n01:12\nMost viewed\nHeat today: 30 degrees\n",
    );
    let clocks: Vec<String> = s.entries.iter().map(|e| e.clock.unwrap().to_string()).collect();
    assert_eq!(clocks, ["15:20", "14:02", "13:38"]);
}

#[test]
fn a_time_without_a_clock_above_the_headline_is_the_pages_dateline() {
    let page = r#"<!DOCTYPE html><html lang="en-GB"><head><title>Floods live</title></head><body>
<article>
<time datetime="2024-02-01T07:00:00+00:00">1 February 2024</time>
<h1>Floods live: rivers burst their banks in the north</h1>
<div class="update"><time datetime="2024-02-01T09:40:00+00:00">3 hours ago</time><h2>Bridge closed</h2><p>The old bridge is shut to traffic while engineers check it.</p></div>
<div class="update"><time datetime="2024-02-01T08:05:00+00:00">08:05</time><h2>Flood warnings</h2><p>Twelve severe flood warnings are in force across the region.</p></div>
</article></body></html>"#;
    let s = parse_bytes("floods.html".into(), page.as_bytes().to_vec(), Rules::embedded()).unwrap();
    assert_eq!(entries(&s), ["09:40 2024-02-01T09:40:00Z Bridge closed", "08:05 2024-02-01T08:05:00Z Flood warnings"]);
    assert_eq!(s.title, "Floods live: rivers burst their banks in the north");
}

#[test]
fn the_text_dumps_of_a_page_of_relative_times() {
    // `relative_en.html` as w3m, lynx and a browser's copy show it, taken at 11:53 BST: with no
    // datetime to read and `Updated 18 July 2024` giving no time of day, the posts count back
    // from the moment the copy was taken (`1 hour ago` is 10:53: a relative time is no finer
    // than its unit).
    for form in ["w3m", "lynx", "copied"] {
        let s = taken(&format!("layouts/relative-en-{form}.txt"), "2024-07-18T10:53:00Z");
        assert_eq!(
            entries(&s),
            [
                "11:48 2024-07-18T11:48:00+01:00 Hottest day of the year confirmed",
                "11:33 2024-07-18T11:33:00+01:00 Ice cream vans sell out in the park",
                "10:53 2024-07-18T10:53:00+01:00 Water companies urge customers to save water",
                "09:15 2024-07-18T09:15:00+01:00 Speed limits on the railway",
                "08:02 2024-07-18T08:02:00+01:00 Good morning",
            ],
            "{form}"
        );
        // w3m and the browser run each video's title into its length: the rail goes whole.
        assert_eq!(rule_of(&s, "Roads melt in Kent").as_deref(), Some("video-length"), "{form}");
        assert_eq!(rule_of(&s, "More on this story"), None, "{form}");
        assert_eq!(rule_of(&s, "2 hours ago").as_deref(), Some("relative-time"), "{form}");
    }
}

#[test]
fn a_key_event_that_repeats_a_post_below_is_a_summary() {
    // Every post stamped relatively; the one key event above them repeats the first post.
    let s = taken("layouts/relative-pt.txt", "2024-08-06T13:20:00Z");
    assert_eq!(
        entries(&s),
        [
            "14:15 2024-08-06T14:15:00+01:00 Incêndio dominado em Leiria",
            "12:20 2024-08-06T12:20:00+01:00 Estrada nacional cortada em Águeda",
            "10:20 2024-08-06T10:20:00+01:00 Mais de 300 bombeiros no terreno",
        ]
    );
    assert_eq!(s.dropped.iter().filter(|d| d.rule == "time-list").count(), 2);
    // One key event above posts that print their clocks after the relative time.
    let s = common::parse_str(
        "Storms live\nMon 15 May 2023 12.50 BST\nKey events\n4m ago\nPower restored to half the homes\n4m ago12.50 BST\nPower restored to half the homes\nEngineers have restored power to about half of the homes.\n1h ago11.48 BST\nFerries cancelled\nAll crossings have been cancelled until the evening.\n",
    );
    let clocks: Vec<String> = s.entries.iter().map(|e| e.clock.unwrap().to_string()).collect();
    assert_eq!(clocks, ["12:50", "11:48"]);
}
