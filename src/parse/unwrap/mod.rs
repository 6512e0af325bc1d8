//! Containers a live blog arrives in, opened before anything is decoded: a gzip file
//! (`page.html.gz`, `blog.json.gz`, as crawlers' and scrapers' test sets keep pages) and a
//! browser's single-file save, MHTML (`.mhtml`/`.mht`). Both are told by their content (gzip's
//! magic bytes, MHTML's MIME headers), never by the name. What comes out is the bytes of the
//! page inside — any kind the front door reads, itself perhaps a container (`page.mhtml.gz`) —
//! and the address the container says the page was saved from. A container that cannot be
//! opened is a one-line reason; a container inside a container is opened twice at most.

mod gzip;
mod mhtml;

use crate::decode::InputError;

/// The bytes inside a container, and the address the page was saved from when it says so.
#[derive(Debug, Default)]
pub(crate) struct Unwrapped {
    pub bytes: Vec<u8>,
    pub address: Option<String>,
}

/// Opens the containers around `bytes`; bytes in none come back as they are.
pub(crate) fn unwrap(mut bytes: Vec<u8>) -> Result<Unwrapped, InputError> {
    let mut address = None;
    // Two levels: `page.mhtml.gz` is common; a gzip inside a gzip inside a gzip is not a save
    // anyone makes, and each level could multiply the size.
    for _ in 0..2 {
        if gzip::is_gzip(&bytes) {
            bytes = gzip::inflate(&bytes)?;
        } else if mhtml::is_mhtml(&bytes) {
            let page = mhtml::html_part(&bytes)?;
            bytes = page.bytes;
            address = address.or(page.address);
        } else {
            break;
        }
    }
    Ok(Unwrapped { bytes, address })
}

/// A container's one-line reason, shown after the file's name.
fn refuse(reason: String) -> InputError {
    InputError::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, reason))
}

#[cfg(test)]
mod tests;
