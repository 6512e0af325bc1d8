//! gzip (RFC 1952), through flate2: members one after another are one file, as `gzip -d`
//! reads them. The inflated size is capped, so a small file that inflates to gigabytes (a
//! gzip bomb) is refused in one line instead of filling memory.

use super::refuse;
use crate::decode::InputError;
use std::io::Read;

/// What a gzip file may inflate to: the limit of a stream read from a pipe (a saved page is far
/// smaller; the parser itself holds 4 GiB, which a 4 MB bomb reaches).
pub(super) const INFLATED_LIMIT: usize = 256 << 20;

pub(super) fn is_gzip(bytes: &[u8]) -> bool {
    // The magic bytes and the only compression method gzip defines (deflate).
    bytes.starts_with(&[0x1f, 0x8b, 0x08])
}

/// The inflated bytes. A file cut short or corrupt keeps what inflated before the fault when
/// that is anything (*decision*: a crawler's download cut mid-way is a page cut mid-way, which
/// the readers read up to where it stops, as they read a cut HTML or JSON file); a file that
/// gives nothing is refused, naming the fault.
pub(super) fn inflate(bytes: &[u8]) -> Result<Vec<u8>, InputError> {
    inflate_capped(bytes, INFLATED_LIMIT)
}

pub(super) fn inflate_capped(bytes: &[u8], limit: usize) -> Result<Vec<u8>, InputError> {
    let mut decoder = flate2::read::MultiGzDecoder::new(bytes);
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(limit));
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match decoder.read(&mut buf) {
            Ok(0) => return Ok(out),
            Ok(n) if out.len() + n > limit => {
                return Err(refuse(format!("gzip that inflates to more than {} MiB", limit >> 20)));
            }
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) if !out.is_empty() => return Ok(out),
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                return Err(refuse("gzip cut short before any of it inflated".into()));
            }
            Err(e) => return Err(refuse(format!("corrupt gzip ({})", first_line(&e.to_string())))),
        }
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}
