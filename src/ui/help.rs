//! The help overlay: every key of every mode — the reader, the prompts, the tag picker and
//! the help itself — one line each, generated from the key maps in effect (rebinding a key
//! changes it), in a window that scrolls when the screen is too short to hold it all.

use super::Ctx;
use crate::keys::{KeyMap, KeyMode};
use crate::state::{Action, help_height};
use crate::text::{fit, width as cells};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

/// A line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Section(&'static str),
    /// Keys as written in the key map, and what they do.
    Key(String, &'static str),
    Note(&'static str),
}

const SECTIONS: [(KeyMode, &str); 5] = [
    (KeyMode::Normal, "Reading"),
    (KeyMode::Prompt, "Search and go-to-time prompts (other keys are typed)"),
    (KeyMode::Tags, "Tag picker"),
    (KeyMode::Links, "Link list"),
    (KeyMode::Help, "This help"),
];

/// Every line of the help for a key map.
pub fn help_lines(keys: &KeyMap) -> Vec<HelpLine> {
    let mut out = Vec::new();
    for (mode, title) in SECTIONS {
        if !out.is_empty() {
            out.push(HelpLine::Note(""));
        }
        out.push(HelpLine::Section(title));
        for (action, written) in keys.bindings(mode) {
            if !written.is_empty() {
                out.push(HelpLine::Key(written.join(" "), about_in(mode, action)));
            }
        }
    }
    out.push(HelpLine::Note(""));
    out.push(HelpLine::Section("Mouse"));
    out.push(HelpLine::Note("the wheel scrolls the pane under it; a click selects a row"));
    out
}

/// What an action does in `mode`: the same action does something else outside the reader
/// (`↑` in the search prompt recalls an earlier search; nothing there scrolls the text).
fn about_in(mode: KeyMode, action: &Action) -> &'static str {
    match (mode, action) {
        (KeyMode::Prompt, Action::Up) => "an earlier search (history)",
        (KeyMode::Prompt, Action::Down) => "a later search (history)",
        (KeyMode::Tags | KeyMode::Links, Action::Up) => "move up",
        (KeyMode::Tags | KeyMode::Links, Action::Down) => "move down",
        (KeyMode::Help, Action::Up) => "scroll up",
        (KeyMode::Help, Action::Down) => "scroll down",
        (KeyMode::Links, Action::CopyText) => "copy the link",
        _ => action.about(),
    }
}

pub struct Help<'a>(pub Ctx<'a>);

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (cx, t) = (self.0, self.0.theme);
        let lines = help_lines(cx.keys);
        let key_w = lines.iter().map(|l| if let HelpLine::Key(k, _) = l { cells(k) } else { 0 }).max().unwrap_or(0);
        let desc_w = lines.iter().map(|l| if let HelpLine::Key(_, d) = l { cells(d) } else { 0 }).max().unwrap_or(0);
        let width = ((key_w + desc_w + 5).max(62) as u16).min(area.width);
        let inner_w = usize::from(width.saturating_sub(2));
        // On a narrow screen the keys keep at most half the line.
        let key_w = key_w.min(inner_w / 2);
        let shown = help_height(lines.len(), area.height);
        let top = cx.reader.help_scroll().min(lines.len() - shown);
        let body: Vec<Line> = lines
            .iter()
            .skip(top)
            .take(shown)
            .map(|l| match l {
                HelpLine::Section(s) => {
                    Line::from(Span::styled(fit(s, inner_w), Style::new().add_modifier(Modifier::BOLD)))
                }
                HelpLine::Note(n) => Line::from(Span::styled(fit(&format!(" {n}"), inner_w), t.dim)),
                HelpLine::Key(k, d) => {
                    let k = fit(k, key_w);
                    let pad = key_w - cells(&k);
                    let rest = inner_w.saturating_sub(key_w + 3);
                    Line::from(vec![
                        Span::styled(format!(" {k}{}  ", " ".repeat(pad)), t.accent),
                        Span::raw(fit(d, rest)),
                    ])
                }
            })
            .collect();
        // Centred above the status line, which keeps its hints.
        let room = Rect { height: area.height.saturating_sub(1), ..area };
        let h = (shown as u16 + 2).min(room.height);
        let popup = Rect::new(room.x + (room.width - width) / 2, room.y + (room.height - h) / 2, width, h);
        let mut closing: Vec<String> = cx.keys.key_for(KeyMode::Normal, &Action::Help).into_iter().collect();
        closing.extend(cx.keys.key_for(KeyMode::Help, &Action::Cancel));
        let mut block = Block::new()
            .borders(Borders::ALL)
            .title(fit(&format!(" Keys — {} closes ", closing.join(" or ")), inner_w))
            .title_alignment(Alignment::Center);
        if shown < lines.len() {
            let scroll = cx.keys.hint(KeyMode::Help, &[(Action::Down, ""), (Action::Up, "")]);
            let keys: Vec<&str> = scroll.iter().map(|s| s.trim_end()).collect();
            let position = format!(" {}–{} of {} · {} scroll ", top + 1, top + shown, lines.len(), keys.join("/"));
            block = block.title_bottom(Line::from(fit(&position, inner_w)).alignment(Alignment::Right));
        }
        Clear.render(popup, buf);
        Paragraph::new(body).block(block).render(popup, buf);
    }
}
