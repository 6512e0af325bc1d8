//! A closing credit whose date a dump's wrap cut after the clock (`Posted by Hamish Morrison,
//! Senior Political Reporter, at 3.47pm on 4` over `December 2024`, lynx at 80 columns; w3m
//! keeps `… on 4 December` and wraps only `2024`): the second line holds no clock, so
//! [`super::wrapped_stamp`] does not look at it. Joined, the two read as a dated stamp: a first
//! line that was no stamp gives the stamp to the second (the line that ends it, as there), and a
//! first line stamped without its year gives it up there too, with the year the wrap moved down.

use super::{Kind, Lines, text_of};
use crate::parse::time::{self, Shape};

/// The longest second line taken as a date's tail (`December 2024`, `2024`).
const TAIL_MAX: usize = 24;

/// Reads each wrapped date tail under a line with a clock.
pub(super) fn wrapped_date_tails(out: &mut Lines, text: &str) {
    let mut found = Vec::new();
    let mut context: Option<Option<&str>> = None;
    for (i, w) in out.lines.windows(2).enumerate() {
        let (line, next) = (&w[0], &w[1]);
        if !matches!(line.kind, Kind::Text | Kind::Time) || next.kind != Kind::Text || line.number + 1 != next.number {
            continue;
        }
        let (t, n) = (text_of(text, line), text_of(text, next));
        if n.len() > TAIL_MAX
            || !n.starts_with(|c: char| c.is_alphanumeric())
            || time::has_clock_bytes(n.as_bytes())
            || !time::has_clock_bytes(t.as_bytes())
            || !t.ends_with(|c: char| c.is_alphanumeric())
        {
            continue;
        }
        let context = *context.get_or_insert_with(|| crate::parse::words::zone_context(text));
        let Some(joined) = time::stamp(&format!("{t} {n}"), context) else { continue };
        if !matches!(joined.shape, Shape::Byline | Shape::Dated) || joined.unshown.is_some() {
            continue;
        }
        let Some((d, m, Some(y))) = joined.date else { continue };
        // Stamped already with the same clock and day but no year (w3m's `… on 4 December`
        // over `2024`), or no stamp at all (lynx's `… on 4` over `December 2024`): the stamp
        // moves to the line that ends it, and the first line is the text it reads as.
        let yearless = out
            .stamp(line)
            .is_some_and(|s| s.clock == joined.clock && matches!(s.date, Some((sd, sm, None)) if (sd, sm) == (d, m)));
        let unstamped = line.kind == Kind::Text && time::stamp(n, context).is_none();
        if yearless || unstamped {
            let mut stamp = joined;
            // A credit closing its post, as the copy's whole line reads: the weighing of closing
            // stamps counts it so.
            stamp.rest = None;
            stamp.shape = Shape::Byline;
            stamp.date = Some((d, m, Some(y)));
            found.push((i + 1, stamp));
        }
    }
    for (i, stamp) in found {
        out.lines[i - 1].kind = Kind::Text;
        out.add_stamp(i, stamp);
    }
}
