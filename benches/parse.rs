//! Parsing speed: a generated 100 MB live blog (RFI layout, ~45,000 entries), parsed on one
//! core. Run with `cargo bench --bench parse`; throughput is reported in MB/s.

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

criterion_group!(benches, parse);
criterion_main!(benches);
