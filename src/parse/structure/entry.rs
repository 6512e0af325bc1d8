//! One entry from its stamp and its lines: the text beside the clock (author, label or
//! headline), a tag glued under the time, the headline, then body, captions and links.

use super::section::{Part, Section};
use super::shapes::{headline_like, is_credit, is_link, tag_like, updated_at, upper_case};
use crate::model::{DroppedLine, Entry, Span, Story, Tag, fold};
use crate::parse::lines::{Kind, Line};
use crate::parse::time::{Shape, Stamp};
use std::collections::HashMap;

pub(super) struct Context<'a, 't> {
    pub story: &'a mut Story,
    pub text: &'t str,
    pub tags: &'a mut HashMap<String, u32>,
    pub dropped: &'a mut Vec<DroppedLine>,
}

/// A person's name: two to four words, each capitalised and then in lower case.
fn name_like(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().count() > 1
                && w.chars().skip(1).filter(|c| c.is_uppercase()).count() <= w.matches('-').count()
        })
}

pub(super) fn build_entry(cx: &mut Context<'_, '_>, stamp_line: &Line, stamp: &Stamp, lines: &[Line]) -> Entry {
    let text = cx.text;
    let s = |l: &Line| &text[l.span.start as usize..l.span.end as usize];
    let mut entry = Entry { clock: Some(stamp.clock), zone: stamp.zone, line: stamp_line.number, ..Entry::default() };
    let mut tag: Option<Span> = None;
    let mut lead: Option<Span> = None;
    if let Some((a, b)) = stamp.rest {
        let start = stamp_line.span.start as usize;
        let span = Span::new(start + a, start + b);
        let rest = &text[start + a..start + b];
        match stamp.shape {
            Shape::Inline if headline_like(rest) => entry.headline = Some(span),
            // `9.33am: Haroon Siddique has more details…`: the post starts on the clock's line.
            Shape::Inline => lead = Some(span),
            Shape::Label if tag_like(rest) && (upper_case(rest) || !name_like(rest)) => tag = Some(span),
            // A `<time>` the markup vouches for is read bare; the badge kept on its line
            // (`DONE DEAL 22:41`) is still the post's tag.
            Shape::Bare if tag_like(rest) && (upper_case(rest) || crate::parse::time::post_label::is_label(rest)) => {
                tag = Some(span)
            }
            _ => cx.dropped.push(DroppedLine { line: stamp_line.number, rule: "author".into(), span }),
        }
    }

    let content: Vec<&Line> = lines.iter().filter(|l| matches!(l.kind, Kind::Text | Kind::Link)).collect();
    let mut used = 0;
    // RFI, TF1info: a short line glued under the time, then a blank, then a headline-like
    // line (or in capitals), is a tag. The Guardian and the BBC go straight to the headline.
    if tag.is_none()
        && entry.headline.is_none()
        && lead.is_none()
        && let (Some(first), Some(second)) = (content.first(), content.get(1))
        && lines.first().is_some_and(|l| std::ptr::eq(l, *first))
        && tag_like(s(first))
        && (upper_case(s(first)) || (lines.get(1).is_some_and(|l| l.kind == Kind::Blank) && headline_like(s(second))))
    {
        tag = Some(first.span);
        used = 1;
    }
    // A match minute opening the post (`78'`) stays in its body; the headline is the line under it.
    let minute = usize::from(
        tag.is_none() && used == 0 && content.first().is_some_and(|l| super::super::lines::is_post_mark(s(l))),
    );
    if entry.headline.is_none()
        && lead.is_none()
        && let Some(next) = content.get(used + minute)
        && (headline_like(s(next)) || next.heading)
        && content.len() > used + minute + 1
        && !is_link(s(next))
        && !is_credit(s(next))
    {
        let headline = s(next);
        // BBC glues "Breaking" to the headline.
        if tag.is_none()
            && let Some(rest) = headline.strip_prefix("Breaking")
            && rest.starts_with(|c: char| c.is_uppercase())
        {
            tag = Some(Span::new(next.span.start as usize, next.span.start as usize + "Breaking".len()));
            entry.headline = Some(Span::new(next.span.start as usize + "Breaking".len(), next.span.end as usize));
        } else {
            entry.headline = Some(next.span);
        }
        used += 1;
    }
    // `LABOUR MAJORITY CONFIRMED` over the post's paragraph, with no headline under it: a
    // tabloid's headline in capitals, not a tag (a tag labels the headline below it). A post
    // label (`BREAKING NEWS`) stays a tag.
    if entry.headline.is_none()
        && lead.is_none()
        && used == 1
        && let Some(t) = tag.filter(|t| t.start == content[0].span.start)
        && let caps = &text[t.start as usize..t.end as usize]
        && caps.split_whitespace().count() >= 2
        && !crate::parse::time::post_label::is_label(caps)
        && content.get(1).is_some_and(|n| s(n).chars().count() >= 120)
    {
        entry.headline = Some(t);
        tag = None;
    }
    let mut skip: Vec<u32> = content[..used].iter().map(|l| l.number).collect();
    // (Not when the headline is on the stamp's own line: then no line under it was used.)
    if minute == 1 && used > 0 && entry.headline.is_some() {
        // The headline is the line under the minute, not the minute.
        skip[used - 1] = content[used].number;
    }

    let mut section = Section::new(text);
    for line in lines {
        if skip.contains(&line.number) {
            continue;
        }
        match line.kind {
            Kind::Text | Kind::Link => {
                if let Some(clock) = updated_at(s(line)) {
                    entry.updated = clock;
                    cx.dropped.push(DroppedLine { line: line.number, rule: "updated-at".into(), span: line.span });
                    continue;
                }
                section.push(line);
            }
            Kind::DayHeader => {
                cx.dropped.push(DroppedLine { line: line.number, rule: "day-header".into(), span: line.span })
            }
            _ => {}
        }
    }
    entry.body = lead.into_iter().chain(section.take(Part::Body)).collect();
    entry.captions = section.take(Part::Caption);
    entry.links = section.take(Part::Link);
    cx.dropped.append(&mut section.dropped);
    if let Some(tag) = tag {
        entry.tag = Some(tag);
        entry.tag_id = Some(intern_tag(cx.story, cx.tags, &text[tag.start as usize..tag.end as usize]));
    }
    entry
}

fn intern_tag(story: &mut Story, tags: &mut HashMap<String, u32>, label: &str) -> u32 {
    let key = fold(label);
    if let Some(&id) = tags.get(&key) {
        return id;
    }
    let id = story.tags.len() as u32;
    story.tags.push(Tag { label: label.to_string(), key: key.clone() });
    tags.insert(key, id);
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_not_tags() {
        assert!(name_like("Frances Watkins"));
        assert!(name_like("Jean-Pierre Dupont"));
        assert!(!name_like("KEY EVENT"));
        assert!(!name_like("Pour approfondir"));
        assert!(!name_like("Ukraine"));
    }

    fn first_entry(text: &str) -> (Option<String>, Option<String>) {
        let story =
            crate::parse::parse_bytes("p.txt".into(), text.as_bytes().to_vec(), crate::parse::Rules::embedded())
                .expect("story");
        let e = story.entries.first().expect("an entry");
        (e.tag.map(|t| story.str(t).to_string()), e.headline.map(|h| story.str(h).to_string()))
    }

    #[test]
    fn a_headline_in_capitals_over_its_paragraph_is_the_headline_and_a_label_stays_a_tag() {
        let para = "RISHI Sunak has conceded defeat in his constituency, telling supporters he takes \
                    responsibility for the loss and has called the Labour leader to congratulate him.";
        let page = |first: &str| format!("Election live\n\n03:41\n{first}\n{para}\n\n02:12\n{first}\n{para}\n");
        assert_eq!(first_entry(&page("SUNAK CONCEDES")), (None, Some("SUNAK CONCEDES".to_string())));
        assert_eq!(first_entry(&page("KEY EVENT")).0.as_deref(), Some("KEY EVENT"));
        // Over a headline, capitals are a tag.
        let text = format!(
            "Election live\n\n03:41\nANALYSE\n\nSunak concedes in Richmond\n{para}\n\n02:12\nFarage wins\n{para}\n"
        );
        assert_eq!(first_entry(&text), (Some("ANALYSE".to_string()), Some("Sunak concedes in Richmond".to_string())));
    }
}
