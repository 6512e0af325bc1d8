//! The story list as text: each row's title and what it holds ("All stories" first), split
//! into the counts (`15 entries · 14 unread · ● 1 new`, never cut) and the rest (outlet,
//! date, ended); the lines a row takes at a width, its summary wrapped between parts rather
//! than cut; and which row is at the top, so the renderer and a mouse click agree.

use super::Reader;
use crate::text::width as cells;

/// Whether the parse found entries: a time or a headline on at least one. A file without
/// (a CSV, source code) is still shown, as one text, and the status line says so.
pub fn has_entries(story: &crate::model::Story) -> bool {
    story.entries.iter().any(|e| e.clock.is_some() || e.at.is_some() || e.headline.is_some())
}

/// What a row of the story list says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoryRow {
    pub title: String,
    /// Outlet, date: what may be cut.
    pub about: Vec<String>,
    /// Entries, unread, new, ended, file gone: what must show whole.
    pub counts: Vec<String>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Reader {
    /// The text of row `row` of the story list: 0 is "All stories".
    pub fn story_row_text(&self, row: usize) -> StoryRow {
        if row == 0 {
            // Counted once per parse (`StoryView::timed`): a frame never scans every entry.
            let timed: usize = self.views.iter().map(|v| v.timed()).sum();
            let n = self.stories.len();
            let mut counts = vec![plural(timed, "timed entry", "timed entries")];
            if self.all
                && let Some(view) = self.view()
                && view.has_filters()
            {
                counts = vec![format!("{}/{timed} match", view.visible().len())];
            }
            let unread: usize = self.views.iter().map(|v| v.unread()).sum();
            if unread > 0 {
                counts.push(format!("{unread} unread"));
            }
            let new: usize = self.views.iter().map(|v| v.new_count()).sum();
            if new > 0 {
                counts.push(format!("● {new} new"));
            }
            return StoryRow { title: "All stories".into(), about: vec![plural(n, "story", "stories")], counts };
        }
        let index = row - 1;
        let story = &self.stories[index];
        let view = &self.views[index];
        let title = if story.title.is_empty() {
            crate::text::escape_path(&story.path).into_owned()
        } else {
            story.title.clone()
        };
        let mut about = Vec::new();
        if let Some(o) = &story.outlet {
            about.push(o.clone());
        }
        if let Some(d) = story.date() {
            about.push(d.format("%-d %b %Y").to_string());
        }
        let n = story.entries.len();
        let mut counts = Vec::new();
        if view.has_filters() {
            counts.push(format!("{}/{n} match", view.visible().len()));
        } else {
            counts.push(plural(n, "entry", "entries"));
        }
        let unread = view.unread();
        if unread > 0 {
            counts.push(format!("{unread} unread"));
        }
        let new = view.new_count();
        if new > 0 {
            counts.push(format!("● {new} new"));
        }
        if story.ended() {
            counts.push("ended".into());
        }
        if view.gone() {
            counts.push("file gone".into());
        }
        StoryRow { title, about, counts }
    }

    /// The lines row `row` takes in a story list `width` cells wide: the title (cut), then
    /// the outlet and date, then the counts, each part whole on a line where it fits.
    pub fn story_row_lines(&self, row: usize, width: usize) -> Vec<String> {
        let text = self.story_row_text(row);
        let mut lines = vec![text.title];
        let room = width.saturating_sub(2).max(1);
        for group in [&text.about, &text.counts] {
            let mut line = String::new();
            for part in group {
                if !line.is_empty() && cells(&line) + 3 + cells(part) > room {
                    lines.push(std::mem::take(&mut line));
                }
                if !line.is_empty() {
                    line.push_str(" · ");
                }
                line.push_str(part);
            }
            if !line.is_empty() {
                lines.push(line);
            }
        }
        lines
    }

    /// The first row of the story list shown in a pane `width` × `height` (inside its
    /// border), so that the selected row shows whole, kept near the middle.
    pub fn story_list_offset(&self, width: usize, height: usize) -> usize {
        let heights: Vec<usize> = (0..=self.stories.len()).map(|r| self.story_row_lines(r, width).len()).collect();
        list_start(&heights, self.story_row(), height)
    }
}

/// The first of items of `heights` to show in `height` lines so that `selected` shows,
/// with about as much above it as fits in half the height.
pub fn list_start(heights: &[usize], selected: usize, height: usize) -> usize {
    if heights.iter().sum::<usize>() <= height || selected >= heights.len() {
        return 0;
    }
    let mut start = selected;
    let mut above = 0;
    while start > 0 && above + heights[start - 1] + heights[selected] <= height / 2 + 1 {
        above += heights[start - 1];
        start -= 1;
    }
    // Fill the bottom: do not leave blank lines under the last item.
    let below: usize = heights[start..].iter().sum();
    let mut room = height.saturating_sub(below);
    while start > 0 && heights[start - 1] <= room {
        room -= heights[start - 1];
        start -= 1;
    }
    start
}

impl Reader {
    /// `s` / `S`: the next or previous row of the story list, or a message at either end.
    pub(super) fn step_story(&mut self, next: bool) {
        let before = self.story_row();
        self.select_story(before as i64 + if next { 1 } else { -1 });
        if self.story_row() == before {
            self.message =
                Some(if next { "no next story".into() } else { "no previous story: this is the first".into() });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_never_cut_and_wrap_between_parts() {
        let r = super::super::tests::reader();
        let lines = r.story_row_lines(1, 26);
        assert!(lines.iter().all(|l| cells(l) <= 24 || !l.contains(" · ")), "{lines:?}");
        let joined = lines[1..].join(" · ");
        assert!(joined.contains("5 entries") && joined.contains("unread"), "{lines:?}");
        let all = r.story_row_text(0);
        assert_eq!(all.title, "All stories");
        assert!(all.counts[0].ends_with("timed entries"), "{all:?}");
    }

    #[test]
    fn one_is_singular() {
        assert_eq!(plural(1, "timed entry", "timed entries"), "1 timed entry");
        assert_eq!(plural(0, "entry", "entries"), "0 entries");
    }

    #[test]
    fn the_selected_item_shows_whole() {
        let heights = [2, 3, 3, 3, 3, 3, 3];
        for selected in 0..heights.len() {
            for height in 3..20 {
                let start = list_start(&heights, selected, height);
                let before: usize = heights[start..selected].iter().sum();
                assert!(before + heights[selected] <= height.max(heights[selected]), "{selected} {height}");
            }
        }
        assert_eq!(list_start(&heights, 6, 100), 0);
    }
}
