//! The prompt's line, edited like a shell line: the cursor moves by character (`←` `→`) and
//! to either end (`Home` `End`), `Ctrl-U` deletes to the start and `Ctrl-W` the word before
//! the cursor. The cursor is a byte offset always on a character boundary.

/// A line being typed and its cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    cursor: usize,
}

impl LineEdit {
    /// A line holding `text`, the cursor at its end.
    pub fn new(text: &str) -> LineEdit {
        LineEdit { text: text.to_string(), cursor: text.len() }
    }
    pub fn text(&self) -> &str {
        &self.text
    }
    /// The cursor, as a byte offset into [`LineEdit::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }
    pub fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }
    pub fn backspace(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
        }
    }
    pub fn left(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }
    pub fn right(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }
    pub fn home(&mut self) {
        self.cursor = 0;
    }
    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }
    /// `Ctrl-U`: deletes from the start of the line to the cursor.
    pub fn delete_to_start(&mut self) {
        self.text.drain(..self.cursor);
        self.cursor = 0;
    }
    /// `Ctrl-W`: deletes the word before the cursor and the spaces after it.
    pub fn delete_word(&mut self) {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end_matches(char::is_whitespace);
        let start =
            trimmed.rfind(char::is_whitespace).map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8));
        self.text.drain(start..self.cursor);
        self.cursor = start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_like_a_shell_line() {
        let mut l = LineEdit::new("élections en");
        l.left();
        l.left();
        l.insert('X');
        assert_eq!(l.text(), "élections Xen");
        l.home();
        l.right();
        l.backspace();
        assert_eq!(l.text(), "lections Xen");
        l.end();
        l.delete_word();
        assert_eq!(l.text(), "lections ");
        l.delete_word();
        assert_eq!((l.text(), l.cursor()), ("", 0));
        let mut l = LineEdit::new("a b c");
        l.left();
        l.delete_to_start();
        assert_eq!((l.text(), l.cursor()), ("c", 0));
        l.backspace();
        l.left();
        assert_eq!(l.text(), "c", "nothing before the cursor");
    }
}
