//! The gaps named at the last stop of issue 8, each on small pages written for these tests:
//! relative times inside a line (`By Jon Smith · 2 hours ago`, `vor 5 Minuten · Anna Weber`,
//! `Aggiornato 3 minuti fa`) in copied text and in HTML; pages that print no year, dated from
//! when the copy was taken; headlines printed above their stamps and shown only as a
//! breadcrumb.

mod common;
use common::entries;
use liveblog::model::Story;
use liveblog::parse::{Rules, parse_bytes, parse_taken_at};

fn taken(name: &str, text: &str, at: &str) -> Story {
    let at = chrono::DateTime::parse_from_rfc3339(at).unwrap().to_utc();
    parse_taken_at(name.into(), text.as_bytes().to_vec(), Rules::embedded(), Some(at)).unwrap()
}

fn rule_of(story: &Story, text: &str) -> Option<String> {
    story.dropped.iter().find(|d| story.str(d.span).contains(text)).map(|d| d.rule.clone())
}

#[test]
fn a_byline_beside_a_relative_time_stamps_its_post_in_english() {
    // `Last updated 12:53 BST`: the relative times count back from it.
    let page = "Rail strike live: no trains across the south\nLast updated 18 July 2024 12:53 BST\n\nBy Jon Smith · 2 hours ago\nUnions reject the latest offer\nThe union says the offer does not cover last year's inflation.\n\nSarah Jones, 5 mins ago\nCommuters told to work from home\nOperators say only one train an hour will run on most lines.\n\n09:40\nStations closed in Kent\nSeveral stations in Kent will stay closed all day.\n";
    let s = taken("rail.txt", page, "2024-07-18T12:00:00Z");
    assert_eq!(
        entries(&s),
        [
            "10:53 2024-07-18T10:53:00+01:00 Unions reject the latest offer",
            "12:48 2024-07-18T12:48:00+01:00 Commuters told to work from home",
            "09:40 2024-07-18T09:40:00+01:00 Stations closed in Kent",
        ]
    );
    // The name beside the time is the post's author, not its text.
    assert_eq!(rule_of(&s, "By Jon Smith").as_deref(), Some("author"));
    assert!(s.entry_refs().all(|e| !e.plain_text().contains("Sarah Jones")));
}

#[test]
fn a_relative_time_beside_a_name_in_german_french_and_italian() {
    // Without a shown update the posts count back from when the copy was taken.
    let de = "Liveticker: Hochwasser an der Donau\n\nvor 5 Minuten · Anna Weber\nPegel in Passau sinkt\nDer Pegel ist seit dem Morgen um einen halben Meter gefallen.\n\nvor 2 Stunden · Jonas Bauer\nAltstadt evakuiert\nDie Feuerwehr hat die Altstadt am Vormittag geräumt.\n";
    let s = taken("de.txt", de, "2024-06-03T10:05:00Z");
    assert_eq!(
        entries(&s),
        ["12:00 2024-06-03T12:00:00+02:00 Pegel in Passau sinkt", "10:05 2024-06-03T10:05:00+02:00 Altstadt evakuiert",]
    );
    let fr = "En direct : les agriculteurs bloquent Paris\n\nil y a 12 min - Le Monde\nLe périphérique bloqué\nDes tracteurs bloquent le périphérique depuis ce matin.\n\nil y a 1 heure - Le Monde\nLe gouvernement reçoit les syndicats\nLe premier ministre reçoit les syndicats agricoles à Matignon.\n";
    let s = taken("fr.txt", fr, "2024-01-29T13:12:00Z");
    assert_eq!(
        entries(&s),
        [
            "14:00 2024-01-29T14:00:00+01:00 Le périphérique bloqué",
            "13:12 2024-01-29T13:12:00+01:00 Le gouvernement reçoit les syndicats",
        ]
    );
    let it = "Maltempo in Liguria, la diretta\n\nAggiornato 3 minuti fa\nChiusa la statale 45\nUna frana ha bloccato la strada che porta alla valle, e il traffico è deviato per tutta la giornata.\n\nAggiornato 40 minuti fa\nScuole chiuse a Genova\nIl sindaco ha firmato l'ordinanza che chiude le scuole della città per il maltempo, dopo la riunione con la protezione civile.\n";
    let s = taken("it.txt", it, "2023-11-02T15:03:00Z");
    assert_eq!(
        entries(&s),
        [
            "16:00 2023-11-02T16:00:00+01:00 Chiusa la statale 45",
            "15:23 2023-11-02T15:23:00+01:00 Scuole chiuse a Genova",
        ]
    );
}

#[test]
fn an_updated_relative_time_printed_once_is_the_pages_not_a_post() {
    let page = "Storm live: power cuts across the north\nUpdated 5 min ago\n\n11:48\nPower restored in Leeds\nEngineers have restored power to most homes.\n\n10:15\nTrains suspended\nNo trains will run north of York today.\n";
    let s = taken("storm.txt", page, "2024-02-01T12:00:00Z");
    let clocks: Vec<String> = s.entries.iter().map(|e| e.clock.unwrap().to_string()).collect();
    assert_eq!(clocks, ["11:48", "10:15"]);
}

#[test]
fn a_relative_time_beside_a_name_never_overrides_the_posts_clock_nor_dates_comments() {
    let page = "Heatwave live\n\nBy Jon Smith · 2 hours ago\n11:48\nHottest day of the year\nThe weather service says 33.4C was recorded at the airport.\n\n09:15\nSpeed limits on the railway\nSpeed restrictions are in place where the track may buckle.\n\nComments\nMary Jones · 2 hours ago\nFar too hot to work today.\nKev Brown · 3 hours ago\nNot a patch on the summer of 1976.\n";
    let s = taken("heat.txt", page, "2024-07-18T12:00:00Z");
    let clocks: Vec<String> = s.entries.iter().map(|e| e.clock.unwrap().to_string()).collect();
    assert_eq!(clocks, ["11:48", "09:15"]);
    assert_eq!(rule_of(&s, "Kev Brown").as_deref(), Some("relative-time"));
    assert_eq!(rule_of(&s, "Mary Jones").as_deref(), Some("relative-time"));
}

#[test]
fn a_headline_and_a_relative_time_in_a_rail_stamp_nothing() {
    // Other stories' headlines beside their times are no bylines.
    let page = "Floods live\n\n10:20\nRiver bursts its banks\nThe river burst its banks overnight in three places.\n\n09:05\nSchools closed\nAll schools in the valley are closed today.\n\nMost read\nFerries cancelled on every route · 2 hours ago\nPrices rise again at the pumps · 3 hours ago\n";
    let s = taken("floods.txt", page, "2024-02-01T12:00:00Z");
    assert_eq!(s.entries.len(), 2);
}

#[test]
fn html_plain_text_relative_times_beside_a_byline() {
    let page = r#"<!DOCTYPE html><html lang="en-GB"><head><title>Budget live | The Herald</title>
<meta property="og:title" content="Budget live: what the chancellor announced">
<meta property="article:modified_time" content="2024-03-06T15:00:00+00:00"></head><body>
<h1>Budget live: what the chancellor announced</h1>
<div class="post"><p class="meta"><span class="by">By Helen Carr</span> · <span class="ago">5 mins ago</span></p><h2>Markets react</h2><p>The pound rose against the dollar after the statement.</p></div>
<div class="post"><p class="meta"><span class="by">By Helen Carr</span> <span class="ago">2 hours ago</span></p><h2>Chancellor on his feet</h2><p>The chancellor has begun his statement in the Commons.</p></div>
<div class="post"><p class="meta"><span class="time">11:10</span></p><h2>Fuel duty frozen</h2><p>The 5p cut in fuel duty stays for another year.</p></div>
</body></html>"#;
    let s = parse_bytes("budget.html".into(), page.as_bytes().to_vec(), Rules::embedded()).unwrap();
    assert_eq!(
        entries(&s),
        [
            "14:55 2024-03-06T14:55:00Z Markets react",
            "13:00 2024-03-06T13:00:00Z Chancellor on his feet",
            "11:10 2024-03-06T11:10:00Z Fuel duty frozen",
        ]
    );
}

/// A Polish speedway page's header as three forms show it: the headline appears only as the
/// last crumb of the breadcrumb (copied text, w3m) or centred as lynx sets the `h1`.
const ZUZEL_POSTS: &str = "\n19:44\nKoniec meczu. Gospodarze wygrywają pewnie i awansują do finału play-off.\n\n19:31\nBieg 13. Pierwsza trójka na mecie bez zmian, gospodarze prowadzą już dziesięcioma punktami.\n\n19:20\nDefekt kapitana gości tuż po starcie biegu. Sędzia nie przerywa wyścigu.\n";

#[test]
fn a_headline_shown_only_as_a_breadcrumb_is_the_title() {
    let want = "Fogo Unia Leszno - RM Solar Falubaz Zielona Góra";
    let copied = format!(
        "Szukaj Kokpit Kibice Zaloguj się Zarejestruj się\nPiłka nożna\nŻużel\nSiatkówka\nStart > Żużel > PGE Ekstraliga > {want}\nFogo Unia Leszno\nRM Solar Falubaz Zielona Góra\n57:33\n{ZUZEL_POSTS}"
    );
    let w3m = format!(
        "Szukaj Kokpit Kibice Zaloguj się Zaloguj z FB Zarejestruj się\n\n  • Finał MEP w Terenzano Przejdź do relacji\n  • Turniej MDMW w Ostrowie Przejdź do relacji\n\n 1. Start\n 2. Żużel\n 3. PGE Ekstraliga\n 4. {want}\n\n[ODQ4OTIuYCUwVjl]\n[OTM2MjAuYDUsU] Fogo Unia Leszno\n[NDU0ODcuYSU0U] RM Solar Falubaz Zielona Góra\n57:33\n{ZUZEL_POSTS}"
    );
    let lynx = format!(
        "   Szukaj Kokpit Kibice Zaloguj się Zaloguj z FB Zarejestruj się\n\n    1. Start\n\n     Żużel\n\n     PGE Ekstraliga\n\n\n\n                         {want}\n\n   [OTM2MjAuYDUsUDtZbg5tIG8] Fogo Unia Leszno\n   [NDU0ODcuYSU0Ujl3TA5sMHc] RM Solar Falubaz Zielona Góra\n   57:33\n   33 RM Solar Falubaz Zielona Góra\n{ZUZEL_POSTS}"
    );
    for (form, page) in [("copied", copied), ("w3m", w3m), ("lynx", lynx)] {
        let s = taken(&format!("zuzel-{form}.txt"), &page, "2024-09-08T18:00:00Z");
        assert_eq!(s.title, want, "{form}");
        let clocks: Vec<String> = s.entries.iter().map(|e| e.clock.unwrap().to_string()).collect();
        assert_eq!(clocks, ["19:44", "19:31", "19:20"], "{form}");
    }
}

#[test]
fn a_page_that_prints_no_date_is_dated_from_when_the_copy_was_taken() {
    // Clocks with their zone and nothing else: the copy was saved at 00:30 BST on 19 July, so
    // the newest post is that night and the one before midnight the day before.
    let page = "Election night live: the results as they come in\n\n00:12 BST\nFirst result declared\nThe first constituency has declared its result.\n\n23:48 BST\nTurnout looks lower\nCounters say turnout looks lower than last time.\n\n22:00 BST\nPolls close\nThe exit poll is published as the polls close.\n";
    let s = taken("night.txt", page, "2024-07-18T23:30:00Z");
    assert_eq!(
        entries(&s),
        [
            "00:12 2024-07-19T00:12:00+01:00 First result declared",
            "23:48 2024-07-18T23:48:00+01:00 Turnout looks lower",
            "22:00 2024-07-18T22:00:00+01:00 Polls close",
        ]
    );
    // Not knowing when the copy was taken, the parser makes up no date.
    let s = parse_bytes("night.txt".into(), page.as_bytes().to_vec(), Rules::embedded()).unwrap();
    assert!(s.entries.iter().all(|e| e.at.is_none()));
}

#[test]
fn day_headers_without_a_year_take_the_year_of_the_copy() {
    // Across the new year: `Mittwoch, 1. Januar` is the copy's year (2025, when 1 January fell
    // on a Wednesday), `Dienstag, 31. Dezember` the year before.
    let page = "Liveticker: Silvester in Berlin\n\nMittwoch, 1. Januar\n\n01:10 Uhr\nDer Senat meldet eine ruhige Nacht in den Bezirken.\n\n00:40 Uhr\nDie Feuerwehr zieht eine erste Bilanz der Nacht.\n\nDienstag, 31. Dezember\n\n23:15 Uhr\nAm Brandenburger Tor feiern tausende Menschen.\n\n18:00 Uhr\nDie Polizei ist mit einem Großaufgebot im Einsatz.\n";
    let s = taken("silvester.txt", page, "2025-01-01T11:00:00Z");
    let instants: Vec<String> = s.entries.iter().map(|e| e.at.unwrap().to_rfc3339()).collect();
    assert_eq!(
        instants,
        [
            "2025-01-01T01:10:00+01:00",
            "2025-01-01T00:40:00+01:00",
            "2024-12-31T23:15:00+01:00",
            "2024-12-31T18:00:00+01:00"
        ]
    );
    // A copy taken months later dates them the same.
    let s = taken("silvester.txt", page, "2025-03-10T09:00:00Z");
    assert_eq!(s.entries[1].at.unwrap().to_rfc3339(), "2025-01-01T00:40:00+01:00");
    assert_eq!(s.entries[2].at.unwrap().to_rfc3339(), "2024-12-31T23:15:00+01:00");
}

#[test]
fn a_copy_taken_long_after_its_dates_keeps_the_pages_dates_and_times_nothing_relative() {
    // A saved page checked out years later: its file time is not when `Il y a 5 min` was
    // written, and the page's own `Publié le` dates the clocked posts.
    let page = "Grève SNCF : suivez notre direct\nPublié le 15/02/2024 à 08h10 heure de Paris, mis à jour il y a 5 minutes\n\nIl y a 5 minPartager\nLe ministre appelle au dialogue\nIl a parlé devant le Sénat cet après-midi.\n\n12h12Partager\nLes contrôleurs réunis\nUne assemblée générale se tient à la gare de Lyon, et les voyageurs de la ligne sont dans le hall.\n\n08h20Partager\nBonjour et bienvenue\nSuivez avec nous cette deuxième journée de grève, et la situation sur le réseau de la SNCF.\n";
    let late = taken("late.txt", page, "2026-11-22T12:00:00Z");
    let clocks: Vec<_> = late.entries.iter().map(|e| e.clock.map(|c| c.to_string())).collect();
    assert_eq!(clocks, [None, Some("12:12".into()), Some("08:20".into())]);
    assert_eq!(
        entries(&late)[1..],
        [
            "12:12 2024-02-15T12:12:00+01:00 Les contrôleurs réunis",
            "08:20 2024-02-15T08:20:00+01:00 Bonjour et bienvenue"
        ]
    );
    // The share button beside each clock is no tag.
    assert!(late.entries.iter().all(|e| e.tag.is_none()));
    // Taken while the page stood, the relative time counts back from the copy.
    let fresh = taken("fresh.txt", page, "2024-02-15T13:08:00Z");
    assert_eq!(entries(&fresh)[0], "14:03 2024-02-15T14:03:00+01:00 Le ministre appelle au dialogue");
}

#[test]
fn a_line_saying_when_the_page_was_updated_is_no_title() {
    // Copied text: a short standfirst-less header where the dateline is the longest line.
    let page = "News-Ticker\n\nUnwetter im Tessin: der Ticker\n\nRedaktion Tagblatt · Aktualisiert vor 12 Minuten · Publiziert heute um 11:05 Uhr\n\n16:42\nDrei Personen vermisst\nDie Suche geht weiter.\n\n11:05\nMurgang in Sorte\nEin Murgang hat das Dorf getroffen.\n";
    let s = taken("ticker.txt", page, "2024-06-22T17:00:00Z");
    assert_eq!(s.title, "Unwetter im Tessin: der Ticker");
}
