//! Line classification and the page-wide weighing of stamps, on small texts.

use super::*;
use crate::model::When;
use crate::parse::page::HintKind;

pub(super) fn kinds(text: &str, hints: &[LineHint]) -> Vec<Kind> {
    classify(text, Rules::embedded(), hints).lines.iter().map(|l| l.kind).collect()
}

pub(super) fn is_time(k: &Kind) -> bool {
    matches!(k, Kind::Time)
}

#[test]
fn a_time_after_a_related_links_block_starts_an_entry() {
    let k = kinds("Read more\nFloods: what we know so far\n12.30 BST\nHeadline\nBody text here.\n", &[]);
    assert_eq!(k[1], Kind::Link);
    assert!(is_time(&k[2]), "{k:?}");
}

#[test]
fn a_time_hint_vouches_for_a_stamp_seen_once() {
    let text = "Title of the page\n14 August 2023 10:01\nHeadline\nBody text here.\n";
    assert!(!is_time(&kinds(text, &[])[1]), "a date-time seen once is a dateline");
    let hint = LineHint { line: 2, kind: HintKind::Time { instant: None::<When> } };
    assert!(is_time(&kinds(text, &[hint])[1]));
}

#[test]
fn key_events_above_the_feed_are_furniture() {
    let text = "Title of the page\n10:05\nFirst\n09:40\nSecond\n09:10\nThird\n10:05\nFirst\nThe body.\n09:40\nSecond\nThe body.\n";
    let k = kinds(text, &[]);
    assert_eq!(&k[1..7], &[Kind::Furniture(LayoutRule::TimeList); 6]);
    assert!(is_time(&k[7]) && is_time(&k[10]), "{k:?}");
}

#[test]
fn updated_date_times_under_every_post_stamp_them() {
    let once = "Title of the page\nUpdated21:24, 6 OCT 2020\nHeadline\nBody text here.\n";
    assert!(!kinds(once, &[]).iter().any(is_time), "seen once it is the dateline");
    let text = "Title\nUpdated21:24, 6 OCT 2020\nAll times are Irish Standard Time (IST)\n\
                Updated21:22, 6 OCT 2020\nTrees down\nThe body.\nUpdated20:51, 6 OCT 2020\nPower cuts\nThe body.\n";
    let k = kinds(text, &[]);
    assert!(!is_time(&k[1]), "the page's own update, followed by its zone only: {k:?}");
    assert!(is_time(&k[3]) && is_time(&k[6]), "{k:?}");
}

#[test]
fn a_stamp_behind_a_dump_bullet_is_a_stamp() {
    let text =
        "Title\n  • vor 6 Min.16:48 Uhr\n    Streik endet\n    Der Text.\n  * 15:20 Uhr\n    Staus\n    Der Text.\n";
    let lines = classify(text, Rules::embedded(), &[]);
    assert!(is_time(&lines.lines[1].kind) && is_time(&lines.lines[4].kind));
    assert_eq!(&text[lines.lines[1].span.start as usize..lines.lines[1].span.end as usize], "vor 6 Min.16:48 Uhr");
}

#[test]
fn the_page_byline_above_post_bylines_is_its_dateline() {
    let text = "Title of the page\nStandfirst of the page here\nJamie Braidwood, Holly Evans Monday 14 August 2023 16:42\n\
                Headline one\nBody one.\nJamie Braidwood14 August 2023 16:42\nHeadline two\nBody two.\n\
                Jamie Braidwood14 August 2023 15:55\nHeadline three\nBody three.\nHolly Evans14 August 2023 14:20\n";
    let k = kinds(text, &[]);
    assert!(!is_time(&k[2]), "{k:?}");
    assert!(is_time(&k[5]) && is_time(&k[8]) && is_time(&k[11]), "{k:?}");
}

#[test]
fn a_time_above_the_page_dateline_is_header_furniture() {
    let text = "Vai al contenuto principale\n05:12\nAbbonati\nMaltempo in Toscana, la diretta\n\
                02 Novembre 2023 Aggiornato alle 16:58\n16:58\nIl governatore\nIl testo.\n16:21\nEvacuate\nIl testo.\n";
    let k = kinds(text, &[]);
    assert!(!is_time(&k[1]), "{k:?}");
    assert!(is_time(&k[5]) && is_time(&k[8]), "{k:?}");
}

#[test]
fn a_schedule_of_bare_times_is_text() {
    let k = kinds("Title\n12:30\nThe post.\n14:00\n15:00\n16:00\n", &[]);
    assert!(is_time(&k[1]));
    assert!(k[3..].iter().all(|k| !is_time(k)), "{k:?}");
}

#[test]
fn bylines_that_close_posts_above_the_page_furniture_are_trailing() {
    let post = |head: &str, clock: &str| {
        format!(
            "{head}\n\nThe crowd in Denver stayed on its feet for the whole of the last quarter tonight.\n\nDana Ruiz {clock} PM PT\n"
        )
    };
    let feed = format!(
        "Game 5 live: Denver closes out the series\n\n{}{}{}",
        post("Final", "11:48"),
        post("Murray hot", "11:02"),
        post("Tip-off", "8:20")
    );
    let closing = format!(
        "{feed}Load more updates\nTrending\nMock draft: who goes first? 2h ago\nPower rankings after round one\n"
    );
    assert!(classify(&closing, Rules::embedded(), &[]).trailing);
    // The same bylines followed by a post's paragraph open their posts.
    let opening =
        format!("{feed}Tip-off in Denver\n\nWe are under way at Ball Arena and the Lakers scored first on a dunk.\n");
    assert!(!classify(&opening, Rules::embedded(), &[]).trailing);
}

#[test]
fn a_key_events_summary_with_headlines_on_the_stamps_lines_is_furniture() {
    let body = "The Council president said so in a statement to the press tonight.";
    // Headlines long enough to be read as a post's headline on the stamp's line.
    let a = "Leaders agree to open membership talks with Bosnia and Herzegovina";
    let b = "Hungary's prime minister signals he will not block the decision";
    let c = "Arrivals at the summit: 'We need ammunition, not more promises'";
    let text = format!(
        "EU summit live\nKey events\n19:42 CET {a}\n16:50 CET {b}\n13:38 CET {c}\nCamille Dupont19:42 CET\n{a}\n{body}\nCamille Dupont16:50 CET\n{b}\n{body}\nCamille Dupont13:38 CET\n{c}\n{body}\n"
    );
    let k = kinds(&text, &[]);
    assert_eq!(k[2..5], [Kind::Furniture(LayoutRule::TimeList); 3], "{k:?}");
    assert_eq!(k.iter().filter(|k| is_time(k)).count(), 3, "{k:?}");
    // A ticker of one-line posts whose clocks stamp nothing below stays a ticker.
    let ticker = format!("Ticker\n19:42 CET {a}\n16:50 CET {b}\n13:38 CET {c}\n");
    assert_eq!(kinds(&ticker, &[]).iter().filter(|k| is_time(k)).count(), 3);
}

#[test]
fn a_line_record_is_16_bytes() {
    // A 100 MB blog has a million lines, all held through the layout: the record's size is
    // a share of the parse's peak memory (it was 32 bytes).
    assert_eq!(std::mem::size_of::<Line>(), 16);
    assert_eq!(String::from(LayoutRule::TimeList), "time-list");
}

#[test]
fn removed_lines_name_their_rule_and_time_lines_their_stamp() {
    let rules = Rules::embedded();
    let text = "Titre\n\n3\nnouvelles publications\n\n10h05\nUn texte.\n\nPartager\n";
    let out = classify(text, rules, &[]);
    let rule = |n: usize| out.dropped_rule(&out.lines[n]).map(|i| rules.name(i));
    assert_eq!(rule(2), Some("new-posts"), "the count above takes the rule of the line below it");
    assert_eq!(rule(3), Some("new-posts"));
    assert_eq!(rule(8), Some("share"));
    assert_eq!(rule(0), None);
    assert_eq!(out.stamp(&out.lines[5]).map(|s| s.clock.to_string()), Some("10:05".into()));
    assert!(out.stamp(&out.lines[6]).is_none());
}

/// Every text and HTML page under `tests/fixtures`, as the parser's line pipeline gets it.
fn fixture_pages() -> Vec<(String, crate::parse::Page)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let path = entry.expect("fixture tree").into_path();
        let ext = path.extension().and_then(|x| x.to_str()).unwrap_or("");
        let bytes = match ext {
            "txt" | "html" | "htm" => std::fs::read(&path).expect("fixture"),
            _ => continue,
        };
        let page = if crate::parse::html::looks_like_html(&bytes) {
            crate::parse::html::read(bytes)
        } else {
            crate::decode::decode(bytes).map(crate::parse::Page::text)
        };
        if let Ok(page) = page {
            pages.push((path.display().to_string(), page));
        }
    }
    assert!(pages.len() > 50, "fixtures found: {}", pages.len());
    pages
}

/// The lines, stamps, drops and weighing of a page read in pieces of `chunk` bytes.
fn read_in(text: &str, hints: &[LineHint], chunk: usize) -> String {
    format!("{:?}", classify_in(text, Rules::embedded(), hints, chunk))
}

#[test]
fn pages_read_in_pieces_are_read_as_whole() {
    for (name, page) in fixture_pages() {
        let whole = read_in(&page.text, &page.hints, usize::MAX);
        for chunk in [1, 2, 3, 7, 64, 999] {
            assert_eq!(read_in(&page.text, &page.hints, chunk), whole, "{name} in pieces of {chunk} bytes");
        }
    }
}

#[test]
fn generated_blogs_read_in_pieces_are_read_as_whole() {
    // Rules that reach across lines (the number above, the links below, every line below),
    // CRLF line ends and multi-byte characters everywhere a piece could be cut.
    let tricky = "Titre\n\n12\nnouvelles publications\n19h40\nÀ lire aussi\nUkraine : ce que l’on sait\n\
                  Lundi 12 février 2024\n19h35\nCorps du texte.\n";
    for seed in [1, 2, 3] {
        let blog = crate::corpus::generate(40, seed).text;
        let (body, trailer) = blog.split_at(blog.rfind("Qui anime").expect("the generator's trailer"));
        let text = format!("{tricky}{body}{tricky}{trailer}{tricky}");
        for text in [text.clone(), text.replace('\n', "\r\n"), format!("\u{feff}{}", text.replace(' ', "\u{a0}"))] {
            let whole = read_in(&text, &[], usize::MAX);
            for chunk in [1, 2, 3, 4, 5, 13, 100, 4096] {
                assert_eq!(read_in(&text, &[], chunk), whole, "seed {seed}, pieces of {chunk} bytes");
            }
        }
    }
}

#[test]
fn a_match_minute_before_the_clock_is_no_part_of_the_stamp() {
    let text = "Title\n90'+4 18h54\nC'est terminé !\nLe texte.\n45'+217h49\nMi-temps\nLe texte.\n1'17h01\nCoup d'envoi\nLe texte.\n";
    let lines = classify(text, Rules::embedded(), &[]);
    let clocks: Vec<String> = lines.stamps.iter().map(|s| s.clock.to_string()).collect();
    assert_eq!(clocks, ["18:54", "17:49", "17:01"]);
    assert_eq!(&text[lines.lines[4].span.start as usize..lines.lines[4].span.end as usize], "17h49");
    // The added time before the mark (`90+3'`), and a list's number before a worded clock.
    let text = "Title\n90+3' 23:04 CEST\n¡Final!\nEl texto.\n1. published at 15:41 GMT\nA post\nIts text.\n";
    let lines = classify(text, Rules::embedded(), &[]);
    let clocks: Vec<String> = lines.stamps.iter().map(|s| s.clock.to_string()).collect();
    assert_eq!(clocks, ["23:04", "15:41"]);
    // A minute before text, or alone, stamps nothing.
    assert!(!kinds("Title\n45' Penalty pour Lorient\nLe texte.\n90'+4\nFin.\n", &[]).iter().any(is_time));
}

#[test]
fn a_worded_dateline_above_dated_posts_is_the_page_dateline() {
    let text = "Liveblog\nStand: 28.08.2024 09:12 Uhr\nDer Vorspann.\n28.08.2024 • 09:12 Uhr\nEins\nDer Text.\n\
                28.08.2024 • 08:40 Uhr\nZwei\nDer Text.\n27.08.2024 • 22:48 Uhr\nDrei\nDer Text.\n";
    let k = kinds(text, &[]);
    assert!(!is_time(&k[1]), "{k:?}");
    assert!(is_time(&k[3]) && is_time(&k[6]) && is_time(&k[9]), "{k:?}");
}

#[test]
fn bylines_closing_wrapped_posts_of_a_dump_close_them() {
    // Lynx wraps each post's paragraph: its sentence ends on a short line under a long one.
    let post = |h: &str, by: &str| {
        format!(
            "{h}\n\n   The minister said he would step down once arrangements for choosing a successor were in\n   place.\n   {by}\n\n"
        )
    };
    let text = format!(
        "Election results live\n\n   Follow the latest as results come in.\n\n{}{}{}Join the conversation\n\n   Comments on this article are closed.\n",
        post("Sunak to resign", "Jane Dalton5 July 2024 08:15"),
        post("Starmer speaks", "Adam Forrest5 July 2024 04:52"),
        post("Truss loses seat", "Adam Forrest5 July 2024 02:31")
    );
    assert!(classify(&text, Rules::embedded(), &[]).trailing);
}

#[test]
fn a_header_clock_split_from_its_date_is_no_family_of_stamps() {
    // lynx at 80 columns breaks the header's `Updated: November 02, 2023 21:06 IST` before the
    // clock; the posts' date-times below still stamp them.
    let text = "Delhi air pollution LIVE updates\nNew Delhi | Updated: November 02, 2023\n21:06 IST\n\
                Updated: Nov 2, 2023, 21:06 IST\nGRAP stage 3 in force\nConstruction is banned.\n\
                Updated: Nov 2, 2023, 19:40 IST\nMinister chairs meeting\nOfficials met.\n\
                Updated: Nov 2, 2023, 17:25 IST\nAQI at 402\nThe worst reading.\n";
    let k = kinds(text, &[]);
    assert!(is_time(&k[3]) && is_time(&k[6]) && is_time(&k[9]), "{k:?}");
}

#[test]
fn an_audio_players_position_and_length_are_no_posts() {
    // `Ascolta l'articolo 00:00 04:41` above the first day bar: read as posts, the newest
    // would be 04:41 and every real post a day early.
    let text = "Title of the page\nAscolta l'articolo\n00:00\n04:41\n2 minuti di lettura\n16:58\nHeadline\nThe body of the post, a sentence as long as a real one on the page.\n15:12\nOther\nThe body of the post, a sentence as long as a real one on the page.\n";
    let k = kinds(text, &[]);
    assert_eq!(&k[2..4], &[Kind::Furniture(LayoutRule::VideoLength); 2], "{k:?}");
    assert!(is_time(&k[5]) && is_time(&k[8]), "{k:?}");
}

#[test]
fn a_summary_item_running_into_the_line_below_is_still_a_summary() {
    let text = "Title of the page\n1h ago\nJury votes: Sweden surge ahead\nLive feed\n23:48\nThe public vote is in\nFinland storms up the table with 376 points from the public vote tonight.\n22:55\nJury votes: Sweden surge ahead\nTwelve points keep coming for Loreen from the national juries tonight.\n";
    let k = kinds(text, &[]);
    assert!(!is_time(&k[1]), "{k:?}");
    assert!(is_time(&k[4]) && is_time(&k[7]), "{k:?}");
}

#[test]
fn a_relative_post_whose_byline_repeats_over_a_later_post_is_no_summary() {
    let body = "Celtic are understood to be in the final stages of a deal for a striker, with the player expected to fly into Glasgow this evening for a medical before the window closes.";
    let text = format!(
        "Title of the page\n14 mins ago\nScott McDermott\nCeltic close in on striker\n{body}\n{body}\n16:05\nLewis Anderson\nRangers midfielder heads for the exit\n{body}\n13:31\nScott McDermott\nAberdeen boss rules out more business\n{body}\n"
    );
    let k = kinds(&text, &[]);
    assert!(is_time(&k[1]), "{k:?}");
    assert!(is_time(&k[6]) && is_time(&k[10]), "{k:?}");
}

#[test]
fn a_dated_teaser_under_a_related_heading_stamps_no_post() {
    let body = "Das Kabinett will ein Sicherheitspaket noch in dieser Woche beschließen, heißt es.";
    let text = format!(
        "Title of the page\n27.08.2024, 16:42 Uhr\nErste Meldung\n{body}\nMehr zum Thema\n26.08.2024, 10:12 Uhr\nWas über den Tatverdächtigen bekannt ist\n27.08.2024, 14:10 Uhr\nZweite Meldung\n{body}\n27.08.2024, 12:32 Uhr\nDritte Meldung\n{body}\n"
    );
    let k = kinds(&text, &[]);
    assert_eq!(k[5], Kind::Furniture(LayoutRule::RelatedDate), "{k:?}");
    assert_eq!(k[6], Kind::Link, "{k:?}");
    assert!(is_time(&k[1]) && is_time(&k[7]) && is_time(&k[10]), "{k:?}");
}

#[test]
fn a_teasers_date_under_its_title_stamps_no_post_unless_a_post_follows() {
    let body = "The storm made landfall near Keaton Beach early on Wednesday, officials said.";
    let text = format!(
        "Title of the page\n30 August 2023 13:05\nFirst update\n{body}\n30 August 2023 12:40\nSecond update\n{body}\nRead More\nHurricane Idalia: Maps show path of storm\n29 August 2023 18:30\nMost popular\n"
    );
    let k = kinds(&text, &[]);
    assert_eq!(k[9], Kind::Furniture(LayoutRule::RelatedDate), "{k:?}");
    assert_eq!(k[8], Kind::Link, "{k:?}");
    assert!(is_time(&k[1]) && is_time(&k[4]), "{k:?}");
    // The same block where the date has a headline and a paragraph under it: the next post.
    let text = format!(
        "Title of the page\n30 August 2023 13:05\nFirst update\n{body}\nRead More\nHurricane Idalia: Maps show path of storm\n30 August 2023 12:40\nSecond update\n{body}\n"
    );
    let k = kinds(&text, &[]);
    assert!(is_time(&k[6]), "{k:?}");
}

#[test]
fn the_page_date_time_twin_of_the_newest_post_is_its_dateline() {
    let body = "Das Kabinett will ein Sicherheitspaket noch in dieser Woche beschließen, heißt es.";
    let text = format!(
        "Title of the page\n27.08.2024, 16:42 Uhr\nAlle Entwicklungen im Überblick.\n27.08.2024, 16:42 Uhr\nErste Meldung\n{body}\n27.08.2024, 14:10 Uhr\nZweite Meldung\n{body}\n"
    );
    let k = kinds(&text, &[]);
    assert_eq!(k[1], Kind::Text, "{k:?}");
    assert!(is_time(&k[3]) && is_time(&k[6]), "{k:?}");
    // A pinned copy of the newest post above the feed stays a stamp for the repeated-post rule.
    let pinned = format!(
        "Title of the page\n27.08.2024, 16:42 Uhr\nErste Meldung\n{body}\n27.08.2024, 16:42 Uhr\nErste Meldung\n{body}\n27.08.2024, 14:10 Uhr\nZweite Meldung\n{body}\n"
    );
    assert!(is_time(&kinds(&pinned, &[])[1]));
}
