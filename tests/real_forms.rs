//! The project's own live-blog pages in the style of real outlets (`tests/fixtures/pages/`,
//! one directory per page: the saved HTML, the text a browser copies, w3m and lynx dumps, and
//! the truth by construction) scored per form as issue 8 measures them: right clock, right
//! instant, spurious entries, right title. The goal is ≥ 90 % / ≥ 90 % / < 2 % / ≥ 90 % of
//! pages in every form; the floors below are a ratchet at what the parser reaches today, to be
//! raised as it improves and never lowered.

#[path = "common/score.rs"]
mod score;

use score::Score;
use std::path::PathBuf;

/// Per form: lowest share of right clocks, of right instants, highest share of spurious
/// entries, lowest share of pages with the right title (all in %).
#[derive(Clone, Copy)]
struct Floor {
    form: &'static str,
    clock: f64,
    instant: f64,
    spurious: f64,
    titles: f64,
}

const GOAL: Floor = Floor { form: "*", clock: 90.0, instant: 90.0, spurious: 2.0, titles: 90.0 };

/// Today's figures on the pages the parser was tuned on, rounded down (spurious rounded up):
/// the ratchet.
const FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

/// The `holdout-*` pages, written blind before the parser was read (see the README's "What
/// the parser reads"): their first score was html 84/71/11 %/12 of 12, copied 74/27/23 %/8,
/// w3m 74/27/23 %/9, lynx 74/27/19 %/9 (clock/instant/spurious/titles). The floors are what
/// the parser reaches on them now; what is left is listed in the README.
const HOLDOUT_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: HOLDOUT_HTML_INSTANT, spurious: 0.0, titles: 100.0 },
    Floor {
        form: "copied",
        clock: 100.0,
        instant: HOLDOUT_TEXT_INSTANT,
        spurious: HOLDOUT_TEXT_SPURIOUS,
        titles: 100.0,
    },
    Floor { form: "w3m", clock: 100.0, instant: HOLDOUT_TEXT_INSTANT, spurious: HOLDOUT_TEXT_SPURIOUS, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: HOLDOUT_TEXT_INSTANT, spurious: HOLDOUT_TEXT_SPURIOUS, titles: 100.0 },
];
const HOLDOUT_HTML_INSTANT: f64 = 100.0;
const HOLDOUT_TEXT_INSTANT: f64 = 74.0;
const HOLDOUT_TEXT_SPURIOUS: f64 = 1.2;

/// The `holdout2-*` pages (`_gen/holdout_c.py`), a second blind round in layouts neither
/// earlier round used (wire service, `Hace 12 minutos`, table rows, `14.05 Uhr` ticker, rugby
/// minute-by-minute, "Posted at", `atualizado às`, a tech keynote). Their first, blind score
/// (clock/instant/spurious/titles) was html 80/80/22 %/8 of 8, copied 72/62/15 %/4, w3m
/// 72/62/31 %/4, lynx 72/62/31 %/4. The floors are what the parser reaches on them now; the two
/// posts stamped only `Hace 12 minutos` are still missed.
const HOLDOUT2_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 96.0, instant: 96.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 96.0, instant: 96.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 96.0, instant: 96.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 96.0, instant: 96.0, spurious: 0.0, titles: 100.0 },
];

/// The `holdout3-*` pages (`_gen/holdout_d.py`, `_gen/holdout_e.py`), a third blind round in
/// the styles of the outlets the evaluation meets, in layouts no earlier page used (a
/// `Direct` with the clock in a side column, `By Joe Smith 15:20` bylines, `28.08.2024 • 09:12
/// Uhr`, a match minute before the clock, `Share48m ago15.58 GMT`, a pinned copy, JSON-LD in
/// local time labelled `Z`, windows-1252 and ISO-8859-1). Their first, blind score
/// (clock/instant/spurious/titles) was html 71/61/26 %/10 of 10, copied 71/71/7 %/9, w3m
/// 64/64/18 %/9, lynx 64/64/18 %/9.
const HOLDOUT3_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 { 100.0 } else { 100.0 * part as f64 / whole as f64 }
}

/// Scores the page directories whose name passes `keep`, per form, as `score::run` does.
fn totals(keep: impl Fn(&str) -> bool) -> (usize, Vec<(&'static str, Score)>) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("truth.json").is_file())
        .filter(|p| keep(&p.file_name().unwrap().to_string_lossy()))
        .collect();
    dirs.sort();
    let verbose = std::env::var_os("SCORE_VERBOSE").is_some();
    let rules = liveblog::parse::Rules::embedded();
    let mut out: Vec<(&'static str, Score)> = score::FORMS.iter().map(|(f, _)| (*f, Score::default())).collect();
    for dir in &dirs {
        let truth: score::Truth = serde_json::from_slice(&std::fs::read(dir.join("truth.json")).unwrap()).unwrap();
        for ((form, file), (_, total)) in score::FORMS.iter().zip(out.iter_mut()) {
            let mut notes = Vec::new();
            let got = score::score_form(&dir.join(file), &truth, rules, &mut notes);
            if verbose {
                println!("{} {form}: {}", dir.display(), notes.join("\n    "));
            }
            total.add(&got);
        }
    }
    (dirs.len(), out)
}

/// Checks the totals against the floors; lists every form below its floor.
fn check(pages: usize, totals: &[(&'static str, Score)], floors: &[Floor]) -> Vec<String> {
    let mut failures = Vec::new();
    for floor in floors {
        let Some((_, t)) = totals.iter().find(|(form, _)| *form == floor.form) else {
            failures.push(format!("{}: no page scored", floor.form));
            continue;
        };
        assert_eq!(t.pages, pages, "{}: every page has this form", floor.form);
        let got = Floor {
            form: floor.form,
            clock: share(t.clock_right, t.truth),
            instant: share(t.instant_right, t.with_instant),
            spurious: share(t.spurious, t.parsed),
            titles: share(t.title_right, t.pages),
        };
        let below_goal = got.clock < GOAL.clock
            || got.instant < GOAL.instant
            || got.spurious >= GOAL.spurious
            || got.titles < GOAL.titles;
        if below_goal {
            println!(
                "{}: below the goal (clock {:.2}%, instant {:.2}%, spurious {:.2}%, titles {:.2}%)",
                got.form, got.clock, got.instant, got.spurious, got.titles
            );
        }
        if got.clock < floor.clock
            || got.instant < floor.instant
            || got.spurious > floor.spurious
            || got.titles < floor.titles
        {
            failures.push(format!(
                "{}: clock {:.2}% (floor {}), instant {:.2}% (floor {}), spurious {:.2}% (ceiling {}), titles {:.2}% (floor {})",
                got.form, got.clock, floor.clock, got.instant, floor.instant, got.spurious, floor.spurious, got.titles, floor.titles
            ));
        }
    }
    failures
}

/// Scores the pages whose names start with `prefix` (at least `min_pages` of them) and fails
/// with every form that fell below `floors`, naming the round as `what`.
fn round_holds(prefix: &str, min_pages: usize, floors: &[Floor], what: &str) {
    let (pages, totals) = totals(|name| name.starts_with(prefix));
    assert!(pages >= min_pages, "expected the {prefix}* pages under tests/fixtures/pages");
    let failures = check(pages, &totals, floors);
    assert!(failures.is_empty(), "{what}:\n{}", failures.join("\n"));
}

/// A round with partial copies (`*-partial-*`, only what was selected: its copied form alone is
/// scored): its whole pages hold `whole`, its partial copies `partial`.
fn round_with_partials_holds(prefix: &str, whole: &[Floor], partial: Floor, what: &str) {
    let (pages, scores) = totals(|name| name.starts_with(prefix) && !name.contains("-partial-"));
    assert!(pages >= 4, "expected the {prefix}* whole pages under tests/fixtures/pages");
    let failures = check(pages, &scores, whole);
    assert!(failures.is_empty(), "{what} fell below its floor:\n{}", failures.join("\n"));
    let (pages, scores) = totals(|name| name.starts_with(prefix) && name.contains("-partial-"));
    assert!(pages >= 4, "expected the {prefix}*-partial-* copies under tests/fixtures/pages");
    let failures = check(pages, &scores, &[partial]);
    assert!(failures.is_empty(), "{what}'s partial copies fell below their floor:\n{}", failures.join("\n"));
}

#[test]
fn every_form_of_every_page_scores_at_least_the_floor() {
    let (pages, totals) = totals(|name| !name.starts_with("holdout"));
    assert!(pages >= 18, "expected the fixture pages under tests/fixtures/pages");
    let failures = check(pages, &totals, &FLOORS);
    assert!(failures.is_empty(), "scores fell below the ratchet:\n{}", failures.join("\n"));
}

#[test]
fn the_holdout_pages_score_at_least_their_floor() {
    round_holds("holdout-", 12, &HOLDOUT_FLOORS, "holdout scores fell below their floor");
}

#[test]
fn the_second_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout2-", 8, &HOLDOUT2_FLOORS, "second holdout round fell below its floor");
}

#[test]
fn the_third_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout3-", 10, &HOLDOUT3_FLOORS, "third holdout round fell below its floor");
}

/// The `holdout4-*` pages (`_gen/holdout_f.py`, `_gen/holdout_g.py`), a fourth blind round
/// around heavy page furniture (mega-menus, rails of related and most-read stories with their
/// own date-times, video rails, consent banners, sticky "latest" boxes, a pinned post) and
/// stamps no earlier page used (`published at 14:03 GMT` in an `<ol>`, `Alix Carter17:19`,
/// `Tue Oct 01 2024 - 16:05`, `vor 5 Min.`/`Heute, 11:50 Uhr`, `ore 14:03`, `Il y a 5 min`,
/// `Dec 03, 2023 02:03 PM IST`, `84'` + `22:41 CEST`). Their first, blind score
/// (clock/instant/spurious/titles) was html 82/80/6 %/10 of 10, copied 77/55/14 %/8, w3m
/// 66/55/34 %/8, lynx 66/55/34 %/8. After the fixes every page reads whole in every form
/// (the BBC- and Sky-like text forms, which print no date, are dated from when the copy was
/// taken: see the scorer's notes).
const HOLDOUT4_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

#[test]
fn the_fourth_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout4-", 10, &HOLDOUT4_FLOORS, "fourth holdout round fell below its floor");
}

/// The `holdout5-*` pages (`_gen/holdout_h.py`), a fifth blind round in stamp styles no earlier
/// page used: UTC `<time datetime>` beside a shown BST clock with `Updated at 17.19 BST` inside
/// posts, an oldest-first blog crossing midnight, `Updated: Nov 2, 2023, 21:06 IST` per post, a
/// `<strong>18:47</strong>` opening each paragraph, yearless day dividers, `vor 12 Minuten`
/// beside `16:42`, `19h02` glued to the match minute `90+4'`, and `Key Event17:55` /
/// `Pinned post19:22` glued labels. Their blind score (clock/instant/spurious/titles) was html
/// 93/57/10 %/8 of 8, copied 74/48/13 %/5, w3m 74/48/11 %/5, lynx 74/48/19 %/7.
const HOLDOUT5_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 95.0, instant: 95.0, spurious: 7.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 3.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 3.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 3.0, titles: 100.0 },
];

#[test]
fn the_fifth_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout5-", 8, &HOLDOUT5_FLOORS, "fifth holdout round fell below its floor");
}

/// The `holdout6-*` pages (`_gen/holdout_i.py`, `_gen/holdout_i2.py`), a sixth blind round in
/// the markup of outlets the evaluation meets: a Guardian dotcom-rendering blog across midnight
/// with a pinned summary, Reach badges before `<time>` (`Key Event18:56Saskia Long`), embedded
/// tweets, stamps at the END of posts (Independent-like, sports.fr-like), BR24-like teasers
/// with their own datelines inside posts, a Le Monde-like reader's question with its time,
/// Repubblica-like date bars under an audio player, NDTV-like `(IST)` stamps, an NZZ-like
/// `vor 12 Min.`. Their blind score (clock/instant/spurious/titles) was html 92/92/12 %/10 of 10,
/// copied 92/82/11 %/9, w3m 92/82/11 %/9, lynx 92/82/11 %/10.
const HOLDOUT6_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 98.0, instant: 98.0, spurious: 5.0, titles: 100.0 },
    Floor { form: "copied", clock: 98.0, instant: 98.0, spurious: 5.0, titles: 100.0 },
    Floor { form: "w3m", clock: 98.0, instant: 98.0, spurious: 5.0, titles: 100.0 },
    Floor { form: "lynx", clock: 98.0, instant: 98.0, spurious: 5.0, titles: 100.0 },
];

#[test]
fn the_sixth_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout6-", 10, &HOLDOUT6_FLOORS, "sixth holdout round fell below its floor");
}

/// The `holdout7-*` pages (`_gen/holdout_j.py`), a seventh blind round written with the text
/// forms first: match minutes `45+2'` beside clocks and a score-board table, `18:12Áine Ní
/// Bhriain` glued in the copy, an oldest-first feed with `43 mins ago` beside `8.51pm`, posts
/// laid out in `<table>`s and `<li>`s, day dividers across midnight, `Par Claire Morel, à 13h48`
/// after each post, `AGGIORNAMENTO09:58` glued labels, `6. November` over `0:47 Uhr`, and
/// `Heute` / `Gestern` dividers. Their blind score (clock/instant/spurious/titles) was html
/// 90/90/10 %/10 of 10, copied 90/90/11 %/6, w3m 90/90/11 %/6, lynx 90/90/11 %/9.
const HOLDOUT7_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

#[test]
fn the_seventh_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout7-", 10, &HOLDOUT7_FLOORS, "seventh holdout round fell below its floor");
}

/// The `holdout8-*` pages (`_gen/holdout_k.py`, `_gen/holdout_k2.py`), an eighth blind round
/// around furniture that prints times and dates which are no posts: readers' comments and
/// questions signed with their own times inside posts, most-read rails with dates glued to
/// their titles, embedded posts with their stamps, results and score widgets, a polls-close
/// table, TV programmes and start lists, a Timeline box, corrections naming a time; and titles
/// under LIVE / TICKER bands, breadcrumbs, breaking strips, an h1 split in spans, a headline
/// that is no h1. Their blind score (clock/instant/spurious/titles) was html 100/100/4 %/10 of
/// 10, copied 100/81/10 %/9, w3m 100/81/10 %/9, lynx 100/81/10 %/10.
const HOLDOUT8_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

#[test]
fn the_eighth_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout8-", 10, &HOLDOUT8_FLOORS, "eighth holdout round fell below its floor");
}

/// The `holdout9-*` pages (`_gen/holdout_l.py`), a ninth blind round written with the text
/// forms and their titles first and rendered at the tools' default 80 columns: `Sophie
/// Morris12m ago` / `Sophie Morris15:32` glued in the copy, an oldest-first night in `11.58pm`
/// with yearless day dividers, a byline's date-time the wrap splits (`… · Tue 1 Oct` over
/// `2024, 14:26`), `23 Jul 2024, 02:03:40 PM IST`, the stamp between the title and the body,
/// `12h03Gabriel Attal à l'Élysée`, `hier à 23h40`, dotted `14.03`, `+++ 14:03 Headline +++`
/// tickers, and kickers, badges, sponsor strips and share bars around titles wrapped over two or
/// three lines. Their blind score (clock/instant/spurious/titles) was html 77/70/27 %/10 of 10,
/// copied 74/57/28 %/8, w3m 79/62/19 %/9, lynx 79/62/19 %/9. After the fixes every page reads
/// whole in every form.
const HOLDOUT9_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

#[test]
fn the_ninth_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout9-", 10, &HOLDOUT9_FLOORS, "ninth holdout round fell below its floor");
}

/// The `holdout10-*` pages (`_gen/holdout_m.py`), a tenth blind round written with long posts
/// (two to four paragraphs of 200–500 characters) and the HTML form first: `<time>` with an
/// offset beside a weekday date, `Sun, 20 Oct, 2024 - 17:20` under each headline, `Posted at
/// 4:42 PM, Jun 04`, `18 h 40` with spaces, `15 ottobre 2024 - 21:35`, `09:14 Uhr Headline`
/// under day dividers over midnight, `19.42` glued to the author after a `306 Postings`
/// counter, and JSON-LD that stamps every update with dateModified, labels local time `Z` or
/// lists only the latest few. Their blind score (clock/instant/spurious/titles) was html
/// 86/86/16 %/8 of 8, copied 86/86/6 %/7, w3m 78/78/12 %/7, lynx 78/78/24 %/7. After the fixes
/// every page reads whole in every form.
const HOLDOUT10_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

#[test]
fn the_tenth_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout10-", 8, &HOLDOUT10_FLOORS, "tenth holdout round fell below its floor");
}

/// The `holdout11-*` pages (`_gen/holdout_n.py`), an eleventh blind round with the text forms
/// first at 80 columns and long posts: badges glued to clocks (`DONE DEAL22:41`), the author
/// before a relative time, `Jan 22, 2024 | 02:03 PM IST`, `21:58Clément Guillou` under yearless
/// day dividers, `ore 18:47` under day bars, Ippen-like tickers whose paragraphs open `Update
/// vom 14. August, 16.40 Uhr:`, `14.02.2025, 14:31` beside results and a programme, and `17h48`
/// with the author after the post. Their blind score (clock/instant/spurious/titles) was html
/// 73/73/25 %/8 of 8, copied 76/76/24 %/7, w3m 76/76/18 %/7, lynx 76/76/20 %/7. The floors are
/// what the parser reaches on them now, once the round's leftovers were fixed (a badge in
/// capitals glued to a clock, a header time that is the opening post's, relative times on the
/// newest posts above dated ones, a first date-time older than the feed, a kicker in the `h1`).
const HOLDOUT11_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

#[test]
fn the_eleventh_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout11-", 8, &HOLDOUT11_FLOORS, "eleventh holdout round fell below its floor");
}

/// The `holdout13-*` pages (`_gen/holdout_p.py`), a thirteenth blind round with the text forms
/// first at 80 columns and long posts: score, minute and clock glued (`WAL 13-20 AUS52'15:47`),
/// the author over `12m ago` and `Dec. 1, 2024, 5:02 p.m. GMT`, `JUNE 05, 2024 00:20 IST` over
/// midnight, `Jul 23, 2024· 14:48 IST`, `09:14di Davide Falcioni` under yearless day dividers,
/// `09.06.2024 um 22:47` below `vor 8 Min.`, `Publié aujourd'hui à 11h54` / `Publié hier à
/// 22h40`, and `20:03` in a side column with `Par …` closing each post. Their blind score
/// (clock/instant/spurious/titles) was html 68/68/18 %/8 of 8, copied 38/35/50 %/6, w3m
/// 38/35/52 %/6, lynx 38/35/48 %/6. After the round's fixes every page reads whole in every form.
const HOLDOUT13_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

/// The `holdout12-*` pages (`_gen/holdout_o.py`, `_gen/holdout_o2.py`), a twelfth blind round
/// with the HTML form and its instants first and long posts: race times and gaps in every post,
/// `08:12 Uhr` under date-only `<time>` dividers over midnight, `11.04 Uhr: Headline` in each
/// h3, a bare `3:42 PM` under date bars, a zone-less `datetime="2024-10-29 01:12"` with a post
/// pinned `In evidenza`, a `PINNED POST` of the evening before above an election night, an `On
/// Air Now` schedule, and `So., 15.9., 23.48` (a yearless numeric date). Their blind score
/// (clock/instant/spurious/titles) was html 88/88/12 %/8 of 8, copied 88/75/14 %/6, w3m
/// 88/75/9 %/6, lynx 88/75/11 %/7. After the fixes every page reads whole in every form.
const HOLDOUT12_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

#[test]
fn the_thirteenth_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout13-", 8, &HOLDOUT13_FLOORS, "thirteenth holdout round fell below its floor");
}

#[test]
fn the_twelfth_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout12-", 8, &HOLDOUT12_FLOORS, "twelfth holdout round fell below its floor");
}

/// The `holdout14-*` pages (`_gen/holdout_q.py`, `_gen/holdout_q2.py`), a fourteenth blind round
/// with the HTML form and its instants first and long posts: `09.48 Uhr` in a `<time
/// datetime=…Z>` over midnight, `15.09.2024, 07:48` under a header's `15.09.2024 10:24` with a
/// post pinned `Angeheftet`, `Nov 23, 2024 | 16:02 (IST)`, a bare `11:36` under yearless day
/// dividers beside an Instagram embed in `PDT`, a `<time>` in local time labelled `Z`, `22:47 |
/// Headline` h3s, `Jonathan Bell Today at 11:52` with no date on the page, and `9:58pm` with an
/// Instagram embed in `PST`. Their blind score (clock/instant/spurious/titles) was html 83/60/20
/// %/8 of 8, copied 83/60/22 %/7, w3m 83/60/10 %/7, lynx 83/60/15 %/7. After the fixes every
/// page reads whole in every form.
const HOLDOUT14_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

#[test]
fn the_fourteenth_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout14-", 8, &HOLDOUT14_FLOORS, "fourteenth holdout round fell below its floor");
}

/// The `holdout15-*` pages (`_gen/holdout_r.py`), a fifteenth blind round with the text forms
/// first at 80 columns and long posts: `19:42 UhrMerz: …` glued clock and headline under
/// yearless day dividers, `Von …` over `21:40 | 15.09.` with the newest `vor 6 Minuten`,
/// `14:03 IST, March 9th 2025`, `Sarah Freeman7th Dec 2024, 16:45 GMT`, GAA scores `CLA 2-21
/// CRK 1-24` and `62'` over `Niall KellySun, 21 Jul 2024, 15:48`, `62e18h22`, `di F. Q.` over
/// `aggiornato 3 minuti fa`, and `mer. 12 mars, 23:40` with agency signatures (`ats/jfe`, `jfe`)
/// after each post. Their blind score (clock/instant/spurious/titles) was html 70/70/0 %/8 of 8,
/// copied 70/70/4 %/7, w3m 70/70/7 %/7, lynx 70/70/10 %/7. After the fixes every page reads
/// whole in every form.
const HOLDOUT15_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

#[test]
fn the_fifteenth_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout15-", 8, &HOLDOUT15_FLOORS, "fifteenth holdout round fell below its floor");
}

/// The `holdout17-*` pages (`_gen/holdout_t.py`), a seventeenth blind round with the text forms
/// first at 80 columns and long posts: `Sam Volpe1:21pm` over race times `1:00:04`, a credit
/// closing each post `Posted by …, Senior Political Reporter, at 3.47pm on 4 December 2024`
/// (wrapped by the dumps), `Sat 30 Nov 2024 at 23:42` under `Today at 01:20` and a seats band,
/// `9.50 pm:` opening untitled posts, `22 h 10` with the newest `il y a 8 min`,
/// `IN EVIDENZA10.12` with `Leggi anche` teasers, `Mi., 06.11.2024, 02.14 Uhr` with an agency
/// (`RND`) closing each post, and `il y a 25 minutes` over race times `1:42.14`. Their blind
/// score (clock/instant/spurious/titles) was html 82/82/18 %/8 of 8, copied 82/82/18 %/7, w3m
/// 82/82/22 %/7, lynx 82/82/18 %/7. After the fixes every page reads whole in every form; the
/// lynx dump of the Messaggero-like page keeps two spurious entries (the standfirst under
/// `Ultimo aggiornamento …, 10:20` and a teaser's `21:05`).
const HOLDOUT17_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 6.0, titles: 100.0 },
];

#[test]
fn the_seventeenth_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout17-", 8, &HOLDOUT17_FLOORS, "seventeenth holdout round fell below its floor");
}

/// The `holdout18-*` pages (`_gen/holdout_u.py`), an eighteenth blind round: Spanish outlets in
/// every form (`23:05h` and `Hace 3 min`, `00:47 h.` under `Miércoles, 30 de octubre de 2024`,
/// the minute `84'` before the clock, an Argentine `22:14 hs.` with `hora de Argentina (GMT-3)`)
/// and partial copies, which hold only `copied.txt` (the whole page kept as `source.html`): only
/// the feed, a reader view, a selection starting and ending inside posts, two screens pasted with
/// a post repeated. Their blind score (clock/instant/spurious/titles) was html 77/77/39 %/4 of
/// 4, copied 88/88/27 %/6 of 8, w3m and lynx 77/77/29 %/3 of 4. After the fixes (`hs`, labelled
/// Latin American zones, pasted screens, `Por …` bylines) every page reads whole.
const HOLDOUT18_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

#[test]
fn the_eighteenth_holdout_round_scores_at_least_its_floor() {
    round_with_partials_holds("holdout18-", &HOLDOUT18_FLOORS, HOLDOUT18_FLOORS[1], "eighteenth holdout round");
}

/// The `holdout19-*` pages (`_gen/holdout_v.py`), a nineteenth blind round with the HTML form
/// and its instants first: a CNN-like `12:58 a.m. ET, November 6, 2024` under a pinned older
/// post, an AP-like `11:32 AM GMT+1`, a BreakingNews.ie-like widget, a News18-like `NOVEMBER 23,
/// 2024, 14:03 IST`, an n-tv-like `+++ 00:12 Headline +++` over midnight under its start date
/// only, a TGCom24-like diretta with an `ULTIM'ORA` bar, an RMC Sport-like `90e+4` glued to
/// `22h56`, a watson-like `12.8.24, 23:38`. Their blind score (clock/instant/spurious/titles) was
/// html 89/66/9 %, copied, w3m and lynx 85/53/7 %, every title right. After the fixes (`GMT+1`
/// zones, a lone dateline as the opening, tickers outside the story, labelled pinned posts, the
/// shortest added time) every page reads whole.
const HOLDOUT19_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

#[test]
fn the_nineteenth_holdout_round_scores_at_least_its_floor() {
    let (pages, scores) = totals(|name| name.starts_with("holdout19-"));
    assert!(pages >= 8, "expected the holdout19-* pages under tests/fixtures/pages");
    let failures = check(pages, &scores, &HOLDOUT19_FLOORS);
    assert!(failures.is_empty(), "nineteenth holdout round fell below its floor:\n{}", failures.join("\n"));
}

/// The `holdout16-*` pages (`_gen/holdout_s.py`), a sixteenth blind round with the HTML form,
/// its structured data and its instants first and long posts: `1.42pm` in a `<time>` with the
/// author after it under a pinned summary, `June 10, 2024 12:47 am CET` written all year,
/// `Updated On : 05 Aug 2024 | 2:03 PM IST` under a market strip, `7. Nov., 0:47 Uhr` after an
/// agency credit, `14:03 Uhr, von Anna Thewalt` after each h3 under `📌 Angepinnt`,
/// `Aggiornamento ore 14.03` in windows-1252 with microdata only, `14/11/24 à 23h48`, and `1 hour
/// ago` over a `<time datetime>` (a copy time). Their blind score (clock/instant/spurious/titles)
/// was html 76/54/28 %/8 of 8, copied 63/39/24 %/3, w3m 63/39/24 %/3, lynx 63/39/24 %/4. After
/// the fixes the one page short is the Limerick Leader-like one: its text forms print `1 hour
/// ago`, which cannot tell the minute the markup gives, and its oldest post's `22 Nov 2024 14:30`
/// after `Reporter: …` is still missed.
const HOLDOUT16_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 97.0, instant: 97.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 90.0, instant: 90.0, spurious: 8.0, titles: 100.0 },
    Floor { form: "w3m", clock: 90.0, instant: 90.0, spurious: 8.0, titles: 100.0 },
    Floor { form: "lynx", clock: 90.0, instant: 90.0, spurious: 8.0, titles: 100.0 },
];

#[test]
fn the_sixteenth_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout16-", 8, &HOLDOUT16_FLOORS, "sixteenth holdout round fell below its floor");
}

/// The `holdout20-*` pages (`_gen/holdout_w.py`), a twentieth blind round with the text forms
/// first (four pages at the tools' default width, four at w3m 120 / lynx 100 columns) and long
/// posts: an author box over `3:31PM`, `Fri, 08 Nov, 2024 - 21:32` under a page dateline of the
/// same form over a score band, `November 21, 2024· 15:34 IST` under an index strip, the stamp
/// after the h2 `14:48 IST, 22 Nov 2024`, `14h52` with the newest `Il y a 12 min`, `16:3167'` and
/// `15:4745'+1'` glued, `+++ 17:12 Headline +++` and `16.05 Uhr` under yearless dividers. Their
/// blind score (clock/instant/spurious/titles) was html 97/97/6 %/8 of 8, copied, w3m and lynx
/// 91/91/6 %/8. After the fixes the one post short is the Le Parisien-like newest, `Il y a 12
/// min`, counted from the page's `modifié … à 16h31` rather than the copy's time (16:19, not
/// 16:28), in every form.
const HOLDOUT20_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 96.0, instant: 96.0, spurious: 4.0, titles: 100.0 },
    Floor { form: "copied", clock: 96.0, instant: 96.0, spurious: 4.0, titles: 100.0 },
    Floor { form: "w3m", clock: 96.0, instant: 96.0, spurious: 4.0, titles: 100.0 },
    Floor { form: "lynx", clock: 96.0, instant: 96.0, spurious: 4.0, titles: 100.0 },
];

#[test]
fn the_twentieth_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout20-", 8, &HOLDOUT20_FLOORS, "twentieth holdout round fell below its floor");
}

/// The `holdout23-*` pages (`_gen/holdout_z.py`), a twenty-third blind round with the instants
/// first: feeds over two to four days, a pinned post `08:30, 12 JUL 2025` over weekday-only
/// dividers (`Monday`), UTC `<time datetime>` under local clocks, no dividers at all under
/// `21.02.2025, 18:05 Uhr · Aktualisiert: 24.02.2025, 00:48 Uhr`, `Sonnabend, 2. August`,
/// `Hier à 23h40`, a feed across the spring DST change, `1:20 AM` IST over midnight, lying
/// JSON-LD, and a date only in the title. Their blind score (clock/instant/spurious/titles) was
/// html 100/89/0 %/8 of 8, copied 95/70/0 %/8, w3m and lynx 100/75/0 %/8, the same with a file
/// time unrelated to the page. After the fixes every form reads 100/100/0 %/8.
const HOLDOUT23_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
];

#[test]
fn the_twenty_third_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout23-", 8, &HOLDOUT23_FLOORS, "twenty-third holdout round fell below its floor");
}

/// The `holdout21-*` pages (`_gen/holdout_x.py`), a twenty-first blind round with the HTML form
/// first (JSON-LD that lies, `<time datetime>` of several kinds) and furniture between posts:
/// `<time datetime="…Z">22:18</time>` under a pinned post and over midnight, `Updated - November
/// 23, 2024 02:41 pm IST` under a ticker of `02:12 pm` clocks, `4:52 PM IST27.0 ov`, `22h0862e`,
/// `22:4888.`, `Ore 23.45 – Headline. Text` inline, `Update vom 21. November, 15.42 Uhr:`. Their
/// blind score (clock/instant/spurious/titles) was html 88/88/9 %/8 of 8, copied 47/32/30 %/4,
/// w3m 47/32/24 %/5, lynx 47/32/33 %/5. After the fixes the La Nazione-like page's four instants
/// stay a day early in the text forms (its only date, `18 ottobre 2024`, is read as the newest
/// post's day, not the opening's; the HTML has the JSON-LD's modification time), and the copied Münchner Merkur-like page takes a table of contents'
/// line for its title.
const HOLDOUT21_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 99.0, instant: 99.0, spurious: 1.0, titles: 100.0 },
    Floor { form: "copied", clock: 99.0, instant: 87.0, spurious: 1.0, titles: 87.0 },
    Floor { form: "w3m", clock: 99.0, instant: 87.0, spurious: 1.0, titles: 100.0 },
    Floor { form: "lynx", clock: 99.0, instant: 87.0, spurious: 1.0, titles: 100.0 },
];

#[test]
fn the_twenty_first_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout21-", 8, &HOLDOUT21_FLOORS, "twenty-first holdout round fell below its floor");
}

/// The `holdout22-*` pages (`_gen/holdout_y.py`), a twenty-second blind round with the text
/// forms first (four pages at the tools' default width, four at w3m 120 / lynx 100 columns) and
/// heavy furniture: a match night over midnight dated only by the header's `19:00, 25 NOV 2024
/// Updated 00:31, 26 NOV 2024`, yearless and weekday dividers, `22h41 | 78e` with the last
/// post's minute left empty (`20h32 |`), a pinned post over `14 mins ago`, `23 Nov 2024, 02:14 PM
/// IST`, a dated photo caption under a day divider, race times beside clocks. Their blind score
/// (clock/instant/spurious/titles) was html 92/78/0 %/8 of 8, copied and w3m 89/76/6 %/8, lynx
/// 89/76/8 %/8. After the fixes the posts short are the Daily Record-like `14 mins ago` / `41
/// mins ago`, counted from the page's `Updated 18:47` (as every earlier round's truth counts)
/// where this page's truth took the copy's time, in every form; lynx also keeps the
/// scoreboard's `Coup d'envoi : 21h05` wrapped onto a line of its own.
const HOLDOUT22_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 94.0, instant: 94.0, spurious: 6.0, titles: 100.0 },
    Floor { form: "copied", clock: 94.0, instant: 94.0, spurious: 6.0, titles: 100.0 },
    Floor { form: "w3m", clock: 94.0, instant: 94.0, spurious: 6.0, titles: 100.0 },
    Floor { form: "lynx", clock: 94.0, instant: 94.0, spurious: 8.0, titles: 100.0 },
];

#[test]
fn the_twenty_second_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout22-", 8, &HOLDOUT22_FLOORS, "twenty-second holdout round fell below its floor");
}

/// The `holdout25-*` pages (`_gen/holdout_zb.py`), a twenty-fifth blind round with the text
/// forms first: four whole pages (two at the tools' default width, two at w3m 120 / lynx 100
/// columns) and four partial copies (the feed only from a yearless divider, two screens pasted
/// over midnight, a selection from inside one post to inside another that loses the newest
/// day's divider, a selection from the h1 dated only by its header). `10.05am` under the h2,
/// `Posted by Saurabh VaktaniaNov 24, 2024 00:41 IST`, `Le 13/08 à 00h36`, dividers with the
/// year over race times. Their blind score (clock/instant/spurious/titles) was html, w3m and
/// lynx 84/84/6 %/4 of 4, copied 92/90/3 %/6 of 8, the same with a file time unrelated to the
/// page. After the fixes every post reads right in every form; the India Today-like tally
/// box's `Last updated: Nov 23, 2024 22:55 IST` over a Highlights list stays one spurious
/// entry in each of its forms.
const HOLDOUT25_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 6.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 6.0, titles: 100.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 6.0, titles: 100.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 6.0, titles: 100.0 },
];

#[test]
fn the_twenty_fifth_holdout_round_scores_at_least_its_floor() {
    // Every selection here reads whole.
    let partial = Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 };
    round_with_partials_holds("holdout25-", &HOLDOUT25_FLOORS, partial, "twenty-fifth holdout round");
}

/// The `holdout24-*` pages (`_gen/holdout_za.py`), a twenty-fourth blind round with the HTML form
/// first and heavy furniture: `Key EventJames Pearce17:14` under JSON-LD stamping every update
/// with its modification, `2.47pm` with no `<time>` under `Published: 4th December 2024` and a
/// `Key points` box of `2.47pm: …` items, `12.30pm` under weekday-only dividers with only `30th
/// Nov 2024` in the byline, `10:12 am` / `Dec 6` on separate spans, `23h47` over midnight with
/// dates only in the header, `07/11/2024` / `18:42` on separate lines, `Update, 31.08. 00:12 Uhr`
/// with no year, a pinned summary over UTC `<time datetime>`. Their blind score
/// (clock/instant/spurious/titles) was html 95/82/5 %/8 of 8, the text forms 95/70/7 %/7 (62 %
/// instants with a file time unrelated to the page). After the fixes (a summary heading's
/// clocked points, a date-only byline as the opening of weekday dividers) every form reads 95/95
/// with 0 % (html) or 3 % spurious: the SPORT1-like ticker still loses two posts and its copied
/// title.
const HOLDOUT24_FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 95.0, instant: 95.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 95.0, instant: 95.0, spurious: 3.0, titles: 87.0 },
    Floor { form: "w3m", clock: 95.0, instant: 95.0, spurious: 3.0, titles: 87.0 },
    Floor { form: "lynx", clock: 95.0, instant: 95.0, spurious: 3.0, titles: 87.0 },
];

#[test]
fn the_twenty_fourth_holdout_round_scores_at_least_its_floor() {
    round_holds("holdout24-", 8, &HOLDOUT24_FLOORS, "twenty-fourth holdout round fell below its floor");
}
