//! The tag picker overlay, its title generated from the key map in effect (the help overlay
//! is in `help`).

use super::Ctx;
use crate::keys::KeyMode;
use crate::state::{Action, LinkPicker, TagPicker, list_offset};
use crate::text::fit;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

pub struct Picker<'a> {
    pub cx: Ctx<'a>,
    pub picker: &'a TagPicker,
}

/// A rectangle centred in `area`, at most `w` × `h`.
fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

/// The tag picker's keys, as `Space toggles, Enter applies`.
fn picker_hint(cx: Ctx<'_>) -> String {
    cx.keys.hint(KeyMode::Tags, &[(Action::ToggleTag, "toggles"), (Action::Submit, "applies")]).join(", ")
}

/// The link list overlay.
pub struct Links<'a> {
    pub cx: Ctx<'a>,
    pub picker: &'a LinkPicker,
}

impl Widget for Links<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let picker = self.picker;
        let height = (picker.links.len() as u16 + 2).min(area.height.saturating_sub(1)).max(3);
        let popup = centred(area, 90, height);
        Clear.render(popup, buf);
        let hint = self
            .cx
            .keys
            .hint(
                KeyMode::Links,
                &[(Action::Submit, "opens"), (Action::CopyText, "copies"), (Action::Cancel, "closes")],
            )
            .join(", ");
        let block =
            Block::new().borders(Borders::ALL).title(format!(" Links — {hint} ")).title_alignment(Alignment::Center);
        let inner_h = usize::from(popup.height.saturating_sub(2));
        let inner_w = usize::from(popup.width.saturating_sub(2));
        let offset = list_offset(picker.links.len(), picker.cursor, inner_h);
        let lines: Vec<Line> = picker
            .links
            .iter()
            .enumerate()
            .skip(offset)
            .take(inner_h)
            .map(|(i, (what, url))| {
                let style =
                    if i == picker.cursor { Style::new().add_modifier(Modifier::REVERSED) } else { Style::new() };
                let marker = if i == picker.cursor { "▸" } else { " " };
                let text = format!("{marker}{:>2}. {url}  ({what})", i + 1);
                Line::from(Span::styled(fit(&crate::text::neutralise(&text), inner_w), style))
            })
            .collect();
        Paragraph::new(lines).block(block).render(popup, buf);
    }
}

impl Widget for Picker<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let picker = self.picker;
        let height = (picker.tags.len() as u16 + 2).min(area.height.saturating_sub(2)).max(3);
        let popup = centred(area, 48, height);
        Clear.render(popup, buf);
        let block = Block::new()
            .borders(Borders::ALL)
            .title(format!(" Tags — {} ", picker_hint(self.cx)))
            .title_alignment(Alignment::Center);
        let inner_h = usize::from(popup.height.saturating_sub(2));
        let inner_w = usize::from(popup.width.saturating_sub(2));
        let offset = list_offset(picker.tags.len(), picker.cursor, inner_h);
        let lines: Vec<Line> = picker
            .tags
            .iter()
            .enumerate()
            .skip(offset)
            .take(inner_h)
            .map(|(i, (id, label, count))| {
                let check = if picker.chosen.contains(id) { "[x]" } else { "[ ]" };
                let style =
                    if i == picker.cursor { Style::new().add_modifier(Modifier::REVERSED) } else { Style::new() };
                Line::from(Span::styled(fit(&format!("{check} {label} ({count})"), inner_w), style))
            })
            .collect();
        Paragraph::new(lines).block(block).render(popup, buf);
    }
}
