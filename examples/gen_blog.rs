//! Writes a generated live blog (`liveblog::corpus`) to a file, for the speed scripts in
//! `benches/`: `cargo run --release --example gen_blog -- ENTRIES OUT [SEED]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let entries: usize = args.next().and_then(|n| n.parse().ok()).expect("usage: gen_blog ENTRIES OUT [SEED]");
    let out = args.next().expect("usage: gen_blog ENTRIES OUT [SEED]");
    let seed: u64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(7);
    let blog = liveblog::corpus::generate(entries, seed);
    std::fs::write(&out, blog.text).expect("write the blog");
}
