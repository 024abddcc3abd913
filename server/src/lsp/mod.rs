//! `pg-flux lsp`: the language server, a thin front end over the library (the same source
//! model, inventory, emitters and commands the CLI uses).
//!
//! - [`backend`]: the protocol handlers; state changes apply in arrival order.
//! - [`workspace`], [`document`]: files (open ones as ropes from the editor) and their models.
//! - [`diagnostics`], [`publish`]: diagnostic sources and the task that publishes them.
//! - [`database`]: inspection of the live database, off the request path; [`drift`]: the
//!   source loaded into a shadow database and compared with it.
//! - [`actions`], [`navigate`]: code actions and commands; hover, definition, symbols.
//! - [`complete`]: completion from the declared source and the live database.
//! - [`rename`]: references and rename across the source files.
//! - [`migrations`], [`generate`], [`lens`]: migration files' hazards, "Generate migration",
//!   and the status lenses above declarations.
//! - [`memory`]: allocator settings for a process that runs for hours.

mod actions;
mod backend;
mod complete;
mod database;
pub mod diagnostics;
pub mod document;
mod drift;
mod generate;
mod lens;
mod memory;
mod migrations;
mod navigate;
mod publish;
mod rename;
mod settings;
mod text;
mod transport;
mod workspace;

pub use actions::COMMANDS;
pub use backend::Backend;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{LspService, Server};

/// Requests and notifications handled at once. Database work never holds one (it runs in its
/// own task), but commands wait for the editor's answers.
const CONCURRENCY: usize = 16;

/// Serves the protocol over `input`/`output` until `exit` (tests drive it over in-memory pipes).
pub async fn serve<I, O>(input: I, output: O)
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    let (service, socket) = LspService::new(Backend::new);
    Server::new(input, output, socket)
        .concurrency_level(CONCURRENCY)
        .serve(service)
        .await;
}

/// `pg-flux lsp`: the protocol on stdin/stdout; logs go to stderr. Frames pass through
/// [`transport::forward_frames`], so a malformed one cannot end the session.
pub async fn run_stdio() {
    memory::limit_fragmentation();
    let (server_input, frames) = tokio::io::duplex(1 << 20);
    tokio::spawn(transport::forward_frames(tokio::io::stdin(), frames));
    serve(server_input, tokio::io::stdout()).await;
}

/// Sends the server's log (everything it writes to stderr, panics included) to the end of
/// `path` instead. stdout stays the protocol's alone.
pub fn log_to_file(path: &std::path::Path) -> crate::Result<()> {
    use std::os::fd::AsRawFd;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| crate::Error::io(path, e))?;
    // SAFETY: dup2 on two open descriptors; stderr (2) then refers to the log file, which
    // stays open (the `File` is leaked on purpose: fd 2 must outlive it).
    let done = unsafe { libc::dup2(file.as_raw_fd(), 2) };
    if done < 0 {
        return Err(crate::Error::io(path, std::io::Error::last_os_error()));
    }
    std::mem::forget(file);
    Ok(())
}
