//! JSON cut short — a dump caught while it is being written, a download that stopped — closed
//! after its last whole value: the text up to the last `}` or `]` that ends a value, and the
//! brackets still open there closed in turn. What came after that value is lost; what came
//! before reads as it would in the whole file.

/// The bytes of JSON text that stand outside its strings (quotes included in neither), with
/// their offsets: where brackets open and close.
fn outside_strings(bytes: &[u8]) -> impl Iterator<Item = (usize, u8)> + '_ {
    let (mut in_string, mut escaped) = (false, false);
    bytes.iter().enumerate().filter_map(move |(i, &b)| {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            return None;
        }
        if b == b'"' {
            in_string = true;
            return None;
        }
        Some((i, b))
    })
}

/// The text of `body` up to its last whole value, with its open brackets closed; `None` when
/// no value inside a bracket was ever closed.
pub(crate) fn close_cut(body: &str) -> Option<String> {
    let bytes = body.as_bytes();
    let mut depth = 0usize;
    let mut last_close = None;
    for (i, b) in outside_strings(bytes) {
        match b {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth > 0 {
                    last_close = Some(i + 1);
                }
            }
            _ => {}
        }
    }
    let end = last_close?;
    // The brackets open at `end`, found again from the start: the ones opened later and closed
    // before the cut are gone from the stack by then.
    let mut stack = Vec::new();
    for (_, b) in outside_strings(&bytes[..end]) {
        match b {
            b'{' => stack.push(b'}'),
            b'[' => stack.push(b']'),
            b'}' | b']' => {
                stack.pop();
            }
            _ => {}
        }
    }
    let mut out = String::with_capacity(end + stack.len());
    out.push_str(&body[..end]);
    out.extend(stack.iter().rev().map(|&b| char::from(b)));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_document_closes_after_its_last_whole_value() {
        let cut = r#"{"title": "Cut", "posts": [{"t": "a}]"}, {"t": "b"}, {"t": "c"#;
        let closed = close_cut(cut).unwrap();
        assert_eq!(closed, r#"{"title": "Cut", "posts": [{"t": "a}]"}, {"t": "b"}]}"#);
        assert!(serde_json::from_str::<serde_json::Value>(&closed).is_ok());
        assert_eq!(close_cut(r#"{"title": "nothing closed yet"#), None);
        assert_eq!(close_cut("]]]"), None);
    }
}
