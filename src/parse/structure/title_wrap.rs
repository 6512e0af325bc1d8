//! Evidence that a dump wrapped a title at its width, read off the title's own line: the first
//! word of the line under it would not have fitted on it (`… Kohli, Rahul Guide India To` over
//! `Six-Wicket Win`, w3m at 80 columns). Pages whose paragraphs are few or short show no other
//! sign of the wrap (no line running on in lower case), and a title's rest is often capitalised.

use crate::parse::lines::{Kind, Line};

/// The narrowest and widest widths a text dump is rendered at (80 by default, 120 or 132 when
/// asked); copied text keeps each paragraph on one line, far longer.
const WIDTHS: std::ops::RangeInclusive<usize> = 60..=132;
/// How many lines must come close to the widest one for the text to be a dump at that width:
/// a copy of a page of short paragraphs can stay under a dump's width too, but not crowd it.
const CLOSE_LINES: usize = 5;
/// How far in lynx sets the rest of a heading it centres (`le point` over `en direct`).
const CENTRED: usize = 8;

/// The width a text may have been wrapped at: the longest line (indentation included) of the
/// page's head when it is a dump's width, and whether several lines crowd it (then the text is
/// a dump, not a copy of short paragraphs).
pub(crate) fn dump_width(text: &str) -> Option<(usize, bool)> {
    let head = &text[..text.floor_char_boundary(64 * 1024)];
    let width = head.lines().map(|l| l.trim_end().chars().count()).max()?;
    let close = head.lines().filter(|l| l.trim_end().chars().count() + 12 >= width).count();
    WIDTHS.contains(&width).then_some((width, close >= CLOSE_LINES))
}

/// Whether `line` was cut at the dump's width: the line under it, right below and a title's
/// rest (text, or a short line a rule took, such as `en direct`), opens with a word that would
/// have run past the width — on a page that crowds the width, or with the rest centred as lynx
/// sets a heading.
pub(super) fn cut_at_width(text: &str, line: &Line, next: &Line, (width, crowded): (usize, bool)) -> bool {
    if next.number != line.number + 1 || !continues_title(text, next) {
        return false;
    }
    let start_of = |at: u32| text[..at as usize].rfind('\n').map_or(0, |i| i + 1);
    let shown = text[start_of(line.span.start)..line.span.end as usize].chars().count();
    let centred = next.span.start as usize - start_of(next.span.start) >= CENTRED;
    let word = text[next.span.start as usize..next.span.end as usize].split_whitespace().next().unwrap_or("");
    (crowded || centred) && !word.is_empty() && shown + 1 + word.chars().count() > width
}

/// Whether `next` may be the rest of a title above it: text, or a short line a rule removed
/// (a live word ending the title: `… le point` over `en direct`).
pub(super) fn continues_title(text: &str, next: &Line) -> bool {
    match next.kind {
        Kind::Text => true,
        Kind::Dropped => text[next.span.start as usize..next.span.end as usize].split_whitespace().count() <= 3,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn line(text: &str, number: u32, needle: &str, kind: Kind) -> Line {
        let start = text.find(needle).unwrap() as u32;
        Line { span: Span { start, end: start + needle.len() as u32 }, number, kind, heading: false, h1: false }
    }

    #[test]
    fn a_next_word_that_would_not_fit_shows_the_cut() {
        let first = "India vs Australia Live Score, World Cup 2023: Kohli, Rahul Guide India To";
        let text = format!("{first}\nSix-Wicket Win\n");
        let (a, b) = (line(&text, 1, first, Kind::Text), line(&text, 2, "Six-Wicket Win", Kind::Text));
        assert!(cut_at_width(&text, &a, &b, (80, true)));
        // At 120 columns the word would have fitted: the two lines are two paragraphs.
        assert!(!cut_at_width(&text, &a, &b, (120, true)));
        // A copy of short paragraphs that does not crowd its longest line wraps nothing.
        assert!(!cut_at_width(&text, &a, &b, (80, false)));
        let dropped = line(&text, 2, "Six-Wicket Win", Kind::Dropped);
        assert!(cut_at_width(&text, &a, &dropped, (80, true)));
        let gap = line(&text, 3, "Six-Wicket Win", Kind::Text);
        assert!(!cut_at_width(&text, &a, &gap, (80, true)), "a line further down is no rest");
        // lynx centres the rest of a heading it wraps.
        let first = "Tempête Ciarán : vents violents et coupures d'électricité dans l'Ouest, le point";
        let text = format!("{first}\n                                   en direct\n");
        let (a, b) = (line(&text, 1, first, Kind::Text), line(&text, 2, "en direct", Kind::Dropped));
        assert!(cut_at_width(&text, &a, &b, (80, false)));
    }

    #[test]
    fn the_width_is_a_dump_s_when_lines_crowd_it() {
        let row = "x".repeat(70) + " words\n";
        assert_eq!(dump_width(&row.repeat(6)), Some((76, true)));
        assert_eq!(dump_width(&row.repeat(2)), Some((76, false)), "two long lines crowd no width");
        assert_eq!(dump_width(&("y".repeat(400) + "\n").repeat(6)), None, "copied paragraphs run far longer");
    }
}
