//! The text lines of a header, entry or section sorted into body, captions and related links,
//! with captions printed twice (once as text, once as a caption) caught on the way.

use super::shapes::{is_credit, is_link};
use crate::model::{DroppedLine, Span};
use crate::parse::lines::{Kind, Line};

/// Where a piece of text of a section goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Body,
    Caption,
    Link,
}

/// Collects the text lines of a header, entry or section, spotting captions printed twice.
pub(super) struct Section<'t> {
    text: &'t str,
    pub parts: Vec<(Part, Span)>,
    pub dropped: Vec<DroppedLine>,
    /// The previous text line, to spot a repeat.
    last: Option<Span>,
}

impl<'t> Section<'t> {
    pub fn new(text: &'t str) -> Self {
        Section { text, parts: Vec::new(), dropped: Vec::new(), last: None }
    }

    fn str(&self, span: Span) -> &'t str {
        &self.text[span.start as usize..span.end as usize]
    }

    pub fn push(&mut self, line: &Line) {
        let s = self.str(line.span);
        if let Some(last) = self.last {
            let previous = self.str(last);
            let rest = s.strip_prefix(previous).map(str::trim);
            // "Caption" then "Caption" (or "Caption Tous droits réservés AP"): the first is a
            // caption, the copy goes.
            if rest.is_some_and(|r| r.is_empty() || is_credit(r) || r.starts_with("Tous droits")) {
                if let Some(part) = self.parts.iter_mut().rev().find(|(_, sp)| *sp == last) {
                    part.0 = Part::Caption;
                }
                self.dropped.push(DroppedLine { line: line.number, rule: "repeated-caption".into(), span: line.span });
                self.last = None;
                return;
            }
        }
        let part = if line.kind == Kind::Link || is_link(s) {
            Part::Link
        } else if is_credit(s) {
            Part::Caption
        } else {
            Part::Body
        };
        self.parts.push((part, line.span));
        self.last = Some(line.span);
    }

    pub fn take(&mut self, part: Part) -> Vec<Span> {
        self.parts.iter().filter(|(p, _)| *p == part).map(|(_, s)| *s).collect()
    }
}
