//! Following files as they change, through the real watcher: rewritten pages reach the reader
//! with their new and edited entries marked and the selection kept; half-written files never
//! remove what is shown; new and deleted files; and read marks saved across runs.

use liveblog::parse::Rules;
use liveblog::persist;
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

struct Live {
    reader: Reader,
    rx: mpsc::Receiver<FileEvent>,
    _follower: watch::Follower,
    _dir: tempfile::TempDir,
    path: PathBuf,
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
        let (tx, rx) = mpsc::channel();
        let follower =
            watch::follow(&[dir.path().to_path_buf()], Arc::new(Rules::embedded().clone()), poll, move |e| {
                tx.send(e).is_ok()
            })
            .unwrap();
        Live { reader, rx, _follower: follower, _dir: dir, path }
    }

    /// Applies file events until `done` holds; fails after `limit`.
    fn until(&mut self, what: &str, limit: Duration, done: impl Fn(&Reader) -> bool) -> Duration {
        let start = Instant::now();
        while !done(&self.reader) {
            assert!(start.elapsed() < limit, "{what}: not within {limit:?}");
            if let Ok(e) = self.rx.recv_timeout(Duration::from_millis(50)) {
                self.reader.apply(watch::action(e));
            }
        }
        start.elapsed()
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
    let took = live.until("two new entries", Duration::from_secs(2), |r| r.story().unwrap().entries.len() == 5);
    assert!(took < Duration::from_secs(2));
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
    live.until("the new entry", Duration::from_secs(2), |r| r.story().unwrap().entries.len() == 4);
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
    live.until("the edit", Duration::from_secs(2), |r| r.view().unwrap().marks()[0].edited);
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
    live.until("the removal", Duration::from_secs(2), |r| r.story().unwrap().entries.len() == 2);
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
    live.until("the warning", Duration::from_secs(2), |r| r.message().is_some_and(|m| m.contains("keeping")));
    assert_eq!(live.reader.story().unwrap().entries.len(), 3);
    // Failing to decode (a NUL byte mid-write) keeps it too.
    live.write("\0\0\0");
    std::thread::sleep(Duration::from_millis(600));
    while let Ok(e) = live.rx.try_recv() {
        live.reader.apply(watch::action(e));
    }
    assert_eq!(live.reader.story().unwrap().entries.len(), 3);
    // Then the good version arrives.
    let mut entries = vec![("11h00", "Quatrième titre", "Texte quatre.")];
    entries.extend(BASE);
    live.write(&page(&entries));
    live.until("the good parse", Duration::from_secs(2), |r| r.story().unwrap().entries.len() == 4);
}

#[test]
fn a_new_file_becomes_a_story_and_a_deleted_one_is_marked_gone() {
    let mut live = Live::start(&page(&BASE));
    let other = live.path.with_file_name("other.txt");
    std::fs::write(&other, page(&[("07h00", "Autre", "Autre texte.")])).unwrap();
    live.until("the new story", Duration::from_secs(2), |r| r.stories().len() == 2);
    assert_eq!(live.reader.stories()[1].title, "Le fil du jour");
    assert_eq!(live.reader.views()[1].new_count(), 1);
    std::fs::write(live.path.with_file_name("notes.md"), "not a blog").unwrap();
    std::fs::remove_file(&live.path).unwrap();
    live.until("the deletion", Duration::from_secs(2), |r| r.views()[0].gone());
    assert_eq!(live.reader.stories().len(), 2, "a .md file is not a story");
    assert_eq!(live.reader.stories()[0].entries.len(), 3, "a deleted file's story stays readable");
}

fn reader_for(path: &Path) -> Reader {
    Reader::new(vec![liveblog::load::load_one(path, Rules::embedded()).unwrap()])
}

#[test]
fn read_marks_persist_across_two_runs() {
    let dir = tempfile::tempdir().unwrap();
    let blog = dir.path().join("blog.txt");
    std::fs::write(&blog, page(&BASE)).unwrap();
    let state_file = dir.path().join("state/read.json");

    let mut first = reader_for(&blog);
    assert_eq!(first.view().unwrap().unread(), 2, "the selected (newest) entry is read at once");
    first.apply(Action::Down);
    let mut state = persist::load(&state_file).0;
    persist::store(&mut state, first.read_marks());
    persist::save(&state_file, &state).unwrap();

    let mut second = reader_for(&blog);
    let (loaded, warning) = persist::load(&state_file);
    assert!(warning.is_none());
    let saved = persist::saved_for(&loaded, second.stories().iter().map(|s| s.path.as_path()));
    second.apply(Action::RestoreRead(saved));
    let marks = second.view().unwrap().marks();
    assert!(marks[0].read && marks[1].read && !marks[2].read);
    second.apply(Action::NextUnread);
    assert_eq!(second.view().unwrap().selected(), Some(2), "u goes to the oldest unread");
}

#[test]
fn the_state_file_is_never_seen_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("read.json");
    let mut state = persist::ReadState { version: 1, ..Default::default() };
    for i in 0..200 {
        state.stories.insert(format!("/story/{i}.txt"), (0..500).collect());
    }
    persist::save(&path, &state).unwrap();
    let reader_path = path.clone();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop2 = Arc::clone(&stop);
    let checker = std::thread::spawn(move || {
        let mut reads = 0;
        while !stop2.load(std::sync::atomic::Ordering::Relaxed) {
            let text = std::fs::read_to_string(&reader_path).unwrap();
            serde_json::from_str::<persist::ReadState>(&text).expect("a whole state, never a part");
            reads += 1;
        }
        reads
    });
    for _ in 0..50 {
        persist::save(&path, &state).unwrap();
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(checker.join().unwrap() > 0);
}

#[test]
fn a_corrupt_state_file_is_kept_aside_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("read.json");
    std::fs::write(&path, b"\x00garbage").unwrap();
    let (state, warning) = persist::load(&path);
    assert!(state.stories.is_empty());
    assert!(warning.unwrap().contains("kept as"));
    assert!(dir.path().join("read.json.bak").exists());
}

#[test]
fn reading_a_file_does_not_trigger_another_read() {
    let mut live = Live::start(&page(&BASE));
    let mut entries = vec![("11h00", "Quatrième titre", "Texte quatre.")];
    entries.extend(BASE);
    live.write(&page(&entries));
    live.until("the change", Duration::from_secs(2), |r| r.story().unwrap().entries.len() == 4);
    // The re-parse opened and read the file: that must not come back as a change.
    let extra = live.rx.recv_timeout(Duration::from_millis(1200));
    assert!(extra.is_err(), "an event with no change: {extra:?}");
}

#[test]
fn polling_follows_changes_too() {
    let mut live = Live::start_with(&page(&BASE), true);
    assert!(live._follower.polling);
    // Polling compares modification times: make sure the rewrite gets a later one.
    std::thread::sleep(Duration::from_millis(1100));
    let mut entries = vec![("11h00", "Quatrième titre", "Texte quatre.")];
    entries.extend(BASE);
    live.write(&page(&entries));
    live.until("the change, by polling", Duration::from_secs(4), |r| r.story().unwrap().entries.len() == 4);
}
