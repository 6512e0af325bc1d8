//! JSON files → a [`Story`]: a live blog kept as JSON (a bare schema.org JSON-LD document, a
//! news API's dump, a dataset record, JSON Lines), recognised by its content — decoded text
//! that opens with `{` or `[` and parses — never by its name. A document with LiveBlogPosting
//! or BlogPosting updates is read by the HTML reader's own JSON-LD reading; any other, by
//! finding its array of posts ([`find`]). JSON Lines are one array of their lines: a line per
//! post makes one story, a line per story gives the first story and names the others for
//! `--explain` (the front door gives one story a file). JSON cut short (a dump caught while
//! it is written) reads up to its last whole value, or gives a one-line reason when nothing in
//! it is whole yet. Text that is not JSON is read as text; JSON with no posts gives a one-line
//! reason. serde_json's recursion
//! limit (128) bounds the depth of every walk here.

mod build;
mod find;
mod keys;
mod repair;
mod script;
pub(crate) mod state;
mod table;
mod when;

use crate::decode::InputError;
use crate::model::Story;
use find::{Post, Record};
use serde_json::Value;
use std::path::Path;

/// The story a JSON document holds; `None` when `text` is not JSON (read it as text).
pub(crate) fn read(path: &Path, text: &str) -> Option<Result<Story, InputError>> {
    let body = text.trim_start();
    if !body.starts_with(['{', '[']) {
        return None;
    }
    let root = match document(body) {
        Ok(root) => root,
        Err(Some(reason)) => return Some(Err(refuse(reason))),
        Err(None) => return None,
    };
    Some(story_of(path, &root))
}

fn story_of(path: &Path, root: &Value) -> Result<Story, InputError> {
    match record(root) {
        Some(rec) => Ok(build::story(path.to_path_buf(), rec)),
        None => Err(refuse("JSON with no live-blog posts in it (no list of objects with a time and a text)")),
    }
}

/// The story of a script that assigns a live blog as one big object or array ([`script`]);
/// `None` when `text` is not such a script (read it as text).
pub(crate) fn read_script(path: &Path, text: &str) -> Option<Result<Story, InputError>> {
    read(path, &script::assigned_json(text)?)
}

/// The story of a CSV or TSV table of posts ([`table`]), read from the file's bytes (decoding
/// turns tabs into spaces); `None` when its first line is not such a table's header, which is
/// all that is looked at then.
pub(crate) fn read_table(path: &Path, bytes: &[u8]) -> Option<Result<Story, InputError>> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let end = memchr::memchr(b'\n', &bytes[..bytes.len().min(4096)])?;
    table::header(&String::from_utf8_lossy(&bytes[..end]))?;
    if memchr::memchr(0, bytes).is_some() {
        return None;
    }
    let text = crate::decode::utf8_or_windows_1252(bytes.to_vec());
    table::rows(&text).map(|root| story_of(path, &root))
}

/// One JSON document, or JSON Lines as the array of their values; JSON cut short is closed
/// after its last whole value ([`repair`]), a last line cut short left out. `Err(None)`: not
/// JSON (a syntax error: text that opens with a bracket); `Err(Some(_))`: JSON that cannot be
/// read (too deep, cut short before anything whole), and why.
fn document(body: &str) -> Result<Value, Option<&'static str>> {
    const DEEP: &str = "JSON nested more than 128 levels deep";
    let deep = |e: &serde_json::Error| e.to_string().starts_with("recursion limit exceeded");
    let whole = match serde_json::from_str::<Value>(body) {
        Ok(v) => return Ok(v),
        Err(e) if deep(&e) => return Err(Some(DEEP)),
        Err(e) => e,
    };
    let mut values = Vec::new();
    let mut cut = false;
    for v in serde_json::Deserializer::from_str(body).into_iter::<Value>() {
        match v {
            Ok(v) => values.push(v),
            Err(e) if deep(&e) => return Err(Some(DEEP)),
            Err(e) if e.is_eof() => {
                cut = true;
                break;
            }
            Err(_) => return Err(None),
        }
    }
    if values.len() >= 2 || (cut && !values.is_empty()) {
        return Ok(Value::Array(values));
    }
    if whole.is_eof() {
        let closed = repair::close_cut(body).ok_or(Some("JSON cut short before its first whole post"))?;
        return serde_json::from_str(&closed).map_err(|e| deep(&e).then_some(DEEP));
    }
    Err(None)
}

fn refuse(reason: &str) -> InputError {
    InputError::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, reason))
}

/// The record a document holds: its JSON-LD updates, else its array of posts, else the
/// document itself as one post when it has a text.
fn record(root: &Value) -> Option<Record> {
    let structured = crate::parse::html::jsonld::from_values(std::slice::from_ref(root));
    if !structured.updates.is_empty() {
        let mut rec = find::around(blog_object(root).unwrap_or(root));
        rec.title = structured.headline.or(rec.title);
        rec.outlet = structured.publisher.or(rec.outlet);
        rec.published = structured.published.map(when::Time::At).or(rec.published);
        rec.updated = structured.modified.map(when::Time::At).or(rec.updated);
        rec.coverage_start = structured.coverage_start;
        rec.coverage_end = structured.coverage_end;
        rec.posts = structured
            .updates
            .into_iter()
            .map(|u| {
                let body = u.body.as_deref().map(find::paragraphs).unwrap_or_default();
                let body = if body.first() == u.headline.as_ref() { body[1..].to_vec() } else { body };
                Post { time: u.published.or(u.modified).map(when::Time::At), headline: u.headline, body, tag: None }
            })
            .collect();
        return Some(rec);
    }
    if let Some(rec) = find::record(root).filter(|r| !r.posts.is_empty()) {
        return Some(rec);
    }
    find::lone(root)
}

/// The LiveBlogPosting object of a JSON-LD document (top level, in a list, in `@graph`): its
/// address and language are the story's.
fn blog_object(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(a) => a.iter().find_map(blog_object),
        Value::Object(o) if o.contains_key("liveBlogUpdate") => Some(v),
        Value::Object(o) => o.get("@graph").and_then(blog_object),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
