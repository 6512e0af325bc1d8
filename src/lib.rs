//! liveblog: a terminal reader for news live blogs. The pure core (model, decode, parse,
//! export) knows nothing of terminals; the reader's state, key map and rendering sit on top.

pub mod cli;
pub mod config;
pub mod corpus;
pub mod decode;
pub mod export;
pub mod frame;
pub mod keys;
pub mod layout;
pub mod load;
pub mod model;
pub mod parse;
pub mod persist;
pub mod samples;
pub mod state;
pub mod textlayout;
pub mod tui;
pub mod ui;
pub mod watch;

/// The old name of [`decode`], kept while other modules move to the new one.
pub use decode as input;
