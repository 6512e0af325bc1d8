//! The only code that touches the real terminal: set-up (raw mode, alternate screen, mouse),
//! the event loop, and restoring the terminal on quit, on a panic (the hook restores it before
//! the message prints) and on SIGTERM, SIGHUP and SIGINT.

use crate::config::Settings;
use crate::keys::KeyMap;
use crate::persist::{self, ReadState};
use crate::state::{Action, Reader};
use crate::ui;
use crate::watch;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, MouseEventKind};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

type Term = Terminal<CrosstermBackend<Stdout>>;

fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen, crossterm::cursor::Show);
}

fn setup() -> io::Result<Term> {
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    if let Err(e) = execute!(stdout, EnterAlternateScreen, EnableMouseCapture) {
        restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(stdout))
}

/// What the reader follows and remembers while it runs.
pub struct Session {
    /// Files and directories to watch; `None` with `--no-watch`.
    pub watch: Option<Vec<std::path::PathBuf>>,
    /// Poll files instead of asking the system to notify changes.
    pub poll: bool,
    /// Where read marks are saved; `None` with `--no-state`.
    pub state_file: Option<std::path::PathBuf>,
    pub read_state: ReadState,
}

/// The shortest time between two redraws caused by file changes.
const FILE_REDRAW: Duration = Duration::from_millis(250);

/// How often read marks are saved while running (and always at quit).
const SAVE_EVERY: Duration = Duration::from_secs(5);

/// Runs the reader until the user quits or a signal arrives.
pub fn run(mut reader: Reader, settings: Settings, mut session: Session) -> io::Result<()> {
    let rules = Arc::new(settings.rules.clone());
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous_hook(info);
    }));
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let (tx, rx) = mpsc::channel();
    let _follower = match &session.watch {
        Some(paths) if !paths.is_empty() => {
            let tx = tx.clone();
            match watch::follow(paths, rules, session.poll, move |ev| tx.send(Wake::File(ev)).is_ok()) {
                Ok(f) => Some(f),
                Err(e) => {
                    reader.apply(Action::Message(format!("not following changes: {e}")));
                    None
                }
            }
        }
        _ => None,
    };
    let mut terminal = setup()?;
    let result = event_loop(&mut terminal, &mut reader, &settings, &stop, tx, rx, &mut session);
    restore();
    save(&reader, &mut session);
    result
}

/// Saves read marks when they changed; a failure is said in the status line, not fatal.
fn save(reader: &Reader, session: &mut Session) -> Option<String> {
    let path = session.state_file.as_ref()?;
    let mut next = session.read_state.clone();
    persist::store(&mut next, reader.read_marks());
    if next == session.read_state {
        return None;
    }
    match persist::save(path, &next) {
        Ok(()) => {
            session.read_state = next;
            None
        }
        Err(e) => Some(format!("cannot save read marks to {}: {e}", path.display())),
    }
}

/// What wakes the event loop.
pub enum Wake {
    Terminal(Event),
    /// The terminal can no longer be read (closed or hung up).
    TerminalGone,
    /// A watched file changed.
    File(watch::FileEvent),
}

/// Reads terminal events on a thread of their own. crossterm's `poll` can spin without
/// returning once the terminal is gone; on its own thread that cannot keep the loop below
/// from seeing a signal.
fn spawn_terminal_reader(tx: mpsc::Sender<Wake>) {
    std::thread::spawn(move || {
        loop {
            let wake = match event::read() {
                Ok(ev) => Wake::Terminal(ev),
                Err(_) => Wake::TerminalGone,
            };
            let gone = matches!(wake, Wake::TerminalGone);
            if tx.send(wake).is_err() || gone {
                return;
            }
        }
    });
}

fn event_loop(
    terminal: &mut Term,
    reader: &mut Reader,
    settings: &Settings,
    stop: &AtomicBool,
    tx: mpsc::Sender<Wake>,
    rx: mpsc::Receiver<Wake>,
    session: &mut Session,
) -> io::Result<()> {
    let size = terminal.size()?;
    reader.apply(Action::Resize(size.width, size.height));
    spawn_terminal_reader(tx);
    let mut dirty = true;
    // File changes redraw at most this often; keys redraw at once.
    let mut file_changes = false;
    let mut last_draw = std::time::Instant::now() - FILE_REDRAW;
    let mut last_save = std::time::Instant::now();
    while !reader.quit() && !stop.load(Ordering::Relaxed) {
        if last_save.elapsed() >= SAVE_EVERY {
            last_save = std::time::Instant::now();
            if let Some(warning) = save(reader, session) {
                reader.apply(Action::Message(warning));
                dirty = true;
            }
        }
        if file_changes && last_draw.elapsed() >= FILE_REDRAW {
            dirty = true;
            file_changes = false;
        }
        if dirty {
            reader.apply(Action::Tick(chrono::Local::now().fixed_offset()));
            terminal.draw(|frame| ui::render(reader, &settings.keymap, &settings.theme, frame))?;
            last_draw = std::time::Instant::now();
            dirty = false;
        }
        // A short wait so that signals are noticed promptly (shorter when a redraw is due);
        // then whatever else is already waiting.
        let wait =
            if file_changes { FILE_REDRAW.saturating_sub(last_draw.elapsed()) } else { Duration::from_millis(200) };
        let first = match rx.recv_timeout(wait) {
            Ok(wake) => wake,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        let mut gone = false;
        for wake in std::iter::once(first).chain(rx.try_iter()) {
            let from_file = matches!(wake, Wake::File(_));
            match handle(wake, reader, &settings.keymap) {
                Handled::Changed if from_file => file_changes = true,
                Handled::Changed => dirty = true,
                Handled::Nothing => {}
                Handled::TerminalGone => gone = true,
            }
        }
        if gone {
            break;
        }
    }
    Ok(())
}

enum Handled {
    Changed,
    Nothing,
    TerminalGone,
}

fn handle(wake: Wake, reader: &mut Reader, keymap: &KeyMap) -> Handled {
    {
        let action = match wake {
            Wake::TerminalGone => return Handled::TerminalGone,
            Wake::File(event) => Some(watch::action(event)),
            Wake::Terminal(Event::Key(key)) => keymap.action(reader.mode(), key),
            Wake::Terminal(Event::Resize(w, h)) => Some(Action::Resize(w, h)),
            Wake::Terminal(Event::Mouse(m)) => match m.kind {
                MouseEventKind::ScrollDown => Some(Action::Wheel(m.column, m.row, true)),
                MouseEventKind::ScrollUp => Some(Action::Wheel(m.column, m.row, false)),
                MouseEventKind::Down(_) => Some(Action::Click(m.column, m.row)),
                _ => None,
            },
            Wake::Terminal(_) => None,
        };
        match action {
            Some(action) => {
                reader.apply(action);
                Handled::Changed
            }
            None => Handled::Nothing,
        }
    }
}
