//! One story as the reader sees it: its selected entry, its filters (tags, search query) and
//! text scroll, and what they derive — the entries shown in display order, with a separator
//! row where the day changes. Searching asks the story's index ([`super::index`]) and
//! narrows the previous result while the user types; a search that reads text runs by slices
//! off the keystroke ([`super::search_job`]), and the view shows the matches known so far.

use super::index;
use super::search_job::{Known, Searches};
use crate::model::Story;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// A row of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Entry(u32),
    /// The entries below are of another day.
    Day(NaiveDate),
}

/// What the reader knows of an entry beyond the page: read, new since the reader opened it,
/// edited in place since.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub read: bool,
    pub new: bool,
    pub edited: bool,
}

/// Per entry marks, with the unread and new counts kept up to date as marks change (the
/// story list shows them every frame; 10,000 stories must not be counted each time). Read
/// through `Deref` as a slice; changed only through [`MarkList::set`] and [`MarkList::update`].
#[derive(Debug, Clone, Default)]
pub struct MarkList {
    marks: Vec<Marks>,
    unread: usize,
    new: usize,
    /// The entries without a clock, which the merged timeline leaves out, ascending: usually
    /// none or a few, so indices rather than a flag per entry.
    untimed: Vec<u32>,
    /// How many of `untimed` are unread, and how many are new.
    unread_untimed: usize,
    new_untimed: usize,
}

impl MarkList {
    fn new(n: usize, untimed: Vec<u32>) -> Self {
        MarkList {
            marks: vec![Marks::default(); n],
            unread: n,
            new: 0,
            unread_untimed: untimed.len(),
            new_untimed: 0,
            untimed,
        }
    }

    pub(super) fn set(&mut self, i: usize, m: Marks) {
        let old = std::mem::replace(&mut self.marks[i], m);
        self.unread = self.unread + usize::from(!m.read) - usize::from(!old.read);
        self.new = self.new + usize::from(m.new) - usize::from(old.new);
        if (m.read != old.read || m.new != old.new) && self.untimed.binary_search(&(i as u32)).is_ok() {
            self.unread_untimed = self.unread_untimed + usize::from(!m.read) - usize::from(!old.read);
            self.new_untimed = self.new_untimed + usize::from(m.new) - usize::from(old.new);
        }
    }

    /// One entry more, at the end (the merged timeline grows as stories change).
    pub(super) fn push(&mut self, m: Marks) {
        self.marks.push(m);
        self.unread += usize::from(!m.read);
        self.new += usize::from(m.new);
    }

    /// Entries not read yet.
    pub(super) fn unread(&self) -> usize {
        self.unread
    }

    /// Changes entry `i`'s marks, when there is such an entry.
    pub(super) fn update(&mut self, i: usize, change: impl FnOnce(&mut Marks)) {
        if let Some(mut m) = self.marks.get(i).copied() {
            change(&mut m);
            self.set(i, m);
        }
    }
}

impl std::ops::Deref for MarkList {
    type Target = [Marks];
    fn deref(&self) -> &[Marks] {
        &self.marks
    }
}

/// One story as the reader shows it. Fields are read through the accessors named like them.
#[derive(Debug, Clone)]
pub struct StoryView {
    /// Per entry (same index as the story's entries).
    pub(super) marks: MarkList,
    /// The text an edited entry had before its edit, for `d`.
    pub(super) before_edit: std::collections::HashMap<u32, String>,
    /// The file was deleted; the story stays readable.
    pub(super) gone: bool,
    /// Each entry's identity (see `live::identities`), kept to match the next re-parse.
    pub(super) identities: Vec<(u64, u32)>,
    /// The selected entry (index into the story's entries).
    pub(super) selected: Option<u32>,
    /// Tag filter: folded tag ids; an entry shows when it has any of them.
    pub(super) tags: BTreeSet<u32>,
    /// The search as typed.
    pub(super) query: String,
    /// Only unread entries (and the selected one) are shown.
    pub(super) unread_only: bool,
    pub(super) text_scroll: usize,
    /// Chronological rank of each entry (0 = oldest).
    pub(super) rank: Vec<u32>,
    /// Entries from oldest to newest.
    pub(super) by_rank: Vec<u32>,
    /// Entries with a clock (those the merged timeline shows), counted once per parse.
    pub(super) timed: usize,
    /// Built on the first search, or in the background from the start for a big story
    /// ([`StoryView::start_index`]): a page re-read every few seconds while nobody searches
    /// it costs no index.
    pub(super) index: index::Slot,
    /// Results of the queries typed so far, each narrowing the one before.
    pub(super) searches: Vec<(String, index::Found)>,
    /// The search under way, when the last query typed is not answered yet.
    pub(super) job: Option<super::search_job::Job>,
    /// Entries shown, in display order.
    pub(super) visible: Vec<u32>,
    pub(super) rows: Vec<Row>,
}

impl StoryView {
    pub(super) fn new(story: &Story) -> Self {
        let n = story.entries.len() as u32;
        let all_dated = story.entries.iter().all(|e| e.at.is_some());
        let mut by_rank: Vec<u32> = (0..n).rev().collect();
        if all_dated {
            // Oldest first; equal times keep the page's order (newest first on the page).
            by_rank.sort_by_key(|&i| (story.entries[i as usize].at.map(|a| a.sort_key()), std::cmp::Reverse(i)));
        }
        let mut rank = vec![0; n as usize];
        for (r, &i) in by_rank.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        let newest = by_rank.last().copied();
        let untimed: Vec<u32> = (0..n).filter(|&i| story.entries[i as usize].clock.is_none()).collect();
        let untimed_count = untimed.len();
        StoryView {
            marks: MarkList::new(n as usize, untimed),
            before_edit: std::collections::HashMap::new(),
            gone: false,
            identities: super::live::identities(story),
            selected: newest,
            tags: BTreeSet::new(),
            query: String::new(),
            unread_only: false,
            text_scroll: 0,
            rank,
            by_rank,
            timed: n as usize - untimed_count,
            index: index::Slot::None,
            searches: Vec::new(),
            job: None,
            visible: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// Per entry (same index as the story's entries): read, new, edited.
    pub fn marks(&self) -> &[Marks] {
        &self.marks
    }
    /// The text an edited entry had before its edit, for `d`.
    pub fn before_edit(&self) -> &std::collections::HashMap<u32, String> {
        &self.before_edit
    }
    /// The file was deleted; the story stays readable.
    pub fn gone(&self) -> bool {
        self.gone
    }
    /// The selected entry (index into the story's entries).
    pub fn selected(&self) -> Option<u32> {
        self.selected
    }
    /// Tag filter: folded tag ids; an entry shows when it has any of them.
    pub fn tags(&self) -> &BTreeSet<u32> {
        &self.tags
    }
    /// The search as typed.
    pub fn query(&self) -> &str {
        &self.query
    }
    /// The first line of the text pane shown.
    pub fn text_scroll(&self) -> usize {
        self.text_scroll
    }
    /// Entries shown, in display order.
    pub fn visible(&self) -> &[u32] {
        &self.visible
    }
    /// Rows of the timeline: entries and day separators.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub fn rank(&self, entry: u32) -> u32 {
        self.rank[entry as usize]
    }

    /// Entries from oldest to newest.
    pub fn chronological(&self) -> &[u32] {
        &self.by_rank
    }

    /// Entries with a clock: those the merged timeline shows.
    pub fn timed(&self) -> usize {
        self.timed
    }

    pub fn unread(&self) -> usize {
        self.marks.unread
    }

    /// Unread entries with a clock: those the merged timeline shows unread.
    pub fn unread_timed(&self) -> usize {
        self.marks.unread - self.marks.unread_untimed
    }

    pub fn new_count(&self) -> usize {
        self.marks.new
    }

    /// New entries with a clock: those the merged timeline shows new.
    pub fn new_timed(&self) -> usize {
        self.marks.new - self.marks.new_untimed
    }

    /// The newest entry, whatever the filters.
    pub fn newest(&self) -> Option<u32> {
        self.by_rank.last().copied()
    }

    pub fn has_filters(&self) -> bool {
        !self.tags.is_empty() || !self.query.is_empty() || self.unread_only
    }

    /// Only unread entries are shown.
    pub fn unread_only(&self) -> bool {
        self.unread_only
    }

    /// Starts building a big story's search index in the background (a small one's is built
    /// on its first search).
    pub(super) fn start_index(&mut self, story: &Story) {
        if matches!(self.index, index::Slot::None) && story.text.len() > index::BACKGROUND_FROM {
            self.index = index::Slot::start(story);
        }
    }

    /// Stops a background index build: before the story it reads is replaced.
    pub(super) fn stop_index(&mut self) {
        self.index.stop();
    }

    /// The search index is built (or there is none being built).
    pub fn index_ready(&self) -> bool {
        self.index.is_ready()
    }

    /// Recomputes what is shown. `newest_first` sets the order, `day_of` the date an entry is
    /// shown on (it depends on the zone shown), `tag_of` an entry's folded tag id. A search
    /// under way shows the entries known to match so far (see `search_job`).
    pub(super) fn refresh(
        &mut self,
        story: &Story,
        newest_first: bool,
        (tag_of, day_of): (impl Fn(u32) -> Option<u32>, impl Fn(u32) -> Option<NaiveDate>),
        searches: &mut Searches,
    ) {
        let n = self.rank.len();
        let mut keep = vec![true; n];
        let mut keep_only = |matches: &mut dyn Iterator<Item = u32>| {
            keep = vec![false; n];
            for i in matches {
                keep[i as usize] = true;
            }
        };
        let searching = match self.search_matches(story, newest_first, searches) {
            Known::Nothing => false,
            Known::All(matches) => {
                keep_only(&mut matches.iter().copied());
                false
            }
            Known::Some(job) => {
                keep_only(&mut job.matches());
                true
            }
        };
        let tags = &self.tags;
        let unread = |i: u32| !self.unread_only || !self.marks[i as usize].read || self.selected == Some(i);
        let shown = |i: &u32| {
            keep[*i as usize] && (tags.is_empty() || tag_of(*i).is_some_and(|t| tags.contains(&t))) && unread(*i)
        };
        self.visible = if newest_first {
            self.by_rank.iter().rev().filter(|i| shown(i)).copied().collect()
        } else {
            self.by_rank.iter().filter(|i| shown(i)).copied().collect()
        };
        self.rows.clear();
        self.rows.reserve(self.visible.len() + 16);
        let mut last_day = None;
        for &i in &self.visible {
            let day = day_of(i);
            if let Some(d) = day
                && day != last_day
            {
                self.rows.push(Row::Day(d));
                last_day = day;
            }
            self.rows.push(Row::Entry(i));
        }
        // While a search runs, an entry not known to match yet may still: it stays selected
        // until the answer is whole.
        let known = self.selected.is_none_or(|s| keep[s as usize]);
        if !searching || known {
            self.keep_selection_visible();
        }
    }

    /// When the selected entry is filtered out, select the visible one nearest in time.
    fn keep_selection_visible(&mut self) {
        let Some(sel) = self.selected else {
            self.selected = self.visible.first().copied();
            return;
        };
        if self.visible.is_empty() || self.visible.contains(&sel) {
            return;
        }
        let r = self.rank(sel) as i64;
        self.selected = self.visible.iter().copied().min_by_key(|&i| (self.rank(i) as i64 - r).abs());
    }

    /// Position of the selected entry in `visible`.
    pub fn selected_position(&self) -> Option<usize> {
        let sel = self.selected?;
        self.visible.iter().position(|&i| i == sel)
    }

    /// Row of the selected entry in `rows`.
    pub fn selected_row(&self) -> Option<usize> {
        let sel = self.selected?;
        self.rows.iter().position(|r| *r == Row::Entry(sel))
    }

    pub(super) fn select_position(&mut self, position: usize) {
        if let Some(&i) = self.visible.get(position) {
            if self.selected != Some(i) {
                self.text_scroll = 0;
            }
            self.selected = Some(i);
        }
    }
}

/// The first row shown in a list of `len` rows `height` high so that `selected` is visible,
/// kept near the middle: a pure function of the state, so rendering needs no memory of the
/// last frame.
pub fn list_offset(len: usize, selected: usize, height: usize) -> usize {
    if len <= height || height == 0 {
        return 0;
    }
    selected.saturating_sub(height / 2).min(len - height)
}
