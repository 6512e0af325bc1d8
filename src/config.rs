//! The configuration file: `$XDG_CONFIG_HOME/liveblog/config.toml` (the platform's
//! equivalent elsewhere) or `--config PATH`, with `[keys]`, `[theme]`, `[display]`,
//! `[parse]`, `[web]` and `[notify]` (the last two read in `web::settings`).
//! `assets/config.toml` is the commented default, embedded. An invalid file stops with its
//! path, line and column and what is wrong: no silent fallback. This module reads the file and
//! places errors; `keys` turns the `[keys]` tables into key maps and `display` checks
//! `[display]`.

mod display;
mod keys;

use crate::keys::KeyMap;
use crate::parse::Rules;
use crate::state::Display;
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
    display: display::DisplayFile,
    #[serde(default)]
    parse: ParseFile,
    #[serde(default)]
    web: crate::web::settings::WebFile,
    #[serde(default)]
    notify: crate::web::settings::NotifyFile,
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
        keymap: keys::keymap(&file.keys, &at)?,
        theme: file.theme,
        display: display::display(&file.display, &at)?,
        rules: Rules::embedded().clone(),
        web: file.web.settings().map_err(|(span, message)| at(span, message))?,
        notify: file.notify.settings().map_err(|(span, message)| at(span, message))?,
    };

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

    /// The settings of a file `c.toml` holding `text` (shared by the submodules' tests).
    pub(super) fn settings(text: &str) -> Settings {
        parse(text, Path::new("c.toml")).unwrap()
    }

    /// Why a file `c.toml` holding `text` is refused.
    pub(super) fn err(text: &str) -> ConfigError {
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
        let s = settings("[theme]\nselection = \"blue\"\nnew_mark = \"#00ff00\"\ntags = [\"red\"]\n");
        use ratatui::style::{Color, Modifier, Style};
        assert_eq!(s.theme.selection, Style::new().bg(Color::Blue).add_modifier(Modifier::BOLD));
        assert_eq!(s.theme.new_mark, Style::new().fg(Color::Rgb(0, 255, 0)));
        assert_eq!(s.theme.tag_colour("anything"), Color::Red);
        // A role may be a whole style.
        let s = settings("[theme]\naccent = { fg = \"red\", add_modifier = \"BOLD | ITALIC\" }\n");
        assert_eq!(s.theme.accent, Style::new().fg(Color::Red).add_modifier(Modifier::BOLD | Modifier::ITALIC));
        assert_eq!(s.theme.dim, Theme::default().dim, "roles left out keep their default");
        let e = err("[theme]\nshade = \"red\"\n");
        assert!(e.message.contains("unknown field"), "{e}");
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
