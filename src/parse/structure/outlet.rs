//! The outlet a text page names itself by ("sur le site France Info", "Par … avec AFP"), from
//! the names in `assets/outlets.txt`.

use regex::Regex;
use std::sync::LazyLock;

static OUTLETS: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<String> = include_str!("../../../assets/outlets.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(regex::escape)
        .collect();
    let names = names.join("|");
    Regex::new(&format!(
        r"(?m)(?:sur\s+le\s+site(?:\s+de)?|la\s+rédaction\s+de|rédaction\s+d'|^Par\s[^\n]{{1,60}}\savec|^Source\s*:|^Avec)\s+(?P<name>{names})(?-u:\b)"
    ))
    .expect("outlet regex")
});

/// The outlet the page names, looked for in its first and last 64 KiB where pages name
/// themselves (header, byline, trailer).
pub(crate) fn find_outlet(text: &str) -> Option<String> {
    const WINDOW: usize = 64 * 1024;
    let head_end = text.floor_char_boundary(WINDOW.min(text.len()));
    let tail_start = text.ceil_char_boundary(text.len().saturating_sub(WINDOW).max(head_end));
    [&text[..head_end], &text[tail_start..]]
        .iter()
        // `find` runs the fast engines; captures only on what matched.
        .find_map(|part| OUTLETS.find(part).and_then(|m| OUTLETS.captures(m.as_str())).map(|c| c["name"].to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_named_by_the_page() {
        assert_eq!(find_outlet("x\nContinuer à lire sur le site France Info\n").as_deref(), Some("France Info"));
        assert_eq!(
            find_outlet("Comme chaque jour, la rédaction de 20 Minutes est mobilisée").as_deref(),
            Some("20 Minutes")
        );
        assert_eq!(find_outlet("Par Franceline Beretti avec AFP\n").as_deref(), Some("AFP"));
        assert_eq!(find_outlet("Par\u{a0}Franceline Beretti avec\u{a0}AFP\n").as_deref(), Some("AFP"));
        assert_eq!(find_outlet("a indiqué à l'AFP un responsable").as_deref(), None);
    }
}
