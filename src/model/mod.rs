//! The data model shared by the parser, the export, the reader and the tests: a [`Story`] is one
//! live-blog file, its [`Entry`]s are the timestamped posts in page order (newest first, as the
//! sites show them). Plain data with no terminal types. Text fields are [`Span`]s into the story's
//! own text, so a 100 MB blog is not copied a second time; [`EntryRef`] resolves them.

use chrono::{DateTime, FixedOffset, NaiveDateTime, NaiveTime, Timelike};
use std::fmt;
use std::path::PathBuf;

/// A byte range of [`Story::text`]. Always on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start: start as u32, end: end as u32 }
    }
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
}

/// A wall-clock time as printed on the page, normalised to 24 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Clock {
    pub hour: u8,
    pub minute: u8,
}

impl Clock {
    pub fn new(hour: u32, minute: u32) -> Option<Self> {
        (hour < 24 && minute < 60).then_some(Clock { hour: hour as u8, minute: minute as u8 })
    }
    pub fn minutes(&self) -> u32 {
        self.hour as u32 * 60 + self.minute as u32
    }
    pub fn time(&self) -> NaiveTime {
        NaiveTime::from_hms_opt(self.hour.into(), self.minute.into(), 0).expect("valid clock")
    }
    pub fn from_time(t: NaiveTime) -> Self {
        Clock { hour: t.hour() as u8, minute: t.minute() as u8 }
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// The zone a page states for its times. Abbreviations are fixed offsets (`BST` is always
/// UTC+1); named regions (`heure de Paris`, "All times stated are UK") follow their DST rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Fixed { name: &'static str, offset_seconds: i32 },
    Region(chrono_tz::Tz),
}

impl Zone {
    pub const UTC: Zone = Zone::Fixed { name: "UTC", offset_seconds: 0 };

    pub fn name(&self) -> &'static str {
        match self {
            Zone::Fixed { name, .. } => name,
            Zone::Region(tz) => tz.name(),
        }
    }

    /// The instant a local date-time in this zone stands for. In a DST gap or overlap the
    /// earlier reading wins: a live blog has no way to say which one it meant.
    pub fn resolve(&self, local: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        match self {
            Zone::Fixed { offset_seconds, .. } => {
                FixedOffset::east_opt(*offset_seconds)?.from_local_datetime(&local).single()
            }
            Zone::Region(tz) => {
                use chrono::offset::LocalResult;
                let resolved = match tz.from_local_datetime(&local) {
                    LocalResult::Single(t) => t,
                    LocalResult::Ambiguous(a, _) => a,
                    LocalResult::None => tz.from_local_datetime(&(local + chrono::Duration::hours(1))).earliest()?,
                };
                Some(resolved.fixed_offset())
            }
        }
    }
}

use chrono::TimeZone;

/// When an entry was posted, as far as the page lets us know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Date and zone known: an instant.
    Zoned(DateTime<FixedOffset>),
    /// Date known, zone not stated: the clock is kept as printed rather than guessed.
    Local(NaiveDateTime),
}

impl When {
    pub fn local(&self) -> NaiveDateTime {
        match self {
            When::Zoned(t) => t.naive_local(),
            When::Local(t) => *t,
        }
    }
    /// A sort key that orders instants across stories; zone-less times sort as if UTC.
    pub fn sort_key(&self) -> i64 {
        match self {
            When::Zoned(t) => t.timestamp(),
            When::Local(t) => t.and_utc().timestamp(),
        }
    }
    /// RFC 3339 (`2024-10-21T17:38:00Z`), or without an offset when the zone is unknown.
    pub fn to_rfc3339(&self) -> String {
        match self {
            When::Zoned(t) => t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            When::Local(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
        }
    }
}

/// A distinct topic tag of a story. `key` folds case and accents so that "Diplomatie" and
/// "diplomatie" filter as one tag; `label` is the first spelling met, for lists of tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub label: String,
    pub key: String,
}

/// One post of a live blog.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    /// The clock as printed, normalised; `None` for untimed pages split at subheadings.
    pub clock: Option<Clock>,
    /// The zone printed on the entry's own time line (`17.38 GMT`), if any.
    pub zone: Option<Zone>,
    pub at: Option<When>,
    /// The topic tag as written on this entry.
    pub tag: Option<Span>,
    /// The tag once folded: index into [`Story::tags`].
    pub tag_id: Option<u32>,
    pub headline: Option<Span>,
    pub body: Vec<Span>,
    pub captions: Vec<Span>,
    pub links: Vec<Span>,
    /// `Updated at 19.38 GMT` printed under an edited post.
    pub updated: Option<Clock>,
    /// 1-based line of the file where the entry starts.
    pub line: u32,
}

/// A date-time read off a header dateline.
pub type Dateline = When;

/// One live-blog file.
#[derive(Debug, Clone, Default)]
pub struct Story {
    pub path: PathBuf,
    /// The page's own address: the URL it was fetched from, else its canonical URL
    /// (`og:url`, `<link rel=canonical>`), when known.
    pub url: Option<String>,
    /// The file's text after decoding and removal of control characters.
    pub text: String,
    pub title: String,
    pub outlet: Option<String>,
    pub byline: Option<Span>,
    pub zone: Option<Zone>,
    pub coverage_start: Option<Dateline>,
    pub coverage_end: Option<Dateline>,
    /// Page-level "published" and "updated" datelines.
    pub published: Option<Dateline>,
    pub updated: Option<Dateline>,
    pub summary: Vec<Span>,
    /// Captions, credits and links of the page header, before the first entry.
    pub captions: Vec<Span>,
    pub links: Vec<Span>,
    pub tags: Vec<Tag>,
    pub entries: Vec<Entry>,
    /// Lines removed as boilerplate, for `export --explain`.
    pub dropped: Vec<DroppedLine>,
    /// The width a text dump (w3m, lynx) wrapped its paragraphs at, when the text is one: the
    /// reader joins a paragraph's lines again ([`EntryRef::paragraphs`]).
    pub wrap_width: Option<u16>,
}

/// A line the parser removed, and the rule that removed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedLine {
    pub line: u32,
    pub rule: String,
    pub span: Span,
}

impl Story {
    pub fn str(&self, span: Span) -> &str {
        &self.text[span.start as usize..span.end as usize]
    }
    pub fn entry(&self, index: usize) -> EntryRef<'_> {
        EntryRef { story: self, entry: &self.entries[index] }
    }
    pub fn entry_refs(&self) -> impl ExactSizeIterator<Item = EntryRef<'_>> + '_ {
        self.entries.iter().map(move |entry| EntryRef { story: self, entry })
    }
    /// The header's summary paragraphs, a dump's wrapped lines joined again as for
    /// [`EntryRef::paragraphs`].
    pub fn summary(&self) -> Vec<std::borrow::Cow<'_, str>> {
        paragraphs::joined(self, &self.summary)
    }
    /// Whether the page says its coverage has ended.
    pub fn ended(&self) -> bool {
        self.coverage_end.is_some()
    }
    /// The date shown for the story: its newest resolved entry, else its datelines.
    pub fn date(&self) -> Option<chrono::NaiveDate> {
        self.entries
            .iter()
            .find_map(|e| e.at)
            .or(self.coverage_end)
            .or(self.updated)
            .or(self.published)
            .or(self.coverage_start)
            .map(|w| w.local().date())
    }
}

/// An entry together with the story whose text it points into.
#[derive(Clone, Copy)]
pub struct EntryRef<'a> {
    pub story: &'a Story,
    pub entry: &'a Entry,
}

impl<'a> EntryRef<'a> {
    pub fn headline(&self) -> Option<&'a str> {
        self.entry.headline.map(|s| self.story.str(s))
    }
    /// The tag as written on this entry.
    pub fn tag(&self) -> Option<&'a str> {
        self.entry.tag.map(|s| self.story.str(s))
    }
    /// The story's tag this entry's tag folds to.
    pub fn tag_info(&self) -> Option<&'a Tag> {
        self.entry.tag_id.map(|t| &self.story.tags[t as usize])
    }
    pub fn body(&self) -> impl Iterator<Item = &'a str> + 'a {
        let story = self.story;
        self.entry.body.iter().map(move |s| story.str(*s))
    }
    /// The body's paragraphs as a person reads them: the lines of a paragraph a text dump
    /// wrapped are joined again (the body keeps each line of the file).
    pub fn paragraphs(&self) -> Vec<std::borrow::Cow<'a, str>> {
        paragraphs::joined(self.story, &self.entry.body)
    }
    pub fn captions(&self) -> impl Iterator<Item = &'a str> + 'a {
        let story = self.story;
        self.entry.captions.iter().map(move |s| story.str(*s))
    }
    pub fn links(&self) -> impl Iterator<Item = &'a str> + 'a {
        let story = self.story;
        self.entry.links.iter().map(move |s| story.str(*s))
    }
    /// What makes this entry the same entry across re-parses of a page that is being
    /// rewritten: its clock and its folded headline (or, without one, the start of its text).
    /// Stable across runs (FNV-1a), so read marks can be saved.
    pub fn identity(&self) -> u64 {
        let mut h = Fnv::default();
        h.write(self.entry.clock.map_or(u16::MAX, |c| c.minutes() as u16).to_le_bytes().as_slice());
        // The headline, or the first 80 characters of the text: a slice, not a copy.
        let title = self.headline().unwrap_or_else(|| {
            let t = self.title();
            &t[..t.char_indices().nth(80).map_or(t.len(), |(i, _)| i)]
        });
        // One folding buffer a thread: identities are taken of every entry of a story at once.
        thread_local!(static FOLDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) });
        FOLDED.with_borrow_mut(|folded| {
            fold_into(title, folded);
            h.write(folded.as_bytes());
        });
        h.finish()
    }

    /// Whether everything shown of two entries is the same: an entry edited in place differs.
    pub fn same_content(&self, other: &EntryRef<'_>) -> bool {
        self.tag() == other.tag()
            && self.headline() == other.headline()
            && self.body().eq(other.body())
            && self.captions().eq(other.captions())
            && self.links().eq(other.links())
    }

    /// The text of the entry as one string (body paragraphs, captions, links), for diffs.
    pub fn plain_text(&self) -> String {
        let parts: Vec<&str> = self.body().chain(self.captions()).chain(self.links()).collect();
        parts.join("\n\n")
    }

    /// The headline, or the start of the body for entries without one.
    pub fn title(&self) -> &'a str {
        self.headline().or_else(|| self.body().next()).unwrap_or("")
    }
}

mod fold;
mod paragraphs;
pub use fold::{Fnv, fold, fold_bytes_into, fold_into, push_folded};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_case_and_accents() {
        assert_eq!(fold("Élections en  Moldavie"), "elections en moldavie");
        assert_eq!(fold("Diplomatie"), fold("diplomatie"));
        assert_eq!(fold("Cœur"), "coeur");
        assert_ne!(fold("aide militaire"), fold("aide américaine"));
        assert_eq!(fold("Chișinău"), "chisinau");
        assert_eq!(fold("Gdańsk Łódź"), "gdansk lodz");
        assert_eq!(fold("Straße Øresund Þingvellir"), "strasse oresund thingvellir");
        assert_eq!(fold("Київ"), "київ");
    }

    #[test]
    fn identities_are_those_of_the_folded_copy_they_no_longer_make() {
        let text = "Live\n\n10:05\nÉlections  en Moldavie\n\nLe dépouillement continue dans la nuit.\n\n\
                    09:40\n\nUn texte sans titre, assez long pour dépasser quatre-vingts caractères : Chișinău, Bălți, Œuvre.\n";
        let story = crate::parse::parse_text("t.txt".into(), text.into(), crate::parse::Rules::embedded());
        assert_eq!(story.entries.len(), 2);
        for e in story.entry_refs() {
            let mut h = Fnv::default();
            h.write(e.entry.clock.map_or(u16::MAX, |c| c.minutes() as u16).to_le_bytes().as_slice());
            let title = e.headline().map_or_else(|| e.title().chars().take(80).collect::<String>(), str::to_string);
            h.write(fold(&title).as_bytes());
            assert_eq!(e.identity(), h.finish(), "{title}");
        }
    }

    #[test]
    fn clock_displays_two_digits() {
        assert_eq!(Clock::new(9, 5).unwrap().to_string(), "09:05");
        assert!(Clock::new(24, 0).is_none());
    }

    #[test]
    fn zones_resolve_with_dst() {
        let paris = Zone::Region(chrono_tz::Europe::Paris);
        let summer = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap().and_hms_opt(12, 0, 0).unwrap();
        let winter = chrono::NaiveDate::from_ymd_opt(2024, 12, 1).unwrap().and_hms_opt(12, 0, 0).unwrap();
        assert_eq!(paris.resolve(summer).unwrap().offset().local_minus_utc(), 7200);
        assert_eq!(paris.resolve(winter).unwrap().offset().local_minus_utc(), 3600);
    }
}
