//! The text pane's content as plain lines: an entry's headline, its date line, its body wrapped
//! to a width (French no-break spaces before `:` `?` `!` `»` never break), captions, links,
//! and where a search query matches. No terminal types: the state counts these lines to clamp
//! scrolling, the renderer styles them.

use crate::model::{EntryRef, push_folded};
use std::ops::Range;

/// The longest paragraph wrapped with balanced lines (textwrap's optimal fit).
const BALANCED_MAX: usize = 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStyle {
    Headline,
    Meta,
    Body,
    Caption,
    Link,
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    pub style: LineStyle,
    pub text: String,
    /// Byte ranges of `text` matching the search.
    pub highlights: Vec<Range<usize>>,
}

/// Wraps at ASCII spaces only, so a no-break space keeps `Moscou :` or `« oui »` together.
/// A no-break space that a page put next to a space does not open a line as a blank cell.
/// A paragraph of more than [`BALANCED_MAX`] bytes is filled line by line instead of balanced:
/// balancing a 7 MB paragraph took ten seconds a screen.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut options = textwrap::Options::new(width.max(1))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    if text.len() > BALANCED_MAX {
        options = options.wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    }
    let lines = textwrap::wrap(text, options);
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        let line = if out.is_empty() { &line } else { line.trim_start_matches(char::is_whitespace) };
        out.push(line.to_string());
    }
    out
}

/// The lines of an entry for a pane `width` cells wide. `meta` is the date line; `query` the
/// folded search query (empty for none).
pub fn entry_lines(entry: EntryRef<'_>, meta: &str, width: u16, query: &str) -> Vec<TextLine> {
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    let mut push = |style: LineStyle, text: &str| {
        for line in wrap(text, width) {
            let highlights = find_folded(&line, query);
            out.push(TextLine { style, text: line, highlights });
        }
    };
    if let Some(h) = entry.headline() {
        push(LineStyle::Headline, h);
    }
    if !meta.is_empty() {
        push(LineStyle::Meta, meta);
    }
    let blank = TextLine { style: LineStyle::Blank, text: String::new(), highlights: Vec::new() };
    for p in entry.paragraphs() {
        out.push(blank.clone());
        let mut push_body = |text: &str| {
            for line in wrap(text, width) {
                let highlights = find_folded(&line, query);
                out.push(TextLine { style: LineStyle::Body, text: line, highlights });
            }
        };
        push_body(&p);
    }
    let captions: Vec<&str> = entry.captions().collect();
    if !captions.is_empty() {
        out.push(blank.clone());
        for c in captions {
            for line in wrap(c, width) {
                out.push(TextLine { style: LineStyle::Caption, text: line, highlights: Vec::new() });
            }
        }
    }
    let links: Vec<&str> = entry.links().collect();
    if !links.is_empty() {
        out.push(blank.clone());
        for l in links {
            for line in wrap(&format!("→ {l}"), width) {
                out.push(TextLine { style: LineStyle::Link, text: line, highlights: Vec::new() });
            }
        }
    }
    out
}

/// What an edit is measured on: the headline, then the body, captions and links, as
/// paragraphs. Kept for an entry before its edit, compared with it after.
pub fn edit_text(entry: &EntryRef<'_>) -> String {
    let body = entry.plain_text();
    match entry.headline() {
        Some(h) if body.is_empty() => h.to_string(),
        Some(h) => format!("{h}\n\n{body}"),
        None => body,
    }
}

/// The lines of an edited entry shown as a word diff against `before` (its [`edit_text`]
/// before the edit): runs of removed words as `[-old-]`, added ones as `{+new+}`, readable
/// without colour; each run is a highlight range.
pub fn diff_lines(entry: EntryRef<'_>, meta: &str, before: &str, width: u16) -> Vec<TextLine> {
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    for line in wrap(&format!("{meta} · what changed:"), width) {
        out.push(TextLine { style: LineStyle::Meta, text: line, highlights: Vec::new() });
    }
    // The headline is the diff's first paragraph: a corrected headline shows its change.
    let mut style = if entry.headline().is_some() { LineStyle::Headline } else { LineStyle::Body };
    for paragraph in crate::word_diff::paragraphs(before, &edit_text(&entry)) {
        out.push(TextLine { style: LineStyle::Blank, text: String::new(), highlights: Vec::new() });
        for (text, highlights) in crate::word_diff::wrap(&paragraph, width) {
            out.push(TextLine { style, text, highlights });
        }
        style = LineStyle::Body;
    }
    out
}

/// Where the folded `query` occurs in `text`, as byte ranges of `text`: a search for
/// `elections` finds `Élections`.
pub fn find_folded(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let mut folded = String::with_capacity(text.len());
    // For each byte of `folded`, the byte range of `text` it came from.
    let mut origin: Vec<Range<usize>> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let before = folded.len();
        push_folded(c, &mut folded);
        for _ in before..folded.len() {
            origin.push(i..i + c.len_utf8());
        }
    }
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = folded[from..].find(query) {
        let start = from + pos;
        let end = start + query.len();
        out.push(origin[start].start..origin[end - 1].end);
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_break_spaces_do_not_break() {
        let lines = wrap("Le chef a dit\u{a0}: « non\u{a0}» et encore\u{a0}!", 14);
        for l in &lines {
            assert!(!l.starts_with(':') && !l.starts_with('»') && !l.starts_with('!'), "{lines:?}");
        }
    }

    #[test]
    fn a_no_break_space_after_a_space_does_not_indent_the_next_line() {
        // As in a saved page: `tête. \u{a0}Le porte-parole`.
        let lines = wrap("la course en tête. \u{a0}Le porte-parole de la présidence", 20);
        assert_eq!(lines[1], "Le porte-parole de", "{lines:?}");
        assert_eq!(wrap("\u{a0}Indented", 20), ["\u{a0}Indented"], "a first line keeps what it opens with");
    }

    #[test]
    fn folded_search_maps_back_to_the_text() {
        let text = "Les Élections en Moldavie, élections";
        let found = find_folded(text, "elections");
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].clone()], "Élections");
        assert_eq!(&text[found[1].clone()], "élections");
        assert!(find_folded(text, "").is_empty());
    }
}
