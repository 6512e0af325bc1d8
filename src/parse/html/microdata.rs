//! schema.org in microdata: `itemscope` elements whose `itemtype` is a LiveBlogPosting or a
//! BlogPosting, and their `itemprop`s (`headline`, `datePublished` from a `content` or
//! `datetime` attribute, `articleBody`, coverage times, `publisher`). Merged into what JSON-LD
//! gave, which wins where both speak.

use super::dom::{Dom, NodeRef};
use super::meta::when;
use super::text_of;
use crate::parse::page::{Structured, StructuredUpdate};

pub(crate) fn read(html: &Dom, s: &mut Structured) {
    let had_updates = !s.updates.is_empty();
    for node in html.nodes() {
        let Some(el) = node.value().as_element() else { continue };
        let (Some(_), Some(kind)) = (el.attr("itemscope"), el.attr("itemtype")) else { continue };
        let kind = kind.trim().rsplit('/').next().unwrap_or("");
        match kind {
            "LiveBlogPosting" => {
                let props = props(node);
                let get = |name: &str| props.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
                if s.headline.is_none() {
                    s.headline = get("headline").map(str::to_string);
                }
                s.coverage_start = s.coverage_start.or_else(|| get("coverageStartTime").and_then(when));
                s.coverage_end = s.coverage_end.or_else(|| get("coverageEndTime").and_then(when));
                s.published = s.published.or_else(|| get("datePublished").and_then(when));
                s.modified = s.modified.or_else(|| get("dateModified").and_then(when));
                if s.publisher.is_none() {
                    s.publisher = get("publisher").map(str::to_string);
                }
            }
            "BlogPosting" | "SocialMediaPosting" if !had_updates => {
                let props = props(node);
                let get = |name: &str| props.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
                s.updates.push(StructuredUpdate {
                    headline: get("headline"),
                    body: get("articleBody"),
                    published: get("datePublished").as_deref().and_then(when),
                    modified: get("dateModified").as_deref().and_then(when),
                    url: get("url"),
                });
            }
            _ => {}
        }
    }
}

/// The properties of one scope: its descendants with `itemprop`, not those of nested scopes.
/// A nested scope that is itself a property (a `publisher` Organization) gives its `name`.
fn props(scope: NodeRef<'_>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack: Vec<NodeRef<'_>> = scope.children().collect();
    stack.reverse();
    while let Some(node) = stack.pop() {
        let Some(el) = node.value().as_element() else { continue };
        let nested = el.attr("itemscope").is_some();
        if let Some(names) = el.attr("itemprop") {
            let value = if nested {
                props(node).into_iter().find(|(n, _)| n == "name").map(|(_, v)| v)
            } else {
                el.attr("content")
                    .or_else(|| el.attr("datetime"))
                    .or_else(|| if matches!(el.name(), "a" | "link") { el.attr("href") } else { None })
                    .map(|v| v.trim().to_string())
                    .or_else(|| Some(text_of(node)))
            };
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                let value = crate::decode::clean(&value).into_owned();
                for name in names.split_ascii_whitespace() {
                    out.push((name.to_string(), value.clone()));
                }
            }
        }
        if !nested {
            let mut children: Vec<_> = node.children().collect();
            children.reverse();
            stack.extend(children);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_blog_and_postings() {
        let html = Dom::parse(
            r#"<div itemscope itemtype="https://schema.org/LiveBlogPosting"><h1 itemprop="headline">Match live</h1>
            <meta itemprop="coverageStartTime" content="2024-08-27T18:00:00+02:00">
            <div itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Kicker Test</span></div>
            <article itemprop="liveBlogUpdate" itemscope itemtype="http://schema.org/BlogPosting">
              <time itemprop="datePublished" datetime="2024-08-27T18:32:00+02:00">18:32</time>
              <h2 itemprop="headline">Goal</h2><div itemprop="articleBody"><p>A header.</p></div></article></div>"#,
        );
        let mut s = Structured::default();
        read(&html, &mut s);
        assert_eq!(s.headline.as_deref(), Some("Match live"));
        assert_eq!(s.publisher.as_deref(), Some("Kicker Test"));
        assert!(s.coverage_start.is_some());
        assert_eq!(s.updates.len(), 1);
        assert_eq!(s.updates[0].headline.as_deref(), Some("Goal"));
        assert_eq!(s.updates[0].body.as_deref(), Some("A header."));
        assert_eq!(s.updates[0].published.unwrap().to_rfc3339(), "2024-08-27T18:32:00+02:00");
    }
}
