//! The command line: `liveblog [PATH...]` opens the reader, `liveblog export` prints stories
//! as JSON or Markdown, `liveblog frame` renders one screen as text, `liveblog config`,
//! `completions` and `man` serve the shell. Errors are printed once, as
//! `liveblog: <what>: <why>`; the exit code is 0 when every file was read, 1 when some could
//! not be (the rest still shown), 2 on a usage or configuration error.

use crate::config::{self, Settings};
use crate::export;
use crate::frame;
use crate::load::{self, LoadError};
use crate::state::Reader;
use crate::tui;
use crate::ui::Theme;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  liveblog                                  read the bundled sample pages
  liveblog saved-pages/                     read every *.txt below a folder, following changes
  liveblog --no-watch rfi.txt guardian.txt  read two files as they are now
  liveblog export --format markdown rfi.txt print a live blog as Markdown
  liveblog export --explain rfi.txt         also list the lines removed as boilerplate
  liveblog frame --size 100x30 --keys '#<Space><Enter>' rfi.txt
                                            print the screen after filtering by a tag
  liveblog config --default > ~/.config/liveblog/config.toml";

#[derive(Debug, Parser)]
#[command(
    name = "liveblog",
    version,
    about = "Read news live blogs in the terminal: jump between timestamps, filter by tag, search, follow updates",
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Configuration file (default: $XDG_CONFIG_HOME/liveblog/config.toml when it exists).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Do not follow the files as they change.
    #[arg(long)]
    pub no_watch: bool,
    /// Neither read nor save which entries have been read.
    #[arg(long)]
    pub no_state: bool,
    /// Check files for changes once a second instead of being notified (for network file
    /// systems, where notification often does not work).
    #[arg(long, conflicts_with = "no_watch")]
    pub poll: bool,
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
    /// Render one screen of the reader as text, after replaying keys.
    Frame {
        /// Screen size, WIDTHxHEIGHT.
        #[arg(long, default_value = "120x40", value_parser = crate::frame::parse_size)]
        size: (u16, u16),
        /// Keys to press first: characters as typed, named keys in angle brackets
        /// (<Enter> <Esc> <Tab> <BackTab> <Up> <Down> <Left> <Right> <PageUp> <PageDown> <Home>
        /// <End> <Space> <Backspace> <C-c>).
        #[arg(long, default_value = "")]
        keys: String,
        /// Files or directories; without any, the bundled samples.
        paths: Vec<PathBuf>,
    },
    /// Print the configuration: `--default` for the commented default file.
    Config {
        /// Print the built-in default configuration, with comments.
        #[arg(long)]
        default: bool,
    },
    /// Print a completion script for a shell.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
    /// Fetch live blogs by URL once (or `--every` DURATION), archive them, print new entries.
    Fetch(crate::web::command::FetchArgs),
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
    match &cli.command {
        Some(Command::Completions { shell }) => {
            clap_complete::generate(*shell, &mut Cli::command(), "liveblog", &mut std::io::stdout());
            return ExitCode::SUCCESS;
        }
        Some(Command::Man) => {
            let man = clap_mangen::Man::new(Cli::command());
            return match man.render(&mut std::io::stdout()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("liveblog: man: {e}");
                    ExitCode::from(1)
                }
            };
        }
        _ => {}
    }
    let mut settings = match config::load(cli.config.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("liveblog: {e}");
            return ExitCode::from(2);
        }
    };
    if !config::colour_wanted() {
        settings.theme = Theme::monochrome();
    }
    match cli.command {
        Some(Command::Export { format, explain, paths }) => run_export(&paths, format, explain, &settings),
        Some(Command::Frame { size, keys, paths }) => run_frame(&paths, size, &keys, &settings),
        Some(Command::Config { default }) => {
            if default {
                print!("{}", config::DEFAULT_CONFIG);
            } else {
                match cli.config.clone().or_else(config::default_path).filter(|p| p.exists()) {
                    Some(p) => println!("# {}\n{}", p.display(), std::fs::read_to_string(&p).unwrap_or_default()),
                    None => print!("# no configuration file: the defaults\n{}", config::DEFAULT_CONFIG),
                }
            }
            ExitCode::SUCCESS
        }
        Some(Command::Fetch(args)) => crate::web::command::run(&args, &settings.rules),
        Some(Command::Completions { .. } | Command::Man) => unreachable!("handled above"),
        None => run_reader(&cli.paths, settings, !cli.no_watch, cli.poll, !cli.no_state),
    }
}

fn run_reader(paths: &[PathBuf], settings: Settings, watch: bool, poll: bool, state: bool) -> ExitCode {
    let (stories, errors) = load::load(paths, &settings.rules);
    if stories.is_empty() {
        report(&errors);
        eprintln!("liveblog: nothing to read");
        return ExitCode::from(1);
    }
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        report(&errors);
        eprintln!("liveblog: stdout is not a terminal (try `liveblog export` or `liveblog frame`)");
        return ExitCode::from(2);
    }
    let mut reader = Reader::with_display(stories, settings.display);
    let state_file = if state { crate::persist::default_path() } else { None };
    let (read_state, warning) = match &state_file {
        Some(path) => crate::persist::load(path),
        None => (crate::persist::ReadState::default(), None),
    };
    reader.restore_read(&read_state);
    if let Some(first) = errors.first() {
        reader.message = Some(format!("{first}{}", if errors.len() > 1 { " (and more)" } else { "" }));
    }
    if warning.is_some() {
        reader.message = warning;
    }
    // The bundled samples have no file to follow.
    let session =
        tui::Session { watch: (watch && !paths.is_empty()).then(|| paths.to_vec()), poll, state_file, read_state };
    if let Err(e) = tui::run(reader, settings, session) {
        eprintln!("liveblog: terminal: {e}");
        return ExitCode::from(1);
    }
    // Errors printed after the screen is restored, so they stay visible.
    report(&errors)
}

fn run_frame(paths: &[PathBuf], size: (u16, u16), keys: &str, settings: &Settings) -> ExitCode {
    let (stories, errors) = load::load(paths, &settings.rules);
    let mut reader = Reader::with_display(stories, settings.display);
    reader.apply(crate::state::Action::Resize(size.0, size.1));
    if let Err(e) = frame::replay(&mut reader, &settings.keymap, keys) {
        eprintln!("liveblog: --keys: {e}");
        return ExitCode::from(2);
    }
    let buffer = frame::draw(&mut reader, &settings.keymap, &settings.theme, size.0, size.1);
    print!("{}", frame::buffer_text(&buffer));
    report(&errors)
}

fn run_export(paths: &[PathBuf], format: Format, explain: bool, settings: &Settings) -> ExitCode {
    let (stories, errors) = load::load(paths, &settings.rules);
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
