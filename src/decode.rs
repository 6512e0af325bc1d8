//! Turning the bytes of a file into text that is safe to show: encoding detection (UTF-8 with or
//! without BOM, UTF-16 with BOM, otherwise Windows-1252), refusal of binary files, and removal of
//! control characters and whole terminal escape sequences (`clean`), so that a hostile page can
//! never drive the terminal of the person reading it. Text leaves here in Unicode NFC, so a file
//! written with decomposed accents reads and searches like its composed twin, with U+2028 and
//! U+2029 turned into line breaks.

mod clean;

use clean::has_unsafe_bytes;
pub use clean::{clean, is_unsafe_char};
use std::borrow::Cow;
use std::path::Path;
use thiserror::Error;

/// Why a file could not be read as a live blog. Displayed after `liveblog: <path>: `.
#[derive(Debug, Error)]
pub enum InputError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("binary file (NUL byte at offset {0})")]
    Binary(usize),
    #[error("file too large ({0} bytes; the limit is 4 GiB)")]
    TooLarge(usize),
}

/// Reads a file and returns its text, decoded and cleaned.
pub fn read_text(path: &Path) -> Result<String, InputError> {
    let bytes = std::fs::read(path)?;
    decode(bytes)
}

/// Decodes bytes to clean text. Valid UTF-8 without control characters is not copied.
pub fn decode(bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.len() >= u32::MAX as usize {
        return Err(InputError::TooLarge(bytes.len()));
    }
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if utf16 {
        let (text, _, _) = encoding_rs::UTF_16LE.decode(&bytes);
        if let Some(at) = text.find('\0') {
            return Err(InputError::Binary(at));
        }
        return Ok(nfc(clean(&text).into_owned()));
    }
    // One pass tells whether there is anything to clean; a NUL is a control byte, so a text
    // with nothing to clean has none, and UTF-8 (the bytes are the text) is not looked at again.
    let Scan { unsafe_bytes, utf8, marks } = scan(&bytes);
    if unsafe_bytes && let Some(at) = memchr::memchr(0, &bytes) {
        return Err(InputError::Binary(at));
    }
    let mut text = if utf8 {
        // SAFETY: simdutf8 has just validated these bytes as UTF-8.
        unsafe { String::from_utf8_unchecked(bytes) }
    } else {
        utf8_or_windows_1252(bytes)
    };
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(match (utf8 && !unsafe_bytes, marks) {
        (true, false) => text,
        (true, true) => nfc(text),
        (false, _) => finish(text),
    })
}

/// What one look at the bytes tells: anything [`clean`] removes, valid UTF-8, combining marks
/// that NFC may compose.
#[derive(Debug, PartialEq)]
struct Scan {
    unsafe_bytes: bool,
    utf8: bool,
    marks: bool,
}

/// Texts from this size on are looked at in two halves at once.
const SCAN_IN_HALVES_FROM: usize = 4 << 20;

/// Scans the bytes, a big text in two halves at once, cut just after a line feed: nothing
/// [`has_unsafe_bytes`] looks for spans a line feed, and UTF-8 is valid on both sides of one
/// when it is valid across it, so the halves say what the whole says.
fn scan(bytes: &[u8]) -> Scan {
    scan_from(bytes, SCAN_IN_HALVES_FROM)
}

/// [`scan`], halving texts down to `min` bytes.
fn scan_from(bytes: &[u8], min: usize) -> Scan {
    let cut = (bytes.len() >= min.max(2))
        .then(|| memchr::memchr(b'\n', &bytes[bytes.len() / 2..]).map(|i| bytes.len() / 2 + i + 1))
        .flatten()
        .filter(|&cut| cut < bytes.len());
    let Some(cut) = cut else {
        return Scan {
            unsafe_bytes: has_unsafe_bytes(bytes),
            utf8: simdutf8::basic::from_utf8(bytes).is_ok(),
            marks: has_marks(bytes),
        };
    };
    let (a, b) = rayon::join(|| scan_from(&bytes[..cut], min), || scan_from(&bytes[cut..], min));
    Scan { unsafe_bytes: a.unsafe_bytes || b.unsafe_bytes, utf8: a.utf8 && b.utf8, marks: a.marks || b.marks }
}

/// Whether UTF-8 bytes may hold decomposed Latin accents: combining marks U+0300..U+036F
/// (lead bytes CC and CD).
fn has_marks(bytes: &[u8]) -> bool {
    memchr::memchr2(0xCC, 0xCD, bytes).is_some()
}

/// Bytes with no declared encoding: UTF-8 when they are (or are UTF-8 cut short inside a
/// character, as a file caught mid-write is), else Windows-1252, so French accents survive.
pub(crate) fn utf8_or_windows_1252(bytes: Vec<u8>) -> String {
    // simdutf8 validates several times faster than std, which matters on a 100 MB blog.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just validated these bytes as UTF-8.
        unsafe { String::from_utf8_unchecked(bytes) }
    } else if cut_utf8(&bytes) {
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        // The five bytes Windows-1252 leaves undefined decode to C1 controls, which `clean`
        // would read as the start of an escape string: they are stray bytes, dropped alone.
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
        text.replace(['\u{81}', '\u{8d}', '\u{8f}', '\u{90}', '\u{9d}'], "")
    }
}

/// Decoded text made safe and uniform: controls and escape sequences removed, then NFC.
pub(crate) fn finish(text: String) -> String {
    let text = match clean(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(cleaned) => cleaned,
    };
    nfc(text)
}

/// Whether bytes that are not valid UTF-8 are UTF-8 cut short: valid up to a last character
/// that was not written whole.
fn cut_utf8(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// The text in Unicode NFC. Text without combining marks ([`has_marks`]) is returned without
/// a scan of every char.
fn nfc(text: String) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if !has_marks(text.as_bytes()) || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text;
    }
    text.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_not_copied() {
        assert!(matches!(clean("Été « ok »\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn csi_osc_dcs_apc_are_removed_whole() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("x\u{1b}]52;c;SGVsbG8=\u{7}y"), "xy");
        assert_eq!(clean("x\u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\y"), "xlinky");
        assert_eq!(clean("x\u{1b}Pq#0;2;0;0;0\u{1b}\\y"), "xy");
        assert_eq!(clean("x\u{1b}_Gf=100;AAAA\u{1b}\\y"), "xy");
        assert_eq!(clean("x\u{9b}2Jy"), "xy");
    }

    #[test]
    fn controls_and_bidi_are_removed() {
        assert_eq!(clean("a\u{7}b\u{85}c\u{202e}d\u{2066}e\u{8}f"), "abcdef");
        assert_eq!(clean("a\tb\r\nc\rd"), "a b\nc\nd");
    }

    #[test]
    fn unterminated_osc_stops_at_line_end() {
        assert_eq!(clean("a\u{1b}]0;title\nnext"), "a\nnext");
    }

    #[test]
    fn windows_1252_is_decoded() {
        assert_eq!(decode(b"r\xe9sum\xe9 \x93ok\x94".to_vec()).unwrap(), "résumé “ok”");
    }

    #[test]
    fn utf8_cut_inside_a_character_stays_utf8() {
        let mut bytes = "Été à Chișinău — fin".as_bytes().to_vec();
        bytes.truncate(bytes.len() - 6); // inside the em dash
        assert_eq!(decode(bytes).unwrap(), "Été à Chișinău \u{fffd}");
    }

    #[test]
    fn undefined_windows_1252_bytes_do_not_swallow_the_line() {
        assert_eq!(decode(b"caf\xe9 \x90abc \x9ddef\nnext".to_vec()).unwrap(), "café abc def\nnext");
    }

    #[test]
    fn nfd_reads_like_nfc() {
        let nfd = "E\u{301}te\u{301} a\u{300} Chis\u{326}ina\u{306}u".as_bytes().to_vec();
        assert_eq!(decode(nfd).unwrap(), "Été à Chișinău");
    }

    #[test]
    fn unicode_line_separators_break_lines() {
        assert_eq!(decode("a\u{2028}b\u{2029}c".as_bytes().to_vec()).unwrap(), "a\nb\nc");
    }

    #[test]
    fn bom_is_stripped_and_nul_refused() {
        assert_eq!(decode(b"\xef\xbb\xbfabc".to_vec()).unwrap(), "abc");
        assert!(matches!(decode(b"ab\0c".to_vec()), Err(InputError::Binary(2))));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let bytes: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Été".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert_eq!(decode(bytes).unwrap(), "Été");
    }

    /// The check as it was written before the one-pass version: the reference it must equal.
    fn has_unsafe_bytes_reference(bytes: &[u8]) -> bool {
        let control = |b: u8| (b < 0x20 && b != b'\n' && b != b'\r') || b == 0x7f;
        bytes.iter().any(|&b| control(b))
            || memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'))
            || memchr::memchr_iter(0xC2, bytes).any(|i| matches!(bytes.get(i + 1), Some(0x80..=0x9f)))
            || memchr::memchr_iter(0xE2, bytes).any(|i| {
                matches!(
                    (bytes.get(i + 1), bytes.get(i + 2)),
                    (Some(0x80), Some(0xa8..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
                )
            })
    }

    #[test]
    fn the_one_pass_check_finds_what_clean_removes_at_every_place() {
        let base = "Texte d’été\u{a0}: « ok »\r\n".repeat(12);
        for bad in ["\u{1b}", "\r", "\u{85}", "\u{202e}", "\u{2028}", "\u{2066}", "\0", "\u{7f}"] {
            for at in [0, 1, 63, 64, 65, 66, base.len() - 2, base.len()] {
                let at = base.floor_char_boundary(at);
                let text = format!("{}{bad}{}", &base[..at], &base[at..]);
                assert!(has_unsafe_bytes(text.as_bytes()), "{bad:?} at {at}");
            }
        }
        assert!(!has_unsafe_bytes(base.as_bytes()));
        assert!(has_unsafe_bytes(format!("{base}\r").as_bytes()), "a final CR");
    }

    #[test]
    fn a_text_scanned_in_pieces_tells_what_it_tells_whole() {
        let base = "Texte d’été\u{a0}: « ok »\r\nÉ\u{301}t\u{e9}\n\n".repeat(5);
        let mut texts: Vec<Vec<u8>> = vec![base.clone().into_bytes(), Vec::new(), b"\n".to_vec()];
        for bad in [&b"\x1b"[..], b"\r", b"\xc2\x85", b"\xe2\x80\xae", b"\0", b"\xe9", b"\xcc\x81", b"\xe2\x80"] {
            for at in [0, 1, 17, 18, base.len() / 2, base.len() - 1, base.len()] {
                let mut t = base.clone().into_bytes();
                t.splice(at..at, bad.iter().copied());
                texts.push(t);
            }
        }
        for t in &texts {
            let whole = scan_from(t, usize::MAX);
            for min in [1, 2, 3, 5, 8, 40] {
                assert_eq!(scan_from(t, min), whole, "{:?} in pieces down to {min} bytes", String::from_utf8_lossy(t));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_one_pass_check_is_the_reference(
            bytes in proptest::collection::vec(proptest::sample::select(vec![
                b'a', b' ', b'\n', b'\r', 0, 0x1b, 0x7f, 0xC2, 0x80, 0x85, 0x9f, 0xA0, 0xE2, 0x81, 0x99, 0xA6, 0xA8, 0xAE, 0xAF,
            ]), 0..300),
            text in "(?s).{0,200}",
        ) {
            proptest::prop_assert_eq!(has_unsafe_bytes(&bytes), has_unsafe_bytes_reference(&bytes));
            proptest::prop_assert_eq!(has_unsafe_bytes(text.as_bytes()), has_unsafe_bytes_reference(text.as_bytes()));
        }
    }
}
