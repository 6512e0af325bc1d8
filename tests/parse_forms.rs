//! Hand-written snippets of the forms real pages take, each through the front door
//! (`parse_bytes`): copied text and dumps where the stamp is not alone on its line, and HTML
//! whose markup splits a stamp in two. Each snippet is the smallest page that shows one form.

mod common;
use common::entries;
use liveblog::model::Story;
use liveblog::parse::{Rules, parse_bytes};
use std::path::PathBuf;

fn parse(name: &str, text: &str) -> Story {
    parse_bytes(PathBuf::from(name), text.as_bytes().to_vec(), Rules::embedded()).unwrap()
}

#[test]
fn updated_date_time_under_every_post() {
    let s = parse(
        "cork.txt",
        "Skip to main content\nCork weather live: orange wind warning as gusts hit 110km/h\n\n\
         Niamh O'Sullivan\nUpdated21:24, 6 OCT 2020\n\nAll times are Irish Standard Time (IST)\n\n\
         Get the biggest Cork stories straight to your inbox\n\nSubscribe\n\
         Updated21:22, 6 OCT 2020\nTrees down on Carrigrohane Road\n\nCrews are clearing two trees.\n\n\
         Updated20:51, 6 OCT 2020\nESB: 12,000 customers without power\n\nMostly in West Cork.\n",
    );
    assert_eq!(s.title, "Cork weather live: orange wind warning as gusts hit 110km/h");
    assert_eq!(
        entries(&s),
        [
            "21:22 2020-10-06T21:22:00+01:00 Trees down on Carrigrohane Road",
            "20:51 2020-10-06T20:51:00+01:00 ESB: 12,000 customers without power",
        ]
    );
}

#[test]
fn relative_time_then_clock_then_author_with_a_stated_zone() {
    let s = parse(
        "election.txt",
        "Live updates: Primary election night results in the county races\n\
         Posted on November 8, 2022 by Dana Ruiz\n\nFollow along for live results. All times Eastern.\n\n\
         4 hours ago8:31 PM Dana Ruiz\n\nTurnout higher than 2018\n\nTurnout appears to be running ahead.\n\n\
         5 hours ago7:02 PM Dana Ruiz\n\nPolls close across the county\n\nPolls have closed at 7 p.m.\n",
    );
    assert_eq!(
        entries(&s),
        [
            "20:31 2022-11-08T20:31:00-05:00 Turnout higher than 2018",
            "19:02 2022-11-08T19:02:00-05:00 Polls close across the county",
        ]
    );
}

#[test]
fn key_events_above_a_pinned_post_are_furniture() {
    let s = parse(
        "strikes.txt",
        "Rail strikes live: unions and ministers trade blame\n\nAlex Harding\n\
         Mon 15 May 2023 12.50 BSTFirst published on Mon 15 May 2023 05.38 BST\nKey events\n\
         4m ago12.50 BST\n\nOffer remains on the table\n\n3h ago09.02 BST\n\nSchools report absences\n\n\
         2h ago10.48 BST\n\nWhat are the unions asking for?\n\nShow key events only\n\nPinned post\n\n\
         7h ago05.38 BST\n\nGood morning\n\nWelcome to our live coverage.\n\n\
         4m ago12.50 BST\n\nOffer remains on the table\n\nThe transport secretary spoke.\n\n\
         3h ago09.02 BST\n\nSchools report absences\n\nSeveral schools in Kent.\n",
    );
    assert_eq!(
        entries(&s),
        [
            "05:38 2023-05-15T05:38:00+01:00 Good morning",
            "12:50 2023-05-15T12:50:00+01:00 Offer remains on the table",
            "09:02 2023-05-15T09:02:00+01:00 Schools report absences",
        ]
    );
}

#[test]
fn html_relative_time_beside_its_clock_is_one_stamp() {
    let s = parse(
        "strikes.html",
        r##"<!doctype html><html lang="en-GB"><head><title>Rail strikes live | Ledger</title></head><body>
<h1>Rail strikes live: unions and ministers trade blame</h1>
<div class="key-events"><h2>Key events</h2><ul>
<li><a href="#b0"><time datetime="2023-05-15T11:50:00.000Z">4m ago</time><span>12.50 BST</span></a><p>Offer remains on the table</p></li>
<li><a href="#b1"><time datetime="2023-05-15T10:42:00.000Z">1h ago</time><span>11.42 BST</span></a><p>New timetable</p></li>
<li><a href="#b2"><time datetime="2023-05-15T08:02:00.000Z">3h ago</time><span>09.02 BST</span></a><p>Schools report absences</p></li>
</ul></div>
<article class="block"><header><p><a href="#b0"><time datetime="2023-05-15T11:50:00.000Z">4m ago</time></a><span>12.50 BST</span></p></header>
<h2>Offer remains on the table</h2><p>The transport secretary spoke.</p></article>
<article class="block"><header><p><a href="#b1"><time datetime="2023-05-15T10:42:00.000Z">1h ago</time></a><span>11.42 BST</span></p></header>
<h2>New timetable</h2><p>Network Rail has published a timetable.</p></article>
<article class="block"><header><p><a href="#b2"><time datetime="2023-05-15T08:02:00.000Z">3h ago</time></a><span>09.02 BST</span></p></header>
<h2>Schools report absences</h2><p>Several schools in Kent.</p></article>
</body></html>"##,
    );
    assert_eq!(
        entries(&s),
        [
            "12:50 2023-05-15T12:50:00+01:00 Offer remains on the table",
            "11:42 2023-05-15T11:42:00+01:00 New timetable",
            "09:02 2023-05-15T09:02:00+01:00 Schools report absences",
        ]
    );
}

#[test]
fn a_desk_byline_ending_with_a_clock_and_zone_opens_each_post() {
    let s = parse(
        "cable.txt",
        "Election night live updates: Polls close in key battleground states\n\
         Updated 1:12 a.m. ET, November 6, 2024\nBy National News Network staff\n\
         From the National Desk1:12 a.m. ET\nPennsylvania count continues overnight\n\n\
         Officials will keep counting, as the vote closed at 9:40 p.m. ET in the west.\n\nLink Copied!\n\
         From the National Desk11:47 p.m. ET\nPolls close on the West Coast\n\nPolls have now closed.\n",
    );
    assert_eq!(
        entries(&s),
        [
            "01:12 2024-11-06T01:12:00-05:00 Pennsylvania count continues overnight",
            "23:47 2024-11-05T23:47:00-05:00 Polls close on the West Coast",
        ]
    );
}

#[test]
fn german_relative_times_behind_dump_bullets() {
    let s = parse(
        "ticker.txt",
        "Liveticker zum Bahnstreik: Fernverkehr fast komplett eingestellt\n\n\
         Aktualisiert: 12. März 2024, 16:48 Uhr\n\n  • vor 6 Min.16:48 Uhr\n\n    GDL kündigt Ende des Streiks an\n\n\
             Die Gewerkschaft hat angekündigt, den Streik am Mittwoch zu beenden. Die Bahn sagt, dass der Verkehr nicht vor dem Abend wieder läuft.\n\n  • vor 1 Std.15:20 Uhr\n\n\
             Pendler steigen aufs Auto um\n\n    Auf den Autobahnen und in der Stadt bildeten sich lange Staus, die Polizei ist mit vielen Kräften im Einsatz.\n",
    );
    assert_eq!(s.title, "Liveticker zum Bahnstreik: Fernverkehr fast komplett eingestellt");
    assert_eq!(
        entries(&s),
        [
            "16:48 2024-03-12T16:48:00+01:00 GDL kündigt Ende des Streiks an",
            "15:20 2024-03-12T15:20:00+01:00 Pendler steigen aufs Auto um",
        ]
    );
}

#[test]
fn a_two_sentence_standfirst_is_not_the_title() {
    let s = parse(
        "neve.txt",
        "Vai al contenuto\nHomeTrentoRoveretoValliSport\n\n\
         Neve in Trentino, la cronaca della giornata: passi chiusi e disagi sulla A22\n\n\
         Nevicate fino a fondovalle, chiusi i passi dolomitici. Aggiornamenti in tempo reale\n\n\
         17 Gennaio 2024 Aggiornato alle 18:40\n\n18:40 - Riaperto il passo del Tonale\n\n\
         Il passo del Tonale è stato riaperto al traffico.\n\n17:52 - A22, code tra Rovereto e Trento\n\n\
         Sull'autostrada si registrano code.\n",
    );
    assert_eq!(s.title, "Neve in Trentino, la cronaca della giornata: passi chiusi e disagi sulla A22");
    assert_eq!(entries(&s).len(), 2);
}

/// Day headers that name their weekday but print no year (`Donnerstag, 18. 7.`), on a copy
/// taken on a known day: the latest year in which that day fell on that weekday.
fn day_headers_without_a_year(taken: Option<chrono::NaiveDate>) -> Story {
    let text = "Liveticker: Unwetter in der Schweiz\n\nDonnerstag, 1. 1.\n\n09:15\n\
                Sturmböen im Mittelland.\n\nMittwoch, 31. 12.\n\n23:40\n\
                Erste Gewitter im Tessin.\n\n18:05\nDie Warnstufe wird erhöht.\n";
    liveblog::parse::parse_taken(PathBuf::from("ticker.txt"), text.as_bytes().to_vec(), Rules::embedded(), taken)
        .unwrap()
}

#[test]
fn a_day_header_without_a_year_takes_the_latest_year_its_weekday_fits() {
    let taken = chrono::NaiveDate::from_ymd_opt(2026, 11, 22);
    let s = day_headers_without_a_year(taken);
    // 1 January fell on a Thursday in 2026 (and 2015 before it); the header below it is
    // the day before, across the new year.
    // The local date-time only: the page is German enough to be read in Berlin time.
    let days: Vec<String> =
        entries(&s).iter().map(|e| e.split(' ').nth(1).unwrap_or("").chars().take(19).collect()).collect();
    assert_eq!(days, ["2026-01-01T09:15:00", "2025-12-31T23:40:00", "2025-12-31T18:05:00"], "{:?}", entries(&s));
    // Taken before 1 January 2026, the same page is the Thursday of 2015.
    let s = day_headers_without_a_year(chrono::NaiveDate::from_ymd_opt(2025, 6, 1));
    assert!(entries(&s)[0].contains("2015-01-01T09:15"), "{:?}", entries(&s));
}

#[test]
fn without_the_day_a_copy_was_taken_a_yearless_day_header_dates_nothing() {
    let s = day_headers_without_a_year(None);
    assert_eq!(s.entries.iter().filter(|e| e.at.is_some()).count(), 0, "{:?}", entries(&s));
    assert_eq!(s.entries.iter().filter(|e| e.clock.is_some()).count(), 3);
}

#[test]
fn posted_at_and_spanish_h_and_updated_after_the_clock_stamp_posts() {
    let s = parse(
        "bbc.txt",
        "Train strike: Rail passengers face disruption across England\n\
         Live Reporting · Edited by Sam Hughes · Tuesday 12 March 2024\n\n\
         Posted at 17:20\nEvening services wind down early\n\nMost of the operators say that the last trains will leave early and that it is the same for all of the lines in the north.\n\n\
         Posted at 16:02\nUnion says more strikes possible\n\nFurther action is not ruled out.\n",
    );
    assert_eq!(s.title, "Train strike: Rail passengers face disruption across England");
    assert_eq!(
        entries(&s),
        [
            "17:20 2024-03-12T17:20:00Z Evening services wind down early",
            "16:02 2024-03-12T16:02:00Z Union says more strikes possible",
        ]
    );
    let s = parse(
        "pt.txt",
        "Incêndios: acompanhe ao minuto a situação no distrito de Aveiro\n\
         17 de setembro de 2024, 09h15 · atualizado às 19h49\n\n\
         19h40 atualizado às 19h49\nAutoestrada A1 reaberta\n\nA A1 foi reaberta ao trânsito.\n\n\
         17h12 atualizado às 17h25\nTrês mortos confirmados\n\nA Proteção Civil confirmou.\n",
    );
    assert_eq!(s.title, "Incêndios: acompanhe ao minuto a situação no distrito de Aveiro");
    assert_eq!(
        entries(&s),
        [
            "19:40 2024-09-17T19:40:00+01:00 Autoestrada A1 reaberta",
            "17:12 2024-09-17T17:12:00+01:00 Três mortos confirmados",
        ]
    );
}

#[test]
fn a_share_bar_run_into_the_next_stamp_and_a_zoned_byline_date_the_posts() {
    let s = parse(
        "es.txt",
        "Elecciones en Galicia, en directo\n\
         Santiago · Actualizado: 18/02/2024 - 22:53 h CET\n\n\
         22:41 h\nRueda celebra la mayoría absoluta\n\nEl candidato ha comparecido.\n\
         Compartir en Facebook Compartir en X21:30 h\nEscrutado el 50 % de los votos\n\n\
         Con la mitad de los votos contados.\n",
    );
    assert_eq!(
        entries(&s),
        [
            "22:41 2024-02-18T22:41:00+01:00 Rueda celebra la mayoría absoluta",
            "21:30 2024-02-18T21:30:00+01:00 Escrutado el 50 % de los votos",
        ]
    );
    let s = parse(
        "keynote.txt",
        "Devcon 2024 keynote live blog: all the announcements as they happen\n\n\
         By Dana Kim and Luis Ortega · Jun 10, 2024, 11:55 AM PDT\n\n\
         11:52AM Dana Kim\nThat's a wrap\n\nThe keynote is over.\n\n\
         11:31AM Dana Kim\nOne more thing\n\nA new laptop ships next month.\n",
    );
    assert_eq!(s.title, "Devcon 2024 keynote live blog: all the announcements as they happen");
    assert_eq!(
        entries(&s),
        ["11:52 2024-06-10T11:52:00-07:00 That's a wrap", "11:31 2024-06-10T11:31:00-07:00 One more thing"]
    );
}
