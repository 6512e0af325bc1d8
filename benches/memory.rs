//! Peak memory, as a multiple of the file's size, on a generated live blog (100 MB, or the
//! size in bytes given as `LIVEBLOG_MEMORY_BYTES`): parsing it from its file; parsing it and
//! opening it in the reader with its search index built; and, that done, parsing the file
//! again as when it is rewritten while followed (the new story is parsed while the old one is
//! shown, then swapped in). Each case runs in a child process of its own, so that generating
//! the blog does not count. Run with `cargo bench --bench memory` (Linux: reads VmHWM).

use liveblog::load::parse_file;
use liveblog::parse::Rules;
use liveblog::state::{Action, Reader, Reload};
use std::path::Path;

fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// One case, in the child: prints the entries parsed and the peak in KiB.
fn child(case: &str, path: &Path) {
    // As the binary starts.
    liveblog::load::tune_allocator();
    let story = parse_file(path, Rules::embedded()).expect("generated blog parses");
    let entries = story.entries.len();
    if case != "parse" {
        let mut reader = Reader::new(vec![story]);
        // As the terminal reader does once its first screen is up; a search waits for that
        // background index: it is all there at the peak.
        reader.start_indexes();
        for action in [Action::Search, Action::Input('x'), Action::Submit] {
            reader.apply(action);
        }
        if case == "reparse" {
            let again = parse_file(path, Rules::embedded()).expect("parses again");
            reader.apply(Action::Reloaded(Reload(std::sync::Arc::new(again))));
        }
        assert_eq!(reader.stories()[0].entries.len(), entries);
    }
    println!("{entries} {}", peak_kib());
}

fn main() {
    if let (Some(case), Some(path)) =
        (std::env::var_os("LIVEBLOG_MEMORY_CASE"), std::env::var_os("LIVEBLOG_MEMORY_FILE"))
    {
        return child(&case.to_string_lossy(), Path::new(&path));
    }
    let bytes = std::env::var("LIVEBLOG_MEMORY_BYTES").ok().and_then(|b| b.parse().ok()).unwrap_or(100_000_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("blog.txt");
    let corpus = liveblog::corpus::generate_bytes(bytes, 7);
    std::fs::write(&path, &corpus.text).expect("write blog");
    let size = corpus.text.len() as f64;
    drop(corpus);
    let me = std::env::current_exe().expect("bench binary");
    for (case, what) in [
        ("parse", "parse"),
        ("reader", "parse, open in the reader, search index built"),
        ("reparse", "that, then the file parsed again and swapped in"),
    ] {
        let out = std::process::Command::new(&me)
            .env("LIVEBLOG_MEMORY_CASE", case)
            .env("LIVEBLOG_MEMORY_FILE", &path)
            .output()
            .expect("child runs");
        let text = String::from_utf8_lossy(&out.stdout);
        let mut parts = text.split_whitespace();
        let entries: usize = parts.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        let peak: f64 = parts.next().and_then(|n| n.parse::<f64>().ok()).unwrap_or(0.0) * 1024.0;
        println!(
            "{what}: {:.0} MB file ({entries} entries): peak memory {:.0} MB = {:.2}x the file",
            size / 1e6,
            peak / 1e6,
            peak / size
        );
    }
}
