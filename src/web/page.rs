//! A page fetched through the archive: the stored validators sent, a 200 parsed (through the
//! parser's front door, as HTML or text) into a story named after the page, its entries
//! recorded, and the entries the page no longer shows put back from the archive; a 304
//! changes nothing; a failure is noted against the page. Shared by the initial load, the
//! poller and `liveblog fetch`.

use super::http::{Client, FetchError, Fetched};
use crate::archive::Archive;
use crate::decode::InputError;
use crate::model::{Clock, Story, When};
use crate::parse::Rules;
use chrono::{DateTime, Utc};
use std::path::PathBuf;
use std::time::Duration;

/// An entry seen for the first time, as `fetch` prints it and notifications match it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEntry {
    pub story: String,
    pub clock: Option<Clock>,
    pub at: Option<When>,
    pub tag: Option<String>,
    /// The headline, or the start of the text for entries without one.
    pub headline: String,
    /// Body, captions and links, for matching notification words.
    pub text: String,
}

/// What fetching a page gave.
#[derive(Debug)]
pub enum PageFetch {
    /// The page changed: the story with every archived entry, and the entries new to the
    /// archive (all of them when there is no archive), oldest first.
    Updated { story: Box<Story>, new: Vec<NewEntry>, max_age: Option<Duration> },
    /// 304: what was stored is current.
    Unchanged { max_age: Option<Duration> },
}

/// Fetches `url` once, through `archive` when there is one.
pub fn fetch_page(
    client: &Client,
    mut archive: Option<&mut Archive>,
    url: &str,
    rules: &Rules,
    now: DateTime<Utc>,
) -> Result<PageFetch, FetchError> {
    let result = fetch(client, archive.as_deref_mut(), url, rules, now);
    if let (Err(e), Some(archive)) = (&result, archive) {
        // Noting the failure is a courtesy: the fetch error is the one worth reporting.
        let _ = archive.store_status(url, &e.to_string(), now);
    }
    result
}

fn fetch(
    client: &Client,
    mut archive: Option<&mut Archive>,
    url: &str,
    rules: &Rules,
    now: DateTime<Utc>,
) -> Result<PageFetch, FetchError> {
    let archive_err = |e: crate::archive::ArchiveError| FetchError::Other(e.to_string());
    let validators = match archive.as_deref() {
        Some(a) => a.validators(url).map_err(archive_err)?,
        None => Default::default(),
    };
    let response = match client.get(url, &validators)? {
        Fetched::NotModified { max_age } => {
            if let Some(a) = archive {
                a.store_status(url, "not modified", now).map_err(archive_err)?;
            }
            return Ok(PageFetch::Unchanged { max_age });
        }
        Fetched::Page(response) => response,
    };
    let mut story = parse(url, response.body.clone(), rules)?;
    let new_indices: Vec<usize> = match archive.as_deref_mut() {
        Some(a) => {
            let recorded = a.record(url, &story, now).map_err(archive_err)?;
            a.store_response(url, &response.validators, &response.body, now).map_err(archive_err)?;
            recorded.new
        }
        None => (0..story.entries.len()).collect(),
    };
    let new = new_indices.iter().rev().map(|&i| new_entry(&story, i)).collect();
    if let Some(a) = archive {
        story = a.story_with_history(url, story).map_err(archive_err)?;
    }
    Ok(PageFetch::Updated { story: Box::new(story), new, max_age: response.max_age })
}

/// A body read as a page: a story named after the page, with `url` set and the URL as path.
pub fn parse(url: &str, body: Vec<u8>, rules: &Rules) -> Result<Story, FetchError> {
    // Fetched now: a page that prints its days without their year is of this year or before,
    // and its relative times (`5 min ago`) count back from now.
    let taken = Some(chrono::Utc::now());
    let mut story = crate::parse::parse_taken_at(PathBuf::from(url), body, rules, taken).map_err(|e| match e {
        InputError::Binary(at) => FetchError::NotHtml(format!("binary content, NUL byte at offset {at}")),
        other => FetchError::Other(other.to_string()),
    })?;
    // An article, an error or maintenance page read as one text is no live blog: `fetch`
    // would print its text as a new entry, and a poll would put it in place of the posts.
    if !crate::state::has_entries(&story) {
        return Err(FetchError::Other("not a live blog (no entries found on the page)".into()));
    }
    story.url = Some(url.to_string());
    if story.title.trim().is_empty() {
        story.title = url.to_string();
    }
    Ok(story)
}

/// Entry `index` of `story`, as `fetch` prints it and notifications match it.
pub fn new_entry(story: &Story, index: usize) -> NewEntry {
    let e = story.entry(index);
    NewEntry {
        story: story.title.clone(),
        clock: e.entry.clock,
        at: e.entry.at,
        tag: e.tag().map(str::to_string),
        headline: e.title().to_string(),
        text: e.plain_text(),
    }
}

impl NewEntry {
    /// `2025-03-14 09:56  story title  ·  headline`, with nothing that could drive a terminal.
    pub fn line(&self) -> String {
        let date = self.at.map(|w| w.local().format("%Y-%m-%d ").to_string()).unwrap_or_default();
        let clock = match (self.clock, self.at) {
            (Some(c), _) => c.to_string(),
            (None, Some(w)) => w.local().format("%H:%M").to_string(),
            (None, None) => "--:--".to_string(),
        };
        super::one_line(&format!("{date}{clock}  {}  ·  {}", self.story.trim(), self.headline.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_entry_prints_on_one_clean_line() {
        let at = When::Local("2025-03-14T09:56:00".parse().unwrap());
        let e = NewEntry {
            story: "Live: \x1b]0;owned\x07news".into(),
            clock: Clock::new(9, 56),
            at: Some(at),
            tag: None,
            headline: "Two\nlines".into(),
            text: String::new(),
        };
        assert_eq!(e.line(), "2025-03-14 09:56  Live:  ]0;owned news  ·  Two lines");
        let bare = NewEntry { at: None, clock: None, ..e };
        assert!(bare.line().starts_with("--:--  Live:"));
    }
}
