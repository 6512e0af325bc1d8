//! Tests of the thinning of tags with thousands of attributes: thinning keeps the tree of every
//! fixture, and a hostile tag is read with the attributes that count.

use super::super::capped::parse_serial;
use super::super::dom::Dom;
use super::super::split::tests::{dump, sink};
use super::{MAX_ATTRS, thin};
use std::borrow::Cow;

fn tree(text: &str) -> String {
    dump(&parse_serial(sink(), text))
}

#[test]
fn thinning_every_tag_to_one_attribute_leaves_the_tree_as_it_was() {
    let page = r#"<!DOCTYPE html><html lang="en" data-x="1" lang="fr"><head><title a=1 b=2>A <p c=3 d=4></title>
<meta data-a="x" charset="utf-8"><script>if (a<b c d e f) x = "<div e=1 f=2 class=no>"</script>
<!-- <div g=1 h=2 class=commented> --></head><body data-b=2 class="page" data-c=3 id="top">
<div title="a>b" data-q='c>d' =odd  / x/ y = "spaced" class="late" class="twice">text</div>
<p a=b c=d class=unquoted>p</p><svg a=1 b=2><font size=3 data-z=1 color=red>out</font></svg>
<table><input data-i=1 data-j=2 type=hidden><tr><td a=1 b=2 id=cell>c</td></tr></table>
<body data-d=4 id="second" role="main"><math a=1><annotation-xml data-k=1 encoding="text/html"><div>x</div></annotation-xml></math>
<span a=1 b=2 c=3 itemprop="name" itemprop="twice">s</span></div x=1 y=2></body></html>"#;
    assert!(matches!(thin(page, 1), Cow::Owned(_)));
    assert_eq!(tree(&thin(page, 1)), tree(page));
    // Nothing in the comment or the script is touched.
    let thinned = thin(page, 1);
    assert!(thinned.contains("<div e=1 f=2 class=no>") && thinned.contains("<div g=1 h=2 class=commented>"));
}

#[test]
fn the_fixture_pages_keep_their_tree_when_every_tag_is_thinned() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let (mut pages, mut thinned) = (0, 0);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path().join("page.html");
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let text = super::super::decode::decode(bytes).unwrap();
        pages += 1;
        let thin = thin(&text, 1);
        thinned += usize::from(matches!(thin, Cow::Owned(_)));
        assert_eq!(tree(&thin), tree(&text), "{}", path.display());
        // At the real cap, no real page is touched.
        assert!(matches!(super::thin(&text, MAX_ATTRS), Cow::Borrowed(_)), "{}", path.display());
    }
    assert!(pages >= 20 && thinned * 10 >= pages * 9, "{thinned} of {pages} pages thinned");
}

#[test]
fn a_tag_with_a_hundred_thousand_attributes_is_read_with_those_that_count() {
    let mut page = String::from("<html><body><div id=\"first\"");
    for i in 0..100_000 {
        page.push_str(&format!(" data-a{i}=\"{i}\""));
    }
    page.push_str(" id=\"again\" class=\"last\">10:32</div></body></html>");
    // What html5ever is given holds the cap's attributes and the two read after it: its
    // tokenizer's quadratic duplicate check has a thousand, not 100,000, to compare.
    let thinned = thin(&page, MAX_ATTRS);
    assert_eq!(thinned.matches("=\"").count(), MAX_ATTRS + 1);
    let dom = Dom::parse(&page);
    let div = dom.nodes().find(|n| n.value().as_element().is_some_and(|e| e.name() == "div")).unwrap();
    let div = div.value().as_element().unwrap();
    assert_eq!((div.attr("id"), div.attr("class")), (Some("first"), Some("last")));
}

#[test]
fn a_crowded_tag_across_the_cut_of_a_split_parse_is_thinned_whole() {
    // The last attribute's quote runs past the cut: thinning the head alone would drop it with
    // the `>` the cut follows, and the tail would read the rest of the tag as text.
    let mut page = String::from("<html><body><p>head</p><div");
    for i in 0..(MAX_ATTRS + 5) {
        page.push_str(&format!(" a{i}=\"{i}\""));
    }
    page.push_str(" z=\"q><p>tail</p>\" class=\"c\">x</div><p>after</p></body></html>");
    let at = page.find("<p>tail").unwrap();
    assert!(super::super::capped::parse_cut(sink(), &page, at).is_none());
    // What the reader uses then thins the page whole and parses it on one thread.
    let dom = super::super::capped::parse(sink, &page);
    let div = dom.nodes().find(|n| n.value().as_element().is_some_and(|e| e.name() == "div")).unwrap();
    assert_eq!(div.value().as_element().unwrap().attr("class"), Some("c"));
}
