//! Looking for a folded query in an entry's own text, folding it on the fly: the search's
//! slow path, taken for the entries the signatures and heads cannot answer. Its fold gives
//! byte for byte what `model::fold_bytes_into` gives (a test compares them on every
//! character), several times faster on accented text: eight ASCII bytes are lower-cased at
//! once, and a two-byte character (Latin accents, Greek, Cyrillic…) is folded by a table
//! built once from `push_folded`, instead of through `deunicode` each time.

use crate::model::{Entry, push_folded};
use memchr::memmem::Finder;
use std::sync::OnceLock;

/// The folded bytes of one character, at most `len` of `bytes`.
#[derive(Clone, Copy, Default)]
struct Folded {
    len: u8,
    bytes: [u8; 7],
}

/// Folded forms of U+0080..U+07FF (every character UTF-8 writes in two bytes), by code point.
fn two_byte_table() -> &'static [Folded] {
    static TABLE: OnceLock<Vec<Folded>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut s = String::new();
        (0x80..0x800u32)
            .map(|cp| {
                s.clear();
                // Every code point of the range is a char (surrogates start at U+D800).
                push_folded(char::from_u32(cp).expect("below the surrogates"), &mut s);
                let mut f = Folded { len: s.len() as u8, ..Folded::default() };
                assert!(s.len() <= f.bytes.len(), "U+{cp:04X} folds to {s:?}");
                f.bytes[..s.len()].copy_from_slice(s.as_bytes());
                f
            })
            .collect()
    })
}

const HIGH: u64 = 0x8080_8080_8080_8080;

/// Eight bytes (little-endian) lower-cased at once: a byte from `A` to `Z` gains 0x20. Below
/// the first byte above 0x7F, adding 0x3F or 0x25 to each carries nothing into the next: the
/// bytes there come out right.
fn lower8(w: u64) -> u64 {
    let from_a = w.wrapping_add(0x3F3F_3F3F_3F3F_3F3F); // high bit set from 0x41 ('A') on
    let past_z = w.wrapping_add(0x2525_2525_2525_2525); // high bit set from 0x5B (past 'Z') on
    w | ((from_a & !past_z & HIGH) >> 2)
}

/// Appends the folded form of `text` to `out`: the same bytes as `model::fold_bytes_into`.
pub(super) fn fold_into(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    let table = two_byte_table();
    out.reserve(bytes.len());
    let mut slow = String::new();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            // The bytes before the first non-ASCII one: a carry out of that byte only
            // reaches the bytes after it.
            let ascii = (w & HIGH).trailing_zeros() as usize / 8;
            out.extend_from_slice(&lower8(w).to_le_bytes()[..ascii]);
            i += ascii;
            if ascii == 8 {
                continue;
            }
        }
        let b = bytes[i];
        if b < 0x80 {
            out.push(b.to_ascii_lowercase());
            i += 1;
        } else if (0xC2..=0xDF).contains(&b) {
            // A lead byte of a two-byte character: `text` is UTF-8, its continuation follows.
            let cp = usize::from(b & 0x1F) << 6 | usize::from(bytes[i + 1] & 0x3F);
            let f = &table[cp - 0x80];
            out.extend_from_slice(&f.bytes[..usize::from(f.len)]);
            i += 2;
        } else {
            let c = text[i..].chars().next().expect("a char starts here");
            slow.clear();
            push_folded(c, &mut slow);
            out.extend_from_slice(slow.as_bytes());
            i += c.len_utf8();
        }
    }
}

/// The first of an entry's searched fields (tag, headline, body), from field `from` on, whose
/// folded text holds the needle. A query is one line: it never spans two fields. `cost`
/// grows by the bytes of the fields read.
pub(super) fn first_field(
    text: &str,
    e: &Entry,
    from: u16,
    finder: &Finder<'_>,
    scratch: &mut Vec<u8>,
    cost: &mut usize,
) -> Option<u16> {
    let from = usize::from(from);
    // An ASCII needle (folded, so lower case) found in a field as written is found in its
    // folded text (folding leaves lower-case ASCII alone and makes no other character into
    // one of its bytes), at memory speed: the commonest way a word is found.
    let ascii = finder.needle().is_ascii();
    super::fields(text, e).enumerate().skip(from).find_map(|(k, field)| {
        *cost += field.len();
        let found = (ascii && finder.find(field.as_bytes()).is_some()) || {
            scratch.clear();
            fold_into(field, scratch);
            finder.find(scratch).is_some()
        };
        found.then(|| k.min(usize::from(u16::MAX)) as u16)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fold_bytes_into;
    use proptest::prelude::*;

    fn both(s: &str) -> (Vec<u8>, Vec<u8>) {
        let (mut fast, mut reference) = (Vec::new(), Vec::new());
        fold_into(s, &mut fast);
        fold_bytes_into(s, &mut reference);
        (fast, reference)
    }

    #[test]
    fn folds_every_character_as_the_model_does() {
        let mut mismatches = Vec::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            // Alone, and amid ASCII so that the eight-byte path runs up to and past it.
            for s in [c.to_string(), format!("ABCDEFGH{c}IJKLMNOPqrstuvwx{c}Z")] {
                let (fast, reference) = both(&s);
                if fast != reference {
                    mismatches.push(s);
                }
            }
        }
        assert!(mismatches.is_empty(), "{} differ, first {:?}", mismatches.len(), &mismatches[..1]);
    }

    #[test]
    fn lowers_eight_ascii_bytes_at_once() {
        for b in 0..0x80u8 {
            let w = u64::from_le_bytes([b, b'A', b'z', b'@', b'[', b'`', b'{', b'Z']);
            let want = u64::from_le_bytes([b.to_ascii_lowercase(), b'a', b'z', b'@', b'[', b'`', b'{', b'z']);
            assert_eq!(lower8(w), want, "{b:#x}");
        }
    }

    proptest! {
        #[test]
        fn folds_text_as_the_model_does(s in "\\PC{0,80}", t in "[a-zA-ZéÉèœŒßÆ’ \u{301}Кк]{0,80}") {
            let (fast, reference) = both(&s);
            prop_assert_eq!(fast, reference);
            let (fast, reference) = both(&t);
            prop_assert_eq!(fast, reference);
        }
    }
}
