//! Read state people control: shown is read, passed over is not; `m`, `M`, the unread-only
//! filter, and `Space` going on to the next entry.

use super::*;

fn unread(r: &Reader) -> usize {
    r.views[0].unread()
}

#[test]
fn passing_over_entries_leaves_them_unread() {
    let mut r = reader();
    assert_eq!(unread(&r), 4, "the entry opened on is shown, so read");
    r.apply(Action::Down);
    r.apply(Action::Down);
    assert_eq!(unread(&r), 4, "j over two entries reads neither");
    r.apply(Action::FocusNext);
    assert_eq!(unread(&r), 3, "staying on one (focusing the text) reads it");
    assert!(r.views[0].marks[2].read && !r.views[0].marks[1].read);
    r.apply(Action::NextEntry);
    assert_eq!(unread(&r), 2, "] shows the entry: read");
}

#[test]
fn the_narrow_layout_reads_only_what_the_text_pane_shows() {
    let mut r = reader();
    r.apply(Action::Resize(60, 20));
    r.apply(Action::PrevEntry);
    assert_eq!(unread(&r), 4, "the timeline alone is shown");
    r.apply(Action::Open);
    assert_eq!(unread(&r), 3);
}

#[test]
fn m_toggles_and_an_unread_entry_stays_unread_while_selected() {
    let mut r = reader();
    r.apply(Action::ToggleRead);
    assert!(!r.views[0].marks[0].read);
    r.apply(Action::FocusNext);
    r.apply(Action::Down);
    assert!(!r.views[0].marks[0].read, "keys on the same entry keep it unread");
    r.apply(Action::ToggleRead);
    assert!(r.views[0].marks[0].read);
    assert_eq!(r.message(), Some("marked read"));
}

#[test]
fn capital_m_marks_the_story_or_every_story_read() {
    let mut r = reader();
    r.apply(Action::MarkAllRead);
    assert_eq!(unread(&r), 0);
    assert!(r.views[1].unread() > 0, "another story is left alone");
    assert_eq!(r.message(), Some("4 entries of this story marked read"));
    r.apply(Action::PrevStory);
    r.apply(Action::MarkAllRead);
    assert!(r.views.iter().all(|v| v.unread() == 0));
    assert!(r.view().unwrap().marks.iter().all(|m| m.read), "the merged timeline too");
}

#[test]
fn unread_only_hides_read_entries_but_not_the_selected_one() {
    let mut r = reader();
    r.apply(Action::UnreadOnly);
    let view = r.view().unwrap();
    assert_eq!(view.visible.len(), 5, "the selected entry stays, read as it is");
    assert!(view.has_filters());
    r.apply(Action::NextUnread);
    assert_eq!(r.view().unwrap().visible.len(), 5);
    r.apply(Action::UnreadOnly);
    r.apply(Action::UnreadOnly);
    assert_eq!(r.view().unwrap().visible.len(), 4, "the first entry, read and left, is hidden");
    r.apply(Action::ClearFilters);
    assert_eq!(r.view().unwrap().visible.len(), 5);
}

#[test]
fn space_pages_the_text_then_goes_to_the_next_entry() {
    let body: String = (0..60).map(|i| format!("ligne {i}.\n\n")).collect();
    let s = story(&format!("Le direct\n\n12h00\nUn titre\n\n{body}\n\n11h00\nDeux\n\nCourt.\n"));
    let mut r = Reader::new(vec![s]);
    r.apply(Action::Resize(160, 30));
    r.apply(Action::ReadOn);
    assert!(r.view().unwrap().text_scroll > 0);
    assert_eq!(selected_headline(&r), "Un titre");
    for _ in 0..10 {
        r.apply(Action::ReadOn);
    }
    assert_eq!(selected_headline(&r), "Deux", "at the end, the next entry");
    assert_eq!(r.view().unwrap().text_scroll, 0);
    assert!(r.views[0].marks.iter().all(|m| m.read));
    r.apply(Action::ReadOn);
    assert!(r.message().unwrap().contains("nothing further"));
}

#[test]
fn a_corrected_headline_is_the_same_entry_edited() {
    let mut r = reader();
    let text = overnight().text.replace("Deuxième titre", "Deuxième titre, corrigé");
    let mut story = crate::parse::parse_bytes(PathBuf::from("t.txt"), text.into_bytes(), Rules::embedded()).unwrap();
    story.path = r.stories[0].path.clone();
    r.apply(Action::Reloaded(Reload(std::sync::Arc::new(story))));
    let view = &r.views[0];
    assert_eq!(view.new_count(), 0, "not a new entry");
    assert!(view.marks[1].edited);
    assert_eq!(r.message(), None, "nothing arrived");
    r.apply(Action::PrevEntry);
    r.apply(Action::ShowDiff);
    let all: Vec<String> = r.text_lines().iter().map(|l| l.text.clone()).collect();
    assert!(all.contains(&"Deuxième [-titre-] {+titre, corrigé+}".to_string()), "{all:?}");
}

#[test]
fn stories_are_sorted_by_latest_update_with_unread_first() {
    let old = story("Le direct\n\n21 octobre 2024\n\n10h00\nAncien\n\nTexte.\n");
    let new = story("Le direct\n\n23 octobre 2024\n\n10h00\nRécent\n\nTexte.\n");
    let titles = |r: &Reader| {
        r.stories.iter().map(|s| s.entries[0].at.map(|a| a.local().date().to_string())).collect::<Vec<_>>()
    };
    let r = Reader::new(vec![old.clone(), new.clone()]);
    assert_eq!(titles(&r), [Some("2024-10-23".into()), Some("2024-10-21".into())], "latest first");
    let display = Display { stories: StoryOrder::AsGiven, ..Display::default() };
    let r = Reader::with_display(vec![old.clone(), new.clone()], display);
    assert_eq!(titles(&r)[0], Some("2024-10-21".into()), "as given");
    let mut r = Reader::new(vec![old, new]);
    r.apply(Action::MarkAllRead);
    let read_all: Vec<u64> = r.read_marks()[0].1.clone();
    let mut again = Reader::new(vec![r.stories[1].clone(), r.stories[0].clone()]);
    let path = again.stories[0].path.clone();
    again.apply(Action::RestoreRead(crate::state::SavedRead::from([(path, read_all)])));
    assert_eq!(again.views[again.stories.len() - 1].unread(), 0, "a story read through goes last");
}

#[test]
fn untimed_articles_read_top_to_bottom_in_both_orders() {
    // Sections without times, as an article's parse gives them.
    let mut s = overnight();
    for e in &mut s.entries {
        e.clock = None;
        e.at = None;
    }
    let mut r = Reader::new(vec![s]);
    let first = r.view().unwrap().visible.clone();
    assert!(first.len() >= 2 && first[0] < first[1], "top to bottom: {first:?}");
    r.apply(Action::ToggleOrder);
    assert_eq!(r.view().unwrap().visible, first, "page order both ways");
}

#[test]
fn jumps_with_nowhere_to_go_say_so() {
    let mut r = reader();
    r.apply(Action::NextEntry);
    assert_eq!(r.message(), Some("no later entry"));
    r.apply(Action::PrevStory);
    r.apply(Action::PrevStory);
    assert_eq!(r.message(), Some("no previous story: this is the first"));
    r.apply(Action::Last);
    r.apply(Action::NextStory);
    r.apply(Action::NextStory);
    r.apply(Action::NextStory);
    assert_eq!(r.message(), Some("no next story"));
}

#[test]
fn ages_fall_back_to_dates_on_old_pages() {
    let mut r = reader();
    r.apply(Action::Tick(chrono::DateTime::parse_from_rfc3339("2026-11-22T03:22:00+02:00").unwrap()));
    assert_eq!(r.age(&r.stories[0].entries[0]).as_deref(), Some("22 Oct"), "not \"761 d\"");
    r.apply(Action::Tick(chrono::DateTime::parse_from_rfc3339("2024-10-25T03:22:00+02:00").unwrap()));
    assert_eq!(r.age(&r.stories[0].entries[0]).as_deref(), Some("3 d"));
}
