//! Pages followed by URL, as the reader sees them: when each was last fetched and, after a
//! failure, why — what the status line shows for a URL story (`fetched 2 min ago`,
//! `fetch failed 1 min ago: HTTP 404 not found`). The poller's results arrive as
//! [`super::Action::PageFetched`] and [`super::Action::PageFailed`], stamped with the time by
//! whoever received them: the state reads no clock, and ages are counted from the last tick.
//! Also the identities read marks are saved under, for the archive's merge of two readers.

use super::Reader;
use crate::model::Story;
use chrono::{DateTime, Utc};

/// The last fetch of one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchStatus {
    /// When the page was last asked (whatever the answer).
    pub at: DateTime<Utc>,
    /// Why the last fetch failed; `None` when it succeeded (changed or not).
    pub failure: Option<String>,
}

impl Reader {
    pub(super) fn page_fetched(&mut self, url: String, at: DateTime<Utc>) {
        // The page is back: a message still saying it failed would be stale, and it would
        // stay until the next key press, which a reader left to follow a page may not make.
        if self.message.as_deref().is_some_and(|m| m.starts_with(&failure_prefix(&url)) && m.ends_with(KEEPING)) {
            self.message = None;
        }
        self.fetches.insert(url, FetchStatus { at, failure: None });
    }

    /// A failed fetch: said in the status line, and what is shown stays.
    pub(super) fn page_failed(&mut self, url: String, reason: String, at: DateTime<Utc>) {
        let reason = crate::text::escape(&reason).into_owned();
        self.message = Some(format!("{}{reason}{KEEPING}", failure_prefix(&url)));
        self.fetches.insert(url, FetchStatus { at, failure: Some(reason) });
    }

    /// The last fetch of the page at `url`, if it is followed.
    pub fn fetch_status(&self, url: &str) -> Option<&FetchStatus> {
        self.fetches.get(url)
    }

    /// For the story shown, when it is read from a URL: when it was last fetched and, after a
    /// failure, why (`fetched 2 min ago`, `fetch failed just now: connection refused`).
    pub fn fetch_label(&self) -> Option<String> {
        if self.all {
            return None;
        }
        let url = self.stories.get(self.current)?.url.as_deref()?;
        let status = self.fetches.get(url)?;
        let ago = match self.now {
            Some(now) => ago((now.to_utc() - status.at).num_seconds()),
            None => status.at.format("at %H:%M UTC").to_string(),
        };
        Some(match &status.failure {
            None => format!("fetched {ago}"),
            Some(why) => format!("fetch failed {ago}: {why}"),
        })
    }
}

/// The tail of a failed fetch's message.
const KEEPING: &str = "; keeping what is shown";

/// The head of a failed fetch's message: the URL, made safe for the terminal.
fn failure_prefix(url: &str) -> String {
    format!("{}: ", crate::text::escape(url))
}

/// Every identity `story`'s read marks can be saved under (see [`Reader::read_marks`]): the
/// marks a reader can have changed, as opposed to those of entries it does not show.
pub fn saved_ids(story: &Story) -> Vec<u64> {
    super::live::identities(story).into_iter().map(super::live::saved_id).collect()
}

/// `just now`, `2 min ago`, `3 h ago`, `2 d ago`.
fn ago(seconds: i64) -> String {
    match seconds {
        s if s < 60 => "just now".into(),
        s if s < 3600 => format!("{} min ago", s / 60),
        s if s < 48 * 3600 => format!("{} h ago", s / 3600),
        s => format!("{} d ago", s / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;

    fn url_story(url: &str) -> crate::model::Story {
        let text = "Live\n\n10:05\nSecond post\n\nMore.\n\n10:00\nFirst post\n\nText.\n";
        let mut story =
            crate::parse::parse_bytes(url.into(), text.as_bytes().to_vec(), crate::parse::Rules::embedded()).unwrap();
        story.url = Some(url.to_string());
        story
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn the_label_counts_from_the_tick_and_names_a_failure() {
        let url = "http://127.0.0.1:1/live";
        let mut reader = Reader::new(vec![url_story(url)]);
        assert_eq!(reader.fetch_label(), None, "not fetched by the poller yet");
        reader.apply(Action::PageFetched { url: url.into(), at: at("2025-03-14T09:56:00Z") });
        assert_eq!(reader.fetch_label().as_deref(), Some("fetched at 09:56 UTC"), "no tick yet");
        reader.apply(Action::Tick(at("2025-03-14T09:58:30Z").fixed_offset()));
        assert_eq!(reader.fetch_label().as_deref(), Some("fetched 2 min ago"));
        let entries = reader.stories()[0].entries.len();
        reader.apply(Action::PageFailed {
            url: url.into(),
            reason: "HTTP 404 not found\x1b[2J".into(),
            at: at("2025-03-14T09:58:00Z"),
        });
        assert_eq!(reader.fetch_label().as_deref(), Some("fetch failed just now: HTTP 404 not found\\e[2J"));
        let message = reader.message().unwrap();
        assert!(message.starts_with(url) && message.contains("HTTP 404") && !message.contains('\x1b'), "{message}");
        assert_eq!(reader.stories()[0].entries.len(), entries, "what is shown stays");
        reader.apply(Action::Tick(at("2025-03-14T12:00:00Z").fixed_offset()));
        reader.apply(Action::PageFetched { url: url.into(), at: at("2025-03-14T09:00:00Z") });
        assert_eq!(reader.fetch_label().as_deref(), Some("fetched 3 h ago"), "a success clears the failure");
        assert_eq!(reader.message(), None, "and its message, which no key press may come to clear");
    }

    #[test]
    fn a_success_leaves_other_messages_alone() {
        let url = "http://127.0.0.1:1/live";
        let other = "http://127.0.0.1:1/other";
        let mut reader = Reader::new(vec![url_story(url)]);
        reader.apply(Action::PageFailed {
            url: other.into(),
            reason: "timed out".into(),
            at: at("2025-03-14T09:58:00Z"),
        });
        reader.apply(Action::PageFetched { url: url.into(), at: at("2025-03-14T09:59:00Z") });
        assert!(reader.message().is_some_and(|m| m.starts_with(other)), "another page's failure stays said");
    }

    #[test]
    fn a_file_story_has_no_fetch_label() {
        let mut story = url_story("saved.txt");
        story.url = None;
        let mut reader = Reader::new(vec![story]);
        reader.apply(Action::PageFetched { url: "saved.txt".into(), at: at("2025-03-14T09:56:00Z") });
        assert_eq!(reader.fetch_label(), None);
    }
}
