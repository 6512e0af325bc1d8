//! Headline tickers outside the story (`ULTIM'ORA`, `Latest`, `Breaking`): a list whose every
//! item is a clock and one short headline (`21:50 Incidente sulla A14`), standing outside the
//! page's `main` and `article`. Its times are other stories', never the blog's posts; a key
//! events list inside the story is left to the text rules, which know the posts it repeats.

use super::dom::NodeRef;
use regex::Regex;
use std::sync::LazyLock;

/// An item that opens with a clock (`21:50`, `9.31`, `16h05`) and goes on with words.
static CLOCK_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}[:.h]\d{2}\s*(?:Uhr\s*)?[\p{L}\p{Lu}«“\x22'‘]").expect("ticker item regex"));

/// The longest item a ticker shows: one headline, never a post.
const ITEM_MAX: usize = 140;

/// Whether `node` (a `ul` or `ol`) is a ticker of other stories' headlines.
pub(super) fn is_ticker(node: NodeRef<'_>) -> bool {
    let outside =
        !node.ancestors().any(|a| a.value().as_element().is_some_and(|e| matches!(e.name(), "main" | "article")));
    if !outside {
        return false;
    }
    let items: Vec<NodeRef<'_>> =
        node.children().filter(|c| c.value().as_element().is_some_and(|e| e.name() == "li")).collect();
    items.len() >= 2
        && items.iter().all(|li| {
            let text = super::text_of(*li);
            let text = text.trim();
            text.chars().count() <= ITEM_MAX
                && CLOCK_ITEM.is_match(text)
                && !super::elements::has_descendant(*li, &["p", "h2", "h3", "h4", "div"])
        })
}

#[cfg(test)]
mod tests {
    use super::super::dom::Dom;
    use super::is_ticker;

    fn first_list(html: &str) -> bool {
        let dom = Dom::parse(html);
        let list = dom.nodes().find(|n| n.value().as_element().is_some_and(|e| e.name() == "ul")).expect("a list");
        is_ticker(list)
    }

    #[test]
    fn a_list_of_clocked_headlines_outside_the_story_is_a_ticker() {
        let html = "<body><div><span>ULTIM'ORA</span><ul><li><span>21:50</span> Incidente sulla A14</li>\
                    <li><span>21:31</span> Borsa: Milano chiude in rialzo</li></ul></div><main><h1>Diretta</h1></main></body>";
        assert!(first_list(html));
    }

    #[test]
    fn the_storys_own_lists_and_lists_of_words_are_no_ticker() {
        // Inside `main`: a key events list, left to the text rules.
        let html =
            "<body><main><ul><li>21:50 Incidente sulla A14</li><li>21:31 Borsa in rialzo</li></ul></main></body>";
        assert!(!first_list(html));
        // A menu.
        let html = "<body><ul><li>Home</li><li>Cronaca</li></ul></body>";
        assert!(!first_list(html));
        // One item is no ticker; nor are items holding paragraphs (a feed in a list).
        let html = "<body><ul><li>21:50 Incidente sulla A14</li></ul></body>";
        assert!(!first_list(html));
        let html = "<body><ul><li>21:50 <p>Incidente</p></li><li>21:31 <p>Borsa</p></li></ul></body>";
        assert!(!first_list(html));
    }
}
