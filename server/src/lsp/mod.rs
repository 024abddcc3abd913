//! `pg-flux lsp`: the language server, a thin front end over the library (the same source
//! model, inventory, emitters and commands the CLI uses).
//!
//! - [`backend`]: the protocol handlers; state changes apply in arrival order.
//! - [`workspace`], [`document`]: files (open ones as ropes from the editor) and their models.
//! - [`diagnostics`], [`publish`]: diagnostic sources and the task that publishes them.
//! - [`database`]: inspection of the live database, off the request path; [`drift`]: the
//!   source loaded into a shadow database and compared with it.
//! - [`actions`], [`navigate`]: code actions and commands; hover, definition, symbols.

mod actions;
mod backend;
mod database;
pub mod diagnostics;
mod document;
mod drift;
mod navigate;
mod publish;
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
    let (server_input, frames) = tokio::io::duplex(1 << 20);
    tokio::spawn(transport::forward_frames(tokio::io::stdin(), frames));
    serve(server_input, tokio::io::stdout()).await;
}
