//! The database side: a worker task that inspects the configured database on request
//! (debounced: a burst of saves makes one inspection), keeps the latest live state for hover
//! and code actions, publishes undeclared and pending objects, then loads the source into the
//! shadow database and publishes drift; it reconnects with backoff while the database is down.
//! Nothing here runs on the request path: typing never waits for it.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use serde_json::json;
use tokio::sync::{mpsc, oneshot, watch};
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity};

use super::diagnostics::{self, SnapshotSource};
use super::drift::{self, Drift};
use super::publish::Publisher;
use super::settings::{one_line, Settings};
use super::text::LineIndex;
use super::workspace::Workspace;
use crate::commands::verify;
use crate::connect::ConnInfo;
use crate::identity::{Identity, ObjectKind};
use crate::inspect::Scope;
use crate::inventory::{self, LiveObject, Render};
use crate::model::Catalog;
use crate::shadow::ShadowDb;
use crate::tree_match::{self, DumpIndex, ShadowUse, SourceMatch};

/// Saves closer together than this make one inspection.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// An inspection that takes longer counts as the database being unavailable.
const INSPECT_TIMEOUT: Duration = Duration::from_secs(30);
/// Loading the source into the shadow (a cluster may have to start first).
const SHADOW_TIMEOUT: Duration = Duration::from_secs(120);
const FIRST_RETRY: Duration = Duration::from_secs(1);
const LAST_RETRY: Duration = Duration::from_secs(30);

/// The database as last inspected.
pub struct LiveState {
    pub objects: Vec<LiveObject>,
    /// The catalog's dump: the SQL of `objects` for hover, rendered on request (a copy per
    /// object would repeat a table's definition for each of its columns), and what a save's
    /// drift check compares the workspace with.
    pub index: Arc<DumpIndex>,
    /// The live tables as migration hazards read them (see [`super::migrations`]).
    pub tables: Arc<Catalog>,
    /// The hash of each object's identity with the object, sorted (the identities themselves
    /// are not copied: a large database has hundreds of thousands).
    by_hash: Vec<(u64, u32)>,
}

impl LiveState {
    pub fn new(objects: Vec<LiveObject>, index: Arc<DumpIndex>, tables: Arc<Catalog>) -> LiveState {
        let mut by_hash: Vec<(u64, u32)> = objects
            .iter()
            .enumerate()
            .map(|(i, o)| (identity_hash(&o.identity), i as u32))
            .collect();
        by_hash.sort_unstable();
        LiveState {
            objects,
            index,
            tables,
            by_hash,
        }
    }

    /// The live object with this identity.
    pub fn find(&self, identity: &Identity) -> Option<usize> {
        let hash = identity_hash(identity);
        let from = self.by_hash.partition_point(|(h, _)| *h < hash);
        self.by_hash[from..]
            .iter()
            .take_while(|(h, _)| *h == hash)
            .map(|(_, i)| *i as usize)
            .find(|&i| self.objects[i].identity == *identity)
    }

    pub fn is_live(&self, identity: &Identity) -> bool {
        self.find(identity).is_some()
    }

    /// The SQL that defines the live object, as dump writes it: the blocks that provide it, or
    /// the statement that adds it. `None` for kinds pg-flux does not model.
    pub fn definition(&self, identity: &Identity) -> Option<String> {
        match &self.objects[self.find(identity)?].render {
            Render::Sql(sql) => Some(sql.clone()),
            Render::Blocks(refs) => self.index.sql_providing(refs),
            Render::Nothing | Render::NotRendered => None,
        }
    }
}

fn identity_hash(identity: &Identity) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(identity)
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

/// What the last shadow comparison found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DriftStatus {
    /// Not compared (no shadow configured, the source does not parse, or not yet).
    Unknown,
    /// Compared: these declared objects differ from the live ones; the shadow loaded this
    /// much of the source.
    Checked(Arc<HashMap<Identity, Drift>>, ShadowUse),
}

pub struct Database {
    requests: mpsc::UnboundedSender<Option<oneshot::Sender<()>>>,
    live: RwLock<Option<Arc<LiveState>>>,
    status: RwLock<Status>,
    drift: RwLock<DriftStatus>,
    /// `undeclared-live-object`, `pending` and `database-unavailable` diagnostics.
    pub diagnostics: Arc<SnapshotSource>,
    /// `drift`, and `not-round-trippable` for statements the shadow refuses.
    pub shadow_diagnostics: Arc<SnapshotSource>,
    /// Bumped whenever the status, the live state or the drift changes (code lenses follow).
    changed: watch::Sender<u64>,
}

impl Database {
    /// Starts the worker. Nothing is inspected until [`Database::refresh`].
    pub fn start(
        ws: Arc<Workspace>,
        diagnostics: Arc<SnapshotSource>,
        shadow_diagnostics: Arc<SnapshotSource>,
        publisher: Publisher,
    ) -> Arc<Database> {
        let (tx, rx) = mpsc::unbounded_channel();
        let db = Arc::new(Database {
            requests: tx,
            live: RwLock::new(None),
            status: RwLock::new(Status::Pending),
            drift: RwLock::new(DriftStatus::Unknown),
            diagnostics,
            shadow_diagnostics,
            changed: watch::Sender::new(0),
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

    pub fn drift(&self) -> DriftStatus {
        self.drift.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Completes at each change of what [`Database::status`], [`Database::live`] and
    /// [`Database::drift`] return.
    pub fn changes(&self) -> watch::Receiver<u64> {
        self.changed.subscribe()
    }

    fn set_drift(&self, drift: DriftStatus) {
        let mut current = self.drift.write().unwrap_or_else(|p| p.into_inner());
        if *current != drift {
            *current = drift;
            self.changed.send_modify(|n| *n += 1);
        }
    }

    fn set(&self, status: Status, live: Option<Option<Arc<LiveState>>>) {
        let mut changed = false;
        {
            let mut current = self.status.write().unwrap_or_else(|p| p.into_inner());
            changed |= *current != status;
            *current = status;
        }
        if let Some(live) = live {
            let mut current = self.live.write().unwrap_or_else(|p| p.into_inner());
            changed |= match (&*current, &live) {
                (Some(a), Some(b)) => !Arc::ptr_eq(a, b),
                (None, None) => false,
                _ => true,
            };
            *current = live;
        }
        if changed {
            self.changed.send_modify(|n| *n += 1);
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
    let mut kept = Kept::default();
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
        let attempt = std::panic::AssertUnwindSafe(refresh_once(&db, &ws, &publisher, &mut kept));
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
        super::memory::return_freed_memory();
    }
}

/// What the worker keeps between refreshes: a throwaway cluster starts once; a catalog that
/// did not change is not read again; a drift check whose two sides did not change stands.
#[derive(Default)]
struct Kept {
    shadow: Option<ShadowDb>,
    live: Option<KeptCatalog>,
    /// The settings' epoch, catalog fingerprint and source digest of the last refresh that
    /// published everything: while they stay the same, what it published stands.
    refreshed: Option<(u64, String, u64)>,
}

/// The last catalog read, with what it was read under.
struct KeptCatalog {
    url: String,
    scope: Scope,
    with_dependencies: bool,
    fingerprint: String,
    /// The server's log position before the read's snapshot (see
    /// [`crate::inspect::logged_nothing_during`]).
    wal_position: Option<String>,
    catalog: Arc<PackedCatalog>,
    /// What was derived from the catalog, while it stands: the live state with its dump's
    /// index (when the scope ignores nothing, so that the catalog is the whole one read).
    state: Option<Arc<LiveState>>,
}

/// One inspection under the current settings; false when the database was unavailable.
async fn refresh_once(
    db: &Database,
    ws: &Arc<Workspace>,
    publisher: &Publisher,
    kept: &mut Kept,
) -> bool {
    // Settings changed during the inspection: its result is for the old database; run again.
    for _ in 0..3 {
        let epoch = ws.epoch();
        let settings = ws.settings();
        let Some(url) = settings.database_url.clone() else {
            db.set(Status::NotConfigured, Some(None));
            db.set_drift(DriftStatus::Unknown);
            publisher.touch(db.diagnostics.replace(HashMap::new()));
            publisher.touch(db.shadow_diagnostics.replace(HashMap::new()));
            return true;
        };
        let scope = settings.scope();
        // The diff orders blocks as dump does, which needs the dependency edges.
        let with_dependencies = settings.shadow.is_some();
        // Read whole: the shadow is given the ignored objects' live definitions (shells).
        let result = tokio::time::timeout(
            INSPECT_TIMEOUT,
            inspect(
                &url,
                &scope.without_ignore(),
                with_dependencies,
                &mut kept.live,
            ),
        )
        .await;
        if ws.epoch() != epoch {
            continue;
        }
        let (session, whole, fingerprint) = match result {
            Ok(Ok(inspected)) => inspected,
            Ok(Err(e)) => {
                return unavailable(db, publisher, &settings, &scrub(&e.to_string(), &url))
            }
            Err(_) => {
                let cause = format!("no answer within {}s", INSPECT_TIMEOUT.as_secs());
                return unavailable(db, publisher, &settings, &cause);
            }
        };
        let refreshed = (epoch, fingerprint, source_digest(ws));
        if kept.refreshed.as_ref() == Some(&refreshed) && db.status() == Status::Connected {
            return true;
        }
        kept.refreshed = None;
        let Some(whole) = whole.get().await else {
            // A kept catalog that does not unpack is read again.
            kept.live = None;
            continue;
        };
        let (catalog, ignored) = if scope.ignore.is_empty() {
            (whole, Catalog::default())
        } else {
            let mut catalog = (*whole).clone();
            let ignored = crate::ignore::ignored_part(&catalog, &scope.ignore);
            crate::ignore::apply(&mut catalog, &scope);
            (Arc::new(catalog), ignored)
        };
        // The catalog read whole, unchanged: what was derived from it stands.
        let whole_catalog = scope.ignore.is_empty();
        let kept_state = kept
            .live
            .as_ref()
            .and_then(|k| k.state.clone())
            .filter(|_| whole_catalog);
        let live = match kept_state {
            Some(state) => state,
            None => {
                let read = catalog.clone();
                let Ok(state) = tokio::task::spawn_blocking(move || live_state(&read)).await else {
                    return false;
                };
                let state = Arc::new(state);
                if let Some(k) = kept.live.as_mut().filter(|_| whole_catalog) {
                    k.state = Some(state.clone());
                }
                state
            }
        };
        let renamed = PendingRenames::of(ws, &live);
        let mut map = undeclared_diagnostics(ws, &settings, &live.objects, &renamed);
        for (path, found) in pending_diagnostics(ws, &live, &renamed) {
            map.entry(path).or_default().extend(found);
        }
        // The dump of the catalog read whole (the live state's is of what `[ignore]` leaves).
        let index = whole_catalog.then(|| live.index.clone());
        db.set(Status::Connected, Some(Some(live)));
        publisher.touch(db.diagnostics.replace(map));
        // Migration hazards read the live tables.
        publisher.touch(super::migrations::paths(ws));

        let Some(target) = settings.shadow.clone() else {
            db.set_drift(DriftStatus::Unknown);
            publisher.touch(db.shadow_diagnostics.replace(HashMap::new()));
            kept.refreshed = Some(refreshed);
            return true;
        };
        if kept.shadow.as_ref().is_none_or(|s| *s.target() != target) {
            kept.shadow = Some(ShadowDb::new(target));
        }
        let Some(shadow_db) = kept.shadow.as_mut() else {
            return true;
        };
        let catalogs = (catalog, &ignored);
        let report = compare_with_shadow(ws, &settings, &session, catalogs, index, shadow_db)
            .await
            .unwrap_or_else(|cause| {
                eprintln!("pg-flux lsp: drift not checked: {}", scrub(&cause, &url));
                None
            });
        if ws.epoch() != epoch {
            continue;
        }
        match report {
            Some(report) => {
                db.set_drift(DriftStatus::Checked(Arc::new(report.drift), report.loaded));
                publisher.touch(db.shadow_diagnostics.replace(report.diagnostics));
                kept.refreshed = Some(refreshed);
            }
            None => {
                db.set_drift(DriftStatus::Unknown);
                publisher.touch(db.shadow_diagnostics.replace(HashMap::new()));
            }
        }
        return true;
    }
    true
}

/// A catalog kept between refreshes, serialized (14 MB at 10,000 tables, a fraction of its
/// size as a model). A refresh unpacks it only when something changed.
struct PackedCatalog(Vec<u8>);

impl PackedCatalog {
    fn pack(catalog: &Catalog) -> Option<PackedCatalog> {
        postcard::to_allocvec(catalog).ok().map(PackedCatalog)
    }

    fn unpack(&self) -> Option<Catalog> {
        postcard::from_bytes(&self.0).ok()
    }
}

/// The catalog a refresh works on: just read, or the kept one (unpacked when needed).
enum LiveCatalog {
    Read(Arc<Catalog>),
    Kept(Arc<PackedCatalog>),
}

impl LiveCatalog {
    async fn get(self) -> Option<Arc<Catalog>> {
        match self {
            LiveCatalog::Read(catalog) => Some(catalog),
            LiveCatalog::Kept(packed) => tokio::task::spawn_blocking(move || packed.unpack())
                .await
                .ok()
                .flatten()
                .map(Arc::new),
        }
    }
}

/// Opens a session on `url` and reads its catalog, unless the catalog's fingerprint says it is
/// the one `kept` holds (read under the same settings).
async fn inspect(
    url: &str,
    scope: &Scope,
    with_dependencies: bool,
    kept: &mut Option<KeptCatalog>,
) -> crate::Result<(crate::connect::Session, LiveCatalog, String)> {
    let session = crate::connect::Session::open(url).await?;
    let same_read = |k: &&KeptCatalog| {
        k.url == url && k.scope == *scope && k.with_dependencies == with_dependencies
    };
    // Nothing logged since the kept read: no scan of the catalogs either.
    let wal_position = session.wal_position_before_snapshot().map(str::to_string);
    if let Some(k) = kept.as_ref().filter(same_read) {
        if wal_position.is_some()
            && k.wal_position == wal_position
            && crate::inspect::logged_nothing_during(&session).await
        {
            let catalog = LiveCatalog::Kept(k.catalog.clone());
            return Ok((session, catalog, k.fingerprint.clone()));
        }
    }
    let fingerprint = crate::inspect::fingerprint(&session.readers()).await?;
    if let Some(k) = kept
        .as_mut()
        .filter(|k| same_read(&&**k) && k.fingerprint == fingerprint)
    {
        k.wal_position = wal_position;
        return Ok((session, LiveCatalog::Kept(k.catalog.clone()), fingerprint));
    }
    *kept = None;
    // Through the cache that the command line keeps too: a server started on a database that
    // `migrate generate` or another server read since its last change reads nothing again.
    let catalog = crate::inspect::inspect_cached_with(
        &session,
        scope,
        if with_dependencies {
            crate::inspect::Depth::Ordered
        } else {
            crate::inspect::Depth::Definitions
        },
        Some(&fingerprint),
    )
    .await?;
    let catalog = Arc::new(catalog);
    let read = catalog.clone();
    let packed = tokio::task::spawn_blocking(move || PackedCatalog::pack(&read))
        .await
        .ok()
        .flatten();
    *kept = packed.map(|packed| KeptCatalog {
        url: url.to_string(),
        scope: scope.clone(),
        with_dependencies,
        fingerprint: fingerprint.clone(),
        wal_position,
        catalog: Arc::new(packed),
        state: None,
    });
    Ok((session, LiveCatalog::Read(catalog), fingerprint))
}

/// The live objects of `catalog`, its dump and an index by identity.
fn live_state(catalog: &Catalog) -> LiveState {
    let objects = inventory::inventory(catalog);
    let tables = Arc::new(super::migrations::hazard_tables(catalog));
    LiveState::new(objects, Arc::new(DumpIndex::new(catalog)), tables)
}

/// A digest of the source files as the editor holds them (in any order).
fn source_digest(ws: &Workspace) -> u64 {
    use std::hash::{Hash, Hasher};
    ws.files
        .iter()
        .filter(|f| f.in_source)
        .map(|f| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (f.key(), &*f.text).hash(&mut h);
            h.finish()
        })
        .fold(0u64, u64::wrapping_add)
}

/// Loads the workspace's source into the shadow and compares it with `live`, whose dump
/// `index` describes (when the catalog is the whole one read). `Ok(None)` when
/// the source does not parse (its syntax errors say so already). `ignored` (what `[ignore]`
/// took out of the live catalog) is loaded first, less what the source declares, so that
/// source referring to it loads.
async fn compare_with_shadow(
    ws: &Arc<Workspace>,
    settings: &Settings,
    session: &crate::connect::Session,
    (live, ignored): (Arc<Catalog>, &Catalog),
    index: Option<Arc<DumpIndex>>,
    shadow: &mut ShadowDb,
) -> Result<Option<drift::DriftReport>, String> {
    let shells = crate::ignore::shell_statements(ignored, |id| ws.is_declared(id));
    if let Some(index) = index.filter(|_| shells.is_empty()) {
        match match_workspace(ws, settings, index).await {
            // The shadow would give the live catalog back: nothing drifts.
            SourceMatch::Dump => {
                return Ok(Some(drift::DriftReport {
                    loaded: ShadowUse::Skipped,
                    ..Default::default()
                }))
            }
            // A pending rename is undone over the whole source (see `ShadowDb::
            // load_undoing_renames`): not in a partial load.
            SourceMatch::Changed(partial) if settings.partial_shadow && !ws.annotates_renames() => {
                let scope = settings.scope();
                if let Some(report) =
                    compare_changed(ws, session, &live, *partial, shadow, &scope).await?
                {
                    return Ok(Some(report));
                }
            }
            SourceMatch::Changed(_) | SourceMatch::Other => {}
        }
    }
    let Some(source) = drift::workspace_statements(ws, settings) else {
        return Ok(None);
    };
    let mut statements = shells;
    statements.extend(source);
    let scope = settings.scope();
    let loaded = load_in_time(shadow, session, statements, &scope).await?;
    let mut loaded = loaded;
    for warning in &loaded.warnings {
        eprintln!("pg-flux lsp: {warning}");
    }
    // A shell that does not load is no source file's problem.
    loaded.failures.retain(|f| {
        let shell = crate::ignore::is_shell_file(&f.file);
        if shell {
            eprintln!(
                "pg-flux lsp: {} does not load: {}",
                f.file.display(),
                f.message
            );
        }
        !shell
    });
    // Emitting and comparing two catalogs is CPU work: off the async threads.
    let ws = ws.clone();
    tokio::task::spawn_blocking(move || {
        let mut declared = loaded.catalog;
        declared.adopt_unstated_owners(&live, &loaded.loader);
        Some(drift::report(&ws, &live, &declared, &loaded.failures))
    })
    .await
    .map_err(|e| format!("comparing with the shadow failed: {e}"))
}

/// Loads `statements` into the shadow, within [`SHADOW_TIMEOUT`].
async fn load_in_time(
    shadow: &mut ShadowDb,
    session: &crate::connect::Session,
    statements: Vec<crate::load::SourceStatement>,
    scope: &Scope,
) -> Result<crate::shadow::Shadow, String> {
    tokio::time::timeout(
        SHADOW_TIMEOUT,
        shadow.load_undoing_renames(session, statements, scope),
    )
    .await
    .map_err(|_| {
        format!(
            "the shadow database took longer than {}s",
            SHADOW_TIMEOUT.as_secs()
        )
    })?
    .map_err(|e| e.to_string())
}

/// How the workspace's source files, as the editor holds them, stand to what dump writes for
/// the live catalog `index` was made from.
async fn match_workspace(
    ws: &Arc<Workspace>,
    settings: &Settings,
    index: Arc<DumpIndex>,
) -> SourceMatch {
    let (ws, root) = (ws.clone(), settings.schema_dir.clone());
    tokio::task::spawn_blocking(move || {
        let relative: Vec<PathBuf> = ws
            .files
            .iter()
            .filter(|f| f.in_source)
            .filter_map(|f| f.key().strip_prefix(&root).ok().map(|p| p.to_path_buf()))
            .collect();
        tree_match::match_files(&relative, &index, |file| {
            ws.files
                .get(&root.join(file))
                .map(|f| f.text.as_bytes().to_vec())
        })
    })
    .await
    .unwrap_or(SourceMatch::Other)
}

/// Loads only the changed files of `partial` (with what they need and what depends on them)
/// and reports drift between both sides narrowed to that part; `None` when the partial load
/// cannot stand for a full one (see [`tree_match::Partial::narrow`]).
async fn compare_changed(
    ws: &Arc<Workspace>,
    session: &crate::connect::Session,
    live: &Arc<Catalog>,
    partial: tree_match::Partial,
    shadow: &mut ShadowDb,
    scope: &Scope,
) -> Result<Option<drift::DriftReport>, String> {
    let root = ws.settings().schema_dir.clone();
    let Some(statements) =
        partial.statements(&root, |path| Ok(ws.text(path).map(|t| t.to_string())))
    else {
        return Ok(None);
    };
    let loaded = load_in_time(shadow, session, statements, scope).await?;
    if !loaded.failures.is_empty() {
        return Ok(None);
    }
    let (ws, live) = (ws.clone(), live.clone());
    tokio::task::spawn_blocking(move || {
        let narrowed = partial.narrow(&live, &loaded.catalog)?;
        let mut declared = loaded.catalog;
        declared.adopt_unstated_owners(&narrowed, &loaded.loader);
        let mut report = drift::report(&ws, &narrowed, &declared, &[]);
        report.loaded = ShadowUse::Partial {
            files: partial.changed.len(),
            objects: partial.loaded_objects(),
        };
        Some(report)
    })
    .await
    .map_err(|e| format!("comparing with the shadow failed: {e}"))
}

/// Publishes the cause on `pg-flux.toml`; database-level diagnostics (undeclared, pending,
/// drift) are withdrawn until the database answers again. Returns false (retry).
fn unavailable(db: &Database, publisher: &Publisher, settings: &Settings, cause: &str) -> bool {
    eprintln!("pg-flux lsp: database unavailable: {cause}");
    db.set(Status::Unavailable(cause.to_string()), None);
    db.set_drift(DriftStatus::Unknown);
    let path = settings.config_file();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let diagnostic = diagnostics::diagnostic(
        LineIndex::new(&text).first_line(),
        DiagnosticSeverity::WARNING,
        diagnostics::DATABASE_UNAVAILABLE,
        format!("database unavailable: {cause}"),
        json!({"cause": cause}),
    );
    publisher.touch(
        db.diagnostics
            .replace(HashMap::from([(path, vec![diagnostic])])),
    );
    publisher.touch(db.shadow_diagnostics.replace(HashMap::new()));
    false
}

/// An error message with the connection's password (if any) masked, whatever printed it.
pub fn scrub(message: &str, url: &str) -> String {
    let message = one_line(message);
    let Ok(info) = ConnInfo::from_env(url) else {
        return message;
    };
    info.passwords().fold(message, |message, password| {
        message.replace(password, "********")
    })
}

/// The source's rename annotations that live has not made yet (live has the old name, not the
/// new one): what lives under an old name is declared under the new one, and the new name is
/// pending as a rename, which `migrate generate` writes as `ALTER … RENAME`.
#[derive(Default)]
pub struct PendingRenames {
    /// Old identity → new identity.
    objects: HashMap<Identity, Identity>,
    /// Renamed tables (schema, old name): their columns, constraints and grants go with them.
    tables: HashSet<(String, String)>,
    /// New identity → old name.
    from: HashMap<Identity, String>,
}

impl PendingRenames {
    pub fn of(ws: &Workspace, live: &LiveState) -> PendingRenames {
        use crate::source::renames::RenameKind as K;
        let mut out = PendingRenames::default();
        for r in ws.renames() {
            let (schema, name) = (r.object.schema.as_str(), r.object.name.as_str());
            let pair = |kind: ObjectKind| {
                Some((
                    Identity::new(kind, schema, &r.old),
                    Identity::new(kind, schema, name),
                ))
            };
            let member = |kind: ObjectKind| {
                Some((
                    Identity::of_table(kind, schema, name, &r.old),
                    Identity::of_table(kind, schema, name, &r.member),
                ))
            };
            let ids = match r.kind {
                K::Table => pair(ObjectKind::Table),
                K::View => pair(ObjectKind::View),
                K::MaterializedView => pair(ObjectKind::MaterializedView),
                K::Sequence => pair(ObjectKind::Sequence),
                K::Type => pair(ObjectKind::Type),
                K::Domain => pair(ObjectKind::Domain),
                K::Column => member(ObjectKind::Column),
                K::Constraint => member(ObjectKind::Constraint),
                // Identified with more than a name (arguments, the table): left as they are.
                K::Index | K::Function | K::Procedure => None,
            };
            let Some((old, new)) = ids else { continue };
            if !live.is_live(&old) || live.is_live(&new) {
                continue;
            }
            if r.kind == K::Table {
                out.tables.insert((schema.to_string(), r.old.clone()));
            }
            out.from.insert(new.clone(), r.old.clone());
            out.objects.insert(old, new);
        }
        out
    }

    /// Whether a live identity is declared under a new name.
    fn covers(&self, live: &Identity) -> bool {
        self.objects.contains_key(live)
            || live.table.as_deref().is_some_and(|table| {
                let schema = live.schema.as_deref().unwrap_or("");
                self.tables
                    .contains(&(schema.to_string(), table.to_string()))
            })
    }
}

/// The live objects the source does not declare, each on the file that would hold it (when
/// that file exists), else on `pg-flux.toml`.
pub fn undeclared_diagnostics(
    ws: &Workspace,
    settings: &Settings,
    live: &[LiveObject],
    renamed: &PendingRenames,
) -> HashMap<PathBuf, Vec<Diagnostic>> {
    let mut map: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
    let config = settings.config_file();
    for object in verify::undeclared(live, |id| ws.is_declared(id) || renamed.covers(id)) {
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

/// Declared objects that are not live, on their declarations. A statement creating a new
/// object reports that object only, not each of its columns and constraints.
pub fn pending_diagnostics(
    ws: &Workspace,
    live: &LiveState,
    renamed: &PendingRenames,
) -> HashMap<PathBuf, Vec<Diagnostic>> {
    let mut map: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
    // Declarations `[ignore]` takes have their own warning: never pending.
    let rules = ws.settings().ignore.clone();
    for file in ws.files.iter() {
        if !file.in_source {
            continue;
        }
        let not_live: Vec<&crate::source::Declaration> = file
            .model
            .declarations
            .iter()
            .filter(|d| !d.implied && !live.is_live(&d.identity))
            .filter(|d| rules.rule_for_declared(&d.identity).is_none())
            .collect();
        if not_live.is_empty() {
            continue;
        }
        let whole_objects: HashSet<usize> = not_live
            .iter()
            .filter(|d| d.identity.table.is_none() && d.identity.grant_of().is_none())
            .map(|d| d.span.start)
            .collect();
        let index = LineIndex::new(&file.text);
        let mut found = Vec::new();
        for d in not_live {
            let part_of_new_object = (d.identity.table.is_some()
                || d.identity.grant_of().is_some())
                && whole_objects.contains(&d.span.start);
            if part_of_new_object {
                continue;
            }
            let kind = d.identity.kind.singular();
            let message = match renamed.from.get(&d.identity) {
                Some(old) => format!(
                    "{kind} {} is renamed from {} (pending: migrate generate writes the \
                     ALTER … RENAME)",
                    d.identity,
                    crate::emit::sql::ident(old)
                ),
                None => format!(
                    "{kind} {} is declared but not live yet (pending)",
                    d.identity
                ),
            };
            found.push(diagnostics::diagnostic(
                index.range(d.span.start, d.span.end),
                DiagnosticSeverity::INFORMATION,
                diagnostics::PENDING,
                message,
                json!({"kind": kind, "identity": d.identity.to_string()}),
            ));
        }
        if !found.is_empty() {
            map.insert(file.key().clone(), found);
        }
    }
    map
}
