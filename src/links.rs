//! Links of an entry as the reader lists them: the links the page gave it, then the
//! addresses written in its text (recognised by a pattern, trailing punctuation left out),
//! each once, then the page's own address. Pure: opening one is the outside world's job.

use crate::model::{EntryRef, Story};
use regex::Regex;
use std::sync::LazyLock;

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)\b(?:https?://|www\.)[^\s<>"'«»\[\]{}|\\^`]+"#).expect("valid pattern"));

/// The web addresses written in a text, in order.
pub fn urls_in(text: &str) -> Vec<String> {
    URL.find_iter(text)
        .map(|m| {
            let url = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '’']);
            if url.to_ascii_lowercase().starts_with("www.") { format!("https://{url}") } else { url.to_string() }
        })
        .collect()
}

/// The links listed for an entry of `story`: (what it is, address).
pub fn entry_links(story: &Story, entry: EntryRef<'_>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |label: &str, url: String| {
        if !url.is_empty() && !out.iter().any(|(_, u)| *u == url) {
            out.push((label.to_string(), url));
        }
    };
    for l in entry.links() {
        push("link", l.trim().to_string());
    }
    let texts = entry.headline().into_iter().chain(entry.body()).chain(entry.captions());
    for text in texts {
        for url in urls_in(text) {
            push("in the text", url);
        }
    }
    if let Some(url) = &story.url {
        push("the page", url.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_in_text_without_their_punctuation() {
        assert_eq!(
            urls_in("Voir https://example.org/a?b=1. Et (http://x.fr/p), www.rfi.fr!"),
            ["https://example.org/a?b=1", "http://x.fr/p", "https://www.rfi.fr"]
        );
        assert!(urls_in("pas de lien ici: example").is_empty());
    }
}
