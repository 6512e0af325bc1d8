//! Key events → actions. The key map is data: a table of action names, each with its keys in
//! the notation `liveblog frame --keys` takes (`j`, `<Down>`, `<C-c>`), so that a
//! configuration file can later rebind them. Prompts and the tag picker read keys their own
//! way (typing goes into the prompt).

use crate::state::{Action, Mode};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::collections::HashMap;

/// Every bindable action: its name, what it does (for the help overlay) and default keys.
pub const ACTIONS: &[(&str, Action, &str, &[&str])] = &[
    ("quit", Action::Quit, "quit", &["q", "<C-c>"]),
    ("help", Action::Help, "this help", &["?"]),
    ("focus_next", Action::FocusNext, "focus the next pane", &["<Tab>", "l", "<Right>"]),
    ("focus_prev", Action::FocusPrev, "focus the previous pane", &["<BackTab>", "h", "<Left>"]),
    ("down", Action::Down, "move down (scroll in the text)", &["j", "<Down>"]),
    ("up", Action::Up, "move up (scroll in the text)", &["k", "<Up>"]),
    ("page_down", Action::PageDown, "page down", &["<PageDown>", "<Space>"]),
    ("page_up", Action::PageUp, "page up", &["<PageUp>"]),
    ("first", Action::First, "first row", &["g", "<Home>"]),
    ("last", Action::Last, "last row", &["G", "<End>"]),
    ("next_entry", Action::Later, "next entry in time (later)", &["]"]),
    ("prev_entry", Action::Earlier, "previous entry in time (earlier)", &["["]),
    ("next_hour", Action::NextHour, "first entry of the next hour", &["}"]),
    ("prev_hour", Action::PrevHour, "first entry of the previous hour", &["{"]),
    ("go_to_time", Action::GoToTime, "go to a time (14:30, 21/10 9h)", &["t"]),
    ("toggle_order", Action::ToggleOrder, "newest-first / oldest-first", &["o"]),
    ("cycle_zone", Action::CycleZone, "zone shown: page / local / UTC", &["z"]),
    ("pick_tags", Action::PickTags, "filter by tags", &["#"]),
    ("search", Action::Search, "search as you type", &["/"]),
    ("next_match", Action::NextMatch, "next match", &["n"]),
    ("prev_match", Action::PrevMatch, "previous match", &["N"]),
    ("clear_filters", Action::ClearFilters, "clear this story's filters", &["c"]),
    ("next_story", Action::NextStory, "next story", &["s"]),
    ("prev_story", Action::PrevStory, "previous story", &["S"]),
    ("open", Action::Open, "open the selected row", &["<Enter>"]),
    ("next_unread", Action::NextUnread, "next unread entry (oldest first)", &["u"]),
    ("show_diff", Action::ShowDiff, "what changed in an edited entry", &["d"]),
    ("toggle_relative", Action::ToggleRelative, "clocks as ages (12 min) / times", &["r"]),
];

/// Parses keys in the `frame` notation: characters as typed, and named keys in angle
/// brackets (`<Enter> <Esc> <Tab> <BackTab> <Up> <Down> <Left> <Right> <PageUp> <PageDown>
/// <Home> <End> <Space> <Backspace> <C-c>`). A `<` that opens no known name is itself.
pub fn parse_keys(text: &str) -> Result<Vec<KeyEvent>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && let Some(key) = named_key(&rest[1..end])
        {
            out.push(key);
            rest = &rest[end + 1..];
            continue;
        }
        if c == '<' && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) && rest.contains('>') {
            let end = rest.find('>').expect("checked");
            return Err(format!("unknown key name {}", &rest[..=end]));
        }
        out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        rest = &rest[c.len_utf8()..];
    }
    Ok(out)
}

fn named_key(name: &str) -> Option<KeyEvent> {
    let plain = |code| Some(KeyEvent::new(code, KeyModifiers::NONE));
    match name {
        "Enter" | "CR" => plain(KeyCode::Enter),
        "Esc" => plain(KeyCode::Esc),
        "Tab" => plain(KeyCode::Tab),
        "BackTab" | "S-Tab" => Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        "Up" => plain(KeyCode::Up),
        "Down" => plain(KeyCode::Down),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "PageUp" => plain(KeyCode::PageUp),
        "PageDown" => plain(KeyCode::PageDown),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        "Space" => plain(KeyCode::Char(' ')),
        "Backspace" | "BS" => plain(KeyCode::Backspace),
        "lt" => plain(KeyCode::Char('<')),
        _ => {
            let c = name.strip_prefix("C-")?;
            let mut chars = c.chars();
            let ch = chars.next()?;
            chars.next().is_none().then(|| KeyEvent::new(KeyCode::Char(ch.to_ascii_lowercase()), KeyModifiers::CONTROL))
        }
    }
}

/// The form of a key used for lookup: Shift is part of the character, not a modifier.
fn normal(key: KeyEvent) -> (KeyCode, KeyModifiers) {
    let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::BackTab => (KeyCode::BackTab, KeyModifiers::NONE),
        code => (code, mods),
    }
}

/// Keys bound to actions.
#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: HashMap<(KeyCode, KeyModifiers), Action>,
    /// Per action name, its keys as written, for the help overlay.
    pub keys: Vec<(&'static str, Vec<String>)>,
}

impl Default for KeyMap {
    fn default() -> Self {
        let table: Vec<(&str, Vec<String>)> =
            ACTIONS.iter().map(|(name, _, _, keys)| (*name, keys.iter().map(|k| k.to_string()).collect())).collect();
        KeyMap::from_table(&table).expect("default key map is valid")
    }
}

impl KeyMap {
    /// A key map from (action name, keys) pairs; a key bound twice or an unknown action is an
    /// error.
    pub fn from_table(table: &[(&str, Vec<String>)]) -> Result<KeyMap, String> {
        let mut bindings = HashMap::new();
        let mut keys = Vec::new();
        for (name, written) in table {
            let (action_name, action) = ACTIONS
                .iter()
                .find(|(n, ..)| n == name)
                .map(|(n, a, ..)| (*n, a.clone()))
                .ok_or_else(|| format!("unknown action `{name}`"))?;
            for k in written {
                let parsed = parse_keys(k)?;
                let [key] = parsed.as_slice() else { return Err(format!("`{k}` is not one key")) };
                if let Some(other) = bindings.insert(normal(*key), action.clone())
                    && other != action
                {
                    return Err(format!("key `{k}` is bound to two actions"));
                }
            }
            keys.push((action_name, written.clone()));
        }
        Ok(KeyMap { bindings, keys })
    }

    /// The action a key stands for in the reader's current mode.
    pub fn action(&self, mode: &Mode, key: KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl_c {
            return Some(Action::Quit);
        }
        match mode {
            Mode::Normal => self.bindings.get(&normal(key)).cloned(),
            Mode::Help => match key.code {
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('?') | KeyCode::Enter => Some(Action::Cancel),
                _ => None,
            },
            Mode::Search { .. } | Mode::GoTo { .. } => match key.code {
                KeyCode::Esc => Some(Action::Cancel),
                KeyCode::Enter => Some(Action::Submit),
                KeyCode::Backspace => Some(Action::Backspace),
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::Input(c)),
                _ => None,
            },
            Mode::Tags(_) => match key.code {
                KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
                KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
                KeyCode::Char('g') | KeyCode::Home => Some(Action::First),
                KeyCode::Char('G') | KeyCode::End => Some(Action::Last),
                KeyCode::Char(' ') => Some(Action::ToggleTag),
                KeyCode::Enter => Some(Action::Submit),
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('#') => Some(Action::Cancel),
                _ => None,
            },
        }
    }

    /// (keys, description) of every action, for the help overlay.
    pub fn help(&self) -> Vec<(String, &'static str)> {
        self.keys
            .iter()
            .map(|(name, keys)| {
                let desc = ACTIONS.iter().find(|(n, ..)| n == name).map_or("", |(_, _, d, _)| *d);
                (keys.join(" "), desc)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_notation() {
        let keys = parse_keys("#<Space><Enter>j<C-c><lt>").unwrap();
        assert_eq!(keys.len(), 6);
        assert_eq!(keys[1].code, KeyCode::Char(' '));
        assert_eq!(keys[2].code, KeyCode::Enter);
        assert_eq!(keys[4].modifiers, KeyModifiers::CONTROL);
        assert_eq!(keys[5].code, KeyCode::Char('<'));
        assert!(parse_keys("<Nope>").unwrap_err().contains("<Nope>"));
        assert_eq!(parse_keys("a<b").unwrap().len(), 3);
    }

    #[test]
    fn default_bindings() {
        let map = KeyMap::default();
        let key = |s: &str| parse_keys(s).unwrap()[0];
        assert_eq!(map.action(&Mode::Normal, key("q")), Some(Action::Quit));
        assert_eq!(map.action(&Mode::Normal, key("<C-c>")), Some(Action::Quit));
        assert_eq!(map.action(&Mode::Normal, key("]")), Some(Action::Later));
        assert_eq!(map.action(&Mode::Normal, key("<BackTab>")), Some(Action::FocusPrev));
        assert_eq!(
            map.action(&Mode::Normal, KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Last)
        );
        let search = Mode::Search { previous: String::new() };
        assert_eq!(map.action(&search, key("q")), Some(Action::Input('q')));
        assert_eq!(map.action(&search, key("<Esc>")), Some(Action::Cancel));
        assert_eq!(map.action(&Mode::Help, key("q")), Some(Action::Cancel));
    }

    #[test]
    fn bad_tables_are_refused() {
        assert!(KeyMap::from_table(&[("nope", vec!["x".into()])]).unwrap_err().contains("unknown action"));
        let twice = [("quit", vec!["x".into()]), ("help", vec!["x".into()])];
        assert!(KeyMap::from_table(&twice).unwrap_err().contains("two actions"));
    }

    #[test]
    fn every_action_has_a_default_key() {
        let map = KeyMap::default();
        assert_eq!(map.help().len(), ACTIONS.len());
        assert!(map.help().iter().all(|(k, d)| !k.is_empty() && !d.is_empty()));
    }
}
