//! Where a dump shows the page's headline only in its navigation: the last crumb of a
//! breadcrumb (`Home > Sport > Żużel > Headline` on one line, or w3m's numbered trail `1.
//! Start` … `4. Headline`), and the line lynx centres for the page's `h1`.

use crate::parse::lines::{Kind, Line};

/// Separators between crumbs on one line.
const SEPARATORS: &[&str] = &[" > ", " › ", " » ", " → ", " >> "];

/// Most words in a crumb before the last: sections are named in a word or a few.
const CRUMB_WORDS: usize = 4;

/// Each line that ends a breadcrumb, with where its last crumb starts in it, in line order.
pub(super) fn leaves(text: &str, lines: &[Line]) -> Vec<(u32, usize)> {
    let s = |l: &Line| &text[l.span.start as usize..l.span.end as usize];
    let mut out = Vec::new();
    let content: Vec<&Line> = lines.iter().filter(|l| l.kind == Kind::Text).collect();
    let mut k = 0;
    while k < content.len() {
        let line = content[k];
        if let Some(at) = one_line_leaf(s(line)) {
            out.push((line.number, at));
            k += 1;
            continue;
        }
        // A numbered trail: `1. …`, `2. …` on consecutive text lines, short but for the last.
        let mut n = 0;
        while let Some(item) = content.get(k + n).and_then(|l| numbered(s(l), n + 1)) {
            if words(&s(content[k + n])[item..]) > CRUMB_WORDS {
                // Only the last crumb may be long: the trail ends here.
                n += 1;
                break;
            }
            n += 1;
        }
        if n >= 3 {
            let last = content[k + n - 1];
            let at = numbered(s(last), n).expect("a numbered crumb");
            let leaf = &s(last)[at..];
            let longest = content[k..k + n - 1].iter().all(|l| words(s(l)) < words(leaf) + 1);
            if words(leaf) >= 3 && longest {
                out.push((last.number, at));
            }
            k += n;
        } else {
            k += 1;
        }
    }
    out
}

/// Where the last crumb starts on a line of three crumbs or more, all but the last short.
fn one_line_leaf(line: &str) -> Option<usize> {
    let sep = SEPARATORS.iter().find(|sep| line.matches(**sep).count() >= 2)?;
    let (head, leaf) = line.rsplit_once(sep)?;
    let short = head.split(sep).all(|c| (1..=CRUMB_WORDS).contains(&words(c)));
    (short && words(leaf) >= 3).then(|| head.len() + sep.len())
}

/// Where the text of item `n` of a numbered list starts: after `n.` and a space.
fn numbered(line: &str, n: usize) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let number: usize = line[..digits].parse().ok()?;
    let rest = line[digits..].strip_prefix(". ")?;
    (number == n && !rest.trim().is_empty()).then(|| line.len() - rest.trim_start().len())
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether a dump centred the line: indented far beyond the page's margin, as lynx sets an
/// `h1`. Copied text and w3m keep headings at the margin.
pub(super) fn centred(text: &str, line: &Line) -> bool {
    let start = line.span.start as usize;
    let from = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = &text[from..start];
    indent.len() >= 12 && indent.bytes().all(|b| b == b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_crumb_of_a_trail() {
        let line = "Home > Sport > Żużel > Fogo Unia Leszno - Falubaz Zielona Góra";
        assert_eq!(one_line_leaf(line).map(|at| &line[at..]), Some("Fogo Unia Leszno - Falubaz Zielona Góra"));
        // Two crumbs, or a long one before the last, make no trail.
        assert_eq!(one_line_leaf("Sport > Fogo Unia Leszno - Falubaz Zielona Góra"), None);
        assert_eq!(one_line_leaf("Prices > rise for the third month in a row > says the bank governor"), None);
        assert_eq!(numbered("4. Fogo Unia Leszno", 4), Some(3));
        assert_eq!(numbered("4. Fogo Unia Leszno", 3), None);
        assert_eq!(numbered("4.30pm", 4), None);
    }
}
