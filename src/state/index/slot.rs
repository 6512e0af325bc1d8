//! Where a story's search index is: not built, being built by a thread started once the
//! reader's first screen is up (a big story), being built by slices (a story searched before
//! it had one), or ready; and the thread's lending of the story it reads.

use super::{SearchIndex, Story};
use crate::model::Entry;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;

/// A story's text and entries lent to the thread building their index.
struct Lent {
    text: *const str,
    entries: *const [Entry],
}

// SAFETY: the pointers are only read, by the one thread they are sent to; see `Slot::start`
// for why what they point to outlives that thread and does not change while it runs.
unsafe impl Send for Lent {}

/// A background build: raising `stop` makes it end at its next chunk; dropping it waits.
pub(in crate::state) struct Building {
    handle: Option<JoinHandle<Option<SearchIndex>>>,
    stop: Arc<AtomicBool>,
}

impl Building {
    fn finish(mut self) -> Option<SearchIndex> {
        self.handle.take().and_then(|h| h.join().ok().flatten())
    }
}

impl Drop for Building {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// A story's index: not built, being built in the background, or ready.
#[derive(Default)]
pub(in crate::state) enum Slot {
    #[default]
    None,
    Building(Building),
    /// Built by slices (see `Slot::advance`): entries before the number are filled.
    Partial(SearchIndex, usize),
    Ready(SearchIndex),
}

impl std::fmt::Debug for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Slot::None => "None",
            Slot::Building(_) => "Building",
            Slot::Partial(..) => "Partial",
            Slot::Ready(_) => "Ready",
        })
    }
}

impl Clone for Slot {
    /// A copy of a view searches with a copy of a ready index, else builds its own.
    fn clone(&self) -> Self {
        match self {
            Slot::Ready(index) => Slot::Ready(index.clone()),
            _ => Slot::None,
        }
    }
}

impl Slot {
    /// Starts building `story`'s index on a thread of its own.
    ///
    /// The thread reads the story's text and entries through pointers to their heap buffers,
    /// which stay where they are when the `Story` value itself moves (a `Vec` of stories
    /// growing). The reader never changes a story's text or entries in place; it replaces or
    /// drops a story only after its view, whose slot raises `stop` and joins the thread when
    /// dropped or replaced ([`Slot::stop`], and `Reader`'s `Drop`).
    pub(in crate::state) fn start(story: &Story) -> Slot {
        let lent =
            Lent { text: story.text.as_str() as *const str, entries: story.entries.as_slice() as *const [Entry] };
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let spawned = std::thread::Builder::new().name("search-index".into()).spawn(move || {
            let lent = lent;
            // SAFETY: see above — the buffers outlive this thread and are not written meanwhile.
            let (text, entries) = unsafe { (&*lent.text, &*lent.entries) };
            SearchIndex::build(text, entries, &flag)
        });
        match spawned {
            Ok(handle) => Slot::Building(Building { handle: Some(handle), stop }),
            // No thread to be had: the first search builds it.
            Err(_) => Slot::None,
        }
    }

    /// Stops a background build (its thread is joined); a ready index stays.
    pub(in crate::state) fn stop(&mut self) {
        if matches!(self, Slot::Building(_)) {
            *self = Slot::None;
        }
    }

    /// Builds a slice more of the index, `budget` bytes of folded text (a build in the
    /// background is waited for instead); true once the index is whole. A search started
    /// before the index is whole goes on with it by slices: the first search of "All
    /// stories" (100,000 entries, 164 MB of text) does not hold up its key.
    pub(in crate::state) fn advance(&mut self, story: &Story, budget: usize) -> bool {
        match self {
            Slot::Ready(_) => return true,
            Slot::Building(_) => {
                self.get(story);
                return true;
            }
            Slot::None => *self = Slot::Partial(SearchIndex::empty(story.entries.len()), 0),
            Slot::Partial(..) => {}
        }
        let Slot::Partial(index, done) = self else { unreachable!("just made partial") };
        *done = index.fill_from(&story.text, &story.entries, *done, budget);
        if *done < story.entries.len() {
            return false;
        }
        let Slot::Partial(index, _) = std::mem::take(self) else { unreachable!("partial") };
        *self = Slot::Ready(index);
        true
    }

    /// The story now has `n` entries, those from the old count on appended (the merged
    /// timeline grows as stories change): a ready index fills them in by slices, as a first
    /// build does, keeping what it holds of the others.
    pub(in crate::state) fn grow(&mut self, n: usize) {
        match std::mem::take(self) {
            Slot::Ready(mut index) => {
                let done = index.len();
                index.resize(n);
                *self = Slot::Partial(index, done.min(n));
            }
            Slot::Partial(mut index, done) => {
                index.resize(n);
                *self = Slot::Partial(index, done.min(n));
            }
            // A background build reads the entries as they were: built again when needed.
            Slot::None | Slot::Building(_) => {}
        }
    }

    /// The index, built now or waited for when it is not ready yet.
    pub(in crate::state) fn get(&mut self, story: &Story) -> &SearchIndex {
        if let Slot::Partial(..) = self {
            self.advance(story, usize::MAX);
        }
        if let Slot::Building(_) = self {
            let Slot::Building(building) = std::mem::take(self) else { unreachable!() };
            if let Some(index) = building.finish() {
                *self = Slot::Ready(index);
            }
        }
        if !matches!(self, Slot::Ready(_)) {
            let never = AtomicBool::new(false);
            let index = SearchIndex::build(&story.text, &story.entries, &never).expect("never stopped");
            *self = Slot::Ready(index);
        }
        match self {
            Slot::Ready(index) => index,
            _ => unreachable!("just built"),
        }
    }

    /// The background build is done (or there is none to wait for).
    pub fn is_ready(&self) -> bool {
        match self {
            Slot::Building(b) => b.handle.as_ref().is_none_or(|h| h.is_finished()),
            _ => true,
        }
    }
}
