//! Hostile files and pages, each found by mutating the fixtures: what made the reader hang,
//! take time growing with the square of the input, or show a control character. Sizes here are
//! those where the old behaviour took minutes; a regression shows as a test that never ends,
//! never as a timed assertion.

mod common;
use common::*;
use liveblog::parse::{Rules, parse_bytes};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn parse(name: &str, bytes: Vec<u8>) -> liveblog::model::Story {
    parse_bytes(PathBuf::from(name), bytes, Rules::embedded()).expect("parses")
}

/// Every string of a story's JSON export (explain included), checked for characters that
/// would act on a terminal.
fn assert_clean_export(story: liveblog::model::Story) {
    let json = liveblog::export::to_json(&[story], true);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut strings = Vec::new();
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    walk(&value, &mut strings);
    for s in strings {
        assert!(!s.chars().any(|c| liveblog::decode::is_unsafe_char(c) && c != '\n'), "{s:?}");
    }
}

/// Runs `liveblog export` on `paths`; a run that does not end within two minutes is killed
/// and fails the test (it used to hang forever).
fn export_guarded(paths: &[&Path]) -> (Option<i32>, serde_json::Value, String) {
    let mut child = Command::new(bin())
        .arg("export")
        .args(paths)
        .env("XDG_CONFIG_HOME", "/nonexistent/liveblog-tests")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    for _ in 0..1200 {
        if child.try_wait().unwrap().is_some() {
            let out = child.wait_with_output().unwrap();
            let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
            return (out.status.code(), json, String::from_utf8_lossy(&out.stderr).into_owned());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    child.kill().unwrap();
    panic!("liveblog export {paths:?} hung");
}

const BLOG: &str = "Titre du direct\n\n10h05\n\nUn titre d’entrée\n\nLe texte de l’entrée.\n";

#[cfg(unix)]
#[test]
fn a_fifo_nobody_writes_to_reads_empty_a_device_is_cut_and_the_other_files_still_open() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, BLOG).unwrap();
    // A FIFO nobody writes to blocked the reader at open; /dev/zero filled memory.
    let fifo = dir.path().join("fifo.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (code, json, stderr) = export_guarded(&[&fifo, &good, Path::new("/dev/zero")]);
    assert_eq!(code, Some(1), "{stderr}");
    // The FIFO reads as an empty file would: a story with nothing in it, and its reason.
    let titles: Vec<&str> = json["stories"].as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["", "Titre du direct"], "{stderr}");
    assert!(stderr.contains("fifo.txt: no entries found"), "{stderr}");
    assert!(stderr.contains("/dev/zero: a stream longer than 256 MiB"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_blog_through_a_pipe_reads_like_the_file() {
    // `liveblog export /dev/stdin < blog` and `liveblog <(pbpaste)` hand the reader a pipe.
    let mut child = Command::new(env!("CARGO_BIN_EXE_liveblog"))
        .args(["export", "/dev/stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), BLOG.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["stories"][0]["title"], "Titre du direct", "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json["stories"][0]["entries"].as_array().unwrap().len(), 1);
}

#[test]
fn a_header_of_many_short_lines_is_read_in_one_pass() {
    // 200,000 lines and no time line: the title was sought with a linear search per line.
    let story = parse("short.txt", "a\n".repeat(200_000).into_bytes());
    assert_eq!(story.title, "a");
    assert!(story.entries.is_empty());
}

fn page(body: &str) -> Vec<u8> {
    format!("<!doctype html><html><head><title>Deep</title></head><body>{body}</body></html>").into_bytes()
}

#[test]
fn deeply_nested_elements_keep_their_text() {
    // html5ever scans its open elements at each tag: 30,000 nested elements cost 10⁹ steps (minutes)
    // before the nesting was capped.
    for tag in ["div", "span", "b", "a", "table", "ul"] {
        let n = 30_000;
        let body = format!(
            "{}<h2>Deep headline</h2><p>Deep text.</p>{}",
            format!("<{tag}>").repeat(n),
            format!("</{tag}>").repeat(n)
        );
        let story = parse("deep.html", page(&body));
        assert!(story.text.contains("Deep headline") && story.text.contains("Deep text."), "{tag}");
    }
    // Formatting elements that are never closed, each re-opened by the tree builder.
    let body = "<b><i><u><s><em><strong><small><code><font>".repeat(5_000) + "<p>Tail text.</p>";
    assert!(parse("fmt.html", page(&body)).text.contains("Tail text."));
}

#[test]
fn nesting_below_the_cap_is_read_as_before() {
    // 400 levels: under the cap, the post keeps its time and headline.
    let body = format!(
        "{}<article><time datetime=\"2024-10-21T10:05:00+02:00\">10:05</time><h2>Kept headline</h2><p>Kept body.</p></article>{}",
        "<div>".repeat(400),
        "</div>".repeat(400)
    );
    let story = parse("nested.html", page(&body));
    assert_eq!(story.entries.len(), 1);
    let e = story.entry_refs().next().unwrap();
    assert_eq!(e.headline(), Some("Kept headline"));
    assert_eq!(e.body().collect::<Vec<_>>(), ["Kept body."]);
}

#[test]
fn structured_data_never_carries_controls() {
    // JSON escapes spell what the decoder never saw: a publisher given as a plain string kept them.
    let ld = r#"{"@type":"LiveBlogPosting","headline":"A\u001b[31mB\u001b]8;;http://evil\u0007C\u202eD",
        "publisher":"P\u001b[2J\u009b2J","liveBlogUpdate":[{"@type":"BlogPosting","headline":"H\u009b31m",
        "articleBody":"B\u0007\u001bPq","datePublished":"2024-10-21T10:05:00Z","url":"http://x/\u001b[31m"}]}"#;
    let html = format!(
        "<!doctype html><html><head><script type=\"application/ld+json\">{ld}</script></head><body><h1>&#x1b;[31mTitle&#7;</h1><p>10:05 &#27;]52;c;ZXZpbA==&#7; x</p></body></html>"
    );
    let story = parse("ld.html", html.into_bytes());
    assert_eq!(story.outlet.as_deref(), Some("P"));
    assert_clean_export(story);
}

#[test]
fn error_messages_never_carry_controls() {
    // A reason may quote a name (walkdir's errors carry the path) or a server's words.
    let e = liveblog::load::LoadError {
        path: PathBuf::from("dir\u{1b}[2J"),
        reason: "IO error for operation on dir\u{1b}]52;c;ZXZpbA==\u{7}: denied\u{202e}".into(),
    };
    let shown = e.to_string();
    assert!(!shown.chars().any(|c| c.is_control() || liveblog::decode::is_unsafe_char(c)), "{shown:?}");
    assert!(shown.contains("\\e]52;c;") && shown.starts_with("dir\\e[2J: "), "{shown}");
    // A value clap refuses is quoted in its message.
    let out = Command::new(bin()).args(["frame", "--size", "\u{1b}[2J\u{1b}]0;pwned\u{7}"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("liveblog: ") && stderr.contains("WIDTHxHEIGHT"), "{stderr}");
    assert!(!stderr.trim_end().chars().any(|c| c.is_control()), "{stderr:?}");
}

#[test]
fn a_paragraph_of_megabytes_is_wrapped_line_by_line() {
    // Balancing the lines of a 7 MB paragraph took ten seconds a screen.
    let para = "Mon 15 May 2023 12.50 BSTFirst published on Mon 15 May 2023 05.38 BST ".repeat(50_000);
    let lines = liveblog::text_lines::wrap(&para, 60);
    assert!(lines.iter().all(|l| liveblog::text::width(l) <= 60));
    assert_eq!(lines.concat().replace(' ', ""), para.replace(' ', ""));
}

/// Containers and scripts (`src/parse/unwrap/`, `src/parse/json/script.rs`): each bad one is a
/// one-line reason or a story, and the files beside it still open.
#[test]
fn bad_containers_and_scripts_are_one_line_or_a_story() {
    let reason = |name: &str, bytes: Vec<u8>| {
        let err = parse_bytes(PathBuf::from(name), bytes, Rules::embedded()).expect_err(name).to_string();
        assert!(!err.contains('\n'), "{err}");
        err
    };
    let gz = std::fs::read(root().join("tests/fixtures/containers/guardian_like.html.gz")).unwrap();
    assert_eq!(reason("cut.html.gz", gz[..15].to_vec()), "gzip cut short before any of it inflated");
    let no_html = b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\nContent-Type: text/css\n\nb{}\n--x--\n";
    assert_eq!(reason("page.mhtml", no_html.to_vec()), "MHTML with no HTML part");
    let deep = format!("window.__STATE__ = {}{}{};", "{\"a\":[".repeat(20_000), 1, "]}".repeat(20_000));
    assert_eq!(reason("state.js", deep.into_bytes()), "JSON nested more than 128 levels deep");
    // A script with no object is text: a story, whatever it shows.
    let s = parse("app.js", b"function go() { return 1 + 2; }\nconsole.log(go());\n".to_vec());
    assert!(s.entries.iter().all(|e| e.clock.is_none()));
    // Controls inside a script's strings are cleaned like any JSON's.
    let js = "export default { title: 'Storm \\u001b]52;c;x\\u0007 live', posts: [{time: '2024-05-01T12:50:00Z', text: 'Ferries \\u001b[2J cancelled'}] };";
    assert_clean_export(parse("state.js", js.as_bytes().to_vec()));
    // A cut gzip beside a good page: the page still opens.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html.gz"), &gz[..15]).unwrap();
    std::fs::write(dir.path().join("b.html.gz"), &gz).unwrap();
    let (code, json, stderr) = export_guarded(&[dir.path()]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(json["stories"].as_array().map(Vec::len), Some(1), "{stderr}");
    assert!(stderr.contains("a.html.gz: gzip cut short"), "{stderr}");
}
