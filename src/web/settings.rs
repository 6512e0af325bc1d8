//! The configuration's `[web]` and `[notify]` tables: how often pages followed by URL are
//! fetched (one interval for all, and per-page intervals), and the opt-in notifications —
//! the program to run, the words that call for it, the terminal bell. Read here and checked
//! with the place of each mistake, so `config` reports it as `file:line:column`.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::time::Duration;
use toml::Spanned;

/// `[web]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebFile {
    every: Option<Spanned<String>>,
    #[serde(default)]
    pages: BTreeMap<String, Spanned<String>>,
}

/// `[notify]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotifyFile {
    command: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    bell: bool,
}

/// How often pages are fetched again in the reader.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WebSettings {
    /// `[web] every`; the poller's default (60 s) without it.
    pub every: Option<Duration>,
    /// `[web.pages]`: per URL, its own interval.
    pub pages: HashMap<String, Duration>,
}

impl WebSettings {
    /// The interval for `url`: `--every` (`cli`) first, then the page's own, then `[web] every`.
    pub fn every_for(&self, url: &str, cli: Option<Duration>) -> Option<Duration> {
        cli.or_else(|| self.pages.get(url).copied()).or(self.every)
    }
}

/// What to do when new entries arrive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotifySettings {
    /// The program and its arguments; empty for none.
    pub command: Vec<String>,
    /// Entries worth notifying hold one of these (in tag, headline or text); none: every entry.
    pub words: Vec<String>,
    /// Ring the terminal bell.
    pub bell: bool,
}

impl NotifySettings {
    /// Whether anything is to be done at all.
    pub fn enabled(&self) -> bool {
        !self.command.is_empty() || self.bell
    }
}

/// A mistake and where it is in the file.
pub type Mistake = (Range<usize>, String);

/// `--every DURATION` on the command line: as in the configuration, an interval of zero is
/// refused — it would ask a page again the moment an answer comes, without end.
pub fn interval(value: &str) -> Result<Duration, String> {
    match humantime::parse_duration(value) {
        Ok(d) if !d.is_zero() => Ok(d),
        Ok(_) => Err("an interval of zero: give one such as 30s or 5m".into()),
        Err(e) => Err(format!("{e} (write 30s, 5m, 1h)")),
    }
}

fn duration(value: &Spanned<String>) -> Result<Duration, Mistake> {
    match humantime::parse_duration(value.get_ref()) {
        Ok(d) if !d.is_zero() => Ok(d),
        Ok(_) => Err((value.span(), "an interval of zero: give one such as \"30s\" or \"5m\"".into())),
        Err(e) => Err((value.span(), format!("interval `{}`: {e} (write \"30s\", \"5m\", \"1h\")", value.get_ref()))),
    }
}

impl WebFile {
    pub fn settings(&self) -> Result<WebSettings, Mistake> {
        let every = self.every.as_ref().map(duration).transpose()?;
        let mut pages = HashMap::new();
        for (url, every) in &self.pages {
            if super::url_argument(url) != Ok(true) {
                return Err((every.span(), format!("`{}` is not an http:// or https:// URL", super::one_line(url))));
            }
            pages.insert(url.clone(), duration(every)?);
        }
        Ok(WebSettings { every, pages })
    }
}

impl NotifyFile {
    pub fn settings(&self) -> Result<NotifySettings, Mistake> {
        let command = match &self.command {
            Some(c) if c.get_ref().first().is_none_or(|p| p.trim().is_empty()) => {
                return Err((c.span(), "give the program first, such as [\"notify-send\", \"{story}\"]".into()));
            }
            Some(c) => c.get_ref().clone(),
            None => Vec::new(),
        };
        Ok(NotifySettings { command, words: self.words.clone(), bell: self.bell })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Both {
        #[serde(default)]
        web: WebFile,
        #[serde(default)]
        notify: NotifyFile,
    }

    fn read(text: &str) -> (Result<WebSettings, Mistake>, Result<NotifySettings, Mistake>) {
        let both: Both = toml::from_str(text).unwrap();
        (both.web.settings(), both.notify.settings())
    }

    #[test]
    fn intervals_per_page_and_for_all() {
        let (web, notify) =
            read("[web]\nevery = \"2m\"\n[web.pages]\n\"https://example.org/live\" = \"20s\"\n[notify]\nbell = true\n");
        let web = web.unwrap();
        assert_eq!(web.every, Some(Duration::from_secs(120)));
        assert_eq!(web.every_for("https://example.org/live", None), Some(Duration::from_secs(20)));
        assert_eq!(web.every_for("https://example.org/other", None), Some(Duration::from_secs(120)));
        assert_eq!(
            web.every_for("https://example.org/live", Some(Duration::from_secs(1))),
            Some(Duration::from_secs(1))
        );
        let notify = notify.unwrap();
        assert!(notify.enabled() && notify.command.is_empty());
        assert!(!NotifySettings::default().enabled());
    }

    #[test]
    fn mistakes_point_at_their_value() {
        let text = "[web]\nevery = \"soon\"\n";
        let (span, message) = read(text).0.unwrap_err();
        assert_eq!(&text[span], "\"soon\"");
        assert!(message.contains("interval `soon`"), "{message}");
        assert!(read("[web]\nevery = \"0s\"\n").0.unwrap_err().1.contains("zero"));
        assert!(read("[web.pages]\n\"ftp://x\" = \"1m\"\n").0.unwrap_err().1.contains("not an http"));
        assert!(read("[notify]\ncommand = []\n").1.unwrap_err().1.contains("program first"));
    }
}
