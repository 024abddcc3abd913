//! pg-flux: keep a PostgreSQL schema as reviewed SQL source files.
//!
//! Data flows one way: `inspect` reads the catalog into the `model`; `emit` renders the model as
//! SQL blocks; `layout` places blocks in files; `load` replays files into a database. The CLI and
//! the language server only call into this library (`commands`).

pub mod cache;
pub mod commands;
pub mod config;
pub mod connect;
pub mod diff;
pub mod embedded;
pub mod emit;
pub mod error;
pub mod identity;
pub mod ignore;
pub mod inspect;
pub mod inventory;
pub mod layout;
pub mod load;
pub mod lsp;
pub mod migrate;
pub mod model;
pub mod progress;
pub mod shadow;
pub mod source;
pub mod tree_match;

pub use error::{Error, Result};
