//! A [`Record`] → the one [`Story`] model. The story's title, outlet, address and dates go
//! through the same weighing as an HTML page's metadata and structured data
//! ([`crate::parse::reconcile::apply_meta`]); the zone is told from the posts' instants and the
//! record's language as for a page ([`crate::parse::html::zone`]); each post's clock is shown
//! in that zone, a clock alone placed on its day by [`super::when::place`]. Entries run newest
//! first, as pages print them. The story's text is written from the record — title, summary,
//! then each entry's clock, tag, headline and paragraphs — and every field is a span of it.

use super::find::{Post, Record};
use super::when::{self, Time};
use crate::model::{Clock, DroppedLine, Entry, Span, Story, Tag, When, Zone, fold};
use crate::parse::html::zone;
use crate::parse::page::{Page, PageMeta, Structured, StructuredUpdate};
use std::collections::HashMap;
use std::path::PathBuf;

/// The rule `--explain` names for the other stories of a file that holds several.
const OTHER_STORY: &str = "json-other-story";

pub(crate) fn story(path: PathBuf, rec: Record) -> Story {
    let mut story = Story { path, ..Story::default() };
    let instants: Vec<When> = rec.posts.iter().filter_map(|p| p.time.and_then(at_only)).collect();
    let structured = Structured {
        headline: rec.title.clone(),
        publisher: rec.outlet.clone(),
        coverage_start: rec.coverage_start,
        coverage_end: rec.coverage_end,
        published: rec.published.and_then(Time::as_when),
        modified: rec.updated.and_then(Time::as_when),
        updates: instants.iter().map(|w| StructuredUpdate { published: Some(*w), ..Default::default() }).collect(),
    };
    let meta = PageMeta { url: rec.url.clone(), lang: rec.lang.clone(), ..PageMeta::default() };
    let page = Page { meta, structured: Some(structured), ..Page::default() };
    crate::parse::reconcile::apply_meta(&mut story, &page);
    story.zone = story
        .zone
        .or_else(|| zone::infer(rec.lang.as_deref(), &instants))
        .or_else(|| {
            rec.posts.iter().find_map(|p| match p.time {
                Some(Time::Clock { zone, .. }) => zone,
                _ => None,
            })
        })
        // Instants all given in UTC, and nothing to say where the posts were shown.
        .or_else(|| (!instants.is_empty()).then_some(Zone::UTC));
    if let Some(z) = story.zone {
        for slot in [&mut story.coverage_start, &mut story.coverage_end, &mut story.published, &mut story.updated] {
            if let Some(When::Local(local)) = *slot
                && let Some(t) = z.resolve(local)
            {
                *slot = Some(When::Zoned(t));
            }
        }
    }
    let times: Vec<Option<Time>> = rec.posts.iter().map(|p| p.time).collect();
    let start = story.coverage_start.or(story.published).map(|w| w.local().date());
    let end = story.coverage_end.or(story.updated).map(|w| w.local().date());
    let placed = when::place(&times, story.zone, start, end);
    let mut posts: Vec<(Post, Option<Clock>, Option<When>)> =
        rec.posts.into_iter().zip(placed).map(|(p, (c, w))| (p, c, w)).collect();
    newest_first(&mut posts);
    write(&mut story, &rec.summary, posts, &rec.others);
    story
}

fn at_only(t: Time) -> Option<When> {
    match t {
        Time::At(w) => Some(w),
        _ => None,
    }
}

/// Entries newest first: by instant when every post has one, else the record's order turned
/// round when it runs oldest first.
fn newest_first(posts: &mut [(Post, Option<Clock>, Option<When>)]) {
    if !posts.is_empty() && posts.iter().all(|p| p.2.is_some()) {
        posts.sort_by_key(|p| std::cmp::Reverse(p.2.map(|w| w.sort_key())));
        return;
    }
    let clocks: Vec<Clock> = posts.iter().filter_map(|p| p.1).collect();
    if when::ascending(&clocks) {
        posts.reverse();
    }
}

/// Writes the story's text and points every field into it.
fn write(story: &mut Story, summary: &[String], posts: Vec<(Post, Option<Clock>, Option<When>)>, others: &[String]) {
    let mut text = String::new();
    let mut line = 0u32;
    let mut push = |text: &mut String, s: &str| -> (u32, Span) {
        if line > 0 {
            text.push('\n');
        }
        line += 1;
        let start = text.len();
        text.push_str(s);
        (line, Span::new(start, text.len()))
    };
    if !story.title.is_empty() {
        let title = story.title.clone();
        push(&mut text, &title);
        push(&mut text, "");
    }
    for p in summary {
        story.summary.push(push(&mut text, p).1);
    }
    let mut tags: HashMap<String, u32> = HashMap::new();
    for (post, clock, at) in posts {
        if !text.is_empty() {
            push(&mut text, "");
        }
        let mut entry = Entry { clock, at, ..Entry::default() };
        if let Some(Time::Clock { zone, .. }) = post.time {
            entry.zone = zone;
        }
        if let Some(c) = clock {
            entry.line = push(&mut text, &c.to_string()).0;
        }
        if let Some(t) = &post.tag {
            let (l, span) = push(&mut text, t);
            entry.line = if entry.line == 0 { l } else { entry.line };
            entry.tag = Some(span);
            let key = fold(t);
            let next = story.tags.len() as u32;
            let id = *tags.entry(key.clone()).or_insert_with(|| {
                story.tags.push(Tag { label: t.clone(), key });
                next
            });
            entry.tag_id = Some(id);
        }
        if let Some(h) = &post.headline {
            let (l, span) = push(&mut text, h);
            entry.line = if entry.line == 0 { l } else { entry.line };
            entry.headline = Some(span);
        }
        for b in &post.body {
            let (l, span) = push(&mut text, b);
            entry.line = if entry.line == 0 { l } else { entry.line };
            entry.body.push(span);
        }
        story.entries.push(entry);
    }
    if !others.is_empty() {
        push(&mut text, "");
    }
    for title in others {
        let (l, span) = push(&mut text, title);
        story.dropped.push(DroppedLine { line: l, rule: OTHER_STORY.to_string(), span });
    }
    story.text = text;
}
