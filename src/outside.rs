//! What the reader asks of the world outside the terminal, carried out by the event loop's
//! host, never by the state: opening an address with the system's opener and copying text to
//! the clipboard. The opener is `$BROWSER` (its first command; words after the program are
//! its arguments, `%s` standing for the address), else `xdg-open`, else `open` (macOS) —
//! always run directly, never through a shell, so an address cannot run commands. Copying
//! writes an OSC 52 sequence, which terminals (and tmux, and SSH sessions) pass to the
//! clipboard.

use std::io::Write;
use std::process::{Command, Stdio};

/// The command that opens `url`: (program, arguments).
pub fn opener(url: &str, browser: Option<&str>) -> (String, Vec<String>) {
    if let Some(first) = browser.and_then(|b| b.split(':').find(|c| !c.trim().is_empty())) {
        let mut words = first.split_whitespace().map(str::to_string);
        let program = words.next().unwrap_or_default();
        let mut args: Vec<String> = words.collect();
        if args.iter().any(|a| a.contains("%s")) {
            args = args.iter().map(|a| a.replace("%s", url)).collect();
        } else {
            args.push(url.to_string());
        }
        return (program, args);
    }
    let program = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
    (program.to_string(), vec![url.to_string()])
}

/// Opens `url` with the system's opener, in the background.
pub fn open(url: &str) -> Result<(), String> {
    if url.chars().any(char::is_control) {
        return Err("not an address".into());
    }
    let (program, args) = opener(url, std::env::var("BROWSER").ok().as_deref());
    let mut child = Command::new(&program)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    // Reaped on its own thread: the reader does not wait for the browser.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!("\x1b]52;c;{}\x07", base64::engine::general_purpose::STANDARD.encode(text))
}

/// Copies `text` to the clipboard through the terminal.
pub fn copy(text: &str, out: &mut impl Write) -> Result<(), String> {
    out.write_all(osc52(text).as_bytes()).and_then(|()| out.flush()).map_err(|e| format!("cannot copy: {e}"))
}

/// Carries out a request of the reader.
pub fn carry_out(request: &crate::state::Request) -> Result<(), String> {
    match request {
        crate::state::Request::Open(url) => open(url),
        crate::state::Request::Copy(text) => copy(text, &mut std::io::stdout()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opener_takes_browser_words_as_arguments_not_a_shell_line() {
        let url = "https://x.org/a;rm -rf ~";
        assert_eq!(opener(url, Some("firefox --new-tab")), ("firefox".into(), vec!["--new-tab".into(), url.into()]));
        assert_eq!(opener(url, Some("w3m %s:lynx")).1, vec![url.to_string()]);
        assert_eq!(opener(url, None).1, vec![url.to_string()]);
    }

    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(osc52("héllo"), "\x1b]52;c;aMOpbGxv\x07");
    }
}
