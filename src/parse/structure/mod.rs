//! From classified lines to the story's structure: header (title, datelines, lead, captions),
//! entries (time, tag, headline, body, captions, links) or, for pages with no time lines,
//! sections split at subheadings. Stamps usually open their posts; on pages where a byline
//! with a date-time, or a bare clock under a post opened by a mark, closes each post, entries
//! run up to their stamp instead. Tags and
//! headlines are told apart by the layout, never by a list of known tags.

mod above;
mod cut_dateline;
mod datelines;
mod entry;
mod facts;
mod outlet;
mod pasted;
mod prefilter;
mod rail_tail;
mod repeated;
mod runs;
mod section;
mod shapes;
mod standfirst;
mod tail;
mod title;
mod untimed;
mod update_clock;

use super::lines::{Kind, Line, Lines, is_post_mark};
use super::time;
use crate::model::{DroppedLine, Span, Story};
use datelines::{header_dateline, is_dateline, trailer_datelines};
use facts::dated_byline;
pub(crate) use outlet::find_outlet;
pub(crate) use rail_tail::cut_rails;
use section::{Part, Section};
use shapes::{BYLINE, is_credit, is_link};
pub(crate) use shapes::{headline_like, updated_at};
pub(crate) use tail::cut_footer;
pub(crate) use title::dump_width;
pub(crate) use title::summary::is_summary_heading;

/// Compiles the regular expressions the passes over entries use on nearly every page now
/// (see `parse::warm`).
pub(crate) fn warm() {
    std::sync::LazyLock::force(&shapes::BYLINE);
    std::sync::LazyLock::force(&shapes::UPDATED_AT);
    std::sync::LazyLock::force(&facts::BYLINE_OPENS);
}

/// Fills the story's title, header and entries from its lines.
pub(crate) fn build(story: &mut Story, lines: &mut Lines) {
    // The text is taken out while the story's other fields are filled from it.
    let owned = std::mem::take(&mut story.text);
    build_from(story, &owned, lines);
    story.text = owned;
}

fn build_from(story: &mut Story, text: &str, cl: &mut Lines) {
    let lines = &cl.lines;
    let times: Vec<usize> = (0..lines.len()).filter(|&i| matches!(lines[i].kind, Kind::Time)).collect();
    let mut dropped = Vec::new();
    let Some(&first_time) = times.first() else {
        header(story, text, lines, false, &mut dropped);
        untimed::build_untimed(story, text, lines, &mut dropped);
        story.dropped = dropped;
        return;
    };
    let above = above::headlines_above(text, cl, &times);
    let header_end = if cl.trailing {
        first_post_start(text, &lines[..first_time])
    } else {
        above[0].map_or(first_time, |h| h as usize)
    };
    // The header and each entry are read as printed, blank lines included (the list may have
    // left them out: see `Lines::drop_blanks`).
    let mut head_lines = Vec::new();
    cl.with_blanks(text, 0, header_end, true, &mut head_lines);
    let mut head = header(story, text, &head_lines, true, &mut dropped);
    story.summary = head.take(Part::Body);
    story.captions = head.take(Part::Caption);
    story.links = head.take(Part::Link);
    dropped.append(&mut head.dropped);

    // What the passes after the entries read of the lines: the first entries' own (a pinned
    // copy), the stamps, day headers and removed lines, and — on a page whose stamps close
    // their posts, or that the header leaves without zone or date — every text line. Where
    // that is the short list, the records each wave of entries alone read are dropped as the
    // waves are built, and the line list does not stand beside the whole entry list.
    let zone_known =
        story.zone.is_some() || times.iter().any(|&t| cl.stamp(&lines[t]).is_some_and(|s| s.zone.is_some()));
    let lay_by = !cl.trailing && zone_known && story.updated.or(story.published).or(story.coverage_start).is_some();
    let first_line = |k: usize| above[k].map_or(times[k], |h| h as usize);
    let mut kept = Vec::new();
    let build = |cl: &Lines, k: usize, owned: &mut Vec<Line>, cx: &mut entry::Context<'_, '_>| {
        let lines = &cl.lines;
        let t = times[k];
        // Leading stamps own the lines down to the next stamp; trailing ones the lines up
        // from the previous stamp (or the header's end).
        owned.clear();
        if cl.trailing {
            let from = if k == 0 { header_end } else { times[k - 1] + 1 };
            cl.with_blanks(text, from, t, k > 0, owned);
        } else {
            let next_above = above.get(k + 1).copied().flatten().map(|h| h as usize);
            let end = next_above.or(times.get(k + 1).copied()).unwrap_or(lines.len());
            // A byline between a headline above and its stamp goes with them.
            let between = above[k].map_or(t..t, |h| h as usize..t);
            owned.extend(between.map(|i| lines[i].clone()).filter(|l| l.kind != Kind::Blank));
            // Under a headline taken from above, the blank after the stamp is no gap between a
            // tag and its headline (see `entry`): the headline is followed by its text.
            let from = if above[k].is_some() {
                (t + 1..end).find(|&i| lines[i].kind != Kind::Blank).unwrap_or(end)
            } else {
                t + 1
            };
            cl.with_blanks(text, from, end, above[k].is_none(), owned);
        }
        let stamp = *cl.stamp(&lines[t]).expect("time line has a stamp");
        entry::build_entry(cx, &lines[t], &stamp, owned)
    };
    // A wave reads up to the first line of the next one: that line stays.
    let built = |cl: &mut Lines, first: usize| {
        if lay_by && first > 0 {
            cl.lay_by(first_line(first) + 1, &mut kept);
        }
    };
    runs::build_entries(story, text, &mut dropped, times.len(), cl, build, built);
    cl.take_back(kept);
    let lines = &cl.lines;
    if story.zone.is_none() {
        story.zone = story.entries.iter().find_map(|e| e.zone);
    }
    // The trailer datelines read every text line: laying lines by assumed they would not run.
    debug_assert!(
        !lay_by || story.zone.is_some() && story.updated.or(story.published).or(story.coverage_start).is_some()
    );
    repeated::drop_repeated(story, text, lines, &mut dropped);
    pasted::drop_pasted_overlap(story, text, lines, &mut dropped);
    if cl.trailing {
        let last = *times.last().expect("stamps");
        for line in &lines[last + 1..] {
            if line.kind == Kind::Text || line.kind == Kind::Link {
                dropped.push(DroppedLine { line: line.number, rule: "after-last-post".into(), span: line.span });
            }
        }
    }
    if story.zone.is_none() || story.updated.or(story.published).or(story.coverage_start).is_none() {
        trailer_datelines(story, text, lines);
    }
    for line in lines {
        if let Kind::Furniture(rule) = line.kind {
            dropped.push(DroppedLine { line: line.number, rule: rule.into(), span: line.span });
        }
    }
    story.dropped = dropped;
}

/// Where the first post starts on a page whose stamps close their posts: at the last
/// headline-like line above the first stamp that has text under it, else the stamp's block.
fn first_post_start(text: &str, lines: &[Line]) -> usize {
    let s = |l: &Line| &text[l.span.start as usize..l.span.end as usize];
    let texts: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kind == Kind::Text).collect();
    // The title (the first headline-like line) stays in the header.
    let title = texts.iter().position(|&i| headline_like(s(&lines[i])));
    let from = title.map_or(0, |t| t + 1);
    for w in (from..texts.len()).rev() {
        let i = texts[w];
        // A dump's long line run on by the next (a paragraph wrapped at 80 columns) is no
        // headline, however it opens.
        let wrapped = s(&lines[i]).chars().count() >= 70
            && lines.get(i + 1).is_some_and(|n| n.kind == Kind::Text && n.number == lines[i].number + 1);
        if (lines[i].heading || headline_like(s(&lines[i])) && !wrapped) && w + 1 < texts.len() {
            // A mark that opens each post (a match minute) above the headline is the post's.
            return match w.checked_sub(1).map(|p| texts[p]) {
                Some(p) if w > from && is_post_mark(s(&lines[p])) => p,
                _ => i,
            };
        }
    }
    texts.get(from).copied().unwrap_or(lines.len())
}

/// Reads the header: datelines, zone statements, title and byline into the story; the rest
/// into a section. For untimed pages only the datelines before the first text line.
fn header<'t>(
    story: &mut Story,
    text: &'t str,
    lines: &[Line],
    timed: bool,
    dropped: &mut Vec<DroppedLine>,
) -> Section<'t> {
    let mut section = Section::new(text);
    let s = |l: &Line| &text[l.span.start as usize..l.span.end as usize];
    let picked = title::pick_title(text, lines);
    let title_line = picked.map(|(first, _, _)| first);
    let mut title: Option<Span> = None;
    let mut clock_read: Option<u32> = None;
    for line in lines {
        let t = s(line);
        if clock_read == Some(line.number) {
            dropped.push(DroppedLine { line: line.number, rule: "dateline".into(), span: line.span });
            continue;
        }
        match line.kind {
            Kind::Text | Kind::Link => {}
            Kind::DayHeader => {
                dropped.push(DroppedLine { line: line.number, rule: "day-header".into(), span: line.span });
                continue;
            }
            _ => continue,
        }
        // The rest of a title a dump wrapped over two lines.
        if picked.is_some_and(|(first, last, _)| line.number > first && line.number <= last) {
            continue;
        }
        if let Some(joined) = cut_dateline::with_clock_below(text, lines, line)
            && header_dateline(story, &joined)
        {
            dropped.push(DroppedLine { line: line.number, rule: "dateline".into(), span: line.span });
            clock_read = Some(line.number + 1);
            continue;
        }
        if header_dateline(story, t) || updated_at(t).is_some() {
            dropped.push(DroppedLine { line: line.number, rule: "dateline".into(), span: line.span });
            continue;
        }
        if story.zone.is_none() {
            story.zone = time::zone_statement(t).or_else(|| wrapped_zone_statement(text, lines, line));
        }
        if !timed {
            break;
        }
        if title.is_none() && Some(line.number) == title_line {
            let last = picked.and_then(|(_, last, _)| lines.iter().find(|l| l.number == last));
            // A breadcrumb's last crumb: the other crumbs are no part of the title.
            let skip = picked.map_or(0, |(_, _, skip)| skip);
            title = Some(Span::new(line.span.start as usize + skip, last.map_or(line.span, |l| l.span).end as usize));
            // BBC: "… live: Thursday 18 January 2018" dates the whole page.
            if story.published.is_none()
                && let Some(part) = time::datelines(t).first()
            {
                story.published = Some(super::dates::dateline_when(part, story.zone));
            }
            continue;
        }
        if title.is_none() && title_line.is_some_and(|n| line.number < n) && line.kind == Kind::Text {
            // Navigation above the headline.
            dropped.push(DroppedLine { line: line.number, rule: "navigation".into(), span: line.span });
            continue;
        }
        if story.byline.is_none() && BYLINE.is_match(t) {
            story.byline = Some(line.span);
            continue;
        }
        section.push(line);
    }
    if timed {
        // A wrapped title is one line again: the dump's break and indentation are no part of it.
        story.title = title
            .map(|t| &text[t.start as usize..t.end as usize])
            .map(|t| if t.contains('\n') { t.split_whitespace().collect::<Vec<_>>().join(" ") } else { t.to_string() })
            .unwrap_or_default();
    }
    section
}

/// A zone statement a dump wrapped (`… All times` over `Eastern.`): read with the line right
/// under it.
fn wrapped_zone_statement(text: &str, lines: &[Line], line: &Line) -> Option<crate::model::Zone> {
    let at = lines.binary_search_by_key(&(line.number + 1), |l| l.number).ok()?;
    let next = &lines[at];
    let rest = &text[next.span.start as usize..next.span.end as usize];
    if next.kind != Kind::Text || rest.chars().count() > 40 {
        return None;
    }
    let t = &text[line.span.start as usize..line.span.end as usize];
    time::zone_statement(&format!("{t} {rest}"))
}

/// A text page classified with the embedded rules and built, for the tests of this module's
/// parts.
#[cfg(test)]
fn built_story_with(text: &str, hints: &[crate::parse::page::LineHint]) -> Story {
    let mut lines = crate::parse::lines::classify(text, crate::parse::rules::Rules::embedded(), hints);
    lines.drop_blanks_if_timed();
    let mut story = Story { text: text.to_string(), ..Story::default() };
    build(&mut story, &mut lines);
    story
}

/// [`built_story_with`] with no markup hints: a copied text or a dump.
#[cfg(test)]
fn built_story(text: &str) -> Story {
    built_story_with(text, &[])
}

#[cfg(test)]
mod tests {
    use super::built_story_with as story;
    use crate::parse::page::{HintKind, LineHint};

    #[test]
    fn the_title_is_the_headline_not_the_navigation() {
        let text = "Skip to main content\nNews\nWorld\nSport\nFloods live: rivers burst their banks in the south west\n\n10:05\nRoads closed\nThe police have closed three roads.\n";
        let s = story(text, &[]);
        assert_eq!(s.title, "Floods live: rivers burst their banks in the south west");
        assert!(s.dropped.iter().any(|d| d.rule == "navigation" && s.str(d.span) == "World"));
    }

    #[test]
    fn a_marked_h1_is_the_title() {
        let text = "Our best stories of the week in one place\nStorm latest\n\n10:05\nRoads closed\nThe police have closed three roads.\n";
        assert_eq!(story(text, &[]).title, "Our best stories of the week in one place");
        let h1 = LineHint { line: 2, kind: HintKind::Heading(1) };
        assert_eq!(story(text, &[h1]).title, "Storm latest");
    }

    #[test]
    fn a_zone_statement_a_dump_wrapped_is_read_whole() {
        let text = "Live updates: Primary election night results\n\n   Follow along for live results from tonight's county races. All times\n   Eastern.\n\n7:02 PM\nPolls close\nThe polls have closed.\n";
        assert_eq!(story(text, &[]).zone, Some(crate::model::Zone::Region(chrono_tz::America::New_York)));
    }
}
