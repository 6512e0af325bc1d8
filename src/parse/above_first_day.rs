//! Posts above a feed's first day divider when nothing above them says their day: a selection
//! copied from inside a newest-first feed loses the divider of its newest day (`ore 01.15`
//! over `Giovedì 17 ottobre` and the evening's posts). A divider opens its day's block, so the
//! posts above it belong to the days after it: the day after the divider for the post right
//! above it, one more each time a clock going up the page is earlier than the one below.

use crate::model::{Clock, Story, When};
use chrono::{NaiveDate, NaiveTime};

/// Dates `undated` (entry indices, top down, all above the first divider) from `first_day`,
/// the first divider's date.
pub(super) fn date_above(story: &mut Story, clocks: &[Clock], undated: &[usize], first_day: NaiveDate) {
    let mut day = first_day;
    let mut below: Option<NaiveTime> = None;
    for &i in undated.iter().rev() {
        let clock = clocks[i].time();
        if below.is_none_or(|b| clock < b) {
            let Some(next) = day.succ_opt() else { return };
            day = next;
        }
        below = Some(clock);
        let local = day.and_time(clock);
        let zone = story.entries[i].zone.or(story.zone);
        story.entries[i].at = Some(match zone.and_then(|z| z.resolve(local)) {
            Some(t) => When::Zoned(t),
            None => When::Local(local),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_text;
    use crate::parse::rules::Rules;
    use std::path::PathBuf;

    #[test]
    fn posts_above_a_selections_first_divider_are_the_days_after_it() {
        // The copy starts inside the newest day: its divider was not selected.
        let text = "ore 01.15\nEsonda il rio\n\nNella notte il rio è uscito dagli argini.\n\nGiovedì 17 ottobre 2024\n\n\
                    ore 23.10\nPiove senza sosta\n\nLa polizia ha chiuso la strada.\n\nore 20.02\nFrana\n\nUna frana si è staccata.\n";
        let story = parse_text(PathBuf::from("t.txt"), text.to_string(), Rules::embedded());
        let at: Vec<String> =
            story.entries.iter().map(|e| e.at.map(|a| a.to_rfc3339()[..16].to_string()).unwrap_or_default()).collect();
        assert_eq!(at, ["2024-10-18T01:15", "2024-10-17T23:10", "2024-10-17T20:02"]);
    }
}
