//! Property tests: arbitrary bytes never panic the parser, no control character from a file or
//! page reaches a text field, and entries rendered to live-blog text parse back to the same
//! clocks, tags, headlines and bodies.

mod common;
use liveblog::parse::{Rules, parse_bytes};
use proptest::prelude::*;
use std::path::PathBuf;

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = parse_bytes(PathBuf::from("x.txt"), bytes, Rules::embedded());
    }

    #[test]
    fn live_blog_shaped_noise_never_panics(text in "(([0-9]{1,2}[hH:.][0-9]{2}( GMT| TU|pm)?|Direct terminé le 3 mai 2024 à 9h00|Lundi 2 mai|Partager|17|nouvelle\\(s\\) publication\\(s\\)|Voir [A-Z][a-z]+|© AP|[A-Za-zéà ]{0,30}\\.?|\u{a0}|\u{1b}\\[3[0-9]m|)(\n|\r\n){1,3}){0,60}") {
        let story = parse_bytes(PathBuf::from("x.txt"), text.into_bytes(), Rules::embedded()).unwrap();
        // Every span must slice the text on char boundaries.
        for e in story.entry_refs() {
            let _ = (e.headline(), e.tag(), e.body().count(), e.captions().count(), e.links().count());
        }
    }

    #[test]
    fn no_control_character_reaches_any_text_field(
        parts in proptest::collection::vec(proptest::sample::select(HOSTILE), 0..40),
        html in any::<bool>(),
    ) {
        let body: String = parts.concat();
        let page = if html {
            format!("<!doctype html><html><head><script type=\"application/ld+json\">{{\"@type\":\"LiveBlogPosting\",\"headline\":\"{}\",\"publisher\":\"{}\",\"liveBlogUpdate\":[{{\"headline\":\"{}\",\"datePublished\":\"2024-10-21T10:05:00Z\"}}]}}</script></head><body><h1>{body}</h1><p>{body}</p></body></html>", JSON_ESC, JSON_ESC, JSON_ESC)
        } else {
            format!("{body}\n\n10h05\n\n{body}\n\n{body}\n")
        };
        let story = parse_bytes(PathBuf::from("x.html"), page.into_bytes(), Rules::embedded()).unwrap();
        let mut fields = common::text_fields(&story);
        fields.extend(story.outlet.clone());
        fields.push(liveblog::export::explain(&story));
        for f in fields {
            prop_assert!(!f.chars().any(|c| liveblog::decode::is_unsafe_char(c) && c != '\n'), "{:?}", f);
        }
    }

    #[test]
    fn entries_round_trip(entries in proptest::collection::vec(entry(), 1..25)) {
        let mut text = String::from("Direct démarré le 21 octobre 2024 à 6H30 TU\n\nLe fil de la journée\n\n");
        for (i, (h, m, tag, headline, body)) in entries.iter().enumerate() {
            text.push_str(&format!("{h}h{m:02}\n"));
            if let Some(tag) = tag {
                text.push_str(&format!("{tag}\n"));
            }
            text.push_str(&format!("\n{headline} n{i}\n\n"));
            for (j, p) in body.iter().enumerate() {
                text.push_str(&format!("{p} p{i} {j}.\n\n"));
            }
        }
        let story = parse_bytes(PathBuf::from("x.txt"), text.into_bytes(), Rules::embedded()).unwrap();
        prop_assert_eq!(story.entries.len(), entries.len());
        for (i, (e, (h, m, tag, headline, body))) in story.entry_refs().zip(&entries).enumerate() {
            prop_assert_eq!(e.entry.clock.unwrap().to_string(), format!("{h:02}:{m:02}"));
            prop_assert_eq!(e.tag(), tag.as_deref());
            let headline = format!("{headline} n{i}");
            prop_assert_eq!(e.headline(), Some(headline.as_str()));
            let want: Vec<String> = body.iter().enumerate().map(|(j, p)| format!("{p} p{i} {j}.")).collect();
            prop_assert_eq!(e.body().collect::<Vec<_>>(), want);
            prop_assert!(e.entry.at.is_some());
        }
    }
}

/// Pieces of hostile text: raw escape sequences and controls, character references that spell
/// them, bidi overrides, and words and clocks for the parser to take as structure.
const HOSTILE: &[&str] = &[
    "\u{1b}[31m",
    "\u{1b}]8;;http://evil\u{1b}\\",
    "\u{1b}]52;c;ZXZpbA==\u{7}",
    "\u{9b}2J",
    "\u{202e}",
    "\u{7}",
    "&#x1b;[2J",
    "&#27;]0;t&#7;",
    "&#x9b;",
    "&#x202e;",
    "&#0;",
    "<b>",
    "</b>",
    "<time datetime=\"2024-10-21T10:05:00Z\">",
    "</time>",
    "10:05",
    "\n",
    "Headline words",
    "<img alt=\"&#x1b;[31malt\">",
    "<a href=\"http://x/&#x1b;[31m\">link</a>",
];

/// JSON escapes that spell controls, for structured data.
const JSON_ESC: &str = "A\\u001b[31mB\\u009b2J\\u0007C\\u202eD";

const WORDS: &[&str] = &[
    "le",
    "président",
    "annonce",
    "une",
    "aide",
    "militaire",
    "Kiev",
    "Moscou",
    "frappes",
    "sur",
    "la",
    "région",
    "de",
    "Donetsk",
    "élections",
    "Moldavie",
    "accord",
    "nuit",
    "bilan",
    "ONU",
];

fn words(min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(WORDS), min..max).prop_map(|w| w.join(" "))
}

fn capitalised(s: String) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

prop_compose! {
    fn entry()(h in 0u32..24, m in 0u32..60,
               tag in proptest::option::of(words(1, 4)),
               headline in words(3, 12),
               body in proptest::collection::vec(words(6, 30), 1..4))
               -> (u32, u32, Option<String>, String, Vec<String>) {
        (h, m, tag, capitalised(headline), body.into_iter().map(capitalised).collect())
    }
}

/// A case the property test found: a match-minute-like mark opening a post whose headline sits
/// on the stamp's own line once panicked on an empty list of used lines.
#[test]
fn a_post_with_its_headline_on_the_stamp_line_and_a_mark_under_it_does_not_panic() {
    let body = "10:05Headline words&#x1b;[2J<img alt=\"&#x1b;[31malt\"><b>\n&#0;\n";
    let page = format!("{body}\n\n10h05\n\n{body}\n\n{body}\n");
    let story = parse_bytes(PathBuf::from("x.html"), page.into_bytes(), Rules::embedded()).unwrap();
    assert!(!story.entries.is_empty());
}
