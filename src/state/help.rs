//! The help overlay's scroll: it lists every key of every mode, one line each, whatever the
//! screen's size, and scrolls like the text pane (`j`/`k`, `PgDn`/`PgUp`, `g`/`G`). How many
//! lines it has comes from the key map in effect (through [`Action::HelpLines`]); this module
//! and the renderer share [`help_height`], so both agree on what a page is.

use super::{Action, Mode, Reader};

/// Lines of the help the overlay shows at once on a screen `height` rows high (inside its
/// border; the status line stays visible).
pub fn help_height(lines: usize, height: u16) -> usize {
    lines.min(usize::from(height.saturating_sub(3)))
}

impl Reader {
    /// The first line of the help shown.
    pub fn help_scroll(&self) -> usize {
        self.help.0
    }

    pub(super) fn set_help_lines(&mut self, lines: usize) {
        self.help.1 = lines;
        self.help.0 = self.help.0.min(self.help_max());
    }

    fn help_max(&self) -> usize {
        self.help.1.saturating_sub(help_height(self.help.1, self.size.1))
    }

    pub(super) fn apply_help(&mut self, action: Action) {
        let page = help_height(self.help.1, self.size.1).saturating_sub(1).max(1) as i64;
        let delta = match action {
            Action::Help | Action::Cancel | Action::Submit => {
                self.mode = Mode::Normal;
                self.help.0 = 0;
                return;
            }
            Action::Down => 1,
            Action::Up => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::First => i64::MIN / 2,
            Action::Last => i64::MAX / 2,
            _ => return,
        };
        let max = self.help_max() as i64;
        self.help.0 = (self.help.0 as i64).saturating_add(delta).clamp(0, max) as usize;
    }
}
