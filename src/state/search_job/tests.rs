//! Searches by slices: a step for a search typed over is dropped, what is shown while one
//! runs is exactly the top of its answer, and its answer is the definition's — folding each
//! entry and looking for the query — however keys, slices (of the search and of the index's
//! build) and stale steps interleave.

use crate::model::Story;
use crate::state::index::tests::story_of;
use crate::state::{Action, Reader};
use proptest::prelude::*;

/// The definition: the entries whose folded fields, joined by line breaks, hold the query
/// folded as the reader folds it (white space trimmed and collapsed), in page order.
fn naive(story: &Story, query: &str) -> Vec<u32> {
    crate::state::index::tests::naive(story, &crate::model::fold(query))
}

/// A reader on `story` whose searches read one entry a slice, the search prompt open; its
/// search index built first, else built by slices by the first search.
fn reader_by_slices(story: Story, index_built: bool) -> Reader {
    let mut r = Reader::new(vec![story]);
    if index_built {
        r.apply(Action::Search);
        r.apply(Action::Input('x'));
        r.finish_searches();
        r.apply(Action::Cancel);
    }
    r.set_search_slice(1);
    r.apply(Action::Search);
    r
}

fn slow_reader(story: Story) -> Reader {
    reader_by_slices(story, true)
}

/// 40 entries, every third one about elections.
fn elections() -> Story {
    let entries: Vec<(String, Vec<String>)> = (0..40)
        .map(|i| {
            let about = if i % 3 == 0 { "Les Élections" } else { "Le sélectionneur" };
            (format!("Titre {i}"), vec![format!("{about} du jour {i}")])
        })
        .collect();
    story_of(&entries)
}

fn visible(r: &Reader) -> Vec<u32> {
    r.view().unwrap().visible.clone()
}

#[test]
fn a_step_for_a_search_typed_over_is_dropped() {
    let story = elections();
    let mut r = slow_reader(story.clone());
    for c in "ele".chars() {
        r.apply(Action::Input(c));
    }
    let first = r.search_pending().expect("40 entries, one a slice: still searching");
    r.apply(Action::SearchStep(first));
    r.apply(Action::Input('c'));
    let second = r.search_pending().expect("still searching");
    assert_ne!(first, second);
    let before = (visible(&r), r.search_pending());
    r.apply(Action::SearchStep(first));
    assert_eq!((visible(&r), r.search_pending()), before, "the stale step changed nothing");
    r.apply(Action::SearchStep(second));
    assert!(visible(&r).len() > before.0.len() || before.0.len() == naive(&story, "elec").len());
    while let Some(g) = r.search_pending() {
        r.apply(Action::SearchStep(g));
    }
    assert_eq!(visible(&r), naive(&story, "elec"));
    assert!(!r.view().unwrap().searching());
}

#[test]
fn the_selected_entry_stays_selected_while_the_search_runs_when_it_matches() {
    let mut r = slow_reader(elections());
    // The reader opens on the newest entry: the first of the page.
    assert_eq!(r.view().unwrap().selected, Some(0));
    r.apply(Action::Cancel);
    r.apply(Action::Last);
    r.apply(Action::Search);
    assert_eq!(r.view().unwrap().selected, Some(39));
    for c in "Élections".chars() {
        r.apply(Action::Input(c));
    }
    assert!(r.view().unwrap().searching());
    assert_eq!(r.view().unwrap().selected, Some(39), "39 is a multiple of 3");
    assert!(visible(&r).contains(&39), "known to match before the search reaches it");
    // An entry not known to match yet stays selected until the answer is whole: then the
    // match nearest in time is.
    r.apply(Action::Cancel);
    r.finish_searches();
    r.apply(Action::Search);
    for c in "jour 1".chars() {
        r.apply(Action::Input(c));
    }
    assert!(r.view().unwrap().searching());
    assert_eq!(r.view().unwrap().selected, Some(39), "\"du jour 39\" does not hold \"jour 1\"");
    r.finish_searches();
    assert_eq!(r.view().unwrap().selected, Some(19));
}

#[test]
fn next_match_waits_for_the_whole_answer() {
    let story = elections();
    let mut r = slow_reader(story.clone());
    for c in "elections du jour 3".chars() {
        r.apply(Action::Input(c));
    }
    r.apply(Action::Submit);
    assert!(r.view().unwrap().searching());
    // Entry 3 and entries 30–39 match; the search has tested one entry a key.
    r.apply(Action::First);
    r.apply(Action::NextMatch);
    assert!(!r.view().unwrap().searching(), "`n` needs every match");
    assert_eq!(visible(&r), naive(&story, "elections du jour 3"));
}

#[test]
fn the_status_line_says_a_search_runs() {
    let mut r = slow_reader(elections());
    for c in "elections".chars() {
        r.apply(Action::Input(c));
    }
    let keymap = crate::keys::KeyMap::default();
    let theme = crate::ui::Theme::monochrome();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 20)).unwrap();
    terminal.draw(|f| crate::ui::render(&r, &keymap, &theme, f)).unwrap();
    let screen = crate::frame::buffer_text(terminal.backend().buffer());
    assert!(screen.contains("/elections▏  searching… "), "{screen}");
    r.finish_searches();
    terminal.draw(|f| crate::ui::render(&r, &keymap, &theme, f)).unwrap();
    let screen = crate::frame::buffer_text(terminal.backend().buffer());
    assert!(screen.contains("14 matching") && !screen.contains("searching"), "{screen}");
}

/// What can happen between two frames while searching.
#[derive(Debug, Clone)]
enum Op {
    Type(char),
    Backspace,
    /// A step for the search under way.
    Step,
    /// A step for a search typed over (a generation before the one under way).
    Stale,
    ToggleOrder,
    /// What comes before a frame: what the last steps found is shown.
    Settle,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => proptest::sample::select(vec!['e', 'l', 'c', 'é', 'É', 'œ', 'к', ' ', '’']).prop_map(Op::Type),
        1 => Just(Op::Backspace),
        4 => Just(Op::Step),
        1 => Just(Op::Stale),
        1 => Just(Op::ToggleOrder),
        1 => Just(Op::Settle),
    ]
}

proptest! {
    #[test]
    fn sliced_answers_are_the_definitions_and_shown_matches_are_their_top(
        entries in proptest::collection::vec(
            ("[a-zA-Z éÉèœß’К]{0,30}", proptest::collection::vec("(([a-z ]{0,30})|(Éle)|(ELE)|(éle)|(cœ)|(к)|(ß)){0,12}", 0..4)),
            0..24,
        ),
        ops in proptest::collection::vec(op(), 0..24),
        slice in prop_oneof![Just(1usize), Just(200), Just(5000)],
        index_built: bool,
    ) {
        let story = story_of(&entries);
        let mut r = reader_by_slices(story.clone(), index_built);
        r.set_search_slice(slice);
        for op in ops {
            match op {
                Op::Type(c) => r.apply(Action::Input(c)),
                Op::Backspace => r.apply(Action::Backspace),
                Op::Step => if let Some(g) = r.search_pending() { r.apply(Action::SearchStep(g)) },
                Op::Stale => if let Some(g) = r.search_pending() { r.apply(Action::SearchStep(g - 1)) },
                Op::Settle => r.settle(),
                Op::ToggleOrder => {
                    r.apply(Action::Submit);
                    r.apply(Action::ToggleOrder);
                    r.apply(Action::Search);
                    let typed = r.view().unwrap().query.clone();
                    for c in typed.chars() { r.apply(Action::Input(c)) }
                }
            }
            let query = r.view().unwrap().query.clone();
            let mut want = naive(&story, &query);
            if r.order() == crate::state::Order::OldestFirst {
                want.reverse();
            }
            let shown = visible(&r);
            if r.view().unwrap().searching() {
                // The matches found so far are the answer's top; the selected entry may be
                // known beyond them.
                let selected = r.view().unwrap().selected;
                let top: Vec<u32> = shown.iter().copied().filter(|&i| Some(i) != selected).collect();
                let want_top: Vec<u32> = want.iter().copied().filter(|&i| Some(i) != selected).take(top.len()).collect();
                prop_assert_eq!(top, want_top, "{:?}", query);
                prop_assert!(shown.iter().all(|i| want.contains(i)), "{:?}", query);
            } else {
                prop_assert_eq!(&shown, &want, "{:?}", query);
            }
        }
        r.finish_searches();
        let query = r.view().unwrap().query.clone();
        let mut want = naive(&story, &query);
        if r.order() == crate::state::Order::OldestFirst {
            want.reverse();
        }
        prop_assert_eq!(visible(&r), want, "{:?}", query);
    }
}

#[test]
fn a_big_story_is_searched_by_parallel_slices_to_the_definitions_answer() {
    let blog = crate::corpus::generate(8300, 5);
    let story = crate::parse::parse_text("gen.txt".into(), blog.text, crate::parse::Rules::embedded());
    assert!(story.entries.len() > super::PARALLEL_FROM, "enough candidates for the parallel slices");
    let mut r = slow_reader(story.clone());
    r.set_search_slice(200_000);
    for c in "elec".chars() {
        r.apply(Action::Input(c));
    }
    let mut slices = 0;
    let mut shown = visible(&r);
    while let Some(g) = r.search_pending() {
        r.apply(Action::SearchStep(g));
        let now = visible(&r);
        assert!(now.len() >= shown.len() && now.starts_with(&shown[..shown.len().saturating_sub(1)]));
        shown = now;
        slices += 1;
    }
    assert!(slices > 1, "the search took several slices");
    let mut want = naive(&story, "elec");
    // Dated entries are shown newest first, whatever their order on the page.
    want.sort_by_key(|&i| std::cmp::Reverse(r.view().unwrap().rank(i)));
    assert_eq!(visible(&r), want);
}
