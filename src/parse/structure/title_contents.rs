//! A table of contents right above the feed (`Schneechaos in München: S-Bahn gesperrt` /
//! `Mehr als 150 Unfälle in Oberbayern` / `Alle Infos im Ticker`, a jump list a copy flattened
//! to plain lines): a page's title is never one of its lines. It is told from a header's other
//! runs of short lines by an item the feed below repeats word for word.

use crate::parse::lines::{Kind, Line};

/// The lines of the run of three or more short lines (no blank between, no sentence) that
/// closes the header, when one of its items of three words or more stands again in the text
/// after the header: the jump list of the posts below.
pub(super) fn contents_points(text: &str, lines: &[Line]) -> Vec<u32> {
    let s = |l: &Line| text[l.span.start as usize..l.span.end as usize].trim();
    let Some(end) = lines.iter().rposition(|l| l.kind != Kind::Blank) else { return Vec::new() };
    let mut start = end;
    while start > 0
        && matches!(lines[start - 1].kind, Kind::Text | Kind::Link)
        && lines[start - 1].number + 1 == lines[start].number
    {
        start -= 1;
    }
    let run = &lines[start..=end];
    let item = |l: &Line| {
        matches!(l.kind, Kind::Text | Kind::Link)
            && (1..=12).contains(&s(l).split_whitespace().count())
            && !s(l).ends_with(['.', '!', '?', ':'])
    };
    if !(3..=15).contains(&run.len()) || !run.iter().all(item) {
        return Vec::new();
    }
    let after = &text[lines[end].span.end as usize..];
    let repeated = run.iter().any(|l| s(l).split_whitespace().count() >= 3 && after.contains(s(l)));
    if repeated { run.iter().map(|l| l.number).collect() } else { Vec::new() }
}

#[cfg(test)]
mod tests {
    use crate::parse::lines::classify;
    use crate::parse::rules::Rules;

    const FEED: &str = "\n\nUpdate vom 22. November, 7.48 Uhr: S-Bahn fährt wieder – Die Stammstrecke ist frei.\n\n\
                        Update vom 21. November, 21.15 Uhr: Mehr als 150 Unfälle in Oberbayern – Die Polizei meldet Unfälle.\n\n\
                        Erstmeldung vom 21. November, 11.05 Uhr: Neuschnee erwartet – Der DWD warnt.\n";

    fn points(header: &str) -> Vec<String> {
        let text = format!("{header}{FEED}");
        let lines = classify(&text, Rules::embedded(), &[]);
        let first_post = lines.lines.iter().position(|l| l.kind == crate::parse::lines::Kind::Time).expect("a post");
        super::contents_points(&text, &lines.lines[..first_post])
            .into_iter()
            .map(|n| text.lines().nth(n as usize - 1).unwrap_or_default().to_owned())
            .collect()
    }

    #[test]
    fn a_jump_list_above_the_feed_is_no_title() {
        let header = "Wintereinbruch in München: Schneechaos legt Verkehr lahm\n\nStand: 22.11.2024, 07:52 Uhr\n\n\
                      Schneechaos in München: S-Bahn gesperrt\nMehr als 150 Unfälle in Oberbayern\nAlle Infos im Ticker";
        assert_eq!(
            points(header),
            ["Schneechaos in München: S-Bahn gesperrt", "Mehr als 150 Unfälle in Oberbayern", "Alle Infos im Ticker"]
        );
    }

    #[test]
    fn short_lines_the_feed_does_not_repeat_are_kept() {
        // A menu, or a title over its byline, repeats no post: nothing is set aside.
        let header = "Wintereinbruch in München: Schneechaos legt Verkehr lahm\nVon Kathrin Braun\nMünchen\nBayern";
        assert!(points(header).is_empty());
        // A paragraph among the lines is no list.
        let header = "Der Ticker\nMehr als 150 Unfälle in Oberbayern\nDie Polizei meldet Unfälle seit dem Nachmittag.";
        assert!(points(header).is_empty());
    }
}
