//! Placing entries on their day from the header's date-time.

use crate::parse::parse_text;
use crate::parse::rules::Rules;
use std::path::PathBuf;

fn instants(text: &str) -> Vec<String> {
    let story = parse_text(PathBuf::from("t.txt"), text.to_string(), Rules::embedded());
    story.entries.iter().map(|e| e.at.map(|a| a.to_rfc3339()[..19].to_string()).unwrap_or_default()).collect()
}

#[test]
fn a_header_time_that_is_the_oldest_posts_clock_is_the_opening() {
    // The feed runs from 09:00 to 23:12 on the header's day: the header is the opening post's
    // time, not an update that would put every post on the day before.
    let text = "Deadline day live\n\nFriday 30 August 2024 09:00, UK\n\n23:12\nSterling joins\n\nBody one.\n\n\
                20:05\nUgarte signs\n\nBody two.\n\n09:00\nGood morning\n\nBody three.\n";
    assert_eq!(instants(text), ["2024-08-30T23:12:00", "2024-08-30T20:05:00", "2024-08-30T09:00:00"]);
}

#[test]
fn an_opening_feed_across_midnight_ends_the_next_day() {
    let text = "Election night live\n\nFriday 30 August 2024 21:00, UK\n\n01:10\nResult in\n\nBody one.\n\n\
                23:40\nCount goes on\n\nBody two.\n\n21:00\nPolls close\n\nBody three.\n";
    assert_eq!(instants(text), ["2024-08-31T01:10:00", "2024-08-30T23:40:00", "2024-08-30T21:00:00"]);
}

#[test]
fn a_late_feed_under_an_earlier_update_is_the_day_before() {
    // The header's time is no post's: it is the last update, the morning after the posts.
    let text = "Deadline day live\n\nUpdated Saturday 31 August 2024 08:30, UK\n\n23:12\nSterling joins\n\nBody one.\n\n\
                20:05\nUgarte signs\n\nBody two.\n\n09:00\nGood morning\n\nBody three.\n";
    assert_eq!(instants(text), ["2024-08-30T23:12:00", "2024-08-30T20:05:00", "2024-08-30T09:00:00"]);
}
