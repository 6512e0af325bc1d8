//! What tells apart stories of the story list that share a title. The same live blog kept as
//! page.html, copied.txt, w3m.txt and lynx.txt shows one title four times, so each of them
//! also says the shortest tail of its path that none of the others ends with (for a story
//! opened from a URL, its host and path), escaped as every file name is. Worked out when the
//! stories change (opened, a title changed on reload, a new file), never per frame.

use crate::model::Story;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// Per story path, what tells it from the other stories with its title; stories whose title
/// is their own are not in it.
pub(super) fn tells(stories: &[Story]) -> HashMap<PathBuf, String> {
    let mut by_title: HashMap<&str, Vec<&Path>> = HashMap::new();
    for story in stories.iter().filter(|s| !s.title.is_empty()) {
        by_title.entry(&story.title).or_default().push(&story.path);
    }
    let mut out = HashMap::new();
    for group in by_title.values().filter(|g| g.len() > 1) {
        let parts: Vec<Vec<String>> = group.iter().map(|p| parts(p)).collect();
        // Tails counted once per length: 2,000 files of one title cost no 2,000² comparisons.
        let mut told: Vec<Option<usize>> = vec![None; group.len()];
        let deepest = parts.iter().map(Vec::len).max().unwrap_or(0);
        for n in 1..=deepest {
            let mut counts: HashMap<&[String], usize> = HashMap::new();
            for p in &parts {
                *counts.entry(tail(p, n)).or_default() += 1;
            }
            for (i, p) in parts.iter().enumerate() {
                if told[i].is_none() && counts[tail(p, n)] == 1 {
                    told[i] = Some(n);
                }
            }
            if told.iter().all(Option::is_some) {
                break;
            }
        }
        for (i, path) in group.iter().enumerate() {
            let n = told[i].unwrap_or(parts[i].len());
            out.insert(path.to_path_buf(), tail(&parts[i], n).join("/"));
        }
    }
    out
}

impl super::Reader {
    /// After stories arrived or changed title: what tells them apart, worked out again once
    /// for a burst of reloads (at [`super::Reader::settle`]).
    pub(super) fn settle_tells(&mut self) {
        if std::mem::take(&mut self.tells_stale) {
            self.tells = tells(&self.stories);
        }
    }
}

/// The last `n` of `parts` (all of them when there are fewer).
fn tail(parts: &[String], n: usize) -> &[String] {
    &parts[parts.len().saturating_sub(n)..]
}

/// A path's names, each escaped; a URL's host and path segments (its scheme left out).
fn parts(path: &Path) -> Vec<String> {
    if let Some(url) = path.to_str().filter(|p| p.contains("://")) {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        return rest.split('/').filter(|s| !s.is_empty()).map(|s| crate::text::escape(s).into_owned()).collect();
    }
    path.components()
        .filter_map(|c| match c {
            Component::Normal(name) => Some(crate::text::escape_path(Path::new(name)).into_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(path: &str, title: &str) -> Story {
        let mut s = crate::state::tests::overnight();
        s.path = path.into();
        s.title = title.into();
        s
    }

    #[test]
    fn stories_that_share_a_title_are_told_apart_by_the_shortest_path_tail() {
        let stories = vec![
            story("pages/storm/page.html", "Storm live"),
            story("pages/storm/copied.txt", "Storm live"),
            story("old/storm/copied.txt", "Storm live"),
            story("pages/other/page.html", "Other"),
            story("https://example.org/live/storm?page=2", "Storm live"),
            story("pages/untitled.txt", ""),
            story("pages/untitled2.txt", ""),
        ];
        let t = tells(&stories);
        assert_eq!(t.get(Path::new("pages/storm/page.html")).map(String::as_str), Some("page.html"));
        assert_eq!(t.get(Path::new("pages/storm/copied.txt")).map(String::as_str), Some("pages/storm/copied.txt"));
        assert_eq!(t.get(Path::new("old/storm/copied.txt")).map(String::as_str), Some("old/storm/copied.txt"));
        assert_eq!(t.get(Path::new("https://example.org/live/storm?page=2")).map(String::as_str), Some("storm?page=2"));
        assert_eq!(t.len(), 4, "a title of its own, or none (the path is shown), needs no tell: {t:?}");
    }

    #[test]
    fn a_url_is_told_by_its_host_when_only_the_host_differs() {
        let stories = vec![story("https://a.example/live", "Live"), story("https://b.example/live", "Live")];
        let t = tells(&stories);
        assert_eq!(t.get(Path::new("https://a.example/live")).map(String::as_str), Some("a.example/live"));
    }

    #[test]
    fn the_story_list_rows_say_it_and_a_reload_that_renames_a_story_updates_it() {
        let mut r = crate::state::Reader::new(vec![story("a/page.html", "Storm"), story("a/w3m.txt", "Storm")]);
        let tells: Vec<Option<String>> = (1..=2).map(|row| r.story_row_text(row).tell).collect();
        assert!(tells.contains(&Some("page.html".into())) && tells.contains(&Some("w3m.txt".into())), "{tells:?}");
        assert_eq!(r.story_row_text(0).tell, None);
        // The page's title changes: its title is its own again, and so is the other's.
        r.reloaded(story("a/w3m.txt", "Storm, day two"));
        r.settle();
        assert_eq!((r.story_row_text(1).tell, r.story_row_text(2).tell), (None, None));
        // A new file of an existing title.
        r.reloaded(story("b/page.html", "Storm"));
        r.settle();
        let told: Vec<Option<String>> = (1..=3).map(|row| r.story_row_text(row).tell).collect();
        assert!(told.contains(&Some("a/page.html".into())) && told.contains(&Some("b/page.html".into())), "{told:?}");
    }

    #[test]
    fn names_are_escaped() {
        let stories = vec![story("d/a\u{1b}[31m.txt", "T"), story("d/b.txt", "T")];
        let tell = &tells(&stories)[Path::new("d/a\u{1b}[31m.txt")];
        assert!(!tell.contains('\u{1b}'), "{tell:?}");
    }
}
