//! Text → [`Story`]. The parser reads a live blog line by line: it classifies each line once
//! ([`lines`]: blank, boilerplate, entry stamp in any of the forms of [`time`], day header,
//! text), splits the page into a header and entries at the stamps ([`structure`]), tells tags
//! from headlines by the layout, keeps captions, credits and related links apart from the
//! body, and resolves each entry's date from the header's datelines and the day changes. Pages with no time lines become untimed entries split at
//! their subheadings. Every line of the input ends up in the story or in [`Story::dropped`].

mod above_first_day;
mod dates;
mod day_words;
mod html;
mod json;
pub(crate) mod lines;
pub mod page;
mod pinned;
mod reconcile;
pub mod rules;
mod structure;
pub mod time;
mod unwrap;
mod warm;
mod weekday_divider;
pub(crate) mod words;

use crate::decode::{self, InputError};
use crate::model::{DroppedLine, Story};
use chrono::{DateTime, NaiveDate, Utc};
pub use page::Page;
pub use rules::{RuleError, Rules};
use std::path::PathBuf;

/// Compiles the embedded rules on a thread of their own, so that a program that then reads its
/// files finds them ready, or waits only for what is left: compiling them is a tenth of the
/// way to a big blog's first screen and most of a small one's, and reading the file needs no
/// rule. The regular expressions of stamps and datelines are compiled meanwhile on another
/// ([`warm`]), compiled only: matching a page here would give every one of them a third cache,
/// held to the end.
pub fn prepare_in_background() {
    std::thread::spawn(warm::stamps);
    std::thread::spawn(|| {
        Rules::embedded().compile();
        give_back_freed_memory();
    });
}

/// Returns the memory compiling left free to the system: the regex compiler's scratch is
/// several MB, freed in the middle of the heap where the allocator keeps it, and the file's
/// text comes on top of it.
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; it is safe to call at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The front door: bytes as they would be read from a file or a response body, HTML, JSON or
/// text, recognised by their content (decoding and cleaning included).
pub fn parse_bytes(path: PathBuf, bytes: Vec<u8>, rules: &Rules) -> Result<Story, InputError> {
    parse_taken(path, bytes, rules, None)
}

/// [`parse_bytes`] for a copy taken on a known day (see [`page::PageMeta::taken`]): the
/// outside world knows it (a file's modification time, a fetch), the parser has no clock.
pub fn parse_taken(
    path: PathBuf,
    bytes: Vec<u8>,
    rules: &Rules,
    taken: Option<NaiveDate>,
) -> Result<Story, InputError> {
    read_page(path, bytes, rules, |meta| meta.taken = taken)
}

/// [`parse_taken`] for a copy taken at a known moment: also what relative times (`5 min ago`)
/// count back from on a page that does not show when it was last updated.
pub fn parse_taken_at(
    path: PathBuf,
    bytes: Vec<u8>,
    rules: &Rules,
    taken: Option<DateTime<Utc>>,
) -> Result<Story, InputError> {
    read_page(path, bytes, rules, |meta| {
        meta.taken = taken.map(|t| t.date_naive());
        meta.taken_at = taken;
    })
}

/// Bytes → a story: containers opened first ([`unwrap`]: gzip, MHTML); a JSON blog, or a
/// script assigning one, is read whole by its own reader; HTML and text go through the line
/// pipeline, with what the outside world knows of the copy set on the page first.
fn read_page(
    path: PathBuf,
    bytes: Vec<u8>,
    rules: &Rules,
    copy_taken: impl FnOnce(&mut page::PageMeta),
) -> Result<Story, InputError> {
    let unwrap::Unwrapped { bytes, address } = unwrap::unwrap(bytes)?;
    let saved_from = |mut story: Story| {
        story.url = story.url.or(address);
        story
    };
    let is_html = html::looks_like_html(&bytes);
    if let Some(story) = (!is_html).then(|| json::read_table(&path, &bytes)).flatten() {
        return story.map(saved_from);
    }
    let mut page = read(bytes)?;
    let json = json::read(&path, &page.text).or_else(|| (!is_html).then(|| json::read_script(&path, &page.text))?);
    if let Some(story) = json {
        return story.map(saved_from);
    }
    copy_taken(&mut page.meta);
    Ok(saved_from(parse_page(path, page, rules)))
}

/// Bytes → a page, HTML or text, recognised by their content.
fn read(bytes: Vec<u8>) -> Result<Page, InputError> {
    if html::looks_like_html(&bytes) { html::read(bytes) } else { Ok(Page::text(decode::decode(bytes)?)) }
}

/// Adds the lines the rules removed to those the layout removed and puts them all in line
/// order, the rules' first on a line both name (as when they were listed first). In place: a
/// big blog drops 32,000 lines, and a second list plus the stable sort's scratch copy held
/// three lists of them at the parse's high point; the sort moves 4-byte indices instead.
fn add_rule_drops(dropped: &mut Vec<DroppedLine>, lines: &lines::Lines, rules: &Rules) {
    let laid_out = dropped.len();
    dropped.reserve_exact(lines.lines.iter().filter(|l| lines.dropped_rule(l).is_some()).count());
    for line in &lines.lines {
        if let Some(name) = lines.dropped_rule(line) {
            dropped.push(DroppedLine { line: line.number, rule: rules.name(name).to_string(), span: line.span });
        }
    }
    let mut order: Vec<u32> = (0..dropped.len() as u32).collect();
    order.sort_by_key(|&i| (dropped[i as usize].line, (i as usize) < laid_out));
    permute(dropped, order);
}

/// Reorders `items` so that the `k`-th is the one that was at `order[k]`, in place.
fn permute<T>(items: &mut [T], mut order: Vec<u32>) {
    const DONE: u32 = u32::MAX;
    for start in 0..items.len() {
        // Follows the cycle through `start`, pulling each item into the place that wants it.
        let mut at = start;
        while order[at] != DONE {
            let from = order[at] as usize;
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Parses text that is already decoded and clean (see [`decode::decode`]). Control characters
/// left in `text` would reach the output: callers with raw text go through `parse_bytes`.
pub fn parse_text(path: PathBuf, text: String, rules: &Rules) -> Story {
    parse_page(path, Page::text(text), rules)
}

/// The line pipeline every reader feeds: lines classified once (with the page's hints), then
/// structure, metadata, dates, and what the markup claims, in that order.
fn parse_page(path: PathBuf, mut page: Page, rules: &Rules) -> Story {
    let text = std::mem::take(&mut page.text);
    let mut lines = lines::classify(&text, rules, &page.hints);
    lines.drop_blanks_if_timed();
    let mut story = Story { path, text, ..Story::default() };
    // A text dump wraps its paragraphs at its width (a page's rendering does not): the reader
    // joins them again. Only a width that several lines crowd: a copy of short lines is none.
    if page.hints.is_empty() && page.furniture.is_empty() && page.structured.is_none() {
        story.wrap_width = structure::dump_width(&story.text).filter(|&(_, crowded)| crowded).map(|(w, _)| w as u16);
    }
    structure::build(&mut story, &mut lines);
    structure::cut_footer(&mut story);
    structure::cut_rails(&mut story, &lines, rules);
    lines.keep_dated();
    add_rule_drops(&mut story.dropped, &lines, rules);
    reconcile::apply_meta(&mut story, &page);
    // A page that states no zone takes the one its stamps print (`Jun 10, 2024, 11:55 AM PDT`
    // in the byline, `11:52AM` on the posts), else the zone of its language (and the places it
    // names).
    if story.zone.is_none() {
        story.zone = lines.lines.iter().filter_map(|l| lines.stamp(l)).find_map(|s| s.zone);
    }
    if story.zone.is_none() {
        story.zone = words::default_zone(&story.text);
    }
    let unplaced = time::restamp::restamp(&mut story, &mut lines, &page);
    let taken = time::restamp::taken_local(&story, &page);
    dates::resolve(&mut story, &lines, taken);
    time::restamp::unplace(&mut story, &unplaced);
    // The line list is the parse's largest structure after the text: gone before the rest
    // allocates (the outlet's regex scans the whole text).
    drop(lines);
    reconcile::apply_structured(&mut story, &page);
    json::state::apply(&mut story, &page.state);
    if story.outlet.is_none() {
        story.outlet = structure::find_outlet(&story.text);
    }
    story
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permute_puts_each_item_where_the_order_says() {
        let items: Vec<u32> = (0..200).map(|i| (i * 7919) % 61).collect();
        let mut order: Vec<u32> = (0..items.len() as u32).collect();
        order.sort_by_key(|&i| items[i as usize]);
        let mut expected = items.clone();
        expected.sort();
        let mut got = items.clone();
        permute(&mut got, order);
        assert_eq!(got, expected);
    }
}
