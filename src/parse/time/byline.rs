//! Stamps that close a byline or a dateline instead of opening a post: a name then a date
//! and a time (`Jamie Braidwood14 August 2023 10:01`, `Le Monde le 26 février à 23h28`), a name
//! then a clock marked as a time (`From the National Desk1:12 a.m. ET`), and `Updated` then a
//! date-time (`Updated21:22, 6 OCT 2020`).

use super::{DatelineKind, Shape, Stamp, clock_from, dateline, zones};
use crate::parse::words::words;
use regex::Regex;
use std::sync::LazyLock;

/// A byline or dateline ending with a date and a time.
pub(super) fn byline(line: &str, context: Option<&str>) -> Option<Stamp> {
    if dateline::has_kind(line) {
        return updated_stamp(line, context).or_else(|| super::posted_by::posted_by_dated(line, context));
    }
    let Some((start, part)) = dateline::stamp_parts(line, context) else {
        return trailing_clock(line, context);
    };
    let prefix = line[..start].trim_end_matches([' ', ',', '|', '-', '–', '·', '•', '\u{a0}']);
    let prefix = strip_connector(prefix);
    // A byline word may open a long credit (`By Muiris O'Cearbhaill, Political Correspondent,
    // and Press Association reporters · Tue 1 Oct 2024, 14:03`); without one, a long text
    // before a date-time is a sentence.
    let most = if BY.is_match(prefix) { 100 } else { 60 };
    if prefix.chars().count() > most || prefix.ends_with(['.', '!', '?', ':']) {
        return None;
    }
    let rest = (!prefix.is_empty()).then(|| {
        let at = line.len() - line.trim_start().len();
        (at, prefix.len())
    });
    Some(Stamp {
        clock: part.clock,
        zone: part.zone,
        date: Some(part.date),
        shape: if rest.is_some() { Shape::Byline } else { Shape::Dated },
        rest,
        leading: false,
        unshown: None,
    })
}

static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<h>\d{{1,2}})[:.h](?P<m>\d{{2}})\s*(?:(?P<ampm>[aApP]\.?[mM]\.?)\s*)?(?P<zone>{})?(?:\s*\p{{Lu}}{{3,}}(?:\s\p{{Lu}}{{2,}}){{0,2}})?\s*$",
        zones()
    ))
    .expect("trailing clock regex")
});

/// The word between a name and its time (`Par Claire Morel, à 13h48`), with the comma before it.
static AT_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)[\s,]+(?:{})$", words().at_alt)).expect("byline at-word regex"));

/// A byline word, then a name in capitals.
static BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?i:{})\s+\p{{Lu}}", words().by_alt)).expect("byline word regex"));

/// A byline word then a name, glued to the clock before it (`09:14di Davide Falcioni`,
/// `17:12By Jane Smith`): the post's author, as a capitalised name glued there is.
pub(super) fn glued_author(tail: &str) -> bool {
    let t = tail.trim_end();
    BY.is_match(t) && !dated_words(t) && t.chars().count() <= 48 && !t.contains(|c: char| c.is_ascii_digit())
}

/// `By Tuesday 15:00`: a deadline, not a byline. Only a weekday's full name right after the
/// byline word counts: names may be months (`Marco`, `June`) or abbreviations (`Di Stefano`).
fn dated_words(prefix: &str) -> bool {
    prefix.split_whitespace().nth(1).is_some_and(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.chars().count() >= 5 && words().weekday(w).is_some()
    })
}

/// A byline ending with a clock and no date, marked as a time by `a.m.`/`pm` or a zone: `From
/// the National Desk1:12 a.m. ET`, also with a label in capitals after it (`Camille
/// Dupont19:42 CETKEY EVENT`) — or opened by a byline word (`By Joe Smith 15:20`), which says
/// the number after the name is the post's time, also after a comma and `à` (`Par Claire
/// Morel, à 13h48`, the French clock). The name must be short and no sentence.
fn trailing_clock(line: &str, context: Option<&str>) -> Option<Stamp> {
    let caps = TRAILING.captures(line)?;
    let (h, zone) = (caps.name("h")?, caps.name("zone"));
    let ampm = caps.name("ampm").map(|m| m.as_str().to_ascii_lowercase());
    let prefix = line[..h.start()].trim_end_matches([' ', ',', '|', '-', '–', '·', '•', '\u{a0}']);
    let prefix = AT_END.find(prefix).map_or(prefix, |m| &prefix[..m.start()]);
    // Unmarked, the clock needs a byline word before the name.
    let by = BY.is_match(prefix) && !dated_words(prefix);
    if ampm.is_none() && zone.is_none() && !by {
        return None;
    }
    let count = prefix.split_whitespace().count();
    // A name ends with a capitalised word; a sentence (`closes at 9:40 p.m.`) does not.
    let named = prefix.split_whitespace().last().is_some_and(|w| w.starts_with(char::is_uppercase));
    if !named
        || !(2..=8).contains(&count)
        || prefix.ends_with(['.', '!', '?', ':', ','])
        || !prefix.starts_with(char::is_uppercase)
        || prefix.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    let clock = clock_from(&caps, ampm.map(|a| a.replace('.', "")).as_deref())?;
    let at = line.len() - line.trim_start().len();
    Some(Stamp {
        clock,
        zone: zone.and_then(|z| words().zone(z.as_str(), context)),
        date: None,
        shape: Shape::Byline,
        rest: Some((at, at + prefix.trim_start().len())),
        leading: false,
        unshown: None,
    })
}

/// `Updated21:22, 6 OCT 2020`: a word that says what the date is, then the date-time alone.
/// Seen once it is the page's dateline; repeated, each one stamps a post (weighed by the
/// caller, as every dated shape is).
fn updated_stamp(line: &str, context: Option<&str>) -> Option<Stamp> {
    let (start, part) = dateline::stamp_parts(line, context)?;
    let prefix = line[..start].trim_end_matches([' ', ',', '|', '-', '–', ':', '\u{a0}']);
    if prefix.is_empty() || prefix.chars().count() > 24 || prefix.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // Only `Updated` or `Published` (`Publié le 28/06/2024 à 18h05` over each post): a page's
    // header says when coverage started or ended once, and such a line must never start a
    // family of stamps above the posts.
    let parts = dateline::datelines(line);
    if !dateline::opens_with_kind(prefix)
        || parts.len() != 1
        || !matches!(parts[0].kind, DatelineKind::Updated | DatelineKind::Published)
    {
        return None;
    }
    Some(Stamp {
        clock: part.clock,
        zone: part.zone,
        date: Some(part.date),
        shape: Shape::Dated,
        rest: None,
        leading: false,
        unshown: None,
    })
}

/// `Le Monde le` → `Le Monde`: the word that introduces a date after a name.
fn strip_connector(prefix: &str) -> &str {
    for word in [" le", " on", " am", " il", " el", " the", " du", " vom", " del", ","] {
        if prefix.len() > word.len() && prefix.to_lowercase().ends_with(word) {
            return prefix[..prefix.len() - word.len()].trim_end();
        }
    }
    prefix
}

#[cfg(test)]
mod tests {
    use super::super::{Shape, stamp};

    #[test]
    fn a_byline_word_makes_a_plain_clock_after_a_name_a_stamp() {
        for (line, want) in [
            ("By Joe Smith 15:20", "15:20"),
            ("Par Claire Morel 09:05", "09:05"),
            ("Von Anna Berg 7:45", "07:45"),
            ("Di Marco Di Stefano 11:48", "11:48"),
            ("By June Sarpong 10:02", "10:02"),
            ("Par Claire Morel, à 13h48", "13:48"),
            ("Par Hugo Lefèvre, à 7h32", "07:32"),
            ("By Joe Smith at 15:20", "15:20"),
        ] {
            let s = stamp(line, None).unwrap_or_else(|| panic!("{line}"));
            assert_eq!((s.clock.to_string().as_str(), s.shape), (want, Shape::Byline), "{line}");
        }
        // Without the byline word a plain number after a name is no time, nor after a sentence.
        for line in [
            "Joe Smith 15:20",
            "By the end of the day 15:20",
            "By Tuesday 15:20",
            "By Monday Morning 09:00",
            "by joe smith 15:20",
            "Trains run from 10:32",
            "Claire Morel, à 13h48",
            "Par la suite, à 13h48",
        ] {
            assert!(stamp(line, None).is_none(), "{line}");
        }
    }
}
