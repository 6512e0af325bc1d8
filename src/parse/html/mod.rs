//! HTML pages → a [`Page`]: recognised by their content, not their name. Not yet written: no
//! byte string is taken for HTML, so every file goes through the text reader.

use super::page::Page;
use crate::decode::InputError;

/// Whether these bytes are an HTML document rather than text.
pub(crate) fn looks_like_html(_bytes: &[u8]) -> bool {
    false
}

/// Renders an HTML document to lines with hints, metadata and structured data.
pub(crate) fn read(bytes: Vec<u8>) -> Result<Page, InputError> {
    Ok(Page::text(crate::decode::decode(bytes)?))
}
