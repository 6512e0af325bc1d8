//! Saved HTML pages through the front door (`parse_bytes`), on hand-written pages modelled on
//! the markup of real outlets: entries, clocks, exact instants, titles, outlets, and bad pages.

mod common;
use common::entries;
use liveblog::model::Story;
use liveblog::parse::{Rules, parse_bytes};
use std::path::PathBuf;

fn parse(name: &str) -> Story {
    let path = PathBuf::from(format!("tests/fixtures/html/{name}"));
    let bytes = std::fs::read(&path).unwrap();
    parse_bytes(path, bytes, Rules::embedded()).unwrap()
}

#[test]
fn guardian_like_page_with_json_ld() {
    let s = parse("guardian_like.html");
    assert_eq!(s.title, "Storm Ciarán live: winds of 100mph hit Channel Islands");
    assert_eq!(s.outlet.as_deref(), Some("The Daily Ledger"));
    assert_eq!(s.url.as_deref(), Some("https://ledger.example/uk-news/live/2023/nov/02/storm-ciaran-live"));
    assert_eq!(
        entries(&s),
        [
            "12:01 2023-11-02T12:01:00Z -",
            "10:52 2023-11-02T10:52:00Z Trains cancelled across the south-west",
            // Its datetime is the page's modification time: the shown clock wins.
            "09:15 2023-11-02T09:15:00Z Schools closed in Jersey",
            // In the JSON-LD only: kept, after the page's own entries.
            "06:10 2023-11-02T06:10:00Z Red warning extended",
        ]
    );
    // Navigation, the key-events aside, the footers are gone from the text and listed.
    let rules: Vec<&str> = s.dropped.iter().map(|d| d.rule.as_str()).collect();
    for rule in ["html-header", "html-aside", "html-footer"] {
        assert!(rules.contains(&rule), "{rule} in {rules:?}");
    }
    assert!(s.entry_refs().all(|e| !e.plain_text().contains("Share") && !e.plain_text().contains("©")));
    assert_eq!(s.entry(1).captions().chain(s.entry(1).body()).filter(|t| t.contains("A train at Exeter")).count(), 1);
}

#[test]
fn bbc_like_page_hides_screen_reader_labels() {
    let s = parse("bbc_like.html");
    assert_eq!(s.title, "Election results live: Counting under way");
    assert_eq!(s.outlet.as_deref(), Some("Broadcaster News"));
    assert_eq!(
        entries(&s),
        [
            "00:12 2024-07-05T00:12:00+01:00 First seat declared",
            "22:00 2024-07-04T22:00:00+01:00 Exit poll published",
            "21:30 2024-07-04T21:30:00+01:00 Half an hour to go",
        ]
    );
    assert!(s.dropped.iter().any(|d| d.rule == "html-nav" && s.str(d.span) == "Skip to content"));
    assert!(s.dropped.iter().any(|d| d.rule == "html-header" && s.str(d.span).contains("Weather")));
    assert!(s.entry_refs().all(|e| !e.plain_text().contains("posted at")));
}

#[test]
fn le_monde_like_page_in_windows_1252_with_local_time_labelled_utc() {
    let s = parse("lemonde_like.html");
    assert_eq!(s.title, "En direct, guerre au Proche-Orient : la journée de lundi");
    assert_eq!(s.outlet.as_deref(), Some("Le Quotidien"));
    assert_eq!(
        entries(&s),
        [
            // `datetime="…T17:38:00Z"` under a shown 17:38 on a Paris page: 15:38Z.
            "17:38 2024-10-21T17:38:00+02:00 Réunion du conseil de sécurité",
            "14:04 2024-10-21T14:04:00+02:00 -",
            "06:30 2024-10-21T06:30:00+02:00 -",
        ]
    );
    assert!(s.dropped.iter().any(|d| d.rule == "html-dialog" && s.str(d.span).contains("cookies")));
    assert!(s.dropped.iter().any(|d| d.rule == "html-nav" && s.str(d.span).contains("Consulter")));
}

#[test]
fn wordpress_liveblog_in_us_time() {
    let s = parse("wordpress_liveblog.html");
    assert_eq!(s.title, "Live updates: Hurricane Milton makes landfall");
    assert_eq!(s.outlet.as_deref(), Some("Gulf Coast Gazette"));
    let at: Vec<String> = s.entry_refs().map(|e| e.entry.at.unwrap().to_rfc3339()).collect();
    assert_eq!(at, ["2024-10-09T20:30:00-04:00", "2024-10-09T17:05:00-04:00"]);
    assert!(s.entry_refs().all(|e| !e.plain_text().contains("Recent posts")));
}

#[test]
fn german_liveticker_with_every_update_stamped_alike() {
    let s = parse("liveticker_de.html");
    assert_eq!(s.title, "Liveticker: Landtagswahl in Sachsen");
    assert_eq!(s.outlet.as_deref(), Some("Abendzeitung Test"));
    assert_eq!(
        entries(&s),
        [
            "19:10 2024-09-01T19:10:00+02:00 Erste Hochrechnung",
            "18:00 2024-09-01T18:00:00+02:00 Wahllokale geschlossen",
            "12:31 2024-09-01T12:31:00+02:00 Hohe Wahlbeteiligung",
        ]
    );
    assert!(!s.text.lines().any(|l| l == "Newsletter abonnieren") || s.dropped.iter().any(|d| d.rule == "html-hidden"));
}

#[test]
fn json_ld_graph_only_page_and_a_broken_block() {
    let s = parse("jsonld_graph_only.html");
    assert_eq!(s.title, "Cricket World Cup live score: India v Australia");
    assert_eq!(s.outlet.as_deref(), Some("Sports Desk"));
    assert!(s.ended());
    assert_eq!(
        entries(&s),
        [
            "21:58 2023-10-08T21:58:00+05:30 India win by six wickets",
            "21:20 2023-10-08T21:20:00+05:30 Kohli out for 85",
            "13:32 2023-10-08T13:32:00+05:30 Toss: Australia bat first",
        ]
    );
}

#[test]
fn microdata_live_blog() {
    let s = parse("microdata.html");
    assert_eq!(s.title, "Diretta: il voto in Liguria");
    assert_eq!(s.outlet.as_deref(), Some("Giornale Prova"));
    assert_eq!(
        entries(&s),
        ["16:58 2024-10-28T16:58:00+01:00 Affluenza definitiva", "15:00 2024-10-28T15:00:00+01:00 Seggi chiusi"]
    );
}

#[test]
fn a_page_that_is_not_a_live_blog_is_a_story() {
    let s = parse("not_live.html");
    assert_eq!(s.title, "How bridges are inspected");
    assert_eq!(s.outlet.as_deref(), Some("Engineering Weekly"));
    assert!(s.entries.iter().all(|e| e.clock.is_none()));
    assert!(!s.entries.is_empty());
}

fn parse_str(html: &str) -> Story {
    parse_bytes(PathBuf::from("page"), html.as_bytes().to_vec(), Rules::embedded()).unwrap()
}

#[test]
fn truncated_page_keeps_what_arrived() {
    let whole = std::fs::read_to_string("tests/fixtures/html/bbc_like.html").unwrap();
    let cut = &whole[..whole.find("Polling stations").unwrap()];
    let s = parse_str(cut);
    assert_eq!(s.entries.len(), 3);
    assert_eq!(s.entries[2].clock.map(|c| c.to_string()).as_deref(), Some("21:30"));
}

#[test]
fn a_text_file_that_mentions_tags_stays_text() {
    let s = parse_str("Notes on <b> and <i>\n\n17:38\nA post about <p> tags.\n");
    assert!(s.text.contains("<b>"));
    assert_eq!(s.entries.len(), 1);
}

#[test]
fn a_page_of_tens_of_megabytes_parses() {
    let post = "<article class=\"post\"><time datetime=\"2024-01-01T10:00:00Z\">10:00</time><p>Text of a post, long enough to count.</p></article>\n";
    let mut page = String::from("<!DOCTYPE html><html lang=\"en\"><head><title>Big</title></head><body>");
    // 20 MB keeps a debug build's test short; the README gives the 50 MB figure.
    while page.len() < 20 * 1024 * 1024 {
        page.push_str(post);
    }
    let s = parse_str(&page);
    assert_eq!(s.title, "Big");
    assert!(s.entries.len() > 150_000);
}
