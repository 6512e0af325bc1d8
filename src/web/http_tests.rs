//! HTTP on its own: headers read (charset, caching, Retry-After, Content-Type), errors worded
//! on one line, and a failed name lookup seen through a resolver that fails, without a network.

use super::*;

#[test]
fn charset_is_read_from_the_content_type() {
    assert_eq!(charset("text/html; charset=ISO-8859-1"), Some(encoding_rs::WINDOWS_1252));
    assert_eq!(charset("text/html;charset=\"utf-8\""), Some(encoding_rs::UTF_8));
    assert_eq!(charset("text/html"), None);
    assert_eq!(charset("text/html; charset=klingon"), None);
}

#[test]
fn transcoding_puts_a_bom_in_front() {
    let out = to_utf8_with_bom(encoding_rs::WINDOWS_1252, b"caf\xe9");
    assert_eq!(out, "\u{feff}café".as_bytes());
    let already = to_utf8_with_bom(encoding_rs::UTF_8, "\u{feff}été".as_bytes());
    assert_eq!(already, "\u{feff}été".as_bytes());
}

#[test]
fn cache_control_and_retry_after() {
    assert_eq!(max_age("public, max-age=120"), Some(Duration::from_secs(120)));
    assert_eq!(max_age("no-cache, max-age=120"), None);
    assert_eq!(max_age("public"), None);
    assert_eq!(parse_retry_after(" 30 "), Some(RetryAfter::Seconds(30)));
    let date = parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
    assert_eq!(date, RetryAfter::Date("2015-10-21T07:28:00Z".parse().unwrap()));
    assert_eq!(parse_retry_after("soon"), None);
}

#[test]
fn content_types() {
    assert!(check_content_type("text/html; charset=utf-8").is_ok());
    assert!(check_content_type("text/plain").is_ok());
    for json in ["application/json; charset=utf-8", "application/ld+json", "application/x-ndjson"] {
        assert!(check_content_type(json).is_ok(), "{json}");
    }
    for table in ["text/csv; charset=utf-8", "text/tab-separated-values", "multipart/related; boundary=x"] {
        assert_eq!(check_content_type(table).unwrap(), Accepted::Yes, "{table}");
    }
    for gz in ["application/gzip", "application/x-gzip", "application/octet-stream"] {
        assert_eq!(check_content_type(gz).unwrap(), Accepted::IfGzip, "{gz}");
    }
    let err = check_content_type("image/png").unwrap_err();
    assert_eq!(err.to_string(), "not HTML (Content-Type image/png)");
    assert!(check_content_type("text/json+html").is_err(), "only an application type ends in +json");
}

#[test]
fn errors_read_in_one_line() {
    assert_eq!(FetchError::Status { status: 404, retry_after: None }.to_string(), "HTTP 404 not found");
    assert_eq!(FetchError::Status { status: 418, retry_after: None }.to_string(), "HTTP 418");
    assert_eq!(FetchError::TooLarge(BODY_CAP).to_string(), "page larger than 20 MB");
    assert_eq!(FetchError::TooLarge(1000).to_string(), "page larger than 1000 bytes");
}

/// A resolver that fails as the system's does, so that a failed lookup is seen without a
/// network.
#[derive(Debug)]
struct FailingResolver(fn() -> ureq::Error);

impl ureq::unversioned::resolver::Resolver for FailingResolver {
    fn resolve(
        &self,
        _: &ureq::http::Uri,
        _: &ureq::config::Config,
        _: ureq::unversioned::transport::NextTimeout,
    ) -> Result<ureq::unversioned::resolver::ResolvedSocketAddrs, ureq::Error> {
        Err((self.0)())
    }
}

fn client_whose_lookups_fail(error: fn() -> ureq::Error) -> Client {
    let settings = Settings::default();
    let connector = ureq::unversioned::transport::DefaultConnector::new();
    let agent = ureq::Agent::with_parts(agent_config(&settings), connector, FailingResolver(error));
    Client { agent, settings }
}

#[test]
fn a_failed_name_lookup_says_the_host_was_not_found_on_one_line() {
    use std::io::Error as IoError;
    // std's lookup failures, as glibc words them, and ureq's own for an empty answer.
    let failures: [fn() -> ureq::Error; 3] = [
        || IoError::other("failed to lookup address information: Name or service not known").into(),
        || IoError::other("failed to lookup address information: Temporary failure in name resolution").into(),
        || ureq::Error::HostNotFound,
    ];
    for url in ["https://news.example.invalid/live", "http://news.example.invalid:8080/a?b=1"] {
        for failure in failures {
            let err = client_whose_lookups_fail(failure).get(url, &Validators::default()).unwrap_err();
            assert_eq!(err, FetchError::Dns, "{url}");
            let line = super::super::command::failure_line(url, &err);
            assert_eq!(line, format!("liveblog: {url}: host not found (DNS lookup failed)"));
        }
    }
}

#[test]
fn other_connection_failures_are_not_taken_for_a_failed_lookup() {
    let client = Client::default();
    let io = |kind, what: &str| ureq::Error::Io(std::io::Error::new(kind, what.to_string()));
    let reset = client.classify(
        io(std::io::ErrorKind::ConnectionReset, "Connection reset by peer (os error 104)"),
        false,
        false,
    );
    assert_eq!(reset.to_string(), "connection failed: Connection reset by peer");
    let refused = client.classify(io(std::io::ErrorKind::ConnectionRefused, "refused"), false, false);
    assert_eq!(refused, FetchError::Refused);
    // A line break in what a server or the system says never splits the line.
    let line = super::super::command::failure_line("http://a\nb/", &FetchError::Other("bad\nbody".into()));
    assert_eq!(line, "liveblog: http://a b/: bad body");
}
