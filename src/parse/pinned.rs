//! A post the page says it pinned above the feed (`Pinned post`, `PINNED POST`, `In
//! evidenza15:05`): out of the feed's order whatever its clock, so the day walk of [`super::dates`]
//! leaves it out, even when it went up the evening before the newest post (its clock then
//! later than the newest's, which alone would read as a day change). The labels are data
//! (`pinned:` in `assets/words.txt`).

use super::lines::{Kind, Lines};
use super::words::words;
use crate::model::Story;
use regex::Regex;
use std::sync::LazyLock;

pub(super) static PINNED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^(?:{})(?:\P{{L}}|$)", words().pinned_alt)).expect("pinned regex"));

/// Whether a short line is only a pinned label (`Pinned`, `Épinglé`).
pub(crate) fn is_label(line: &str) -> bool {
    let text = line.trim();
    text.len() <= 24 && PINNED.is_match(text)
}

/// How many non-blank lines above the first post's stamp its label may stand.
const LABEL_REACH: usize = 2;

/// Whether the page labels its first entry as pinned: on the stamp's own line (a copy glues
/// the label to the clock) or on one of the few lines just above it.
pub(crate) fn first_is_labelled(story: &Story, lines: &Lines) -> bool {
    let Some(first) = story.entries.first() else { return false };
    // A headline printed above the stamp opens the entry: its stamp is the next time line.
    let Some(at) = lines.lines.iter().position(|l| l.kind == Kind::Time && l.number >= first.line) else {
        return false;
    };
    let is_label = |i: usize| {
        // A pin drawn before the word (`📌 Angepinnt`) is no part of the label.
        let text = story.str(lines.lines[i].span).trim().trim_start_matches(|c: char| !c.is_alphanumeric());
        text.len() <= 24 && PINNED.is_match(text)
    };
    // The stamp's own line: the label glued before the clock.
    let own = story.str(lines.lines[at].span).trim();
    if PINNED.is_match(own) && !own.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    if (0..at).rev().filter(|&i| lines.lines[i].kind != Kind::Blank).take(LABEL_REACH).any(is_label) {
        return true;
    }
    // The list may have left the header's lines out (laid by once read): the page's own text
    // above the stamp still shows the label (`📌 Angepinnt` over the headline over the stamp).
    let above = &story.text[..lines.lines[at].span.start as usize];
    above.lines().rev().map(str::trim).filter(|l| !l.is_empty()).take(LABEL_REACH).any(|l| {
        let text = l.trim_start_matches(|c: char| !c.is_alphanumeric());
        text.len() <= 24 && PINNED.is_match(text)
    })
}

#[cfg(test)]
mod tests {
    use super::PINNED;

    #[test]
    fn pinned_labels_in_several_languages_open_a_line() {
        for t in ["Pinned post", "PINNED POST", "In evidenza15:05", "Épinglé", "Angeheftet", "Angepinnt"] {
            assert!(PINNED.is_match(t), "{t}");
        }
        for t in ["Pinnedown", "The pinned post", "Inevidenza"] {
            assert!(!PINNED.is_match(t), "{t}");
        }
    }

    fn dates_of(text: &str) -> Vec<String> {
        let story =
            crate::parse::parse_bytes("p.txt".into(), text.as_bytes().to_vec(), crate::parse::Rules::embedded())
                .expect("story");
        story.entries.iter().map(|e| e.at.map(|t| t.local().to_string()).unwrap_or_default()).collect()
    }

    #[test]
    fn a_labelled_pinned_post_of_the_evening_before_keeps_the_night_on_its_day() {
        let body = "The count goes on across the country tonight, with results expected until dawn.";
        let text = format!(
            "Election night live\n\nPublished: 21:30, 4 Jul 2024 | Updated: 5:10, 5 Jul 2024\n\nPINNED POST\n\n22:00\n\
             Exit poll: majority ahead\n{body}\n\n04:58\nMajority confirmed\n{body}\n\n01:07\nFirst minister loses\n{body}\n\n\
             00:14\nFirst gain of the night\n{body}\n\n23:02\nFirst seat declared\n{body}\n"
        );
        let dates = dates_of(&text);
        assert_eq!(dates[0], "2024-07-04 22:00:00");
        assert_eq!(dates[1], "2024-07-05 04:58:00");
        assert_eq!(dates[3], "2024-07-05 00:14:00");
        assert_eq!(dates[4], "2024-07-04 23:02:00");
        // Unlabelled, the same feed reads the 22:00 post as the newest's evening: every post below
        // it a day back, which is what the label prevents.
        let unlabelled = dates_of(&text.replace("PINNED POST\n\n", ""));
        assert_eq!(unlabelled[1], "2024-07-04 04:58:00");
    }

    #[test]
    fn a_pinned_label_over_a_headline_printed_above_its_stamp_is_read() {
        let body = "Der Warnstreik hat in der Nacht begonnen und dauert bis Dienstag früh um drei Uhr an.";
        let text = format!(
            "Warnstreik bei der BVG\n\nStand: 27.01.2025, 16:52 Uhr\n\n📌 Angepinnt\n\nDas Wichtigste in Kürze\n\n03:00 Uhr\n\n{body}\n\n\
             Verdi droht mit weiteren Streiks\n\n16:45 Uhr\n\n{body}\n\nS-Bahn so voll wie selten\n\n14:03 Uhr\n\n{body}\n\n\
             Staus auf der Stadtautobahn\n\n11:20 Uhr\n\n{body}\n"
        );
        let dates = dates_of(&text);
        assert_eq!(dates[0], "2025-01-27 03:00:00");
        assert_eq!(dates[1], "2025-01-27 16:45:00");
        assert_eq!(dates[3], "2025-01-27 11:20:00");
    }
}
