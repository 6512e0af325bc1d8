//! A ticker above the page's header (`BREAKING13:58Pound falls…`, `Eilmeldung` / `12:40`, a
//! market strip `As on Aug 05, 2024 15:59 IST`): outlets print a breaking-news band or a
//! strip with its own time above the headline, and a copy or a dump keeps it there. The
//! header's own dateline (`Updated 30 October 2024 4:21pm`, `Stand: 27.01.2025, 16:52 Uhr`)
//! under that time, before any other stamp, says the time stood above the header: it stamps
//! no post, and the lines under it are the header (the title among them), not a post.

use super::{Kind, LayoutRule, Lines, text_of};
use crate::parse::time::{self, DatelineKind};

/// How many stamps the feed must have below the header's dateline: a page of one or two
/// posts may print its dateline inside its first post.
const FEED: usize = 3;

/// Marks the first stamp as furniture when the header's dateline (or the marked `h1`) stands
/// under it.
pub(super) fn tickers_above_header(out: &mut Lines, text: &str) {
    let times: Vec<usize> = (0..out.lines.len()).filter(|&i| out.lines[i].kind == Kind::Time).collect();
    let Some(&first) = times.first() else { return };
    // A date-time alone (`Fri 19 Feb 2021 19.41 GMT` over `First published on …`) is the
    // header's own dateline, not a ticker's.
    if out.stamp(&out.lines[first]).is_some_and(|s| s.date.is_some() && s.rest.is_none()) {
        return;
    }
    // A day divider right above the stamp (`Vendredi 18 octobre` / `09h40`) opens the feed:
    // no band above the header is divided by days, so a dated caption under it is the post's.
    if out.lines[..first].iter().rev().find(|l| l.kind != Kind::Blank).is_some_and(|l| l.kind == Kind::DayHeader) {
        return;
    }
    let next = times.get(1).copied().unwrap_or(out.lines.len());
    // The dateline may itself have been read as a stamp (`Stand: 27.01.2025, 16:52 Uhr`).
    let dateline = (first + 1..(next + 1).min(out.lines.len())).find(|&i| {
        let line = &out.lines[i];
        line.h1 || matches!(line.kind, Kind::Text | Kind::Time) && header_dateline(text_of(text, line))
    });
    let Some(d) = dateline else { return };
    // A feed whose posts are stamped by datelines (`Updated: Nov 2, 2023, 21:06 IST` over each)
    // has no header dateline to tell apart.
    let feed: Vec<usize> = times.iter().copied().filter(|&t| t > d).collect();
    if feed.iter().any(|&t| header_dateline(text_of(text, &out.lines[t]))) {
        return;
    }
    if feed.len() >= FEED {
        out.lines[first].kind = Kind::Furniture(LayoutRule::AboveHeader);
    }
}

/// A dateline that says the page was published or updated, with its date: the header's
/// (`Giovedì 19 Settembre 2024, 18:31 - Ultimo aggiornamento: 18:33` says it after the date).
fn header_dateline(line: &str) -> bool {
    if line.chars().count() > 120 {
        return false;
    }
    let parts = time::datelines(line);
    parts.iter().any(|p| matches!(p.kind, DatelineKind::Published | DatelineKind::Updated))
        || !parts.is_empty() && time::dateline::has_kind(line)
}

#[cfg(test)]
mod tests {
    use crate::parse::lines::{Kind, LayoutRule, classify};
    use crate::parse::rules::Rules;

    fn kinds(text: &str) -> Vec<Kind> {
        classify(text, &Rules::default(), &[]).lines.iter().map(|l| l.kind).collect()
    }

    #[test]
    fn a_breaking_band_above_the_headline_and_its_dateline_stamps_no_post() {
        let post = "The minister spoke at length about the measures, which take effect in April.";
        let page = format!(
            "BREAKING13:58Pound falls against the dollar\nBudget 2024 live: Reeves raises taxes\n\
             Updated 30 October 2024 4:21pm · 1,204 comments\n\n16:18\nIFS reacts\n{post}\n\n15:02\nSunak replies\n{post}\n\n\
             13:42\nEmployer NI rises\n{post}\n"
        );
        let k = kinds(&page);
        assert_eq!(k[0], Kind::Furniture(LayoutRule::AboveHeader));
        assert_eq!(k.iter().filter(|k| **k == Kind::Time).count(), 3);
    }

    #[test]
    fn a_first_post_with_an_updated_line_and_a_short_feed_keeps_its_stamp() {
        let post = "The minister spoke at length about the measures, which take effect in April.";
        let page =
            format!("16:18\nIFS reacts\nUpdated 30 October 2024 4:21pm\n{post}\n\n15:02\nSunak replies\n{post}\n");
        assert_ne!(kinds(&page)[0], Kind::Furniture(LayoutRule::AboveHeader));
    }

    #[test]
    fn a_first_post_under_a_day_divider_with_a_dated_caption_keeps_its_stamp() {
        let post = "Les services du département estiment que la route ne pourra pas rouvrir avant plusieurs jours.";
        let page = format!(
            "Vendredi 18 octobre\n\n09h40\n\nLa vigilance rouge est levée\nLa Vésubie en crue. (Photo F. C.). Publié le 17/10/2024\n{post}\n\n\
             07h12\nLes écoles fermées\n{post}\n\n06h10\nLa route coupée\n{post}\n\n05h02\nLe point\n{post}\n"
        );
        assert_eq!(kinds(&page).iter().filter(|k| **k == Kind::Time).count(), 4);
    }
}
