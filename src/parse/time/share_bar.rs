//! A share bar run into the next post's stamp: w3m and lynx draw an HTML5 `<footer>` and
//! `<header>` inline, so `Compartir en Facebook Compartir en X` and `21:30 h` share a line. The
//! bar's words live in `assets/words.txt` (`share:`).

use super::{Shape, Stamp, leading};
use crate::parse::words::words;
use regex::Regex;
use std::sync::LazyLock;

static SHARE_BAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?i:(?:\(BUTTON\)\s*)?(?:{})(?:\s+|[:|·•]\s*)?){{2,}}", words().share_alt))
        .expect("share bar regex")
});

/// One share word glued to what follows (`Share48m ago15.58 GMT`): a bar of one button. Lynx
/// writes `(BUTTON)` before each button.
static SHARE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?:\(BUTTON\)\s*)?(?i:{})", words().share_alt)).expect("share word regex"));

/// A post's reader counter glued to the next post's stamp (`306 Postings18.25Maria Sterkl`):
/// w3m draws the `<footer>` holding it inline, as it does a share bar.
static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\d[\d.,]*\s?[kK]?\s*(?i:{})", words().counted_alt)).expect("reader counter regex")
});

/// One share button closing a line (`Il y a 5 minPartager`): a copied page runs the post's
/// relative time into the button beside it.
static SHARE_WORD_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\s*(?:\(BUTTON\)\s*)?(?i:{})$", words().share_alt)).expect("closing share word regex")
});

/// `Compartir en Facebook Compartir en X21:30 h`: w3m and lynx draw an HTML5 `<footer>` and
/// `<header>` inline, so a post's share bar runs into the next post's stamp. Only a stamp that
/// is the clock alone counts after it. A single word counts only glued to the stamp, as
/// nobody writes it.
pub(super) fn after_share_bar(line: &str, context: Option<&str>) -> Option<Stamp> {
    if let Some(counter) = COUNTER.find(line) {
        // After a counter the stamp may carry its author (`18.25Maria Sterkl`), as the same
        // stamp does where it opens its line.
        let rest = &line[counter.end()..];
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return super::stamp(rest, context).filter(|s| s.shape != Shape::Inline && s.date.is_none());
        }
    }
    let end = SHARE_BAR.find(line).or_else(|| SHARE_WORD.find(line))?.end();
    let rest = &line[end..];
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let stamp = leading(rest, context)??;
    (stamp.shape == Shape::Bare).then_some(stamp)
}

/// What follows a share bar that opens a line (`Compartir en X Hace 39 minutos`), if one does.
pub(super) fn after_bar(line: &str) -> Option<&str> {
    let bar = SHARE_BAR.find(line)?;
    Some(line[bar.end()..].trim_start())
}

/// A line's rest made only of share buttons (`12h12Partager`, `17:19 Share`).
static ONLY_SHARE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?i:(?:\(BUTTON\)\s*)?(?:{})(?:\s+|[:|·•]\s*)?)+$", words().share_alt))
        .expect("share words regex")
});

/// Whether text after a clock is only the share buttons beside it: no label, no author.
pub(super) fn only_share_words(text: &str) -> bool {
    let text = text.trim();
    text.len() <= 80 && ONLY_SHARE_WORDS.is_match(text)
}

/// What stands before one share button that closes a short line, if one does.
pub(super) fn before_share_word(line: &str) -> Option<&str> {
    if line.len() > 80 {
        return None;
    }
    let word = SHARE_WORD_AT_END.find(line)?;
    (word.start() > 0).then(|| &line[..word.start()])
}

#[cfg(test)]
mod tests {
    use super::super::stamp;

    #[test]
    fn one_share_button_glued_to_the_next_stamp() {
        let s = stamp("Share48m ago15.58 GMT", None).expect("a stamp after one share word");
        assert_eq!(s.clock.to_string(), "15:58");
        assert_eq!(
            stamp("(BUTTON) Share48m ago15.58 GMT", None).map(|s| s.clock.to_string()).as_deref(),
            Some("15:58")
        );
        assert!(stamp("Share 15:58", None).is_none(), "a word and a time apart are text");
        assert!(stamp("Share48m ago15.58 GMT Storm warning", None).is_none(), "only the clock alone counts");
    }

    #[test]
    fn a_reader_counter_glued_to_the_next_stamp() {
        let s = stamp("306 Postings18.25Maria Sterkl", None).expect("a stamp after a counter");
        assert_eq!((s.clock.to_string(), s.shape), ("18:25".to_string(), super::super::Shape::Label));
        assert_eq!(stamp("12 comments21:30", None).map(|s| s.clock.to_string()).as_deref(), Some("21:30"));
        assert!(stamp("306 Postings 18.25 Uhr: Kickl spricht", None).is_none(), "a headline is no stamp here");
        assert!(stamp("306 Besucher18.25", None).is_none(), "only a reader counter counts");
    }

    #[test]
    fn a_share_button_after_the_clock_is_no_label() {
        for line in ["12h12Partager", "17:19 GMT Share", "10.45 Uhr Teilen"] {
            let s = stamp(line, None).expect(line);
            assert_eq!((s.shape, s.rest), (super::super::Shape::Bare, None), "{line}");
        }
        let s = stamp("18:28KEY EVENT", None).expect("a label");
        assert_eq!(s.shape, super::super::Shape::Label);
    }
}
