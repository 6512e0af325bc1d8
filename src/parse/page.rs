//! The contract between the readers of a file and the shared line pipeline. A text file is read
//! as it is; an HTML page is rendered to lines the way a browser lays out text, and hands the
//! pipeline what the markup knows beyond the text: the exact instant behind a shown clock
//! (`<time datetime>`), headings, where posts start, the page's own metadata and its structured
//! data (JSON-LD, microdata). The pipeline classifies each line once, using the hints, then
//! [`super::reconcile`] weighs what the page shows against what its structured data claims.

use crate::model::When;

/// What one reader hands the line pipeline.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// Decoded, clean text (no control characters), one rendered line per `\n`.
    pub text: String,
    /// What the markup says of particular lines, sorted by line number. Empty for text files.
    pub hints: Vec<LineHint>,
    /// The page's own metadata; empty for text files.
    pub meta: PageMeta,
    /// Structured data found in the page (schema.org LiveBlogPosting / BlogPosting).
    pub structured: Option<Structured>,
    /// What the HTML reader left out as page furniture (navigation, the site's header and
    /// footer, asides, forms, hidden elements), with its rule, for `--explain`. It never
    /// reaches the lines; [`super::reconcile`] appends it to the story's dropped lines.
    pub furniture: Vec<Furniture>,
    /// The texts of the page's script state (`<script type="application/json">`,
    /// `window.__STATE__ = {…}`), read for posts by [`super::json`] once the page's own entries
    /// are known.
    pub state: Vec<String>,
}

/// One element the HTML reader left out, as text (cut short), and the rule that left it out
/// (`html-nav`, `html-aside`, `html-footer`, `html-header`, `html-form`, `html-dialog`,
/// `html-hidden`).
#[derive(Debug, Clone, PartialEq)]
pub struct Furniture {
    pub rule: &'static str,
    pub text: String,
}

impl Page {
    /// A plain text file: its text and nothing else.
    pub fn text(text: String) -> Page {
        Page { text, ..Page::default() }
    }
}

/// A hint about one rendered line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineHint {
    /// 1-based line number in [`Page::text`].
    pub line: u32,
    pub kind: HintKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum HintKind {
    /// The line shows a `<time>` element; `instant` is its `datetime` attribute when it holds
    /// a date and time (with or without an offset). The markup's claim, not yet trusted: it is
    /// used only where it agrees with the clock the line shows.
    Time { instant: Option<When> },
    /// The line is a heading (`h1`…`h6`).
    Heading(u8),
    /// The line is the first of a block that looks like one post (`<article>`, an element
    /// whose class or itemtype names a post/entry/update).
    PostStart,
}

/// What a page says of itself in its markup.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    /// `og:title` / `twitter:title`.
    pub og_title: Option<String>,
    /// The first `h1` of the page's main content.
    pub h1: Option<String>,
    /// `<title>`, with its "| Site" suffix still on.
    pub html_title: Option<String>,
    /// `og:site_name` / `application-name`.
    pub site_name: Option<String>,
    /// `<html lang>` / `og:locale`, e.g. `en-GB`, `fr`.
    pub lang: Option<String>,
    /// `og:url` / `<link rel=canonical>`.
    pub url: Option<String>,
    /// `article:published_time` and the like.
    pub published: Option<When>,
    /// `article:modified_time` and the like.
    pub modified: Option<When>,
    /// `description` / `og:description`.
    pub description: Option<String>,
    /// The day this copy of the page was taken (a file's modification day, a response's
    /// day): the latest the page can be, to find the year of a day header that prints none.
    pub taken: Option<chrono::NaiveDate>,
    /// The moment this copy was taken, when known to the minute: what a relative time printed
    /// on a page that shows no last update (`5 min ago`) counts back from.
    pub taken_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// schema.org LiveBlogPosting (or a lone BlogPosting / NewsArticle list), merged from every
/// JSON-LD block and microdata scope of the page that parsed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structured {
    pub headline: Option<String>,
    pub publisher: Option<String>,
    pub coverage_start: Option<When>,
    pub coverage_end: Option<When>,
    pub published: Option<When>,
    pub modified: Option<When>,
    pub updates: Vec<StructuredUpdate>,
}

/// One `liveBlogUpdate` (a BlogPosting).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StructuredUpdate {
    pub headline: Option<String>,
    /// `articleBody`, as given (possibly cut short).
    pub body: Option<String>,
    pub published: Option<When>,
    pub modified: Option<When>,
    pub url: Option<String>,
}
