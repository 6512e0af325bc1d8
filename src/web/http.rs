//! One GET of one page, done the careful way: a conditional request (the stored ETag and
//! Last-Modified sent back), gzip and brotli, connect and total timeouts, a redirect limit, a
//! User-Agent naming liveblog, a body cap read with a limit (never buffered unbounded), and
//! the charset of `Content-Type` honoured by transcoding to UTF-8 with a BOM in front (the HTML
//! reader gives a BOM precedence over `<meta charset>`). Every failure is a [`FetchError`]
//! worded for a human on one line.

use std::time::Duration;
use thiserror::Error;
use ureq::ResponseExt;

/// The User-Agent sent with every request.
pub const USER_AGENT: &str = concat!("liveblog/", env!("CARGO_PKG_VERSION"), " (+terminal live-blog reader)");

/// The largest body accepted, after decompression.
pub const BODY_CAP: u64 = 20 * 1024 * 1024;

/// What a server told us last time, sent back so that an unchanged page costs a 304.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// `Retry-After` as sent: seconds, or an HTTP date (resolved against `now` by the policy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryAfter {
    Seconds(u64),
    Date(chrono::DateTime<chrono::Utc>),
}

/// A response that changes something, or the news that nothing changed.
#[derive(Debug)]
pub enum Fetched {
    Page(Response),
    /// 304: the stored copy is current.
    NotModified {
        max_age: Option<Duration>,
    },
}

/// A page's body and what came with it.
#[derive(Debug)]
pub struct Response {
    /// Where the page was found, after redirects.
    pub url: String,
    /// The body, transcoded to UTF-8 with a BOM when the response declared a charset.
    pub body: Vec<u8>,
    pub validators: Validators,
    /// `Cache-Control: max-age`.
    pub max_age: Option<Duration>,
}

/// Why a page could not be fetched; displayed after `liveblog: URL: `.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("invalid URL ({0})")]
    InvalidUrl(String),
    #[error("unsupported scheme {0:?} (only http and https)")]
    UnsupportedScheme(String),
    #[error("host not found (DNS lookup failed)")]
    Dns,
    #[error("connection refused")]
    Refused,
    #[error("TLS error: {0}")]
    Tls(String),
    #[error("HTTP {status}{}", reason_suffix(*status))]
    Status { status: u16, retry_after: Option<RetryAfter> },
    #[error("too many redirects (a redirect loop?)")]
    RedirectLoop,
    #[error("page larger than {}", size(*.0))]
    TooLarge(u64),
    #[error("not HTML ({0})")]
    NotHtml(String),
    #[error("timed out after {0} s")]
    Timeout(u64),
    #[error("server stalled mid-body (timed out after {0} s)")]
    Stalled(u64),
    #[error("{0}")]
    Other(String),
}

fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 { format!("{} MB", bytes / (1024 * 1024)) } else { format!("{bytes} bytes") }
}

fn reason_suffix(status: u16) -> String {
    let reason = match status {
        400 => "bad request",
        401 => "authentication required",
        403 => "forbidden",
        404 => "not found",
        410 => "gone",
        429 => "too many requests",
        500 => "server error",
        502 => "bad gateway",
        503 => "service unavailable",
        504 => "gateway timeout",
        _ => return String::new(),
    };
    format!(" {reason}")
}

impl FetchError {
    /// The server's `Retry-After`, when it sent one with a 429 or 503.
    pub fn retry_after(&self) -> Option<RetryAfter> {
        match self {
            FetchError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

/// Limits of a client; the defaults suit live blogs.
#[derive(Debug, Clone)]
pub struct Settings {
    pub connect_timeout: Duration,
    pub total_timeout: Duration,
    pub max_redirects: u32,
    pub body_cap: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_redirects: 5,
            body_cap: BODY_CAP,
        }
    }
}

/// A reusable HTTP client (connections are pooled between requests).
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    settings: Settings,
}

impl Default for Client {
    fn default() -> Self {
        Client::new(Settings::default())
    }
}

impl Client {
    pub fn new(settings: Settings) -> Client {
        Client { agent: agent_config(&settings).into(), settings }
    }

    /// GETs `url`, sending `validators` as `If-None-Match` / `If-Modified-Since`.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        if !super::url_argument(url)? {
            return Err(FetchError::InvalidUrl("not an http or https URL".into()));
        }
        let uri: ureq::http::Uri = url.parse().map_err(|e| FetchError::InvalidUrl(super::one_line(&format!("{e}"))))?;
        if uri.host().is_none_or(str::is_empty) {
            return Err(FetchError::InvalidUrl("no host".into()));
        }
        let mut request = self
            .agent
            .get(url)
            .header("Accept", "text/html, application/xhtml+xml, text/plain;q=0.8, application/json;q=0.5");
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &validators.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let https = url.get(..8).is_some_and(|s| s.eq_ignore_ascii_case("https://"));
        let mut response = request.call().map_err(|e| self.classify(e, false, https))?;
        let status = response.status().as_u16();
        let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
        let max_age = header("cache-control").as_deref().and_then(max_age);
        if status == 304 {
            return Ok(Fetched::NotModified { max_age });
        }
        if !(200..300).contains(&status) {
            let retry_after = if matches!(status, 429 | 503) {
                header("retry-after").as_deref().and_then(parse_retry_after)
            } else {
                None
            };
            return Err(FetchError::Status { status, retry_after });
        }
        let content_type = header("content-type");
        let mut sniff_gzip = false;
        if let Some(ct) = &content_type {
            sniff_gzip = check_content_type(ct)? == Accepted::IfGzip;
        }
        let validators = Validators { etag: header("etag"), last_modified: header("last-modified") };
        let final_url = response.get_uri().to_string();
        let body = response
            .body_mut()
            .with_config()
            .limit(self.settings.body_cap)
            .read_to_vec()
            .map_err(|e| self.classify(e, true, https))?;
        // A gzipped file served as such (a dataset's `blog.json.gz`, a saved `page.html.gz`) is
        // opened by the parser, like the same file on disk; any other binary body is refused.
        let gzip_file = body.starts_with(&[0x1F, 0x8B]);
        if sniff_gzip && !gzip_file {
            return Err(FetchError::NotHtml(format!(
                "Content-Type {}",
                super::one_line(content_type.as_deref().unwrap_or(""))
            )));
        }
        if let Some(at) = memchr::memchr(0, &body[..body.len().min(4096)])
            && !gzip_file
            && !body.starts_with(&[0xFF, 0xFE])
            && !body.starts_with(&[0xFE, 0xFF])
        {
            return Err(FetchError::NotHtml(format!("binary content, NUL byte at offset {at}")));
        }
        let body = match content_type.as_deref().and_then(charset) {
            Some(encoding) => to_utf8_with_bom(encoding, &body),
            None => body,
        };
        Ok(Fetched::Page(Response { url: final_url, body, validators, max_age }))
    }

    fn classify(&self, err: ureq::Error, in_body: bool, https: bool) -> FetchError {
        let secs = self.settings.total_timeout.as_secs();
        match err {
            ureq::Error::BadUri(why) => FetchError::InvalidUrl(why),
            ureq::Error::HostNotFound => FetchError::Dns,
            ureq::Error::TooManyRedirects => FetchError::RedirectLoop,
            ureq::Error::BodyExceedsLimit(n) => FetchError::TooLarge(n),
            ureq::Error::Timeout(_) if in_body => FetchError::Stalled(secs),
            ureq::Error::Timeout(ureq::Timeout::Connect) => {
                FetchError::Timeout(self.settings.connect_timeout.as_secs())
            }
            ureq::Error::Timeout(_) => FetchError::Timeout(secs),
            ureq::Error::Tls(why) => FetchError::Tls(why.to_string()),
            ureq::Error::Rustls(e) => FetchError::Tls(e.to_string()),
            ureq::Error::Pem(e) => FetchError::Tls(e.to_string()),
            ureq::Error::Decompress(what, e) => FetchError::Other(format!("bad {what} body: {e}")),
            ureq::Error::Io(e) => match e.kind() {
                std::io::ErrorKind::ConnectionRefused => FetchError::Refused,
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock if in_body => FetchError::Stalled(secs),
                std::io::ErrorKind::TimedOut => FetchError::Timeout(secs),
                // rustls reports a failed handshake as invalid data on the socket.
                std::io::ErrorKind::InvalidData if https && !in_body => {
                    FetchError::Tls(super::one_line(strip_os_error(&e.to_string())))
                }
                _ if e.to_string().contains("lookup") || e.to_string().contains("resolve") => FetchError::Dns,
                _ => FetchError::Other(format!("connection failed: {}", strip_os_error(&e.to_string()))),
            },
            ureq::Error::ConnectionFailed => FetchError::Other("connection failed".into()),
            ureq::Error::Protocol(e) => FetchError::Other(format!("bad HTTP response: {e}")),
            other => FetchError::Other(other.to_string()),
        }
    }
}

/// The agent's limits: timeouts, redirects, the User-Agent; statuses are read by [`Client::get`].
fn agent_config(settings: &Settings) -> ureq::config::Config {
    ureq::Agent::config_builder()
        .timeout_connect(Some(settings.connect_timeout))
        .timeout_global(Some(settings.total_timeout))
        .max_redirects(settings.max_redirects)
        .max_redirects_will_error(true)
        .user_agent(USER_AGENT)
        // Statuses are read here: a 304, and the Retry-After of a 429/503.
        .http_status_as_error(false)
        .build()
}

fn strip_os_error(msg: &str) -> &str {
    msg.find(" (os error").map_or(msg, |i| &msg[..i])
}

/// What a `Content-Type` lets through.
#[derive(Debug, PartialEq, Eq)]
enum Accepted {
    Yes,
    /// Only a body that is a gzip file (checked once it is read).
    IfGzip,
}

/// Accepts HTML and XHTML, plain text (the saved text form of a page), JSON (a live blog's own
/// feed of updates, or its JSON-LD: the parser's JSON reader takes those), CSV and TSV tables of
/// posts, and MHTML saves; a gzip file or an untyped download only if its body is a gzip file
/// (servers send `blog.json.gz` as `application/octet-stream`). Refuses the rest.
fn check_content_type(content_type: &str) -> Result<Accepted, FetchError> {
    let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match mime.as_str() {
        "" | "text/html" | "application/xhtml+xml" | "text/plain" => Ok(Accepted::Yes),
        "application/json" | "application/x-ndjson" | "application/jsonl" => Ok(Accepted::Yes),
        "text/csv" | "text/tab-separated-values" | "multipart/related" | "message/rfc822" => Ok(Accepted::Yes),
        // `application/ld+json`, `application/feed+json`, `application/vnd.api+json`…
        json if json.starts_with("application/") && json.ends_with("+json") => Ok(Accepted::Yes),
        "application/gzip" | "application/x-gzip" | "application/octet-stream" => Ok(Accepted::IfGzip),
        other => Err(FetchError::NotHtml(format!("Content-Type {}", super::one_line(other)))),
    }
}

/// The encoding named by `charset=` in a `Content-Type`, when encoding_rs knows it.
pub fn charset(content_type: &str) -> Option<&'static encoding_rs::Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        encoding_rs::Encoding::for_label(value.trim().trim_matches(['"', '\'']).as_bytes())
    })
}

/// Transcodes to UTF-8 and puts a BOM in front, so the declared charset wins over any
/// `<meta charset>` further in. A BOM already in the body wins over the header, as in browsers.
pub fn to_utf8_with_bom(encoding: &'static encoding_rs::Encoding, body: &[u8]) -> Vec<u8> {
    let (text, _, _) = encoding.decode(body);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut out = Vec::with_capacity(text.len() + 3);
    out.extend_from_slice("\u{feff}".as_bytes());
    out.extend_from_slice(text.as_bytes());
    out
}

/// `max-age` of a `Cache-Control` header; `no-cache` / `no-store` count as none.
pub fn max_age(cache_control: &str) -> Option<Duration> {
    let mut age = None;
    for directive in cache_control.split(',') {
        let directive = directive.trim().to_ascii_lowercase();
        if directive == "no-cache" || directive == "no-store" {
            return None;
        }
        if let Some(v) = directive.strip_prefix("max-age=") {
            age = v.trim_matches('"').parse::<u64>().ok().map(Duration::from_secs);
        }
    }
    age
}

/// `Retry-After`: delta-seconds or an HTTP date.
pub fn parse_retry_after(value: &str) -> Option<RetryAfter> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(RetryAfter::Seconds(secs));
    }
    chrono::DateTime::parse_from_rfc2822(value).ok().map(|d| RetryAfter::Date(d.to_utc()))
}

#[cfg(test)]
#[path = "http_tests.rs"]
mod tests;
