//! The index answers exactly as folding each entry and looking for the query would.

use super::*;
use crate::model::{Span, push_folded};
use proptest::prelude::*;

/// The definition the index must agree with: fold each field char by char, join them with
/// line breaks, look for the query (folded already). The searches by slices answer to it too.
pub(crate) fn naive(story: &Story, query: &str) -> Vec<u32> {
    let fold = |s: &str| {
        let mut out = String::new();
        s.chars().for_each(|c| push_folded(c, &mut out));
        out
    };
    (0..story.entries.len() as u32)
        .filter(|&i| {
            let e = story.entry(i as usize);
            let text: Vec<String> = e.tag().into_iter().chain(e.headline()).chain(e.body()).map(fold).collect();
            (text.join("\n") + "\n").contains(query)
        })
        .collect()
}

/// A story of entries with a clock and no date, one headline and paragraphs each.
pub(crate) fn story_of(entries: &[(String, Vec<String>)]) -> Story {
    let mut story = Story::default();
    let push = |s: &str, text: &mut String| {
        let start = text.len();
        text.push_str(s);
        text.push('\n');
        Span::new(start, start + s.len())
    };
    let mut text = String::new();
    for (headline, body) in entries {
        let entry = Entry {
            clock: crate::model::Clock::new(12, 0),
            headline: Some(push(headline, &mut text)),
            body: body.iter().map(|p| push(p, &mut text)).collect(),
            ..Entry::default()
        };
        story.entries.push(entry);
    }
    story.text = text;
    story
}

fn search(slot: &mut Slot, story: &Story, query: &str) -> Vec<u32> {
    slot.get(story).matching(story, query, None).entries
}

/// `query` typed after `first`, the way the reader narrows: among `first`'s matches.
fn narrowed(slot: &mut Slot, story: &Story, first: &str, query: &str) -> Vec<u32> {
    let index = slot.get(story);
    let previous = index.matching(story, first, None);
    index.matching(story, query, Some(&previous)).entries
}

fn folded(query: &str) -> String {
    let mut out = String::new();
    query.chars().for_each(|c| push_folded(c, &mut out));
    out
}

proptest! {
    #[test]
    fn index_answers_as_folding_and_finding(
        entries in proptest::collection::vec(
            ("[aAeéÉèbœŒ .]{0,40}", proptest::collection::vec("[aAeéÉèbcœŒ .]{0,200}", 0..3)),
            0..30,
        ),
        query in "[aeéEbœ .]{1,4}",
    ) {
        let story = story_of(&entries);
        let query = folded(&query);
        let mut slot = Slot::None;
        prop_assert_eq!(search(&mut slot, &story, &query), naive(&story, &query));
    }

    /// Keystroke after keystroke, on ASCII, accented, Cyrillic and mixed text with long
    /// paragraphs (past the heads): each narrowed answer is the definition's.
    #[test]
    fn narrowed_answers_are_the_definitions(
        entries in proptest::collection::vec(
            ("[a-zA-Z éÉèœß’К]{0,40}", proptest::collection::vec("(([a-z ]{0,30})|(Éle)|(ELE)|(éle)|(cœ)|(к)|(ß)){0,16}", 0..4)),
            0..8,
        ),
        typed in "[elcéÉœkКк'’ ]{1,5}",
    ) {
        let story = story_of(&entries);
        let mut slot = Slot::None;
        let query = folded(&typed);
        let ends: Vec<usize> = query.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
        for (k, &end) in ends.iter().enumerate() {
            let (first, now) = (&query[..if k == 0 { 0 } else { ends[k - 1] }], &query[..end]);
            let want = naive(&story, now);
            prop_assert_eq!(&search(&mut slot, &story, now), &want, "{:?}", now);
            if !first.is_empty() {
                prop_assert_eq!(&narrowed(&mut slot, &story, first, now), &want, "{:?} after {:?}", now, first);
                // Grown at the start, not the end: no field is skipped.
                let tail = &now[ends[0]..];
                prop_assert_eq!(&narrowed(&mut slot, &story, tail, now), &want, "{:?} after {:?}", now, tail);
            }
        }
    }
}

#[test]
fn a_longer_query_looks_from_the_field_that_held_the_shorter() {
    // The first paragraph holds "ele" but not "elec", the third holds "Élec" past the head.
    let long = "x".repeat(200);
    let story = story_of(&[("titre".into(), vec!["selen".into(), long.clone(), format!("{long} Élections")])]);
    let mut slot = Slot::None;
    let index = slot.get(&story);
    let ele = index.matching(&story, "ele", None);
    assert_eq!((ele.entries.clone(), ele.fields.clone()), (vec![0], vec![0]), "found in the head");
    let elec = index.matching(&story, "elec", Some(&ele));
    assert_eq!((elec.entries.clone(), elec.fields.clone()), (vec![0], vec![3]), "headline 0, paragraphs 1–3");
    let elect = index.matching(&story, "elect", Some(&elec));
    assert_eq!(elect.fields, vec![3]);
    let lec = index.matching(&story, "lec", None);
    assert_eq!(index.matching(&story, "election", Some(&lec)).entries, vec![0]);
}

#[test]
fn background_index_of_a_big_story_answers_as_folding_and_finding() {
    let blog = crate::corpus::generate(8300, 3);
    let story = crate::parse::parse_text("gen.txt".into(), blog.text, crate::parse::Rules::embedded());
    assert!(story.text.len() > BACKGROUND_FROM, "big enough for a background build");
    assert!(story.entries.len() > 8192, "enough entries for the parallel search");
    let mut slot = Slot::start(&story);
    assert!(matches!(slot, Slot::Building(_)));
    for query in ["e", "ukraine", "otan (1", "e ", "zzz", "armee"] {
        let found = search(&mut slot, &story, query);
        assert_eq!(found, naive(&story, query), "{query:?}");
    }
    assert!(!search(&mut slot, &story, "ukraine").is_empty(), "a word of the corpus is found");
}

#[test]
fn a_stopped_build_leaves_no_index_and_the_next_search_builds_one() {
    let story = story_of(&[("Élysée".into(), vec!["Cœur".into()])]);
    let mut slot = Slot::start(&story);
    slot.stop();
    assert!(matches!(slot, Slot::None));
    assert_eq!(search(&mut slot, &story, "coeur"), vec![0]);
    assert!(matches!(slot, Slot::Ready(_)));
}

#[test]
fn an_index_built_by_slices_answers_as_one_built_at_once() {
    let blog = crate::corpus::generate(300, 9);
    let story = crate::parse::parse_text("gen.txt".into(), blog.text, crate::parse::Rules::embedded());
    let mut slot = Slot::None;
    let mut slices = 0;
    while !slot.advance(&story, 4096) {
        assert!(matches!(slot, Slot::Partial(..)));
        slices += 1;
    }
    assert!(slices > 10, "{slices} slices");
    assert!(matches!(slot, Slot::Ready(_)));
    for query in ["e", "ukraine", "otan (1", "armee", "zzz"] {
        assert_eq!(search(&mut slot, &story, query), naive(&story, query), "{query:?}");
    }
    // A partial index asked for whole is finished first.
    let mut slot = Slot::None;
    assert!(!slot.advance(&story, 1));
    assert_eq!(search(&mut slot, &story, "ukraine"), naive(&story, "ukraine"));
}
