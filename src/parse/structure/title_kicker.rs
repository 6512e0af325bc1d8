//! A live kicker set inside the headline (`Liveticker Unwetter in Hessen: …`): the page's
//! `<h1>` opens with a span naming the format, which copies and dumps run into the title. The
//! kickers are data (`assets/title_kickers.txt`); one is cut only before a capitalised word, so
//! `LIVE updates` and `Ticker tape parade` stay whole. A subscriber-only badge opening a line
//! (`Z+ (abopflichtiger Inhalt); …`, `assets/paywall_badges.txt`) marks another article's
//! teaser, which is never the title.

use std::sync::LazyLock;

static KICKERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../../assets/title_kickers.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

static PAYWALL: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../../assets/paywall_badges.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Whether `line` opens with a subscriber-only badge (`Z+ (abopflichtiger Inhalt); …`): the
/// teaser of another article (`assets/paywall_badges.txt`), not the page's headline.
pub(super) fn paywall_teaser(line: &str) -> bool {
    PAYWALL.iter().any(|b| line.strip_prefix(b).is_some_and(|rest| rest.starts_with([' ', '(', ':'])))
}

/// The length in bytes of the kicker and the space after it opening `title`, or 0.
pub(super) fn kicker_len(title: &str) -> usize {
    for k in KICKERS.iter() {
        if let Some(rest) = title.strip_prefix(k)
            && let Some(after) = rest.strip_prefix(' ')
            && after.starts_with(char::is_uppercase)
            && after.split_whitespace().count() >= 3
        {
            return title.len() - after.len();
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::{kicker_len, paywall_teaser};

    #[test]
    fn a_paywall_badge_opens_a_teaser_not_a_title() {
        assert!(paywall_teaser("Z+ (abopflichtiger Inhalt); Analyse: Wie es zum Bruch kam"));
        assert!(paywall_teaser("F+ Wie es zum Bruch kam"));
        assert!(!paywall_teaser("Zeitenwende: Scholz entlässt Lindner"));
        assert!(!paywall_teaser("Abolition of the two-child cap debated"));
    }

    #[test]
    fn a_kicker_before_a_capitalised_headline_is_cut() {
        let t = "Liveticker Unwetter in Hessen: Starkregen flutet Keller";
        assert_eq!(&t[kicker_len(t)..], "Unwetter in Hessen: Starkregen flutet Keller");
        let t = "LIVE Transfer deadline day: every deal";
        assert_eq!(&t[kicker_len(t)..], "Transfer deadline day: every deal");
    }

    #[test]
    fn titles_that_merely_open_with_the_word_stay_whole() {
        for t in [
            "Live Aid at 40: the concert remembered",
            "LIVE updates from the count",
            "Ticker tape parade for the champions",
            "Liveticker",
            "Liveticker Unwetter",
            "Livetickers Unwetter in Hessen heute",
        ] {
            assert_eq!(kicker_len(t), 0, "{t}");
        }
    }
}
