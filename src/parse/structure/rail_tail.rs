//! A most-read or trending rail that a copy or dump runs into a post. The rail's heading
//! (`Most read`, `Meistgelesen`, `I più letti`: the `most-read` rule of
//! `assets/boilerplate.rules`) is dropped as furniture, but the titles under it would stay as
//! the post's last paragraphs, since nothing else marks where the post ends. Where such a
//! heading stands inside a post and every paragraph after it, to the post's end, is a title —
//! one line, no sentence — the run goes to `--explain` as `most-read-rail`. A real paragraph
//! after the heading keeps everything: then the heading's words were the post's own.

use super::super::lines::Lines;
use crate::model::{Span, Story};
use crate::parse::rules::Rules;

/// The rules whose line heads a rail of other stories' titles.
const RAIL_HEADINGS: [&str; 1] = ["most-read"];
/// A rail holds at least this many titles.
const ITEMS: usize = 2;
/// A title is a line, not a paragraph.
const TITLE_BYTES: usize = 160;

/// Whether `line` reads as another story's title rather than the post's text.
fn title_like(line: &str) -> bool {
    let line = line.trim();
    line.len() <= TITLE_BYTES && !line.ends_with(['.', ':', ';', ','])
}

/// Cuts the titles under a rail heading from the post they were run into.
pub(crate) fn cut_rails(story: &mut Story, lines: &Lines, rules: &Rules) {
    let headings: Vec<u32> = lines
        .lines
        .iter()
        .filter(|l| lines.dropped_rule(l).is_some_and(|r| RAIL_HEADINGS.contains(&rules.name(r))))
        .map(|l| l.span.start)
        .collect();
    for at in headings {
        let Some(index) = story
            .entries
            .iter()
            .position(|e| e.body.first().is_some_and(|f| f.start < at) && e.body.last().is_some_and(|l| l.end > at))
        else {
            continue;
        };
        let entry = &story.entries[index];
        let from = entry.body.partition_point(|s| s.start < at);
        let after = &entry.body[from..];
        let links = entry.links.iter().filter(|s| s.start > at).count();
        if after.len() + links < ITEMS || !after.iter().all(|s| title_like(story.str(*s))) {
            continue;
        }
        let entry = &mut story.entries[index];
        let mut gone: Vec<Span> = entry.body.split_off(from);
        for part in [&mut entry.captions, &mut entry.links] {
            gone.extend(part.iter().filter(|s| s.start > at));
            part.retain(|s| s.start < at);
        }
        super::tail::drop_cut(story, at, gone, "most-read-rail");
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::{Rules, parse_text};
    use std::path::PathBuf;

    const PAGE: &str = "Storm Bert live: flooding across Wales\n\n\
        14:20\nPontypridd under water\n\
        Residents in Pontypridd have been told to leave their homes as the River Taff burst its banks.\n\n\
        13:05\nRail services cancelled\n\
        Transport for Wales has cancelled all services between Cardiff and Merthyr Tydfil for the day.\n\n\
        Most Read\n\
        Man dies after being swept away by river in Powys\n\
        Full list of school closures on Monday\n\
        Weather warning extended to Tuesday for south Wales\n";

    fn story(text: &str) -> crate::model::Story {
        parse_text(PathBuf::from("p.txt"), text.to_string(), Rules::embedded())
    }

    #[test]
    fn the_titles_under_a_most_read_heading_leave_the_last_post() {
        let s = story(PAGE);
        let last: Vec<&str> = s.entry(1).body().collect();
        assert_eq!(
            last,
            ["Transport for Wales has cancelled all services between Cardiff and Merthyr Tydfil for the day."]
        );
        let rail: Vec<(u32, &str)> =
            s.dropped.iter().filter(|d| d.rule == "most-read-rail").map(|d| (d.line, s.str(d.span))).collect();
        assert_eq!(rail.len(), 3, "{rail:?}");
        assert_eq!(rail[0], (12, "Man dies after being swept away by river in Powys"));
        assert_eq!(rail[2].0, 14);
    }

    #[test]
    fn a_paragraph_after_the_heading_keeps_the_post_whole() {
        let page = PAGE.replace(
            "Full list of school closures on Monday\n",
            "The council said it would publish the full list of school closures by eight o'clock tonight.\n",
        );
        let s = story(&page);
        assert_eq!(s.entry(1).body().count(), 4);
        assert!(s.dropped.iter().all(|d| d.rule != "most-read-rail"));
    }

    #[test]
    fn one_title_is_no_rail() {
        let page = PAGE.replace(
            "Full list of school closures on Monday\nWeather warning extended to Tuesday for south Wales\n",
            "",
        );
        let s = story(&page);
        assert!(s.dropped.iter().all(|d| d.rule != "most-read-rail"));
        assert_eq!(s.entry(1).body().count(), 2);
    }
}
