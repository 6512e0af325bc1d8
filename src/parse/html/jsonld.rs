//! schema.org in JSON-LD: every `<script type="application/ld+json">` block that parses (one
//! broken block loses only itself; HTML comment wrappers and trailing commas are forgiven),
//! merged into one [`Structured`]: a LiveBlogPosting's headline, publisher, coverage and
//! updates — found at the top level, in arrays or in `@graph`, with `@type` a string or a list,
//! `liveBlogUpdate` an array or a single object — else a lone article's dates and headline.

use super::dom::{Dom, Node};
use super::meta::when;
use crate::parse::page::{Structured, StructuredUpdate};
use serde_json::Value;
use std::collections::HashMap;

pub(crate) fn read(html: &Dom) -> Structured {
    let mut blocks = Vec::new();
    for node in html.nodes() {
        let Node::Element(el) = node.value() else { continue };
        if el.name() == "script"
            && el.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            && let Some(value) = parse_block(&node.children().filter_map(|c| c.value().as_text()).collect::<String>())
        {
            blocks.push(value);
        }
    }
    from_values(&blocks)
}

/// One block's JSON, forgiving the slips real pages make.
fn parse_block(raw: &str) -> Option<Value> {
    let mut text = raw.trim();
    for (open, close) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
        if let Some(inner) = text.strip_prefix(open) {
            text = inner.trim_start();
            if let Some(inner) = text.trim_end().strip_suffix(close) {
                text = inner.trim_end();
            }
        }
    }
    serde_json::from_str(text).ok().or_else(|| serde_json::from_str(&without_trailing_commas(text)).ok())
}

/// Removes commas that stand right before `}` or `]`, outside strings.
fn without_trailing_commas(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for (i, c) in text.char_indices() {
        if in_string {
            in_string = c != '"' || escaped;
            escaped = c == '\\' && !escaped;
        } else if c == '"' {
            in_string = true;
        } else if c == ',' && text[i + 1..].trim_start().starts_with(['}', ']']) {
            continue;
        }
        out.push(c);
    }
    out
}

fn types(obj: &serde_json::Map<String, Value>) -> Vec<&str> {
    match obj.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn is_type(obj: &serde_json::Map<String, Value>, names: &[&str]) -> bool {
    types(obj).iter().any(|t| names.contains(&t.rsplit(['/', ':']).next().unwrap_or(t)))
}

/// Every object with an `@type`, wherever blocks nest them.
fn objects<'a>(value: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>) {
    match value {
        Value::Array(a) => a.iter().for_each(|v| objects(v, out)),
        Value::Object(o) => {
            if o.contains_key("@type") {
                out.push(o);
            }
            if let Some(graph) = o.get("@graph") {
                objects(graph, out);
            }
            if let Some(Value::Array(list)) = o.get("itemListElement") {
                for item in list {
                    objects(item.get("item").unwrap_or(item), out);
                }
            }
        }
        _ => {}
    }
}

pub(crate) fn from_values(blocks: &[Value]) -> Structured {
    let mut all = Vec::new();
    blocks.iter().for_each(|b| objects(b, &mut all));
    let ids: HashMap<&str, &serde_json::Map<String, Value>> =
        all.iter().filter_map(|o| Some((o.get("@id")?.as_str()?, *o))).collect();
    let mut s = Structured::default();
    let live: Vec<_> = all.iter().filter(|o| is_type(o, &["LiveBlogPosting"])).collect();
    for blog in &live {
        fill_article(&mut s, blog, &ids);
        s.coverage_start = s.coverage_start.or_else(|| date(blog, "coverageStartTime"));
        s.coverage_end = s.coverage_end.or_else(|| date(blog, "coverageEndTime"));
        match blog.get("liveBlogUpdate") {
            Some(Value::Array(list)) => s.updates.extend(list.iter().filter_map(Value::as_object).map(update)),
            Some(Value::Object(one)) => s.updates.push(update(one)),
            _ => {}
        }
    }
    if live.is_empty() {
        const ARTICLES: [&str; 6] =
            ["NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle", "WebPage"];
        let articles: Vec<_> = all.iter().filter(|o| is_type(o, &ARTICLES)).collect();
        // Several dated posts and no LiveBlogPosting: a list of updates, as some outlets give.
        let posts: Vec<_> =
            articles.iter().filter(|o| !is_type(o, &["WebPage"]) && o.contains_key("datePublished")).collect();
        if posts.len() >= 3 {
            s.updates.extend(posts.iter().map(|o| update(o)));
        } else if let Some(main) = articles.iter().find(|o| !is_type(o, &["WebPage"])).or(articles.first()) {
            fill_article(&mut s, main, &ids);
        }
    }
    if s.publisher.is_none() {
        s.publisher = all.iter().find(|o| is_type(o, &["NewsMediaOrganization", "Organization"])).and_then(|o| name(o));
    }
    s
}

fn fill_article(
    s: &mut Structured,
    obj: &serde_json::Map<String, Value>,
    ids: &HashMap<&str, &serde_json::Map<String, Value>>,
) {
    if s.headline.is_none() {
        s.headline = text(obj, "headline").or_else(|| text(obj, "name"));
    }
    s.published = s.published.or_else(|| date(obj, "datePublished"));
    s.modified = s.modified.or_else(|| date(obj, "dateModified"));
    if s.publisher.is_none() {
        s.publisher = match obj.get("publisher") {
            Some(Value::String(_)) => text(obj, "publisher"),
            Some(Value::Object(p)) => name(p).or_else(|| ids.get(p.get("@id")?.as_str()?).and_then(|o| name(o))),
            Some(Value::Array(list)) => list.iter().filter_map(Value::as_object).find_map(name),
            _ => None,
        };
    }
}

fn update(obj: &serde_json::Map<String, Value>) -> StructuredUpdate {
    StructuredUpdate {
        headline: text(obj, "headline").or_else(|| text(obj, "name")),
        body: text(obj, "articleBody").or_else(|| text(obj, "text")),
        published: date(obj, "datePublished").or_else(|| date(obj, "dateCreated")),
        modified: date(obj, "dateModified"),
        url: text(obj, "url"),
    }
}

fn name(obj: &serde_json::Map<String, Value>) -> Option<String> {
    text(obj, "name")
}

fn text(obj: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    let v = match obj.get(key)? {
        Value::String(s) => s.as_str(),
        Value::Array(a) => a.first()?.as_str()?,
        _ => return None,
    };
    let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
    let v = crate::decode::clean(&v).into_owned();
    (!v.is_empty()).then_some(v)
}

fn date(obj: &serde_json::Map<String, Value>, key: &str) -> Option<crate::model::When> {
    when(obj.get(key)?.as_str()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(page: &str) -> Structured {
        read(&Dom::parse(page))
    }

    #[test]
    fn graph_type_list_and_single_update() {
        let s = read_str(
            r##"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"Organization","@id":"#org","name":"Daily Test"},
            {"@type":["LiveBlogPosting","NewsArticle"],"headline":"Storm live","publisher":{"@id":"#org"},
             "coverageStartTime":"2024-10-21T06:30:00+01:00",
             "liveBlogUpdate":{"@type":"BlogPosting","headline":"Trees down","datePublished":"2024-10-21T09:05:00+01:00","articleBody":"Many trees."}}]}</script>"##,
        );
        assert_eq!(s.headline.as_deref(), Some("Storm live"));
        assert_eq!(s.publisher.as_deref(), Some("Daily Test"));
        assert!(s.coverage_start.is_some());
        assert_eq!(s.updates.len(), 1);
        assert_eq!(s.updates[0].headline.as_deref(), Some("Trees down"));
    }

    #[test]
    fn a_broken_block_loses_only_itself() {
        let s = read_str(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", oops</script>
            <script type="application/ld+json"><!-- {"@type":"LiveBlogPosting","headline":"Vote","publisher":"Le Test",
              "liveBlogUpdate":[{"@type":"BlogPosting","headline":"A","datePublished":"2024-06-09T20:00:00+02:00",},]} --></script>"#,
        );
        assert_eq!(s.headline.as_deref(), Some("Vote"));
        assert_eq!(s.publisher.as_deref(), Some("Le Test"));
        assert_eq!(s.updates.len(), 1);
    }
}
