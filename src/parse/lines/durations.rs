//! Video lengths, which look like clocks (`02:31`) and stamp no post. Two things give them
//! away, neither tied to an outlet:
//!
//! - **the words around them**: a bare length right under a line that names videos or a
//!   player (`More videos`, `Guarda il video`, from `video:` in `assets/words.txt`), with no
//!   paragraph of its own before the next stamp, opens a rail — it and every length that
//!   follows with at most a short title between (or its title on its line, as w3m shows a
//!   rail: `02:31Beach crowds`) are the rail's, titles included;
//! - **the page's own clocks**: on a page whose posts print 12-hour clocks (`3:20 p.m.`), a
//!   bare `01:12` without `am`/`pm` is no post's clock.

use super::{Kind, LayoutRule, Lines, text_of};
use crate::parse::time::Shape;
use crate::parse::words::WORDS;
use regex::Regex;
use std::sync::LazyLock;

/// A line that names videos or a player, as a whole word.
static VIDEO: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = WORDS
        .lines()
        .filter_map(|l| l.trim().strip_prefix("video:"))
        .flat_map(|v| v.split('|'))
        .map(|w| regex::escape(w.trim()).replace(' ', r"\s+"))
        .filter(|w| !w.is_empty())
        .collect();
    Regex::new(&format!(r"(?i)(?:^|[^\p{{L}}])(?:{})(?:$|[^\p{{L}}])", words.join("|"))).expect("video words regex")
});

/// A line that labels a live stream (`EN DIRECT`, `Live TV`; `live-player:` in
/// `assets/words.txt`): in rails only, never for titles (`En direct` opens live headlines).
static LIVE_PLAYER: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = WORDS
        .lines()
        .filter_map(|l| l.trim().strip_prefix("live-player:"))
        .flat_map(|v| v.split('|'))
        .map(|w| regex::escape(w.trim()).replace(' ', r"\s+"))
        .filter(|w| !w.is_empty())
        .collect();
    Regex::new(&format!(r"(?i)(?:^|[^\p{{L}}])(?:{})(?:$|[^\p{{L}}])", words.join("|"))).expect("live player regex")
});

/// Whether a short line is only a player's or a video rail's label (`Video`, `Podcast`,
/// `Mehr Videos`): the line under it is that video's caption, no headline of the page.
pub(crate) fn is_player_label(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 20 && VIDEO.is_match(t) && !t.bytes().any(|b| b.is_ascii_digit())
}

/// A clock alone, as a length prints: `02:31`, `1:02:31`, `4.05`.
pub(super) static BARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}[:.]\d{2}(?::\d{2})?$").expect("bare length regex"));

/// A length with its video's title on its line, as w3m lays out a rail: `02:31Beach crowds`.
static TITLED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}[:.]\d{2}(?::\d{2})?\s*\p{L}").expect("titled length regex"));

/// A 12-hour clock on a stamp line: `3:20 p.m.`, `9.31am`.
static TWELVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\d{2}\s*[ap]\.?\s?m(?:\.|(?-u:\b))").expect("12-hour regex"));

/// Marks the video lengths among the page's stamps (`video-length` in `--explain`).
pub(super) fn video_lengths(out: &mut Lines, text: &str) {
    let s = |i: usize| text_of(text, &out.lines[i]);
    // `02:31`, `4.05`: a digit, then the separator second or third; a cheap test before the
    // stamp lookup and the regexes, run on every stamp of a page of tens of thousands.
    let looks_like_length = |i: usize| {
        let b = s(i).as_bytes();
        b.first().is_some_and(u8::is_ascii_digit)
            && (b.get(1).is_some_and(|c| b":.".contains(c)) || b.get(2).is_some_and(|c| b":.".contains(c)))
    };
    let bare = |i: usize| {
        looks_like_length(i)
            && out.lines[i].kind == Kind::Time
            && out.stamp(&out.lines[i]).is_some_and(|st| st.shape == Shape::Bare && st.unshown.is_none())
            && BARE.is_match(s(i))
    };
    let short = |i: usize| {
        let t = s(i);
        out.lines[i].kind != Kind::Time && t.chars().count() <= 80 && !t.ends_with(['.', '!', '?'])
    };
    let paragraph = |i: usize| {
        let t = s(i);
        let n = t.chars().count();
        // A dump wraps a paragraph: its first line runs on into the next, unpunctuated.
        let wrapped = n >= 50 && out.lines.get(i + 1).is_some_and(|l| l.kind == Kind::Text);
        out.lines[i].kind == Kind::Text && (n >= 60 && t.ends_with(['.', '!', '?', '"', '”', '»']) || wrapped)
    };
    let names_video =
        |i: usize| short(i) && s(i).chars().count() <= 40 && (VIDEO.is_match(s(i)) || LIVE_PLAYER.is_match(s(i)));
    // In a rail a length may carry its title (`02:31Beach crowds in Brighton`).
    let length = |i: usize| {
        bare(i)
            || looks_like_length(i)
                && out.lines[i].kind == Kind::Time
                && out.stamp(&out.lines[i]).is_some_and(|st| {
                    matches!(st.shape, Shape::Label | Shape::Inline) && st.unshown.is_none() && st.zone.is_none()
                })
                && TITLED.is_match(s(i))
    };
    // The lines with content after `i`, in order.
    let content = |i: usize| !matches!(out.lines[i].kind, Kind::Blank | Kind::Dropped | Kind::Furniture(_));
    let after = |i: usize| (i + 1..out.lines.len()).filter(move |&j| content(j));
    // Every line is in the list, the `n`-th at `n - 1`: the stamps' lines are found without a
    // pass over every line.
    let times: Vec<usize> = out
        .stamp_lines
        .iter()
        .map(|&n| n as usize - 1)
        .filter(|&i| out.lines.get(i).is_some_and(|l| l.kind == Kind::Time))
        .collect();
    debug_assert!(times.iter().all(|&i| out.lines[i].number as usize == i + 1));
    let mut marked: Vec<usize> = Vec::new();
    let mut rail_end = 0;
    for &i in &times {
        if i < rail_end || !length(i) {
            continue;
        }
        // The label may already be dropped (`Video` over a player is an image credit's word too):
        // it still names the length under it.
        let heading = (0..i)
            .rev()
            .filter(|&j| out.lines[j].kind != Kind::Blank)
            .take(2)
            .take_while(|&p| out.lines[p].kind != Kind::Time)
            .find(|&p| names_video(p));
        let own_text = after(i).take_while(|&n| out.lines[n].kind != Kind::Time).take(3);
        if heading.is_none() || own_text.into_iter().any(paragraph) {
            continue;
        }
        marked.extend(heading.filter(|&p| content(p)));
        // The rail: lengths with at most a short title after each.
        let mut at = Some(i);
        while let Some(item) = at.filter(|&l| length(l)) {
            // A clock whose short line is followed by a paragraph is a post's stamp and
            // headline: the rail ended above it.
            let titled = after(item).next().filter(|&t| bare(item) && short(t));
            if item != i && titled.and_then(|t| after(t).next()).is_some_and(paragraph) {
                break;
            }
            marked.push(item);
            rail_end = item + 1;
            at = after(item).next();
            // A length that carries its title on its line has no title below.
            if let Some(title) = at.filter(|&t| bare(item) && short(t)) {
                marked.push(title);
                rail_end = title + 1;
                at = after(title).next();
            }
        }
    }
    // Lengths among 12-hour clocks (posts stamped `5 min ago` print none).
    let bares: Vec<usize> = times.iter().copied().filter(|&i| bare(i)).collect();
    if bares.is_empty() {
        return mark(out, marked);
    }
    let shown = times.iter().filter(|&&i| out.stamp(&out.lines[i]).is_some_and(|st| st.unshown.is_none())).count();
    let twelve = times.iter().filter(|&&i| TWELVE.is_match(s(i))).count();
    if twelve >= 3 && twelve + bares.len() == shown && bares.len() * 3 <= twelve {
        marked.extend(bares);
    }
    mark(out, marked);
}

fn mark(out: &mut Lines, marked: Vec<usize>) {
    for i in marked {
        out.lines[i].kind = Kind::Furniture(LayoutRule::VideoLength);
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::lines::{Kind, LayoutRule, classify};
    use crate::parse::rules::Rules;

    fn kinds(text: &str) -> Vec<Kind> {
        classify(text, Rules::embedded(), &[]).lines.iter().map(|l| l.kind).collect()
    }

    #[test]
    fn a_length_under_a_dropped_video_label_is_no_post_even_before_a_wrapped_paragraph() {
        // `Video` alone is also an image credit's word, dropped as such; a dump wraps the
        // next post's paragraph, which still ends the rail.
        let text = "Maltempo, la diretta\n\nVideo\n\n00:48\n\nLe immagini dal drone su Faenza\n\n21:48\n\n\
                    Evacuate 300 persone a Faenza\n\nIl sindaco di Faenza ha firmato l'ordinanza di evacuazione per circa 300\n\
                    persone che vivono nelle zone vicine al Lamone.\n\n20:15\n\nMusumeci\n\n\
                    Il ministro ha detto che il governo è pronto a dichiarare lo stato di emergenza.\n";
        let k = kinds(text);
        assert_eq!(k[4], Kind::Furniture(LayoutRule::VideoLength), "{k:?}");
        assert_eq!((k[8], k[15]), (Kind::Time, Kind::Time), "{k:?}");
    }

    #[test]
    fn a_live_streams_elapsed_time_is_no_post_but_a_post_under_the_label_is() {
        let text = "Tempête Ciarán\nBFMTV en direct\nEN DIRECT\n00:42\nCe qu'il faut savoir\nRafales à 207 km/h\n\
                    11:36\nUn mort dans l'Aisne\nUn automobiliste est mort après la chute d'un arbre sur son véhicule.\n";
        let k = kinds(text);
        assert_eq!(k[3], Kind::Furniture(LayoutRule::VideoLength), "{k:?}");
        assert_eq!(k[6], Kind::Time, "{k:?}");
        // A post's clock under the label, its paragraph below, stays a post.
        let text = "Tempête Ciarán\nEN DIRECT\n11:36\nUn mort dans l'Aisne\n\
                    Un automobiliste est mort après la chute d'un arbre sur son véhicule.\n\
                    09:58\nEnedis\nEnedis indique que 1,2 million de clients sont toujours privés d'électricité.\n";
        let k = kinds(text);
        assert_eq!((k[2], k[5]), (Kind::Time, Kind::Time), "{k:?}");
    }
}
