//! The merged timeline's data and how it changes without being built again: entries are
//! copied in (with their text) and never move, so every index the view keeps (marks, search
//! index, selection) stays valid; the order lives in the view's ranks. A story that changes
//! has its old entries emptied in place (left out of the order, their text counted as waste)
//! and its new ones appended and merged into the order. The order is always the one a full
//! build gives: newest first by [`Key`], ties by (story, entry) index.

use super::super::{Marks, StoryView};
use crate::model::{Entry, Span, Story, Tag};
use chrono::NaiveDate;
use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

/// The origin of an emptied entry: no story has that many.
pub(super) const GONE: (u32, u32) = (u32::MAX, u32::MAX);

/// An entry's place in the merged order, smallest first: dated entries by instant, newest
/// first, then the undated by clock, latest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Key(u8, Reverse<i64>);

/// The key of an entry the merged timeline shows (one with a clock).
pub(super) fn key(e: &Entry) -> Option<Key> {
    let clock = e.clock?;
    Some(match e.at {
        Some(at) => Key(0, Reverse(at.sort_key())),
        None => Key(1, Reverse(i64::from(clock.minutes()))),
    })
}

/// Every timed entry of `stories` as (story, entry), in the merged order.
pub(super) fn order(stories: &[Story]) -> Vec<(u32, u32)> {
    let mut items: Vec<(Key, u32, u32)> = Vec::new();
    for (s, story) in stories.iter().enumerate() {
        for (e, entry) in story.entries.iter().enumerate() {
            if let Some(k) = key(entry) {
                items.push((k, s as u32, e as u32));
            }
        }
    }
    items.sort_unstable();
    items.into_iter().map(|(_, s, e)| (s, e)).collect()
}

/// The merged story and where each of its entries comes from.
pub struct Merged {
    pub story: Story,
    pub view: StoryView,
    /// For each merged entry: (story index, entry index); [`GONE`] once emptied.
    pub origin: Vec<(u32, u32)>,
    /// Per merged entry, the day it is shown on in the zone shown: a search keystroke must
    /// not convert every date again.
    pub(super) days: Vec<Option<NaiveDate>>,
    /// Per merged entry, its key in the order.
    keys: Vec<Key>,
    /// Per story index, the merged entries copied from it.
    of_story: Vec<Vec<u32>>,
    /// Folded tag key to merged tag id: tags merge across outlets.
    tag_ids: HashMap<String, u32>,
    /// Bytes of text held by emptied entries.
    pub(super) waste: usize,
}

impl Merged {
    pub(super) fn empty() -> Merged {
        let story = Story { path: PathBuf::from("All stories"), title: "All stories".into(), ..Story::default() };
        let view = StoryView::new(&story);
        Merged {
            story,
            view,
            origin: Vec::new(),
            days: Vec::new(),
            keys: Vec::new(),
            of_story: Vec::new(),
            tag_ids: HashMap::new(),
            waste: 0,
        }
    }

    /// Entries held, emptied ones included.
    pub(super) fn len(&self) -> usize {
        self.origin.len()
    }

    /// The merged entry copied from entry `e` of story `s`.
    pub(super) fn find(&self, (s, e): (u32, u32)) -> Option<u32> {
        self.of_story.get(s as usize)?.iter().copied().find(|&i| self.origin[i as usize] == (s, e))
    }

    /// Where entry `i` sorts: smaller is newer.
    fn full_key(&self, i: u32) -> (Key, (u32, u32)) {
        (self.keys[i as usize], self.origin[i as usize])
    }

    /// Copies entry `e` of story `s` (`source`) in, at the end; returns the bytes of text copied.
    pub(super) fn append(&mut self, source: &Story, s: usize, e: usize, marks: Marks) -> usize {
        let before = self.story.text.len();
        let from = source.entry(e);
        let text = &mut self.story.text;
        let mut copy = |s: &str| {
            let start = text.len();
            text.push_str(s);
            Span::new(start, text.len())
        };
        let mut new = Entry {
            clock: from.entry.clock,
            zone: from.entry.zone,
            at: from.entry.at,
            updated: from.entry.updated,
            line: from.entry.line,
            ..Entry::default()
        };
        if let (Some(tag), Some(info)) = (from.tag(), from.tag_info()) {
            new.tag = Some(copy(tag));
            let next = self.story.tags.len() as u32;
            let tags = &mut self.story.tags;
            let id = *self.tag_ids.entry(info.key.clone()).or_insert_with(|| {
                tags.push(Tag { label: info.label.clone(), key: info.key.clone() });
                next
            });
            new.tag_id = Some(id);
        }
        new.headline = from.headline().map(&mut copy);
        new.body = from.body().map(&mut copy).collect();
        new.captions = from.captions().map(&mut copy).collect();
        new.links = from.links().map(&mut copy).collect();
        let id = self.origin.len() as u32;
        self.keys.push(key(&source.entries[e]).expect("only timed entries are merged"));
        self.story.entries.push(new);
        self.origin.push((s as u32, e as u32));
        self.view.marks.push(marks);
        if self.of_story.len() <= s {
            self.of_story.resize_with(s + 1, Vec::new);
        }
        self.of_story[s].push(id);
        self.story.text.len() - before
    }

    /// Sets the order from entries appended newest first, none emptied (a build's end).
    pub(super) fn order_as_appended(&mut self) {
        let by_rank = (0..self.len() as u32).rev().collect();
        self.set_order(by_rank);
    }

    fn set_order(&mut self, by_rank: Vec<u32>) {
        let view = &mut self.view;
        view.rank = vec![0; self.origin.len()];
        for (r, &i) in by_rank.iter().enumerate() {
            view.rank[i as usize] = r as u32;
        }
        view.timed = by_rank.len();
        view.by_rank = by_rank;
    }

    /// Each entry's marks as its own story has them now (the stories were read while the
    /// merged timeline was not shown, or was being built).
    pub(super) fn sync_marks(&mut self, views: &[StoryView]) {
        for (i, &(s, e)) in self.origin.iter().enumerate() {
            let marks = match views.get(s as usize).and_then(|v| v.marks.get(e as usize)) {
                Some(m) => *m,
                None => continue,
            };
            if self.view.marks[i] != marks {
                self.view.marks.set(i, marks);
            }
        }
    }

    /// Stories `changed` (by index into `stories`, new ones included) replace their entries:
    /// the old ones are emptied and left out of the order, the new ones appended and merged
    /// into it. A search is started again; the selection stays on its entry when the story
    /// still has it (same clock and headline), else on the entry now nearest in the order.
    pub(super) fn update(
        &mut self,
        stories: &[Story],
        views: &[StoryView],
        changed: &BTreeSet<usize>,
        day: impl Fn(&Entry) -> Option<NaiveDate>,
    ) {
        let selected = self.view.selected.filter(|&i| changed.contains(&(self.origin[i as usize].0 as usize)));
        let lost = selected.map(|i| (self.story.entry(i as usize).identity(), self.full_key(i)));
        for &s in changed {
            let ids = self.of_story.get_mut(s).map(std::mem::take).unwrap_or_default();
            for id in ids {
                self.empty_entry(id as usize);
            }
        }
        let mut fresh: Vec<u32> = Vec::new();
        for &s in changed.iter().filter(|&&s| s < stories.len()) {
            for (e, entry) in stories[s].entries.iter().enumerate() {
                if entry.clock.is_some() {
                    fresh.push(self.len() as u32);
                    let marks = views.get(s).and_then(|v| v.marks.get(e)).copied().unwrap_or_default();
                    self.append(&stories[s], s, e, marks);
                    self.days.push(day(entry));
                }
            }
        }
        // Oldest first, as ranks go: the larger key first.
        fresh.sort_unstable_by_key(|&i| Reverse(self.full_key(i)));
        let old = std::mem::take(&mut self.view.by_rank);
        let mut by_rank = Vec::with_capacity(old.len() + fresh.len());
        let mut fresh = fresh.into_iter().peekable();
        for i in old.into_iter().filter(|&i| self.origin[i as usize] != GONE) {
            while let Some(&f) = fresh.peek().filter(|&&f| self.full_key(f) > self.full_key(i)) {
                by_rank.push(f);
                fresh.next();
            }
            by_rank.push(i);
        }
        by_rank.extend(fresh);
        self.set_order(by_rank);
        self.view.index.grow(self.len());
        self.view.searches.clear();
        self.view.job = None;
        if let Some((identity, was)) = lost {
            let same = self.of_story[was.1.0 as usize]
                .iter()
                .copied()
                .find(|&i| self.story.entry(i as usize).identity() == identity);
            self.view.selected = same.or_else(|| self.nearest(was));
        }
    }

    /// Empties entry `i`: its story changed. It keeps its index, holds nothing, and counts
    /// as read so that no count includes it.
    fn empty_entry(&mut self, i: usize) {
        let e = &self.story.entries[i];
        let spans = e.tag.into_iter().chain(e.headline).chain(e.body.iter().copied());
        let spans = spans.chain(e.captions.iter().copied()).chain(e.links.iter().copied());
        self.waste += spans.map(|s| (s.end - s.start) as usize).sum::<usize>();
        self.story.entries[i] = Entry::default();
        self.origin[i] = GONE;
        self.days[i] = None;
        self.view.marks.set(i, Marks { read: true, new: false, edited: false });
    }

    /// The entry now in the order where one of key `was` would be.
    fn nearest(&self, was: (Key, (u32, u32))) -> Option<u32> {
        let by_rank = &self.view.by_rank;
        let at = by_rank.partition_point(|&i| self.full_key(i) > was);
        by_rank.get(at).or(by_rank.last()).copied()
    }

    /// The live entries in the order, newest first, as (story, entry): what a full build
    /// gives for the same stories.
    #[cfg(test)]
    pub(super) fn in_order(&self) -> Vec<(u32, u32)> {
        self.view.by_rank.iter().rev().map(|&i| self.origin[i as usize]).collect()
    }
}
