//! Schedules laid out a row a line — when polls close, a TV programme, a timetable — each row
//! opening with a time and what happens then (`11pm Georgia, Indiana…`, `12.30am North
//! Carolina, Ohio`, `20 Uhr Tagesschau`). Rows at round hours print no minutes (`1am`, `18 Uhr`)
//! and read as no stamp, the others do: three rows or more in a row, one of them at least a
//! round hour, are a schedule, and the stamps among them stamp no post.

use super::{Kind, LayoutRule, Lines, text_of};
use regex::Regex;
use std::sync::LazyLock;

/// A time opening a line, with or without minutes, then what happens at it.
pub(super) static ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            \d{1,2}(?:[:.]\d{2})?\s?(?:a\.?m\.?|p\.?m\.?)     # 11pm, 12.30am
          | \d{1,2}(?:[:.]\d{2})?\s?(?:uhr|h)                 # 18 Uhr, 20h
          | (?:ore\s)?\d{1,2}[:.h]\d{2}                      # 20:45, ore 21.00, 20h45
        )(?:\s|\t)+\S",
    )
    .expect("schedule row regex")
});

/// A round hour: a row whose time prints no minutes.
static ROUND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\d{1,2}\s?(?:a\.?m\.?|p\.?m\.?|uhr|h)(?:\s|\t)+\S").expect("round hour regex"));

/// The fewest rows that make a schedule.
const ROWS: usize = 3;

/// Marks the stamps of schedule rows (`time-list` in `--explain`).
pub(super) fn schedule_rows(out: &mut Lines, text: &str) {
    let filled: Vec<usize> = (0..out.lines.len()).filter(|&i| out.lines[i].kind != Kind::Blank).collect();
    // A stamp with nothing but its zone beside it (`11.15 BST`) opens a post, never a row.
    let row = |i: usize| {
        let line = &out.lines[i];
        // The cheap test first: a row opens with a digit (or `ore`).
        let first = text.as_bytes().get(line.span.start as usize).copied().unwrap_or(0);
        if !(first.is_ascii_digit() || first == b'o' || first == b'O') {
            return false;
        }
        (line.kind == Kind::Text || line.kind == Kind::Time && out.stamp(line).is_some_and(|s| s.rest.is_some()))
            && ROW.is_match(text_of(text, line))
    };
    let mut marked = Vec::new();
    let mut k = 0;
    while k < filled.len() {
        let run = filled[k..].iter().take_while(|&&i| row(i)).count();
        let rows = &filled[k..k + run];
        if run >= ROWS
            && rows.iter().any(|&i| ROUND.is_match(text_of(text, &out.lines[i])))
            && rows.iter().any(|&i| out.lines[i].kind == Kind::Time)
        {
            marked.extend(rows.iter().copied().filter(|&i| out.lines[i].kind == Kind::Time));
        }
        k += run.max(1);
    }
    for i in marked {
        out.lines[i].kind = Kind::Furniture(LayoutRule::TimeList);
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::lines::{Kind, LayoutRule, kind_of};

    #[test]
    fn a_table_of_closing_hours_stamps_no_post() {
        let text = "Election night live\n\nWhen do polls close?\n11pm\tGeorgia, Indiana, Kentucky\n\
                    12.30am\tNorth Carolina, Ohio, West Virginia\n1am\tPennsylvania, Michigan, Florida\n2am\tArizona, Texas\n\
                    3.47am\nTrump wins Pennsylvania\nDecision desks call the state.\n\n2.15am\nHarris: still votes to count\nHer campaign spoke.\n";
        assert_eq!(
            kind_of(text, "12.30am\tNorth Carolina, Ohio, West Virginia"),
            Kind::Furniture(LayoutRule::TimeList)
        );
        assert_eq!(kind_of(text, "3.47am"), Kind::Time);
    }

    #[test]
    fn posts_with_the_headline_on_the_clock_line_stay() {
        let text = "Liveticker\n\n11.04 Uhr: Kabinett beschließt Paket\nDas Paket kommt.\n\n\
                    10.30 Uhr: Opposition kritisiert\nDie Kritik ist laut.\n\n9.12 Uhr: Guten Morgen\nWillkommen.\n";
        assert_eq!(kind_of(text, "10.30 Uhr: Opposition kritisiert"), Kind::Time);
    }
}
