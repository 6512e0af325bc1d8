//! The timeline pane: a row per entry (marker, read/new/edited mark, clock or age, tag,
//! story on the merged timeline, headline) with a separator row where the day changes.

use super::{Ctx, pane_block};
use crate::state::{Order, Pane, Row, list_offset};
use crate::text::{fit, width as cells};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub struct Timeline<'a>(pub Ctx<'a>);

/// Terminal width from which rows show the tag.
const TAG_FROM_COLUMNS: u16 = 100;
/// Cells of the tag column.
const TAG_WIDTH: usize = 12;
/// Cells the headline keeps at least when the tag shows.
const MIN_HEADLINE: usize = 18;
/// Cells of the story column on the merged timeline.
const STORY_WIDTH: usize = 10;

impl Widget for Timeline<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (cx, t) = (self.0, self.0.theme);
        let reader = cx.reader;
        let focused = reader.focus() == Pane::Timeline;
        let (Some(story), Some(view)) = (reader.story(), reader.view()) else {
            let block = pane_block(" Timeline ".into(), focused, t);
            let inner = block.inner(area);
            block.render(area, buf);
            // "All stories" while its first build runs: how far it is, never a partial list.
            if let Some((done, all)) = reader.merging() {
                let msg = format!("Merging every story's timeline… {}%", done * 100 / all.max(1));
                Paragraph::new(msg).wrap(Wrap { trim: true }).style(t.dim).render(inner, buf);
            }
            return;
        };
        let untimed = story.entries.iter().all(|e| e.clock.is_none() && e.at.is_none());
        let order = match reader.order() {
            _ if untimed => "page order",
            Order::NewestFirst => "newest first",
            Order::OldestFirst => "oldest first",
        };
        let block = pane_block(format!(" Timeline · {order} "), focused, t);
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        if view.visible().is_empty() {
            let msg = if view.chronological().is_empty() {
                "This story has no entries.".to_string()
            } else {
                super::status::keyed("No entry matches these filters. Press {clear_filters} to clear them.", cx.keys)
            };
            Paragraph::new(msg).wrap(Wrap { trim: true }).style(t.warning).render(inner, buf);
            return;
        }
        let height = usize::from(inner.height);
        let selected_row = view.selected_row().unwrap_or(0);
        let offset = list_offset(view.rows().len(), selected_row, height);
        let query = crate::model::fold(view.query());
        let mut lines = Vec::with_capacity(height);
        for row in view.rows().iter().skip(offset).take(height) {
            match *row {
                Row::Day(date) => {
                    let label = format!("── {} ", date.format("%a %-d %b %Y"));
                    let pad = width.saturating_sub(cells(&label));
                    lines.push(Line::from(Span::styled(fit(&format!("{label}{}", "─".repeat(pad)), width), t.dim)));
                }
                Row::Entry(i) => lines.push(entry_row(cx, i, width, &query)),
            }
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

fn entry_row(cx: Ctx<'_>, i: u32, width: usize, query: &str) -> Line<'static> {
    let (reader, t) = (cx.reader, cx.theme);
    let (story, view) = (reader.story().expect("shown"), reader.view().expect("shown"));
    let entry = story.entry(i as usize);
    let selected = view.selected() == Some(i);
    let base = if selected { t.selection } else { Style::new() };
    let clock = match reader.age(entry.entry) {
        Some(age) if reader.relative() => format!("{age:>6}"),
        _ if reader.relative() => {
            reader.shown_clock(entry.entry).map_or_else(|| "     ·".to_string(), |c| format!(" {c}"))
        }
        _ => reader.shown_clock(entry.entry).map_or_else(|| "  ·  ".to_string(), |c| c.to_string()),
    };
    // A marker as well as the colours, for terminals without them.
    let marker = if selected { "▸" } else { " " };
    let marks = view.marks().get(i as usize).copied().unwrap_or_default();
    let (mark, mark_style) = if marks.new {
        ("●", t.new_mark)
    } else if marks.edited && !marks.read {
        ("✎", t.edited_mark)
    } else if !marks.read {
        ("•", t.unread_mark)
    } else {
        (" ", Style::new())
    };
    let mut spans = vec![
        Span::styled(marker, base.patch(t.accent)),
        Span::styled(mark, base.patch(mark_style)),
        Span::styled(format!("{clock} "), base.patch(t.accent)),
    ];
    let mut used = cells(&clock) + 3;
    // Columns of fixed width, so headlines start in one column; the tag only where the
    // headline keeps most of the row.
    let story_w = if reader.origin(i).is_some() { STORY_WIDTH + 1 } else { 0 };
    let headline_room = width.saturating_sub(used + story_w + TAG_WIDTH + 1);
    if reader.size().0 >= TAG_FROM_COLUMNS && headline_room >= MIN_HEADLINE && !story.tags.is_empty() {
        let label = entry.tag().map_or_else(String::new, |tag| {
            let written = if t.colour { tag.to_string() } else { format!("[{tag}]") };
            fit(&written, TAG_WIDTH)
        });
        let key = entry.tag_info().map_or_else(String::new, |t| t.key.clone());
        let style = if label.is_empty() { base } else { t.tag_fg.bg(t.tag_colour(&key)) };
        let pad = TAG_WIDTH.saturating_sub(cells(&label));
        used += TAG_WIDTH + 1;
        spans.push(Span::styled(label, style));
        spans.push(Span::styled(" ".repeat(pad + 1), base));
    }
    if let Some((origin, _)) = reader.origin(i) {
        let label = fit(&crate::state::merged::story_label(&reader.stories()[origin]), STORY_WIDTH);
        let pad = STORY_WIDTH.saturating_sub(cells(&label));
        used += STORY_WIDTH + 1;
        spans.push(Span::styled(
            format!("{label}{} ", " ".repeat(pad)),
            base.patch(t.accent).add_modifier(Modifier::ITALIC),
        ));
    }
    let title = fit(entry.title(), width.saturating_sub(used));
    let matched =
        !query.is_empty() && !crate::text_lines::find_folded(entry.headline().unwrap_or(""), query).is_empty();
    let title_style = if matched && !selected { base.patch(t.matched) } else { base };
    let pad = width.saturating_sub(used + cells(&title));
    spans.push(Span::styled(title, title_style));
    spans.push(Span::styled(" ".repeat(pad), base));
    Line::from(spans)
}
