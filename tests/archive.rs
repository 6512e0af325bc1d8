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

/// A text page of posts stamped only with relative times, as fetched at `when`.
fn relative_page(first: &str, second: &str, when: &str) -> (Story, DateTime<Utc>) {
    let text = format!(
        "Storm live: power cuts across the north\n\n{first}\nPower restored in Leeds\nEngineers have restored power to most homes in the city.\n\n{second}\nFerries cancelled\nAll crossings are off until the evening.\n\n08:15\nGood morning\nWelcome to our coverage of the storm.\n"
    );
    let when: DateTime<Utc> = when.parse().unwrap();
    let mut s = parse::parse_taken_at(PathBuf::from(URL), text.into_bytes(), Rules::embedded(), Some(when)).unwrap();
    s.url = Some(URL.into());
    (s, when)
}

#[test]
fn a_post_whose_relative_time_moved_between_fetches_stays_one_post() {
    let dir = tempfile::tempdir().unwrap();
    let mut archive = Archive::open(&dir.path().join("l.db")).unwrap();
    let clocks = |s: &Story| s.entries.iter().map(|e| e.clock.unwrap().to_string()).collect::<Vec<_>>();
    // 40 seconds later the page still says `5 min ago` and `2 hours ago`: each post's computed
    // clock moves a minute.
    let (first, t1) = relative_page("5 min ago", "2 hours ago", "2025-03-14T10:00:40Z");
    let (second, t2) = relative_page("5 min ago", "2 hours ago", "2025-03-14T10:01:20Z");
    assert_eq!(clocks(&first), ["09:55", "08:00", "08:15"]);
    assert_eq!(clocks(&second), ["09:56", "08:01", "08:15"]);
    assert_eq!(archive.record(URL, &first, t1).unwrap().new, [0, 1, 2]);
    let again = archive.record(URL, &second, t2).unwrap();
    assert_eq!((again.new, again.edited), (vec![], vec![]));
    // A minute later still, `6 min ago`: still the same post.
    let (third, t3) = relative_page("6 min ago", "2 hours ago", "2025-03-14T10:02:10Z");
    assert_eq!(clocks(&third), ["09:56", "08:02", "08:15"]);
    assert_eq!(archive.record(URL, &third, t3).unwrap().new, Vec::<usize>::new());
    // Nothing comes back twice from the archive.
    let full = archive.story_with_history(URL, third).unwrap();
    assert_eq!(headlines(&full), ["Power restored in Leeds", "Ferries cancelled", "Good morning"]);
}

#[test]
fn the_same_text_an_hour_apart_or_under_a_printed_clock_is_a_new_post() {
    let dir = tempfile::tempdir().unwrap();
    let mut archive = Archive::open(&dir.path().join("l.db")).unwrap();
    let (first, t1) = relative_page("5 min ago", "2 hours ago", "2025-03-14T10:00:40Z");
    archive.record(URL, &first, t1).unwrap();
    // The same words posted again an hour later are another post: minutes round to a minute.
    let (later, t2) = relative_page("5 min ago", "3 hours ago", "2025-03-14T11:00:40Z");
    let recorded = archive.record(URL, &later, t2).unwrap();
    assert_eq!(recorded.new, [0]);
    // A printed clock is never loosened: `08:15` edited to `08:16` is a new entry.
    let text = "Storm live\n\n08:16\nGood morning\nWelcome to our coverage of the storm.\n";
    let mut s = parse::parse_bytes(PathBuf::from(URL), text.as_bytes().to_vec(), Rules::embedded()).unwrap();
    s.url = Some(URL.into());
    assert_eq!(archive.record(URL, &s, t2).unwrap().new, [0]);
}
