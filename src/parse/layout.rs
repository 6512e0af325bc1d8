//! From classified lines to the story's structure: header (title, datelines, lead, captions),
//! entries (time, tag, headline, body, captions, links) or, for pages with no time lines,
//! sections split at subheadings. Tags and headlines are told apart by the layout, never by a
//! list of known tags.

use super::time::{self, DatelineKind};
use super::{Kind, Line};
use crate::model::{DroppedLine, Entry, Span, Story, Tag, fold};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A short line that can stand as a title, headline or subheading: no sentence-ending full
/// stop, not too long.
pub(crate) fn headline_like(line: &str) -> bool {
    let n = line.chars().count();
    (2..=160).contains(&n)
        && !line.ends_with(['.', ',', ';', ':'])
        && !line.ends_with("...")
        && !line.ends_with('…')
        && line.chars().any(char::is_alphabetic)
}

/// A line short enough and plain enough to be a topic tag (`aide militaire`, `MARIOUPOL`).
fn tag_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line.chars().count() <= 48
        && (1..=6).contains(&words)
        && !line.ends_with(['.', '!', '?', ':', '"', '»', ',', ';'])
        && line.chars().next().is_some_and(char::is_alphabetic)
}

fn upper_case(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase)
}

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:©|\(c\)\s|(?i:crédits?\s*(?:photo)?\s*:|photo\s*:|credit\s*:|photograph\s*:)|\([^()]{2,80}/\s*(?:AFP|AP|Reuters|EPA|Getty Images?)\)$)")
        .expect("credit regex")
});

static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Voir aussi|Voir|Lire aussi|Lire|À lire aussi|A lire aussi|LIRE AUSSI|VOIR AUSSI|Related|Read more|See also|Watch)\s*:?\s+(?P<title>\S.*)$")
        .expect("link regex")
});

static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Par|By)\s+\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){1,8}$").expect("byline regex"));

fn is_credit(line: &str) -> bool {
    CREDIT.is_match(line)
}

fn is_link(line: &str) -> bool {
    LINK.is_match(line) && LINK.captures(line).is_some_and(|c| headline_like(&c["title"]))
}

static UPDATED_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:updated at|mis à jour(?: à| le [^à]{0,40} à)?)\s*(?:(?P<h>\d{1,2})\s*[h:.]\s*(?P<m>\d{2})(?:\s*(?P<ampm>[ap]m))?)?(?:\s*\S{2,4})?$")
        .expect("updated regex")
});

/// Where a piece of text of a section goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Body,
    Caption,
    Link,
}

/// Collects the text lines of a header, entry or section, spotting captions printed twice.
struct Section<'t> {
    text: &'t str,
    parts: Vec<(Part, Span)>,
    dropped: Vec<DroppedLine>,
    /// The previous text line, to spot a repeat.
    last: Option<Span>,
}

impl<'t> Section<'t> {
    fn new(text: &'t str) -> Self {
        Section { text, parts: Vec::new(), dropped: Vec::new(), last: None }
    }

    fn str(&self, span: Span) -> &'t str {
        &self.text[span.start as usize..span.end as usize]
    }

    fn push(&mut self, line: &Line) {
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

    fn take(&mut self, part: Part) -> Vec<Span> {
        self.parts.iter().filter(|(p, _)| *p == part).map(|(_, s)| *s).collect()
    }
}

/// Fills the story's title, header and entries from its lines.
pub(crate) fn build(story: &mut Story, lines: &[Line]) {
    // The text is taken out while the story's other fields are filled from it.
    let owned = std::mem::take(&mut story.text);
    build_from(story, &owned, lines);
    story.text = owned;
}

fn build_from(story: &mut Story, text: &str, lines: &[Line]) {
    let first_time = lines.iter().position(|l| l.kind == Kind::Time);
    let header_end = first_time.unwrap_or(lines.len());
    let mut tags: HashMap<String, u32> = HashMap::new();
    let mut dropped = Vec::new();

    // Header: datelines, title, lead, captions and links.
    let mut header = Section::new(text);
    let mut title: Option<Span> = None;
    for line in &lines[..header_end] {
        let s = &text[line.span.start as usize..line.span.end as usize];
        match line.kind {
            Kind::Text | Kind::Link => {}
            Kind::DayHeader => {
                dropped.push(DroppedLine { line: line.number, rule: "day-header".into(), span: line.span });
                continue;
            }
            _ => continue,
        }
        if header_dateline(story, s) || UPDATED_AT.is_match(s) {
            dropped.push(DroppedLine { line: line.number, rule: "dateline".into(), span: line.span });
            continue;
        }
        if story.zone.is_none() {
            story.zone = time::zone_statement(s);
        }
        if first_time.is_none() {
            break;
        }
        if title.is_none() && line.kind == Kind::Text && headline_like(s) && !is_credit(s) && !is_link(s) {
            title = Some(line.span);
            // BBC: "… live: Thursday 18 January 2018" dates the whole page.
            if story.published.is_none()
                && let Some(part) = time::datelines(s).first()
            {
                story.published = Some(super::dates::dateline_when(part, story.zone));
            }
            continue;
        }
        if story.byline.is_none() && BYLINE.is_match(s) {
            story.byline = Some(line.span);
            continue;
        }
        header.push(line);
    }

    if first_time.is_none() {
        build_untimed(story, text, lines, &mut dropped);
        story.dropped = dropped;
        return;
    }
    story.title = title.map(|t| text[t.start as usize..t.end as usize].to_string()).unwrap_or_default();
    story.summary = header.take(Part::Body);
    story.captions = header.take(Part::Caption);
    story.links = header.take(Part::Link);
    dropped.append(&mut header.dropped);

    // Entries: from each time line to the next.
    let mut i = header_end;
    while i < lines.len() {
        let start = i;
        i += 1;
        while i < lines.len() && lines[i].kind != Kind::Time {
            i += 1;
        }
        let entry = build_entry(story, text, &lines[start..i], &mut tags, &mut dropped);
        if story.zone.is_none() {
            story.zone = entry.zone;
        }
        story.entries.push(entry);
    }
    story.dropped = dropped;
}

/// Reads a header line as a dateline into the story's coverage; false if it is not one.
fn header_dateline(story: &mut Story, line: &str) -> bool {
    let parts = time::datelines(line);
    let Some(first) = parts.first() else {
        return false;
    };
    // A date inside a title ("… live: Thursday 18 January 2018") dates the page but the line
    // stays the title.
    let whole = parts.len() > 1
        || first.kind != DatelineKind::Plain
        || line.chars().count() <= 40
        || !line.chars().any(char::is_lowercase);
    for part in &parts {
        // A date inside a sentence (a caption's "ce 21 octobre 2024") says nothing of the page.
        if part.kind == DatelineKind::Plain && !whole {
            continue;
        }
        if story.zone.is_none() {
            story.zone = part.zone;
        }
        let when = super::dates::dateline_when(part, story.zone);
        let slot = match part.kind {
            DatelineKind::Started => &mut story.coverage_start,
            DatelineKind::Ended => &mut story.coverage_end,
            DatelineKind::Published => &mut story.published,
            DatelineKind::Updated | DatelineKind::Plain => &mut story.updated,
        };
        if slot.is_none() {
            *slot = Some(when);
        }
    }
    whole && line.chars().count() <= 120
}

fn build_entry(
    story: &mut Story,
    text: &str,
    lines: &[Line],
    tags: &mut HashMap<String, u32>,
    dropped: &mut Vec<DroppedLine>,
) -> Entry {
    let s = |l: &Line| &text[l.span.start as usize..l.span.end as usize];
    let time_line = time::clock_line(s(&lines[0])).expect("time line");
    let mut entry =
        Entry { clock: Some(time_line.clock), zone: time_line.zone, line: lines[0].number, ..Entry::default() };
    let mut tag: Option<Span> = None;
    if let Some(rest) = time_line.rest {
        let start = lines[0].span.end as usize - rest.len();
        tag = Some(Span::new(start, lines[0].span.end as usize));
    }

    let content: Vec<&Line> = lines[1..].iter().filter(|l| matches!(l.kind, Kind::Text | Kind::Link)).collect();
    let mut used = 0;
    // RFI, TF1info: a short line glued under the time, then a blank, then a headline-like
    // line (or in capitals), is a tag. The Guardian and the BBC go straight to the headline.
    if tag.is_none()
        && let (Some(first), Some(second)) = (content.first(), content.get(1))
        && lines.get(1).is_some_and(|l| std::ptr::eq(l, *first))
        && tag_like(s(first))
        && (upper_case(s(first)) || (lines.get(2).is_some_and(|l| l.kind == Kind::Blank) && headline_like(s(second))))
    {
        tag = Some(first.span);
        used = 1;
    }
    if let Some(next) = content.get(used)
        && headline_like(s(next))
        && content.len() > used + 1
        && !is_link(s(next))
        && !is_credit(s(next))
    {
        let headline = s(next);
        // BBC glues "Breaking" to the headline.
        if tag.is_none()
            && let Some(rest) = headline.strip_prefix("Breaking")
            && rest.starts_with(|c: char| c.is_uppercase())
        {
            tag = Some(Span::new(next.span.start as usize, next.span.start as usize + "Breaking".len()));
            entry.headline = Some(Span::new(next.span.start as usize + "Breaking".len(), next.span.end as usize));
        } else {
            entry.headline = Some(next.span);
        }
        used += 1;
    }
    let skip: Vec<u32> = content[..used].iter().map(|l| l.number).collect();

    let mut section = Section::new(text);
    for line in &lines[1..] {
        if skip.contains(&line.number) {
            continue;
        }
        match line.kind {
            Kind::Text | Kind::Link => {
                let t = s(line);
                if let Some(caps) = UPDATED_AT.is_match(t).then(|| UPDATED_AT.captures(t)).flatten() {
                    let ampm = caps.name("ampm").map(|m| m.as_str().to_ascii_lowercase());
                    entry.updated = caps.name("h").and_then(|h| {
                        let mut hour: u32 = h.as_str().parse().ok()?;
                        if ampm.as_deref() == Some("pm") && hour < 12 {
                            hour += 12;
                        }
                        crate::model::Clock::new(hour, caps["m"].parse().ok()?)
                    });
                    dropped.push(DroppedLine { line: line.number, rule: "updated-at".into(), span: line.span });
                    continue;
                }
                section.push(line);
            }
            Kind::DayHeader => {
                dropped.push(DroppedLine { line: line.number, rule: "day-header".into(), span: line.span })
            }
            _ => {}
        }
    }
    entry.body = section.take(Part::Body);
    entry.captions = section.take(Part::Caption);
    entry.links = section.take(Part::Link);
    dropped.append(&mut section.dropped);
    if let Some(tag) = tag {
        entry.tag = Some(tag);
        entry.tag_id = Some(intern_tag(story, tags, &text[tag.start as usize..tag.end as usize]));
    }
    entry
}

fn intern_tag(story: &mut Story, tags: &mut HashMap<String, u32>, label: &str) -> u32 {
    let key = fold(label);
    if let Some(&id) = tags.get(&key) {
        return id;
    }
    let id = story.tags.len() as u32;
    story.tags.push(Tag { label: label.to_string(), key: key.clone() });
    tags.insert(key, id);
    id
}

/// A page without time lines: untimed entries split at subheadings.
fn build_untimed(story: &mut Story, text: &str, lines: &[Line], dropped: &mut Vec<DroppedLine>) {
    let s = |l: &Line| &text[l.span.start as usize..l.span.end as usize];
    let mut title: Option<Span> = None;
    let mut sections: Vec<(Option<&Line>, Section)> = vec![(None, Section::new(text))];
    let mut after_break = true;
    for (i, line) in lines.iter().enumerate() {
        match line.kind {
            Kind::Blank | Kind::Dropped(_) => {
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
        let next = lines[i + 1..].iter().find(|l| !matches!(l.kind, Kind::Blank | Kind::Dropped(_)));
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

static OUTLETS: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<String> = include_str!("../../assets/outlets.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(regex::escape)
        .collect();
    let names = names.join("|");
    Regex::new(&format!(
        r"(?m)(?:sur\s+le\s+site(?:\s+de)?|la\s+rédaction\s+de|rédaction\s+d'|^Par\s[^\n]{{1,60}}\savec|^Source\s*:|^Avec)\s+(?P<name>{names})(?-u:\b)"
    ))
    .expect("outlet regex")
});

/// The outlet the page names, looked for in its first and last 64 KiB where pages name
/// themselves (header, byline, trailer).
pub(crate) fn find_outlet(text: &str) -> Option<String> {
    const WINDOW: usize = 64 * 1024;
    let head_end = text.floor_char_boundary(WINDOW.min(text.len()));
    let tail_start = text.ceil_char_boundary(text.len().saturating_sub(WINDOW).max(head_end));
    [&text[..head_end], &text[tail_start..]]
        .iter()
        // `find` runs the fast engines; captures only on what matched.
        .find_map(|part| OUTLETS.find(part).and_then(|m| OUTLETS.captures(m.as_str())).map(|c| c["name"].to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_and_tag_shapes() {
        assert!(headline_like("Rôle plus actif ?"));
        assert!(headline_like("INTERACTIF - QUI CONTRÔLE QUOI EN UKRAINE"));
        assert!(!headline_like("Une phrase qui se termine."));
        assert!(tag_like("élections en Moldavie"));
        assert!(tag_like("MARIOUPOL"));
        assert!(!tag_like("Le Kremlin dénonce des anomalies dans le décompte des voix"));
    }

    #[test]
    fn credits_links_bylines() {
        assert!(is_credit("© AP Photo/Efrem Lukatsky"));
        assert!(is_credit("(VANESSA CARVALHO / BRAZIL PHOTO PRESS / AFP)"));
        assert!(!is_credit("(Reuters) Le président a dit"));
        assert!(is_link("Voir Ukraine : Antonio Guterres rencontre Vladimir Poutine à Moscou"));
        assert!(is_link("Lire Russie : le chercheur français Laurent Vinatier maintenu en détention provisoire"));
        assert!(!is_link("Voir Moscou s'enfoncer dans la guerre était prévisible."));
        assert!(BYLINE.is_match("Par Franceline Beretti avec AFP"));
        assert!(!BYLINE.is_match("By pfvz8"));
    }

    #[test]
    fn derived_titles_are_short() {
        let t = derived_title(
            "Le président du Kazakhstan, pays d’Asie centrale allié de la Russie, a ordonné vendredi de « prendre des mesures urgentes » pour protéger.",
        );
        assert!(t.chars().count() <= 91, "{t}");
        assert!(t.ends_with('…'));
    }

    #[test]
    fn outlets_named_by_the_page() {
        assert_eq!(find_outlet("x\nContinuer à lire sur le site France Info\n").as_deref(), Some("France Info"));
        assert_eq!(
            find_outlet("Comme chaque jour, la rédaction de 20 Minutes est mobilisée").as_deref(),
            Some("20 Minutes")
        );
        assert_eq!(find_outlet("Par Franceline Beretti avec AFP\n").as_deref(), Some("AFP"));
        assert_eq!(find_outlet("Par\u{a0}Franceline Beretti avec\u{a0}AFP\n").as_deref(), Some("AFP"));
        assert_eq!(find_outlet("a indiqué à l'AFP un responsable").as_deref(), None);
    }
}
