//! The archive database: every entry a page ever showed is kept after the page drops it, in
//! its place, with the earlier versions of edited entries; a fresh database migrates to the
//! current schema; read marks from two readers at once are merged, not overwritten.

mod server;

use chrono::{DateTime, Utc};
use liveblog::archive::{Archive, SCHEMA_VERSION};
use liveblog::model::Story;
use liveblog::parse::{self, Rules};
use server::page;
use std::collections::HashSet;
use std::path::PathBuf;

const URL: &str = "http://127.0.0.1/live";

fn story(entries: &[(&str, &str, &str)]) -> Story {
    let mut s = parse::parse_bytes(PathBuf::from(URL), page(entries).into_bytes(), Rules::embedded()).unwrap();
    s.url = Some(URL.into());
    s
}

fn at(minute: u32) -> DateTime<Utc> {
    format!("2025-03-14T10:{minute:02}:00Z").parse().unwrap()
}

fn headlines(story: &Story) -> Vec<String> {
    story.entry_refs().map(|e| e.title().to_string()).collect()
}

#[test]
fn entries_the_page_dropped_are_kept_in_place_with_their_edits() {
    let dir = tempfile::tempdir().unwrap();
    let mut archive = Archive::open(&dir.path().join("l.db")).unwrap();
    let a = ("08h00", "Premier titre", "Texte un.");
    let b = ("09h00", "Deuxième titre", "Texte deux.");
    let c = ("10h00", "Troisième titre", "Texte trois.");
    let d = ("11h00", "Quatrième titre", "Texte quatre.");
    let first = archive.record(URL, &story(&[c, b, a]), at(0)).unwrap();
    assert_eq!(first.new, [0, 1, 2]);
    // D arrives, A (the oldest) scrolls off.
    let second = archive.record(URL, &story(&[d, c, b]), at(1)).unwrap();
    assert_eq!((second.new, second.edited), (vec![0], vec![]));
    // B is edited in place, C scrolls off.
    let b2 = ("09h00", "Deuxième titre", "Texte deux, corrigé.");
    let third = archive.record(URL, &story(&[d, b2]), at(2)).unwrap();
    assert_eq!((third.new, third.edited), (vec![], vec![1]));

    let full = archive.story_with_history(URL, story(&[d, b2])).unwrap();
    // C goes back by its time, between D and B; A at the bottom.
    assert_eq!(headlines(&full), ["Quatrième titre", "Troisième titre", "Deuxième titre", "Premier titre"]);
    let bodies: Vec<String> = full.entry_refs().map(|e| e.body().collect::<Vec<_>>().join(" ")).collect();
    assert_eq!(bodies[2], "Texte deux, corrigé.");
    assert_eq!(bodies[3], "Texte un.");
    // The archived entries keep their clocks, dates and tags.
    let oldest = full.entry(3);
    assert_eq!(oldest.entry.clock.unwrap().to_string(), "08:00");
    assert_eq!(oldest.entry.at, story(&[a]).entries[0].at);
    assert_eq!(oldest.tag(), Some("sujet"));
    // Each put-back entry's line is its clock's line in the story text.
    let line_of = |n: u32| full.text.lines().nth(n as usize - 1).unwrap();
    assert_eq!(line_of(oldest.entry.line), "08:00");

    let id = full.entry(2).identity();
    let versions = archive.versions(URL, id, 0).unwrap();
    assert_eq!(versions, [(Some("Deuxième titre".to_string()), vec!["Texte deux.".to_string()])]);

    // Offline: the last body parsed, with every archived entry.
    let offline = archive.archived_story(URL, Rules::embedded()).unwrap().unwrap();
    assert_eq!(headlines(&offline), headlines(&full));
    assert_eq!(offline.url.as_deref(), Some(URL));
    assert!(archive.archived_story("http://127.0.0.1/never", Rules::embedded()).unwrap().is_none());
}

#[test]
fn recording_the_same_page_twice_finds_nothing_new() {
    let dir = tempfile::tempdir().unwrap();
    let mut archive = Archive::open(&dir.path().join("l.db")).unwrap();
    let s = story(&[("09h00", "Titre", "Texte."), ("08h00", "Titre", "Texte.")]);
    assert_eq!(archive.record(URL, &s, at(0)).unwrap().new, [0, 1], "two posts alike stay two");
    let again = archive.record(URL, &s, at(1)).unwrap();
    assert!(again.new.is_empty() && again.edited.is_empty());
}

#[test]
fn a_fresh_database_is_migrated_and_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep/er/liveblog.db");
    assert_eq!(Archive::open(&path).unwrap().schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(Archive::open(&path).unwrap().schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn read_marks_from_two_readers_are_merged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    let mut one = Archive::open(&path).unwrap();
    let mut two = Archive::open(&path).unwrap();
    let before_one = one.read_marks(URL).unwrap();
    let before_two = two.read_marks(URL).unwrap();
    one.set_read(URL, &before_one, &HashSet::from([1, 2]), at(0)).unwrap();
    // The second reader never saw 1 and 2, and quits last: they stay.
    two.set_read(URL, &before_two, &HashSet::from([3]), at(1)).unwrap();
    assert_eq!(Archive::open(&path).unwrap().read_marks(URL).unwrap(), HashSet::from([1, 2, 3]));

    // Many writers at once, each on its own connection: nothing lost, nothing locked out.
    let threads: Vec<_> = (0..4u64)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut archive = Archive::open(&path).unwrap();
                for i in 0..25 {
                    archive.mark_read("other", &[t * 100 + i], Utc::now()).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(one.read_marks("other").unwrap().len(), 100);
}
