//! Posts a page prints twice: a pinned post shown above the feed and again in its place, a
//! "featured" copy of a post. The copy above is dropped (with its lines, under the rule
//! `repeated-post`) and the post stays where the feed has it, in order with its neighbours.

use super::super::lines::Line;
use crate::model::{DroppedLine, Entry, Span, Story};

/// How far down the top of the feed a pinned copy may stand.
const PINNED_REACH: usize = 3;

/// Drops each of the first entries that a later entry repeats: the same clock, headline and
/// first paragraph (the copy above may end with its own buttons, `Show more`), out of sequence
/// with the entry under it (a run of alike posts is the feed's own).
pub(super) fn drop_repeated(story: &mut Story, text: &str, lines: &[Line], dropped: &mut Vec<DroppedLine>) {
    let s = |span: &Span| &text[span.start as usize..span.end as usize];
    let key = |e: &Entry| (e.clock, e.headline.as_ref().map(s), e.body.first().map(s));
    let n = story.entries.len();
    let entries = &story.entries;
    let repeated: Vec<bool> = (0..n)
        .map(|i| {
            let e = &entries[i];
            i < PINNED_REACH
                && !e.body.is_empty()
                && entries.get(i + 1).is_some_and(|next| next.clock != e.clock)
                && entries[i + 1..].iter().any(|later| key(later) == key(e))
        })
        .collect();
    drop_marked(story, lines, &repeated, dropped);
}

/// Removes the entries marked, their lines going to `--explain` under `repeated-post`.
pub(super) fn drop_marked(story: &mut Story, lines: &[Line], marked: &[bool], dropped: &mut Vec<DroppedLine>) {
    if !marked.contains(&true) {
        return;
    }
    let mut k = 0;
    story.entries.retain(|e| {
        let keep = !marked[k];
        k += 1;
        if !keep {
            let spans = e.tag.iter().chain(&e.headline).chain(&e.body).chain(&e.captions).chain(&e.links);
            let mut gone: Vec<DroppedLine> = spans
                .filter_map(|span| {
                    let i = lines.binary_search_by_key(&span.start, |l| l.span.start).ok()?;
                    Some(DroppedLine { line: lines[i].number, rule: "repeated-post".into(), span: *span })
                })
                .collect();
            if let Some(stamp) = lines.iter().find(|l| l.number == e.line) {
                gone.push(DroppedLine { line: e.line, rule: "repeated-post".into(), span: stamp.span });
            }
            dropped.extend(gone);
        }
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::super::built_story as story;

    #[test]
    fn a_pinned_copy_above_the_feed_is_dropped_and_explained() {
        let text = "Storm live\nPinned post\n14.05 GMT\nAmber warning extended\nThe warning runs until Monday.\n\
                    16.42 GMT\nFlights diverted\nForty flights were diverted.\n14.05 GMT\nAmber warning extended\n\
                    The warning runs until Monday.\n11.31 GMT\nPower cuts\nTwenty thousand homes are cut off.\n";
        let s = story(text);
        let clocks: Vec<String> = s.entries.iter().filter_map(|e| e.clock.map(|c| c.to_string())).collect();
        assert_eq!(clocks, ["16:42", "14:05", "11:31"]);
        assert!(s.dropped.iter().any(|d| d.rule == "repeated-post" && d.line == 3), "{:?}", s.dropped);
        assert!(
            s.dropped.iter().any(|d| d.rule == "repeated-post" && s.str(d.span) == "The warning runs until Monday.")
        );
    }

    #[test]
    fn posts_alike_in_clock_only_both_stay() {
        let text = "Match live\n14.05\nGoal\nOne-nil.\n14.05\nGoal\nTwo-nil.\n";
        assert_eq!(story(text).entries.len(), 2);
        // A feed of alike posts in sequence is the feed's own, however many.
        let text = format!("Match live\n{}", "14.05\nGoal\nOne-nil.\n".repeat(5));
        assert_eq!(story(&text).entries.len(), 5);
    }
}
