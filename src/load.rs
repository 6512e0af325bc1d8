//! Finding and parsing the files named on the command line: a PATH is a file or a directory
//! (its `*.txt`, `*.html` and `*.json`, recursively, in name order), or an `http(s)://` URL, fetched through the
//! archive (see [`load_url`]). Inputs are read in parallel; one that cannot be read becomes an
//! error naming it, and the others still load.

use crate::archive::{self, Archive};
use crate::decode::InputError;
use crate::model::Story;
use crate::parse::{self, Rules};
use crate::samples;
use crate::web;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

mod bytes;
pub use bytes::{STREAM_LIMIT, tune_allocator};
use bytes::{read_file, read_stream};

/// A file that could not be loaded, displayed as `<path>: <reason>`.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A reason may quote a name too (walkdir's errors carry the path, a server's its text).
        write!(f, "{}: {}", crate::text::escape_path(&self.path), crate::text::neutralise(&self.reason))
    }
}

/// Human wording for an input error: the OS message without its "(os error N)" suffix.
pub fn reason(err: &InputError) -> String {
    match err {
        InputError::Io(io) => {
            let msg = io.to_string();
            match msg.find(" (os error") {
                Some(i) => msg[..i].to_lowercase(),
                None => msg,
            }
        }
        other => other.to_string(),
    }
}

/// The names a folder's live blogs go by: saved text (`.txt`, `.text`), saved pages
/// (`.html`, `.htm`, `.xhtml`, `.shtml`, MHTML's `.mhtml` and `.mht`) and JSON (`.json`,
/// `.jsonl`, `.ndjson`), and any of these gzipped (`page.html.gz`). A named file
/// is read whatever its name — text, HTML or JSON is told by content — but a folder also holds what is not a live blog (a browser's "complete"
/// save puts scripts, styles and images beside the page), so only these names are taken there.
pub fn is_story_file(path: &Path) -> bool {
    let known = |x: Option<&std::ffi::OsStr>| {
        x.and_then(|x| x.to_str()).is_some_and(|x| {
            ["txt", "text", "html", "htm", "xhtml", "shtml", "json", "jsonl", "ndjson", "mhtml", "mht"]
                .iter()
                .any(|known| x.eq_ignore_ascii_case(known))
        })
    };
    // `page.html.gz`: a gzip of a name the folder takes (the parser opens it by its bytes).
    let gzipped = path.extension().is_some_and(|x| x.eq_ignore_ascii_case("gz"))
        && known(path.file_stem().map(Path::new).and_then(Path::extension));
    let named = known(path.extension()) || gzipped;
    // `page_files/` beside `page.html`: the assets a browser saved with a page (ads' frames
    // among them), never stories of their own.
    let in_assets = path
        .parent()
        .into_iter()
        .flat_map(Path::ancestors)
        .any(|dir| dir.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with("_files")));
    named && !in_assets
}

/// The address a story was opened from, when it was opened from one (and so is polled): its
/// path is then the URL. A saved page also knows its address (`Story::url`, from its canonical
/// link), but a file is followed on disk, never fetched behind the user's back.
pub fn opened_url(story: &Story) -> Option<&str> {
    story.path.to_str().filter(|p| url_like(Path::new(p)))
}

/// Reads a file and parses it through the parser's front door. A file the parser cannot hold
/// (its text is addressed with 32-bit offsets: 4 GiB) is refused from its size, before a byte
/// of it is read — a file far larger than memory never starts filling it. Anything but a
/// regular file (a pipe, a FIFO, a device) is read as a stream up to [`STREAM_LIMIT`], without
/// waiting for a writer that never comes.
///
/// The file's modification time is when this copy was taken: a page that prints its days
/// without their year cannot be later than that, and its relative times (`5 min ago`) count
/// back from it when the page shows no last update.
pub fn parse_file(path: &Path, rules: &Rules) -> Result<Story, InputError> {
    let metadata = std::fs::metadata(path)?;
    let size = metadata.len();
    let taken = metadata.modified().ok().map(chrono::DateTime::<chrono::Utc>::from);
    if !metadata.is_file() {
        let bytes = read_stream(path)?;
        return parse::parse_taken_at(path.to_path_buf(), bytes, rules, taken);
    }
    if size >= u64::from(u32::MAX) {
        return Err(InputError::TooLarge(usize::try_from(size).unwrap_or(usize::MAX)));
    }
    let bytes = read_file(path, size)?;
    parse::parse_taken_at(path.to_path_buf(), bytes, rules, taken)
}

/// Expands PATHs into the files to read, in a stable order.
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if url_like(path) {
            files.push(path.clone());
        } else if path.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .into_iter()
                .filter_map(|e| match e {
                    Ok(e) => Some(e),
                    Err(err) => {
                        let p = err.path().unwrap_or(path).to_path_buf();
                        errors.push(LoadError { path: p, reason: err.to_string() });
                        None
                    }
                })
                .filter(|e| e.file_type().is_file() && is_story_file(e.path()))
                .map(|e| e.into_path())
                .collect();
            if found.is_empty() {
                errors.push(LoadError {
                    path: path.clone(),
                    reason: "no live-blog file (.txt, .html, .json) in this directory".into(),
                });
            }
            files.append(&mut found);
        } else {
            files.push(path.clone());
        }
    }
    (files, errors)
}

/// Parses every file and fetches every URL (in parallel), keeping the input order. A URL
/// shown from the archive because it could not be fetched gives both a story and an error.
pub fn load(paths: &[PathBuf], rules: &Rules) -> (Vec<Story>, Vec<LoadError>) {
    let (stories, errors, _) = load_as(paths, rules, false);
    (stories, errors)
}

/// As [`load`], for the reader, which follows its pages: a page the archive has a copy of
/// opens from that copy at once — a slow or unreachable site does not hold the screen back
/// for the fetch's timeout — and is returned among the URLs to poll now. A page never
/// archived is fetched before the reader opens, as [`load`] does.
pub fn load_following(paths: &[PathBuf], rules: &Rules) -> (Vec<Story>, Vec<LoadError>, Vec<String>) {
    load_as(paths, rules, true)
}

fn load_as(paths: &[PathBuf], rules: &Rules, archived_first: bool) -> (Vec<Story>, Vec<LoadError>, Vec<String>) {
    if paths.is_empty() {
        return (bundled(rules), Vec::new(), Vec::new());
    }
    let (files, mut errors) = expand(paths);
    let files = unique(files);
    let archived = |url: &str| archived_first.then(|| archived_copy(url, rules)).flatten();
    // Each result says whether it is an archived copy, still to fetch.
    let results: Vec<(Option<Story>, Option<LoadError>, bool)> = files
        .par_iter()
        .map(|f| match f.to_str().filter(|_| url_like(f)) {
            Some(url) => match archived(url) {
                Some(story) => (Some(story), None, true),
                None => match load_url(url, rules) {
                    Ok((story, warning)) => (Some(story), warning, false),
                    Err(e) => (None, Some(e), false),
                },
            },
            None => match load_one(f, rules) {
                Ok(story) => (Some(story), None, false),
                Err(e) => (None, Some(e), false),
            },
        })
        .collect();
    let mut stories = Vec::new();
    let mut stale = Vec::new();
    for (story, error, archived) in results {
        if let Some(url) = story.as_ref().and_then(opened_url).filter(|_| archived) {
            stale.push(url.to_string());
        }
        stories.extend(story);
        errors.extend(error);
    }
    (stories, errors, stale)
}

/// The archived copy of a valid http(s) `url`, if the archive has one.
fn archived_copy(url: &str, rules: &Rules) -> Option<Story> {
    if web::url_argument(url) != Ok(true) {
        return None;
    }
    let archive = archive::default_path().and_then(|p| Archive::open(&p).ok())?;
    archive.archived_story(url, rules).ok().flatten()
}

/// Each file once: the same file named twice (`a.txt ./a.txt`, a link to it) opens once.
fn unique(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut seen = std::collections::HashSet::new();
    files.into_iter().filter(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone()))).collect()
}

/// Whether an argument is meant as a URL: `http(s)://…`, or another scheme (which then gets
/// an "unsupported scheme" error rather than "no such file").
fn url_like(path: &Path) -> bool {
    path.to_str().is_some_and(|p| web::url_argument(p) != Ok(false))
}

pub fn load_one(path: &Path, rules: &Rules) -> Result<Story, LoadError> {
    parse_file(path, rules).map_err(|e| LoadError { path: path.to_path_buf(), reason: reason(&e) })
}

/// Fetches a page by its URL through the archive (`$LIVEBLOG_DB` or the default database;
/// without one, the page is read as it is). The story is named after the page, `url` is set
/// and `path` is the URL. When the fetch fails and the archive has a copy, that copy comes
/// with a warning naming the failure; otherwise the failure is the error.
pub fn load_url(url: &str, rules: &Rules) -> Result<(Story, Option<LoadError>), LoadError> {
    let error = |reason: String| LoadError { path: PathBuf::from(url), reason };
    match web::url_argument(url) {
        Ok(true) => {}
        Ok(false) => return Err(error("not an http:// or https:// URL".into())),
        Err(e) => return Err(error(e.to_string())),
    }
    let mut archive = archive::default_path().and_then(|p| Archive::open(&p).ok());
    let client = web::Client::default();
    let now = chrono::Utc::now();
    let failure = match web::fetch_page(&client, archive.as_mut(), url, rules, now) {
        Ok(web::PageFetch::Updated { story, .. }) => return Ok((*story, None)),
        Ok(web::PageFetch::Unchanged { .. }) => None,
        Err(e) => Some(e.to_string()),
    };
    let archived = archive.as_ref().and_then(|a| a.archived_story(url, rules).ok().flatten());
    match (archived, failure) {
        (Some(story), None) => Ok((story, None)),
        (Some(story), Some(why)) => {
            let when = archive
                .as_ref()
                .and_then(|a| a.page_info(url).ok().flatten())
                .and_then(|info| info.last_changed)
                .map(|t| format!(" of {}", t.format("%Y-%m-%d %H:%M UTC")))
                .unwrap_or_default();
            Ok((story, Some(error(format!("{why}; showing the archived copy{when}")))))
        }
        (None, Some(why)) => Err(error(why)),
        (None, None) => Err(error("not modified, but no archived copy".into())),
    }
}

/// The samples built into the binary.
pub fn bundled(rules: &Rules) -> Vec<Story> {
    samples::SAMPLES
        .iter()
        .map(|(name, text)| {
            parse::parse_bytes(samples::sample_path(name), text.as_bytes().to_vec(), rules)
                .expect("bundled samples are text")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_pass_through_expansion_and_bad_schemes_are_errors() {
        let paths = [PathBuf::from("https://example.org/live"), PathBuf::from("gopher://example.org/")];
        let (files, errors) = expand(&paths);
        assert_eq!(files, paths, "URLs are neither walked nor checked on disk");
        assert!(errors.is_empty());
        let (stories, errors) = load(&paths[1..], Rules::embedded());
        assert!(stories.is_empty());
        assert_eq!(errors[0].to_string(), "gopher://example.org/: unsupported scheme \"gopher\" (only http and https)");
        assert!(!url_like(Path::new("saved/page.txt")));
    }

    #[test]
    fn a_file_larger_than_the_parser_can_hold_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let huge = dir.path().join("huge.txt");
        // Sparse: 5 GiB long, no block written. Reading it would take seconds and 5 GiB.
        std::fs::File::create(&huge).unwrap().set_len(5 << 30).unwrap();
        let err = load_one(&huge, Rules::embedded()).unwrap_err();
        assert!(err.reason.contains("too large") && err.reason.contains("5368709120"), "{}", err.reason);
    }

    #[test]
    fn only_stories_opened_from_a_url_are_polled() {
        let saved =
            Story { path: "saved/live.html".into(), url: Some("https://example.org/live".into()), ..Story::default() };
        assert_eq!(opened_url(&saved), None, "a saved page's canonical address is not polled");
        let fetched = Story { path: "https://example.org/live".into(), ..Story::default() };
        assert_eq!(opened_url(&fetched), Some("https://example.org/live"));
    }

    #[test]
    fn folders_take_saved_text_and_pages_but_not_their_assets() {
        for yes in [
            "a/blog.txt",
            "a/Page.HTML",
            "a/live.htm",
            "b/x.xhtml",
            "a/p.mhtml",
            "a/p.MHT",
            "a/p.html.gz",
            "a/b.json.GZ",
        ] {
            assert!(is_story_file(Path::new(yes)), "{yes}");
        }
        for no in
            ["a/style.css", "a/app.js", "a/photo.jpg", "a/page_files/frame.html", "a/README", "a/app.js.gz", "a/x.gz"]
        {
            assert!(!is_story_file(Path::new(no)), "{no}");
        }
    }
}
