//! The story list ("All stories" first, then each story with what it holds) and, in the
//! narrower layouts, the one-line story header that stands for it.

use super::{Ctx, pane_block, story_title};
use crate::state::{Pane, list_offset};
use crate::text::fit;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// The story list pane.
pub struct Stories<'a>(pub Ctx<'a>);

/// The one-line story header of the medium and narrow layouts.
pub struct Header<'a>(pub Ctx<'a>);

fn story_summary(cx: Ctx<'_>, index: usize) -> String {
    let story = &cx.reader.stories()[index];
    let view = &cx.reader.views()[index];
    let mut parts = Vec::new();
    if let Some(o) = &story.outlet {
        parts.push(o.clone());
    }
    if let Some(d) = story.date() {
        parts.push(d.format("%-d %b %Y").to_string());
    }
    let n = story.entries.len();
    if view.has_filters() {
        parts.push(format!("{}/{n} match", view.visible().len()));
    } else {
        parts.push(format!("{n} {}", if n == 1 { "entry" } else { "entries" }));
    }
    let unread = view.unread();
    if unread > 0 {
        parts.push(format!("{unread} unread"));
    }
    let new = view.new_count();
    if new > 0 {
        parts.push(format!("● {new} new"));
    }
    if story.ended() {
        parts.push("ended".into());
    }
    if view.gone() {
        parts.push("file gone".into());
    }
    parts.join(" · ")
}

/// The two lines of a row of the story list: title, then what it holds. Row 0 is
/// "All stories".
fn story_row_text(cx: Ctx<'_>, row: usize) -> (String, String) {
    let reader = cx.reader;
    if row == 0 {
        let timed: usize = reader.views().iter().map(|v| v.timed()).sum();
        let n = reader.stories().len();
        let mut summary = format!("{timed} timed entries from {n} {}", if n == 1 { "story" } else { "stories" });
        if reader.all()
            && let Some(view) = reader.view()
            && view.has_filters()
        {
            summary = format!("{}/{timed} match", view.visible().len());
        }
        return ("All stories".into(), summary);
    }
    (story_title(&reader.stories()[row - 1]), story_summary(cx, row - 1))
}

impl Widget for Stories<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (cx, t) = (self.0, self.0.theme);
        let reader = cx.reader;
        let block = pane_block(format!(" Stories {} ", reader.stories().len()), reader.focus() == Pane::Stories, t);
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        let per_item = 2;
        let shown = usize::from(inner.height) / per_item;
        let rows = reader.stories().len() + 1;
        let offset = list_offset(rows, reader.story_row(), shown);
        let mut lines = Vec::new();
        for row in offset..rows.min(offset + shown) {
            let current = row == reader.story_row();
            let marker = if current { "▸ " } else { "  " };
            let mut title_style = Style::new();
            if current {
                title_style = title_style.add_modifier(Modifier::BOLD).patch(t.accent);
            }
            let (title, summary) = story_row_text(cx, row);
            lines.push(Line::from(Span::styled(fit(&format!("{marker}{title}"), width), title_style)));
            lines.push(Line::from(Span::styled(fit(&format!("  {summary}"), width), t.dim)));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

impl Widget for Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let cx = self.0;
        let reader = cx.reader;
        if reader.stories().is_empty() {
            Paragraph::new("no story").render(area, buf);
            return;
        }
        let (title, summary) = story_row_text(cx, reader.story_row());
        let position = if reader.all() {
            "all".to_string()
        } else {
            format!("{}/{}", reader.current() + 1, reader.stories().len())
        };
        let text = format!("◂ {position} ▸ {title} · {summary}");
        let line =
            Line::from(Span::styled(fit(&text, usize::from(area.width)), cx.theme.accent.add_modifier(Modifier::BOLD)));
        Paragraph::new(line).render(area, buf);
    }
}
