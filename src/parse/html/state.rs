//! A page's script state, kept for the JSON reader: the text of `<script
//! type="application/json">` (Next.js's `__NEXT_DATA__`, Nuxt's and others' payloads) and of
//! a plain script that opens by assigning a global (`window.__PRELOADED_STATE__ = {…}`,
//! `window["__INITIAL_STATE__"] = …`). Any other script's text is dropped as it arrives, as
//! before; these are told by their type or their first characters, so a page's megabytes of
//! code are never stored.

use super::dom::{Dom, Node};

/// Script types whose text is kept: JSON-LD (read by [`super::jsonld`]) and JSON state.
pub(super) fn kept_type(kind: &str) -> bool {
    let kind = kind.trim();
    kind.eq_ignore_ascii_case("application/ld+json") || kind.eq_ignore_ascii_case("application/json")
}

/// Whether a script's first text assigns an object or an array to a global named with a
/// leading `__` (`window.__PRELOADED_STATE__ = {`, `window["__X"] = [`, `var __DATA = {`):
/// a page's state. Code that merely touches one (`window.__posts = window.__posts || []`) is
/// not.
pub(super) fn opens_state(text: &str) -> bool {
    let text = text.trim_start();
    let name = ["window.", "self.", "globalThis.", "var ", "let ", "const "]
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .map(|rest| rest.trim_start())
        .or_else(|| {
            let rest = text.strip_prefix("window[")?;
            Some(rest.trim_start_matches(['"', '\'']))
        });
    let Some(rest) = name.and_then(|n| n.strip_prefix("__")) else { return false };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let rest = rest.trim_start_matches(['"', '\'', ']']).trim_start();
    rest.strip_prefix('=').is_some_and(|r| !r.starts_with('=') && r.trim_start().starts_with(['{', '[']))
}

/// The texts of the state scripts, in the page's order.
pub(super) fn scripts(html: &Dom) -> Vec<String> {
    html.nodes()
        .filter(|node| {
            let Node::Element(el) = node.value() else { return false };
            el.name() == "script"
                && !el.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        })
        .map(|node| node.children().filter_map(|c| c.value().as_text()).collect::<String>())
        .filter(|text| !text.trim().is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::opens_state;

    #[test]
    fn only_an_assigned_literal_opens_a_page_state() {
        for yes in
            ["\n window.__PRELOADED_STATE__ = {", "window[\"__INITIAL\"]=[1]", "var __DATA = {}", "self.__next_f={"]
        {
            assert!(opens_state(yes), "{yes}");
        }
        for no in [
            "window.__posts=window.__posts||[];",
            "window.dataLayer = [];",
            "(function(){})",
            "window.__x == {}",
            "__a = {}",
        ] {
            assert!(!opens_state(no), "{no}");
        }
    }
}
