//! The story list as text: each row's title and what it holds ("All stories" first), split
//! into the counts (`15 entries · 14 unread · ● 1 new`, never cut, with shorter forms for a
//! narrow header) and the rest (outlet, date); the lines a row takes at a width, its summary
//! wrapped between parts rather than cut; and which row is at the top, so the renderer and a
//! mouse click agree.

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
    /// Beside another story of the same title (the same page saved in several forms), what
    /// tells this one apart: its file name or path tail, escaped; a URL's host and path.
    pub tell: Option<String>,
    /// Outlet, date: what may be cut.
    pub about: Vec<String>,
    /// Entries, unread, new, ended, file gone: what must show whole.
    pub counts: Counts,
}

/// The numbers behind a row's counts, so that a narrow header can say them in fewer cells
/// rather than cut them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts {
    /// Entries; on the "All stories" row, the timed ones.
    pub entries: usize,
    /// With filters, how many entries match them.
    pub matching: Option<usize>,
    pub unread: usize,
    pub new: usize,
    pub ended: bool,
    pub gone: bool,
    /// The "All stories" row: `entries` and `unread` count timed entries.
    pub all: bool,
}

impl Counts {
    /// Every count in words: `15 entries · 14 unread · ● 1 new · ended`.
    pub fn long(&self) -> Vec<String> {
        let mut out = vec![match self.matching {
            Some(m) => format!("{m}/{} match", self.entries),
            None if self.all => plural(self.entries, "timed entry", "timed entries"),
            None => plural(self.entries, "entry", "entries"),
        }];
        if self.unread > 0 {
            out.push(format!("{} unread", self.unread));
        }
        if self.new > 0 {
            out.push(format!("● {} new", self.new));
        }
        self.push_state(&mut out, "file gone");
        out
    }

    /// The same counts in fewer cells, with the timeline's marks for unread and new:
    /// `14/15 unread · ●1 · ended`, `5/15 match · •14 · ended`.
    pub fn short(&self) -> Vec<String> {
        let mut out = match (self.matching, self.all) {
            (None, false) if self.unread > 0 => vec![format!("{}/{} unread", self.unread, self.entries)],
            (None, true) => vec![format!("{} timed", self.entries)],
            _ => self.long().into_iter().take(1).collect(),
        };
        let unread_said = self.matching.is_none() && !self.all;
        if self.unread > 0 && !unread_said {
            out.push(format!("•{}", self.unread));
        }
        if self.new > 0 {
            out.push(format!("●{}", self.new));
        }
        self.push_state(&mut out, "gone");
        out
    }

    /// The fewest cells, as newsboat writes them: `(14/15) ●1` (unread of all, new).
    pub fn tiny(&self) -> String {
        let mut out = match self.matching {
            Some(m) => format!("{m}/{} match", self.entries),
            None if self.all && self.unread > 0 => format!("{} unread", self.unread),
            None if self.all => format!("{} timed", self.entries),
            None => format!("({}/{})", self.unread, self.entries),
        };
        if self.new > 0 {
            out.push_str(&format!(" ●{}", self.new));
        }
        out
    }

    fn push_state(&self, out: &mut Vec<String>, gone: &str) {
        if self.ended {
            out.push("ended".into());
        }
        if self.gone {
            out.push(gone.into());
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Reader {
    /// The text of row `row` of the story list: 0 is "All stories".
    pub fn story_row_text(&self, row: usize) -> StoryRow {
        if row == 0 {
            // Counted once per parse (`StoryView::timed`): a frame never scans every entry.
            let entries: usize = self.views.iter().map(|v| v.timed()).sum();
            let matching =
                self.all.then(|| self.view()).flatten().filter(|v| v.has_filters()).map(|v| v.visible().len());
            let counts = Counts {
                entries,
                matching,
                // What the merged timeline shows: entries with a clock.
                unread: self.views.iter().map(|v| v.unread_timed()).sum(),
                new: self.views.iter().map(|v| v.new_timed()).sum(),
                all: true,
                ..Counts::default()
            };
            let about = vec![plural(self.stories.len(), "story", "stories")];
            return StoryRow { title: "All stories".into(), tell: None, about, counts };
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
        let counts = Counts {
            entries: story.entries.len(),
            matching: view.has_filters().then(|| view.visible().len()),
            unread: view.unread(),
            new: view.new_count(),
            ended: story.ended(),
            gone: view.gone(),
            all: false,
        };
        StoryRow { title, tell: self.tells.get(&story.path).cloned(), about, counts }
    }

    /// The lines row `row` takes in a story list `width` cells wide: the title (cut), then
    /// what tells it from a story of the same title, the outlet and date, then the counts,
    /// each part whole on a line where it fits.
    pub fn story_row_lines(&self, row: usize, width: usize) -> Vec<String> {
        let text = self.story_row_text(row);
        let mut lines = vec![text.title];
        let room = width.saturating_sub(2).max(1);
        let about: Vec<String> = text.tell.into_iter().chain(text.about).collect();
        for group in [&about, &text.counts.long()] {
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
    /// border), so that the selected row shows whole, kept near the middle. Only the rows
    /// around the selected one are laid out: with 10,000 stories, laying out every row took
    /// 45 ms a frame.
    pub fn story_list_offset(&self, width: usize, height: usize) -> usize {
        list_start_by(self.stories.len() + 1, |r| self.story_row_lines(r, width).len(), self.story_row(), height)
    }
}

/// The first of items of `heights` to show in `height` lines so that `selected` shows,
/// with about as much above it as fits in half the height.
#[cfg(test)]
fn list_start(heights: &[usize], selected: usize, height: usize) -> usize {
    list_start_by(heights.len(), |i| heights[i], selected, height)
}

/// [`list_start`] of `n` items whose heights `height_of` gives (at least 1 each), asked only
/// of the items within a pane's height of the ones shown.
fn list_start_by(n: usize, height_of: impl Fn(usize) -> usize, selected: usize, height: usize) -> usize {
    // The lines of the items from `from` on, counted no further than `height`.
    let lines_from = |from: usize| {
        let mut sum = 0;
        for i in from..n {
            sum += height_of(i);
            if sum > height {
                break;
            }
        }
        sum
    };
    if lines_from(0) <= height || selected >= n {
        return 0;
    }
    let mut start = selected;
    let mut above = 0;
    let here = height_of(selected);
    while start > 0 && above + height_of(start - 1) + here <= height / 2 + 1 {
        above += height_of(start - 1);
        start -= 1;
    }
    // Fill the bottom: do not leave blank lines under the last item.
    let mut room = height.saturating_sub(lines_from(start));
    while start > 0 && height_of(start - 1) <= room {
        room -= height_of(start - 1);
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
        assert!(all.counts.long()[0].ends_with("timed entries"), "{all:?}");
    }

    #[test]
    fn counts_have_shorter_forms_that_keep_every_number_they_can() {
        let c = Counts { entries: 15, unread: 14, new: 1, ended: true, ..Counts::default() };
        assert_eq!(c.long().join(" · "), "15 entries · 14 unread · ● 1 new · ended");
        assert_eq!(c.short().join(" · "), "14/15 unread · ●1 · ended");
        assert_eq!(c.tiny(), "(14/15) ●1");
        let read = Counts { entries: 15, ..Counts::default() };
        assert_eq!((read.short().join(" · "), read.tiny()), ("15 entries".into(), "(0/15)".into()));
        let filtered = Counts { entries: 15, matching: Some(5), unread: 3, gone: true, ..Counts::default() };
        assert_eq!(filtered.long().join(" · "), "5/15 match · 3 unread · file gone");
        assert_eq!(filtered.short().join(" · "), "5/15 match · •3 · gone");
        assert_eq!(filtered.tiny(), "5/15 match");
        let all = Counts { entries: 1, unread: 20, all: true, ..Counts::default() };
        assert_eq!(all.long().join(" · "), "1 timed entry · 20 unread");
        assert_eq!(all.short().join(" · "), "1 timed · •20");
        assert_eq!(all.tiny(), "20 unread");
        assert_eq!(Counts { unread: 0, ..all }.tiny(), "1 timed", "nothing unread: what there is");
    }

    #[test]
    fn all_stories_counts_the_unread_entries_its_timeline_shows() {
        // The samples hold articles without a clock, which the merged timeline leaves out.
        let mut r = Reader::new(crate::load::bundled(crate::parse::Rules::embedded()));
        let every_unread: usize = r.views.iter().map(|v| v.unread()).sum();
        r.apply(super::super::Action::PrevStory);
        assert!(r.all());
        let shown_unread = r.view().unwrap().unread();
        assert_eq!(r.story_row_text(0).counts.unread, shown_unread);
        assert!(shown_unread < every_unread, "{shown_unread} of {every_unread}: untimed unread are not counted");
    }

    #[test]
    fn all_stories_counts_the_new_entries_its_timeline_shows() {
        let stories = crate::load::bundled(crate::parse::Rules::embedded());
        let mut arrived = super::super::tests::overnight();
        // An article without a clock among the timed entries, as pages have.
        arrived.entries[1].clock = None;
        arrived.path = "arrived.txt".into();
        let mut r = Reader::new(stories);
        // A new file in a watched folder: every entry of it is new.
        r.reloaded(arrived.clone());
        let timed = arrived.entries.iter().filter(|e| e.clock.is_some()).count();
        let last = r.views.len() - 1;
        assert_eq!(r.views[last].new_count(), arrived.entries.len());
        assert!(timed < arrived.entries.len());
        assert_eq!(r.story_row_text(0).counts.new, timed, "untimed new entries are not counted");
        // Kept as marks change: reading an untimed entry leaves the count; a timed one lowers it.
        let untimed = arrived.entries.iter().position(|e| e.clock.is_none()).unwrap();
        let clocked = arrived.entries.iter().position(|e| e.clock.is_some()).unwrap();
        r.views[last].marks.update(untimed, |m| m.new = false);
        assert_eq!(r.story_row_text(0).counts.new, timed);
        r.views[last].marks.update(clocked, |m| m.new = false);
        assert_eq!(r.story_row_text(0).counts.new, timed - 1);
        r.views[last].marks.update(untimed, |m| m.new = true);
        assert_eq!((r.views[last].new_timed(), r.views[last].new_count()), (timed - 1, arrived.entries.len() - 1));
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
