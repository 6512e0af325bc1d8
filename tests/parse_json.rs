//! Live blogs kept as JSON, through the front door and through the binary: a news API's dump
//! with blocks, a dataset record with a list of posts, JSON Lines (a post a line, a story a
//! line), a bare JSON-LD document with `@graph`, epoch milliseconds, a record with only clocks
//! and a date; JSON that is no blog, JSON cut short, text that only looks like JSON, UTF-16 JSON; and a folder mixing a JSON
//! blog, an HTML page and a text blog. The fixtures under `tests/fixtures/json/` are written
//! for these tests.

mod common;
use common::*;
use liveblog::model::Story;
use liveblog::parse::{Rules, parse_bytes};
use std::path::PathBuf;
use std::process::Command;

fn json(name: &str) -> Story {
    fixture(&format!("json/{name}"))
}

fn bodies(s: &Story) -> Vec<Vec<&str>> {
    s.entry_refs().map(|e| e.body().collect()).collect()
}

fn tags(s: &Story) -> Vec<Option<&str>> {
    s.entry_refs().map(|e| e.tag()).collect()
}

#[test]
fn a_news_api_dump_with_blocks() {
    let s = json("api-blocks.json");
    assert_eq!(s.title, "Storm Ash live: ferries cancelled as gusts reach 90mph – as it happened");
    assert_eq!(s.outlet.as_deref(), Some("The Daily Ledger"));
    assert_eq!(s.url.as_deref(), Some("https://ledger.example/uk-news/live/2024/oct/21/storm-ash-live"));
    assert_eq!(s.summary(), ["Amber warnings across the west; thousands without power"]);
    // The time a block was first published, not created or last modified.
    assert_eq!(
        entries(&s),
        [
            "13:01 2024-10-21T13:01:02Z Power back for thousands",
            "09:44 2024-10-21T09:44:30Z -",
            "05:32 2024-10-21T05:32:00Z Welcome",
        ]
    );
    // The block's HTML, rendered paragraph by paragraph (a quote is a paragraph of its own).
    assert_eq!(
        bodies(&s)[..2],
        [
            vec![
                "Power has been restored to 12,000 homes in Cornwall, the network says.",
                "About 4,000 remain cut off."
            ],
            vec![
                "All sailings from Penzance are off until at least Tuesday morning.",
                "Safety comes first, said the operator."
            ],
        ]
    );
    assert_eq!(tags(&s), [Some("Key event"), None, Some("Pinned")]);
    assert_eq!(s.tags.len(), 2);
}

#[test]
fn a_dataset_record_with_a_list_of_posts_oldest_first() {
    let s = json("dataset-record.json");
    assert_eq!(s.title, "Landtag election: results as they come in");
    assert_eq!(s.outlet.as_deref(), Some("Rhein Kurier"));
    assert_eq!(s.zone.map(|z| z.name()), Some("Europe/Berlin"));
    // Newest first, as pages print them.
    assert_eq!(
        entries(&s),
        [
            "23:48 2024-09-01T23:48:00+02:00 Final result",
            "19:15 2024-09-01T19:15:00+02:00 -",
            "18:01 2024-09-01T18:01:00+02:00 First projection",
            "18:00 2024-09-01T18:00:00+02:00 -",
        ]
    );
    assert_eq!(bodies(&s)[1], ["The opposition concedes.", "Its leader thanks volunteers."]);
    assert_eq!(bodies(&s)[2], ["The governing party leads with 31 per cent.", "Turnout is put at 71 per cent."]);
    assert_eq!(tags(&s), [Some("Key event"), Some("Reactions"), None, None]);
}

#[test]
fn json_lines_a_post_a_line_in_epoch_milliseconds_and_seconds() {
    let s = json("updates.jsonl");
    assert_eq!(
        entries(&s),
        [
            "10:32 2024-08-27T10:32:00Z Rail strike called off",
            "09:30 2024-08-27T09:30:00Z -",
            "08:30 2024-08-27T08:30:00Z Talks to resume",
        ]
    );
    assert_eq!(bodies(&s)[0], ["Unions accepted the offer at noon.", "Trains run as normal tomorrow."]);
    assert_eq!(tags(&s)[0], Some("Transport"));
}

#[test]
fn json_lines_a_story_a_line_give_the_first_and_name_the_others() {
    let s = json("stories.jsonl");
    assert_eq!(s.title, "Flood warnings in the north");
    assert_eq!(s.outlet.as_deref(), Some("North Post"));
    assert_eq!(bodies(&s), [vec!["Rivers are rising."], vec!["Warnings issued overnight."]]);
    let others: Vec<(&str, &str)> = s.dropped.iter().map(|d| (d.rule.as_str(), s.str(d.span))).collect();
    assert_eq!(others, [("json-other-story", "Cup final live"), ("json-other-story", "Budget day")]);
}

#[test]
fn bare_json_ld_with_a_graph() {
    let s = json("jsonld-graph.json");
    assert_eq!(s.title, "Second tour : la soirée électorale en direct");
    assert_eq!(s.outlet.as_deref(), Some("Le Courrier du Test"));
    assert_eq!(s.url.as_deref(), Some("https://courrier.example/direct/vote"));
    assert_eq!(s.zone.map(|z| z.name()), Some("Europe/Paris"));
    assert_eq!(s.coverage_end.map(|w| w.to_rfc3339()).as_deref(), Some("2024-07-08T01:00:00+02:00"));
    // An update given in UTC shows its Paris clock.
    assert_eq!(
        entries(&s),
        [
            "00:55 2024-07-08T00:55:00+02:00 Fin du direct",
            "20:00 2024-07-07T20:00:00+02:00 Les premiers résultats",
            "19:05 2024-07-07T19:05:00+02:00 La participation en hausse",
        ]
    );
    assert_eq!(bodies(&s)[0], ["Merci de nous avoir suivis."]);
}

#[test]
fn epoch_milliseconds_deep_in_a_feed_with_html_messages() {
    let s = json("epoch-ms.json");
    assert_eq!(s.title, "Marathon day");
    assert_eq!(s.outlet.as_deref(), Some("City Runner"));
    assert_eq!(
        entries(&s),
        ["12:10 2024-04-21T12:10:00Z -", "11:00 2024-04-21T11:00:00Z -", "10:00 2024-04-21T10:00:00Z -"]
    );
    assert_eq!(bodies(&s)[1], ["Halfway: the leaders pass in 1:08:12."]);
    assert_eq!(tags(&s)[0], Some("Breaking"));
}

#[test]
fn a_record_with_only_clocks_and_a_date() {
    let s = json("clocks-and-date.json");
    assert_eq!(s.title, "Eurovision final: every song as it happens");
    assert_eq!(s.outlet.as_deref(), Some("The Evening Test"));
    // The record's date is the first evening; the winner came after midnight.
    assert_eq!(
        entries(&s),
        [
            "00:12 2023-05-14T00:12:00+01:00 -",
            "23:40 2023-05-13T23:40:00+01:00 -",
            "21:05 2023-05-13T21:05:00+01:00 -",
            "20:00 2023-05-13T20:00:00+01:00 -",
        ]
    );
}

#[test]
fn json_that_is_no_blog_gives_a_reason() {
    let path = root().join("tests/fixtures/json/not-a-blog.json");
    let err = liveblog::load::parse_file(&path, Rules::embedded()).unwrap_err();
    assert!(liveblog::load::reason(&err).starts_with("JSON with no live-blog posts"), "{err}");
}

#[test]
fn json_cut_short_reads_up_to_its_last_whole_post_and_invalid_json_reads_as_text() {
    let cut = json("truncated.json");
    assert_eq!(cut.title, "Cut short");
    assert_eq!(entries(&cut), ["10:00 2024-01-01T10:00:00Z -"]);
    assert_eq!(bodies(&cut), [vec!["One"]]);
    // Not JSON (a key without quotes): the text reader's story, its stamp and all.
    let text = json("invalid.json");
    assert_eq!(text.entries.len(), 1);
    assert_eq!(text.entries[0].clock.map(|c| c.to_string()).as_deref(), Some("12:50"));
}

#[test]
fn every_cut_of_a_dump_gives_a_story_or_a_reason_never_a_raw_json_title() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/json/api-blocks.json")).unwrap();
    let mut stories = 0;
    for end in (1..text.len()).filter(|&i| text.is_char_boundary(i)).step_by(7) {
        if let Ok(s) = parse_bytes(PathBuf::from("cut.json"), text.as_bytes()[..end].to_vec(), Rules::embedded()) {
            stories += 1;
            assert!(!s.title.starts_with(['{', '[', '"']), "{end}: {}", s.title);
            assert!(s.entry_refs().all(|e| !e.title().starts_with('{')), "{end}");
        }
    }
    // Once the first block is whole, the cut dump reads.
    assert!(stories > 100, "{stories}");
}

#[test]
fn utf16_json_with_a_bom_reads_as_json() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/json/dataset-record.json")).unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let s = parse_bytes(PathBuf::from("utf16.json"), bytes, Rules::embedded()).unwrap();
    assert_eq!(s.title, "Landtag election: results as they come in");
    assert_eq!(s.entries.len(), 4);
    let mut utf8_bom = b"\xef\xbb\xbf".to_vec();
    utf8_bom.extend(text.as_bytes());
    assert_eq!(parse_bytes(PathBuf::from("bom.json"), utf8_bom, Rules::embedded()).unwrap().entries.len(), 4);
}

#[test]
fn a_big_json_feed_reads_whole() {
    let posts: Vec<String> = (0..20_000)
        .map(|i| {
            format!(
                r#"{{"id": {i}, "time": {}, "text": "Post number {i}, with some words in it."}}"#,
                1_700_000_000 + i * 60
            )
        })
        .collect();
    let doc = format!(r#"{{"title": "Big", "posts": [{}]}}"#, posts.join(","));
    let s = parse_bytes(PathBuf::from("big.json"), doc.into_bytes(), Rules::embedded()).unwrap();
    assert_eq!(s.entries.len(), 20_000);
    assert_eq!(s.entry(0).body().next(), Some("Post number 19999, with some words in it."));
}

#[test]
fn export_reads_a_folder_mixing_json_html_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let copy =
        |from: &str, to: &str| std::fs::copy(root().join("tests/fixtures").join(from), dir.path().join(to)).unwrap();
    copy("json/dataset-record.json", "a-record.json");
    copy("html/guardian_like.html", "b-page.html");
    copy("bbc.txt", "c-text.txt");
    copy("json/updates.jsonl", "d-updates.jsonl");
    let out = Command::new(bin())
        .args(["export", dir.path().to_str().unwrap()])
        .env("XDG_CONFIG_HOME", "/nonexistent/liveblog-tests")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let stories = doc["stories"].as_array().unwrap();
    let titles: Vec<&str> = stories.iter().map(|s| s["title"].as_str().unwrap()).collect();
    assert_eq!(titles.len(), 4, "{titles:?}");
    assert_eq!(titles[0], "Landtag election: results as they come in");
    assert_eq!(titles[1], "Storm Ciarán live: winds of 100mph hit Channel Islands");
    assert!(!titles[2].starts_with('{') && !titles[2].is_empty());
    assert_eq!(stories[3]["entries"][0]["headline"], "Rail strike called off");
    assert_eq!(stories[0]["entries"][0]["at"], "2024-09-01T23:48:00+02:00");
    // No story is a raw JSON blob.
    for s in stories {
        assert!(s["entries"].as_array().unwrap().iter().all(|e| !e["body"][0].as_str().unwrap_or("").starts_with('{')));
    }
}

#[test]
fn liveblogs_own_export_reads_back() {
    let out = Command::new(bin())
        .args(["export", root().join("tests/fixtures/bbc.txt").to_str().unwrap()])
        .env("XDG_CONFIG_HOME", "/nonexistent/liveblog-tests")
        .output()
        .unwrap();
    assert!(out.status.success());
    let original = fixture("bbc.txt");
    let again = parse_bytes(PathBuf::from("export.json"), out.stdout, Rules::embedded()).unwrap();
    assert_eq!(again.title, original.title);
    assert_eq!(entries(&again), entries(&original));
    assert_eq!(bodies(&again), bodies(&original));
    assert_eq!(tags(&again), tags(&original));
    assert!(again.entries.iter().all(|e| e.at.is_some()));
}

#[test]
fn frame_shows_a_json_blog() {
    let path = root().join("tests/fixtures/json/dataset-record.json");
    let out = Command::new(bin())
        .args(["frame", "--size", "100x30", path.to_str().unwrap()])
        .env("XDG_CONFIG_HOME", "/nonexistent/liveblog-tests")
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(screen.contains("Final result") && screen.contains("23:48"), "{screen}");
    assert!(!screen.contains("\"posts\""), "{screen}");
}
