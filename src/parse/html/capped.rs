//! A cap on how deep a page's elements nest, set between html5ever's tokenizer and its tree
//! builder. The tree builder scans its stack of open elements at most tags (is a `p` in
//! button scope? an `a` among the formatting elements?), so 100,000 nested `<div>` cost
//! 100,000² steps: minutes for a 600 kB file. Browsers cap the depth (Blink at 512); so does
//! this: a start tag that would open an element deeper than [`MAX_OPEN`] is dropped, with the
//! end tag that matches it, and its text lands in the deepest element kept. The whole parse is
//! driven from here, on one thread or, for a big page, two ([`super::split`]).

use super::crowded::{MAX_ATTRS, thin};
use super::split;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use html5ever::tree_builder::{Tracer, TreeBuilder, TreeSink};
use html5ever::{LocalName, TokenizerResult, local_name};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// How many elements may be open (with the formatting elements the builder remembers) at once.
pub(super) const MAX_OPEN: usize = 512;

/// Parses a whole document through the capped tree builder into the output of a sink from
/// `make`, its tags crowded with attributes thinned first ([`crowded`]). A big page is
/// tokenized on two threads ([`split`]); should that fail, it is parsed again serially with a
/// new sink.
pub(super) fn parse<S: TreeSink>(make: impl Fn() -> S, text: &str) -> S::Output
where
    S::Handle: Clone,
{
    if (split::SPLIT_MIN..=split::SPLIT_MAX).contains(&text.len())
        && let Some(at) = split::cut(text, split::HEAD_SHARE)
        && let Some(out) = parse_cut(make(), text, at)
    {
        return out;
    }
    parse_serial(make(), &thin(text, MAX_ATTRS))
}

fn tokenizer<S: TreeSink>(sink: S) -> Tokenizer<Capped<S>>
where
    S::Handle: Clone,
{
    let builder = TreeBuilder::new(sink, Default::default());
    let capped = Capped {
        builder,
        opened_since: Cell::new(0),
        last_count: Cell::new(0),
        dropped: RefCell::default(),
        tokens: Cell::new(0),
        after_tag: Cell::new(false),
    };
    Tokenizer::new(capped, Default::default())
}

fn feed<S: TreeSink>(tokenizer: &Tokenizer<Capped<S>>, text: &str)
where
    S::Handle: Clone,
{
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
}

pub(super) fn parse_serial<S: TreeSink>(sink: S, text: &str) -> S::Output
where
    S::Handle: Clone,
{
    let tokenizer = tokenizer(sink);
    feed(&tokenizer, text);
    tokenizer.end();
    tokenizer.sink.builder.sink.finish()
}

/// Parses `text` with its tail, from the `<` at `at` (right after a `>`), tokenized on a thread
/// of its own; `None` when a guess the tail's tokenizer made proves wrong, or when a part holds
/// a tag crowded with attributes.
pub(super) fn parse_cut<S: TreeSink>(sink: S, text: &str, at: usize) -> Option<S::Output>
where
    S::Handle: Clone,
{
    std::thread::scope(|scope| {
        // Each thread looks for crowded tags ([`crowded`]) in its own part: should either find
        // one, one may straddle the cut, and the whole page is thinned and parsed serially.
        let tail = scope.spawn(|| match thin(&text[at..], MAX_ATTRS) {
            Cow::Borrowed(tail) => Some(split::record(tail)),
            Cow::Owned(_) => None,
        });
        let tokenizer = tokenizer(sink);
        let Cow::Borrowed(head) = thin(&text[..at], MAX_ATTRS) else { return None };
        // The `>` before the cut is fed alone: if it closes a tag that leaves the tokenizer in
        // the data state, the head's tokenizer stands exactly where the tail's started.
        feed(&tokenizer, &head[..at - 1]);
        let before = tokenizer.sink.tokens.get();
        feed(&tokenizer, ">");
        let at_cut = tokenizer.sink.tokens.get() > before && tokenizer.sink.after_tag.get();
        let Ok(Some(tail)) = tail.join() else { return None };
        if at_cut && !tail.guessed_cdata {
            for (token, line, next) in tail.tokens {
                if split::Next::of(&tokenizer.sink.process_token(token, line)) != next {
                    return None;
                }
            }
            // What the tokenizer's own end does once its input is read.
            tokenizer.sink.end();
        } else {
            feed(&tokenizer, &text[at..]);
            tokenizer.end();
        }
        Some(tokenizer.sink.builder.sink.finish())
    })
}

struct Capped<S: TreeSink> {
    builder: TreeBuilder<S::Handle, S>,
    /// Start tags passed since the builder's handles were last counted: the count can have
    /// grown by about that much, so it is counted again only when it could have reached the cap.
    opened_since: Cell<usize>,
    last_count: Cell<usize>,
    /// How many start tags of each name were dropped and not yet closed.
    dropped: RefCell<HashMap<LocalName, usize>>,
    /// How many tokens came, and whether the last was a tag that left the tokenizer in the
    /// data state: what [`parse_cut`] checks at the cut.
    tokens: Cell<usize>,
    after_tag: Cell<bool>,
}

struct Count<H>(Cell<usize>, std::marker::PhantomData<H>);

impl<H> Tracer for Count<H> {
    type Handle = H;
    fn trace_handle(&self, _node: &H) {
        self.0.set(self.0.get() + 1);
    }
}

impl<S: TreeSink> Capped<S>
where
    S::Handle: Clone,
{
    fn full(&self) -> bool {
        // Reconstructing formatting elements may open a few at once: a margin covers them.
        if self.last_count.get() + 2 * self.opened_since.get() < MAX_OPEN {
            return false;
        }
        let count = Count(Cell::new(0), std::marker::PhantomData);
        self.builder.trace_handles(&count);
        self.last_count.set(count.0.get());
        self.opened_since.set(0);
        count.0.get() >= MAX_OPEN
    }
}

/// Elements that never stay open, and those whose content the tokenizer reads as raw text
/// (dropping those would read a script as markup).
fn never_dropped(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("script")
            | local_name!("style")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("plaintext")
            | local_name!("html")
            | local_name!("head")
            | local_name!("body")
    )
}

impl<S: TreeSink> TokenSink for Capped<S>
where
    S::Handle: Clone,
{
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        let tag = matches!(token, Token::TagToken(_));
        let result = self.capped(token, line_number);
        self.tokens.set(self.tokens.get() + 1);
        self.after_tag.set(tag && split::Next::of(&result) == split::Next::Data);
        result
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

impl<S: TreeSink> Capped<S>
where
    S::Handle: Clone,
{
    /// The builder's answer to a token, or the tokenizer's "go on" for a start tag dropped
    /// beyond the cap and its end tag.
    fn capped(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token {
            match tag.kind {
                TagKind::StartTag if !tag.self_closing && !never_dropped(&tag.name) => {
                    if self.full() {
                        *self.dropped.borrow_mut().entry(tag.name.clone()).or_default() += 1;
                        return TokenSinkResult::Continue;
                    }
                    self.opened_since.set(self.opened_since.get() + 1);
                }
                // Most pages never reach the cap: no end tag is looked up in the empty map.
                TagKind::EndTag if self.dropped.borrow().is_empty() => {}
                TagKind::EndTag => {
                    if let Some(open) = self.dropped.borrow_mut().get_mut(&tag.name).filter(|n| **n > 0) {
                        *open -= 1;
                        return TokenSinkResult::Continue;
                    }
                }
                TagKind::StartTag => {}
            }
        }
        self.builder.process_token(token, line_number)
    }
}
