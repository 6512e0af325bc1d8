//! Every change the reader knows, as data: keys, mouse, terminal, clock and file events all
//! become an [`Action`], and [`super::Reader::apply`] is the only way to change the reader.
//! The actions a key can be bound to are the unit variants; their names in key maps and the
//! configuration (`next_entry`, `toggle_order`) come from this enum through serde.

use crate::model::Story;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;

/// A story parsed again after its file changed, carried by [`Action::Reloaded`].
#[derive(Debug, Clone)]
pub struct Reload(pub std::sync::Arc<Story>);

impl PartialEq for Reload {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}
impl Eq for Reload {}

/// Read marks saved by an earlier run, carried by [`Action::RestoreRead`]: per story path (as
/// loaded), the saved identities of its read entries. The caller maps its persistence keys
/// to paths, so the state touches no file.
pub type SavedRead = HashMap<PathBuf, Vec<u64>>;

/// Every change the reader knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Open or close the help overlay listing every key.
    Help,
    /// Move focus to the next pane (to the right, wrapping round).
    FocusNext,
    /// Move focus to the previous pane.
    FocusPrev,
    /// Move down in the focused pane (scroll in the text pane, the cursor in the tag picker).
    Down,
    /// Move up in the focused pane.
    Up,
    /// Page down in the focused pane.
    PageDown,
    /// Page up in the focused pane.
    PageUp,
    /// First row of the focused pane (or of the tag picker).
    First,
    /// Last row of the focused pane (or of the tag picker).
    Last,
    /// Next entry in time (later), whatever the display order.
    NextEntry,
    /// Previous entry in time (earlier), whatever the display order.
    PrevEntry,
    /// First entry of the next clock hour.
    NextHour,
    /// First entry of the previous clock hour.
    PrevHour,
    /// Open the go-to-time prompt.
    GoToTime,
    /// Toggle newest-first / oldest-first.
    ToggleOrder,
    /// Cycle the zone shown: the story's own, the user's local zone, UTC, the configured one.
    CycleZone,
    /// Open the tag picker.
    PickTags,
    /// Start a search as you type.
    Search,
    /// Next entry matching the search.
    NextMatch,
    /// Previous entry matching the search.
    PrevMatch,
    /// Clear the tag filter and the search of this story.
    ClearFilters,
    /// Next story of the list.
    NextStory,
    /// Previous story of the list ("All stories" before the first).
    PrevStory,
    /// Open the selected story or entry (focus moves right; on the merged timeline, the
    /// entry's own story).
    Open,
    /// Jump to the next unread entry (oldest first), across stories when none is left here.
    NextUnread,
    /// Show what changed in an edited entry, as a word diff (again: the entry itself).
    ShowDiff,
    /// Clocks as ages (`12 min`, `3 h`) or as times.
    ToggleRelative,
    /// Mark the selected entry read, or unread again.
    ToggleRead,
    /// Mark every entry of the story read (of every story on "All stories").
    MarkAllRead,
    /// Show unread entries only, or every entry again.
    UnreadOnly,
    /// Page the text pane; at the end of the entry, go on to the next one.
    ReadOn,
    /// List the entry's links (and the page's address) to open one.
    ListLinks,
    /// Copy the entry's text to the clipboard (or, in the link list, the address).
    CopyText,
    /// Toggle the tag under the picker's cursor.
    ToggleTag,
    /// Accept a prompt or the picker.
    Submit,
    /// Close a prompt, overlay or picker without applying it.
    Cancel,
    /// Delete the character before the cursor of a prompt.
    Backspace,
    /// Move a prompt's cursor one character left.
    CursorLeft,
    /// Move a prompt's cursor one character right.
    CursorRight,
    /// Move a prompt's cursor to the start of the line.
    LineStart,
    /// Move a prompt's cursor to the end of the line.
    LineEnd,
    /// Delete from the start of a prompt's line to the cursor.
    DeleteToStart,
    /// Delete the word before a prompt's cursor.
    DeleteWord,
    /// A character typed into a prompt (any key a prompt's map does not bind).
    #[serde(skip)]
    Input(char),
    /// The time now, with the user's local offset: ages are counted from it and the local
    /// zone is this offset. Sent at start and regularly; nothing in the state reads a clock.
    #[serde(skip)]
    Tick(chrono::DateTime<chrono::FixedOffset>),
    /// A one-line message for the status line (a load warning, a save failure).
    #[serde(skip)]
    Message(String),
    /// Mark as read what an earlier run read (at start-up).
    #[serde(skip)]
    RestoreRead(SavedRead),
    /// A file was parsed again (or a new file appeared in a watched directory).
    #[serde(skip)]
    Reloaded(Reload),
    /// A file could not be read again; what is shown stays.
    #[serde(skip)]
    ReloadFailed(PathBuf, String),
    /// A page followed by URL was fetched at this time (changed or not); a changed page's
    /// story comes as [`Action::Reloaded`].
    #[serde(skip)]
    PageFetched { url: String, at: chrono::DateTime<chrono::Utc> },
    /// A page followed by URL could not be fetched (`reason` says why); what is shown stays.
    #[serde(skip)]
    PageFailed { url: String, reason: String, at: chrono::DateTime<chrono::Utc> },
    /// A file was deleted; its story stays readable.
    #[serde(skip)]
    FileGone(PathBuf),
    /// The terminal now has this size.
    #[serde(skip)]
    Resize(u16, u16),
    /// The event loop carried out the reader's requests.
    #[serde(skip)]
    RequestsDone,
    /// The help overlay has this many lines (they come from the key map in effect).
    #[serde(skip)]
    HelpLines(usize),
    /// The first key of [`Action::ShowDiff`] in the key map in effect (`None`: unbound), so
    /// that an edited entry's meta line names the key that shows what changed.
    #[serde(skip)]
    DiffKey(Option<String>),
    /// A click at a cell.
    #[serde(skip)]
    Click(u16, u16),
    /// The mouse wheel at a cell, down (true) or up.
    #[serde(skip)]
    Wheel(u16, u16, bool),
    /// A slice more of the search (or of the merged timeline's build) of this generation
    /// ([`super::Reader::search_pending`]), applied by the event loop while no key waits;
    /// dropped when that search was typed over.
    #[serde(skip)]
    SearchStep(u64),
}

impl Action {
    /// The action a key map names (`next_entry`), when it is one a key can be bound to.
    pub fn from_name(name: &str) -> Option<Action> {
        use serde::de::IntoDeserializer;
        let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = name.into_deserializer();
        Action::deserialize(de).ok()
    }

    /// The name of a bindable action (`next_entry`), as key maps write it.
    pub fn name(&self) -> Option<String> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(name)) => Some(name),
            _ => None,
        }
    }

    /// What a bindable action does, for the help overlay.
    pub fn about(&self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "this help",
            Action::FocusNext => "focus the next pane",
            Action::FocusPrev => "focus the previous pane",
            Action::Down => "move down (scroll in the text)",
            Action::Up => "move up (scroll in the text)",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::First => "first row",
            Action::Last => "last row",
            Action::NextEntry => "next entry in time (later)",
            Action::PrevEntry => "previous entry in time (earlier)",
            Action::NextHour => "first entry of the next hour",
            Action::PrevHour => "first entry of the previous hour",
            Action::GoToTime => "go to a time (14:30, 21/10 9h)",
            Action::ToggleOrder => "newest-first / oldest-first",
            Action::CycleZone => "zone shown: page time / local / UTC",
            Action::PickTags => "filter by tags",
            Action::Search => "search as you type",
            Action::NextMatch => "next match",
            Action::PrevMatch => "previous match",
            Action::ClearFilters => "clear this story's filters",
            Action::NextStory => "next story",
            Action::PrevStory => "previous story",
            Action::Open => "open the selected row",
            Action::NextUnread => "next unread entry (oldest first)",
            Action::ShowDiff => "what changed in an edited entry",
            Action::ToggleRelative => "clocks as ages (12 min) / times",
            Action::ToggleRead => "mark the entry read / unread",
            Action::MarkAllRead => "mark the story (or all) read",
            Action::UnreadOnly => "unread entries only / all",
            Action::ReadOn => "page the text, then the next entry",
            Action::ListLinks => "list the entry's links to open one",
            Action::CopyText => "copy the entry's text (or the link)",
            Action::ToggleTag => "toggle the tag under the cursor",
            Action::Submit => "accept the prompt or the picker",
            Action::Cancel => "close without applying",
            Action::Backspace => "delete the character before the cursor",
            Action::CursorLeft => "cursor left",
            Action::CursorRight => "cursor right",
            Action::LineStart => "cursor to the start of the line",
            Action::LineEnd => "cursor to the end of the line",
            Action::DeleteToStart => "delete to the start of the line",
            Action::DeleteWord => "delete the word before the cursor",
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_enum() {
        assert_eq!(Action::from_name("next_entry"), Some(Action::NextEntry));
        assert_eq!(Action::from_name("toggle_relative"), Some(Action::ToggleRelative));
        assert_eq!(Action::NextEntry.name().as_deref(), Some("next_entry"));
        assert_eq!(Action::GoToTime.name().as_deref(), Some("go_to_time"));
        assert_eq!(Action::from_name("resize"), None);
        assert_eq!(Action::from_name("teleport"), None);
        assert_eq!(Action::Resize(1, 1).name(), None);
    }
}
