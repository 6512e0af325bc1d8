//! Render tests: the reader drawn in memory (ratatui's TestBackend, through `liveblog::frame`)
//! and compared with insta snapshots — each pane, the help overlay, the tag picker, the go-to
//! prompt, a filtered timeline, the medium and narrow layouts — plus every small size; and,
//! where colour carries meaning (marks, selection, search matches, messages), the styles too.

use liveblog::frame::{buffer_text, draw, replay};
use liveblog::keys::KeyMap;
use liveblog::load;
use liveblog::parse::Rules;
use liveblog::state::{Action, Reader};
use ratatui::buffer::Buffer;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

/// A buffer as text with its styles: each run of cells of one style that is not the default
/// is written `{fg=… bg=… MODIFIERS|text}`, so a snapshot shows what is coloured how.
fn styled_text(buffer: &Buffer) -> String {
    let describe = |style: Style| {
        let mut parts = Vec::new();
        if let Some(fg) = style.fg.filter(|c| *c != ratatui::style::Color::Reset) {
            parts.push(format!("fg={fg}"));
        }
        if let Some(bg) = style.bg.filter(|c| *c != ratatui::style::Color::Reset) {
            parts.push(format!("bg={bg}"));
        }
        if !style.add_modifier.is_empty() {
            parts.push(format!("{:?}", style.add_modifier).replace("Modifier(", "").replace(')', ""));
        }
        parts.join(" ")
    };
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut run = String::new();
        let mut run_style = String::new();
        let flush = |line: &mut String, run: &mut String, style: &str| {
            if style.is_empty() {
                line.push_str(run);
            } else {
                line.push_str(&format!("{{{style}|{run}}}"));
            }
            run.clear();
        };
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            let style = describe(cell.style());
            if style != run_style {
                flush(&mut line, &mut run, &run_style);
                run_style = style;
            }
            run.push_str(cell.symbol());
        }
        flush(&mut line, &mut run, &run_style);
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn styled_screen(width: u16, height: u16, keys: &str) -> String {
    let keymap = KeyMap::default();
    let mut reader = Reader::new(load::bundled(Rules::embedded()));
    reader.apply(Action::Resize(width, height));
    replay(&mut reader, &keymap, keys).unwrap();
    styled_text(&draw(&mut reader, &keymap, &liveblog::ui::Theme::default(), width, height))
}

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
fn help_on_a_short_screen_scrolls_to_every_key() {
    let s = screen(160, 25, "?") + &screen(160, 25, "?<PageDown>") + &screen(160, 25, "?G");
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
    let narrow = screen(50, 20, "tmidi<Enter>");
    let status = narrow.lines().last().unwrap();
    assert!(status.contains("cannot read the time") && status.ends_with('…'), "cut with a mark:\n{narrow}");
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
    assert!(s.contains("┏ Text") && !s.contains("Timeline"), "{s}");
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

#[test]
fn styles_of_marks_selection_and_focus() {
    let s = styled_screen(120, 16, "");
    assert!(s.contains("{fg=DarkGray|•}"), "unread marks are dim:\n{s}");
    assert!(s.contains("BOLD | REVERSED"), "the selected row is in reverse video:\n{s}");
    insta::assert_snapshot!("styles_default", s);
}

#[test]
fn styles_of_search_matches_and_messages() {
    let s = styled_screen(160, 24, "/moldavie<Enter>n");
    assert!(s.contains("{fg=Black bg=Yellow|Moldavie}"), "matches in the text are highlighted:\n{s}");
    insta::assert_snapshot!("styles_search", s);
}

#[test]
fn hostile_file_names_are_shown_escaped_on_screen() {
    let keymap = KeyMap::default();
    let mut story = load::bundled(Rules::embedded()).remove(0);
    story.title.clear();
    story.outlet = None;
    story.path = std::path::PathBuf::from("evil\u{1b}[31m\u{7}\nsecond\u{202e}.txt");
    let path = story.path.clone();
    let mut reader = Reader::new(vec![story]);
    reader.apply(Action::FileGone(path));
    let buffer = draw(&mut reader, &keymap, &liveblog::ui::Theme::default(), 160, 30);
    let s = buffer_text(&buffer);
    for cell in buffer.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control() || c == '\u{202e}'),
            "{:?} reaches the screen",
            cell.symbol()
        );
    }
    let status = s.lines().last().unwrap();
    assert!(status.contains("evil\\e[31m\\x07\\nsecond\\u{202e}.txt: file deleted"), "{status}");
    assert!(s.contains("▸ evil\\e[31m\\x07\\nsecond"), "the story list:\n{s}");
    // The merged timeline labels each row with its story's file name.
    reader.apply(Action::PrevStory);
    let s = buffer_text(&draw(&mut reader, &keymap, &liveblog::ui::Theme::default(), 160, 30));
    assert!(s.contains("evil\\e[31…"), "All stories labels:\n{s}");
}

#[test]
fn rebinding_changes_the_help_and_the_hints() {
    let settings = liveblog::config::parse(
        "[keys]\nhelp = [\"H\"]\n[keys.tag_picker]\ntoggle_tag = [\"x\"]\n",
        std::path::Path::new("c.toml"),
    )
    .unwrap();
    let mut reader = Reader::new(load::bundled(Rules::embedded()));
    let theme = liveblog::ui::Theme::default();
    let s = buffer_text(&draw(&mut reader, &settings.keymap, &theme, 120, 40));
    assert!(s.lines().last().unwrap().ends_with("H help · q quit"), "{s}");
    replay(&mut reader, &settings.keymap, "H").unwrap();
    let s = buffer_text(&draw(&mut reader, &settings.keymap, &theme, 120, 40));
    assert!(s.contains("Keys — H or Esc closes"), "{s}");
    replay(&mut reader, &settings.keymap, "G").unwrap();
    let s = buffer_text(&draw(&mut reader, &settings.keymap, &theme, 120, 40));
    assert!(s.contains(" x ") && s.contains("toggle the tag under the cursor"), "{s}");
    replay(&mut reader, &settings.keymap, "<Esc>#").unwrap();
    let s = buffer_text(&draw(&mut reader, &settings.keymap, &theme, 120, 40));
    assert!(s.contains("Tags — x toggles, Enter applies"), "{s}");
}

#[test]
fn an_edited_entry_names_the_diff_key_in_effect() {
    let page = |bilan: &str| format!("Le direct\n\n12h00\nLe bilan\n\nLe bilan est de {bilan} ce soir.\n");
    let story = |text: String| {
        liveblog::parse::parse_bytes("b.txt".into(), text.into_bytes(), Rules::embedded()).expect("text")
    };
    let meta = |config: &str, keys: &str| {
        let settings = liveblog::config::parse(config, std::path::Path::new("c.toml")).unwrap();
        let mut reader = Reader::new(vec![story(page("500 morts"))]);
        reader.apply(Action::Reloaded(liveblog::state::Reload(std::sync::Arc::new(story(page("512 morts"))))));
        replay(&mut reader, &settings.keymap, keys).unwrap();
        // Wide enough that the meta line is not wrapped.
        let s = buffer_text(&draw(&mut reader, &settings.keymap, &liveblog::ui::Theme::default(), 200, 20));
        s.lines().find(|l| l.contains("12:00 · ")).unwrap_or_else(|| panic!("no meta line:\n{s}")).to_string()
    };
    assert!(meta("", "").contains("· edited (d: what changed)"), "the default key");
    let diff = meta("", "d");
    assert!(diff.contains("· edited (d: back to the text) · what changed:"), "the diff shown: {diff}");
    let rebound = meta("[keys]\nshow_diff = [\"<Enter>\"]\n", "");
    assert!(rebound.contains("· edited (Enter: what changed)"), "{rebound}");
    let unbound = meta("[keys]\nshow_diff = []\n", "");
    assert!(unbound.contains("· edited") && !unbound.contains("what changed"), "{unbound}");
}

#[test]
fn the_header_says_its_counts_shorter_before_it_drops_them() {
    let keymap = KeyMap::default();
    let theme = liveblog::ui::Theme::default();
    let page = |entries: &[(&str, &str)]| {
        let mut text = "Guerre en Ukraine : les dernières informations en direct\n\n".to_string();
        for (clock, headline) in entries {
            text.push_str(&format!("{clock}\n{headline}\n\nTexte de l'entrée.\n\n"));
        }
        liveblog::parse::parse_bytes("ukraine.txt".into(), text.into_bytes(), Rules::embedded()).expect("text")
    };
    let older = [("11h00", "Un bilan"), ("10h00", "Une réunion"), ("09h00", "Un départ")];
    // A story with new entries whose file is gone: the longest counts.
    let mut busy = Reader::new(vec![page(&older)]);
    let newer = [[("13h00", "Une frappe"), ("12h00", "Une annonce")].as_slice(), &older].concat();
    busy.apply(Action::Reloaded(liveblog::state::Reload(std::sync::Arc::new(page(&newer)))));
    busy.apply(Action::FileGone("ukraine.txt".into()));
    let mut samples = Reader::new(load::bundled(Rules::embedded()));
    let mut all = Reader::new(load::bundled(Rules::embedded()));
    all.apply(Action::PrevStory);
    let short = "Le direct\n\n12h00\nUn titre\n\nTexte.\n\n11h00\nAvant\n\nRien.\n";
    let short = liveblog::parse::parse_bytes("d.txt".into(), short.as_bytes().to_vec(), Rules::embedded()).unwrap();
    let mut short = Reader::new(vec![short]);
    let mut searched = Reader::new(load::bundled(Rules::embedded()));
    replay(&mut searched, &keymap, "/corée<Enter>").unwrap();
    let mut out = String::new();
    let readers = [
        ("samples", &mut samples),
        ("new and gone", &mut busy),
        ("all stories", &mut all),
        ("searched", &mut searched),
        ("short title", &mut short),
    ];
    for (name, reader) in readers {
        for width in [80, 70, 60, 40] {
            let s = buffer_text(&draw(reader, &keymap, &theme, width, 12));
            let header = s.lines().next().unwrap().to_string();
            assert!(header.width() <= usize::from(width), "{header}");
            // A title is cut no shorter than what is enough to know it by.
            let title = header.split(" ▸ ").nth(1).and_then(|h| h.split(" · ").next()).unwrap_or("");
            assert!(!title.ends_with('…') || title.width() >= 20, "{width}: {header}");
            out.push_str(&format!("{name:>12} at {width}: {header}\n"));
        }
    }
    // Each width keeps the counts, in a shorter form where the long one does not fit.
    for needle in [
        "samples at 80: ◂ 1/5 ▸ Les États-Unis vont verser une aide mi… · 15 entries · 14 unread · ended",
        "samples at 60: ◂ 1/5 ▸ Les États-Unis vont verser u… · 14/15 unread · ended",
        "samples at 40: ◂ 1/5 ▸ Les États-Unis vont v… · (14/15)",
        "new and gone at 80: ◂ 1/1 ▸ Guerre en Ukraine : les de… · 5 entries · 3 unread · ● 2 new · file gone",
        "new and gone at 70: ◂ 1/1 ▸ Guerre en Ukraine : les dernières in… · 3/5 unread · ●2 · gone",
        "new and gone at 40: ◂ 1/1 ▸ Guerre en Ukraine : … · (3/5) ●2",
        "short title at 40: ◂ 1/1 ▸ Le direct · 2 entries · 1 unread",
        "searched at 60: ◂ 1/5 ▸ Les États-Unis vont vers… · 5/15 match · •12 · ended",
    ] {
        assert!(out.contains(needle), "{needle}\n{out}");
    }
    insta::assert_snapshot!("header_80_70_60_40", out);
}

#[test]
fn a_message_that_does_not_fit_beside_the_position_goes_first_and_whole() {
    let keymap = KeyMap::default();
    let text = "Le direct\n\n12h00\nUn titre\n\nTexte.\n";
    let story = liveblog::parse::parse_bytes("t.txt".into(), text.as_bytes().to_vec(), Rules::embedded()).unwrap();
    let mut reader = Reader::new(vec![story]);
    replay(&mut reader, &keymap, "#").unwrap();
    let status = |reader: &mut Reader, width| {
        let s = buffer_text(&draw(reader, &keymap, &liveblog::ui::Theme::default(), width, 20));
        s.lines().last().unwrap().to_string()
    };
    let wide = status(&mut reader, 120);
    assert!(wide.starts_with("story 1/1 · entry 1/1 · ") && wide.contains(" · this story has no tags"), "{wide}");
    let narrow = status(&mut reader, 40);
    assert!(narrow.starts_with("this story has no tags · story 1/1 · e"), "{narrow}");
    assert!(narrow.width() <= 40, "{narrow}");
}

#[test]
fn an_empty_file_is_not_said_to_be_shown_as_one_text() {
    let keymap = KeyMap::default();
    let status = |text: &str| {
        let story = liveblog::parse::parse_bytes("t.txt".into(), text.as_bytes().to_vec(), Rules::embedded()).unwrap();
        let mut reader = Reader::new(vec![story]);
        let s = buffer_text(&draw(&mut reader, &keymap, &liveblog::ui::Theme::default(), 160, 10));
        s.lines().last().unwrap().to_string()
    };
    let empty = status("");
    assert!(empty.contains("no entries found") && !empty.contains("one text"), "{empty}");
    let csv = status("name,port\nssh,22\n");
    assert!(csv.contains("no entries found: shown as one text"), "{csv}");
}

#[test]
fn stories_of_one_title_say_what_tells_them_apart() {
    // One live blog saved as a page and in three text forms: four stories of one title.
    let keymap = KeyMap::default();
    let (files, errors) = load::expand(&["tests/fixtures/pages/german-regional-liveticker".into()]);
    // Its truth.json (a folder's JSON is read too) is the answer key, not a form of the page.
    let files: Vec<_> = files.into_iter().filter(|f| f.extension().is_none_or(|x| x != "json")).collect();
    assert!(errors.is_empty() && files.len() == 4, "{files:?}");
    let stories: Vec<_> = files.iter().map(|f| load::parse_file(f, Rules::embedded()).unwrap()).collect();
    assert!(stories.iter().all(|s| s.title == stories[0].title), "the forms share a title");
    let mut reader = Reader::new(stories);
    let theme = liveblog::ui::Theme::default();
    let wide = buffer_text(&draw(&mut reader, &keymap, &theme, 160, 30));
    for name in ["page.html", "copied.txt", "w3m.txt", "lynx.txt"] {
        assert!(wide.contains(&format!("│  {name} · ")), "{name}:\n{wide}");
    }
    insta::assert_snapshot!("same_title_stories_wide", wide);
    // The one-line header names the file before the title, which it cuts.
    let header = buffer_text(&draw(&mut reader, &keymap, &theme, 80, 24));
    let first = header.lines().next().unwrap();
    let name = reader.stories()[0].path.file_name().unwrap().to_str().unwrap().to_string();
    assert!(first.starts_with(&format!("◂ 1/4 ▸ {name} · Liveticker")), "{first}");
}
