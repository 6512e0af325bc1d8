//! Read marks between the reader and the archive (`archive::marks`): loaded for the stories
//! opened, and saved as differences — what this reader marked or unmarked since it last
//! loaded or saved — so that two readers running at once merge their marks rather than the
//! last to quit overwriting the other's. Marks of entries a story no longer shows are left as
//! they are. A story is saved under its canonical path, or its URL.

use crate::archive::{self, Archive};
use crate::model::Story;
use crate::state::{Reader, SavedRead};
use chrono::{DateTime, Utc};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The key a story's marks are saved under: its canonical path when it exists on disk (the
/// same file opened by two names is one story), else the path as given (a URL).
pub fn key(path: &Path) -> String {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()).display().to_string()
}

/// The read marks of one reader, kept in the archive.
pub struct ReadMarks {
    archive: Archive,
    /// Per story path, its key (canonicalised once, not at each save).
    keys: HashMap<PathBuf, String>,
    /// Per key, the marks as this reader last read or wrote them.
    known: HashMap<String, HashSet<u64>>,
}

impl ReadMarks {
    pub fn new(archive: Archive) -> ReadMarks {
        ReadMarks { archive, keys: HashMap::new(), known: HashMap::new() }
    }

    /// The database the marks are kept in.
    pub fn path(&self) -> &Path {
        self.archive.path()
    }

    fn key_of(&mut self, path: &Path) -> String {
        self.keys.entry(path.to_path_buf()).or_insert_with(|| key(path)).clone()
    }

    /// The saved marks of `stories`, for `Action::RestoreRead`.
    pub fn restore(&mut self, stories: &[Story]) -> archive::Result<SavedRead> {
        let mut saved = SavedRead::new();
        for story in stories {
            let key = self.key_of(&story.path);
            let marks = self.archive.read_marks(&key)?;
            saved.insert(story.path.clone(), marks.iter().copied().collect());
            self.known.insert(key, marks);
        }
        Ok(saved)
    }

    /// Writes what changed in `reader`'s marks since they were restored or last saved.
    pub fn save(&mut self, reader: &Reader, at: DateTime<Utc>) -> archive::Result<()> {
        for (story, (path, read)) in reader.stories().iter().zip(reader.read_marks()) {
            let key = self.key_of(path);
            let after: HashSet<u64> = read.into_iter().collect();
            let known = self.known.entry(key.clone()).or_default();
            if *known == after {
                continue;
            }
            // Only what this reader can have changed: the entries it shows.
            let shown: HashSet<u64> = crate::state::saved_ids(story).into_iter().collect();
            let before: HashSet<u64> = known.intersection(&shown).copied().collect();
            if before != after {
                self.archive.set_read(&key, &before, &after, at)?;
            }
            known.retain(|id| !shown.contains(id));
            known.extend(after);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;

    const PAGE: &str = "Live\n\n10:20\nThird\n\nC.\n\n10:10\nSecond\n\nB.\n\n10:00\nFirst\n\nA.\n";

    fn reader(path: &Path) -> Reader {
        Reader::new(vec![crate::load::parse_file(path, crate::parse::Rules::embedded()).unwrap()])
    }

    fn restored(db: &Path, path: &Path) -> (Reader, ReadMarks) {
        let mut marks = ReadMarks::new(Archive::open(db).unwrap());
        let mut reader = reader(path);
        let saved = marks.restore(reader.stories()).unwrap();
        reader.apply(Action::RestoreRead(saved));
        (reader, marks)
    }

    fn read_headlines(reader: &Reader) -> Vec<String> {
        let story = &reader.stories()[0];
        let view = &reader.views()[0];
        (0..story.entries.len()).filter(|&i| view.marks()[i].read).map(|i| story.entry(i).title().to_string()).collect()
    }

    #[test]
    fn two_readers_at_once_merge_their_marks() {
        let dir = tempfile::tempdir().unwrap();
        let (db, page) = (dir.path().join("l.db"), dir.path().join("live.txt"));
        std::fs::write(&page, PAGE).unwrap();
        let (mut one, mut one_marks) = restored(&db, &page);
        let (mut two, mut two_marks) = restored(&db, &page);
        // Each opens on the newest entry (read); one reads the oldest, two the middle one.
        one.apply(Action::Last);
        // `[` shows the earlier entry (`j` would only pass over it).
        two.apply(Action::PrevEntry);
        let now = Utc::now();
        one_marks.save(&one, now).unwrap();
        two_marks.save(&two, now).unwrap();
        // Saving again with nothing changed writes nothing that undoes the other's marks.
        one_marks.save(&one, now).unwrap();
        let (third, _) = restored(&db, &page);
        let mut read = read_headlines(&third);
        read.sort();
        assert_eq!(read, ["First", "Second", "Third"], "neither reader lost the other's marks");
    }

    #[test]
    fn marks_of_entries_no_longer_shown_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (db, page) = (dir.path().join("l.db"), dir.path().join("live.txt"));
        std::fs::write(&page, PAGE).unwrap();
        let (mut first, mut marks) = restored(&db, &page);
        first.apply(Action::Last);
        marks.save(&first, Utc::now()).unwrap();
        // The page drops its oldest entry; a reader of that version reads the rest.
        std::fs::write(&page, PAGE.replace("\n\n10:00\nFirst\n\nA.\n", "\n")).unwrap();
        let (mut second, mut marks) = restored(&db, &page);
        second.apply(Action::PrevEntry);
        marks.save(&second, Utc::now()).unwrap();
        std::fs::write(&page, PAGE).unwrap();
        let (third, _) = restored(&db, &page);
        assert_eq!(read_headlines(&third).len(), 3, "the dropped entry's mark came back with it");
    }
}
