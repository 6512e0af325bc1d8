//! The reader's event loop, the same in a terminal, in `liveblog frame` and in tests: it
//! takes [`Event`]s from a channel (keys, mouse, resizes, file changes, ticks, suspend,
//! stop), turns each into an [`Action`] for the reader, and draws on any ratatui `Backend`
//! when the queue is empty — so a burst of events (a folder where 2,000 files appear) costs
//! one redraw, not 2,000. A search under way (`state::search_job`) goes on by slices between
//! events, and its whole answer is drawn before the loop ends. What only a real terminal can do (suspend, save on a timer) is asked
//! of a [`Host`]. Ctrl-Z is read here rather than in the key map: it is the terminal's key,
//! not the reader's, and works in every mode. Pages followed by URL report through
//! [`Event::Page`] and become the same actions as a file change; every story re-read is shown
//! to the host first ([`Host::arrived`]), which notifies of new entries if asked to.

use crate::keys::KeyMap;
use crate::model::Story;
use crate::state::{Action, Reader, Reload, Request};
use crate::ui::{self, Theme};
use crate::watch::FileEvent;
use crate::web::PageEvent;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Everything that can wake the loop.
#[derive(Debug)]
pub enum Event {
    Key(KeyEvent),
    Mouse(MouseEvent),
    /// The terminal now has this size.
    Resize(u16, u16),
    /// A followed file changed.
    File(FileEvent),
    /// A page followed by URL was polled, at this time.
    Page(PageEvent, chrono::DateTime<chrono::Utc>),
    /// The time now, with the local offset.
    Tick(chrono::DateTime<chrono::FixedOffset>),
    /// Suspend like `less` (SIGTSTP from outside; Ctrl-Z arrives as a key).
    Suspend,
    /// End the loop after drawing what is queued before it (a signal, a closed terminal, the
    /// end of `frame`'s keys).
    Stop,
}

/// What the loop asks of whoever runs it, for what only a real terminal has.
pub trait Host<B: Backend> {
    /// Hands the terminal back to the shell until the user resumes; the loop redraws after.
    fn suspend(&mut self, _terminal: &mut Terminal<B>) -> anyhow::Result<()> {
        Ok(())
    }
    /// Called on each tick, after the reader has seen it (to save read marks now and then).
    /// A message returned goes to the status line.
    fn tick(&mut self, _reader: &Reader) -> Option<String> {
        None
    }
    /// Called with each story re-read (a file changed, a page was fetched) before the reader
    /// sees it; `old` is the story as shown until now, if it was. A message returned goes to
    /// the status line.
    fn arrived(&mut self, _old: Option<&Story>, _new: &Story) -> Option<String> {
        None
    }

    /// Carries out what the reader asks of the outside world (open a link, copy text); an
    /// error goes to the status line.
    fn carry_out(&mut self, _request: &Request) -> Result<(), String> {
        Ok(())
    }
}

/// A host that can neither suspend nor save: `frame` and tests.
pub struct Headless;
impl<B: Backend> Host<B> for Headless {}

/// How the reader looks and which keys it answers to.
pub struct Look<'a> {
    pub keymap: &'a KeyMap,
    pub theme: &'a Theme,
}

/// Runs the reader until it quits, a [`Event::Stop`] arrives or every sender is gone.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    reader: &mut Reader,
    look: &Look,
    events: &mpsc::Receiver<Event>,
    host: &mut impl Host<B>,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size()?;
    reader.apply(Action::HelpLines(ui::help_lines(look.keymap).len()));
    reader.apply(Action::DiffKey(look.keymap.key_for(crate::keys::KeyMode::Normal, &Action::ShowDiff)));
    if reader.size() != (size.width, size.height) {
        reader.apply(Action::Resize(size.width, size.height));
    }
    let mut dirty = true;
    // Only search slices changed the reader since the last frame: drawn now and then.
    let mut searched_only = false;
    let mut drawn = Instant::now();
    let mut stop = false;
    // Search indexes are built in the background from the first time the loop waits for an
    // event, the first screen drawn (`Reader::start_indexes`): keys already queued, as a
    // `frame`'s are, are read first, and a search among them builds its index by slices.
    let mut indexing = false;
    while !stop && !reader.quit() {
        let pending = reader.search_pending();
        if dirty && (!searched_only || pending.is_none() || drawn.elapsed() >= REDRAW_WHILE_SEARCHING) {
            reader.settle();
            terminal.draw(|frame| ui::render(reader, look.keymap, look.theme, frame))?;
            drawn = Instant::now();
            (dirty, searched_only) = (false, false);
        }
        // A search under way goes on by slices while no event waits; a key typed meanwhile
        // is read before the next slice.
        let first = match pending {
            Some(generation) => match events.try_recv() {
                Ok(event) => event,
                Err(mpsc::TryRecvError::Empty) => {
                    reader.apply(Action::SearchStep(generation));
                    searched_only |= !dirty;
                    dirty = true;
                    continue;
                }
                // No event can come: the search goes on to its end all the same.
                Err(mpsc::TryRecvError::Disconnected) => {
                    reader.apply(Action::SearchStep(generation));
                    dirty = true;
                    continue;
                }
            },
            None => match events.try_recv() {
                Ok(event) => event,
                Err(_) => {
                    if !indexing {
                        reader.start_indexes();
                        indexing = true;
                    }
                    match events.recv() {
                        Ok(event) => event,
                        Err(_) => break,
                    }
                }
            },
        };
        searched_only = false;
        let mut next = Some(first);
        while let Some(event) = next.take() {
            match event {
                Event::Stop => stop = true,
                Event::Suspend => {
                    suspend(terminal, host)?;
                    dirty = true;
                }
                Event::Key(key) if is_suspend_key(&key) => {
                    suspend(terminal, host)?;
                    dirty = true;
                }
                Event::Tick(now) => {
                    reader.apply(Action::Tick(now));
                    if let Some(message) = host.tick(reader) {
                        reader.apply(Action::Message(message));
                    }
                    dirty = true;
                }
                Event::Page(page, at) => {
                    for action in page_actions(page, at) {
                        apply(reader, host, action);
                    }
                    dirty = true;
                }
                Event::Key(key) if look.keymap.split_alt(reader.mode(), key).is_some() => {
                    for key in look.keymap.split_alt(reader.mode(), key).into_iter().flatten() {
                        // Esc may change the mode the next key is read in.
                        if let Some(action) = look.keymap.action(reader.mode(), key) {
                            apply(reader, host, action);
                            carry_out(reader, host);
                        }
                    }
                    dirty = true;
                }
                other => {
                    if let Some(action) = action(other, reader, look.keymap) {
                        apply(reader, host, action);
                        carry_out(reader, host);
                        dirty = true;
                    }
                }
            }
            if stop || reader.quit() {
                break;
            }
            next = events.try_recv().ok();
        }
    }
    // The last frame shows whole answers: `frame` and tests see the same screen however
    // fast their keys came.
    if reader.search_pending().is_some() {
        reader.finish_searches();
        dirty = true;
    }
    if dirty {
        reader.settle();
        terminal.draw(|frame| ui::render(reader, look.keymap, look.theme, frame))?;
    }
    Ok(())
}

/// How often a frame is drawn while a search runs with no key pressed: its matches so far
/// and their count move on; drawing after every slice would slow the search down.
const REDRAW_WHILE_SEARCHING: Duration = Duration::from_millis(100);

/// Hands the reader's requests to the host, then tells the reader they are done.
fn carry_out<B: Backend>(reader: &mut Reader, host: &mut impl Host<B>) {
    if reader.requests().is_empty() {
        return;
    }
    let failed: Vec<String> = reader.requests().iter().filter_map(|r| host.carry_out(r).err()).collect();
    reader.apply(Action::RequestsDone);
    if let Some(error) = failed.into_iter().next() {
        reader.apply(Action::Message(error));
    }
}

fn suspend<B: Backend>(terminal: &mut Terminal<B>, host: &mut impl Host<B>) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    host.suspend(terminal)?;
    // The screen was the shell's meanwhile: a blank frame makes ratatui forget what it drew,
    // so the next one sends every cell. (`Terminal::clear` would ask the terminal where its
    // cursor is, an answer the thread reading keys would swallow.)
    terminal.draw(|_| {})?;
    Ok(())
}

fn is_suspend_key(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release && key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL)
}

/// Applies an action, showing a re-read story to the host first.
fn apply<B: Backend>(reader: &mut Reader, host: &mut impl Host<B>, action: Action) {
    let message = match &action {
        Action::Reloaded(Reload(story)) => host.arrived(reader.stories().iter().find(|s| s.path == story.path), story),
        _ => None,
    };
    reader.apply(action);
    if let Some(message) = message {
        reader.apply(Action::Message(message));
    }
}

/// What a poll of a page does to the reader: a changed page is re-read exactly as a changed
/// file is, and every answer (or failure) updates the page's last fetch.
fn page_actions(page: PageEvent, at: chrono::DateTime<chrono::Utc>) -> Vec<Action> {
    match page {
        PageEvent::Fetched { url, story, .. } => {
            vec![Action::Reloaded(Reload(std::sync::Arc::new(*story))), Action::PageFetched { url, at }]
        }
        PageEvent::Unchanged { url } => vec![Action::PageFetched { url, at }],
        PageEvent::Failed { url, reason } => vec![Action::PageFailed { url, reason, at }],
    }
}

/// The reader's action for an event, if it has one.
fn action(event: Event, reader: &Reader, keymap: &KeyMap) -> Option<Action> {
    match event {
        Event::Key(key) => keymap.action(reader.mode(), key),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::File(file) => Some(crate::watch::action(file)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel(m.column, m.row, true)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(m.column, m.row, false)),
            MouseEventKind::Down(_) => Some(Action::Click(m.column, m.row)),
            _ => None,
        },
        Event::Tick(now) => Some(Action::Tick(now)),
        Event::Suspend | Event::Stop | Event::Page(..) => None,
    }
}
