//! The line list without its blank lines, for the layout: a big blog is half blank lines (456,000
//! of 973,000 in the 60,000-entry blog), and the list lives through the layout, the moment of the
//! parse's peak memory. The layout reads whole-page questions (which lines are stamps, text,
//! headlines) the same with or without blanks; where a run of lines is read as the page printed
//! it (an entry's lines, the header), [`Lines::with_blanks`] puts the blank lines back, read
//! again from the text exactly as the classifier read them.

use super::{Kind, Line, Lines};
use crate::model::Span;

impl Lines {
    /// Drops the records of plain blank lines (a blank line the markup marks as a heading
    /// stays); the numbers they leave out are those lines.
    pub(crate) fn drop_blanks(&mut self) {
        self.total = self.total();
        self.lines.retain(|l| l.kind != Kind::Blank || l.heading || l.h1);
        self.lines.shrink_to_fit();
    }

    /// Keeps only the records read once the entries are laid out — stamps and day headers for
    /// the date walk (it asks for no other kind, nor for a line's neighbours), lines a rule
    /// removed for `--explain` — so that the rest of the parse does not hold a 100 MB blog's
    /// whole line list (8 MB) beside its entries. A line the list no longer holds reads as a
    /// blank one (see [`Lines::line`]).
    pub(crate) fn keep_dated(&mut self) {
        self.total = self.total();
        self.lines.retain(|l| matches!(l.kind, Kind::Time | Kind::DayHeader | Kind::Dropped));
        self.lines.shrink_to_fit();
    }

    /// Moves the records from `cut` on that the layout reads once its entries are built — those
    /// [`Lines::keep_dated`] keeps and the layout's furniture — to the end of `kept` (last line
    /// first), and gives back the list's memory past `cut`: the entries are built from the
    /// page's end up, and the lines past the wave being built are read by no entry any more.
    /// [`Lines::take_back`] puts them back.
    pub(crate) fn lay_by(&mut self, cut: usize, kept: &mut Vec<Line>) {
        self.total = self.total();
        let kinds = |l: &&Line| matches!(l.kind, Kind::Time | Kind::DayHeader | Kind::Dropped | Kind::Furniture(_));
        if kept.capacity() == 0 {
            // Sized once for every wave: grown by doubling, it would outgrow what it saves.
            kept.reserve_exact(self.lines.iter().filter(kinds).count());
        }
        let tail = self.lines.get(cut..).unwrap_or_default();
        kept.extend(tail.iter().rev().filter(kinds).cloned());
        self.lines.truncate(cut);
        self.lines.shrink_to_fit();
    }

    /// Appends the records [`Lines::lay_by`] moved to `kept`, in line order again.
    pub(crate) fn take_back(&mut self, mut kept: Vec<Line>) {
        kept.reverse();
        self.lines.reserve_exact(kept.len());
        self.lines.append(&mut kept);
    }

    /// [`Lines::drop_blanks`] on a page with stamps: a page without any is laid out by the
    /// untimed reader, which reads the full list.
    pub(crate) fn drop_blanks_if_timed(&mut self) {
        if self.lines.iter().any(|l| l.kind == Kind::Time) {
            self.drop_blanks();
        }
    }

    /// How many lines the page has, blank ones included.
    fn total(&self) -> u32 {
        self.lines.last().map_or(0, |l| l.number).max(self.total)
    }

    /// Line `number`, if the list holds it (a dropped blank line it does not).
    pub(crate) fn line(&self, number: u32) -> Option<&Line> {
        self.lines.binary_search_by_key(&number, |l| l.number).ok().map(|i| &self.lines[i])
    }

    /// Appends to `out` the lines `from..to` of the list with the blank lines between them,
    /// as the full list has them: from the line after `from - 1` (the first line of the page
    /// when `from` is 0) when `lead`, else from `from`'s own line, up to the line before `to`'s
    /// (the last line of the page when `to` is the list's length).
    pub(crate) fn with_blanks(&self, text: &str, from: usize, to: usize, lead: bool, out: &mut Vec<Line>) {
        let lines = &self.lines;
        let total = self.total();
        let number_at = |i: usize| lines.get(i).map_or(total + 1, |l| l.number);
        let mut number = if lead { from.checked_sub(1).map_or(1, |p| lines[p].number + 1) } else { number_at(from) };
        for i in from..=to {
            let next = number_at(i);
            if number < next {
                // The blank lines start on the line after the record before them.
                let after = i.checked_sub(1).map_or(0, |p| line_end(text, &lines[p]) + 1);
                blank_lines(text, after, number..next, out);
            }
            if i < to {
                out.push(lines[i].clone());
                number = lines[i].number + 1;
            }
        }
    }
}

/// Where the line of `line` ends: its line feed (or the end of the text).
fn line_end(text: &str, line: &Line) -> usize {
    let from = line.span.end as usize;
    // Most lines end right at their line feed: no search.
    if text.as_bytes().get(from) == Some(&b'\n') {
        return from;
    }
    memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(text.len(), |i| from + i)
}

/// The records of the blank lines numbered `numbers`, the first starting at byte `start`,
/// spans as the classifier takes them.
fn blank_lines(text: &str, mut start: usize, numbers: std::ops::Range<u32>, out: &mut Vec<Line>) {
    for number in numbers {
        // An empty line, the usual blank one: no search.
        if text.as_bytes().get(start) == Some(&b'\n') {
            out.push(Line { span: Span::new(start, start), number, kind: Kind::Blank, heading: false, h1: false });
            start += 1;
            continue;
        }
        let end = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
        let raw = &text[start..end];
        let trimmed = raw.trim();
        debug_assert!(trimmed.is_empty(), "line {number} is blank");
        let offset = start + (trimmed.as_ptr() as usize - raw.as_ptr() as usize);
        out.push(Line { span: Span::new(offset, offset), number, kind: Kind::Blank, heading: false, h1: false });
        start = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::lines::classify_in;
    use crate::parse::rules::Rules;

    /// Every run of the list with its blanks put back is the same run of the full list.
    #[test]
    fn blanks_put_back_are_the_lines_the_classifier_read() {
        let text = "\n  \nTitle\n\n12:05\nA headline\n\r\n \t\nBody text here.\n11:40\n\nMore.\n\n  \n";
        let full = classify_in(text, Rules::embedded(), &[], 1 << 20);
        let mut compact = classify_in(text, Rules::embedded(), &[], 1 << 20);
        compact.drop_blanks();
        assert!(compact.lines.len() < full.lines.len());
        let n = compact.lines.len();
        for from in 0..=n {
            for to in from..=n {
                for lead in [false, true] {
                    let mut got = Vec::new();
                    compact.with_blanks(text, from, to, lead, &mut got);
                    let first = if lead {
                        from.checked_sub(1).map_or(1, |p| compact.lines[p].number + 1)
                    } else {
                        compact.lines.get(from).map_or(full.lines.len() as u32 + 1, |l| l.number)
                    };
                    let last = compact.lines.get(to).map_or(full.lines.len() as u32 + 1, |l| l.number);
                    let want = if first < last { &full.lines[first as usize - 1..last as usize - 1] } else { &[][..] };
                    assert_eq!(format!("{got:?}"), format!("{want:?}"), "{from}..{to} lead {lead}");
                }
            }
        }
        assert_eq!(compact.line(5).map(|l| l.number), Some(5));
        assert!(compact.line(4).is_none());
    }
}
