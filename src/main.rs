use std::process::ExitCode;

fn main() -> ExitCode {
    liveblog::cli::main()
}
