//! liveblog: a terminal reader for news live blogs. The pure core (model, input, parse,
//! export) knows nothing of terminals; the reader's state, key map and rendering sit on top.

pub mod archive;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod export;
pub mod frame;
pub mod input;
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
pub mod web;
