//! A saved page's script state (`__NEXT_DATA__`, `window.__PRELOADED_STATE__ = {…}`): its posts
//! count only where they agree with the entries the page shows; then those the page does not
//! show are kept after the page's own. A "most read" or "related" list in the state never adds
//! an entry, nor does a state the page cannot be checked against. Pages written for these tests.

mod common;
use common::*;
use liveblog::model::Story;
use liveblog::parse::{Rules, parse_bytes};
use serde_json::json;
use std::path::PathBuf;

/// (clock BST, headline, text) of posts on 15 May 2024, newest first.
const POSTS: [(&str, &str, &str); 5] = [
    ("14:03", "Ministers meet flood agency", "The environment secretary meets the agency's chief."),
    ("12:41", "Rail lines shut", "Services between Leeds and York are suspended."),
    ("11:05", "River Ouse peaks", "The river reached 4.9 metres, short of the record."),
    ("10:12", "Schools close early", "Twelve schools in York send pupils home at noon."),
    ("09:30", "Welcome", "Good morning and welcome to our coverage of the floods."),
];

fn iso(clock: &str) -> String {
    let (h, m) = clock.split_once(':').unwrap();
    format!("2024-05-15T{:02}:{m}:00Z", h.parse::<u32>().unwrap() - 1)
}

fn state_posts(n: usize) -> serde_json::Value {
    POSTS[..n]
        .iter()
        .map(|(c, h, t)| json!({"id": c, "firstPublishedDate": iso(c), "title": h, "bodyHtml": format!("<p>{t}</p>")}))
        .collect()
}

fn most_read() -> serde_json::Value {
    json!([
        {"headline": "Celebrity chef opens bistro", "webPublicationDate": "2024-05-14T07:00:00Z", "trailText": "A new place in Leeds.", "body": "A new place in Leeds."},
        {"headline": "Ten walks in the Dales", "webPublicationDate": "2024-05-13T06:00:00Z", "trailText": "Boots on.", "body": "Boots on."},
        {"headline": "Cup final tickets", "webPublicationDate": "2024-05-12T18:00:00Z", "trailText": "Sold out.", "body": "Sold out."},
        {"headline": "House prices rise", "webPublicationDate": "2024-05-11T09:00:00Z", "trailText": "Up 2%.", "body": "Up 2%."},
        {"headline": "Rain to continue", "webPublicationDate": "2024-05-10T09:00:00Z", "trailText": "More to come.", "body": "More to come."},
        {"headline": "A very old story", "webPublicationDate": "2024-05-09T09:00:00Z", "trailText": "Old.", "body": "Old."}
    ])
}

/// A page showing the first `shown` posts, with `script` in its head.
fn page(shown: usize, script: &str) -> Story {
    let articles: String = POSTS[..shown]
        .iter()
        .map(|(c, h, t)| {
            format!(
                "<article class=\"block\"><time datetime=\"{}\">{c} BST</time><h2>{h}</h2><p>{t}</p></article>\n",
                iso(c)
            )
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Yorkshire floods live | Daily</title>{script}</head>\
         <body><h1>Yorkshire floods live</h1><main>{articles}</main></body></html>"
    );
    parse_bytes(PathBuf::from("page.html"), html.into_bytes(), Rules::embedded()).unwrap()
}

fn headlines(s: &Story) -> Vec<String> {
    entries(s).into_iter().map(|e| e.splitn(3, ' ').nth(2).unwrap().to_string()).collect()
}

const ALL: [&str; 5] =
    ["Ministers meet flood agency", "Rail lines shut", "River Ouse peaks", "Schools close early", "Welcome"];

#[test]
fn next_data_adds_the_posts_the_page_does_not_show_but_not_its_most_read() {
    let data = json!({"props": {"pageProps": {"blog": {"title": "Yorkshire floods live", "blocks": state_posts(5)}, "mostRead": most_read()}}});
    let s = page(3, &format!("<script id=\"__NEXT_DATA__\" type=\"application/json\">{data}</script>"));
    assert_eq!(headlines(&s), ALL);
    assert_eq!(entries(&s)[3], "10:12 2024-05-15T10:12:00+01:00 Schools close early");
}

#[test]
fn a_preloaded_state_assignment_is_read_in_a_plain_script() {
    let data = json!({"liveblog": {"updates": state_posts(5)}, "related": most_read()});
    let s = page(3, &format!("<script>\n  window.__PRELOADED_STATE__ = {data};\n  window.dataLayer = [];</script>"));
    assert_eq!(headlines(&s), ALL);
}

#[test]
fn a_state_of_other_stories_adds_nothing() {
    let data = json!({"mostRead": most_read(), "related": most_read()});
    let s = page(3, &format!("<script>window.__STATE__ = {data};</script>"));
    assert_eq!(headlines(&s), ALL[..3]);
    let s = page(3, &format!("<script type=\"application/json\">{data}</script>"));
    assert_eq!(headlines(&s), ALL[..3]);
}

#[test]
fn a_page_that_shows_no_entry_takes_none_from_its_state() {
    let data = json!({"blog": {"blocks": state_posts(5)}});
    let s = page(0, &format!("<script id=\"__NEXT_DATA__\" type=\"application/json\">{data}</script>"));
    assert!(s.entries.iter().all(|e| e.clock.is_none()), "{:?}", entries(&s));
}

#[test]
fn other_scripts_and_broken_state_change_nothing() {
    let plain = page(3, "");
    for script in [
        "<script>var x = 1; window.__STATE__ = {\"blocks\": []};</script>".to_string(),
        "<script>window.__STATE__ = {\"blocks\": [</script>".to_string(),
        format!("<script type=\"application/json\">{}1{}</script>", "[".repeat(5000), "]".repeat(5000)),
        format!("<script>window.__DEEP__ = {}1{};</script>", "{\"a\":".repeat(5000), "}".repeat(5000)),
    ] {
        assert_eq!(entries(&page(3, &script)), entries(&plain), "{}", &script[..40]);
    }
}
