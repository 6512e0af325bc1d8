//! `liveblog fetch URL… [--every DURATION]`, headless, for cron and systemd timers: each page
//! fetched once through the archive (validators sent, entries recorded), each entry never
//! seen before printed on one line, nothing printed when nothing is new. Exit 0, or 1 when
//! some page could not be fetched (one `liveblog: URL: why` line each on stderr). With
//! `--every`, rounds repeat until SIGINT or SIGTERM, which end the command between requests.

use super::http::Client;
use super::page::{PageFetch, fetch_page};
use crate::archive::{self, Archive};
use crate::parse::Rules;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The arguments of `liveblog fetch`.
#[derive(Debug, clap::Args)]
pub struct FetchArgs {
    /// Live-blog pages (http:// or https://).
    #[arg(required = true, value_name = "URL")]
    pub urls: Vec<String>,
    /// Fetch again every DURATION (`30s`, `5m`, `1h`) until interrupted.
    #[arg(long, value_name = "DURATION", value_parser = crate::web::settings::interval)]
    pub every: Option<Duration>,
    /// The archive database (default: $LIVEBLOG_DB, else $XDG_DATA_HOME/liveblog/liveblog.db).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

/// Runs the command; `rules` are the configured boilerplate rules.
pub fn run(args: &FetchArgs, rules: &Rules) -> ExitCode {
    let Some(db) = args.db.clone().or_else(archive::default_path) else {
        eprintln!("liveblog: no data directory for the archive (use --db PATH)");
        return ExitCode::from(2);
    };
    let mut archive = match Archive::open(&db) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("liveblog: {e}");
            return ExitCode::from(1);
        }
    };
    let client = Client::default();
    let Some(every) = args.every else {
        return match round(&client, &mut archive, &args.urls, rules) {
            Ok(code) => code,
            Err(()) => ExitCode::SUCCESS,
        };
    };
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        if let Err(e) = signal_hook::flag::register(signal, Arc::clone(&stop)) {
            eprintln!("liveblog: signals: {e}");
            return ExitCode::from(1);
        }
    }
    let mut code = ExitCode::SUCCESS;
    while !stop.load(Ordering::Relaxed) {
        let started = Instant::now();
        match round(&client, &mut archive, &args.urls, rules) {
            Ok(c) => code = c,
            Err(()) => return ExitCode::SUCCESS,
        }
        // Sleep in short steps, so a signal ends the command promptly.
        while !stop.load(Ordering::Relaxed) && started.elapsed() < every {
            std::thread::sleep(every.saturating_sub(started.elapsed()).min(Duration::from_millis(100)));
        }
    }
    code
}

/// One fetch of every URL. `Err` when stdout is closed (a pipe whose reader left).
fn round(client: &Client, archive: &mut Archive, urls: &[String], rules: &Rules) -> Result<ExitCode, ()> {
    let mut failed = false;
    let mut stdout = std::io::stdout().lock();
    for url in urls {
        let result = match super::url_argument(url) {
            Ok(true) => fetch_page(client, Some(archive), url, rules, chrono::Utc::now()),
            Ok(false) => Err(super::FetchError::InvalidUrl("not an http:// or https:// URL".into())),
            Err(e) => Err(e),
        };
        match result {
            Ok(PageFetch::Updated { new, .. }) => {
                for entry in &new {
                    if writeln!(stdout, "{}", entry.line()).is_err() {
                        return Err(());
                    }
                }
                if stdout.flush().is_err() {
                    return Err(());
                }
            }
            Ok(PageFetch::Unchanged { .. }) => {}
            Err(e) => {
                failed = true;
                eprintln!("{}", failure_line(url, &e));
            }
        }
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Why `url` could not be fetched, on one line: `liveblog: URL: why`, both made safe for the
/// terminal (a URL or an error may carry control characters).
pub fn failure_line(url: &str, e: &super::FetchError) -> String {
    format!("liveblog: {}: {}", super::one_line(url), super::one_line(&e.to_string()))
}
