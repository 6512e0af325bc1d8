//! Rendering: a pure function of the [`Reader`] onto a ratatui [`Frame`]. Only the rows that
//! fit are built, so a story of 100,000 entries renders as fast as one of fifteen.

use crate::keys::KeyMap;
use crate::layout::{self, Area};
use crate::model::Story;
use crate::state::{Mode, Pane, Reader, Row, TagPicker, list_offset};
use crate::textlayout::LineStyle;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}

/// The colours of the reader, by role. `Theme::default()` is the built-in one; the
/// configuration file's `[theme]` changes roles; `Theme::monochrome()` (NO_COLOR, or a
/// terminal without colour) uses none and marks with brackets and reverse video instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub colour: bool,
    /// Focused pane borders, clocks, key names.
    pub accent: Color,
    /// Borders of panes without focus, captions, hints.
    pub dim: Color,
    pub warning: Color,
    pub error: Color,
    /// Headlines in the timeline that match the search.
    pub matched: Color,
    pub match_fg: Color,
    pub match_bg: Color,
    pub new_mark: Color,
    pub unread_mark: Color,
    pub edited_mark: Color,
    pub link: Color,
    pub tag_fg: Color,
    /// Background of the selected row; `None`: reverse video.
    pub selection: Option<Color>,
    /// Tag label backgrounds; a tag's colour is picked from these by its folded name.
    pub tags: Vec<Color>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            colour: true,
            accent: Color::Cyan,
            dim: Color::DarkGray,
            warning: Color::Yellow,
            error: Color::Red,
            matched: Color::Yellow,
            match_fg: Color::Black,
            match_bg: Color::Yellow,
            new_mark: Color::Green,
            unread_mark: Color::DarkGray,
            edited_mark: Color::Magenta,
            link: Color::Blue,
            tag_fg: Color::Black,
            selection: None,
            tags: TAG_COLOURS.to_vec(),
        }
    }
}

impl Theme {
    /// No colour at all (no-color.org).
    pub fn monochrome() -> Self {
        let r = Color::Reset;
        Theme {
            colour: false,
            accent: r,
            dim: r,
            warning: r,
            error: r,
            matched: r,
            match_fg: r,
            match_bg: r,
            new_mark: r,
            unread_mark: r,
            edited_mark: r,
            link: r,
            tag_fg: r,
            selection: None,
            tags: vec![r],
        }
    }

    /// A stable colour for a folded tag: the same tag has the same colour in every story and run.
    pub fn tag_colour(&self, key: &str) -> Color {
        let mut hash = crate::model::Fnv::default();
        hash.write(key.as_bytes());
        self.tags[(hash.finish() % self.tags.len().max(1) as u64) as usize]
    }

    /// The style of the selected row.
    fn selected_style(&self) -> Style {
        match self.selection {
            Some(bg) => Style::new().bg(bg).add_modifier(Modifier::BOLD),
            None => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    /// The style of search matches: colours, or reverse video without them.
    fn match_style(&self, base: Style) -> Style {
        if self.colour { base.bg(self.match_bg).fg(self.match_fg) } else { base.add_modifier(Modifier::REVERSED) }
    }
}

const TAG_COLOURS: [Color; 10] = [
    Color::Cyan,
    Color::Green,
    Color::Yellow,
    Color::Magenta,
    Color::Blue,
    Color::LightRed,
    Color::LightCyan,
    Color::LightGreen,
    Color::LightMagenta,
    Color::LightBlue,
];

/// Cuts `text` to `width` cells, ending with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

fn pane_block(title: String, focused: bool, t: &Theme) -> Block<'static> {
    let style = if focused { Style::new().fg(t.accent) } else { Style::new().fg(t.dim) };
    Block::new()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(title, Style::new().add_modifier(Modifier::BOLD)))
}

/// Draws the whole reader.
pub fn render(reader: &Reader, keys: &KeyMap, t: &Theme, frame: &mut Frame) {
    let size = frame.area();
    if size.width < 2 || size.height < 1 {
        return;
    }
    let screen = layout::screen(size.width, size.height, reader.focus, reader.pane_widths);
    if let Some(a) = screen.stories {
        render_stories(reader, t, frame, a);
    }
    if let Some(a) = screen.header {
        render_header(reader, t, frame, a);
    }
    if let Some(a) = screen.timeline {
        render_timeline(reader, t, frame, a);
    }
    if let Some(a) = screen.text {
        render_text(reader, t, frame, a);
    }
    render_status(reader, t, frame, screen.status);
    match &reader.mode {
        Mode::Help => render_help(keys, t, frame, size),
        Mode::Tags(picker) => render_picker(picker, frame, size),
        _ => {}
    }
}

fn story_summary(reader: &Reader, index: usize) -> String {
    let story = &reader.stories[index];
    let view = &reader.views[index];
    let mut parts = Vec::new();
    if let Some(o) = &story.outlet {
        parts.push(o.clone());
    }
    if let Some(d) = story.date() {
        parts.push(d.format("%-d %b %Y").to_string());
    }
    let n = story.entries.len();
    if view.has_filters() {
        parts.push(format!("{}/{n} match", view.visible.len()));
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
    if view.gone {
        parts.push("file gone".into());
    }
    parts.join(" · ")
}

fn story_title(story: &Story) -> String {
    if story.title.is_empty() {
        crate::input::clean(&story.path.display().to_string()).into_owned()
    } else {
        story.title.clone()
    }
}

/// The two lines of a row of the story list: title, then what it holds. Row 0 is
/// "All stories".
fn story_row_text(reader: &Reader, row: usize) -> (String, String) {
    if row == 0 {
        let timed: usize = reader.stories.iter().map(|s| s.entries.iter().filter(|e| e.clock.is_some()).count()).sum();
        let n = reader.stories.len();
        let mut summary = format!("{timed} timed entries from {n} {}", if n == 1 { "story" } else { "stories" });
        if reader.all
            && let Some(view) = reader.view()
            && view.has_filters()
        {
            summary = format!("{}/{timed} match", view.visible.len());
        }
        return ("All stories".into(), summary);
    }
    (story_title(&reader.stories[row - 1]), story_summary(reader, row - 1))
}

fn render_stories(reader: &Reader, t: &Theme, frame: &mut Frame, area: Area) {
    let block = pane_block(format!(" Stories {} ", reader.stories.len()), reader.focus == Pane::Stories, t);
    let inner = area.inner();
    frame.render_widget(block, rect(area));
    let width = usize::from(inner.width);
    let per_item = 2;
    let shown = usize::from(inner.height) / per_item;
    let rows = reader.stories.len() + 1;
    let offset = list_offset(rows, reader.story_row(), shown);
    let mut lines = Vec::new();
    for row in offset..rows.min(offset + shown) {
        let current = row == reader.story_row();
        let marker = if current { "▸ " } else { "  " };
        let mut title_style = Style::new();
        if current {
            title_style = title_style.add_modifier(Modifier::BOLD).fg(t.accent);
        }
        let (title, summary) = story_row_text(reader, row);
        lines.push(Line::from(Span::styled(fit(&format!("{marker}{title}"), width), title_style)));
        lines.push(Line::from(Span::styled(fit(&format!("  {summary}"), width), Style::new().fg(t.dim))));
    }
    frame.render_widget(Paragraph::new(lines), rect(inner));
}

fn render_header(reader: &Reader, t: &Theme, frame: &mut Frame, area: Area) {
    if reader.stories.is_empty() {
        frame.render_widget(Paragraph::new("no story"), rect(area));
        return;
    }
    let (title, summary) = story_row_text(reader, reader.story_row());
    let position =
        if reader.all { "all".to_string() } else { format!("{}/{}", reader.current + 1, reader.stories.len()) };
    let text = format!("◂ {position} ▸ {title} · {summary}");
    let line = Line::from(Span::styled(
        fit(&text, usize::from(area.width)),
        Style::new().fg(t.accent).add_modifier(Modifier::BOLD),
    ));
    frame.render_widget(Paragraph::new(line), rect(area));
}

fn render_timeline(reader: &Reader, t: &Theme, frame: &mut Frame, area: Area) {
    let focused = reader.focus == Pane::Timeline;
    let (Some(story), Some(view)) = (reader.story(), reader.view()) else {
        frame.render_widget(pane_block(" Timeline ".into(), focused, t), rect(area));
        return;
    };
    let order = match reader.order {
        crate::state::Order::NewestFirst => "newest first",
        crate::state::Order::OldestFirst => "oldest first",
    };
    frame.render_widget(pane_block(format!(" Timeline · {order} "), focused, t), rect(area));
    let inner = area.inner();
    let width = usize::from(inner.width);
    if view.visible.is_empty() {
        let msg = if story.entries.is_empty() {
            "This story has no entries.".to_string()
        } else {
            "No entry matches these filters. Press c to clear them.".to_string()
        };
        let p = Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: true }).style(Style::new().fg(t.warning));
        frame.render_widget(p, rect(inner));
        return;
    }
    let height = usize::from(inner.height);
    let selected_row = view.selected_row().unwrap_or(0);
    let offset = list_offset(view.rows.len(), selected_row, height);
    let query = crate::model::fold(&view.query);
    let mut lines = Vec::with_capacity(height);
    for row in view.rows.iter().skip(offset).take(height) {
        match *row {
            Row::Day(date) => {
                let label = format!("── {} ", date.format("%a %-d %b %Y"));
                let pad = width.saturating_sub(label.width());
                lines.push(Line::from(Span::styled(
                    fit(&format!("{label}{}", "─".repeat(pad)), width),
                    Style::new().fg(t.dim),
                )));
            }
            Row::Entry(i) => {
                let entry = story.entry(i as usize);
                let selected = view.selected == Some(i);
                let base = if selected { t.selected_style() } else { Style::new() };
                let clock = match reader.age(entry.entry) {
                    Some(age) if reader.relative => format!("{age:>6}"),
                    _ => reader.shown_clock(entry.entry).map_or_else(|| "  ·  ".to_string(), |c| c.to_string()),
                };
                // A marker as well as the colours, for terminals without them.
                let marker = if selected { "▸" } else { " " };
                let marks = view.marks.get(i as usize).copied().unwrap_or_default();
                let (mark, mark_style) = if marks.new {
                    ("●", Style::new().fg(t.new_mark))
                } else if marks.edited && !marks.read {
                    ("✎", Style::new().fg(t.edited_mark))
                } else if !marks.read {
                    ("•", Style::new().fg(t.unread_mark))
                } else {
                    (" ", Style::new())
                };
                let mut spans = vec![
                    Span::styled(marker, base.fg(t.accent)),
                    Span::styled(mark, base.patch(mark_style)),
                    Span::styled(format!("{clock} "), base.fg(t.accent)),
                ];
                let mut used = clock.width() + 3;
                if let Some(tag) = entry.tag() {
                    let key = entry.tag_info().map_or_else(String::new, |t| t.key.clone());
                    let written = if t.colour { tag.to_string() } else { format!("[{tag}]") };
                    let label = fit(&written, 18.min(width.saturating_sub(used + 4)));
                    if !label.is_empty() {
                        used += label.width() + 1;
                        spans.push(Span::styled(label, Style::new().fg(t.tag_fg).bg(t.tag_colour(&key))));
                        spans.push(Span::styled(" ", base));
                    }
                }
                if let Some((origin, _)) = reader.origin(i) {
                    let label = fit(&crate::state::merged::story_label(&reader.stories[origin]), 14);
                    used += label.width() + 1;
                    spans.push(Span::styled(format!("{label} "), base.fg(t.accent).add_modifier(Modifier::ITALIC)));
                }
                let title = fit(entry.title(), width.saturating_sub(used));
                let matched = !query.is_empty()
                    && !crate::textlayout::find_folded(entry.headline().unwrap_or(""), &query).is_empty();
                let title_style = if matched && !selected { base.fg(t.matched) } else { base };
                let pad = width.saturating_sub(used + title.width());
                spans.push(Span::styled(title, title_style));
                spans.push(Span::styled(" ".repeat(pad), base));
                lines.push(Line::from(spans));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), rect(inner));
}

fn render_text(reader: &Reader, t: &Theme, frame: &mut Frame, area: Area) {
    let focused = reader.focus == Pane::Text;
    frame.render_widget(pane_block(" Text ".into(), focused, t), rect(area));
    let inner = area.inner();
    let (Some(story), Some(view)) = (reader.story(), reader.view()) else { return };
    let lines = reader.text_lines();
    if lines.is_empty() {
        let mut intro: Vec<Line> =
            vec![Line::from(Span::styled(story_title(story), Style::new().add_modifier(Modifier::BOLD)))];
        for p in story.summary() {
            intro.push(Line::default());
            intro.push(Line::from(p.to_string()));
        }
        frame.render_widget(Paragraph::new(intro).wrap(ratatui::widgets::Wrap { trim: false }), rect(inner));
        return;
    }
    let height = usize::from(inner.height);
    let scroll = usize::from(view.text_scroll).min(lines.len().saturating_sub(height));
    let shown: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(height)
        .map(|l| {
            let style = match l.style {
                LineStyle::Headline => Style::new().add_modifier(Modifier::BOLD),
                LineStyle::Meta => Style::new().fg(t.accent),
                LineStyle::Body | LineStyle::Blank => Style::new(),
                LineStyle::Caption => Style::new().fg(t.dim).add_modifier(Modifier::ITALIC),
                LineStyle::Link => Style::new().fg(t.link),
            };
            highlighted(&l.text, &l.highlights, style, t)
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), rect(inner));
    if lines.len() > height && inner.width > 0 {
        let mut state = ScrollbarState::new(lines.len().saturating_sub(height)).position(scroll);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight).begin_symbol(None).end_symbol(None);
        frame.render_stateful_widget(
            bar,
            rect(area).inner(ratatui::layout::Margin { vertical: 1, horizontal: 0 }),
            &mut state,
        );
    }
}

fn highlighted(text: &str, ranges: &[std::ops::Range<usize>], style: Style, t: &Theme) -> Line<'static> {
    if ranges.is_empty() {
        return Line::from(Span::styled(text.to_string(), style));
    }
    let mut spans = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start > at {
            spans.push(Span::styled(text[at..r.start].to_string(), style));
        }
        spans.push(Span::styled(text[r.clone()].to_string(), t.match_style(style)));
        at = r.end;
    }
    if at < text.len() {
        spans.push(Span::styled(text[at..].to_string(), style));
    }
    Line::from(spans)
}

fn render_status(reader: &Reader, t: &Theme, frame: &mut Frame, area: Area) {
    if area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let line = match &reader.mode {
        Mode::Search { .. } => {
            let query = reader.view().map_or("", |v| v.query.as_str());
            let n = reader.view().map_or(0, |v| v.visible.len());
            Line::from(vec![
                Span::styled(format!("/{query}▏"), Style::new().fg(t.warning)),
                Span::styled(format!("  {n} matching · Enter keeps · Esc drops"), Style::new().fg(t.dim)),
            ])
        }
        Mode::GoTo { input, error } => {
            let mut spans = vec![Span::styled(format!("Go to time: {input}▏"), Style::new().fg(t.warning))];
            match error {
                Some(e) => spans.push(Span::styled(format!("  {e}"), Style::new().fg(t.error))),
                None => spans.push(Span::styled("  14:30 · 9h · 21/10 14h30 · Esc cancels", Style::new().fg(t.dim))),
            }
            Line::from(spans)
        }
        _ => status_line(reader, width, t),
    };
    frame.render_widget(Paragraph::new(line), rect(area));
}

fn status_line(reader: &Reader, width: usize, t: &Theme) -> Line<'static> {
    let mut left = Vec::new();
    if let (Some(story), Some(view)) = (reader.story(), reader.view()) {
        if reader.all {
            left.push("all stories".into());
        } else {
            left.push(format!("story {}/{}", reader.current + 1, reader.stories.len()));
        }
        let total = story.entries.len();
        let pos = view.selected_position().map_or(0, |p| p + 1);
        if view.has_filters() {
            left.push(format!("entry {pos}/{} ({total} in all)", view.visible.len()));
        } else {
            left.push(format!("entry {pos}/{total}"));
        }
        if !view.tags.is_empty() {
            let tags: Vec<String> = view.tags.iter().map(|t| format!("#{}", story.tags[*t as usize].label)).collect();
            left.push(tags.join(" "));
        }
        if !view.query.is_empty() {
            left.push(format!("/{}", view.query));
        }
        left.push(reader.zone_label(story));
    } else {
        left.push("no story".into());
    }
    let left = left.join(" · ");
    let hint = if reader.relative { "ages · ? help · q quit" } else { "? help · q quit" };
    let mut spans = vec![Span::raw(fit(&left, width))];
    if let Some(msg) = &reader.message {
        let room = width.saturating_sub(left.width() + 3);
        spans.push(Span::styled(fit(&format!(" · {msg}"), room), Style::new().fg(t.warning)));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    if used + hint.width() + 2 <= width {
        spans.push(Span::raw(" ".repeat(width - used - hint.width())));
        spans.push(Span::styled(hint, Style::new().fg(t.dim)));
    }
    Line::from(spans).style(Style::new().bg(Color::Reset))
}

/// A rectangle centred in `area`, at most `w` × `h`.
fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

fn render_help(keys: &KeyMap, t: &Theme, frame: &mut Frame, area: Rect) {
    let rows = keys.help();
    let key_w = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let desc_w = rows.iter().map(|(_, d)| d.width()).max().unwrap_or(0);
    let cell_w = key_w + desc_w + 4;
    // On a short screen the keys go in two columns rather than off the bottom.
    let room = usize::from(area.height.saturating_sub(2));
    let columns = if rows.len() + 3 > room && usize::from(area.width) >= 2 * cell_w + 2 { 2 } else { 1 };
    let per_column = rows.len().div_ceil(columns);
    let cell = |(k, d): &(String, &str)| {
        vec![Span::styled(format!(" {k:key_w$}  "), Style::new().fg(t.accent)), Span::raw(format!("{d:desc_w$} "))]
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
            Style::new().fg(t.dim),
        )));
        lines.push(Line::from(Span::styled(
            " in the tag picker: Space toggles, Enter applies, Esc cancels",
            Style::new().fg(t.dim),
        )));
    }
    let width = (columns * cell_w + 2).max(66) as u16;
    let popup = centred(area, width, lines.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let block = Block::new().borders(Borders::ALL).title(" Keys — ? or Esc closes ").title_alignment(Alignment::Center);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

fn render_picker(picker: &TagPicker, frame: &mut Frame, area: Rect) {
    let height = (picker.tags.len() as u16 + 2).min(area.height.saturating_sub(2)).max(3);
    let popup = centred(area, 48, height);
    frame.render_widget(Clear, popup);
    let block = Block::new()
        .borders(Borders::ALL)
        .title(" Tags — Space toggles, Enter applies ")
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
            let style = if i == picker.cursor { Style::new().add_modifier(Modifier::REVERSED) } else { Style::new() };
            Line::from(Span::styled(fit(&format!("{check} {label} ({count})"), inner_w), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_with_an_ellipsis_by_width() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
        assert_eq!(fit("日本語テキスト", 5), "日本…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn tag_colours_are_stable() {
        let t = Theme::default();
        assert_eq!(t.tag_colour("diplomatie"), t.tag_colour("diplomatie"));
        let distinct: std::collections::HashSet<_> =
            ["diplomatie", "aide militaire", "coree du nord", "opposant", "elections en moldavie"]
                .iter()
                .map(|k| t.tag_colour(k))
                .collect();
        assert!(distinct.len() >= 3);
        assert_eq!(Theme::monochrome().tag_colour("diplomatie"), Color::Reset);
    }
}
