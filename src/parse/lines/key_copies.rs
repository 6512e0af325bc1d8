//! The list under a key-events heading (`Key events`, `Temps forts`, `Das Wichtigste`: the
//! `key-events-title` rule) as a copy or a dump prints it: one line per key post, its relative
//! time, clock and headline glued together (`0h ago 17.02 BSTPhilipsen wins stage 16`, `• 0h
//! ago 16.41 BST5km to go`). Each line repeats a post of the feed below; none is a post of its
//! own, and none is text of the post the first one would otherwise open.

use super::{Kind, LayoutRule, Lines, text_of};
use crate::parse::rules::Rules;
use crate::parse::structure::is_summary_heading as summary_heading;
use crate::parse::time;

/// The longest list taken: a summary lists a few posts, never the feed.
const MOST: usize = 30;

/// Marks the lines of the list right under a key-events heading as furniture, when every line
/// of it holds a clock and a headline beside it and stamps stand below the list.
pub(super) fn under_key_events(out: &mut Lines, text: &str, rules: &Rules) {
    let mut k = 0;
    while k < out.lines.len() {
        // A summary heading the boilerplate keeps (`Key points`) heads such a list as well:
        // the checks below, a clock and a headline on every line, keep a post's own
        // `What we know so far` headline out.
        let heading = out.dropped_rule(&out.lines[k]).is_some_and(|r| rules.name(r) == "key-events-title")
            || (out.lines[k].kind == Kind::Text && summary_heading(text_of(text, &out.lines[k])));
        k += 1;
        if !heading {
            continue;
        }
        let start = (k..out.lines.len()).find(|&i| out.lines[i].kind != Kind::Blank).unwrap_or(out.lines.len());
        let end = (start..out.lines.len())
            .find(|&i| !matches!(out.lines[i].kind, Kind::Text | Kind::Time))
            .unwrap_or(out.lines.len());
        let block = start..end;
        // Text beside the clock: a clock alone is a stamp, and a run of those is weighed as a
        // list of times (see `weigh`), which may lead into the feed.
        let listed = |i: usize| {
            let t = text_of(text, &out.lines[i]);
            t.chars().count() >= 12
                && time::has_clock_bytes(t.as_bytes())
                && t.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() >= 2
        };
        let stamps_below = out.lines[end..].iter().any(|l| l.kind == Kind::Time);
        if (2..=MOST).contains(&block.len()) && stamps_below && block.clone().all(listed) {
            for i in block {
                out.lines[i].kind = Kind::Furniture(LayoutRule::TimeList);
            }
        }
        k = end.max(k);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Kind, LayoutRule, classify};
    use crate::parse::rules::Rules;

    #[test]
    fn the_glued_list_under_key_events_is_no_post() {
        let text = "Key events\n0h ago 17.02 BSTPhilipsen wins stage 16 in Nîmes\n0h ago 16.41 BST5km to go\n\
                    0h ago 16.12 BSTCrash in the peloton\nShow key events only\nKey event0h ago17.02 BST\n\
                    Philipsen wins stage 16 in Nîmes\n\nA third stage win for the Belgian.\n\n0h ago16.41 BST\n5km to go\n\n\
                    The bunch is together.\n\n0h ago16.12 BST\nCrash in the peloton\n\nSeveral riders down.\n";
        let lines = classify(text, Rules::embedded(), &[]);
        let kinds: Vec<Kind> = lines.lines.iter().map(|l| l.kind).collect();
        assert_eq!(kinds[1..4], [Kind::Furniture(LayoutRule::TimeList); 3], "{kinds:?}");
        assert_eq!(lines.lines.iter().filter(|l| l.kind == Kind::Time).count(), 3, "{kinds:?}");
    }

    #[test]
    fn a_paragraph_under_the_heading_stays() {
        let text = "Key events\nThe minister resigned at 10.30 this morning after the vote.\n\n10:45\nReaction\nThe party is split.\n\n\
                    11:02\nStatement\nShe spoke outside.\n";
        let lines = classify(text, Rules::embedded(), &[]);
        assert_eq!(lines.lines[1].kind, Kind::Text);
    }

    #[test]
    fn clocked_points_under_a_summary_heading_are_no_posts() {
        let text = "Key points\n2.47pm: Income tax rates unchanged\n2.21pm: Budget statement begins\n\n\
                    2.47pm\nIncome tax: no rate rises\n\nThe bands rise.\n\n2.21pm\nRobison on her feet\n\nShe began.\n";
        let lines = classify(text, Rules::embedded(), &[]);
        let kinds: Vec<Kind> = lines.lines.iter().map(|l| l.kind).collect();
        assert_eq!(kinds[1..3], [Kind::Furniture(LayoutRule::TimeList); 2], "{kinds:?}");
        assert_eq!(lines.lines.iter().filter(|l| l.kind == Kind::Time).count(), 2, "{kinds:?}");
    }

    #[test]
    fn a_post_headed_like_a_summary_keeps_its_text() {
        let text = "12.30pm\nWhat we know so far\nGood afternoon and welcome, the statement is at 2.20pm today.\n\n\
                    11.02am\nEarlier\nMore text here.\n";
        let lines = classify(text, Rules::embedded(), &[]);
        assert_eq!(lines.lines[2].kind, Kind::Text);
    }
}
