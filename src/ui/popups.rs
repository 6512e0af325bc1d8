//! The overlays: the help (every key of the normal map, in two columns on a short screen,
//! and the tag picker's keys) and the tag picker. Both are generated from the key maps in
//! effect, so rebinding a key changes them.

use super::Ctx;
use crate::keys::KeyMode;
use crate::state::{Action, TagPicker, list_offset};
use crate::text::{fit, width as cells};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

pub struct Help<'a>(pub Ctx<'a>);

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
fn picker_hint(cx: Ctx<'_>, cancel: bool) -> String {
    let mut actions = vec![(Action::ToggleTag, "toggles"), (Action::Submit, "applies")];
    if cancel {
        actions.push((Action::Cancel, "cancels"));
    }
    cx.keys.hint(KeyMode::Tags, &actions).join(", ")
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (cx, t) = (self.0, self.0.theme);
        let rows = cx.keys.help();
        let key_w = rows.iter().map(|(k, _)| cells(k)).max().unwrap_or(0);
        let desc_w = rows.iter().map(|(_, d)| cells(d)).max().unwrap_or(0);
        let cell_w = key_w + desc_w + 4;
        // On a short screen the keys go in two columns rather than off the bottom.
        let room = usize::from(area.height.saturating_sub(2));
        let columns = if rows.len() + 3 > room && usize::from(area.width) >= 2 * cell_w + 2 { 2 } else { 1 };
        let per_column = rows.len().div_ceil(columns);
        let cell = |(k, d): &(String, &str)| {
            vec![Span::styled(format!(" {k:key_w$}  "), t.accent), Span::raw(format!("{d:desc_w$} "))]
        };
        let mut lines: Vec<Line> = (0..per_column)
            .map(|r| {
                let mut spans = Vec::new();
                for c in 0..columns {
                    if let Some(row) = rows.get(c * per_column + r) {
                        spans.extend(cell(row));
                    }
                }
                Line::from(spans)
            })
            .collect();
        if lines.len() + 3 <= room {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                " mouse: wheel scrolls the pane under it; a click selects a row",
                t.dim,
            )));
            lines.push(Line::from(Span::styled(format!(" in the tag picker: {}", picker_hint(cx, true)), t.dim)));
        }
        let width = (columns * cell_w + 2).max(66) as u16;
        let popup = centred(area, width, lines.len() as u16 + 2);
        let mut closing: Vec<String> = cx.keys.key_for(KeyMode::Normal, &Action::Help).into_iter().collect();
        closing.extend(cx.keys.key_for(KeyMode::Help, &Action::Cancel));
        let title = format!(" Keys — {} closes ", closing.join(" or "));
        Clear.render(popup, buf);
        let block = Block::new().borders(Borders::ALL).title(title).title_alignment(Alignment::Center);
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
            .title(format!(" Tags — {} ", picker_hint(self.cx, false)))
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
