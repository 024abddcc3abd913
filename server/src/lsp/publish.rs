//! The publisher: one task that turns "these files changed" into `publishDiagnostics`.
//! It always computes from the current state, so a slow round can never publish results older
//! than what it replaces, and it skips files whose diagnostics did not change.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use serde_json::json;
use tokio::sync::mpsc;
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, Uri};
use tower_lsp_server::Client;

use super::diagnostics::{self, SnapshotSource};
use super::text::LineIndex;
use super::workspace::Workspace;

#[derive(Clone)]
pub struct Publisher {
    tx: mpsc::UnboundedSender<Vec<PathBuf>>,
}

impl Publisher {
    /// Starts the publishing task.
    pub fn start(client: Client, ws: Arc<Workspace>, sources: Vec<Arc<SnapshotSource>>) -> Self {
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(run(client, ws, sources, rx));
        Publisher { tx }
    }

    /// Asks for the diagnostics of `paths` to be (re)published.
    pub fn touch(&self, paths: Vec<PathBuf>) {
        if !paths.is_empty() {
            let _ = self.tx.send(paths);
        }
    }
}

async fn run(
    client: Client,
    ws: Arc<Workspace>,
    sources: Vec<Arc<SnapshotSource>>,
    mut rx: mpsc::UnboundedReceiver<Vec<PathBuf>>,
) {
    let mut published: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
    while let Some(first) = rx.recv().await {
        let mut paths: BTreeSet<PathBuf> = first.into_iter().collect();
        while let Ok(more) = rx.try_recv() {
            paths.extend(more);
        }
        for path in paths {
            let computed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                collect(&ws, &sources, &path)
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
    }
}

/// Every source's diagnostics for one file.
fn collect(ws: &Workspace, sources: &[Arc<SnapshotSource>], path: &PathBuf) -> Vec<Diagnostic> {
    let mut out = diagnostics::parse_diagnostics(ws, path);
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
