//! What a page says of itself in its `<head>`: Open Graph, Twitter and `article:` meta tags,
//! `<title>`, `<html lang>`, the canonical link; and the one reading of a machine date the
//! HTML reader uses everywhere (`datetime` attributes, meta contents, JSON-LD and microdata).

use super::dom::{Dom, Node};
use super::text_of;
use crate::model::When;
use crate::parse::page::PageMeta;
use chrono::{DateTime, NaiveDateTime};

/// A machine-readable date-time: RFC 3339 / ISO 8601 with or without an offset. A date alone
/// (or anything else) is no instant.
pub(crate) fn when(value: &str) -> Option<When> {
    let v = value.trim();
    if v.len() < 16 || !v.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Some(When::Zoned(t));
    }
    let v = v.replacen(' ', "T", 1);
    for format in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%dT%H:%M:%S%.f%:z"] {
        if let Ok(t) = DateTime::parse_from_str(&v, format) {
            return Some(When::Zoned(t));
        }
    }
    let naive = v.trim_end_matches(['Z', 'z']);
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(naive, format) {
            return Some(if naive.len() < v.len() { When::Zoned(t.and_utc().fixed_offset()) } else { When::Local(t) });
        }
    }
    None
}

/// Reads the page's metadata (all but the `h1`, which the renderer finds among what it shows).
pub(crate) fn collect(html: &Dom) -> PageMeta {
    let mut meta = PageMeta::default();
    for node in html.nodes() {
        let Node::Element(el) = node.value() else { continue };
        match el.name() {
            "html" => {
                if let Some(lang) = el.attr("lang").or_else(|| el.attr("xml:lang")) {
                    set(&mut meta.lang, lang);
                }
            }
            "title" if meta.html_title.is_none() => {
                let t = text_of(node);
                if !t.is_empty() {
                    meta.html_title = Some(t);
                }
            }
            "link" => {
                let canonical = el
                    .attr("rel")
                    .is_some_and(|r| r.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")));
                if canonical && let Some(href) = el.attr("href") {
                    set(&mut meta.url, href);
                }
            }
            "meta" => {
                let (Some(key), Some(content)) = (
                    el.attr("property").or_else(|| el.attr("name")).or_else(|| el.attr("itemprop")),
                    el.attr("content"),
                ) else {
                    continue;
                };
                let content = content.trim();
                if content.is_empty() {
                    continue;
                }
                match key.to_ascii_lowercase().as_str() {
                    "og:title" | "twitter:title" => set(&mut meta.og_title, content),
                    "og:site_name" | "application-name" | "twitter:site" if !content.starts_with('@') => {
                        set(&mut meta.site_name, content)
                    }
                    "og:locale" => set(&mut meta.lang, content),
                    "og:url" => set(&mut meta.url, content),
                    "description" | "og:description" | "twitter:description" => set(&mut meta.description, content),
                    "article:published_time"
                    | "og:published_time"
                    | "datepublished"
                    | "pubdate"
                    | "date"
                    | "dc.date"
                    | "dcterms.created"
                    | "parsely-pub-date"
                        if meta.published.is_none() =>
                    {
                        meta.published = when(content)
                    }
                    "article:modified_time"
                    | "og:updated_time"
                    | "datemodified"
                    | "last-modified"
                    | "dcterms.modified"
                        if meta.modified.is_none() =>
                    {
                        meta.modified = when(content)
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    meta
}

fn set(slot: &mut Option<String>, value: &str) {
    let v = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if slot.is_none() && !v.is_empty() {
        *slot = Some(crate::decode::clean(&v).into_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_dates() {
        let z = |s: &str| when(s).map(|w| w.to_rfc3339());
        assert_eq!(z("2024-10-21T17:38:00Z").as_deref(), Some("2024-10-21T17:38:00Z"));
        assert_eq!(z("2024-10-21T17:38:00.123+02:00").as_deref(), Some("2024-10-21T17:38:00+02:00"));
        assert_eq!(z("2024-10-21T17:38+0200").as_deref(), Some("2024-10-21T17:38:00+02:00"));
        assert_eq!(z("2024-10-21 17:38:00").as_deref(), Some("2024-10-21T17:38:00"));
        assert_eq!(z("2024-10-21T17:38").as_deref(), Some("2024-10-21T17:38:00"));
        assert_eq!(z("2024-10-21"), None);
        assert_eq!(z("yesterday"), None);
    }

    #[test]
    fn head_metadata() {
        let html = Dom::parse(
            r#"<html lang="fr"><head><title>Direct | Site</title><meta property="og:title" content="Direct  guerre">
            <meta property="og:site_name" content="Le Site"><link rel="canonical" href="https://x.test/a">
            <meta property="article:modified_time" content="2024-10-21T17:38:00+02:00"></head><body></body></html>"#,
        );
        let m = collect(&html);
        assert_eq!(m.og_title.as_deref(), Some("Direct guerre"));
        assert_eq!(m.html_title.as_deref(), Some("Direct | Site"));
        assert_eq!(m.site_name.as_deref(), Some("Le Site"));
        assert_eq!(m.lang.as_deref(), Some("fr"));
        assert_eq!(m.url.as_deref(), Some("https://x.test/a"));
        assert!(m.modified.is_some() && m.published.is_none());
    }
}
