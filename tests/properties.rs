//! Property tests: arbitrary bytes never panic the parser, and entries rendered to live-blog
//! text parse back to the same clocks, tags, headlines and bodies.

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
