//! End to end, the reader in daily use at 80×24 in a real terminal (tmux): the timeline rows
//! show headlines, the header the counts; `/` searches like a pager (an empty prompt that
//! recalls the last search with `↑`, `n` inside the entry); `m` marks unread; `?` scrolls;
//! `Esc` and `q` typed quickly close the help and quit.
//! Every wait is for a condition on the screen, with a limit far above what it needs.

mod common;
use common::tmux::{self, Tmux, status_line as status};

#[test]
fn at_80_columns_search_read_marks_and_help_work_as_a_pager_user_expects() {
    if !tmux::available() {
        return;
    }
    let tmux = Tmux::new("daily");
    let command =
        format!("XDG_CONFIG_HOME=/nonexistent {} --no-state --no-watch; echo EXITED-$?; sleep 30", common::bin());
    tmux.start(80, 24, &command);
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
    // Sent together, as keys typed quickly arrive: the terminal's bytes read as Alt+q.
    tmux.keys(&["Escape", "q"]);
    // The help hides the panes' titles: only the exit says the reader is gone.
    let s = tmux.wait_for("the reader gone", |s| s.contains("EXITED-"));
    assert!(s.contains("EXITED-0") && !s.contains("Keys —"), "{s}");
}
