//! Following files as they are rewritten. `notify-debouncer-full` (inotify and friends, or
//! its `PollWatcher` with `--poll` and where notification cannot start) reports changes under
//! the opened files and directories; each change is released a fixed time after it happened,
//! so a writer that never pauses is still seen several times a second. A thread of our own
//! starts the watch (a big tree takes time to watch, and the reader must open at once),
//! gathers what is already waiting into one batch, re-reads each changed file once, in
//! parallel, off the UI thread, and hands the results on. Links are not followed: the watcher
//! sees what the loader reads, no more (a link to `/` must not make it walk the disk).

use crate::load;
use crate::load::parse_file;
use crate::model::Story;
use crate::parse::Rules;
use notify_debouncer_full::notify::{self, RecursiveMode, Watcher};
use notify_debouncer_full::{DebounceEventResult, Debouncer, NoCache, new_debouncer_opt};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

/// What became of a watched file.
#[derive(Debug)]
pub enum FileEvent {
    /// Parsed again, or a new live-blog file (`.txt`, `.html`…) in a watched directory.
    Parsed(Box<Story>),
    /// Could not be read or decoded this time (perhaps half-written).
    Failed(PathBuf, String),
    /// Deleted.
    Removed(PathBuf),
    /// The watch could not start: the files are shown as they were read.
    NotFollowing(String),
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
            crate::load::is_story_file(rel).then(|| self.given.join(rel))
        } else {
            (absolute == self.absolute).then(|| self.given.clone())
        }
    }
}

/// What reaches the worker: changed paths from the debouncer, or the end.
enum Msg {
    Changed(Vec<PathBuf>),
    Stop,
}

/// Keeps the watch alive; dropping it stops following.
pub struct Follower {
    to_worker: mpsc::Sender<Msg>,
    ready: mpsc::Receiver<bool>,
    polling: Option<bool>,
}

impl Follower {
    /// Waits (at most `limit`) until the watch is in place; then whether files are polled.
    /// `None` when it is not in place yet or could not start.
    pub fn ready(&mut self, limit: Duration) -> Option<bool> {
        if self.polling.is_none() {
            self.polling = self.ready.recv_timeout(limit).ok();
        }
        self.polling
    }
}

impl Drop for Follower {
    fn drop(&mut self) {
        let _ = self.to_worker.send(Msg::Stop);
    }
}

/// How long after a change the file is read: a writer's several writes become one read.
/// Every change is released this long after it happened, however many follow it.
const SETTLE: Duration = Duration::from_millis(200);

/// How often files are polled with `--poll`.
const POLL_EVERY: Duration = Duration::from_secs(1);

/// Starts following `paths`; each result goes to `send`, from a worker thread, which ends
/// when `send` returns false or the `Follower` is dropped. With `poll`, files are polled once
/// a second even where notification is available (network file systems often notify nothing).
pub fn follow(
    paths: &[PathBuf],
    rules: Arc<Rules>,
    poll: bool,
    send: impl Fn(FileEvent) -> bool + Send + 'static,
) -> Follower {
    let paths = paths.to_vec();
    let (to_worker, rx) = mpsc::channel();
    let (ready_tx, ready) = mpsc::channel();
    let tx = to_worker.clone();
    std::thread::spawn(move || {
        let roots: Vec<Root> = paths
            .iter()
            .filter_map(|p| {
                let absolute = std::fs::canonicalize(p).ok()?;
                Some(Root { dir: absolute.is_dir(), absolute, given: p.clone() })
            })
            .collect();
        // Notification can fail to start (no inotify watches left): polling still works.
        let notifying = if poll { None } else { start::<notify::RecommendedWatcher>(&roots, tx.clone()).ok() };
        let (_watch, polling) = match notifying {
            Some(w) => (w, false),
            None => match start::<notify::PollWatcher>(&roots, tx) {
                Ok(w) => (w, true),
                Err(e) => {
                    send(FileEvent::NotFollowing(e.to_string()));
                    return;
                }
            },
        };
        let _ = ready_tx.send(polling);
        worker(rx, &roots, &rules, send);
    });
    Follower { to_worker, ready, polling: None }
}

/// A running watch, kept alive for as long as the worker runs.
type Watch = Box<dyn std::any::Any + Send>;

fn start<W: Watcher + Send + 'static>(roots: &[Root], tx: mpsc::Sender<Msg>) -> notify::Result<Watch> {
    let config = notify::Config::default()
        .with_follow_symlinks(false)
        .with_poll_interval(POLL_EVERY)
        .with_compare_contents(false);
    let handler = move |result: DebounceEventResult| {
        // Reading a file is an event too (open, access, close): following those would make
        // every re-parse cause the next one.
        let Ok(events) = result else { return };
        let mut paths = Vec::new();
        for event in events.into_iter().map(|e| e.event) {
            match event.kind {
                notify::EventKind::Access(_) => {}
                // Files written into a new folder before its watch was in place send nothing:
                // the folder is read whole.
                notify::EventKind::Create(_) => {
                    for path in event.paths {
                        if path.symlink_metadata().is_ok_and(|m| m.is_dir()) {
                            paths.extend(
                                walkdir::WalkDir::new(&path).into_iter().flatten().map(walkdir::DirEntry::into_path),
                            );
                        }
                        paths.push(path);
                    }
                }
                _ => paths.extend(event.paths),
            }
        }
        if !paths.is_empty() {
            let _ = tx.send(Msg::Changed(paths));
        }
    };
    // No file-id cache: building one walks every watched tree following links.
    let mut debouncer: Debouncer<W, NoCache> = new_debouncer_opt(SETTLE, None, handler, NoCache, config)?;
    // A file is watched through its directory: writers often replace a file by renaming a new
    // one over it, which a watch on the file itself would lose.
    let mut dirs = BTreeSet::new();
    for root in roots {
        if root.dir {
            debouncer.watch(&root.absolute, RecursiveMode::Recursive)?;
        } else if let Some(parent) = root.absolute.parent() {
            dirs.insert(parent.to_path_buf());
        }
    }
    for dir in dirs {
        debouncer.watch(&dir, RecursiveMode::NonRecursive)?;
    }
    Ok(Box::new(debouncer))
}

fn worker(rx: mpsc::Receiver<Msg>, roots: &[Root], rules: &Rules, send: impl Fn(FileEvent) -> bool) {
    while let Ok(first) = rx.recv() {
        // Whatever is already waiting joins this batch: a burst of changes is read once per
        // file, however many events it caused.
        let mut changed = BTreeSet::new();
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            match msg {
                Msg::Changed(paths) => changed.extend(paths),
                Msg::Stop => return,
            }
        }
        let changed: Vec<PathBuf> = changed.into_iter().collect();
        let events: Vec<FileEvent> = changed.par_iter().filter_map(|absolute| read(absolute, roots, rules)).collect();
        for event in events {
            if !send(event) {
                return;
            }
        }
    }
}

fn read(absolute: &Path, roots: &[Root], rules: &Rules) -> Option<FileEvent> {
    let name = roots.iter().find_map(|r| r.name(absolute))?;
    Some(if !absolute.exists() {
        FileEvent::Removed(name)
    } else if absolute.is_dir() {
        return None;
    } else {
        match parse_file(absolute, rules) {
            Ok(mut story) => {
                story.path = name;
                FileEvent::Parsed(Box::new(story))
            }
            Err(e) => FileEvent::Failed(name, load::reason(&e)),
        }
    })
}

/// The reader's action for a file event.
pub fn action(event: FileEvent) -> crate::state::Action {
    use crate::state::{Action, Reload};
    match event {
        FileEvent::Parsed(story) => Action::Reloaded(Reload(Arc::new(*story))),
        FileEvent::Failed(path, reason) => Action::ReloadFailed(path, reason),
        FileEvent::Removed(path) => Action::FileGone(path),
        FileEvent::NotFollowing(why) => Action::Message(format!("not following changes: {why}")),
    }
}
