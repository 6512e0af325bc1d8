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
