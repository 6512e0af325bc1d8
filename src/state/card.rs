//! The story card: the page's own header — title, outlet, byline and date, lead paragraph,
//! links and source address — shown in the text pane above the first entry of the timeline
//! (the top row, newest or oldest first) and whenever the story list has the focus, so what
//! the page says before its first post is readable too.

use super::{Pane, Reader};
use crate::model::Story;
use crate::text_lines::{LineStyle, TextLine, wrap};

impl Reader {
    /// Whether the text pane shows the story card above the entry: on a story (not "All
    /// stories") with something to show, when the story list has the focus or the top row
    /// of the timeline is selected.
    pub fn shows_card(&self) -> bool {
        let (Some(story), Some(view)) = (self.story(), self.view()) else { return false };
        if self.all || !has_card(story) {
            return false;
        }
        self.focus == Pane::Stories || view.selected_position() == Some(0)
    }
}

/// A story has a card when its page says more than its title.
fn has_card(story: &Story) -> bool {
    !story.summary.is_empty() || story.byline.is_some() || story.url.is_some() || !story.links.is_empty()
}

/// The card's lines at `width` cells, ending with a rule that sets the entry apart.
pub(super) fn card_lines(story: &Story, width: u16) -> Vec<TextLine> {
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    let mut push = |style: LineStyle, text: &str| {
        for line in wrap(text, width) {
            out.push(TextLine { style, text: line, highlights: Vec::new() });
        }
    };
    if !story.title.is_empty() {
        push(LineStyle::Headline, &story.title);
    }
    let mut meta: Vec<String> = story.outlet.iter().cloned().collect();
    if let Some(by) = story.byline {
        meta.push(story.str(by).to_string());
    }
    if let Some(d) = story.date() {
        meta.push(d.format("%a %-d %b %Y").to_string());
    }
    if !meta.is_empty() {
        push(LineStyle::Meta, &meta.join(" · "));
    }
    for p in story.summary() {
        push(LineStyle::Blank, "");
        push(LineStyle::Body, &p);
    }
    let links: Vec<&str> = story.links.iter().map(|l| story.str(*l)).collect();
    if !links.is_empty() || story.url.is_some() {
        push(LineStyle::Blank, "");
    }
    for l in links {
        push(LineStyle::Link, &format!("→ {l}"));
    }
    if let Some(url) = &story.url {
        push(LineStyle::Link, &format!("source: {url}"));
    }
    out.push(TextLine { style: LineStyle::Caption, text: "─".repeat(width), highlights: Vec::new() });
    out
}
