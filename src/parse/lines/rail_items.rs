//! The items of a most-read rail (`Most Read` / `Budget 2025: winners and losers Tue 1 Oct
//! 2024, 16:30` / `Calculator: what it means for you 3 hours ago`): each item's title and its
//! date-time share a line, which reads as a byline's stamp. A page's posts never start right
//! under its most-read heading (the `most-read` rule of `assets/boilerplate.rules`), so the
//! dated items there, down to the first line that is no item, are the linked articles' dates
//! (`related-date` in `--explain`). One such item is no time list for the weighing, which
//! needs a run of them.

use super::{Kind, LayoutRule, Lines, text_of};
use crate::parse::rules::Rules;
use crate::parse::time::Shape;

/// The rule whose lines head a rail of other stories.
const RAIL_RULE: &str = "most-read";
/// At most this many items in a rail.
const ITEMS: usize = 10;
/// An item is a line, not a paragraph.
const ITEM_CHARS: usize = 160;

/// Marks the dated items right under each most-read heading.
pub(super) fn rail_items(out: &mut Lines, text: &str, rules: &Rules) {
    let mut dates = Vec::new();
    for i in 0..out.lines.len() {
        if out.dropped_rule(&out.lines[i]).is_none_or(|r| rules.name(r) != RAIL_RULE) {
            continue;
        }
        let below: Vec<usize> =
            (i + 1..out.lines.len()).filter(|&j| out.lines[j].kind != Kind::Blank).take(ITEMS).collect();
        for &j in &below {
            let line = &out.lines[j];
            let item = text_of(text, line).chars().count() <= ITEM_CHARS;
            match line.kind {
                Kind::Time
                    if item
                        && out
                            .stamp(line)
                            .is_some_and(|s| s.date.is_some() && matches!(s.shape, Shape::Byline | Shape::Dated)) =>
                {
                    dates.push(j);
                }
                // An undated item (`… 3 hours ago`) or one a rule already took.
                Kind::Text | Kind::Link | Kind::Furniture(_) | Kind::Dropped if item => {}
                _ => break,
            }
        }
    }
    for i in dates {
        out.lines[i].kind = Kind::Furniture(LayoutRule::RelatedDate);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Kind, LayoutRule, classify};
    use crate::parse::rules::Rules;

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
