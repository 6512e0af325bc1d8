//! The DOM → lines, the way a browser lays out text: block elements break lines (paragraphs
//! and headings with a blank line around them, as a browser's copied text has), inline
//! elements are separated rather than glued, white space collapses. Page furniture (navigation,
//! the site's header and footer, asides, forms, dialogs, hidden elements) is left out and
//! recorded with its rule for `--explain`; code, styles and embedded media are left out silently.
//! A `<time>` that starts its block goes on a line of its own with its `datetime` as a hint;
//! headings and the first line of each post are hinted too.

use super::dom::Element;
use super::dom::{Edge, Node, NodeId, NodeRef};
use super::elements::{clock_only, has_descendant, in_link_elsewhere, post_like, relative_before_clock, relative_only};
use super::meta;

mod left_out;
use crate::parse::page::{Furniture, HintKind, LineHint};

/// What the renderer hands back.
#[derive(Debug, Default)]
pub(crate) struct Rendered {
    pub text: String,
    pub hints: Vec<LineHint>,
    pub h1: Option<String>,
    pub furniture: Vec<Furniture>,
}

/// What to undo when an element closes.
#[derive(Default)]
struct Frame {
    breaks_after: u8,
    time: bool,
    /// The heading's level and where its text starts in the output.
    heading: Option<(u8, usize)>,
    context: bool,
    pre: bool,
    figure: bool,
    inline: bool,
}

struct Renderer {
    out: String,
    line: u32,
    at_line_start: bool,
    pending_breaks: u8,
    pending_space: bool,
    after_inline: bool,
    pending: Vec<HintKind>,
    hints: Vec<LineHint>,
    stack: Vec<Frame>,
    /// Depth of `article`, `main` and post-like elements: a `header` inside them is the post's.
    context: u32,
    pre: u32,
    /// Inside a `figure` that has no `figcaption`, whose image's alt text stands in for one.
    alt_wanted: bool,
    h1: Option<String>,
    furniture: Vec<Furniture>,
    /// Inside a clock-only element: its trailing `:` or `-` is left out.
    trim_clock: bool,
}

pub(crate) fn render(root: NodeRef<'_>) -> Rendered {
    let mut r = Renderer {
        out: String::new(),
        line: 1,
        at_line_start: true,
        pending_breaks: 0,
        pending_space: false,
        after_inline: false,
        pending: Vec::new(),
        hints: Vec::new(),
        stack: Vec::new(),
        context: 0,
        pre: 0,
        alt_wanted: false,
        h1: None,
        furniture: Vec::new(),
        trim_clock: false,
    };
    let mut skipping: Option<NodeId> = None;
    let mut walk = root.traverse();
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) if r.trim_clock => {
                        let t = t.trim_end().trim_end_matches([':', '-', '–', '|']);
                        r.text(t);
                    }
                    Node::Text(t) => r.text(t),
                    Node::Element(el) => {
                        if let Some(rule) = r.dropped(node, el) {
                            if let Some(rule) = rule {
                                r.record(rule, node);
                            }
                            skipping = Some(node.id());
                            // Nothing under it is read: the walk goes straight to its close.
                            walk.close_now(node);
                        } else {
                            r.open(node, el);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                        r.after_inline = true;
                    }
                    continue;
                }
                if node.value().is_element() {
                    r.close();
                }
            }
        }
    }
    Rendered { text: r.out, hints: r.hints, h1: r.h1, furniture: r.furniture }
}

fn block_breaks(name: &str) -> Option<u8> {
    Some(match name {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "figure" | "hr" | "table" | "ul" | "ol"
        | "dl" | "pre" => 2,
        "address" | "article" | "aside" | "body" | "center" | "dd" | "details" | "dir" | "div" | "dt" | "fieldset"
        | "figcaption" | "footer" | "header" | "hgroup" | "html" | "legend" | "li" | "main" | "menu" | "nav"
        | "section" | "summary" | "tr" | "caption" | "option" => 1,
        _ => return None,
    })
}

impl Renderer {
    fn open(&mut self, node: NodeRef<'_>, el: &Element) {
        let name = el.name();
        let mut frame = Frame::default();
        if let Some(n) = block_breaks(name) {
            self.brk(n);
            frame.breaks_after = n;
        } else if matches!(name, "td" | "th") {
            self.pending_space = true;
        } else {
            frame.inline = true;
            if self.after_inline {
                self.pending_space = true;
            }
        }
        match name {
            "br" => {
                if self.at_line_start && self.pending_breaks == 0 {
                    self.pending_breaks = 2;
                } else {
                    self.brk(1);
                }
            }
            "span" | "a" | "strong" | "b" | "em" | "small" | "abbr" | "p"
                if (self.at_line_start || self.pending_breaks > 0) && clock_only(node) =>
            {
                self.brk(1);
                self.pending.retain(|h| !matches!(h, HintKind::Time { .. }));
                self.pending.push(HintKind::Time { instant: None });
                frame.time = true;
                frame.breaks_after = 1;
                self.trim_clock = true;
            }
            "time"
                if (self.at_line_start
                    || self.pending_breaks > 0
                    || self.after_label()
                    || (el.attr("datetime").is_some() && relative_only(node)))
                    && !in_link_elsewhere(node) =>
            {
                let instant = el.attr("datetime").and_then(meta::when);
                self.pending.retain(|h| !matches!(h, HintKind::Time { .. }));
                if self.after_label() {
                    // `Key Event 18:56`: the badge stays on the time's line, as the copy has it.
                    self.hints.push(LineHint { line: self.line, kind: HintKind::Time { instant } });
                } else {
                    self.brk(1);
                    self.pending.push(HintKind::Time { instant });
                }
                frame.time = true;
                frame.breaks_after = u8::from(!relative_before_clock(node));
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name.as_bytes()[1] - b'0';
                self.pending.push(HintKind::Heading(level));
                frame.heading = Some((level, self.out.len()));
            }
            "pre" | "textarea" => {
                self.pre += 1;
                frame.pre = true;
            }
            "figure" => {
                frame.figure = true;
                self.alt_wanted = !has_descendant(node, &["figcaption"]);
            }
            "img" if self.alt_wanted => {
                if let Some(alt) = el.attr("alt").filter(|a| !a.trim().is_empty()) {
                    self.alt_wanted = false;
                    self.brk(1);
                    self.text(alt);
                    self.brk(1);
                }
            }
            _ => {}
        }
        if name == "article" || name == "main" || post_like(el) {
            frame.context = true;
            self.context += 1;
            if name != "main" {
                self.brk(1);
                if !self.pending.contains(&HintKind::PostStart) {
                    self.pending.push(HintKind::PostStart);
                }
            }
        }
        self.after_inline = false;
        self.stack.push(frame);
    }

    fn close(&mut self) {
        let Some(frame) = self.stack.pop() else { return };
        if frame.time {
            self.trim_clock = false;
            // A time that showed nothing must not stamp the next line.
            self.pending.retain(|h| !matches!(h, HintKind::Time { .. }));
        }
        if let Some((level, start)) = frame.heading {
            self.pending.retain(|h| !matches!(h, HintKind::Heading(_)));
            if level == 1 && self.h1.is_none() {
                let text = self.out[start..].split_whitespace().collect::<Vec<_>>().join(" ");
                self.h1 = Some(text).filter(|t| !t.is_empty());
            }
        }
        if frame.context {
            self.context -= 1;
        }
        if frame.pre {
            self.pre -= 1;
        }
        if frame.figure {
            self.alt_wanted = false;
        }
        if frame.breaks_after > 0 {
            self.brk(frame.breaks_after);
        }
        self.after_inline = frame.inline;
    }

    /// Whether the line so far is only a post's label (`Key Event`, `Pinned post`, `DONE DEAL`).
    fn after_label(&self) -> bool {
        let start = self.out.rfind('\n').map_or(0, |i| i + 1);
        !self.at_line_start && self.pending_breaks == 0 && {
            let line = &self.out[start..];
            crate::parse::time::post_label::is_label(line) || crate::parse::time::badge::is_badge(line)
        }
    }

    fn brk(&mut self, n: u8) {
        if !self.at_line_start || self.pending_breaks > 0 {
            self.pending_breaks = self.pending_breaks.max(n);
        }
        self.pending_space = false;
    }

    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            for c in text.chars() {
                if c == '\n' {
                    self.brk(1);
                    self.pending_breaks += u8::from(self.at_line_start && self.pending_breaks == 0);
                } else if c == '\r' {
                    self.pending_space = true;
                } else {
                    self.put(c);
                }
            }
        } else {
            // One pass over the bytes finds the words and whether each is plain ASCII (the
            // separators are ASCII, so every cut falls between characters).
            let (mut start, mut plain) = (0, true);
            for (i, &b) in text.as_bytes().iter().enumerate() {
                if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                    self.word(&text[start..i], plain);
                    self.pending_space = true;
                    (start, plain) = (i + 1, true);
                } else {
                    plain &= (0x20..0x7f).contains(&b);
                }
            }
            self.word(&text[start..], plain);
        }
        self.after_inline = false;
    }

    /// A run without white space: its first character settles breaks, hints and spacing, the
    /// rest follow it as they are (a page's text is mostly such runs of plain ASCII, `plain`).
    fn word(&mut self, word: &str, plain: bool) {
        if plain {
            if let Some(first) = word.bytes().next() {
                self.put(char::from(first));
                self.out.push_str(&word[1..]);
            }
            return;
        }
        let mut chars = word.chars().filter(|c| !crate::decode::is_unsafe_char(*c));
        if let Some(first) = chars.next() {
            self.put(first);
            self.out.extend(chars);
        }
    }

    fn put(&mut self, c: char) {
        // Character references can spell control characters the decoder never saw.
        if crate::decode::is_unsafe_char(c) {
            return;
        }
        if self.pending_breaks > 0 {
            if !self.out.is_empty() {
                for _ in 0..self.pending_breaks {
                    self.out.push('\n');
                }
                self.line += u32::from(self.pending_breaks);
            }
            self.pending_breaks = 0;
            self.at_line_start = true;
        }
        if self.at_line_start {
            self.at_line_start = false;
            self.pending_space = false;
            for kind in self.pending.drain(..) {
                self.hints.push(LineHint { line: self.line, kind });
            }
        } else if self.pending_space {
            self.out.push(' ');
        }
        self.pending_space = false;
        self.out.push(c);
    }
}
