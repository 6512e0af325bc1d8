//! The "All stories" timeline: every timed entry of every open story in one story of its own,
//! ordered by resolved date-time (entries whose date is unknown after, by clock), so that
//! tags (folded, so they merge across outlets), search, time jumps and the go-to prompt work
//! on it as on any story. Each entry remembers where it comes from: its row names the story,
//! its text is shown as in its own story, and `Enter` opens it there.
//!
//! It is kept, not recomputed: built by slices when first shown (the first slice on the key,
//! the rest on the steps the event loop applies between keys, as a search's), and then
//! changed in place when stories change (`timeline.rs`) — a reloaded story costs its own
//! entries, not a rebuild. While the first build runs the timeline pane says how far it is;
//! nothing partial is ever shown as the timeline.

mod timeline;

use super::Reader;
use crate::model::Story;
use std::collections::BTreeSet;
use timeline::GONE;
pub use timeline::Merged;

/// A short name for a story in merged rows: its outlet, else its file name.
pub fn story_label(story: &Story) -> String {
    story.outlet.clone().unwrap_or_else(|| {
        story
            .path
            .file_stem()
            .map_or_else(|| story.title.clone(), |s| crate::text::escape_path(std::path::Path::new(s)).into_owned())
    })
}

/// Text copied by a slice of a build, in search slices: copying reads text faster than a
/// search does.
const COPY_SHARE: usize = 4;

/// Text of emptied entries from which the merged timeline is built anew (by slices, the old
/// one shown meanwhile), when it is also more than half of its text.
const WASTE_FROM: usize = 16 << 20;

/// A build of the merged timeline under way.
pub(super) struct Build {
    /// Its steps are [`super::Action::SearchStep`]s of this generation.
    pub(super) generation: u64,
    /// Every timed entry as (story, entry), in the merged order, as the stories were when
    /// the build began.
    order: Vec<(u32, u32)>,
    /// How many of `order` are done.
    next: usize,
    merged: Merged,
    /// Stories changed since the build began: their entries are skipped, and put in at its end.
    dirty: BTreeSet<usize>,
}

/// The merged timeline's upkeep: a build under way, and the stories changed since the
/// timeline shown took them in.
pub(super) struct Upkeep {
    pub(super) build: Option<Build>,
    pub(super) dirty: BTreeSet<usize>,
    /// [`WASTE_FROM`]; 0 (tests): any waste starts a build, to see builds replace a shown
    /// timeline.
    waste_from: usize,
}

impl Default for Upkeep {
    fn default() -> Self {
        Upkeep { build: None, dirty: BTreeSet::new(), waste_from: WASTE_FROM }
    }
}

impl Reader {
    /// The "All stories" row was selected: the merged timeline is brought up to date, or
    /// its build begins.
    pub(super) fn show_merged(&mut self) {
        if self.merged.is_some() {
            self.update_merged();
        } else if self.merge.build.is_none() {
            self.start_build();
        }
    }

    /// Drops the merged timeline (and its build under way): built anew at once when shown
    /// (by slices), else when next shown. The reader needs it when the stories' order
    /// changed, so every origin did; benchmarks, to compare the kept timeline with builds.
    pub fn rebuild_merged(&mut self) {
        self.merged = None;
        self.merge = Upkeep { waste_from: self.merge.waste_from, ..Upkeep::default() };
        if self.all {
            self.start_build();
        }
        self.invalidate_text();
    }

    fn start_build(&mut self) {
        let generation = self.searches.next;
        self.searches.next += 1;
        let order = timeline::order(&self.stories);
        self.merge.build = Some(Build { generation, order, next: 0, merged: Merged::empty(), dirty: BTreeSet::new() });
        self.merge_step(generation, self.searches.slice);
    }

    /// How far the build under way is: (entries done, entries in all).
    pub fn merging(&self) -> Option<(usize, usize)> {
        self.merge.build.as_ref().map(|b| (b.next, b.order.len()))
    }

    /// A slice of the build of `generation` (`budget` as for a search slice); false when
    /// there is no such build.
    pub(super) fn merge_step(&mut self, generation: u64, budget: usize) -> bool {
        let Some(build) = self.merge.build.as_mut().filter(|b| b.generation == generation) else { return false };
        let budget = budget.saturating_mul(COPY_SHARE);
        let mut copied = 0;
        while build.next < build.order.len() && copied < budget {
            let (s, e) = build.order[build.next];
            build.next += 1;
            let (s, e) = (s as usize, e as usize);
            if !build.dirty.contains(&s) {
                copied += build.merged.append(&self.stories[s], s, e, self.views[s].marks[e]);
            }
        }
        if build.next == build.order.len() {
            let build = self.merge.build.take().expect("just stepped");
            self.finish_build(build);
        }
        true
    }

    fn finish_build(&mut self, build: Build) {
        let Build { mut merged, dirty, .. } = build;
        merged.order_as_appended();
        merged.days = self.merged_days(&merged.story);
        if !dirty.is_empty() {
            merged.update(&self.stories, &self.views, &dirty, |e| self.shown_at(e).map(|t| t.date()));
        }
        merged.sync_marks(&self.views);
        merged.view.selected = merged.view.by_rank.last().copied();
        if let Some(old) = self.merged.take() {
            merged.carry(&old);
        }
        // What the old timeline had yet to take in, the build took in.
        self.merge.dirty.clear();
        self.merged = Some(merged);
        self.invalidate_text();
        self.refresh_merged();
    }

    /// Puts the stories changed since into the merged timeline, with the marks their own
    /// stories took meanwhile; starts building it anew when emptied entries hold too much.
    fn update_merged(&mut self) {
        let Some(mut merged) = self.merged.take() else { return };
        let dirty = std::mem::take(&mut self.merge.dirty);
        if !dirty.is_empty() {
            merged.update(&self.stories, &self.views, &dirty, |e| self.shown_at(e).map(|t| t.date()));
        }
        merged.sync_marks(&self.views);
        let limit = match self.merge.waste_from {
            0 => 0,
            from => from.max(merged.story.text.len() / 2),
        };
        let wasteful = merged.waste > limit;
        self.merged = Some(merged);
        self.invalidate_text();
        self.refresh_merged();
        if wasteful && self.merge.build.is_none() {
            self.start_build();
        }
    }

    /// Story `index` changed or arrived: the merged timeline takes it in at the next
    /// [`Reader::settle`] when shown (once for a burst of changes), else when next shown; a
    /// build under way puts it in at its end.
    pub(super) fn merged_changed(&mut self, index: usize) {
        if self.merged.is_some() {
            self.merge.dirty.insert(index);
        }
        if let Some(build) = self.merge.build.as_mut() {
            build.dirty.insert(index);
        }
    }

    fn merged_days(&self, story: &Story) -> Vec<Option<chrono::NaiveDate>> {
        story.entries.iter().map(|e| self.shown_at(e).map(|t| t.date())).collect()
    }

    /// The zone shown changed: the merged entries' days with it.
    pub(super) fn refresh_merged_days(&mut self) {
        if let Some(mut merged) = self.merged.take() {
            merged.days = self.merged_days(&merged.story);
            self.merged = Some(merged);
        }
    }

    pub(super) fn refresh_merged(&mut self) {
        let newest_first = self.order == super::Order::NewestFirst;
        let Some(merged) = self.merged.as_mut() else { return };
        let (story, days) = (&merged.story, &merged.days);
        let looks = (|i: u32| story.entries[i as usize].tag_id, |i: u32| days[i as usize]);
        merged.view.refresh(story, newest_first, looks, &mut self.searches);
    }

    /// Does the work put off while a burst of actions arrives: the matches a search's last
    /// slices found, shown; the stories reloaded since, taken into the merged timeline shown
    /// at once (2,000 new files in a watched folder while "All stories" is shown cost one
    /// update, not 2,000). [`Reader::apply`] calls it before any action but a reload or a
    /// search step; the event loop calls it before drawing.
    pub fn settle(&mut self) {
        self.settle_search();
        self.settle_tells();
        if self.all && self.merged.is_some() && !self.merge.dirty.is_empty() {
            self.update_merged();
            self.refresh_text();
        }
    }

    /// Where a merged entry comes from, when the merged timeline is shown (and its story has
    /// not changed since it was taken in).
    pub fn origin(&self, merged_entry: u32) -> Option<(usize, usize)> {
        let m = self.merged.as_ref().filter(|_| self.all)?;
        let &(s, e) = m.origin.get(merged_entry as usize)?;
        (((s, e) != GONE) && !self.merge.dirty.contains(&(s as usize))).then_some((s as usize, e as usize))
    }

    /// `Enter` on a merged entry: its own story, at that entry.
    pub(super) fn open_origin(&mut self) {
        let Some(sel) = self.view().and_then(|v| v.selected) else { return };
        let Some((s, e)) = self.origin(sel) else { return };
        self.all = false;
        self.current = s;
        let view = &mut self.views[s];
        if !view.visible.contains(&(e as u32)) {
            view.tags.clear();
            view.query.clear();
        }
        view.selected = Some(e as u32);
        view.text_scroll = 0;
        self.refresh(s);
        self.focus = super::Pane::Timeline;
    }
}

impl Merged {
    /// Takes on what the user set on the timeline this one replaces: its tag filter (by
    /// folded tag), query, unread-only filter and selected entry.
    fn carry(&mut self, old: &Merged) {
        let keys: Vec<&str> = old.view.tags.iter().map(|t| old.story.tags[*t as usize].key.as_str()).collect();
        for (i, t) in self.story.tags.iter().enumerate() {
            if keys.contains(&t.key.as_str()) {
                self.view.tags.insert(i as u32);
            }
        }
        self.view.query = old.view.query.clone();
        self.view.unread_only = old.view.unread_only;
        if let Some(sel) = old.view.selected.and_then(|s| old.origin.get(s as usize)).filter(|&&o| o != GONE)
            && let Some(i) = self.find(*sel)
        {
            self.view.selected = Some(i);
        }
    }
}

#[cfg(test)]
mod tests;
