//! The door: [`Reader::apply`] takes every action, and what each does in each mode — the
//! panes' moves, the display toggles, focus, paging and story selection.

use super::{Action, Mode, Order, Pane, Reader, Reload, ZoneShown, geometry};

impl Reader {
    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        // Reloads arrive in bursts: what they invalidate is rebuilt once, before anything else.
        // So do a search's slices: what they find is shown at the next frame or key.
        if !matches!(action, Action::Reloaded(_) | Action::SearchStep(_)) {
            self.settle();
        }
        self.apply_one(action);
        self.refresh_text();
    }

    fn apply_one(&mut self, action: Action) {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.clamp_scroll();
                self.set_help_lines(self.help.1);
                return;
            }
            Action::Quit => {
                self.quit = true;
                return;
            }
            Action::Tick(now) => return self.tick(now),
            Action::Message(message) => {
                self.message = Some(message);
                return;
            }
            Action::HelpLines(lines) => return self.set_help_lines(lines),
            Action::DiffKey(key) => {
                self.diff_key = key;
                return;
            }
            Action::RequestsDone => return self.requests.clear(),
            Action::SearchStep(generation) => return self.search_step(generation, self.searches.slice),
            Action::RestoreRead(saved) => return self.restore_read(&saved),
            Action::PageFetched { url, at } => return self.page_fetched(url, at),
            Action::PageFailed { url, reason, at } => return self.page_failed(url, reason, at),
            _ => {}
        }
        let before = (self.current, self.view().and_then(|v| v.selected));
        match action {
            // What a file brings is not read until the user has been to it: an entry the view
            // followed to keeps its new mark.
            Action::Reloaded(Reload(story)) => {
                let story = std::sync::Arc::try_unwrap(story).unwrap_or_else(|arc| (*arc).clone());
                self.reloaded(story);
                // The view followed onto a new entry: it is shown.
                if self.view().and_then(|v| v.selected.and_then(|s| v.marks.get(s as usize))).is_some_and(|m| m.new) {
                    self.read_followed();
                }
            }
            Action::ReloadFailed(path, reason) => self.reload_failed(&path, &reason),
            Action::FileGone(path) => self.file_gone(&path),
            action => {
                let passed_over = self.passes_over(&action);
                self.apply_input(action);
                self.settle_read(passed_over);
            }
        }
        if (self.current, self.view().and_then(|v| v.selected)) != before {
            self.show_diff = false;
        }
    }

    fn apply_input(&mut self, action: Action) {
        match self.mode.clone() {
            Mode::Normal => self.apply_normal(action),
            Mode::Help => self.apply_help(action),
            Mode::Tags(picker) => self.apply_picker(picker, action),
            Mode::Search { previous } => self.apply_search(previous, action),
            Mode::GoTo { input, .. } => self.apply_goto(input, action),
            Mode::Links(picker) => self.apply_links(picker, action),
        }
    }

    fn apply_normal(&mut self, action: Action) {
        self.message = None;
        match action {
            Action::Help => self.mode = Mode::Help,
            Action::FocusNext => self.set_focus(self.focus.next()),
            Action::FocusPrev => self.set_focus(self.focus.prev()),
            Action::Down => self.move_in_pane(1),
            Action::Up => self.move_in_pane(-1),
            Action::PageDown => self.move_in_pane(self.page() as i64),
            Action::PageUp => self.move_in_pane(-(self.page() as i64)),
            Action::First => self.move_in_pane(i64::MIN / 2),
            Action::Last => self.move_in_pane(i64::MAX / 2),
            Action::NextEntry => self.step_in_time(true),
            Action::PrevEntry => self.step_in_time(false),
            Action::NextHour => self.jump_hour(true),
            Action::PrevHour => self.jump_hour(false),
            Action::GoToTime => self.open_goto(),
            Action::ToggleOrder => {
                self.order = match self.order {
                    Order::NewestFirst => Order::OldestFirst,
                    Order::OldestFirst => Order::NewestFirst,
                };
                self.refresh_all();
            }
            Action::CycleZone => {
                self.zone = match self.zone {
                    ZoneShown::Source => ZoneShown::Local,
                    ZoneShown::Local => ZoneShown::Utc,
                    ZoneShown::Utc => self.configured_zone.map_or(ZoneShown::Source, ZoneShown::Named),
                    ZoneShown::Named(_) => ZoneShown::Source,
                };
                self.refresh_all();
            }
            Action::PickTags => self.open_picker(),
            Action::Search => self.open_search(),
            Action::NextMatch | Action::PrevMatch => self.step_match(action == Action::NextMatch),
            Action::ClearFilters => {
                if let Some(view) = self.view_mut() {
                    view.tags.clear();
                    view.query.clear();
                    view.unread_only = false;
                    self.refresh_current();
                }
            }
            Action::NextStory | Action::PrevStory => self.step_story(action == Action::NextStory),
            Action::Open => match self.focus {
                Pane::Stories => self.set_focus(Pane::Timeline),
                Pane::Timeline if self.all => self.open_origin(),
                Pane::Timeline => self.set_focus(Pane::Text),
                Pane::Text => {}
            },
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, down) => self.wheel(x, y, down),
            Action::NextUnread => self.next_unread(),
            Action::ShowDiff => self.toggle_diff(),
            Action::ToggleRelative => self.relative = !self.relative,
            Action::ToggleRead => self.toggle_read(),
            Action::MarkAllRead => self.mark_all_read(),
            Action::UnreadOnly => self.toggle_unread_only(),
            Action::ReadOn => self.read_on(),
            Action::ListLinks => self.open_links(),
            Action::CopyText => self.copy_text(),
            _ => {}
        }
    }

    fn set_focus(&mut self, pane: Pane) {
        // In the medium layout the story list is a header line: skip it.
        let folded = geometry::layout(self.size.0) == geometry::Layout::Medium && pane == Pane::Stories;
        self.focus = if folded { if self.focus == Pane::Timeline { Pane::Text } else { Pane::Timeline } } else { pane };
    }

    /// Rows in a page of the focused pane.
    fn page(&self) -> usize {
        let screen = self.screen();
        let area = match self.focus {
            Pane::Stories => screen.stories,
            Pane::Timeline => screen.timeline,
            Pane::Text => screen.text,
        };
        usize::from(area.map_or(10, |a| a.inner().height).max(2) - 1)
    }

    fn move_in_pane(&mut self, delta: i64) {
        match self.focus {
            Pane::Stories => self.select_story(self.story_row() as i64 + delta.clamp(-1_000_000, 1_000_000)),
            Pane::Timeline => self.move_selection(delta),
            Pane::Text => self.scroll_text(delta),
        }
    }

    /// Moves the selected entry by `delta` rows of the timeline, clamped at both ends.
    pub(super) fn move_selection(&mut self, delta: i64) {
        let Some(view) = self.view_mut() else { return };
        if view.visible.is_empty() {
            return;
        }
        let pos = view.selected_position().unwrap_or(0) as i64;
        let target = (pos.saturating_add(delta)).clamp(0, view.visible.len() as i64 - 1);
        view.select_position(target as usize);
    }

    /// Selects a row of the story list (0 is "All stories").
    pub(super) fn select_story(&mut self, row: i64) {
        if self.stories.is_empty() {
            return;
        }
        let row = row.clamp(0, self.stories.len() as i64) as usize;
        let was_all = self.all;
        self.all = row == 0;
        if row > 0 {
            self.current = row - 1;
        } else if !was_all {
            self.show_merged();
        }
    }

    pub(super) fn select_entry(&mut self, entry: Option<u32>) {
        let Some(entry) = entry else { return };
        if let Some(view) = self.view_mut()
            && let Some(pos) = view.visible.iter().position(|&i| i == entry)
        {
            view.select_position(pos);
        }
    }
}
