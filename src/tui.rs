//! The real terminal and the outside world around the event loop: set-up (raw mode,
//! alternate screen, mouse) and restoring it — on quit, on a panic (the hook restores it
//! before the message prints), on SIGTERM, SIGHUP and SIGINT, and around a suspend (Ctrl-Z or
//! SIGTSTP: restored, stopped like `less`, set up again on `fg`) — plus the threads that feed
//! [`crate::app::run`]: terminal events, signals, the file watcher, the poller of pages
//! followed by URL and a clock tick. The host here saves read marks into the archive and
//! runs notifications (the bell is written here, between two frames).

use crate::app::{self, Event, Host, Look};
use crate::config::Settings;
use crate::model::Story;
use crate::read_marks::ReadMarks;
use crate::state::Reader;
use crate::watch;
use crate::web::Poller;
use crate::web::notify::Notifier;
use crate::web::reader::Polling;
use anyhow::Context;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use std::io::{self, Stdout, Write};
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

type Term = Terminal<CrosstermBackend<Stdout>>;

fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen, ratatui::crossterm::cursor::Show);
}

/// Whether the reader takes the mouse (`[display] mouse`), for each entry into the terminal.
static MOUSE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    let mut result = execute!(io::stdout(), EnterAlternateScreen);
    if result.is_ok() && MOUSE.load(std::sync::atomic::Ordering::Relaxed) {
        result = execute!(io::stdout(), EnableMouseCapture);
    }
    if let Err(e) = result {
        restore();
        return Err(e);
    }
    Ok(())
}

/// What the reader follows and remembers while it runs.
pub struct Session {
    /// Files and directories to watch; `None` with `--no-watch`.
    pub watch: Option<Vec<PathBuf>>,
    /// Poll files instead of asking the system to notify changes.
    pub poll: bool,
    /// Where read marks are saved; `None` with `--no-state` or when the archive could not be
    /// opened.
    pub marks: Option<ReadMarks>,
    /// Pages to poll, each with its own interval if it has one, and how; `None` with
    /// `--no-watch`.
    pub pages: Option<Polling>,
    /// Notifications of new entries (`[notify]`), when asked for.
    pub notifier: Option<Notifier>,
}

/// How often read marks are saved while running (and always at quit).
const SAVE_EVERY: Duration = Duration::from_secs(5);

/// How often the loop is told the time (ages and "updated" clocks move on).
const TICK: Duration = Duration::from_secs(1);

/// Runs the reader in the terminal until the user quits or a signal arrives. An error saving
/// the read marks at quit is returned (after the terminal is restored).
pub fn run(mut reader: Reader, settings: Settings, mut session: Session) -> anyhow::Result<()> {
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous_hook(info);
    }));
    let (tx, rx) = mpsc::channel();
    spawn_signals(tx.clone()).context("signals")?;
    // The watch starts on its own thread: a big tree must not keep the reader from opening.
    let _follower = match &session.watch {
        Some(paths) if !paths.is_empty() => {
            let tx = tx.clone();
            let rules = Arc::new(settings.rules.clone());
            Some(watch::follow(paths, rules, session.poll, move |ev| tx.send(Event::File(ev)).is_ok()))
        }
        _ => None,
    };
    let poller = session.pages.take().filter(|p| !p.pages.is_empty()).map(|Polling { config, pages, now }| {
        let tx = tx.clone();
        let poller = Poller::start(config, move |page| {
            let _ = tx.send(Event::Page(page, chrono::Utc::now()));
        });
        for (url, every) in &pages {
            poller.follow_every(url, *every);
        }
        for url in &now {
            poller.poll_now(url);
        }
        poller
    });
    spawn_ticks(tx.clone());
    MOUSE.store(settings.display.mouse, std::sync::atomic::Ordering::Relaxed);
    enter().context("terminal")?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout())).context("terminal")?;
    spawn_terminal_reader(tx);
    let look = Look { keymap: &settings.keymap, theme: &settings.theme };
    let mut host = TerminalHost { session, last_save: Instant::now() };
    let result = app::run(&mut terminal, &mut reader, &look, &rx, &mut host);
    restore();
    // Saved even when the loop failed: what was read is not lost with the terminal.
    let saved = host.save(&reader);
    // Not joined: that could wait for a request in flight (up to the client's timeout) while
    // the process is ending anyway; every archive write is a transaction.
    std::mem::forget(poller);
    result.context("terminal")?;
    saved
}

struct TerminalHost {
    session: Session,
    last_save: Instant,
}

impl TerminalHost {
    /// Saves what changed in the read marks.
    fn save(&mut self, reader: &Reader) -> anyhow::Result<()> {
        let Some(marks) = &mut self.session.marks else { return Ok(()) };
        // The archive's error names the database.
        marks.save(reader, chrono::Utc::now()).context("cannot save read marks")
    }
}

impl Host<CrosstermBackend<Stdout>> for TerminalHost {
    fn suspend(&mut self, _terminal: &mut Term) -> anyhow::Result<()> {
        restore();
        // Stops the process as SIGTSTP's default action would; returns on `fg` (SIGCONT).
        signal_hook::low_level::emulate_default_handler(SIGTSTP).context("suspend")?;
        enter().context("terminal")?;
        execute!(io::stdout(), Clear(ClearType::All)).context("terminal")?;
        Ok(())
    }

    fn carry_out(&mut self, request: &crate::state::Request) -> Result<(), String> {
        crate::outside::carry_out(request)
    }

    /// A failure to save while running is said in the status line, not fatal.
    fn tick(&mut self, reader: &Reader) -> Option<String> {
        if let Some(notifier) = &mut self.session.notifier {
            notifier.reap();
        }
        if self.last_save.elapsed() < SAVE_EVERY {
            return None;
        }
        self.last_save = Instant::now();
        self.save(reader).err().map(|e| format!("{e:#}"))
    }

    fn arrived(&mut self, old: Option<&Story>, new: &Story) -> Option<String> {
        let notified = self.session.notifier.as_mut()?.arrived(old, new);
        if notified.bell {
            let mut out = io::stdout();
            let _ = out.write_all(b"\x07").and_then(|()| out.flush());
        }
        notified.error
    }
}

/// SIGTERM, SIGHUP and SIGINT end the loop (the terminal is restored on the way out);
/// SIGTSTP suspends it.
fn spawn_signals(tx: mpsc::Sender<Event>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP])?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let event = if signal == SIGTSTP { Event::Suspend } else { Event::Stop };
            if tx.send(event).is_err() {
                return;
            }
        }
    });
    Ok(())
}

fn spawn_ticks(tx: mpsc::Sender<Event>) {
    std::thread::spawn(move || {
        while tx.send(Event::Tick(chrono::Local::now().fixed_offset())).is_ok() {
            std::thread::sleep(TICK);
        }
    });
}

/// Reads terminal events on a thread of their own. crossterm's `poll` can spin without
/// returning once the terminal is gone; on its own thread that cannot keep the loop from
/// seeing a signal. A terminal that cannot be read (closed, hung up) stops the loop.
fn spawn_terminal_reader(tx: mpsc::Sender<Event>) {
    use ratatui::crossterm::event::Event as Term;
    std::thread::spawn(move || {
        loop {
            let event = match event::read() {
                Ok(Term::Key(key)) => Event::Key(key),
                Ok(Term::Mouse(mouse)) => Event::Mouse(mouse),
                Ok(Term::Resize(w, h)) => Event::Resize(w, h),
                Ok(_) => continue,
                Err(_) => {
                    let _ = tx.send(Event::Stop);
                    return;
                }
            };
            if tx.send(event).is_err() {
                return;
            }
        }
    });
}
