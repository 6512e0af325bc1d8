//! Following pages off the UI thread: one thread for the whole process (not one per URL)
//! asks each followed page in turn when [`super::policy`] says it is due, so a host never
//! gets two requests at once, and hands each result to a callback as a [`PageEvent`]. The
//! reader integration calls [`Poller::start`] (or [`Poller::channel`]), [`Poller::follow`]
//! for each URL story, and turns events into story updates exactly as file changes are.

use super::http::{Client, Settings, Validators};
use super::page::{NewEntry, PageFetch, fetch_page};
use super::policy::{HostGate, Outcome, Policy};
use crate::archive::Archive;
use crate::model::Story;
use crate::parse::Rules;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// What one poll of one page gave.
#[derive(Debug)]
pub enum PageEvent {
    /// The page changed: `story` holds every entry ever archived for it (see
    /// `Archive::story_with_history`); `new` the entries never seen before, oldest first.
    Fetched { url: String, story: Box<Story>, new: Vec<NewEntry> },
    /// 304, or the same validators: nothing to do.
    Unchanged { url: String },
    /// One line saying why (`HTTP 404 not found`, `connection refused`…): keep what is shown.
    Failed { url: String, reason: String },
}

/// How the poller works.
#[derive(Debug, Clone)]
pub struct PollConfig {
    pub policy: Policy,
    /// The archive to read validators from and record into; `None` polls without one.
    pub db: Option<PathBuf>,
    pub rules: Rules,
    pub http: Settings,
}

enum Control {
    Follow(String, Option<Duration>),
    Unfollow(String),
    Now(String),
    Stop,
}

/// The polling thread; stopped (and joined) when dropped.
pub struct Poller {
    tx: Sender<Control>,
    thread: Option<JoinHandle<()>>,
}

struct Followed {
    due: Instant,
    failures: u32,
    /// The page's own rules: the poller's, with the page's interval when it has one.
    policy: Policy,
    /// The validators of the copy this reader shows. The archive is shared (`liveblog fetch`
    /// from cron, a second reader): when another process stored a newer copy, a 304 to its
    /// validators says nothing about what this reader shows.
    shown: Option<Validators>,
}

impl Poller {
    /// Starts the thread; `sink` receives every event, on the polling thread.
    pub fn start(config: PollConfig, sink: impl FnMut(PageEvent) + Send + 'static) -> Poller {
        let (tx, rx) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("liveblog-poller".into())
            .spawn(move || run(config, rx, sink))
            .expect("spawn the polling thread");
        Poller { tx, thread: Some(thread) }
    }

    /// A poller whose events arrive on a channel.
    pub fn channel(config: PollConfig) -> (Poller, Receiver<PageEvent>) {
        let (tx, rx) = mpsc::channel();
        let poller = Poller::start(config, move |event| {
            let _ = tx.send(event);
        });
        (poller, rx)
    }

    /// Follows `url`; its first poll comes one interval from now (it was just loaded).
    pub fn follow(&self, url: &str) {
        let _ = self.tx.send(Control::Follow(url.to_string(), None));
    }

    /// Follows `url` at its own interval (`[web.pages]` in the configuration) rather than
    /// the poller's; `None` is the poller's.
    pub fn follow_every(&self, url: &str, every: Option<Duration>) {
        let _ = self.tx.send(Control::Follow(url.to_string(), every));
    }

    pub fn unfollow(&self, url: &str) {
        let _ = self.tx.send(Control::Unfollow(url.to_string()));
    }

    /// Polls `url` as soon as its host allows (following it if it was not).
    pub fn poll_now(&self, url: &str) {
        let _ = self.tx.send(Control::Now(url.to_string()));
    }
}

impl Drop for Poller {
    fn drop(&mut self) {
        let _ = self.tx.send(Control::Stop);
        if let Some(thread) = self.thread.take() {
            // A request in flight ends within the client's total timeout.
            let _ = thread.join();
        }
    }
}

fn run(config: PollConfig, rx: Receiver<Control>, mut sink: impl FnMut(PageEvent)) {
    let client = Client::new(config.http.clone());
    let mut archive = config.db.as_deref().and_then(|p| Archive::open(p).ok());
    let mut pages: HashMap<String, Followed> = HashMap::new();
    let mut gate = HostGate::default();
    loop {
        let now = Instant::now();
        let next = pages
            .iter()
            .map(|(url, f)| (f.due.max(gate.earliest(&host(url), &f.policy, now)), url))
            .min()
            .map(|(at, url)| (at, url.clone()));
        let wait = next.as_ref().map_or(Duration::from_secs(3600), |(at, _)| at.saturating_duration_since(now));
        match rx.recv_timeout(wait) {
            Ok(Control::Stop) | Err(RecvTimeoutError::Disconnected) => return,
            Ok(Control::Follow(url, every)) => {
                let policy = Policy { every: every.or(config.policy.every) };
                let due = Instant::now() + policy.interval();
                // Just loaded: what the archive holds now is what is shown.
                let shown = stored(archive.as_ref(), &url);
                pages.entry(url).or_insert(Followed { due, failures: 0, policy, shown });
                continue;
            }
            Ok(Control::Unfollow(url)) => {
                pages.remove(&url);
                continue;
            }
            Ok(Control::Now(url)) => {
                let fresh = Followed { due: Instant::now(), failures: 0, policy: config.policy, shown: None };
                pages.entry(url).or_insert(fresh).due = Instant::now();
                continue;
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        let Some((_, url)) = next else { continue };
        let Some(followed) = pages.get_mut(&url) else { continue };
        gate.asked(&host(&url), Instant::now());
        let result = fetch_page(&client, archive.as_mut(), &url, &config.rules, chrono::Utc::now());
        let (event, outcome) = match result {
            Ok(PageFetch::Updated { story, new, max_age }) => {
                (PageEvent::Fetched { url: url.clone(), story, new }, Outcome::Ok { max_age })
            }
            Ok(PageFetch::Unchanged { max_age }) => {
                let newer = match (archive.as_ref(), stored(archive.as_ref(), &url)) {
                    (Some(a), now_stored) if now_stored != followed.shown => {
                        a.archived_story(&url, &config.rules).ok().flatten()
                    }
                    _ => None,
                };
                let event = match newer {
                    // Entries another process archived first are not new to the archive, so
                    // they notify nobody; the reader still marks them new against its view.
                    Some(story) => PageEvent::Fetched { url: url.clone(), story: Box::new(story), new: Vec::new() },
                    None => PageEvent::Unchanged { url: url.clone() },
                };
                (event, Outcome::Ok { max_age })
            }
            Err(e) => {
                let outcome = Outcome::Failed { retry_after: e.retry_after() };
                (PageEvent::Failed { url: url.clone(), reason: e.to_string() }, outcome)
            }
        };
        if matches!(event, PageEvent::Fetched { .. }) {
            followed.shown = stored(archive.as_ref(), &url);
        }
        followed.failures = if matches!(outcome, Outcome::Failed { .. }) { followed.failures + 1 } else { 0 };
        followed.due = Instant::now() + followed.policy.delay(outcome, followed.failures, chrono::Utc::now());
        sink(event);
    }
}

/// The validators the archive holds for `url` (`None` without an archive).
fn stored(archive: Option<&Archive>, url: &str) -> Option<Validators> {
    archive.and_then(|a| a.validators(url).ok())
}

fn host(url: &str) -> String {
    super::host_of(url).unwrap_or_default()
}
