//! Reading the time stamp of an entry off one line, wherever the page puts it: alone
//! (`17H38`, `4.53pm BST`), after a relative time (`4m ago12.50 BST`), glued to an author or a
//! label (`21:22Frances Watkins`, `18:28KEY EVENT`), before an inline headline (`11.04 Uhr:
//! …`, `16:56 - …`), followed by its date (`18:32 (IST), Oct 02`), or at the end of a byline
//! after a date (`Jamie Braidwood14 August 2023 10:01`, `Le Monde le 26 février à 23h28`).
//! Lines that say what a date is (`Updated`, `First published`) are datelines, read by
//! [`dateline`]. Words and zones come from [`super::words`].

pub(crate) mod badge;
mod byline;
pub mod dateline;
mod leading_parts;
mod match_minute;
pub(crate) mod paragraph;
pub(crate) mod post_label;
mod posted_by;
pub mod relative;
pub(crate) mod relative_inline;
pub(crate) mod restamp;
mod share_bar;
mod ticker_marks;
mod update_lead;

use super::words::words;
use crate::model::{Clock, Zone};
use regex::{Captures, Regex};
use std::sync::LazyLock;

pub use dateline::{
    DatelineKind, DatelinePart, datelines, day_header, day_header_weekday, month_number, zone_statement,
};

/// How the stamp sits on its line: the evidence the layout weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The clock alone (with a zone, a relative time before it).
    Bare,
    /// Clock then date (`18:32 (IST), Oct 02`), or a date-time alone on the line.
    Dated,
    /// Text glued to the clock (`21:22Frances Watkins`): an author or a label.
    Label,
    /// The post's headline on the clock's line (`11.04 Uhr: Headline`).
    Inline,
    /// A byline ending with a date-time (`Jamie Braidwood14 August 2023 10:01`).
    Byline,
}

/// An entry's time stamp read off one line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stamp {
    pub clock: Clock,
    pub zone: Option<Zone>,
    /// Day, month and year (when printed) of the stamp's own date.
    pub date: Option<(u32, u32, Option<i32>)>,
    pub shape: Shape,
    /// Byte range in the line of the text that is not the time: author, label or headline.
    pub rest: Option<(usize, usize)>,
    /// The line starts with the clock (or a relative time before it) rather than a date.
    pub leading: bool,
    /// The line prints no clock: `clock` stands in until the page tells the post's time.
    pub unshown: Option<Unshown>,
}

impl Stamp {
    /// A clock alone opening its line: no zone, date or text beside it.
    pub(crate) fn bare(clock: Clock) -> Stamp {
        Stamp { clock, zone: None, date: None, shape: Shape::Bare, rest: None, leading: true, unshown: None }
    }
}

/// How a stamp that prints no clock tells its post's time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unshown {
    /// A relative time (`5 min ago`, `vor einer Stunde`): this many seconds before the page's
    /// reference instant (see [`restamp`]).
    Ago(u32),
    /// A `<time datetime>` showing a relative time or no clock at all: the markup's instant,
    /// shown in the page's zone.
    Markup,
}

/// The zone names as a case-sensitive alternation, shared by the regexes of this module.
fn zones() -> String {
    format!("(?-i:{})", words().zone_alt)
}

static WEEKDAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^(?:{})\.?,?$", words().weekday_alt)).expect("weekday regex"));

static NOT_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^(?:{})$", words().not_label_alt)).expect("not-label regex"));

/// A word that announces the clock after it (`Ore 23.45 – …`): capitalised at a paragraph's
/// start it is no post's label.
static CLOCK_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^(?:{})$", words().clock_before_alt)).expect("clock-before regex"));

/// A date right after a clock: `, Oct 02`, `, Thu, Jul 18, 2024`, ` 14 August 2023`.
static TAIL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let w = words();
    Regex::new(&format!(
        r"(?i)^\s*[,|]?\s*(?:(?:{wd})\.?,?\s+)?(?:(?P<d1>\d{{1,2}})\.?\s+(?P<mon1>{mo})\.?(?:,?\s+(?P<y1>\d{{4}}))?|(?P<mon2>{mo})\.?\s+(?P<d2>\d{{1,2}})(?:,?\s+(?P<y2>\d{{4}}))?|(?P<d3>\d{{1,2}})[/.](?P<mo3>\d{{1,2}})[/.](?P<y3>\d{{4}}))(?-u:\b)",
        wd = w.weekday_alt,
        mo = w.month_alt
    ))
    .expect("tail date regex")
});

/// A tail that only says when the post was edited: an `updated` word and a clock, no date.
static TAIL_UPDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*[(\[·|,\-–—]?\s*(?:{upd})\s*:?\s*\d{{1,2}}\s*[:.hH]\s*\d{{2}}\s*(?:[aApP]\.?[mM]\.?)?\s*[)\]]?\s*$",
        upd = words().updated_alt
    ))
    .expect("tail update regex")
});

static INLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[:\-–—|]\s*(?P<text>\S.*)$").expect("inline headline regex"));

/// Whether the line holds `d[:.hH]dd` somewhere: the cheap test before any regex.
pub fn has_clock_bytes(line: &[u8]) -> bool {
    line.windows(4).any(|w| {
        w[0].is_ascii_digit()
            && matches!(w[1], b':' | b'.' | b'h' | b'H')
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
    })
}

/// Whether a word holds a clock: `d[:.hH]dd`, but not a number with a thousands separator
/// (`1.000 Tage`, `12.500`), which the byte test alone reads as `1.00`.
pub fn clock_word(word: &str) -> bool {
    let b = word.as_bytes();
    has_clock_bytes(b)
        && !b
            .windows(5)
            .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'.' | b',') && w[2..].iter().all(u8::is_ascii_digit))
}

/// Reads the entry stamp of a trimmed line, if it has one. `context` picks the reading of
/// ambiguous zone names (see [`super::words::zone_context`]).
pub fn stamp(line: &str, context: Option<&str>) -> Option<Stamp> {
    let bytes = line.as_bytes();
    let first = *bytes.first()?;
    let dated =
        (first == b'L' || first == b'l') && bytes.get(1) == Some(&b'e') && bytes.get(3).is_some_and(u8::is_ascii_digit);
    // A clock opens a line in its first bytes: a long paragraph after it (`9.33am: Haroon
    // Siddique has more details…`) costs one anchored match.
    if let Some(clock) = plain_clock(bytes) {
        return Some(Stamp::bare(clock));
    }
    if first.is_ascii_digit()
        && line.len() <= 16
        && let Some(s) = match_minute::minute_then_clock(line)
    {
        return Some(s);
    }
    // `vor 6 Min.16:48 Uhr`, `il y a 5 min 12h30`, `Publié aujourd'hui à 11h54`: words may open
    // the relative time or the day.
    if (first.is_ascii_digit() || dated || first.is_ascii_alphabetic())
        && has_clock_bytes(&bytes[..bytes.len().min(32)])
        && let Some(s) = leading(line, context)
    {
        return s;
    }
    if matches!(first, b'+' | b'*' | b'>' | 0xE2)
        && let Some(s) = ticker_marks::marked(line)
    {
        return Some(s);
    }
    if first.is_ascii_alphabetic()
        && has_clock_bytes(&bytes[..bytes.len().min(48)])
        && let Some(s) = update_lead::update_lead(line)
    {
        return Some(s);
    }
    if line.len() <= 120 && has_clock_bytes(bytes) {
        post_label::labelled(line, context)
            .or_else(|| badge::badged(line, context))
            .or_else(|| match_minute::clock_then_minute(line))
            .or_else(|| match_minute::score_minute_clock(line))
            .or_else(|| posted_by::posted_by(line, context))
            .or_else(|| byline::byline(line, context))
            .or_else(|| share_bar::after_share_bar(line, context))
            .or_else(|| paragraph::paragraph_clock(line))
    } else if first.is_ascii_digit() {
        paragraph::paragraph_clock(line)
    } else {
        None
    }
}

/// The commonest stamp, `17:38` / `9h05` / `17.38` alone, read without a regex: most pages
/// print thousands of them.
fn plain_clock(b: &[u8]) -> Option<Clock> {
    let (h, rest) = match b {
        // `18 h 40`: French regional print sets the `h` between spaces (plain or no-break).
        [h1, h2, rest @ ..] if h1.is_ascii_digit() && h2.is_ascii_digit() && spaced_h(rest).is_some() => {
            return spaced_h(rest).and_then(|m| Clock::new(u32::from((h1 - b'0') * 10 + h2 - b'0'), m));
        }
        [h1, rest @ ..] if h1.is_ascii_digit() && spaced_h(rest).is_some() => {
            return spaced_h(rest).and_then(|m| Clock::new(u32::from(h1 - b'0'), m));
        }
        [h1, h2, rest @ ..] if h1.is_ascii_digit() && h2.is_ascii_digit() => {
            (u32::from((h1 - b'0') * 10 + h2 - b'0'), rest)
        }
        [h1, rest @ ..] if h1.is_ascii_digit() => (u32::from(h1 - b'0'), rest),
        _ => return None,
    };
    match rest {
        [sep, m1, m2] | [sep, m1, m2, b'.']
            if matches!(sep, b':' | b'.' | b'h' | b'H') && m1.is_ascii_digit() && m2.is_ascii_digit() =>
        {
            Clock::new(h, u32::from((m1 - b'0') * 10 + m2 - b'0'))
        }
        _ => None,
    }
}

/// The minutes of ` h 40` (spaces plain, no-break U+00A0 or narrow U+202F) ending the line.
fn spaced_h(rest: &[u8]) -> Option<u32> {
    fn space(b: &[u8]) -> Option<&[u8]> {
        b.strip_prefix(b" ")
            .or_else(|| b.strip_prefix("\u{a0}".as_bytes()))
            .or_else(|| b.strip_prefix("\u{202f}".as_bytes()))
    }
    let rest = space(rest)?;
    let rest = rest.strip_prefix(b"h").or_else(|| rest.strip_prefix(b"H"))?;
    match space(rest)? {
        [m1, m2] if m1.is_ascii_digit() && m2.is_ascii_digit() => Some(u32::from((m1 - b'0') * 10 + m2 - b'0')),
        _ => None,
    }
}

/// The leading forms. `Some(None)` when the line is a clock line that is not a stamp (a
/// dateline), `None` when the leading reading does not apply at all.
fn leading(line: &str, context: Option<&str>) -> Option<Option<Stamp>> {
    let caps = leading_parts::leading_parts(line)?;
    let ampm = caps.name("ampm").map(|m| m.as_str().to_ascii_lowercase());
    if caps.name("m").is_none() && ampm.is_none() {
        return None;
    }
    let clock = clock_of(caps.name("h")?.as_str(), caps.name("m").map(|m| m.as_str()), ampm.as_deref())?;
    let zone = caps.name("zone").or(caps.name("pzone")).and_then(|z| leading_parts::zone_of(z.as_str(), context));
    let mut date = None;
    if let (Some(d), Some(m)) = (caps.name("d"), caps.name("mo")) {
        let (d, m) = (d.as_str().parse().ok()?, m.as_str().parse().ok()?);
        chrono::NaiveDate::from_ymd_opt(2000, m, d)?;
        date = Some((d, m, None));
    }
    let tail = caps.name("tail").expect("tail group");
    let t = tail.as_str();
    let twelve = ampm.is_some() && caps.name("m").is_some();
    let mut stamp = Stamp { clock, zone, date, shape: Shape::Bare, rest: None, leading: true, unshown: None };
    // `Analysis 2.20pm`, `BREAKING 12.47pm By Helen Carr`: a label before a clock that is
    // plainly one (12-hour with minutes, or zoned) — never a date word (`Sunday 9.30pm`) nor a
    // dateline's (`Updated 2.20pm`); a user name in mixed case (`JennyW 2.58pm`) is a comment's.
    if let Some(tag) = caps.name("tag").filter(|tag| !CLOCK_BEFORE.is_match(tag.as_str())) {
        let word = tag.as_str().split_whitespace().next().unwrap_or("");
        if !(twelve || zone.is_some())
            || words().month(word).is_some()
            || WEEKDAY.is_match(word)
            || NOT_LABEL.is_match(word)
            || dateline::has_kind(tag.as_str())
            || dateline::opens_with_kind(tag.as_str())
        {
            return None;
        }
        if t.trim().is_empty() {
            stamp.shape = Shape::Label;
            stamp.rest = Some((tag.start(), tag.end()));
            return Some(Some(stamp));
        }
    }
    let rest_from = |start: usize| {
        let text = line[start..].trim();
        let at = line.len() - line[start..].trim_start().len();
        (!text.is_empty()).then_some((at, at + text.len()))
    };
    // `20h32 |`: the separator before a label the post left empty (a match minute).
    if t.trim().trim_matches(|c: char| matches!(c, '.' | '|' | '·' | '•')).trim().is_empty()
        || match_minute::is_play_count(t)
    {
        return Some(Some(stamp));
    }
    if t.len() <= 100 && dateline::has_kind(t) {
        // `14h05 atualizado às 14h14`, `9:12 (updated 9:40)`: the post's own clock, then when it
        // was edited — the first clock stamps the post. A dateline with a date stays one.
        if caps.name("d").is_none() && TAIL_UPDATE.is_match(t) {
            return Some(Some(stamp));
        }
        return Some(None);
    }
    if let Some(c) = TAIL_DATE.captures(t) {
        let end = c.get(0).expect("match").end();
        if t[end..].trim().chars().count() > 24 {
            return None;
        }
        stamp.date = tail_date(&c);
        stamp.shape = Shape::Dated;
        return Some(stamp.date.map(|_| stamp));
    }
    if let Some(c) = INLINE.captures(t)
        && c["text"].chars().any(char::is_alphabetic)
    {
        stamp.shape = Shape::Inline;
        stamp.rest = rest_from(tail.start() + c.name("text").expect("text").start());
        return Some(Some(stamp));
    }
    let spaced_out = line[..tail.start()].ends_with(char::is_whitespace) || t.starts_with(char::is_whitespace);
    let t = t.trim_start();
    // `14:03 Uhr, von Anna Thewalt`: the author after a comma, as a meta row prints it.
    let comma_author = t.strip_prefix(',').is_some_and(|a| byline::glued_author(a.trim_start()));
    let glued = !spaced_out && (t.starts_with(|c: char| c.is_uppercase()) || byline::glued_author(t) || comma_author);
    // After a relative time, `Uhr` or a zone, a space may stand before the author's name;
    // `17:38 Breaking` alone would be a sentence.
    let ago = caps.name("d").is_none() && caps.name("h").is_some_and(|h| h.start() > 0);
    // A 12-hour clock with its minutes (`9.02am By Helen Carr`) is a time, not a number.
    let marked = ago || twelve || caps.name("d").is_some() || caps.name("uhr").is_some() || zone.is_some();
    let spaced = spaced_out && t.starts_with(|c: char| c.is_uppercase()) && marked;
    if (glued || spaced) && share_bar::only_share_words(t) {
        return Some(Some(stamp));
    }
    if (glued || spaced) && t.trim().chars().count() <= 160 {
        stamp.shape = if t.trim().chars().count() <= 48 { Shape::Label } else { Shape::Inline };
        stamp.rest = rest_from(tail.start());
        return Some(Some(stamp));
    }
    None
}

fn tail_date(c: &Captures<'_>) -> Option<(u32, u32, Option<i32>)> {
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let w = words();
    let (d, m, y) = if let Some(d) = num("d1") {
        (d, w.month(&c["mon1"])?, num("y1"))
    } else if let Some(d) = num("d2") {
        (d, w.month(&c["mon2"])?, num("y2"))
    } else {
        (num("d3")?, num("mo3")?, num("y3"))
    };
    chrono::NaiveDate::from_ymd_opt(y.map_or(2000, |y| y as i32), m, d)?;
    Some((d, m, y.map(|y| y as i32)))
}

/// The clock of captures with `h`, `m` groups and an `am`/`pm` marker: the one place the
/// 12-hour clock is read (12am is 00:xx, 12pm is 12:xx).
pub(crate) fn clock_from(caps: &Captures<'_>, ampm: Option<&str>) -> Option<Clock> {
    clock_of(caps.name("h")?.as_str(), caps.name("m").map(|m| m.as_str()), ampm)
}

/// See [`clock_from`].
pub(crate) fn clock_of(hour: &str, minute: Option<&str>, ampm: Option<&str>) -> Option<Clock> {
    let mut hour: u32 = hour.parse().ok()?;
    let minute: u32 = minute.map_or(Some(0), |m| m.parse().ok())?;
    if let Some(ampm) = ampm {
        if !(1..=12).contains(&hour) {
            return None;
        }
        let pm = ampm.to_ascii_lowercase().starts_with('p');
        hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
    }
    Clock::new(hour, minute)
}

/// Compiles, without matching, the expressions a clock shown alone reaches (see `parse::warm`).
pub(crate) fn warm() {
    for re in [&match_minute::MINUTE_FIRST, &leading_parts::ZONE_AT] {
        std::sync::LazyLock::force(re);
    }
}

/// The zone an abbreviation or phrase names, in its default reading.
pub fn zone_named(name: &str) -> Option<Zone> {
    words().zone(name, None)
}

#[cfg(test)]
mod tests;
