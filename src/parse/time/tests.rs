//! Stamps, datelines and day headers in the forms real pages print them.

use super::*;
use chrono::{NaiveDate, NaiveTime};

fn clock(line: &str) -> Option<String> {
    stamp(line, None).map(|c| c.clock.to_string())
}

fn rest(line: &str) -> Option<&str> {
    stamp(line, None).and_then(|s| s.rest).map(|(a, b)| &line[a..b])
}

#[test]
fn entry_clock_forms() {
    for (line, want) in [
        ("17H38", "17:38"),
        ("Posted at 14:05", "14:05"),
        ("22:41 h", "22:41"),
        ("14:05 h CET", "14:05"),
        ("19h40 atualizado às 19h49", "19:40"),
        ("Compartir en Facebook Compartir en X21:30 h", "21:30"),
        ("Share on Facebook Share on X 10:32", "10:32"),
        ("9:12 (updated 9:40)", "09:12"),
        ("17h38", "17:38"),
        ("9h05", "09:05"),
        ("18 h 40", "18:40"),
        ("9\u{a0}h\u{a0}05", "09:05"),
        ("07\u{202f}h\u{202f}30", "07:30"),
        ("17:38", "17:38"),
        ("17.38\u{a0}GMT", "17:38"),
        ("4.53pm BST", "16:53"),
        ("9.05am", "09:05"),
        ("12:34 pm", "12:34"),
        ("12.05am", "00:05"),
        ("10:37 AM", "10:37"),
        ("22h54.", "22:54"),
        ("Le 23/06 à 06:04", "06:04"),
        ("4m ago12.50 BST", "12:50"),
        ("21 mins ago11:48 Jon King", "11:48"),
        ("21:22Frances Watkins", "21:22"),
        ("5 hours ago7:02 PM Dana Ruiz", "19:02"),
        ("vor 6 Min.16:48 Uhr", "16:48"),
        ("Heute, 11:50 Uhr", "11:50"),
        ("Gestern, 22:10 Uhr", "22:10"),
        ("Yesterday at 9.05pm", "21:05"),
        ("Today 14:03", "14:03"),
        ("Aujourd'hui à 14h03", "14:03"),
        ("Hier, 18h35", "18:35"),
        ("Oggi alle 9.12", "09:12"),
        ("Ayer a las 22:41 h", "22:41"),
        ("From the National Desk1:12 a.m. ET", "01:12"),
        ("From the National Desk 9:40 p.m. ET", "21:40"),
        ("vor 1 Std.15:20 Uhr", "15:20"),
        ("il y a 5 min12h30", "12:30"),
        ("hace 2 horas10:05", "10:05"),
        ("18:28KEY EVENT", "18:28"),
        ("11.04 Uhr: Ein Titel", "11:04"),
        ("2.59 Uhr: Gewitter im Süden", "02:59"),
        ("16:56 - Le but de Lorient", "16:56"),
        ("18:32 (IST), Oct 02", "18:32"),
        ("Jamie Braidwood14 August 2023 10:01", "10:01"),
        ("Le Monde le 26 février à 23h28", "23:28"),
        ("November02202321:06 (IST)", "21:06"),
        ("27.08.2024, 12:32 Uhr", "12:32"),
        ("Oct 02, 2020, 19:02:47 IST", "19:02"),
    ] {
        assert_eq!(clock(line).as_deref(), Some(want), "{line}");
    }
}

#[test]
fn what_stands_beside_the_clock() {
    assert_eq!(rest("21 mins ago11:48 Jon King"), Some("Jon King"));
    assert_eq!(rest("21:22Frances Watkins"), Some("Frances Watkins"));
    assert_eq!(rest("5 hours ago7:02 PM Dana Ruiz"), Some("Dana Ruiz"));
    assert_eq!(rest("From the National Desk1:12 a.m. ET"), Some("From the National Desk"));
    assert_eq!(stamp("From the National Desk1:12 a.m. ET", None).unwrap().shape, Shape::Byline);
    assert_eq!(stamp("18:28KEY EVENT", None).unwrap().shape, Shape::Label);
    assert_eq!(rest("11.04 Uhr: Ein Titel"), Some("Ein Titel"));
    assert_eq!(stamp("16:56 - Le but", None).unwrap().shape, Shape::Inline);
    assert_eq!(rest("Jamie Braidwood14 August 2023 10:01"), Some("Jamie Braidwood"));
    assert_eq!(rest("Le Monde le 26 février à 23h28"), Some("Le Monde"));
    let s = stamp("Le Monde le 26 février à 23h28", None).unwrap();
    assert_eq!((s.shape, s.date), (Shape::Byline, Some((26, 2, None))));
    let s = stamp("18:32 (IST), Oct 02", None).unwrap();
    assert_eq!((s.shape, s.date), (Shape::Dated, Some((2, 10, None))));
    assert_eq!(s.zone.unwrap().name(), "Asia/Kolkata");
    let s = stamp("November02202321:06 (IST)", None).unwrap();
    assert_eq!(s.date, Some((2, 11, Some(2023))));
    assert_eq!(stamp("4m ago12.50 BST", None).unwrap().zone, zone_named("BST"));
    assert_eq!(stamp("12.50 MESZ", None).unwrap().zone.unwrap().name(), "MESZ");
    // An offset written after GMT or UTC (`11:32 AM GMT+1`) is that offset.
    let s = stamp("11:32 AM GMT+1", None).expect("a clock with an offset zone");
    assert_eq!((s.clock, s.zone.unwrap().name()), (Clock::new(11, 32).unwrap(), "GMT+1"));
    assert_eq!(stamp("9:05 PM UTC-4", None).unwrap().zone.unwrap().name(), "UTC-4");
}

#[test]
fn an_updated_date_time_alone_is_a_dated_shape() {
    // Seen once it is the page's dateline (weighed in `lines`); under every post it stamps it.
    let s = stamp("Updated21:22, 6 OCT 2020", None).unwrap();
    assert_eq!((s.clock.to_string().as_str(), s.shape, s.date), ("21:22", Shape::Dated, Some((6, 10, Some(2020)))));
    assert_eq!(stamp("Updated: 09:05, 7 Oct 2020", None).unwrap().shape, Shape::Dated);
    assert_eq!(stamp("Mis à jour le 26 février 2024 à 23h28", None).unwrap().clock.to_string(), "23:28");
    assert!(stamp("Direct démarré le 21 octobre 2024 à 6H30 TU", None).is_none(), "said once, in the header");
    assert!(stamp("Sports Desk | Updated: November 02, 2023 21:06 IST", None).is_none(), "a byline's dateline");
    assert!(stamp("The story was updated by our reporters 21:22, 6 OCT 2020", None).is_none());
}

#[test]
fn not_stamps() {
    for line in [
        "2024",
        "17",
        "Updated at 19.38 GMT",
        "25h10",
        "25 h 10",
        "20 h",
        "18 h 4",
        "17h38 aide",
        "13.45pm",
        "100 000",
        "Le président",
        "96'",
        "See 1.38pm",
        "The vote closes at 9:40 p.m. ET",
        "Polls close in 16 states. 8:00 p.m. ET",
        "Horaires : 17h00",
        "Share on X 10:32 and see what the minister said",
        "Facebook 21:30",
        "11:48, Thu, Jul 18, 2024 | UPDATED: 11:50, Thu, Jul 18, 2024",
        "Mon 15 May 2023 12.50 BSTFirst published on Mon 15 May 2023 05.38 BST",
        "02 Novembre 2023 Aggiornato alle 16:58",
        "14.08.2024",
        "Le 5 mai, le président a dit à 18h30 qu'il viendrait. Puis il est reparti.",
    ] {
        assert_eq!(clock(line), None, "{line}");
    }
}

#[test]
fn datelines_of_each_kind() {
    let d = datelines("Direct démarré le 21 octobre 2024 à 6H30 TU");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].kind, DatelineKind::Started);
    assert_eq!(d[0].date, NaiveDate::from_ymd_opt(2024, 10, 21).unwrap());
    assert_eq!(d[0].time, NaiveTime::from_hms_opt(6, 30, 0));
    assert_eq!(d[0].zone, Some(Zone::UTC));

    let d = datelines("First published on Fri 19 Feb 2021 17.20\u{a0}GMT");
    assert_eq!((d[0].kind, d[0].time), (DatelineKind::Started, NaiveTime::from_hms_opt(17, 20, 0)));
    assert_eq!(datelines("Fri 19 Feb 2021 19.41 GMT")[0].kind, DatelineKind::Plain);
    let d = datelines("Publié le 20/09/2023 06:40");
    assert_eq!((d[0].kind, d[0].date.to_string()), (DatelineKind::Published, "2023-09-20".into()));
    let d = datelines("Publié le 16 mai 2022 à 6h00, mis à jour le 17 mai 2022 à 6h19");
    assert_eq!(d.len(), 2);
    assert_eq!((d[1].kind, d[1].date.to_string()), (DatelineKind::Updated, "2022-05-17".into()));
    assert_eq!(datelines("Direct terminé le 21 octobre 2024 à 20H15 TU")[0].kind, DatelineKind::Ended);
    assert_eq!(datelines("Ukraine war live: Thursday 18 January 2018")[0].date.to_string(), "2018-01-18");
    assert_eq!(datelines("12.10.2023, 16:08")[0].time, NaiveTime::from_hms_opt(16, 8, 0));
    assert_eq!(datelines("Live ended March 3, 2024 at 4:05 pm")[0].time, NaiveTime::from_hms_opt(16, 5, 0));
}

#[test]
fn datelines_in_other_languages_and_orders() {
    let d = datelines("Updated21:22, 6 OCT 2020");
    assert_eq!(
        (d[0].kind, d[0].date.to_string(), d[0].time),
        (DatelineKind::Updated, "2020-10-06".into(), NaiveTime::from_hms_opt(21, 22, 0))
    );
    let d = datelines("11:48, Thu, Jul 18, 2024 | UPDATED: 11:50, Thu, Jul 18, 2024");
    assert_eq!(d.len(), 2);
    assert_eq!((d[1].kind, d[1].time), (DatelineKind::Updated, NaiveTime::from_hms_opt(11, 50, 0)));
    let d = datelines("02 Novembre 2023 Aggiornato alle 16:58");
    assert_eq!(
        (d[0].kind, d[0].date.to_string(), d[0].time),
        (DatelineKind::Updated, "2023-11-02".into(), NaiveTime::from_hms_opt(16, 58, 0))
    );
    let d = datelines("Mon 15 May 2023 12.50 BSTFirst published on Mon 15 May 2023 05.38 BST");
    assert_eq!(d.len(), 2);
    assert_eq!((d[0].kind, d[1].kind), (DatelineKind::Plain, DatelineKind::Started));
    assert_eq!(d[1].time, NaiveTime::from_hms_opt(5, 38, 0));
    assert_eq!(datelines("27.08.2024, 12:32 Uhr")[0].time, NaiveTime::from_hms_opt(12, 32, 0));
    let d = datelines("Oct 02, 2020, 19:02:47 IST");
    assert_eq!((d[0].date.to_string(), d[0].zone.unwrap().name()), ("2020-10-02".into(), "Asia/Kolkata"));
    assert_eq!(datelines("publicado el 3 de agosto de 2024 a las 10:15")[0].date.to_string(), "2024-08-03");
}

#[test]
fn an_updated_clock_before_its_own_date_is_that_dates() {
    // Reach-like header: the update crossed midnight, its clock must not join the first date.
    let d = datelines("19:00, 25 NOV 2024 Updated 00:31, 26 NOV 2024 Bookmark");
    let read: Vec<_> = d.iter().map(|p| (p.kind, p.date.to_string(), p.time)).collect();
    assert_eq!(
        read,
        vec![
            (DatelineKind::Plain, "2024-11-25".into(), NaiveTime::from_hms_opt(19, 0, 0)),
            (DatelineKind::Updated, "2024-11-26".into(), NaiveTime::from_hms_opt(0, 31, 0)),
        ]
    );
}

#[test]
fn day_headers() {
    assert_eq!(day_header("Lundi 21 octobre"), Some((21, 10, None)));
    assert_eq!(day_header("Sunday 20 October 2024"), Some((20, 10, Some(2024))));
    assert_eq!(day_header("Mardi 1er avril"), Some((1, 4, None)));
    assert_eq!(day_header("Donnerstag, 18. 7."), Some((18, 7, None)));
    assert_eq!(day_header("Dienstag, 27. August 2024"), Some((27, 8, Some(2024))));
    assert_eq!(day_header("martes 27 de agosto de 2024"), Some((27, 8, Some(2024))));
    assert_eq!(day_header("Lundi, la Russie a frappé"), None);
}

#[test]
fn month_names() {
    assert_eq!(month_number("juin"), Some(6));
    assert_eq!(month_number("juillet"), Some(7));
    assert_eq!(month_number("Févr"), Some(2));
    assert_eq!(month_number("Sept"), Some(9));
    assert_eq!(month_number("foo"), None);
}

#[test]
fn zone_statements() {
    assert_eq!(zone_statement("Les horaires sont affichés en temps universel."), Some(Zone::UTC));
    assert_eq!(zone_statement("All times stated are UK"), Some(Zone::Region(chrono_tz::Europe::London)));
    assert_eq!(zone_statement("Les heures sont en heure de Paris"), Some(Zone::Region(chrono_tz::Europe::Paris)));
    assert_eq!(zone_statement("Tutti gli orari in ora italiana"), Some(Zone::Region(chrono_tz::Europe::Rome)));
    assert_eq!(
        zone_statement("Todos los horarios corresponden a la hora de Argentina (GMT-3)."),
        Some(Zone::Region(chrono_tz::America::Argentina::Buenos_Aires))
    );
    assert_eq!(zone_statement("Horarios en hora de Canarias"), Some(Zone::Region(chrono_tz::Atlantic::Canary)));
    let ny = Some(Zone::Region(chrono_tz::America::New_York));
    assert_eq!(zone_statement("Follow along for live results. All times Eastern."), ny);
    assert_eq!(
        zone_statement("All times are Irish Standard Time (IST)"),
        Some(Zone::Region(chrono_tz::Europe::Dublin))
    );
    assert!(dateline::is_zone_line("All times are Irish Standard Time (IST)"));
    assert!(!dateline::is_zone_line("Polls close at 7pm Eastern time, and the first results are due soon."));
    assert!(dateline::is_zone_line("TIMES ARE approximate"), "any case");
    assert!(!dateline::is_zone_line("all time"), "too short to say it");
}

#[test]
fn twelve_am_is_midnight_everywhere() {
    assert_eq!(clock_of("12", Some("35"), Some("am")).unwrap().to_string(), "00:35");
    assert_eq!(clock_of("12", Some("35"), Some("pm")).unwrap().to_string(), "12:35");
}

#[test]
fn a_schedule_row_is_not_a_glued_label() {
    assert_eq!(stamp("19:15 Moje Bermudy Stal Gorzów 55 : 34 Betard Sparta Wrocław", None), None);
    assert_eq!(stamp("17:38 Breaking news", None), None);
}

#[test]
fn stamps_of_the_holdout_layouts() {
    // A 12-hour clock with minutes marks a stamp with a byline after it; a label may stand
    // before it; `ore` may label an Italian clock; a capitalised label may follow a byline's zone.
    assert_eq!(clock("9.02am By Helen Carr").as_deref(), Some("09:02"));
    assert_eq!(rest("9.02am By Helen Carr"), Some("By Helen Carr"));
    assert_eq!(clock("BREAKING 12.47pm By Helen Carr").as_deref(), Some("12:47"));
    assert_eq!(clock("Analysis 2.20pm").as_deref(), Some("14:20"));
    assert_eq!(clock("KEY EVENT 2.20pm").as_deref(), Some("14:20"));
    assert_eq!(rest("Analysis 2.20pm"), Some("Analysis"));
    assert_eq!(clock("ore 21.38").as_deref(), Some("21:38"));
    assert_eq!(clock("Camille Dupont19:42 CETKEY EVENT").as_deref(), Some("19:42"));
    assert_eq!(rest("Camille Dupont19:42 CETKEY EVENT"), Some("Camille Dupont"));
    for line in ["Sunday 9.30pm", "Until 9.30pm", "Updated 2.20pm", "Analysis 14:20", "ore fa 21.38", "JennyW 2.58pm"] {
        assert_eq!(clock(line), None, "{line}");
    }
}

#[test]
fn any_zone_name_states_the_page_zone() {
    assert_eq!(zone_statement("All times AEDT."), zone_named("AEDT"));
    assert_eq!(zone_statement("Times in CET"), zone_named("CET"));
    assert_eq!(zone_statement("Sometimes CET"), None);
}

#[test]
fn a_long_credit_opened_by_a_byline_word_ends_with_the_post_stamp() {
    let line =
        "By Muiris O'Cearbhaill, Political Correspondent, and Press Association reporters · Tue 1 Oct 2024, 14:03";
    assert_eq!(clock(line).as_deref(), Some("14:03"));
    // Without the byline word, so long a text before a date-time is a sentence.
    let sentence =
        "Ministers confirmed in a statement to the Dáil and to Press Association reporters · Tue 1 Oct 2024, 14:03";
    assert_eq!(clock(sentence), None);
}

#[test]
fn a_published_word_before_a_day_word_and_a_clock_that_glues_its_author() {
    // Tamedia's `Publié aujourd'hui à 11h54`: the clock stamps the post, the day word dates it.
    assert_eq!(clock("Publié aujourd'hui à 11h54").as_deref(), Some("11:54"));
    assert_eq!(clock("Publié hier à 22h40").as_deref(), Some("22:40"));
    // With an update after it, the line is the page's dateline.
    assert_eq!(clock("Publié aujourd'hui à 08h05 · Mis à jour il y a 40 minutes"), None);
    // A byline word and a name glued to the clock are the post's author.
    assert_eq!(clock("09:14di Davide Falcioni").as_deref(), Some("09:14"));
    assert_eq!(rest("09:14di Davide Falcioni"), Some("di Davide Falcioni"));
    assert_eq!(clock("14:03 Uhr, von Anna Thewalt").as_deref(), Some("14:03"));
    assert!(clock("14:03 Uhr, von der Leyen sagte, sie werde heute sprechen").is_none());
    assert_eq!(rest("17:12By Jane Smith"), Some("By Jane Smith"));
    assert_eq!(clock("09:14di cui parlava"), None);
    // A `published` date-time over each post stamps it like an `Updated` one.
    let s = stamp("Publié le 28 juin 2024 à 18h05", None).expect("a published stamp");
    assert_eq!((s.clock.to_string().as_str(), s.shape, s.date), ("18:05", Shape::Dated, Some((28, 6, Some(2024)))));
}

#[test]
fn a_two_figure_year_before_a_clock_is_this_centurys() {
    let s = stamp("Publié le 10/06/24 à 14h03", None).expect("a stamp");
    assert_eq!((s.clock.to_string().as_str(), s.date), ("14:03", Some((10, 6, Some(2024)))));
    assert_eq!(stamp("10/06/24 14:03", None).and_then(|s| s.date), Some((10, 6, Some(2024))));
    // Without a clock after it, `1.5.20` is no date.
    assert!(datelines("version 1.5.20 is out").is_empty());
}

#[test]
fn a_yearless_numeric_date_before_a_clock_stamps_a_post() {
    // ORF-like: weekday, `day.month.` with no year, then a dotted clock.
    for (line, want, day) in [
        ("Mo., 16.9., 07.15", "07:15", (16, 9)),
        ("So., 15.9., 23.48", "23:48", (15, 9)),
        ("Di., 1.10., 9:05 Uhr", "09:05", (1, 10)),
        ("16.9. 07.15", "07:15", (16, 9)),
    ] {
        let s = stamp(line, None).unwrap_or_else(|| panic!("{line}"));
        assert_eq!((s.clock.to_string().as_str(), s.date), (want, Some((day.0, day.1, None))), "{line}");
    }
    // Without a clock, or with no month, the numbers are no stamp; a year still needs its date.
    for line in ["Mo., 16.9.", "am 16.9. gegen Mittag", "18.30. 19.45", "Messzeit 45.9. 18.00"] {
        assert!(stamp(line, None).is_none_or(|s| s.date.is_none()), "{line}");
    }
    assert!(datelines("Mo., 16.9., 07.15").is_empty());
}

#[test]
fn ordinal_days_yearless_dates_after_the_clock_and_minutes_before_it() {
    for (line, want) in [
        ("Sarah Freeman7th Dec 2024, 16:45 GMT", "16:45"),
        ("Grace Newton1st Dec 2024, 10:38 GMT", "10:38"),
        ("21:40 | 15.09.", "21:40"),
        ("62e18h22", "18:22"),
        ("80'18:41", "18:41"),
    ] {
        assert_eq!(clock(line).as_deref(), Some(want), "{line}");
    }
    let d = datelines("Updated 22nd Aug 2024, 15:52 BST");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].kind, DatelineKind::Updated);
    assert_eq!(d[0].date, NaiveDate::from_ymd_opt(2024, 8, 22).unwrap());
    assert_eq!(d[0].time, NaiveTime::from_hms_opt(15, 52, 0));
    // A yearless numeric date is no dateline alone, nor before a clock it does not follow.
    assert!(datelines("15.09.").is_empty());
    assert!(clock("62e minute").is_none());
}

#[test]
fn a_slash_between_the_date_and_the_clock_keeps_the_stamp() {
    // `Nov 21, 2024 / 15:34 IST`, as Indian market blogs print a post's stamp.
    let s = stamp("Nov 21, 2024 / 15:34 IST", None).expect("a dated stamp");
    assert_eq!(s.clock.to_string(), "15:34");
    assert_eq!(s.date, Some((21, 11, Some(2024))));
    assert_eq!(clock("November 21, 2024 / 09:17 IST").as_deref(), Some("09:17"));
    // A fraction or a season is no date-time.
    assert_eq!(clock("Results 2024/25 12:30"), None);
}

#[test]
fn a_clock_first_dateline_leaves_the_next_updated_clock_to_its_own_date() {
    let d = datelines("Helen Johnson 18:05, 20 OCT 2024 Updated 00:42, 21 OCT 2024");
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(
        (d[0].kind, d[0].date, d[0].time),
        (DatelineKind::Plain, NaiveDate::from_ymd_opt(2024, 10, 20).unwrap(), NaiveTime::from_hms_opt(18, 5, 0))
    );
    assert_eq!(
        (d[1].kind, d[1].date, d[1].time),
        (DatelineKind::Updated, NaiveDate::from_ymd_opt(2024, 10, 21).unwrap(), NaiveTime::from_hms_opt(0, 42, 0))
    );
    // With no clock before the date, the `Aggiornato alle` clock is the date's own.
    let d = datelines("02 Novembre 2023 Aggiornato alle 16:58");
    assert_eq!((d.len(), d[0].time), (1, NaiveTime::from_hms_opt(16, 58, 0)));
}

#[test]
fn a_capitalised_clock_word_and_a_play_count_leave_the_clock() {
    assert_eq!(clock("Ore 23.45 – Esondato il Bisenzio a Prato. Il fiume è uscito").as_deref(), Some("23:45"));
    assert_eq!(rest("Ore 23.45 – Esondato il Bisenzio a Prato."), Some("Esondato il Bisenzio a Prato."));
    for (line, want) in
        [("22:4888.", "22:48"), ("22h0862e", "22:08"), ("21h011re", "21:01"), ("4:52 PM IST27.0 ov", "16:52")]
    {
        assert_eq!(clock(line).as_deref(), Some(want), "{line}");
    }
}
