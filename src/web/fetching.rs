//! The note on a terminal's stderr while the pages named on the command line are fetched
//! before the reader's screen opens.

use std::path::PathBuf;

/// A line on a terminal's stderr while pages are fetched before the screen opens (a page the
/// archive has never seen is fetched first, and a slow site may take up to the client's
/// timeout): without it the terminal would sit blank with no sign of what is awaited. It is
/// erased when the fetch ends, so neither the screen nor the shell after quitting keeps it.
pub struct Note(bool);

impl Note {
    /// Shows the note for `urls` (the URL arguments) when there are some and stderr is a terminal.
    pub fn show(urls: Vec<&PathBuf>) -> Self {
        use std::io::IsTerminal;
        let shown = !urls.is_empty() && std::io::stderr().is_terminal();
        if shown {
            let what = match urls.as_slice() {
                [one] => crate::text::escape_path(one).to_string(),
                many => format!("{} pages", many.len()),
            };
            eprint!("liveblog: fetching {what}…");
        }
        Note(shown)
    }
}

impl Drop for Note {
    fn drop(&mut self) {
        if self.0 {
            // Back to the line's start and clear it.
            eprint!("\r\x1b[K");
        }
    }
}
