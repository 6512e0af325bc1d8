//! What an element is, to the renderer: one post of a live blog, hidden from the eye, page
//! furniture by its class or id, a clock shown without `<time>`, a time inside a listing's
//! link. Word lists are data in `assets/`.

use super::dom::Element;
use super::dom::NodeRef;

/// Whether a class or itemtype names one post of a live blog: `post`, `entry`, `update`,
/// `block`, as a whole class or the last word of one (`lx-stream-post`, `liveblog-entry`,
/// `live-update`), but not `entry-content`.
pub(super) fn post_like(el: &Element) -> bool {
    if el.attr("itemtype").is_some_and(|t| t.ends_with("/BlogPosting") || t.ends_with("/SocialMediaPosting")) {
        return true;
    }
    el.attr("class").is_some_and(|c| {
        c.split_ascii_whitespace().any(|token| {
            let last = token.rsplit(['-', '_']).next().unwrap_or(token);
            ["post", "entry", "update", "block", "liveupdate", "livepost"].iter().any(|w| w.eq_ignore_ascii_case(last))
        })
    })
}

/// Classes that hide text from the eye, from `assets/html_hidden_classes.txt`.
static HIDDEN_CLASSES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    include_str!("../../../assets/html_hidden_classes.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_ascii_lowercase)
        .collect()
});

/// Words naming furniture in a class or id, from `assets/html_furniture_classes.txt`.
static FURNITURE_WORDS: std::sync::LazyLock<Vec<(String, &'static str)>> = std::sync::LazyLock::new(|| {
    include_str!("../../../assets/html_furniture_classes.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(' ').map(|(w, r)| (w.to_ascii_lowercase(), r.trim())))
        .collect()
});

pub(super) fn furniture_class(el: &Element) -> Option<&'static str> {
    let names = el.attr("class").into_iter().chain(el.attr("id"));
    for token in names.flat_map(str::split_ascii_whitespace) {
        for part in token.split(['-', '_']) {
            if let Some((_, rule)) = FURNITURE_WORDS.iter().find(|(w, _)| w.eq_ignore_ascii_case(part)) {
                return Some(rule);
            }
        }
    }
    None
}

/// Whether a small inline element shows only a clock (`9.31am:`, `14h05`), as older pages
/// mark a post's time without `<time>`. Looks at no more than a few dozen bytes of text and
/// a few dozen nodes: thousands of empty elements nested at a line's start are each asked.
pub(super) fn clock_only(node: NodeRef<'_>) -> bool {
    // On the stack: every paragraph and link that opens a line is asked.
    let mut buf = [0u8; 24];
    let mut len = 0;
    for (i, d) in node.descendants().enumerate() {
        if i > 32 {
            return false;
        }
        if let Some(t) = d.value().as_text() {
            // What opens the text settles most asks: a clock starts with a digit.
            if len == 0 && t.trim_start().bytes().next().is_some_and(|b| !b.is_ascii_digit()) {
                return false;
            }
            if len + t.len() > buf.len() {
                return false;
            }
            buf[len..len + t.len()].copy_from_slice(t.as_bytes());
            len += t.len();
        }
    }
    // Whole texts joined: still UTF-8.
    let Ok(text) = std::str::from_utf8(&buf[..len]) else { return false };
    let t = text.trim().trim_end_matches([':', '-', '–', '|', ' ']);
    let b = t.as_bytes();
    !t.is_empty()
        && b[0].is_ascii_digit()
        && crate::parse::time::stamp(t, None).is_some_and(|s| s.shape == crate::parse::time::Shape::Bare)
}

pub(super) fn hidden(el: &Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    if el
        .attr("class")
        .is_some_and(|c| c.split_ascii_whitespace().any(|t| HIDDEN_CLASSES.iter().any(|h| h.eq_ignore_ascii_case(t))))
    {
        return true;
    }
    el.attr("style").is_some_and(|s| style_contains(s, "display:none") || style_contains(s, "visibility:hidden"))
}

/// Whether a style, white space left out and ASCII letters lowered, contains `pattern`. A
/// restart on the mismatched character is exact here: no pattern's prefix is also its suffix.
fn style_contains(style: &str, pattern: &str) -> bool {
    let p = pattern.as_bytes();
    let mut at = 0;
    for c in style.chars().filter(|c| !c.is_whitespace()) {
        let c = c.to_ascii_lowercase();
        if c == char::from(p[at]) {
            at += 1;
        } else {
            at = usize::from(c == char::from(p[0]));
        }
        if at == p.len() {
            return true;
        }
    }
    false
}

/// Whether an element shows only a relative time counted in hours or days (`1 hour ago`): a
/// `<time datetime>` that does so stamps its post with the markup's instant wherever it stands
/// on the line (`Reporter: Jess Casey <time datetime=…>1 hour ago</time>`), since the shown
/// text cannot tell the clock. In minutes (`12m ago`) the shown text tells it, and stays read
/// as before.
pub(super) fn relative_only(node: NodeRef<'_>) -> bool {
    let text = super::text_of(node);
    crate::parse::time::relative::seconds_ago(text.trim()).is_some_and(|s| s >= 3600)
}

/// Whether a `<time>` shows a relative time (`4m ago`) and the element right after it the
/// clock (`<span>12.50 BST</span>`): the two make one stamp, as copied text shows them
/// (`4m ago12.50 BST`), and the `datetime` belongs to that clock.
pub(super) fn relative_before_clock(node: NodeRef<'_>) -> bool {
    let text = super::text_of(node);
    let t = text.trim();
    if t.is_empty()
        || t.len() > 24
        || !t.as_bytes()[0].is_ascii_digit()
        || crate::parse::time::has_clock_bytes(t.as_bytes())
    {
        return false;
    }
    // The time may sit alone in a permalink (`<a><time>7h ago</time></a><span>05.38 BST</span>`).
    let mut at = node;
    for _ in 0..3 {
        let next = at.next_siblings().find(|n| !n.value().as_text().is_some_and(|t| t.trim().is_empty()));
        match next {
            Some(n) => return n.value().is_element() && clock_only(n),
            None => match at.parent() {
                Some(p) if p.value().as_element().is_some_and(|e| matches!(e.name(), "a" | "span")) => at = p,
                _ => return false,
            },
        }
    }
    false
}

/// Whether an element holds a `<time>` and nothing but the clock it shows.
pub(super) fn short_with_time(node: NodeRef<'_>) -> bool {
    has_descendant(node, &["time"]) && clock_only(node)
}

/// Whether a time sits in a link to another page that says more than the time: a listing of
/// matches or articles, not a post's permalink (`#block-12`).
pub(super) fn in_link_elsewhere(node: NodeRef<'_>) -> bool {
    let Some(link) = node.ancestors().take(4).find(|a| a.value().as_element().is_some_and(|e| e.name() == "a")) else {
        return false;
    };
    let href = link.value().as_element().and_then(|e| e.attr("href")).unwrap_or("#");
    !href.contains('#') && super::text_of(link).len() > super::text_of(node).len() + 12
}

pub(super) fn has_descendant(node: NodeRef<'_>, names: &[&str]) -> bool {
    node.descendants().any(|d| d.value().as_element().is_some_and(|e| names.contains(&e.name())))
}
