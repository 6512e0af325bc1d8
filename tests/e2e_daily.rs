//! End to end, the reader in daily use at 80×24 in a real terminal (tmux): the timeline rows
//! show headlines, the header the counts; `/` searches like a pager (an empty prompt that
//! recalls the last search with `↑`, `n` inside the entry); `m` marks unread; `?` scrolls.
//! Every wait is for a condition on the screen, with a limit far above what it needs.

mod common;
use std::process::Command;
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(30);

struct Tmux(String);

impl Tmux {
    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux").arg("-L").arg(&self.0).args(args).output().expect("tmux runs")
    }
    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "lb"]).stdout).into_owned()
    }
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "lb"];
        args.extend_from_slice(keys);
        self.cmd(&args);
    }
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(start.elapsed() < LIMIT, "timed out waiting for {what}; screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

fn status(s: &str) -> &str {
    s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("")
}

#[test]
fn at_80_columns_search_read_marks_and_help_work_as_a_pager_user_expects() {
    if Command::new("tmux").arg("-V").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "tmux is required in CI");
        return;
    }
    let tmux = Tmux(format!("liveblog-daily-{}", std::process::id()));
    let command = format!("XDG_CONFIG_HOME=/nonexistent {} --no-state --no-watch", common::bin());
    tmux.cmd(&["new-session", "-d", "-s", "lb", "-x", "80", "-y", "24", &command]);
    let s = tmux.wait_for("the reader", |s| s.contains("▸ 17:38 Le chef du Pentagone"));
    assert!(s.lines().next().unwrap().contains("15 entries · 14 unread"), "{s}");

    tmux.keys(&["/", "m", "o", "l", "d", "a", "v", "i", "e", "Enter"]);
    tmux.wait_for("the search", |s| status(s).contains("/moldavie") && status(s).contains("entry 1/6"));
    tmux.keys(&["/"]);
    tmux.wait_for("an empty prompt", |s| status(s).starts_with("/▏"));
    tmux.keys(&["Up"]);
    tmux.wait_for("the last search recalled", |s| status(s).starts_with("/moldavie▏"));
    tmux.keys(&["C-w"]);
    tmux.wait_for("the word deleted", |s| status(s).starts_with("/▏"));
    tmux.keys(&["Escape"]);
    tmux.wait_for("the search restored", |s| status(s).contains("/moldavie"));

    tmux.keys(&["m"]);
    tmux.wait_for("marked unread", |s| status(s).contains("marked unread") && s.contains("▸•16:55"));

    tmux.keys(&["?"]);
    tmux.wait_for("the help", |s| s.contains("Keys —") && s.contains("j/k scroll"));
    tmux.keys(&["G"]);
    tmux.wait_for("the end of the help", |s| s.contains("the wheel scrolls"));
    tmux.keys(&["Escape", "q"]);
    tmux.wait_for("the reader gone", |s| !s.contains("Timeline"));
}
