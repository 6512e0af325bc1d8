//! Read marks in the archive: per story key (the path or URL the reader saves it under), the
//! identities of its read entries. Marks are added and removed one by one in transactions,
//! never written back as a whole, so two readers running at once merge their marks instead
//! of the last to quit overwriting the other. The old `read.json` is imported once and kept
//! aside under a new name.

use super::{Archive, Result};
use crate::persist::ReadState;
use chrono::{DateTime, Utc};
use rusqlite::params;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

impl Archive {
    /// The identities read in the story saved under `key`.
    pub fn read_marks(&self, key: &str) -> Result<HashSet<u64>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT identity FROM read_marks WHERE key = ?1").map_err(|e| self.err(e))?;
        let ids = stmt
            .query_map([key], |r| r.get::<_, i64>(0))
            .and_then(Iterator::collect::<rusqlite::Result<Vec<_>>>)
            .map_err(|e| self.err(e))?;
        Ok(ids.into_iter().map(|i| i as u64).collect())
    }

    /// Every key with marks, and its marks (what `read.json` held).
    pub fn all_read_marks(&self) -> Result<ReadState> {
        let mut stmt =
            self.conn.prepare("SELECT key, identity FROM read_marks ORDER BY key").map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .and_then(Iterator::collect::<rusqlite::Result<Vec<_>>>)
            .map_err(|e| self.err(e))?;
        let mut state = ReadState { version: 1, ..ReadState::default() };
        for (key, id) in rows {
            state.stories.entry(key).or_default().push(id as u64);
        }
        Ok(state)
    }

    /// Marks entries read (in one transaction); marks already there, by anyone, stay.
    pub fn mark_read(&mut self, key: &str, ids: &[u64], at: DateTime<Utc>) -> Result<()> {
        self.change_marks(key, ids, &[], at)
    }

    /// Marks entries unread again.
    pub fn mark_unread(&mut self, key: &str, ids: &[u64]) -> Result<()> {
        self.change_marks(key, &[], ids, Utc::now())
    }

    /// Applies what one reader changed since it loaded the marks — `before` its marks then,
    /// `after` its marks now — so that marks set meanwhile by another reader are kept.
    pub fn set_read(
        &mut self,
        key: &str,
        before: &HashSet<u64>,
        after: &HashSet<u64>,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let added: Vec<u64> = after.difference(before).copied().collect();
        let removed: Vec<u64> = before.difference(after).copied().collect();
        self.change_marks(key, &added, &removed, at)
    }

    fn change_marks(&mut self, key: &str, add: &[u64], remove: &[u64], at: DateTime<Utc>) -> Result<()> {
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| super::sql(&path, e))?;
        let run = || -> rusqlite::Result<()> {
            for id in add {
                tx.execute(
                    "INSERT OR IGNORE INTO read_marks (key, identity, marked_at) VALUES (?1, ?2, ?3)",
                    params![key, *id as i64, at.timestamp()],
                )?;
            }
            for id in remove {
                tx.execute("DELETE FROM read_marks WHERE key = ?1 AND identity = ?2", params![key, *id as i64])?;
            }
            Ok(())
        };
        run().map_err(|e| super::sql(&path, e))?;
        tx.commit().map_err(|e| super::sql(&path, e))
    }

    /// Imports an old `read.json` once: its marks join the database and the file is renamed
    /// `read.json.migrated` (numbered if that exists), so it is neither read twice nor lost.
    /// Returns a one-line note when something was imported.
    pub fn import_read_json(&mut self, json: &Path) -> Result<Option<String>> {
        if !json.exists() {
            return Ok(None);
        }
        let loaded = crate::persist::load(json);
        let state = loaded.state;
        if let Some(warning) = loaded.warning {
            // persist::load has already set the unreadable file aside.
            return Ok(Some(warning));
        }
        let now = Utc::now();
        for (key, ids) in &state.stories {
            self.mark_read(key, ids, now)?;
        }
        let aside = free_name(json);
        std::fs::rename(json, &aside).map_err(|e| super::ArchiveError::Io(json.display().to_string(), e))?;
        Ok(Some(format!(
            "read marks moved from {} into {} (old file kept as {})",
            json.display(),
            self.path.display(),
            aside.display()
        )))
    }
}

/// `<file>.migrated`, or `<file>.migrated.N` with the first N not taken.
fn free_name(path: &Path) -> PathBuf {
    let base = format!("{}.migrated", path.display());
    let mut candidate = PathBuf::from(&base);
    let mut n = 1;
    while candidate.exists() {
        candidate = PathBuf::from(format!("{base}.{n}"));
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_json_is_imported_once_and_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let json = dir.path().join("read.json");
        std::fs::write(dir.path().join("read.json.migrated"), "older").unwrap();
        let mut state = ReadState { version: 1, ..ReadState::default() };
        state.stories.insert("/blogs/a.txt".into(), vec![7, 8]);
        std::fs::write(&json, serde_json::to_string(&state).unwrap()).unwrap();
        let mut archive = Archive::open(&dir.path().join("l.db")).unwrap();
        let note = archive.import_read_json(&json).unwrap().unwrap();
        assert!(note.contains("read.json.migrated.1"), "{note}");
        assert!(!json.exists());
        assert_eq!(std::fs::read_to_string(dir.path().join("read.json.migrated")).unwrap(), "older");
        assert_eq!(archive.read_marks("/blogs/a.txt").unwrap(), HashSet::from([7, 8]));
        assert_eq!(archive.import_read_json(&json).unwrap(), None);
        assert_eq!(archive.all_read_marks().unwrap().stories["/blogs/a.txt"], vec![7, 8]);
    }

    #[test]
    fn set_read_applies_only_what_changed() {
        let dir = tempfile::tempdir().unwrap();
        let mut archive = Archive::open(&dir.path().join("l.db")).unwrap();
        let now = Utc::now();
        archive.mark_read("k", &[1, 2], now).unwrap();
        // This reader loaded {1, 2}; meanwhile another marked 3.
        archive.mark_read("k", &[3], now).unwrap();
        archive.set_read("k", &HashSet::from([1, 2]), &HashSet::from([2, 4]), now).unwrap();
        assert_eq!(archive.read_marks("k").unwrap(), HashSet::from([2, 3, 4]));
        archive.mark_unread("k", &[3]).unwrap();
        assert_eq!(archive.read_marks("k").unwrap(), HashSet::from([2, 4]));
    }
}
