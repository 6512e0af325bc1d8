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

fn instants_taken(text: &str, taken: &str) -> Vec<String> {
    let taken = chrono::DateTime::parse_from_rfc3339(taken).unwrap().with_timezone(&chrono::Utc);
    let story =
        crate::parse::parse_taken_at(PathBuf::from("t.txt"), text.as_bytes().to_vec(), Rules::embedded(), Some(taken))
            .unwrap();
    story.entries.iter().map(|e| e.at.map(|a| a.to_rfc3339()[..19].to_string()).unwrap_or_default()).collect()
}

#[test]
fn day_word_dividers_count_back_from_the_pages_update() {
    // `Gestern` over posts whose clocks are earlier than today's oldest: only the word says
    // they are the day before.
    let text = "Unwetter in Hessen: der Ticker\n\nStand: 14.08.2024, 16:42 Uhr\n\nHeute\n\n16:40 Uhr\nWarnung\n\nText eins.\n\n\
                09:30 Uhr\nBilanz\n\nText zwei.\n\nGestern\n\n08:15 Uhr\nGewitter\n\nText drei.\n\n07:00 Uhr\nErste Meldung\n\nText vier.\n";
    assert_eq!(
        instants(text),
        ["2024-08-14T16:40:00", "2024-08-14T09:30:00", "2024-08-13T08:15:00", "2024-08-13T07:00:00"]
    );
}

#[test]
fn day_words_before_a_clock_count_back_from_the_copy_time() {
    // No date on the page: the copy was taken on the 14th.
    let text = "Unwetter in Hessen: der Ticker\n\nHeute, 16:40 Uhr\nWarnung\n\nText eins.\n\n\
                Heute, 09:30 Uhr\nBilanz\n\nText zwei.\n\nGestern, 10:15 Uhr\nGewitter\n\nText drei.\n\n\
                Gestern, 09:00 Uhr\nErste Meldung\n\nText vier.\n";
    assert_eq!(
        instants_taken(text, "2024-08-14T15:00:00Z"),
        ["2024-08-14T16:40:00", "2024-08-14T09:30:00", "2024-08-13T10:15:00", "2024-08-13T09:00:00"]
    );
}

#[test]
fn other_languages_yesterday_dividers_count_back() {
    for (word, today) in [("Yesterday", "Today"), ("Hier", "Aujourd'hui"), ("Ieri", "Oggi"), ("Ayer", "Hoy")] {
        let text = format!(
            "Storm live blog for the coast\n\nUpdated 16:42, 14 AUG 2024\n\n{today}\n\n16:40\nWarning\n\nBody one.\n\n\
             09:30\nTally\n\nBody two.\n\n{word}\n\n08:15\nStorm\n\nBody three.\n\n07:00\nFirst\n\nBody four.\n"
        );
        assert_eq!(instants(&text)[2..], ["2024-08-13T08:15:00", "2024-08-13T07:00:00"], "{word}");
    }
}

#[test]
fn a_copy_time_days_after_the_update_gives_way_to_the_update() {
    // A file whose modification time is a week after the page's last update: `Heute` is the
    // update's day.
    let text = "Unwetter in Hessen: der Ticker\n\nStand: 14.08.2024, 16:42 Uhr\n\nHeute\n\n16:40 Uhr\nWarnung\n\nText eins.\n\n\
                09:30 Uhr\nBilanz\n\nText zwei.\n\nGestern\n\n08:15 Uhr\nGewitter\n\nText drei.\n\n07:00 Uhr\nErste Meldung\n\nText vier.\n";
    assert_eq!(
        instants_taken(text, "2024-08-21T10:00:00Z"),
        ["2024-08-14T16:40:00", "2024-08-14T09:30:00", "2024-08-13T08:15:00", "2024-08-13T07:00:00"]
    );
}

#[test]
fn a_lone_dateline_before_the_oldest_post_opens_a_feed_across_midnight() {
    // `12.03.2025, 06:04 Uhr` says nothing of what it is: the posts from 14:47 to 00:51 went
    // up after it, not the day before.
    let text = "Krieg in der Ukraine: Liveticker\n\n12.03.2025, 06:04 Uhr\n\n+++ 00:51 Trump: Putin soll zustimmen +++\n\nBody one.\n\n\
                +++ 00:12 Luftalarm in Kiew +++\n\nBody two.\n\n+++ 23:40 Selenskyj spricht +++\n\nBody three.\n\n\
                +++ 14:47 Kursk +++\n\nBody four.\n";
    assert_eq!(
        instants(text),
        ["2025-03-13T00:51:00", "2025-03-13T00:12:00", "2025-03-12T23:40:00", "2025-03-12T14:47:00"]
    );
    // Said to be an update, the same date-time still ends the feed.
    let updated = text.replace("12.03.2025, 06:04 Uhr", "Aktualisiert: 12.03.2025, 06:04 Uhr");
    assert_eq!(instants(&updated)[0], "2025-03-12T00:51:00");
}

#[test]
fn weekday_only_dividers_and_a_dated_pinned_post_place_a_feed_over_days() {
    // The pinned post's own date is its own: the feed below counts from the update.
    let text = "Storms live\n\nUpdated 09:41, 14 JUL 2025\n\nPINNED08:30, 12 JUL 2025\nWarning issued\n\nBody.\n\n\
                Monday\n09:41\nTrams back\n\nBody one.\n\n00:25\nRoof fire\n\nBody two.\n\n\
                Sunday\n23:50\nStorms return\n\nBody three.\n\n18:05\nLanes closed\n\nBody four.\n\n\
                Saturday\n16:40\nFirst storms\n\nBody five.\n";
    assert_eq!(
        instants(text),
        [
            "2025-07-12T08:30:00",
            "2025-07-14T09:41:00",
            "2025-07-14T00:25:00",
            "2025-07-13T23:50:00",
            "2025-07-13T18:05:00",
            "2025-07-12T16:40:00"
        ]
    );
}

#[test]
fn a_plain_date_beside_the_update_is_the_oldest_posts_opening() {
    // No dividers: the clocks run back over two midnights, and the header's first date-time is
    // the oldest post's own.
    let text = "Wahl-Ticker\n\n21.02.2025, 18:05 Uhr · Aktualisiert: 24.02.2025, 00:48 Uhr\n\n\
                00:48 Uhr\nErgebnis\n\nText eins.\n\n18:00 Uhr\nPrognose\n\nText zwei.\n\n\
                19:40 Uhr\nWahlkampf\n\nText drei.\n\n18:05 Uhr\nWillkommen\n\nText vier.\n";
    assert_eq!(
        instants(text),
        ["2025-02-24T00:48:00", "2025-02-23T18:00:00", "2025-02-22T19:40:00", "2025-02-21T18:05:00"]
    );
}

#[test]
fn a_date_only_in_the_title_wins_over_an_embeds_older_date() {
    let text = "Unwetter-Ticker vom 15. September 2024: Hochwasser in Salzburg\n\n21:40\nPegel sinkt\n\nText eins.\n\n\
                14:10\nZivilschutzalarm\n\nText zwei.\n\nUnwetterwarnung der GeoSphere\n13.09.2024, 10:00\n\n\
                09:05\nDauerregen\n\nText drei.\n";
    assert_eq!(instants(text), ["2024-09-15T21:40:00", "2024-09-15T14:10:00", "2024-09-15T09:05:00"]);
}

#[test]
fn a_header_day_with_no_time_is_the_openings_over_a_feed_past_midnight() {
    // `18 ottobre 2024` and nothing else: the posts after midnight are on the 19th.
    let text = "Maltempo in Toscana, la diretta\n\ndi Redazione Firenze · 18 ottobre 2024\n\n\
                01:35\nGiani: notte difficile\n\nBody one.\n\n00:20\nEvacuate 300 persone\n\nBody two.\n\n\
                23:45\nEsondato il Bisenzio\n\nBody three.\n\n21:10\nAllerta rossa\n\nBody four.\n";
    let taken = "2026-11-22T12:00:00Z";
    let want = ["2024-10-19T01:35:00", "2024-10-19T00:20:00", "2024-10-18T23:45:00", "2024-10-18T21:10:00"];
    assert_eq!(instants_taken(text, taken), want);
    // A feed inside the day reads the same either way; an `Updated` day stays the newest post's.
    let text = "Storm live\n\n18 October 2024\n\n23:45\nRiver bursts\n\nBody one.\n\n21:10\nRed alert\n\nBody two.\n";
    assert_eq!(instants_taken(text, taken), ["2024-10-18T23:45:00", "2024-10-18T21:10:00"]);
    let text =
        "Storm live\n\nUpdated 19 October 2024\n\n01:35\nNight\n\nBody one.\n\n23:45\nRiver bursts\n\nBody two.\n";
    assert_eq!(instants_taken(text, taken), ["2024-10-19T01:35:00", "2024-10-18T23:45:00"]);
    // Posts that print their own days over their clocks leave the header's day the newest's.
    let text = "Die Wahlnacht im Liveblog\n\n6. November 2024 | Lesezeit: 4 Min.\n\n6. November\n1:05 Uhr\nWahllokale zu\n\n\
                Body one.\n\n6. November\n0:47 Uhr\nWahlparty\n\nBody two.\n\n5. November\n22:30 Uhr\nBeteiligung hoch\n\nBody three.\n";
    assert_eq!(instants_taken(text, taken), ["2024-11-06T01:05:00", "2024-11-06T00:47:00", "2024-11-05T22:30:00"]);
}
