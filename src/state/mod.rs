//! The reader's state and its transitions: the stories, the selected story and, per story, its
//! selected entry, filters and text scroll (in [`StoryView`]); the focused pane, the display
//! order, the zone shown, and the open overlay or prompt. [`Reader::apply`] with an [`Action`]
//! is the only way to change it. No terminal types here: the renderer reads this state, the
//! key map produces actions.

mod action;
pub mod goto;
mod live;
pub mod merged;
mod mouse;
mod navigate;
mod prompts;
mod view;

use crate::layout;
use crate::model::{Clock, Entry, Story, When};
use crate::textlayout;
pub use action::{Action, Reload};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeSet;
pub use view::{Marks, Row, StoryView, list_offset};

/// A pane of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Stories,
    Timeline,
    Text,
}

impl Pane {
    fn next(self) -> Pane {
        match self {
            Pane::Stories => Pane::Timeline,
            Pane::Timeline => Pane::Text,
            Pane::Text => Pane::Stories,
        }
    }
    fn prev(self) -> Pane {
        self.next().next()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// As the sites show them.
    NewestFirst,
    OldestFirst,
}

/// Which zone clocks and dates are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneShown {
    /// As the page prints them.
    Source,
    /// The user's local zone.
    Local,
    Utc,
    /// A zone named in the configuration (`Europe/Paris`).
    Named(chrono_tz::Tz),
}

/// How the reader starts: from the configuration's `[display]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Display {
    pub order: Order,
    pub zone: ZoneShown,
    /// Shares of the width for the stories and timeline panes in the wide layout, in percent.
    pub pane_widths: (u16, u16),
}

impl Default for Display {
    fn default() -> Self {
        Display { order: Order::NewestFirst, zone: ZoneShown::Source, pane_widths: (24, 36) }
    }
}

/// The tag picker's own state: the tags with their counts, most used first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagPicker {
    /// (tag id, label, entries with it).
    pub tags: Vec<(u32, String, usize)>,
    pub cursor: usize,
    pub chosen: BTreeSet<u32>,
}

/// What has the keyboard besides the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    Tags(TagPicker),
    /// Search as you type; `previous` is restored by `Esc`.
    Search {
        previous: String,
    },
    GoTo {
        input: String,
        error: Option<String>,
    },
}

/// The whole reader.
pub struct Reader {
    pub stories: Vec<Story>,
    pub views: Vec<StoryView>,
    pub current: usize,
    pub focus: Pane,
    pub order: Order,
    pub zone: ZoneShown,
    pub mode: Mode,
    /// Terminal size in cells.
    pub size: (u16, u16),
    /// Shares of the width for the stories and timeline panes in the wide layout, in percent.
    pub pane_widths: (u16, u16),
    pub quit: bool,
    /// A one-line message for the status line (an error, a notice).
    pub message: Option<String>,
    /// The "All stories" row is selected: the merged timeline is shown.
    pub all: bool,
    /// The merged timeline, built when first shown and rebuilt when a story changes.
    pub merged: Option<merged::Merged>,
    /// A zone named in the configuration, added to the zones `z` cycles through.
    pub configured_zone: Option<chrono_tz::Tz>,
    /// Clocks shown as ages.
    pub relative: bool,
    /// The selected entry is shown as a diff of its last edit.
    pub show_diff: bool,
    /// The time ages are counted from; `None` is the real clock (tests fix it).
    pub now: Option<chrono::DateTime<chrono::Utc>>,
    /// Per story and entry, the day it is shown on in the zone shown (cached: a search
    /// keystroke must not convert 100,000 dates).
    days: Vec<Vec<Option<NaiveDate>>>,
}

impl Reader {
    pub fn new(stories: Vec<Story>) -> Self {
        Reader::with_display(stories, Display::default())
    }

    pub fn with_display(stories: Vec<Story>, display: Display) -> Self {
        use rayon::prelude::*;
        let views: Vec<StoryView> = stories
            .par_iter()
            .map(|s| {
                let mut view = StoryView::new(s);
                view.build_index(s);
                view
            })
            .collect();
        let mut reader = Reader {
            stories,
            views,
            current: 0,
            focus: Pane::Timeline,
            order: display.order,
            zone: display.zone,
            mode: Mode::Normal,
            size: (120, 40),
            pane_widths: display.pane_widths,
            all: false,
            merged: None,
            configured_zone: match display.zone {
                ZoneShown::Named(tz) => Some(tz),
                _ => None,
            },
            quit: false,
            message: None,
            days: Vec::new(),
            relative: false,
            show_diff: false,
            now: None,
        };
        reader.refresh_all();
        reader.mark_selected_read();
        reader
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

    pub fn view_mut(&mut self) -> Option<&mut StoryView> {
        if self.all {
            return self.merged.as_mut().map(|m| &mut m.view);
        }
        self.views.get_mut(self.current)
    }

    /// Recomputes the story shown after its filters changed.
    fn refresh_current(&mut self) {
        if self.all {
            self.refresh_merged();
        } else if self.current < self.stories.len() {
            self.refresh(self.current);
        }
    }

    /// The row of the story list selected: 0 is "All stories".
    pub fn story_row(&self) -> usize {
        if self.all { 0 } else { self.current + 1 }
    }

    pub fn screen(&self) -> layout::Screen {
        layout::screen(self.size.0, self.size.1, self.focus, self.pane_widths)
    }

    /// The date-time an entry is shown at, in the zone shown. Zone-less times stay as printed.
    pub fn shown_at(&self, entry: &Entry) -> Option<NaiveDateTime> {
        match entry.at? {
            When::Zoned(t) => Some(match self.zone {
                ZoneShown::Source => t.naive_local(),
                ZoneShown::Utc => t.naive_utc(),
                ZoneShown::Local => t.with_timezone(&chrono::Local).naive_local(),
                ZoneShown::Named(tz) => t.with_timezone(&tz).naive_local(),
            }),
            When::Local(t) => Some(t),
        }
    }

    /// The clock shown for an entry: its converted time, else the clock as printed.
    pub fn shown_clock(&self, entry: &Entry) -> Option<Clock> {
        self.shown_at(entry).map(|t| Clock::from_time(t.time())).or(entry.clock)
    }

    /// How long ago an entry was posted (`12 min`, `3 h`, `2 d`), when its instant is known.
    pub fn age(&self, entry: &Entry) -> Option<String> {
        let Some(When::Zoned(t)) = entry.at else { return None };
        let now = self.now.unwrap_or_else(chrono::Utc::now);
        let minutes = (now - t.with_timezone(&chrono::Utc)).num_minutes();
        Some(match minutes {
            m if m < 0 => "soon".into(),
            0 => "now".into(),
            m if m < 60 => format!("{m} min"),
            m if m < 48 * 60 => format!("{} h", m / 60),
            m => format!("{} d", m / (24 * 60)),
        })
    }

    /// The name of the zone shown for a story.
    pub fn zone_label(&self, story: &Story) -> String {
        match self.zone {
            ZoneShown::Source if self.all => "each page's zone".into(),
            ZoneShown::Source => story.zone.map_or_else(|| "page time".to_string(), |z| z.name().to_string()),
            ZoneShown::Utc => "UTC".into(),
            ZoneShown::Local => format!("local {}", chrono::Local::now().format("%:z")),
            ZoneShown::Named(tz) => tz.name().to_string(),
        }
    }

    /// The line under an entry's headline: date, time, zone and tag.
    pub fn meta_line(&self, story: &Story, entry: &Entry) -> String {
        let mut parts = Vec::new();
        match self.shown_at(entry) {
            Some(t) => parts.push(t.format("%a %-d %b %Y · %H:%M").to_string()),
            None => parts.extend(entry.clock.map(|c| c.to_string())),
        }
        if entry.clock.is_some() {
            let zone = match entry.at {
                Some(When::Zoned(_)) => self.zone_label(story),
                _ => story.zone.map_or("zone not stated".into(), |z| z.name().to_string()),
            };
            parts.push(zone);
        }
        if let Some(tag) = entry.tag {
            parts.push(story.str(tag).to_string());
        }
        if let Some(updated) = entry.updated {
            parts.push(format!("updated {updated}"));
        }
        if let Some(index) = story.entries.iter().position(|e| std::ptr::eq(e, entry))
            && let Some(view) = self.stories.iter().position(|s| std::ptr::eq(s, story)).map(|s| &self.views[s])
            && view.marks.get(index).is_some_and(|m| m.edited)
        {
            parts.push("edited (d: what changed)".into());
        }
        parts.join(" · ")
    }

    pub(crate) fn refresh(&mut self, index: usize) {
        let newest_first = self.order == Order::NewestFirst;
        let story = &self.stories[index];
        let days = &self.days[index];
        let view = &mut self.views[index];
        view.refresh(story, newest_first, |i| story.entries[i as usize].tag_id, |i| days[i as usize]);
    }

    /// Recomputes everything derived from the order and the zone shown.
    pub(crate) fn refresh_all(&mut self) {
        self.days.clear();
        for i in 0..self.stories.len() {
            self.refresh_story(i);
        }
        self.refresh_merged();
    }

    /// Recomputes one story after it changed (or was added).
    pub(crate) fn refresh_story(&mut self, index: usize) {
        let days = self.stories[index].entries.iter().map(|e| self.shown_at(e).map(|t| t.date())).collect();
        if index < self.days.len() {
            self.days[index] = days;
        } else {
            self.days.push(days);
        }
        self.refresh(index);
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        if let Action::Resize(w, h) = action {
            self.size = (w, h);
            self.clamp_scroll();
            return;
        }
        if action == Action::Quit {
            self.quit = true;
            return;
        }
        match action {
            Action::Tick(now) => {
                self.now = Some(now.to_utc());
                return;
            }
            Action::Message(message) => {
                self.message = Some(message);
                return;
            }
            _ => {}
        }
        let before = (self.current, self.view().and_then(|v| v.selected));
        match action {
            // What a file brings is not read until the user has been to it: an entry the view
            // followed to keeps its new mark.
            Action::Reloaded(Reload(story)) => {
                let story = std::sync::Arc::try_unwrap(story).unwrap_or_else(|arc| (*arc).clone());
                self.reloaded(story);
            }
            Action::ReloadFailed(path, reason) => self.reload_failed(&path, &reason),
            Action::FileGone(path) => self.file_gone(&path),
            action => {
                self.apply_input(action);
                self.mark_selected_read();
            }
        }
        if (self.current, self.view().and_then(|v| v.selected)) != before {
            self.show_diff = false;
        }
    }

    fn apply_input(&mut self, action: Action) {
        match self.mode.clone() {
            Mode::Normal => self.apply_normal(action),
            Mode::Help => {
                if matches!(action, Action::Help | Action::Cancel | Action::Submit) {
                    self.mode = Mode::Normal;
                }
            }
            Mode::Tags(picker) => self.apply_picker(picker, action),
            Mode::Search { previous } => self.apply_search(previous, action),
            Mode::GoTo { input, .. } => self.apply_goto(input, action),
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
            Action::Later => self.step_in_time(true),
            Action::Earlier => self.step_in_time(false),
            Action::NextHour => self.jump_hour(true),
            Action::PrevHour => self.jump_hour(false),
            Action::GoToTime => self.mode = Mode::GoTo { input: String::new(), error: None },
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
            Action::Search => {
                if let Some(view) = self.view() {
                    self.mode = Mode::Search { previous: view.query.clone() };
                }
            }
            Action::NextMatch | Action::PrevMatch => self.step_match(action == Action::NextMatch),
            Action::ClearFilters => {
                if let Some(view) = self.view_mut() {
                    view.tags.clear();
                    view.query.clear();
                    self.refresh_current();
                }
            }
            Action::NextStory => self.select_story(self.story_row() as i64 + 1),
            Action::PrevStory => self.select_story(self.story_row() as i64 - 1),
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
            _ => {}
        }
    }

    fn set_focus(&mut self, pane: Pane) {
        // In the medium layout the story list is a header line: skip it.
        let folded = layout::mode(self.size.0) == layout::Mode::Medium && pane == Pane::Stories;
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
    pub fn move_selection(&mut self, delta: i64) {
        let Some(view) = self.view_mut() else { return };
        if view.visible.is_empty() {
            return;
        }
        let pos = view.selected_position().unwrap_or(0) as i64;
        let target = (pos.saturating_add(delta)).clamp(0, view.visible.len() as i64 - 1);
        view.select_position(target as usize);
    }

    /// Selects a row of the story list (0 is "All stories").
    fn select_story(&mut self, row: i64) {
        if self.stories.is_empty() {
            return;
        }
        let row = row.clamp(0, self.stories.len() as i64) as usize;
        self.all = row == 0;
        if row > 0 {
            self.current = row - 1;
        } else if self.merged.is_none() {
            self.rebuild_merged();
        }
    }

    /// Lines of the selected entry's text at the text pane's width.
    pub fn text_lines(&self) -> Vec<textlayout::TextLine> {
        let (Some(story), Some(view)) = (self.story(), self.view()) else { return Vec::new() };
        let Some(sel) = view.selected.filter(|_| !view.visible.is_empty()) else { return Vec::new() };
        let width = self.screen().text.map_or(40, |a| a.inner().width.saturating_sub(1));
        // On the merged timeline, an entry shows as in its own story.
        let (story, index) = match self.origin(sel) {
            Some((s, e)) => (&self.stories[s], e),
            None => (story, sel as usize),
        };
        let entry = story.entry(index);
        let query = crate::model::fold(&view.query);
        let meta = self.meta_line(story, entry.entry);
        if self.show_diff
            && let Some(before) = view.before_edit.get(&sel)
        {
            return textlayout::diff_lines(entry, &meta, before, width);
        }
        textlayout::entry_lines(entry, &meta, width, &query)
    }

    fn max_scroll(&self) -> u16 {
        let height = self.screen().text.map_or(10, |a| a.inner().height);
        (self.text_lines().len() as u16).saturating_sub(height)
    }

    fn scroll_text(&mut self, delta: i64) {
        let max = self.max_scroll() as i64;
        if let Some(view) = self.view_mut() {
            view.text_scroll = (view.text_scroll as i64).saturating_add(delta).clamp(0, max) as u16;
        }
    }

    fn clamp_scroll(&mut self) {
        let max = self.max_scroll();
        if let Some(view) = self.view_mut() {
            view.text_scroll = view.text_scroll.min(max);
        }
    }

    pub(crate) fn select_entry(&mut self, entry: Option<u32>) {
        let Some(entry) = entry else { return };
        if let Some(view) = self.view_mut()
            && let Some(pos) = view.visible.iter().position(|&i| i == entry)
        {
            view.select_position(pos);
        }
    }
}

#[cfg(test)]
mod tests;
