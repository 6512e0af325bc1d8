//! Cost of a key press, from action to rendered buffer, on a story of 100,000 generated
//! entries at 160×45: a move, a search keystroke that refilters every entry, and a tag
//! toggle. Run with `cargo bench --bench keys`.

use criterion::{Criterion, criterion_group, criterion_main};
use liveblog::corpus;
use liveblog::keys::KeyMap;
use liveblog::parse::{Rules, parse_text};
use liveblog::state::{Action, Reader};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::PathBuf;

fn keys(c: &mut Criterion) {
    let blog = corpus::generate(100_000, 7);
    let story = parse_text(PathBuf::from("gen.txt"), blog.text, Rules::embedded());
    assert_eq!(story.entries.len(), 100_000);
    let mut reader = Reader::new(vec![story]);
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
    group.bench_function("search keystroke, matching (\"e\") + backspace", |b| {
        b.iter(|| {
            press(&mut reader, &[Action::Input('e')]);
            press(&mut reader, &[Action::Backspace]);
        })
    });
    press(&mut reader, &[Action::Input('e')]);
    group.bench_function("second search keystroke (\"e\" → \"el\") + backspace", |b| {
        b.iter(|| {
            press(&mut reader, &[Action::Input('l')]);
            press(&mut reader, &[Action::Backspace]);
        })
    });
    reader.apply(Action::Backspace);
    reader.apply(Action::Submit);
    group.bench_function("tag toggle (picker: open, toggle, apply)", |b| {
        b.iter(|| press(&mut reader, &[Action::PickTags, Action::ToggleTag, Action::Submit]))
    });
    group.finish();
}

criterion_group!(benches, keys);
criterion_main!(benches);
