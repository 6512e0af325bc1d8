//! A share bar run into the next post's stamp: w3m and lynx draw an HTML5 `<footer>` and
//! `<header>` inline, so `Compartir en Facebook Compartir en X` and `21:30 h` share a line. The
//! bar's words live in `assets/words.txt` (`share:`).

use super::{Shape, Stamp, leading};
use crate::parse::words::words;
use regex::Regex;
use std::sync::LazyLock;

static SHARE_BAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?i:(?:{})(?:\s+|[:|·•]\s*)?){{2,}}", words().share_alt)).expect("share bar regex")
});

/// `Compartir en Facebook Compartir en X21:30 h`: w3m and lynx draw an HTML5 `<footer>` and
/// `<header>` inline, so a post's share bar runs into the next post's stamp. Only a stamp that
/// is the clock alone counts after it.
pub(super) fn after_share_bar(line: &str, context: Option<&str>) -> Option<Stamp> {
    let bar = SHARE_BAR.find(line)?;
    let rest = &line[bar.end()..];
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
