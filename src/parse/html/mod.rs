//! HTML pages → a [`Page`]: recognised by their content, never by their name; decoded by
//! their BOM or declared charset ([`decode`]); parsed by html5ever into a
//! small DOM of our own ([`dom`]); rendered to lines as a browser lays out text, with hints on time, heading and post
//! lines ([`render`]); and read for what the markup says beyond the text: head metadata
//! ([`meta`]), JSON-LD ([`jsonld`]) and microdata ([`microdata`]).

mod capped;
mod crowded;
mod decode;
mod dom;
mod elements;
pub(super) mod jsonld;
mod meta;
mod microdata;
mod render;
mod sink;
mod split;
mod state;
mod ticker;
pub(crate) mod zone;

use super::page::Page;
use crate::decode::InputError;
use dom::{Dom, Edge, Node, NodeRef};
pub(crate) use meta::when;

/// How much of the start of a file is looked at to tell HTML from text.
const SNIFF: usize = 4096;

/// Whether these bytes are an HTML document rather than text: after a BOM, white space, an XML
/// declaration and comments, a doctype or an `<html>`, `<head>` or `<body>` tag; or, failing
/// that, a page that starts with a tag and is thick with them. A text that mentions `<b>` or
/// quotes a tag stays text.
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF)];
    let head: Vec<u8> = if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        // UTF-16: the markup is ASCII, every other byte.
        let skip = usize::from(head[0] == 0xFE);
        head[2..].iter().skip(skip).step_by(2).copied().collect()
    } else {
        head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head).to_vec()
    };
    let lower = head.to_ascii_lowercase();
    let mut rest: &[u8] = &lower;
    loop {
        rest = rest.trim_ascii_start();
        if rest.starts_with(b"<!--") {
            match memchr::memmem::find(rest, b"-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return false,
            }
        } else if rest.starts_with(b"<?xml") {
            match memchr::memmem::find(rest, b"?>") {
                Some(end) => rest = &rest[end + 2..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let opens = |tag: &[u8]| {
        rest.starts_with(tag) && rest.get(tag.len()).is_none_or(|b| matches!(b, b' ' | b'>' | b'\n' | b'\r' | b'\t'))
    };
    if opens(b"<!doctype") || opens(b"<html") || opens(b"<head") || opens(b"<body") {
        return true;
    }
    rest.starts_with(b"<") && tag_count(&lower) >= 12
}

/// How many common HTML tags open or close in `text`.
fn tag_count(text: &[u8]) -> usize {
    const TAGS: [&[u8]; 22] = [
        b"div", b"p", b"span", b"a", b"script", b"meta", b"link", b"table", b"br", b"li", b"ul", b"img", b"section",
        b"article", b"h1", b"h2", b"h3", b"time", b"title", b"style", b"tr", b"td",
    ];
    memchr::memchr_iter(b'<', text)
        .filter(|&i| {
            let t = text[i + 1..].strip_prefix(b"/").unwrap_or(&text[i + 1..]);
            TAGS.iter().any(|tag| {
                t.starts_with(tag) && t.get(tag.len()).is_some_and(|b| matches!(b, b' ' | b'>' | b'/' | b'\n'))
            })
        })
        .count()
}

/// Renders an HTML document to lines with hints, metadata and structured data.
pub(crate) fn read(bytes: Vec<u8>) -> Result<Page, InputError> {
    let source = decode::decode(bytes)?;
    let html = Dom::parse(&source);
    drop(source);
    let mut meta = meta::collect(&html);
    let rendered = render::render(html.root());
    // An h1 the renderer left out (inside breadcrumbs, say) still names the page.
    meta.h1 = rendered.h1.or_else(|| {
        let h1 = html.nodes().find(|n| n.value().as_element().is_some_and(|e| e.name() == "h1"))?;
        Some(text_of(h1)).filter(|t| !t.is_empty())
    });
    let mut structured = jsonld::read(&html);
    microdata::read(&html, &mut structured);
    let structured = (structured != Default::default()).then_some(structured);
    let state = state::scripts(&html);
    Ok(Page { text: rendered.text, hints: rendered.hints, meta, structured, furniture: rendered.furniture, state })
}

/// An HTML fragment (a post's body given as markup inside JSON) as the renderer lays it out:
/// its non-empty lines, trimmed.
pub(crate) fn fragment_lines(fragment: &str) -> Vec<String> {
    let dom = Dom::parse(fragment);
    render::render(dom.root()).text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

/// The text of an element, white space collapsed, without what never shows (scripts, styles).
pub(crate) fn text_of(node: NodeRef<'_>) -> String {
    let mut out = String::new();
    let mut skip: Option<dom::NodeId> = None;
    // Two elements side by side are two words, as the renderer shows them.
    let mut after_element = false;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) if skip.is_none() => match n.value() {
                Node::Element(e) if matches!(e.name(), "script" | "style" | "template" | "noscript" | "svg") => {
                    skip = Some(n.id())
                }
                Node::Element(_) => {
                    if after_element && !out.is_empty() && !out.ends_with(' ') {
                        out.push(' ');
                    }
                    after_element = false;
                }
                Node::Text(t) => {
                    after_element = false;
                    if t.starts_with(|c: char| c.is_ascii_whitespace()) && !out.is_empty() && !out.ends_with(' ') {
                        out.push(' ');
                    }
                    for (i, word) in t.split_ascii_whitespace().enumerate() {
                        if i > 0 {
                            out.push(' ');
                        }
                        out.push_str(word);
                    }
                    if t.ends_with(|c: char| c.is_ascii_whitespace()) && !out.is_empty() {
                        out.push(' ');
                    }
                }
                _ => {}
            },
            Edge::Close(n) if skip == Some(n.id()) => {
                skip = None;
                after_element = true;
            }
            Edge::Close(n) if skip.is_none() && n.value().is_element() => after_element = true,
            _ => {}
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    match crate::decode::clean(&out) {
        std::borrow::Cow::Borrowed(_) => out,
        std::borrow::Cow::Owned(cleaned) => cleaned,
    }
}

#[cfg(test)]
mod tests;
