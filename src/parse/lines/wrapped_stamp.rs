//! A byline's date-time that a dump's wrap split over two lines (`By Vivienne Clarke and Jess
//! Casey, Business and Education Desks · Tue 1 Oct` over `2024, 14:26`, w3m and lynx at 80
//! columns): neither line alone reads as a stamp, the two together do. The stamp goes to the
//! line that ends it (where the clock is), as when the wrap leaves the whole date-time on the
//! second line (`reporters · Tue 1 Oct 2024, 15:12`); the first line stays the text it is.

use super::{Kind, Lines, text_of};
use crate::parse::time::{self, Shape};

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
            || !t.ends_with(|c: char| c.is_alphanumeric())
        {
            continue;
        }
        let context = *context.get_or_insert_with(|| crate::parse::words::zone_context(text));
        let Some(mut stamp) = time::stamp(&format!("{t} {n}"), context) else { continue };
        if !matches!(stamp.shape, Shape::Byline | Shape::Dated) || stamp.date.is_none() || stamp.unshown.is_some() {
            continue;
        }
        // The date must reach back over the break: a second line that is a stamp alone is one
        // already.
        if time::stamp(n, context).is_some() {
            continue;
        }
        stamp.rest = None;
        stamp.shape = Shape::Dated;
        found.push((i + 1, stamp));
    }
    for (i, stamp) in found {
        let number = out.lines[i].number;
        let at = out.stamp_lines.partition_point(|&n| n < number);
        if out.stamp_lines.get(at) == Some(&number) {
            continue;
        }
        out.stamp_lines.insert(at, number);
        out.stamps.insert(at, stamp);
        out.lines[i].kind = Kind::Time;
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
        let times: Vec<u32> =
            lines.lines.iter().filter(|l| l.kind == Kind::Time).map(|l| l.number).collect();
        // The wrap that splits the date stamps the line the clock ends; the first line stays text.
        assert!(times.contains(&11) && times.contains(&18), "{times:?}");
        assert!(!times.contains(&10) && !times.contains(&17), "{times:?}");
    }

    #[test]
    fn a_sentence_wrapped_before_a_year_and_a_clock_is_no_stamp() {
        let text = "Live\n\n14:03\n\nFirst post\n\nThe minister said the plan would be published on Tue 1 Oct\n\
                    2024, 14:26 at the latest.\n\n13:10\n\nSecond post\n\nBody.\n";
        let lines = classify(text, Rules::embedded(), &[]);
        let times: Vec<u32> =
            lines.lines.iter().filter(|l| l.kind == Kind::Time).map(|l| l.number).collect();
        assert_eq!(times, vec![3, 10], "{:?}", lines.lines);
    }
}
