//! A post's credit line that closes it with the clock then the date (`Posted by Hamish
//! Morrison, Senior Political Reporter, at 3.47pm on 4 December 2024`, `Publié par Anne Roy à
//! 14h03 le 4 décembre 2024`): the byline word (after a `posted` word or alone), a name with its
//! role, the at-word, the clock, then the day and month. The clock stamps the post the line
//! closes; a dump may wrap the year onto the next line, so the year is optional here (the
//! page's days supply it).

use super::{Shape, Stamp, clock_of, zones};
use crate::parse::words::words;
use regex::Regex;
use std::sync::LazyLock;

static POSTED_BY: LazyLock<Regex> = LazyLock::new(|| {
    let w = words();
    Regex::new(&format!(
        r"(?i)^(?:(?:{publ})\s+(?:(?:{by})\s+)?|(?:{by})\s+)(?P<name>(?-i:\p{{Lu}})[^\d]{{1,90}}?)[\s,]+(?:{at})\s+(?P<h>\d{{1,2}})\s*[:.h]\s*(?P<m>\d{{2}})\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<zone>{zones})?\s*,?\s*(?:on|the|le|am|il|el|del|du|vom|de)?\s*(?:(?:{wd})\.?,?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+)?(?P<mo>{mo})\.?(?:,?\s+(?P<y>\d{{4}}))?\s*$",
        publ = w.published_alt,
        by = w.by_alt,
        at = w.at_alt,
        wd = w.weekday_alt,
        mo = w.month_alt,
        zones = zones(),
    ))
    .expect("posted-by regex")
});

/// Reads `Posted by <name>, <role>, at <clock> on <date>` as the post's stamp, its name as the
/// byline's rest.
pub(super) fn posted_by(line: &str, context: Option<&str>) -> Option<Stamp> {
    let caps = POSTED_BY.captures(line)?;
    let name = caps.name("name")?;
    let prefix = name.as_str().trim_end_matches([',', ' ']);
    // A name ends on a capitalised word (a role may follow it): a sentence does not.
    if prefix.ends_with(['.', '!', '?', ':']) || prefix.split_whitespace().count() > 12 {
        return None;
    }
    let ampm = caps.name("ampm").map(|m| m.as_str().to_ascii_lowercase().replace('.', ""));
    let clock = clock_of(&caps["h"], Some(&caps["m"]), ampm.as_deref())?;
    let (d, m): (u32, u32) = (caps["d"].parse().ok()?, words().month(&caps["mo"])?);
    let y = caps.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
    chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d)?;
    Some(Stamp {
        clock,
        zone: caps.name("zone").and_then(|z| words().zone(z.as_str(), context)),
        date: Some((d, m, y)),
        shape: Shape::Byline,
        rest: Some((name.start(), name.start() + prefix.len())),
        leading: false,
        unshown: None,
    })
}

/// A `posted` word, a byline word and a capitalised name: the credit that opens
/// `Posted by Saurabh VaktaniaNov 24, 2024 00:41 IST`.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let w = words();
    Regex::new(&format!(
        r"(?i)^(?:{publ})\s+(?:{by})\s+(?P<name>(?-i:\p{{Lu}}))",
        publ = w.published_alt,
        by = w.by_alt
    ))
    .expect("posted-by credit regex")
});

/// `Posted by <name>` then the post's date and clock (`Posted by India Todai Web DeskNov 23,
/// 2024 22:58 IST`, glued as copies glue spans): the `posted` word would make the line a
/// dateline, but the name after `by` says it is a post's credit, however long the name.
pub(super) fn posted_by_dated(line: &str, context: Option<&str>) -> Option<Stamp> {
    let name_at = CREDIT.captures(line)?.name("name")?.start();
    let (start, part) = super::dateline::stamp_parts(line, context)?;
    let name = line.get(name_at..start)?.trim_end_matches([' ', ',', '|', '-', '–', '·', '•', '\u{a0}']);
    if name.is_empty()
        || name.chars().count() > 60
        || name.ends_with(['.', '!', '?', ':'])
        || name.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some(Stamp {
        clock: part.clock,
        zone: part.zone,
        date: Some(part.date),
        shape: Shape::Byline,
        rest: Some((name_at, name_at + name.len())),
        leading: false,
        unshown: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Shape, stamp};

    #[test]
    fn a_long_credit_glued_to_its_date_and_clock_stamps_the_post() {
        for (line, want, name) in [
            ("Posted by Saurabh VaktaniaNov 24, 2024 00:41 IST", "00:41", "Saurabh Vaktania"),
            ("Posted by India Todai Web DeskNov 23, 2024 22:58 IST", "22:58", "India Todai Web Desk"),
        ] {
            let s = stamp(line, None).unwrap_or_else(|| panic!("{line}"));
            let (a, b) = s.rest.expect("name");
            assert_eq!((s.clock.to_string().as_str(), s.shape, &line[a..b]), (want, Shape::Byline, name), "{line}");
        }
        assert!(super::posted_by_dated("Posted on Nov 23, 2024 22:58 IST", None).is_none());
    }

    #[test]
    fn a_credit_closing_a_post_with_clock_then_date_stamps_it() {
        for (line, want, date) in [
            (
                "Posted by Hamish Morrison, Senior Political Reporter, at 3.47pm on 4 December 2024",
                "15:47",
                (4, 12, Some(2024)),
            ),
            ("Posted by Abbi Garton-Crosbie at 12.03pm on 4 December", "12:03", (4, 12, None)),
            ("By Jane Smith at 9:05am on Tuesday 3 September 2024", "09:05", (3, 9, Some(2024))),
            ("Publié par Anne Roy à 14h03 le 4 décembre 2024", "14:03", (4, 12, Some(2024))),
        ] {
            let s = stamp(line, None).unwrap_or_else(|| panic!("{line}"));
            assert_eq!((s.clock.to_string().as_str(), s.shape, s.date), (want, Shape::Byline, Some(date)), "{line}");
        }
        for line in [
            "Posted by the council at 3.47pm on the website",
            "By the end of the meeting at 3pm on 4 December",
            "The vote is expected at 3.47pm on 4 December 2024",
        ] {
            assert!(super::posted_by(line, None).is_none(), "{line}");
        }
    }
}
