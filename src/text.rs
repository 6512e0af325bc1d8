//! Text for the screen, measured in terminal cells: cutting a string to a width, and showing
//! a name from outside (a file name, a path) so that nothing in it acts on the terminal or
//! forges a line — the one place where names are escaped, for the screen, exports and stderr.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Width of a string in terminal cells.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Cuts `text` to `width` cells, ending with `…` when cut. Reads no further than the cut:
/// a 20 MB paragraph shown as a timeline title costs as much as a short one.
pub fn fit(text: &str, width: usize) -> String {
    let mut used = 0;
    // Where the text is cut if it does not fit: after the last char that leaves room for `…`.
    let mut cut = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w < width {
            cut = i + c.len_utf8();
        }
        used += w;
        if used > width {
            let mut out = text[..cut].to_string();
            if width > 0 {
                out.push('…');
            }
            return out;
        }
    }
    text.to_string()
}

/// Characters a name cannot show as they are: C0 and C1 controls and DEL (ESC starts
/// terminal sequences, BEL rings, a newline forges a line), the bidi controls that reorder
/// what follows, and the Unicode line and paragraph separators.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// A name from outside as it is shown anywhere: printable text unchanged; controls, bidi
/// controls and line separators written as escapes the way GNU tools quote them (`\e`, `\n`,
/// `\t`, `\x07`, `\u{202e}`), and a backslash doubled so that an escape cannot be forged.
/// Returns the name itself when it needs nothing.
pub fn escape(name: &str) -> Cow<'_, str> {
    if !name.chars().any(|c| needs_escape(c) || c == '\\') {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len() + 8);
    for c in name.chars() {
        push_escaped(c, &mut out);
    }
    Cow::Owned(out)
}

fn push_escaped(c: char, out: &mut String) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\u{1b}' => out.push_str("\\e"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x100 && needs_escape(c) => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c if needs_escape(c) => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}

/// Text that should already be safe (a message built from escaped names), made so for
/// certain: controls are escaped as by [`escape`], but a backslash is left alone so that
/// escaped text is not escaped twice.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c == '\\' { out.push(c) } else { push_escaped(c, &mut out) }
    }
    Cow::Owned(out)
}

/// A path as it is shown anywhere: [`escape`]d, and bytes that are not UTF-8 written as
/// `\xNN`, so that two names differing only there stay distinct.
pub fn escape_path(path: &Path) -> Cow<'_, str> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        if let Ok(s) = std::str::from_utf8(bytes) {
            return escape(s);
        }
        let mut out = String::with_capacity(bytes.len() + 8);
        for chunk in bytes.utf8_chunks() {
            for c in chunk.valid().chars() {
                push_escaped(c, &mut out);
            }
            for b in chunk.invalid() {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
        Cow::Owned(out)
    }
    #[cfg(not(unix))]
    {
        match path.to_str() {
            Some(s) => escape(s),
            None => Cow::Owned(escape(&path.to_string_lossy()).into_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_with_an_ellipsis_by_width() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
        assert_eq!(fit("日本語テキスト", 5), "日本…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("", 0), "");
        assert_eq!(fit("ab", 2), "ab");
        assert_eq!(fit("a日", 2), "a…");
        assert_eq!(fit(&"x".repeat(1 << 20), 5), "xxxx…");
    }

    /// The straightforward cut, measuring the whole text first.
    fn fit_reference(text: &str, width: usize) -> String {
        if text.width() <= width {
            return text.to_string();
        }
        let mut out = String::new();
        let mut used = 0;
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            out.push(c);
            used += w;
        }
        if width > 0 {
            out.push('…');
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn fit_cuts_as_the_whole_measure_would(text in "[a-zé日\u{301}\u{200b} ]{0,12}", width in 0usize..14) {
            proptest::prop_assert_eq!(fit(&text, width), fit_reference(&text, width));
        }
    }

    #[test]
    fn names_are_escaped_like_gnu_tools_do() {
        assert!(matches!(escape("rfi-direct.txt"), Cow::Borrowed(_)));
        assert_eq!(escape("a\u{1b}]0;pwned\u{7}b"), "a\\e]0;pwned\\x07b");
        assert_eq!(escape("two\nlines"), "two\\nlines");
        assert_eq!(escape("evil\u{202e}txt.exe"), "evil\\u{202e}txt.exe");
        assert_eq!(escape("csi\u{9b}31m"), "csi\\x9b31m");
        assert_eq!(escape("back\\slash"), "back\\\\slash");
        assert_eq!(escape("Élections à Chișinău"), "Élections à Chișinău");
        for name in ["a\u{1b}[2J", "x\ny", "\u{2028}", "\u{7}"] {
            assert!(!escape(name).chars().any(needs_escape), "{name:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_stay_distinct() {
        use std::os::unix::ffi::OsStrExt;
        let a = Path::new(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
        let b = Path::new(std::ffi::OsStr::from_bytes(b"caf\xe8.txt"));
        assert_eq!(escape_path(a), "caf\\xe9.txt");
        assert_ne!(escape_path(a), escape_path(b));
        assert_eq!(escape_path(Path::new("/tmp/ok.txt")), "/tmp/ok.txt");
    }
}
