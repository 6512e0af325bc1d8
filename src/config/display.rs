//! The `[display]` table of the configuration: the timeline's order, the zone shown, the
//! panes' shares of the width, the story list's order and mouse capture. Each value is
//! checked here and a wrong one is refused with its place in the file.

use super::ConfigError;
use crate::state::{Display, Order, ZoneShown};
use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DisplayFile {
    order: Option<Spanned<String>>,
    zone: Option<Spanned<String>>,
    stories_width: Option<Spanned<u16>>,
    timeline_width: Option<Spanned<u16>>,
    mouse: Option<bool>,
    stories: Option<Spanned<String>>,
}

/// The display settings `d` asks for, over the defaults.
pub(super) fn display(
    d: &DisplayFile,
    at: &dyn Fn(std::ops::Range<usize>, String) -> ConfigError,
) -> Result<Display, ConfigError> {
    let mut display = Display::default();
    if let Some(order) = &d.order {
        display.order = match order.get_ref().as_str() {
            "newest-first" => Order::NewestFirst,
            "oldest-first" => Order::OldestFirst,
            other => {
                return Err(at(order.span(), format!("order `{other}`: use \"newest-first\" or \"oldest-first\"")));
            }
        };
    }
    if let Some(zone) = &d.zone {
        display.zone = match zone.get_ref().as_str() {
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
    let (mut stories, mut timeline) = display.pane_widths;
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
    display.pane_widths = (stories, timeline);
    if let Some(order) = &d.stories {
        display.stories = crate::state::StoryOrder::from_name(order.get_ref()).ok_or_else(|| {
            at(
                order.span(),
                format!("stories `{}`: use \"unread-first\", \"updated\" or \"as-given\"", order.get_ref()),
            )
        })?;
    }
    if let Some(mouse) = d.mouse {
        display.mouse = mouse;
    }

    Ok(display)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{err, settings};
    use super::*;

    #[test]
    fn display_settings() {
        let s = settings("[display]\norder = \"oldest-first\"\nzone = \"Europe/Paris\"\nstories_width = 30\n");
        assert_eq!(s.display.order, Order::OldestFirst);
        assert_eq!(s.display.zone, ZoneShown::Named(chrono_tz::Europe::Paris));
        assert_eq!(s.display.pane_widths, (30, 36));
    }

    #[test]
    fn wrong_values_are_refused_where_they_stand() {
        let e = err("[display]\norder = \"random\"\n");
        assert_eq!((e.line, e.column), (2, 9), "{e}");
        assert!(e.message.contains("newest-first"), "{e}");
        let e = err("[display]\nstories_width = 5\n");
        assert!(e.message.contains("from 10 to 70"), "{e}");
        let e = err("[display]\nstories_width = 50\ntimeline_width = 40\n");
        assert_eq!(e.line, 3, "the later of the two widths: {e}");
        assert!(e.message.contains("take 90% together"), "{e}");
        let e = err("[display]\nstories = \"random\"\n");
        assert!(e.message.contains("unread-first"), "{e}");
        let s = settings("[display]\nstories = \"as-given\"\nmouse = false\n");
        assert!(!s.display.mouse);
        assert_eq!(s.display.order, Display::default().order, "what is not given keeps its default");
    }
}
