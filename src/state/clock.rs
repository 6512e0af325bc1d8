//! Time as the reader shows it: an entry's date-time in the zone shown, its clock, its age
//! counted from the last tick, the zone's label and the date line under a headline. "Now"
//! and the local offset come in with [`super::Action::Tick`]: nothing here reads a clock.

use super::{Reader, ZoneShown};
use crate::model::{Clock, Entry, Story, When};
use chrono::{DateTime, FixedOffset, NaiveDateTime};

/// Ages are shown up to this many days; older entries show their date.
const AGES_UP_TO_DAYS: i64 = 7;

impl Reader {
    /// The date-time an entry is shown at, in the zone shown. Zone-less times stay as printed.
    pub fn shown_at(&self, entry: &Entry) -> Option<NaiveDateTime> {
        match entry.at? {
            When::Zoned(t) => Some(match self.zone {
                ZoneShown::Source => t.naive_local(),
                ZoneShown::Utc => t.naive_utc(),
                ZoneShown::Local => t.with_timezone(&self.local_offset()).naive_local(),
                ZoneShown::Named(tz) => t.with_timezone(&tz).naive_local(),
            }),
            When::Local(t) => Some(t),
        }
    }

    /// The clock shown for an entry: its converted time, else the clock as printed.
    pub fn shown_clock(&self, entry: &Entry) -> Option<Clock> {
        self.shown_at(entry).map(|t| Clock::from_time(t.time())).or(entry.clock)
    }

    /// The user's local offset, as the last tick gave it (UTC before any tick).
    pub fn local_offset(&self) -> FixedOffset {
        self.now.map_or_else(|| FixedOffset::east_opt(0).expect("zero offset"), |n| *n.offset())
    }

    /// A tick: the time now and the local offset. Dates shown in the local zone are
    /// recomputed when the offset changed (a move across a daylight-saving change).
    pub(super) fn tick(&mut self, now: DateTime<FixedOffset>) {
        let offset_changed = self.now.is_none_or(|n| n.offset() != now.offset());
        self.now = Some(now);
        if offset_changed && self.zone == ZoneShown::Local {
            self.refresh_all();
        }
    }

    /// How long ago an entry was posted (`12 min`, `3 h`, `2 d`), when its instant and the
    /// time now are known.
    pub fn age(&self, entry: &Entry) -> Option<String> {
        let Some(When::Zoned(t)) = entry.at else { return None };
        let now = self.now?;
        let minutes = (now.to_utc() - t.with_timezone(&chrono::Utc)).num_minutes();
        Some(match minutes {
            m if m < 0 => "soon".into(),
            0 => "now".into(),
            m if m < 60 => format!("{m} min"),
            m if m < 48 * 60 => format!("{} h", m / 60),
            m if m < AGES_UP_TO_DAYS * 24 * 60 => format!("{} d", m / (24 * 60)),
            // An old page: its date says more than "761 d".
            _ => t.format("%-d %b").to_string(),
        })
    }

    /// The name of the zone shown for a story.
    pub fn zone_label(&self, story: &Story) -> String {
        match self.zone {
            ZoneShown::Source if self.all => "page time".into(),
            ZoneShown::Source => story.zone.map_or_else(|| "page time".to_string(), |z| z.name().to_string()),
            ZoneShown::Utc => "UTC".into(),
            ZoneShown::Local => format!("local {}", self.local_offset()),
            ZoneShown::Named(tz) => tz.name().to_string(),
        }
    }

    /// The line under an entry's headline: date, time, zone, tag, update stamp, and whether
    /// it was edited (with the key that shows what changed, when one is bound).
    pub fn meta_line(&self, story: &Story, entry: &Entry) -> String {
        let mut parts = Vec::new();
        match self.shown_at(entry) {
            Some(t) => parts.push(t.format("%a %-d %b %Y · %H:%M").to_string()),
            None => parts.extend(entry.clock.map(|c| c.to_string())),
        }
        if entry.clock.is_some() {
            // In the page's time, an entry's own page names it, on "All stories" too.
            let zone = match entry.at {
                Some(When::Zoned(_)) if self.zone != ZoneShown::Source => self.zone_label(story),
                _ => story.zone.map_or("page time".into(), |z| z.name().to_string()),
            };
            parts.push(zone);
        }
        if let Some(tag) = entry.tag {
            parts.push(story.str(tag).to_string());
        }
        if let Some(updated) = entry.updated {
            parts.push(format!("updated {updated}"));
        }
        if let Some(index) = story.entries.iter().position(|e| std::ptr::eq(e, entry))
            && let Some(view) = self.stories.iter().position(|s| std::ptr::eq(s, story)).map(|s| &self.views[s])
            && view.marks.get(index).is_some_and(|m| m.edited)
        {
            // The same key goes back from the diff to the text.
            let what = if self.show_diff { "back to the text" } else { "what changed" };
            parts.push(match &self.diff_key {
                Some(key) => format!("edited ({key}: {what})"),
                None => "edited".into(),
            });
        }
        parts.join(" · ")
    }
}
