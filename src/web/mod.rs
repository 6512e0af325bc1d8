//! The outside world: live blogs read from their URL. [`http`] fetches one page the careful
//! way (conditional requests, caps, timeouts, charset), [`policy`] decides when to ask again,
//! [`poller`] follows many pages off the UI thread, [`page`] turns a response into a story
//! through the archive, [`command`] is the headless `liveblog fetch`, and [`notify`] runs the
//! user's notification program. Tell a URL from a path with [`url_argument`].

pub mod command;
pub mod fetching;
pub mod http;
pub mod notify;
pub mod page;
pub mod policy;
pub mod poller;
pub mod reader;
pub mod settings;

pub use http::{Client, FetchError, Fetched, Validators};
pub use page::{PageFetch, fetch_page};
pub use poller::{PageEvent, PollConfig, Poller};

/// Whether a command-line argument is a URL: `Ok(true)` for `http://` and `https://`,
/// `Ok(false)` for a path, and an error for any other `scheme://` (`ftp://`, `file://`…),
/// which would otherwise be looked for as a file of that name.
pub fn url_argument(arg: &str) -> Result<bool, FetchError> {
    let Some((scheme, _)) = arg.split_once("://") else { return Ok(false) };
    let valid_scheme = !scheme.is_empty()
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !valid_scheme {
        return Ok(false);
    }
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" => Ok(true),
        other => Err(FetchError::UnsupportedScheme(other.to_string())),
    }
}

/// The host part of a URL, lower-cased (without port or credentials), for per-host limits.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    let host =
        if let Some(v6) = authority.strip_prefix('[') { v6.split(']').next()? } else { authority.split(':').next()? };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Loopback hosts (127.0.0.0/8, ::1, localhost) are exempt from the politeness floor, so that
/// tests against a local server run fast.
pub fn is_loopback(host: &str) -> bool {
    if host == "localhost" || host.ends_with(".localhost") {
        return true;
    }
    host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Text from a page made safe for one terminal line: control characters (newlines included)
/// become spaces.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || is_bidi(c) { ' ' } else { c })
        .collect()
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(url_argument("https://example.org/live").unwrap());
        assert!(url_argument("HTTP://example.org").unwrap());
        assert!(!url_argument("saved/page.txt").unwrap());
        assert!(!url_argument("odd name://x.txt").unwrap());
        let err = url_argument("ftp://example.org/x").unwrap_err();
        assert_eq!(err.to_string(), "unsupported scheme \"ftp\" (only http and https)");
    }

    #[test]
    fn hosts_and_loopback() {
        assert_eq!(host_of("https://User@Example.org:8080/a?b").as_deref(), Some("example.org"));
        assert_eq!(host_of("http://[::1]:80/").as_deref(), Some("::1"));
        assert!(is_loopback("127.0.0.9"));
        assert!(is_loopback("::1"));
        assert!(is_loopback("localhost"));
        assert!(!is_loopback("example.org"));
        assert!(!is_loopback("10.0.0.1"));
    }

    #[test]
    fn one_line_removes_controls() {
        assert_eq!(one_line("a\nb\x1b[31mc\u{202e}d"), "a b [31mc d");
    }
}
