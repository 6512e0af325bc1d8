//! The real event loop, headless: `liveblog::app::run` — the loop the terminal runs — on
//! ratatui's `TestBackend`, fed keys, a resize, a file event and a tick through its channel,
//! and a loop on its own thread that waits for events and stops on `Stop`; a polled page
//! (fetched, failed) through the same loop.

use liveblog::app::{self, Event, Headless, Look};
use liveblog::keys::{KeyMap, parse_keys};
use liveblog::parse::Rules;
use liveblog::state::Reader;
use liveblog::ui::Theme;
use liveblog::watch::FileEvent;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::mpsc;

const HEAD: &str = "Direct démarré le 21 octobre 2024 à 6H30 TU\n\nLe fil du jour\n\n";
const OLD: &str =
    "10h00\nsujet\n\nTroisième titre\n\nTexte trois.\n\n09h00\nsujet\n\nDeuxième titre\n\nTexte deux.\n\n";
const NEW: &str = "11h00\nsujet\n\nQuatrième titre arrivé\n\nTexte quatre.\n\n";

fn screen(terminal: &Terminal<TestBackend>) -> String {
    liveblog::frame::buffer_text(terminal.backend().buffer())
}

fn keys(tx: &mpsc::Sender<Event>, keys: &str) {
    for key in parse_keys(keys).unwrap() {
        tx.send(Event::Key(key)).unwrap();
    }
}

#[test]
fn keys_resize_a_file_event_and_a_tick_go_through_the_one_loop() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blog.txt");
    std::fs::write(&path, format!("{HEAD}{OLD}")).unwrap();
    let mut reader = Reader::new(vec![liveblog::load::load_one(&path, Rules::embedded()).unwrap()]);
    std::fs::write(&path, format!("{HEAD}{NEW}{OLD}")).unwrap();
    let reloaded = liveblog::load::load_one(&path, Rules::embedded()).unwrap();

    let (keymap, theme) = (KeyMap::default(), Theme::monochrome());
    let look = Look { keymap: &keymap, theme: &theme };
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    let (tx, rx) = mpsc::channel();

    // Keys: down to the older entry; a resize; the file gains an entry; clocks as ages and
    // a tick twelve minutes after 11:00 UTC.
    keys(&tx, "<Down>");
    tx.send(Event::Resize(100, 30)).unwrap();
    tx.send(Event::File(FileEvent::Parsed(Box::new(reloaded)))).unwrap();
    keys(&tx, "r");
    let now = chrono::DateTime::parse_from_rfc3339("2024-10-21T11:12:00+02:00").unwrap();
    tx.send(Event::Tick(now)).unwrap();
    tx.send(Event::Stop).unwrap();
    app::run(&mut terminal, &mut reader, &look, &rx, &mut Headless).unwrap();

    assert_eq!(reader.size(), (100, 30), "the resize reached the reader");
    assert_eq!(reader.now(), Some(now), "the tick reached the reader");
    let view = reader.view().unwrap();
    assert_eq!(reader.story().unwrap().entries.len(), 3, "the file event reached the reader");
    let selected = reader.story().unwrap().entry(view.selected().unwrap() as usize);
    assert_eq!(selected.headline(), Some("Deuxième titre"), "the key moved, and the selection stayed");
    let s = screen(&terminal);
    let row = s.lines().find(|l| l.contains("Quatrième titre")).expect("the new entry on screen");
    assert!(row.contains('●'), "marked new: {row}");
    // The tick is 11:12 +02:00, 09:12 UTC: the 09h00 (UTC) entry is 12 minutes old.
    assert!(s.contains("12 min"), "ages are measured from the tick:\n{s}");
}

#[test]
fn the_loop_waits_for_events_and_draws_each_one() {
    let reader = Reader::new(liveblog::load::bundled(Rules::embedded()));
    let (tx, rx) = mpsc::channel();
    let (done_tx, done_rx) = mpsc::channel();
    let handle = std::thread::spawn(move || {
        let (keymap, theme) = (KeyMap::default(), Theme::monochrome());
        let look = Look { keymap: &keymap, theme: &theme };
        let mut reader = reader;
        let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
        app::run(&mut terminal, &mut reader, &look, &rx, &mut Headless).unwrap();
        done_tx.send(()).unwrap();
        (reader, screen(&terminal))
    });
    keys(&tx, "?");
    // Still running: nothing told it to stop.
    assert!(done_rx.recv_timeout(std::time::Duration::from_millis(200)).is_err());
    tx.send(Event::Stop).unwrap();
    let (reader, s) = handle.join().unwrap();
    assert!(!reader.quit(), "stopped, not quit");
    assert!(s.contains("go to a time"), "the help drawn before the stop:\n{s}");
}

/// Runs the loop with the default keys until `events` run out (or a quit or a stop).
fn run_with(reader: &mut Reader, terminal: &mut Terminal<TestBackend>, events: impl IntoIterator<Item = Event>) {
    let (keymap, theme) = (KeyMap::default(), Theme::monochrome());
    let (tx, rx) = mpsc::channel();
    events.into_iter().for_each(|e| tx.send(e).unwrap());
    drop(tx);
    app::run(terminal, reader, &Look { keymap: &keymap, theme: &theme }, &rx, &mut Headless).unwrap();
}

fn key_events(keys: &str) -> Vec<Event> {
    parse_keys(keys).unwrap().into_iter().map(Event::Key).collect()
}

#[test]
fn q_ends_the_loop_and_keys_after_it_are_not_read() {
    let mut reader = Reader::new(liveblog::load::bundled(Rules::embedded()));
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    run_with(&mut reader, &mut terminal, key_events("q?"));
    assert!(reader.quit());
    assert!(!screen(&terminal).contains("go to a time"), "the ? after q was not applied");
}

/// A host that records the stories shown to it before the reader sees them.
#[derive(Default)]
struct Recording {
    arrived: Vec<(usize, usize)>,
}

impl<B: ratatui::backend::Backend> app::Host<B> for Recording {
    fn arrived(&mut self, old: Option<&liveblog::model::Story>, new: &liveblog::model::Story) -> Option<String> {
        self.arrived.push((old.map_or(0, |o| o.entries.len()), new.entries.len()));
        None
    }
}

#[test]
fn a_polled_page_arrives_like_a_file_and_a_failure_keeps_it() {
    use liveblog::web::PageEvent;
    let url = "http://127.0.0.1:9/live";
    let story = |text: &str| {
        let mut s = liveblog::web::page::parse(url, text.as_bytes().to_vec(), Rules::embedded()).unwrap();
        s.url = Some(url.to_string());
        s
    };
    let mut reader = Reader::new(vec![story(&format!("{HEAD}{OLD}"))]);
    let (keymap, theme) = (KeyMap::default(), Theme::monochrome());
    let look = Look { keymap: &keymap, theme: &theme };
    let mut terminal = Terminal::new(TestBackend::new(140, 30)).unwrap();
    let (tx, rx) = mpsc::channel();
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc();
    tx.send(Event::Tick(chrono::DateTime::parse_from_rfc3339("2024-10-21T11:05:00+00:00").unwrap())).unwrap();
    let fetched = Box::new(story(&format!("{HEAD}{NEW}{OLD}")));
    tx.send(Event::Page(
        PageEvent::Fetched { url: url.into(), story: fetched, new: vec![] },
        at("2024-10-21T11:02:00Z"),
    ))
    .unwrap();
    tx.send(Event::Stop).unwrap();
    let mut host = Recording::default();
    app::run(&mut terminal, &mut reader, &look, &rx, &mut host).unwrap();
    assert_eq!(host.arrived, [(2, 3)], "the host saw the old and the new story");
    let s = screen(&terminal);
    assert!(s.contains("Quatrième titre arrivé") && s.contains("●11:00"), "the new entry, marked new:\n{s}");
    assert!(s.lines().last().unwrap().contains("fetched 3 min ago"), "{s}");

    let (tx, rx) = mpsc::channel();
    let failed = PageEvent::Failed { url: url.into(), reason: "host not found".into() };
    tx.send(Event::Page(failed, at("2024-10-21T11:04:00Z"))).unwrap();
    tx.send(Event::Page(PageEvent::Unchanged { url: "http://127.0.0.1:9/other".into() }, at("2024-10-21T11:04:00Z")))
        .unwrap();
    tx.send(Event::Stop).unwrap();
    app::run(&mut terminal, &mut reader, &look, &rx, &mut host).unwrap();
    let s = screen(&terminal);
    let status = s.lines().last().unwrap();
    assert!(status.contains("fetch failed 1 min ago: host not found"), "{status}");
    assert!(status.contains("http://127.0.0.1:9/live: host not found; keeping what is shown"), "{status}");
    assert_eq!(reader.stories()[0].entries.len(), 3, "what was shown stays");
    assert_eq!(host.arrived.len(), 1, "a failure re-reads nothing");
}

#[test]
fn esc_and_a_key_that_arrive_as_one_alt_key_are_both_read() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut reader = Reader::new(liveblog::load::bundled(Rules::embedded()));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let alt = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT));
    // The search prompt, then `Esc` and `[` as one Alt+[ (as a terminal sends them typed
    // quickly): the prompt is cancelled and `[` is not typed into it.
    run_with(&mut reader, &mut terminal, key_events("/x").into_iter().chain([alt('[')]));
    assert_eq!(*reader.mode(), liveblog::state::Mode::Normal, "Esc closed the prompt");
    assert!(screen(&terminal).contains("▸ 17:06"), "[ went to the earlier entry:\n{}", screen(&terminal));
    // The help, then `Esc` and `q` as one Alt+q: the help closes and the reader quits (else
    // the loop ends when the events run out, and the test fails).
    run_with(&mut reader, &mut terminal, key_events("?").into_iter().chain([alt('q')]));
    assert!(reader.quit(), "{}", screen(&terminal));
}

#[test]
fn a_search_typed_through_the_loop_ends_with_the_exact_answer() {
    let blog = liveblog::corpus::generate(600, 11);
    let story = liveblog::parse::parse_text("gen.txt".into(), blog.text, Rules::embedded());
    // The answer of a search run whole on each key (600 entries fit in a slice).
    let mut whole = Reader::new(vec![story.clone()]);
    whole.apply(liveblog::state::Action::Search);
    for c in "élec".chars() {
        whole.apply(liveblog::state::Action::Input(c));
    }
    assert!(whole.search_pending().is_none());
    let want = whole.view().unwrap().visible().to_vec();
    assert!(!want.is_empty() && want.len() < 600, "a query that sorts entries out: {}", want.len());

    // Through the loop, one entry a slice: the keys leave the search under way, and the
    // loop goes on with it by steps.
    let mut reader = Reader::new(vec![story]);
    reader.set_search_slice(1);
    let mut typed = Reader::new(reader.stories().to_vec());
    typed.set_search_slice(1);
    typed.apply(liveblog::state::Action::Search);
    "élec".chars().for_each(|c| typed.apply(liveblog::state::Action::Input(c)));
    assert!(typed.search_pending().is_some(), "keys alone leave the search under way");
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    run_with(&mut reader, &mut terminal, key_events("/élec"));
    assert!(reader.search_pending().is_none(), "the loop ended with the search done");
    assert_eq!(reader.view().unwrap().visible(), want.as_slice());
    let s = screen(&terminal);
    let status = s.lines().last().unwrap();
    assert!(status.contains(&format!("/élec▏  {} matching", want.len())), "{status}");
    assert!(!s.contains("searching"), "{s}");
}
