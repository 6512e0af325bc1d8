//! The page's own date-time over a feed of dated stamps, told by how it is printed: a CMS
//! prints every post's stamp from one template (`15.09.2024, 07:48`), and the header's from
//! another (`15.09.2024 10:24` under the headline, no comma). When every dated stamp but the
//! first shares one form and the first has another, the first is the page's dateline — the
//! newest post's time or not.

use super::{Kind, Lines, text_of};
use crate::parse::time::Shape;

/// The form of a stamp's printed date-time: digit runs and letter runs folded to one mark each,
/// punctuation and spacing kept (`15.09.2024, 07:48` → `0.0.0, 0:0`). A label glued before
/// the stamp (`Angeheftet15.09.2024, 07:48`) is no part of it.
fn form(stamp_text: &str) -> String {
    let mut out = String::with_capacity(stamp_text.len());
    let mut last = ' ';
    for c in stamp_text.trim().chars() {
        let mark = if c.is_ascii_digit() {
            '0'
        } else if c.is_alphabetic() {
            'a'
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        if !(mark == last && matches!(mark, '0' | 'a' | ' ')) {
            out.push(mark);
        }
        last = mark;
    }
    out
}

/// Turns the first dated stamp back into text when it alone is printed another way than the
/// other dated stamps, which all agree (three at least, so that two posts' forms are no rule).
pub(super) fn odd_first_dated(out: &mut Lines, text: &str) {
    let dated: Vec<(usize, String)> = (0..out.lines.len())
        .filter_map(|i| {
            let line = &out.lines[i];
            let stamp = out.stamp(line).filter(|s| s.shape == Shape::Dated)?;
            let t = text_of(text, line);
            let from = stamp.rest.filter(|r| r.0 == 0).map_or(0, |r| r.1);
            Some((i, form(t.get(from..).unwrap_or(t))))
        })
        .collect();
    if let [(first, odd), (_, common), rest @ ..] = dated.as_slice()
        && rest.len() >= 2
        && odd != common
        && rest.iter().all(|(_, f)| f == common)
    {
        out.lines[*first].kind = Kind::Text;
    }
}

/// Turns the first stamp back into text when it prints no date (`Today at 01:20` under the
/// headline) over a feed whose every other stamp (three at least) prints its date in one form,
/// and no sentence stands between it and the next stamp: the page's last update over a band of
/// figures, not a post (a newest post shown `Today at …` has its paragraphs).
pub(super) fn undated_first_over_dated(out: &mut Lines, text: &str) {
    let times: Vec<usize> = (0..out.lines.len()).filter(|&i| out.lines[i].kind == Kind::Time).collect();
    let [first, second, rest @ ..] = times.as_slice() else { return };
    if rest.len() < 2 || out.stamp(&out.lines[*first]).is_none_or(|s| s.date.is_some()) {
        return;
    }
    let form_of = |i: usize| {
        let stamp = out.stamp(&out.lines[i]).filter(|s| s.date.is_some())?;
        let t = text_of(text, &out.lines[i]);
        let from = stamp.rest.filter(|r| r.0 == 0).map_or(0, |r| r.1);
        Some(form(t.get(from..).unwrap_or(t)))
    };
    let Some(common) = form_of(*second) else { return };
    if !rest.iter().all(|&i| form_of(i).as_ref() == Some(&common)) {
        return;
    }
    let sentence = out.lines[first + 1..*second].iter().any(|l| {
        let t = text_of(text, l);
        l.kind == Kind::Text && (t.ends_with(['.', '!', '?', '"', '”', '»']) || t.chars().count() >= 100)
    });
    if !sentence {
        out.lines[*first].kind = Kind::Text;
    }
}

/// Turns the first stamp back into text when it is printed in the posts' own form, on the
/// day of the stamp under it and not before it, and no sentence stands between the two: the page's last update
/// under the headline (`Fri, 08 Nov, 2024 - 22:10` over a score band), printed from the posts'
/// template. A newest post has its paragraphs; a date-time over a band of figures is none.
pub(super) fn bare_first_in_feed_form(out: &mut Lines, text: &str) {
    let times: Vec<usize> = (0..out.lines.len()).filter(|&i| out.lines[i].kind == Kind::Time).collect();
    let [first, second, rest @ ..] = times.as_slice() else { return };
    if rest.len() < 2 {
        return;
    }
    let form_of = |i: usize| {
        let stamp = out.stamp(&out.lines[i]).filter(|s| s.date.is_some() && s.unshown.is_none())?;
        let t = text_of(text, &out.lines[i]);
        let from = stamp.rest.filter(|r| r.0 == 0).map_or(0, |r| r.1);
        Some((form(t.get(from..).unwrap_or(t)), stamp.date))
    };
    let (Some((a, day_a)), Some((common, day_b))) = (form_of(*first), form_of(*second)) else { return };
    if a != common || day_a != day_b || !rest.iter().all(|&i| form_of(i).is_some_and(|f| f.0 == common)) {
        return;
    }
    // The page's update is at least as new as the newest post; an older first stamp out of
    // order is a pinned post (a ranking under `10:00` over the 14:31 post), which stays one.
    let clock_of = |i: usize| out.stamp(&out.lines[i]).map(|s| s.clock);
    if clock_of(*first) < clock_of(*second) {
        return;
    }
    let texts: Vec<&str> =
        out.lines[first + 1..*second].iter().filter(|l| l.kind == Kind::Text).map(|l| text_of(text, l)).collect();
    let sentence = texts.iter().any(|t| t.ends_with(['.', '!', '?', '"', '”', '»', ':']) || t.chars().count() >= 100);
    if !texts.is_empty() && !sentence {
        out.lines[*first].kind = Kind::Text;
    }
}

#[cfg(test)]
mod tests {
    use super::form;
    use crate::parse::lines::kind_of;
    use crate::parse::lines::{Kind, classify};
    use crate::parse::rules::Rules;

    #[test]
    fn forms_fold_digits_and_letters_and_keep_punctuation() {
        assert_eq!(form("15.09.2024, 07:48"), "0.0.0, 0:0");
        assert_eq!(form("15.09.2024 10:24"), "0.0.0 0:0");
        assert_eq!(form("Nov 23, 2024 | 16:02 (IST)"), "a 0, 0 | 0:0 (a)");
    }

    #[test]
    fn a_header_date_time_printed_unlike_the_posts_is_the_pages() {
        let page = "Unwetter-Ticker: Sturm in Tirol\n\n15.09.2024 10:24\n\nKommentare (312)\n\n\
                    15.09.2024, 10:20\nWestbahn unterbrochen\nDie ÖBB rechnen mit Montag.\n\n\
                    15.09.2024, 09:05\nBundesheer angefordert\nRund 1.000 Soldaten helfen.\n\n\
                    14.09.2024, 23:30\nFeuerwehr im Einsatz\nÜber 1.200 Einsätze.\n";
        let lines = classify(page, Rules::embedded(), &[]);
        let times: Vec<String> =
            lines.lines.iter().filter_map(|l| lines.stamp(l)).map(|s| s.clock.to_string()).collect();
        assert_eq!(times, ["10:20", "09:05", "23:30"]);
        assert!(
            lines.lines.iter().any(
                |l| l.kind == Kind::Text && &page[l.span.start as usize..l.span.end as usize] == "15.09.2024 10:24"
            )
        );
    }

    #[test]
    fn an_undated_time_over_a_band_above_dated_posts_is_the_pages() {
        let page = "Count live\n\nToday at 01:20\n\nSeats filled\n\nFF 14 · FG 11 · SF 12 · Updated 01:18\n\n\
                    Sun 1 Dec 2024 at 01:14\nHarris elected\nHe exceeded the quota.\n\n\
                    Sat 30 Nov 2024 at 23:42\nMcDonald tops the poll\nShe was elected.\n\n\
                    Sat 30 Nov 2024 at 21:05\nTallies complete\nThey confirm the exit poll.\n";
        assert_eq!(kind_of(page, "Today at 01:20"), Kind::Text);
        assert_eq!(kind_of(page, "Sun 1 Dec 2024 at 01:14"), Kind::Time);
        // The newest post shown `Today at …` over its paragraph stays a post.
        let post = page
            .replace("Seats filled\n\nFF 14 · FG 11 · SF 12 · Updated 01:18", "Polls closed\nCounting ends tonight.");
        assert_eq!(kind_of(&post, "Today at 01:20"), Kind::Time);
    }

    #[test]
    fn a_date_time_in_the_feeds_form_over_a_band_is_the_pages() {
        let page = "Ireland v New Zealand LIVE\n\nFri, 08 Nov, 2024 - 22:10\n\nIreland13FT23New Zealand\n\n\
                    Fri, 08 Nov, 2024 - 22:04\nFull-time\nThat's it at the Aviva.\n\n\
                    Fri, 08 Nov, 2024 - 21:32\nTry!\nJordan strikes.\n\n\
                    Fri, 08 Nov, 2024 - 20:51\nHalf-time\nIreland lead.\n";
        assert_eq!(kind_of(page, "Fri, 08 Nov, 2024 - 22:10"), Kind::Text);
        assert_eq!(kind_of(page, "Fri, 08 Nov, 2024 - 22:04"), Kind::Time);
        // The newest post with its paragraph stays a post.
        let post = page.replace("Ireland13FT23New Zealand", "Reaction\nFarrell speaks to the press.");
        assert_eq!(kind_of(&post, "Fri, 08 Nov, 2024 - 22:10"), Kind::Time);
    }
}
