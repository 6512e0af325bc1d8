//! Parsing speed: a generated 100 MB live blog (RFI layout, ~45,000 entries), parsed on one
//! core; and a generated 1 MB saved HTML page (navigation, JSON-LD, ~600 posts with `<time>`,
//! headings, figures, share bars), the HTML reader included. Run with
//! `cargo bench --bench parse`; throughput is reported in MB/s.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
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

fn parse_html(c: &mut Criterion) {
    let page = html_page(1000 * 1000);
    let rules = Rules::embedded();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(page.len() as u64));
    // Bytes as saved: decoding, html5ever, rendering, metadata, JSON-LD and the line pipeline.
    group.bench_function("1MB html", |b| {
        b.iter_batched(
            || page.clone(),
            |bytes| black_box(parse_bytes(PathBuf::from("page.html"), bytes, rules).unwrap()),
            criterion::BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, parse, parse_html);
criterion_main!(benches);
