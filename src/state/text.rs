//! The text pane's lines, wrapped once per entry and width and kept until what they show
//! changes (a 20 MB paragraph is not wrapped again at each key), and the text scroll, clamped
//! to them. Counts are `usize`: an entry of 70,000 paragraphs scrolls to its end.

use super::Reader;
use crate::text_lines::{self, TextLine};

/// What the cached lines show: when any of it changes, they are built again.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shown {
    /// The story (`None`: the merged one) and entry shown.
    story: Option<usize>,
    entry: u32,
    width: u16,
    diff: bool,
    query: String,
    meta: String,
    /// The story card is shown above the entry.
    card: bool,
}

/// The selected entry's lines, with what they were built for.
#[derive(Debug, Default)]
pub(super) struct TextCache {
    shown: Option<Shown>,
    lines: Vec<TextLine>,
    /// How many times lines were built (tests check that keys do not rebuild them).
    pub(super) builds: usize,
}

impl Reader {
    /// Lines of the selected entry's text at the text pane's width (empty when no entry is
    /// shown).
    pub fn text_lines(&self) -> &[TextLine] {
        &self.text.lines
    }

    /// What the text pane should show now.
    fn shown_text(&self) -> Option<Shown> {
        let view = self.view()?;
        let sel = view.selected.filter(|_| !view.visible.is_empty())?;
        let width = self.screen().text.map_or(40, |a| a.inner().width.saturating_sub(1));
        // On the merged timeline, an entry shows as in its own story.
        let (story, index) = match self.origin(sel) {
            Some((s, e)) => (s, e),
            None if self.all => return None,
            None => (self.current, sel as usize),
        };
        let entry = self.stories.get(story)?.entries.get(index)?;
        let diff = self.show_diff && view.before_edit.contains_key(&sel);
        Some(Shown {
            story: Some(story),
            entry: index as u32,
            width,
            diff,
            query: crate::model::fold(&view.query),
            meta: self.meta_line(&self.stories[story], entry),
            card: self.shows_card(),
        })
    }

    /// Rebuilds the text lines when what they show changed.
    pub(super) fn refresh_text(&mut self) {
        let shown = self.shown_text();
        if shown == self.text.shown {
            return;
        }
        self.text.lines = match &shown {
            None => Vec::new(),
            Some(s) => {
                let story = &self.stories[s.story.unwrap_or(self.current)];
                let entry = story.entry(s.entry as usize);
                let before = self.view().and_then(|v| v.selected.and_then(|sel| v.before_edit.get(&sel)));
                let lines = match before {
                    Some(before) if s.diff => text_lines::diff_lines(entry, &s.meta, before, s.width),
                    _ => text_lines::entry_lines(entry, &s.meta, s.width, &s.query),
                };
                if s.card {
                    let mut card = super::card::card_lines(story, s.width);
                    card.extend(lines);
                    card
                } else {
                    lines
                }
            }
        };
        self.text.shown = shown;
        self.text.builds += 1;
    }

    /// Forgets the lines: the story under them changed.
    pub(super) fn invalidate_text(&mut self) {
        self.text.shown = None;
    }

    fn max_scroll(&mut self) -> usize {
        self.refresh_text();
        let height = self.screen().text.map_or(10, |a| a.inner().height);
        self.text.lines.len().saturating_sub(usize::from(height))
    }

    pub(super) fn scroll_text(&mut self, delta: i64) {
        let max = self.max_scroll();
        if let Some(view) = self.view_mut() {
            let target = (view.text_scroll as i64).saturating_add(delta).clamp(0, max as i64);
            view.text_scroll = target as usize;
        }
    }

    pub(super) fn clamp_scroll(&mut self) {
        let max = self.max_scroll();
        if let Some(view) = self.view_mut() {
            view.text_scroll = view.text_scroll.min(max);
        }
    }
}
