//! Copies pasted one after the other: a reader who selects one screen of a live blog, scrolls and
//! selects the next gets the posts where the screens overlap twice, back to back (`1 2 3 | 3 4 5`).
//! The repeated run is dropped (under the rule `repeated-post`), keeping of each pair the copy
//! with more of its body (a screen may end inside the post it repeats).

use super::repeated::drop_marked;
use crate::model::{DroppedLine, Entry, Span, Story};

use super::super::lines::Line;

/// The longest run of posts two screens may share.
const MAX_OVERLAP: usize = 4;
/// A post's first paragraph must run at least this long (in bytes) to be a post no feed prints
/// twice in a row: a ticker's `Goal` / `One-nil.` may well come back.
const MIN_FIRST_PARAGRAPH: usize = 100;

/// Drops the second copy of a run of posts printed twice back to back, or the first copy where
/// it holds less of the posts' bodies (a screen cut inside it).
pub(super) fn drop_pasted_overlap(story: &mut Story, text: &str, lines: &[Line], dropped: &mut Vec<DroppedLine>) {
    let s = |span: &Span| &text[span.start as usize..span.end as usize];
    let entries = &story.entries;
    let alike = |a: &Entry, b: &Entry| {
        a.clock.is_some()
            && a.clock == b.clock
            // A copy cut short may read its headline as a tag.
            && a.headline.or(a.tag).as_ref().map(s) == b.headline.or(b.tag).as_ref().map(s)
            && match (a.body.first().map(s), b.body.first().map(s)) {
                // A screen may end inside the first paragraph of the post it repeats.
                (Some(x), Some(y)) => {
                    x.len().min(y.len()) >= MIN_FIRST_PARAGRAPH && (x.starts_with(y) || y.starts_with(x))
                }
                _ => false,
            }
    };
    let size = |e: &Entry| e.body.iter().map(|b| b.end - b.start).sum::<u32>();
    let n = entries.len();
    let mut marked = vec![false; n];
    let mut i = 0;
    while i < n {
        // A run printed three times or more is the feed's own, not an overlap.
        let tripled = |k: usize| {
            i + 2 * k < n && alike(&entries[i], &entries[i + 2 * k]) || i >= k && alike(&entries[i - k], &entries[i])
        };
        let run = (1..=MAX_OVERLAP.min((n - i) / 2))
            .find(|&k| (0..k).all(|j| alike(&entries[i + j], &entries[i + k + j])) && !tripled(k));
        let Some(k) = run else {
            i += 1;
            continue;
        };
        for j in 0..k {
            let (first, second) = (i + j, i + k + j);
            let drop = if size(&entries[first]) > size(&entries[second]) {
                second
            } else if size(&entries[first]) < size(&entries[second]) {
                first
            } else {
                second
            };
            marked[drop] = true;
        }
        i += 2 * k;
    }
    drop_marked(story, lines, &marked, dropped);
}

#[cfg(test)]
mod tests {
    use super::super::built_story as story;

    const A: &str = "Ministers met this morning to agree the plan, and officials said the details would follow later in the day once checked.";
    const B: &str = "The committee has now published its report, which calls for an inquiry into the handling of the contracts last year.";
    const C: &str = "Police closed the road for several hours while specialist officers carried out their work at the scene this afternoon.";

    #[test]
    fn two_screens_pasted_give_each_post_once() {
        let text = format!(
            "Storm live\n\n14.05\nFirst\n\n{A}\n\n13.40\nSecond\n\n{B}\n13.40\nSecond\n\n{B}\n\nMore of it.\n\n12.10\nThird\n\n{C}\n"
        );
        let s = story(&text);
        let clocks: Vec<String> = s.entries.iter().filter_map(|e| e.clock.map(|c| c.to_string())).collect();
        assert_eq!(clocks, ["14:05", "13:40", "12:10"]);
        let kept = &s.entries[1];
        assert_eq!(
            kept.body.len(),
            2,
            "the fuller copy stays: {:?}",
            kept.body.iter().map(|b| s.str(*b)).collect::<Vec<_>>()
        );
        assert!(s.dropped.iter().any(|d| d.rule == "repeated-post"));
        // The first screen ends inside the repeated post's first paragraph.
        let cut = &B[..B.len() - 10];
        let text = format!(
            "Storm live\n\n14.05\nFirst\n\n{A}\n\n13.40\nSecond\n\n{cut}\n13.40\nSecond\n\n{B}\n\n12.10\nThird\n\n{C}\n"
        );
        let s = story(&text);
        assert_eq!(
            s.entries.len(),
            3,
            "{:?}",
            s.entries
                .iter()
                .map(|e| (e.clock, e.headline.map(|h| s.str(h)), e.body.iter().map(|b| s.str(*b)).collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        );
        assert_eq!(s.str(s.entries[1].body[0]), B, "the whole copy stays");
    }

    #[test]
    fn short_alike_posts_and_longer_runs_stay() {
        let text = "Match live\n14.05\nGoal\nOne-nil.\n14.05\nGoal\nOne-nil.\n";
        assert_eq!(story(text).entries.len(), 2, "a ticker's short post may come back");
        let text = format!("Live\n{}", format!("14.05\nUpdate\n\n{A}\n\n").repeat(3));
        assert_eq!(story(&text).entries.len(), 3, "three alike in a row are the feed's own");
    }
}
