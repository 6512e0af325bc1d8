//! Time and messages come in as actions: nothing in the state reads a clock.

use super::*;

#[test]
fn time_comes_from_ticks_only() {
    let mut r = reader();
    let entry = r.stories()[0].entries[0].clone();
    assert_eq!(r.age(&entry), None, "no tick yet: no age, and no clock read");
    r.apply(Action::CycleZone);
    assert_eq!(r.zone(), ZoneShown::Local);
    assert_eq!(r.zone_label(&r.stories()[0]), "local +00:00");
    r.apply(Action::Tick(chrono::DateTime::parse_from_rfc3339("2024-10-22T07:10:00+05:30").unwrap()));
    assert_eq!(r.zone_label(&r.stories()[0]), "local +05:30");
    assert_eq!(r.shown_clock(&entry).unwrap().to_string(), "06:40", "01:10 UTC at +05:30");
    assert_eq!(r.age(&entry).as_deref(), Some("30 min"));
    let day = r.view().unwrap().rows()[0];
    assert_eq!(day, Row::Day(NaiveDate::from_ymd_opt(2024, 10, 22).unwrap()), "days follow the offset");
}

#[test]
fn messages_come_in_as_actions_and_the_next_key_clears_them() {
    let mut r = reader();
    r.apply(Action::Message("cannot save read marks".into()));
    assert_eq!(r.message(), Some("cannot save read marks"));
    r.apply(Action::Tick(chrono::DateTime::parse_from_rfc3339("2024-10-22T03:22:00+02:00").unwrap()));
    assert_eq!(r.message(), Some("cannot save read marks"), "a tick is not a key");
    r.apply(Action::Down);
    assert_eq!(r.message(), None);
}

#[test]
fn in_page_time_an_entry_names_its_own_pages_zone_on_all_stories_too() {
    let mut r = reader();
    let meta = |r: &Reader| {
        let story = r.stories().iter().find(|s| s.title.contains("aide militaire")).unwrap();
        r.meta_line(story, &story.entries[0])
    };
    let own = meta(&r);
    assert!(own.contains(" · UTC · "), "{own}");
    r.apply(Action::PrevStory);
    assert!(r.all(), "All stories shown");
    assert_eq!(r.zone_label(&r.stories()[1]), "page time", "the status line: pages of several zones");
    assert_eq!(meta(&r), own, "an entry's own date line names its page's zone");
}
