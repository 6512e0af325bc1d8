//! The header's datelines read into the story: a line that is a dateline as a whole (`Updated
//! 21:22, 6 OCT 2020`, `Published … | Updated …`, a byline row's date-time), each of its dates
//! into the slot its word names (started, ended, published, updated), and, on a page whose
//! header gives none, the short dated lines under the feed.

use super::facts::{self, meta_row};
use super::shapes::updated_at;
use crate::model::Story;
use crate::parse::lines::{Kind, Line};
use crate::parse::time::{self, DatelineKind};

/// A page that gives no zone or date in its header may give them elsewhere ("Wednesday 22
/// June 2011 09.31 BST guardian.co.uk" under the feed): short text lines with a clock are
/// read as datelines, into the slots still empty.
pub(super) fn trailer_datelines(story: &mut Story, text: &str, lines: &[Line]) {
    for line in lines {
        let len = (line.span.end - line.span.start) as usize;
        if line.kind != Kind::Text || len > 160 {
            continue;
        }
        let t = &text[line.span.start as usize..line.span.end as usize];
        if time::has_clock_bytes(t.as_bytes()) {
            header_dateline(story, t);
        }
    }
}

/// Whether a line is a dateline as a whole (see [`header_dateline`]).
pub(super) fn is_dateline(line: &str) -> bool {
    let parts = time::datelines(line);
    parts.first().is_some_and(|first| dateline_whole(line, parts.len(), first.kind)) && line.chars().count() <= 120
        || updated_at(line).is_some()
}

/// A date inside a title ("… live: Thursday 18 January 2018") dates the page but the line
/// stays the title.
fn dateline_whole(line: &str, parts: usize, kind: DatelineKind) -> bool {
    parts > 1 || kind != DatelineKind::Plain || line.chars().count() <= 40 || !line.chars().any(char::is_lowercase)
}

/// Reads a header line as a dateline into the story's coverage; false if it is not one.
pub(super) fn header_dateline(story: &mut Story, line: &str) -> bool {
    if facts::embed_credit(line) {
        return false;
    }
    // Beside `Aktualisiert vor 12 Min.` a date that says nothing is when the page went up: its
    // update is the relative time, counted from the copy.
    let updated_ago = line
        .split(['·', '|', '•'])
        .any(|seg| matches!(time::relative_inline::inline_ago(seg), Some((_, time::relative_inline::Beside::Updated))));
    let one_dateline = |story: &mut Story, line: &str| one_dateline_as(story, line, updated_ago);
    if one_dateline(story, line) {
        return true;
    }
    if let Some((published, updated)) = super::update_clock::dated_then_updated(line) {
        for (part, slot) in [(published, &mut story.published), (updated, &mut story.updated)] {
            if slot.is_none() {
                *slot = Some(crate::parse::dates::dateline_when(&part, story.zone));
            }
        }
        return true;
    }
    // `By Dana Kim · Jun 10, 2024, 11:55 AM PDT`: each fact of a row is read on its own.
    if !meta_row(line) {
        return false;
    }
    // `Luis Gómez Madrid - 26 oct 2024 - 23:06 CEST`: the place, then the date and the time.
    let dashed: Vec<&str> = line.split(" - ").map(str::trim).collect();
    if dashed.len() >= 3 && one_dateline(story, &dashed[1..].join(" ")) {
        return true;
    }
    // Every part is read (no short cut): a row may hold both when it started and when it ended.
    let mut any = false;
    for part in line.split(['·', '|', '•']) {
        any |= one_dateline(story, part.trim());
    }
    any
}

/// Reads one dateline into the story; a date that says nothing is the page's publication when
/// `plain_published` (see [`header_dateline`]), else its update.
fn one_dateline_as(story: &mut Story, line: &str, plain_published: bool) -> bool {
    let mut parts = time::datelines(line);
    let Some(first) = parts.first() else {
        return false;
    };
    // A date with its clock and zone (`Wednesday November 06 2024, 3.47am GMT, The Chronicle`)
    // is the page's, whatever follows it.
    // So is a date-time closing a byline, however long its credit (`By Tom Haskell, Political
    // Editor and Amy Lloyd30 October 2024 • 4:48pm`).
    let timed = |zoned: bool| parts.iter().any(|p| p.time.is_some() && (p.zone.is_some() || !zoned));
    let whole =
        dateline_whole(line, parts.len(), first.kind) || timed(true) || facts::byline_opens(line) && timed(false);
    // What a date is said to be wins over a date that says nothing.
    parts.sort_by_key(|p| p.kind == DatelineKind::Plain);
    // A date that says nothing beside one said to be the update (`21.02.2025, 18:05 Uhr ·
    // Aktualisiert: 24.02.2025, 00:48 Uhr`) is when the page went up.
    let plain_published = plain_published
        || parts.len() == 2 && parts[0].kind == DatelineKind::Updated && parts[1].kind == DatelineKind::Plain;
    for part in &parts {
        // A date inside a sentence (a caption's "ce 21 octobre 2024") says nothing of the page.
        if part.kind == DatelineKind::Plain && !whole {
            continue;
        }
        if story.zone.is_none() {
            story.zone = part.zone;
        }
        let when = crate::parse::dates::dateline_when(part, story.zone);
        let slot = match part.kind {
            DatelineKind::Started => &mut story.coverage_start,
            DatelineKind::Ended => &mut story.coverage_end,
            DatelineKind::Published => &mut story.published,
            DatelineKind::Plain if plain_published => &mut story.published,
            DatelineKind::Updated | DatelineKind::Plain => &mut story.updated,
        };
        if slot.is_none() {
            *slot = Some(when);
        }
    }
    whole && line.chars().count() <= 120
}

#[cfg(test)]
mod tests {
    use super::super::built_story;

    #[test]
    fn a_date_with_clock_and_zone_dates_the_page_whatever_follows_it() {
        let text = "US election live\n\nWednesday November 06 2024, 3.47am GMT, The Chronicle\n\n3.47am\nTrump wins\nThe state is called.\n\n\
                    2.15am\nStill counting\nVotes remain.\n\nRelated articles\nWho is JD Vance?November 05 2024, 6.00pm\n";
        let s = built_story(text);
        assert_eq!(s.updated.map(|u| u.local().to_string()), Some("2024-11-06 03:47:00".to_string()));
    }

    #[test]
    fn an_opening_date_time_then_the_clock_of_the_last_update_dates_the_page() {
        let text = "Maltempo, la diretta\n\n18 settembre 2024 13:40 - Aggiornato alle 21:52\n\n21:48\nEvacuate 300 persone\n\
                    Il sindaco ha firmato l'ordinanza.\n\n20:15\nMusumeci\nPronti allo stato di emergenza.\n";
        let s = built_story(text);
        assert_eq!(s.published.map(|u| u.local().to_string()), Some("2024-09-18 13:40:00".to_string()));
        assert_eq!(s.updated.map(|u| u.local().to_string()), Some("2024-09-18 21:52:00".to_string()));
    }

    #[test]
    fn a_date_time_closing_a_long_byline_dates_the_page() {
        let text = "Budget live: taxes rise\n\nBy Tom Haskell, Political Editor and Amy Lloyd30 October 2024 • 4:48pm\n\n\
                    4.48pm\nIFS says taxes rise\nThe IFS said so.\n\n3.52pm\nMarkets calm\nGilts were steady.\n";
        let s = built_story(text);
        assert_eq!(s.updated.map(|u| u.local().to_string()), Some("2024-10-30 16:48:00".to_string()));
        // A sentence that names a day and a time is no dateline.
        let text = "Budget live: taxes rise\n\nThe Chancellor will speak on 30 October 2024 at 12.30pm, the Treasury said\n\n\
                    4.48pm\nIFS says taxes rise\nThe IFS said so.\n\n3.52pm\nMarkets calm\nGilts were steady.\n";
        assert_eq!(built_story(text).updated, None);
    }
}
