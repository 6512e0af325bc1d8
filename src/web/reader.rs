//! What the reader needs to follow its URL stories: the poller's configuration (the
//! interval from `--every`, `[web.pages]` or `[web] every`, the archive, the rules) and, at
//! start, each page's last fetch as the archive knows it — the load has just fetched it —
//! for the status line's `fetched … ago`.

use super::policy::Policy;
use super::poller::PollConfig;
use crate::archive::{self, Archive};
use crate::config::Settings;
use crate::state::Action;
use std::time::Duration;

/// What the reader's poller follows, and how.
#[derive(Debug, Clone)]
pub struct Polling {
    pub config: PollConfig,
    /// Each URL with its own interval when it has one.
    pub pages: Vec<(String, Option<Duration>)>,
    /// The URLs shown from the archive's copy, to fetch as soon as the reader starts.
    pub now: Vec<String>,
}

/// The poller's configuration, and each URL with its own interval when it has one.
pub fn polling(urls: &[String], settings: &Settings, every: Option<Duration>, now: Vec<String>) -> Polling {
    let config = PollConfig {
        policy: Policy { every: every.or(settings.web.every) },
        db: archive::default_path(),
        rules: settings.rules.clone(),
        http: super::http::Settings::default(),
    };
    let pages = urls.iter().map(|url| (url.clone(), settings.web.every_for(url, every))).collect();
    Polling { config, pages, now }
}

/// Per URL, its last fetch as the archive recorded it (when, and why it failed if it did),
/// as the actions that tell the reader; a page the archive does not know was fetched now.
pub fn last_fetches(urls: &[String]) -> Vec<Action> {
    if urls.is_empty() {
        return Vec::new();
    }
    let archive = archive::default_path().and_then(|p| Archive::open(&p).ok());
    let now = chrono::Utc::now();
    urls.iter()
        .map(|url| {
            let info = archive.as_ref().and_then(|a| a.page_info(url).ok().flatten());
            let at = info.as_ref().and_then(|i| i.last_fetched).unwrap_or(now);
            match info.and_then(|i| i.last_status) {
                Some(why) if why != "ok" && why != "not modified" => {
                    Action::PageFailed { url: url.clone(), reason: why, at }
                }
                _ => Action::PageFetched { url: url.clone(), at },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_come_from_the_command_line_then_the_page_then_web() {
        let mut settings = Settings::default();
        settings.web.every = Some(Duration::from_secs(120));
        settings.web.pages.insert("https://a.example/live".into(), Duration::from_secs(20));
        let urls = ["https://a.example/live".to_string(), "https://b.example/live".to_string()];
        let Polling { config, pages, .. } = polling(&urls, &settings, None, Vec::new());
        assert_eq!(config.policy.every, Some(Duration::from_secs(120)));
        assert_eq!(pages[0].1, Some(Duration::from_secs(20)));
        assert_eq!(pages[1].1, Some(Duration::from_secs(120)));
        let Polling { config, pages, .. } = polling(&urls, &settings, Some(Duration::from_secs(1)), Vec::new());
        assert_eq!(config.policy.every, Some(Duration::from_secs(1)));
        assert!(pages.iter().all(|(_, every)| *every == Some(Duration::from_secs(1))));
    }
}
