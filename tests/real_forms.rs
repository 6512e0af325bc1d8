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
struct Floor {
    form: &'static str,
    clock: f64,
    instant: f64,
    spurious: f64,
    titles: f64,
}

const GOAL: Floor = Floor { form: "*", clock: 90.0, instant: 90.0, spurious: 2.0, titles: 90.0 };

/// Today's figures, rounded down (spurious rounded up): the ratchet.
const FLOORS: [Floor; 4] = [
    Floor { form: "html", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 100.0 },
    Floor { form: "copied", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 88.0 },
    Floor { form: "w3m", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 94.0 },
    Floor { form: "lynx", clock: 100.0, instant: 100.0, spurious: 0.0, titles: 94.0 },
];

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 { 100.0 } else { 100.0 * part as f64 / whole as f64 }
}

#[test]
fn every_form_of_every_page_scores_at_least_the_floor() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let pages = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().join("truth.json").is_file())
        .count();
    assert!(pages >= 12, "expected the fixture pages under {}", root.display());
    let totals = score::run(&root, None, std::env::var_os("SCORE_VERBOSE").is_some());
    let mut failures = Vec::new();
    for floor in &FLOORS {
        let Some((_, t)) = totals.iter().find(|(form, _)| *form == floor.form) else {
            failures.push(format!("{}: no page scored", floor.form));
            continue;
        };
        let t: &Score = t;
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
    assert!(failures.is_empty(), "scores fell below the ratchet:\n{}", failures.join("\n"));
}
