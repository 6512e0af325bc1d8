//! Following files as they are rewritten. A watcher (the `notify` crate: inotify and friends,
//! falling back to polling once a second where those are not available) reports changes under
//! the opened files and directories; a worker thread gathers them for a moment, re-reads and
//! re-parses each changed file off the UI thread, and hands the result on.

use crate::load;
use crate::model::Story;
use crate::parse::{Rules, parse_file};
use notify::{RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

/// What became of a watched file.
#[derive(Debug)]
pub enum FileEvent {
    /// Parsed again, or a new `.txt` file in a watched directory.
    Parsed(Box<Story>),
    /// Could not be read or decoded this time (perhaps half-written).
    Failed(PathBuf, String),
    /// Deleted.
    Removed(PathBuf),
}

/// A watched root: where it is on disk, and how the user named it (stories keep that name).
#[derive(Debug, Clone)]
struct Root {
    absolute: PathBuf,
    given: PathBuf,
    dir: bool,
}

impl Root {
    /// The path as the user would name it, when `absolute` is under this root.
    fn name(&self, absolute: &Path) -> Option<PathBuf> {
        if self.dir {
            let rel = absolute.strip_prefix(&self.absolute).ok()?;
            (absolute.extension().is_some_and(|x| x == "txt")).then(|| self.given.join(rel))
        } else {
            (absolute == self.absolute).then(|| self.given.clone())
        }
    }
}

/// Keeps the watch alive; dropping it stops following.
pub struct Follower {
    _watcher: Box<dyn Watcher + Send>,
    /// True when notification was not available and files are polled.
    pub polling: bool,
}

/// How long changes are gathered before re-parsing: a writer's several writes become one.
const SETTLE: Duration = Duration::from_millis(150);

/// Starts following `paths`; each result goes to `send`, from a worker thread. With
/// `poll`, files are polled once a second even where notification is available (network file
/// systems often notify nothing).
pub fn follow(
    paths: &[PathBuf],
    rules: Arc<Rules>,
    poll: bool,
    send: impl Fn(FileEvent) -> bool + Send + 'static,
) -> notify::Result<Follower> {
    let roots: Vec<Root> = paths
        .iter()
        .filter_map(|p| {
            let absolute = std::fs::canonicalize(p).ok()?;
            Some(Root { dir: absolute.is_dir(), absolute, given: p.clone() })
        })
        .collect();
    let (raw_tx, raw_rx) = mpsc::channel::<PathBuf>();
    let handler = move |res: notify::Result<notify::Event>| {
        // Reading a file is an event too (open, access, close): following those would make
        // every re-parse cause the next one.
        if let Ok(event) = res
            && !matches!(event.kind, notify::EventKind::Access(_))
        {
            for p in event.paths {
                let _ = raw_tx.send(p);
            }
        }
    };
    let notifying = if poll { None } else { notify::recommended_watcher(handler.clone()).ok() };
    let (mut watcher, polling): (Box<dyn Watcher + Send>, bool) = match notifying {
        Some(w) => (Box::new(w), false),
        None => (poll_watcher(handler.clone())?, true),
    };
    let mut polling = polling;
    if watch_roots(watcher.as_mut(), &roots).is_err() {
        watcher = poll_watcher(handler)?;
        polling = true;
        watch_roots(watcher.as_mut(), &roots)?;
    }
    std::thread::spawn(move || worker(raw_rx, roots, rules, send));
    Ok(Follower { _watcher: watcher, polling })
}

fn poll_watcher(handler: impl notify::EventHandler + Clone) -> notify::Result<Box<dyn Watcher + Send>> {
    let config = notify::Config::default().with_poll_interval(Duration::from_secs(1)).with_compare_contents(false);
    Ok(Box::new(notify::PollWatcher::new(handler, config)?))
}

fn watch_roots(watcher: &mut dyn Watcher, roots: &[Root]) -> notify::Result<()> {
    // A file is watched through its directory: writers often replace a file by renaming a new
    // one over it, which a watch on the file itself would lose.
    let mut dirs = BTreeSet::new();
    for root in roots {
        if root.dir {
            watcher.watch(&root.absolute, RecursiveMode::Recursive)?;
        } else if let Some(parent) = root.absolute.parent() {
            dirs.insert(parent.to_path_buf());
        }
    }
    for dir in dirs {
        watcher.watch(&dir, RecursiveMode::NonRecursive)?;
    }
    Ok(())
}

fn worker(rx: mpsc::Receiver<PathBuf>, roots: Vec<Root>, rules: Arc<Rules>, send: impl Fn(FileEvent) -> bool) {
    while let Ok(first) = rx.recv() {
        let mut changed = BTreeSet::from([first]);
        while let Ok(more) = rx.recv_timeout(SETTLE) {
            changed.insert(more);
        }
        for absolute in changed {
            let Some(name) = roots.iter().find_map(|r| r.name(&absolute)) else { continue };
            let event = if !absolute.exists() {
                FileEvent::Removed(name)
            } else if absolute.is_dir() {
                continue;
            } else {
                match parse_file(&absolute, &rules) {
                    Ok(mut story) => {
                        story.path = name;
                        FileEvent::Parsed(Box::new(story))
                    }
                    Err(e) => FileEvent::Failed(name, load::reason(&e)),
                }
            };
            if !send(event) {
                return;
            }
        }
    }
}

/// The reader's action for a file event.
pub fn action(event: FileEvent) -> crate::state::Action {
    use crate::state::{Action, Reload};
    match event {
        FileEvent::Parsed(story) => Action::Reloaded(Reload(Arc::new(*story))),
        FileEvent::Failed(path, reason) => Action::ReloadFailed(path, reason),
        FileEvent::Removed(path) => Action::FileGone(path),
    }
}
