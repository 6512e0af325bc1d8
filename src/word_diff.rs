//! The word diff of an edited entry: runs of changed words grouped (`[-two words-] {+three
//! new words+}`, not a marker per word), wrapped to a width between words only, with each
//! line's markers balanced — a run that wraps closes at the line's end and opens again on
//! the next — so the diff reads without colour and each line can be coloured by itself.

use similar::{DiffOp, TextDiff};
use std::ops::Range;

/// What a word of the diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Same,
    Deleted,
    Inserted,
}

/// A paragraph break inside the token lists.
const BREAK: &str = "\n";

fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (i, paragraph) in text.split("\n\n").enumerate() {
        if i > 0 {
            out.push(BREAK);
        }
        out.extend(paragraph.split_whitespace());
    }
    out
}

/// The words of `after` against `before`, by paragraph: deletions before insertions in each
/// changed run.
pub fn paragraphs(before: &str, after: &str) -> Vec<Vec<(Change, String)>> {
    let (old, new) = (tokens(before), tokens(after));
    let diff = TextDiff::from_slices(&old, &new);
    let mut out: Vec<Vec<(Change, String)>> = vec![Vec::new()];
    let mut push = |change: Change, word: &str| {
        if word == BREAK {
            // A paragraph break that is kept or added starts a paragraph; a deleted one joins.
            if change != Change::Deleted {
                out.push(Vec::new());
            }
        } else {
            out.last_mut().expect("one paragraph").push((change, word.to_string()));
        }
    };
    for op in diff.ops() {
        match *op {
            DiffOp::Equal { new_index, len, .. } => {
                new[new_index..new_index + len].iter().for_each(|w| push(Change::Same, w))
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                old[old_index..old_index + old_len].iter().for_each(|w| push(Change::Deleted, w))
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                new[new_index..new_index + new_len].iter().for_each(|w| push(Change::Inserted, w))
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                old[old_index..old_index + old_len].iter().for_each(|w| push(Change::Deleted, w));
                new[new_index..new_index + new_len].iter().for_each(|w| push(Change::Inserted, w));
            }
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

/// A line of words as text, with the byte ranges of its marked runs (markers included).
pub fn render(words: &[(Change, String)]) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let kind = words[i].0;
        let run = words[i..].iter().take_while(|(c, _)| *c == kind).count();
        if !text.is_empty() {
            text.push(' ');
        }
        let joined: Vec<&str> = words[i..i + run].iter().map(|(_, w)| w.as_str()).collect();
        let start = text.len();
        match kind {
            Change::Same => text.push_str(&joined.join(" ")),
            Change::Deleted => text.push_str(&format!("[-{}-]", joined.join(" "))),
            Change::Inserted => text.push_str(&format!("{{+{}+}}", joined.join(" "))),
        }
        if kind != Change::Same {
            ranges.push(start..text.len());
        }
        i += run;
    }
    (text, ranges)
}

/// A paragraph's words wrapped to `width` cells: words are never split (a word wider than
/// the line gets a line of its own), markers balanced on each line.
pub fn wrap(words: &[(Change, String)], width: usize) -> Vec<(String, Vec<Range<usize>>)> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let mut end = start + 1;
        while end < words.len() && crate::text::width(&render(&words[start..=end]).0) <= width {
            end += 1;
        }
        lines.push(render(&words[start..end]));
        start = end;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(before: &str, after: &str) -> String {
        paragraphs(before, after).iter().map(|p| render(p).0).collect::<Vec<_>>().join(" ¶ ")
    }

    #[test]
    fn runs_of_words_are_grouped() {
        assert_eq!(
            marked("Le bilan est de 500 morts selon la police.", "Le bilan est de 512 morts selon les autorités."),
            "Le bilan est de [-500-] {+512+} morts selon [-la police.-] {+les autorités.+}"
        );
        assert_eq!(marked("un deux", "un deux\n\ntrois quatre"), "un deux ¶ {+trois quatre+}");
    }

    #[test]
    fn wrapping_keeps_words_whole_and_markers_balanced() {
        let p = &paragraphs("alpha beta gamma delta", "alpha epsilonepsilon zeta eta theta delta")[0];
        for width in [6, 10, 14, 20, 40] {
            for (line, ranges) in wrap(p, width) {
                for w in line.split(' ') {
                    let bare = w.trim_start_matches("[-").trim_start_matches("{+").trim_end_matches("-]");
                    let bare = bare.trim_end_matches("+}");
                    assert!(
                        ["alpha", "beta", "gamma", "delta", "epsilonepsilon", "zeta", "eta", "theta"].contains(&bare),
                        "{width}: {line:?} splits a word"
                    );
                }
                for r in ranges {
                    let run = &line[r];
                    assert!(
                        (run.starts_with("[-") && run.ends_with("-]"))
                            || (run.starts_with("{+") && run.ends_with("+}")),
                        "{run}"
                    );
                }
            }
        }
    }
}
