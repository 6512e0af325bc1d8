//! Every change the reader knows, as data: keys, mouse, terminal and file events all become
//! an [`Action`], and [`super::Reader::apply`] is the only way to change the reader.

use crate::model::Story;

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
    /// The time now, with the local offset (sent about once a second while running).
    Tick(chrono::DateTime<chrono::FixedOffset>),
    /// A message for the status line from outside the reader (a watch that cannot start).
    Message(String),
}
