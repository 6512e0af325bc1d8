//! Tags crowded with attributes, thinned before html5ever reads them. Its tokenizer compares
//! every attribute of a tag with all those before it (a duplicate is dropped), so one tag with
//! 100,000 attributes costs 5·10⁹ comparisons: a hostile page, not a real one, but a minute of
//! work. Past [`MAX_ATTRS`] attributes in one tag, only the first of each name anything reads
//! stays: the ones the DOM keeps ([`super::dom::kept_of`]) and the few the tree builder itself
//! looks at; the tree is the same as from the whole tag. A tag is found as the tokenizer finds
//! it (quoted values may hold `>`), outside comments and raw text (scripts, styles…).

use std::borrow::Cow;

/// Attributes a tag keeps whole; real pages stay far below (a few dozen at most).
pub(super) const MAX_ATTRS: usize = 1000;

/// Elements whose text the tokenizer reads raw, up to their end tag.
const RAW: [&[u8]; 10] =
    [b"script", b"style", b"textarea", b"title", b"xmp", b"iframe", b"noembed", b"noframes", b"noscript", b"plaintext"];

/// `text` with every tag past `max` attributes thinned (borrowed when no tag is).
pub(super) fn thin(text: &str, max: usize) -> Cow<'_, str> {
    let b = text.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut attrs = Vec::new();
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'<', &b[i..]) {
        let at = i + p;
        if b[at + 1..].starts_with(b"!--") {
            i = memchr::memmem::find(&b[at + 2..], b"-->").map_or(b.len(), |e| at + 2 + e + 3);
            continue;
        }
        let (from, end_tag) = if b.get(at + 1) == Some(&b'/') { (at + 2, true) } else { (at + 1, false) };
        if !b.get(from).is_some_and(u8::is_ascii_alphabetic) {
            i = at + 1;
            continue;
        }
        let name_end =
            from + b[from..].iter().position(|&c| is_space(c) || c == b'/' || c == b'>').unwrap_or(b.len() - from);
        let (end, count) = attributes(b, name_end, None);
        if count > max {
            attrs.clear();
            attributes(b, name_end, Some(&mut attrs));
            thin_tag(b, &attrs, max, &mut cuts);
        }
        i = end;
        let name = &b[from..name_end];
        // Most tags are told apart from the raw-text ones by their first letter or length.
        let may_be_raw = name.len() >= 3 && matches!(name[0] | 0x20, b's' | b't' | b'x' | b'i' | b'n' | b'p');
        if !end_tag
            && may_be_raw
            && let Some(raw) = RAW.iter().find(|r| name.eq_ignore_ascii_case(r))
        {
            if *raw == b"plaintext" {
                break;
            }
            i = raw_end(b, i, raw);
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (a, z) in cuts {
        out.push_str(&text[from..a]);
        from = z;
    }
    out.push_str(&text[from..]);
    Cow::Owned(out)
}

/// Drops the attributes of one tag past the first `max`, but the first of each name read.
fn thin_tag(b: &[u8], attrs: &[(usize, usize, usize)], max: usize, cuts: &mut Vec<(usize, usize)>) {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    for (k, &(a, name_end, z)) in attrs.iter().enumerate() {
        let name = b[a..name_end].to_ascii_lowercase();
        let read = std::str::from_utf8(&name).is_ok_and(read_by_someone);
        if k < max || (read && !seen.contains(&name)) {
            if read && !seen.contains(&name) {
                seen.push(name);
            }
            continue;
        }
        cuts.push((a, z));
    }
}

/// Names the DOM keeps, and those the tree builder reads: a `font`'s that break it out of SVG,
/// `annotation-xml`'s encoding, an `input`'s type, a `meta`'s charset.
fn read_by_someone(name: &str) -> bool {
    super::dom::kept_of_str(name).is_some()
        || matches!(name, "color" | "face" | "size" | "encoding" | "charset" | "http-equiv")
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

/// Bytes that end an attribute's name: white space, `/`, `>`, `=`.
static NAME_ENDS: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < 256 {
        let c = k as u8;
        t[k] = matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0C | b'/' | b'>' | b'=');
        k += 1;
    }
    t
};

/// Reads a tag's attributes from just after its name, as the tokenizer's tag states do,
/// putting each as (name start, name end, attribute end) in `found`; returns where the tag
/// ends (after its `>`) and how many attributes it has.
fn attributes(b: &[u8], mut i: usize, mut found: Option<&mut Vec<(usize, usize, usize)>>) -> (usize, usize) {
    let n = b.len();
    let mut count = 0;
    loop {
        while i < n && (is_space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        if i >= n {
            return (n, count);
        }
        if b[i] == b'>' {
            return (i + 1, count);
        }
        // A name runs to a space, `/`, `>` or `=` (but its first byte, which may be `=`).
        let a = i;
        i += 1;
        while i < n && !NAME_ENDS[usize::from(b[i])] {
            i += 1;
        }
        let name_end = i;
        while i < n && is_space(b[i]) {
            i += 1;
        }
        if i < n && b[i] == b'=' {
            i += 1;
            while i < n && is_space(b[i]) {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    // Most values are short: a loop finds their end before a search would start.
                    i += 1;
                    let stop = n.min(i + 16);
                    while i < stop && b[i] != q {
                        i += 1;
                    }
                    if i < n && b[i] != q {
                        i = memchr::memchr(q, &b[i..]).map_or(n, |e| i + e);
                    }
                    i = (i + 1).min(n);
                }
                Some(b'>') | None => {}
                Some(_) => {
                    while i < n && !(is_space(b[i]) || b[i] == b'>') {
                        i += 1;
                    }
                }
            }
        } else {
            i = name_end;
        }
        count += 1;
        if let Some(found) = found.as_deref_mut() {
            found.push((a, name_end, i));
        }
    }
}

/// Where raw text opened by `name` ends: at its end tag's `<`, or the end of the page.
fn raw_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(p) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + p;
        let rest = &b[at + 2..];
        if rest.len() >= name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name)
            && rest.get(name.len()).is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return at;
        }
        i = at + 2;
    }
    b.len()
}

#[cfg(test)]
#[path = "crowded_tests.rs"]
mod tests;
