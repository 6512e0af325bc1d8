//! The configuration file: `$XDG_CONFIG_HOME/liveblog/config.toml` (the platform's
//! equivalent elsewhere) or `--config PATH`, with `[keys]`, `[theme]`, `[display]`,
//! `[parse]`, `[web]` and `[notify]` (the last two read in `web::settings`).
//! `assets/config.toml` is the commented default, embedded. An invalid file stops with its
//! path, line and column and what is wrong: no silent fallback.

use crate::keys::{self, KeyMap, KeyMode};
use crate::parse::Rules;
use crate::state::{Display, Order, ZoneShown};
use crate::ui::Theme;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The commented default configuration.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

/// Everything the configuration decides.
#[derive(Debug, Clone)]
pub struct Settings {
    pub keymap: KeyMap,
    pub theme: Theme,
    pub display: Display,
    pub rules: Rules,
    /// `[web]`: how often pages followed by URL are fetched.
    pub web: crate::web::settings::WebSettings,
    /// `[notify]`: notifications of new entries (opt-in).
    pub notify: crate::web::settings::NotifySettings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            keymap: KeyMap::default(),
            theme: Theme::default(),
            display: Display::default(),
            rules: Rules::embedded().clone(),
            web: Default::default(),
            notify: Default::default(),
        }
    }
}

/// A configuration error, shown as `<path>:<line>:<column>: <what>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}: {}", crate::text::escape_path(&self.path), self.line, self.column, self.message)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// Normal-mode actions with their keys, and `[keys.help_overlay]`,
    /// `[keys.tag_picker]`, `[keys.prompt]` tables for the other modes.
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(default)]
    theme: Theme,
    #[serde(default)]
    display: DisplayFile,
    #[serde(default)]
    parse: ParseFile,
    #[serde(default)]
    web: crate::web::settings::WebFile,
    #[serde(default)]
    notify: crate::web::settings::NotifyFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DisplayFile {
    order: Option<Spanned<String>>,
    zone: Option<Spanned<String>>,
    stories_width: Option<Spanned<u16>>,
    timeline_width: Option<Spanned<u16>>,
    mouse: Option<bool>,
    stories: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ParseFile {
    #[serde(default)]
    rules: Vec<Spanned<String>>,
}

/// The configuration file used when none is named: `None` where the platform has no
/// configuration directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "liveblog").map(|d| d.config_dir().join("config.toml"))
}

/// Loads the named file, or the default one if it exists, or the defaults.
pub fn load(explicit: Option<&Path>) -> Result<Settings, ConfigError> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path() {
            Some(p) if p.exists() => p,
            _ => return Ok(Settings::default()),
        },
    };
    let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
        path: path.clone(),
        line: 1,
        column: 1,
        message: format!("cannot read: {}", crate::load::reason(&crate::decode::InputError::Io(e))),
    })?;
    parse(&text, &path)
}

/// Reads a configuration from its text; `path` names it in errors and anchors relative
/// rule files.
pub fn parse(text: &str, path: &Path) -> Result<Settings, ConfigError> {
    let at = |span: std::ops::Range<usize>, message: String| {
        let (line, column) = line_column(text, span.start);
        ConfigError { path: path.to_path_buf(), line, column, message }
    };
    let file: File = toml::from_str(text).map_err(|e| {
        let message = e.message().to_string();
        at(e.span().unwrap_or(0..0), message)
    })?;
    let mut settings = Settings {
        keymap: keymap(&file.keys, &at)?,
        theme: file.theme,
        display: Display::default(),
        rules: Rules::embedded().clone(),
        web: file.web.settings().map_err(|(span, message)| at(span, message))?,
        notify: file.notify.settings().map_err(|(span, message)| at(span, message))?,
    };

    // Display.
    let d = &file.display;
    if let Some(order) = &d.order {
        settings.display.order = match order.get_ref().as_str() {
            "newest-first" => Order::NewestFirst,
            "oldest-first" => Order::OldestFirst,
            other => {
                return Err(at(order.span(), format!("order `{other}`: use \"newest-first\" or \"oldest-first\"")));
            }
        };
    }
    if let Some(zone) = &d.zone {
        settings.display.zone = match zone.get_ref().as_str() {
            "source" => ZoneShown::Source,
            "local" => ZoneShown::Local,
            "UTC" | "utc" => ZoneShown::Utc,
            name => ZoneShown::Named(name.parse().map_err(|_| {
                at(
                    zone.span(),
                    format!(
                        "zone `{name}`: use \"source\", \"local\", \"UTC\" or an IANA name such as \"Europe/Paris\""
                    ),
                )
            })?),
        };
    }
    let (mut stories, mut timeline) = settings.display.pane_widths;
    for (value, slot) in [(&d.stories_width, &mut stories), (&d.timeline_width, &mut timeline)] {
        if let Some(v) = value {
            if !(10..=70).contains(v.get_ref()) {
                return Err(at(v.span(), format!("width {}: give a percentage from 10 to 70", v.get_ref())));
            }
            *slot = *v.get_ref();
        }
    }
    if stories + timeline > 85 {
        let span = d.timeline_width.as_ref().or(d.stories_width.as_ref()).map_or(0..0, |v| v.span());
        return Err(at(
            span,
            format!("the story list and timeline take {}% together: leave the text at least 15%", stories + timeline),
        ));
    }
    settings.display.pane_widths = (stories, timeline);
    if let Some(order) = &d.stories {
        settings.display.stories = crate::state::StoryOrder::from_name(order.get_ref()).ok_or_else(|| {
            at(
                order.span(),
                format!("stories `{}`: use \"unread-first\", \"updated\" or \"as-given\"", order.get_ref()),
            )
        })?;
    }
    if let Some(mouse) = d.mouse {
        settings.display.mouse = mouse;
    }

    // Extra boilerplate rules.
    let base = path.parent().unwrap_or(Path::new("."));
    for rule_file in &file.parse.rules {
        let p = base.join(rule_file.get_ref());
        let text = std::fs::read_to_string(&p)
            .map_err(|e| at(rule_file.span(), format!("rules file {}: {e}", p.display())))?;
        settings.rules.add_text(&text, &p.display().to_string()).map_err(|e| at(rule_file.span(), e.to_string()))?;
    }
    Ok(settings)
}

/// The key maps: per mode, listed actions replace their defaults; keys they take leave the
/// mode's other actions.
fn keymap(
    keys: &BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    at: &dyn Fn(std::ops::Range<usize>, String) -> ConfigError,
) -> Result<KeyMap, ConfigError> {
    // (mode, action, keys, span of the name, span of the keys), in the file's order.
    let mut listed = Vec::new();
    let mut entries: Vec<_> = keys.iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    let as_keys = |v: &toml::Value, span: std::ops::Range<usize>| -> Result<Vec<String>, ConfigError> {
        let list = v.as_array().ok_or_else(|| at(span.clone(), "give a list of keys, such as [\"q\"]".into()))?;
        list.iter()
            .map(|k| k.as_str().map(str::to_string).ok_or_else(|| at(span.clone(), "keys are strings".into())))
            .collect()
    };
    for (name, value) in entries {
        match value.get_ref() {
            toml::Value::Table(actions) => {
                let Some(mode) = KeyMode::from_name(name.get_ref()).filter(|m| *m != KeyMode::Normal) else {
                    return Err(at(
                        name.span(),
                        format!(
                            "unknown key mode `{}` (modes: help_overlay, tag_picker, prompt, link_picker)",
                            name.get_ref()
                        ),
                    ));
                };
                for (action, list) in actions {
                    listed.push((mode, action.clone(), as_keys(list, value.span())?, value.span(), value.span()));
                }
            }
            v => listed.push((
                KeyMode::Normal,
                name.get_ref().clone(),
                as_keys(v, value.span())?,
                name.span(),
                value.span(),
            )),
        }
    }
    let mut table = keys::default_table();
    // Per mode, which key the file gave to which action.
    let mut claimed: BTreeMap<(KeyMode, String), String> = BTreeMap::new();
    for (mode, name, keys, name_span, keys_span) in &listed {
        if crate::state::Action::from_name(name).is_none() {
            let known: Vec<&str> = table.iter().filter(|r| r.0 == *mode).map(|r| r.1.as_str()).collect();
            return Err(at(name_span.clone(), format!("unknown action `{name}` (actions: {})", known.join(", "))));
        }
        for key in keys {
            let parsed = crate::keys::parse_keys(key).map_err(|e| at(keys_span.clone(), e))?;
            if parsed.len() != 1 {
                return Err(at(keys_span.clone(), format!("`{key}` is not one key")));
            }
            if let Some(other) = claimed.insert((*mode, key.clone()), name.clone())
                && other != *name
            {
                return Err(at(
                    keys_span.clone(),
                    format!("key `{key}` is bound to two actions: `{other}` and `{name}`"),
                ));
            }
        }
        match table.iter_mut().find(|r| r.0 == *mode && r.1 == *name) {
            Some(row) => row.2 = keys.clone(),
            None => table.push((*mode, name.clone(), keys.clone())),
        }
    }
    for (mode, name, keys) in &mut table {
        if !listed.iter().any(|l| l.0 == *mode && l.1 == *name) {
            keys.retain(|k| !claimed.contains_key(&(*mode, k.clone())));
        }
    }
    KeyMap::from_table(&table).map_err(|e| at(0..0, e))
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..text.floor_char_boundary(offset.min(text.len()))];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Whether the terminal should get colours: not with NO_COLOR set (no-color.org), nor on a
/// terminal that says it has none.
pub fn colour_wanted() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    !no_color && !dumb
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> ConfigError {
        parse(text, Path::new("c.toml")).unwrap_err()
    }

    #[test]
    fn the_default_file_is_the_defaults() {
        let s = parse(DEFAULT_CONFIG, Path::new("default.toml")).unwrap();
        assert_eq!(s.theme, Theme::default());
        assert_eq!(s.display, Display::default());
        assert_eq!(s.keymap.help(), KeyMap::default().help());
    }

    #[test]
    fn rebinding_takes_the_key_from_its_default_action() {
        let s = parse("[keys]\nquit = [\"x\"]\nnext_entry = [\"]\", \"<C-n>\"]\n", Path::new("c.toml")).unwrap();
        let help = s.keymap.help();
        assert!(help.iter().any(|(k, d)| k == "x" && *d == "quit"));
        assert!(help.iter().any(|(k, _)| k == "] <C-n>"));
        let s = parse("[keys]\nquit = [\"j\"]\n", Path::new("c.toml")).unwrap();
        assert!(s.keymap.help().iter().any(|(k, d)| k == "<Down>" && d.starts_with("move down")));
    }

    #[test]
    fn each_mode_has_its_own_table() {
        let s = parse(
            "[keys]\nquit = [\"x\"]\n[keys.tag_picker]\ntoggle_tag = [\"x\", \"<Space>\"]\ncancel = [\"<Esc>\"]\n",
            Path::new("c.toml"),
        )
        .unwrap();
        let key = |k: &str| crate::keys::parse_keys(k).unwrap()[0];
        let picker = crate::state::Mode::Tags(crate::state::TagPicker {
            tags: Vec::new(),
            cursor: 0,
            chosen: Default::default(),
        });
        assert_eq!(s.keymap.action(&picker, key("x")), Some(crate::state::Action::ToggleTag));
        assert_eq!(s.keymap.action(&picker, key("q")), None, "cancel listed: loses its default keys");
        assert_eq!(s.keymap.action(&crate::state::Mode::Normal, key("x")), Some(crate::state::Action::Quit));
        let e = err("[keys.nope]\nquit = [\"x\"]\n");
        assert!(e.message.contains("unknown key mode `nope`"), "{e}");
        let e = err("[keys.help_overlay]\ncancel = [\"x\"]\nhelp = [\"x\"]\n");
        assert!(e.message.contains("bound to two actions"), "{e}");
    }

    #[test]
    fn invalid_files_name_line_and_column() {
        let e = err("[keys]\nquit = [\"q\"\n");
        assert_eq!(e.line, 2, "{e}");
        let e = err("[display]\nzoom = 3\n");
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.contains("unknown field"), "{e}");
        let e = err("[keys]\nteleport = [\"x\"]\n");
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.contains("unknown action `teleport`"));
        let e = err("[keys]\nquit = [\"x\"]\nhelp = [\"x\"]\n");
        assert_eq!(e.line, 3);
        assert!(e.message.contains("bound to two actions"), "{e}");
        let e = err("[display]\nzone = \"Mars/Olympus\"\n");
        assert!(e.message.contains("IANA"), "{e}");
        let e = err("[theme]\naccent = \"plaid\"\n");
        assert_eq!((e.line, e.column), (2, 10));
        assert!(e.to_string().starts_with("c.toml:2:10: unknown colour"));
    }

    #[test]
    fn theme_colours() {
        let s = parse("[theme]\nselection = \"blue\"\nnew_mark = \"#00ff00\"\ntags = [\"red\"]\n", Path::new("c.toml"))
            .unwrap();
        use ratatui::style::{Color, Modifier, Style};
        assert_eq!(s.theme.selection, Style::new().bg(Color::Blue).add_modifier(Modifier::BOLD));
        assert_eq!(s.theme.new_mark, Style::new().fg(Color::Rgb(0, 255, 0)));
        assert_eq!(s.theme.tag_colour("anything"), Color::Red);
        // A role may be a whole style.
        let s = parse("[theme]\naccent = { fg = \"red\", add_modifier = \"BOLD | ITALIC\" }\n", Path::new("c.toml"))
            .unwrap();
        assert_eq!(s.theme.accent, Style::new().fg(Color::Red).add_modifier(Modifier::BOLD | Modifier::ITALIC));
        assert_eq!(s.theme.dim, Theme::default().dim, "roles left out keep their default");
        let e = err("[theme]\nshade = \"red\"\n");
        assert!(e.message.contains("unknown field"), "{e}");
    }

    #[test]
    fn display_settings() {
        let s = parse(
            "[display]\norder = \"oldest-first\"\nzone = \"Europe/Paris\"\nstories_width = 30\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(s.display.order, Order::OldestFirst);
        assert_eq!(s.display.zone, ZoneShown::Named(chrono_tz::Europe::Paris));
        assert_eq!(s.display.pane_widths, (30, 36));
    }

    #[test]
    fn extra_rule_files_are_relative_to_the_config() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("mine.rules"), "newsletter: Abonnez-vous.*\n").unwrap();
        let s = parse("[parse]\nrules = [\"mine.rules\"]\n", &dir.path().join("config.toml")).unwrap();
        assert_eq!(s.rules.matching("Abonnez-vous à la lettre").unwrap().name, "newsletter");
        let e = parse("[parse]\nrules = [\"missing.rules\"]\n", &dir.path().join("config.toml")).unwrap_err();
        assert!(e.message.contains("missing.rules"));
    }
}
