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
