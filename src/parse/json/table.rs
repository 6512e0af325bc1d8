//! Posts kept as a table: CSV or TSV (a scraper's output, a desk's spreadsheet) whose header
//! row names the columns — a time and a text or a headline among them, by the key names of
//! `assets/json_keys.txt` — is read as the array of objects its rows are, through the same
//! finding of posts as JSON (*decision*: a table is a dataset shape like any other, and one
//! reader of fields keeps CSV and JSON alike). Told by content: a header of short names, one
//! of them a time, and rows that mostly have as many fields; anything else stays text.
//! Fields follow RFC 4180 (quotes, doubled quotes, line breaks inside quotes).

use super::keys::{fold_key, keys};
use serde_json::{Map, Value};

/// The rows as JSON objects keyed by the header; `None` when the text is not such a table.
pub(super) fn rows(text: &str) -> Option<Value> {
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = header(text.lines().next()?)?;
    let mut records = fields(text, delimiter);
    let header = records.next()?;
    let rows: Vec<Vec<String>> = records.collect();
    let whole = rows.iter().filter(|r| r.len() == header.len()).count();
    if rows.is_empty() || whole * 5 < rows.len() * 4 {
        return None;
    }
    let objects = rows
        .into_iter()
        .filter(|r| r.len() == header.len())
        .map(|r| {
            let o: Map<String, Value> = header
                .iter()
                .zip(r)
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(h, v)| (h.trim().to_string(), Value::String(v)))
                .collect();
            Value::Object(o)
        })
        .collect();
    Some(Value::Array(objects))
}

/// The delimiter of a header row that names a table of posts: short names, a time and a text
/// or a headline among them; `None` for any other line.
pub(super) fn header(line: &str) -> Option<char> {
    // JSON, markup and a script open with these; a header row never does.
    if line.trim_start().starts_with(['{', '[', '<']) {
        return None;
    }
    let delimiter = ['\t', ',', ';'].into_iter().max_by_key(|d| line.matches(*d).count())?;
    let header: Vec<String> = fields(line, delimiter).next()?;
    if header.len() < 2 || !header.iter().all(|h| !h.is_empty() && h.len() <= 40 && h.split_whitespace().count() <= 4) {
        return None;
    }
    let k = keys();
    let named = |list: &[String], suffix: bool| {
        header.iter().any(|h| {
            let h = fold_key(h);
            list.iter().any(|key| *key == h || (suffix && h.ends_with(key.as_str())))
        })
    };
    let timed = named(&k.time, false) || named(&k.time_suffix, true);
    let texted = named(&k.text, false) || named(&k.headline, false);
    (timed && texted).then_some(delimiter)
}

/// The records of a CSV/TSV text, each a list of fields (RFC 4180: a quoted field may hold the
/// delimiter, line breaks and `""` for a quote). Blank lines are no records.
fn fields(text: &str, delimiter: char) -> impl Iterator<Item = Vec<String>> + '_ {
    let mut chars = text.chars().peekable();
    std::iter::from_fn(move || {
        loop {
            chars.peek()?;
            let mut record = Vec::new();
            let mut field = String::new();
            let mut quoted = false;
            let mut at_start = true;
            while let Some(c) = chars.next() {
                match c {
                    '"' if quoted && chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' if quoted => quoted = false,
                    '"' if at_start => quoted = true,
                    c if c == delimiter && !quoted => {
                        record.push(std::mem::take(&mut field));
                        at_start = true;
                        continue;
                    }
                    '\r' if !quoted => {}
                    '\n' if !quoted => break,
                    c => field.push(c),
                }
                at_start = false;
            }
            record.push(field);
            if record.len() > 1 || !record[0].trim().is_empty() {
                return Some(record);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_with_quoted_fields_becomes_objects() {
        let csv = "time,title,text\n2024-07-18T11:50:00+01:00,Polls close,\"Counting, then \"\"results\"\".\nOvernight.\"\n12:00,,Noon\n";
        let v = rows(csv).unwrap();
        assert_eq!(v[0]["text"], "Counting, then \"results\".\nOvernight.");
        assert_eq!(v[1].get("title"), None, "an empty field is no field");
        assert_eq!(v.as_array().unwrap().len(), 2);
    }

    #[test]
    fn a_tsv_with_a_prefixed_time_column_is_a_table() {
        let tsv = "post_published_at\tbody\n2024-09-01 18:05\tThe last ferry leaves.\n";
        assert_eq!(rows(tsv).unwrap()[0]["body"], "The last ferry leaves.");
    }

    #[test]
    fn text_with_commas_is_not_a_table() {
        for text in [
            "Storm live, ferries cancelled\n\n12:50\nWinds, rain and more\n",
            "name,price\napple,1\n",
            "time,text\n",
            "date,text\n2024-01-01,a,b,c\n2024-01-02,d,e,f\n",
            "{\"time\": \"12:50\", \"text\": \"Storm\"}\n",
        ] {
            assert_eq!(rows(text), None, "{text}");
        }
    }
}
