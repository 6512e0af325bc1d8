//! `liveblog export`: stories as JSON (a stable interface for scripts and tests) or Markdown,
//! and the `--explain` listing of the lines the parser removed. File names are escaped
//! ([`crate::text::escape_path`]): a name cannot forge a line or reach a terminal raw, and
//! names that are not UTF-8 stay distinct.

use crate::model::{EntryRef, Story, When};
use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};
use std::fmt::Write as _;

/// The document is serialised story by story and entry by entry as it is written: a 100 MB
/// blog is never held a second time as one JSON string.
#[derive(Serialize)]
struct Document<'a> {
    stories: Stories<'a>,
}

struct Stories<'a> {
    stories: &'a [Story],
    explain: bool,
}

impl Serialize for Stories<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.stories.len()))?;
        for story in self.stories {
            seq.serialize_element(&story_json(story, self.explain))?;
        }
        seq.end()
    }
}

struct Entries<'a>(&'a Story);

impl Serialize for Entries<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.entries.len()))?;
        for e in self.0.entry_refs() {
            seq.serialize_element(&entry_json(e))?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct Coverage {
    start: Option<String>,
    end: Option<String>,
}

#[derive(Serialize)]
struct StoryJson<'a> {
    path: String,
    title: &'a str,
    outlet: Option<&'a str>,
    byline: Option<&'a str>,
    timezone: Option<&'static str>,
    coverage: Coverage,
    published: Option<String>,
    updated: Option<String>,
    summary: Option<String>,
    captions: Vec<&'a str>,
    links: Vec<&'a str>,
    entries: Entries<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dropped: Option<Vec<DroppedJson<'a>>>,
}

#[derive(Serialize)]
struct EntryJson<'a> {
    clock: Option<String>,
    at: Option<String>,
    tag: Option<&'a str>,
    headline: Option<&'a str>,
    body: Vec<std::borrow::Cow<'a, str>>,
    captions: Vec<&'a str>,
    links: Vec<&'a str>,
    updated: Option<String>,
}

#[derive(Serialize)]
struct DroppedJson<'a> {
    line: u32,
    rule: &'a str,
    text: &'a str,
}

fn rfc3339(w: Option<When>) -> Option<String> {
    w.map(|w| w.to_rfc3339())
}

fn entry_json<'a>(e: EntryRef<'a>) -> EntryJson<'a> {
    EntryJson {
        clock: e.entry.clock.map(|c| c.to_string()),
        at: rfc3339(e.entry.at),
        tag: e.tag(),
        headline: e.headline(),
        body: e.paragraphs(),
        captions: e.captions().collect(),
        links: e.links().collect(),
        updated: e.entry.updated.map(|c| c.to_string()),
    }
}

fn story_json(story: &Story, explain: bool) -> StoryJson<'_> {
    let summary = story.summary();
    StoryJson {
        path: crate::text::escape_path(&story.path).into_owned(),
        title: &story.title,
        outlet: story.outlet.as_deref(),
        byline: story.byline.map(|s| story.str(s)),
        timezone: story.zone.map(|z| z.name()),
        coverage: Coverage { start: rfc3339(story.coverage_start), end: rfc3339(story.coverage_end) },
        published: rfc3339(story.published),
        updated: rfc3339(story.updated),
        summary: (!summary.is_empty()).then(|| summary.join("\n\n")),
        captions: story.captions.iter().map(|s| story.str(*s)).collect(),
        links: story.links.iter().map(|s| story.str(*s)).collect(),
        entries: Entries(story),
        dropped: explain.then(|| {
            story.dropped.iter().map(|d| DroppedJson { line: d.line, rule: &d.rule, text: story.str(d.span) }).collect()
        }),
    }
}

/// The JSON document for some stories; with `explain`, each story lists its dropped lines.
pub fn to_json(stories: &[Story], explain: bool) -> String {
    let mut out = Vec::new();
    write_json(stories, explain, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes the JSON document of [`to_json`] to `out` as it is serialised (give it a buffered
/// writer).
pub fn write_json(stories: &[Story], explain: bool, out: impl std::io::Write) -> std::io::Result<()> {
    let doc = Document { stories: Stories { stories, explain } };
    serde_json::to_writer_pretty(out, &doc).map_err(std::io::Error::from)
}

/// One story as Markdown: title, coverage, then a section per entry.
pub fn to_markdown(story: &Story) -> String {
    let mut out = Vec::new();
    write_markdown(story, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
}

/// Writes [`to_markdown`]'s text to `out` entry by entry (give it a buffered writer).
pub fn write_markdown(story: &Story, out: &mut impl std::io::Write) -> std::io::Result<()> {
    writeln!(out, "# {}\n", story.title)?;
    let mut meta = Vec::new();
    if let Some(outlet) = &story.outlet {
        meta.push(format!("**{outlet}**"));
    }
    match (story.coverage_start, story.coverage_end) {
        (Some(s), Some(e)) => meta.push(format!("Coverage: {} – {}", s.to_rfc3339(), e.to_rfc3339())),
        (Some(s), None) => meta.push(format!("Coverage from {}", s.to_rfc3339())),
        (None, Some(e)) => meta.push(format!("Coverage ended {}", e.to_rfc3339())),
        (None, None) => {}
    }
    if let Some(zone) = story.zone {
        meta.push(format!("Times: {}", zone.name()));
    }
    if !meta.is_empty() {
        writeln!(out, "{}\n", meta.join(" · "))?;
    }
    for paragraph in story.summary() {
        writeln!(out, "{paragraph}\n")?;
    }
    for e in story.entry_refs() {
        let mut heading = e.entry.clock.map(|c| c.to_string()).unwrap_or_default();
        if let Some(tag) = e.tag() {
            heading = if heading.is_empty() { tag.to_string() } else { format!("{heading} — {tag}") };
        }
        if heading.is_empty() {
            // No time, tag nor headline: the text alone, no empty heading.
            if let Some(h) = e.headline() {
                writeln!(out, "### {h}\n")?;
            }
        } else {
            writeln!(out, "### {heading}\n")?;
            if let Some(h) = e.headline() {
                writeln!(out, "**{h}**\n")?;
            }
        }
        for p in e.paragraphs() {
            writeln!(out, "{p}\n")?;
        }
        for c in e.captions() {
            writeln!(out, "> _{c}_\n")?;
        }
        for l in e.links() {
            writeln!(out, "- {l}")?;
        }
        if e.entry.links.is_empty() {
            continue;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The `--explain` listing: each removed line with its line number and rule.
pub fn explain(story: &Story) -> String {
    let mut out = String::new();
    for d in &story.dropped {
        let _ =
            writeln!(out, "{}:{}: {}: {}", crate::text::escape_path(&story.path), d.line, d.rule, story.str(d.span));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Rules, parse_bytes};
    use std::path::PathBuf;

    fn story_at(path: PathBuf) -> Story {
        let text = "Le direct\n\nPublicité\n\n10h15\nUn titre\n\nUn texte.\n\nPublicité\n";
        parse_bytes(path, text.as_bytes().to_vec(), Rules::embedded()).unwrap()
    }

    #[test]
    fn hostile_names_are_escaped_in_json_and_explain() {
        let story = story_at(PathBuf::from("evil\u{1b}]0;pwned\u{7}\nfake.txt:1: ad: forged\u{202e}.txt"));
        let json = to_json(std::slice::from_ref(&story), true);
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let path = doc["stories"][0]["path"].as_str().unwrap();
        assert_eq!(path, "evil\\e]0;pwned\\x07\\nfake.txt:1: ad: forged\\u{202e}.txt");
        assert!(!json.contains('\u{202e}'), "a bidi control reaches the output raw");
        let listing = explain(&story);
        assert!(!story.dropped.is_empty());
        assert_eq!(listing.lines().count(), story.dropped.len(), "a newline in a name forges a line:\n{listing}");
        assert!(listing.lines().all(|l| l.starts_with("evil\\e]0;pwned\\x07\\n")), "{listing}");
        assert!(!listing.contains('\u{1b}') && !listing.contains('\u{7}'));
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_stay_distinct_in_json() {
        use std::os::unix::ffi::OsStrExt;
        let name = |b: &[u8]| PathBuf::from(std::ffi::OsStr::from_bytes(b));
        let stories = [story_at(name(b"caf\xe9.txt")), story_at(name(b"caf\xe8.txt"))];
        let doc: serde_json::Value = serde_json::from_str(&to_json(&stories, false)).unwrap();
        let (a, b) = (doc["stories"][0]["path"].as_str().unwrap(), doc["stories"][1]["path"].as_str().unwrap());
        assert_ne!(a, b);
        assert_eq!(a, "caf\\xe9.txt");
    }
}
