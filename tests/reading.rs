//! The reader in daily use, drawn in memory: rows readable at every size with aligned
//! columns, counts shown whole, the focused pane visible without colour, the story card,
//! search like a pager, read state, help and links (issue 11).

use liveblog::frame::{buffer_text, draw, replay};
use liveblog::keys::KeyMap;
use liveblog::load;
use liveblog::parse::Rules;
use liveblog::state::{Action, Reader};

fn reader(width: u16, height: u16) -> Reader {
    let mut reader = Reader::new(load::bundled(Rules::embedded()));
    reader.apply(Action::Resize(width, height));
    reader
}

fn screen_of(reader: &mut Reader, keys: &str) -> String {
    let keymap = KeyMap::default();
    let (w, h) = reader.size();
    replay(reader, &keymap, keys).unwrap();
    buffer_text(&draw(reader, &keymap, &liveblog::ui::Theme::default(), w, h))
}

fn screen(width: u16, height: u16, keys: &str) -> String {
    screen_of(&mut reader(width, height), keys)
}

/// The column (in cells) where `needle` starts on `line`.
fn column(line: &str, needle: &str) -> Option<usize> {
    use unicode_width::UnicodeWidthStr;
    line.find(needle).map(|i| line[..i].width())
}

#[test]
fn at_80_columns_the_timeline_shows_headlines_not_tags() {
    let s = screen(80, 24, "");
    assert!(s.contains("▸ 17:38 Le chef du Pentagone"), "{s}");
    assert!(s.contains("•16:55 Les scrutins"), "no tag below 100 columns:\n{s}");
    insta::assert_snapshot!("reading_cols80", s);
}

#[test]
fn tags_sit_in_a_fixed_column_and_headlines_align() {
    let s = screen(120, 30, "");
    let starts: Vec<usize> =
        ["▸ 17:38 aide milita… Le chef", "L'Ukraine au", "Les scrutins", "Le cinéaste", "Séoul convoque"]
            .iter()
            .map(|h| {
                let at = s.lines().find_map(|l| column(l, h)).unwrap_or_else(|| panic!("{h} not shown:\n{s}"));
                // The selected row is matched from its marker: count to its headline.
                if h.starts_with('▸') { at + 21 } else { at }
            })
            .collect();
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "headlines start in one column {starts:?}:\n{s}");
    assert!(s.contains("diplomatie   L'Ukraine"), "the tag column is padded:\n{s}");
}

#[test]
fn story_counts_show_whole_in_the_list_and_the_header() {
    let s = screen(120, 30, "");
    assert!(s.contains("15 entries · 14 unread"), "wide story list:\n{s}");
    for width in [80, 100, 119] {
        let s = screen(width, 24, "");
        let header = s.lines().next().unwrap();
        assert!(header.contains("15 entries · 14 unread · ended"), "{width}: {header}");
    }
}

#[test]
fn the_focused_pane_has_a_thick_border_without_colour() {
    let s = screen(120, 30, "");
    assert!(s.contains("┏ Timeline") && s.contains("┌ Text") && s.contains("┌ Stories"), "{s}");
    let s = screen(120, 30, "<Tab>");
    assert!(s.contains("┏ Text") && s.contains("┌ Timeline"), "{s}");
}

#[test]
fn the_story_card_shows_above_the_top_entry_and_from_the_story_list() {
    let mut r = reader(120, 40);
    let s = screen_of(&mut r, "");
    assert!(r.shows_card(), "the top row of the timeline is selected");
    let card_rule = s.lines().position(|l| l.contains("│────────")).expect("a rule under the card");
    let entry = s.lines().position(|l| l.contains("│Le chef du Pentagone, à Kiev")).expect("the entry under it");
    assert!(card_rule < entry, "{s}");
    assert!(s.contains("│Les États-Unis vont verser une aide"), "the story's title in the card:\n{s}");
    let s = screen_of(&mut r, "j");
    assert!(!r.shows_card() && !s.contains("│────────"), "the second entry shows alone:\n{s}");
    screen_of(&mut r, "<BackTab>");
    assert!(r.shows_card(), "the story list has the focus");
}

#[test]
fn the_search_prompt_shows_its_cursor_and_the_current_match_is_marked() {
    let s = screen(120, 30, "/moldvie<Left><Left><Left>a");
    assert!(s.lines().last().unwrap().starts_with("/molda▏vie"), "{s}");
    let keymap = KeyMap::default();
    let mut r = reader(160, 30);
    replay(&mut r, &keymap, "/moldavie<Enter>").unwrap();
    let (line, _) = r.current_match().expect("a current match");
    let buffer = draw(&mut r, &keymap, &liveblog::ui::Theme::default(), 160, 30);
    let underlined = buffer
        .content()
        .iter()
        .filter(|c| c.style().add_modifier.contains(ratatui::style::Modifier::UNDERLINED))
        .map(|c| c.symbol())
        .collect::<String>();
    assert_eq!(underlined.to_lowercase(), "moldavie", "one match is the current one (line {line})");
}

#[test]
fn messages_name_the_keys_in_effect() {
    let s = screen(120, 30, "n");
    assert!(s.lines().last().unwrap().contains("no search: press / to search"), "{s}");
    let settings =
        liveblog::config::parse("[keys]\nclear_filters = [\"x\"]\n", std::path::Path::new("c.toml")).unwrap();
    let mut r = reader(120, 30);
    replay(&mut r, &settings.keymap, "/qwxz<Enter>").unwrap();
    let s = buffer_text(&draw(&mut r, &settings.keymap, &liveblog::ui::Theme::default(), 120, 30));
    assert!(s.contains("Press x"), "{s}");
}

#[test]
fn help_lists_every_key_at_every_size_and_scrolls() {
    let keymap = KeyMap::default();
    let lines = liveblog::ui::help_lines(&keymap);
    let abouts: Vec<&str> =
        lines.iter().filter_map(|l| if let liveblog::ui::HelpLine::Key(_, d) = l { Some(*d) } else { None }).collect();
    assert!(
        abouts.contains(&"delete the word before the cursor") && abouts.contains(&"toggle the tag under the cursor")
    );
    for (w, h) in [(200, 60), (120, 40), (80, 24), (60, 20), (40, 12)] {
        let mut r = reader(w, h);
        let mut seen = screen_of(&mut r, "?");
        for _ in 0..lines.len() {
            seen.push_str(&screen_of(&mut r, "j"));
        }
        for about in &abouts {
            // Cut at the narrowest sizes, but at least its start shows.
            let start: String = about.chars().take(12).collect();
            assert!(seen.contains(&start), "{w}x{h}: {about} never shown");
        }
        let end = screen_of(&mut r, "G");
        assert!(end.contains("the wheel scrolls"), "{w}x{h}: G goes to the end:\n{end}");
        let top = screen_of(&mut r, "g");
        assert!(top.contains("Reading"), "{w}x{h}: g back to the top:\n{top}");
        let closed = screen_of(&mut r, "<Esc>");
        assert!(!closed.contains("Keys —"), "{w}x{h}");
    }
    insta::assert_snapshot!("reading_help_80x24", screen(80, 24, "?<PageDown>"));
}

#[test]
fn the_diff_colours_deletions_and_insertions_apart_and_marks_them_without_colour() {
    use liveblog::parse::parse_bytes;
    let page = |bilan: &str| {
        format!(
            "Le direct\n\n12h00\nLe bilan\n\nLe bilan est de {bilan} selon la police ce soir.\n\n11h00\nAvant\n\nRien.\n"
        )
    };
    let path = std::path::PathBuf::from("b.txt");
    let story = |t: String| parse_bytes(path.clone(), t.into_bytes(), Rules::embedded()).unwrap();
    let mut r = Reader::new(vec![story(page("500 morts"))]);
    r.apply(Action::Resize(200, 20));
    r.apply(Action::Reloaded(liveblog::state::Reload(std::sync::Arc::new(story(page("512 morts et 30 blessés"))))));
    r.apply(Action::ShowDiff);
    let keymap = KeyMap::default();
    let buffer = draw(&mut r, &keymap, &liveblog::ui::Theme::default(), 200, 20);
    let text = buffer_text(&buffer);
    assert!(text.contains("[-500-] {+512+} morts {+et 30 blessés+} selon"), "{text}");
    let fg_of = |needle: &str| {
        let (y, line) = text.lines().enumerate().find(|(_, l)| l.contains(needle)).unwrap();
        let x = column(line, needle).unwrap() as u16;
        buffer[(x + 2, y as u16)].style().fg
    };
    assert_ne!(fg_of("[-500-]"), fg_of("{+512+}"), "deletions and insertions differ");
    let plain = buffer_text(&draw(&mut r, &keymap, &liveblog::ui::Theme::monochrome(), 200, 20));
    assert!(plain.contains("[-500-] {+512+}"), "marked without colour:\n{plain}");
}

#[test]
fn the_link_list_is_drawn_and_opening_goes_through_the_hosts_hands() {
    use liveblog::app::{Event, Headless, Host, Look};
    use liveblog::state::Request;
    struct Recording(Vec<Request>);
    impl<B: ratatui::backend::Backend> Host<B> for Recording {
        fn carry_out(&mut self, request: &Request) -> Result<(), String> {
            self.0.push(request.clone());
            Err("no browser here".into())
        }
    }
    let _ = Headless;
    let mut r = reader(120, 30);
    let keymap = KeyMap::default();
    let theme = liveblog::ui::Theme::default();
    let (tx, rx) = std::sync::mpsc::channel();
    for key in liveblog::keys::parse_keys("y").unwrap() {
        tx.send(Event::Key(key)).unwrap();
    }
    tx.send(Event::Stop).unwrap();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).unwrap();
    let mut host = Recording(Vec::new());
    liveblog::app::run(&mut terminal, &mut r, &Look { keymap: &keymap, theme: &theme }, &rx, &mut host).unwrap();
    assert!(matches!(host.0.as_slice(), [Request::Copy(t)] if t.starts_with("Le chef du Pentagone")), "{:?}", host.0);
    assert!(r.requests().is_empty(), "done once carried out");
    assert_eq!(r.message(), Some("no browser here"), "a failure is said");
    let text = "Le direct\n\n12h00\nUn titre\n\nLire https://example.org/a?b=1 ce soir.\n";
    let story = liveblog::parse::parse_bytes("l.txt".into(), text.as_bytes().to_vec(), Rules::embedded()).unwrap();
    let mut linked = Reader::new(vec![story]);
    linked.apply(Action::Resize(120, 30));
    let shown = screen_of(&mut linked, "L");
    assert!(shown.contains("Links — Enter opens, y copies, Esc closes"), "{shown}");
    assert!(shown.contains("▸ 1. https://example.org/a?b=1  (in the text)"), "{shown}");
}

#[test]
fn help_says_what_a_key_does_in_each_mode() {
    // ↑ in the search prompt recalls an earlier search: "scroll in the text" there misleads.
    let lines = liveblog::ui::help_lines(&KeyMap::default());
    let mut section = "";
    let mut said = Vec::new();
    for line in &lines {
        match line {
            liveblog::ui::HelpLine::Section(s) => section = s,
            liveblog::ui::HelpLine::Key(keys, about) => said.push((section, keys.as_str(), *about)),
            liveblog::ui::HelpLine::Note(_) => {}
        }
    }
    let prompt_up = said.iter().find(|(s, k, _)| s.starts_with("Search") && k.starts_with("<Up>")).unwrap();
    assert!(prompt_up.2.contains("earlier search"), "{prompt_up:?}");
    for (s, k, about) in &said {
        if !s.starts_with("Reading") {
            assert!(!about.contains("scroll in the text"), "{s}: {k} says {about}");
        }
    }
}
