//! The page's stamp families weighed against each other: relative and day-word stamps on the
//! newest posts, date-times on the older ones, a header's date-time, readers' comments.

use super::tests::{is_time, kinds};
use super::*;

#[test]
fn relative_times_on_the_newest_posts_are_no_family_against_dated_ones() {
    // The newest posts say `25 minutes ago`, the older ones a date and a clock; the author
    // stands above each. The header's date-time repeats the opening post's: it is no post.
    let text = "Budget live\n\nHarry McGee and Jack Horgan-Jones\n\nTue Oct 1 2024 - 11:30\n\nTry our calculator\n\n\
                Jack Horgan-Jones\n25 minutes ago\nOpposition reacts\nBody one.\n\n\
                Pádraig Hoare\n57 minutes ago\nWhat it means\nBody two.\n\n\
                Harry McGee\nTue Oct 1 2024 - 15:05\nChambers speaks\nBody three.\n\n\
                Harry McGee\nTue Oct 1 2024 - 13:14\nMinimum wage\nBody four.\n\n\
                Jack Horgan-Jones\nTue Oct 1 2024 - 11:30\nGood morning\nBody five.\n";
    let lines = classify(text, Rules::embedded(), &[]);
    let times: Vec<&str> = lines
        .lines
        .iter()
        .filter(|l| l.kind == Kind::Time)
        .map(|l| &text[l.span.start as usize..l.span.end as usize])
        .collect();
    assert_eq!(
        times,
        [
            "25 minutes ago",
            "57 minutes ago",
            "Tue Oct 1 2024 - 15:05",
            "Tue Oct 1 2024 - 13:14",
            "Tue Oct 1 2024 - 11:30"
        ]
    );
}

#[test]
fn a_dated_first_stamp_older_than_every_post_is_the_pages() {
    let text = "Ski-WM live\n\nRalf Meile · Julian Graf\n\n14.02.2025, 09:30\n\nRangliste\n1. Odermatt 2:21.54\n\n\
                14.02.2025, 14:31\nGold für Odermatt!\nBody one.\n\n14.02.2025, 13:52\nMeillard führt\nBody two.\n\n\
                14.02.2025, 10:45\nErster Lauf\nBody three.\n\n14.02.2025, 09:58\nLos geht's!\nBody four.\n";
    let k = kinds(text, &[]);
    assert_eq!(k[4], Kind::Text, "{k:?}");
    assert_eq!(k.iter().filter(|k| is_time(k)).count(), 4, "{k:?}");
    // A pinned post newer than the oldest stays a post.
    let pinned = text.replace("14.02.2025, 09:30", "14.02.2025, 10:00");
    assert!(is_time(&kinds(&pinned, &[])[4]));
    // A post the page labels as pinned stays a post, however old.
    let labelled = text.replace("14.02.2025, 09:30", "Pinned\n14.02.2025, 09:30");
    assert!(is_time(&kinds(&labelled, &[])[5]));
}

#[test]
fn relative_times_on_the_newest_posts_do_not_outvote_the_date_times_below() {
    let text = "EU-Wahl: die Reaktionen im Liveticker\n\nvor 8 Min.\nEndergebnis ohne Briefwahl\n\
                Das Innenministerium hat das Ergebnis veröffentlicht.\n\nvor 51 Min.\nVilimsky jubelt\n\
                Er sprach von einem historischen Abend.\n\n09.06.2024 um 22:47\nEdtstadler: ÖVP bleibt stabil\n\
                Die Stimmung war gedrückt.\n\n09.06.2024 um 19:10\nErste Hochrechnung\nDie FPÖ liegt voran.\n";
    for line in ["vor 8 Min.", "vor 51 Min.", "09.06.2024 um 22:47", "09.06.2024 um 19:10"] {
        assert!(is_time(&kind_of(text, line)), "{line}");
    }
}

#[test]
fn reporters_names_over_most_clocks_sign_no_readers_comment() {
    let text = "Liverpool beat City: live reaction\n\nAndy Jones\n12m ago\nSlot: not thinking about the table\n\
                Arne Slot was asked three times about the title.\nShare♡ 251\nSam Lee\n44m ago\nGuardiola: a lot\n\
                Pep Guardiola cut a calm figure after the match.\nShare♡ 259\nJames Pearce\n\
                Dec. 1, 2024, 5:02 p.m. GMT\nFull time: Liverpool 2 City 0\nSalah's penalty sealed a deserved win.\n\
                Share♡ 42\nSam Lee\nNov. 30, 2024, 9:58 p.m. GMT\nTeam news at 3pm\nThe line-ups come an hour before.\n";
    let k = kinds(text, &[]);
    assert!(is_time(&kind_of(text, "Dec. 1, 2024, 5:02 p.m. GMT")), "{k:?}");
    assert!(is_time(&kind_of(text, "Nov. 30, 2024, 9:58 p.m. GMT")));
}

#[test]
fn a_feed_of_relative_times_outvotes_the_fewer_date_times_below_it() {
    let text = "Storm live: the latest\n\n5 min ago\nRoads closed\nThe council closed Main Street.\n\n\
                1 hour ago\nWarning extended\nThe warning runs until 9pm.\n\n2 hours ago\nPower cuts\n\
                Crews are working to restore supply.\n\n3 hours ago\nSchools shut\nAll schools are closed today.\n\n\
                22 June 2011 10:06AM\nWhat a mess in town today.\n\n22 June 2011 10:31AM\nStay safe everyone.\n";
    assert!(is_time(&kind_of(text, "5 min ago")));
    assert!(is_time(&kind_of(text, "3 hours ago")));
    assert!(!is_time(&kind_of(text, "22 June 2011 10:06AM")));
    assert!(!is_time(&kind_of(text, "22 June 2011 10:31AM")));
}
