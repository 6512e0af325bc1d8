//! The colours of the reader, by role. `Theme::default()` is the built-in one; the
//! configuration file's `[theme]` changes roles; `Theme::monochrome()` (NO_COLOR, or a
//! terminal without colour) uses none and marks with brackets and reverse video instead.

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Deserializer};

/// The reader's styles by role, read straight from the configuration's `[theme]`: a role is
/// a colour (`accent = "cyan"`) or a ratatui style (`accent = { fg = "cyan", add_modifier =
/// "BOLD" }`). Adding a role is adding a field here (and its line in `assets/config.toml`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Theme {
    /// Colours at all: without them, tags are bracketed and matches in reverse video.
    #[serde(skip)]
    pub colour: bool,
    /// Focused pane borders, clocks, key names.
    #[serde(deserialize_with = "fg")]
    pub accent: Style,
    /// Borders of panes without focus, captions, hints.
    #[serde(deserialize_with = "fg")]
    pub dim: Style,
    /// Status messages, prompts.
    #[serde(deserialize_with = "fg")]
    pub warning: Style,
    #[serde(deserialize_with = "fg")]
    pub error: Style,
    /// Headlines in the timeline that match the search.
    #[serde(deserialize_with = "fg")]
    pub matched: Style,
    /// Search matches in the text: their text, then their background.
    #[serde(deserialize_with = "fg")]
    pub match_fg: Style,
    #[serde(deserialize_with = "bg")]
    pub match_bg: Style,
    /// ● new entries.
    #[serde(deserialize_with = "fg")]
    pub new_mark: Style,
    /// • unread entries.
    #[serde(deserialize_with = "fg")]
    pub unread_mark: Style,
    /// ✎ edited entries.
    #[serde(deserialize_with = "fg")]
    pub edited_mark: Style,
    #[serde(deserialize_with = "fg")]
    pub link: Style,
    /// Words an edit removed (`[-…-]`) and added (`{+…+}`) in the diff.
    #[serde(deserialize_with = "fg")]
    pub deleted: Style,
    #[serde(deserialize_with = "fg")]
    pub inserted: Style,
    /// Tag labels' text (their background is picked from `tags`).
    #[serde(deserialize_with = "fg")]
    pub tag_fg: Style,
    /// The selected row: reverse video, or a colour as its background.
    #[serde(deserialize_with = "selection")]
    pub selection: Style,
    /// Tag label backgrounds; a tag's colour is picked from these by its folded name.
    #[serde(deserialize_with = "colours")]
    pub tags: Vec<Color>,
}

/// A role as written: a colour, or a whole style.
#[derive(Deserialize)]
#[serde(untagged)]
enum Written {
    Colour(String),
    Style(Style),
}

fn colour<E: serde::de::Error>(name: &str) -> Result<Color, E> {
    name.parse::<Color>().map_err(|_| E::custom(format!("unknown colour `{name}`")))
}

/// A role whose colour, when only a colour is written, is the text's.
fn fg<'de, D: Deserializer<'de>>(d: D) -> Result<Style, D::Error> {
    Ok(match Written::deserialize(d)? {
        Written::Colour(c) => Style::new().fg(colour(&c)?),
        Written::Style(s) => s,
    })
}

/// A role whose colour, when only a colour is written, is the background.
fn bg<'de, D: Deserializer<'de>>(d: D) -> Result<Style, D::Error> {
    Ok(match Written::deserialize(d)? {
        Written::Colour(c) => Style::new().bg(colour(&c)?),
        Written::Style(s) => s,
    })
}

fn selection<'de, D: Deserializer<'de>>(d: D) -> Result<Style, D::Error> {
    Ok(bg(d)?.add_modifier(Modifier::BOLD))
}

/// A list of colours; an empty one keeps the built-in colours.
fn colours<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Color>, D::Error> {
    let names = Vec::<String>::deserialize(d)?;
    if names.is_empty() {
        return Ok(TAG_COLOURS.to_vec());
    }
    names.iter().map(|n| colour(n)).collect()
}

impl Default for Theme {
    fn default() -> Self {
        let fg = |c| Style::new().fg(c);
        Theme {
            colour: true,
            accent: fg(Color::Cyan),
            dim: fg(Color::DarkGray),
            warning: fg(Color::Yellow),
            error: fg(Color::Red),
            matched: fg(Color::Yellow),
            match_fg: fg(Color::Black),
            match_bg: Style::new().bg(Color::Yellow),
            new_mark: fg(Color::Green),
            unread_mark: fg(Color::DarkGray),
            edited_mark: fg(Color::Magenta),
            link: fg(Color::Blue),
            deleted: fg(Color::Red).add_modifier(Modifier::CROSSED_OUT),
            inserted: fg(Color::Green).add_modifier(Modifier::BOLD),
            tag_fg: fg(Color::Black),
            selection: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            tags: TAG_COLOURS.to_vec(),
        }
    }
}

impl Theme {
    /// No colour at all (no-color.org): plain text, the selection in reverse video.
    pub fn monochrome() -> Self {
        let plain = Style::new();
        Theme {
            colour: false,
            accent: plain,
            dim: plain,
            warning: plain,
            error: plain,
            matched: plain,
            match_fg: plain,
            match_bg: plain,
            new_mark: plain,
            unread_mark: plain,
            edited_mark: plain,
            link: plain,
            deleted: plain,
            inserted: plain,
            tag_fg: plain,
            selection: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            tags: vec![Color::Reset],
        }
    }

    /// A stable colour for a folded tag: the same tag has the same colour in every story and run.
    pub fn tag_colour(&self, key: &str) -> Color {
        let mut hash = crate::model::Fnv::default();
        hash.write(key.as_bytes());
        let i = (hash.finish() % self.tags.len().max(1) as u64) as usize;
        self.tags.get(i).copied().unwrap_or(Color::Reset)
    }

    /// The style of search matches: colours, or reverse video without them.
    pub(super) fn match_style(&self, base: Style) -> Style {
        if self.colour { base.patch(self.match_fg).patch(self.match_bg) } else { base.add_modifier(Modifier::REVERSED) }
    }
}

const TAG_COLOURS: [Color; 10] = [
    Color::Cyan,
    Color::Green,
    Color::Yellow,
    Color::Magenta,
    Color::Blue,
    Color::LightRed,
    Color::LightCyan,
    Color::LightGreen,
    Color::LightMagenta,
    Color::LightBlue,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_colours_are_stable() {
        let t = Theme::default();
        assert_eq!(t.tag_colour("diplomatie"), t.tag_colour("diplomatie"));
        let distinct: std::collections::HashSet<_> =
            ["diplomatie", "aide militaire", "coree du nord", "opposant", "elections en moldavie"]
                .iter()
                .map(|k| t.tag_colour(k))
                .collect();
        assert!(distinct.len() >= 3);
        assert_eq!(Theme::monochrome().tag_colour("diplomatie"), Color::Reset);
    }
}
