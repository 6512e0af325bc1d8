//! Scores the parser on a set of live-blog pages with known truth: the local real-page set kept
//! outside the repository (see issue 8) or the project's own `tests/fixtures/pages`. The
//! scoring itself lives in `tests/common/score.rs`, shared with `tests/real_forms.rs`.
//!
//! `cargo run --release --example score_pages -- /work/realpages [--form html|copied|w3m|lynx] [--verbose]`

#[path = "../tests/common/score.rs"]
mod score;

use std::path::PathBuf;

fn main() {
    let mut root = None;
    let mut only_form = None;
    let mut verbose = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--verbose" | "-v" => verbose = true,
            "--form" => only_form = args.next(),
            _ => root = Some(PathBuf::from(arg)),
        }
    }
    let Some(root) = root else {
        eprintln!("usage: score_pages <dir of page dirs> [--form html|copied|w3m|lynx] [--verbose]");
        std::process::exit(2);
    };
    score::run(&root, only_form.as_deref(), verbose);
}
