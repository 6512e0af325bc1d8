//! The passes over the whole page that decide which of its stamps are entries: a stamp shape
//! seen once is the page's dateline, two families of stamps keep the larger, a run of stamps
//! with short titles is a key-events summary or a menu, a time above the page's dateline
//! stands in its header, bylines may close their posts instead of opening them, and a stamp
//! with nothing to stamp is a time standing in a text.

use super::{Kind, LayoutRule, Line, Lines, stamp_at, text_of};
use crate::parse::time::{self, Shape, Stamp};

/// The passes over the whole page that decide which stamps are entries.
pub(super) fn weigh(out: &mut Lines, text: &str) {
    let rails = byline_rails(out);
    // A dated or byline stamp shape that occurs once is the page's dateline; the dates of
    // related and most-read rails, already set apart, count for no shape.
    let railed =
        |n: &u32| out.lines.get(*n as usize - 1).is_some_and(|l| l.kind == Kind::Furniture(LayoutRule::RelatedDate));
    let count =
        |shape: Shape| out.stamps.iter().zip(&out.stamp_lines).filter(|(s, n)| s.shape == shape && !railed(n)).count();
    let (dated, bylines) = (count(Shape::Dated), count(Shape::Byline) - rails);
    let lone = |n: u32| {
        stamp_at(&out.stamps, &out.stamp_lines, n)
            .is_some_and(|s| (s.shape == Shape::Dated && dated < 2) || (s.shape == Shape::Byline && bylines < 2))
    };
    let kin = super::kin_stamps::kin_of_feed(out, text, lone);
    for line in &mut out.lines {
        if line.kind == Kind::Time && !kin.contains(&line.number) {
            let shape = stamp_at(&out.stamps, &out.stamp_lines, line.number).expect("a time line's stamp").shape;
            if (shape == Shape::Dated && dated < 2) || (shape == Shape::Byline && bylines < 2) {
                line.kind = Kind::Text;
            }
        }
    }
    header_pair(out, text);
    if bylines >= 3 {
        odd_first_byline(out, text);
    }
    if dated >= 3 {
        worded_first_dated(out, text);
        super::dated_form::odd_first_dated(out, text);
        super::dated_form::undated_first_over_dated(out, text);
        super::dated_form::bare_first_in_feed_form(out, text);
    }
    time_lists(out, text);
    // Stamps that open with the clock and stamps that open with a date are two families.
    // Where a page has both, the larger stamps the posts — unless one family lies wholly below
    // the other (posts stamped `9.31am:`, then the comments stamped `22 June 2011 10:06AM`):
    // then the first one does.
    // The newest posts' relative and day-word stamps stand aside (see [`super::newest`]).
    let aside = super::newest::newest_aside(out, text);
    let family = |i: usize, s: &Stamp, leading: bool| s.leading == leading && !aside[i];
    let span = |leading: bool| {
        let mut at = out.lines.iter().enumerate().filter(|(i, l)| out.stamp(l).is_some_and(|s| family(*i, s, leading)));
        let first = at.next().map(|(i, _)| i);
        let (n, last) = at.fold((usize::from(first.is_some()), first), |(n, _), (i, _)| (n + 1, Some(i)));
        (n, first, last)
    };
    let (lead, dated) = (span(true), span(false));
    if lead.0 > 0 && dated.0 > 0 {
        // One stamp above the other family is no family of its own: a header's date-time a
        // dump split over two lines leaves its clock alone on a line (`21:06 IST`).
        // Two stamps above the other family stamp the posts only against a family less than
        // twice as large: two clocks of a ticker over four dated posts are the ticker's
        // (`02:12 pm Wayanad…`); three or more are posts over their comments.
        let holds = |first: usize, second: usize| first >= 3 || first == 2 && first * 2 > second;
        let keep_leading = if dated.1 > lead.2 && holds(lead.0, dated.0) {
            true
        } else if lead.1 > dated.2 && holds(dated.0, lead.0) {
            false
        } else {
            lead.0 >= dated.0
        };
        for (i, line) in out.lines.iter_mut().enumerate() {
            let stamp = stamp_at(&out.stamps, &out.stamp_lines, line.number);
            if line.kind == Kind::Time
                && stamp.is_some_and(|s| s.leading != keep_leading)
                && !aside[i]
                && !line.heading
                && !kin.contains(&line.number)
            {
                line.kind = Kind::Text;
            }
        }
    }
    first_above_dateline(out, text);
    out.trailing = trailing(out, text) || super::closing_marks::closed_by_marks(out, text);
    // A time line only stamps an entry when the entry has something: below it when stamps
    // open their posts, above it when they close them; otherwise it is a time standing alone
    // in a text. A headline on the stamp's own line is something.
    let mut has_content = false;
    let order: Box<dyn Iterator<Item = &mut Line>> =
        if out.trailing { Box::new(out.lines.iter_mut()) } else { Box::new(out.lines.iter_mut().rev()) };
    for line in order {
        match line.kind {
            Kind::Time
                if stamp_at(&out.stamps, &out.stamp_lines, line.number).expect("a time line's stamp").shape
                    == Shape::Inline =>
            {
                has_content = true
            }
            Kind::Time if !has_content => line.kind = Kind::Text,
            Kind::Time => has_content = false,
            // A line saying only which zone the times are in is no post of the stamp above it.
            Kind::Text if !has_content && time::dateline::is_zone_line(text_of(text, line)) => {}
            Kind::Text | Kind::Link => has_content = true,
            _ => {}
        }
    }
    ticker_copies(out, text);
}

/// A box of the latest posts above the feed as copied text shows it, each a clock and a
/// headline on one line (`18:34 The Prime Minister has left…`): three or more in a row whose
/// clocks all stamp posts below are the box's copies, not text of the page's header.
fn ticker_copies(out: &mut Lines, text: &str) {
    let clocks: Vec<_> = out.lines.iter().filter_map(|l| out.stamp(l).map(|s| (l.number, s.clock))).collect();
    let Some(&(last, _)) = clocks.last() else { return };
    let content: Vec<usize> = (0..out.lines.len())
        .filter(|&i| !matches!(out.lines[i].kind, Kind::Blank | Kind::Dropped | Kind::Furniture(_)))
        .collect();
    let opening = |i: usize| {
        let line = &out.lines[i];
        // What the record says first: most lines are turned away without reading their text.
        if line.kind != Kind::Text || line.number >= last {
            return None;
        }
        let t = text_of(text, line);
        let b = t.as_bytes();
        let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=2).contains(&n) || !time::has_clock_bytes(&b[..b.len().min(6)]) {
            return None;
        }
        let clock = crate::model::Clock::new(t[..n].parse().ok()?, t.get(n + 1..n + 3)?.parse().ok()?)?;
        t[n + 3..].starts_with(' ').then_some(clock)
    };
    let below = |i: usize| {
        let (number, clock) = (out.lines[i].number, opening(i));
        clocks.iter().any(|&(n, c)| n > number && Some(c) == clock)
    };
    let (mut k, mut copies) = (0, Vec::new());
    while k < content.len() {
        let run = content[k..].iter().take_while(|&&i| opening(i).is_some()).count();
        let run = &content[k..k + run];
        if run.len() >= 3 && run.iter().all(|&i| below(i)) {
            copies.extend_from_slice(run);
        }
        k += run.len().max(1);
    }
    for i in copies {
        out.lines[i].kind = Kind::Furniture(LayoutRule::TimeList);
    }
}

/// Lines that each end a headline with a date-time, one right under the other (`Miriam Lord:
/// Chambers rides the wave Tue Oct 01 2024 - 19:00`, `Stock market today 3 min read · Dec 03,
/// 2023 05:10 PM IST`), are a rail of related or latest stories: a post's byline always has
/// the post beside it. Two or more in a row are furniture, and count for no family of stamps:
/// how many were taken.
fn byline_rails(out: &mut Lines) -> usize {
    let content: Vec<usize> = (0..out.lines.len())
        .filter(|&i| !matches!(out.lines[i].kind, Kind::Blank | Kind::Dropped | Kind::Furniture(_)))
        .collect();
    // A rail's items share one form: a post's byline with a clock alone (`Par Claire Morel, à
    // 7h32`) right above a rail of dated links is no item of it.
    let byline_dated =
        |out: &Lines, i: usize| out.stamp(&out.lines[i]).filter(|s| s.shape == Shape::Byline).map(|s| s.date.is_some());
    let (mut k, mut taken) = (0, 0);
    while k < content.len() {
        let form = byline_dated(out, content[k]);
        let run = content[k..].iter().take_while(|&&i| form.is_some() && byline_dated(out, i) == form).count();
        if run >= 2 {
            for &i in &content[k..k + run] {
                out.lines[i].kind = Kind::Furniture(LayoutRule::TimeList);
            }
            taken += run;
        }
        k += run.max(1);
    }
    taken
}

/// A time above the page's own dateline (`02 Novembre 2023 Aggiornato alle 16:58`) stands in
/// the site's header — a video's length in a menu — and opens no post: posts never carry the
/// page's dateline. Only the first stamp is looked at, and only up to the next one.
fn first_above_dateline(out: &mut Lines, text: &str) {
    let Some(first) = out.lines.iter().position(|l| matches!(l.kind, Kind::Time)) else { return };
    if out.stamp(&out.lines[first]).is_some_and(|s| s.shape != Shape::Bare) {
        return;
    }
    let header = out.lines[first + 1..]
        .iter()
        .take_while(|l| !matches!(l.kind, Kind::Time))
        .filter(|l| l.kind == Kind::Text)
        .any(|l| {
            let t = text_of(text, l);
            t.len() <= 160
                && time::has_clock_bytes(t.as_bytes())
                && time::datelines(t).iter().any(|p| p.kind != time::DatelineKind::Plain && p.time.is_some())
        });
    if header {
        out.lines[first].kind = Kind::Text;
    }
}

/// Bylines that stamp posts share one form; the page's own byline above them often adds a
/// weekday or a second author (`Jamie Braidwood, Holly Evans Monday 14 August 2023 16:42` over
/// `Jamie Braidwood14 August 2023 16:42`). When the first byline's date has another number of
/// words than every other one, it is the page's dateline.
fn odd_first_byline(out: &mut Lines, text: &str) {
    let form = |line: &Line, stamp: &Stamp| {
        let s = text_of(text, line);
        let from = stamp.rest.map_or(0, |(_, end)| end.min(s.len()));
        s.get(from..).map_or(0, |d| d.split_whitespace().count())
    };
    let bylines: Vec<(usize, usize)> = (0..out.lines.len())
        .filter_map(|i| {
            let stamp = out.stamp(&out.lines[i]).filter(|s| s.shape == Shape::Byline)?;
            Some((i, form(&out.lines[i], stamp)))
        })
        .collect();
    if let [(first, f), rest @ ..] = bylines.as_slice()
        && rest.len() >= 2
        && rest.iter().all(|(_, n)| n == &rest[0].1)
        && *f != rest[0].1
    {
        out.lines[*first].kind = Kind::Text;
    }
}

/// Date-times that stamp posts print no word; the page's own dateline above them says what its
/// date is (`Stand: 28.08.2024 09:12 Uhr` over `28.08.2024 • 09:12 Uhr`). When only the first
/// dated stamp carries such a word, it is the page's dateline.
fn worded_first_dated(out: &mut Lines, text: &str) {
    let dated: Vec<usize> =
        (0..out.lines.len()).filter(|&i| out.stamp(&out.lines[i]).is_some_and(|s| s.shape == Shape::Dated)).collect();
    let worded = |i: usize| time::dateline::has_kind(text_of(text, &out.lines[i]));
    if let [first, rest @ ..] = dated.as_slice()
        && rest.len() >= 2
        && worded(*first)
        && !rest.iter().any(|&i| worded(i))
    {
        out.lines[*first].kind = Kind::Text;
    }
}

/// Runs of three or more stamps each followed by at most one short line before the next
/// (key-events summaries, lists of videos, menus) are not posts.
fn time_lists(out: &mut Lines, text: &str) {
    let content: Vec<usize> = (0..out.lines.len())
        .filter(|&i| !matches!(out.lines[i].kind, Kind::Blank | Kind::Dropped | Kind::Furniture(_)))
        .collect();
    let short = |line: &Line| {
        let s = &text[line.span.start as usize..line.span.end as usize];
        line.kind == Kind::Text && s.chars().count() <= 120 && !s.ends_with('.')
    };
    let mut k = 0;
    while k < content.len() {
        // Collect a run starting at content[k].
        let mut run: Vec<(usize, Option<usize>)> = Vec::new();
        let mut inline = 0;
        let mut j = k;
        while j < content.len() && matches!(out.lines[content[j]].kind, Kind::Time) {
            // `19:42 CET Leaders agree…`: the title stands on the stamp's own line.
            if out.stamp(&out.lines[content[j]]).is_some_and(|s| s.shape == Shape::Inline) {
                let next = content.get(j + 1).copied();
                run.push((content[j], None));
                inline += 1;
                j += 1;
                // The run goes on only through stamps of the same shape: the posts' own stamps
                // may follow right below it.
                if next.and_then(|n| out.stamp(&out.lines[n])).is_some_and(|s| s.shape == Shape::Inline) {
                    continue;
                }
                break;
            }
            let title = content.get(j + 1).filter(|&&n| short(&out.lines[n]));
            let next = j + 1 + usize::from(title.is_some());
            let ends_run = next < content.len() && matches!(out.lines[content[next]].kind, Kind::Time);
            run.push((content[j], title.copied()));
            j = next;
            if !ends_run {
                // The last stamp of a run opens a real post when a body follows its title.
                break;
            }
        }
        // A run of headlines on their stamps' lines is a summary only where every one of its
        // clocks stamps a post again further down: a ticker of one-line posts is not.
        let repeated = inline == 0 || {
            let clock = |i: usize| out.stamp(&out.lines[i]).map(|s| s.clock);
            let below: Vec<_> = content[j.min(content.len())..].iter().filter_map(|&i| clock(i)).collect();
            run.iter().all(|&(i, _)| clock(i).is_some_and(|c| below.contains(&c)))
        };
        let titled = run.iter().filter(|(_, t)| t.is_some()).count() + inline;
        if repeated && (run.len() >= 4 || (run.len() == 3 && titled == 3)) {
            // The last one leads into the feed when its title is followed by more text — unless
            // every clock of the run stamps a post again below (a sticky "latest" box, a
            // summary ending with the newest post): then it was the feed's copy.
            let clock = |i: usize| out.stamp(&out.lines[i]).map(|s| s.clock);
            let below: Vec<_> = content[j.min(content.len())..].iter().filter_map(|&i| clock(i)).collect();
            let copies = run.iter().all(|&(i, _)| clock(i).is_some_and(|c| below.contains(&c)));
            let keep_last = run.last().is_some_and(|(_, t)| t.is_some()) && j < content.len() && !copies;
            let n = run.len() - usize::from(keep_last);
            for &(time, title) in &run[..n] {
                out.lines[time].kind = Kind::Furniture(LayoutRule::TimeList);
                if let Some(t) = title {
                    out.lines[t].kind = Kind::Furniture(LayoutRule::TimeList);
                }
            }
        }
        k = j.max(k + 1);
    }
}

/// Whether the page's stamps close their posts: bylines with a date-time are most of its
/// stamps, there is text above the first one, and next to none below the last one — or, where
/// the page's furniture follows the feed (a "Load more" button, a most-read list), a paragraph
/// of a post above the first stamp and none below the last.
fn trailing(out: &Lines, text: &str) -> bool {
    let times: Vec<usize> = (0..out.lines.len()).filter(|&i| matches!(out.lines[i].kind, Kind::Time)).collect();
    let bylines = times.iter().filter(|&&i| out.stamp(&out.lines[i]).is_some_and(|s| s.shape == Shape::Byline)).count();
    if bylines < 2 || bylines * 2 < times.len() {
        return false;
    }
    let text_in =
        |r: std::ops::Range<usize>| out.lines[r].iter().filter(|l| matches!(l.kind, Kind::Text | Kind::Link)).count();
    let (first, last) = (times[0], *times.last().expect("stamps"));
    let before = text_in(0..first);
    let after = text_in(last + 1..out.lines.len());
    let per_post = text_in(first..last) / (times.len() - 1).max(1);
    // A paragraph ends a sentence on a long line — or, wrapped by a dump, on the line under one.
    let long = |l: &Line| l.kind == Kind::Text && text_of(text, l).chars().count() >= 60;
    let paragraphs = |r: std::ops::Range<usize>| {
        r.filter(|&i| {
            let l = &out.lines[i];
            let ends = text_of(text, l).ends_with(['.', '!', '?', '"', '”', '»']);
            l.kind == Kind::Text && ends && (long(l) || i > 0 && long(&out.lines[i - 1]))
        })
        .count()
    };
    before >= 2
        && (after * 2 < per_post.max(2) || paragraphs(0..first) >= 1 && paragraphs(last + 1..out.lines.len()) == 0)
}

/// A header prints `Published 6th Aug 2024, 07:55 BST` and `Updated 6th Aug 2024, 15:52 BST`
/// on two lines close together (one of each word): the only two dated stamps that open with a `published` /
/// `updated` word are the page's datelines, not a family of posts (which would otherwise
/// outweigh the posts below them, as comments' dates below the posts do).
fn header_pair(out: &mut Lines, text: &str) {
    let worded: Vec<usize> = (0..out.lines.len())
        .filter(|&i| {
            out.lines[i].kind == Kind::Time
                && out
                    .stamp(&out.lines[i])
                    .is_some_and(|s| matches!(s.shape, Shape::Byline | Shape::Dated) && !s.leading)
                && time::dateline::opens_with_kind(text_of(text, &out.lines[i]).trim_start())
        })
        .collect();
    // A header says first when the page was published, then when it was updated: two posts
    // stamped `Publié le …` one above the other are posts.
    let kind = |i: usize| time::dateline::datelines(text_of(text, &out.lines[i])).first().map(|d| d.kind);
    if let [a, b] = worded[..]
        && b - a <= 4
        && kind(a) != kind(b)
    {
        out.lines[a].kind = Kind::Text;
        out.lines[b].kind = Kind::Text;
    }
}
