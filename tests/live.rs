//! Following files as they change, through the real watcher: rewritten pages reach the reader
//! with their new and edited entries marked and the selection kept; half-written files never
//! remove what is shown; new and deleted files; a writer that never pauses; a burst of new
//! files; a link to `/`; and read marks kept in the archive across runs, merged between two readers. Nothing here sleeps and hopes:
//! every wait is for a condition, with a limit far above what it needs.

use liveblog::archive::Archive;
use liveblog::parse::Rules;
use liveblog::read_marks::ReadMarks;
use liveblog::state::{Action, Reader};
use liveblog::watch::{self, FileEvent};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

const HEAD: &str = "Direct démarré le 21 octobre 2024 à 6H30 TU\n\nLe fil du jour\n\n";

fn entry(clock: &str, headline: &str, body: &str) -> String {
    format!("{clock}\nsujet\n\n{headline}\n\n{body}\n\n")
}

fn page(entries: &[(&str, &str, &str)]) -> String {
    let mut s = HEAD.to_string();
    for (c, h, b) in entries {
        s.push_str(&entry(c, h, b));
    }
    s
}

const BASE: [(&str, &str, &str); 3] = [
    ("10h00", "Troisième titre", "Le bilan est de 400 morts selon les autorités."),
    ("09h00", "Deuxième titre", "Texte deux."),
    ("08h00", "Premier titre", "Texte un."),
];

/// Far above what any wait here needs: only a broken follower reaches it. A waited-for state
/// returns as soon as it holds, so the limit costs nothing when the follower works; it is this
/// long because 2,000 files parsed while the machine's cores build other crates took over 20 s.
const LIMIT: Duration = Duration::from_secs(120);

struct Live {
    reader: Reader,
    rx: mpsc::Receiver<FileEvent>,
    follower: watch::Follower,
    _dir: tempfile::TempDir,
    path: PathBuf,
}

/// Follows `dir` and waits until the watch is in place.
fn follow(dir: &Path, poll: bool) -> (watch::Follower, mpsc::Receiver<FileEvent>) {
    let (tx, rx) = mpsc::channel();
    let mut follower =
        watch::follow(&[dir.to_path_buf()], Arc::new(Rules::embedded().clone()), poll, move |e| tx.send(e).is_ok());
    assert!(follower.ready(LIMIT).is_some(), "the watch did not start");
    (follower, rx)
}

impl Live {
    fn start(text: &str) -> Live {
        Live::start_with(text, false)
    }

    fn start_with(text: &str, poll: bool) -> Live {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("blog.txt");
        std::fs::write(&path, text).unwrap();
        let story = liveblog::load::load_one(&path, Rules::embedded()).unwrap();
        let mut reader = Reader::new(vec![story]);
        reader.apply(Action::Resize(160, 45));
        let (follower, rx) = follow(dir.path(), poll);
        Live { reader, rx, follower, _dir: dir, path }
    }

    /// Applies file events until `done` holds; fails after `LIMIT`.
    fn until(&mut self, what: &str, done: impl Fn(&Reader) -> bool) {
        let start = Instant::now();
        while !done(&self.reader) {
            assert!(start.elapsed() < LIMIT, "{what}: not within {LIMIT:?}");
            if let Ok(e) = self.rx.recv_timeout(Duration::from_millis(50)) {
                self.reader.apply(watch::action(e));
            }
        }
    }

    fn selected_headline(&self) -> String {
        let v = self.reader.view().unwrap();
        self.reader.story().unwrap().entry(v.selected().unwrap() as usize).headline().unwrap().to_string()
    }

    fn write(&self, text: &str) {
        std::fs::write(&self.path, text).unwrap();
    }
}

#[test]
fn two_new_entries_at_the_top_arrive_marked_and_the_selection_stays() {
    let mut live = Live::start(&page(&BASE));
    live.reader.apply(Action::Down);
    assert_eq!(live.selected_headline(), "Deuxième titre");
    let mut entries = vec![("11h30", "Cinquième titre", "Texte cinq."), ("11h00", "Quatrième titre", "Texte quatre.")];
    entries.extend(BASE);
    live.write(&page(&entries));
    live.until("two new entries", |r| r.story().unwrap().entries.len() == 5);
    assert_eq!(live.selected_headline(), "Deuxième titre", "the selection stays on its entry");
    let view = live.reader.view().unwrap();
    assert_eq!(view.new_count(), 2);
    assert!(view.marks()[0].new && view.marks()[1].new && !view.marks()[2].new);
    assert!(live.reader.message().unwrap().starts_with("2 new in"), "{:?}", live.reader.message());
    // Reading a new entry clears its mark.
    live.reader.apply(Action::First);
    assert_eq!(live.reader.view().unwrap().new_count(), 1);
}

#[test]
fn at_the_newest_entry_the_view_follows_like_tail() {
    let mut live = Live::start(&page(&BASE));
    let mut entries = vec![("11h00", "Quatrième titre", "Texte quatre.")];
    entries.extend(BASE);
    live.write(&page(&entries));
    live.until("the new entry", |r| r.story().unwrap().entries.len() == 4);
    assert_eq!(live.selected_headline(), "Quatrième titre");
}

#[test]
fn an_edited_entry_is_marked_and_its_diff_shows_the_changed_words() {
    let mut live = Live::start(&page(&BASE));
    live.reader.apply(Action::Down);
    live.reader.apply(Action::Up); // the 10h00 entry, read
    let mut entries = BASE;
    entries[0].2 = "Le bilan est de 512 morts selon les autorités.";
    live.write(&page(&entries));
    live.until("the edit", |r| r.view().unwrap().marks()[0].edited);
    let marks = live.reader.view().unwrap().marks()[0];
    assert!(marks.edited);
    assert_eq!(live.selected_headline(), "Troisième titre");
    live.reader.apply(Action::ShowDiff);
    let text: Vec<String> = live.reader.text_lines().iter().map(|l| l.text.clone()).collect();
    let all = text.join("\n");
    assert!(all.contains("[-400-]") && all.contains("{+512+}"), "{all}");
    assert!(!all.contains("[-Le-]"), "unchanged words are not marked: {all}");
}

#[test]
fn a_removed_entry_moves_the_selection_to_its_neighbour() {
    let mut live = Live::start(&page(&BASE));
    live.reader.apply(Action::Down);
    assert_eq!(live.selected_headline(), "Deuxième titre");
    live.write(&page(&[BASE[0], BASE[2]]));
    live.until("the removal", |r| r.story().unwrap().entries.len() == 2);
    let h = live.selected_headline();
    assert!(h == "Troisième titre" || h == "Premier titre", "{h}");
}

#[test]
fn a_truncated_rewrite_keeps_the_last_good_parse() {
    let mut live = Live::start(&page(&BASE));
    let full = page(&BASE);
    // Caught half-written: the header and the first entry only.
    let cut = full.find("09h00").unwrap();
    live.write(&full[..cut]);
    live.until("the warning", |r| r.message().is_some_and(|m| m.contains("keeping")));
    assert_eq!(live.reader.story().unwrap().entries.len(), 3);
    // Failing to decode (a NUL byte mid-write) keeps it too.
    live.write("\0\0\0");
    live.until("the decoding failure", |r| {
        r.message().is_some_and(|m| m.contains("keeping what is shown") && !m.contains("being rewritten"))
    });
    assert_eq!(live.reader.story().unwrap().entries.len(), 3);
    // Then the good version arrives.
    let mut entries = vec![("11h00", "Quatrième titre", "Texte quatre.")];
    entries.extend(BASE);
    live.write(&page(&entries));
    live.until("the good parse", |r| r.story().unwrap().entries.len() == 4);
}

#[test]
fn a_new_file_becomes_a_story_and_a_deleted_one_is_marked_gone() {
    let mut live = Live::start(&page(&BASE));
    let other = live.path.with_file_name("other.txt");
    std::fs::write(&other, page(&[("07h00", "Autre", "Autre texte.")])).unwrap();
    live.until("the new story", |r| r.stories().len() == 2);
    assert_eq!(live.reader.stories()[1].title, "Le fil du jour");
    assert_eq!(live.reader.views()[1].new_count(), 1);
    std::fs::write(live.path.with_file_name("notes.md"), "not a blog").unwrap();
    std::fs::remove_file(&live.path).unwrap();
    live.until("the deletion", |r| r.views()[0].gone());
    assert_eq!(live.reader.stories().len(), 2, "a .md file is not a story");
    assert_eq!(live.reader.stories()[0].entries.len(), 3, "a deleted file's story stays readable");
}

fn reader_for(path: &Path) -> Reader {
    Reader::new(vec![liveblog::load::load_one(path, Rules::embedded()).unwrap()])
}

/// A reader on `blog` with the marks kept in the archive `db` restored.
fn restored(db: &Path, blog: &Path) -> (Reader, ReadMarks) {
    let mut marks = ReadMarks::new(Archive::open(db).unwrap());
    let mut reader = reader_for(blog);
    reader.apply(Action::RestoreRead(marks.restore(reader.stories()).unwrap()));
    (reader, marks)
}

#[test]
fn read_marks_persist_across_two_runs() {
    let dir = tempfile::tempdir().unwrap();
    let blog = dir.path().join("blog.txt");
    std::fs::write(&blog, page(&BASE)).unwrap();
    let db = dir.path().join("data/liveblog.db");

    let (mut first, mut marks) = restored(&db, &blog);
    assert_eq!(first.view().unwrap().unread(), 2, "the selected (newest) entry is read at once");
    // `[` goes to the earlier entry and shows it (`j` would only pass over it).
    first.apply(Action::PrevEntry);
    marks.save(&first, chrono::Utc::now()).unwrap();
    drop(marks);

    let (mut second, _) = restored(&db, &blog);
    let read = second.view().unwrap().marks();
    assert!(read[0].read && read[1].read && !read[2].read);
    second.apply(Action::NextUnread);
    assert_eq!(second.view().unwrap().selected(), Some(2), "u goes to the oldest unread");
}

#[test]
fn two_readers_saving_to_one_database_merge_their_marks() {
    let dir = tempfile::tempdir().unwrap();
    let blog = dir.path().join("blog.txt");
    std::fs::write(&blog, page(&BASE)).unwrap();
    let db = dir.path().join("liveblog.db");
    let (mut one, mut one_marks) = restored(&db, &blog);
    let (mut two, mut two_marks) = restored(&db, &blog);
    // `[` and `G` show the entries they go to (`j` would only pass over one).
    one.apply(Action::PrevEntry);
    two.apply(Action::Last);
    // Saved in turn, each more than once, as the readers do every few seconds and at quit.
    for _ in 0..2 {
        one_marks.save(&one, chrono::Utc::now()).unwrap();
        two_marks.save(&two, chrono::Utc::now()).unwrap();
    }
    let (third, _) = restored(&db, &blog);
    assert_eq!(third.view().unwrap().unread(), 0, "the marks of both readers are kept");
}

#[test]
fn an_old_read_json_is_imported_once_and_a_corrupt_one_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    let blog = dir.path().join("blog.txt");
    std::fs::write(&blog, page(&BASE)).unwrap();
    let db = dir.path().join("liveblog.db");
    // What an earlier version saved after reading the two newest entries.
    let (mut earlier, _) = restored(&dir.path().join("scratch.db"), &blog);
    earlier.apply(Action::PrevEntry);
    let (_, ids) = earlier.read_marks().remove(0);
    let json = dir.path().join("read.json");
    let state = serde_json::json!({"version": 1, "stories": {liveblog::read_marks::key(&blog): ids}});
    std::fs::write(&json, state.to_string()).unwrap();
    let note = Archive::open(&db).unwrap().import_read_json(&json).unwrap().unwrap();
    assert!(note.contains("read.json.migrated"), "{note}");
    assert!(!json.exists() && dir.path().join("read.json.migrated").exists());
    let (now, _) = restored(&db, &blog);
    assert_eq!(now.view().unwrap().unread(), 1);

    std::fs::write(&json, b"\x00garbage").unwrap();
    let note = Archive::open(&db).unwrap().import_read_json(&json).unwrap().unwrap();
    assert!(note.contains("kept as"), "{note}");
    assert!(dir.path().join("read.json.bak").exists());
    assert_eq!(restored(&db, &blog).0.view().unwrap().unread(), 1, "the imported marks stay");
}

#[test]
fn reading_a_file_does_not_trigger_another_read() {
    let mut live = Live::start(&page(&BASE));
    let mut entries = vec![("11h00", "Quatrième titre", "Texte quatre.")];
    entries.extend(BASE);
    live.write(&page(&entries));
    live.until("the change", |r| r.story().unwrap().entries.len() == 4);
    // The re-parse opened and read the file: that must not come back as a change. Changes are
    // released in the order they happened, so one caused by that read would come before the
    // change of another file made after it.
    std::fs::write(live.path.with_file_name("sentinel.txt"), page(&[("07h00", "Autre", "Autre texte.")])).unwrap();
    let event = live.rx.recv_timeout(LIMIT).expect("the sentinel's change");
    assert!(
        matches!(&event, FileEvent::Parsed(story) if story.path.ends_with("sentinel.txt")),
        "an event with no change: {event:?}"
    );
}

#[test]
fn polling_follows_changes_too() {
    let mut live = Live::start_with(&page(&BASE), true);
    assert_eq!(live.follower.ready(LIMIT), Some(true), "polling");
    let mut entries = vec![("11h00", "Quatrième titre", "Texte quatre.")];
    entries.extend(BASE);
    live.write(&page(&entries));
    // Polling compares modification times: make sure the rewrite has a later one, however
    // coarse the file system's clock.
    let later = std::time::SystemTime::now() + Duration::from_secs(10);
    std::fs::File::options().write(true).open(&live.path).unwrap().set_modified(later).unwrap();
    live.until("the change, by polling", |r| r.story().unwrap().entries.len() == 4);
}

#[test]
fn a_writer_that_never_pauses_is_still_followed() {
    let mut live = Live::start(&page(&BASE));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (stop, path) = (Arc::clone(&stop), live.path.clone());
        std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                let body = format!("Le bilan est de {n} morts selon les autorités.");
                let mut entries = BASE;
                entries[0].2 = &body;
                std::fs::write(&path, page(&entries)).unwrap();
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    };
    // Before, changes were gathered until the writer paused: with this one, never.
    let mut seen = std::collections::BTreeSet::new();
    let start = Instant::now();
    while seen.len() < 3 {
        assert!(start.elapsed() < LIMIT, "versions seen while the writer writes: {seen:?}");
        if let Ok(e) = live.rx.recv_timeout(Duration::from_millis(50)) {
            live.reader.apply(watch::action(e));
            seen.insert(live.reader.story().unwrap().entry(0).plain_text());
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
}

#[test]
fn two_thousand_new_files_arrive_in_batches() {
    let mut live = Live::start(&page(&BASE));
    let dir = live.path.parent().unwrap().to_path_buf();
    for i in 0..2000 {
        std::fs::write(dir.join(format!("{i:04}.txt")), page(&[("07h00", "Autre", "Autre texte.")])).unwrap();
    }
    live.until("2,000 new stories", |r| r.stories().len() == 2001);
    // A new folder filled before its watch is in place is read whole.
    let sub = dir.join("later");
    std::fs::create_dir(&sub).unwrap();
    for i in 0..50 {
        std::fs::write(sub.join(format!("{i:02}.txt")), page(&[("07h00", "Autre", "Autre texte.")])).unwrap();
    }
    live.until("50 more in a new folder", |r| r.stories().len() == 2051);
}

#[cfg(unix)]
#[test]
fn a_link_to_the_root_is_not_followed_and_the_folder_is() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/", dir.path().join("root")).unwrap();
    let path = dir.path().join("blog.txt");
    std::fs::write(&path, page(&BASE)).unwrap();
    // Before, the watch walked all of `/` through the link and never started.
    let (_follower, rx) = follow(dir.path(), false);
    std::fs::write(&path, page(&BASE[..2])).unwrap();
    let event = rx.recv_timeout(LIMIT).expect("the change");
    assert!(matches!(event, FileEvent::Parsed(ref s) if s.entries.len() == 2), "{event:?}");
}

#[test]
fn a_page_that_drops_its_oldest_entries_while_gaining_one_is_an_update() {
    let mut live = Live::start(&page(&BASE));
    // The site keeps a window of entries: one arrives at the top, the two oldest go.
    live.write(&page(&[("11h00", "Quatrième titre", "Texte quatre."), BASE[0]]));
    live.until("the update", |r| r.story().unwrap().entries.len() == 2);
    assert!(!live.reader.message().unwrap_or("").contains("being rewritten"));
    let mut entries = vec![("12h00", "Cinquième titre", "Texte cinq.")];
    entries.extend([("11h00", "Quatrième titre", "Texte quatre."), BASE[0]]);
    live.write(&page(&entries));
    live.until("the next update", |r| r.story().unwrap().entries.len() == 3);
}

#[test]
fn an_entry_the_view_follows_to_is_read_and_keeps_its_new_mark() {
    let mut live = Live::start(&page(&BASE));
    let mut entries = vec![("11h00", "Quatrième titre", "Texte quatre.")];
    entries.extend(BASE);
    live.write(&page(&entries));
    live.until("the new entry", |r| r.story().unwrap().entries.len() == 4);
    let view = live.reader.view().unwrap();
    let marks = view.marks()[view.selected().unwrap() as usize];
    assert!(marks.read && marks.new, "shown, so read; still new: {marks:?}");
}
