//! The command line: `liveblog [PATH...]` opens the reader, `liveblog export` prints stories
//! as JSON or Markdown, `liveblog frame` renders one screen as text, `liveblog config`,
//! `completions` and `man` serve the shell. One error path, as in ripgrep: [`main`] calls
//! [`run`], which returns the exit code or an error; errors are printed once, there, as
//! `liveblog: <what>: <why>`, and a closed output pipe (`liveblog man | head`) is a quiet
//! exit 0. The exit code is 0 when every file was read, 1 when some could not be (the rest
//! still shown) or on an error, 2 on a usage or configuration error.

use crate::app::Look;
use crate::config::{self, Settings};
use crate::export;
use crate::frame;
use crate::load::{self, LoadError};
use crate::state::{Action, Reader};
use crate::tui;
use crate::ui::Theme;
use anyhow::Context;
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

/// An error that is the user's to fix (configuration, arguments): exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Prints load errors, one line each, and returns the exit code they call for.
fn report(errors: &[LoadError]) -> ExitCode {
    for e in errors {
        eprintln!("liveblog: {e}");
    }
    if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// Writes everything to stdout; a closed pipe comes back as an error [`main`] ends quietly on.
fn emit(bytes: &[u8]) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes).and_then(|()| stdout.flush()).context("stdout")
}

/// Whether an error is, at bottom, a closed output pipe.
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

/// The only place errors are printed and the pipe's end is forgiven.
pub fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("liveblog: {e:#}");
            let usage = e.chain().any(|c| c.is::<UsageError>());
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Some(Command::Completions { shell }) => {
            // Generated into memory: clap_complete panics on a failed write.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "liveblog", &mut script);
            emit(&script)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page).context("man")?;
            emit(&page)?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let mut settings = config::load(cli.config.as_deref()).map_err(|e| UsageError(e.to_string()))?;
    if !config::colour_wanted() {
        settings.theme = Theme::monochrome();
    }
    match cli.command {
        Some(Command::Export { format, explain, paths }) => run_export(&paths, format, explain, &settings),
        Some(Command::Frame { size, keys, paths }) => run_frame(&paths, size, &keys, &settings),
        Some(Command::Config { default }) => {
            let text = if default {
                config::DEFAULT_CONFIG.to_string()
            } else {
                match cli.config.clone().or_else(config::default_path).filter(|p| p.exists()) {
                    Some(p) => {
                        let text = std::fs::read_to_string(&p).with_context(|| p.display().to_string())?;
                        format!("# {}\n{text}\n", p.display())
                    }
                    None => format!("# no configuration file: the defaults\n{}", config::DEFAULT_CONFIG),
                }
            };
            emit(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Fetch(args)) => Ok(crate::web::command::run(&args, &settings.rules)),
        Some(Command::Completions { .. } | Command::Man) => unreachable!("handled above"),
        None => run_reader(&cli.paths, settings, !cli.no_watch, cli.poll, !cli.no_state),
    }
}

fn run_reader(paths: &[PathBuf], settings: Settings, watch: bool, poll: bool, state: bool) -> anyhow::Result<ExitCode> {
    let (stories, errors) = load::load(paths, &settings.rules);
    if stories.is_empty() {
        report(&errors);
        anyhow::bail!("nothing to read");
    }
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        report(&errors);
        return Err(UsageError("stdout is not a terminal (try `liveblog export` or `liveblog frame`)".into()).into());
    }
    let mut reader = Reader::with_display(stories, settings.display);
    let mut state_file = if state { crate::persist::default_path() } else { None };
    let loaded = match &state_file {
        Some(path) => crate::persist::load(path),
        None => crate::persist::Loaded { state: Default::default(), warning: None, writable: true },
    };
    if !loaded.writable {
        state_file = None;
    }
    let opened: Vec<PathBuf> = reader.stories().iter().map(|s| s.path.clone()).collect();
    reader.apply(Action::RestoreRead(crate::persist::saved_for(&loaded.state, opened.iter().map(PathBuf::as_path))));
    if let Some(first) = errors.first() {
        reader.apply(Action::Message(format!("{first}{}", if errors.len() > 1 { " (and more)" } else { "" })));
    }
    if let Some(warning) = loaded.warning {
        reader.apply(Action::Message(warning));
    }
    // The bundled samples have no file to follow.
    let session = tui::Session {
        watch: (watch && !paths.is_empty()).then(|| paths.to_vec()),
        poll,
        state_file,
        read_state: loaded.state,
    };
    let result = tui::run(reader, settings, session);
    // Errors printed after the screen is restored, so they stay visible.
    let code = report(&errors);
    result.map(|()| code)
}

fn run_frame(paths: &[PathBuf], size: (u16, u16), keys: &str, settings: &Settings) -> anyhow::Result<ExitCode> {
    let (stories, errors) = load::load(paths, &settings.rules);
    let mut reader = Reader::with_display(stories, settings.display);
    // The one clock reading of a frame, given as the terminal's loop gives it each second.
    reader.apply(Action::Tick(chrono::Local::now().fixed_offset()));
    let look = Look { keymap: &settings.keymap, theme: &settings.theme };
    let buffer = frame::run(&mut reader, &look, keys, size).map_err(|e| UsageError(format!("{e:#}")))?;
    emit(frame::buffer_text(&buffer).as_bytes())?;
    Ok(report(&errors))
}

fn run_export(paths: &[PathBuf], format: Format, explain: bool, settings: &Settings) -> anyhow::Result<ExitCode> {
    let (stories, errors) = load::load(paths, &settings.rules);
    // Written as it is made, story by story: the output is never held whole in memory.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match format {
        Format::Json => {
            export::write_json(&stories, explain, &mut out).context("stdout")?;
            out.write_all(b"\n").context("stdout")?;
        }
        Format::Markdown => {
            for s in &stories {
                export::write_markdown(s, &mut out).context("stdout")?;
                if explain && !s.dropped.is_empty() {
                    out.write_all(b"\n<!-- removed lines\n").context("stdout")?;
                    out.write_all(export::explain(s).as_bytes()).context("stdout")?;
                    out.write_all(b"-->\n").context("stdout")?;
                }
                out.write_all(b"\n").context("stdout")?;
            }
        }
    }
    out.flush().context("stdout")?;
    Ok(report(&errors))
}
