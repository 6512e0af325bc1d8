//! The items of a most-read, trending or related rail, whose dates stamp no post: under the
//! rail's heading (`Most popular`, `Meistgelesen`, `Read More`: a rule named in [`RAIL_RULES`]
//! of `assets/boilerplate.rules`) each item is a title with its date glued after it, as a copy
//! runs adjacent spans (`Heatwave warning for southern Europe30 August 2023 09:10`), a title
//! with a relative time (`… 1 hour ago`), or a title with its date on the next line. The rail
//! starts right under its heading and ends at the first line that is no such item — a
//! headline over a paragraph is the next post's, whatever date stands above it.

use super::{Kind, LayoutRule, Lines, text_of};
use crate::parse::rules::Rules;
use crate::parse::time::Shape;

/// The rules whose line heads a rail of dated links.
const RAIL_RULES: [&str; 2] = ["most-read", "related-block"];
/// At most this many items in a rail.
const ITEMS: usize = 10;
/// A title is a line, not a paragraph.
const TITLE_BYTES: usize = 160;

/// Marks the dates of the rails' items (`related-date` in `--explain`) and their titles as links.
pub(super) fn rail_dates(out: &mut Lines, text: &str, rules: &Rules) {
    let mut dates = Vec::new();
    let mut titles = Vec::new();
    for i in 0..out.lines.len() {
        if !out.dropped_rule(&out.lines[i]).is_some_and(|r| RAIL_RULES.contains(&rules.name(r))) {
            continue;
        }
        let below: Vec<usize> =
            (i + 1..out.lines.len()).filter(|&j| out.lines[j].kind != Kind::Blank).take(ITEMS * 2 + 2).collect();
        let mut n = 0;
        let mut titles_here = Vec::new();
        while n < below.len() {
            let j = below[n];
            if glued_item(out, text, j) {
                dates.push(j);
                n += 1;
                continue;
            }
            // A title, its date alone under it, and no paragraph after the date.
            let title = matches!(out.lines[j].kind, Kind::Text | Kind::Link) && short(out, j);
            let date_under = below.get(n + 1).is_some_and(|&d| lone_date(out, d));
            // A long line after the next one is a post's paragraph (a dump wraps it, so it may
            // end mid-sentence): the date above its headline is the post's.
            let paragraph_after = below.get(n + 3).is_some_and(|&p| long_text(out, text, p));
            // Only a rail of titles each over its date: a date under the last of plain links
            // may close the post above them.
            if title && date_under && !paragraph_after && n == 2 * titles_here.len() {
                titles_here.push(j);
                titles.push(j);
                dates.push(below[n + 1]);
                n += 2;
                continue;
            }
            // An item whose date the page does not print, or prints in words the stamps do
            // not read: a title, not a sentence.
            if title && !paragraph(out, text, j) && !text_of(text, &out.lines[j]).ends_with(['.', '!', '?']) {
                n += 1;
                continue;
            }
            break;
        }
    }
    for i in dates {
        out.lines[i].kind = Kind::Furniture(LayoutRule::RelatedDate);
    }
    for i in titles {
        out.lines[i].kind = Kind::Link;
    }
}

/// A stamp line whose date (or relative time) follows a title on the same line.
fn glued_item(out: &Lines, text: &str, i: usize) -> bool {
    let line = &out.lines[i];
    if !short(out, i) || text_of(text, line).ends_with(['.', '!', '?']) {
        return false;
    }
    out.stamp(line).is_some_and(|st| {
        (st.date.is_some() || st.unshown.is_some())
            && !st.leading
            && matches!(st.shape, Shape::Byline | Shape::Dated | Shape::Label | Shape::Bare)
            && st.rest.is_some_and(|(from, to)| from == 0 && to > 0)
    })
}

/// A date-time, or a relative time, alone on its line.
fn lone_date(out: &Lines, i: usize) -> bool {
    out.stamp(&out.lines[i])
        .is_some_and(|st| (st.date.is_some() && st.shape == Shape::Dated || st.unshown.is_some()) && st.rest.is_none())
}

fn short(out: &Lines, i: usize) -> bool {
    (out.lines[i].span.end - out.lines[i].span.start) as usize <= TITLE_BYTES
}

/// A long line of text: a paragraph, or a dump's first line of one.
fn long_text(out: &Lines, text: &str, i: usize) -> bool {
    out.lines[i].kind == Kind::Text && text_of(text, &out.lines[i]).chars().count() >= 60
}

/// A post's paragraph: a long line of text ending a sentence.
fn paragraph(out: &Lines, text: &str, i: usize) -> bool {
    let t = text_of(text, &out.lines[i]);
    out.lines[i].kind == Kind::Text && t.chars().count() >= 60 && t.ends_with(['.', '!', '?', '"', '”', '»'])
}

#[cfg(test)]
mod tests {
    use crate::parse::lines::{Kind, LayoutRule, classify};
    use crate::parse::rules::Rules;

    fn kinds(text: &str) -> Vec<(String, Kind)> {
        let lines = classify(text, Rules::embedded(), &[]);
        lines.lines.iter().map(|l| (text[l.span.start as usize..l.span.end as usize].to_string(), l.kind)).collect()
    }

    fn kind_of(text: &str, line: &str) -> Kind {
        kinds(text).into_iter().find(|(t, _)| t == line).map(|(_, k)| k).expect("line")
    }

    #[test]
    fn a_most_read_item_with_its_date_glued_stamps_no_post() {
        let text = "Storm live\n\nEvacuation orders issued\nTwenty-eight counties are under evacuation orders tonight.\n\
                    Jamie Reyes29 August 2023 21:15\n\nIdalia strengthens\nThe storm is now extremely dangerous, forecasters say.\n\
                    Jamie Reyes29 August 2023 23:40\n\nMost popular\nTrump mugshot: what happens next 1 hour ago\n\
                    Heatwave warning for southern Europe 30 August 2023 09:10\nVideo\n";
        assert_eq!(
            kind_of(text, "Heatwave warning for southern Europe 30 August 2023 09:10"),
            Kind::Furniture(LayoutRule::RelatedDate)
        );
        assert_eq!(kind_of(text, "Jamie Reyes29 August 2023 23:40"), Kind::Time);
    }

    #[test]
    fn a_headline_over_a_paragraph_after_the_heading_is_the_next_post() {
        let text = "Live\n\n10:02\nFirst post\nSome text here.\n\nMost read\n\
                    11 October 2024 09:10\nA headline of the next post\n\
                    This paragraph is long enough to be a post's own text and it ends a sentence.\n\
                    11 October 2024 08:12\nAnother post\nMore text.\n";
        assert_eq!(kind_of(text, "11 October 2024 09:10"), Kind::Time);
    }

    /// A numbered item with its date-time on the title's line.
    #[test]
    fn a_dated_item_under_a_most_read_heading_stamps_no_post() {
        let text = "Budget live\n\n14:03\n\nEnergy credits confirmed\n\nThree credits will be paid.\n\n\
                    13:19\n\nMinister rises\n\nJack Chambers begins his speech.\n\nMost Read\n\n\
                    1. Budget 2025: winners and losers Tue 1 Oct 2024, 16:30\n\
                    2. Calculator: what it means for you 3 hours ago\n";
        let lines = classify(text, Rules::embedded(), &[]);
        let item = lines.lines.iter().find(|l| l.number == 17).expect("item line");
        assert_eq!(item.kind, Kind::Furniture(LayoutRule::RelatedDate), "{:?}", lines.lines);
        let times = lines.lines.iter().filter(|l| l.kind == Kind::Time).count();
        assert_eq!(times, 2);
    }
}
