//! Moving through time: the next or previous entry in time, the first entry of the next
//! or previous clock hour, the go-to-time prompt, and the next or previous search match.

use super::{Order, Reader, goto};
use crate::model::Entry;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

impl Reader {
    pub(super) fn step_in_time(&mut self, later: bool) {
        // The display order is chronological one way or the other.
        let forward = later == (self.order == Order::OldestFirst);
        let before = self.view().and_then(|v| v.selected);
        self.move_selection(if forward { 1 } else { -1 });
        if self.view().and_then(|v| v.selected) == before {
            self.message = Some(if later { "no later entry".into() } else { "no earlier entry".into() });
        }
    }

    /// The hour an entry falls in, in the zone shown.
    pub(super) fn hour_of(&self, entry: &Entry) -> Option<NaiveDateTime> {
        let t = self.shown_at(entry)?;
        t.date().and_hms_opt(t.hour(), 0, 0)
    }

    pub(super) fn jump_hour(&mut self, next: bool) {
        let (Some(story), Some(view)) = (self.story(), self.view()) else { return };
        let Some(sel) = view.selected else { return };
        let Some(current) = self.hour_of(&story.entries[sel as usize]) else {
            self.message = Some("this entry has no date".into());
            return;
        };
        let mut visible = vec![false; story.entries.len()];
        for &i in &view.visible {
            visible[i as usize] = true;
        }
        let timed: Vec<(NaiveDateTime, u32)> = view
            .chronological()
            .iter()
            .filter(|&&i| visible[i as usize])
            .filter_map(|&i| self.hour_of(&story.entries[i as usize]).map(|h| (h, i)))
            .collect();
        let target_hour = if next {
            timed.iter().map(|(h, _)| *h).find(|h| *h > current)
        } else {
            timed.iter().map(|(h, _)| *h).rfind(|h| *h < current)
        };
        let Some(hour) = target_hour else {
            self.message = Some(if next { "no later hour".into() } else { "no earlier hour".into() });
            return;
        };
        let target = timed.iter().find(|(h, _)| *h == hour).map(|(_, i)| *i);
        self.select_entry(target);
    }

    /// Selects the entry at or just before `time` (on `date`, else the story's latest day),
    /// or the closest after when none is before.
    pub(super) fn go_to(&mut self, date: Option<goto::TypedDate>, time: NaiveTime) -> Result<(), String> {
        let (Some(story), Some(view)) = (self.story(), self.view()) else { return Err("no story".into()) };
        let timed: Vec<(NaiveDateTime, u32)> =
            view.visible.iter().filter_map(|&i| self.shown_at(&story.entries[i as usize]).map(|t| (t, i))).collect();
        let Some(latest) = timed.iter().map(|(t, _)| *t).max() else {
            return Err("no dated entry to go to".into());
        };
        let day = match date {
            None => latest.date(),
            Some(d) => {
                let year = d.year.unwrap_or(latest.date().year());
                NaiveDate::from_ymd_opt(year, d.month, d.day).ok_or("no such date")?
            }
        };
        let target = day.and_time(time);
        let before = timed.iter().filter(|(t, _)| *t <= target).max_by_key(|(t, i)| (*t, view.rank(*i)));
        let after = timed.iter().filter(|(t, _)| *t > target).min_by_key(|(t, i)| (*t, view.rank(*i)));
        let chosen = before.or(after).map(|(_, i)| *i);
        self.select_entry(chosen);
        Ok(())
    }
}
