//! The command line for daily use: `liveblog config` prints the configuration in effect,
//! defaults included, and what it prints loads again.

mod common;
use common::*;
use std::process::Command;

#[test]
fn config_prints_the_configuration_in_effect_with_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[keys]\nclear_filters = [\"x\"]\n[display]\norder = \"oldest-first\"\n").unwrap();
    let run = |args: &[&str]| {
        Command::new(bin()).args(args).env("XDG_CONFIG_HOME", "/nonexistent/liveblog-tests").output().unwrap()
    };
    let out = run(&["--config", path.to_str().unwrap(), "config"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains("order = \"oldest-first\""), "the user's setting:\n{text}");
    assert!(text.contains("timeline_width = 36"), "a default:\n{text}");
    assert!(text.contains("clear_filters = [\"x\"]") && text.contains("[keys.prompt]"), "{text}");
    let again = dir.path().join("again.toml");
    std::fs::write(&again, &text).unwrap();
    let out = run(&["--config", again.to_str().unwrap(), "frame", "--size", "100x20"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(&["config"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("the defaults (no configuration file)"));
}

#[test]
fn a_file_without_entries_opens_and_says_so_and_a_file_named_twice_opens_once() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("data.csv");
    std::fs::write(&csv, "name,port\nssh,22\nhttp,80\n").unwrap();
    let csv = csv.to_str().unwrap();
    let twice = format!("{}/./data.csv", dir.path().display());
    let run = |args: &[&str]| {
        Command::new(bin()).args(args).env("XDG_CONFIG_HOME", "/nonexistent/liveblog-tests").output().unwrap()
    };
    let out = run(&["export", "--format", "markdown", csv, &twice]);
    assert!(out.status.success());
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(!md.contains("### ·"), "{md}");
    assert_eq!(md.matches("ssh,22").count(), 1, "the same file once:\n{md}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no entries found"), "{out:?}");
    let out = run(&["frame", "--size", "120x10", csv]);
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(screen.lines().last().unwrap().contains("no entries found"), "{screen}");
}

#[test]
fn usage_errors_are_one_line_with_a_hint_and_exit_2() {
    let run = |args: &[&str]| {
        Command::new(bin()).args(args).env("XDG_CONFIG_HOME", "/nonexistent/liveblog-tests").output().unwrap()
    };
    for (args, says) in [
        (&["--bogus"][..], "unexpected argument '--bogus'"),
        (&["export", "--format", "yaml"][..], "possible values: json, markdown"),
        (&["completions"][..], "<SHELL>"),
    ] {
        let out = run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("liveblog: ") && err.contains(says) && err.trim_end().ends_with(')'), "{err}");
    }
    assert!(run(&["--help"]).status.success());
}

#[test]
fn the_man_page_has_keys_files_environment_exit_status_and_no_dangling_pages() {
    let out = Command::new(bin()).arg("man").output().unwrap();
    let page = String::from_utf8_lossy(&out.stdout);
    for section in [".SH KEYS", ".SH FILES", ".SH ENVIRONMENT", ".SH EXIT STATUS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "{section}");
    }
    assert!(!page.contains("liveblog\\-export(1)") && !page.contains("(1)\n"), "no page of its own to point to");
    assert!(page.contains("next unread entry"), "keys from the key map");
}

#[test]
fn frame_renders_wide_characters_at_their_width() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("cjk.txt");
    std::fs::write(&page, "直播\n\n12h00\n标题\n\n中文正文内容。🎉 好\n").unwrap();
    let out = Command::new(bin())
        .args(["frame", "--size", "100x12", page.to_str().unwrap()])
        .env("XDG_CONFIG_HOME", "/nonexistent/liveblog-tests")
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(screen.contains("中文正文内容。🎉 好"), "{screen}");
    use unicode_width::UnicodeWidthStr;
    assert!(screen.lines().all(|l| l.width() <= 100), "{screen}");
}
