//! Live blogs as datasets and news APIs ship them, each read through the front door and
//! compared with its truth: a rendering server's front-end model (`blocks`, `keyEvents`,
//! `pinnedPost`), a summarisation dataset's JSON Lines, a CMS export (`created_on`), a
//! scraped CSV and a desk's TSV of posts, a Telegram channel export, a Twitter archive's
//! `tweets.js` and a social API's `data`/`includes` response. The records were written blind
//! (before the JSON reader was read) by `tests/fixtures/datasets/_gen.py`; the score each had
//! then is in the README.

mod common;
use common::*;

/// An entry's line with its instant written in UTC: an instant is right whatever offset it
/// keeps (a local time without a zone stays as printed).
fn in_utc(entry: &str) -> String {
    let mut parts: Vec<String> = entry.splitn(3, ' ').map(str::to_string).collect();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(&parts[1]) {
        parts[1] = t.to_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    }
    parts.join(" ")
}

/// Title matched, then entries matched whole (clock, instant and headline), of those expected.
fn score(name: &str) -> (bool, usize, usize, Vec<String>) {
    let truth: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            root().join("tests/fixtures/datasets").join(format!("{}.truth.json", name.rsplit_once('.').unwrap().0)),
        )
        .unwrap(),
    )
    .unwrap();
    let story = fixture(&format!("datasets/{name}"));
    let got: Vec<String> = entries(&story).iter().map(|e| in_utc(e)).collect();
    let want: Vec<String> = truth["entries"].as_array().unwrap().iter().map(|e| in_utc(e.as_str().unwrap())).collect();
    let hits = want.iter().filter(|w| got.contains(w)).count();
    let title = story.title == truth["title"].as_str().unwrap();
    let mut notes = vec![format!("title {:?}", story.title)];
    notes.extend(got.iter().filter(|g| !want.contains(g)).map(|g| format!("got  {g}")));
    notes.extend(want.iter().filter(|w| !got.contains(w)).map(|w| format!("want {w}")));
    (title, hits, want.len().max(got.len()), notes)
}

const RECORDS: [&str; 8] = [
    "dcr-model.json",
    "summaries.jsonl",
    "cms-export.json",
    "posts.csv",
    "telegram-result.json",
    "tweets.js",
    "social-v2.json",
    "desk.tsv",
];

#[test]
fn every_dataset_record_reads_as_its_truth() {
    let mut failures = Vec::new();
    let (mut hits, mut all, mut titles) = (0, 0, 0);
    for name in RECORDS {
        let (title, h, n, notes) = score(name);
        eprintln!("{name}: title {title}, entries {h}/{n}");
        hits += h;
        all += n;
        titles += usize::from(title);
        if !title || h != n {
            failures.push(format!("{name}:\n  {}", notes.join("\n  ")));
        }
    }
    eprintln!("datasets: titles {titles}/{}, entries {hits}/{all}", RECORDS.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn what_the_records_say_beyond_their_entries() {
    // A Telegram message's text given as runs (a bold one, then plain) is one paragraph.
    let tg = fixture("datasets/telegram-result.json");
    let first: Vec<Vec<&str>> = tg.entry_refs().map(|e| e.body().collect()).collect();
    assert_eq!(first[1], ["Air raid alert across eastern regions, residents urged to shelter."]);
    // The summarisation record's bullets are the story's summary; the second record is named.
    let sum = fixture("datasets/summaries.jsonl");
    assert_eq!(sum.summary(), ["A loss and damage fund is announced", "Talks resume on Friday"]);
    assert!(sum.dropped.iter().any(|d| d.rule == "json-other-story"));
    // A key-events list and a pinned post repeat blocks: no entry twice.
    let dcr = fixture("datasets/dcr-model.json");
    assert_eq!(dcr.entries.len(), 4);
    let tags: Vec<Option<&str>> = dcr.entry_refs().map(|e| e.tag()).collect();
    assert_eq!(tags, [Some("Key event"), None, Some("Key event"), None]);
}
