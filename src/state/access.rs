//! What the renderer and the outside world read of the reader: the stories and their views,
//! the focus, order, zone, mode, screen geometry, message and clock. Read-only: changes go
//! through [`Reader::apply`].

use super::{Mode, Order, Reader, StoryView, ZoneShown};
use crate::geometry::{self, Pane};
use crate::model::Story;
use chrono::{DateTime, FixedOffset};

impl Reader {
    /// The open stories, in the order of the story list.
    pub fn stories(&self) -> &[Story] {
        &self.stories
    }
    /// Per story (same index), what the reader shows of it.
    pub fn views(&self) -> &[StoryView] {
        &self.views
    }
    /// The index of the story selected (when the "All stories" row is not).
    pub fn current(&self) -> usize {
        self.current
    }
    pub fn focus(&self) -> Pane {
        self.focus
    }
    pub fn order(&self) -> Order {
        self.order
    }
    pub fn zone(&self) -> ZoneShown {
        self.zone
    }
    /// What has the keyboard besides the panes.
    pub fn mode(&self) -> &Mode {
        &self.mode
    }
    /// Terminal size in cells.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }
    /// Shares of the width for the stories and timeline panes in the wide layout, in percent.
    pub fn pane_widths(&self) -> (u16, u16) {
        self.pane_widths
    }
    /// The user asked to leave.
    pub fn quit(&self) -> bool {
        self.quit
    }
    /// The status line's message (an error, a notice).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
    /// The "All stories" row is selected.
    pub fn all(&self) -> bool {
        self.all
    }
    /// Clocks are shown as ages.
    pub fn relative(&self) -> bool {
        self.relative
    }
    /// The selected entry is shown as a diff of its last edit.
    pub fn show_diff(&self) -> bool {
        self.show_diff
    }
    /// The time of the last [`Action::Tick`].
    pub fn now(&self) -> Option<DateTime<FixedOffset>> {
        self.now
    }

    /// The story shown: the merged one on the "All stories" row.
    pub fn story(&self) -> Option<&Story> {
        if self.all {
            return self.merged.as_ref().map(|m| &m.story);
        }
        self.stories.get(self.current)
    }

    pub fn view(&self) -> Option<&StoryView> {
        if self.all {
            return self.merged.as_ref().map(|m| &m.view);
        }
        self.views.get(self.current)
    }

    /// The row of the story list selected: 0 is "All stories".
    pub fn story_row(&self) -> usize {
        if self.all { 0 } else { self.current + 1 }
    }

    pub fn screen(&self) -> geometry::Screen {
        geometry::screen(self.size.0, self.size.1, self.focus, self.pane_widths)
    }
}
