//! Line classification on both cores: what a line is by itself (blank, taken by a rule, a
//! stamp, a day header, text) does not depend on its neighbours, so the text is cut into
//! pieces at line starts and each piece is read in parallel, straight into its place in the
//! page's one line list. What does depend on the lines above — a rule that takes every line
//! below it, or the number above it, related links after a `links-below` rule, the markup's
//! hints — is then settled in one pass down the list, in order, exactly as a single reader
//! going line by line decides it.

use super::{Kind, Line, Lines, is_count, stamp_of, text_of, unshown_of};
use crate::model::Span;
use crate::parse::page::{HintKind, LineHint};
use crate::parse::rules::{Matcher, Rules};
use crate::parse::time::{self, Shape, Stamp};
use rayon::prelude::*;
use std::mem::MaybeUninit;

/// Pieces of at least this many bytes: smaller ones cost more in hand-offs than they gain.
pub(super) const CHUNK: usize = 1 << 20;

/// Text from this size on is read in two pieces at least: a saved 1 MB HTML page renders to
/// about half its bytes, read on one core while the other had nothing left to do.
const HALVED_FROM: usize = 256 << 10;

/// The size of the pieces `text_len` bytes are read in: [`CHUNK`], or half the text when that
/// is less and the text is big enough to be worth two.
pub(super) fn piece_size(text_len: usize) -> usize {
    if (HALVED_FROM..2 * CHUNK).contains(&text_len) { text_len / 2 + 1 } else { CHUNK }
}

/// What one piece found besides its lines: how many time lines, and the rule of each line a
/// rule took (with the line's number), in line order. A time line's stamp is read again when
/// the pieces are put together rather than kept here: a stamp is 72 bytes, and a second list
/// of them left as much memory free but held by the allocator at the parse's peak.
#[derive(Default)]
struct Found {
    stamps: usize,
    ruled: Vec<(u32, u32)>,
    /// The text lines that are a relative time by themselves (`5 min ago`), read here, on
    /// every core: the few that are are settled with the markup's hints below.
    relative: Vec<u32>,
    /// The stamps of the time lines, in line order, when the page is one piece: a small page
    /// (a saved HTML page renders to less than a piece) has no second list to fear, and reading
    /// a stamp again costs a regex search with captures for every stamp that is not a bare clock.
    kept: Vec<Stamp>,
}

/// Splits and classifies the lines of `text`, in pieces of about `chunk` bytes (the whole text
/// in one when it is smaller): the same list, stamps and drops whatever the pieces.
pub(super) fn classify_lines(text: &str, rules: &Rules, hints: &[LineHint], chunk: usize) -> Lines {
    let context = crate::parse::words::zone_context(text);
    let pieces = pieces(text, chunk.max(1));
    // Line `n` ends at the `n`-th line feed (the last one at the end of the text), so each
    // piece knows where its lines go in the list before any is read.
    let count = |&(a, b): &(usize, usize)| memchr::memchr_iter(b'\n', &text.as_bytes()[a..b]).count();
    let counts: Vec<usize> =
        if pieces.len() > 1 { pieces.par_iter().map(count).collect() } else { pieces.iter().map(count).collect() };
    let total = counts.iter().sum::<usize>() + 1;
    let mut list: Vec<Line> = Vec::with_capacity(total);
    let mut jobs = Vec::with_capacity(pieces.len());
    let mut slots = &mut list.spare_capacity_mut()[..total];
    let mut first = 1u32;
    for (k, &(a, b)) in pieces.iter().enumerate() {
        // The last piece also holds the line after the last line feed (maybe empty).
        let n = counts[k] + usize::from(k + 1 == pieces.len());
        let (mine, rest) = slots.split_at_mut(n);
        slots = rest;
        jobs.push((a, b, first, mine));
        first += n as u32;
    }
    let keep = jobs.len() == 1;
    let read = |matcher: &mut Matcher<'_>, (a, b, first, slots)| {
        read_piece(text, (a, b), first, slots, matcher, context, keep)
    };
    // A small page is one piece, read here: no hand-off to another thread. The rules' search
    // caches live as long as the reading: one a piece read at once (a cache learns the set's
    // states as it goes, so pieces pass them on), all dropped when the lines are read.
    let found: Vec<Found> = if jobs.len() > 1 {
        let idle = std::sync::Mutex::new(Vec::new());
        let reuse = |job| {
            let taken = idle.lock().expect("no panic holds the lock").pop();
            let mut matcher = taken.unwrap_or_else(|| rules.matcher());
            let found = read(&mut matcher, job);
            idle.lock().expect("no panic holds the lock").push(matcher);
            found
        };
        jobs.into_par_iter().map(reuse).collect()
    } else {
        let mut matcher = rules.matcher();
        jobs.into_iter().map(|job| read(&mut matcher, job)).collect()
    };
    // SAFETY: the slots were cut from the first `total` of the capacity without overlap, and
    // `read_piece` wrote each of its slots once (it asserts it filled exactly its share).
    unsafe { list.set_len(total) };
    settle(text, list, found, rules, hints, context)
}

/// Where the pieces start and end: byte ranges that together are the text, each ending just
/// after a line feed (the last at the end of the text), so that no line, CRLF pair or
/// character is cut.
fn pieces(text: &str, chunk: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while start + chunk < bytes.len() {
        match memchr::memchr(b'\n', &bytes[start + chunk - 1..]) {
            Some(i) if start + chunk + i < bytes.len() => {
                let end = start + chunk + i;
                out.push((start, end));
                start = end;
            }
            _ => break,
        }
    }
    out.push((start, bytes.len()));
    out
}

/// Reads the lines of one piece, `first` being the number of its first line, into `slots`.
fn read_piece(
    text: &str,
    (from, to): (usize, usize),
    first: u32,
    slots: &mut [MaybeUninit<Line>],
    rules: &mut Matcher<'_>,
    context: Option<&str>,
    keep: bool,
) -> Found {
    let bytes = text.as_bytes();
    let mut found = Found::default();
    let mut start = from;
    let mut filled = 0;
    loop {
        let end = memchr::memchr(b'\n', &bytes[start..to]).map_or(to, |i| start + i);
        let number = first + filled as u32;
        let raw = &text[start..end];
        let trimmed = raw.trim();
        let offset = start + (trimmed.as_ptr() as usize - raw.as_ptr() as usize);
        let mut span = Span::new(offset, offset + trimmed.len());
        let kind = if trimmed.is_empty() {
            Kind::Blank
        } else if let Some((name, _)) = rules.matching_index(trimmed) {
            found.ruled.push((number, name as u32));
            Kind::Dropped
        } else if let Some((stamp, bullet)) = stamp_of(trimmed, context) {
            // A dump's list bullet (`  • vor 6 Min.16:48 Uhr`) is no part of the stamp line.
            span.start += bullet as u32;
            found.stamps += 1;
            if keep {
                found.kept.push(stamp);
            }
            Kind::Time
        } else {
            if unshown_of(trimmed, None, false).is_some() {
                found.relative.push(number);
            }
            if time::day_header(trimmed).is_some() {
                // Or a related link, when a `links-below` rule stands above: see `settle`.
                Kind::DayHeader
            } else {
                Kind::Text
            }
        };
        slots[filled].write(Line { span, number, kind, heading: false, h1: false });
        filled += 1;
        // A piece ends just after a line feed, except the last, which ends with the text.
        if end == to {
            break;
        }
        start = end + 1;
        if start == to && to != bytes.len() {
            break;
        }
    }
    assert_eq!(filled, slots.len(), "a piece fills exactly its lines");
    found
}

/// The pass down the list that settles what depends on the lines above, and the hints.
fn settle(
    text: &str,
    lines: Vec<Line>,
    found: Vec<Found>,
    rules: &Rules,
    hints: &[LineHint],
    context: Option<&str>,
) -> Lines {
    let n_stamps = found.iter().map(|f| f.stamps).sum();
    let mut out = Lines {
        lines,
        stamps: Vec::with_capacity(n_stamps),
        stamp_lines: Vec::with_capacity(n_stamps),
        drops: Vec::with_capacity(found.iter().map(|f| f.ruled.len()).sum()),
        ..Lines::default()
    };
    let mut ruled = found.iter().flat_map(|f| f.ruled.iter().copied());
    let mut relative = found.iter().flat_map(|f| f.relative.iter().copied()).peekable();
    let mut kept = found.iter().flat_map(|f| f.kept.iter().copied());
    let mut rest_rule: Option<usize> = None;
    let mut links_below = false;
    let mut hints = hints.iter().peekable();
    for i in 0..out.lines.len() {
        let number = out.lines[i].number;
        let (mut time_hint, mut post_start, mut instant) = (false, false, None);
        while let Some(h) = hints.next_if(|h| h.line <= number) {
            if h.line == number {
                match h.kind {
                    HintKind::Time { instant: at } => {
                        time_hint = true;
                        instant = instant.or(at);
                    }
                    HintKind::Heading(level) => {
                        out.lines[i].heading = true;
                        out.lines[i].h1 |= level == 1;
                    }
                    HintKind::PostStart => {
                        out.lines[i].heading = true;
                        post_start = true;
                    }
                }
            }
        }
        // What the piece read of a line, taken in step whether or not it still stands.
        let rule = (out.lines[i].kind == Kind::Dropped).then(|| ruled.next().expect("a ruled line's rule").1 as usize);
        let read = if out.lines[i].kind == Kind::Time { kept.next() } else { None };
        if let Some(rest) = rest_rule {
            if out.lines[i].kind != Kind::Blank {
                out.lines[i].kind = Kind::Dropped;
                out.drops.push((number, rest as u32));
            }
            continue;
        }
        match out.lines[i].kind {
            Kind::Dropped => {
                let name = rule.expect("read above");
                let flags = rules.rule(name);
                if flags.rest {
                    rest_rule = Some(name);
                }
                if flags.count_above && i > 0 && is_count(text_of(text, &out.lines[i - 1])) {
                    out.drop_line(i - 1, name);
                }
                links_below = flags.links_below;
                out.drops.push((number, name as u32));
            }
            Kind::Time => {
                // The span starts after a bullet: the text the stamp was read from.
                let mut stamp =
                    read.or_else(|| time::stamp(text_of(text, &out.lines[i]), context)).expect("a time line's stamp");
                links_below = false;
                // The markup vouches for a `<time>` line: whatever its shape, it stamps a post.
                if time_hint && stamp.shape != Shape::Inline {
                    stamp.shape = Shape::Bare;
                }
                out.stamps.push(stamp);
                out.stamp_lines.push(number);
            }
            Kind::Text | Kind::DayHeader => {
                // A post stamped only `5 min ago`, or by a `<time datetime>` showing no clock:
                // the hints say which, so this waits for them here.
                // Without a hint only a relative time stamps a line, and the pieces found those.
                // (Those under a rule that took every line below were passed over.)
                while relative.next_if(|&n| n < number).is_some() {}
                let candidate = relative.next_if_eq(&number).is_some() || instant.is_some() || post_start;
                if let Some((stamp, bullet)) =
                    candidate.then(|| unshown_of(text_of(text, &out.lines[i]), instant, post_start)).flatten()
                {
                    links_below = false;
                    out.lines[i].span.start += bullet as u32;
                    out.lines[i].kind = Kind::Time;
                    out.stamps.push(stamp);
                    out.stamp_lines.push(number);
                } else if links_below && crate::parse::structure::headline_like(text_of(text, &out.lines[i])) {
                    out.lines[i].kind = Kind::Link;
                } else if out.lines[i].kind == Kind::Text {
                    links_below = false;
                }
            }
            _ => {}
        }
    }
    out
}
