//! A big page is parsed on both cores — its lines read in pieces, its entries built in runs —
//! and must come out as one reader going down the page would make it: tags numbered in order
//! of first use, each entry's tag id naming its own tag, removed lines in page order.

use liveblog::corpus;
use liveblog::model::fold;
use liveblog::parse::{Rules, parse_text};
use std::path::PathBuf;

#[test]
fn tags_of_a_page_built_in_runs_are_numbered_in_order_of_first_use() {
    // 7,000 entries: several runs of entries, and pieces of lines, each way.
    let truth = corpus::generate(7000, 5);
    let story = parse_text(PathBuf::from("gen.txt"), truth.text, Rules::embedded());
    assert_eq!(story.entries.len(), 7000);
    let mut next = 0;
    for (i, e) in story.entry_refs().enumerate() {
        let id = e.entry.tag_id.unwrap_or_else(|| panic!("entry {i} has a tag id")) as usize;
        assert!(id <= next, "entry {i}: tag {id} used before tag {next}");
        if id == next {
            next += 1;
        }
        assert_eq!(story.tags[id].key, fold(e.tag().expect("a tag")), "entry {i}");
        assert_eq!(e.tag(), Some(truth.entries[i].tag.as_str()), "entry {i}");
        assert_eq!(fold(&story.tags[id].label), story.tags[id].key, "a tag is labelled as first written");
    }
    assert_eq!(next, story.tags.len(), "every tag is used");
    let keys: std::collections::HashSet<&str> = story.tags.iter().map(|t| t.key.as_str()).collect();
    assert_eq!(keys.len(), story.tags.len(), "each tag once");
    assert!(story.dropped.windows(2).all(|w| w[0].line <= w[1].line), "removed lines in page order");
}
