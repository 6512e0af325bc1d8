//! A byline or dated stamp printed once is normally the page's dateline (see `weigh`), but one
//! opened by the same word as two or more of the page's post stamps above it is one more post's:
//! sites print a relative time on their newest posts and the date-time once a post is a day
//! old (`Reporter: Jess Casey 22 Nov 2024 14:30` under `Reporter: Norma Prendiville 6 hours
//! ago`). The header's dateline stands above the feed, so it never qualifies.

use super::{Kind, Lines, text_of};

/// The first word of a stamp's line, when it is a word (`Reporter:`, `By`), not a number.
fn lead(line: &str) -> Option<&str> {
    let word = line.split_whitespace().next()?;
    (word.chars().count() >= 2 && word.chars().all(|c| c.is_alphabetic() || c == ':' || c == '.')).then_some(word)
}

/// The numbers of the time lines that, printed once in their shape, are still posts' stamps:
/// their first word opens two or more other time lines, one of them above.
pub(super) fn kin_of_feed(out: &Lines, text: &str, lone: impl Fn(u32) -> bool) -> Vec<u32> {
    // A saved page's renderer may put the stamp's label on the line above a time that opens
    // its own line (`Reporter: Jess Casey` / `1 hour ago`): a short line there stands in.
    let label_above = |i: usize| {
        let above = out.lines[..i].iter().rev().find(|l| l.kind != Kind::Blank)?;
        let t = text_of(text, above);
        (above.kind == Kind::Text && t.chars().count() <= 48).then(|| lead(t)).flatten()
    };
    let times: Vec<(u32, &str)> = out
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == Kind::Time)
        .filter_map(|(i, l)| lead(text_of(text, l)).or_else(|| label_above(i)).map(|w| (l.number, w)))
        .collect();
    times
        .iter()
        .filter(|(n, _)| lone(*n))
        .filter(|(n, w)| {
            let kin = times.iter().filter(|(m, v)| m != n && v.eq_ignore_ascii_case(w));
            let (count, above) = kin.fold((0, false), |(c, a), (m, _)| (c + 1, a || m < n));
            count >= 2 && above
        })
        .map(|(n, _)| *n)
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::parse::lines::Kind;
    use crate::parse::rules::Rules;

    fn times(text: &str) -> Vec<String> {
        let lines = super::super::classify(text, Rules::embedded(), &[]);
        lines.lines.iter().filter(|l| l.kind == Kind::Time).map(|l| super::text_of(text, l).to_string()).collect()
    }

    #[test]
    fn a_date_time_under_relative_stamps_of_the_same_form_is_a_post() {
        let text = "Storm live\n\nReporter: Ann Roe 12 minutes ago\nRoad closed\nThe road is shut tonight.\n\n\
                    Reporter: Bo Lee 3 hours ago\nFlights diverted\nTwo flights went to Dublin.\n\n\
                    Reporter: Ann Roe 22 Nov 2024 14:30\nCrews on standby\nCrews wait through the night.\n";
        assert!(times(text).iter().any(|t| t.ends_with("22 Nov 2024 14:30")), "{:?}", times(text));
    }

    #[test]
    fn the_label_may_stand_on_the_line_above_the_other_stamps() {
        let text = "Storm live\n\nReporter: Ann Roe\n12 minutes ago\nRoad closed\nThe road is shut tonight.\n\n\
                    Reporter: Bo Lee\n3 hours ago\nFlights diverted\nTwo flights went to Dublin.\n\n\
                    Reporter: Ann Roe 22 Nov 2024 14:30\nCrews on standby\nCrews wait through the night.\n";
        assert!(times(text).iter().any(|t| t.ends_with("22 Nov 2024 14:30")), "{:?}", times(text));
    }

    #[test]
    fn a_header_dateline_above_the_feed_stays_the_pages() {
        let text = "Storm live\nReporter: Ann Roe 22 Nov 2024 09:30\n\nReporter: Ann Roe 12 minutes ago\nRoad closed\n\
                    The road is shut tonight.\n\nReporter: Bo Lee 3 hours ago\nFlights diverted\nTwo flights went.\n";
        assert!(!times(text).iter().any(|t| t.ends_with("09:30")), "{:?}", times(text));
    }

    #[test]
    fn a_lone_date_time_of_another_form_stays_text() {
        let text = "Storm live\n\nReporter: Ann Roe 12 minutes ago\nRoad closed\nThe road is shut tonight.\n\n\
                    Reporter: Bo Lee 3 hours ago\nFlights diverted\nTwo flights went.\n\n\
                    Published by Limerick Leader 22 Nov 2024 14:30\n";
        assert!(!times(text).iter().any(|t| t.ends_with("14:30")), "{:?}", times(text));
    }
}
