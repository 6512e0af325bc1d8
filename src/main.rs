//! The `liveblog` binary: everything is in the library; see [`liveblog::cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    liveblog::load::tune_allocator();
    liveblog::cli::main()
}
