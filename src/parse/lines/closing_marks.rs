//! Bare clocks that close their posts, told by a mark that opens every post: where most gaps
//! between stamps open with the same short mark without letters (a match minute `78'`,
//! `45'+2`) and end at the next stamp, a post of that shape standing complete above the first
//! stamp while none follows the last one says that each clock stamps the text above it.
//! Leading pages put such a mark under their last stamp, and their header (title, byline,
//! standfirst) between any score and the first stamp is longer than a post.

use super::{Kind, Line, Lines, text_of};

/// A line that opens a post without saying anything: a few characters, a digit, no letter.
pub(crate) fn is_post_mark(t: &str) -> bool {
    let t = t.trim();
    (1..=8).contains(&t.chars().count()) && t.chars().any(|c| c.is_ascii_digit()) && !t.chars().any(char::is_alphabetic)
}

fn is_mark(text: &str, line: &Line) -> bool {
    line.kind == Kind::Text && is_post_mark(text_of(text, line))
}

/// Whether the page's stamps close their posts by the marks that open those posts.
pub(super) fn closed_by_marks(out: &Lines, text: &str) -> bool {
    let lines = &out.lines;
    let times: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kind == Kind::Time).collect();
    if times.len() < 4 {
        return false;
    }
    let content = |r: std::ops::Range<usize>| -> Vec<usize> {
        r.filter(|&i| matches!(lines[i].kind, Kind::Text | Kind::Link)).collect()
    };
    // The gaps that open with a mark and hold no other, and the most lines such a post has.
    let (mut marked, mut depth) = (0, 0);
    for w in times.windows(2) {
        let inside = content(w[0] + 1..w[1]);
        let marks = inside.iter().filter(|&&i| is_mark(text, &lines[i])).count();
        if marks == 1 && inside.first().is_some_and(|&i| is_mark(text, &lines[i])) {
            marked += 1;
            depth = depth.max(inside.len());
        }
    }
    let gaps = times.len() - 1;
    if marked < 3 || marked * 4 < gaps * 3 {
        return false;
    }
    let (first, last) = (times[0], *times.last().expect("stamps"));
    let above = content(0..first);
    // A whole post above the first stamp: its mark within a post's length of the stamp.
    let post_above = above.iter().rev().take(depth).any(|&i| is_mark(text, &lines[i]));
    let mark_below = content(last + 1..lines.len()).iter().take(depth).any(|&i| is_mark(text, &lines[i]));
    post_above && !mark_below
}

#[cfg(test)]
mod tests {
    use super::super::{Rules, classify};
    use super::is_post_mark;

    #[test]
    fn marks_are_short_and_letterless() {
        assert!(is_post_mark("78'"));
        assert!(is_post_mark("45'+2"));
        assert!(is_post_mark(" 90+3' "));
        assert!(!is_post_mark("Mi-temps"));
        assert!(!is_post_mark("Mendy 56'"));
        assert!(!is_post_mark("'"));
        assert!(!is_post_mark("123456789"));
    }

    /// Four posts, each a minute, a headline and a line of text, the clock after each post
    /// (`clock_last`) or before it.
    fn page(clock_last: bool, header: &str, footer: &str) -> String {
        let posts = [
            ("21h50", "88'", "Carton jaune"),
            ("21h30", "70'", "Remplacement"),
            ("21h10", "50'", "Poteau !"),
            ("20h50", "30'", "Corner"),
        ];
        let mut out = format!("{header}\n\n");
        for (clock, minute, head) in posts {
            let post = format!("{minute}\n\n{head}\n\nLe jeu reprend après une longue interruption.\n\n");
            out += &if clock_last { format!("{post}{clock}\n") } else { format!("{clock}\n{post}") };
        }
        out + footer
    }

    #[test]
    fn clocks_under_minute_posts_close_them_and_clocks_above_open_them() {
        let header = "Direct : Nantes - Lens\n\nPar Paul Roux · Publié le 02/03/2024 à 20h00";
        let closing = page(true, header, "Classement\nÀ lire aussi");
        assert!(classify(&closing, Rules::embedded(), &[]).trailing);
        let opening = page(false, header, "Classement\nÀ lire aussi");
        assert!(!classify(&opening, Rules::embedded(), &[]).trailing);
        // A score above the title and a last post without a minute do not turn them either.
        let scored = format!("Nantes\n\n1 - 0\n\nLens\n\n{header}");
        let opening = page(false, &scored, "20h30\nLes compositions\n\nNantes : Lafont ; Castelletto.\n");
        assert!(!classify(&opening, Rules::embedded(), &[]).trailing);
    }
}
