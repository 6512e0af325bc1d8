//! Peak memory of parsing a generated 100 MB live blog from a file, as a multiple of the file
//! size. The bench re-runs itself in a child process that only parses, so that generating the
//! blog does not count. Run with `cargo bench --bench memory` (Linux: reads VmHWM).

use liveblog::parse::{Rules, parse_file};
use std::path::Path;

fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn main() {
    if let Some(path) = std::env::var_os("LIVEBLOG_MEMORY_CHILD") {
        let story = parse_file(Path::new(&path), Rules::embedded()).expect("generated blog parses");
        println!("{} {}", story.entries.len(), peak_kib());
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("blog.txt");
    let corpus = liveblog::corpus::generate_bytes(100 * 1000 * 1000, 7);
    std::fs::write(&path, &corpus.text).expect("write blog");
    let size = corpus.text.len() as f64;
    drop(corpus);
    let me = std::env::current_exe().expect("bench binary");
    let out = std::process::Command::new(me).env("LIVEBLOG_MEMORY_CHILD", &path).output().expect("child runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut parts = text.split_whitespace();
    let entries: usize = parts.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    let peak: f64 = parts.next().and_then(|n| n.parse::<f64>().ok()).unwrap_or(0.0) * 1024.0;
    println!(
        "parse {:.0} MB file ({entries} entries): peak memory {:.0} MB = {:.2}x the file",
        size / 1e6,
        peak / 1e6,
        peak / size
    );
}
