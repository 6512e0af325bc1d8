//! Tokenizing a big page on two threads. html5ever's tokenizer is the largest single cost of
//! reading a page and it cannot be parallelised from outside, except by cutting the input: a
//! second thread tokenizes the page's tail from a cut between two tags while the main thread
//! tokenizes the head and builds the tree; the tail's tokens are then fed to the same tree
//! builder, in order, as if one tokenizer had read the whole page. The result is the serial
//! parse's tree or nothing: the cut is kept only if the head's tokenizer, reaching it, stands
//! where the tail's started (between tags, in the data state), and the tail's tokenizer, which
//! has no tree builder to tell it when a `<script>` or `<title>` makes it read raw text, guesses
//! from the tag names; every guess is checked against the tree builder's own answer as the
//! tokens are replayed, and the first wrong one makes the caller parse the page again serially.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use html5ever::{TokenizerResult, local_name};
use std::cell::{Cell, RefCell};

/// Pages shorter than this are read on one thread: a thread costs tens of microseconds, a
/// 64 kB page about 2 ms to tokenize.
pub(super) const SPLIT_MIN: usize = 64 * 1024;

/// Pages longer than this are read on one thread too: the tail's tokens wait, all of them, for
/// the head's tree, and on a 50 MB page they would weigh hundreds of megabytes.
pub(super) const SPLIT_MAX: usize = 4 << 20;

/// The part of the page, in percent, the main thread tokenizes itself. Its tree is built while
/// the tail is tokenized; the tail's, from the recorded tokens, only once the tail's thread is
/// done: on the 1 MB bench page a cut at 45 % has both threads finish their first part
/// together (cuts at 30 % and 55 % measured slower).
pub(super) const HEAD_SHARE: usize = 45;

/// Where to cut `text` at or after `from` percent of it: the `<` of a tag right after the `>`
/// of another (`</p><p>`), so that the head ends on a tag's close whenever it is markup at all.
/// Whether it is (and not a comment's or an attribute's text) is checked when the head's
/// tokenizer reaches it.
pub(super) fn cut(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let start = text.len() * from / 100;
    memchr::memmem::find_iter(&bytes[start..], b"><")
        .map(|i| start + i + 1)
        .find(|&at| bytes.get(at + 1).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/'))
}

/// What the tail's tokenizer did after a token: what the tree builder's answer must be.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Next {
    Data,
    Raw(RawKind),
    Plaintext,
}

impl Next {
    /// The state the tokenizer is left in by a sink's answer: a script's end and an encoding
    /// hint pause it, in the data state.
    pub(super) fn of<H>(result: &TokenSinkResult<H>) -> Next {
        match result {
            TokenSinkResult::Continue | TokenSinkResult::Script(_) | TokenSinkResult::EncodingIndicator(_) => {
                Next::Data
            }
            TokenSinkResult::RawData(kind) => Next::Raw(*kind),
            TokenSinkResult::Plaintext => Next::Plaintext,
        }
    }
}

/// The tail's tokens, each with its line and the state the tokenizer went on in; `guessed_cdata`
/// when the tokenizer had to ask whether `<![CDATA[` opens a section, which only the tree
/// builder knows and the replay cannot check.
#[derive(Default)]
pub(super) struct Recorded {
    pub(super) tokens: Vec<(Token, u64, Next)>,
    pub(super) guessed_cdata: bool,
}

// SAFETY: a token's tendrils count their owners without atomics, so they may not be shared
// between threads. Those of a `Recorded` are made by [`record`] on the tail's thread, from its
// own copy of the tail, and everything else that shares their buffers (the tokenizer and its
// input) is dropped there, before the thread ends: the tokens move to the thread that joins it
// with no other owner left behind, and the join orders every count the tail's thread wrote
// before any the joining thread writes. Copying each text into a sendable tendril instead cost
// a tenth of the tail's tokenizing.
unsafe impl Send for Recorded {}

/// The tail's token sink: keeps every token and guesses the tree builder's answer to each tag.
#[derive(Default)]
pub(super) struct Recorder {
    pub(super) out: RefCell<Recorded>,
    /// How many `svg` and `math` elements are open: their `title`, `style` and `script` are
    /// foreign elements, read as markup.
    foreign: Cell<u32>,
}

impl Recorder {
    fn guess(&self, tag: &Tag) -> Next {
        let foreign = self.foreign.get();
        let outer = matches!(tag.name, local_name!("svg") | local_name!("math"));
        match tag.kind {
            TagKind::EndTag => {
                if outer && foreign > 0 {
                    self.foreign.set(foreign - 1);
                }
                Next::Data
            }
            TagKind::StartTag if outer => {
                if !tag.self_closing {
                    self.foreign.set(foreign + 1);
                }
                Next::Data
            }
            TagKind::StartTag if foreign > 0 => Next::Data,
            TagKind::StartTag => match tag.name {
                local_name!("script") => Next::Raw(RawKind::ScriptData),
                local_name!("style")
                | local_name!("xmp")
                | local_name!("iframe")
                | local_name!("noembed")
                | local_name!("noframes")
                | local_name!("noscript") => Next::Raw(RawKind::Rawtext),
                local_name!("textarea") | local_name!("title") => Next::Raw(RawKind::Rcdata),
                local_name!("plaintext") => Next::Plaintext,
                _ => Next::Data,
            },
        }
    }
}

impl TokenSink for Recorder {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let next = match &token {
            Token::TagToken(tag) => self.guess(tag),
            _ => Next::Data,
        };
        self.out.borrow_mut().tokens.push((token, line, next));
        match next {
            Next::Data => TokenSinkResult::Continue,
            Next::Raw(kind) => TokenSinkResult::RawData(kind),
            Next::Plaintext => TokenSinkResult::Plaintext,
        }
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.out.borrow_mut().guessed_cdata = true;
        self.foreign.get() > 0
    }
}

/// Tokenizes the page's tail, from a cut, as if after a tag's close in the data state.
pub(super) fn record(tail: &str) -> Recorded {
    let tokenizer = Tokenizer::new(Recorder::default(), Default::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(tail));
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    // The tokenizer and its input are dropped here, on this thread (see `Recorded`).
    tokenizer.sink.out.into_inner()
}

#[cfg(test)]
#[path = "split_tests.rs"]
pub(super) mod tests;
