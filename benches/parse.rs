//! Parsing speed: a generated 100 MB live blog (RFI layout, ~45,000 entries), parsed on one
//! core; and generated 1 MB saved HTML pages, the HTML reader included: one dense with markup
//! (navigation, JSON-LD, ~1,500 posts with `<time>`, headings, figures, share bars), one shaped
//! like a real outlet's save (half its bytes inline scripts, styles, SVG icons and `data-`
//! attributes). html5ever's tokenizer alone over the dense page is measured in the same run as
//! the floor a one-thread HTML reader cannot go under (the reader tokenizes a big page on two
//! threads where a second core is free). Run with `cargo bench --bench parse`
//! (`-- html` for the pages only); throughput is reported in MB/s.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Token, TokenSink, TokenSinkResult, Tokenizer};
use liveblog::corpus;
use liveblog::parse::{Rules, parse_bytes, parse_text};
use std::hint::black_box;
use std::path::PathBuf;

fn parse(c: &mut Criterion) {
    let blog = corpus::generate_bytes(100 * 1000 * 1000, 7).text;
    let rules = Rules::embedded();
    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(blog.len() as u64));
    // Text already in memory: the parser alone.
    group.bench_function("100MB text", |b| {
        b.iter_batched(
            || blog.clone(),
            |text| black_box(parse_text(PathBuf::from("gen.txt"), text, rules)),
            criterion::BatchSize::PerIteration,
        )
    });
    // Bytes as read from a file: UTF-8 check and control-character scan included.
    group.bench_function("100MB bytes", |b| {
        b.iter_batched(
            || blog.clone().into_bytes(),
            |bytes| black_box(parse_bytes(PathBuf::from("gen.txt"), bytes, rules).unwrap()),
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// A saved live-blog page of about `size` bytes, in the markup outlets use.
fn html_page(size: usize) -> Vec<u8> {
    let mut page = String::from(
        r#"<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Live: a long day | The Bench</title>
<meta property="og:title" content="Live: a long day"><meta property="og:site_name" content="The Bench">
<script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"Live: a long day","liveBlogUpdate":[]}</script>
<style>body{font:1em serif}</style></head><body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<main><h1>Live: a long day</h1><div id="liveblog-body">"#,
    );
    let mut n = 0u32;
    while page.len() < size {
        let (h, m) = (23 - (n / 60) % 24, 59 - n % 60);
        page.push_str(&format!(
            r##"<article id="block-{n}" class="block"><header><a href="#block-{n}"><time datetime="2024-10-21T{h:02}:{m:02}:00Z">{h:02}.{m:02} BST</time></a></header>
<h2>Update number {n} on the day</h2><p>Officials said on <strong>Monday</strong> that the <a href="/x">talks</a> would go on, and that more news was expected later in the evening.</p>
<figure><img src="a.jpg" alt="A photo"><figcaption>A caption for the photo. Photograph: Agency</figcaption></figure>
<p>A second paragraph with <em>emphasis</em>, a <span class="x">span</span> and a list:</p><ul><li>one</li><li>two</li></ul>
<footer><button>Share</button><a href="/share">Facebook</a><a href="/share">Twitter</a></footer></article>
"##
        ));
        n += 1;
    }
    page.push_str("</div></main><footer><p>© The Bench</p></footer></body></html>");
    page.into_bytes()
}

/// A saved page as outlets ship it: the same posts, between framework scripts, a style sheet,
/// JSON state blobs and SVG icons, with `data-` attributes on most elements.
fn heavy_page(size: usize) -> Vec<u8> {
    let mut page = String::from(
        r#"<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Live: a long day | The Bench</title>
<meta property="og:title" content="Live: a long day"><link rel="preload" href="/a.js" as="script">
<script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"Live: a long day","liveBlogUpdate":[]}</script>
<style>"#,
    );
    for i in 0..400 {
        page.push_str(&format!(".c{i}{{margin:0 {i}px;color:#{i:03x};font:1em/1.4 serif}}@media(min-width:{i}px){{.c{i}{{display:block}}}}\n"));
    }
    page.push_str("</style></head><body><main><h1>Live: a long day</h1><div id=\"liveblog-body\">");
    let mut n = 0u32;
    while page.len() < size {
        let (h, m) = (23 - (n / 60) % 24, 59 - n % 60);
        page.push_str(&format!(
            r##"<article id="block-{n}" class="block c{n}" data-block-id="{n}" data-component="liveblog-post" data-link-name="block | {n}"><header><a href="#block-{n}" data-ignore="global-link-styling"><time datetime="2024-10-21T{h:02}:{m:02}:00Z">{h:02}.{m:02} BST</time></a></header>
<h2 data-gu-name="headline">Update number {n} on the day</h2><p>Officials said on <strong>Monday</strong> that the <a href="/x" data-link-name="in body link">talks</a> would go on.</p>
<svg width="30" height="30" viewBox="0 0 30 30"><path d="M20 10.5c0 3.7-3 5.7-5 8.2-2-2.5-5-4.5-5-8.2 0-2.9 2.1-5 5-5s5 2.1 5 5z"></path></svg>
<script>window.__posts=window.__posts||[];window.__posts.push({{"id":{n},"url":"/live/{n}","tags":["a","b","c"],"html":"\u003cp\u003eOfficials said on Monday\u003c/p\u003e","meta":{{"shares":{n},"comments":[],"ab":{{"test":"x","bucket":{n}}}}}}});</script>
<footer><button data-share="fb">Share</button></footer></article>
"##
        ));
        n += 1;
    }
    page.push_str("</div></main><script>(function(){var a=1;for(var i=0;i<10;i++){a+=i}})();</script></body></html>");
    page.into_bytes()
}

/// Counts tokens, nothing more: html5ever's tokenizer with a sink that keeps nothing.
struct Tokens(std::cell::Cell<usize>);

impl TokenSink for Tokens {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        black_box(&token);
        self.0.set(self.0.get() + 1);
        TokenSinkResult::Continue
    }
}

fn parse_html(c: &mut Criterion) {
    let rules = Rules::embedded();
    let mut group = c.benchmark_group("parse");
    for (name, page) in [("1MB html", html_page(1000 * 1000)), ("1MB html, script-heavy", heavy_page(1000 * 1000))] {
        group.throughput(Throughput::Bytes(page.len() as u64));
        // Bytes as saved: decoding, html5ever, rendering, metadata, JSON-LD and the line pipeline.
        group.bench_function(name, |b| {
            b.iter_batched(
                || page.clone(),
                |bytes| black_box(parse_bytes(PathBuf::from("page.html"), bytes, rules).unwrap()),
                criterion::BatchSize::SmallInput,
            )
        });
    }
    // The one-thread floor, measured in the same run: html5ever's tokenizer alone over the dense page.
    let page = String::from_utf8(html_page(1000 * 1000)).unwrap();
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("1MB html, tokenizer alone", |b| {
        b.iter(|| {
            let tokenizer = Tokenizer::new(Tokens(std::cell::Cell::new(0)), Default::default());
            let input = BufferQueue::default();
            input.push_back(StrTendril::from_slice(&page));
            let _ = tokenizer.feed(&input);
            tokenizer.end();
            black_box(tokenizer.sink.0.get())
        })
    });
    group.finish();
}

criterion_group!(benches, parse, parse_html);
criterion_main!(benches);
