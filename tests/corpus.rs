//! A generated blog of thousands of entries crossing midnight many times: every entry's clock,
//! date, tag and headline must match the generator's ground truth.

use liveblog::corpus;
use liveblog::parse::{Rules, parse_text};
use std::path::PathBuf;

#[test]
fn generated_blog_resolves_every_date() {
    let truth = corpus::generate(5000, 11);
    let days: std::collections::BTreeSet<&str> = truth.entries.iter().map(|e| &e.at[..10]).collect();
    assert!(days.len() > 50, "the blog must cross midnight many times ({} days)", days.len());
    let story = parse_text(PathBuf::from("gen.txt"), truth.text.clone(), Rules::embedded());
    assert_eq!(story.entries.len(), truth.entries.len());
    assert_eq!(story.coverage_start.unwrap().to_rfc3339(), truth.coverage_start);
    assert_eq!(story.coverage_end.unwrap().to_rfc3339(), truth.coverage_end);
    for (i, (got, want)) in story.entry_refs().zip(&truth.entries).enumerate() {
        assert_eq!(got.entry.clock.unwrap().to_string(), want.clock, "entry {i}");
        assert_eq!(got.entry.at.unwrap().to_rfc3339(), want.at, "entry {i}");
        assert_eq!(got.tag(), Some(want.tag.as_str()), "entry {i}");
        assert_eq!(got.headline(), Some(want.headline.as_str()), "entry {i}");
    }
}

#[test]
fn anchored_on_the_start_alone_the_dates_still_resolve() {
    let truth = corpus::generate(800, 3);
    // Without the end dateline, the parser counts back up from the coverage start.
    let text = truth.text.split_once('\n').unwrap().1.to_string();
    let story = parse_text(PathBuf::from("gen.txt"), text, Rules::embedded());
    assert!(story.coverage_end.is_none());
    for (got, want) in story.entries.iter().zip(&truth.entries) {
        assert_eq!(got.at.unwrap().to_rfc3339(), want.at);
    }
}
