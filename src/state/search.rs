//! Search like a pager: `/` opens an empty prompt (earlier searches with `↑`/`↓`), edited
//! like a shell line, searching as you type; the text pane scrolls to the first match, which
//! is the current one; `n`/`N` walk the matches inside the entry before moving to the next
//! or previous matching entry; `Esc` restores the search there was before.

use super::line_edit::LineEdit;
use super::{Action, Mode, Reader};

/// What the prompts keep between keys: the line typed, the earlier searches, and the current
/// match of the search in the text pane.
#[derive(Debug, Default)]
pub(super) struct Prompt {
    pub(super) line: LineEdit,
    /// Searches submitted, oldest first, without repeats in a row.
    history: Vec<String>,
    /// Where `↑`/`↓` are in the history (`None`: the line being typed).
    history_at: Option<usize>,
    /// The current match: (entry, n-th match in its text lines).
    hit: Option<(u32, usize)>,
}

impl Reader {
    /// The prompt's line and its cursor (a byte offset), while a prompt is open.
    pub fn prompt_line(&self) -> (&str, usize) {
        (self.prompt.line.text(), self.prompt.line.cursor())
    }

    /// The searches submitted so far, oldest first.
    pub fn search_history(&self) -> &[String] {
        &self.prompt.history
    }

    /// The current search match in the text pane: (line of [`Reader::text_lines`], index
    /// into that line's highlights).
    pub fn current_match(&self) -> Option<(usize, usize)> {
        let (entry, k) = self.prompt.hit?;
        if self.view()?.selected != Some(entry) {
            return None;
        }
        self.matches().get(k).copied()
    }

    /// Every match in the text lines, in reading order: (line, index in the line).
    fn matches(&self) -> Vec<(usize, usize)> {
        let lines = self.text_lines();
        lines.iter().enumerate().flat_map(|(i, l)| (0..l.highlights.len()).map(move |k| (i, k))).collect()
    }

    pub(super) fn open_search(&mut self) {
        let Some(view) = self.view() else { return };
        self.mode = Mode::Search { previous: view.query.clone() };
        self.prompt.line = LineEdit::default();
        self.prompt.history_at = None;
    }

    pub(super) fn open_goto(&mut self) {
        self.prompt.line = LineEdit::default();
        self.mode = Mode::GoTo { input: String::new(), error: None };
    }

    /// Line-editing keys shared by the prompts; true when the key was one.
    pub(super) fn edit_line(&mut self, action: &Action) -> bool {
        let line = &mut self.prompt.line;
        match action {
            Action::Input(c) => line.insert(*c),
            Action::Backspace => line.backspace(),
            Action::CursorLeft => line.left(),
            Action::CursorRight => line.right(),
            Action::LineStart => line.home(),
            Action::LineEnd => line.end(),
            Action::DeleteToStart => line.delete_to_start(),
            Action::DeleteWord => line.delete_word(),
            _ => return false,
        }
        true
    }

    pub(super) fn apply_search(&mut self, previous: String, action: Action) {
        if self.view().is_none() {
            self.mode = Mode::Normal;
            return;
        }
        match action {
            Action::Up | Action::Down => {
                if !self.recall(action == Action::Up) {
                    return;
                }
            }
            Action::Submit => {
                let query = self.prompt.line.text().to_string();
                if !query.is_empty() && self.prompt.history.last() != Some(&query) {
                    self.prompt.history.push(query);
                }
                self.mode = Mode::Normal;
                return;
            }
            Action::Cancel => {
                self.prompt.line = LineEdit::new(&previous);
                self.mode = Mode::Normal;
            }
            action => {
                if !self.edit_line(&action) {
                    return;
                }
                self.prompt.history_at = None;
            }
        }
        let text = self.prompt.line.text().to_string();
        if let Some(view) = self.view_mut() {
            if view.query == text {
                return;
            }
            view.query = text;
        }
        self.refresh_current();
        self.first_match();
    }

    /// `↑` (older) or `↓` (newer) in the history; false when there is nowhere to go.
    fn recall(&mut self, older: bool) -> bool {
        let n = self.prompt.history.len();
        let at = match (self.prompt.history_at, older) {
            (None, true) if n > 0 => Some(n - 1),
            (Some(i), true) if i > 0 => Some(i - 1),
            (Some(i), false) if i + 1 < n => Some(i + 1),
            (Some(_), false) => None,
            _ => return false,
        };
        self.prompt.history_at = at;
        self.prompt.line = LineEdit::new(at.map_or("", |i| self.prompt.history[i].as_str()));
        true
    }

    /// Makes the first match of the selected entry the current one and scrolls to it.
    pub(super) fn first_match(&mut self) {
        self.refresh_text();
        let sel = self.view().and_then(|v| v.selected);
        self.prompt.hit = sel.map(|e| (e, 0));
        self.scroll_to_match();
    }

    fn scroll_to_match(&mut self) {
        let line = self.current_match().map_or(0, |(line, _)| line);
        // A line of context above the match when there is one.
        let top = line.saturating_sub(1);
        if let Some(view) = self.view_mut() {
            view.text_scroll = top;
        }
        self.clamp_scroll();
    }

    /// `n` / `N`: the next or previous match in the entry, else the first (last) match of
    /// the next (previous) matching entry.
    pub(super) fn step_match(&mut self, next: bool) {
        let has_query = self.view().is_some_and(|v| !v.query.is_empty());
        if !has_query {
            self.message = Some("no search: press {search} to search".into());
            return;
        }
        // The next matching entry may be one the search under way has not reached.
        if self.view().is_some_and(|v| v.searching()) {
            self.finish_searches();
        }
        self.refresh_text();
        let count = self.matches().len();
        let sel = self.view().and_then(|v| v.selected);
        let k = match self.prompt.hit {
            Some((e, k)) if Some(e) == sel => Some(k),
            _ => None,
        };
        let within = match (k, next) {
            (Some(k), true) if k + 1 < count => Some(k + 1),
            (Some(k), false) if k > 0 => Some(k - 1),
            (None, true) if count > 0 => Some(0),
            _ => None,
        };
        if let (Some(k), Some(e)) = (within, sel) {
            self.prompt.hit = Some((e, k));
            return self.scroll_to_match();
        }
        self.move_selection(if next { 1 } else { -1 });
        let moved = self.view().and_then(|v| v.selected);
        if moved == sel {
            self.message = Some(if next { "no further match".into() } else { "no earlier match".into() });
            return;
        }
        self.refresh_text();
        let count = self.matches().len();
        self.prompt.hit = moved.map(|e| (e, if next { 0 } else { count.saturating_sub(1) }));
        self.scroll_to_match();
    }
}
