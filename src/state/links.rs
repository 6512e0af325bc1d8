//! Links and the clipboard, as requests: `L` lists the selected entry's links (and the page's
//! address) in a picker, `Enter` asks for the one under the cursor to be opened; `y` asks for
//! the entry's text to be copied. The state only queues [`Request`]s; the event loop carries
//! them out through its host (see `crate::outside`) and says it is done with
//! [`Action::RequestsDone`].

use super::{Action, Mode, Reader};

/// Something only the world outside the reader can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Open an address with the system's opener.
    Open(String),
    /// Put text on the clipboard.
    Copy(String),
}

/// The link picker's own state: (what each link is, its address), and the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPicker {
    pub links: Vec<(String, String)>,
    pub cursor: usize,
}

impl Reader {
    /// Requests waiting for the event loop.
    pub fn requests(&self) -> &[Request] {
        &self.requests
    }

    /// The selected entry's own story and entry (through the merged timeline too).
    fn selected_source(&self) -> Option<(usize, usize)> {
        let sel = self.view()?.selected?;
        match self.origin(sel) {
            Some(o) => Some(o),
            None if self.all => None,
            None => Some((self.current, sel as usize)),
        }
    }

    pub(super) fn open_links(&mut self) {
        let links = match self.selected_source() {
            Some((s, e)) => {
                let story = &self.stories[s];
                crate::links::entry_links(story, story.entry(e))
            }
            None => self.story().and_then(|s| s.url.clone()).map(|u| vec![("the page".into(), u)]).unwrap_or_default(),
        };
        if links.is_empty() {
            self.message = Some("this entry has no links".into());
            return;
        }
        self.mode = Mode::Links(LinkPicker { links, cursor: 0 });
    }

    pub(super) fn apply_links(&mut self, mut picker: LinkPicker, action: Action) {
        let last = picker.links.len().saturating_sub(1);
        match action {
            Action::Down => picker.cursor = (picker.cursor + 1).min(last),
            Action::Up => picker.cursor = picker.cursor.saturating_sub(1),
            Action::First => picker.cursor = 0,
            Action::Last => picker.cursor = last,
            Action::Submit => {
                let url = picker.links[picker.cursor].1.clone();
                self.message = Some(format!("opening {}", crate::text::fit(&url, 60)));
                self.requests.push(Request::Open(url));
                self.mode = Mode::Normal;
                return;
            }
            Action::CopyText => {
                self.requests.push(Request::Copy(picker.links[picker.cursor].1.clone()));
                self.message = Some("address copied".into());
                self.mode = Mode::Normal;
                return;
            }
            Action::Cancel | Action::ListLinks => {
                self.mode = Mode::Normal;
                return;
            }
            _ => {}
        }
        self.mode = Mode::Links(picker);
    }

    /// `y`: the selected entry's headline and text, for the clipboard.
    pub(super) fn copy_text(&mut self) {
        let Some((s, e)) = self.selected_source() else { return };
        let text = crate::text_lines::edit_text(&self.stories[s].entry(e));
        self.requests.push(Request::Copy(text));
        self.message = Some("entry copied (OSC 52)".into());
    }
}
