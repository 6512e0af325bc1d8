//! What the renderer leaves out of a page's text — scripts, styles and media silently; the
//! page's furniture (navigation, the site's header and footer, asides, dialogs, forms, hidden
//! elements, headline tickers) with the rule that took it — and the bounded record of that
//! furniture which `--explain` lists.

use super::Renderer;
use crate::parse::html::dom::{Element, NodeRef};
use crate::parse::html::elements::{furniture_class, has_descendant, hidden, short_with_time};
use crate::parse::page::Furniture;

/// At most this many pieces of furniture are recorded, each cut to `FURNITURE_CHARS`: `--explain`
/// needs to show what went, not to keep a second copy of a 50 MB page.
const FURNITURE_MAX: usize = 400;
const FURNITURE_CHARS: usize = 200;

impl Renderer {
    /// Why an element is left out: `Some(Some(rule))` for furniture worth listing,
    /// `Some(None)` for what never shows as text (scripts, styles, media), `None` to render it.
    pub(super) fn dropped(&self, node: NodeRef<'_>, el: &Element) -> Option<Option<&'static str>> {
        let name = el.name();
        match name {
            "head" | "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object" | "embed"
            | "canvas" | "video" | "audio" | "button" | "select" | "textarea" | "input" | "title" | "link" | "meta"
            | "source" | "track" | "map" => return Some(None),
            _ => {}
        }
        if hidden(el) {
            return Some(Some("html-hidden"));
        }
        // "Skip to main content": a link within the page, named so by its class.
        if name == "a"
            && el.attr("href").is_some_and(|h| h.starts_with('#'))
            && el.attr("class").is_some_and(|c| c.to_ascii_lowercase().contains("skip"))
        {
            return Some(Some("html-nav"));
        }
        if !matches!(name, "html" | "body" | "main" | "article")
            && let Some(rule) = furniture_class(el)
        {
            return Some(Some(rule));
        }
        if matches!(name, "ul" | "ol") && super::super::ticker::is_ticker(node) {
            return Some(Some("html-ticker"));
        }
        let role = el.attr("role").unwrap_or("");
        match (name, role) {
            ("nav", _) | (_, "navigation" | "menubar" | "menu") => Some(Some("html-nav")),
            // A post's own aside may hold just its time (a time column beside the text).
            ("aside", _) | (_, "complementary") if !short_with_time(node) => Some(Some("html-aside")),
            ("dialog", _) | (_, "dialog" | "alertdialog") => Some(Some("html-dialog")),
            (_, "search") => Some(Some("html-form")),
            // The site's footer goes; so does a post's own (share bars, "report", "top").
            ("footer", _) | (_, "contentinfo") => Some(Some("html-footer")),
            // A header inside an article, `main` or a post holds that post's time and headline;
            // the page's own header is kept only when it holds the story's h1.
            ("header", _) | (_, "banner") if self.context == 0 && !has_descendant(node, &["h1", "time"]) => {
                Some(Some("html-header"))
            }
            // ASP.NET pages wrap the whole page in one form: only forms without content go.
            ("form", _) if !has_descendant(node, &["article", "p", "h1", "h2", "time"]) => Some(Some("html-form")),
            _ => None,
        }
    }

    pub(super) fn record(&mut self, rule: &'static str, node: NodeRef<'_>) {
        if self.furniture.len() >= FURNITURE_MAX {
            return;
        }
        let text = super::super::text_of(node);
        if text.is_empty() {
            return;
        }
        let text: String = match text.char_indices().nth(FURNITURE_CHARS) {
            Some((at, _)) => format!("{}…", &text[..at]),
            None => text,
        };
        self.furniture.push(Furniture { rule, text });
    }
}
