//! A byline's date-time that a dump's wrap split over two lines (`By Vivienne Clarke and Jess
//! Casey, Business and Education Desks · Tue 1 Oct` over `2024, 14:26`, w3m and lynx at 80
//! columns): neither line alone reads as a stamp, the two together do. The stamp goes to the
//! line that ends it (where the clock is), as when the wrap leaves the whole date-time on the
//! second line (`reporters · Tue 1 Oct 2024, 15:12`); the first line stays the text it is.

use super::{Kind, Lines, text_of};
use crate::parse::time::{self, Shape};

/// The shortest first line that shows a wrap cut it: a date line over a clock line (`6.
/// November` over `0:47 Uhr`) is two lines of a layout, not one cut in two.
const WRAPPED_MIN: usize = 40;

/// The longest second line taken as the rest of a wrapped stamp: a date's tail and a clock.
const REST_MAX: usize = 32;

/// Stamps the second line of each pair of text lines whose join is a dated stamp.
pub(super) fn wrapped_stamps(out: &mut Lines, text: &str) {
    let mut found = Vec::new();
    // The zone context scans the page: only for a page with a candidate.
    let mut context: Option<Option<&str>> = None;
    for (i, w) in out.lines.windows(2).enumerate() {
        let (line, next) = (&w[0], &w[1]);
        if line.kind != Kind::Text || next.kind != Kind::Text || line.number + 1 != next.number {
            continue;
        }
        let (t, n) = (text_of(text, line), text_of(text, next));
        // The cheap tests first: a short second line that opens with a date's part and holds
        // a clock.
        if n.len() > REST_MAX
            || !n.starts_with(|c: char| c.is_alphanumeric())
            || !time::has_clock_bytes(n.as_bytes())
            || !t.ends_with(|c: char| c.is_alphanumeric() || c == ',')
        {
            continue;
        }
        let context = *context.get_or_insert_with(|| crate::parse::words::zone_context(text));
        let Some(mut stamp) = time::stamp(&format!("{t} {n}"), context) else { continue };
        if !matches!(stamp.shape, Shape::Byline | Shape::Dated) || stamp.date.is_none() || stamp.unshown.is_some() {
            continue;
        }
        // The date must reach back over the break: a second line that is a stamp alone is one
        // already — but for a bare clock under a long line the wrap cut after its date
        // (`… Was Betroffene wissen müssen 02.06.2024,` over `08.15 Uhr`): the clock is that
        // date's, and weighed with it (a related item, not a post).
        if let Some(alone) = time::stamp(n, context)
            && (alone.date.is_some() || t.chars().count() < WRAPPED_MIN || !t.ends_with(','))
        {
            continue;
        }
        stamp.rest = None;
        stamp.shape = Shape::Dated;
        found.push((i + 1, stamp));
    }
    for (i, stamp) in found {
        out.add_stamp(i, stamp);
    }
}

/// Where a list item's text starts in its line, if the line opens with a list marker as a
/// dump draws it (`  • `, `   * `, ` 12. `).
fn item_column(text: &str, line: &super::Line) -> Option<usize> {
    let start = line_start(text, line);
    let raw = &text[start..line.span.end as usize];
    let body = raw.trim_start();
    let marker = body.split_whitespace().next()?;
    let numbered =
        marker.len() <= 3 && marker.ends_with('.') && marker[..marker.len() - 1].bytes().all(|b| b.is_ascii_digit());
    if !(numbered || matches!(marker, "•" | "*" | "◦" | "▪" | "-")) {
        return None;
    }
    let after = &body[marker.len()..];
    let text_at = raw.len() - after.trim_start().len();
    Some(raw[..text_at].chars().count())
}

fn line_start(text: &str, line: &super::Line) -> usize {
    text[..line.span.start as usize].rfind('\n').map_or(0, |i| i + 1)
}

/// A stamp on the line a dump wrapped a list item onto (` 3. Elementarschadenversicherung: Was
/// Betroffene wissen müssen 02.06.2024,` over `    08.15 Uhr`, set in at the item's text):
/// a rail's item ran past the width, no post starts inside it. The line goes back to text.
/// The other way round, an item whose stamp the wrap cut (` 1. Telangana: … Dec 03, 2023 06:30`
/// over `    PM IST`) is read with its rest, so that the item's stamp is the one its
/// neighbours print whole.
pub(super) fn list_item_rests(out: &mut Lines, text: &str) {
    let mut context: Option<Option<&str>> = None;
    for i in 1..out.lines.len() {
        let (above, line) = (&out.lines[i - 1], &out.lines[i]);
        if above.number + 1 != line.number || !matches!(line.kind, Kind::Time | Kind::Text) {
            continue;
        }
        if line.kind == Kind::Text && above.kind != Kind::Time {
            continue;
        }
        // A line that opens with a marker of its own is the next item, not the rest of this.
        let Some(column) = item_column(text, above).filter(|_| item_column(text, line).is_none()) else { continue };
        let indent = text[line_start(text, line)..line.span.start as usize].chars().count();
        if column < 2 || indent != column || text_of(text, above).chars().count() < WRAPPED_MIN {
            continue;
        }
        if line.kind == Kind::Time {
            out.lines[i].kind = Kind::Text;
            continue;
        }
        let (t, n) = (text_of(text, above), text_of(text, line));
        if n.chars().count() > REST_MAX || !t.starts_with(|c: char| !c.is_alphabetic()) {
            continue;
        }
        let context = *context.get_or_insert_with(|| crate::parse::words::zone_context(text));
        let number = above.number;
        let joined = out.stamp_mut(number).and_then(|old| {
            // The item's text, after its marker.
            let marker = t.split_whitespace().next().unwrap_or("");
            let item = t[marker.len()..].trim_start();
            let mut new = time::stamp(&format!("{item} {n}"), context)?;
            new.rest = None;
            (new.clock != old.clock || new.zone != old.zone).then_some((old, new))
        });
        if let Some((old, new)) = joined {
            *old = new;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Kind, classify};
    use crate::parse::rules::Rules;

    #[test]
    fn a_byline_date_time_split_by_the_wrap_stamps_its_post() {
        let text = "Budget 2025 live\n\n\
                    By Muiris O'Cearbhaill, Political Correspondent, and Press Association\n\
                    reporters · Tue 1 Oct 2024, 15:12\n\nChildcare costs to fall\n\nThe subsidy will rise.\n\n\
                    By Vivienne Clarke and Jess Casey, Business and Education Desks · Tue 1 Oct\n\
                    2024, 14:26\n\nTax bands widened\n\nThe entry point rises.\n\n\
                    By Press Association reporters and the Breaking News Eire newsdesk team · Tue 1\n\
                    Oct 2024, 13:19\n\nMinister rises\n\nJack Chambers begins his speech.\n";
        let lines = classify(text, Rules::embedded(), &[]);
        let times: Vec<u32> = lines.lines.iter().filter(|l| l.kind == Kind::Time).map(|l| l.number).collect();
        // The wrap that splits the date stamps the line the clock ends; the first line stays text.
        assert!(times.contains(&11) && times.contains(&18), "{times:?}");
        assert!(!times.contains(&10) && !times.contains(&17), "{times:?}");
    }

    #[test]
    fn a_sentence_wrapped_before_a_year_and_a_clock_is_no_stamp() {
        let text = "Live\n\n14:03\n\nFirst post\n\nThe minister said the plan would be published on Tue 1 Oct\n\
                    2024, 14:26 at the latest.\n\n13:10\n\nSecond post\n\nBody.\n";
        let lines = classify(text, Rules::embedded(), &[]);
        let times: Vec<u32> = lines.lines.iter().filter(|l| l.kind == Kind::Time).map(|l| l.number).collect();
        assert_eq!(times, vec![3, 10], "{:?}", lines.lines);
    }

    #[test]
    fn a_clock_on_a_wrapped_list_item_s_rest_is_no_stamp() {
        let text = "Live\n\n14:03\n\nFirst post\n\nBody of the post.\n\nMehr zum Thema\n\n \
                    1. Pegelstände: Wo das Wasser jetzt steigt 01.06.2024, 17.22 Uhr\n \
                    2. Elementarschadenversicherung: Was Betroffene wissen müssen 02.06.2024,\n    08.15 Uhr\n";
        let lines = classify(text, Rules::embedded(), &[]);
        assert_ne!(lines.lines[13].kind, Kind::Time, "{:?}", lines.lines);
        assert_eq!(lines.lines[2].kind, Kind::Time);
    }

    #[test]
    fn an_item_stamp_the_wrap_cut_is_read_with_its_rest() {
        let text = "Live\n\n14:03\n\nFirst post\n\nBody of the post.\n\nLatest News\n\n \
                    1. Telangana: Congress set to form government 2 min read · Dec 03, 2023 06:30\n    PM IST\n \
                    2. Stock market today: Sensex outlook 3 min read · Dec 03, 2023 05:10 PM IST\n";
        let lines = classify(text, Rules::embedded(), &[]);
        let stamp = lines.lines.iter().find(|l| l.number == 11).and_then(|l| lines.stamp(l)).expect("item stamp");
        assert_eq!(stamp.clock, crate::model::Clock::new(18, 30).unwrap());
    }
}
