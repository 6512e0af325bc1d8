//! When a big story's search index starts to be built: not with the reader, but when the
//! event loop first waits for an event, its first screen drawn — keys already queued (a
//! `frame`'s) are read first, and a search among them builds its index by slices.

use super::*;
use crate::app::{self, Event, Headless, Look};
use crate::keys::{KeyMap, parse_keys};
use crate::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn big_reader() -> Reader {
    let blog = crate::corpus::generate(8300, 3);
    let story = crate::parse::parse_text("gen.txt".into(), blog.text, Rules::embedded());
    assert!(story.text.len() > index::BACKGROUND_FROM, "big enough for a background build");
    Reader::new(vec![story])
}

/// Runs the event loop on `events` (the sender dropped after them: a loop that would wait
/// for more ends instead).
fn run_loop(reader: &mut Reader, events: Vec<Event>) {
    let (tx, rx) = std::sync::mpsc::channel();
    for e in events {
        tx.send(e).unwrap();
    }
    drop(tx);
    let (keymap, theme) = (KeyMap::default(), Theme::default());
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    app::run(&mut terminal, reader, &Look { keymap: &keymap, theme: &theme }, &rx, &mut Headless).unwrap();
}

#[test]
fn no_index_build_starts_with_the_reader_nor_while_keys_are_queued() {
    let mut reader = big_reader();
    assert!(matches!(reader.views[0].index, index::Slot::None), "none with the reader");
    let keys = parse_keys("jj").unwrap().into_iter().map(Event::Key);
    run_loop(&mut reader, keys.chain([Event::Stop]).collect());
    assert!(matches!(reader.views[0].index, index::Slot::None), "none while queued keys are read");
}

#[test]
fn the_loop_starts_the_index_build_when_it_first_waits() {
    let mut reader = big_reader();
    run_loop(&mut reader, Vec::new());
    assert!(!matches!(reader.views[0].index, index::Slot::None), "started when the loop waited");
}

#[test]
fn a_search_queued_before_the_build_finds_what_one_after_it_finds() {
    let mut before = big_reader();
    let keys = parse_keys("/ukraine<Enter>").unwrap().into_iter().map(Event::Key);
    run_loop(&mut before, keys.chain([Event::Stop]).collect());
    let mut after = big_reader();
    after.start_indexes();
    let keys = parse_keys("/ukraine<Enter>").unwrap().into_iter().map(Event::Key);
    run_loop(&mut after, keys.chain([Event::Stop]).collect());
    let shown = |r: &Reader| r.views[0].rows().to_vec();
    assert!(shown(&before).len() > 1, "the word is found");
    assert_eq!(shown(&before), shown(&after));
    assert!(shown(&before).len() < before.stories[0].entries.len(), "the search narrows");
}
