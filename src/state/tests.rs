//! The reader's state, driven by actions alone: every key of the key table, jumps across a day
//! change, filters that match nothing, and per-story memory of selection and filters.

use super::*;
use crate::parse::{Rules, parse_bytes};
use std::path::PathBuf;

fn story(text: &str) -> Story {
    parse_bytes(PathBuf::from("t.txt"), text.as_bytes().to_vec(), Rules::embedded()).unwrap()
}

/// Five entries across midnight: 01:10 and 00:20 on the 22nd, then 23:50, 23:05, 22:30 on
/// the 21st. Tags: a, b, a, c, a.
fn overnight() -> Story {
    story(
        "Direct terminé le 22 octobre 2024 à 2H00 TU\n\nLa nuit en direct\n\n\
         01h10\nalpha\n\nPremier titre\n\nTexte un sur les élections.\n\n\
         00h20\nbeta\n\nDeuxième titre\n\nTexte deux.\n\n\
         23h50\nAlpha\n\nTroisième titre\n\nTexte trois sur les Élections.\n\n\
         23h05\ngamma\n\nQuatrième titre\n\nTexte quatre.\n\n\
         22h30\nalpha\n\nCinquième titre\n\nTexte cinq.\n",
    )
}

fn reader() -> Reader {
    let mut r = Reader::new(vec![overnight(), crate::load::bundled(Rules::embedded()).remove(0)]);
    r.apply(Action::Resize(160, 45));
    r
}

fn selected_headline(r: &Reader) -> String {
    let sel = r.view().unwrap().selected.unwrap();
    r.story().unwrap().entry(sel as usize).headline().unwrap().to_string()
}

fn type_text(r: &mut Reader, text: &str) {
    for c in text.chars() {
        r.apply(Action::Input(c));
    }
}

#[test]
fn opens_on_the_latest_entry_of_the_first_story() {
    let r = reader();
    assert_eq!(r.current, 0);
    assert_eq!(selected_headline(&r), "Premier titre");
    assert_eq!(r.focus, Pane::Timeline);
}

#[test]
fn quit_and_help() {
    let mut r = reader();
    r.apply(Action::Help);
    assert_eq!(r.mode, Mode::Help);
    r.apply(Action::Down);
    assert_eq!(selected_headline(&r), "Premier titre", "keys do not reach the panes under the help");
    r.apply(Action::Cancel);
    assert_eq!(r.mode, Mode::Normal);
    r.apply(Action::Quit);
    assert!(r.quit);
}

#[test]
fn focus_cycles_both_ways() {
    let mut r = reader();
    r.apply(Action::FocusNext);
    assert_eq!(r.focus, Pane::Text);
    r.apply(Action::FocusNext);
    assert_eq!(r.focus, Pane::Stories);
    r.apply(Action::FocusPrev);
    assert_eq!(r.focus, Pane::Text);
}

#[test]
fn medium_layout_skips_the_folded_story_list() {
    let mut r = reader();
    r.apply(Action::Resize(100, 30));
    r.apply(Action::FocusNext);
    r.apply(Action::FocusNext);
    assert_eq!(r.focus, Pane::Timeline);
}

#[test]
fn move_page_first_last_in_the_timeline() {
    let mut r = reader();
    r.apply(Action::Down);
    assert_eq!(selected_headline(&r), "Deuxième titre");
    r.apply(Action::Up);
    r.apply(Action::Up);
    assert_eq!(selected_headline(&r), "Premier titre", "clamped at the top");
    r.apply(Action::Last);
    assert_eq!(selected_headline(&r), "Cinquième titre");
    r.apply(Action::First);
    assert_eq!(selected_headline(&r), "Premier titre");
    r.apply(Action::PageDown);
    assert_eq!(selected_headline(&r), "Cinquième titre", "a page is longer than five rows");
    r.apply(Action::PageUp);
    assert_eq!(selected_headline(&r), "Premier titre");
}

#[test]
fn moving_in_the_story_pane_switches_story_and_remembers_each() {
    let mut r = reader();
    r.apply(Action::Down); // second entry of story 0
    r.apply(Action::FocusPrev); // stories
    assert_eq!(r.focus, Pane::Stories);
    r.apply(Action::Down);
    assert_eq!(r.current, 1);
    assert_eq!(r.views[1].selected, Some(0), "the RFI story opens on its latest entry");
    r.apply(Action::Up);
    assert_eq!(r.current, 0);
    assert_eq!(selected_headline(&r), "Deuxième titre");
    r.apply(Action::NextStory);
    assert_eq!(r.current, 1);
    r.apply(Action::PrevStory);
    assert_eq!(r.current, 0);
}

#[test]
fn scrolling_the_text_pane_is_clamped() {
    let mut r = Reader::new(crate::load::bundled(Rules::embedded()));
    r.apply(Action::Resize(160, 20));
    r.apply(Action::FocusNext);
    assert_eq!(r.focus, Pane::Text);
    r.apply(Action::Down);
    assert_eq!(r.view().unwrap().text_scroll, 1);
    r.apply(Action::Last);
    let max = r.view().unwrap().text_scroll;
    assert!(max > 5);
    r.apply(Action::Down);
    assert_eq!(r.view().unwrap().text_scroll, max);
    r.apply(Action::First);
    assert_eq!(r.view().unwrap().text_scroll, 0);
}

#[test]
fn later_and_earlier_cross_midnight_in_either_order() {
    let mut r = reader();
    r.apply(Action::Last); // 22:30 on the 21st
    r.apply(Action::NextEntry);
    assert_eq!(selected_headline(&r), "Quatrième titre");
    r.apply(Action::NextEntry);
    r.apply(Action::NextEntry); // 23:50 → 00:20 across midnight
    assert_eq!(selected_headline(&r), "Deuxième titre");
    r.apply(Action::ToggleOrder);
    assert_eq!(r.order, Order::OldestFirst);
    assert_eq!(selected_headline(&r), "Deuxième titre", "the order does not move the selection");
    r.apply(Action::NextEntry);
    assert_eq!(selected_headline(&r), "Premier titre");
    r.apply(Action::PrevEntry);
    r.apply(Action::PrevEntry);
    assert_eq!(selected_headline(&r), "Troisième titre");
    let view = r.view().unwrap();
    assert_eq!(view.rows.first(), Some(&Row::Day(NaiveDate::from_ymd_opt(2024, 10, 21).unwrap())));
    assert!(
        view.rows.contains(&Row::Day(NaiveDate::from_ymd_opt(2024, 10, 22).unwrap())),
        "a separator at the day change"
    );
}

#[test]
fn hour_jumps() {
    let mut r = reader();
    r.apply(Action::Last); // 22:30
    r.apply(Action::NextHour);
    assert_eq!(selected_headline(&r), "Quatrième titre", "23:05 starts the 23h hour");
    r.apply(Action::NextHour);
    assert_eq!(selected_headline(&r), "Deuxième titre", "00:20, the next day");
    r.apply(Action::NextHour);
    assert_eq!(selected_headline(&r), "Premier titre");
    r.apply(Action::NextHour);
    assert_eq!(r.message.as_deref(), Some("no later hour"));
    r.apply(Action::PrevHour);
    assert_eq!(selected_headline(&r), "Deuxième titre");
    r.apply(Action::PrevHour);
    assert_eq!(selected_headline(&r), "Quatrième titre", "the first entry of 23h is 23:05");
}

#[test]
fn go_to_time_on_the_latest_day_and_with_a_date() {
    let mut r = reader();
    r.apply(Action::GoToTime);
    type_text(&mut r, "0h30");
    r.apply(Action::Submit);
    assert_eq!(r.mode, Mode::Normal);
    assert_eq!(selected_headline(&r), "Deuxième titre", "00:20 is at or just before 00:30 on the 22nd");
    r.apply(Action::GoToTime);
    type_text(&mut r, "21/10 23h30");
    r.apply(Action::Submit);
    assert_eq!(selected_headline(&r), "Quatrième titre");
    r.apply(Action::GoToTime);
    type_text(&mut r, "2024-10-21 9");
    r.apply(Action::Submit);
    assert_eq!(selected_headline(&r), "Cinquième titre", "none before: the closest after");
}

#[test]
fn go_to_time_reports_what_it_cannot_read() {
    let mut r = reader();
    r.apply(Action::GoToTime);
    type_text(&mut r, "25h99");
    r.apply(Action::Submit);
    match &r.mode {
        Mode::GoTo { error: Some(e), .. } => assert!(e.contains("time"), "{e}"),
        other => panic!("prompt closed: {other:?}"),
    }
    r.apply(Action::Backspace);
    assert!(matches!(&r.mode, Mode::GoTo { input, error: None } if input == "25h9"));
    r.apply(Action::Cancel);
    assert_eq!(r.mode, Mode::Normal);
    assert_eq!(selected_headline(&r), "Premier titre");
}

#[test]
fn zone_cycles_source_local_utc() {
    let mut r = reader();
    assert_eq!(r.zone, ZoneShown::Source);
    r.apply(Action::CycleZone);
    assert_eq!(r.zone, ZoneShown::Local);
    r.apply(Action::CycleZone);
    assert_eq!(r.zone, ZoneShown::Utc);
    let e = &r.stories[0].entries[0];
    assert_eq!(r.shown_clock(e).unwrap().to_string(), "01:10");
    r.apply(Action::CycleZone);
    assert_eq!(r.zone, ZoneShown::Source);
}

#[test]
fn utc_and_source_differ_for_a_zoned_page() {
    let paris = story(
        "Le direct\n\nLes heures sont en heure de Paris.\n\nLundi 21 octobre 2024\n\n10:15\nUn titre\n\nUn texte.\n",
    );
    let mut r = Reader::new(vec![paris]);
    let e = r.stories[0].entries[0].clone();
    assert_eq!(r.shown_clock(&e).unwrap().to_string(), "10:15");
    r.apply(Action::CycleZone);
    r.apply(Action::CycleZone);
    assert_eq!(r.shown_clock(&e).unwrap().to_string(), "08:15");
}

#[test]
fn tag_picker_filters_by_any_chosen_tag() {
    let mut r = reader();
    r.apply(Action::PickTags);
    let Mode::Tags(picker) = &r.mode else { panic!("no picker") };
    assert_eq!(picker.tags[0].1, "alpha", "most used first");
    assert_eq!(picker.tags[0].2, 3, "alpha and Alpha fold together");
    r.apply(Action::ToggleTag); // alpha
    r.apply(Action::Down);
    r.apply(Action::ToggleTag); // next
    r.apply(Action::Submit);
    let view = r.view().unwrap();
    assert_eq!(view.visible.len(), 4, "alpha (3) or the second tag (1)");
    assert_eq!(view.tags.len(), 2);
    // Cancel leaves the filter as it was.
    r.apply(Action::PickTags);
    r.apply(Action::ToggleTag);
    r.apply(Action::Cancel);
    assert_eq!(r.view().unwrap().visible.len(), 4);
}

#[test]
fn search_as_you_type_is_accent_insensitive() {
    let mut r = reader();
    r.apply(Action::Search);
    type_text(&mut r, "elections");
    assert_eq!(r.view().unwrap().visible.len(), 2, "élections and Élections");
    r.apply(Action::Submit);
    assert_eq!(r.view().unwrap().query, "elections");
    assert_eq!(selected_headline(&r), "Premier titre");
    r.apply(Action::NextMatch);
    assert_eq!(selected_headline(&r), "Troisième titre");
    r.apply(Action::NextMatch);
    assert_eq!(r.message.as_deref(), Some("no further match"));
    r.apply(Action::PrevMatch);
    assert_eq!(selected_headline(&r), "Premier titre");
}

#[test]
fn search_backspace_widens_and_escape_drops() {
    let mut r = reader();
    r.apply(Action::Search);
    type_text(&mut r, "texte deux");
    assert_eq!(r.view().unwrap().visible.len(), 1);
    for _ in 0..5 {
        r.apply(Action::Backspace);
    }
    assert_eq!(r.view().unwrap().visible.len(), 5, "`texte` matches every entry");
    r.apply(Action::Cancel);
    assert_eq!(r.view().unwrap().query, "");
    assert_eq!(r.view().unwrap().visible.len(), 5);
}

#[test]
fn filters_with_no_match_and_clear() {
    let mut r = reader();
    r.apply(Action::Search);
    type_text(&mut r, "zzz");
    r.apply(Action::Submit);
    assert!(r.view().unwrap().visible.is_empty());
    r.apply(Action::Down);
    r.apply(Action::NextEntry);
    r.apply(Action::NextHour);
    assert!(r.text_lines().is_empty());
    r.apply(Action::ClearFilters);
    assert_eq!(r.view().unwrap().visible.len(), 5);
    assert_eq!(selected_headline(&r), "Premier titre", "the selection survives an empty filter");
}

#[test]
fn filters_are_per_story() {
    let mut r = reader();
    r.apply(Action::Search);
    type_text(&mut r, "titre");
    r.apply(Action::Submit);
    r.apply(Action::NextStory);
    assert_eq!(r.view().unwrap().query, "");
    assert_eq!(r.view().unwrap().visible.len(), 15);
    r.apply(Action::PrevStory);
    assert_eq!(r.view().unwrap().query, "titre");
}

#[test]
fn mouse_click_and_wheel() {
    let mut r = reader();
    let timeline = r.screen().timeline.unwrap().inner();
    // Rows: day separator 21st? No: newest first, the 22nd comes first.
    r.apply(Action::Click(timeline.x + 2, timeline.y + 2));
    assert_eq!(selected_headline(&r), "Deuxième titre");
    r.apply(Action::Wheel(timeline.x + 2, timeline.y + 2, true));
    assert_eq!(selected_headline(&r), "Troisième titre");
    let stories = r.screen().stories.unwrap().inner();
    // Rows: "All stories" (two lines), then each story (two lines).
    r.apply(Action::Click(stories.x + 1, stories.y + 4));
    assert_eq!(r.current, 1);
    assert_eq!(r.focus, Pane::Stories);
    let text = r.screen().text.unwrap().inner();
    r.apply(Action::Wheel(text.x + 1, text.y + 1, true));
    assert_eq!(r.view().unwrap().text_scroll, 3);
}

#[test]
fn open_moves_focus_right() {
    let mut r = reader();
    r.apply(Action::FocusPrev);
    r.apply(Action::Open);
    assert_eq!(r.focus, Pane::Timeline);
    r.apply(Action::Open);
    assert_eq!(r.focus, Pane::Text);
}

#[test]
fn an_empty_reader_does_not_panic() {
    let mut r = Reader::new(Vec::new());
    for a in [
        Action::Down,
        Action::NextEntry,
        Action::NextHour,
        Action::PickTags,
        Action::Search,
        Action::Input('x'),
        Action::Submit,
        Action::ClearFilters,
        Action::GoToTime,
        Action::Submit,
        Action::Click(3, 3),
    ] {
        r.apply(a);
    }
    assert!(r.story().is_none());
}

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
    let mut story =
        super::super::parse::parse_bytes(PathBuf::from("t.txt"), edited.into_bytes(), Rules::embedded()).unwrap();
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
    assert!(all.join(" ").contains("{+corrigé.+}"), "{all:?}");
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
    crate::parse::parse_file(&path, Rules::embedded()).unwrap()
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
    let origins: std::collections::BTreeSet<usize> = view.visible.iter().map(|&i| r.origin(i).unwrap().0).collect();
    assert_eq!(origins, [0, 1].into_iter().collect());
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
    r.apply(Action::Last);
    let (s, e) = r.origin(r.view().unwrap().selected.unwrap()).unwrap();
    assert!(r.views[s].marks[e].read);
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
