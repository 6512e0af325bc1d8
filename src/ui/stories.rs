//! The story list ("All stories" first, then each story with what it holds) and, in the
//! narrower layouts, the one-line story header that stands for it.

use super::{Ctx, pane_block};
use crate::state::Pane;
use crate::text::{fit, width as cells};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// The fewest cells of title the header keeps beside the counts (a shorter title, whole): a
/// title cut shorter says too little to know the story by, so the counts take a shorter form
/// first.
const TITLE_ROOM: usize = 20;

/// The story list pane.
pub struct Stories<'a>(pub Ctx<'a>);

/// The one-line story header of the medium and narrow layouts.
pub struct Header<'a>(pub Ctx<'a>);

impl Widget for Stories<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (cx, t) = (self.0, self.0.theme);
        let reader = cx.reader;
        let block = pane_block(format!(" Stories {} ", reader.stories().len()), reader.focus() == Pane::Stories, t);
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        let height = usize::from(inner.height);
        let rows = reader.stories().len() + 1;
        let offset = reader.story_list_offset(width, height);
        let mut lines = Vec::new();
        for row in offset..rows {
            if lines.len() >= height {
                break;
            }
            let current = row == reader.story_row();
            let marker = if current { "▸ " } else { "  " };
            let mut title_style = Style::new();
            if current {
                title_style = title_style.add_modifier(Modifier::BOLD).patch(t.accent);
            }
            let text = reader.story_row_lines(row, width);
            lines.push(Line::from(Span::styled(fit(&format!("{marker}{}", text[0]), width), title_style)));
            for more in &text[1..] {
                lines.push(Line::from(Span::styled(fit(&format!("  {more}"), width), t.dim)));
            }
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
        let row = reader.story_row_text(reader.story_row());
        let position = if reader.all() {
            "all".to_string()
        } else {
            format!("{}/{}", reader.current() + 1, reader.stories().len())
        };
        let width = usize::from(area.width);
        // What tells the story from another of its title goes before the title, which is cut.
        let lead = match &row.tell {
            Some(tell) => format!("◂ {position} ▸ {tell} · "),
            None => format!("◂ {position} ▸ "),
        };
        let mut about = row.title;
        for part in &row.about {
            about = format!("{about} · {part}");
        }
        // The counts show whole, in the longest form that leaves the title room to be known
        // by; below that, the title alone.
        let forms = [row.counts.long().join(" · "), row.counts.short().join(" · "), row.counts.tiny()];
        let title_room = cells(&about).min(TITLE_ROOM);
        let text = forms.iter().find(|counts| width >= cells(&lead) + title_room + 3 + cells(counts)).map_or_else(
            || format!("{lead}{about}"),
            |counts| {
                let room = width - cells(&lead) - 3 - cells(counts);
                format!("{lead}{} · {counts}", fit(&about, room))
            },
        );
        let line =
            Line::from(Span::styled(fit(&text, usize::from(area.width)), cx.theme.accent.add_modifier(Modifier::BOLD)));
        Paragraph::new(line).render(area, buf);
    }
}
