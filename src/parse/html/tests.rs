//! The HTML reader on small pages: recognition, rendering, hints, furniture.

use super::*;
use crate::parse::page::{HintKind, LineHint};

fn page(html: &str) -> Page {
    read(html.as_bytes().to_vec()).unwrap()
}

#[test]
fn recognised_by_content() {
    assert!(looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><p>x"));
    assert!(looks_like_html(b"<!-- saved --> \n<html lang=en>"));
    assert!(looks_like_html(b"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"));
    assert!(!looks_like_html(b"Use <b> for bold.\n<html> is the root.\n"));
    assert!(!looks_like_html(b"17h38\nLe texte.\n"));
    let dense = "<div><p>a</p><p>b</p><span>c</span><a href=x>d</a><br><ul><li>e</li></ul></div>";
    assert!(looks_like_html(dense.as_bytes()));
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain("<html>".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
    assert!(looks_like_html(&utf16));
}

#[test]
fn blocks_break_and_inlines_never_glue() {
    let p = page(
        "<body><div><p>One <b>bold</b>  word.</p><div>Two</div>Three<br>Four</div>\
         <div class=meta><time>21:22</time><mark>Frances Watkins</mark></div>\
         <p><span>Lead</span><span>Text</span></p></body>",
    );
    assert_eq!(p.text, "One bold word.\n\nTwo\nThree\nFour\n21:22\nFrances Watkins\n\nLead Text");
}

#[test]
fn a_time_that_starts_a_post_is_a_line_with_its_instant() {
    let p = page(
        r#"<article class="block"><header><time datetime="2024-10-21T15:38:00Z">17h38</time></header>
        <h2>Headline</h2><p>Body with <time datetime="2024-10-21">Monday</time> inside.</p></article>"#,
    );
    assert_eq!(p.text, "17h38\n\nHeadline\n\nBody with Monday inside.");
    let instant = crate::parse::html::meta::when("2024-10-21T15:38:00Z");
    assert_eq!(
        p.hints,
        vec![
            LineHint { line: 1, kind: HintKind::PostStart },
            LineHint { line: 1, kind: HintKind::Time { instant } },
            LineHint { line: 3, kind: HintKind::Heading(2) },
        ]
    );
}

#[test]
fn furniture_is_dropped_and_recorded() {
    let p = page(
        r#"<body><header><a>Skip to main content</a><a>Menu</a></header><nav><a>World</a></nav>
        <main><header><h1>Live: the vote</h1></header><p>Text.</p><aside>Most read</aside>
        <div style="display: none">Hidden</div><span aria-hidden="true">icon</span>
        <script>var x = "<p>no</p>";</script><form><input><label>Email</label></form></main>
        <footer>© Outlet</footer></body>"#,
    );
    assert_eq!(p.text, "Live: the vote\n\nText.");
    assert_eq!(p.meta.h1.as_deref(), Some("Live: the vote"));
    let rules: Vec<&str> = p.furniture.iter().map(|f| f.rule).collect();
    assert_eq!(
        rules,
        ["html-header", "html-nav", "html-aside", "html-hidden", "html-hidden", "html-form", "html-footer"]
    );
    assert_eq!(p.furniture[0].text, "Skip to main content Menu");
}

#[test]
fn figures_give_one_caption_and_escapes_are_removed() {
    let p = page(
        "<p>A</p><figure><img alt=\"Alt text\"><figcaption>The caption</figcaption></figure>\
         <figure><picture><img alt=\"Only alt\"></picture><img alt=\"Again\"></figure><p>x&#27;[31my</p>",
    );
    assert_eq!(p.text, "A\n\nThe caption\n\nOnly alt\n\nx[31my");
}

#[test]
fn truncated_and_odd_pages_do_not_fail() {
    let p = page("<!DOCTYPE html><html><body><article><p>Cut off in the mid");
    assert_eq!(p.text, "Cut off in the mid");
    let p = page("<!DOCTYPE html>");
    assert_eq!(p.text, "");
    let deep = "<div>".repeat(3_000) + "deep";
    assert_eq!(page(&deep).text, "deep");
}

#[test]
fn clocks_without_time_elements_and_listings() {
    // An older page's `9.31am:` span starts its post; a time column in an aside stays.
    let p = page(
        "<p id=block-1><span class=timestamp><a href=#block-1>9.31am:</a></span>Welcome.</p>\
         <div class=row><aside><time>19:30</time></aside><div><p>Lap 14.</p></div></div>\
         <div class=listing><a href=/match/2><time>18:00</time><span>Team A 57 : 33 Team B</span></a></div>\
         <div class=comments><p>12:44 a reader says</p></div><div id=related-links><p>Other story</p></div>",
    );
    assert_eq!(p.text, "9.31am\nWelcome.\n\n19:30\n\nLap 14.\n\n18:00 Team A 57 : 33 Team B");
    let times = p.hints.iter().filter(|h| matches!(h.kind, HintKind::Time { .. })).count();
    assert_eq!(times, 2);
    let rules: Vec<&str> = p.furniture.iter().map(|f| f.rule).collect();
    assert_eq!(rules, ["html-comments", "html-related"]);
}

/// The texts of a document in order, each with its parent's name.
fn texts(dom: &Dom) -> Vec<(String, String)> {
    dom.root()
        .descendants()
        .filter_map(|n| {
            let parent = n.parent()?.value().as_element().map_or("", |e| e.name()).to_string();
            Some((n.value().as_text()?.to_string(), parent))
        })
        .collect()
}

#[test]
fn the_tree_builder_can_move_nodes_in_our_dom() {
    // Foster parenting: text inside a table goes before it.
    let dom = Dom::parse("<body><table>foo<tr><td>bar</td></tr></table>");
    assert_eq!(texts(&dom), [("foo".into(), "body".into()), ("bar".into(), "td".into())]);
    // The adoption agency: a `</b>` closing across a `<p>` splits the `b` and reparents.
    let dom = Dom::parse("<body><b>1<p>2</b>3</p>");
    assert_eq!(texts(&dom), [("1".into(), "b".into()), ("2".into(), "b".into()), ("3".into(), "p".into())]);
    let b2 = dom.root().descendants().filter(|n| n.value().as_element().is_some_and(|e| e.name() == "b")).nth(1);
    assert_eq!(
        b2.and_then(|b| b.parent()).and_then(|p| p.value().as_element().map(|e| e.name().to_string())),
        Some("p".into())
    );
    // Adjacent text joins; a comment between keeps two nodes.
    let dom = Dom::parse("<body><p>a<!-- c -->b</p><p>c&amp;d</p>");
    assert_eq!(texts(&dom).iter().map(|t| t.0.as_str()).collect::<Vec<_>>(), ["a", "b", "c&d"]);
}

#[test]
fn the_dom_keeps_what_the_readers_use_and_no_more() {
    let dom = Dom::parse(
        r#"<html lang=fr><head><style>p{color:red}</style><script>var a = "<p>x</p>";</script>
        <script type=" Application/LD+JSON ">{"a":1}</script></head>
        <body><div class=a data-x=y onclick=z id=i>t</div><template><p>in</p></template></body>"#,
    );
    let div = dom.nodes().find(|n| n.value().as_element().is_some_and(|e| e.name() == "div")).unwrap();
    let el = div.value().as_element().unwrap();
    assert_eq!(
        (el.attr("class"), el.attr("id"), el.attr("data-x"), el.attr("onclick")),
        (Some("a"), Some("i"), None, None)
    );
    let all: Vec<String> = texts(&dom).into_iter().map(|(t, p)| format!("{p}:{}", t.trim())).collect();
    assert!(all.contains(&"script:{\"a\":1}".to_string()), "{all:?}");
    assert!(!all.iter().any(|t| t.starts_with("style:") || t.contains("var a")), "{all:?}");
    // A template's contents hang under a fragment of their own.
    let p = dom.nodes().find(|n| n.value().as_text() == Some("in")).unwrap();
    assert!(matches!(p.parent().and_then(|p| p.parent()).map(|f| f.value()), Some(Node::Fragment)));
}

#[test]
fn styles_hide_whatever_their_spacing_and_case() {
    let p = page(
        r#"<body><p style="DISPLAY : None ;">a</p><p style="color:red;visibility:
        hidden">b</p><p style="display:block;color:none">shown</p><p style="visibility:visible">too</p></body>"#,
    );
    assert_eq!(p.text, "shown\n\ntoo");
    assert_eq!(p.furniture.iter().map(|f| f.rule).collect::<Vec<_>>(), ["html-hidden", "html-hidden"]);
}

#[test]
fn a_capitalised_badge_keeps_its_time_on_its_line() {
    // Sky's `DONE DEAL` badge beside the post's `<time>`: the copy reads `DONE DEAL22:41`.
    let p = page(
        "<body><div class=post><div class=head><span class=badge>DONE DEAL</span><time>22:41</time></div>\
         <h3>Sancho to Chelsea</h3><p>Body.</p></div></body>",
    );
    let lines: Vec<&str> = p.text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(lines.contains(&"DONE DEAL 22:41"), "{lines:?}");
}
