//! Read state that people control: an entry is read once the text pane has shown it and the
//! user did more than pass over it in the timeline (moving the cursor with `j`/`k`, paging,
//! the wheel over it); `m` toggles the read mark of the selected entry (an entry marked unread stays
//! unread while it stays selected), `M` marks the story — or every story — read, `U` shows
//! unread entries only, and `Space` pages the text then goes on to the next entry.

use super::{Action, Pane, Reader, geometry};

/// What read marks remember between keys.
#[derive(Debug, Default)]
pub(super) struct ReadState {
    /// The entry marked unread with `m`, left unread while it stays selected: (story shown,
    /// `None` for "All stories"; entry).
    hold: Option<(Option<usize>, u32)>,
}

impl Reader {
    /// Whether the text pane is on screen (the narrow layout shows one pane at a time).
    fn text_shown(&self) -> bool {
        geometry::layout(self.size.0) != geometry::Layout::Narrow || self.focus == Pane::Text
    }

    fn shown_key(&self) -> Option<(Option<usize>, u32)> {
        let sel = self.view()?.selected?;
        Some((if self.all { None } else { Some(self.current) }, sel))
    }

    /// Whether an action only moves the timeline's cursor over entries (they stay unread).
    pub(super) fn passes_over(&self, action: &Action) -> bool {
        // `g`/`G`, a click and the jumps go to an entry on purpose: they read it.
        let moves = matches!(action, Action::Down | Action::Up | Action::PageDown | Action::PageUp);
        let over_timeline = |x: u16, y: u16| self.screen().timeline.is_some_and(|a| a.contains(x, y));
        match action {
            Action::Wheel(x, y, _) => over_timeline(*x, *y),
            _ => moves && self.focus == Pane::Timeline && self.mode == super::Mode::Normal,
        }
    }

    /// After an action: the entry shown is read unless the action only passed over it, the
    /// text pane is not on screen, or the user marked it unread.
    pub(super) fn settle_read(&mut self, passed_over: bool) {
        let key = self.shown_key();
        if self.read.hold.is_some() && self.read.hold != key {
            self.read.hold = None;
        }
        if passed_over || !self.text_shown() || self.read.hold.is_some() {
            return;
        }
        if let Some((_, entry)) = key {
            self.set_read(entry, true);
        }
    }

    /// The view followed a new entry: it is shown, so it is read (it keeps its new mark).
    pub(super) fn read_followed(&mut self) {
        if !self.text_shown() {
            return;
        }
        if let Some((_, entry)) = self.shown_key() {
            let keep_new = self.view().and_then(|v| v.marks.get(entry as usize)).is_some_and(|m| m.new);
            self.set_read(entry, true);
            if keep_new {
                self.set_new(entry);
            }
        }
    }

    fn set_new(&mut self, entry: u32) {
        if let Some(v) = self.view_mut() {
            v.marks.update(entry as usize, |m| m.new = true);
        }
        if let Some((s, e)) = self.origin(entry) {
            self.views[s].marks.update(e, |m| m.new = true);
        }
    }

    /// Sets the read mark of an entry of the view shown, and of its own story's entry on
    /// the merged timeline. Reading an entry also clears its new mark.
    fn set_read(&mut self, entry: u32, read: bool) {
        let change = |m: &mut super::Marks| {
            m.read = read;
            m.new &= !read;
        };
        if let Some(v) = self.view_mut() {
            v.marks.update(entry as usize, change);
        }
        if let Some((s, e)) = self.origin(entry) {
            self.views[s].marks.update(e, change);
        }
    }

    /// `m`: toggles the read mark of the selected entry.
    pub(super) fn toggle_read(&mut self) {
        let Some(key) = self.shown_key() else { return };
        let read = self.view().and_then(|v| v.marks.get(key.1 as usize)).is_some_and(|m| m.read);
        self.set_read(key.1, !read);
        self.read.hold = read.then_some(key);
        self.message = Some(if read { "marked unread".into() } else { "marked read".into() });
    }

    /// `M`: marks every entry of the story shown read — of every story on "All stories".
    pub(super) fn mark_all_read(&mut self) {
        let stories: Vec<usize> = if self.all { (0..self.stories.len()).collect() } else { vec![self.current] };
        let mut count = 0;
        let read_all = |marks: &mut super::view::MarkList| {
            let before = marks.unread();
            for i in 0..marks.len() {
                marks.update(i, |m| {
                    m.read = true;
                    m.new = false;
                });
            }
            before
        };
        for s in stories {
            count += read_all(&mut self.views[s].marks);
        }
        if let Some(merged) = self.merged.as_mut() {
            read_all(&mut merged.view.marks);
        }
        self.read.hold = None;
        let what = if self.all { "every story" } else { "this story" };
        self.message = Some(match count {
            0 => format!("{what} was already read"),
            1 => format!("1 entry of {what} marked read"),
            n => format!("{n} entries of {what} marked read"),
        });
    }

    /// `U`: shows unread entries only, or every entry again.
    pub(super) fn toggle_unread_only(&mut self) {
        let Some(view) = self.view_mut() else { return };
        view.unread_only = !view.unread_only;
        let on = view.unread_only;
        self.refresh_current();
        self.message = Some(if on { "unread entries only".into() } else { "every entry".into() });
    }

    /// `Space`: a page of the text; at its end, the next entry down the timeline.
    pub(super) fn read_on(&mut self) {
        let before = self.view().map(|v| v.text_scroll);
        self.scroll_text(self.text_page() as i64);
        if self.view().map(|v| v.text_scroll) != before {
            return;
        }
        let sel = self.view().and_then(|v| v.selected);
        self.move_selection(1);
        if self.view().and_then(|v| v.selected) == sel {
            self.message = Some("the last entry: nothing further down".into());
        } else if let Some(view) = self.view_mut() {
            view.text_scroll = 0;
        }
    }

    fn text_page(&self) -> usize {
        usize::from(self.screen().text.map_or(10, |a| a.inner().height).max(2) - 1)
    }
}
