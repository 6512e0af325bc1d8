//! A selection that starts at the feed (a copy of the posts without the page's header) holds
//! no title, but its first lines may still read like one: the first post's author box
//! (`Alex Smith`, `Redazione`) standing right above its clock. A short name with nothing after
//! it but the post's stamp is that author, never the page's headline.

use crate::parse::time;

/// Whether `t`, whose line ends at byte `end` of `text`, is a short name right above a stamp.
pub(super) fn author_over_stamp(text: &str, t: &str, end: usize) -> bool {
    let t = t.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || t.chars().count() > 40 || t.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    let named = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.chars().any(|c| c.is_ascii_digit()));
    if !named || super::live_word(t) {
        return false;
    }
    let next = text.get(end..).and_then(|r| r.strip_prefix('\n').or_else(|| r.strip_prefix("\r\n")));
    next.and_then(|r| r.lines().next()).is_some_and(|l| {
        let l = l.trim();
        !l.is_empty() && time::stamp(l, None).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::author_over_stamp;

    fn check(text: &str, first: &str) -> bool {
        author_over_stamp(text, first, first.len())
    }

    #[test]
    fn a_name_right_above_a_clock_is_the_posts_author() {
        assert!(check("Alex Smith\n10:52\nSANCHO TO CHELSEA", "Alex Smith"));
        assert!(check("Redazione\nore 01.15\nEsonda il rio", "Redazione"));
    }

    #[test]
    fn a_headline_or_a_name_away_from_a_stamp_stays_a_candidate() {
        assert!(!check("Alex Smith\n\nSANCHO TO CHELSEA", "Alex Smith"));
        assert!(!check("Storm Darragh live\n10:52\nHeadline", "Storm Darragh live"));
        assert!(!check(
            "Sancho joins Chelsea on loan from Manchester United\n10:52\n",
            "Sancho joins Chelsea on loan from Manchester United"
        ));
    }
}
