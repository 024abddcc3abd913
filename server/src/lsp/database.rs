//! The database side: a worker task that inspects the configured database on request
//! (debounced: a burst of saves makes one inspection), keeps the latest live state for hover
//! and code actions, publishes undeclared objects, and reconnects with backoff while the
//! database is down. Nothing here runs on the request path: typing never waits for it.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use serde_json::json;
use tokio::sync::{mpsc, oneshot};
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity};

use super::diagnostics::{self, SnapshotSource};
use super::publish::Publisher;
use super::settings::{one_line, Settings};
use super::text::LineIndex;
use super::workspace::Workspace;
use crate::commands::verify;
use crate::connect::ConnInfo;
use crate::identity::Identity;
use crate::inspect::Scope;
use crate::inventory::{self, LiveObject, Render};
use crate::model::Catalog;

/// Saves closer together than this make one inspection.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// An inspection that takes longer counts as the database being unavailable.
const INSPECT_TIMEOUT: Duration = Duration::from_secs(30);
const FIRST_RETRY: Duration = Duration::from_secs(1);
const LAST_RETRY: Duration = Duration::from_secs(30);

/// The database as last inspected.
pub struct LiveState {
    pub objects: Vec<LiveObject>,
    /// The SQL of each of `objects` (same index), for hover.
    pub definitions: Vec<Option<String>>,
    pub by_identity: HashMap<Identity, usize>,
}

impl LiveState {
    pub fn definition(&self, identity: &Identity) -> Option<&str> {
        let i = *self.by_identity.get(identity)?;
        self.definitions.get(i)?.as_deref()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// No database configured: no database diagnostics.
    NotConfigured,
    /// Not inspected yet.
    Pending,
    Connected,
    /// The cause, without the password.
    Unavailable(String),
}

pub struct Database {
    requests: mpsc::UnboundedSender<Option<oneshot::Sender<()>>>,
    live: RwLock<Option<Arc<LiveState>>>,
    status: RwLock<Status>,
    /// `undeclared-live-object` and `database-unavailable` diagnostics.
    pub diagnostics: Arc<SnapshotSource>,
}

impl Database {
    /// Starts the worker. Nothing is inspected until [`Database::refresh`].
    pub fn start(
        ws: Arc<Workspace>,
        diagnostics: Arc<SnapshotSource>,
        publisher: Publisher,
    ) -> Arc<Database> {
        let (tx, rx) = mpsc::unbounded_channel();
        let db = Arc::new(Database {
            requests: tx,
            live: RwLock::new(None),
            status: RwLock::new(Status::Pending),
            diagnostics,
        });
        tokio::spawn(run(db.clone(), ws, publisher, rx));
        db
    }

    /// Asks for a new inspection; the receiver completes once its diagnostics are computed.
    pub fn refresh(&self) -> oneshot::Receiver<()> {
        let (tx, rx) = oneshot::channel();
        let _ = self.requests.send(Some(tx));
        rx
    }

    pub fn live(&self) -> Option<Arc<LiveState>> {
        self.live.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn status(&self) -> Status {
        self.status
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn set(&self, status: Status, live: Option<Option<Arc<LiveState>>>) {
        *self.status.write().unwrap_or_else(|p| p.into_inner()) = status;
        if let Some(live) = live {
            *self.live.write().unwrap_or_else(|p| p.into_inner()) = live;
        }
    }
}

async fn run(
    db: Arc<Database>,
    ws: Arc<Workspace>,
    publisher: Publisher,
    mut rx: mpsc::UnboundedReceiver<Option<oneshot::Sender<()>>>,
) {
    let mut retry: Option<Duration> = None;
    loop {
        let mut waiters = Vec::new();
        let request = match retry {
            Some(delay) => tokio::select! {
                r = rx.recv() => r,
                _ = tokio::time::sleep(delay) => Some(None),
            },
            None => rx.recv().await,
        };
        let Some(waiter) = request else { return };
        waiters.extend(waiter);
        tokio::time::sleep(DEBOUNCE).await;
        while let Ok(waiter) = rx.try_recv() {
            waiters.extend(waiter);
        }
        // A bug in one inspection must not end the worker: it counts as a failed attempt.
        let attempt = std::panic::AssertUnwindSafe(refresh_once(&db, &ws, &publisher));
        let ok = futures_util::FutureExt::catch_unwind(attempt)
            .await
            .unwrap_or_else(|_| {
                eprintln!("pg-flux lsp: the database refresh failed with an internal error");
                false
            });
        retry = if ok {
            None
        } else {
            Some(retry.map_or(FIRST_RETRY, |d| (d * 2).min(LAST_RETRY)))
        };
        for waiter in waiters {
            let _ = waiter.send(());
        }
    }
}

/// One inspection under the current settings; false when the database was unavailable.
async fn refresh_once(db: &Database, ws: &Workspace, publisher: &Publisher) -> bool {
    // Settings changed during the inspection: its result is for the old database; run again.
    for _ in 0..3 {
        let epoch = ws.epoch();
        let settings = ws.settings();
        let Some(url) = settings.database_url.clone() else {
            db.set(Status::NotConfigured, Some(None));
            publisher.touch(db.diagnostics.replace(HashMap::new()));
            return true;
        };
        let scope = Scope {
            schemas: settings.schemas.clone(),
        };
        let result = tokio::time::timeout(INSPECT_TIMEOUT, inspect(&url, &scope)).await;
        if ws.epoch() != epoch {
            continue;
        }
        let (ok, map) = match result {
            Ok(Ok(catalog)) => {
                let objects = inventory::inventory(&catalog);
                let definitions = inventory::definitions(&catalog, &objects);
                let by_identity = objects
                    .iter()
                    .enumerate()
                    .map(|(i, o)| (o.identity.clone(), i))
                    .collect();
                let live = Arc::new(LiveState {
                    objects,
                    definitions,
                    by_identity,
                });
                let map = undeclared_diagnostics(ws, &settings, &live.objects);
                db.set(Status::Connected, Some(Some(live)));
                (true, map)
            }
            Ok(Err(e)) => unavailable(db, &settings, &scrub(&e.to_string(), &url)),
            Err(_) => unavailable(
                db,
                &settings,
                &format!("no answer within {}s", INSPECT_TIMEOUT.as_secs()),
            ),
        };
        publisher.touch(db.diagnostics.replace(map));
        return ok;
    }
    true
}

async fn inspect(url: &str, scope: &Scope) -> crate::Result<Catalog> {
    let session = crate::connect::Session::open(url).await?;
    crate::inspect::inspect_session(&session, scope, false).await
}

fn unavailable(
    db: &Database,
    settings: &Settings,
    cause: &str,
) -> (bool, HashMap<PathBuf, Vec<Diagnostic>>) {
    eprintln!("pg-flux lsp: database unavailable: {cause}");
    db.set(Status::Unavailable(cause.to_string()), None);
    let path = settings.config_file();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let diagnostic = diagnostics::diagnostic(
        LineIndex::new(&text).first_line(),
        DiagnosticSeverity::WARNING,
        diagnostics::DATABASE_UNAVAILABLE,
        format!("database unavailable: {cause}"),
        json!({"cause": cause}),
    );
    (false, HashMap::from([(path, vec![diagnostic])]))
}

/// An error message with the connection's password (if any) masked, whatever printed it.
pub fn scrub(message: &str, url: &str) -> String {
    let message = one_line(message);
    match ConnInfo::from_env(url).ok().and_then(|c| c.password) {
        Some(password) if !password.is_empty() => message.replace(&password, "********"),
        _ => message,
    }
}

/// The live objects the source does not declare, each on the file that would hold it (when
/// that file exists), else on `pg-flux.toml`.
pub fn undeclared_diagnostics(
    ws: &Workspace,
    settings: &Settings,
    live: &[LiveObject],
) -> HashMap<PathBuf, Vec<Diagnostic>> {
    let mut map: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
    let config = settings.config_file();
    for object in verify::undeclared(live, |id| ws.is_declared(id)) {
        let suggested = object.file.as_ref().map(|f| settings.schema_dir.join(f));
        let attached = suggested
            .clone()
            .filter(|p| ws.files.contains_key(p))
            .unwrap_or_else(|| config.clone());
        let text = ws
            .text(&attached)
            .map(|t| t.to_string())
            .or_else(|| std::fs::read_to_string(&attached).ok())
            .unwrap_or_default();
        let rel = object
            .file
            .as_ref()
            .map(|f| f.to_string_lossy().into_owned());
        let place = match (&rel, attached == config) {
            (Some(rel), true) => format!(" (it belongs in {rel})"),
            _ => String::new(),
        };
        let kind = object.identity.kind.singular();
        map.entry(attached)
            .or_default()
            .push(diagnostics::diagnostic(
                LineIndex::new(&text).first_line(),
                DiagnosticSeverity::WARNING,
                diagnostics::UNDECLARED_LIVE_OBJECT,
                format!(
                    "{kind} {} is live but not declared in source{place}",
                    object.identity
                ),
                json!({
                    "kind": kind,
                    "identity": object.identity.to_string(),
                    "file": rel,
                    "pullable": object.render != Render::Nothing,
                }),
            ));
    }
    map
}
