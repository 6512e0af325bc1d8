//! End to end: the real binary in a real terminal (tmux), driven by keys as a user would:
//! open the samples, jump with `[`, filter with `#`, search with `/`, quit with `q`, and check
//! the screen after each step and that the process ended with the terminal restored; signals;
//! suspending with Ctrl-Z or SIGTSTP and resuming with `fg`; a page followed by URL from a
//! server on 127.0.0.1, its new entries, its failures and notifications; read marks in the
//! archive. Every wait is for a condition on the screen, a file or the process, with a limit
//! far above what it needs; nothing is timed.

mod common;
mod server;
use common::tmux::{self, LIMIT, Tmux, status_line, wait_until_exited};
use server::{Reply, Server, page};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Starts the reader with `args` in a new tmux session, through `exec` so that the pid it
/// writes is the reader's own; returns that pid once the reader shows.
fn start_reader(tmux: &Tmux, dir: &std::path::Path, args: &str) -> String {
    let pidfile = dir.join("pid");
    let command =
        format!("echo $$ > {}; XDG_CONFIG_HOME=/nonexistent exec {} {args}", pidfile.display(), common::bin());
    tmux.start(120, 30, &command);
    tmux.cmd(&["set-option", "-t", "lb", "remain-on-exit", "on"]);
    tmux.wait_for("the reader", |s| s.contains("Timeline"));
    std::fs::read_to_string(&pidfile).unwrap().trim().to_string()
}

#[test]
fn read_jump_filter_search_quit_in_tmux() {
    if !tmux::available() {
        return;
    }
    let tmux = Tmux::new("e2e");
    // No PATH: the bundled samples, the RFI live blog first. No saved read marks.
    let command = format!("XDG_CONFIG_HOME=/nonexistent {} --no-state; echo EXITED-$?; sleep 30", common::bin());
    tmux.start(160, 45, &command);

    // Each wait names everything the step must show: a capture can catch a frame half drawn.
    tmux.wait_for("the reader on the latest entry", |s| {
        s.contains("Timeline") && s.contains("▸ 17:38") && status_line(s).contains("story 1/5 · entry 1/15")
    });

    tmux.keys(&["["]);
    tmux.wait_for("the jump to 17:06", |s| {
        s.contains("▸ 17:06")
            && s.contains("L'Ukraine au programme de la rencontre Poutine-Guterres jeudi")
            && status_line(s).contains("entry 2/15")
    });

    tmux.keys(&["#"]);
    tmux.wait_for("the tag picker", |s| s.contains("[ ] diplomatie (5)"));
    tmux.keys(&["Space", "Enter"]);
    tmux.wait_for("the tag filter", |s| {
        status_line(s).contains("#diplomatie")
            && status_line(s).contains("entry 1/5 (15 in all)")
            && !s.contains("Le chef du Pentagone, à Kiev")
    });

    tmux.keys(&["/", "c", "o", "r", "e", "e", "Enter"]);
    tmux.wait_for("the search", |s| {
        status_line(s).contains("/coree") && status_line(s).contains("entry 1/2") && s.contains("Corée du Nord")
    });

    tmux.keys(&["q"]);
    let s = tmux.wait_for("the process to end", |s| s.contains("EXITED-"));
    assert!(s.contains("EXITED-0"), "{s}");
    assert!(!s.contains("Timeline"), "the alternate screen is left:\n{s}");
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    if !tmux::available() {
        return;
    }
    for signal in ["TERM", "HUP"] {
        let tmux = Tmux::new(&format!("sig-{signal}"));
        let dir = tempfile::tempdir().unwrap();
        let pid = start_reader(&tmux, dir.path(), "--no-state");
        let killed = Command::new("kill").args([&format!("-{signal}"), pid.as_str()]).status().unwrap();
        assert!(killed.success());
        let s = tmux.wait_for("the terminal to be restored", |s| !s.contains("Timeline"));
        assert!(!s.contains("Stories"), "SIG{signal}: the reader's screen is still up:\n{s}");
        wait_until_exited(&pid, &format!("SIG{signal}"));
    }
}

#[test]
fn a_closed_terminal_ends_the_reader() {
    if !tmux::available() {
        return;
    }
    let tmux = Tmux::new("hup");
    let dir = tempfile::tempdir().unwrap();
    let pid = start_reader(&tmux, dir.path(), "--no-state");
    tmux.cmd(&["kill-server"]);
    wait_until_exited(&pid, "the terminal closed (a reader left behind would spin)");
}

#[test]
fn a_rewritten_sample_shows_its_new_entry_without_a_key_press() {
    if !tmux::available() {
        return;
    }
    let tmux = Tmux::new("live");
    let dir = tempfile::tempdir().unwrap();
    let sample = dir.path().join("rfi.txt");
    let original =
        std::fs::read_to_string(common::root().join("assets/samples/rfi-aide-militaire-ukraine.txt")).unwrap();
    std::fs::write(&sample, &original).unwrap();
    let db = dir.path().join("data/liveblog.db");
    let command = format!(
        "XDG_CONFIG_HOME=/nonexistent XDG_STATE_HOME={} LIVEBLOG_DB={} {} {}; sleep 30",
        dir.path().display(),
        db.display(),
        common::bin(),
        sample.display()
    );
    tmux.start(160, 45, &command);
    tmux.wait_for("the reader", |s| s.contains("▸ 17:38"));

    let rewritten = original.replacen(
        "17H38\n",
        "18H02\nfront\n\nNouvelle frappe sur Kharkiv dans la soirée\n\nUne frappe a touché Kharkiv.\n\n17H38\n",
        1,
    );
    std::fs::write(&sample, rewritten).unwrap();
    let s = tmux.wait_for("the new entry on screen, announced", |s| {
        s.contains("18:02") && s.contains("Nouvelle frappe sur Kharkiv") && s.contains("1 new in")
    });
    let row = s.lines().find(|l| l.contains("18:02")).unwrap();
    assert!(row.contains("●18:02"), "the new entry is marked: {row}");
    tmux.keys(&["q"]);
    // Quitting saves the read marks, into the archive.
    let start = Instant::now();
    while saved_marks(&db) == 0 {
        assert!(start.elapsed() < LIMIT, "no read marks saved in {}", db.display());
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// How many read marks the archive at `db` holds (none while it does not exist).
fn saved_marks(db: &std::path::Path) -> i64 {
    let Ok(conn) = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM read_marks", [], |r| r.get(0)).unwrap_or(0)
}

/// A shell with job control in tmux, its prompt `lb$ `, running the reader on the samples;
/// returns the reader's pid once it shows.
fn reader_in_a_shell(tmux: &Tmux, dir: &std::path::Path) -> String {
    tmux.start(120, 30, "env PS1='lb$ ' bash --norc --noprofile");
    tmux.wait_for("the prompt", |s| s.contains("lb$"));
    let pidfile = dir.join("pid");
    let line = format!(
        "sh -c 'echo $$ > {}; XDG_CONFIG_HOME=/nonexistent exec {} --no-state'",
        pidfile.display(),
        common::bin()
    );
    tmux.keys(&[&line, "Enter"]);
    tmux.wait_for("the reader", |s| s.contains("Timeline") && s.contains("▸ 17:38"));
    std::fs::read_to_string(&pidfile).unwrap().trim().to_string()
}

/// The shell's screen after a suspend: the reader's gone, the job stopped, the prompt back.
fn suspended(s: &str) -> bool {
    !s.contains("Timeline") && s.contains("Stopped") && status_line(s).trim_end().ends_with("lb$")
}

/// `fg`, then a key that only works in raw mode (no Enter after it).
fn resume_and_press_a_key(tmux: &Tmux, then: &str, shows: &str) {
    tmux.keys(&["fg", "Enter"]);
    tmux.wait_for("the reader redrawn", |s| s.contains("Timeline") && s.contains("Stories"));
    tmux.keys(&[then]);
    tmux.wait_for("the key read at once (raw mode)", |s| s.contains(shows));
}

#[test]
fn ctrl_z_and_sigtstp_suspend_like_less_and_fg_resumes() {
    if !tmux::available() {
        return;
    }
    let tmux = Tmux::new("tstp");
    let dir = tempfile::tempdir().unwrap();
    let pid = reader_in_a_shell(&tmux, dir.path());

    tmux.keys(&["C-z"]);
    tmux.wait_for("Ctrl-Z: the shell's prompt on the normal screen", suspended);
    resume_and_press_a_key(&tmux, "[", "▸ 17:06");

    let stopped = Command::new("kill").args(["-TSTP", pid.as_str()]).status().unwrap();
    assert!(stopped.success());
    tmux.wait_for("SIGTSTP: the shell's prompt on the normal screen", suspended);
    resume_and_press_a_key(&tmux, "]", "▸ 17:38");

    tmux.keys(&["q"]);
    tmux.wait_for("the reader gone, the prompt back", |s| !s.contains("Timeline") && s.contains("lb$"));
    wait_until_exited(&pid, "q after a suspend");
}

#[test]
fn a_failure_to_save_read_marks_at_quit_is_one_line_and_exit_1() {
    if !tmux::available() {
        return;
    }
    let tmux = Tmux::new("save");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("liveblog.db");
    let command = format!(
        "XDG_CONFIG_HOME=/nonexistent XDG_STATE_HOME={} LIVEBLOG_DB={} {}; echo EXITED-$?; sleep 30",
        dir.path().display(),
        db.display(),
        common::bin()
    );
    tmux.start(160, 45, &command);
    tmux.wait_for("the reader", |s| s.contains("▸ 17:38"));
    // Another process holds the archive's write lock past the reader's busy timeout (10 s).
    let blocker = rusqlite::Connection::open(&db).unwrap();
    blocker.execute_batch("BEGIN EXCLUSIVE").unwrap();
    // `[` shows the earlier entry, so reads it (`j` would only pass over it).
    tmux.keys(&["["]);
    tmux.wait_for("the next entry, read", |s| s.contains("▸ 17:06"));
    tmux.keys(&["q"]);
    // A save every 5 s and the one at quit may each wait out the busy timeout.
    let s = tmux.wait_within(Duration::from_secs(90), "the process to end", |s| s.contains("EXITED-"));
    assert!(s.contains("EXITED-1"), "{s}");
    let errors: Vec<&str> = s.lines().filter(|l| l.starts_with("liveblog: ")).collect();
    assert_eq!(errors.len(), 1, "{s}");
    assert!(errors[0].starts_with("liveblog: cannot save read marks: archive "), "{s}");
    assert!(errors[0].contains("locked"), "{s}");
    drop(blocker);
}

#[test]
fn a_page_followed_by_url_gets_new_entries_failures_and_notifications() {
    if !tmux::available() {
        return;
    }
    const A: (&str, &str, &str) = ("08h00", "Premier titre", "Texte un.");
    const B: (&str, &str, &str) = ("09h00", "Deuxième titre", "Texte deux.");
    let stage = Arc::new(AtomicUsize::new(0));
    let served = Arc::clone(&stage);
    let server = Server::start(move |_, _| match served.load(Ordering::SeqCst) {
        0 => Reply::text(&page(&[A])),
        1 => Reply::text(&page(&[B, A])),
        _ => Reply::status(404),
    });
    let tmux = Tmux::new("url");
    let dir = tempfile::tempdir().unwrap();
    let (db, args, script) = (dir.path().join("liveblog.db"), dir.path().join("args"), dir.path().join("notify"));
    std::fs::write(&script, format!("#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\n", args.display())).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let config = dir.path().join("liveblog/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    let notify = format!(
        "[notify]\ncommand = [\"{}\", \"{{story}}\", \"{{clock}} {{headline}}\"]\nwords = [\"deuxieme\"]\n",
        script.display()
    );
    std::fs::write(&config, notify).unwrap();
    let url = server.url("/live");
    let command = format!(
        "XDG_CONFIG_HOME={} XDG_STATE_HOME={} LIVEBLOG_DB={} {} --every 1s {url}; echo EXITED-$?; sleep 30",
        dir.path().display(),
        dir.path().display(),
        db.display(),
        common::bin()
    );
    tmux.start(160, 45, &command);
    tmux.wait_for("the page, fetched", |s| s.contains("Premier titre") && status_line(s).contains("fetched"));

    stage.store(1, Ordering::SeqCst);
    let s = tmux.wait_for("the new entry, announced", |s| s.contains("Deuxième titre") && s.contains("1 new in"));
    let row = s.lines().find(|l| l.contains("09:00")).unwrap();
    assert!(row.contains("●09:00"), "the new entry is marked: {row}");
    let start = Instant::now();
    let notified = loop {
        let text = std::fs::read_to_string(&args).unwrap_or_default();
        if text.lines().count() >= 2 {
            break text;
        }
        assert!(start.elapsed() < LIMIT, "the notification program was not run");
        std::thread::sleep(Duration::from_millis(50));
    };
    let lines: Vec<&str> = notified.lines().collect();
    assert_eq!(lines.len(), 2, "one entry matched, two arguments: {notified}");
    assert!(s.contains(lines[0]), "the story's title is the first argument: {notified}");
    assert_eq!(lines[1], "09:00 Deuxième titre");

    stage.store(2, Ordering::SeqCst);
    let s = tmux.wait_for("the failure, named", |s| status_line(s).contains("HTTP 404"));
    assert!(status_line(&s).contains("fetch failed"), "{s}");
    assert!(s.contains("Premier titre") && s.contains("Deuxième titre"), "what was shown stays: {s}");
    tmux.keys(&["q"]);
    let s = tmux.wait_for("the process to end", |s| s.contains("EXITED-"));
    assert!(s.contains("EXITED-0"), "{s}");
}

#[test]
fn a_folder_with_a_link_to_the_root_opens_at_once_and_signals_still_work() {
    if !tmux::available() {
        return;
    }
    let tmux = Tmux::new("link");
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("blogs");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(common::root().join("assets/samples/rfi-aide-militaire-ukraine.txt"), folder.join("rfi.txt"))
        .unwrap();
    std::os::unix::fs::symlink("/", folder.join("root")).unwrap();
    // Before, the watcher walked all of `/` through the link before the reader could show.
    let pid = start_reader(&tmux, dir.path(), &format!("--no-state {}", folder.display()));
    tmux.wait_for("the story", |s| s.contains("▸ 17:38"));
    let killed = Command::new("kill").args(["-TERM", pid.as_str()]).status().unwrap();
    assert!(killed.success());
    tmux.wait_for("the terminal to be restored", |s| !s.contains("Timeline"));
    wait_until_exited(&pid, "SIGTERM while following a folder with a link to /");
}

/// Lets a held site answer when dropped: whatever happens, the site answers before its server is
/// dropped (which joins its thread).
struct Release(Arc<AtomicUsize>);

impl Drop for Release {
    fn drop(&mut self) {
        self.0.store(1, Ordering::SeqCst);
    }
}

/// The shell command that follows `url` hourly with its state in `dir` and its archive at `db`,
/// then says how the reader exited.
fn follow_hourly(dir: &std::path::Path, db: &std::path::Path, url: &str) -> String {
    format!(
        "XDG_CONFIG_HOME=/nonexistent XDG_STATE_HOME={} LIVEBLOG_DB={} {} --every 1h {url}; echo EXITED-$?; sleep 30",
        dir.display(),
        db.display(),
        common::bin()
    )
}

#[test]
fn a_page_in_the_archive_opens_at_once_while_its_site_is_slow() {
    if !tmux::available() {
        return;
    }
    const A: (&str, &str, &str) = ("08h00", "Premier titre", "Texte un.");
    const B: (&str, &str, &str) = ("09h00", "Deuxième titre", "Texte deux.");
    // Stage 1: the site holds every request until the test lets it answer.
    let (stage, release) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let (served, released) = (Arc::clone(&stage), Arc::clone(&release));
    let server = Server::start(move |_, _| {
        if served.load(Ordering::SeqCst) == 0 {
            return Reply::text(&page(&[A]));
        }
        while released.load(Ordering::SeqCst) == 0 {
            std::thread::sleep(Duration::from_millis(20));
        }
        Reply::text(&page(&[B, A]))
    });
    let _release = Release(Arc::clone(&release));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("liveblog.db");
    let url = server.url("/live");
    let fetched = Command::new(common::bin()).args(["fetch", &url]).env("LIVEBLOG_DB", &db).output().unwrap();
    assert!(fetched.status.success(), "{}", String::from_utf8_lossy(&fetched.stderr));
    stage.store(1, Ordering::SeqCst);
    let tmux = Tmux::new("slow");
    let command = follow_hourly(dir.path(), &db, &url);
    tmux.start(160, 45, &command);
    let shown = tmux.wait_for("the archived copy, while the site holds the request", |s| s.contains("Premier titre"));
    release.store(1, Ordering::SeqCst);
    assert!(!shown.contains("Deuxième titre"), "{shown}");
    tmux.wait_for("the page fetched at once, not an hour later", |s| s.contains("Deuxième titre"));
    tmux.keys(&["q"]);
    let s = tmux.wait_for("the process to end", |s| s.contains("EXITED-"));
    assert!(s.contains("EXITED-0"), "{s}");
}

#[test]
fn a_page_never_archived_says_it_is_being_fetched_until_the_screen_opens() {
    if !tmux::available() {
        return;
    }
    let release = Arc::new(AtomicUsize::new(0));
    let released = Arc::clone(&release);
    let server = Server::start(move |_, _| {
        while released.load(Ordering::SeqCst) == 0 {
            std::thread::sleep(Duration::from_millis(20));
        }
        Reply::text(&page(&[("08h00", "Premier titre", "Texte un.")]))
    });
    let _release = Release(Arc::clone(&release));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("liveblog.db");
    let url = server.url("/live");
    let tmux = Tmux::new("fetching");
    let command = follow_hourly(dir.path(), &db, &url);
    tmux.start(160, 45, &command);
    tmux.wait_for("a line saying what is awaited", |s| s.contains(&format!("liveblog: fetching {url}…")));
    release.store(1, Ordering::SeqCst);
    tmux.wait_for("the page once fetched", |s| s.contains("Premier titre"));
    tmux.keys(&["q"]);
    let s = tmux.wait_for("the process to end", |s| s.contains("EXITED-"));
    assert!(s.contains("EXITED-0"), "{s}");
    assert!(!s.contains("fetching"), "the note is erased once the fetch ends: {s}");
}
