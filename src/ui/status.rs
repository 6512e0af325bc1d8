//! The status line: where the reader is (story, entry, filters, zone), the last message, and
//! the key hints of the mode in effect — or the prompt being typed.

use super::Ctx;
use crate::keys::{KeyMap, KeyMode};
use crate::state::{Action, Mode};
use crate::text::{fit, width as cells};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub struct Status<'a>(pub Ctx<'a>);

impl Widget for Status<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let (cx, t) = (self.0, self.0.theme);
        let reader = cx.reader;
        let width = usize::from(area.width);
        let line = match reader.mode() {
            Mode::Search { .. } => {
                let query = with_cursor(reader.prompt_line());
                let n = reader.view().map_or(0, |v| v.visible().len());
                let searching = reader.view().is_some_and(|v| v.searching());
                let mut hint =
                    vec![if searching { format!("searching… {n} so far") } else { format!("{n} matching") }];
                hint.extend(cx.keys.hint(KeyMode::Prompt, &[(Action::Submit, "keeps"), (Action::Cancel, "restores")]));
                Line::from(vec![
                    Span::styled(format!("/{query}"), t.warning),
                    Span::styled(format!("  {}", hint.join(" · ")), t.dim),
                ])
            }
            Mode::GoTo { error, .. } => {
                let input = with_cursor(reader.prompt_line());
                let prompt = format!("Go to time: {input}");
                let room = width.saturating_sub(cells(&prompt));
                let mut spans = vec![Span::styled(prompt, t.warning)];
                match error {
                    // Cut with a mark, so a clipped error does not read as whole.
                    Some(e) => spans.push(Span::styled(fit(&format!("  {e}"), room), t.error)),
                    None => {
                        let mut hint = vec!["14:30 · 9h · 21/10 14h30".to_string()];
                        hint.extend(cx.keys.hint(KeyMode::Prompt, &[(Action::Cancel, "cancels")]));
                        spans.push(Span::styled(format!("  {}", hint.join(" · ")), t.dim));
                    }
                }
                Line::from(spans)
            }
            _ => status_line(cx, width),
        };
        Paragraph::new(line).render(area, buf);
    }
}

fn status_line(cx: Ctx<'_>, width: usize) -> Line<'static> {
    let (reader, t) = (cx.reader, cx.theme);
    let mut left = Vec::new();
    if let (Some(story), Some(view)) = (reader.story(), reader.view()) {
        if reader.all() {
            left.push("all stories".into());
        } else {
            left.push(format!("story {}/{}", reader.current() + 1, reader.stories().len()));
        }
        // Not `story.entries`: "All stories" keeps the entries of changed stories emptied.
        let total = view.chronological().len();
        let pos = view.selected_position().map_or(0, |p| p + 1);
        if view.has_filters() {
            left.push(format!("entry {pos}/{} ({total} in all)", view.visible().len()));
        } else {
            left.push(format!("entry {pos}/{total}"));
        }
        if !view.tags().is_empty() {
            let tags: Vec<String> = view.tags().iter().map(|t| format!("#{}", story.tags[*t as usize].label)).collect();
            left.push(tags.join(" "));
        }
        if !view.query().is_empty() {
            left.push(format!("/{}", view.query()));
            if view.searching() {
                left.push("searching…".into());
            }
        }
        if view.unread_only() {
            left.push("unread only".into());
        }
        left.push(reader.zone_label(story));
        left.extend(reader.fetch_label());
        if !reader.all() && !crate::state::has_entries(story) {
            // An empty file has no text to show either.
            let shown = if story.entries.is_empty() { "" } else { ": shown as one text" };
            left.push(format!("no entries found{shown}"));
        }
    } else {
        left.push("no story".into());
    }
    let left = left.join(" · ");
    let mut hint = cx.keys.hint(KeyMode::Normal, &[(Action::Help, "help"), (Action::Quit, "quit")]);
    if reader.relative() {
        hint.insert(0, "ages".into());
    }
    let hint = hint.join(" · ");
    let mut spans = vec![Span::raw(fit(&left, width))];
    if let Some(msg) = reader.message() {
        let msg = keyed(&crate::text::neutralise(msg), cx.keys);
        if cells(&left) + 3 + cells(&msg) <= width {
            spans.push(Span::styled(format!(" · {msg}"), t.warning));
        } else {
            // A message shows once: where it does not fit beside the position, it goes first,
            // whole, and the position takes what is left.
            let msg = fit(&msg, width);
            let room = width - cells(&msg);
            spans = vec![Span::styled(msg, t.warning), Span::raw(fit(&format!(" · {left}"), room))];
        }
    }
    let used: usize = spans.iter().map(|s| cells(&s.content)).sum();
    if used + cells(&hint) + 2 <= width {
        spans.push(Span::raw(" ".repeat(width - used - cells(&hint))));
        spans.push(Span::styled(hint, t.dim));
    }
    Line::from(spans).style(Style::new().bg(Color::Reset))
}

/// A prompt's line with its cursor drawn as `▏`.
fn with_cursor((line, cursor): (&str, usize)) -> String {
    format!("{}▏{}", &line[..cursor], &line[cursor..])
}

/// A message with each `{action}` (an action's name) replaced by its first key in the normal
/// map in effect, so "press {clear_filters} to clear" follows a rebinding.
pub fn keyed(message: &str, keys: &KeyMap) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let key = after.find('}').and_then(|close| {
            let action = Action::from_name(&after[..close])?;
            Some((keys.key_for(KeyMode::Normal, &action).unwrap_or_else(|| after[..close].to_string()), close))
        });
        match key {
            Some((key, close)) => {
                out.push_str(&key);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_keys_in_effect() {
        let keys = KeyMap::default();
        assert_eq!(keyed("press {clear_filters} to clear", &keys), "press c to clear");
        assert_eq!(keyed("{nope} and {+x+}", &keys), "{nope} and {+x+}", "only action names are replaced");
        let rebound = KeyMap::from_table(&[(KeyMode::Normal, "clear_filters".into(), vec!["x".into()])]).unwrap();
        assert_eq!(keyed("press {clear_filters}", &rebound), "press x");
    }
}
