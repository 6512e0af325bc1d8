//! Finding and parsing the files named on the command line: a PATH is a file or a directory
//! (its `*.txt`, recursively, in name order). Files are parsed in parallel; a file that cannot
//! be read becomes an error naming it, and the others still load.

use crate::input::InputError;
use crate::model::Story;
use crate::parse::{self, Rules};
use crate::samples;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// A file that could not be loaded, displayed as `<path>: <reason>`.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", crate::text::escape_path(&self.path), self.reason)
    }
}

/// Human wording for an input error: the OS message without its "(os error N)" suffix.
pub fn reason(err: &InputError) -> String {
    match err {
        InputError::Io(io) => {
            let msg = io.to_string();
            match msg.find(" (os error") {
                Some(i) => msg[..i].to_lowercase(),
                None => msg,
            }
        }
        other => other.to_string(),
    }
}

/// Expands PATHs into the files to read, in a stable order.
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .into_iter()
                .filter_map(|e| match e {
                    Ok(e) => Some(e),
                    Err(err) => {
                        let p = err.path().unwrap_or(path).to_path_buf();
                        errors.push(LoadError { path: p, reason: err.to_string() });
                        None
                    }
                })
                .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "txt"))
                .map(|e| e.into_path())
                .collect();
            if found.is_empty() {
                errors.push(LoadError { path: path.clone(), reason: "no .txt file in this directory".into() });
            }
            files.append(&mut found);
        } else {
            files.push(path.clone());
        }
    }
    (files, errors)
}

/// Parses every file (in parallel), keeping the input order.
pub fn load(paths: &[PathBuf], rules: &Rules) -> (Vec<Story>, Vec<LoadError>) {
    if paths.is_empty() {
        return (bundled(rules), Vec::new());
    }
    let (files, mut errors) = expand(paths);
    let results: Vec<Result<Story, LoadError>> = files.par_iter().map(|f| load_one(f, rules)).collect();
    let mut stories = Vec::new();
    for r in results {
        match r {
            Ok(s) => stories.push(s),
            Err(e) => errors.push(e),
        }
    }
    (stories, errors)
}

pub fn load_one(path: &Path, rules: &Rules) -> Result<Story, LoadError> {
    parse::parse_file(path, rules).map_err(|e| LoadError { path: path.to_path_buf(), reason: reason(&e) })
}

/// The samples built into the binary.
pub fn bundled(rules: &Rules) -> Vec<Story> {
    samples::SAMPLES
        .iter()
        .map(|(name, text)| {
            parse::parse_bytes(samples::sample_path(name), text.as_bytes().to_vec(), rules)
                .expect("bundled samples are text")
        })
        .collect()
}
