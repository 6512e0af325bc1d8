//! What has been read, kept across runs in the user's state directory
//! (`$XDG_STATE_HOME/liveblog/read.json`, by default `~/.local/state/liveblog/`; the platform's
//! equivalent elsewhere). Keyed by the story's file path and the entries' identities. Written
//! atomically (a temporary file renamed over the old one), so a crash never leaves half a
//! file; a file that cannot be read is set aside as `.bak`, never silently overwritten.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Read entries per story file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadState {
    pub version: u32,
    /// Story path → identities of its read entries.
    pub stories: BTreeMap<String, Vec<u64>>,
}

/// The state file in the user's state directory.
pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "liveblog")?;
    let dir = dirs.state_dir().map(Path::to_path_buf).unwrap_or_else(|| dirs.data_local_dir().to_path_buf());
    Some(dir.join("read.json"))
}

/// Loads the state. A missing file is a fresh state; a corrupt or unreadable one is moved
/// aside to `<name>.bak` and gives a warning with a fresh state.
pub fn load(path: &Path) -> (ReadState, Option<String>) {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return (ReadState { version: 1, ..Default::default() }, None);
        }
        Err(e) => return (fresh(), Some(set_aside(path, &e.to_string()))),
    };
    match serde_json::from_str::<ReadState>(&text) {
        Ok(state) => (state, None),
        Err(e) => (fresh(), Some(set_aside(path, &e.to_string()))),
    }
}

fn fresh() -> ReadState {
    ReadState { version: 1, ..Default::default() }
}

fn set_aside(path: &Path, why: &str) -> String {
    let bak = path.with_extension("json.bak");
    match std::fs::rename(path, &bak) {
        Ok(()) => {
            format!("read state {} unreadable ({why}); kept as {}, starting afresh", path.display(), bak.display())
        }
        Err(e) => format!("read state {} unreadable ({why}) and not movable ({e}); starting afresh", path.display()),
    }
}

/// Writes the state atomically: to a temporary file in the same directory, synced, then
/// renamed over the old one.
pub fn save(path: &Path, state: &ReadState) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(serde_json::to_string(state).expect("serialisable").as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The key a story is saved under: its canonical path when it exists on disk.
pub fn key(path: &Path) -> String {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()).display().to_string()
}

/// The saved marks of the stories at `paths`, keyed by those paths as loaded, for
/// `Action::RestoreRead` (the state knows no persistence key).
pub fn saved_for<'a>(state: &ReadState, paths: impl IntoIterator<Item = &'a Path>) -> crate::state::SavedRead {
    paths.into_iter().filter_map(|p| state.stories.get(&key(p)).map(|ids| (p.to_path_buf(), ids.clone()))).collect()
}

/// Writes the read marks of open stories (`Reader::read_marks`) into `state`; other stories'
/// are kept.
pub fn store(state: &mut ReadState, marks: Vec<(&Path, Vec<u64>)>) {
    for (path, read) in marks {
        let key = key(path);
        if read.is_empty() {
            state.stories.remove(&key);
        } else {
            state.stories.insert(key, read);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/read.json");
        assert_eq!(load(&path), (fresh(), None));
        let mut state = fresh();
        state.stories.insert("/a.txt".into(), vec![1, 2, 3]);
        save(&path, &state).unwrap();
        assert_eq!(load(&path), (state, None));
    }

    #[test]
    fn corrupt_file_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("read.json");
        std::fs::write(&path, "{not json").unwrap();
        let (state, warning) = load(&path);
        assert_eq!(state, fresh());
        assert!(warning.unwrap().contains("read.json.bak"));
        assert_eq!(std::fs::read_to_string(dir.path().join("read.json.bak")).unwrap(), "{not json");
        assert!(!path.exists());
    }
}
