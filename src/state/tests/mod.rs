//! The reader's state, driven by actions alone: every key of the key table, jumps across a day
//! change, filters that match nothing, and per-story memory of selection and filters.

use super::*;

mod following;
mod index_start;
mod links;
mod pager;
mod reading;
mod size;
mod ticks;
mod upkeep;
use crate::parse::{Rules, parse_bytes};
use std::path::PathBuf;

pub(super) fn story(text: &str) -> Story {
    parse_bytes(PathBuf::from("t.txt"), text.as_bytes().to_vec(), Rules::embedded()).unwrap()
}

/// Five entries across midnight: 01:10 and 00:20 on the 22nd, then 23:50, 23:05, 22:30 on
/// the 21st. Tags: a, b, a, c, a.
pub(super) fn overnight() -> Story {
    story(
        "Direct terminé le 22 octobre 2024 à 2H00 TU\n\nLa nuit en direct\n\n\
         01h10\nalpha\n\nPremier titre\n\nTexte un sur les élections.\n\n\
         00h20\nbeta\n\nDeuxième titre\n\nTexte deux.\n\n\
         23h50\nAlpha\n\nTroisième titre\n\nTexte trois sur les Élections.\n\n\
         23h05\ngamma\n\nQuatrième titre\n\nTexte quatre.\n\n\
         22h30\nalpha\n\nCinquième titre\n\nTexte cinq.\n",
    )
}

pub(super) fn reader() -> Reader {
    let mut r = Reader::new(vec![overnight(), crate::load::bundled(Rules::embedded()).remove(0)]);
    r.apply(Action::Resize(160, 45));
    r
}

pub(super) fn selected_headline(r: &Reader) -> String {
    let sel = r.view().unwrap().selected.unwrap();
    r.story().unwrap().entry(sel as usize).headline().unwrap().to_string()
}

pub(super) fn type_text(r: &mut Reader, text: &str) {
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
    // Rows take the lines their counts need: click the first line of the second story.
    let w = usize::from(stories.width);
    let top = r.story_row_lines(0, w).len() + r.story_row_lines(1, w).len();
    r.apply(Action::Click(stories.x + 1, stories.y + top as u16));
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
