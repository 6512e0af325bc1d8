//! The text pane: the selected entry's lines (wrapped and cached by the state), styled by
//! kind, with search matches highlighted and a scrollbar; the story's title and summary when
//! no entry is shown.

use super::{Ctx, Theme, pane_block, story_title};
use crate::state::Pane;
use crate::text_lines::LineStyle;
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget, Wrap};

pub struct Text<'a>(pub Ctx<'a>);

impl Widget for Text<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (reader, t) = (self.0.reader, self.0.theme);
        let block = pane_block(" Text ".into(), reader.focus() == Pane::Text, t);
        let inner = block.inner(area);
        block.render(area, buf);
        let (Some(story), Some(view)) = (reader.story(), reader.view()) else { return };
        let lines = reader.text_lines();
        if lines.is_empty() {
            let mut intro: Vec<Line> =
                vec![Line::from(Span::styled(story_title(story), Style::new().add_modifier(Modifier::BOLD)))];
            for p in story.summary() {
                intro.push(Line::default());
                intro.push(Line::from(p.to_string()));
            }
            Paragraph::new(intro).wrap(Wrap { trim: false }).render(inner, buf);
            return;
        }
        let height = usize::from(inner.height);
        let scroll = view.text_scroll().min(lines.len().saturating_sub(height));
        let current = reader.current_match();
        let shown: Vec<Line> = lines
            .iter()
            .enumerate()
            .skip(scroll)
            .take(height)
            .map(|(i, l)| {
                let style = match l.style {
                    LineStyle::Headline => Style::new().add_modifier(Modifier::BOLD),
                    LineStyle::Meta => t.accent,
                    LineStyle::Body | LineStyle::Blank => Style::new(),
                    LineStyle::Caption => t.dim.add_modifier(Modifier::ITALIC),
                    LineStyle::Link => t.link,
                };
                let current = current.filter(|(line, _)| *line == i).map(|(_, k)| k);
                highlighted(&l.text, &l.highlights, style, t, current)
            })
            .collect();
        Paragraph::new(shown).render(inner, buf);
        if lines.len() > height && inner.width > 0 {
            let mut state = ScrollbarState::new(lines.len().saturating_sub(height)).position(scroll);
            let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight).begin_symbol(None).end_symbol(None);
            bar.render(area.inner(Margin { vertical: 1, horizontal: 0 }), buf, &mut state);
        }
    }
}

/// A line with its search matches highlighted; the current match (`current`-th) also
/// reversed and underlined, so it shows without colour.
fn highlighted(
    text: &str,
    ranges: &[std::ops::Range<usize>],
    style: Style,
    t: &Theme,
    current: Option<usize>,
) -> Line<'static> {
    if ranges.is_empty() {
        return Line::from(Span::styled(text.to_string(), style));
    }
    let mut spans = Vec::new();
    let mut at = 0;
    for (k, r) in ranges.iter().enumerate() {
        if r.start > at {
            spans.push(Span::styled(text[at..r.start].to_string(), style));
        }
        let run = &text[r.clone()];
        let mut matched = if run.starts_with("[-") && run.ends_with("-]") {
            style.patch(t.deleted)
        } else if run.starts_with("{+") && run.ends_with("+}") {
            style.patch(t.inserted)
        } else {
            t.match_style(style)
        };
        if current == Some(k) {
            matched = matched.add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
        }
        spans.push(Span::styled(text[r.clone()].to_string(), matched));
        at = r.end;
    }
    if at < text.len() {
        spans.push(Span::styled(text[at..].to_string(), style));
    }
    Line::from(spans)
}
