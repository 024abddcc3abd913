//! The publisher: one task that turns "these files changed" into `publishDiagnostics`.
//! It always computes from the current state, so a slow round can never publish results older
//! than what it replaces, and it skips files whose diagnostics did not change. Jobs are handled
//! in the order they were sent: [`Publisher::flush`] completes once every file touched before
//! it has been published (its notification handed to the client's outgoing queue).

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use serde_json::json;
use tokio::sync::{mpsc, oneshot};
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, Uri};
use tower_lsp_server::Client;

use super::database::Database;
use super::diagnostics::{self, SnapshotSource};
use super::text::LineIndex;
use super::workspace::Workspace;

enum Job {
    /// (Re)publish the diagnostics of these files.
    Touch(Vec<PathBuf>),
    /// Answer once every earlier job is done.
    Flush(oneshot::Sender<()>),
}

#[derive(Clone)]
pub struct Publisher {
    tx: mpsc::UnboundedSender<Job>,
    /// The database (started after the publisher): migration hazards read its live tables.
    database: Arc<OnceLock<Arc<Database>>>,
}

impl Publisher {
    /// Starts the publishing task.
    pub fn start(client: Client, ws: Arc<Workspace>, sources: Vec<Arc<SnapshotSource>>) -> Self {
        let (tx, rx) = mpsc::unbounded_channel();
        let database = Arc::new(OnceLock::new());
        tokio::spawn(run(client, ws, sources, database.clone(), rx));
        Publisher { tx, database }
    }

    pub fn set_database(&self, database: Arc<Database>) {
        let _ = self.database.set(database);
    }

    /// Asks for the diagnostics of `paths` to be (re)published.
    pub fn touch(&self, paths: Vec<PathBuf>) {
        if !paths.is_empty() {
            let _ = self.tx.send(Job::Touch(paths));
        }
    }

    /// Completes once the diagnostics of every file touched before this call are published
    /// (or found unchanged). Notifications the caller sends to the client afterwards follow
    /// those `publishDiagnostics` on the wire.
    pub async fn flush(&self) {
        let (done, published) = oneshot::channel();
        if self.tx.send(Job::Flush(done)).is_ok() {
            let _ = published.await;
        }
    }
}

async fn run(
    client: Client,
    ws: Arc<Workspace>,
    sources: Vec<Arc<SnapshotSource>>,
    database: Arc<OnceLock<Arc<Database>>>,
    mut rx: mpsc::UnboundedReceiver<Job>,
) {
    let mut published: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
    while let Some(first) = rx.recv().await {
        // Everything queued so far, as one round; flushes are answered after it.
        let mut paths: BTreeSet<PathBuf> = BTreeSet::new();
        let mut flushes = Vec::new();
        let mut next = Some(first);
        while let Some(job) = next {
            match job {
                Job::Touch(more) => paths.extend(more),
                Job::Flush(done) => flushes.push(done),
            }
            next = rx.try_recv().ok();
        }
        for path in paths {
            let computed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                collect(&ws, &sources, database.get().map(|d| &**d), &path)
            }));
            let Ok(diagnostics) = computed else {
                eprintln!(
                    "pg-flux lsp: computing diagnostics of {} failed",
                    path.display()
                );
                continue;
            };
            let unchanged = match published.get(&path) {
                Some(old) => *old == diagnostics,
                None => diagnostics.is_empty(),
            };
            if unchanged {
                continue;
            }
            let Some(uri) = Uri::from_file_path(&path) else {
                continue;
            };
            let version = ws.version(&path);
            if diagnostics.is_empty() {
                published.remove(&path);
            } else {
                published.insert(path.clone(), diagnostics.clone());
            }
            client.publish_diagnostics(uri, diagnostics, version).await;
        }
        for done in flushes {
            let _ = done.send(());
        }
    }
}

/// Every source's diagnostics for one file.
fn collect(
    ws: &Workspace,
    sources: &[Arc<SnapshotSource>],
    db: Option<&Database>,
    path: &PathBuf,
) -> Vec<Diagnostic> {
    let mut out = diagnostics::parse_diagnostics(ws, path);
    out.extend(super::migrations::diagnostics(ws, db, path));
    let settings = ws.settings();
    if *path == settings.config_file() {
        if let Some(error) = &settings.config_error {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            out.push(diagnostics::diagnostic(
                LineIndex::new(&text).first_line(),
                DiagnosticSeverity::ERROR,
                diagnostics::INVALID_CONFIG,
                format!("pg-flux.toml: {error}"),
                json!({}),
            ));
        }
    }
    for source in sources {
        out.extend(source.get(path));
    }
    out
}
