//! A related article's own date right under the heading of a related block (`Mehr zum Thema` /
//! `26.08.2024, 10:12 Uhr` / its title, a teaser inside a post): the date-time belongs to the
//! article the link leads to and stamps no post. Only a stamp that prints its date counts —
//! a bare clock after a "Read more" block starts the next post — and only right under the
//! heading (`related-block` in `assets/boilerplate.rules`, a rule flagged `links-below`), or
//! under a teaser's title that stands right under it (`Read More` / title / date) when no
//! headline and paragraph follow the date.

use super::{Kind, LayoutRule, Lines, text_of};
use crate::parse::rules::Rules;
use crate::parse::time::{Shape, Stamp};

/// Marks such dates (`related-date` in `--explain`), and the title under each as a link: each
/// dated item of the block, down to the first line that is neither.
pub(super) fn related_dates(out: &mut Lines, text: &str, rules: &Rules) {
    let filled = |out: &Lines, j: usize| out.lines[j].kind != Kind::Blank;
    let mut dates = Vec::new();
    let mut titles = Vec::new();
    for i in 0..out.lines.len() {
        if !out.dropped_rule(&out.lines[i]).is_some_and(|r| rules.rule(r).links_below) {
            continue;
        }
        let below: Vec<usize> = (i + 1..out.lines.len()).filter(|&j| filled(out, j)).take(ITEMS * 2 + 1).collect();
        let dated_at = |n: usize| below.get(n).is_some_and(|&j| out.stamp(&out.lines[j]).is_some_and(dated));
        // A teaser's title with its date under it (`Read More` / title / `29 August 2023 18:30`),
        // unless a headline and a paragraph follow the date: then it is the next post's.
        if !dated_at(0)
            && dated_at(1)
            && let Some(&title) = below.first()
            && matches!(out.lines[title].kind, Kind::Text | Kind::Link)
            && (out.lines[title].span.end - out.lines[title].span.start) as usize <= TITLE_BYTES
            && !below.get(3).is_some_and(|&p| paragraph(out, text, p))
        {
            titles.push(title);
            dates.push(below[1]);
            continue;
        }
        // Only a block whose first line is a dated item: a plain list of links stays as it is.
        if !dated_at(0) {
            continue;
        }
        // Dated items, each with at most one title line under it.
        let mut titled = true;
        for (n, &j) in below.iter().enumerate() {
            let line = &out.lines[j];
            // A later date whose title has a paragraph under it is the next post's.
            let post = n > 0 && below.get(n + 2).is_some_and(|&p| paragraph(out, text, p));
            match line.kind {
                Kind::Time if !post && out.stamp(line).is_some_and(dated) => {
                    dates.push(j);
                    titled = false;
                }
                Kind::Text | Kind::Link if !titled && (line.span.end - line.span.start) as usize <= TITLE_BYTES => {
                    titles.push(j);
                    titled = true;
                }
                _ => break,
            }
        }
    }
    for i in dates {
        out.lines[i].kind = Kind::Furniture(LayoutRule::RelatedDate);
    }
    for i in titles {
        out.lines[i].kind = Kind::Link;
    }
}

/// A date-time alone on its line: an item whose title shares its line (`Title Tue Oct 01 2024 -
/// 14:30`) is left to the weighing of time lists.
fn dated(stamp: &Stamp) -> bool {
    stamp.date.is_some() && stamp.shape == Shape::Dated
}

/// A post's paragraph: a long line of text ending a sentence.
fn paragraph(out: &Lines, text: &str, i: usize) -> bool {
    let t = text_of(text, &out.lines[i]);
    out.lines[i].kind == Kind::Text && t.chars().count() >= 60 && t.ends_with(['.', '!', '?', '"', '”', '»'])
}

/// At most this many items in a block, each a date and a title.
const ITEMS: usize = 8;
/// A title is a line, not a paragraph.
const TITLE_BYTES: usize = 160;
