//! A search taken off the keystroke. A query the previous answers do not settle at once
//! becomes a [`Job`]: its candidate entries in display order, tested a slice at a time — the
//! first slice on the keystroke itself, the rest on [`super::Action::SearchStep`]s that the
//! event loop applies while no key is waiting, each naming the job's generation so that a step
//! meant for a search typed over since is dropped. Because the candidates are tested in the
//! order the timeline shows them, the matches found so far are exactly the top of the final
//! list: the first screenful is right after the first slice, and the rest (and the count)
//! follows. The selected entry is tested first, so it stays selected when it matches. A
//! keystroke that extends a query still being searched starts from what that search knows
//! (its matches so far, then its untested candidates), so typing fast never queues work. The
//! state reads no clock and starts no thread for this: a slice is measured in bytes of text
//! read, and [`Reader::finish_searches`] completes every search at once for `frame`, tests and
//! keys that need the whole answer (`n`/`N`).

use super::index::{Found, SearchIndex};
use super::{Reader, StoryView};
use crate::model::Story;
use rayon::prelude::*;

/// How much text (in bytes, signatures and heads counted as a cache miss each) one slice of a
/// search reads: a few milliseconds' work on the two cores this was measured on.
pub const SLICE: usize = 1 << 20;

/// Folding text into the index costs about this many times reading it in a search: a slice
/// of the index's build folds this share of a search slice's bytes.
const BUILD_SHARE: usize = 4;

/// Slices run on rayon's pool when a search has more candidates than this (its workers spin a
/// while after each job: not worth it for a small story), by chunks of `CHUNK`.
const PARALLEL_FROM: usize = 8192;
const CHUNK: usize = 1024;

/// While fewer entries than this are shown, each slice that finds more shows them at once:
/// the first screenful (of any terminal) is the first thing a search gives.
const FIRST_ROWS: usize = 200;

/// The reader's searches: the next generation to hand out, the size of a slice, and the view
/// whose search found more than it shows yet.
#[derive(Debug, Clone, Copy)]
pub(super) struct Searches {
    pub(super) next: u64,
    pub(super) slice: usize,
    stale: Option<Shown>,
}

impl Default for Searches {
    fn default() -> Self {
        Searches { next: 1, slice: SLICE, stale: None }
    }
}

/// A view a search runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Merged,
    Story(usize),
}

/// A search under way in one view.
#[derive(Debug, Clone)]
pub(super) struct Job {
    pub(super) generation: u64,
    /// The query, folded.
    pub(super) query: String,
    /// The display order the candidates are in.
    pub(super) newest_first: bool,
    /// The entries that may hold the query, in display order, each with the first field that
    /// may hold it.
    candidates: Vec<(u32, u16)>,
    /// How many candidates are tested.
    done: usize,
    /// The matches among `candidates[..done]`, in display order.
    pub(super) found: Vec<(u32, u16)>,
    /// The entry selected when the job began, tested first, and its answer.
    selected: Option<(u32, Option<u16>)>,
}

impl Job {
    /// A job for `query` among `candidates` (display order); `selected` is tested first,
    /// once the index is whole ([`Job::test_selected`]).
    pub(super) fn new(
        generation: u64,
        query: String,
        newest_first: bool,
        candidates: Vec<(u32, u16)>,
        selected: Option<u32>,
    ) -> Job {
        let selected = selected.map(|s| (s, None));
        Job { generation, query, newest_first, candidates, done: 0, found: Vec::new(), selected }
    }

    /// Tests the entry selected when the job began, before any other.
    pub(super) fn test_selected(&mut self, index: &SearchIndex, story: &Story) {
        let probe = index.probe(&self.query);
        let candidate = self.selected.and_then(|s| self.candidates.iter().find(|c| c.0 == s.0));
        self.selected = candidate.map(|&c| (c.0, index.test(story, &probe, c, &mut Vec::new(), &mut 0)));
    }

    /// What this job knows, as candidates for a query containing its own: its matches so far,
    /// then what it has not tested yet (a field holding the longer query holds this one, so
    /// the lower bounds carry over).
    pub(super) fn known(&self) -> Vec<(u32, u16)> {
        let mut out = Vec::with_capacity(self.found.len() + self.candidates.len() - self.done);
        out.extend_from_slice(&self.found);
        out.extend_from_slice(&self.candidates[self.done..]);
        out
    }

    /// The entries known to match: those found so far, and the selected entry if it does.
    pub(super) fn matches(&self) -> impl Iterator<Item = u32> + '_ {
        let selected = self.selected.filter(|s| s.1.is_some()).map(|s| s.0);
        self.found.iter().map(|f| f.0).chain(selected)
    }

    /// Every candidate is tested.
    pub(super) fn finished(&self) -> bool {
        self.done == self.candidates.len()
    }

    /// The answer, once finished.
    pub(super) fn answer(&self) -> Found {
        Found::from_pairs(&self.found)
    }

    /// Tests candidates in display order until `budget` bytes are read or none is left.
    pub(super) fn step(&mut self, index: &SearchIndex, story: &Story, budget: usize) {
        let probe = index.probe(&self.query);
        let parallel = self.candidates.len() > PARALLEL_FROM;
        let selected = self.selected;
        let test = |c: (u32, u16), scratch: &mut Vec<u8>, cost: &mut usize| match selected {
            Some((s, answer)) if s == c.0 => answer.map(|f| (c.0, f)),
            _ => index.test(story, &probe, c, scratch, cost).map(|f| (c.0, f)),
        };
        let mut cost = 0;
        let mut scratch = Vec::new();
        while self.done < self.candidates.len() && cost < budget {
            if parallel {
                let end = (self.done + CHUNK).min(self.candidates.len());
                let tested: Vec<(Option<(u32, u16)>, usize)> = self.candidates[self.done..end]
                    .par_iter()
                    .with_min_len(CHUNK / 8)
                    .map_init(Vec::new, |scratch, &c| {
                        let mut cost = 0;
                        (test(c, scratch, &mut cost), cost)
                    })
                    .collect();
                for (hit, c) in tested {
                    self.found.extend(hit);
                    cost += c;
                }
                self.done = end;
            } else {
                let c = self.candidates[self.done];
                self.found.extend(test(c, &mut scratch, &mut cost));
                self.done += 1;
            }
        }
    }
}

/// What a view's search knows now.
pub(super) enum Known<'a> {
    /// No search.
    Nothing,
    /// The exact answer.
    All(&'a [u32]),
    /// A search under way: the entries known to match so far.
    Some(&'a Job),
}

impl StoryView {
    /// What is known of the entries matching the search, starting a search (and running its
    /// first slice) when the query changed.
    pub(super) fn search_matches(&mut self, story: &Story, newest_first: bool, searches: &mut Searches) -> Known<'_> {
        let query = crate::model::fold(&self.query);
        if query.is_empty() {
            self.searches.clear();
            self.job = None;
            return Known::Nothing;
        }
        // Drop results of queries the current one does not contain (after a backspace).
        while self.searches.last().is_some_and(|(q, _)| !query.contains(q.as_str())) {
            self.searches.pop();
        }
        if self.searches.last().is_some_and(|(q, _)| *q == query) {
            self.job = None;
        } else if !self.job.as_ref().is_some_and(|j| j.query == query && j.newest_first == newest_first) {
            self.start_search(story, query, newest_first, searches);
        }
        match (&self.job, self.searches.last()) {
            (Some(job), _) => Known::Some(job),
            (None, Some((_, found))) => Known::All(&found.entries),
            (None, None) => Known::Nothing,
        }
    }

    fn start_search(&mut self, story: &Story, query: String, newest_first: bool, searches: &mut Searches) {
        let display = |keep: &dyn Fn(u32) -> Option<u16>| -> Vec<(u32, u16)> {
            let ranked = self.chronological();
            let pick = |&i: &u32| keep(i).map(|f| (i, f));
            if newest_first {
                ranked.iter().rev().filter_map(pick).collect()
            } else {
                ranked.iter().filter_map(pick).collect()
            }
        };
        // Candidates: what the search under way knows, when the query contains its query and
        // the order is the same; else the matches of the last query answered; else all.
        let from_job = self.job.as_ref().filter(|j| j.newest_first == newest_first && query.contains(j.query.as_str()));
        let candidates = match (from_job, self.searches.last()) {
            (Some(job), _) => job.known(),
            (None, Some((_, found))) => {
                // Indexed by entry, not by rank: a merged timeline's emptied entries keep
                // their index but leave the order, so there are more entries than ranks.
                let mut field = vec![u16::MAX; self.rank.len()];
                for (i, f) in found.pairs() {
                    field[i as usize] = f;
                }
                display(&|i| Some(field[i as usize]).filter(|&f| f != u16::MAX))
            }
            (None, None) => display(&|_| Some(0)),
        };
        let generation = searches.next;
        searches.next += 1;
        let mut job = Job::new(generation, query, newest_first, candidates, self.selected);
        // A story with less text than a slice has its index built now; a bigger one without
        // an index, by slices (the search goes on once it is whole).
        let whole = story.text.len() <= searches.slice;
        if self.index.advance(story, if whole { usize::MAX } else { searches.slice / BUILD_SHARE }) {
            let index = self.index.get(story);
            job.test_selected(index, story);
            // A query the signatures answer reads no text: answered at once, whatever the size.
            let budget = if index.probe(&job.query).signatures_only() { usize::MAX } else { searches.slice };
            job.step(index, story, budget);
        }
        self.job = Some(job);
        self.settle_search();
    }

    /// Runs a slice of this view's search, if it is the one of `generation`; true when it ran.
    pub(super) fn step_search(&mut self, story: &Story, generation: u64, budget: usize) -> bool {
        let Some(job) = self.job.as_mut().filter(|j| j.generation == generation) else { return false };
        if matches!(self.index, super::index::Slot::Partial(..) | super::index::Slot::None) {
            if self.index.advance(story, budget / BUILD_SHARE) {
                job.test_selected(self.index.get(story), story);
            }
        } else {
            job.step(self.index.get(story), story, budget);
        }
        self.settle_search();
        true
    }

    /// A finished search's answer goes with the others.
    fn settle_search(&mut self) {
        if let Some(job) = self.job.take_if(|j| j.finished()) {
            self.searches.push((job.query.clone(), job.answer()));
        }
    }

    /// The generation of this view's search under way.
    pub(super) fn search_generation(&self) -> Option<u64> {
        self.job.as_ref().map(|j| j.generation)
    }

    /// The search is still under way: what is shown is the top of its answer.
    pub fn searching(&self) -> bool {
        self.job.is_some()
    }
}

impl Reader {
    /// The generation of a search under way, the story shown's first, then of the merged
    /// timeline's build: the event loop applies [`Action::SearchStep`] with it while no key
    /// waits.
    pub fn search_pending(&self) -> Option<u64> {
        let shown = self.view().and_then(StoryView::search_generation);
        let merging = self.merge.build.as_ref().map(|b| b.generation);
        shown.or(merging).or_else(|| {
            let merged = self.merged.as_ref().and_then(|m| m.view.search_generation());
            merged.or_else(|| self.views.iter().find_map(StoryView::search_generation))
        })
    }

    /// How many bytes of text a slice of a search reads (tests make it small to see searches
    /// under way on small stories).
    pub fn set_search_slice(&mut self, bytes: usize) {
        self.searches.slice = bytes.max(1);
    }

    /// [`Action::SearchStep`]: a slice of the search of `generation`, wherever it runs; a
    /// step for a search typed over since finds nothing to do. What is shown follows at once
    /// while the top of the list fills up and when the search ends; otherwise at the next
    /// [`Reader::settle`] (before a frame or a key): rebuilding a 100,000-entry timeline after
    /// every slice would slow the search by a fifth.
    pub(super) fn search_step(&mut self, generation: u64, budget: usize) {
        // The same steps build the merged timeline (see `merged`).
        if self.merge_step(generation, budget) {
            return;
        }
        let target = if self.merged.as_ref().is_some_and(|m| m.view.search_generation() == Some(generation)) {
            Shown::Merged
        } else if let Some(i) = self.views.iter().position(|v| v.search_generation() == Some(generation)) {
            Shown::Story(i)
        } else {
            return;
        };
        let view = match target {
            Shown::Merged => self.merged.as_mut().map(|m| (&mut m.view, &m.story)),
            Shown::Story(i) => Some((&mut self.views[i], &self.stories[i])),
        };
        let Some((view, story)) = view else { return };
        let (shown, found) = (view.visible.len(), view.job.as_ref().map_or(0, |j| j.found.len()));
        view.step_search(story, generation, budget);
        let grew = view.job.as_ref().is_some_and(|j| j.found.len() > found);
        if view.searching() && !(grew && shown < FIRST_ROWS) {
            if self.searches.stale.is_some_and(|s| s != target) {
                self.settle_search();
            }
            self.searches.stale = Some(target);
            return;
        }
        self.searches.stale = Some(target);
        self.settle_search();
    }

    /// Shows what the last slices of a search found (see [`Reader::search_step`]).
    pub(super) fn settle_search(&mut self) {
        let Some(target) = self.searches.stale.take() else { return };
        let before = self.view().and_then(|v| v.selected);
        match target {
            Shown::Merged => self.refresh_merged(),
            Shown::Story(i) if i < self.views.len() => self.refresh(i),
            Shown::Story(_) => {}
        }
        // The search ended with the selection elsewhere (it did not match): its first match.
        if self.view().and_then(|v| v.selected) != before {
            self.first_match();
        }
    }

    /// Completes every search under way now.
    pub fn finish_searches(&mut self) {
        self.settle();
        while let Some(generation) = self.search_pending() {
            self.search_step(generation, usize::MAX);
        }
        self.settle_search();
        self.refresh_text();
    }
}

#[cfg(test)]
mod tests;
