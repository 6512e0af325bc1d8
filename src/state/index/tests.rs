//! The index answers exactly as folding each entry and looking for the query would.

use super::*;
use crate::model::{Span, push_folded};
use proptest::prelude::*;

/// The definition the index must agree with: fold each field char by char, join them with
/// line breaks, look for the query.
fn naive(story: &Story, query: &str) -> Vec<u32> {
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

fn story_of(entries: &[(String, Vec<String>)]) -> Story {
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
    let all: Vec<u32> = (0..story.entries.len() as u32).collect();
    slot.get(story).matching(story, query, &all)
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
        let mut folded = String::new();
        query.chars().for_each(|c| push_folded(c, &mut folded));
        let mut slot = Slot::None;
        prop_assert_eq!(search(&mut slot, &story, &folded), naive(&story, &folded));
    }
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
