//! The colours of the reader, by role. `Theme::default()` is the built-in one; the
//! configuration file's `[theme]` changes roles; `Theme::monochrome()` (NO_COLOR, or a
//! terminal without colour) uses none and marks with brackets and reverse video instead.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub colour: bool,
    /// Focused pane borders, clocks, key names.
    pub accent: Color,
    /// Borders of panes without focus, captions, hints.
    pub dim: Color,
    pub warning: Color,
    pub error: Color,
    /// Headlines in the timeline that match the search.
    pub matched: Color,
    pub match_fg: Color,
    pub match_bg: Color,
    pub new_mark: Color,
    pub unread_mark: Color,
    pub edited_mark: Color,
    pub link: Color,
    pub tag_fg: Color,
    /// Background of the selected row; `None`: reverse video.
    pub selection: Option<Color>,
    /// Tag label backgrounds; a tag's colour is picked from these by its folded name.
    pub tags: Vec<Color>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            colour: true,
            accent: Color::Cyan,
            dim: Color::DarkGray,
            warning: Color::Yellow,
            error: Color::Red,
            matched: Color::Yellow,
            match_fg: Color::Black,
            match_bg: Color::Yellow,
            new_mark: Color::Green,
            unread_mark: Color::DarkGray,
            edited_mark: Color::Magenta,
            link: Color::Blue,
            tag_fg: Color::Black,
            selection: None,
            tags: TAG_COLOURS.to_vec(),
        }
    }
}

impl Theme {
    /// No colour at all (no-color.org).
    pub fn monochrome() -> Self {
        let r = Color::Reset;
        Theme {
            colour: false,
            accent: r,
            dim: r,
            warning: r,
            error: r,
            matched: r,
            match_fg: r,
            match_bg: r,
            new_mark: r,
            unread_mark: r,
            edited_mark: r,
            link: r,
            tag_fg: r,
            selection: None,
            tags: vec![r],
        }
    }

    /// A stable colour for a folded tag: the same tag has the same colour in every story and run.
    pub fn tag_colour(&self, key: &str) -> Color {
        let mut hash = crate::model::Fnv::default();
        hash.write(key.as_bytes());
        self.tags[(hash.finish() % self.tags.len().max(1) as u64) as usize]
    }

    /// The style of the selected row.
    pub(super) fn selected_style(&self) -> Style {
        match self.selection {
            Some(bg) => Style::new().bg(bg).add_modifier(Modifier::BOLD),
            None => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    /// The style of search matches: colours, or reverse video without them.
    pub(super) fn match_style(&self, base: Style) -> Style {
        if self.colour { base.bg(self.match_bg).fg(self.match_fg) } else { base.add_modifier(Modifier::REVERSED) }
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
