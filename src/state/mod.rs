//! The reader's state and its transitions: the stories, the selected story and, per story, its
//! selected entry, filters and text scroll (in [`StoryView`]); the focused pane, the display
//! order, the zone shown, and the open overlay or prompt. [`Reader::apply`] with an [`Action`]
//! is the only way to change it. No terminal types here: the renderer reads this state, the
//! key map produces actions.

mod access;
mod action;
mod apply;
mod card;
mod clock;
mod edits;
pub mod goto;
mod help;
mod index;
mod line_edit;
mod links;
mod live;
pub mod merged;
mod mouse;
mod navigate;
mod prompts;
mod read;
mod search;
mod search_job;
mod story_list;
mod story_order;
mod tells;
mod text;
mod view;
mod web;

use crate::geometry;
pub use crate::geometry::Pane;
use crate::model::Story;
pub use action::{Action, Reload, SavedRead};
use chrono::{DateTime, FixedOffset, NaiveDate};
pub use help::help_height;
pub use links::{LinkPicker, Request};
pub use live::identities;
pub use search_job::SLICE as SEARCH_SLICE;
use std::collections::BTreeSet;
pub use story_list::{StoryRow, has_entries};
pub use story_order::StoryOrder;
pub use view::{Marks, Row, StoryView, list_offset};
pub use web::{FetchStatus, saved_ids};

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
    /// The reader takes the mouse (wheel, clicks); off, the terminal's own selection works.
    pub mouse: bool,
    /// The order of the story list.
    pub stories: StoryOrder,
}

impl Default for Display {
    fn default() -> Self {
        Display {
            order: Order::NewestFirst,
            zone: ZoneShown::Source,
            pane_widths: (24, 36),
            mouse: true,
            stories: StoryOrder::UnreadFirst,
        }
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
    /// The selected entry's links.
    Links(LinkPicker),
}

/// The whole reader. Its fields are private: [`Reader::apply`] changes them, the accessors
/// named like them read them.
pub struct Reader {
    stories: Vec<Story>,
    views: Vec<StoryView>,
    current: usize,
    focus: Pane,
    order: Order,
    zone: ZoneShown,
    mode: Mode,
    /// Terminal size in cells.
    size: (u16, u16),
    /// Shares of the width for the stories and timeline panes in the wide layout, in percent.
    pane_widths: (u16, u16),
    quit: bool,
    /// A one-line message for the status line (an error, a notice).
    message: Option<String>,
    /// The "All stories" row is selected: the merged timeline is shown.
    all: bool,
    /// The merged timeline, built (by slices) when first shown and kept up to date as
    /// stories change.
    merged: Option<merged::Merged>,
    /// Its build under way, and the stories changed since it took them in.
    merge: merged::Upkeep,
    /// Each story's index by path: a reload finds its story without comparing 10,000 paths
    /// component by component.
    paths: std::collections::HashMap<std::path::PathBuf, usize>,
    /// A zone named in the configuration, added to the zones `z` cycles through.
    configured_zone: Option<chrono_tz::Tz>,
    /// Clocks shown as ages.
    relative: bool,
    /// The selected entry is shown as a diff of its last edit.
    show_diff: bool,
    /// The time and local offset of the last [`Action::Tick`]: ages are counted from it and
    /// "local" is its offset. `None` before the first tick (ages are not shown, local is UTC).
    now: Option<DateTime<FixedOffset>>,
    /// Per story and entry, the day it is shown on in the zone shown (cached: a search
    /// keystroke must not convert 100,000 dates).
    days: Vec<Vec<Option<NaiveDate>>>,
    /// The selected entry's lines at the text pane's width, wrapped once (a 20 MB paragraph
    /// must not be wrapped again at each key) and rebuilt when what they show changes.
    text: text::TextCache,
    /// Per page URL, its last fetch (see `web.rs`).
    fetches: std::collections::HashMap<String, FetchStatus>,
    /// The prompts' line, the search history and the current search match.
    prompt: search::Prompt,
    /// The entry left unread by `m` while it stays selected.
    read: read::ReadState,
    /// The help overlay: (first line shown, lines in all).
    help: (usize, usize),
    /// What the event loop is asked to do (open a link, copy text).
    requests: Vec<Request>,
    /// The order of the story list.
    story_order: StoryOrder,
    /// The key that shows an edit's diff in the key map in effect, named in an edited entry's
    /// meta line (see [`Action::DiffKey`]); `None`: unbound, or not told yet.
    diff_key: Option<String>,
    /// Per story path sharing its title with another story, what tells it apart (see `tells`).
    tells: std::collections::HashMap<std::path::PathBuf, String>,
    /// Stories arrived or changed title since `tells` was worked out.
    tells_stale: bool,
    /// The generations of searches and the size of their slices (see `search_job`).
    searches: search_job::Searches,
}

impl Reader {
    pub fn new(stories: Vec<Story>) -> Self {
        Reader::with_display(stories, Display::default())
    }

    pub fn with_display(mut stories: Vec<Story>, display: Display) -> Self {
        use rayon::prelude::*;
        // The parser's removed lines are for `export --explain`: nothing the reader shows
        // reads them, and a big story's (a `String` each) sit beside its index as it is built.
        for s in &mut stories {
            s.dropped = Vec::new();
        }
        // No index build starts here: see [`Reader::start_indexes`].
        let views: Vec<StoryView> = stories.par_iter().map(StoryView::new).collect();
        let paths = stories.iter().enumerate().map(|(i, s)| (s.path.clone(), i)).collect();
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
            merge: merged::Upkeep::default(),
            paths,
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
            text: text::TextCache::default(),
            fetches: Default::default(),
            prompt: search::Prompt::default(),
            read: read::ReadState::default(),
            help: (0, 0),
            requests: Vec::new(),
            story_order: display.stories,
            diff_key: None,
            tells: Default::default(),
            tells_stale: false,
            searches: Default::default(),
        };
        reader.tells = tells::tells(&reader.stories);
        reader.sort_stories();
        // The reader opens on the first story of the list.
        reader.current = 0;
        reader.refresh_all();
        reader.mark_selected_read();
        reader.refresh_text();
        reader
    }

    /// Starts big stories' index builds in the background (a small story's is built on its
    /// first search). The event loop calls it when it first waits, the first screen drawn:
    /// the builds (19 MB at 60,000 entries) neither take a core from that screen nor fill
    /// their pages beside what it holds. A search typed before builds its index by slices.
    pub fn start_indexes(&mut self) {
        for (view, story) in self.views.iter_mut().zip(&self.stories) {
            view.start_index(story);
        }
    }

    /// Stops the background index builds (each thread ends at its next chunk of entries and
    /// is joined); an index already built stays.
    pub fn stop_indexes(&mut self) {
        for view in &mut self.views {
            view.stop_index();
        }
    }

    /// The view shown, mutable: the merged timeline's on All stories.
    fn view_mut(&mut self) -> Option<&mut StoryView> {
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

    fn refresh(&mut self, index: usize) {
        let story = &self.stories[index];
        // An article without times reads top to bottom whatever the order.
        let newest_first =
            self.order == Order::NewestFirst || story.entries.iter().all(|e| e.clock.is_none() && e.at.is_none());
        let days = &self.days[index];
        let view = &mut self.views[index];
        let looks = (|i: u32| story.entries[i as usize].tag_id, |i: u32| days[i as usize]);
        view.refresh(story, newest_first, looks, &mut self.searches);
    }

    /// Recomputes everything derived from the order and the zone shown.
    fn refresh_all(&mut self) {
        self.days.clear();
        for i in 0..self.stories.len() {
            self.refresh_story(i);
        }
        self.refresh_merged_days();
        self.refresh_merged();
    }

    /// Recomputes one story after it changed (or was added).
    fn refresh_story(&mut self, index: usize) {
        let days = self.stories[index].entries.iter().map(|e| self.shown_at(e).map(|t| t.date())).collect();
        if index < self.days.len() {
            self.days[index] = days;
        } else {
            self.days.push(days);
        }
        self.refresh(index);
    }
}

impl Drop for Reader {
    /// Views go first: a view's background index build reads its story (`index::Slot::start`).
    fn drop(&mut self) {
        self.stop_indexes();
    }
}

#[cfg(test)]
mod tests;
