//! Cleaning text before it can reach a terminal: C0 and C1 controls, DEL, bidi overrides and
//! whole terminal escape sequences (CSI, OSC, DCS, APC…) are removed, tabs become spaces and
//! lone carriage returns and Unicode line separators end lines. A fast byte scan says first
//! whether a text needs any of it, so clean text is never copied.

use std::borrow::Cow;

/// Whether a char must never reach a terminal: C0 and C1 controls (but for line feed), DEL,
/// and bidi overrides and isolates, which can make text display in another order than it reads.
pub fn is_unsafe_char(c: char) -> bool {
    matches!(c, '\0'..='\u{9}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Removes escape sequences and control characters; tabs become spaces and a lone carriage
/// return ends a line. Returns the input itself when it holds nothing to remove.
pub fn clean(text: &str) -> Cow<'_, str> {
    let needs_work = has_unsafe_bytes(text.as_bytes());
    if !needs_work {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\t' => out.push(' '),
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{1b}' => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']' | 'P' | '_' | '^' | 'X') => skip_string(&mut chars),
                // Two-byte sequences (ESC c, ESC 7, ...) are dropped whole; so is a lone ESC
                // at the end, or before a line break, which is kept.
                Some('\n') => out.push('\n'),
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{9f}' | '\u{9e}' | '\u{98}' => skip_string(&mut chars),
            c if is_unsafe_char(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether the text holds anything [`clean`] would change, checked without decoding chars,
/// in one pass: each byte with the two after it, in 64-byte blocks the compiler vectorises
/// (branch-free), for control bytes, a carriage return not before a line feed, and the UTF-8
/// of C1 controls (C2 80..9F), bidi controls (E2 80 AA..AE, E2 81 A6..A9) and the line and
/// paragraph separators (E2 80 A8..A9). French text has a no-break space (C2 A0) or a curly
/// apostrophe (E2 80 99) in most lines, so looking for the lead bytes first found too many.
pub(super) fn has_unsafe_bytes(bytes: &[u8]) -> bool {
    // The same loop compiled for 32-byte registers where the processor has them: half the
    // instructions of the baseline's 16-byte ones.
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor was just seen to support AVX2.
        return unsafe { has_unsafe_bytes_avx2(bytes) };
    }
    has_unsafe_bytes_in(bytes)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn has_unsafe_bytes_avx2(bytes: &[u8]) -> bool {
    has_unsafe_bytes_in(bytes)
}

#[inline(always)]
fn has_unsafe_bytes_in(bytes: &[u8]) -> bool {
    let n = bytes.len();
    let mut i = 0;
    while i + 66 <= n {
        let w: &[u8; 66] = bytes[i..i + 66].try_into().expect("66 bytes");
        let mut acc = false;
        for k in 0..64 {
            acc |= unsafe_at(w[k], w[k + 1], w[k + 2]);
        }
        if acc {
            return true;
        }
        i += 64;
    }
    // The end of the text reads as followed by NULs: a final CR ends a line, a lead byte
    // cut short is no control.
    (i..n).any(|k| unsafe_at(bytes[k], bytes.get(k + 1).copied().unwrap_or(0), bytes.get(k + 2).copied().unwrap_or(0)))
}

/// Whether the byte `b0`, followed by `b1` and `b2`, starts something [`clean`] removes.
#[inline(always)]
fn unsafe_at(b0: u8, b1: u8, b2: u8) -> bool {
    let control = ((b0 < 0x20) & (b0 != b'\n') & (b0 != b'\r')) | (b0 == 0x7f);
    // CRLF is left to the line splitter: most Windows files need no copy.
    let lone_cr = (b0 == b'\r') & (b1 != b'\n');
    let c1 = (b0 == 0xC2) & (0x80..=0x9f).contains(&b1);
    let e2 =
        (b0 == 0xE2) & (((b1 == 0x80) & (0xa8..=0xae).contains(&b2)) | ((b1 == 0x81) & (0xa6..=0xa9).contains(&b2)));
    control | lone_cr | c1 | e2
}

/// Skips the rest of a CSI sequence: parameter and intermediate bytes, then one final byte.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        if c == '\n' {
            return;
        }
        chars.next();
        if ('\u{40}'..='\u{7e}').contains(&c) {
            return;
        }
        if !('\u{20}'..='\u{3f}').contains(&c) {
            return;
        }
    }
}

/// Skips an OSC, DCS, APC, PM or SOS string up to its terminator (BEL, ESC \ or ST). A string
/// never runs past the end of its line, so an unterminated one cannot swallow the page.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\n' => return,
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {
                chars.next();
            }
        }
    }
}
