//! The key names the JSON reader looks for, read once from `assets/json_keys.txt`: which keys
//! hold a post's time, text, headline and tag, and the story's title, outlet, address, summary
//! and language. Keys are compared folded (case, `_`, `-` and spaces ignored), so one entry
//! covers `published_at`, `publishedAt` and `Published-At`.

use serde_json::{Map, Value};
use std::sync::LazyLock;

const KEYS: &str = include_str!("../../../assets/json_keys.txt");

#[derive(Debug, Default)]
pub(super) struct Keys {
    pub time: Vec<String>,
    pub time_prefix: Vec<String>,
    /// Keys that end with a time key (`blockFirstPublished`, `date_unixtime`).
    pub time_suffix: Vec<String>,
    /// Keys that end with these show a time as the page did (`blockFirstPublishedDisplay`).
    pub time_shown: Vec<String>,
    pub text: Vec<String>,
    pub headline: Vec<String>,
    pub tag: Vec<String>,
    pub name: Vec<String>,
    /// A flag key and the tag it gives when true.
    pub flag: Vec<(String, String)>,
    pub title: Vec<String>,
    pub outlet: Vec<String>,
    pub url: Vec<String>,
    pub summary: Vec<String>,
    pub lang: Vec<String>,
}

pub(super) fn keys() -> &'static Keys {
    static PARSED: LazyLock<Keys> = LazyLock::new(|| parse(KEYS));
    &PARSED
}

fn parse(text: &str) -> Keys {
    let mut k = Keys::default();
    let mut section = "";
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        let list = match section {
            "time" => &mut k.time,
            "time-prefix" => &mut k.time_prefix,
            "time-suffix" => &mut k.time_suffix,
            "time-shown" => &mut k.time_shown,
            "text" => &mut k.text,
            "headline" => &mut k.headline,
            "tag" => &mut k.tag,
            "name" => &mut k.name,
            "title" => &mut k.title,
            "outlet" => &mut k.outlet,
            "url" => &mut k.url,
            "summary" => &mut k.summary,
            "lang" => &mut k.lang,
            "flag" => {
                if let Some((key, tag)) = line.split_once('=') {
                    k.flag.push((fold_key(key), tag.trim().to_string()));
                }
                continue;
            }
            _ => continue,
        };
        list.push(fold_key(line));
    }
    k
}

/// A key as compared: lower case, without `_`, `-` and spaces.
pub(super) fn fold_key(key: &str) -> String {
    if key.is_ascii() {
        return key
            .bytes()
            .filter(|b| !matches!(b, b'_' | b'-' | b' '))
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    key.chars().filter(|c| !matches!(c, '_' | '-' | ' ')).flat_map(char::to_lowercase).collect()
}

/// The values of an object under the keys of a list, in the list's order.
pub(super) fn values<'v>(obj: &'v Map<String, Value>, list: &[String]) -> Vec<&'v Value> {
    let folded: Vec<(String, &Value)> = obj.iter().map(|(k, v)| (fold_key(k), v)).collect();
    list.iter().flat_map(|want| folded.iter().filter(move |(k, _)| k == want).map(|(_, v)| *v)).collect()
}

/// The values of keys that start with one of `prefixes` (`updatedAt`, `lastModifiedDate`).
pub(super) fn prefixed<'v>(obj: &'v Map<String, Value>, prefixes: &[String]) -> Vec<&'v Value> {
    obj.iter()
        .filter(|(k, _)| {
            let k = fold_key(k);
            prefixes.iter().any(|p| k.starts_with(p.as_str()))
        })
        .map(|(_, v)| v)
        .collect()
}

/// The values of keys that end with one of `suffixes` (`blockFirstPublished`), in the list's
/// order.
pub(super) fn suffixed<'v>(obj: &'v Map<String, Value>, suffixes: &[String]) -> Vec<&'v Value> {
    let folded: Vec<(String, &Value)> = obj.iter().map(|(k, v)| (fold_key(k), v)).collect();
    suffixes
        .iter()
        .flat_map(|want| folded.iter().filter(move |(k, _)| k.ends_with(want.as_str())).map(|(_, v)| *v))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_asset_fills_every_list() {
        let k = keys();
        for list in [
            &k.time,
            &k.time_prefix,
            &k.time_suffix,
            &k.time_shown,
            &k.text,
            &k.headline,
            &k.tag,
            &k.name,
            &k.title,
            &k.outlet,
            &k.url,
        ] {
            assert!(!list.is_empty());
        }
        assert!(k.time.contains(&"firstpublisheddate".to_string()));
        assert!(k.flag.iter().any(|(key, tag)| key == "keyevent" && tag == "Key event"));
    }

    #[test]
    fn keys_fold_case_and_separators() {
        assert_eq!(fold_key("published_at"), fold_key("publishedAt"));
        assert_eq!(fold_key("Published-At"), "publishedat");
        let obj: Map<String, Value> = serde_json::from_str(r#"{"Body":"b","created_at":1,"title":"t"}"#).unwrap();
        let list = vec!["createdat".to_string(), "body".to_string()];
        assert_eq!(values(&obj, &list).len(), 2);
        assert_eq!(values(&obj, &list)[0], &Value::from(1));
    }
}
