//! Readers' comments and questions quoted in a live blog, each signed with a name over its own
//! time (`MartinB` / `3.45pm` / `Nothing here for…`, Le Monde's `Marc` / `15:02` / `Bonjour,
//! …?`, a comment box's `Ursula M.` / `18.01.2025 12:11`): the time is when the reader wrote,
//! and stamps no post. What gives them away is the name right above the time, where the page's
//! posts have none: a time line whose line above is a signature — a name or a handle, not a
//! sentence, a label or a tag (`assets/signature_words.txt`) — is a contribution's when such
//! signed times are fewer than the page's other stamps (a page whose every post shows its
//! author over its clock keeps them all) and stand under the feed's first stamp (a byline over
//! the first post's clock is the header's).

use super::{Kind, LayoutRule, Lines, text_of};
use crate::parse::time::post_label;
use crate::parse::words::words;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Words that stand over a post's time as its tag or section, never as a reader's name.
static NOT_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    include_str!("../../../assets/signature_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
});

/// A day word (`Today`, `Gestern`) or a weekday or month name: a day header, not a name.
static DAY: LazyLock<Regex> = LazyLock::new(|| {
    let w = words();
    Regex::new(&format!(r"(?i)\b(?:{}|{}|{})\b", w.day_word_alt, w.weekday_alt, w.month_alt)).expect("day regex")
});

/// A byline word then a name (`Par Louis de Raguenel`, `By Jane Smith`): a post's author
/// closing it, over the next post's time, never a reader's signature.
static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?i:{})\s+\p{{Lu}}", words().by_alt)).expect("byline regex"));

/// A share bar's first button (`Share ViaCopy Link`, `Partager`): no name, whatever follows.
pub(super) static SHARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?i:{})(?:\s|$)", words().share_alt)).expect("share regex"));

/// Lower-case particles of names (`Ursula von Allmen`, `Jean de la Tour`).
const PARTICLES: [&str; 12] = ["de", "da", "di", "du", "la", "le", "van", "von", "der", "den", "del", "of"];

/// Marks the signed times (`contribution-time` in `--explain`) where the page's posts are not
/// signed so.
pub(super) fn signed_times(out: &mut Lines, text: &str) {
    let filled = |j: &usize| out.lines[*j].kind != Kind::Blank;
    let times: Vec<usize> = (0..out.lines.len()).filter(|&i| out.lines[i].kind == Kind::Time).collect();
    // Quoted inside a post, under the post's own stamp: a reporter's name over the feed's
    // first clock is the header's byline.
    let first = times.first().copied();
    // A page that prints each post's author over its clock signs most of its times so, whatever
    // the rules made of those name lines (a name glued under a share bar is no text line): the
    // names are its reporters'.
    let named = |i: usize| {
        (0..i).rev().find(filled).is_some_and(|a| {
            let t = text_of(text, &out.lines[a]);
            !matches!(out.lines[a].kind, Kind::Furniture(_) | Kind::Dropped) && !SHARE.is_match(t) && signature(t)
        })
    };
    if times.iter().filter(|&&i| named(i)).count() * 2 > times.len() {
        return;
    }
    let signed: Vec<usize> = times
        .iter()
        .copied()
        .filter(|&i| Some(i) != first)
        .filter(|&i| {
            // The time alone on its line: a label or an author on it is the post's own.
            if out.stamp(&out.lines[i]).is_none_or(|s| s.rest.is_some()) {
                return false;
            }
            let above = (0..i).rev().find(filled);
            let below = (i + 1..out.lines.len()).find(filled);
            above.is_some_and(|a| out.lines[a].kind == Kind::Text && signature(text_of(text, &out.lines[a])))
                && below.is_some_and(|b| out.lines[b].kind == Kind::Text)
        })
        .collect();
    // An author's name closing each post stands over the next post's time: a name the page
    // prints on more than two lines is its reporters', not a reader's.
    if signed.is_empty() {
        return;
    }
    let name_of = |i: usize| (0..i).rev().find(filled).map(|a| text_of(text, &out.lines[a]));
    // One pass over the page counts every candidate name's lines.
    let mut seen: HashMap<&str, usize> = signed.iter().filter_map(|&i| name_of(i)).map(|n| (n, 0)).collect();
    for line in &out.lines {
        if line.kind != Kind::Blank
            && let Some(n) = seen.get_mut(text_of(text, line))
        {
            *n += 1;
        }
    }
    let signed: Vec<usize> =
        signed.into_iter().filter(|&i| name_of(i).is_some_and(|n| seen.get(n).is_some_and(|&c| c <= 2))).collect();
    // A badged post's time (`DONE DEAL 22:41`) under a name is a post all the same: the page
    // closes each post with its author, and those names stand over the next post's time.
    let badged_under_name = times
        .iter()
        .filter(|&&i| Some(i) != first && out.stamp(&out.lines[i]).is_some_and(|s| s.rest.is_some()))
        .filter(|&&i| {
            (0..i)
                .rev()
                .find(filled)
                .is_some_and(|a| out.lines[a].kind == Kind::Text && signature(text_of(text, &out.lines[a])))
        })
        .count();
    let others = times.len() - signed.len();
    if signed.is_empty() || others < 2 || signed.len() + badged_under_name >= others {
        return;
    }
    for i in signed {
        out.lines[i].kind = Kind::Furniture(LayoutRule::Contribution);
    }
}

/// A reader's name or handle: one to four words, each capitalised (or a name's particle), or a
/// single handle (`MartinB`, `Skifan_BE`, `gallinapinta`); an initial may close it (`Ursula
/// M.`); no sentence, no label, no tag, no day.
fn signature(line: &str) -> bool {
    let t = line.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || t.chars().count() > 40 {
        return false;
    }
    if !t.starts_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    let last = words[words.len() - 1];
    let initial = last.len() == 2 && last.starts_with(|c: char| c.is_uppercase()) && last.ends_with('.');
    if !initial && t.ends_with(|c: char| !c.is_alphanumeric()) {
        return false;
    }
    if t.contains([':', ';', '!', '?', '|', '•', '·', '"', '«', '“', '/', '(', ')']) {
        return false;
    }
    // Figures belong to a handle (`user123`), and a word runs no longer than a name.
    if words.len() > 1 && t.contains(|c: char| c.is_ascii_digit()) || words.iter().any(|w| w.chars().count() > 20) {
        return false;
    }
    let handle = words.len() == 1;
    // `jfe`, `boi`: two to four lower-case letters are an editor's initials closing a post, as
    // Swiss and French newsrooms sign beside the agency (`ats/jfe`), not a reader's handle.
    if handle && (2..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    // `RND`, `AFP`, `SDA`: two to four capitals alone are an agency or newsroom closing its
    // post, as the editors' initials are.
    if handle && (2..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let capitalised = words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()) || PARTICLES.contains(w));
    if !(handle || capitalised) {
        return false;
    }
    // `ANALYSIS`, `LIVE`: a tag in capitals.
    if t.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !t.chars().any(char::is_lowercase) {
        return false;
    }
    if BYLINE.is_match(t) {
        return false;
    }
    let lower = t.to_lowercase();
    // `AFP, Reuters`: every part a listed word (agencies) is a credit, not a name.
    let listed = lower.split([',', '/']).all(|p| NOT_NAMES.iter().any(|n| n == p.trim()));
    !post_label::is_label(t) && !listed && !day(t, words.len())
}

/// A day word or a weekday or month name: a day header. A weekday's abbreviation opening a
/// name of two words with no figure is a first name (`Sam Lee`, `Di Stefano`).
fn day(t: &str, words: usize) -> bool {
    let short = |m: regex::Match<'_>| m.as_str().chars().count() <= 3;
    let mut found = DAY.find_iter(t).peekable();
    if found.peek().is_none() {
        return false;
    }
    !(found.all(short) && words >= 2 && !t.contains(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::signature;
    use crate::parse::lines::{Kind, LayoutRule, kind_of};

    #[test]
    fn names_and_handles_sign_but_sentences_labels_and_days_do_not() {
        for name in ["MartinB", "Jennifer Hale", "Marc", "Ursula M.", "Skifan_BE", "Jean de la Tour", "Sam Lee"] {
            assert!(signature(name), "{name}");
        }
        for not in [
            "Share",
            "Key Event",
            "Analysis",
            "Today",
            "Mardi 14 août",
            "Sam 12",
            "Par Louis de Raguenel",
            "By Jane Smith",
            "Mon",
            "ANALYSIS",
            "He said it.",
            "Read more:",
            "FacebookXWhatsAppCommenti (57)",
            "jfe",
            "boi",
            "RND",
            "AFP",
            "AFP, Reuters",
            "dpa",
        ] {
            assert!(!signature(not), "{not}");
        }
    }

    #[test]
    fn readers_comments_inside_a_post_stamp_no_post() {
        let text = "Budget live\n\n4.48pm\nIFS: one of the largest tax-raising Budgets\nThe rises fall mostly on employers.\n\n\
                    3.52pm\nYour views\nReaders have been sharing their reaction.\nHere is what readers are saying\n\
                    MartinB\n3.45pm\nNothing here for the people who pay for it all.\nJennifer Hale\n3.49pm\n\
                    At least the fuel duty freeze stays.\n\n2.31pm\nStamp duty surcharge rises\nFrom tomorrow.\n\n\
                    1.40pm\nNational Insurance up\nFrom April.\n";
        assert_eq!(kind_of(text, "3.45pm"), Kind::Furniture(LayoutRule::Contribution));
        assert_eq!(kind_of(text, "3.49pm"), Kind::Furniture(LayoutRule::Contribution));
        assert_eq!(kind_of(text, "2.31pm"), Kind::Time);
    }

    #[test]
    fn share_bars_over_the_posts_clocks_are_no_reporters_names() {
        let text = "Budget live\n\n4.48pm\nIFS: one of the largest tax-raising Budgets\nThe rises fall mostly on employers.\n\
                    Share ViaCopy Link\n3.52pm\nYour views\nReaders have been sharing their reaction.\n\
                    MartinB\n3.45pm\nNothing here for the people who pay for it all.\nJennifer Hale\n3.49pm\n\
                    At least the fuel duty freeze stays.\nShare ViaCopy Link\n2.31pm\nStamp duty surcharge rises\nFrom tomorrow.\n\
                    Share ViaCopy Link\n1.40pm\nNational Insurance up\nFrom April.\n";
        assert_eq!(kind_of(text, "3.45pm"), Kind::Furniture(LayoutRule::Contribution));
        assert_eq!(kind_of(text, "2.31pm"), Kind::Time);
    }

    #[test]
    fn the_reporters_name_over_the_first_clock_is_the_byline() {
        let text = "Storm live\n\nAoife Hennessy\n13:52\nRoad closures\nThe council closed Main Street.\n\n\
                    12:38\nWarning extended\nThe warning runs until 9pm.\n\n11:20\nPower cuts\nCrews are out.\n";
        assert_eq!(kind_of(text, "13:52"), Kind::Time);
    }

    #[test]
    fn a_page_whose_posts_all_show_their_author_over_the_clock_keeps_them() {
        let text = "Storm live\n\nAoife Hennessy\n13:52\nRoad closures\nThe council closed Main Street.\n\n\
                    Aoife Hennessy\n12:38\nWarning extended\nThe warning runs until 9pm.\n\n\
                    Cormac Byrne\n11:20\nPower cuts\nCrews are working to restore supply.\n";
        assert_eq!(kind_of(text, "12:38"), Kind::Time);
    }

    #[test]
    fn authors_closing_badged_posts_close_the_plain_ones_too() {
        // Each post ends with its author, so a name stands over every next time; two of the
        // three carry a badge (`DONE DEAL 22:41`) and are posts: so are the plain ones.
        let text = "Deadline day\n\nDONE DEAL 23:12\nSterling joins\nBody one.\nDharmesh Sheth\n\n\
                    DONE DEAL 22:41\nSancho joins\nBody two.\nKaveh Solhekol\n\n\
                    BREAKING 20:05\nUgarte signs\nBody three.\nDharmesh Sheth\n\n\
                    17:32\nChilwell stays\nBody four.\nKaveh Solhekol\n\n\
                    09:00\nGood morning\nBody five.\nSky Sports News\n";
        assert_eq!(kind_of(text, "17:32"), Kind::Time);
        assert_eq!(kind_of(text, "09:00"), Kind::Time);
    }
}
