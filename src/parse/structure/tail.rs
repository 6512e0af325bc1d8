//! The site's footer run into the last post. A copy or dump of a page goes on past the feed:
//! "load more", the video and most-read rails, then the footer's links (`Impressum`,
//! `Datenschutz`, `Contact us`), all short lines under the oldest post with nothing to mark
//! where the post ends. Where a run of short lines closes the last post and holds two of the
//! footer's links (`assets/site_footer.txt`), the run from its first link is page furniture,
//! with the video rail right above it (`Videos`, `Video01:32 Title`): it goes to `--explain` as
//! `site-footer`, not into the post. Short lines above that — a kick-off table, the author, a
//! most-read rail — stay: nothing tells a rail's items from a post's last lines.

use crate::model::{DroppedLine, Span, Story, fold};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A line longer than this, or ending a sentence, is the post's own text.
const SHORT: usize = 80;
/// How many footer links the run must hold.
const LINKS: usize = 2;

static FOOTER: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../../../assets/site_footer.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(fold)
        .collect()
});

/// A line of the footer's run: short and no sentence (the copyright line may end as one).
fn short(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= SHORT && (!line.ends_with(['.', '!', '?']) || copyright(line))
}

/// Whether `line` is one of the footer's links or its copyright line, a list bullet before it
/// set aside.
fn footer_link(line: &str) -> bool {
    let bare = line.trim().trim_start_matches(['•', '*', '-', '–', '·', '+']).trim();
    FOOTER.contains(&fold(bare)) || copyright(bare)
}

/// A video or podcast of a rail with its running time (`Video01:32 Title`, `• Podcast 48:05`),
/// or a one-word heading over them (`Videos`, `Watch`).
fn media_rail(line: &str) -> bool {
    static MEDIA: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^(?:video|vidéo|vídeo|podcast|audio)\s?\d{1,2}:\d{2}").expect("media regex"));
    let bare = line.trim().trim_start_matches(['•', '*', '-', '–', '·', '+']).trim();
    MEDIA.is_match(bare) || (bare.split_whitespace().count() == 1 && !bare.contains(|c: char| c.is_ascii_digit()))
}

fn copyright(line: &str) -> bool {
    line.starts_with('©') || line.get(..9).is_some_and(|w| w.eq_ignore_ascii_case("copyright"))
}

/// Cuts the footer's run from the post that ends lowest on the page.
pub(crate) fn cut_footer(story: &mut Story) {
    let Some(last) = (0..story.entries.len()).max_by_key(|&i| story.entries[i].body.last().map_or(0, |s| s.end)) else {
        return;
    };
    let body = &story.entries[last].body;
    let run = body.iter().rev().take_while(|s| short(story.str(**s))).count();
    let run_from = body.len() - run;
    let Some(first_link) = (run_from..body.len()).find(|&i| footer_link(story.str(body[i]))) else { return };
    if body[first_link..].iter().filter(|s| footer_link(story.str(**s))).count() < LINKS {
        return;
    }
    let mut from = first_link;
    while from > run_from && media_rail(story.str(body[from - 1])) {
        from -= 1;
    }
    // The post keeps at least one paragraph.
    if from == 0 {
        return;
    }
    let cut = body[from].start;
    let entry = &mut story.entries[last];
    let mut gone: Vec<Span> = entry.body.split_off(from);
    for part in [&mut entry.captions, &mut entry.links] {
        gone.extend(part.iter().filter(|s| s.start >= cut));
        part.retain(|s| s.start < cut);
    }
    drop_cut(story, cut, gone, "site-footer");
}

/// Records the spans cut from a post (at or after byte `cut`) as dropped by `rule`, each with
/// its line number — counted once, from the cut to each span.
pub(super) fn drop_cut(story: &mut Story, cut: u32, mut gone: Vec<Span>, rule: &str) {
    gone.sort_by_key(|s| s.start);
    let newlines = |text: &[u8]| text.iter().filter(|&&b| b == b'\n').count() as u32;
    let mut line = 1 + newlines(&story.text.as_bytes()[..cut as usize]);
    let mut at = cut as usize;
    for span in gone {
        line += newlines(&story.text.as_bytes()[at..span.start as usize]);
        at = span.start as usize;
        story.dropped.push(DroppedLine { line, rule: rule.into(), span });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Rules, parse_text};
    use std::path::PathBuf;

    const PAGE: &str = "Maltempo a Bologna, la diretta\n\n\
        09:14\nRiaprono le strade\n\
        Il Comune di Bologna ha riaperto via Saffi e via Andrea Costa dopo la notte di allerta, ma restano chiuse le strade lungo il torrente.\n\n\
        07:30\nAllerta prorogata\n\
        La Protezione civile ha prorogato l'allerta rossa fino alla mezzanotte di domenica su tutta la fascia collinare tra Bologna e Ravenna.\n\
        Mostra altri aggiornamenti\n\
        Video00:58Le immagini di via Saffi\n\
        Chi siamo\nContatti\nPrivacy\nRedazione\n";

    fn bodies(story: &Story) -> Vec<Vec<&str>> {
        story.entry_refs().map(|e| e.body().collect()).collect()
    }

    #[test]
    fn the_footer_under_the_last_post_goes_to_explain() {
        let story = parse_text(PathBuf::from("p.txt"), PAGE.to_string(), Rules::embedded());
        let b = bodies(&story);
        assert_eq!(b.len(), 2, "{b:?}");
        assert!(b[1][0].starts_with("La Protezione civile"));
        let footer: Vec<(u32, &str)> =
            story.dropped.iter().filter(|d| d.rule == "site-footer").map(|d| (d.line, story.str(d.span))).collect();
        assert_eq!(footer.first(), Some(&(11, "Video00:58Le immagini di via Saffi")), "{footer:?}");
        assert_eq!(b[1].len(), 2, "`load more` is no footer link: {b:?}");
        assert_eq!(footer.last(), Some(&(15, "Redazione")), "{footer:?}");
    }

    #[test]
    fn short_lines_closing_a_post_without_the_footers_links_stay() {
        let results =
            PAGE.replace("Chi siamo\nContatti\nPrivacy\nRedazione\n", "1. Odermatt 2:21.54\n2. Meillard +0.34\n");
        let story = parse_text(PathBuf::from("p.txt"), results, Rules::embedded());
        assert!(bodies(&story)[1].contains(&"2. Meillard +0.34"));
        assert!(story.dropped.iter().all(|d| d.rule != "site-footer"));
        // One link is not a footer.
        let one = PAGE.replace("Chi siamo\nContatti\nPrivacy\n", "");
        let story = parse_text(PathBuf::from("p.txt"), one, Rules::embedded());
        assert!(story.dropped.iter().all(|d| d.rule != "site-footer"));
    }

    #[test]
    fn a_table_and_an_author_closing_the_post_stay_above_the_footer() {
        let page = PAGE.replace(
            "Mostra altri aggiornamenti\n",
            "Achtelfinals am Samstag\n18:00 Schweiz – Italien Berlin\nvon Marco Keller\nVideos\n",
        );
        let story = parse_text(PathBuf::from("p.txt"), page, Rules::embedded());
        let b = bodies(&story);
        assert_eq!(b[1].last(), Some(&"von Marco Keller"), "{b:?}");
        let footer: Vec<&str> =
            story.dropped.iter().filter(|d| d.rule == "site-footer").map(|d| story.str(d.span)).collect();
        assert_eq!(footer.first(), Some(&"Videos"), "{footer:?}");
    }

    #[test]
    fn footer_links_are_whole_lines_behind_a_bullet() {
        assert!(footer_link("• Chi siamo") && footer_link("* Impressum") && footer_link("Contact Us"));
        assert!(footer_link("Copyright © Moneycontroller Ltd. All rights reserved."));
        assert!(short("© 2024 Example Media Ltd. All rights reserved."));
        assert!(!footer_link("Contact the council if your road is flooded"));
    }
}
