//! Entries in the archive: [`Archive::record`] keeps every entry a page ever showed, keyed by
//! its identity (clock + folded headline, counted for repeats, as the reader matches them),
//! with the earlier versions of the ones edited in place; [`Archive::story_with_history`]
//! puts back into a fresh parse the entries the page no longer shows, so nothing ever shown
//! is lost (a post whose relative time moved its clock stays one post: [`super::moved`]); [`Archive::archived_story`] rebuilds a story offline.

use super::moved::{LineStarts, moved_row};
use super::{Archive, Result, page_id, sql};
use crate::model::{Clock, Entry, EntryRef, Span, Story, Tag, When, fold};
use crate::parse::Rules;
use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{OptionalExtension, params};
use std::collections::HashSet;
use std::path::PathBuf;

/// What one [`Archive::record`] found: indices into the story's entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recorded {
    /// Entries never seen before on this page.
    pub new: Vec<usize>,
    /// Entries seen before whose content changed (the old version is kept).
    pub edited: Vec<usize>,
}

/// Identity of each entry: the reader's own rule, so archive and read marks agree.
pub use crate::state::identities;

/// An entry's content as stored.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Stored {
    pub tag: Option<String>,
    pub headline: Option<String>,
    pub body: String,
    pub captions: String,
    pub links: String,
}

impl Stored {
    fn of(e: &EntryRef<'_>) -> Stored {
        let json = |v: Vec<&str>| serde_json::to_string(&v).expect("strings serialise");
        Stored {
            tag: e.tag().map(str::to_string),
            headline: e.headline().map(str::to_string),
            body: json(e.body().collect()),
            captions: json(e.captions().collect()),
            links: json(e.links().collect()),
        }
    }
}

/// An archived entry read back.
struct Archived {
    clock: Option<Clock>,
    at: Option<When>,
    content: Stored,
}

fn parse_clock(s: &str) -> Option<Clock> {
    let (h, m) = s.split_once(':')?;
    Clock::new(h.parse().ok()?, m.parse().ok()?)
}

fn when_to_sql(at: Option<When>) -> (Option<String>, bool) {
    match at {
        Some(w @ When::Zoned(_)) => (Some(w.to_rfc3339()), true),
        Some(w @ When::Local(_)) => (Some(w.to_rfc3339()), false),
        None => (None, false),
    }
}

pub(super) fn when_from_sql(at: Option<String>, zoned: bool) -> Option<When> {
    let at = at?;
    if zoned {
        DateTime::parse_from_rfc3339(&at).ok().map(When::Zoned)
    } else {
        NaiveDateTime::parse_from_str(&at, "%Y-%m-%dT%H:%M:%S").ok().map(When::Local)
    }
}

impl Archive {
    /// Records a fetched story in one transaction: new entries added, edited ones updated
    /// with their previous version kept, every one's last-seen time and place refreshed.
    pub fn record(&mut self, url: &str, story: &Story, fetched_at: DateTime<Utc>) -> Result<Recorded> {
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| sql(&path, e))?;
        let run = || -> rusqlite::Result<Recorded> {
            let page = page_id(&tx, url, fetched_at)?;
            tx.execute("UPDATE pages SET title = ?2 WHERE id = ?1", params![page, story.title])?;
            let now = fetched_at.timestamp();
            let mut recorded = Recorded::default();
            let mut find = tx.prepare_cached(
                "SELECT id, tag, headline, body, captions, links, version FROM entries
                 WHERE page_id = ?1 AND identity = ?2 AND repeat = ?3",
            )?;
            let ids = identities(story);
            let shown: HashSet<(u64, u32)> = ids.iter().copied().collect();
            let mut starts: Option<LineStarts> = None;
            for (index, (entry, (identity, repeat))) in story.entry_refs().zip(ids).enumerate() {
                let content = Stored::of(&entry);
                let (at, zoned) = when_to_sql(entry.entry.at);
                let clock = entry.entry.clock.map(|c| c.to_string());
                let mut lookup = || {
                    find.query_row(params![page, identity as i64, repeat], |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            Stored {
                                tag: r.get(1)?,
                                headline: r.get(2)?,
                                body: r.get(3)?,
                                captions: r.get(4)?,
                                links: r.get(5)?,
                            },
                            r.get::<_, i64>(6)?,
                        ))
                    })
                    .optional()
                };
                let mut found = lookup()?;
                // A post stamped `5 min ago` that the next fetch says is `6 min ago`: the same
                // post, its identity moved with its clock.
                if found.is_none()
                    && let Some(id) = {
                        let starts = starts.get_or_insert_with(|| LineStarts::of(&story.text));
                        moved_row(&tx, page, (story, starts), &entry, &content, &shown)?
                    }
                {
                    tx.execute(
                        "UPDATE entries SET identity = ?2, repeat = ?3 WHERE id = ?1",
                        params![id, identity as i64, repeat],
                    )?;
                    found = lookup()?;
                }
                match found {
                    None => {
                        tx.execute(
                            "INSERT INTO entries (page_id, identity, repeat, clock, at, zoned, tag, headline, body,
                                captions, links, first_seen, last_seen, position)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13)",
                            params![
                                page,
                                identity as i64,
                                repeat,
                                clock,
                                at,
                                zoned,
                                content.tag,
                                content.headline,
                                content.body,
                                content.captions,
                                content.links,
                                now,
                                index as i64
                            ],
                        )?;
                        recorded.new.push(index);
                    }
                    Some((id, old, version)) => {
                        if old != content {
                            tx.execute(
                                "INSERT INTO entry_versions (entry_id, version, tag, headline, body, captions, links, replaced_at)
                                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                params![id, version, old.tag, old.headline, old.body, old.captions, old.links, now],
                            )?;
                            tx.execute(
                                "UPDATE entries SET tag = ?2, headline = ?3, body = ?4, captions = ?5, links = ?6,
                                    version = version + 1 WHERE id = ?1",
                                params![
                                    id,
                                    content.tag,
                                    content.headline,
                                    content.body,
                                    content.captions,
                                    content.links
                                ],
                            )?;
                            recorded.edited.push(index);
                        }
                        tx.execute(
                            "UPDATE entries SET last_seen = ?2, position = ?3, clock = ?4, at = ?5, zoned = ?6 WHERE id = ?1",
                            params![id, now, index as i64, clock, at, zoned],
                        )?;
                    }
                }
            }
            Ok(recorded)
        };
        let recorded = run().map_err(|e| sql(&path, e))?;
        tx.commit().map_err(|e| sql(&path, e))?;
        Ok(recorded)
    }

    /// The earlier versions of an entry, oldest first, as (headline, body paragraphs).
    pub fn versions(&self, url: &str, identity: u64, repeat: u32) -> Result<Vec<(Option<String>, Vec<String>)>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT v.headline, v.body FROM entry_versions v JOIN entries e ON e.id = v.entry_id
                 JOIN pages p ON p.id = e.page_id
                 WHERE p.url = ?1 AND e.identity = ?2 AND e.repeat = ?3 ORDER BY v.version",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![url, identity as i64, repeat], |r| {
                Ok((r.get::<_, Option<String>>(0)?, r.get::<_, String>(1)?))
            })
            .and_then(Iterator::collect::<rusqlite::Result<Vec<_>>>)
            .map_err(|e| self.err(e))?;
        Ok(rows.into_iter().map(|(h, b)| (h, serde_json::from_str(&b).unwrap_or_default())).collect())
    }

    /// Every entry ever archived for `url` that `shown` (identity, repeat) does not hold,
    /// newest first.
    fn missing(&self, url: &str, shown: &HashSet<(u64, u32)>) -> Result<Vec<Archived>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT e.identity, e.repeat, e.clock, e.at, e.zoned, e.tag, e.headline, e.body, e.captions, e.links
                 FROM entries e JOIN pages p ON p.id = e.page_id WHERE p.url = ?1
                 ORDER BY e.last_seen DESC, e.position ASC",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([url], |r| {
                let key = (r.get::<_, i64>(0)? as u64, r.get::<_, u32>(1)?);
                let archived = Archived {
                    clock: r.get::<_, Option<String>>(2)?.as_deref().and_then(parse_clock),
                    at: when_from_sql(r.get(3)?, r.get(4)?),
                    content: Stored {
                        tag: r.get(5)?,
                        headline: r.get(6)?,
                        body: r.get(7)?,
                        captions: r.get(8)?,
                        links: r.get(9)?,
                    },
                };
                Ok((key, archived))
            })
            .and_then(Iterator::collect::<rusqlite::Result<Vec<_>>>)
            .map_err(|e| self.err(e))?;
        Ok(rows.into_iter().filter(|(key, _)| !shown.contains(key)).map(|(_, a)| a).collect())
    }

    /// `current` (a fresh parse of the page) with the archived entries it no longer shows put
    /// back: by their instant among the dated entries, else at the bottom, where live blogs
    /// drop their oldest posts.
    pub fn story_with_history(&self, url: &str, mut current: Story) -> Result<Story> {
        let shown: HashSet<(u64, u32)> = identities(&current).into_iter().collect();
        let missing = self.missing(url, &shown)?;
        if missing.is_empty() {
            return Ok(current);
        }
        // The number of the text's last line: each part appended goes two lines further.
        let mut line = memchr::memchr_iter(b'\n', current.text.as_bytes()).count() as u32 + 1;
        for archived in missing {
            let entry = append_entry(&mut current, &mut line, &archived);
            let key = entry.at.map(|w| w.sort_key());
            let place = key.and_then(|k| current.entries.iter().position(|e| e.at.is_some_and(|w| w.sort_key() < k)));
            match place {
                Some(i) => current.entries.insert(i, entry),
                None => current.entries.push(entry),
            }
        }
        Ok(current)
    }

    /// The story as last archived, for reading offline: the last body fetched, parsed, with
    /// every archived entry put back; from the entries alone when no body was kept.
    pub fn archived_story(&self, url: &str, rules: &Rules) -> Result<Option<Story>> {
        let title: Option<Option<String>> = self
            .conn
            .query_row("SELECT title FROM pages WHERE url = ?1", [url], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))?;
        let Some(title) = title else { return Ok(None) };
        let parsed =
            self.last_body(url)?.and_then(|body| crate::parse::parse_bytes(PathBuf::from(url), body, rules).ok());
        if parsed.is_none() && self.missing(url, &HashSet::new())?.is_empty() {
            // Only failures were ever noted for this page: nothing to show.
            return Ok(None);
        }
        let mut story = parsed.unwrap_or_else(|| Story {
            path: PathBuf::from(url),
            title: title.map(|t| crate::web::one_line(&t)).unwrap_or_else(|| url.to_string()),
            ..Story::default()
        });
        story.url = Some(url.to_string());
        self.story_with_history(url, story).map(Some)
    }
}

/// Appends an archived entry's text to the story's text, one line per part, and returns the
/// entry pointing into it.
fn append_entry(story: &mut Story, line: &mut u32, archived: &Archived) -> Entry {
    let list = |json: &str| serde_json::from_str::<Vec<String>>(json).unwrap_or_default();
    let clock_text = archived.clock.map_or_else(|| "--:--".to_string(), |c| c.to_string());
    push_part(story, line, &clock_text);
    let mut entry = Entry { clock: archived.clock, at: archived.at, line: *line, ..Entry::default() };
    if let Some(tag) = &archived.content.tag {
        let span = push_part(story, line, tag);
        let key = fold(tag);
        let id = match story.tags.iter().position(|t| t.key == key) {
            Some(i) => i,
            None => {
                story.tags.push(Tag { label: tag.clone(), key });
                story.tags.len() - 1
            }
        };
        entry.tag = Some(span);
        entry.tag_id = Some(id as u32);
    }
    if let Some(headline) = &archived.content.headline {
        entry.headline = Some(push_part(story, line, headline));
    }
    entry.body = list(&archived.content.body).iter().map(|p| push_part(story, line, p)).collect();
    entry.captions = list(&archived.content.captions).iter().map(|p| push_part(story, line, p)).collect();
    entry.links = list(&archived.content.links).iter().map(|p| push_part(story, line, p)).collect();
    entry
}

/// Appends one part as a paragraph of its own; `line` follows the text's last line.
fn push_part(story: &mut Story, line: &mut u32, text: &str) -> Span {
    let text = crate::web::one_line(text);
    story.text.push_str("\n\n");
    *line += 2;
    let start = story.text.len();
    story.text.push_str(&text);
    Span::new(start, story.text.len())
}
