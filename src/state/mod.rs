//! The reader's state and its transitions: the stories, the selected story and, per story, its
//! selected entry, filters and text scroll (in [`StoryView`]); the focused pane, the display
//! order, the zone shown, and the open overlay or prompt. [`Reader::apply`] with an [`Action`]
//! is the only way to change it. No terminal types here: the renderer reads this state, the
//! key map produces actions.

pub mod goto;
mod live;
pub mod merged;
mod view;

use crate::layout::{self, Area};
use crate::model::{Clock, Entry, Story, When};
use crate::textlayout;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
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

/// A story parsed again after its file changed, carried by [`Action::Reloaded`].
#[derive(Debug, Clone)]
pub struct Reload(pub std::sync::Arc<Story>);

impl PartialEq for Reload {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}
impl Eq for Reload {}

/// Every change the reader knows. Keys, mouse, terminal and file events become these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Open or close the help overlay listing every key.
    Help,
    /// Move focus to the next / previous pane.
    FocusNext,
    FocusPrev,
    /// Move down / up in the focused pane (scroll in the text pane).
    Down,
    Up,
    /// Page down / up in the focused pane.
    PageDown,
    PageUp,
    /// First / last row of the focused pane.
    First,
    Last,
    /// Next / previous entry in time (later / earlier), whatever the display order.
    Later,
    Earlier,
    /// First entry of the next / previous clock hour.
    NextHour,
    PrevHour,
    /// Open the go-to-time prompt.
    GoToTime,
    /// Toggle newest-first / oldest-first.
    ToggleOrder,
    /// Cycle the zone shown: the story's own, the user's local zone, UTC.
    CycleZone,
    /// Open the tag picker.
    PickTags,
    /// Start a search.
    Search,
    /// Next / previous entry matching the search.
    NextMatch,
    PrevMatch,
    /// Clear the tag filter and the search of this story.
    ClearFilters,
    /// Next / previous story.
    NextStory,
    PrevStory,
    /// Open the selected story or entry (focus moves right).
    Open,
    /// Jump to the next unread entry (oldest first), across stories when none is left here.
    NextUnread,
    /// Show what changed in an edited entry, as a word diff (again: the entry itself).
    ShowDiff,
    /// Clocks as ages (`12 min`, `3 h`) or as times.
    ToggleRelative,
    /// A file was parsed again (or a new file appeared in a watched directory).
    Reloaded(Reload),
    /// A file could not be read again; what is shown stays.
    ReloadFailed(std::path::PathBuf, String),
    /// A file was deleted.
    FileGone(std::path::PathBuf),
    /// A character typed into a prompt.
    Input(char),
    /// Delete the character before the cursor of a prompt.
    Backspace,
    /// Toggle the tag under the picker's cursor.
    ToggleTag,
    /// Accept a prompt or the picker.
    Submit,
    /// Close a prompt, overlay or picker without applying it.
    Cancel,
    /// The terminal now has this size.
    Resize(u16, u16),
    /// A click at a cell.
    Click(u16, u16),
    /// The mouse wheel at a cell, down (true) or up.
    Wheel(u16, u16, bool),
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

const WHEEL_LINES: u16 = 3;

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

    fn step_in_time(&mut self, later: bool) {
        // The display order is chronological one way or the other.
        let forward = later == (self.order == Order::OldestFirst);
        self.move_selection(if forward { 1 } else { -1 });
    }

    fn step_match(&mut self, next: bool) {
        let has_query = self.view().is_some_and(|v| !v.query.is_empty());
        if !has_query {
            self.message = Some("no search: press / to search".into());
            return;
        }
        let before = self.view().and_then(|v| v.selected);
        self.move_selection(if next { 1 } else { -1 });
        if self.view().and_then(|v| v.selected) == before {
            self.message = Some(if next { "no further match".into() } else { "no earlier match".into() });
        }
    }

    /// The hour an entry falls in, in the zone shown.
    fn hour_of(&self, entry: &Entry) -> Option<NaiveDateTime> {
        let t = self.shown_at(entry)?;
        t.date().and_hms_opt(t.hour(), 0, 0)
    }

    fn jump_hour(&mut self, next: bool) {
        let (Some(story), Some(view)) = (self.story(), self.view()) else { return };
        let Some(sel) = view.selected else { return };
        let Some(current) = self.hour_of(&story.entries[sel as usize]) else {
            self.message = Some("this entry has no date".into());
            return;
        };
        let mut visible = vec![false; story.entries.len()];
        for &i in &view.visible {
            visible[i as usize] = true;
        }
        let timed: Vec<(NaiveDateTime, u32)> = view
            .chronological()
            .iter()
            .filter(|&&i| visible[i as usize])
            .filter_map(|&i| self.hour_of(&story.entries[i as usize]).map(|h| (h, i)))
            .collect();
        let target_hour = if next {
            timed.iter().map(|(h, _)| *h).find(|h| *h > current)
        } else {
            timed.iter().map(|(h, _)| *h).rfind(|h| *h < current)
        };
        let Some(hour) = target_hour else {
            self.message = Some(if next { "no later hour".into() } else { "no earlier hour".into() });
            return;
        };
        let target = timed.iter().find(|(h, _)| *h == hour).map(|(_, i)| *i);
        self.select_entry(target);
    }

    pub(crate) fn select_entry(&mut self, entry: Option<u32>) {
        let Some(entry) = entry else { return };
        if let Some(view) = self.view_mut()
            && let Some(pos) = view.visible.iter().position(|&i| i == entry)
        {
            view.select_position(pos);
        }
    }

    /// Selects the entry at or just before `time` (on `date`, else the story's latest day),
    /// or the closest after when none is before.
    fn go_to(&mut self, date: Option<goto::TypedDate>, time: NaiveTime) -> Result<(), String> {
        let (Some(story), Some(view)) = (self.story(), self.view()) else { return Err("no story".into()) };
        let timed: Vec<(NaiveDateTime, u32)> =
            view.visible.iter().filter_map(|&i| self.shown_at(&story.entries[i as usize]).map(|t| (t, i))).collect();
        let Some(latest) = timed.iter().map(|(t, _)| *t).max() else {
            return Err("no dated entry to go to".into());
        };
        let day = match date {
            None => latest.date(),
            Some(d) => {
                let year = d.year.unwrap_or(latest.date().year());
                NaiveDate::from_ymd_opt(year, d.month, d.day).ok_or("no such date")?
            }
        };
        let target = day.and_time(time);
        let before = timed.iter().filter(|(t, _)| *t <= target).max_by_key(|(t, i)| (*t, view.rank(*i)));
        let after = timed.iter().filter(|(t, _)| *t > target).min_by_key(|(t, i)| (*t, view.rank(*i)));
        let chosen = before.or(after).map(|(_, i)| *i);
        self.select_entry(chosen);
        Ok(())
    }

    fn apply_goto(&mut self, mut input: String, action: Action) {
        match action {
            Action::Input(c) => {
                input.push(c);
                self.mode = Mode::GoTo { input, error: None };
            }
            Action::Backspace => {
                input.pop();
                self.mode = Mode::GoTo { input, error: None };
            }
            Action::Cancel => self.mode = Mode::Normal,
            Action::Submit => match goto::parse(&input).and_then(|(d, t)| self.go_to(d, t)) {
                Ok(()) => self.mode = Mode::Normal,
                Err(error) => self.mode = Mode::GoTo { input, error: Some(error) },
            },
            _ => {}
        }
    }

    fn apply_search(&mut self, previous: String, action: Action) {
        let Some(view) = self.view_mut() else {
            self.mode = Mode::Normal;
            return;
        };
        match action {
            Action::Input(c) => view.query.push(c),
            Action::Backspace => {
                view.query.pop();
            }
            Action::Submit => self.mode = Mode::Normal,
            Action::Cancel => {
                view.query = previous;
                self.mode = Mode::Normal;
            }
            _ => return,
        }
        self.refresh_current();
    }

    fn open_picker(&mut self) {
        let (Some(story), Some(view)) = (self.story(), self.view()) else { return };
        let mut counts = vec![0usize; story.tags.len()];
        for e in &story.entries {
            if let Some(t) = e.tag_id {
                counts[t as usize] += 1;
            }
        }
        let mut tags: Vec<(u32, String, usize)> =
            story.tags.iter().enumerate().map(|(i, t)| (i as u32, t.label.clone(), counts[i])).collect();
        tags.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
        if tags.is_empty() {
            self.message = Some("this story has no tags".into());
            return;
        }
        self.mode = Mode::Tags(TagPicker { tags, cursor: 0, chosen: view.tags.clone() });
    }

    fn apply_picker(&mut self, mut picker: TagPicker, action: Action) {
        let n = picker.tags.len();
        match action {
            Action::Down => picker.cursor = (picker.cursor + 1).min(n.saturating_sub(1)),
            Action::Up => picker.cursor = picker.cursor.saturating_sub(1),
            Action::First => picker.cursor = 0,
            Action::Last => picker.cursor = n.saturating_sub(1),
            Action::ToggleTag => {
                let id = picker.tags[picker.cursor].0;
                if !picker.chosen.remove(&id) {
                    picker.chosen.insert(id);
                }
            }
            Action::Submit => {
                if let Some(view) = self.view_mut() {
                    view.tags = picker.chosen;
                }
                self.refresh_current();
                self.mode = Mode::Normal;
                return;
            }
            Action::Cancel | Action::PickTags => {
                self.mode = Mode::Normal;
                return;
            }
            _ => {}
        }
        self.mode = Mode::Tags(picker);
    }

    /// The pane and inner area under a cell.
    fn pane_at(&self, x: u16, y: u16) -> Option<(Pane, Area)> {
        let s = self.screen();
        [(Pane::Stories, s.stories), (Pane::Timeline, s.timeline), (Pane::Text, s.text)]
            .into_iter()
            .find_map(|(p, a)| a.filter(|a| a.contains(x, y)).map(|a| (p, a.inner())))
    }

    fn click(&mut self, x: u16, y: u16) {
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
                // Two lines per story: title, then outlet, date and counts.
                let rows = self.stories.len() + 1;
                let offset = list_offset(rows, self.story_row(), usize::from(inner.height) / 2);
                let index = offset + row / 2;
                if index < rows {
                    self.select_story(index as i64);
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

    fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let Some((pane, _)) = self.pane_at(x, y) else { return };
        let step = if down { 1 } else { -1 };
        match pane {
            Pane::Stories => self.select_story(self.story_row() as i64 + step),
            Pane::Timeline => self.move_selection(step),
            Pane::Text => self.scroll_text(step * i64::from(WHEEL_LINES)),
        }
    }
}

#[cfg(test)]
mod tests;
