//! commands: what the CLI and the language server run, built from the library's parts.

pub mod dump;
pub mod migrate;
pub mod pull;
pub mod verify;
