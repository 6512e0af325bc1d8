//! One story as the reader sees it: its selected entry, its filters (tags, search query) and
//! text scroll, and what they derive — the entries shown in display order, with a separator
//! row where the day changes. Searching uses a folded copy of each entry's text, built once,
//! and narrows the previous result while the user types, so a keystroke stays cheap on a
//! blog of 100,000 entries.

use crate::model::{Story, fold_bytes_into};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::BTreeSet;

/// A row of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Entry(u32),
    /// The entries below are of another day.
    Day(NaiveDate),
}

/// The folded text of every entry (tag, headline, body), one block an entry, with a small
/// signature of each block — which bytes and (hashed) byte pairs it holds — so that a query
/// skips most entries that cannot hold it without reading their text.
#[derive(Debug, Default, Clone)]
struct SearchIndex {
    /// Folded text, as bytes: the search works on bytes.
    text: Vec<u8>,
    /// Entry `i` is `text[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
    signatures: Vec<Signature>,
    /// The first `HEAD` bytes of every entry side by side (zero-padded): most matches are
    /// found there, in memory read in order, before an entry's own text is touched.
    heads: Vec<u8>,
}

const HEAD: usize = 128;

/// Bytes present (256 bits, exact) and byte pairs present (256 bits, hashed) in a text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Signature {
    bytes: [u64; 4],
    pairs: [u64; 4],
}

impl Signature {
    fn of(text: &[u8]) -> Signature {
        let mut sig = Signature::default();
        let set = |bits: &mut [u64; 4], n: usize| bits[n >> 6] |= 1 << (n & 63);
        for &b in text {
            set(&mut sig.bytes, usize::from(b));
        }
        for pair in text.windows(2) {
            set(&mut sig.pairs, pair_bit(pair[0], pair[1]));
        }
        sig
    }

    /// Whether a text with this signature may hold a text with `needle`'s.
    fn may_hold(&self, needle: &Signature) -> bool {
        (0..4).all(|i| {
            self.bytes[i] & needle.bytes[i] == needle.bytes[i] && self.pairs[i] & needle.pairs[i] == needle.pairs[i]
        })
    }
}

fn pair_bit(a: u8, b: u8) -> usize {
    ((u32::from(a) << 8 | u32::from(b)).wrapping_mul(0x9E37_79B1) >> 24) as usize
}

impl SearchIndex {
    fn build(story: &Story) -> Self {
        let mut text = Vec::with_capacity(story.text.len() * 3 / 4);
        let mut starts = Vec::with_capacity(story.entries.len() + 1);
        for e in story.entry_refs() {
            starts.push(text.len());
            let fields = e.tag().into_iter().chain(e.headline()).chain(e.body());
            for field in fields {
                fold_bytes_into(field, &mut text);
                // A line break between fields: a query (one line) cannot match across them.
                text.push(b'\n');
            }
        }
        starts.push(text.len());
        let sign = |w: &[usize]| Signature::of(&text[w[0]..w[1]]);
        // Rayon's workers spin a while after each job: not worth it for a page re-read every
        // few seconds, only for a big one.
        let signatures = if text.len() > (4 << 20) {
            starts.par_windows(2).map(sign).collect()
        } else {
            starts.windows(2).map(sign).collect()
        };
        let mut heads = vec![0u8; (starts.len() - 1) * HEAD];
        for (i, w) in starts.windows(2).enumerate() {
            let n = (w[1] - w[0]).min(HEAD);
            heads[i * HEAD..i * HEAD + n].copy_from_slice(&text[w[0]..w[0] + n]);
        }
        SearchIndex { text, starts, signatures, heads }
    }

    fn entry(&self, i: u32) -> &[u8] {
        &self.text[self.starts[i as usize]..self.starts[i as usize + 1]]
    }

    /// The entries among `candidates` whose text holds `query` (folded), in parallel.
    fn matching(&self, query: &str, candidates: &[u32]) -> Vec<u32> {
        let finder = memchr::memmem::Finder::new(query.as_bytes());
        let needle = Signature::of(query.as_bytes());
        // A one-byte query is answered by the signatures alone: their byte sets are exact.
        if query.len() == 1 {
            return candidates.iter().copied().filter(|&i| self.signatures[i as usize].may_hold(&needle)).collect();
        }
        let test = |&i: &u32| {
            let i_ = i as usize;
            self.signatures[i_].may_hold(&needle)
                && (finder.find(&self.heads[i_ * HEAD..(i_ + 1) * HEAD]).is_some()
                    || (self.starts[i_ + 1] - self.starts[i_] > HEAD && finder.find(self.entry(i)).is_some()))
        };
        // Each test is a cache miss or two; on a big story the cores share them.
        if candidates.len() < 20_000 {
            return candidates.iter().copied().filter(test).collect();
        }
        candidates
            .par_chunks(8192)
            .flat_map_iter(|chunk| chunk.iter().copied().filter(test).collect::<Vec<_>>())
            .collect()
    }
}

/// What the reader knows of an entry beyond the page: read, new since the reader opened it,
/// edited in place since.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub read: bool,
    pub new: bool,
    pub edited: bool,
}

/// One story as the reader shows it. Fields are read through the accessors named like them.
#[derive(Debug, Clone)]
pub struct StoryView {
    /// Per entry (same index as the story's entries).
    pub(super) marks: Vec<Marks>,
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
    rank: Vec<u32>,
    /// Entries from oldest to newest.
    by_rank: Vec<u32>,
    /// Built on the first search (or up front by [`StoryView::build_index`]): a page re-read
    /// every few seconds while nobody searches it costs no index.
    index: Option<SearchIndex>,
    /// Results of the queries typed so far, each narrowing the one before.
    searches: Vec<(String, Vec<u32>)>,
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
        StoryView {
            marks: vec![Marks::default(); n as usize],
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
            index: None,
            searches: Vec::new(),
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

    pub fn unread(&self) -> usize {
        self.marks.iter().filter(|m| !m.read).count()
    }

    pub fn new_count(&self) -> usize {
        self.marks.iter().filter(|m| m.new).count()
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

    /// Builds the search index now rather than on the first search.
    pub(super) fn build_index(&mut self, story: &Story) {
        if self.index.is_none() {
            self.index = Some(SearchIndex::build(story));
        }
    }

    /// The entries matching the search, or `None` with no search.
    fn search_matches(&mut self, story: &Story) -> Option<&[u32]> {
        let query = crate::model::fold(&self.query);
        if query.is_empty() {
            self.searches.clear();
            return None;
        }
        // Drop results of queries the current one does not extend (after a backspace).
        while self.searches.last().is_some_and(|(q, _)| !query.contains(q.as_str())) {
            self.searches.pop();
        }
        if self.searches.last().is_none_or(|(q, _)| *q != query) {
            self.build_index(story);
            let index = self.index.as_ref().expect("just built");
            let found = match self.searches.last() {
                Some((_, previous)) => index.matching(&query, previous),
                None => {
                    let all: Vec<u32> = (0..self.rank.len() as u32).collect();
                    index.matching(&query, &all)
                }
            };
            self.searches.push((query, found));
        }
        self.searches.last().map(|(_, m)| m.as_slice())
    }

    /// Recomputes what is shown. `newest_first` sets the order, `day_of` the date an entry is
    /// shown on (it depends on the zone shown), `tag_of` an entry's folded tag id.
    pub(super) fn refresh(
        &mut self,
        story: &Story,
        newest_first: bool,
        tag_of: impl Fn(u32) -> Option<u32>,
        day_of: impl Fn(u32) -> Option<NaiveDate>,
    ) {
        let n = self.rank.len();
        let mut keep = vec![true; n];
        if self.search_matches(story).is_some()
            && let Some((_, matches)) = self.searches.last()
        {
            keep = vec![false; n];
            for &i in matches {
                keep[i as usize] = true;
            }
        }
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
        self.keep_selection_visible();
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
