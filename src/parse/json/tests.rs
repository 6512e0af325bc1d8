//! Tests of the structured-data reader: time forms, clocks walked back across midnight, and
//! which array of a JSON document holds the posts.

use super::when::{Time, combine, of_str, of_value, place};
use super::*;
use crate::model::{Clock, When, Zone};
use chrono::NaiveDate;

fn story(json: &str) -> Story {
    read(Path::new("t.json"), json).expect("JSON").expect("a story")
}

fn at(t: Option<Time>) -> String {
    match t {
        Some(Time::At(w)) => w.to_rfc3339(),
        other => format!("{other:?}"),
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn times_in_every_form() {
    assert_eq!(at(of_str("2024-10-21T17:38:00+02:00")), "2024-10-21T17:38:00+02:00");
    assert_eq!(at(of_str("2024-10-21 15:38:00Z")), "2024-10-21T15:38:00Z");
    assert_eq!(at(of_str("Mon, 15 May 2023 12:50:00 +0100")), "2023-05-15T12:50:00+01:00");
    assert_eq!(at(of_str("Wed Oct 10 20:19:24 +0000 2018")), "2018-10-10T20:19:24Z");
    assert_eq!(at(of_value(&serde_json::json!(1724754720))), "2024-08-27T10:32:00Z");
    assert_eq!(at(of_value(&serde_json::json!(1724754720000u64))), "2024-08-27T10:32:00Z");
    assert_eq!(at(of_str("1724754720000")), "2024-08-27T10:32:00Z");
    assert_eq!(at(of_value(&serde_json::json!({"$date": "2024-08-27T10:32:00Z"}))), "2024-08-27T10:32:00Z");
    assert_eq!(of_str("2024-08-27"), Some(Time::Date(day(2024, 8, 27))));
    assert_eq!(at(of_value(&serde_json::json!([2014, 7, 23, 12, 2]))), "2014-07-23T12:02:00");
    assert_eq!(of_value(&serde_json::json!([1, 2, 3, 4])), None);
    let Some(Time::Clock { clock, zone, date: None }) = of_str("12.50 BST") else {
        panic!("{:?}", of_str("12.50 BST"))
    };
    assert_eq!(clock, Clock::new(12, 50).unwrap());
    assert_eq!(zone.map(|z| z.name()), Some("BST"));
    assert!(matches!(of_str("4.53pm"), Some(Time::Clock { clock, .. }) if clock == Clock::new(16, 53).unwrap()));
    // Not times: ids, counts, words.
    for no in ["", "42", "yes", "Politics", "3 min read"] {
        assert_eq!(of_str(no), None, "{no}");
    }
    assert_eq!(of_value(&serde_json::json!(4021)), None);
    assert_eq!(of_value(&serde_json::json!(true)), None);
}

#[test]
fn a_date_and_a_clock_under_two_keys_make_one_time() {
    let t = combine([of_str("12:32").unwrap(), Time::Date(day(2024, 8, 27))]);
    assert_eq!(t, Some(Time::Clock { clock: Clock::new(12, 32).unwrap(), zone: None, date: Some(day(2024, 8, 27)) }));
    // An instant beats both.
    let t = combine([of_str("12:32").unwrap(), of_str("2024-08-27T10:32:00Z").unwrap()]);
    assert_eq!(at(t), "2024-08-27T10:32:00Z");
}

#[test]
fn clocks_alone_walk_back_across_midnight_from_the_records_date() {
    let clocks: Vec<Option<Time>> = ["00:12", "23:40", "21:05"].iter().map(|c| of_str(c)).collect();
    let shown = |placed: Vec<(Option<Clock>, Option<When>)>| -> Vec<String> {
        placed.iter().map(|(_, w)| w.map_or("-".into(), |w| w.to_rfc3339())).collect()
    };
    // The record's date is its first day: the newest post is a day later.
    let placed = place(&clocks, Some(Zone::UTC), Some(day(2023, 5, 13)), None);
    assert_eq!(shown(placed), ["2023-05-14T00:12:00Z", "2023-05-13T23:40:00Z", "2023-05-13T21:05:00Z"]);
    // Its last update: the newest post is that day.
    let placed = place(&clocks, None, None, Some(day(2023, 5, 14)));
    assert_eq!(shown(placed), ["2023-05-14T00:12:00", "2023-05-13T23:40:00", "2023-05-13T21:05:00"]);
    // Oldest first, from the start.
    let rising: Vec<Option<Time>> = ["21:05", "23:40", "00:12"].iter().map(|c| of_str(c)).collect();
    let placed = place(&rising, None, Some(day(2023, 5, 13)), None);
    assert_eq!(shown(placed), ["2023-05-13T21:05:00", "2023-05-13T23:40:00", "2023-05-14T00:12:00"]);
    // A post dated without a time claims none.
    assert_eq!(place(&[Some(Time::Date(day(2024, 1, 3)))], None, None, None), [(None, None)]);
    // No date anywhere: clocks, and no day made up.
    let placed = place(&clocks, None, None, None);
    assert!(placed.iter().all(|(c, w)| c.is_some() && w.is_none()));
}

#[test]
fn the_array_whose_objects_have_a_time_and_a_text_wins() {
    let s = story(
        r#"{"related": [{"title": "Other story", "text": "x"}, {"title": "Another", "text": "y"},
             {"title": "Third", "text": "z"}, {"title": "Fourth", "text": "w"}],
            "live": {"items": [
              {"ts": "2024-02-01T10:05:00Z", "content": [{"type": "p", "text": "Second."}, {"type": "p", "text": "More."}]},
              {"ts": "2024-02-01T09:00:00Z", "content": [{"type": "p", "text": "First."}]}]}}"#,
    );
    let bodies: Vec<Vec<&str>> = s.entry_refs().map(|e| e.body().collect()).collect();
    assert_eq!(bodies, [vec!["Second.", "More."], vec!["First."]]);
    assert_eq!(s.entries[0].at.unwrap().to_rfc3339(), "2024-02-01T10:05:00Z");
}

#[test]
fn posts_wrapped_in_an_object_of_their_own() {
    let s = story(
        r#"{"data": {"title": "Thread", "children": [
            {"kind": "LiveUpdate", "data": {"created_utc": 1700000060.0, "body": "Second"}},
            {"kind": "LiveUpdate", "data": {"created_utc": 1700000000.0, "body": "First"}}]}}"#,
    );
    assert_eq!(s.title, "Thread");
    let bodies: Vec<String> = s.entry_refs().flat_map(|e| e.body().map(str::to_string).collect::<Vec<_>>()).collect();
    assert_eq!(bodies, ["Second", "First"]);
    assert_eq!(s.entries[1].at.unwrap().to_rfc3339(), "2023-11-14T22:13:20Z");
    let edges = story(r#"{"edges": [{"node": {"createdAt": "2024-01-02T03:04:05Z", "text": "Hi"}}]}"#);
    assert_eq!(edges.entries.len(), 1);
}

#[test]
fn a_scraped_record_with_lists_for_title_summary_and_text() {
    let s = story(
        r#"{"title": ["Budget live"], "summary": [{"text": "Point one."}, {"text": "Point two."}],
            "documents": [
              {"time": [2017, 3, 8, 12, 40], "text": ["The speech ends.", "MPs cheer."], "doc_title": "Over", "key_event": true},
              {"time": [2017, 3, 8, 12, 31], "text": ["The speech begins."], "doc_title": ""}]}"#,
    );
    assert_eq!(s.title, "Budget live");
    assert_eq!(s.summary(), ["Point one.", "Point two."]);
    assert_eq!(s.entry(0).headline(), Some("Over"));
    assert_eq!(s.entry(0).tag(), Some("Key event"));
    assert_eq!(s.entry(0).body().collect::<Vec<_>>(), ["The speech ends.", "MPs cheer."]);
    assert_eq!(s.entries[1].clock, Clock::new(12, 31));
}

#[test]
fn pages_of_one_story_give_all_their_posts_and_several_stories_the_first() {
    let pages = story(
        r#"{"title": "Paged", "pages": [{"posts": [{"time": "2024-02-01T10:00:00Z", "body": "b"}]},
            {"posts": [{"time": "2024-02-01T09:00:00Z", "body": "a"}]}]}"#,
    );
    assert_eq!(pages.entries.len(), 2);
    assert_eq!(pages.title, "Paged");
    let several = story(
        r#"[{"title": "One", "posts": [{"time": "2024-02-01T10:00:00Z", "body": "b"}]},
            {"title": "Two", "posts": [{"time": "2024-02-01T09:00:00Z", "body": "a"}, {"time": "2024-02-01T08:00:00Z", "body": "c"}]}]"#,
    );
    assert_eq!(several.title, "One");
    assert_eq!(several.entries.len(), 1);
    let others: Vec<(&str, &str)> = several.dropped.iter().map(|d| (d.rule.as_str(), several.str(d.span))).collect();
    assert_eq!(others, [("json-other-story", "Two")]);
}

#[test]
fn text_is_cleaned_and_markup_rendered() {
    let s = story(
        r#"{"title": "T\u001b]0;pwned\u0007", "posts": [
            {"time": "2024-02-01T10:00:00Z", "body": "<p>One &amp; <b>two</b></p><p>Three</p>"},
            {"time": "2024-02-01T09:00:00Z", "body": "a < b and c > d\u001b[31m red"}]}"#,
    );
    assert_eq!(s.title, "T");
    assert_eq!(s.entry(0).body().collect::<Vec<_>>(), ["One & two", "Three"]);
    assert_eq!(s.entry(1).body().collect::<Vec<_>>(), ["a < b and c > d red"]);
    assert!(!s.text.contains('\u{1b}') && !s.text.contains('\u{7}'));
}

#[test]
fn one_article_is_one_entry() {
    let s = story(r#"{"headline": "A report", "datePublished": "2024-02-01T10:00:00Z", "articleBody": "Text."}"#);
    assert_eq!(s.title, "A report");
    assert_eq!(s.entries.len(), 1);
    assert_eq!(s.entry(0).body().collect::<Vec<_>>(), ["Text."]);
    assert_eq!(s.entries[0].at.unwrap().to_rfc3339(), "2024-02-01T10:00:00Z");
}

#[test]
fn what_is_not_json_is_left_to_the_text_reader() {
    for text in ["12:50\nA post", "[Updated] 12:50 news", "[12:50] news", "{not json", "42", ""] {
        assert!(read(Path::new("t.txt"), text).is_none(), "{text}");
    }
}

#[test]
fn json_without_posts_too_deep_or_cut_before_anything_whole_gives_a_reason() {
    let cut = read(Path::new("c.json"), r#"{"title": "cut", "posts": [{"time": "12:50", "te"#).unwrap().unwrap_err();
    assert!(cut.to_string().contains("cut short"), "{cut}");
    let no_posts = read(Path::new("p.json"), r#"{"name": "tool", "version": "1.0"}"#).unwrap().unwrap_err();
    assert!(no_posts.to_string().contains("no live-blog posts"), "{no_posts}");
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let err = read(Path::new("d.json"), &deep).unwrap().unwrap_err();
    assert!(err.to_string().contains("128 levels"), "{err}");
    // Just inside the limit: read, posts and all.
    let inner = r#"{"posts": [{"time": "2024-01-01T10:00:00Z", "text": "Deep"}]}"#;
    let nested = format!("{}{inner}{}", r#"{"a": "#.repeat(120), "}".repeat(120));
    assert_eq!(story(&nested).entry(0).body().collect::<Vec<_>>(), ["Deep"]);
    let deep_lines = format!("{{\"a\": 1}}\n{}{}", "[".repeat(5000), "]".repeat(5000));
    assert!(read(Path::new("d.jsonl"), &deep_lines).unwrap().is_err());
}

#[test]
fn an_instant_is_shown_in_the_offset_its_record_shows_it_in() {
    let utc = of_str("2024-05-15T13:03:00Z").unwrap();
    // A zoned clock that shows the instant, a local time a whole offset away.
    assert_eq!(at(Some(super::when::shown(utc, [of_str("14.03 BST").unwrap()]))), "2024-05-15T14:03:00+01:00");
    let local = of_str("2024-05-15T16:03:00").unwrap();
    assert_eq!(at(Some(super::when::shown(utc, [local]))), "2024-05-15T16:03:00+03:00");
    // Another moment (the block created two minutes before), or no offset at all: as it was.
    for other in ["14.01 BST", "2024-05-15T13:05:30", "2024-05-16T09:00:00", "12:00"] {
        assert_eq!(at(Some(super::when::shown(utc, [of_str(other).unwrap()]))), "2024-05-15T13:03:00Z", "{other}");
    }
    // An instant with an offset wins over a local time given first.
    assert_eq!(at(combine([local, utc])), "2024-05-15T13:03:00Z");
}

#[test]
fn keys_that_end_with_a_time_key_date_a_post() {
    let s = story(
        r#"{"title": "T", "blocks": [{"blockFirstPublished": 1715778180000, "blockCreatedOn": 1715778060000, "elements": [{"html": "<p>Ferries cancelled</p>"}]}]}"#,
    );
    assert_eq!(s.entries[0].at.map(|w| w.to_rfc3339()).as_deref(), Some("2024-05-15T13:03:00Z"));
}
