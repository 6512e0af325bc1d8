//! Finding a live blog in JSON that follows no schema (a dataset record, a news API's dump,
//! JSON Lines): the posts are the array of objects, at any depth, whose objects most often
//! have both a time and a text (then a time and a headline, then a text); the story's title,
//! outlet, address, summary, language and dates come from the objects on the way down to it.
//! An array of several stories (their titles differ) gives the first, the others named; an
//! array of pages of one story (no titles of their own) gives all their posts. Every key name
//! comes from [`super::keys`]: there is no case for any one source.

use super::keys::{Keys, keys, prefixed, suffixed, values};
use super::when::{self, Time};
use serde_json::{Map, Value};

/// One post, as the record gives it.
#[derive(Debug, Default, Clone)]
pub(crate) struct Post {
    pub time: Option<Time>,
    pub headline: Option<String>,
    /// Paragraphs, clean (markup rendered, no control characters).
    pub body: Vec<String>,
    pub tag: Option<String>,
}

/// What a record says of its story, and its posts in the record's order.
#[derive(Debug, Default)]
pub(crate) struct Record {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub summary: Vec<String>,
    pub published: Option<Time>,
    pub updated: Option<Time>,
    pub coverage_start: Option<crate::model::When>,
    pub coverage_end: Option<crate::model::When>,
    pub posts: Vec<Post>,
    /// The titles of the other stories of a file that holds several.
    pub others: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// How many objects of an array have a time and a text, a time and a headline, a text or a
/// headline; and the array's length. Compared in that order.
type Score = (usize, usize, usize, usize);

/// How deep inside a post its text is looked for (`elements[].textTypeData.html`).
const TEXT_DEPTH: u8 = 4;
/// Longer tags are not tags.
const TAG_MAX: usize = 60;

/// The story a JSON document holds, when it holds an array of posts.
pub(crate) fn record(root: &Value) -> Option<Record> {
    let mut found: Vec<(Vec<Step>, Score)> = Vec::new();
    walk(root, &mut Vec::new(), &mut found);
    // The first of the best, in the document's order.
    let (path, _) = found.into_iter().rev().max_by_key(|(_, score)| *score)?;
    let mut rec = Record::default();
    let mut chosen = path.clone();
    let mut arrays: Vec<&Vec<Value>> = Vec::new();
    if let Some(outer) = path.iter().position(|s| matches!(s, Step::Index(_))) {
        let members = resolve(root, &path[..outer]).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
        let suffix = &path[outer + 1..];
        let holding: Vec<(usize, &Vec<Value>)> =
            members.iter().enumerate().filter_map(|(i, m)| Some((i, resolve(m, suffix)?.as_array()?))).collect();
        let titles: Vec<Option<String>> =
            holding.iter().map(|(i, _)| members[*i].as_object().and_then(|o| story_title(o, keys()))).collect();
        let distinct = {
            let mut t: Vec<&String> = titles.iter().flatten().collect();
            t.sort();
            t.dedup();
            t.len()
        };
        if distinct >= 2 {
            // Several stories: the first, and the others' names for `--explain`.
            let (first, list) = holding[0];
            chosen[outer] = Step::Index(first);
            arrays.push(list);
            rec.others = titles[1..].iter().flatten().cloned().collect();
        } else {
            // Pages of one story: all their posts.
            chosen[outer] = Step::Index(holding.first().map_or(0, |h| h.0));
            arrays.extend(holding.iter().map(|h| h.1));
        }
    } else {
        arrays.push(resolve(root, &path)?.as_array()?);
    }
    let k = keys();
    rec.posts =
        arrays.iter().flat_map(|a| a.iter()).filter_map(Value::as_object).map(|o| post(unwrap(o, k), k)).collect();
    rec.posts.retain(|p| !p.body.is_empty() || p.headline.is_some());
    // The objects around the posts, nearest first.
    let around: Vec<&Map<String, Value>> =
        (0..chosen.len()).rev().filter_map(|n| resolve(root, &chosen[..n])?.as_object()).collect();
    story_fields(&mut rec, &around, k);
    Some(rec)
}

/// Every array of posts in the document (not only the best): a page's script state holds
/// other stories' lists beside its posts, and only the page can tell which is which.
pub(crate) fn post_arrays(root: &Value) -> Vec<Vec<Post>> {
    let mut found: Vec<(Vec<Step>, Score)> = Vec::new();
    walk(root, &mut Vec::new(), &mut found);
    let k = keys();
    found
        .iter()
        .filter_map(|(path, _)| resolve(root, path)?.as_array())
        .map(|a| {
            let posts = a.iter().filter_map(Value::as_object).map(|o| post(unwrap(o, k), k));
            posts.filter(|p| !p.body.is_empty() || p.headline.is_some()).collect()
        })
        .collect()
}

/// Every array of objects in the document, with its score.
fn walk(v: &Value, path: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, Score)>) {
    match v {
        Value::Array(a) => {
            let objects = a.iter().filter(|x| x.is_object()).count();
            if objects > 0 && objects * 2 >= a.len() {
                let s = score(a);
                if s.2 > 0 {
                    out.push((path.clone(), s));
                }
            }
            for (i, x) in a.iter().enumerate() {
                path.push(Step::Index(i));
                walk(x, path, out);
                path.pop();
            }
        }
        Value::Object(o) => {
            for (key, x) in o {
                path.push(Step::Key(key.clone()));
                walk(x, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn score(a: &[Value]) -> Score {
    let k = keys();
    let (mut both, mut titled, mut text) = (0, 0, 0);
    for o in a.iter().filter_map(Value::as_object).map(|o| unwrap(o, k)) {
        let timed = post_time(o, k).is_some();
        let has_text = !texts(o, TEXT_DEPTH, k).is_empty();
        let has_headline = headline(o, k).is_some();
        both += usize::from(timed && has_text);
        titled += usize::from(timed && has_headline);
        text += usize::from(has_text || has_headline);
    }
    (both, titled, text, a.len())
}

/// A post wrapped in an object of its own (`{"kind": "update", "data": {…}}`, a GraphQL
/// edge's `{"node": {…}}`): an object with no time, text or headline of its own and a single
/// object inside is that object.
fn unwrap<'v>(mut o: &'v Map<String, Value>, k: &Keys) -> &'v Map<String, Value> {
    for _ in 0..3 {
        let mut inner = o.values().filter_map(Value::as_object);
        let (Some(only), None) = (inner.next(), inner.next()) else { break };
        let bare = post_time(o, k).is_none() && values(o, &k.text).is_empty() && headline(o, k).is_none();
        if !bare {
            break;
        }
        o = only;
    }
    o
}

fn resolve<'v>(mut v: &'v Value, path: &[Step]) -> Option<&'v Value> {
    for step in path {
        v = match step {
            Step::Key(k) => v.as_object()?.get(k)?,
            Step::Index(i) => v.as_array()?.get(*i)?,
        };
    }
    Some(v)
}

fn post(o: &Map<String, Value>, k: &Keys) -> Post {
    let headline = headline(o, k);
    let raw = texts(o, TEXT_DEPTH, k);
    // Runs of one line (`["Air raid alert", " across the east"]`, a Telegram export's text with
    // its bold run): a space at the seam says so.
    let runs = raw.windows(2).any(|p| p[0].ends_with(char::is_whitespace) || p[1].starts_with(char::is_whitespace));
    let mut body: Vec<String> =
        if runs { paragraphs(&raw.concat()) } else { raw.into_iter().flat_map(paragraphs).collect() };
    if body.first().is_some_and(|b| Some(b) == headline.as_ref()) {
        body.remove(0);
    }
    Post { time: post_time(o, k), headline, body, tag: tag(o, k) }
}

/// A post's time: its time keys, else keys ending with one, else its edits; an instant shown
/// in the offset its record shows it in (see [`when::shown`]).
pub(crate) fn post_time(o: &Map<String, Value>, k: &Keys) -> Option<Time> {
    let t = when::combine(values(o, &k.time).into_iter().filter_map(when::of_value))
        .filter(|t| matches!(t, Time::At(crate::model::When::Zoned(_))))
        .or_else(|| {
            let keyed = values(o, &k.time).into_iter().chain(suffixed(o, &k.time_suffix));
            when::combine(keyed.filter_map(when::of_value))
        })
        .or_else(|| when::combine(prefixed(o, &k.time_prefix).into_iter().filter_map(when::of_value)))?;
    let shown = suffixed(o, &k.time_shown).into_iter().filter_map(when::of_value);
    Some(when::shown(t, shown))
}

/// The raw text of an object: under its first text key that holds any (a string, a list of
/// paragraphs, objects holding them), else one object down (`fields.body`).
fn texts<'v>(o: &'v Map<String, Value>, depth: u8, k: &Keys) -> Vec<&'v str> {
    for v in values(o, &k.text) {
        let mut out = Vec::new();
        collect(v, depth, k, &mut out);
        if !out.is_empty() {
            return out;
        }
    }
    if depth == 0 {
        return Vec::new();
    }
    for v in o.values() {
        if let Value::Object(inner) = v
            && post_time(inner, k).is_none()
        {
            let out = texts(inner, depth - 1, k);
            if !out.is_empty() {
                return out;
            }
        }
    }
    Vec::new()
}

fn collect<'v>(v: &'v Value, depth: u8, k: &Keys, out: &mut Vec<&'v str>) {
    match v {
        Value::String(s) if !s.trim().is_empty() => out.push(s),
        Value::Array(a) if depth > 0 => {
            // A list of posts of their own is not this object's text.
            let timed = a.iter().filter_map(Value::as_object).filter(|o| post_time(o, k).is_some()).count();
            if timed * 2 > a.len() {
                return;
            }
            a.iter().for_each(|x| collect(x, depth - 1, k, out));
        }
        Value::Object(o) if depth > 0 => out.extend(texts(o, depth - 1, k)),
        _ => {}
    }
}

/// A text field as paragraphs: markup rendered as the HTML reader renders a page, plain text
/// split at its line breaks; control characters removed.
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    let lines: Vec<String> = if markup(text) {
        crate::parse::html::fragment_lines(text)
    } else {
        text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
    };
    lines.into_iter().map(crate::decode::finish).map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect()
}

/// Whether a text field holds HTML: a tag that opens or closes, or an entity.
fn markup(text: &str) -> bool {
    use regex::Regex;
    use std::sync::LazyLock;
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)</?(p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6]|blockquote|figure|img|q|time)\b|&(#\d+|#x[0-9a-f]+|[a-z]+);")
            .expect("markup regex")
    });
    text.contains(['<', '&']) && TAG.is_match(text)
}

/// One line of text from a field: paragraphs joined by a space.
fn line(v: &Value) -> Option<String> {
    // A list (`"title": ["…"]`, as scrapers keep an XPath's result): its first line.
    if let Value::Array(a) = v {
        return a.iter().filter(|x| x.is_string()).find_map(line);
    }
    let s = v.as_str()?;
    let l = paragraphs(s).join(" ");
    (!l.is_empty()).then_some(l)
}

fn headline(o: &Map<String, Value>, k: &Keys) -> Option<String> {
    values(o, &k.headline).into_iter().find_map(line)
}

/// A tag given as a string, a list, or an object naming one; else a flag set on the post or
/// in an object of its (`attributes.keyEvent`).
fn tag(o: &Map<String, Value>, k: &Keys) -> Option<String> {
    if let Some(t) = values(o, &k.tag).into_iter().find_map(|v| name_of(v, k)) {
        return Some(t);
    }
    let set = |m: &Map<String, Value>| {
        m.iter().find_map(|(key, v)| {
            let on = v.as_bool() == Some(true) || v.as_str().is_some_and(|s| s.eq_ignore_ascii_case("true"));
            let key = if on { super::keys::fold_key(key) } else { return None };
            k.flag.iter().find(|(flag, _)| *flag == key).map(|(_, label)| label.clone())
        })
    };
    set(o).or_else(|| o.values().filter_map(Value::as_object).find_map(set))
}

fn name_of(v: &Value, k: &Keys) -> Option<String> {
    let name = match v {
        Value::String(_) => line(v),
        Value::Array(a) => a.iter().find_map(|x| name_of(x, k)),
        Value::Object(o) => values(o, &k.name).into_iter().find_map(line),
        _ => None,
    }?;
    (name.chars().count() <= TAG_MAX).then_some(name)
}

fn story_title(o: &Map<String, Value>, k: &Keys) -> Option<String> {
    values(o, &k.title).into_iter().find_map(|v| match v {
        Value::Object(inner) => inner.values().find_map(line),
        v => line(v),
    })
}

/// The story's own fields from the objects around its posts (nearest first), then from the
/// objects inside those (`fields.headline`).
fn story_fields(rec: &mut Record, around: &[&Map<String, Value>], k: &Keys) {
    let inner: Vec<&Map<String, Value>> = around.iter().flat_map(|o| o.values().filter_map(Value::as_object)).collect();
    let all: Vec<&Map<String, Value>> = around.iter().copied().chain(inner).collect();
    rec.title = all.iter().find_map(|o| story_title(o, k));
    rec.outlet = all.iter().find_map(|o| values(o, &k.outlet).into_iter().find_map(|v| name_of(v, k)));
    rec.url = all.iter().find_map(|o| {
        values(o, &k.url)
            .into_iter()
            .filter_map(Value::as_str)
            .find(|u| u.starts_with("http"))
            .map(|u| crate::decode::finish(u.to_string()))
    });
    // A summary may be a list of points, or objects holding them.
    rec.summary = all
        .iter()
        .find_map(|o| {
            values(o, &k.summary).into_iter().find_map(|v| {
                let mut raw = Vec::new();
                collect(v, 2, k, &mut raw);
                let p: Vec<String> = raw.into_iter().flat_map(paragraphs).collect();
                (!p.is_empty()).then_some(p)
            })
        })
        .unwrap_or_default();
    rec.lang = around.iter().find_map(|o| {
        values(o, &k.lang)
            .into_iter()
            .filter_map(Value::as_str)
            .find(|l| (2..=20).contains(&l.len()))
            .map(str::to_string)
    });
    rec.published =
        around.iter().find_map(|o| when::combine(values(o, &k.time).into_iter().filter_map(when::of_value)));
    rec.updated =
        around.iter().find_map(|o| when::combine(prefixed(o, &k.time_prefix).into_iter().filter_map(when::of_value)));
}

/// The story's fields from the document's top object alone (a JSON-LD document's address and
/// language).
pub(crate) fn around(root: &Value) -> Record {
    let mut rec = Record::default();
    if let Some(o) = root.as_object() {
        story_fields(&mut rec, &[o], keys());
    }
    rec
}

/// A document with no array of posts but a text of its own (one article): one post.
pub(crate) fn lone(root: &Value) -> Option<Record> {
    let o = root.as_object()?;
    let k = keys();
    let mut rec = around(root);
    let mut p = post(o, k);
    if p.body.is_empty() {
        return None;
    }
    // The document's headline is the story's title, not the post's as well.
    if p.headline == rec.title {
        p.headline = None;
    }
    rec.posts.push(p);
    Some(rec)
}
