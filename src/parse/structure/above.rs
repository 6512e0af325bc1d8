//! Pages that print a post's headline above its stamp (`Fiscal deficit target set at 5.1%`,
//! then `Feb 01, 2024 01:38 PM IST`, then the body): the line right above each stamp belongs to
//! the stamp's post, not to the end of the post before. Told by the layout of the whole page,
//! never by one post: most stamps have a headline-like line of a few words right above them
//! (below some text of the post before) and a paragraph right below.

use super::shapes::{BYLINE, headline_like};
use crate::parse::lines::{Kind, Line, Lines};
use crate::parse::time::Shape;

/// For each stamp (by its index in `times`), the line above it that is its post's headline,
/// when the page prints its headlines above the stamps; all `None` otherwise. (Line indices
/// as `u32`: the list lives through the layout, a big blog's peak.)
pub(super) fn headlines_above(text: &str, cl: &Lines, times: &[usize]) -> Vec<Option<u32>> {
    let lines = &cl.lines;
    let s = |l: &Line| &text[l.span.start as usize..l.span.end as usize];
    let mut found = vec![None; times.len()];
    if cl.trailing || times.len() < 2 {
        return found;
    }
    for (k, &t) in times.iter().enumerate() {
        let floor = if k == 0 { 0 } else { times[k - 1] + 1 };
        let Some(mut p) = (floor..t).rev().find(|&i| lines[i].kind != Kind::Blank) else { continue };
        // A byline between the headline and the stamp (`Greens suffer heavy losses` / `By
        // Nicholas Vinocur` / `June 10, 2024 12:05 am CET`) stands with the stamp.
        if lines[p].kind == Kind::Text && BYLINE.is_match(s(&lines[p])) && s(&lines[p]).chars().count() <= 60 {
            match (floor..p).rev().find(|&i| lines[i].kind != Kind::Blank) {
                Some(q) => p = q,
                None => continue,
            }
        }
        let above = s(&lines[p]);
        let headline = lines[p].kind == Kind::Text
            && !lines[p].h1
            && headline_like(above)
            && !BYLINE.is_match(above)
            && above.split_whitespace().count() >= 3;
        // The post before keeps something of its own above the headline.
        let kept = k == 0 || lines[floor..p].iter().any(|l| l.kind == Kind::Text);
        // A headline on the stamp's own line leaves nothing to take from above.
        let inline = cl.stamp(&lines[t]).is_some_and(|st| st.shape == Shape::Inline);
        let end = times.get(k + 1).copied().unwrap_or(lines.len());
        // A byline under the stamp (`By Helen Carr`) stands before the post's paragraph.
        let mut below = (t + 1..end).filter(|&i| lines[i].kind != Kind::Blank && !BYLINE.is_match(s(&lines[i])));
        let paragraph = below.next().is_some_and(|b| lines[b].kind == Kind::Text && paragraph_at(text, lines, b));
        if headline && kept && !inline && paragraph {
            found[k] = Some(p as u32);
        }
    }
    let hits = found.iter().filter(|f| f.is_some()).count();
    if hits * 3 < times.len() * 2 {
        found.fill(None);
    }
    found
}

/// Whether the text line `b` opens a paragraph: it reads as no headline, or a dump wrapped a
/// long sentence over it and the line right after it (`…and we will have` / `every
/// announcement here.`).
fn paragraph_at(text: &str, lines: &[Line], b: usize) -> bool {
    let s = |l: &Line| &text[l.span.start as usize..l.span.end as usize];
    if !headline_like(s(&lines[b])) {
        return true;
    }
    let next = lines.get(b + 1).filter(|l| l.kind == Kind::Text && l.number == lines[b].number + 1);
    next.is_some_and(|n| s(&lines[b]).chars().count() >= 60 && !headline_like(&format!("{} {}", s(&lines[b]), s(n))))
}

#[cfg(test)]
mod tests {
    use super::super::built_story as story;

    #[test]
    fn headlines_printed_above_their_stamps_open_the_posts_below() {
        let text = "Budget live: no change in tax slabs\n\nSensex ends flat after budget\nFeb 01, 2024 03:12 PM IST\nThe Sensex closed 106 points lower after the budget.\n\nNo change in income tax slabs\nFeb 01, 2024 12:02 PM IST\nThere is no change in tax rates for direct and indirect taxes.\n\nMarkets open higher\nFeb 01, 2024 09:05 AM IST\nThe Sensex rose 200 points in early trade.\n";
        let s = story(text);
        assert_eq!(s.entries.len(), 3);
        let heads: Vec<&str> = s.entries.iter().map(|e| s.str(e.headline.expect("headline"))).collect();
        assert_eq!(heads, ["Sensex ends flat after budget", "No change in income tax slabs", "Markets open higher"]);
        assert_eq!(s.title, "Budget live: no change in tax slabs");
    }

    #[test]
    fn headlines_above_stamps_with_a_byline_under_them_and_wrapped_paragraphs() {
        // As lynx lays it out: the byline under the clock, each paragraph wrapped at 100 columns.
        let text = "Budget live\n\nWelcome to budget day\n\n9.02am\nBy Helen Carr\n\nGood morning. The chancellor delivers his spring budget at around 12.30pm and we will have\nevery announcement here.\n\nCabinet meets ahead of statement\n\n10.02am\nBy Helen Carr\n\nThe Institute for Fiscal Studies says the national insurance cut does not stop the overall\ntax burden rising to a post-war high.\n\nFuel duty freeze expected\n\n11.10am\nBy Helen Carr\n\nTreasury sources have briefed that the 5p cut in fuel duty will be kept for another year\nat least.\n";
        let s = story(text);
        let heads: Vec<&str> = s.entries.iter().map(|e| s.str(e.headline.expect("headline"))).collect();
        assert_eq!(heads, ["Welcome to budget day", "Cabinet meets ahead of statement", "Fuel duty freeze expected"]);
    }

    #[test]
    fn headlines_above_a_byline_over_the_stamp_open_the_posts_below() {
        let text = "EU election night live\n\nEPP confirms it will stay the largest group\n\nBy Barbara Moens\n\n\
                    June 10, 2024 1:12 am CET\n\nThe European People's Party is projected to win 186 seats, eight more than in 2019.\n\n\
                    Greens suffer heavy losses\n\nBy Nicholas Vinocur\n\nJune 10, 2024 12:05 am CET\n\n\
                    The Greens group is on course to lose around 20 seats, with the steepest falls in Germany.\n\n\
                    Dutch turnout highest in decades\n\nBy Jakob Hanke Vela\n\nJune 9, 2024 11:42 pm CET\n\n\
                    Turnout in the Netherlands reached 46.2 percent, the highest since 1989.\n";
        let s = story(text);
        let heads: Vec<&str> = s.entries.iter().map(|e| s.str(e.headline.expect("headline"))).collect();
        assert_eq!(
            heads,
            [
                "EPP confirms it will stay the largest group",
                "Greens suffer heavy losses",
                "Dutch turnout highest in decades"
            ]
        );
        // The post before keeps none of the next post's lines.
        let body: String = s.entries[0].body.iter().map(|b| s.str(*b)).collect();
        assert!(!body.contains("Greens") && !body.contains("Vinocur"), "{body}");
    }

    #[test]
    fn headlines_below_their_stamps_stay_there() {
        let text = "Storm live\n\n10:05\nRoads closed\nThe police have closed three roads.\nDoor Sanne de Vries\n\n09:40\nTrains stopped\nNo trains run north of Zwolle this morning.\nDoor Joris Bakker\n";
        let s = story(text);
        let heads: Vec<&str> = s.entries.iter().map(|e| s.str(e.headline.expect("headline"))).collect();
        assert_eq!(heads, ["Roads closed", "Trains stopped"]);
    }
}
