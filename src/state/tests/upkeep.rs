//! What the reader keeps up to date instead of recounting: unread and new counts as marks
//! change, and the merged timeline rebuilt once after a burst of reloads.

use super::*;

/// The counts the story list shows, as a full scan would find them.
fn scanned(view: &StoryView) -> (usize, usize) {
    (view.marks().iter().filter(|m| !m.read).count(), view.marks().iter().filter(|m| m.new).count())
}

/// `overnight()` with two entries more on top, at 01:55 and 01:40.
fn overnight_and_two_more(path: &std::path::Path) -> Story {
    let added = "01h55\nalpha\n\nUn ajout\n\nTexte.\n\n01h40\nbeta\n\nUn autre\n\nTexte.\n\n01h10\n";
    let mut s = super::story(&overnight().text.replacen("01h10\n", added, 1));
    s.path = path.to_path_buf();
    s
}

#[test]
fn unread_and_new_counts_follow_every_change_of_marks() {
    let mut r = reader();
    let counts = |r: &Reader| r.views.iter().map(|v| ((v.unread(), v.new_count()), scanned(v))).collect::<Vec<_>>();
    let check = |r: &Reader| counts(r).into_iter().for_each(|(kept, scan)| assert_eq!(kept, scan));
    check(&r);
    assert_eq!(r.views[0].unread(), 4, "the entry opened on is read");
    r.apply(Action::PrevEntry); // `[` shows the entry (`j` would only pass over it)
    r.apply(Action::PrevEntry); // `[` shows the entry (`j` would only pass over it)
    check(&r);
    assert_eq!(r.views[0].unread(), 2);
    // A reload brings two new entries (new and unread), a new file a whole new story.
    let newer = overnight_and_two_more(&r.stories[0].path);
    assert_eq!(newer.entries.len(), 7);
    r.apply(Action::Reloaded(Reload(std::sync::Arc::new(newer))));
    check(&r);
    assert_eq!(r.views[0].new_count(), 2, "{:?}", r.message);
    let mut other = overnight();
    other.path = PathBuf::from("other.txt");
    r.apply(Action::Reloaded(Reload(std::sync::Arc::new(other))));
    check(&r);
    assert_eq!(r.views[2].new_count(), 5);
    // Reading on the merged timeline reads in the story too.
    r.apply(Action::PrevStory);
    r.apply(Action::PrevStory);
    assert!(r.all);
    r.apply(Action::PrevEntry); // `[` shows the entry (`j` would only pass over it)
    check(&r);
    assert_eq!(r.view().map(scanned), r.view().map(|v| (v.unread(), v.new_count())));
}

#[test]
fn a_burst_of_new_stories_on_all_stories_is_merged_before_the_next_key_or_frame() {
    let mut r = reader();
    r.apply(Action::PrevStory);
    assert!(r.all);
    let before = r.view().unwrap().visible.len();
    for i in 0..20 {
        let mut s = overnight();
        s.path = PathBuf::from(format!("new-{i}.txt"));
        r.apply(Action::Reloaded(Reload(std::sync::Arc::new(s))));
    }
    assert_eq!(r.merge.dirty.len(), 20, "reloads put the update off");
    r.settle();
    assert!(r.merge.dirty.is_empty());
    let timed: usize = r.views.iter().map(|v| v.timed()).sum();
    assert_eq!(r.view().unwrap().visible.len(), timed);
    assert_eq!(timed, before + 20 * 5);
    // A key after a reload sees the merged timeline with it, without a frame in between.
    let mut s = overnight();
    s.path = PathBuf::from("one-more.txt");
    r.apply(Action::Reloaded(Reload(std::sync::Arc::new(s))));
    r.apply(Action::PrevEntry); // `[` shows the entry (`j` would only pass over it)
    assert_eq!(r.view().unwrap().visible.len(), timed + 5);
}

#[test]
fn a_reload_replaces_the_story_at_its_path_after_the_list_was_sorted() {
    // Given oldest first, the list sorts them newest first: every index moves.
    let samples = crate::load::bundled(Rules::embedded());
    let mut r = Reader::new(samples.iter().rev().cloned().collect());
    let moved = r.stories.iter().zip(samples.iter().rev()).filter(|(a, b)| a.path != b.path).count();
    assert!(moved > 1, "the list is sorted");
    let path = r.stories[1].path.clone();
    // The file at that path now holds another page.
    let mut changed = overnight();
    changed.path = path.clone();
    let others: Vec<PathBuf> = r.stories.iter().map(|s| s.path.clone()).collect();
    r.apply(Action::Reloaded(Reload(std::sync::Arc::new(changed))));
    assert_eq!(r.stories.iter().map(|s| s.path.clone()).collect::<Vec<_>>(), others, "no story replaced another");
    assert_eq!(r.stories[1].title, overnight().title);
    assert_eq!(r.stories[1].path, path);
}
