//! The five real samples: what the parser must find in each, and that nothing is lost or
//! duplicated while the boilerplate goes.

mod common;
use common::*;
use liveblog::model::fold;
use std::collections::{BTreeSet, HashMap};

const BOILERPLATE: &[&str] = &[
    "Partager",
    "Image",
    "Tweet URL",
    "PUBLICITÉ",
    "Copier/coller le lien embed",
    "nouvelle(s) publication(s)",
    "Continuer à lire sur le site",
    "blogueurs aiment cette page",
    "La source de cet article se trouve sur ce site",
    "Source link",
    "By pfvz8",
    "Leave a Reply",
    "Your email address will not be published",
    "Durée de la vidéo",
    "Qui anime ce direct",
    "Tous droits réservés",
    "À découvrir également",
];

fn is_clock(line: &str) -> bool {
    line.split_once(['h', 'H']).is_some_and(|(h, m)| {
        (1..=2).contains(&h.len()) && m.len() == 2 && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    })
}

fn assert_no_boilerplate(story: &liveblog::model::Story) {
    for field in text_fields(story) {
        for b in BOILERPLATE {
            // "Tous droits réservés" may not even end a caption.
            assert!(!field.contains(b), "{:?} holds boilerplate {b:?}: {field:?}", story.path);
        }
        assert_ne!(field.trim(), "17", "the new-posts counter leaked");
    }
}

/// The multiset of lines a story must hold: every non-blank source line, but boilerplate and
/// the second copy of a caption printed twice. Each must come out exactly once, as one field.
fn assert_every_line_once(name: &str, title_derived: bool) {
    let story = sample(name);
    let text = std::fs::read_to_string(sample_path(name)).unwrap();
    let mut expected: HashMap<String, i32> = HashMap::new();
    let mut previous = String::new();
    let mut trailer = false;
    for line in text.lines() {
        let line = line.trim().to_string();
        trailer |= line == "Leave a Reply" || line == "Qui anime ce direct ?";
        let structural = line == "17" || line.starts_with("Direct ") || is_clock(&line);
        if line.is_empty() || trailer || structural || BOILERPLATE.iter().any(|b| line.contains(b)) {
            continue;
        }
        if !previous.is_empty() && (line == previous || line.starts_with(&format!("{previous} Tous droits"))) {
            continue; // a caption's copy
        }
        previous = line.clone();
        *expected.entry(line).or_default() += 1;
    }
    let mut found: HashMap<String, i32> = HashMap::new();
    let fields = text_fields(&story);
    for field in fields.iter().skip(usize::from(title_derived)) {
        *found.entry(field.clone()).or_default() += 1;
    }
    for (line, n) in &expected {
        assert_eq!(found.get(line), Some(n), "{name}: line {line:?} should be in the story {n} time(s)");
    }
    for (field, n) in &found {
        assert_eq!(expected.get(field), Some(n), "{name}: {field:?} is not a line of the page");
    }
    assert_no_boilerplate(&story);
}

#[test]
fn rfi_entries_clocks_and_tags() {
    let story = sample("rfi-aide-militaire-ukraine.txt");
    assert_eq!(story.title, "Les États-Unis vont verser une aide militaire de 400 millions de dollars à l'Ukraine");
    assert_eq!(story.entries.len(), 15);
    let clocks: Vec<String> = story.entries.iter().map(|e| e.clock.unwrap().to_string()).collect();
    assert_eq!(
        clocks,
        [
            "17:38", "17:06", "16:55", "15:15", "13:19", "12:02", "11:20", "11:10", "10:43", "09:07", "08:55", "08:49",
            "07:45", "07:34", "07:15"
        ]
    );
    let tags: Vec<&str> = story.entry_refs().map(|e| e.tag().unwrap()).collect();
    assert_eq!(tags[0], "aide militaire");
    assert_eq!(tags[1], "diplomatie");
    assert_eq!(tags[6], "Diplomatie", "tags are kept as written");
    let folded: BTreeSet<String> = tags.iter().map(|t| fold(t)).collect();
    assert_eq!(folded.len(), 7, "{folded:?}");
    assert_eq!(story.tags.len(), 7);
    assert_eq!(story.entries[0].at.unwrap().to_rfc3339(), "2024-10-21T17:38:00Z");
    assert_eq!(story.entries[14].at.unwrap().to_rfc3339(), "2024-10-21T07:15:00Z");
    assert_eq!(story.coverage_start.unwrap().to_rfc3339(), "2024-10-21T06:30:00Z");
    assert_eq!(story.coverage_end.unwrap().to_rfc3339(), "2024-10-21T20:15:00Z");
    assert_eq!(story.zone.unwrap().name(), "UTC");
    let first = story.entry(0);
    assert_eq!(
        first.headline(),
        Some("Le chef du Pentagone, à Kiev, annonce une aide militaire de 400 millions de dollars à l'Ukraine")
    );
    assert_eq!(
        first.captions().collect::<Vec<_>>(),
        [
            "Le secrétaire d'État à la Défense Lloyd Austin en réunion à Kiev ce 21 octobre 2024.",
            "© Bureau de la présidence ukrainienne via AP"
        ]
    );
    assert_eq!(
        story.entry(1).links().collect::<Vec<_>>(),
        ["Voir Ukraine : Antonio Guterres rencontre Vladimir Poutine à Moscou"]
    );
    assert_no_boilerplate(&story);
}

#[test]
fn rfi_every_line_once() {
    assert_every_line_once("rfi-aide-militaire-ukraine.txt", false);
}

#[test]
fn franceinfo_sample() {
    let story = sample("franceinfo-kazakhstan-mobilisation.txt");
    assert_eq!(
        story.title,
        "DIRECT. Guerre en Ukraine : le président du Kazakhstan promet de protéger les Russes qui fuient la mobilisation"
    );
    assert_eq!(story.outlet.as_deref(), Some("France Info"));
    assert!(story.entries.iter().all(|e| e.clock.is_none()));
    assert_eq!(story.entry(0).headline(), Some("Ce qu’il faut savoir"));
    assert_every_line_once("franceinfo-kazakhstan-mobilisation.txt", false);
}

#[test]
fn twenty_minutes_sample() {
    let story = sample("20minutes-kazakhstan-escalade.txt");
    // No headline-like line: the title is the first sentence, shortened.
    assert!(
        story.title.starts_with("Le président du Kazakhstan, pays d’Asie centrale allié de la Russie"),
        "{}",
        story.title
    );
    assert!(story.title.chars().count() <= 100);
    assert_eq!(story.outlet.as_deref(), Some("20 Minutes"));
    assert_eq!(story.entries.len(), 1);
    assert_eq!(story.entries[0].body.len(), 7);
    assert_every_line_once("20minutes-kazakhstan-escalade.txt", true);
}

#[test]
fn euronews_sample() {
    let story = sample("euronews-russes-fuient-kazakhstan.txt");
    assert_eq!(story.title, "100 000 Russes ont fui au Kazakhstan pour éviter la mobilisation");
    assert_eq!(story.byline.map(|b| story.str(b)), Some("Par\u{a0}Franceline Beretti avec\u{a0}AFP"));
    let e = story.entry(0);
    assert_eq!(
        e.captions().collect::<Vec<_>>(),
        ["Des milliers de Russes attendent à la frontière avec le Kazakhstan"]
    );
    assert_eq!(e.links().count(), 3, "the related articles under « À découvrir également »");
    assert_every_line_once("euronews-russes-fuient-kazakhstan.txt", false);
}

#[test]
fn aljazeera_sample_splits_at_subheadings() {
    let story = sample("aljazeera-poutine-minsk.txt");
    assert_eq!(story.title, "Kyiv attaquée : la Russie renouvelle ses frappes");
    let headlines: Vec<Option<&str>> = story.entry_refs().map(|e| e.headline()).collect();
    assert_eq!(headlines, [None, Some("Rôle plus actif ?"), Some("INTERACTIF - QUI CONTRÔLE QUOI EN UKRAINE")]);
    assert_every_line_once("aljazeera-poutine-minsk.txt", false);
}

#[test]
fn explain_names_each_dropped_line() {
    let story = sample("rfi-aide-militaire-ukraine.txt");
    let rules: Vec<(u32, &str)> = story.dropped.iter().map(|d| (d.line, d.rule.as_str())).collect();
    for expected in [
        (8, "share"),
        (9, "image"),
        (12, "repeated-caption"),
        (15, "new-posts"),
        (16, "new-posts"),
        (76, "tweet-url"),
        (262, "host-box"),
        (264, "host-box"),
    ] {
        assert!(rules.contains(&expected), "{expected:?} missing from {rules:?}");
    }
}
