//! Pages with no time lines: untimed entries split at subheadings, under a title taken from
//! the first headline-like line or, failing that, the first sentence.

use super::section::{Part, Section};
use super::shapes::{BYLINE, headline_like, is_credit, is_link};
use crate::model::{DroppedLine, Entry, Span, Story};
use crate::parse::lines::{Kind, Line};

/// A page without time lines: untimed entries split at subheadings.
pub(super) fn build_untimed(story: &mut Story, text: &str, lines: &[Line], dropped: &mut Vec<DroppedLine>) {
    let s = |l: &Line| &text[l.span.start as usize..l.span.end as usize];
    let mut title: Option<Span> = None;
    let mut sections: Vec<(Option<&Line>, Section)> = vec![(None, Section::new(text))];
    let mut after_break = true;
    for (i, line) in lines.iter().enumerate() {
        match line.kind {
            Kind::Blank | Kind::Dropped | Kind::Furniture(_) => {
                after_break = true;
                continue;
            }
            Kind::Time | Kind::Text | Kind::DayHeader | Kind::Link => {}
        }
        let t = s(line);
        let was_break = std::mem::replace(&mut after_break, false);
        if dropped.iter().any(|d| d.line == line.number) {
            continue;
        }
        if story.byline.is_none() && BYLINE.is_match(t) {
            story.byline = Some(line.span);
            continue;
        }
        let headline = line.kind != Kind::Link && headline_like(t) && !is_credit(t) && !is_link(t);
        let next = lines[i + 1..].iter().find(|l| !matches!(l.kind, Kind::Blank | Kind::Dropped | Kind::Furniture(_)));
        let repeated = next.is_some_and(|n| s(n).starts_with(t));
        if title.is_none() {
            if headline && !repeated {
                title = Some(line.span);
                continue;
            }
            if !headline {
                story.title = derived_title(t);
                title = Some(Span::default());
            }
        }
        let paragraph_follows = next.is_some_and(|n| !headline_like(s(n)));
        if headline && was_break && paragraph_follows && !repeated && t.chars().count() <= 100 {
            sections.push((Some(line), Section::new(text)));
            continue;
        }
        sections.last_mut().expect("one section").1.push(line);
    }
    if let Some(t) = title.filter(|t| !t.is_empty()) {
        story.title = text[t.start as usize..t.end as usize].to_string();
    }
    for (heading, mut section) in sections {
        if heading.is_none() && section.parts.is_empty() {
            continue;
        }
        let body = section.take(Part::Body);
        let captions = section.take(Part::Caption);
        let links = section.take(Part::Link);
        dropped.append(&mut section.dropped);
        // Captions and links of a page with no text at all still belong somewhere.
        if heading.is_none() && body.is_empty() {
            story.captions.extend(captions);
            story.links.extend(links);
            continue;
        }
        story.entries.push(Entry {
            headline: heading.map(|h| h.span),
            body,
            captions,
            links,
            line: heading.map_or(0, |h| h.number),
            ..Entry::default()
        });
    }
}

/// A title for a page that has no headline-like line: its first sentence, shortened.
fn derived_title(paragraph: &str) -> String {
    let sentence = paragraph.split_inclusive(". ").next().unwrap_or(paragraph).trim();
    if sentence.chars().count() <= 100 {
        return sentence.trim_end_matches('.').to_string();
    }
    let mut out = String::new();
    for word in sentence.split_whitespace() {
        if out.chars().count() + word.chars().count() > 90 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim_end_matches([',', ';', ':']).to_string() + "…"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_titles_are_short() {
        let t = derived_title(
            "Le président du Kazakhstan, pays d’Asie centrale allié de la Russie, a ordonné vendredi de « prendre des mesures urgentes » pour protéger.",
        );
        assert!(t.chars().count() <= 91, "{t}");
        assert!(t.ends_with('…'));
    }
}
