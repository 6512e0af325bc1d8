//! The tmux driver the end-to-end tests share: a tmux server of its own per test (its own
//! socket, killed on drop), keys sent as `send-keys` names, and the screen read back with
//! `capture-pane`. Waits are for a condition on the screen or the process, polled, with a
//! limit far above what they need: only a broken reader reaches it, and nothing is timed.
#![allow(dead_code)]

use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// Far above what any wait needs: only a broken reader reaches it.
pub const LIMIT: Duration = Duration::from_secs(30);

/// A tmux server of its own, with one session named `lb` once started.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// A server on a socket named after `name` and this process, so tests run side by side.
    pub fn new(name: &str) -> Tmux {
        Tmux { socket: format!("liveblog-{name}-{}", std::process::id()) }
    }

    pub fn cmd(&self, args: &[&str]) -> Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux runs")
    }

    /// Starts the session `lb`, `width` × `height`, running `command` in a shell.
    pub fn start(&self, width: u16, height: u16, command: &str) {
        let (w, h) = (width.to_string(), height.to_string());
        let out = self.cmd(&["new-session", "-d", "-s", "lb", "-x", &w, "-y", &h, command]);
        assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "lb"]).stdout).into_owned()
    }

    /// Sends keys by tmux's names (`Enter`, `C-z`, `Escape`) or as text.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "lb"];
        args.extend_from_slice(keys);
        self.cmd(&args);
    }

    /// Waits until the screen satisfies `ok`, and returns it; fails with the last screen.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_within(LIMIT, what, ok)
    }

    pub fn wait_within(&self, limit: Duration, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(start.elapsed() < limit, "timed out waiting for {what}; screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

/// Whether tmux can be run; in CI it must (`.ci/run` installs it).
pub fn available() -> bool {
    let ok = Command::new("tmux").arg("-V").output().is_ok();
    assert!(ok || std::env::var_os("CI").is_none(), "tmux is required in CI");
    if !ok {
        eprintln!("tmux not installed: end-to-end test not run here");
    }
    ok
}

/// The last line of a screen that is not blank: the reader's status line.
pub fn status_line(screen: &str) -> &str {
    screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("")
}

/// Waits until the process has exited (gone, or a zombie tmux has not reaped yet).
pub fn wait_until_exited(pid: &str, what: &str) {
    let start = Instant::now();
    let running = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|stat| stat.rsplit(')').next().is_some_and(|rest| !rest.trim_start().starts_with('Z')))
    };
    while running() {
        assert!(start.elapsed() < LIMIT, "{what}: the reader is still running");
        std::thread::sleep(Duration::from_millis(50));
    }
}
