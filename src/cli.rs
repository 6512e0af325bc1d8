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
  liveblog saved-pages/                     read every *.txt, *.html and *.json below a folder, following changes
  liveblog --no-watch rfi.txt guardian.txt  read two files as they are now
  liveblog --every 30s https://example.org/live
                                            follow a live blog by its URL
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
    /// Do not follow the files as they change, nor fetch pages again.
    #[arg(long)]
    pub no_watch: bool,
    /// Neither read nor save which entries have been read.
    #[arg(long)]
    pub no_state: bool,
    /// Check files for changes once a second instead of being notified (for network file
    /// systems, where notification often does not work).
    #[arg(long, conflicts_with = "no_watch")]
    pub poll: bool,
    /// Fetch pages opened by URL again every DURATION (`30s`, `5m`; default 60s, or the
    /// configuration's [web] every).
    #[arg(long, value_name = "DURATION", value_parser = crate::web::settings::interval, conflicts_with = "no_watch")]
    pub every: Option<std::time::Duration>,
    /// Live-blog files, directories of them (their *.txt, *.html and *.json, recursively), or http(s):// URLs
    /// of live pages. Without any, the bundled samples.
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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Errors quote names and servers' words: nothing in them may act on the terminal.
            eprintln!("liveblog: {}", crate::text::neutralise(&format!("{e:#}")));
            let usage = e.chain().any(|c| c.is::<UsageError>());
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

/// A command line clap refuses, said on one line as `liveblog: <what> (<hint>)`, exit 2;
/// `--help` and `--version` print as clap has them.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
    }
    let text = e.to_string();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut what = lines.next().unwrap_or("").trim_start_matches("error: ").to_string();
    if what.ends_with(':') {
        what = format!("{what} {}", lines.next().unwrap_or(""));
    }
    let tip = text.lines().map(str::trim).find_map(|l| {
        l.strip_prefix("tip: ")
            .map(str::to_string)
            .or_else(|| l.strip_prefix('[').and_then(|l| l.strip_suffix(']')).map(str::to_string))
    });
    let hint = tip.unwrap_or_else(|| "see liveblog --help".into());
    eprintln!("liveblog: {}", crate::text::neutralise(&format!("{what} ({hint})")));
    ExitCode::from(2)
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
            let page = crate::man::page(Cli::command()).context("man")?;
            emit(&page)?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    if !matches!(cli.command, Some(Command::Config { .. })) {
        crate::parse::prepare_in_background();
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
                        crate::config_effective::effective(Some((&p, &text)), &settings.keymap)
                    }
                    None => crate::config_effective::effective(None, &settings.keymap),
                }
            };
            emit(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Fetch(args)) => Ok(crate::web::command::run(&args, &settings.rules)),
        Some(Command::Completions { .. } | Command::Man) => unreachable!("handled above"),
        None => {
            let follow = Follow { watch: !cli.no_watch, poll: cli.poll, every: cli.every, state: !cli.no_state };
            run_reader(&cli.paths, settings, follow)
        }
    }
}

/// How the reader follows what it shows, from the command line.
struct Follow {
    /// Files watched and pages polled (not with `--no-watch`).
    watch: bool,
    /// `--poll`: files checked once a second.
    poll: bool,
    /// `--every`: how often pages are fetched again.
    every: Option<std::time::Duration>,
    /// Read marks read and saved (not with `--no-state`).
    state: bool,
}

fn run_reader(paths: &[PathBuf], settings: Settings, follow: Follow) -> anyhow::Result<ExitCode> {
    // Followed pages open from the archive and are fetched at once; with --no-watch nothing
    // fetches them later, so they are fetched before the screen opens.
    let fetching = crate::web::fetching::Note::show(paths.iter().filter(|p| url_path(p)).collect());
    let (stories, errors, stale) = if follow.watch {
        load::load_following(paths, &settings.rules)
    } else {
        let (stories, errors) = load::load(paths, &settings.rules);
        (stories, errors, Vec::new())
    };
    drop(fetching);
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
    let (marks, note) = if follow.state { read_marks(&mut reader) } else { (None, None) };
    let urls: Vec<String> = reader.stories().iter().filter_map(|s| load::opened_url(s).map(str::to_string)).collect();
    for action in crate::web::reader::last_fetches(&urls) {
        reader.apply(action);
    }
    if let Some(first) = errors.first() {
        reader.apply(Action::Message(format!("{first}{}", if errors.len() > 1 { " (and more)" } else { "" })));
    }
    if let Some(note) = note {
        reader.apply(Action::Message(note));
    }
    let pages = follow.watch.then(|| crate::web::reader::polling(&urls, &settings, follow.every, stale));
    // The bundled samples have no file to follow.
    let session = tui::Session {
        watch: (follow.watch && !paths.is_empty()).then(|| paths.iter().filter(|p| !url_path(p)).cloned().collect()),
        poll: follow.poll,
        marks,
        pages,
        notifier: crate::web::notify::Notifier::new(&settings.notify),
    };
    let result = tui::run(reader, settings, session);
    // Errors printed after the screen is restored, so they stay visible.
    let code = report(&errors);
    result.map(|()| code)
}

/// Whether a PATH argument is a URL (not a file to watch).
fn url_path(path: &std::path::Path) -> bool {
    path.to_str().is_some_and(|p| crate::web::url_argument(p).is_ok_and(|url| url))
}

/// Opens the read marks in the archive (importing an old `read.json` the first time) and
/// restores those of the stories opened. Returns them, or `None` when they cannot be kept,
/// with a note for the status line.
fn read_marks(reader: &mut Reader) -> (Option<crate::read_marks::ReadMarks>, Option<String>) {
    let (archive, note) = match crate::archive::open_default() {
        Ok(opened) => opened,
        Err(e) => return (None, Some(format!("{e}; read marks not saved"))),
    };
    let mut marks = crate::read_marks::ReadMarks::new(archive);
    match marks.restore(reader.stories()) {
        Ok(saved) => {
            reader.apply(Action::RestoreRead(saved));
            (Some(marks), note)
        }
        Err(e) => (None, Some(format!("{e}; read marks not saved"))),
    }
}

fn run_frame(paths: &[PathBuf], size: (u16, u16), keys: &str, settings: &Settings) -> anyhow::Result<ExitCode> {
    let (stories, errors) = load::load(paths, &settings.rules);
    let mut reader = Reader::with_display(stories, settings.display);
    // The one clock reading of a frame, given as the terminal's loop gives it each second.
    reader.apply(Action::Tick(chrono::Local::now().fixed_offset()));
    let look = Look { keymap: &settings.keymap, theme: &settings.theme };
    let buffer = frame::run(&mut reader, &look, keys, size).map_err(|e| UsageError(format!("{e:#}")))?;
    emit(frame::buffer_text(&buffer).as_bytes())?;
    let code = report(&errors);
    left_to_the_exit(reader);
    Ok(code)
}

/// Hands what a one-shot command built to the end of the process instead of freeing it: a
/// 100 MB story is a million small allocations, and freeing them one by one took 5 % of a
/// `frame` or an `export`, just before the system takes all the memory back at once. Only for
/// values whose output is written and flushed, and whose drop does nothing else that shows:
/// a reader's drop stops its background index build, which the exit ends as well.
fn left_to_the_exit<T>(value: T) {
    std::mem::forget(value);
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
    for s in stories.iter().filter(|s| !crate::state::has_entries(s)) {
        eprintln!(
            "liveblog: {}: no entries found (no times nor headlines): exported as one text",
            crate::text::escape_path(&s.path)
        );
    }
    let code = report(&errors);
    left_to_the_exit(stories);
    Ok(code)
}
