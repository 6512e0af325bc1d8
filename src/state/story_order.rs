//! The order of the story list: by latest update, newest first, with the stories that have
//! unread entries before those read through (`[display] stories = "unread-first"`, the
//! default), by latest update alone (`"updated"`), or as the files were given (`"as-given"`).
//! Sorted when the reader opens and again once saved read marks are restored — never under
//! the user's keys, so the list does not move while they read.

use super::Reader;
use crate::model::Story;

/// How the story list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StoryOrder {
    #[default]
    UnreadFirst,
    Updated,
    AsGiven,
}

impl StoryOrder {
    pub fn from_name(name: &str) -> Option<StoryOrder> {
        match name {
            "unread-first" => Some(StoryOrder::UnreadFirst),
            "updated" => Some(StoryOrder::Updated),
            "as-given" => Some(StoryOrder::AsGiven),
            _ => None,
        }
    }
}

/// When a story was last updated: its newest dated entry, else its page's datelines.
fn latest(story: &Story) -> i64 {
    story
        .entries
        .iter()
        .filter_map(|e| e.at.map(|a| a.sort_key()))
        .max()
        .or_else(|| story.updated.or(story.published).or(story.coverage_start).map(|w| w.sort_key()))
        .unwrap_or(i64::MIN)
}

impl Reader {
    /// Sorts the story list in the configured order (stable: ties keep the given order).
    pub(super) fn sort_stories(&mut self) {
        if self.story_order == StoryOrder::AsGiven || self.stories.len() < 2 {
            return;
        }
        let unread_first = self.story_order == StoryOrder::UnreadFirst;
        let mut order: Vec<usize> = (0..self.stories.len()).collect();
        order.sort_by_key(|&i| {
            let read_through = unread_first && self.views[i].unread() == 0;
            (read_through, std::cmp::Reverse(latest(&self.stories[i])))
        });
        if order.iter().enumerate().all(|(k, &i)| k == i) {
            return;
        }
        let current = order.iter().position(|&i| i == self.current).unwrap_or(0);
        let mut stories: Vec<Option<Story>> = std::mem::take(&mut self.stories).into_iter().map(Some).collect();
        let mut views: Vec<Option<super::StoryView>> = std::mem::take(&mut self.views).into_iter().map(Some).collect();
        for &i in &order {
            self.stories.push(stories[i].take().expect("each once"));
            self.views.push(views[i].take().expect("each once"));
        }
        self.current = current;
        // A reload finds its story by path: the index it finds moved with the story.
        self.paths = self.stories.iter().enumerate().map(|(i, s)| (s.path.clone(), i)).collect();
        self.refresh_all();
        self.invalidate_text();
    }
}
