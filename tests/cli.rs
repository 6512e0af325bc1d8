//! The command line as a user meets it, through the built binary: configuration from
//! `XDG_CONFIG_HOME` or `--config`, invalid configurations, NO_COLOR, completions, the man
//! page, help and version, and the Markdown export.

mod common;
use common::*;
use std::process::{Command, Output};

fn run(args: &[&str], env: &[(&str, &std::path::Path)]) -> Output {
    let mut cmd = Command::new(bin());
    // A developer's own configuration must not change what the tests see.
    cmd.args(args).env_remove("NO_COLOR").env("XDG_CONFIG_HOME", "/nonexistent/liveblog-tests");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn rfi() -> String {
    sample_path("rfi-aide-militaire-ukraine.txt").display().to_string()
}

#[test]
fn config_from_xdg_changes_a_key_and_the_zone_shown() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("liveblog")).unwrap();
    std::fs::write(
        home.path().join("liveblog/config.toml"),
        "[keys]\nprev_entry = [\"p\"]\n\n[display]\nzone = \"Europe/Paris\"\n",
    )
    .unwrap();
    let env = [("XDG_CONFIG_HOME", home.path())];
    let out = run(&["frame", "--size", "120x30", "--keys", "p", &rfi()], &env);
    assert!(out.status.success(), "{}", stderr(&out));
    let screen = stdout(&out);
    assert!(screen.contains("▸ 19:06"), "`p` went one entry earlier, shown in Paris time (UTC+2):\n{screen}");
    assert!(screen.contains("Europe/Paris"), "{screen}");
    // `[` is no longer bound: the selection stays on the latest entry.
    let out = run(&["frame", "--size", "120x30", "--keys", "[", &rfi()], &env);
    assert!(stdout(&out).contains("▸ 19:38"), "{}", stdout(&out));
    // Without the configuration, the defaults.
    let out = run(&["frame", "--size", "120x30", "--keys", "[", &rfi()], &[]);
    assert!(stdout(&out).contains("▸ 17:06"), "{}", stdout(&out));
}

#[test]
fn invalid_configurations_stop_with_file_line_column_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for (text, expected) in [
        ("[keys\nquit = [\"q\"]\n", ":1:"),
        ("[display]\nzoom = 3\n", ":2:1: unknown field `zoom`"),
        ("[keys]\nteleport = [\"x\"]\n", ":2:1: unknown action `teleport`"),
        ("[keys]\nquit = [\"x\"]\nhelp = [\"x\"]\n", ":3:8: key `x` is bound to two actions"),
        ("[theme]\naccent = \"plaid\"\n", ":2:10: unknown colour `plaid`"),
    ] {
        let path = dir.path().join("bad.toml");
        std::fs::write(&path, text).unwrap();
        let out = run(&["--config", path.to_str().unwrap(), "export"], &[]);
        assert_eq!(out.status.code(), Some(2), "{text}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("liveblog: ") && err.contains("bad.toml") && err.contains(expected), "{text}: {err}");
        assert!(stdout(&out).is_empty(), "no silent fallback: nothing is exported");
    }
    let out = run(&["--config", dir.path().join("missing.toml").to_str().unwrap(), "export"], &[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_default_configuration_prints_and_loads() {
    let out = run(&["config", "--default"], &[]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("[keys]") && text.contains("next_entry = [\"]\"]"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, &text).unwrap();
    let out = run(&["--config", path.to_str().unwrap(), "frame", "--size", "100x20"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn no_color_renders_without_colour() {
    let out = Command::new(bin())
        .args(["frame", "--size", "120x30", &rfi()])
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent/liveblog-tests")
        .output()
        .unwrap();
    let plain = stdout(&out);
    assert!(plain.contains("[diplomatie]"), "tags are bracketed when they have no colour:\n{plain}");
    let out = run(&["frame", "--size", "120x30", &rfi()], &[]);
    assert!(!stdout(&out).contains("[aide militaire]"));
}

#[test]
fn monochrome_theme_sets_no_colour_on_any_cell() {
    use liveblog::{frame, keys::KeyMap, load, parse::Rules, state::Reader, ui::Theme};
    let keymap = KeyMap::default();
    let mut reader = Reader::new(load::bundled(Rules::embedded()));
    frame::replay(&mut reader, &keymap, "/moldavie<Enter>#").unwrap();
    let buffer = frame::draw(&mut reader, &keymap, &Theme::monochrome(), 160, 40);
    for cell in buffer.content() {
        assert_eq!((cell.fg, cell.bg), (ratatui::style::Color::Reset, ratatui::style::Color::Reset));
    }
    let coloured = frame::draw(&mut reader, &keymap, &Theme::default(), 160, 40);
    assert!(coloured.content().iter().any(|c| c.fg != ratatui::style::Color::Reset));
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["completions", shell], &[]);
        assert!(out.status.success(), "{shell}");
        assert!(stdout(&out).contains("export"), "{shell}");
    }
    let out = run(&["man"], &[]);
    assert!(out.status.success());
    let man = stdout(&out);
    assert!(man.contains(".TH liveblog") && man.contains("export"), "{man}");
}

#[test]
fn help_has_examples_and_version_prints() {
    let out = run(&["--help"], &[]);
    let help = stdout(&out);
    assert!(help.contains("Examples:") && help.contains("liveblog export --format markdown"), "{help}");
    let out = run(&["--version"], &[]);
    assert_eq!(stdout(&out).trim(), format!("liveblog {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn markdown_export_of_the_rfi_sample() {
    let out = run(&["export", "--format", "markdown", &rfi()], &[]);
    assert!(out.status.success());
    let md = stdout(&out);
    assert!(md.starts_with("# Les États-Unis vont verser une aide militaire de 400 millions de dollars à l'Ukraine\n"));
    assert!(md.contains("Coverage: 2024-10-21T06:30:00Z – 2024-10-21T20:15:00Z"), "{md}");
    assert!(md.contains("### 17:38 — aide militaire\n\n**Le chef du Pentagone, à Kiev, annonce une aide militaire de 400 millions de dollars à l'Ukraine**"));
    assert!(md.contains("### 07:15 — Diplomatie"));
    assert_eq!(md.matches("\n### ").count(), 15);
    assert!(md.contains("> _© AP Photo/Efrem Lukatsky_"));
    assert!(md.contains("- Voir Ukraine : Antonio Guterres rencontre Vladimir Poutine à Moscou"));
    assert!(!md.contains("Tweet URL"));
}

#[test]
fn errors_are_one_line_what_and_why() {
    let out = run(&["export", "/nonexistent/blog.txt"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "liveblog: /nonexistent/blog.txt: no such file or directory\n");
}

/// Runs the binary with its stdout a pipe nobody reads: the reading end is closed before it
/// starts, so every write fails with EPIPE (no race with how fast it writes).
fn run_into_closed_pipe(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Command::new(bin())
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent/liveblog-tests")
        .stdout(writer)
        .output()
        .unwrap()
}

#[test]
fn every_command_ends_quietly_when_its_output_pipe_closes() {
    let rfi = rfi();
    for args in [
        &["completions", "bash"][..],
        &["man"],
        &["config", "--default"],
        &["config"],
        &["frame", "--size", "80x20", &rfi],
        &["export", &rfi],
        &["export", "--format", "markdown", &rfi],
        &["--help"],
    ] {
        let out = run_into_closed_pipe(args);
        assert_eq!((out.status.code(), stderr(&out).as_str()), (Some(0), ""), "liveblog {}", args.join(" "));
    }
}

#[test]
fn usage_and_configuration_errors_exit_2_other_errors_1() {
    let out = run(&["--no-such-flag"], &[]);
    assert_eq!(out.status.code(), Some(2), "clap's usage error");
    let out = run(&["frame", "--keys", "<Nope>", &rfi()], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("liveblog: --keys: ") && err.lines().count() == 1, "{err}");
    let out = run(&["--no-state", &rfi()], &[]);
    assert_eq!(out.status.code(), Some(2), "stdout is not a terminal");
    assert_eq!(stderr(&out), "liveblog: stdout is not a terminal (try `liveblog export` or `liveblog frame`)\n");
    let out = run(&["/nonexistent/blog.txt"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "liveblog: /nonexistent/blog.txt: no such file or directory\nliveblog: nothing to read\n");
}

#[test]
fn an_interval_of_zero_is_a_usage_error() {
    // `fetch --every 0s` asked a page again the moment an answer came, without end.
    for args in [&["fetch", "--every", "0s", "http://127.0.0.1:1/live"][..], &["--every", "0s", "http://127.0.0.1:1/"]]
    {
        let out = run(args, &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.starts_with("liveblog: ") && err.contains("an interval of zero") && err.lines().count() == 1,
            "{err}"
        );
    }
}
