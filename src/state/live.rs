//! Following pages that are being rewritten: a re-parsed story replaces the old one with its
//! entries matched by identity (clock + folded headline), so selection, scroll and filters
//! stay; entries that are new or edited are marked; read marks, `u` (next unread), the word
//! diff of an edited entry, and the stories whose file is gone.

use super::{Marks, Reader, StoryView};
use crate::model::Story;
use std::collections::HashMap;
use std::path::Path;

/// Identity of each entry, made unique by counting repeats (two posts with one clock and one
/// headline stay two).
pub fn identities(story: &Story) -> Vec<(u64, u32)> {
    use rayon::prelude::*;
    // Hashing folds each entry's title: on both cores for a big story.
    let ids: Vec<u64> =
        (0..story.entries.len()).into_par_iter().with_min_len(4096).map(|i| story.entry(i).identity()).collect();
    let mut seen: HashMap<u64, u32> = HashMap::with_capacity(ids.len());
    ids.into_iter()
        .map(|id| {
            let n = seen.entry(id).or_default();
            *n += 1;
            (id, *n - 1)
        })
        .collect()
}

/// Whether a new parse looks like a file caught half-written: everything gone, or the oldest
/// entries (the bottom of the page) missing with nothing new in their place. A page that
/// drops its oldest entries while gaining one keeps a window of posts: a normal update.
pub fn looks_truncated(old_identities: &[(u64, u32)], new: &Story) -> bool {
    let Some(bottom) = old_identities.last() else { return false };
    if new.entries.is_empty() {
        return true;
    }
    let new_ids = identities(new);
    let old: std::collections::HashSet<&(u64, u32)> = old_identities.iter().collect();
    let gained = new_ids.iter().any(|id| !old.contains(id));
    new.entries.len() < old_identities.len() && !new_ids.contains(bottom) && !gained
}

impl Reader {
    fn story_index(&self, path: &Path) -> Option<usize> {
        self.paths.get(path).copied()
    }

    /// Marks the selected entry of the shown story as read.
    pub(super) fn mark_selected_read(&mut self) {
        let Some(view) = self.view_mut() else { return };
        if view.visible.is_empty() {
            return;
        }
        let Some(sel) = view.selected else { return };
        view.marks.update(sel as usize, |m| {
            m.read = true;
            m.new = false;
        });
        // Read on the merged timeline is read in its own story.
        if let Some((s, e)) = self.origin(sel) {
            self.views[s].marks.update(e, |m| {
                m.read = true;
                m.new = false;
            });
        }
    }

    pub(super) fn reloaded(&mut self, story: Story) {
        let Some(index) = self.story_index(&story.path) else {
            // A new file in a watched directory: a new story, all of it new.
            let mut view = StoryView::new(&story);
            for i in 0..view.marks.len() {
                view.marks.update(i, |m| m.new = true);
            }
            view.start_index(&story);
            let n = story.entries.len();
            self.message = Some(format!("new story: {} ({n} entries)", crate::text::fit(&story.title, 60)));
            self.paths.insert(story.path.clone(), self.stories.len());
            self.stories.push(story);
            self.views.push(view);
            self.tells_stale = true;
            self.refresh_story(self.stories.len() - 1);
            self.merged_changed(self.stories.len() - 1);
            return;
        };
        if looks_truncated(&self.views[index].identities, &story) {
            self.message =
                Some(format!("{}: being rewritten? keeping what is shown", crate::text::escape_path(&story.path)));
            return;
        }
        self.invalidate_text();
        // The old story's index build reads it: stop that first (see `index::Slot::start`).
        self.views[index].stop_index();
        let old = std::mem::replace(&mut self.stories[index], story);
        let new = &self.stories[index];
        self.tells_stale |= new.title != old.title;
        let old_view = &self.views[index];

        let mut view = StoryView::new(new);
        let old_list = old_view.identities.clone();
        let new_list = view.identities.clone();
        let old_ids: HashMap<(u64, u32), usize> = old_list.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        view.tags.clear();
        // Tags are folded keys; their ids change with the tag list, so carry them by key.
        let old_keys: Vec<&str> = old_view.tags.iter().map(|t| old.tags[*t as usize].key.as_str()).collect();
        for (i, t) in new.tags.iter().enumerate() {
            if old_keys.contains(&t.key.as_str()) {
                view.tags.insert(i as u32);
            }
        }
        view.query = old_view.query.clone();
        view.gone = false;
        let mut arrived = 0;
        // A corrected headline changes the identity: such an entry is matched by its clock
        // and text instead, as edited.
        let edited = super::edits::pair_edited(&old, &old_list, new, &new_list);
        for (i, id) in new_list.iter().copied().enumerate() {
            match old_ids.get(&id).copied().or_else(|| edited.get(&i).copied()) {
                Some(o) => {
                    let mut marks = old_view.marks[o];
                    if !old.entry(o).same_content(&new.entry(i)) {
                        marks = Marks { read: false, new: marks.new, edited: true };
                        view.before_edit.insert(i as u32, crate::text_lines::edit_text(&old.entry(o)));
                    } else if let Some(before) = old_view.before_edit.get(&(o as u32)) {
                        view.before_edit.insert(i as u32, before.clone());
                    }
                    view.marks.set(i, marks);
                }
                None => {
                    view.marks.set(i, Marks { read: false, new: true, edited: false });
                    arrived += 1;
                }
            }
        }
        // Selection: the same entry; else its nearest neighbour in time; at the newest entry
        // (like `tail -f`), the newest entry.
        let at_newest = old_view.selected.is_some() && old_view.selected == old_view.newest();
        let old_sel = old_view.selected;
        let scroll = old_view.text_scroll;
        let selected = if at_newest {
            view.newest()
        } else {
            old_sel.and_then(|s| {
                let id = old_list[s as usize];
                let same = new_list.iter().position(|x| *x == id).map(|i| i as u32);
                same.or_else(|| nearest_in_time(&old, s, new))
            })
        };
        let same_entry =
            !at_newest && old_sel.zip(selected).is_some_and(|(o, n)| old_list[o as usize] == new_list[n as usize]);
        view.selected = selected.or(view.selected);
        view.text_scroll = if same_entry { scroll } else { 0 };
        view.start_index(new);
        self.views[index] = view;
        self.refresh_story(index);
        self.merged_changed(index);
        if arrived > 0 {
            let title = crate::text::fit(&self.stories[index].title, 50);
            self.message = Some(format!("{arrived} new in {title}"));
        }
    }

    pub(super) fn reload_failed(&mut self, path: &Path, reason: &str) {
        self.message =
            Some(format!("{}: {}; keeping what is shown", crate::text::escape_path(path), crate::text::escape(reason)));
    }

    pub(super) fn file_gone(&mut self, path: &Path) {
        if let Some(i) = self.story_index(path) {
            self.views[i].gone = true;
            self.message = Some(format!("{}: file deleted; the story stays readable", crate::text::escape_path(path)));
        }
    }

    /// `u`: the oldest unread entry of this story, else of the next story that has one.
    pub(super) fn next_unread(&mut self) {
        let n = self.stories.len();
        for step in 0..n {
            let index = (self.current + step) % n;
            let view = &self.views[index];
            let target = view
                .chronological()
                .iter()
                .copied()
                .find(|&i| !view.marks[i as usize].read && view.visible.contains(&i));
            if let Some(entry) = target {
                self.all = false;
                self.current = index;
                self.select_entry(Some(entry));
                return;
            }
        }
        self.message = Some("everything is read".into());
    }

    pub(super) fn toggle_diff(&mut self) {
        let edited = self.view().and_then(|v| v.selected.map(|s| v.before_edit.contains_key(&s))).unwrap_or(false);
        if edited {
            self.show_diff = !self.show_diff;
        } else {
            self.message = Some("this entry was not edited while open".into());
        }
    }
}

/// The entry of `new` nearest in time to entry `old_index` of `old`, which is gone.
fn nearest_in_time(old: &Story, old_index: u32, new: &Story) -> Option<u32> {
    let target = &old.entries[old_index as usize];
    let key = |e: &crate::model::Entry, page: usize| -> i64 {
        e.at.map(|a| a.sort_key() / 60).or(e.clock.map(|c| i64::from(c.minutes()))).unwrap_or(-(page as i64))
    };
    let t = key(target, old_index as usize);
    new.entries.iter().enumerate().min_by_key(|(i, e)| ((key(e, *i) - t).abs(), *i)).map(|(i, _)| i as u32)
}

/// One number for an entry's identity and its repeat count, as saved.
pub(super) fn saved_id((id, n): (u64, u32)) -> u64 {
    id.wrapping_add(u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

impl Reader {
    /// Marks as read what an earlier run read (at start-up, before any key).
    pub(super) fn restore_read(&mut self, saved: &super::SavedRead) {
        for (story, view) in self.stories.iter().zip(self.views.iter_mut()) {
            let Some(read) = saved.get(&story.path) else { continue };
            let read: std::collections::HashSet<u64> = read.iter().copied().collect();
            for (i, id) in view.identities.iter().enumerate() {
                if read.contains(&saved_id(*id)) {
                    view.marks.update(i, |m| m.read = true);
                }
            }
        }
        self.sort_stories();
        self.mark_selected_read();
        if self.merged.is_some() || self.merge.build.is_some() {
            self.rebuild_merged();
        }
    }

    /// The read marks to save: per open story (by path), the saved identities of its read
    /// entries (empty when none is read).
    pub fn read_marks(&self) -> Vec<(&Path, Vec<u64>)> {
        self.stories
            .iter()
            .zip(&self.views)
            .map(|(story, view)| {
                let read =
                    view.identities.iter().zip(view.marks.iter()).filter(|(_, m)| m.read).map(|(id, _)| saved_id(*id));
                (story.path.as_path(), read.collect())
            })
            .collect()
    }
}
