//! Splitting the page into lines and classifying each line once — blank, boilerplate, entry
//! stamp, day header, text or related link — with the page's hints, then weighing the evidence
//! the page as a whole gives ([`weigh`]): a stamp shape seen once (a date-time line in the header) is a
//! dateline, not an entry; a run of stamps with one short title each (a key-events summary, a
//! video list, a menu) is furniture; a stamp with nothing after it before the next one is a
//! time standing in a text. Stamps that print no clock (`5 min ago`) yield to a post's clock
//! beside them and to a feed of clocks above them ([`unshown`]); video lengths under a video
//! rail's heading are no stamps ([`durations`]).

use super::page::LineHint;
use super::rules::Rules;
use super::time::{self, Stamp};
use crate::model::{Span, When};

mod above_header;
mod blanks;
mod chunks;
mod closing_marks;
mod cut_datetime;
mod dated_form;
pub(crate) use closing_marks::is_post_mark;
mod durations;
pub(crate) use durations::is_player_label;
mod key_copies;
mod kin_stamps;
mod named;
mod newest;
mod rails;
mod related;
mod schedule;
mod signed;
mod twin_dateline;
mod unshown;
mod weigh;
mod wrapped_clock;
mod wrapped_date;
mod wrapped_stamp;
use weigh::weigh;

/// What one line of the page is, before layout. Two bytes, so that a [`Line`] is 16: a 100 MB
/// blog has a million lines, all held until the layout is done. What a few lines have more —
/// a stamp, a rule — [`Lines`] keeps beside the list, by line number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    Blank,
    /// Removed by a rule of [`Rules`]: [`Lines::dropped_rule`] says which.
    Dropped,
    /// Removed by the layout's own evidence, under this rule.
    Furniture(LayoutRule),
    /// An entry's time stamp: [`Lines::stamp`].
    Time,
    DayHeader,
    Text,
    /// A related-article link announced by a `links-below` rule.
    Link,
}

/// The rules of the layout's own evidence, named in [`crate::model::DroppedLine`] as a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LayoutRule {
    /// A run of stamps each with at most a short title: a key-events summary, a menu.
    TimeList,
    /// A relative time (`5 min ago`) that stamps no post: beside the clock of the same post, or
    /// below a feed whose posts print clocks (comments, related stories).
    RelativeTime,
    /// A video's length (`02:31` under `More videos`), and its rail.
    VideoLength,
    /// A related article's date under a related block's heading.
    RelatedDate,
    /// The time of a reader's comment or question quoted in a post, under the reader's name.
    Contribution,
    /// A ticker's time above the page's header, its dateline under it.
    AboveHeader,
}

impl LayoutRule {
    pub fn name(self) -> &'static str {
        match self {
            LayoutRule::TimeList => "time-list",
            LayoutRule::RelativeTime => "relative-time",
            LayoutRule::VideoLength => "video-length",
            LayoutRule::RelatedDate => "related-date",
            LayoutRule::Contribution => "contribution-time",
            LayoutRule::AboveHeader => "ticker-above-header",
        }
    }
}

impl From<LayoutRule> for String {
    fn from(rule: LayoutRule) -> String {
        rule.name().to_string()
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// Trimmed of white space (no-break spaces included) and of the line break.
    pub span: Span,
    pub number: u32,
    pub kind: Kind,
    /// The markup marks this line as a heading or the start of a post.
    pub heading: bool,
    /// The markup marks this line as the page's `h1`.
    pub h1: bool,
}

/// The classified lines of a page and the stamps of its time lines.
#[derive(Debug, Default)]
pub(crate) struct Lines {
    pub lines: Vec<Line>,
    /// The stamps read, in line order, with the number of their line in `stamp_lines`; a line
    /// weighed out of being a stamp keeps its stamp here, unused.
    pub stamps: Vec<Stamp>,
    stamp_lines: Vec<u32>,
    /// The lines a rule removed, in line order: line number and rule index.
    drops: Vec<(u32, u32)>,
    /// The stamps close their posts (a byline with a date-time, or a bare clock after a post
    /// opened by a match minute, under each post) rather than open them.
    pub trailing: bool,
    /// How many lines the page has, once [`Lines::drop_blanks`] left some out.
    total: u32,
}

impl Lines {
    pub fn stamp(&self, line: &Line) -> Option<&Stamp> {
        if line.kind != Kind::Time {
            return None;
        }
        stamp_at(&self.stamps, &self.stamp_lines, line.number)
    }

    /// Makes line `i` a stamp line with `stamp`, in line order among the others; false, and
    /// nothing changed, when the line already has a stamp.
    pub(crate) fn add_stamp(&mut self, i: usize, stamp: Stamp) -> bool {
        let number = self.lines[i].number;
        let at = self.stamp_lines.partition_point(|&n| n < number);
        if self.stamp_lines.get(at) == Some(&number) {
            return false;
        }
        self.stamp_lines.insert(at, number);
        self.stamps.insert(at, stamp);
        self.lines[i].kind = Kind::Time;
        true
    }

    /// The stamp of line `number`, to change, whatever the line's kind now.
    pub fn stamp_mut(&mut self, number: u32) -> Option<&mut Stamp> {
        let i = self.stamp_lines.binary_search(&number).ok()?;
        self.stamps.get_mut(i)
    }

    /// The index in [`Rules`] of the rule that removed a line.
    pub fn dropped_rule(&self, line: &Line) -> Option<usize> {
        if line.kind != Kind::Dropped {
            return None;
        }
        let i = self.drops.binary_search_by_key(&line.number, |&(n, _)| n).ok()?;
        Some(self.drops[i].1 as usize)
    }

    /// Marks an earlier line as removed by `rule`; a line two rules take is named by the later.
    fn drop_line(&mut self, line: usize, rule: usize) {
        let number = self.lines[line].number;
        self.lines[line].kind = Kind::Dropped;
        if self.drops.last().is_some_and(|&(n, _)| n == number) {
            self.drops.pop();
        }
        self.drops.push((number, rule as u32));
    }
}

/// The stamp of line `number`, found among stamps kept in line order.
fn stamp_at<'s>(stamps: &'s [Stamp], lines: &[u32], number: u32) -> Option<&'s Stamp> {
    lines.binary_search(&number).ok().map(|i| &stamps[i])
}

/// Splits and classifies lines (in parallel pieces on a big page: [`chunks`]), then weighs the
/// page's stamps.
pub(crate) fn classify(text: &str, rules: &Rules, hints: &[LineHint]) -> Lines {
    classify_in(text, rules, hints, chunks::piece_size(text.len()))
}

/// Compiles, without matching, the passes' expressions a page reaches (see `parse::warm`).
pub(crate) fn warm() {
    for re in [&signed::SHARE, &schedule::ROW, &durations::BARE] {
        std::sync::LazyLock::force(re);
    }
}

/// The kind the line of `text` reading `line` is classified as, for the passes' tests, which
/// find lines by their text.
#[cfg(test)]
pub(crate) fn kind_of(text: &str, line: &str) -> Kind {
    let lines = classify(text, Rules::embedded(), &[]);
    lines.lines.iter().find(|l| &text[l.span.start as usize..l.span.end as usize] == line).expect("line").kind
}

/// [`classify`] with the text read in pieces of about `chunk` bytes: the same lines whatever
/// the size (the tests cut pages everywhere).
pub(crate) fn classify_in(text: &str, rules: &Rules, hints: &[LineHint], chunk: usize) -> Lines {
    let mut out = chunks::classify_lines(text, rules, hints, chunk);
    named::name_clocks(&mut out, text);
    wrapped_clock::wrapped_paragraph_clocks(&mut out, text);
    wrapped_stamp::wrapped_stamps(&mut out, text);
    wrapped_date::wrapped_date_tails(&mut out, text);
    wrapped_stamp::list_item_rests(&mut out, text);
    if !out.stamps.is_empty() {
        wrapped_clock::sentence_rest_clocks(&mut out, text);
        cut_datetime::clocks_cut_from_dates(&mut out, text);
        related::related_dates(&mut out, text, rules);
        rails::rail_dates(&mut out, text, rules);
        twin_dateline::twin_dateline(&mut out, text);
        twin_dateline::opening_twin(&mut out, text);
        unshown::beside_clocks(&mut out, text);
        durations::video_lengths(&mut out, text);
        key_copies::under_key_events(&mut out, text, rules);
        schedule::schedule_rows(&mut out, text);
        above_header::tickers_above_header(&mut out, text);
        weigh(&mut out, text);
        twin_dateline::older_than_the_feed(&mut out, text);
        unshown::below_the_feed(&mut out);
        signed::signed_times(&mut out, text);
        super::day_words::mark_dividers(&mut out, text);
    }
    // A rule that takes the number above a line can add a drop past the list's exact size;
    // every list lives through the layout, the moment of the parse's peak memory.
    out.drops.shrink_to_fit();
    out
}

/// The stamp of a line, also behind a list bullet as w3m (`•`) and lynx (`*`) draw one; with
/// the bullet's length in bytes.
fn stamp_of(line: &str, context: Option<&str>) -> Option<(Stamp, usize)> {
    if let Some(rest) = line.strip_prefix(['•', '*', '·', '◦', '▪'])
        && rest.starts_with(char::is_whitespace)
    {
        let inner = rest.trim_start();
        return time::stamp(inner, context).map(|s| (s, line.len() - inner.len()));
    }
    if let Some(s) = time::stamp(line, context) {
        return Some((s, 0));
    }
    // An ordered list's number as w3m and lynx draw it (`1. published at 15:41 GMT`): a feed
    // marked up as `<ol>`.
    if let Some(skip) = list_number(line)
        && let Some(s) = time::stamp(&line[skip..], context)
    {
        return Some((s, skip));
    }
    let skip = match_minute(line)?;
    time::stamp(&line[skip..], context).map(|s| (s, skip))
}

/// The length of a list number and the spaces after it (`12. `), if the line opens with one.
fn list_number(line: &str) -> Option<usize> {
    let n = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line.get(n..)?.strip_prefix('.')?;
    let inner = rest.trim_start();
    ((1..=3).contains(&n) && inner.len() < rest.len()).then_some(line.len() - inner.len())
}

/// The length of a match minute that opens a line before the clock (`45'+2 17h49`, `90' 18h54`,
/// glued as a copy runs them, `45'+217h49`): the minute of play is no part of the stamp. Of
/// the readings of the added time, the one that leaves a clock with two-digit hours wins.
fn match_minute(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let n = digits(0);
    if !(1..=3).contains(&n) {
        return None;
    }
    // `90+3'`: the added time before the minute's mark, as Spanish and Italian pages print it.
    let added_first = if b.get(n) == Some(&b'+') { digits(n + 1) } else { 0 };
    let n = if (1..=2).contains(&added_first) && line[n + 1 + added_first..].starts_with(['\'', '’', '′']) {
        n + 1 + added_first
    } else {
        n
    };
    let mut at = n + ["'", "’", "′"].iter().find(|q| line[n..].starts_with(**q))?.len();
    if b.get(at) == Some(&b'+') {
        let added = digits(at + 1);
        // `+217h49`: two digits then a separator are the clock's hour.
        let clock_after = |k: usize| {
            b.get(at + 1 + k..at + 4 + k)
                .is_some_and(|w| w[0].is_ascii_digit() && w[1].is_ascii_digit() && b":.hH".contains(&w[2]))
        };
        let take = (1..=added.min(2)).find(|&k| clock_after(k) || k == added)?;
        at += 1 + take;
    }
    let rest = &line[at..];
    let skip = at + (rest.len() - rest.trim_start().len());
    line[skip..].starts_with(|c: char| c.is_ascii_digit()).then_some(skip)
}

/// The stamp of a line that prints no clock (see [`time::relative::unshown_stamp`]), also
/// behind a list bullet; with the bullet's length in bytes.
fn unshown_of(line: &str, instant: Option<When>, post_start: bool) -> Option<(Stamp, usize)> {
    if let Some(rest) = line.strip_prefix(['•', '*', '·', '◦', '▪'])
        && rest.starts_with(char::is_whitespace)
    {
        let inner = rest.trim_start();
        return time::relative::unshown_stamp(inner, instant, post_start).map(|s| (s, line.len() - inner.len()));
    }
    time::relative::unshown_stamp(line, instant, post_start).map(|s| (s, 0))
}

fn text_of<'t>(text: &'t str, line: &Line) -> &'t str {
    &text[line.span.start as usize..line.span.end as usize]
}

fn is_count(line: &str) -> bool {
    !line.is_empty() && line.len() <= 6 && line.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
#[path = "lines_family_tests.rs"]
mod family_tests;
#[cfg(test)]
#[path = "lines_tests.rs"]
mod tests;
