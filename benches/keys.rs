//! Cost of a key press, from action to rendered buffer, at 160×45: on a story of 100,000
//! generated entries (a move, search keystrokes, a tag toggle), and on 10,000 small stories
//! with "All stories" shown (a move, story switches, search keystrokes, and a burst of 2,000
//! new stories arriving). A search keystroke is measured three ways: the key as the reader
//! answers it (its first slice of search), the time to its exact answer (every slice), and
//! the whole search on the key as before (the reference, same run). So are the first switch
//! to "All stories" (its build by slices against the whole build on the key) and a reload of
//! one story while it is shown (its entries replaced against a whole rebuild). Run with
//! `cargo bench --bench keys`; `cargo bench --bench keys -- stories` runs the 10,000-story
//! groups alone.

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};
use liveblog::corpus;
use liveblog::keys::KeyMap;
use liveblog::parse::{Rules, parse_text};
use liveblog::state::{Action, Reader, Reload, SEARCH_SLICE};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::PathBuf;

fn keys(c: &mut Criterion) {
    let blog = corpus::generate(100_000, 7);
    let story = parse_text(PathBuf::from("gen.txt"), blog.text, Rules::embedded());
    assert_eq!(story.entries.len(), 100_000);
    let mut reader = Reader::new(vec![story]);
    // As the terminal reader does once its first screen is up.
    reader.start_indexes();
    reader.apply(Action::Resize(160, 45));
    let keymap = KeyMap::default();
    let theme = liveblog::ui::Theme::default();
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    let mut press = |reader: &mut Reader, actions: &[Action]| {
        for a in actions {
            reader.apply(a.clone());
        }
        terminal.draw(|f| liveblog::ui::render(reader, &keymap, &theme, f)).unwrap();
        black_box(terminal.backend().buffer().area);
    };

    let mut group = c.benchmark_group("key to rendered frame, 100k entries");
    group.sample_size(30);
    group.bench_function("move down", |b| b.iter(|| press(&mut reader, &[Action::Down])));
    group.bench_function("jump to next hour", |b| b.iter(|| press(&mut reader, &[Action::NextHour])));
    reader.apply(Action::First);
    reader.apply(Action::Search);
    // `§` is in no entry: the whole folded text is scanned. The backspace after it comes back
    // to the empty query from the cache.
    group.bench_function("search keystroke, no match (full scan) + backspace", |b| {
        b.iter(|| {
            press(&mut reader, &[Action::Input('§')]);
            press(&mut reader, &[Action::Backspace]);
        })
    });
    type_word(&mut group, &mut reader, &mut press, "elec");
    reader.apply(Action::Submit);
    // Typed with an accent: "armé" folds to "arme", found in "armée", "armes", "Armement"…
    reader.apply(Action::Search);
    reader.apply(Action::DeleteToStart);
    press(&mut reader, &[Action::Input('a'), Action::Input('r'), Action::Input('m')]);
    reader.finish_searches();
    group.bench_function("accented fourth search keystroke (\"arm\" → \"armé\") + backspace", |b| {
        b.iter(|| {
            press(&mut reader, &[Action::Input('é')]);
            press(&mut reader, &[Action::Backspace]);
        })
    });
    // A query that stays non-ASCII once folded (Cyrillic; the blog is French): only the
    // signatures' byte sets can rule entries out.
    reader.apply(Action::DeleteToStart);
    press(&mut reader, &[Action::Input('к'), Action::Input('и')]);
    reader.finish_searches();
    group.bench_function("non-ASCII search keystroke (\"ки\" → \"кие\") + backspace", |b| {
        b.iter(|| {
            press(&mut reader, &[Action::Input('е')]);
            press(&mut reader, &[Action::Backspace]);
        })
    });
    reader.apply(Action::DeleteToStart);
    reader.apply(Action::Submit);
    group.bench_function("tag toggle (picker: open, toggle, apply)", |b| {
        b.iter(|| press(&mut reader, &[Action::PickTags, Action::ToggleTag, Action::Submit]))
    });
    group.finish();
}

/// Types `word` into the open search prompt, one benchmark a keystroke: the key, its frame,
/// then a backspace and its frame, so every sample starts from the same query. The word is
/// left typed. From the third keystroke on (the first two are answered from the signatures
/// on the key), two more benchmarks: the time to the exact answer (the key, every slice of
/// the search as the event loop applies them between keys, and the frame of the answer), and
/// the key with the whole search run on it, as before searches went by slices — the
/// reference measured in the same run.
fn type_word(
    group: &mut BenchmarkGroup<'_, WallTime>,
    reader: &mut Reader,
    press: &mut impl FnMut(&mut Reader, &[Action]),
    word: &str,
) {
    let mut typed = String::new();
    for (n, c) in word.chars().enumerate() {
        let name = match n {
            0 => format!("search keystroke (\"{c}\")"),
            _ => {
                let nth = ["second", "third", "fourth", "fifth", "sixth"].get(n - 1).copied().unwrap_or("next");
                format!("{nth} search keystroke (\"{typed}\" → \"{typed}{c}\")")
            }
        };
        group.bench_function(format!("{name} + backspace"), |b| {
            b.iter(|| {
                press(reader, &[Action::Input(c)]);
                press(reader, &[Action::Backspace]);
            })
        });
        if n >= 2 {
            group.bench_function(format!("{name}, to the exact answer, + backspace"), |b| {
                b.iter(|| {
                    press(reader, &[Action::Input(c)]);
                    while let Some(generation) = reader.search_pending() {
                        reader.apply(Action::SearchStep(generation));
                    }
                    press(reader, &[]);
                    press(reader, &[Action::Backspace]);
                })
            });
            reader.set_search_slice(usize::MAX);
            group.bench_function(format!("{name}, whole search on the key (reference), + backspace"), |b| {
                b.iter(|| {
                    press(reader, &[Action::Input(c)]);
                    press(reader, &[Action::Backspace]);
                })
            });
            reader.set_search_slice(SEARCH_SLICE);
        }
        press(reader, &[Action::Input(c)]);
        reader.finish_searches();
        typed.push(c);
    }
}

/// 10,000 stories of 10 entries each (all timed), in one folder.
fn small_stories(n: usize, from: usize) -> Vec<liveblog::model::Story> {
    (from..from + n)
        .map(|i| {
            let blog = corpus::generate(10, i as u64);
            parse_text(PathBuf::from(format!("story-{i}.txt")), blog.text, Rules::embedded())
        })
        .collect()
}

fn many_stories(c: &mut Criterion) {
    let stories = small_stories(10_000, 0);
    let keymap = KeyMap::default();
    let theme = liveblog::ui::Theme::default();
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    let mut press = |reader: &mut Reader, actions: &[Action]| {
        for a in actions {
            reader.apply(a.clone());
        }
        reader.settle();
        terminal.draw(|f| liveblog::ui::render(reader, &keymap, &theme, f)).unwrap();
        black_box(terminal.backend().buffer().area);
    };
    let all_stories = |stories: &[liveblog::model::Story]| {
        let mut reader = Reader::new(stories.to_vec());
        reader.apply(Action::Resize(160, 45));
        // Row 0 of the story list: "All stories".
        reader.apply(Action::PrevStory);
        // Its first build goes by slices: the rows below measure keys on the whole timeline.
        reader.finish_searches();
        assert!(reader.all() && reader.view().is_some());
        reader
    };
    let mut reader = all_stories(&stories);
    let mut group = c.benchmark_group("key to rendered frame, 10k stories, All stories shown");
    group.sample_size(20);
    group.bench_function("move down", |b| b.iter(|| press(&mut reader, &[Action::Down])));
    // From "All stories" to the first story and back: both timelines are built already.
    group.bench_function("next story (All stories → first) + previous story (back)", |b| {
        b.iter(|| {
            press(&mut reader, &[Action::NextStory]);
            press(&mut reader, &[Action::PrevStory]);
        })
    });
    // The story pane's cursor from the first story to the second and back.
    reader.apply(Action::FocusPrev);
    reader.apply(Action::NextStory);
    group.bench_function("story list: down (first story → second) + up (back)", |b| {
        b.iter(|| {
            press(&mut reader, &[Action::Down]);
            press(&mut reader, &[Action::Up]);
        })
    });
    reader.apply(Action::PrevStory);
    reader.apply(Action::FocusNext);
    assert!(reader.all());
    reader.apply(Action::Search);
    type_word(&mut group, &mut reader, &mut press, "elec");
    reader.apply(Action::Submit);
    group.bench_function("move down, search \"elec\" shown", |b| b.iter(|| press(&mut reader, &[Action::Down])));
    reader.apply(Action::Search);
    reader.apply(Action::DeleteToStart);
    reader.apply(Action::Submit);
    reader.finish_searches();
    first_switch(&mut group, &mut reader, &mut press);
    reload_one(&mut group, &mut reader, &mut press, &stories);
    group.finish();

    // 2,000 new files in the watched folder, as one burst of reload events, then one frame.
    let arrivals: Vec<Reload> =
        small_stories(2000, 10_000).into_iter().map(|s| Reload(std::sync::Arc::new(s))).collect();
    let mut group = c.benchmark_group("burst, 10k stories, All stories shown");
    group.sample_size(10);
    group.bench_function("2,000 new stories, then a frame", |b| {
        b.iter_batched_ref(
            || all_stories(&stories),
            |reader| {
                let burst: Vec<Action> = arrivals.iter().map(|r| Action::Reloaded(r.clone())).collect();
                press(reader, &burst)
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// The first switch to "All stories" (the reader on the first story, the merged timeline not
/// built): the key as the reader answers it (the build's first slice; the pane says how far
/// it is), the time to the whole timeline (every slice, as the event loop applies them
/// between keys, and its frame), and the whole build on the key (the reference, as before
/// the build went by slices).
fn first_switch(
    group: &mut BenchmarkGroup<'_, WallTime>,
    reader: &mut Reader,
    press: &mut impl FnMut(&mut Reader, &[Action]),
) {
    let mut run = |reader: &mut Reader, whole: bool, iters: u64| {
        let mut spent = std::time::Duration::ZERO;
        for _ in 0..iters {
            press(reader, &[Action::NextStory]);
            reader.rebuild_merged();
            let t = std::time::Instant::now();
            press(reader, &[Action::PrevStory]);
            if whole {
                while let Some(generation) = reader.search_pending() {
                    reader.apply(Action::SearchStep(generation));
                }
                press(reader, &[]);
            }
            spent += t.elapsed();
            assert!(reader.all());
        }
        spent
    };
    group.bench_function("first switch to All stories", |b| b.iter_custom(|n| run(reader, false, n)));
    group.bench_function("first switch, to the whole timeline", |b| b.iter_custom(|n| run(reader, true, n)));
    reader.set_search_slice(usize::MAX);
    group.bench_function("first switch, whole build (reference)", |b| b.iter_custom(|n| run(reader, false, n)));
    reader.set_search_slice(SEARCH_SLICE);
    reader.finish_searches();
}

/// A story re-read (a file changed on disk) while "All stories" is shown, then a frame: its
/// entries replaced in the kept timeline, against the whole timeline built again on the
/// reload (the reference, as before). Two versions of one story take turns, so each reload
/// changes it.
fn reload_one(
    group: &mut BenchmarkGroup<'_, WallTime>,
    reader: &mut Reader,
    press: &mut impl FnMut(&mut Reader, &[Action]),
    stories: &[liveblog::model::Story],
) {
    let path = reader.stories()[17].path.clone();
    let versions: Vec<Reload> = [17usize, 20_017]
        .iter()
        .map(|&seed| {
            let blog = corpus::generate(12, seed as u64);
            let story = parse_text(path.clone(), blog.text, Rules::embedded());
            Reload(std::sync::Arc::new(story))
        })
        .collect();
    assert!(stories.iter().any(|s| s.path == path));
    let mut turn = 0;
    group.bench_function("reload of one story", |b| {
        b.iter(|| {
            turn += 1;
            press(reader, &[Action::Reloaded(versions[turn % 2].clone())])
        })
    });
    reader.set_search_slice(usize::MAX);
    group.bench_function("reload of one story, rebuild (reference)", |b| {
        b.iter(|| {
            turn += 1;
            reader.apply(Action::Reloaded(versions[turn % 2].clone()));
            reader.rebuild_merged();
            press(reader, &[])
        })
    });
    reader.set_search_slice(SEARCH_SLICE);
    reader.finish_searches();
}

criterion_group!(benches, keys, many_stories);
criterion_main!(benches);
