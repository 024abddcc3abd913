//! commands: what the CLI and the language server run, built from the library's parts.

pub mod dump;
