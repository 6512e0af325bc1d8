//! The points listed under a summary heading (`Summary`, `Key points`, `Highlights`,
//! `L'essentiel`; `assets/summary_headings.txt`): a page's title is never one of them.

use crate::parse::lines::{Kind, Line};

/// The lines of the lists that stand under a summary heading (`Summary`, `Key points`,
/// `Highlights`, `L'essentiel`): from the heading to the next blank line after the list.
pub(super) fn summary_points(text: &str, lines: &[Line]) -> Vec<u32> {
    let s = |l: &Line| &text[l.span.start as usize..l.span.end as usize];
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        if is_summary_heading(s(&lines[k])) {
            k += 1;
            while k < lines.len() && lines[k].kind == Kind::Blank {
                k += 1;
            }
            while k < lines.len() && !matches!(lines[k].kind, Kind::Blank | Kind::Time) {
                out.push(lines[k].number);
                k += 1;
            }
        } else {
            k += 1;
        }
    }
    out
}

static SUMMARY_HEADINGS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    include_str!("../../../assets/summary_headings.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
});

/// Whether a whole line is a summary heading (`Key points`, `Highlights:`), as the list of
/// `assets/summary_headings.txt` has it.
pub(crate) fn is_summary_heading(line: &str) -> bool {
    line.len() <= 48 && {
        let l = line.trim_end_matches(':').trim().to_lowercase();
        SUMMARY_HEADINGS.contains(&l)
    }
}
