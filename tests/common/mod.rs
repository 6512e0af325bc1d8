//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod tmux;

use liveblog::model::Story;
use liveblog::parse::{self, Rules};
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample_path(name: &str) -> PathBuf {
    root().join("assets/samples").join(name)
}

pub fn parse_path(path: &Path) -> Story {
    liveblog::load::parse_file(path, Rules::embedded()).expect("readable")
}

pub fn sample(name: &str) -> Story {
    parse_path(&sample_path(name))
}

pub fn fixture(name: &str) -> Story {
    parse_path(&root().join("tests/fixtures").join(name))
}

pub fn parse_str(text: &str) -> Story {
    parse::parse_bytes(PathBuf::from("test.txt"), text.as_bytes().to_vec(), Rules::embedded()).expect("text")
}

/// Every text field of a story, as the reader and the export show them.
pub fn text_fields(story: &Story) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    out.push(story.title.clone());
    out.extend(story.byline.map(|s| story.str(s).to_string()));
    out.extend(story.summary().iter().map(|p| p.to_string()));
    out.extend(story.captions.iter().map(|s| story.str(*s).to_string()));
    out.extend(story.links.iter().map(|s| story.str(*s).to_string()));
    for e in story.entry_refs() {
        out.extend(e.tag().map(str::to_string));
        out.extend(e.headline().map(str::to_string));
        out.extend(e.body().map(str::to_string));
        out.extend(e.captions().map(str::to_string));
        out.extend(e.links().map(str::to_string));
    }
    out
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_liveblog")
}

/// Each entry as `HH:MM instant headline`.
pub fn entries(story: &Story) -> Vec<String> {
    story
        .entry_refs()
        .map(|e| {
            format!(
                "{} {} {}",
                e.entry.clock.map_or("-".into(), |c| c.to_string()),
                e.entry.at.map_or("-".into(), |w| w.to_rfc3339()),
                e.headline().unwrap_or("-")
            )
        })
        .collect()
}
