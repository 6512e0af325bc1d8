//! The command line: `liveblog [PATH...]` opens the reader, `liveblog export` prints stories
//! as JSON or Markdown, `liveblog frame` renders one screen as text. Errors are printed once,
//! as `liveblog: <what>: <why>`; the exit code is 0 when every file was read, 1 when some could
//! not be (the rest still shown), 2 on a usage error.

use crate::export;
use crate::load::{self, LoadError};
use crate::parse::Rules;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "liveblog",
    version,
    about = "Read news live blogs in the terminal",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Live-blog text files, or directories of them (their *.txt, recursively). Without any,
    /// the bundled samples.
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print stories as JSON (a stable interface) or Markdown.
    Export {
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Also list each line the parser removed, with its line number and rule.
        #[arg(long)]
        explain: bool,
        /// Files or directories; without any, the bundled samples.
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Markdown,
}

/// Prints load errors, one line each, and returns the exit code they call for.
fn report(errors: &[LoadError]) -> ExitCode {
    for e in errors {
        eprintln!("liveblog: {e}");
    }
    if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let rules = Rules::embedded();
    match cli.command {
        Some(Command::Export { format, explain, paths }) => run_export(&paths, format, explain, rules),
        None => run_export(&cli.paths, Format::Json, false, rules),
    }
}

fn run_export(paths: &[PathBuf], format: Format, explain: bool, rules: &Rules) -> ExitCode {
    let (stories, errors) = load::load(paths, rules);
    let text = match format {
        Format::Json => export::to_json(&stories, explain) + "\n",
        Format::Markdown => {
            let mut out = String::new();
            for s in &stories {
                out.push_str(&export::to_markdown(s));
                if explain && !s.dropped.is_empty() {
                    out.push_str("\n<!-- removed lines\n");
                    out.push_str(&export::explain(s));
                    out.push_str("-->\n");
                }
                out.push('\n');
            }
            out
        }
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("liveblog: stdout: {e}");
        return ExitCode::from(1);
    }
    report(&errors)
}
