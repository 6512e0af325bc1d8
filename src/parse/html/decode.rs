//! The bytes of an HTML page → clean text. A byte-order mark wins (the HTTP layer prepends a
//! UTF-8 one when it transcoded a page from a declared charset); then the page's own
//! `<meta charset>` or `http-equiv="Content-Type"` in its first bytes, as the HTML standard's
//! prescan finds it; else UTF-8 when the bytes are valid UTF-8, else windows-1252. The text then
//! goes through the same control-character cleaning as a text file.

use crate::decode::{InputError, finish, utf8_or_windows_1252};
use encoding_rs::Encoding;

/// How far into the page the charset declaration is looked for. The standard says 1024 bytes;
/// real pages put long scripts and comments first, so a little more is read.
const PRESCAN: usize = 4096;

/// Decodes the page to clean text.
pub(crate) fn decode(bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.len() >= u32::MAX as usize {
        return Err(InputError::TooLarge(bytes.len()));
    }
    if let Some((encoding, bom)) = Encoding::for_bom(&bytes) {
        let text = encoding.decode_without_bom_handling(&bytes[bom..]).0;
        return Ok(finish(text.into_owned()));
    }
    if let Some(encoding) = prescan(&bytes[..bytes.len().min(PRESCAN)]) {
        // A page labelled UTF-16 without a BOM is in fact ASCII-compatible (the standard says so).
        if encoding != encoding_rs::UTF_8 && encoding != encoding_rs::UTF_16LE && encoding != encoding_rs::UTF_16BE {
            let text = encoding.decode_without_bom_handling(&bytes).0;
            return Ok(finish(text.into_owned()));
        }
    }
    // UTF-8 (declared or not), falling back to windows-1252 for bytes that are not; NUL bytes
    // in markup are not a reason to refuse a page, unlike a text file.
    Ok(finish(utf8_or_windows_1252(bytes)))
}

/// The encoding a `<meta>` tag in these first bytes declares. A small scanner over bytes, not
/// an HTML parse: the encoding must be known before the text can be parsed.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + at + 5;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(label) = attribute(tag, b"charset")
            && let Some(enc) = Encoding::for_label(label)
        {
            return Some(enc);
        }
        if attribute(tag, b"http-equiv").is_some_and(|v| v == b"content-type")
            && let Some(content) = attribute(tag, b"content")
            && let Some(i) = memchr::memmem::find(content, b"charset=")
        {
            let rest = &content[i + 8..];
            let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
            let len = rest.iter().position(|b| matches!(b, b';' | b'"' | b'\'' | b' ')).unwrap_or(rest.len());
            if let Some(enc) = Encoding::for_label(&rest[..len]) {
                return Some(enc);
            }
        }
        from = end;
    }
    None
}

/// The value of `name=value` (quoted or not) inside a lower-cased tag.
fn attribute<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&tag[from..], name) {
        let pos = from + at;
        from = pos + name.len();
        let before_ok = pos == 0 || matches!(tag[pos - 1], b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'"' | b'\'');
        let mut rest = &tag[pos + name.len()..];
        while let Some((b' ', r)) = rest.split_first() {
            rest = r;
        }
        let Some((b'=', r)) = rest.split_first() else { continue };
        if !before_ok {
            continue;
        }
        let mut value = r;
        while let Some((b' ', r)) = value.split_first() {
            value = r;
        }
        return Some(match value.first() {
            Some(&q @ (b'"' | b'\'')) => {
                let v = &value[1..];
                &v[..memchr::memchr(q, v).unwrap_or(v.len())]
            }
            _ => {
                let len = value.iter().position(|b| matches!(b, b' ' | b'/' | b'>')).unwrap_or(value.len());
                &value[..len]
            }
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_meta() {
        let page = b"\xef\xbb\xbf<meta charset=\"iso-8859-1\"><p>\xc3\xa9t\xc3\xa9</p>".to_vec();
        assert!(decode(page).unwrap().contains("<p>été</p>"));
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        let page = b"<html><head><meta charset=iso-8859-15></head><p>\xa4 caf\xe9</p>".to_vec();
        assert!(decode(page).unwrap().contains("€ café"));
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>\x93\xfa</p>".to_vec();
        assert!(decode(page).unwrap().contains("<p>日</p>"));
    }

    #[test]
    fn undeclared_falls_back_to_windows_1252_and_cleans() {
        assert!(decode(b"<p>caf\xe9 \x1b[31mx</p>".to_vec()).unwrap().contains("<p>café x</p>"));
        assert!(decode("<p>déjà</p>".as_bytes().to_vec()).unwrap().contains("déjà"));
    }
}
