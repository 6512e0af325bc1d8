//! Render tests: the reader drawn in memory (ratatui's TestBackend, through `liveblog::frame`)
//! and compared with insta snapshots — each pane, the help overlay, the tag picker, the go-to
//! prompt, a filtered timeline, the medium and narrow layouts — plus every small size.

use liveblog::frame::{buffer_text, draw, replay};
use liveblog::keys::KeyMap;
use liveblog::load;
use liveblog::parse::Rules;
use liveblog::state::Reader;
use unicode_width::UnicodeWidthStr;

fn screen(width: u16, height: u16, keys: &str) -> String {
    let keymap = KeyMap::default();
    let mut reader = Reader::new(load::bundled(Rules::embedded()));
    reader.apply(liveblog::state::Action::Resize(width, height));
    replay(&mut reader, &keymap, keys).unwrap();
    buffer_text(&draw(&mut reader, &keymap, &liveblog::ui::Theme::default(), width, height))
}

#[test]
fn wide_layout_shows_three_panes() {
    let s = screen(160, 40, "");
    assert!(s.contains("Stories 5") && s.contains("Timeline") && s.contains("Text"));
    insta::assert_snapshot!("wide", s);
}

#[test]
fn help_overlay() {
    let s = screen(120, 40, "?");
    assert!(s.contains("go to a time"));
    insta::assert_snapshot!("help", s);
}

#[test]
fn help_on_a_short_screen_shows_every_key_in_two_columns() {
    let s = screen(160, 25, "?");
    for desc in ["quit", "next unread entry (oldest first)", "clocks as ages (12 min) / times", "open the selected row"]
    {
        assert!(s.contains(desc), "{desc} is off screen:\n{s}");
    }
}

#[test]
fn tag_picker() {
    let s = screen(120, 30, "#<Down><Space>");
    assert!(s.contains("[x] élections en Moldavie (4)"), "{s}");
    insta::assert_snapshot!("tag_picker", s);
}

#[test]
fn filtered_timeline() {
    let s = screen(120, 30, "#<Down><Space><Enter>");
    assert!(s.contains("#élections en Moldavie"), "{s}");
    insta::assert_snapshot!("filtered", s);
}

#[test]
fn filters_hiding_everything_say_how_to_clear() {
    let s = screen(120, 30, "/qwxz<Enter>");
    assert!(s.contains("No entry matches these filters. Press c") && s.contains("to clear them."), "{s}");
}

#[test]
fn go_to_prompt_and_its_error() {
    let s = screen(120, 30, "t14h");
    assert!(s.lines().last().unwrap().starts_with("Go to time: 14h"), "{s}");
    insta::assert_snapshot!("goto_prompt", s);
    let s = screen(120, 30, "tmidi<Enter>");
    assert!(s.contains("cannot read the time"), "{s}");
}

#[test]
fn search_highlights_in_the_text_pane() {
    let s = screen(160, 40, "/moldavie<Enter>");
    assert!(s.lines().last().unwrap().contains("/moldavie"), "{s}");
    insta::assert_snapshot!("search", s);
}

#[test]
fn medium_layout_at_80_columns() {
    let s = screen(80, 24, "");
    assert!(s.starts_with("◂ 1/5 ▸"), "{s}");
    assert!(!s.contains("Stories 5"));
    insta::assert_snapshot!("cols80", s);
}

#[test]
fn narrow_layout_at_60_columns_shows_one_pane() {
    let s = screen(60, 20, "");
    assert!(s.contains("Timeline") && !s.contains("┌ Text"), "{s}");
    insta::assert_snapshot!("cols60_timeline", s);
    let s = screen(60, 20, "<Tab>");
    assert!(s.contains("┌ Text") && !s.contains("Timeline"), "{s}");
    insta::assert_snapshot!("cols60_text", s);
}

#[test]
fn every_small_size_renders_without_panic_or_overflow() {
    for w in [1, 2, 3, 5, 8, 13, 21, 34, 55, 79, 80, 89, 119, 120, 144] {
        for h in [1, 2, 3, 4, 6, 10, 24] {
            for keys in ["", "?", "#", "t1", "<Tab>"] {
                let s = screen(w, h, keys);
                assert_eq!(s.lines().count(), usize::from(h), "{w}x{h} {keys}");
                for line in s.lines() {
                    assert!(line.width() <= usize::from(w), "{w}x{h} {keys}: {line:?}");
                }
            }
        }
    }
}
