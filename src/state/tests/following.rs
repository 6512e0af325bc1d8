//! Following and reading: unread marks, reloads and edits, deleted files, the merged
//! timeline of all stories.

use super::*;

#[test]
fn next_unread_goes_oldest_first_then_across_stories() {
    let mut r = reader();
    assert_eq!(r.views[0].unread(), 4, "the entry opened on is read");
    r.apply(Action::NextUnread);
    assert_eq!(selected_headline(&r), "Cinquième titre", "oldest unread first");
    for _ in 0..3 {
        r.apply(Action::NextUnread);
    }
    assert_eq!(selected_headline(&r), "Deuxième titre");
    assert_eq!(r.views[0].unread(), 0);
    r.apply(Action::NextUnread);
    assert_eq!(r.current, 1, "none left here: the next story");
    assert_eq!(r.view().unwrap().selected, Some(14), "its oldest unread entry");
}

#[test]
fn relative_clocks_show_ages() {
    let mut r = reader();
    r.apply(Action::Tick(chrono::DateTime::parse_from_rfc3339("2024-10-22T03:22:00+02:00").unwrap()));
    r.apply(Action::ToggleRelative);
    assert!(r.relative);
    assert_eq!(r.age(&r.stories[0].entries[0]).as_deref(), Some("12 min"));
    assert_eq!(r.age(&r.stories[0].entries[4]).as_deref(), Some("2 h"));
    r.apply(Action::ToggleRelative);
    assert!(!r.relative);
}

#[test]
fn diff_of_an_entry_never_edited_says_so() {
    let mut r = reader();
    r.apply(Action::ShowDiff);
    assert!(!r.show_diff);
    assert_eq!(r.message.as_deref(), Some("this entry was not edited while open"));
}

#[test]
fn reload_of_an_edited_entry_marks_it_unread_and_keeps_filters() {
    let mut r = reader();
    r.apply(Action::Search);
    type_text(&mut r, "texte");
    r.apply(Action::Submit);
    let edited = overnight().text.replace("Texte deux.", "Texte deux, corrigé.");
    let mut story = crate::parse::parse_bytes(PathBuf::from("t.txt"), edited.into_bytes(), Rules::embedded()).unwrap();
    story.path = r.stories[0].path.clone();
    r.apply(Action::Reloaded(Reload(std::sync::Arc::new(story))));
    let view = r.view().unwrap();
    assert_eq!(view.query, "texte");
    assert!(view.marks[1].edited && !view.marks[1].read);
    assert_eq!(selected_headline(&r), "Premier titre");
    r.apply(Action::Down);
    r.apply(Action::ShowDiff);
    assert!(r.show_diff);
    let all: Vec<String> = r.text_lines().iter().map(|l| l.text.clone()).collect();
    assert!(all.join(" ").contains("[-deux.-] {+deux, corrigé.+}"), "one run, not a marker per word: {all:?}");
    r.apply(Action::Up);
    assert!(!r.show_diff, "moving to another entry leaves the diff");
}

#[test]
fn failed_reload_and_deleted_file_keep_the_story() {
    let mut r = reader();
    let path = r.stories[0].path.clone();
    r.apply(Action::ReloadFailed(path.clone(), "binary file".into()));
    assert!(r.message.as_deref().unwrap().contains("keeping what is shown"));
    r.apply(Action::FileGone(path));
    assert!(r.views[0].gone);
    assert_eq!(r.stories[0].entries.len(), 5);
}

fn fixture(name: &str) -> Story {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    crate::load::parse_file(&path, Rules::embedded()).unwrap()
}

#[test]
fn all_stories_row_merges_the_samples_by_time() {
    let mut r = Reader::new(crate::load::bundled(Rules::embedded()));
    r.apply(Action::PrevStory);
    assert!(r.all, "the story list starts with All stories");
    assert_eq!(r.story_row(), 0);
    let view = r.view().unwrap();
    assert_eq!(view.visible.len(), 15, "every timed entry of the five samples (only RFI's are timed)");
    let story = r.story().unwrap();
    let clocks: Vec<String> =
        view.visible.iter().map(|&i| story.entries[i as usize].clock.unwrap().to_string()).collect();
    assert_eq!(clocks.first().map(String::as_str), Some("17:38"));
    assert_eq!(clocks.last().map(String::as_str), Some("07:15"));
    let labels: Vec<String> =
        view.visible.iter().map(|&i| merged::story_label(&r.stories[r.origin(i).unwrap().0])).collect();
    assert!(labels.iter().all(|l| l == "rfi-aide-militaire-ukraine"), "{labels:?}");
    // Enter on the third row opens the RFI story at that entry.
    r.apply(Action::Down);
    r.apply(Action::Down);
    r.apply(Action::Open);
    assert!(!r.all);
    assert_eq!(r.current, 0);
    assert_eq!(r.view().unwrap().selected, Some(2));
    assert_eq!(r.story().unwrap().entry(2).entry.clock.unwrap().to_string(), "16:55");
}

#[test]
fn merged_timeline_orders_across_stories_and_merges_tags_across_outlets() {
    let stories = vec![
        crate::load::bundled(Rules::embedded()).remove(0),
        fixture("tf1info.txt"),
        fixture("guardian-current.txt"),
        fixture("dayheaders-paris.txt"),
    ];
    let mut r = Reader::new(stories);
    r.apply(Action::PrevStory);
    let story = r.story().unwrap();
    let view = r.view().unwrap();
    // Dated entries newest first across stories (the Paris blog's 22 Oct 08:15 CEST is the
    // newest instant), zone-less TF1 dates sorted as if UTC.
    let first = &story.entries[view.visible[0] as usize];
    assert_eq!(first.at.unwrap().to_rfc3339(), "2024-10-22T08:15:00+02:00");
    let keys: Vec<i64> = view.visible.iter().map(|&i| story.entries[i as usize].at.unwrap().sort_key()).collect();
    assert!(keys.windows(2).all(|w| w[0] >= w[1]), "newest first: {keys:?}");
    // "Diplomatie" (RFI) and "DIPLOMATIE" (TF1info) are one tag.
    r.apply(Action::PickTags);
    let Mode::Tags(picker) = &r.mode else { panic!() };
    let pos = picker.tags.iter().position(|t| crate::model::fold(&t.1) == "diplomatie").unwrap();
    assert_eq!(picker.tags[pos].2, 6, "5 from RFI and 1 from TF1info");
    for _ in 0..pos {
        r.apply(Action::Down);
    }
    r.apply(Action::ToggleTag);
    r.apply(Action::Submit);
    let view = r.view().unwrap();
    assert_eq!(view.visible.len(), 6);
    // The story list is sorted by latest update: name the stories by their files.
    let origins: std::collections::BTreeSet<String> = view
        .visible
        .iter()
        .map(|&i| r.stories[r.origin(i).unwrap().0].path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(origins.len(), 2, "{origins:?}");
    assert!(origins.contains("tf1info.txt"), "{origins:?}");
    // Time jumps work across stories: from the TF1 entry, `]` goes to the next later one.
    r.apply(Action::Last);
    let before = r.view().unwrap().selected.unwrap();
    r.apply(Action::NextEntry);
    let after = r.view().unwrap().selected.unwrap();
    let s = r.story().unwrap();
    assert!(s.entries[after as usize].at.unwrap().sort_key() >= s.entries[before as usize].at.unwrap().sort_key());
}

#[test]
fn reading_on_the_merged_timeline_reads_the_entry_in_its_story() {
    let mut r = reader();
    r.apply(Action::PrevStory);
    r.apply(Action::PageDown);
    let (s, e) = r.origin(r.view().unwrap().selected.unwrap()).unwrap();
    assert!(!r.views[s].marks[e].read, "passed over, not read");
    r.apply(Action::FocusNext);
    assert!(r.views[s].marks[e].read, "read once the user stays on it");
}

#[test]
fn search_finds_words_across_the_head_of_an_entry() {
    // The index keeps each entry's first 128 folded bytes apart; a word straddling that point,
    // or far beyond it, must still be found.
    let filler = "x".repeat(100);
    let text = format!(
        "Direct terminé le 22 octobre 2024 à 2H00 TU\n\nTitre\n\n01h10\nalpha\n\nPremier titre\n\n{filler} straddling here.\n\n00h20\nbeta\n\nDeuxième titre\n\n{} lointain.\n",
        "y ".repeat(400)
    );
    let mut r = Reader::new(vec![story(&text)]);
    r.apply(Action::Search);
    type_text(&mut r, "straddling");
    assert_eq!(r.view().unwrap().visible, vec![0]);
    for _ in 0.."straddling".len() {
        r.apply(Action::Backspace);
    }
    type_text(&mut r, "lointain");
    assert_eq!(r.view().unwrap().visible, vec![1]);
}
