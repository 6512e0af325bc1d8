//! Bad input, through the built binary: encodings, hostile escape sequences, binary and
//! missing files, empty files and huge lines. Errors are one line naming the file; the other
//! files still come out.

mod common;
use common::*;
use std::process::Command;

fn export(args: &[&std::path::Path]) -> (i32, serde_json::Value, String) {
    let out = Command::new(bin())
        .arg("export")
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent/liveblog-tests")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let json = serde_json::from_str(&stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code().unwrap(), json, String::from_utf8(out.stderr).unwrap())
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

const BLOG: &str =
    "Titre du direct\n\n10h05\nfrappes\n\nUn titre d’entrée\n\nLe texte de l’entrée, avec des accents : élections.\n";

#[test]
fn utf8_bom_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = BLOG.replace('\n', "\r\n");
    let p = write(&dir, "bom.txt", &[b"\xef\xbb\xbf".as_slice(), crlf.as_bytes()].concat());
    let (code, json, _) = export(&[&p]);
    assert_eq!(code, 0);
    let s = &json["stories"][0];
    assert_eq!(s["title"], "Titre du direct");
    assert_eq!(s["entries"][0]["clock"], "10:05");
    assert_eq!(s["entries"][0]["headline"], "Un titre d’entrée");
    assert!(!json.to_string().contains('\r'));
}

#[test]
fn windows_1252_keeps_french_accents() {
    let dir = tempfile::tempdir().unwrap();
    let text = BLOG.replace('’', "'");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let p = write(&dir, "latin.txt", &bytes);
    let (code, json, _) = export(&[&p]);
    assert_eq!(code, 0);
    assert_eq!(json["stories"][0]["entries"][0]["body"][0], "Le texte de l'entrée, avec des accents : élections.");
}

#[test]
fn escape_sequences_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "Titre \u{1b}[31mrouge\u{1b}[0m\n\n10h05\nfrappes\n\nUn \u{1b}]52;c;ZXZpbA==\u{7}titre\u{202e} piégé\n\nTexte\u{1b}P+q\u{1b}\\ avec \u{1b}_APC\u{1b}\\ bruit\u{9b}2J et\u{7} cloche.\n";
    let p = write(&dir, "hostile.txt", hostile.as_bytes());
    for format in ["json", "markdown"] {
        let out = Command::new(bin())
            .args(["export", "--format", format])
            .arg(&p)
            .env("XDG_CONFIG_HOME", "/nonexistent/liveblog-tests")
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.chars().any(|c| liveblog::decode::is_unsafe_char(c) && c != '\n'), "{format}: {text:?}");
        assert!(!text.contains("[31m") && !text.contains("52;c") && !text.contains("APC"), "{format}: {text:?}");
        assert!(text.contains("Titre rouge"), "{format}: {text}");
        assert!(text.contains("Un titre piégé"), "{format}: {text}");
    }
}

#[test]
fn binary_and_missing_files_are_reported_and_the_rest_still_comes_out() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(&dir, "good.txt", BLOG.as_bytes());
    let binary = write(&dir, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let missing = dir.path().join("missing.txt");
    let (code, json, stderr) = export(&[&binary, &good, &missing]);
    assert_eq!(code, 1);
    assert_eq!(json["stories"].as_array().unwrap().len(), 1);
    assert_eq!(json["stories"][0]["title"], "Titre du direct");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines.iter().any(|l| l.starts_with("liveblog: ") && l.contains("image.txt: binary file")), "{stderr}");
    assert!(lines.iter().any(|l| l.contains("missing.txt: no such file or directory")), "{stderr}");
}

#[test]
fn unreadable_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    // A directory given where a file is expected inside a listing cannot be read as text.
    let p = dir.path().join("dir.txt");
    std::fs::create_dir(&p).unwrap();
    let (code, _, stderr) = export(&[&p]);
    assert_eq!(code, 1);
    assert!(stderr.starts_with("liveblog: ") && stderr.contains("dir.txt"), "{stderr}");
}

#[test]
fn empty_file_is_a_story_with_no_entries() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(&dir, "empty.txt", b"");
    let (code, json, _) = export(&[&p]);
    assert_eq!(code, 0);
    assert_eq!(json["stories"][0]["entries"].as_array().unwrap().len(), 0);
}

#[test]
fn a_20_mb_single_line_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let line = "Une très longue ligne sans fin ".repeat(20 * 1024 * 1024 / 32);
    let p = write(&dir, "long.txt", line.as_bytes());
    let (code, json, _) = export(&[&p]);
    assert_eq!(code, 0);
    assert_eq!(json["stories"][0]["entries"][0]["body"][0].as_str().unwrap().len(), line.trim().len());
}

#[test]
fn directories_are_read_recursively_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(&dir, "b.txt", BLOG.as_bytes());
    write(&dir, "sub/a.txt", BLOG.as_bytes());
    write(&dir, "notes.md", b"# not a blog");
    let (code, json, _) = export(&[dir.path()]);
    assert_eq!(code, 0);
    let paths: Vec<&str> = json["stories"].as_array().unwrap().iter().map(|s| s["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 2);
    assert!(paths[0].ends_with("b.txt") && paths[1].ends_with("sub/a.txt"), "{paths:?}");
}

#[test]
fn usage_error_exits_2() {
    let out = Command::new(bin()).args(["export", "--format", "yaml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
