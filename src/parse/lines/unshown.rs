//! Stamps that print no clock (`5 min ago`, a `<time datetime>` showing a date) weighed
//! against the clocks around them: a relative time right above or below a clock is the same
//! post's (`5 min ago` / `12:50`, as a dump lays out `4m ago12.50 BST`), and the clock the post
//! prints always wins. Sites print relative times on their newest posts and clocks on the
//! older ones, so on a page whose posts run newest first, relative times below the last clock
//! stamp no post: they date comments, related stories, a most-read box. A relative time whose
//! one line repeats the headline of a fuller post below is a key-events summary. A relative
//! time after an `updated` word stamps posts only where the page prints it more than once.

use super::{Kind, LayoutRule, Lines, text_of};
use crate::parse::time::Shape;
use crate::parse::time::relative_inline::{Beside, inline_ago};
use std::collections::HashMap;

/// Marks each stamp without a clock whose nearest line with content, above or below, is a
/// stamp with one as the relative time of that post (`relative-time` in `--explain`).
pub(super) fn beside_clocks(out: &mut Lines, text: &str) {
    if !out.stamps.iter().any(|s| s.unshown.is_some()) {
        return;
    }
    lone_updated(out, text);
    // A dated or byline shape seen once is the page's dateline (see `weigh`), no post's clock.
    let once = |shape: Shape| out.stamps.iter().filter(|s| s.shape == shape).count() < 2;
    let (dateline_dated, dateline_byline) = (once(Shape::Dated), once(Shape::Byline));
    let shows_clock = |out: &Lines, i: usize| {
        out.stamp(&out.lines[i]).is_some_and(|s| {
            s.unshown.is_none()
                && !(s.shape == Shape::Dated && dateline_dated || s.shape == Shape::Byline && dateline_byline)
        })
    };
    // Only the few stamps without a clock are looked at, and only their neighbours.
    let unshown: Vec<usize> =
        (0..out.lines.len()).filter(|&i| out.stamp(&out.lines[i]).is_some_and(|s| s.unshown.is_some())).collect();
    let mut beside = Vec::new();
    for i in unshown {
        let filled = |j: &usize| out.lines[*j].kind != Kind::Blank;
        let above = (0..i).rev().find(filled);
        let below = (i + 1..out.lines.len()).find(filled);
        if above.is_some_and(|a| shows_clock(out, a)) || below.is_some_and(|b| shows_clock(out, b)) {
            beside.push(i);
        }
    }
    for i in beside {
        out.lines[i].kind = Kind::Furniture(LayoutRule::RelativeTime);
    }
    summaries(out, text);
    // Posts come after the page's headline: a `<time datetime>` above the `h1` is the page's
    // dateline (`<article><time datetime="…">18 July 2024</time><h1>…`), left as text for the
    // header to read.
    if let Some(h1) = out.lines.iter().position(|l| l.h1) {
        for i in 0..h1 {
            if out.stamp(&out.lines[i]).is_some_and(|s| s.unshown.is_some()) {
                out.lines[i].kind = Kind::Text;
            }
        }
    }
}

/// An `updated` word before a relative time (`Aggiornato 3 minuti fa`) stamps posts on a page
/// that prints it on two or more; printed once, it says when the page was last updated and is
/// left as text for the header to read.
fn lone_updated(out: &mut Lines, text: &str) {
    let updated: Vec<usize> = (0..out.lines.len())
        .filter(|&i| {
            out.stamp(&out.lines[i]).is_some_and(|s| s.unshown.is_some() && s.rest.is_none())
                && inline_ago(text_of(text, &out.lines[i])).is_some_and(|(_, b)| b == Beside::Updated)
        })
        .collect();
    if updated.len() < 2 {
        for i in updated {
            if !same_head_as_a_clock(out, text, i) {
                out.lines[i].kind = Kind::Text;
            }
        }
    }
}

/// Whether the line above a stamp repeats the line above a stamp with a clock (`di F. Q.` over
/// `aggiornato 3 minuti fa` as over `16:20`): the post head's byline row, printed for every
/// post, puts a lone `updated` relative time in the feed, the newest post's stamp, not the
/// page's dateline.
fn same_head_as_a_clock(out: &Lines, text: &str, i: usize) -> bool {
    let above = |j: usize| {
        (0..j).rev().find(|&k| out.lines[k].kind != Kind::Blank).map(|k| text_of(text, &out.lines[k]).trim())
    };
    let Some(head) = above(i).filter(|h| !h.is_empty() && h.len() <= 60) else { return false };
    (i + 1..out.lines.len())
        .any(|j| out.stamp(&out.lines[j]).is_some_and(|s| s.unshown.is_none()) && above(j) == Some(head))
}

/// Marks the stamps without a clock below the last post stamped with one, on a page of at
/// least two such posts running newest first. Runs after the page is weighed, so that a list
/// of stories with their relative times goes whole as a time list.
pub(super) fn below_the_feed(out: &mut Lines) {
    if !out.stamps.iter().any(|s| s.unshown.is_some()) {
        return;
    }
    let clocks: Vec<(usize, crate::model::Clock)> = (0..out.lines.len())
        .filter_map(|i| out.stamp(&out.lines[i]).filter(|s| s.unshown.is_none()).map(|s| (i, s.clock)))
        .collect();
    let rising = clocks.windows(2).filter(|p| p[1].1 > p[0].1).count();
    let falling = clocks.windows(2).filter(|p| p[1].1 < p[0].1).count();
    let Some(&(last, _)) = clocks.last() else { return };
    if clocks.len() < 2 || rising > falling {
        return;
    }
    for i in last + 1..out.lines.len() {
        if out.stamp(&out.lines[i]).is_some_and(|s| s.unshown.is_some()) {
            out.lines[i].kind = Kind::Furniture(LayoutRule::RelativeTime);
        }
    }
}

/// A stamp without a clock whose only line repeats the headline of a fuller post further down
/// (`4m ago` / `Power restored` above `4m ago12.50 BST` / `Power restored` / its text) is a
/// key-events summary of one, which the run rule (three or more) cannot see.
fn summaries(out: &mut Lines, text: &str) {
    let filled = |out: &Lines, j: usize| !matches!(out.lines[j].kind, Kind::Blank | Kind::Dropped | Kind::Furniture(_));
    let next = |out: &Lines, i: usize| (i + 1..out.lines.len()).find(|&j| filled(out, j));
    let is_text = |out: &Lines, j: usize| out.lines[j].kind == Kind::Text;
    // Each stamp's headline and whether text follows it: the last stamp with a fuller post
    // under each headline.
    let mut fuller: HashMap<&str, usize> = HashMap::new();
    let mut clocked: HashMap<&str, usize> = HashMap::new();
    let mut single: Vec<(usize, usize, bool)> = Vec::new();
    for i in 0..out.lines.len() {
        let Some(stamp) = out.stamp(&out.lines[i]) else { continue };
        let Some(title) = next(out, i).filter(|&j| is_text(out, j)) else { continue };
        let more = next(out, title).is_some_and(|k| is_text(out, k));
        if more {
            fuller.insert(text_of(text, &out.lines[title]), i);
            if stamp.unshown.is_none() {
                clocked.insert(text_of(text, &out.lines[title]), i);
            }
        }
        // A post of its own under the relative time (`14 mins ago` / the author / headline /
        // paragraphs) is no summary item, though its byline repeats over later posts.
        if stamp.unshown.is_some() && !(more && own_post(out, text, i)) {
            single.push((i, title, more));
        }
    }
    // The last item of a summary may run into the line under the list (`1h ago` / `Jury
    // votes` / `Live feed`): it still repeats a post that prints its clock further down.
    let mut marked = Vec::new();
    for (i, title, more) in single {
        let repeats = if more { &clocked } else { &fuller };
        if repeats.get(text_of(text, &out.lines[title])).is_some_and(|&post| post > i) {
            marked.extend([i, title]);
        }
    }
    for i in marked {
        out.lines[i].kind = Kind::Furniture(LayoutRule::TimeList);
    }
}

/// How much text under a stamp, before the next one, makes it a post rather than a summary
/// item running into the line under the list.
const POST_CHARS: usize = 300;

/// Whether the text lines under the stamp at `i`, up to the next stamp, hold a post's body.
fn own_post(out: &Lines, text: &str, i: usize) -> bool {
    let mut chars = 0;
    for line in out.lines[i + 1..].iter().take_while(|l| l.kind != Kind::Time) {
        if line.kind == Kind::Text {
            chars += text_of(text, line).chars().count();
        }
    }
    chars >= POST_CHARS
}
