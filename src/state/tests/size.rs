//! Size and names from outside: an entry too long for 16-bit line counts, a huge paragraph
//! wrapped once rather than at every key, and file names shown escaped in every message.

use super::*;

/// One entry whose body is `paragraphs` paragraphs (or one paragraph of `words` words).
fn long_entry(paragraphs: usize, words: usize) -> Story {
    let mut text = String::from("Direct terminé le 22 octobre 2024 à 2H00 TU\n\nLe long direct\n\n01h10\nLe titre\n\n");
    for i in 0..paragraphs {
        text.push_str(&format!("Paragraphe {i}.\n\n"));
    }
    text.push_str(&"mot ".repeat(words));
    text.push('\n');
    story(&text)
}

#[test]
fn an_entry_of_70_000_paragraphs_scrolls_to_its_end() {
    let mut r = Reader::new(vec![long_entry(70_000, 0)]);
    r.apply(Action::Resize(160, 40));
    r.apply(Action::FocusNext);
    assert_eq!(r.focus(), Pane::Text);
    r.apply(Action::Last);
    let lines = r.text_lines().len();
    assert!(lines > 140_000, "{lines}");
    let height = usize::from(r.screen().text.unwrap().inner().height);
    assert_eq!(r.view().unwrap().text_scroll(), lines - height, "the scroll reaches the last line");
    let last: Vec<&str> = r.text_lines()[lines - height..].iter().map(|l| l.text.as_str()).collect();
    assert!(last.contains(&"Paragraphe 69999."), "{last:?}");
}

#[test]
fn a_huge_paragraph_is_wrapped_once_not_at_every_key() {
    let mut r = Reader::new(vec![long_entry(0, 200_000)]);
    r.apply(Action::Resize(160, 40));
    r.apply(Action::FocusNext);
    let builds = r.text.builds;
    let lines = r.text_lines().len();
    assert!(lines > 5_000, "{lines}");
    for _ in 0..10 {
        r.apply(Action::Down);
        r.apply(Action::PageDown);
        r.apply(Action::Up);
    }
    r.apply(Action::Last);
    r.apply(Action::Tick(chrono::DateTime::parse_from_rfc3339("2024-10-22T03:22:00+02:00").unwrap()));
    r.apply(Action::Resize(160, 40));
    assert_eq!(r.text.builds, builds, "keys that change nothing shown must not wrap again");
    assert_eq!(r.view().unwrap().text_scroll(), lines - usize::from(r.screen().text.unwrap().inner().height));
    r.apply(Action::Resize(130, 40));
    assert_eq!(r.text.builds, builds + 1, "a new width wraps again, once");
    assert!(r.text_lines().len() > lines, "narrower: more lines");
}

#[test]
fn hostile_file_names_are_escaped_in_messages() {
    let mut r = reader();
    let path = PathBuf::from("dir/evil\u{1b}]0;pwned\u{7}\nsecond line\u{202e}.txt");
    r.apply(Action::ReloadFailed(path.clone(), "no\u{1b}[2J reason".into()));
    let msg = r.message().unwrap().to_string();
    assert!(msg.starts_with("dir/evil\\e]0;pwned\\x07\\nsecond line\\u{202e}.txt: no\\e[2J reason"), "{msg}");
    let mut s = overnight();
    s.path = path.clone();
    let mut gone = Reader::new(vec![s]);
    gone.apply(Action::FileGone(path));
    let msg = gone.message().unwrap();
    assert!(!msg.chars().any(|c| c.is_control() || c == '\u{202e}'), "{msg:?}");
    assert!(msg.contains("evil\\e]0;pwned\\x07\\n"), "{msg}");
}

#[test]
fn merged_labels_escape_file_names() {
    let mut s = overnight();
    s.path = PathBuf::from("evil\u{1b}[31m\nname.txt");
    assert_eq!(merged::story_label(&s), "evil\\e[31m\\nname");
}
