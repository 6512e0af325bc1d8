//! The "All stories" timeline: every timed entry of every open story in one story of its own,
//! ordered by resolved date-time (entries whose date is unknown after, by clock), so that
//! tags (folded, so they merge across outlets), search, time jumps and the go-to prompt work
//! on it as on any story. Each entry remembers where it comes from: its row names the story,
//! its text is shown as in its own story, and `Enter` opens it there.

use super::{Reader, StoryView};
use crate::model::{Entry, Span, Story, Tag};
use std::collections::HashMap;
use std::path::PathBuf;

/// The merged story and where each of its entries comes from.
pub struct Merged {
    pub story: Story,
    pub view: StoryView,
    /// For each merged entry: (story index, entry index).
    pub origin: Vec<(u32, u32)>,
    /// Per merged entry, the day it is shown on in the zone shown: a search keystroke must
    /// not convert every date again.
    days: Vec<Option<chrono::NaiveDate>>,
}

/// A short name for a story in merged rows: its outlet, else its file name.
pub fn story_label(story: &Story) -> String {
    story.outlet.clone().unwrap_or_else(|| {
        story
            .path
            .file_stem()
            .map_or_else(|| story.title.clone(), |s| crate::text::escape_path(std::path::Path::new(s)).into_owned())
    })
}

pub(crate) fn build(stories: &[Story]) -> (Story, Vec<(u32, u32)>) {
    let mut items: Vec<(u32, u32)> = Vec::new();
    for (s, story) in stories.iter().enumerate() {
        for (e, entry) in story.entries.iter().enumerate() {
            if entry.clock.is_some() {
                items.push((s as u32, e as u32));
            }
        }
    }
    let entry = |&(s, e): &(u32, u32)| &stories[s as usize].entries[e as usize];
    // Newest first, as a page: dated entries by instant, then the undated by clock.
    items.sort_by(|a, b| {
        let (ea, eb) = (entry(a), entry(b));
        match (ea.at, eb.at) {
            (Some(x), Some(y)) => y.sort_key().cmp(&x.sort_key()).then(a.cmp(b)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => eb.clock.cmp(&ea.clock).then(a.cmp(b)),
        }
    });
    let mut merged = Story { path: PathBuf::from("All stories"), title: "All stories".into(), ..Story::default() };
    let mut text = String::new();
    let mut tag_ids: HashMap<String, u32> = HashMap::new();
    let copy = |s: &str, text: &mut String| {
        let start = text.len();
        text.push_str(s);
        Span::new(start, text.len())
    };
    for item in &items {
        let source = &stories[item.0 as usize];
        let e = source.entry(item.1 as usize);
        let mut new = Entry {
            clock: e.entry.clock,
            zone: e.entry.zone,
            at: e.entry.at,
            updated: e.entry.updated,
            line: e.entry.line,
            ..Entry::default()
        };
        if let (Some(tag), Some(info)) = (e.tag(), e.tag_info()) {
            new.tag = Some(copy(tag, &mut text));
            let next = merged.tags.len() as u32;
            let id = *tag_ids.entry(info.key.clone()).or_insert_with(|| {
                merged.tags.push(Tag { label: info.label.clone(), key: info.key.clone() });
                next
            });
            new.tag_id = Some(id);
        }
        new.headline = e.headline().map(|h| copy(h, &mut text));
        new.body = e.body().map(|p| copy(p, &mut text)).collect();
        new.captions = e.captions().map(|p| copy(p, &mut text)).collect();
        new.links = e.links().map(|p| copy(p, &mut text)).collect();
        merged.entries.push(new);
    }
    merged.text = text;
    (merged, items)
}

impl Reader {
    /// (Re)builds the merged story, keeping its filters and, when it can, its selection.
    pub(super) fn rebuild_merged(&mut self) {
        let previous = self.merged.take();
        let (story, origin) = build(&self.stories);
        let mut view = StoryView::new(&story);
        for (i, (s, e)) in origin.iter().enumerate() {
            view.marks.set(i, self.views[*s as usize].marks[*e as usize]);
        }
        if let Some(old) = previous {
            let keys: Vec<&str> = old.view.tags.iter().map(|t| old.story.tags[*t as usize].key.as_str()).collect();
            for (i, t) in story.tags.iter().enumerate() {
                if keys.contains(&t.key.as_str()) {
                    view.tags.insert(i as u32);
                }
            }
            view.query = old.view.query.clone();
            if let Some(sel) = old.view.selected.and_then(|s| old.origin.get(s as usize))
                && let Some(i) = origin.iter().position(|o| o == sel)
            {
                view.selected = Some(i as u32);
            }
        }
        let days = self.merged_days(&story);
        self.merged = Some(Merged { story, view, origin, days });
        self.merged_stale = false;
        self.invalidate_text();
        self.refresh_merged();
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
    /// slices found, shown; the merged timeline, rebuilt once after any number of reloaded
    /// stories (2,000 new files in a watched folder while "All stories" is shown cost one
    /// rebuild, not 2,000). [`Reader::apply`] calls it before any action but a reload or a
    /// search step; the event loop calls it before drawing.
    pub fn settle(&mut self) {
        self.settle_search();
        self.settle_tells();
        if self.merged_stale {
            self.merged_stale = false;
            if self.merged.is_some() {
                self.rebuild_merged();
                self.refresh_text();
            }
        }
    }

    /// Where a merged entry comes from, when the merged timeline is shown.
    pub fn origin(&self, merged_entry: u32) -> Option<(usize, usize)> {
        let m = self.merged.as_ref().filter(|_| self.all)?;
        m.origin.get(merged_entry as usize).map(|&(s, e)| (s as usize, e as usize))
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
