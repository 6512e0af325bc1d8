//! The archive: one SQLite database (`$XDG_DATA_HOME/liveblog/liveblog.db`, or `--db` /
//! `LIVEBLOG_DB`) that keeps, per page URL, the validators and fetch times, the last body
//! fetched (for reading offline), every entry ever seen with its edits ([`entries`]), and the
//! read marks of every story ([`marks`]). WAL mode and a busy timeout let a `fetch` from cron
//! and a running reader share it; every write is one transaction. The schema is versioned
//! with `PRAGMA user_version` and grows only by appending to [`MIGRATIONS`].

mod entries;
mod marks;
mod moved;

pub use entries::Recorded;

use crate::web::Validators;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};

/// Environment variable naming the database, for tests and unusual setups.
pub const DB_ENV: &str = "LIVEBLOG_DB";

/// Each step takes the schema from version N to N+1. Never edit a released step: append.
const MIGRATIONS: &[&str] = &[
    // 1: pages, entries and their earlier versions, read marks.
    "CREATE TABLE pages (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        first_fetched INTEGER,
        last_fetched INTEGER,
        last_changed INTEGER,
        last_status TEXT,
        body BLOB
    );
    CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        identity INTEGER NOT NULL,
        repeat INTEGER NOT NULL,
        clock TEXT,
        at TEXT,
        zoned INTEGER NOT NULL DEFAULT 0,
        tag TEXT,
        headline TEXT,
        body TEXT NOT NULL,
        captions TEXT NOT NULL,
        links TEXT NOT NULL,
        first_seen INTEGER NOT NULL,
        last_seen INTEGER NOT NULL,
        position INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (page_id, identity, repeat)
    );
    CREATE TABLE entry_versions (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        tag TEXT,
        headline TEXT,
        body TEXT NOT NULL,
        captions TEXT NOT NULL,
        links TEXT NOT NULL,
        replaced_at INTEGER NOT NULL
    );
    CREATE INDEX entry_versions_entry ON entry_versions(entry_id);
    CREATE TABLE read_marks (
        key TEXT NOT NULL,
        identity INTEGER NOT NULL,
        marked_at INTEGER NOT NULL,
        PRIMARY KEY (key, identity)
    ) WITHOUT ROWID;
    CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("archive {path}: {source}")]
    Sql { path: String, source: rusqlite::Error },
    #[error("archive {0}: {1}")]
    Io(String, std::io::Error),
    #[error("archive {path}: written by a newer liveblog (schema {found}, this one knows {SCHEMA_VERSION})")]
    TooNew { path: String, found: usize },
}

pub type Result<T> = std::result::Result<T, ArchiveError>;

/// An open archive. Not `Sync`: each thread opens its own (SQLite serialises writers).
pub struct Archive {
    conn: Connection,
    path: PathBuf,
}

/// The database's default place: `$LIVEBLOG_DB`, else `$XDG_DATA_HOME/liveblog/liveblog.db`.
pub fn default_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "liveblog")?;
    Some(dirs.data_dir().join("liveblog.db"))
}

/// Opens the default archive (see [`default_path`]) and, the first time, moves the read
/// marks of the old `read.json` into it. The note, when there is one, is worth showing once.
pub fn open_default() -> Result<(Archive, Option<String>)> {
    let path = default_path().ok_or_else(|| {
        ArchiveError::Io("(no data directory)".into(), std::io::Error::other("set LIVEBLOG_DB or XDG_DATA_HOME"))
    })?;
    let mut archive = Archive::open(&path)?;
    let note = match crate::persist::default_path() {
        Some(json) => archive.import_read_json(&json)?,
        None => None,
    };
    Ok((archive, note))
}

/// What the archive knows of a page's last fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageInfo {
    pub validators: Validators,
    pub last_fetched: Option<DateTime<Utc>>,
    pub last_changed: Option<DateTime<Utc>>,
    pub last_status: Option<String>,
}

impl Archive {
    /// Opens (creating it and its directory if needed) and migrates the database.
    pub fn open(path: &Path) -> Result<Archive> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| ArchiveError::Io(path.display().to_string(), e))?;
        }
        let conn = Connection::open(path).map_err(|e| sql(path, e))?;
        let mut archive = Archive { conn, path: path.to_path_buf() };
        archive.setup().map_err(|e| sql(path, e))?;
        archive.migrate()?;
        Ok(archive)
    }

    fn setup(&mut self) -> rusqlite::Result<()> {
        self.conn.busy_timeout(std::time::Duration::from_secs(10))?;
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        let path = self.path.clone();
        // IMMEDIATE: two processes opening a fresh database at once migrate one after the other.
        let tx =
            self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(|e| sql(&path, e))?;
        let version: usize =
            tx.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)).map_err(|e| sql(&path, e))? as usize;
        if version > SCHEMA_VERSION {
            return Err(ArchiveError::TooNew { path: path.display().to_string(), found: version });
        }
        for step in &MIGRATIONS[version..] {
            tx.execute_batch(step).map_err(|e| sql(&path, e))?;
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION as i64).map_err(|e| sql(&path, e))?;
        tx.commit().map_err(|e| sql(&path, e))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<usize> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
            .map(|v| v as usize)
            .map_err(|e| self.err(e))
    }

    fn err(&self, e: rusqlite::Error) -> ArchiveError {
        sql(&self.path, e)
    }

    /// The validators to send with the next request for `url`: none unless a body is kept,
    /// so that a 304 always leaves a copy to show.
    pub fn validators(&self, url: &str) -> Result<Validators> {
        self.conn
            .query_row("SELECT etag, last_modified FROM pages WHERE url = ?1 AND body IS NOT NULL", [url], |r| {
                Ok(Validators { etag: r.get(0)?, last_modified: r.get(1)? })
            })
            .optional()
            .map(Option::unwrap_or_default)
            .map_err(|e| self.err(e))
    }

    pub fn page_info(&self, url: &str) -> Result<Option<PageInfo>> {
        self.conn
            .query_row(
                "SELECT etag, last_modified, last_fetched, last_changed, last_status FROM pages WHERE url = ?1",
                [url],
                |r| {
                    Ok(PageInfo {
                        validators: Validators { etag: r.get(0)?, last_modified: r.get(1)? },
                        last_fetched: r.get::<_, Option<i64>>(2)?.and_then(from_unix),
                        last_changed: r.get::<_, Option<i64>>(3)?.and_then(from_unix),
                        last_status: r.get(4)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Stores a 200 response: its validators and body (what an offline reading parses).
    /// Call after [`Archive::record`], so a crash in between only costs a full fetch.
    pub fn store_response(&mut self, url: &str, validators: &Validators, body: &[u8], at: DateTime<Utc>) -> Result<()> {
        let tx = self.conn.transaction().map_err(|e| sql(&self.path, e))?;
        let id = page_id(&tx, url, at).map_err(|e| sql(&self.path, e))?;
        tx.execute(
            "UPDATE pages SET etag = ?2, last_modified = ?3, body = ?4, last_fetched = ?5, last_changed = ?5,
                last_status = 'ok' WHERE id = ?1",
            params![id, validators.etag, validators.last_modified, body, at.timestamp()],
        )
        .map_err(|e| sql(&self.path, e))?;
        tx.commit().map_err(|e| sql(&self.path, e))
    }

    /// Notes a fetch that changed nothing (304) or failed (`status` says why).
    pub fn store_status(&mut self, url: &str, status: &str, at: DateTime<Utc>) -> Result<()> {
        let tx = self.conn.transaction().map_err(|e| sql(&self.path, e))?;
        let id = page_id(&tx, url, at).map_err(|e| sql(&self.path, e))?;
        tx.execute(
            "UPDATE pages SET last_fetched = ?2, last_status = ?3 WHERE id = ?1",
            params![id, at.timestamp(), status],
        )
        .map_err(|e| sql(&self.path, e))?;
        tx.commit().map_err(|e| sql(&self.path, e))
    }

    /// The body of the last successful fetch of `url`.
    pub fn last_body(&self, url: &str) -> Result<Option<Vec<u8>>> {
        self.conn
            .query_row("SELECT body FROM pages WHERE url = ?1", [url], |r| r.get::<_, Option<Vec<u8>>>(0))
            .optional()
            .map(Option::flatten)
            .map_err(|e| self.err(e))
    }
}

fn sql(path: &Path, source: rusqlite::Error) -> ArchiveError {
    ArchiveError::Sql { path: path.display().to_string(), source }
}

/// The row id of a page, created on first sight.
fn page_id(conn: &Connection, url: &str, at: DateTime<Utc>) -> rusqlite::Result<i64> {
    conn.execute("INSERT OR IGNORE INTO pages (url, first_fetched) VALUES (?1, ?2)", params![url, at.timestamp()])?;
    conn.query_row("SELECT id FROM pages WHERE url = ?1", [url], |r| r.get(0))
}

fn from_unix(secs: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(secs, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_database_migrates_to_the_current_schema_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/liveblog.db");
        let archive = Archive::open(&path).unwrap();
        assert_eq!(archive.schema_version().unwrap(), SCHEMA_VERSION);
        drop(archive);
        // Reopening runs no step twice (a second CREATE TABLE would fail).
        let archive = Archive::open(&path).unwrap();
        assert_eq!(archive.schema_version().unwrap(), SCHEMA_VERSION);
        let mode: String = archive.conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("liveblog.db");
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        drop(conn);
        let err = Archive::open(&path).err().unwrap();
        assert!(err.to_string().contains("newer liveblog"), "{err}");
    }

    #[test]
    fn validators_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let mut archive = Archive::open(&dir.path().join("a.db")).unwrap();
        let url = "http://127.0.0.1/live";
        assert_eq!(archive.validators(url).unwrap(), Validators::default());
        let v = Validators { etag: Some("\"v1\"".into()), last_modified: Some("Fri, 14 Mar 2025 09:56:00 GMT".into()) };
        let at: DateTime<Utc> = "2025-03-14T09:56:00Z".parse().unwrap();
        archive.store_response(url, &v, b"page", at).unwrap();
        assert_eq!(archive.validators(url).unwrap(), v);
        assert_eq!(archive.last_body(url).unwrap().as_deref(), Some(&b"page"[..]));
        archive.store_status(url, "HTTP 500 server error", at).unwrap();
        let info = archive.page_info(url).unwrap().unwrap();
        assert_eq!(info.last_status.as_deref(), Some("HTTP 500 server error"));
        assert_eq!(info.validators, v, "a failure keeps the validators");
    }
}
