//! Rendering: a pure function of the [`Reader`] onto a ratatui buffer. Each pane is a module
//! with a [`Widget`] over a borrowed view of the state; only the rows that fit are built, so a
//! story of 100,000 entries renders as fast as one of fifteen.

mod help;
mod popups;
mod status;
mod stories;
mod text;
mod theme;
mod timeline;

use crate::geometry::{self, Area};
use crate::keys::KeyMap;
use crate::model::Story;
use crate::state::{Mode, Reader};
pub use help::{HelpLine, help_lines};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Borders, Widget};
pub use theme::Theme;

/// What every pane borrows: the state, the key maps in effect and the theme.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub reader: &'a Reader,
    pub keys: &'a KeyMap,
    pub theme: &'a Theme,
}

/// The whole reader as one widget.
pub struct ReaderView<'a>(pub Ctx<'a>);

impl Widget for ReaderView<'_> {
    fn render(self, size: Rect, buf: &mut Buffer) {
        let cx = self.0;
        if size.width < 2 || size.height < 1 {
            return;
        }
        let r = cx.reader;
        let screen = geometry::screen(size.width, size.height, r.focus(), r.pane_widths());
        if let Some(a) = screen.stories {
            stories::Stories(cx).render(rect(a), buf);
        }
        if let Some(a) = screen.header {
            stories::Header(cx).render(rect(a), buf);
        }
        if let Some(a) = screen.timeline {
            timeline::Timeline(cx).render(rect(a), buf);
        }
        if let Some(a) = screen.text {
            text::Text(cx).render(rect(a), buf);
        }
        status::Status(cx).render(rect(screen.status), buf);
        match r.mode() {
            Mode::Help => help::Help(cx).render(size, buf),
            Mode::Tags(picker) => popups::Picker { cx, picker }.render(size, buf),
            Mode::Links(picker) => popups::Links { cx, picker }.render(size, buf),
            _ => {}
        }
    }
}

/// Draws the whole reader.
pub fn render(reader: &Reader, keys: &KeyMap, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    frame.render_widget(ReaderView(Ctx { reader, keys, theme }), area);
}

fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}

fn pane_block(title: String, focused: bool, t: &Theme) -> Block<'static> {
    let style = if focused { t.accent } else { t.dim };
    // A thick border as well as the colour: the focused pane shows without colour too.
    let kind = if focused { BorderType::Thick } else { BorderType::Plain };
    Block::new()
        .borders(Borders::ALL)
        .border_type(kind)
        .border_style(style)
        .title(Span::styled(title, Style::new().add_modifier(Modifier::BOLD)))
}

/// A story's title, else its file name, escaped.
fn story_title(story: &Story) -> String {
    if story.title.is_empty() { crate::text::escape_path(&story.path).into_owned() } else { story.title.clone() }
}
