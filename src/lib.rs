//! liveblog: a terminal reader for news live blogs. The pure core (model, decode, parse,
//! export, and the reader's state with its geometry and text lines) knows nothing of
//! terminals, reads no clock and touches no file; the key maps and rendering sit on top, and
//! `tui` alone touches the terminal. README.md's "Architecture" section has the module map.

pub mod app;
pub mod archive;
pub mod cli;
pub mod config;
pub mod config_effective;
pub mod corpus;
pub mod decode;
pub mod export;
pub mod frame;
pub mod geometry;
pub mod keys;
pub mod links;
pub mod load;
pub mod man;
pub mod model;
pub mod outside;
pub mod parse;
pub mod persist;
pub mod read_marks;
pub mod samples;
pub mod state;
pub mod text;
pub mod text_lines;
pub mod tui;
pub mod ui;
pub mod watch;
pub mod web;
pub mod word_diff;
