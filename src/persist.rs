//! The read marks of earlier versions, in `$XDG_STATE_HOME/liveblog/read.json` (by default
//! `~/.local/state/liveblog/`; the platform's equivalent elsewhere), read once to be imported
//! into the archive (`archive::open_default`), which keeps the marks now. Keyed by the
//! story's canonical path and the entries' identities. A file that cannot be read is set
//! aside as `.bak` (numbered when one exists), never overwritten — and when it cannot be
//! moved aside it is left alone.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
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

/// A state as loaded, and whether it may be saved over.
#[derive(Debug, PartialEq, Eq)]
pub struct Loaded {
    pub state: ReadState,
    /// Why the saved marks are not there, for the status line.
    pub warning: Option<String>,
    /// False when the file could not be read nor moved aside: it is left as it is, and the
    /// marks of this run are not saved.
    pub writable: bool,
}

/// Loads the state. A missing file is a fresh state; a corrupt or unreadable one is moved
/// aside to `<name>.bak` (`.bak.1`, `.bak.2`… when that exists: a copy is never overwritten)
/// and gives a warning with a fresh state.
pub fn load(path: &Path) -> Loaded {
    let fresh_ok = |warning| Loaded { state: fresh(), warning, writable: true };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return fresh_ok(None),
        Err(e) => return set_aside(path, &e.to_string()),
    };
    match serde_json::from_str::<ReadState>(&text) {
        Ok(state) => Loaded { state, warning: None, writable: true },
        Err(e) => set_aside(path, &e.to_string()),
    }
}

fn fresh() -> ReadState {
    ReadState { version: 1, ..Default::default() }
}

/// The first of `<name>.bak`, `<name>.bak.1`, `<name>.bak.2`… that does not exist.
fn free_backup(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    let first = path.with_file_name(&name);
    (0..)
        .map(|n| if n == 0 { first.clone() } else { PathBuf::from(format!("{}.{n}", first.display())) })
        .find(|p| p.symlink_metadata().is_err())
        .expect("some number is free")
}

fn set_aside(path: &Path, why: &str) -> Loaded {
    set_aside_by(path, why, move_aside)
}

fn move_aside(path: &Path, bak: &Path) -> std::io::Result<()> {
    // A hard link fails rather than replace a file that appeared meanwhile; where links are
    // not supported, a rename to the name just found free.
    match std::fs::hard_link(path, bak) {
        Ok(()) => std::fs::remove_file(path).inspect_err(|_| {
            let _ = std::fs::remove_file(bak);
        }),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => std::fs::rename(path, bak),
    }
}

/// Moves `path` aside with `mover` (tests give one that fails).
fn set_aside_by(path: &Path, why: &str, mover: impl Fn(&Path, &Path) -> std::io::Result<()>) -> Loaded {
    let bak = free_backup(path);
    match mover(path, &bak) {
        Ok(()) => Loaded {
            state: fresh(),
            warning: Some(format!(
                "read state {} unreadable ({why}); kept as {}, starting afresh",
                path.display(),
                bak.display()
            )),
            writable: true,
        },
        Err(e) => Loaded {
            state: fresh(),
            warning: Some(format!(
                "read state {} unreadable ({why}) and not movable ({e}); left as it is, read marks not saved",
                path.display()
            )),
            writable: false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_file_loads_and_a_missing_one_is_fresh() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/read.json");
        assert_eq!(load(&path), Loaded { state: fresh(), warning: None, writable: true });
        let mut state = fresh();
        state.stories.insert("/a.txt".into(), vec![1, 2, 3]);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, r#"{"version":1,"stories":{"/a.txt":[1,2,3]}}"#).unwrap();
        assert_eq!(load(&path), Loaded { state, warning: None, writable: true });
    }

    #[test]
    fn corrupt_file_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("read.json");
        std::fs::write(&path, "{not json").unwrap();
        let loaded = load(&path);
        assert_eq!(loaded.state, fresh());
        assert!(loaded.writable);
        assert!(loaded.warning.unwrap().contains("read.json.bak"));
        assert_eq!(std::fs::read_to_string(dir.path().join("read.json.bak")).unwrap(), "{not json");
        assert!(!path.exists());
    }

    #[test]
    fn an_existing_backup_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("read.json");
        std::fs::write(dir.path().join("read.json.bak"), "first").unwrap();
        std::fs::write(&path, "second").unwrap();
        assert!(load(&path).warning.unwrap().contains("read.json.bak.1"));
        std::fs::write(&path, "third").unwrap();
        assert!(load(&path).warning.unwrap().contains("read.json.bak.2"));
        for (name, text) in [("read.json.bak", "first"), ("read.json.bak.1", "second"), ("read.json.bak.2", "third")] {
            assert_eq!(std::fs::read_to_string(dir.path().join(name)).unwrap(), text);
        }
    }

    #[test]
    fn a_corrupt_file_that_cannot_be_moved_is_left_alone_and_not_saved_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("read.json");
        std::fs::write(&path, "{not json").unwrap();
        let refuse = |_: &Path, _: &Path| Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        let loaded = set_aside_by(&path, "corrupt", refuse);
        assert!(!loaded.writable);
        assert!(loaded.warning.unwrap().contains("read marks not saved"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{not json");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no copy left behind");
    }
}
