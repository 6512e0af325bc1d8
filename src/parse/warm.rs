//! Compiling, ahead of their first use, the regular expressions of stamps and datelines that
//! nearly every page reaches: a program that reads a file compiles them on a thread of its own
//! ([`super::prepare_in_background`]) while the page is decoded, tokenized and rendered,
//! instead of on the way from the rendered lines to the story (about a quarter of a first
//! parse of a 1 MB page, most of a small one's). Only compiled, never matched: a match here
//! would make this thread the owner of each regex's fast cache, and the parsing thread would
//! take the slower, shared one.

use std::sync::LazyLock;

/// Compiles the expressions, those needed first and then the costliest first (the dateline's
/// alone is half of them).
pub(crate) fn stamps() {
    use super::time::dateline;
    // First the two the renderer reaches on a page's first clock, long before the rest.
    super::time::warm();
    LazyLock::force(&dateline::DATE);
    LazyLock::force(&dateline::ZONE_STATEMENT);
    LazyLock::force(&dateline::TIMES_IN_ZONE);
    LazyLock::force(&dateline::DAY_HEADER);
    super::structure::warm();
    super::time::relative::warm();
    LazyLock::force(&super::day_words::WORDS);
    // Then those a first page compiled on its own thread after the line reading.
    super::lines::warm();
    LazyLock::force(&super::reconcile::DMY);
    LazyLock::force(&super::reconcile::YMD);
    LazyLock::force(&super::pinned::PINNED);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_expressions_compile_and_a_page_parses_after_them() {
        // A pattern that fails to compile panics here rather than on a reader's first page.
        stamps();
        let story = crate::parse::parse_text(
            "warm.txt".into(),
            "Live: a day\n\nAll times are UK time\n\n10:05\nBy Jo Smith\nA post.\n\n09:30\nAn earlier post.\n"
                .to_string(),
            crate::parse::Rules::embedded(),
        );
        assert_eq!(story.entries.len(), 2);
    }
}
