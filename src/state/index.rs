//! The search index of one story, kept small and built off the first screen's path. It holds
//! no folded copy of the text: per entry, a 192-byte signature of its folded text (which bytes
//! and byte pairs it holds) and its first `HEAD` folded bytes, side by side. A query
//! skips the entries whose signature cannot hold it, looks for it in the heads, and folds
//! (case and accents) the rest of an entry's text on the fly, into a scratch buffer, only when
//! the entry may still hold it — so answers are exactly "the folded entry contains the folded
//! query". A big story's index is built by a background thread started once the reader's
//! first screen is drawn (`Reader::start_indexes`); the first search waits for it only when
//! it is not done yet. Any other story's is built when it
//! is first searched: at once when small, else by slices along with that search (`slot.rs`).
//! The search itself goes by slices too (`search_job`), each entry through [`SearchIndex::test`].

use crate::model::{Entry, Story};
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

mod scan;
mod slot;

pub(in crate::state) use slot::Slot;

/// Folded bytes of an entry kept side by side: most matches are found there, in memory read
/// in order, before an entry's own text is touched.
const HEAD: usize = 128;

/// Stories with more text than this get their index from a background thread; smaller ones
/// build it on their first search (a page re-read every few seconds costs no index).
pub(super) const BACKGROUND_FROM: usize = 4 << 20;

/// The text searched in an entry: its tag, headline and body, as the reader shows them.
fn fields<'a>(text: &'a str, e: &'a Entry) -> impl Iterator<Item = &'a str> + 'a {
    let s = |span: crate::model::Span| &text[span.start as usize..span.end as usize];
    e.tag.map(s).into_iter().chain(e.headline.map(s)).chain(e.body.iter().map(move |b| s(*b)))
}

/// An entry's folded text into `out` (cleared first), fields separated by a line break so a
/// query (one line) cannot match across them.
pub(super) fn fold_entry(text: &str, e: &Entry, out: &mut Vec<u8>) {
    out.clear();
    for field in fields(text, e) {
        scan::fold_into(field, out);
        out.push(b'\n');
    }
}

/// Bytes present (256 bits, exact: words 0–3), pairs of letters, digits, spaces and
/// apostrophes present (1,024 bits, exact but for digits, which count as one: words 4–19),
/// and other byte pairs present (256 bits, hashed: words 20–23) in a text. A word typed in
/// the search is mostly pairs of letters: the exact bits rule out nearly every entry that
/// does not hold it. A bare array, not a struct, so that `vec![[0; _]; n]` asks the system
/// for zeroed pages: a page of the index costs memory only once the build reaches it, and a
/// `frame` that exits while the index is built does not hold the whole 11.5 MB of a
/// 60,000-entry story's signatures.
type Signature = [u64; 24];

const LETTERS: usize = 4 * 64;
const PAIRS: usize = 20 * 64;

/// A folded byte's place in the exact pair bits.
fn letter(b: u8) -> Option<usize> {
    match b {
        b'a'..=b'z' => Some(usize::from(b - b'a')),
        b' ' => Some(26),
        b'\'' => Some(27),
        b'0'..=b'9' => Some(28),
        b'-' => Some(29),
        b'.' => Some(30),
        b',' => Some(31),
        _ => None,
    }
}

fn signature_of(text: &[u8]) -> Signature {
    let mut sig = [0; 24];
    let mut set = |n: usize| sig[n >> 6] |= 1 << (n & 63);
    for &b in text {
        set(usize::from(b));
    }
    for pair in text.windows(2) {
        match (letter(pair[0]), letter(pair[1])) {
            (Some(x), Some(y)) => set(LETTERS + (x << 5 | y)),
            _ => set(PAIRS + pair_bit(pair[0], pair[1])),
        }
    }
    sig
}

/// Whether a text with signature `have` may hold a text with signature `want`.
fn may_hold(have: &Signature, want: &Signature) -> bool {
    have.iter().zip(want).all(|(h, w)| h & w == *w)
}

fn pair_bit(a: u8, b: u8) -> usize {
    ((u32::from(a) << 8 | u32::from(b)).wrapping_mul(0x9E37_79B1) >> 24) as usize
}

#[derive(Debug, Default, Clone)]
pub(super) struct SearchIndex {
    signatures: Vec<Signature>,
    /// Entry `i`'s first `HEAD` folded bytes are `heads[i * HEAD..]`, zero-padded.
    heads: Vec<u8>,
    /// The entry's folded text is longer than its head.
    long: Vec<bool>,
}

/// One entry's signature, head and length flag, from its folded text (left in `scratch`).
fn fill_one(
    (signature, head, long): (&mut Signature, &mut [u8], &mut bool),
    text: &str,
    e: &Entry,
    scratch: &mut Vec<u8>,
) {
    fold_entry(text, e, scratch);
    *signature = signature_of(scratch);
    let k = scratch.len().min(HEAD);
    head[..k].copy_from_slice(&scratch[..k]);
    *long = scratch.len() > HEAD;
}

/// One chunk of entries and the parts of the index they fill.
type Chunk<'i, 'e> = ((&'i mut [Signature], &'i mut [u8]), (&'i mut [bool], &'e [Entry]));

impl SearchIndex {
    /// Builds the index of `entries` (spans into `text`); `None` when `stop` is raised first.
    /// Chunks of entries fill their part of the final vectors in place: no second copy of the
    /// index exists at any time.
    fn build(text: &str, entries: &[Entry], stop: &AtomicBool) -> Option<SearchIndex> {
        const CHUNK: usize = 2048;
        let n = entries.len();
        let mut index = SearchIndex { signatures: vec![[0; 24]; n], heads: vec![0; n * HEAD], long: vec![false; n] };
        let fill = |((signatures, heads), (long, part)): Chunk<'_, '_>| {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            let mut scratch = Vec::new();
            for (i, e) in part.iter().enumerate() {
                fill_one(
                    (&mut signatures[i], &mut heads[i * HEAD..(i + 1) * HEAD], &mut long[i]),
                    text,
                    e,
                    &mut scratch,
                );
            }
        };
        let (signatures, heads, long) = (&mut index.signatures, &mut index.heads, &mut index.long);
        // Rayon's workers spin a while after each job: only worth it for a big story.
        if text.len() > BACKGROUND_FROM {
            signatures
                .par_chunks_mut(CHUNK)
                .zip(heads.par_chunks_mut(CHUNK * HEAD))
                .zip(long.par_chunks_mut(CHUNK).zip(entries.par_chunks(CHUNK)))
                .for_each(fill);
        } else {
            signatures
                .chunks_mut(CHUNK)
                .zip(heads.chunks_mut(CHUNK * HEAD))
                .zip(long.chunks_mut(CHUNK).zip(entries.chunks(CHUNK)))
                .for_each(fill);
        }
        (!stop.load(Ordering::Relaxed)).then_some(index)
    }

    /// An index of `n` entries, none filled yet.
    fn empty(n: usize) -> SearchIndex {
        SearchIndex { signatures: vec![[0; 24]; n], heads: vec![0; n * HEAD], long: vec![false; n] }
    }

    fn len(&self) -> usize {
        self.signatures.len()
    }

    /// Room for `n` entries: those past the old count are not filled yet.
    fn resize(&mut self, n: usize) {
        self.signatures.resize(n, [0; 24]);
        self.heads.resize(n * HEAD, 0);
        self.long.resize(n, false);
    }

    /// Fills entries from `from` on (one at least) until `budget` bytes of their folded text
    /// are read; returns the next entry to fill.
    fn fill_from(&mut self, text: &str, entries: &[Entry], from: usize, budget: usize) -> usize {
        let (mut scratch, mut read, mut i) = (Vec::new(), 0, from);
        while i < entries.len() && (i == from || read < budget) {
            let slot = (&mut self.signatures[i], &mut self.heads[i * HEAD..(i + 1) * HEAD], &mut self.long[i]);
            fill_one(slot, text, &entries[i], &mut scratch);
            read += scratch.len() + TEST_COST;
            i += 1;
        }
        i
    }

    /// What testing entries for `query` (folded) needs, worked out once per query.
    pub(super) fn probe<'q>(&self, query: &'q str) -> Probe<'q> {
        // A one-byte query is answered by the signatures alone: their byte sets are exact.
        // So is a two-byte query of letters (or space, apostrophe, dash, dot, comma): their
        // bits for such pairs are exact, and a query holds no line break, so a pair never
        // spans two fields.
        let exact = |b: &u8| letter(*b).is_some() && !b.is_ascii_digit();
        let signatures_only = query.len() == 1 || (query.len() == 2 && query.as_bytes().iter().all(exact));
        Probe {
            needle: signature_of(query.as_bytes()),
            finder: memchr::memmem::Finder::new(query.as_bytes()),
            signatures_only,
        }
    }

    /// Whether entry `i` holds the probe's query, looking from field `from` on (a lower bound
    /// the caller knows: the first field that held a query this one contains): the first
    /// field that may hold it, when it does. `cost` grows by the bytes read for it.
    pub(super) fn test(
        &self,
        story: &Story,
        probe: &Probe<'_>,
        (i, from): (u32, u16),
        scratch: &mut Vec<u8>,
        cost: &mut usize,
    ) -> Option<u16> {
        let i_ = i as usize;
        *cost += TEST_COST;
        if !may_hold(&self.signatures[i_], &probe.needle) {
            return None;
        }
        if probe.signatures_only {
            return Some(from);
        }
        // A hit in the head is a match, but where it lies among the fields is not known (a
        // field may hold a line break): the lower bound stays.
        if probe.finder.find(&self.heads[i_ * HEAD..(i_ + 1) * HEAD]).is_some() {
            return Some(from);
        }
        if !self.long[i_] {
            return None;
        }
        scan::first_field(&story.text, &story.entries[i_], from, &probe.finder, scratch, cost)
    }

    /// The entries whose folded text holds `query` (folded), among `previous`'s matches when
    /// it is given (the caller's query then contains its query), else among all; at once,
    /// in parallel on a big story. The search of the reader goes by slices instead
    /// (`search_job`); this is its definition in one call.
    #[cfg(test)]
    pub(super) fn matching(&self, story: &Story, query: &str, previous: Option<&Found>) -> Found {
        let candidates: Vec<(u32, u16)> = match previous {
            Some(found) => found.pairs().collect(),
            None => (0..self.signatures.len() as u32).map(|i| (i, 0)).collect(),
        };
        let probe = self.probe(query);
        let found: Vec<(u32, u16)> = candidates
            .par_iter()
            .with_min_len(2048)
            .map_init(Vec::new, |scratch, &c| self.test(story, &probe, c, scratch, &mut 0).map(|f| (c.0, f)))
            .flatten_iter()
            .collect();
        Found::from_pairs(&found)
    }
}

/// What a search tests an entry with: the query's signature and a finder for its bytes.
pub(super) struct Probe<'q> {
    needle: Signature,
    finder: memchr::memmem::Finder<'q>,
    /// The signatures answer this query exactly: no text is read.
    signatures_only: bool,
}

impl Probe<'_> {
    /// The signatures answer this query exactly: testing every entry costs little.
    pub(super) fn signatures_only(&self) -> bool {
        self.signatures_only
    }
}

/// What ruling an entry in or out by its signature and head costs, in bytes of text read: a
/// cache miss or two.
const TEST_COST: usize = 64;

/// The entries whose folded text holds a query (in no set order), and for each the first
/// field (tag, headline, body paragraphs, counted from 0) that may hold it: a longer query
/// containing this one looks from there on.
#[derive(Debug, Default, Clone)]
pub(super) struct Found {
    pub(super) entries: Vec<u32>,
    fields: Vec<u16>,
}

impl Found {
    pub(super) fn from_pairs(pairs: &[(u32, u16)]) -> Found {
        Found { entries: pairs.iter().map(|p| p.0).collect(), fields: pairs.iter().map(|p| p.1).collect() }
    }

    /// (entry, first field that may hold the query).
    pub(super) fn pairs(&self) -> impl Iterator<Item = (u32, u16)> + '_ {
        self.entries.iter().copied().zip(self.fields.iter().copied())
    }
}

#[cfg(test)]
pub(crate) mod tests;
