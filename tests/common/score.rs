//! Scoring of the parser against pages whose truth is known: each page directory holds the
//! saved `page.html`, its text forms (`copied.txt` from a browser's innerText, `w3m.txt`,
//! `lynx.txt`) and a `truth.json` (`{"title", "outlet", "entries": [{"clock": "HH:MM",
//! "instant": RFC 3339 or null, "headline": first words or null}]}`, page order). Every form
//! present is parsed with the embedded rules; parsed entries are aligned with the truth in order
//! (same clock; pairs whose text also starts with the truth's first words are preferred, and a
//! pair with the right clock but other text still counts for the clock and is listed in the
//! notes), and the table shows per page and form the share of truth entries with the right
//! clock and the right instant (to the minute; a parsed time without an offset is wrong where
//! the truth has one), the share of parsed entries that match nothing, and whether the title is
//! right. Shared by `tests/real_forms.rs` and `examples/score_pages.rs` (through `#[path]`).
//!
//! Each form is parsed as the reader opens a saved file: with the moment the copy was taken (a
//! file's modification time), which dates a page that prints no year. Git keeps no such time,
//! so it is `taken_at` in `truth.json` when given, else ten minutes after the newest instant of
//! the truth (a copy saved as the page stood). `SCORE_WITHOUT_TAKEN=1` parses without it, as a
//! bare `parse_bytes` does.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset};
use liveblog::model::{Story, When};
use liveblog::parse::{Rules, parse_taken_at};
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const FORMS: [(&str, &str); 4] =
    [("html", "page.html"), ("copied", "copied.txt"), ("w3m", "w3m.txt"), ("lynx", "lynx.txt")];
/// How many of the truth's first words must appear in order near the start of the entry.
const HEADLINE_WORDS: usize = 4;
/// How far into the parsed entry's text (in words) the truth's first words may start: a tag,
/// a byline or a label may stand before the headline.
const HEADLINE_REACH: usize = 40;

#[derive(Deserialize)]
pub struct Truth {
    title: String,
    entries: Vec<TruthEntry>,
    /// When the copy was saved (RFC 3339), as its file's modification time would say.
    #[serde(default)]
    taken_at: Option<String>,
}

impl Truth {
    /// When the copies were taken: see the module's notes.
    fn taken(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        if std::env::var_os("SCORE_WITHOUT_TAKEN").is_some_and(|v| v == "1") {
            return None;
        }
        // A copy saved long after the page stood (`SCORE_TAKEN_AT=2026-11-22T12:00:00Z`): the
        // file's time says nothing of the page's day, and the page's own dates must win.
        if let Some(at) = std::env::var("SCORE_TAKEN_AT").ok().and_then(|t| DateTime::parse_from_rfc3339(&t).ok()) {
            return Some(at.to_utc());
        }
        if let Some(t) = &self.taken_at {
            return DateTime::parse_from_rfc3339(t).ok().map(|t| t.to_utc());
        }
        let newest =
            self.entries.iter().filter_map(|e| DateTime::parse_from_rfc3339(e.instant.as_deref()?).ok()).max()?;
        Some(newest.to_utc() + chrono::Duration::minutes(10))
    }
}

#[derive(Deserialize)]
struct TruthEntry {
    clock: String,
    instant: Option<String>,
    headline: Option<String>,
}

/// One parsed entry, reduced to what is scored.
struct Parsed {
    clock: Option<String>,
    at: Option<When>,
    words: Vec<String>,
    text: String,
}

#[derive(Default, Clone)]
pub struct Score {
    pub truth: usize,
    pub parsed: usize,
    pub clock_right: usize,
    pub with_instant: usize,
    pub instant_right: usize,
    pub spurious: usize,
    pub title_right: usize,
    pub pages: usize,
}

impl Score {
    pub fn add(&mut self, other: &Score) {
        self.truth += other.truth;
        self.parsed += other.parsed;
        self.clock_right += other.clock_right;
        self.with_instant += other.with_instant;
        self.instant_right += other.instant_right;
        self.spurious += other.spurious;
        self.title_right += other.title_right;
        self.pages += other.pages;
    }
}

/// Scores every page directory under `root` (those holding a `truth.json`), prints the table
/// per page and form (with the notes when `verbose`) and the totals per form, and returns the
/// totals in form order.
pub fn run(root: &Path, only_form: Option<&str>, verbose: bool) -> Vec<(&'static str, Score)> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("truth.json").is_file())
        .collect();
    dirs.sort();
    let rules = Rules::embedded();
    let mut totals: Vec<(&'static str, Score)> = Vec::new();
    println!(
        "{:<34} {:<6} {:>5} {:>6} {:>6} {:>8} {:>6} {:>5}",
        "page", "form", "truth", "parsed", "clock%", "instant%", "spur%", "title"
    );
    for dir in &dirs {
        let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let truth: Truth = match std::fs::read(dir.join("truth.json"))
            .map_err(|e| e.to_string())
            .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
        {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{name}: truth.json: {e}");
                continue;
            }
        };
        for (form, file) in FORMS {
            if only_form.is_some_and(|f| f != form) || !dir.join(file).is_file() {
                continue;
            }
            let mut notes = Vec::new();
            let score = score_form(&dir.join(file), &truth, rules, &mut notes);
            println!(
                "{:<34} {:<6} {:>5} {:>6} {:>6} {:>8} {:>6} {:>5}",
                truncate(&name, 34),
                form,
                score.truth,
                score.parsed,
                pct(score.clock_right, score.truth),
                pct(score.instant_right, score.with_instant),
                pct(score.spurious, score.parsed),
                if score.title_right == 1 { "ok" } else { "WRONG" }
            );
            if verbose {
                for note in notes {
                    println!("    {note}");
                }
            }
            match totals.iter_mut().find(|(f, _)| *f == form) {
                Some((_, total)) => total.add(&score),
                None => {
                    let mut total = Score::default();
                    total.add(&score);
                    totals.push((form, total));
                }
            }
        }
    }
    println!("\ntotals per form (over all entries of all pages)");
    println!(
        "{:<6} {:>5} {:>6} {:>6} {:>6} {:>8} {:>6} {:>7}",
        "form", "pages", "truth", "parsed", "clock%", "instant%", "spur%", "titles"
    );
    for (form, t) in &totals {
        println!(
            "{:<6} {:>5} {:>6} {:>6} {:>6} {:>8} {:>6} {:>7}",
            form,
            t.pages,
            t.truth,
            t.parsed,
            pct(t.clock_right, t.truth),
            pct(t.instant_right, t.with_instant),
            pct(t.spurious, t.parsed),
            format!("{}/{}", t.title_right, t.pages)
        );
    }
    totals
}

pub fn score_form(path: &Path, truth: &Truth, rules: &Rules, notes: &mut Vec<String>) -> Score {
    let bytes = std::fs::read(path).unwrap_or_default();
    let story = match parse_taken_at(path.to_path_buf(), bytes, rules, truth.taken()) {
        Ok(s) => s,
        Err(e) => {
            notes.push(format!("parse error: {e}"));
            return Score {
                truth: truth.entries.len(),
                pages: 1,
                with_instant: truth.entries.iter().filter(|e| e.instant.is_some()).count(),
                ..Score::default()
            };
        }
    };
    let parsed = reduce(&story);
    let pairs = align(&truth.entries, &parsed);
    let mut score = Score { truth: truth.entries.len(), parsed: parsed.len(), pages: 1, ..Score::default() };
    score.title_right = usize::from(normalise(&story.title) == normalise(&truth.title));
    if score.title_right == 0 {
        notes.push(format!("title: got {:?}, want {:?}", truncate(&story.title, 90), truth.title));
    }
    let mut matched_parsed = vec![false; parsed.len()];
    let mut matched_truth = vec![None; truth.entries.len()];
    for &(t, p) in &pairs {
        matched_parsed[p] = true;
        matched_truth[t] = Some(p);
    }
    for (t, entry) in truth.entries.iter().enumerate() {
        let want = entry.instant.as_deref().and_then(|s| DateTime::parse_from_rfc3339(s).ok());
        score.with_instant += usize::from(want.is_some());
        let Some(p) = matched_truth[t] else {
            notes.push(format!("missed   {} {}", entry.clock, entry.headline.as_deref().unwrap_or("")));
            continue;
        };
        score.clock_right += 1;
        if let Some(h) = &entry.headline
            && !similar(h, &parsed[p].words)
        {
            notes.push(format!("text     {} got {:?}, want {:?}", entry.clock, truncate(&parsed[p].text, 60), h));
        }
        if let Some(want) = want {
            if same_minute(parsed[p].at, want) {
                score.instant_right += 1;
            } else {
                let got = parsed[p].at.map_or("none".to_string(), |w| w.to_rfc3339());
                notes.push(format!("instant  {} got {got}, want {}", entry.clock, want.to_rfc3339()));
            }
        }
    }
    for (entry, _) in parsed.iter().zip(&matched_parsed).filter(|(_, matched)| !**matched) {
        score.spurious += 1;
        notes.push(format!("spurious {} {}", entry.clock.as_deref().unwrap_or("--:--"), truncate(&entry.text, 70)));
    }
    score
}

fn reduce(story: &Story) -> Vec<Parsed> {
    story
        .entries
        .iter()
        .map(|e| {
            let mut text = String::new();
            for span in e.headline.iter().chain(e.body.iter().take(3)) {
                text.push_str(story.str(*span));
                text.push(' ');
            }
            Parsed {
                clock: e.clock.map(|c| c.to_string()),
                at: e.at,
                words: words(&text),
                text: text.trim().to_string(),
            }
        })
        .collect()
}

/// The longest in-order alignment of truth and parsed entries: a pair counts when the clocks
/// agree; pairs whose first words agree too are preferred.
fn align(truth: &[TruthEntry], parsed: &[Parsed]) -> Vec<(usize, usize)> {
    let (n, m) = (truth.len(), parsed.len());
    let weight = |t: usize, p: usize| -> u32 {
        let want = normalise_clock(&truth[t].clock);
        if parsed[p].clock.as_deref() != Some(want.as_str()) {
            return 0;
        }
        match &truth[t].headline {
            Some(h) if similar(h, &parsed[p].words) => 3,
            Some(_) => 2,
            None => 3,
        }
    };
    let mut best = vec![vec![0u32; m + 1]; n + 1];
    for t in (0..n).rev() {
        for p in (0..m).rev() {
            let w = weight(t, p);
            let take = if w > 0 { w + best[t + 1][p + 1] } else { 0 };
            best[t][p] = take.max(best[t + 1][p]).max(best[t][p + 1]);
        }
    }
    let (mut t, mut p, mut pairs) = (0, 0, Vec::new());
    while t < n && p < m {
        let w = weight(t, p);
        if w > 0 && best[t][p] == w + best[t + 1][p + 1] {
            pairs.push((t, p));
            t += 1;
            p += 1;
        } else if best[t][p] == best[t + 1][p] {
            t += 1;
        } else {
            p += 1;
        }
    }
    pairs
}

fn similar(headline: &str, text: &[String]) -> bool {
    let want: Vec<String> = words(headline).into_iter().take(HEADLINE_WORDS).collect();
    if want.is_empty() {
        return true;
    }
    let reach = text.len().min(HEADLINE_REACH + want.len());
    text[..reach].windows(want.len()).any(|w| w == want.as_slice())
}

fn same_minute(got: Option<When>, want: DateTime<FixedOffset>) -> bool {
    match got {
        Some(When::Zoned(t)) => t.timestamp().div_euclid(60) == want.timestamp().div_euclid(60),
        _ => false,
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Titles compare on their words: case, punctuation, quotes and dashes do not count.
fn normalise(text: &str) -> String {
    words(text).join(" ")
}

fn normalise_clock(clock: &str) -> String {
    match clock.split_once([':', '.']) {
        Some((h, m)) => format!("{:02}:{m}", h.trim().parse::<u32>().unwrap_or(99)),
        None => clock.to_string(),
    }
}

pub fn pct(part: usize, whole: usize) -> String {
    if whole == 0 { "-".to_string() } else { format!("{:.0}", 100.0 * part as f64 / whole as f64) }
}

pub fn truncate(text: &str, max: usize) -> String {
    let one_line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    match one_line.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}
