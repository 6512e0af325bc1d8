//! Live blogs read from a URL, against a server on 127.0.0.1 started by each test: the
//! validators sent and a 304 honoured, gzip, charsets, every failure worded in one line
//! (404/500, redirect loop, body over the cap, not HTML, a stall mid-body, a refused
//! connection), the poller's events, and `liveblog fetch` / `export` through the binary.

mod server;

use liveblog::archive::Archive;
use liveblog::parse::Rules;
use liveblog::web::http::{Client, FetchError, Fetched, Settings, Validators};
use liveblog::web::{PageEvent, PageFetch, PollConfig, Poller, fetch_page, policy::Policy};
use server::{Reply, Server, page};
use std::io::Write;
use std::process::Command;
use std::time::Duration;

const A: (&str, &str, &str) = ("08h00", "Premier titre", "Texte un.");
const B: (&str, &str, &str) = ("09h00", "Deuxième titre", "Texte deux.");
const C: (&str, &str, &str) = ("10h00", "Troisième titre", "Texte trois.");

fn get(url: &str) -> Result<Fetched, FetchError> {
    Client::default().get(url, &Validators::default())
}

#[test]
fn the_validators_are_sent_and_a_304_changes_nothing() {
    let body = page(&[B, A]);
    let server = Server::start(move |_, seen| {
        if seen.header("if-none-match") == Some("\"v1\"") {
            Reply::status(304)
        } else {
            Reply::text(&body).header("ETag", "\"v1\"").header("Last-Modified", "Fri, 14 Mar 2025 09:56:00 GMT")
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let mut archive = Archive::open(&dir.path().join("l.db")).unwrap();
    let client = Client::default();
    let url = server.url("/live");
    let now = chrono::Utc::now();
    let first = fetch_page(&client, Some(&mut archive), &url, Rules::embedded(), now).unwrap();
    let PageFetch::Updated { story, new, .. } = first else { panic!("a first fetch is a page") };
    assert_eq!(story.url.as_deref(), Some(url.as_str()));
    assert_eq!(new.iter().map(|e| e.headline.as_str()).collect::<Vec<_>>(), ["Premier titre", "Deuxième titre"]);
    let second = fetch_page(&client, Some(&mut archive), &url, Rules::embedded(), now).unwrap();
    assert!(matches!(second, PageFetch::Unchanged { .. }), "{second:?}");
    let seen = server.seen();
    assert_eq!(seen[0].header("if-none-match"), None);
    assert_eq!(seen[1].header("if-none-match"), Some("\"v1\""));
    assert_eq!(seen[1].header("if-modified-since"), Some("Fri, 14 Mar 2025 09:56:00 GMT"));
    let ua = seen[0].header("user-agent").unwrap();
    assert!(ua.starts_with("liveblog/") && ua.ends_with("(+terminal live-blog reader)"), "{ua}");
    let accept = seen[0].header("accept-encoding").unwrap();
    assert!(accept.contains("gzip") && accept.contains("br"), "{accept}");
}

#[test]
fn a_gzip_body_is_decompressed() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(page(&[A]).as_bytes()).unwrap();
    let body = gz.finish().unwrap();
    let server = Server::start(move |_, _| Reply::ok("text/plain", body.clone()).header("Content-Encoding", "gzip"));
    let Fetched::Page(response) = get(&server.url("/")).unwrap() else { panic!("a page") };
    assert!(String::from_utf8(response.body).unwrap().contains("Premier titre"));
}

#[test]
fn a_gzip_file_served_as_a_download_is_read_and_other_downloads_are_refused() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(page(&[B, A]).as_bytes()).unwrap();
    let body = gz.finish().unwrap();
    let server = Server::start(move |_, seen| {
        if seen.path.ends_with(".gz") {
            Reply::ok("application/octet-stream", body.clone())
        } else {
            Reply::ok("application/octet-stream", b"\x00\x01not a page".to_vec())
        }
    });
    let Fetched::Page(response) = get(&server.url("/live.txt.gz")).unwrap() else { panic!("a page") };
    let story = liveblog::parse::parse_bytes("live".into(), response.body, Rules::embedded()).unwrap();
    assert_eq!(story.entries.len(), 2, "the gzip is opened by the parser");
    let err = get(&server.url("/blob")).unwrap_err();
    assert_eq!(err.to_string(), "not HTML (Content-Type application/octet-stream)");
}

#[test]
fn a_declared_charset_is_transcoded_to_utf8_with_a_bom() {
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode("Premier titre: café");
    let latin1 = latin1.into_owned();
    let server = Server::start(move |_, _| Reply::ok("text/html; charset=ISO-8859-1", latin1.clone()));
    let Fetched::Page(response) = get(&server.url("/")).unwrap() else { panic!("a page") };
    assert_eq!(response.body, "\u{feff}Premier titre: café".as_bytes());
    let server = Server::start(|_, _| Reply::ok("text/html", &b"caf\xe9"[..]));
    let Fetched::Page(response) = get(&server.url("/")).unwrap() else { panic!("a page") };
    assert_eq!(response.body, b"caf\xe9", "no charset declared: the bytes as they are");
}

#[test]
fn failures_are_one_line_each() {
    let server = Server::start(|_, seen| match seen.path.as_str() {
        "/missing" => Reply::status(404),
        "/broken" => Reply::status(500),
        "/busy" => Reply::status(503).header("Retry-After", "120"),
        "/loop" => Reply::status(302).header("Location", "/loop"),
        "/image" => Reply::ok("image/png", "PNG"),
        "/binary" => Reply::ok("text/html", &b"\x89PNG\0\0\0"[..]),
        "/big" => Reply::text(&"x".repeat(5000)),
        // Large enough that the first half leaves the server's buffers before the stall.
        "/slow" => Reply { stall: Some(Duration::from_secs(4)), ..Reply::text(&(page(&[A]) + &"x\n".repeat(100_000))) },
        _ => Reply::text(&page(&[A])),
    });
    let small = Client::new(Settings { body_cap: 1000, total_timeout: Duration::from_secs(1), ..Settings::default() });
    let err = |path: &str| small.get(&server.url(path), &Validators::default()).unwrap_err();
    assert_eq!(err("/missing").to_string(), "HTTP 404 not found");
    assert_eq!(err("/broken").to_string(), "HTTP 500 server error");
    let busy = err("/busy");
    assert_eq!(busy.retry_after(), Some(liveblog::web::http::RetryAfter::Seconds(120)));
    assert_eq!(err("/loop"), FetchError::RedirectLoop);
    assert_eq!(err("/image").to_string(), "not HTML (Content-Type image/png)");
    assert!(matches!(err("/binary"), FetchError::NotHtml(_)));
    assert_eq!(err("/big"), FetchError::TooLarge(1000));
    let quick = Client::new(Settings { total_timeout: Duration::from_secs(1), ..Settings::default() });
    let stalled = quick.get(&server.url("/slow"), &Validators::default()).unwrap_err();
    assert_eq!(stalled.to_string(), "server stalled mid-body (timed out after 1 s)");
    assert!(matches!(small.get("ftp://127.0.0.1/", &Validators::default()), Err(FetchError::UnsupportedScheme(_))));
    let invalid = small.get("http://", &Validators::default()).unwrap_err();
    assert!(matches!(invalid, FetchError::InvalidUrl(_)), "{invalid:?}");
    for e in [err("/missing"), err("/loop"), err("/big")] {
        assert!(!e.to_string().contains('\n'));
    }
}

/// A URL nobody listens on. On 127.0.0.3, which the test servers (on 127.0.0.1) never take,
/// so a port freed here is not picked up by a server of a test running alongside.
fn refused_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.3:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}/live")
}

#[test]
fn a_refused_connection_is_named() {
    assert_eq!(get(&refused_url()).unwrap_err(), FetchError::Refused);
}

#[test]
fn the_poller_reports_new_entries_and_failures() {
    let server = Server::start(|n, _| match n {
        0 => Reply::text(&page(&[A])),
        1 => Reply::text(&page(&[B, A])),
        _ => Reply::status(500),
    });
    let dir = tempfile::tempdir().unwrap();
    let config = PollConfig {
        policy: Policy { every: Some(Duration::from_millis(20)) },
        db: Some(dir.path().join("l.db")),
        rules: Rules::embedded().clone(),
        http: Settings::default(),
    };
    let (poller, events) = Poller::channel(config);
    let url = server.url("/live");
    poller.poll_now(&url);
    let next = || events.recv_timeout(Duration::from_secs(20)).expect("an event");
    let PageEvent::Fetched { story, new, .. } = next() else { panic!("first poll fetches") };
    assert_eq!((story.entries.len(), new.len()), (1, 1));
    let PageEvent::Fetched { story, new, url: got } = next() else { panic!("second poll fetches") };
    assert_eq!(got, url);
    assert_eq!(story.entries.len(), 2);
    assert_eq!(new.iter().map(|e| e.headline.as_str()).collect::<Vec<_>>(), ["Deuxième titre"]);
    let PageEvent::Failed { reason, .. } = next() else { panic!("third poll fails") };
    assert_eq!(reason, "HTTP 500 server error");
    drop(poller);
}

#[test]
fn a_page_followed_at_its_own_interval_is_polled_at_it() {
    let server = Server::start(|n, _| if n == 0 { Reply::text(&page(&[A])) } else { Reply::text(&page(&[B, A])) });
    let config = PollConfig {
        // The poller's own interval would not come round during the test.
        policy: Policy { every: Some(Duration::from_secs(3600)) },
        db: None,
        rules: Rules::embedded().clone(),
        http: Settings::default(),
    };
    let (poller, events) = Poller::channel(config);
    let url = server.url("/live");
    poller.follow_every(&url, Some(Duration::from_millis(20)));
    let next = || events.recv_timeout(Duration::from_secs(20)).expect("a poll at the page's interval");
    let PageEvent::Fetched { story, .. } = next() else { panic!("first poll fetches") };
    assert_eq!(story.entries.len(), 1);
    let PageEvent::Fetched { story, .. } = next() else { panic!("second poll fetches") };
    assert_eq!(story.entries.len(), 2);
    drop(poller);
}

fn liveblog(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_liveblog"))
        .args(args)
        .env("LIVEBLOG_DB", db)
        .env("XDG_CONFIG_HOME", db.parent().unwrap())
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn fetch_prints_only_what_is_new() {
    let server = Server::start(|n, seen| {
        let etag = if n < 2 { "\"v1\"" } else { "\"v2\"" };
        if seen.header("if-none-match") == Some(etag) {
            return Reply::status(304);
        }
        let body = if n < 2 { page(&[B, A]) } else { page(&[C, B, A]) };
        Reply::text(&body).header("ETag", etag)
    });
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("liveblog.db");
    let url = server.url("/live");
    let run = || liveblog(&db, &["fetch", &url]);
    let first = run();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let out = String::from_utf8(first.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("2024-10-21 08:00  ") && lines[0].ends_with("  ·  Premier titre"), "{out}");
    assert!(lines[1].ends_with("  ·  Deuxième titre"), "{out}");
    let second = run();
    assert!(second.status.success());
    assert_eq!(String::from_utf8(second.stdout).unwrap(), "", "a 304 prints nothing");
    assert_eq!(server.seen()[1].header("if-none-match"), Some("\"v1\""));
    let third = run();
    let out = String::from_utf8(third.stdout).unwrap();
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("2024-10-21 10:00  ") && out.trim_end().ends_with("  ·  Troisième titre"), "{out}");
    assert!(third.stderr.is_empty());
}

#[test]
fn fetch_fails_with_one_line_and_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let url = refused_url();
    let out = liveblog(&dir.path().join("l.db"), &["fetch", &url]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(String::from_utf8(out.stderr).unwrap(), format!("liveblog: {url}: connection refused\n"));
}

#[test]
fn a_page_that_is_no_live_blog_is_one_line_not_a_new_entry() {
    // An article (or a maintenance page) reads as one text without a time or a headline.
    let server = Server::start(|_, _| Reply::text("<html><body><p>Just an article about nothing.</p></body></html>"));
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/article");
    let out = liveblog(&dir.path().join("l.db"), &["fetch", &url]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "", "nothing printed as new");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("liveblog: {url}: not a live blog (no entries found on the page)\n")
    );
}

#[test]
fn export_reads_a_url_and_falls_back_to_the_archive_offline() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    let url = {
        let server = Server::start(|_, _| Reply::text(&page(&[B, A])));
        let url = server.url("/live");
        let out = liveblog(&db, &["export", &url]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let story = &json["stories"][0];
        assert_eq!(story["path"], url.as_str(), "{json}");
        assert_eq!(story["entries"].as_array().unwrap().len(), 2);
        url
    };
    // The server is gone: the archived copy, with one line saying why.
    let out = liveblog(&db, &["export", &url]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["stories"][0]["entries"].as_array().unwrap().len(), 2, "{json}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("liveblog: {url}: connection refused; showing the archived copy of ")),
        "{stderr}"
    );
    // Never fetched and unreachable: an error line, nothing shown.
    let other = refused_url();
    let out = liveblog(&db, &["export", &other]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stderr).unwrap(), format!("liveblog: {other}: connection refused\n"));
    let out = liveblog(&db, &["export", "gopher://127.0.0.1/x"]);
    assert!(String::from_utf8(out.stderr).unwrap().contains("unsupported scheme \"gopher\""));
}

#[test]
fn export_reads_a_live_blog_served_as_json() {
    // A live blog's own feed of updates, served as JSON, is read by the parser's JSON reader.
    let dir = tempfile::tempdir().unwrap();
    let feed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/json/api-blocks.json")).unwrap();
    let server = Server::start(move |_, _| Reply::ok("application/json; charset=utf-8", feed.clone()));
    let url = server.url("/live.json");
    let out = liveblog(&dir.path().join("l.db"), &["export", &url]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let from_file = liveblog::parse::parse_bytes(
        "api-blocks.json".into(),
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/json/api-blocks.json")).unwrap(),
        liveblog::parse::Rules::embedded(),
    )
    .unwrap();
    let entries = json["stories"][0]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), from_file.entries.len(), "{json}");
    assert!(entries.len() >= 2, "{json}");
    assert_eq!(json["stories"][0]["title"].as_str(), Some(from_file.title.as_str()), "{json}");
}

#[test]
fn frame_shows_a_story_read_from_a_url() {
    let server = Server::start(|_, _| Reply::text(&page(&[B, A])));
    let dir = tempfile::tempdir().unwrap();
    let out = liveblog(&dir.path().join("l.db"), &["frame", "--size", "100x20", &server.url("/live")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let screen = String::from_utf8(out.stdout).unwrap();
    assert!(screen.contains("Deuxième titre") && screen.contains("Premier titre"), "{screen}");
}

#[cfg(unix)]
#[test]
fn fetch_every_repeats_until_sigterm_ends_it_cleanly() {
    use std::io::BufRead;
    let server = Server::start(|n, _| if n == 0 { Reply::text(&page(&[A])) } else { Reply::text(&page(&[B, A])) });
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_liveblog"))
        .args(["fetch", "--every", "50ms", &server.url("/live")])
        .env("LIVEBLOG_DB", dir.path().join("l.db"))
        .env("XDG_CONFIG_HOME", dir.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(lines.next().unwrap().unwrap().ends_with("  ·  Premier titre"));
    // The second round finds the new entry only.
    assert!(lines.next().unwrap().unwrap().ends_with("  ·  Deuxième titre"));
    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "ended by its own hand, not by the signal: {status:?}");
    assert!(lines.next().is_none());
    assert!(server.seen().len() >= 2);
}

#[test]
fn https_to_a_plain_http_server_is_a_tls_error() {
    // A server that answers in plain HTTP whatever it is sent, as a misconfigured port does.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("https://{}/live", listener.local_addr().unwrap());
    let thread = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    });
    let err = get(&url).unwrap_err();
    thread.join().unwrap();
    assert!(matches!(err, FetchError::Tls(_)), "{err:?}");
    assert!(err.to_string().starts_with("TLS error: ") && !err.to_string().contains('\n'), "{err}");
}

#[test]
fn a_copy_another_process_archived_reaches_the_reader_despite_the_304() {
    // `liveblog fetch` from cron shares the archive with a running reader: when it stores the
    // page's new version first, the reader's poll sends the new validators and gets a 304,
    // which must not leave the reader on the old copy.
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let version = Arc::new(AtomicUsize::new(1));
    let v = Arc::clone(&version);
    let server = Server::start(move |_, seen| {
        let (etag, body) =
            if v.load(Ordering::SeqCst) == 1 { ("\"v1\"", page(&[A])) } else { ("\"v2\"", page(&[B, A])) };
        if seen.header("if-none-match") == Some(etag) {
            return Reply::status(304);
        }
        Reply::text(&body).header("ETag", etag)
    });
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    let url = server.url("/live");
    let mut cron = Archive::open(&db).unwrap();
    let rules = Rules::embedded();
    fetch_page(&Client::default(), Some(&mut cron), &url, rules, chrono::Utc::now()).unwrap();
    let config = PollConfig {
        // Polled only when the test asks, so the other process's fetch comes between polls.
        policy: Policy { every: Some(Duration::from_secs(3600)) },
        db: Some(db.clone()),
        rules: rules.clone(),
        http: Settings::default(),
    };
    let (poller, events) = Poller::channel(config);
    poller.follow(&url);
    poller.poll_now(&url);
    let first = events.recv_timeout(Duration::from_secs(20)).expect("a first poll");
    assert!(matches!(first, PageEvent::Unchanged { .. }), "{first:?}");
    version.store(2, Ordering::SeqCst);
    let PageFetch::Updated { .. } =
        fetch_page(&Client::default(), Some(&mut cron), &url, rules, chrono::Utc::now()).unwrap()
    else {
        panic!("the other process fetches the new version")
    };
    poller.poll_now(&url);
    let second = events.recv_timeout(Duration::from_secs(20)).expect("a second poll");
    let PageEvent::Fetched { story, new, .. } = second else { panic!("the archived copy is not shown: {second:?}") };
    assert_eq!(story.entries.len(), 2);
    assert!(new.is_empty(), "the other process saw them first");
    assert_eq!(server.seen().last().unwrap().header("if-none-match"), Some("\"v2\""), "the poll was a 304");
    drop(poller);
}
