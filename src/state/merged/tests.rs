//! The merged timeline kept in place must be the one a full build gives: after random
//! reloads, new stories, reads, searches and switches, at any point of a build by slices.

use super::super::{Action, Display, Reader, Reload, Row, StoryOrder};
use super::timeline;
use crate::model::Story;
use crate::parse::{Rules, parse_bytes};
use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// A story at `path`: dated entries from the generated corpus (`dated`), else clocks alone
/// (no date on the page), some sharing their time with other stories' entries.
fn story(path: &str, seed: u64, entries: usize, dated: bool) -> Story {
    let text = if dated {
        crate::corpus::generate(entries, seed).text
    } else {
        let mut text = String::new();
        for n in 0..entries {
            let minutes = 23 * 60 - (n as u64 * (7 + seed % 5)) % (23 * 60);
            let words = ["élections", "armée", "front", "vote"][((seed + n as u64) % 4) as usize];
            text.push_str(&format!(
                "{:02}h{:02}\n\nTitre {seed} {n}\n\nTexte sur {words}.\n\n",
                minutes / 60,
                minutes % 60
            ));
        }
        text
    };
    parse_bytes(PathBuf::from(path), text.into_bytes(), Rules::embedded()).unwrap()
}

#[derive(Debug, Clone)]
enum Op {
    /// The "All stories" row, or a story's.
    ShowAll,
    ShowStory,
    /// Story `n` (modulo the count) re-read with new content.
    Reload(usize, u64, usize, bool),
    /// A new file.
    New(u64, usize, bool),
    /// A slice of whatever runs by slices.
    Step,
    Settle,
    /// `m` on the entry selected.
    ToggleRead,
    Down,
    /// A query typed on what is shown (empty: cleared).
    Query(&'static str),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => Just(Op::ShowAll),
        1 => Just(Op::ShowStory),
        3 => (0..8usize, 0..500u64, 0..9usize, any::<bool>()).prop_map(|(n, s, e, d)| Op::Reload(n, s, e, d)),
        2 => (500..900u64, 1..9usize, any::<bool>()).prop_map(|(s, e, d)| Op::New(s, e, d)),
        4 => Just(Op::Step),
        1 => Just(Op::Settle),
        1 => Just(Op::ToggleRead),
        1 => Just(Op::Down),
        1 => prop_oneof![Just(""), Just("vote"), Just("arm"), Just("a")].prop_map(Op::Query),
    ]
}

fn as_given() -> Display {
    Display { stories: StoryOrder::AsGiven, ..Display::default() }
}

/// The merged timeline shown, as (story path, entry index) newest first, with each entry's
/// text and marks; checked against its own story on the way.
fn shown(r: &Reader) -> Vec<(PathBuf, usize, bool)> {
    let (story, view) = (r.story().unwrap(), r.view().unwrap());
    view.visible
        .iter()
        .map(|&i| {
            let (s, e) = r.origin(i).expect("every entry shown has an origin");
            let (own, merged) = (r.stories[s].entry(e), story.entry(i as usize));
            assert_eq!((own.headline(), own.body().collect::<Vec<_>>()), (merged.headline(), merged.body().collect()));
            assert_eq!(own.entry.clock, merged.entry.clock);
            assert_eq!(r.views[s].marks[e], view.marks[i as usize], "marks as in its own story");
            (r.stories[s].path.clone(), e, view.marks[i as usize].read)
        })
        .collect()
}

/// The timeline's rows, entries named by origin: day separators where a full build has them.
fn rows(r: &Reader) -> Vec<Result<(usize, usize), chrono::NaiveDate>> {
    let rows = r.view().unwrap().rows().iter();
    rows.map(|row| match *row {
        Row::Entry(i) => Ok(r.origin(i).unwrap()),
        Row::Day(d) => Err(d),
    })
    .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn kept_in_place_it_is_the_timeline_a_full_build_gives(
        start in prop::collection::vec((0..500u64, 0..9usize, any::<bool>()), 1..6),
        ops in prop::collection::vec(op(), 0..40),
        rebuild_on_waste in any::<bool>(),
    ) {
        let stories: Vec<Story> =
            start.iter().enumerate().map(|(i, &(seed, n, dated))| story(&format!("s{i}.txt"), seed, n, dated)).collect();
        let mut r = Reader::with_display(stories, as_given());
        // Slices of a few entries: builds and searches take several steps.
        r.set_search_slice(256);
        if rebuild_on_waste {
            // Any waste starts a build that replaces the timeline shown.
            r.merge.waste_from = 0;
        }
        let mut query = "";
        for op in ops {
            match op {
                Op::ShowAll => r.select_story(0),
                Op::ShowStory => r.select_story(1),
                Op::Reload(n, seed, e, dated) => {
                    let path = r.stories[n % r.stories.len()].path.clone();
                    let s = story(path.to_str().unwrap(), seed, e, dated);
                    r.apply(Action::Reloaded(Reload(Arc::new(s))));
                }
                Op::New(seed, e, dated) => {
                    let s = story(&format!("new-{seed}.txt"), seed, e, dated);
                    r.apply(Action::Reloaded(Reload(Arc::new(s))));
                }
                Op::Step => if let Some(g) = r.search_pending() { r.apply(Action::SearchStep(g)) },
                Op::Settle => r.settle(),
                Op::ToggleRead => r.apply(Action::ToggleRead),
                Op::Down => r.apply(Action::Down),
                Op::Query(q) => {
                    let all = r.all();
                    if let Some(view) = r.view_mut() {
                        view.query = q.to_string();
                        if all {
                            query = q;
                        }
                    }
                    r.refresh_current();
                }
            }
        }
        r.select_story(0);
        r.finish_searches();
        prop_assert!(r.merging().is_none());
        let merged = r.merged.as_ref().unwrap();
        prop_assert_eq!(merged.in_order(), timeline::order(&r.stories));
        // Against a reader that builds it from scratch, with the same query and marks.
        let mut fresh = Reader::with_display(r.stories.clone(), as_given());
        for (v, w) in fresh.views.iter_mut().zip(&r.views) {
            for i in 0..w.marks.len() {
                v.marks.set(i, w.marks[i]);
            }
        }
        fresh.select_story(0);
        fresh.merged.as_mut().unwrap().view.query = query.to_string();
        fresh.refresh_current();
        fresh.finish_searches();
        let mine = shown(&r);
        prop_assert_eq!(&mine, &shown(&fresh));
        prop_assert_eq!(rows(&r), rows(&fresh));
        let unread: usize = r.views.iter().map(|v| v.unread_timed()).sum();
        prop_assert_eq!(r.view().unwrap().unread(), unread, "emptied entries count as nothing");
    }
}

#[test]
fn a_big_first_build_goes_by_slices_and_shows_nothing_partial() {
    let stories: Vec<Story> = (0..40).map(|i| story(&format!("s{i}.txt"), i, 8, i % 3 != 0)).collect();
    let mut r = Reader::with_display(stories, as_given());
    r.set_search_slice(512);
    r.select_story(0);
    let (done, all) = r.merging().expect("320 entries take more than a slice");
    assert!(done > 0 && done < all, "{done} of {all}: the first slice ran on the key");
    assert!(r.story().is_none() && r.view().is_none(), "no partial timeline is shown");
    // Keys still work meanwhile; a story reloaded mid-build is taken in at its end.
    r.apply(Action::Down);
    let fresh = story("s0.txt", 999, 6, true);
    r.apply(Action::Reloaded(Reload(Arc::new(fresh))));
    let mut steps = 0;
    while let Some(g) = r.search_pending() {
        r.apply(Action::SearchStep(g));
        steps += 1;
    }
    assert!(steps > 1, "{steps}");
    assert_eq!(r.merged.as_ref().unwrap().in_order(), timeline::order(&r.stories));
    assert_eq!(r.view().unwrap().visible.len(), r.views.iter().map(|v| v.timed()).sum::<usize>());
}

#[test]
fn a_reload_while_shown_keeps_the_selected_entry_and_empties_the_old_ones() {
    let stories: Vec<Story> = (0..6).map(|i| story(&format!("s{i}.txt"), i, 5, true)).collect();
    let mut r = Reader::with_display(stories, as_given());
    r.select_story(0);
    r.finish_searches();
    // Select an entry of story 2, then story 2 gains an entry on top of the same ones.
    let pick = r.view().unwrap().visible.iter().copied().find(|&i| r.origin(i).unwrap().0 == 2).unwrap();
    r.select_entry(Some(pick));
    let headline = r.story().unwrap().entry(pick as usize).headline().unwrap().to_string();
    let longer = crate::corpus::generate(6, 2).text;
    let grown = parse_bytes(PathBuf::from("s2.txt"), longer.into_bytes(), Rules::embedded()).unwrap();
    let before = r.merged.as_ref().unwrap().len();
    r.apply(Action::Reloaded(Reload(Arc::new(grown))));
    r.settle();
    let merged = r.merged.as_ref().unwrap();
    assert_eq!(merged.len(), before + 6, "story 2's five entries emptied, its six appended");
    assert!(merged.waste > 0);
    assert_eq!(merged.in_order(), timeline::order(&r.stories));
    let sel = r.view().unwrap().selected.unwrap();
    assert_eq!(r.story().unwrap().entry(sel as usize).headline().unwrap(), headline, "the same entry stays selected");
    assert!(r.origin(sel).is_some());
    // The status line counts the entries shown, not the emptied ones.
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 45)).unwrap();
    let (keys, theme) = (crate::keys::KeyMap::default(), crate::ui::Theme::default());
    terminal.draw(|f| crate::ui::render(&r, &keys, &theme, f)).unwrap();
    let screen: String = terminal.backend().buffer().content().iter().map(|c| c.symbol()).collect();
    let timed: usize = r.views.iter().map(|v| v.timed()).sum();
    assert!(screen.contains(&format!("/{timed} ")), "entry n/{timed} in the status line");
}
