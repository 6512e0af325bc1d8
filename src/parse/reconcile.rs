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
    let title = meta
        .og_title
        .as_deref()
        .map(|t| strip_site(t, &sites, false))
        .or_else(|| structured.and_then(|s| s.headline.as_deref()).map(|t| strip_site(t, &sites, false)))
        .or_else(|| meta.h1.clone())
        .or_else(|| meta.html_title.as_deref().map(|t| strip_site(t, &sites, true)))
        .filter(|t| !t.is_empty());
    if let Some(title) = title {
        story.title = title;
    }
    if let Some(outlet) = publisher.or_else(|| meta.site_name.clone()) {
        story.outlet = Some(outlet);
    }
    if story.url.is_none() {
        story.url = meta.url.clone();
    }
    if let Some(s) = structured {
        story.coverage_start = story.coverage_start.or(s.coverage_start);
        story.coverage_end = story.coverage_end.or(s.coverage_end);
        story.published = story.published.or(s.published);
        story.updated = story.updated.or(s.modified);
    }
    story.published = story.published.or(meta.published);
    story.updated = story.updated.or(meta.modified);
    if story.zone.is_none() && !page.meta.eq(&Default::default()) {
        story.zone = zone::infer(meta.lang.as_deref(), &instants(page));
    }
    append_furniture(story, page);
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
    let mut line = story.text.matches('\n').count() as u32 + 1;
    for piece in &page.furniture {
        story.text.push('\n');
        line += 1;
        let start = story.text.len();
        story.text.push_str(&piece.text);
        story.dropped.push(DroppedLine { line, rule: piece.rule.to_string(), span: Span::new(start, story.text.len()) });
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
fn add_unshown(story: &mut Story, updates: &[StructuredUpdate], zone: Option<Zone>) {
    let dated: Vec<&StructuredUpdate> = updates.iter().filter(|u| u.published.is_some()).collect();
    // Every update stamped alike is the page's modification time, not the posts'.
    let stamped_alike =
        dated.len() > 2 && dated.iter().all(|u| u.published.map(|w| w.sort_key()) == dated[0].published.map(|w| w.sort_key()));
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
fn same_words(text: Option<&str>, headline: &str, body: &str) -> bool {
    let Some(text) = text else { return false };
    let words: Vec<String> = fold(text).split(' ').take(8).map(str::to_string).collect();
    let probe = words.join(" ");
    if probe.len() < 12 {
        return !probe.is_empty() && (headline == probe || body.starts_with(&probe));
    }
    headline.starts_with(&probe) || probe.starts_with(headline) && headline.len() >= 12 || body.contains(&probe)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn site_names_are_cut_from_titles() {
        assert_eq!(strip_site("Storm live: trees down | The Daily", &["The Daily"], false), "Storm live: trees down");
        assert_eq!(strip_site("Guerre - Le Site", &["Le Site"], false), "Guerre");
        assert_eq!(strip_site("Israel - Hamas war live", &["The Daily"], false), "Israel - Hamas war live");
        assert_eq!(strip_site("Vote live | World news | The Paper", &[], true), "Vote live | World news");
    }

    #[test]
    fn an_instant_counts_only_where_it_shows_the_clock() {
        let paris = Some(Zone::Region(chrono_tz::Europe::Paris));
        let z = |s| When::Zoned(DateTime::parse_from_rfc3339(s).unwrap());
        let clock = Clock::new(17, 38).unwrap();
        let agreed = agreeing(z("2024-10-21T15:38:00Z"), clock, paris).unwrap();
        assert_eq!(agreed.to_rfc3339(), "2024-10-21T17:38:00+02:00");
        // Local time labelled UTC: the shown clock wins.
        assert_eq!(agreeing(z("2024-10-21T17:38:00Z"), clock, paris), None);
        assert!(agreeing(z("2024-10-21T17:38:00+02:00"), clock, None).is_some());
    }
}
