//! `liveblog frame`: the reader run in memory — the same state, key map and rendering as in
//! a terminal, on ratatui's `TestBackend` — with keys replayed and the final screen returned
//! as plain text, one line per row. Tests, the README's screenshots and the benchmarks use it.

use crate::keys::{KeyMap, parse_keys};
use crate::state::{Action, Reader};
use crate::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// Replays `keys` (frame notation) on the reader and draws it at `width` × `height`.
pub fn replay(reader: &mut Reader, keymap: &KeyMap, keys: &str) -> Result<(), String> {
    for key in parse_keys(keys)? {
        if let Some(action) = keymap.action(reader.mode(), key) {
            reader.apply(action);
        }
        if reader.quit() {
            break;
        }
    }
    Ok(())
}

/// Draws the reader into a buffer of `width` × `height` cells.
pub fn draw(reader: &mut Reader, keymap: &KeyMap, theme: &Theme, width: u16, height: u16) -> Buffer {
    if reader.size() != (width, height) {
        reader.apply(Action::Resize(width, height));
    }
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("in-memory terminal");
    terminal.draw(|frame| ui::render(reader, keymap, theme, frame)).expect("in-memory draw");
    terminal.backend().buffer().clone()
}

/// A buffer as text: one line per row, trailing spaces trimmed.
pub fn buffer_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buffer[(x, y)].symbol());
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
