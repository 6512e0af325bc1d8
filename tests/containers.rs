//! Containers a live blog arrives in, through the front door and the loader: gzip files
//! (`page.html.gz`, `blog.json.gz`) and MHTML saves (Chrome's quoted-printable in UTF-8 with
//! `Snapshot-Content-Location`, Internet Explorer's base64 in windows-1252), each read as the
//! page inside it reads; JavaScript that assigns a blog (a Twitter archive's `tweets.js`); and
//! a folder holding them. The containers under `tests/fixtures/containers/` are written by its
//! `_gen.py` around this repository's own fixtures.

mod common;
use common::*;
use liveblog::model::Story;
use liveblog::parse::{Rules, parse_bytes};
use std::path::PathBuf;

fn same_story(container: &Story, page: &Story) {
    assert!(!page.entries.is_empty());
    assert_eq!(container.title, page.title);
    assert_eq!(container.outlet, page.outlet);
    assert_eq!(entries(container), entries(page));
    let bodies =
        |s: &Story| s.entry_refs().map(|e| e.body().map(str::to_string).collect::<Vec<_>>()).collect::<Vec<_>>();
    assert_eq!(bodies(container), bodies(page));
}

#[test]
fn a_gzipped_page_and_a_gzipped_json_blog_read_as_themselves() {
    same_story(&fixture("containers/guardian_like.html.gz"), &fixture("html/guardian_like.html"));
    same_story(&fixture("containers/api-blocks.json.gz"), &fixture("json/api-blocks.json"));
}

#[test]
fn gzip_is_told_by_its_bytes_not_its_name() {
    let bytes = std::fs::read(root().join("tests/fixtures/containers/guardian_like.html.gz")).unwrap();
    let story = parse_bytes(PathBuf::from("download.bin"), bytes, Rules::embedded()).unwrap();
    same_story(&story, &fixture("html/guardian_like.html"));
}

#[test]
fn a_chrome_mhtml_save_reads_as_its_page_with_its_address() {
    let mhtml = fixture("containers/guardian_like.mhtml");
    let page = fixture("html/guardian_like.html");
    same_story(&mhtml, &page);
    // The page's canonical link wins; the save's address stands in only where it has none.
    assert_eq!(mhtml.url, page.url.or(Some("https://www.paper.example/world/live/2024/may/15/storm-live".into())));
}

#[test]
fn an_internet_explorer_mht_in_base64_and_windows_1252_keeps_its_accents() {
    let mht = fixture("containers/lemonde_like.mht");
    same_story(&mht, &fixture("html/lemonde_like.html"));
    assert!(mht.title.contains(['é', 'è', 'ê', 'à', 'ç']) || entries(&mht).iter().any(|e| e.contains(['é', 'è', 'à'])));
}

#[test]
fn an_mhtml_page_without_an_address_of_its_own_takes_the_saves() {
    let html = "<html><head><title>Storm live</title></head><body><h1>Storm live</h1>\
                <article><p>12:50</p><p>Ferries cancelled.</p></article>\
                <article><p>11:02</p><p>Winds rise.</p></article></body></html>";
    let mhtml = format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/storm\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"B\"\r\n\r\n\r\n--B\r\n\
         Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{html}\r\n--B--\r\n"
    );
    let story = parse_bytes(PathBuf::from("save"), mhtml.into_bytes(), Rules::embedded()).unwrap();
    assert_eq!(story.url.as_deref(), Some("https://news.example/storm"));
    assert_eq!(story.title, "Storm live");
    assert_eq!(story.entries.len(), 2);
}

#[test]
fn a_twitter_archive_script_reads_as_its_tweets() {
    let s = fixture("datasets/tweets.js");
    assert_eq!(entries(&s), ["20:19 2023-10-10T20:19:24Z -", "18:02 2023-10-10T18:02:00Z -"].map(String::from));
}

#[test]
fn a_folder_takes_gzip_and_mhtml_saves_of_the_kinds_it_takes() {
    let dir = tempfile::tempdir().unwrap();
    let from = root().join("tests/fixtures/containers");
    for name in ["guardian_like.html.gz", "api-blocks.json.gz", "guardian_like.mhtml", "lemonde_like.mht"] {
        std::fs::copy(from.join(name), dir.path().join(name)).unwrap();
    }
    // A gzip of what a folder does not take (a browser's saved script) stays out.
    std::fs::write(dir.path().join("app.js.gz"), b"\x1f\x8b\x08").unwrap();
    let (stories, errors) = liveblog::load::load(&[dir.path().to_path_buf()], Rules::embedded());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(stories.len(), 4);
    assert!(stories.iter().all(|s| !s.entries.is_empty()));
}
