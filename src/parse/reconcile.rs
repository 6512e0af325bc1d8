//! Weighing what a page shows against what its markup claims. Before dates
//! ([`apply_meta`]): the story's title, outlet, address, zone and datelines from the page's
//! metadata and structured data where the text gave none — they anchor the date walk — and the
//! page furniture the HTML reader left out, listed for `--explain`. After dates
//! ([`apply_structured`]): an entry takes the exact instant of its `<time datetime>` only when
//! that instant shows the entry's clock in the page's zone (markup often stamps every update
//! with the page's modification time, or labels local time as UTC); and structured updates the
//! page does not show are kept after the page's own entries. Text files carry nothing here.

use super::html::zone;
use super::page::{HintKind, Page, StructuredUpdate};
use crate::model::{Clock, DroppedLine, Entry, Span, Story, When, Zone, fold};

/// Separators between a headline and the site's name in `<title>` and `og:title`.
const SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];

/// Before dates are resolved: the page's own title, outlet and datelines from its metadata
/// and structured data, where the text did not give them.
pub(crate) fn apply_meta(story: &mut Story, page: &Page) {
    let meta = &page.meta;
    let structured = page.structured.as_ref();
    let publisher = structured.and_then(|s| s.publisher.clone());
    let sites: Vec<&str> = [meta.site_name.as_deref(), publisher.as_deref()].into_iter().flatten().collect();
    let claimed = meta
        .og_title
        .as_deref()
        .map(|t| strip_site(t, &sites, false))
        .or_else(|| structured.and_then(|s| s.headline.as_deref()).map(|t| strip_site(t, &sites, false)))
        .filter(|t| !t.is_empty());
    // The page's own h1 when the claimed title is that h1 with more after it (a score, the
    // section, the site): the h1 is what the reader sees as the headline.
    let h1 = meta.h1.as_deref().filter(|h| h.split_whitespace().count() >= 3);
    let title = match (claimed, h1) {
        (Some(c), Some(h)) if c.starts_with(h) => Some(h.to_string()),
        (Some(c), _) => Some(c),
        (None, Some(h)) => Some(h.to_string()),
        (None, None) => meta.h1.clone().or_else(|| meta.html_title.as_deref().map(|t| strip_site(t, &sites, true))),
    };
    if let Some(title) = title.filter(|t| !t.is_empty()) {
        story.title = title;
    }
    if let Some(outlet) =
        publisher.or_else(|| meta.site_name.as_deref().map(|s| outlet_name(s, meta.html_title.as_deref())))
    {
        story.outlet = Some(outlet);
    }
    if story.url.is_none() {
        story.url = meta.url.clone();
    }
    if let Some(s) = structured {
        story.coverage_start = story.coverage_start.or(s.coverage_start);
        story.coverage_end = story.coverage_end.or(s.coverage_end);
        story.published = story.published.or(s.published);
        story.updated = match (story.updated, s.modified) {
            (Some(shown), Some(modified)) if day_only_before(shown, modified) => Some(modified),
            (shown, modified) => shown.or(modified),
        };
    }
    story.published = story.published.or(meta.published);
    story.updated = story.updated.or(meta.modified);
    if story.zone.is_none() && !page.meta.eq(&Default::default()) {
        story.zone = zone::infer(meta.lang.as_deref(), &instants(page));
        if let Some(shown) = zone_of_update(story, page) {
            story.zone = Some(shown);
        }
    }
    title_day_over_older_dates(story, page);
    let anchored =
        [story.coverage_start, story.coverage_end, story.published, story.updated].iter().any(Option::is_some);
    if !anchored
        && let Some(day) =
            [meta.og_title.as_deref(), meta.html_title.as_deref(), meta.url.as_deref(), Some(story.title.as_str())]
                .into_iter()
                .flatten()
                .find_map(date_in)
    {
        // The day the page names in its title or address: the start of its coverage.
        let local = day.and_time(chrono::NaiveTime::MIN);
        story.published = Some(story.zone.and_then(|z| z.resolve(local)).map_or(When::Local(local), When::Zoned));
    }
    append_furniture(story, page);
}

/// A day the page's title names (`Unwetter-Ticker vom 15. September 2024`) after dates the
/// page gave so far: those came from further down (an embed's or a quoted post's own older
/// date, read where the header printed none), as a page is not updated before the day its
/// title covers: they are left out, and with none left the title's day opens the coverage.
fn title_day_over_older_dates(story: &mut Story, page: &Page) {
    let meta = &page.meta;
    let Some(day) = [Some(story.title.as_str()), meta.og_title.as_deref(), meta.html_title.as_deref()]
        .into_iter()
        .flatten()
        .find_map(date_in)
    else {
        return;
    };
    let mut slots = [&mut story.coverage_start, &mut story.coverage_end, &mut story.published, &mut story.updated];
    let mut dropped = false;
    for slot in &mut slots {
        if slot.is_some_and(|w| w.local().date() < day) {
            **slot = None;
            dropped = true;
        }
    }
    if !dropped || slots.iter().any(|s| s.is_some()) {
        return;
    }
    let local = day.and_time(chrono::NaiveTime::MIN);
    story.published = Some(story.zone.and_then(|z| z.resolve(local)).map_or(When::Local(local), When::Zoned));
}

/// A page that states no zone but shows when it was last updated (`Last updated 9:15 p.m.`)
/// beside its machine-readable modification instant: the difference is the page's offset, and
/// its zone the first of the word lists' (regions first, for their DST rules) with that offset
/// then — unless the zone read so far already agrees.
fn zone_of_update(story: &Story, page: &Page) -> Option<Zone> {
    let Some(When::Zoned(at)) = page.structured.as_ref().and_then(|s| s.modified).or(page.meta.modified) else {
        return None;
    };
    let shown = story
        .dropped
        .iter()
        .filter(|d| d.rule == "dateline")
        .find_map(|d| super::structure::updated_at(story.str(d.span)).flatten())?;
    let utc = at.naive_utc();
    let mut minutes = (shown.time() - utc.time()).num_minutes();
    if minutes <= -12 * 60 {
        minutes += 24 * 60;
    } else if minutes > 14 * 60 {
        minutes -= 24 * 60;
    }
    if minutes % 15 != 0 {
        return None;
    }
    let offset = minutes as i32 * 60;
    // A modification instant in UTC whose clock is the one shown is local time labelled UTC
    // when the page's language points to a zone that is not at UTC then: the label lies, not
    // the language.
    if offset == 0 && at.offset().local_minus_utc() == 0 && story.zone.is_some_and(|z| offset_at(z, utc) != Some(0)) {
        return None;
    }
    // The zone already read agrees: it is kept.
    if story.zone.is_some_and(|z| offset_at(z, utc) == Some(offset)) {
        return None;
    }
    let zones = &super::words::words().zones;
    let regions = zones.iter().filter(|z| matches!(z.zone, Zone::Region(_)));
    let fixed = zones.iter().filter(|z| matches!(z.zone, Zone::Fixed { .. }));
    regions.chain(fixed).map(|z| z.zone).find(|z| offset_at(*z, utc) == Some(offset))
}

/// The zone's offset from UTC (in seconds) at a UTC time.
fn offset_at(zone: Zone, utc: chrono::NaiveDateTime) -> Option<i32> {
    use chrono::Offset;
    Some(match zone {
        Zone::Fixed { offset_seconds, .. } => offset_seconds,
        Zone::Region(tz) => {
            use chrono::TimeZone;
            tz.offset_from_utc_datetime(&utc).fix().local_minus_utc()
        }
    })
}

/// The outlet's name from `og:site_name`: a domain (`sportowefakty.wp.pl`) gives way to the
/// last segment of `<title>` whose words all occur in it (`WP SportoweFakty`); a name in lower
/// case at its start (`the Guardian`) takes a capital.
fn outlet_name(site: &str, html_title: Option<&str>) -> String {
    let site = site.trim();
    if site.contains('.') && !site.contains(' ') {
        let domain = fold(site);
        let segment = html_title.and_then(|t| {
            SEPARATORS.iter().filter_map(|sep| t.rsplit_once(sep).map(|(_, s)| s.trim())).min_by_key(|s| s.len())
        });
        if let Some(seg) = segment
            && !seg.is_empty()
            && fold(seg).split(' ').all(|w| domain.contains(w))
        {
            return seg.to_string();
        }
        return site.to_string();
    }
    let mut chars = site.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() && site.contains(' ') => c.to_uppercase().chain(chars).collect(),
        _ => site.to_string(),
    }
}

pub(super) static DMY: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b").expect("date regex"));
pub(super) static YMD: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\b(\d{4})[-/](\d{2}|[a-z]{3})[-/](\d{2})\b").expect("date regex"));

/// A date written in a title or an address: `28.09.2020`, `2020-09-28`, `/2020/09/28/`,
/// `/2023/nov/02/`.
fn date_in(text: &str) -> Option<chrono::NaiveDate> {
    let n = |s: &str| s.parse::<u32>().ok();
    if let Some(c) = DMY.captures(text) {
        return chrono::NaiveDate::from_ymd_opt(n(&c[3])? as i32, n(&c[2])?, n(&c[1])?);
    }
    if let Some(c) = YMD.captures(text) {
        let month = n(&c[2]).or_else(|| super::time::month_number(&c[2]));
        if let Some(date) = month.and_then(|m| chrono::NaiveDate::from_ymd_opt(n(&c[1])? as i32, m, n(&c[3])?)) {
            return Some(date);
        }
    }
    // A date written out (`Ticker vom 15. September 2024: …`, `… live: September 15, 2024`).
    super::time::datelines(text).first().map(|p| p.date)
}

/// Every instant the page's markup gives, for telling its zone.
fn instants(page: &Page) -> Vec<When> {
    let mut all: Vec<When> = page
        .hints
        .iter()
        .filter_map(|h| match h.kind {
            HintKind::Time { instant } => instant,
            _ => None,
        })
        .collect();
    all.extend([page.meta.published, page.meta.modified].into_iter().flatten());
    if let Some(s) = &page.structured {
        all.extend([s.published, s.modified, s.coverage_start, s.coverage_end].into_iter().flatten());
        all.extend(s.updates.iter().filter_map(|u| u.published));
    }
    all
}

/// A headline without the site's name before or after it. `any_last` also cuts a last
/// `| Whatever` segment, as `<title>` almost always names the site there.
fn strip_site(title: &str, sites: &[&str], any_last: bool) -> String {
    let mut t = title.trim();
    for site in sites {
        let site = site.trim();
        for sep in SEPARATORS {
            if let Some(head) = t.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
                t = head.trim();
            }
            if let Some(tail) = t.strip_prefix(site).and_then(|h| h.strip_prefix(sep)) {
                t = tail.trim();
            }
        }
    }
    if any_last && let Some(at) = t.rfind(" | ") {
        t = t[..at].trim();
    }
    t.to_string()
}

/// Puts the furniture the HTML reader left out after the page's text, where no entry reaches,
/// as dropped lines with their rules.
fn append_furniture(story: &mut Story, page: &Page) {
    if page.furniture.is_empty() {
        return;
    }
    let first = story.text.matches('\n').count() as u32 + 2;
    for (line, piece) in (first..).zip(&page.furniture) {
        story.text.push('\n');
        let start = story.text.len();
        story.text.push_str(&piece.text);
        story.dropped.push(DroppedLine {
            line,
            rule: piece.rule.to_string(),
            span: Span::new(start, story.text.len()),
        });
    }
}

/// After dates are resolved: exact instants where the markup agrees with the shown clocks, and
/// the structured data's entries the page does not show.
pub(crate) fn apply_structured(story: &mut Story, page: &Page) {
    let zone = story.zone;
    if !page.hints.is_empty() {
        for entry in &mut story.entries {
            let Some(clock) = entry.clock else { continue };
            let Ok(i) = page.hints.binary_search_by_key(&entry.line, |h| h.line) else { continue };
            // Several hints may share the line: look at each of them.
            let same_line = page.hints[..=i].iter().rev().take_while(|h| h.line == entry.line);
            let same_line = same_line.chain(page.hints[i + 1..].iter().take_while(|h| h.line == entry.line));
            for hint in same_line {
                if let HintKind::Time { instant: Some(w) } = hint.kind
                    && let Some(at) = agreeing(w, clock, entry.zone.or(zone))
                {
                    entry.at = Some(at);
                    break;
                }
            }
        }
    }
    if let Some(s) = &page.structured {
        add_unshown(story, &s.updates, zone);
    }
}

/// The instant `w` when it shows `clock` in the page's zone.
fn agreeing(w: When, clock: Clock, zone: Option<Zone>) -> Option<When> {
    match (w, zone) {
        (When::Zoned(t), Some(z)) => {
            let local = zone::local_in(z, t);
            (Clock::from_time(local.time()) == clock).then_some(When::Zoned(local))
        }
        // Without a known zone, an instant agrees when its own offset shows the clock.
        (When::Zoned(t), None) => (Clock::from_time(t.time()) == clock).then_some(When::Zoned(t)),
        (When::Local(t), z) => (Clock::from_time(t.time()) == clock)
            .then(|| z.and_then(|z| z.resolve(t)).map_or(When::Local(t), When::Zoned)),
    }
}

/// Appends the structured updates that no entry of the page matches, newest first.
pub(crate) fn add_unshown(story: &mut Story, updates: &[StructuredUpdate], zone: Option<Zone>) {
    let dated: Vec<&StructuredUpdate> = updates.iter().filter(|u| u.published.is_some()).collect();
    // Every update stamped alike is the page's modification time, not the posts'.
    let stamped_alike = dated.len() > 2
        && dated.iter().all(|u| u.published.map(|w| w.sort_key()) == dated[0].published.map(|w| w.sort_key()));
    if dated.is_empty() || (stamped_alike && !story.entries.is_empty()) {
        return;
    }
    let keys: Vec<(String, String)> = story
        .entry_refs()
        .map(|e| (fold(e.headline().unwrap_or("")), fold(&e.body().take(2).collect::<Vec<_>>().join(" "))))
        .collect();
    let mut unshown: Vec<(When, &StructuredUpdate)> = Vec::new();
    for update in dated {
        let w = update.published.expect("dated");
        let w = match (w, zone) {
            (When::Zoned(t), Some(z)) => When::Zoned(zone::local_in(z, t)),
            (w, _) => w,
        };
        let clock = Clock::from_time(w.local().time());
        let shown = story.entries.iter().zip(&keys).any(|(e, (headline, body))| {
            e.at.is_some_and(|a| (a.sort_key() - w.sort_key()).abs() < 60)
                || (e.clock == Some(clock) && e.at.is_none_or(|a| a.local().date() == w.local().date()))
                || same_words(update.headline.as_deref(), headline, body)
                || same_words(update.body.as_deref(), headline, body)
        });
        if !shown {
            unshown.push((w, update));
        }
    }
    unshown.sort_by_key(|(w, _)| std::cmp::Reverse(w.sort_key()));
    let mut line = story.text.matches('\n').count() as u32 + 1;
    for (w, update) in unshown {
        let mut entry = Entry { clock: Some(Clock::from_time(w.local().time())), at: Some(w), ..Entry::default() };
        let mut push = |text: &str, story: &mut Story| {
            story.text.push('\n');
            line += 1;
            let start = story.text.len();
            story.text.push_str(text);
            (line, Span::new(start, story.text.len()))
        };
        if let Some(h) = &update.headline {
            let (l, span) = push(h, story);
            entry.line = l;
            entry.headline = Some(span);
        }
        if let Some(b) = &update.body
            && update.headline.as_deref() != Some(b.as_str())
        {
            let (l, span) = push(b, story);
            if entry.line == 0 {
                entry.line = l;
            }
            entry.body.push(span);
        }
        if entry.line != 0 {
            story.entries.push(entry);
        }
    }
}

/// Whether the first words of a structured update's text open an entry's headline or body.
pub(crate) fn same_words(text: Option<&str>, headline: &str, body: &str) -> bool {
    let Some(text) = text else { return false };
    let words: Vec<String> = fold(text).split(' ').take(8).map(str::to_string).collect();
    let probe = words.join(" ");
    if probe.len() < 12 {
        return !probe.is_empty() && (headline == probe || body.starts_with(&probe));
    }
    headline.starts_with(&probe) || probe.starts_with(headline) && headline.len() >= 12 || body.contains(&probe)
}

/// Whether the page's shown date is a day with no time (`18 ottobre 2024` under the headline)
/// and the structured data's modification comes within the two days from its start: the shown
/// date is then when the page went up (a night's feed runs into the next day), and the
/// modification time dates the newest post.
fn day_only_before(shown: When, modified: When) -> bool {
    let (shown, modified) = (shown.local(), modified.local());
    shown.time() == chrono::NaiveTime::MIN && modified > shown && modified - shown <= chrono::Duration::hours(48)
}

#[cfg(test)]
#[path = "reconcile_tests.rs"]
mod tests;
