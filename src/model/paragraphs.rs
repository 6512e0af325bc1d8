//! An entry's paragraphs as a person reads them. A text dump (w3m, lynx) wraps each paragraph
//! over lines of its width; the parser keeps each line as a span of the file, so that line
//! numbers and `--explain` stay the file's, and the reader joins a paragraph's lines again here
//! for the text pane and for export.

use super::{Span, Story};
use std::borrow::Cow;

/// How far short of the widest line a dump may break one: lynx breaks its lines up to five
/// columns before the width its widest line reaches; w3m fills to the width.
const SLACK: usize = 5;

/// The paragraphs of the lines `spans` of `story`: a line joins the one above it when the
/// story is a dump wrapped at a known width, the line stands right under the other, and its
/// first word would not have fitted on it (the dump broke the line there, not the page).
pub(super) fn joined<'a>(story: &'a Story, spans: &[Span]) -> Vec<Cow<'a, str>> {
    let mut out: Vec<Cow<'a, str>> = Vec::with_capacity(spans.len());
    let mut above: Option<Span> = None;
    for &span in spans {
        let line = story.str(span);
        match (story.wrap_width, above, out.last_mut()) {
            (Some(width), Some(above), Some(last)) if carries_on(&story.text, above, span, width) => {
                let paragraph = last.to_mut();
                paragraph.push(' ');
                paragraph.push_str(line.trim_start());
            }
            _ => out.push(Cow::Borrowed(line)),
        }
        above = Some(span);
    }
    out
}

/// Whether the line at `next` carries on the one at `above`: nothing but the line break and
/// indentation between them, and the first word of `next` past the width (less [`SLACK`]) on
/// `above`'s line.
fn carries_on(text: &str, above: Span, next: Span, width: u16) -> bool {
    let Some(between) = text.get(above.end as usize..next.start as usize) else { return false };
    let breaks = between.bytes().filter(|&b| b == b'\n').count();
    if breaks != 1 || !between.bytes().all(|b| matches!(b, b'\n' | b'\r' | b' ' | b'\t')) {
        return false;
    }
    let line_start = text[..above.start as usize].rfind('\n').map_or(0, |i| i + 1);
    let shown = text[line_start..above.end as usize].chars().count();
    let word = text[next.start as usize..next.end as usize].split_whitespace().next().unwrap_or("");
    !word.is_empty() && shown + 1 + word.chars().count() + SLACK > usize::from(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(text: &str, width: Option<u16>) -> (Story, Vec<Span>) {
        let mut spans = Vec::new();
        let mut at = 0;
        for line in text.split('\n') {
            let start = at + (line.len() - line.trim_start().len());
            if !line.trim().is_empty() {
                spans.push(Span { start: start as u32, end: (at + line.trim_end().len()) as u32 });
            }
            at += line.len() + 1;
        }
        (Story { text: text.to_string(), wrap_width: width, ..Story::default() }, spans)
    }

    const DUMP: &str = "Il Comune di Bologna ha riaperto via Saffi e via Andrea Costa dopo la notte di\n\
                        allerta, ma restano chiuse le strade lungo il torrente Ravone.\n\
                        \n\
                        Le scuole resteranno chiuse anche lunedì in tutta la città metropolitana,\n\
                        mentre i treni circolano con ritardi.\n\
                        Short line.\n\
                        Another short line.";

    #[test]
    fn a_dumps_wrapped_lines_are_one_paragraph_and_short_lines_stay_apart() {
        let (s, spans) = story(DUMP, Some(80));
        let got = joined(&s, &spans);
        assert_eq!(
            got,
            [
                "Il Comune di Bologna ha riaperto via Saffi e via Andrea Costa dopo la notte di allerta, ma \
                 restano chiuse le strade lungo il torrente Ravone.",
                "Le scuole resteranno chiuse anche lunedì in tutta la città metropolitana, mentre i treni \
                 circolano con ritardi.",
                "Short line.",
                "Another short line.",
            ]
        );
    }

    #[test]
    fn indented_lines_join_without_their_indentation_and_text_not_dumped_stays_as_it_is() {
        let indented = "   The council closed Main Street and three bridges over the river this\n   \
                        morning after the water rose.";
        let (s, spans) = story(indented, Some(76));
        assert_eq!(
            joined(&s, &spans),
            ["The council closed Main Street and three bridges over the river this morning after the water rose."]
        );
        let (copy, spans) = story(DUMP, None);
        assert_eq!(joined(&copy, &spans).len(), spans.len());
    }
}
