//! JSON inside JavaScript: a JS or TS module or script that assigns one big object or array
//! (`export const Live: FEArticle = {…};`, `window.__PRELOADED_STATE__ = {…};`, `var data =
//! […]`, `export default {…}`, a Twitter archive's `window.YTD.tweets.part0 = […]`) is read as
//! that JSON. Told by content: the value assigned must be most of the file (or all but a few
//! lines of code), and a literal, so a text blog with `x = {` in a sentence stays text. JavaScript's relaxations of JSON that such files use
//! are undone token by token ([`to_json`]): comments, unquoted keys, single-quoted strings,
//! trailing commas, `undefined` (*decision*: each is a local rewrite outside strings, cheap
//! and unable to turn one value into another; expressions, template strings with `${}` and
//! function calls are not JSON and the file stays text).

/// The JSON text of the one big value a script assigns; `None` when the file is not such a
/// script.
pub(super) fn assigned_json(text: &str) -> Option<String> {
    if !opens_like_a_script(text) {
        return None;
    }
    let (start, end) = biggest_value(text)?;
    let meaningful = text.bytes().filter(|b| !b.is_ascii_whitespace()).count();
    let inside = text[start..end].bytes().filter(|b| !b.is_ascii_whitespace()).count();
    // Most of the file, or all but a line or two of code around it.
    let outside = meaningful - inside;
    if inside < outside && outside > 256 {
        return None;
    }
    to_json(&text[start..end])
}

/// Whether an object or an array is assigned in the file's first 4 kB (`= {`, `=[`,
/// `default {`): a text blog of megabytes is passed over without a scan.
fn opens_like_a_script(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(4096)];
    head.iter().enumerate().any(|(i, &b)| {
        let after = |from: usize| head[from..].iter().find(|c| !c.is_ascii_whitespace());
        (b == b'=' && matches!(after(i + 1), Some(b'{' | b'[')))
            || (head[i..].starts_with(b"default") && matches!(after(i + 7), Some(b'{' | b'[')))
    })
}

/// The byte span of the largest `{…}` or `[…]` that follows an assignment (`=`, not `==` or
/// `=>`), `export default` or a `:`-typed declaration, scanning past strings and comments.
fn biggest_value(text: &str) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' | b'`' => i = skip_string(b, i),
            b'/' if b.get(i + 1) == Some(&b'/') => i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n),
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = memchr::memmem::find(&b[i + 2..], b"*/").map_or(b.len(), |n| i + 2 + n + 2)
            }
            b'=' if !matches!(b.get(i + 1), Some(b'=' | b'>')) && (i == 0 || !b"=!<>+-*/%&|^".contains(&b[i - 1])) => {
                i = take_value(b, i + 1, &mut best);
            }
            b't' if text[i..].starts_with("default") && text[..i].trim_end().ends_with("export") => {
                i = take_value(b, i + "default".len(), &mut best);
            }
            _ => i += 1,
        }
    }
    best
}

/// After an assignment at `from`: the value's span when it is an object or an array, kept if
/// it is the biggest yet; where to scan on.
fn take_value(b: &[u8], from: usize, best: &mut Option<(usize, usize)>) -> usize {
    let start = from + b[from..].iter().take_while(|c| c.is_ascii_whitespace()).count();
    if !matches!(b.get(start), Some(b'{' | b'[')) {
        return from;
    }
    let Some(end) = balanced_end(b, start) else { return b.len() };
    if best.is_none_or(|(s, e)| e - s < end - start) {
        *best = Some((start, end));
    }
    end
}

/// The end (exclusive) of the bracketed value opening at `start`, counting brackets outside
/// strings and comments (no recursion: a value nested ten thousand deep costs a counter).
fn balanced_end(b: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' | b'`' => {
                i = skip_string(b, i);
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = memchr::memmem::find(&b[i + 2..], b"*/").map_or(b.len(), |n| i + 2 + n + 2);
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index after the string opening at `at` (its closing quote, or the end of a string cut
/// short).
fn skip_string(b: &[u8], at: usize) -> usize {
    let quote = b[at];
    let mut i = at + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            c if c == quote => return i + 1,
            b'\n' if quote != b'`' => return i,
            _ => i += 1,
        }
    }
    b.len()
}

/// A JavaScript literal as JSON: comments dropped, keys quoted, single quotes turned double,
/// trailing commas dropped, `undefined` as `null`. `None` when something is not a literal (a
/// template string with `${`, a call, a bare name as a value).
fn to_json(js: &str) -> Option<String> {
    let b = js.as_bytes();
    let mut out = String::with_capacity(js.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'"' => {
                let end = skip_string(b, i);
                out.push_str(&js[i..end]);
                i = end;
            }
            b'\'' | b'`' => {
                let end = skip_string(b, i);
                let inner = &js[i + 1..end.saturating_sub(1).max(i + 1)];
                if c == b'`' && inner.contains("${") {
                    return None;
                }
                out.push_str(&requote(inner));
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n),
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = memchr::memmem::find(&b[i + 2..], b"*/").map_or(b.len(), |n| i + 2 + n + 2)
            }
            b',' => {
                let next = b[i + 1..].iter().position(|c| !c.is_ascii_whitespace()).map(|n| b[i + 1 + n]);
                if !matches!(next, Some(b'}' | b']')) {
                    out.push(',');
                }
                i += 1;
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c == b'$' => {
                let len = b[i..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c == b'$').count();
                let word = &js[i..i + len];
                let after = b[i + len..].iter().find(|c| !c.is_ascii_whitespace());
                match word {
                    _ if after == Some(&b':') => out.push_str(&format!("\"{word}\"")),
                    "true" | "false" | "null" => out.push_str(word),
                    "undefined" => out.push_str("null"),
                    _ => return None,
                }
                i += len;
            }
            _ => {
                out.push(char::from(c));
                // Multi-byte characters outside strings are copied whole.
                if !c.is_ascii() {
                    let len = js[i..].chars().next().map_or(1, char::len_utf8);
                    out.pop();
                    out.push_str(&js[i..i + len]);
                    i += len;
                    continue;
                }
                i += 1;
            }
        }
    }
    Some(out)
}

/// A single-quoted or backquoted string's inside as a JSON string: `\'` unescaped, `"`
/// escaped, line breaks of a template string escaped.
fn requote(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len() + 2);
    out.push('"');
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\'') => out.push('\''),
                Some('`') => out.push('`'),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => {}
            },
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_module_assigning_an_object_gives_that_object() {
        let js = "import type { FEArticle } from '../types';\nexport const Live: FEArticle = {\n  a: 1, 'b': 'it\\'s', \"c\": [1, 2,],\n  d: undefined, /* a note */ e: true, webTitle: 'Storm live: ferries cancelled',\n};\n";
        let json = assigned_json(js).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["b"], "it's");
        assert_eq!(v["c"], serde_json::json!([1, 2]));
        assert_eq!(v["d"], serde_json::Value::Null);
    }

    #[test]
    fn the_biggest_assignment_wins_and_comparisons_are_not_assignments() {
        let js = "if (a == {}) {}\nwindow.s = {x: 1};\nwindow.__PRELOADED_STATE__ = {\"posts\": [{\"t\": 1}, {\"t\": 2}, {\"t\": 3}], \"n\": \"=\"};";
        let v: serde_json::Value = serde_json::from_str(&assigned_json(js).unwrap()).unwrap();
        assert_eq!(v["posts"][1]["t"], 2);
    }

    #[test]
    fn what_is_not_one_assigned_literal_is_not_read() {
        assert_eq!(assigned_json("function f() { return 1; }\n"), None, "no assignment");
        assert_eq!(assigned_json("x = { a: f(1) }"), None, "a call");
        assert_eq!(assigned_json("x = { a: `${y}` }"), None, "a template");
        let prose = "12:50 Storm hits the coast, and the mayor said x = {nothing} at all in a long speech\n".repeat(3);
        assert_eq!(assigned_json(&prose), None, "a sentence with a brace is prose");
        assert_eq!(assigned_json("var data = {\"a\": [1, 2"), None, "cut short");
    }
}
