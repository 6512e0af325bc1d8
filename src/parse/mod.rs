//! Text → [`Story`]. The parser reads a live blog line by line: it classifies each line
//! (blank, boilerplate, entry time, day header, text), splits the page into a header and
//! entries at the time lines, tells tags from headlines by the layout, keeps captions, credits
//! and related links apart from the body, and resolves each entry's date from the header's
//! datelines and the day changes. Pages with no time lines become untimed entries split at
//! their subheadings. Every line of the input ends up in the story or in [`Story::dropped`].

mod dates;
mod html;
mod layout;
pub mod page;
mod reconcile;
pub mod rules;
pub mod time;

use crate::decode::{self, InputError};
use crate::model::{DroppedLine, Span, Story};
pub use page::Page;
pub use rules::{RuleError, Rules};
use std::path::{Path, PathBuf};

/// Parses a file from disk.
pub fn parse_file(path: &Path, rules: &Rules) -> Result<Story, InputError> {
    let bytes = std::fs::read(path)?;
    parse_bytes(path.to_path_buf(), bytes, rules)
}

/// The front door: bytes as they would be read from a file or a response body, HTML or text,
/// recognised by their content (decoding and cleaning included).
pub fn parse_bytes(path: PathBuf, bytes: Vec<u8>, rules: &Rules) -> Result<Story, InputError> {
    let page = if html::looks_like_html(&bytes) { html::read(bytes)? } else { Page::text(decode::decode(bytes)?) };
    Ok(parse_page(path, page, rules))
}

/// Parses text that is already decoded and clean (see [`decode::decode`]). Control characters
/// left in `text` would reach the output: callers with raw text go through `parse_bytes`.
pub fn parse_text(path: PathBuf, text: String, rules: &Rules) -> Story {
    parse_page(path, Page::text(text), rules)
}

/// The line pipeline every reader feeds: lines classified once (with the page's hints), then
/// structure, metadata, dates, and what the markup claims, in that order.
fn parse_page(path: PathBuf, mut page: Page, rules: &Rules) -> Story {
    let text = std::mem::take(&mut page.text);
    let lines = classify(&text, rules);
    let mut story = Story { path, ..Story::default() };
    let mut dropped = Vec::new();
    for line in &lines {
        if let Kind::Dropped(name) = &line.kind {
            dropped.push(DroppedLine { line: line.number, rule: rules.name(*name).to_string(), span: line.span });
        }
    }
    story.text = text;
    layout::build(&mut story, &lines);
    dropped.append(&mut story.dropped);
    dropped.sort_by_key(|d| d.line);
    story.dropped = dropped;
    reconcile::apply_meta(&mut story, &page);
    dates::resolve(&mut story, &lines);
    reconcile::apply_structured(&mut story, &page);
    if story.outlet.is_none() {
        story.outlet = layout::find_outlet(&story.text);
    }
    story
}

/// What one line of the page is, before layout.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    Blank,
    /// Removed by the rule of this index in [`Rules`].
    Dropped(usize),
    /// An entry time line; the index into the line's own parse is recomputed when needed.
    Time,
    DayHeader,
    Text,
    /// A related-article link announced by a `links-below` rule.
    Link,
}

#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// Trimmed of white space (no-break spaces included) and of the line break.
    pub span: Span,
    pub number: u32,
    pub kind: Kind,
}

/// Splits and classifies lines.
fn classify(text: &str, rules: &Rules) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::with_capacity(text.len() / 96 + 1);
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut number = 0u32;
    let mut rest_rule: Option<usize> = None;
    let mut links_below = false;
    while start <= bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        number += 1;
        let raw = &text[start..end];
        let trimmed = raw.trim();
        let offset = start + (trimmed.as_ptr() as usize - raw.as_ptr() as usize);
        let span = Span::new(offset, offset + trimmed.len());
        let kind = if let Some(rule) = rest_rule {
            if trimmed.is_empty() { Kind::Blank } else { Kind::Dropped(rule) }
        } else if trimmed.is_empty() {
            Kind::Blank
        } else if let Some((name, rule)) = rules.matching_index(trimmed) {
            if rule.rest {
                rest_rule = Some(name);
            }
            if rule.count_above
                && let Some(above) = lines.last_mut()
                && is_count(&text[above.span.start as usize..above.span.end as usize])
            {
                above.kind = Kind::Dropped(name);
            }
            links_below = rule.links_below;
            Kind::Dropped(name)
        } else if links_below && layout::headline_like(trimmed) {
            Kind::Link
        } else if time::clock_line(trimmed).is_some() {
            links_below = false;
            Kind::Time
        } else if time::day_header(trimmed).is_some() {
            Kind::DayHeader
        } else {
            links_below = false;
            Kind::Text
        };
        lines.push(Line { span, number, kind });
        if end == bytes.len() {
            break;
        }
        start = end + 1;
    }
    // A time line only starts an entry when something follows it before the next time line;
    // otherwise it is a time standing alone in a text.
    let mut next_is_content = false;
    for line in lines.iter_mut().rev() {
        match line.kind {
            Kind::Time if !next_is_content => line.kind = Kind::Text,
            Kind::Time => next_is_content = false,
            Kind::Text | Kind::Link => next_is_content = true,
            _ => {}
        }
    }
    lines
}

fn is_count(line: &str) -> bool {
    !line.is_empty() && line.len() <= 6 && line.bytes().all(|b| b.is_ascii_digit())
}
