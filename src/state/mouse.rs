//! The mouse: a click selects a row, the wheel scrolls the pane under the pointer.

use super::{Pane, Reader, Row, list_offset};
use crate::geometry::Area;

/// Lines the wheel scrolls the text pane by.
const WHEEL_LINES: u16 = 3;

impl Reader {
    /// The pane and inner area under a cell.
    pub(super) fn pane_at(&self, x: u16, y: u16) -> Option<(Pane, Area)> {
        let s = self.screen();
        [(Pane::Stories, s.stories), (Pane::Timeline, s.timeline), (Pane::Text, s.text)]
            .into_iter()
            .find_map(|(p, a)| a.filter(|a| a.contains(x, y)).map(|a| (p, a.inner())))
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        let Some((pane, inner)) = self.pane_at(x, y) else {
            // The story header of the narrower layouts: left half previous, right half next.
            if self.screen().header.is_some_and(|h| h.contains(x, y)) {
                self.select_story(self.story_row() as i64 + if x < self.size.0 / 2 { -1 } else { 1 });
            }
            return;
        };
        self.focus = pane;
        if !inner.contains(x, y) {
            return;
        }
        let row = usize::from(y - inner.y);
        match pane {
            Pane::Stories => {
                // Rows take as many lines as their counts need: walk them as drawn.
                let width = usize::from(inner.width);
                let mut top = 0;
                for index in self.story_list_offset(width, usize::from(inner.height))..=self.stories.len() {
                    top += self.story_row_lines(index, width).len();
                    if row < top {
                        self.select_story(index as i64);
                        break;
                    }
                }
            }
            Pane::Timeline => {
                let Some(view) = self.view_mut() else { return };
                let selected = view.selected_row().unwrap_or(0);
                let offset = list_offset(view.rows.len(), selected, usize::from(inner.height));
                if let Some(Row::Entry(i)) = view.rows.get(offset + row).copied()
                    && let Some(pos) = view.visible.iter().position(|&v| v == i)
                {
                    view.select_position(pos);
                }
            }
            Pane::Text => {}
        }
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let Some((pane, _)) = self.pane_at(x, y) else { return };
        let step = if down { 1 } else { -1 };
        match pane {
            Pane::Stories => self.select_story(self.story_row() as i64 + step),
            Pane::Timeline => self.move_selection(step),
            Pane::Text => self.scroll_text(step * i64::from(WHEEL_LINES)),
        }
    }
}
