//! Key events → actions. Key maps are data, one per mode — normal, help overlay, tag picker,
//! prompts — each a table of action names (from the [`Action`] enum, through serde) with their
//! keys in the notation `liveblog frame --keys` takes (`j`, `<Down>`, `<C-c>`). The defaults
//! are the `[keys]` tables of `assets/config.toml`; the configuration file rebinds them; the
//! help overlay and the hints are generated from the maps in effect.

use crate::state::{Action, Mode};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// The modes that have a key map of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyMode {
    Normal,
    Help,
    Tags,
    /// Search and go-to-time: a key bound to nothing is typed.
    Prompt,
    /// The list of an entry's links.
    Links,
}

impl KeyMode {
    pub const ALL: [KeyMode; 5] = [KeyMode::Normal, KeyMode::Help, KeyMode::Tags, KeyMode::Prompt, KeyMode::Links];

    /// The key map in effect in a mode of the reader.
    pub fn of(mode: &Mode) -> KeyMode {
        match mode {
            Mode::Normal => KeyMode::Normal,
            Mode::Help => KeyMode::Help,
            Mode::Tags(_) => KeyMode::Tags,
            Mode::Search { .. } | Mode::GoTo { .. } => KeyMode::Prompt,
            Mode::Links(_) => KeyMode::Links,
        }
    }

    /// The name of the mode's table in the configuration (`[keys.tag_picker]`); not the
    /// name of an action, which `[keys]` also holds.
    pub fn name(self) -> &'static str {
        match self {
            KeyMode::Normal => "normal",
            KeyMode::Help => "help_overlay",
            KeyMode::Tags => "tag_picker",
            KeyMode::Prompt => "prompt",
            KeyMode::Links => "link_picker",
        }
    }

    pub fn from_name(name: &str) -> Option<KeyMode> {
        KeyMode::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// Keys written for each action of each mode, in the file's order: (mode, action name, keys).
pub type Table = Vec<(KeyMode, String, Vec<String>)>;

/// The default key maps: the `[keys]` tables of the commented default configuration.
pub fn default_table() -> Table {
    #[derive(Deserialize)]
    struct Defaults {
        keys: BTreeMap<toml::Spanned<String>, toml::Value>,
    }
    let file: Defaults = toml::from_str(crate::config::DEFAULT_CONFIG).expect("the default configuration is valid");
    let mut listed: Vec<_> = file.keys.into_iter().collect();
    listed.sort_by_key(|(name, _)| name.span().start);
    let mut table = Table::new();
    for (name, value) in listed {
        match value {
            toml::Value::Array(keys) => table.push((KeyMode::Normal, name.into_inner(), strings(&keys))),
            toml::Value::Table(actions) => {
                let mode = KeyMode::from_name(name.get_ref()).expect("known mode");
                for (action, keys) in actions {
                    let keys = keys.as_array().map(|k| strings(k)).unwrap_or_default();
                    table.push((mode, action, keys));
                }
            }
            _ => panic!("default key map: {} is neither keys nor a mode", name.get_ref()),
        }
    }
    table
}

fn strings(values: &[toml::Value]) -> Vec<String> {
    values.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()
}

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

/// One mode's keys.
#[derive(Debug, Clone, Default)]
struct ModeMap {
    bindings: HashMap<(KeyCode, KeyModifiers), Action>,
    /// Per action, its keys as written, in the table's order, for the help and hints.
    keys: Vec<(Action, Vec<String>)>,
}

/// Keys bound to actions, one map per mode.
#[derive(Debug, Clone)]
pub struct KeyMap {
    maps: BTreeMap<KeyMode, ModeMap>,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap::from_table(&default_table()).expect("default key map is valid")
    }
}

/// A key as the help and hints show it: `<Enter>` as `Enter`.
fn shown(key: &str) -> String {
    match key.strip_prefix('<').and_then(|k| k.strip_suffix('>')) {
        Some(name) if !name.is_empty() => name.to_string(),
        _ => key.to_string(),
    }
}

impl KeyMap {
    /// A key map from (mode, action name, keys); a key bound twice in a mode or an unknown
    /// action is an error.
    pub fn from_table(table: &[(KeyMode, String, Vec<String>)]) -> Result<KeyMap, String> {
        let mut maps: BTreeMap<KeyMode, ModeMap> = KeyMode::ALL.iter().map(|m| (*m, ModeMap::default())).collect();
        for (mode, name, written) in table {
            let action = Action::from_name(name).ok_or_else(|| format!("unknown action `{name}`"))?;
            let map = maps.get_mut(mode).expect("every mode");
            for k in written {
                let parsed = parse_keys(k)?;
                let [key] = parsed.as_slice() else { return Err(format!("`{k}` is not one key")) };
                if let Some(other) = map.bindings.insert(normal(*key), action.clone())
                    && other != action
                {
                    return Err(format!("key `{k}` is bound to two actions"));
                }
            }
            map.keys.push((action, written.clone()));
        }
        Ok(KeyMap { maps })
    }

    /// The action a key stands for in the reader's current mode. Ctrl-C always quits; in a
    /// prompt, a character bound to nothing is typed.
    pub fn action(&self, mode: &Mode, key: KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl_c {
            return Some(Action::Quit);
        }
        let mode = KeyMode::of(mode);
        if let Some(action) = self.maps[&mode].bindings.get(&normal(key)) {
            return Some(action.clone());
        }
        match key.code {
            KeyCode::Char(c)
                if mode == KeyMode::Prompt && !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Input(c))
            }
            _ => None,
        }
    }

    /// The keys an unbound Alt+key stands for: `Esc`, then the key. A terminal sends `Esc` and
    /// a key typed right after it (or carried together over a slow link) as the bytes of
    /// Alt+key, and no action is bound to an Alt key, so without this the `Esc` is lost.
    pub fn split_alt(&self, mode: &Mode, key: KeyEvent) -> Option<[KeyEvent; 2]> {
        if !key.modifiers.contains(KeyModifiers::ALT) || self.action(mode, key).is_some() {
            return None;
        }
        let mut plain = key;
        plain.modifiers.remove(KeyModifiers::ALT);
        Some([KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), plain])
    }

    /// The keys of a mode's actions as written: (action, keys), in the table's order.
    pub fn bindings(&self, mode: KeyMode) -> &[(Action, Vec<String>)] {
        &self.maps[&mode].keys
    }

    /// (keys, description) of every action of the normal mode, for the help overlay.
    pub fn help(&self) -> Vec<(String, &'static str)> {
        self.bindings(KeyMode::Normal).iter().map(|(action, keys)| (keys.join(" "), action.about())).collect()
    }

    /// The first key of an action in a mode, as hints show it (`Enter`, `?`).
    pub fn key_for(&self, mode: KeyMode, action: &Action) -> Option<String> {
        let (_, keys) = self.bindings(mode).iter().find(|(a, keys)| a == action && !keys.is_empty())?;
        Some(shown(&keys[0]))
    }

    /// A hint such as `Space toggles, Enter applies`: for each action bound in the mode, its
    /// first key and what it does there; actions with no key are left out.
    pub fn hint(&self, mode: KeyMode, actions: &[(Action, &str)]) -> Vec<String> {
        actions.iter().filter_map(|(a, what)| self.key_for(mode, a).map(|k| format!("{k} {what}"))).collect()
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
        assert_eq!(map.action(&Mode::Normal, key("]")), Some(Action::NextEntry));
        assert_eq!(map.action(&Mode::Normal, key("<BackTab>")), Some(Action::FocusPrev));
        assert_eq!(
            map.action(&Mode::Normal, KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Last)
        );
        let search = Mode::Search { previous: String::new() };
        assert_eq!(map.action(&search, key("q")), Some(Action::Input('q')));
        assert_eq!(map.action(&search, key("<Esc>")), Some(Action::Cancel));
        assert_eq!(map.action(&search, key("<C-w>")), Some(Action::DeleteWord));
        assert_eq!(map.action(&search, key("<C-u>")), Some(Action::DeleteToStart));
        assert_eq!(map.action(&search, key("<Up>")), Some(Action::Up), "the previous search");
        assert_eq!(map.action(&Mode::Help, key("G")), Some(Action::Last), "the help scrolls");
        assert_eq!(map.action(&Mode::Help, key("q")), Some(Action::Cancel));
    }

    #[test]
    fn bad_tables_are_refused() {
        let row = |name: &str| (KeyMode::Normal, name.to_string(), vec!["x".to_string()]);
        assert!(KeyMap::from_table(&[row("nope")]).unwrap_err().contains("unknown action"));
        assert!(KeyMap::from_table(&[row("quit"), row("help")]).unwrap_err().contains("two actions"));
        // One key may mean different actions in different modes.
        let modes = [row("quit"), (KeyMode::Tags, "cancel".into(), vec!["x".into()])];
        assert!(KeyMap::from_table(&modes).is_ok());
    }

    #[test]
    fn every_normal_action_has_a_default_key() {
        let map = KeyMap::default();
        assert_eq!(map.help().len(), 34);
        assert!(map.help().iter().all(|(k, d)| !k.is_empty() && !d.is_empty()));
        assert_eq!(map.help()[0], ("q <C-c>".to_string(), "quit"), "in the file's order");
    }

    #[test]
    fn an_unbound_alt_key_is_esc_then_the_key() {
        let map = KeyMap::default();
        let alt_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT);
        let [esc, q] = map.split_alt(&Mode::Help, alt_q).expect("Alt+q is bound to nothing");
        assert_eq!((esc.code, q.code, q.modifiers), (KeyCode::Esc, KeyCode::Char('q'), KeyModifiers::NONE));
        let search = Mode::Search { previous: String::new() };
        assert_eq!(map.action(&search, alt_q), None, "in a prompt, not typed as q");
        assert!(map.split_alt(&search, alt_q).is_some());
        assert_eq!(map.split_alt(&Mode::Normal, KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn every_mode_is_a_map() {
        let map = KeyMap::default();
        let key = |s: &str| parse_keys(s).unwrap()[0];
        let picker = Mode::Tags(crate::state::TagPicker { tags: Vec::new(), cursor: 0, chosen: Default::default() });
        assert_eq!(map.action(&picker, key("<Space>")), Some(Action::ToggleTag));
        assert_eq!(map.action(&picker, key("#")), Some(Action::Cancel));
        assert_eq!(map.action(&Mode::Help, key("?")), Some(Action::Cancel));
        let goto = Mode::GoTo { input: String::new(), error: None };
        assert_eq!(map.action(&goto, key("<Backspace>")), Some(Action::Backspace));
        assert_eq!(map.action(&goto, key("1")), Some(Action::Input('1')));
        assert_eq!(map.key_for(KeyMode::Tags, &Action::ToggleTag).as_deref(), Some("Space"));
        let rebound = KeyMap::from_table(&[(KeyMode::Tags, "toggle_tag".into(), vec!["x".into()])]).unwrap();
        assert_eq!(rebound.action(&picker, key("x")), Some(Action::ToggleTag));
        assert_eq!(rebound.action(&picker, key("<Space>")), None);
    }
}
