//! Tests of the two-thread tokenizer: every fixture cut at several places builds the same tree
//! as the serial parse, and each wrong guess falls back to it.

use super::super::capped::{parse_cut, parse_serial};
use super::super::dom::{Dom, Edge, Node};
use super::super::sink::Sink;
use super::cut;
use std::cell::RefCell;
use std::fmt::Write;

pub(in crate::parse::html) fn sink() -> Sink {
    let mut dom = Dom { slots: Vec::new() };
    dom.push(Node::Document);
    Sink(RefCell::new(dom))
}

/// The tree as text: every element with its kept attributes, every text and comment, nesting
/// shown by the closes.
pub(in crate::parse::html) fn dump(dom: &Dom) -> String {
    let mut out = String::new();
    for edge in dom.root().traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(e) => {
                    let _ = write!(out, "<{}:{:?}", e.name(), e.name.ns);
                    for (name, value) in &e.attrs {
                        let _ = write!(out, " {name}={:?}", &**value);
                    }
                    out.push('>');
                }
                Node::Text(t) => {
                    let _ = write!(out, "{:?}", &**t);
                }
                Node::Comment => out.push_str("<!>"),
                Node::Fragment => out.push_str("<#>"),
                Node::Document => {}
            },
            Edge::Close(n) if n.value().is_element() || matches!(n.value(), Node::Fragment) => out.push_str("</>"),
            Edge::Close(_) => {}
        }
    }
    out
}

/// Every cut between two tags, and how many of them the two-thread parse kept.
fn every_cut(text: &str) -> (usize, usize) {
    let serial = dump(&parse_serial(sink(), text));
    let (mut cuts, mut kept) = (0, 0);
    let mut from = 0;
    while let Some(at) = cut(&text[from..], 0).map(|at| at + from) {
        cuts += 1;
        if let Some(dom) = parse_cut(sink(), text, at) {
            kept += 1;
            assert_eq!(dump(&dom), serial, "cut at byte {at} of {text:?}");
        }
        from = at;
    }
    (cuts, kept)
}

#[test]
fn a_cut_anywhere_between_tags_builds_the_serial_tree_or_gives_up() {
    let page = r#"<!DOCTYPE html><html><head><title>A <b>title</b></title><style>p>a{x:1}</style>
<script>if (a<b) document.write("</p><p>")</script><noscript><p>no</p></noscript></head>
<body><p title="a><b">one</p><!-- a comment ><p> inside --><pre>
kept line</pre><svg><title>icon</title><style>.a{}</style><p>out</p></svg>
<svg><foreignObject><div>in</div></foreignObject><math><mi>x</mi></math></svg>
<textarea><p>raw</p></textarea><table><tr><td>a</td><b>bold</b></tr></table>
<template><p>t</p></template><select><option>o</option><textarea>x</textarea></select>
<a href=x&amp>amp</a><iframe><p>raw</p></iframe><p>a<div>b</div></p><plaintext><p>rest</p>"#;
    let (cuts, kept) = every_cut(page);
    assert!(cuts > 30, "{cuts} cuts");
    // Cuts inside raw text, comments, attribute values and after a foreign break-out give up;
    // most others hold.
    assert!(kept * 2 > cuts, "{kept} of {cuts} cuts kept");
}

#[test]
fn a_wrong_guess_gives_up_rather_than_building_another_tree() {
    // A `p` breaks out of the SVG: the `title` after it is HTML (raw text to the tree
    // builder), the tail's tokenizer still counts it inside the SVG.
    let page = "<html><body><p>x</p><svg><p>out</p><title>a <b>b</b></title></svg></body></html>";
    let at = page.find("<svg>").unwrap();
    assert!(parse_cut(sink(), page, at).is_none());
    // What the reader uses parses it serially instead.
    let whole = super::super::capped::parse(sink, &page.repeat(1 + super::SPLIT_MIN / page.len()));
    let serial = parse_serial(sink(), &page.repeat(1 + super::SPLIT_MIN / page.len()));
    assert_eq!(dump(&whole), dump(&serial));
}

#[test]
fn the_fixture_pages_parse_alike_on_two_threads() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let (mut pages, mut kept, mut tried) = (0, 0, 0);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path().join("page.html");
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let text = super::super::decode::decode(bytes).unwrap();
        pages += 1;
        let serial = dump(&parse_serial(sink(), &text));
        for share in [10, 30, 50, 70, 90] {
            let Some(at) = cut(&text, share) else { continue };
            tried += 1;
            if let Some(dom) = parse_cut(sink(), &text, at) {
                kept += 1;
                assert_eq!(dump(&dom), serial, "{} cut at {share} %", path.display());
            }
        }
    }
    assert!(pages >= 20, "{pages} pages");
    assert!(kept * 10 >= tried * 9, "{kept} of {tried} cuts kept");
}
