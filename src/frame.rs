//! `liveblog frame`: the reader's own event loop ([`crate::app::run`]) on ratatui's
//! `TestBackend` — the same state, key map and rendering as in a terminal — fed the keys then
//! a stop, with the final screen returned as plain text, one line per row. Tests, the
//! README's screenshots and the benchmarks use it.

use crate::app::{self, Event, Headless, Look};
use crate::keys::{KeyMap, parse_keys};
use crate::state::Reader;
use crate::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// Replays `keys` (frame notation) through the event loop at `size` and returns the screen
/// it leaves. A bad key name is an error before anything runs.
pub fn run(reader: &mut Reader, look: &Look, keys: &str, (width, height): (u16, u16)) -> anyhow::Result<Buffer> {
    let keys = parse_keys(keys).map_err(|e| anyhow::anyhow!("--keys: {e}"))?;
    let (tx, rx) = std::sync::mpsc::channel();
    for key in keys {
        tx.send(Event::Key(key))?;
    }
    tx.send(Event::Stop)?;
    let mut terminal = Terminal::new(TestBackend::new(width, height))?;
    app::run(&mut terminal, reader, look, &rx, &mut Headless)?;
    Ok(terminal.backend().buffer().clone())
}

/// Replays `keys` on the reader at its current size (tests press keys, then [`draw`]).
pub fn replay(reader: &mut Reader, keymap: &KeyMap, keys: &str) -> Result<(), String> {
    parse_keys(keys)?;
    let size = (reader.size().0.max(1), reader.size().1.max(1));
    let theme = Theme::default();
    run(reader, &Look { keymap, theme: &theme }, keys, size).map(drop).map_err(|e| format!("{e:#}"))
}

/// Draws the reader into a buffer of `width` × `height` cells.
pub fn draw(reader: &mut Reader, keymap: &KeyMap, theme: &Theme, width: u16, height: u16) -> Buffer {
    run(reader, &Look { keymap, theme }, "", (width, height)).expect("an in-memory terminal draws")
}

/// A buffer as text: one line per row, trailing spaces trimmed.
pub fn buffer_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        // A wide character (CJK, emoji) fills two cells: the one after it is not text.
        let mut covered = 0;
        for x in 0..area.width {
            if covered > 0 {
                covered -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            covered = crate::text::width(symbol).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Parses `WIDTHxHEIGHT`.
pub fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(|| format!("size {s:?} is not WIDTHxHEIGHT"))?;
    let w: u16 = w.parse().map_err(|_| format!("width {w:?} is not a number"))?;
    let h: u16 = h.parse().map_err(|_| format!("height {h:?} is not a number"))?;
    if w == 0 || h == 0 || w > 1000 || h > 1000 {
        return Err(format!("size {s:?} must be between 1x1 and 1000x1000"));
    }
    Ok((w, h))
}
