//! The library's error type: every variant renders as one sentence naming the cause.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad connection settings (a malformed URI, an unknown sslmode, …).
    #[error("invalid connection settings: {0}")]
    ConnectionConfig(String),
    /// The database could not be reached or refused us; the message never holds a password.
    #[error("could not connect to the database: {0}")]
    Connect(String),
    /// A catalog query failed.
    #[error("catalog query failed while reading {what}: {message}")]
    Inspect { what: String, message: String },
    /// A database error outside inspection (session setup, loading).
    #[error("database error: {0}")]
    Database(String),
    #[error("{path}: {message}")]
    Io { path: PathBuf, message: String },
    /// The dump target exists and is not empty, and `--force` was not given.
    #[error("output directory {0} is not empty; use --force to overwrite it")]
    TargetNotEmpty(PathBuf),
    /// A statement of a source file failed to parse or load.
    #[error("{file}:{line}:{column}: {message}")]
    Source {
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("embedded PostgreSQL: {0}")]
    Embedded(String),
    /// The shadow database cannot be had as configured (no server programs of the live major,
    /// an extension its server lacks): the sentence names the ways out.
    #[error("{0}")]
    Shadow(String),
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, e: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            message: e.to_string(),
        }
    }
}
