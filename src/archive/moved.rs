//! Posts stamped only with a relative time keep their place in the archive when that time
//! moves: `5 min ago` on one fetch and `6 min ago` on the next can put the same post a minute
//! apart, which changes the clock its identity is made of. An entry not found by its identity
//! whose stamp is a relative time is the archived entry of the same page with the same
//! headline and text whose instant lies within the time's rounding (a minute for minutes, an
//! hour for hours, a day for days; clocks are read to the minute, so the bound is inclusive)
//! and which the fetch shows under no other identity.

use super::entries::{Stored, when_from_sql};
use crate::model::{EntryRef, Story, When};
use crate::parse::time::relative::{ago_of, ago_rounding};
use rusqlite::{Connection, params};
use std::collections::HashSet;

/// Where each line of a story's text starts: built once a record, and only when an entry is
/// not found by its identity.
pub(super) struct LineStarts(Vec<usize>);

impl LineStarts {
    pub(super) fn of(text: &str) -> LineStarts {
        LineStarts(std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect())
    }

    /// The text of line `number` (counted from 1).
    fn line<'t>(&self, text: &'t str, number: u32) -> Option<&'t str> {
        let i = (number as usize).checked_sub(1)?;
        let start = *self.0.get(i)?;
        let end = self.0.get(i + 1).map_or(text.len(), |&e| e - 1);
        text.get(start..end)
    }
}

/// The id of the archived row `entry` is, moved by its relative time; `None` when its stamp
/// is no relative time or no archived entry fits.
pub(super) fn moved_row(
    conn: &Connection,
    page: i64,
    (story, starts): (&Story, &LineStarts),
    entry: &EntryRef<'_>,
    content: &Stored,
    shown: &HashSet<(u64, u32)>,
) -> rusqlite::Result<Option<i64>> {
    let Some(at) = entry.entry.at else { return Ok(None) };
    let Some(line) = starts.line(&story.text, entry.entry.line) else { return Ok(None) };
    let Some(seconds) = ago_of(line) else { return Ok(None) };
    let rounding = i64::from(ago_rounding(seconds));
    let mut stmt = conn.prepare_cached(
        "SELECT id, identity, repeat, at, zoned FROM entries
         WHERE page_id = ?1 AND headline IS ?2 AND body = ?3 ORDER BY last_seen DESC",
    )?;
    let rows = stmt.query_map(params![page, content.headline, content.body], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            (r.get::<_, i64>(1)? as u64, r.get::<_, u32>(2)?),
            when_from_sql(r.get(3)?, r.get(4)?),
        ))
    })?;
    for row in rows {
        let (id, key, old) = row?;
        if shown.contains(&key) {
            continue;
        }
        if old.is_some_and(|old| apart(old, at) <= rounding) {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Seconds between two instants (their wall clocks when either has no zone).
fn apart(a: When, b: When) -> i64 {
    match (a, b) {
        (When::Zoned(a), When::Zoned(b)) => (a - b).num_seconds().abs(),
        (a, b) => (a.local() - b.local()).num_seconds().abs(),
    }
}
