//! MHTML (RFC 2557), the single file Chrome, Edge and Internet Explorer save a page as: MIME
//! headers, then a `multipart/related` body whose parts are the page and its resources. The
//! first `text/html` part is the page, undone from its transfer encoding (quoted-printable or
//! base64) and, when its `Content-Type` names a charset, turned into UTF-8 behind a BOM (which
//! the HTML reader trusts over the page's own `<meta charset>`, as the part's bytes are in the
//! part's charset). The page's address is the `Snapshot-Content-Location` of the file's
//! headers, else the part's `Content-Location`.
//!
//! A small reader of our own (*decision*): the one job is finding one part, and a mail crate
//! would parse and decode every image and style the save holds.

use super::refuse;
use crate::decode::InputError;
use base64::Engine;

/// The page inside an MHTML file.
pub(super) struct Part {
    pub bytes: Vec<u8>,
    pub address: Option<String>,
}

/// How far the file's own headers may run: Chrome's take a few hundred bytes.
const HEADERS_LIMIT: usize = 16 << 10;

/// Whether the bytes open with MIME headers (`Name: value` lines) whose `Content-Type` is
/// `multipart/related` — an MHTML save, whatever its name.
pub(super) fn is_mhtml(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(HEADERS_LIMIT)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let Some((block, _)) = split_headers(head) else { return false };
    let first = block.trim_ascii_start();
    let opens_with_header = first
        .iter()
        .position(|&b| b == b':')
        .is_some_and(|at| at > 0 && first[..at].iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-'));
    opens_with_header && headers(block).iter().any(|(k, v)| k == "content-type" && media_type(v) == "multipart/related")
}

/// The first `text/html` part, decoded, and the page's address.
pub(super) fn html_part(bytes: &[u8]) -> Result<Part, InputError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let (block, body) = split_headers(bytes).ok_or_else(|| refuse("MHTML with no end to its headers".into()))?;
    let top = headers(block);
    let boundary = get(&top, "content-type")
        .and_then(|v| param(v, "boundary"))
        .filter(|b| !b.is_empty())
        .ok_or_else(|| refuse("MHTML with no boundary in its Content-Type".into()))?;
    let delimiter = [b"--", boundary.as_bytes()].concat();
    for part in parts(body, &delimiter) {
        let Some((block, content)) = split_headers(part) else { continue };
        let head = headers(block);
        let kind = get(&head, "content-type").unwrap_or("text/plain");
        if media_type(kind) != "text/html" {
            continue;
        }
        let raw = match get(&head, "content-transfer-encoding").map(|e| e.trim().to_ascii_lowercase()).as_deref() {
            Some("quoted-printable") => quoted_printable(content),
            Some("base64") => base64(content)?,
            _ => content.to_vec(),
        };
        let address = get(&top, "snapshot-content-location")
            .or_else(|| get(&head, "content-location"))
            .or_else(|| get(&top, "content-location"))
            .map(|a| crate::decode::clean(a.trim()).into_owned())
            .filter(|a| a.starts_with("http://") || a.starts_with("https://"));
        return Ok(Part { bytes: in_utf8(raw, param(kind, "charset").as_deref()), address });
    }
    Err(refuse("MHTML with no HTML part".into()))
}

/// Headers and what follows the blank line after them (CRLF or LF).
fn split_headers(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let bytes = bytes.strip_prefix(b"\r\n").or_else(|| bytes.strip_prefix(b"\n")).unwrap_or(bytes);
    let crlf = memchr::memmem::find(bytes, b"\r\n\r\n").map(|at| (at, at + 4));
    let lf = memchr::memmem::find(bytes, b"\n\n").map(|at| (at, at + 2));
    let (end, body) = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    Some((&bytes[..end], &bytes[body..]))
}

/// Header lines as (lower-case name, value), folded lines joined to the line they continue.
fn headers(block: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(block);
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = out.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            out.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    out
}

fn get<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// `text/html` of `Text/HTML; charset="utf-8"`.
fn media_type(value: &str) -> String {
    value.split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

/// A parameter of a header value (`boundary="----Multipart…"`), its quotes taken off.
fn param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim().trim_matches('"').to_string())
    })
}

/// The parts between the delimiter lines, up to the closing delimiter (`--boundary--`) or the
/// end of a file cut short.
fn parts<'b>(body: &'b [u8], delimiter: &[u8]) -> Vec<&'b [u8]> {
    let mut starts = Vec::new();
    for at in memchr::memmem::find_iter(body, delimiter) {
        if at == 0 || body[at - 1] == b'\n' {
            starts.push(at);
        }
    }
    let mut out = Vec::new();
    for (i, &at) in starts.iter().enumerate() {
        let after = &body[at + delimiter.len()..];
        if after.starts_with(b"--") {
            break;
        }
        let end = starts.get(i + 1).map_or(body.len(), |&next| next) - at - delimiter.len();
        let part = &after[..end];
        // The line break before the next delimiter belongs to the delimiter.
        let part = part.strip_suffix(b"\r\n").or_else(|| part.strip_suffix(b"\n")).unwrap_or(part);
        out.push(part);
    }
    out
}

/// Quoted-printable (RFC 2045): `=XX` is a byte, `=` at a line's end joins it to the next; an
/// `=` that is neither stays as it is, as mail readers keep it.
fn quoted_printable(bytes: &[u8]) -> Vec<u8> {
    let hex = |b: u8| char::from(b).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            let rest = &bytes[i + 1..];
            if rest.starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if rest.starts_with(b"\n") {
                i += 2;
                continue;
            }
            if let (Some(h), Some(l)) = (rest.first().and_then(|&b| hex(b)), rest.get(1).and_then(|&b| hex(b))) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

fn base64(bytes: &[u8]) -> Result<Vec<u8>, InputError> {
    let clean: Vec<u8> = bytes.iter().copied().filter(|b| !b.is_ascii_whitespace()).collect();
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );
    engine.decode(&clean).map_err(|e| refuse(format!("MHTML whose page is not valid base64 ({e})")))
}

/// The part's bytes in UTF-8 behind a BOM when its charset is known; as they are otherwise
/// (the HTML reader then finds the page's own `<meta charset>`).
fn in_utf8(raw: Vec<u8>, charset: Option<&str>) -> Vec<u8> {
    let Some(encoding) = charset.and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes())) else { return raw };
    let (text, _, _) = encoding.decode(&raw);
    let mut out = Vec::with_capacity(text.len() + 3);
    out.extend_from_slice(b"\xef\xbb\xbf");
    out.extend_from_slice(text.as_bytes());
    out
}
