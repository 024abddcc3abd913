//! The shadow database: the declared source made concrete. The source tree is loaded into an
//! empty database and read back with the same inspector as the live one, so both sides of a
//! comparison are what PostgreSQL itself made of them (parsing alone drifts).
//!
//! The shadow is either a throwaway cluster of the live server's major (binaries permitting)
//! or an existing empty database the user names.
//! - In the throwaway cluster, each load gets a fresh scratch database, loaded statement by
//!   statement in autocommit (a first pass on one connection per core, then serial retries),
//!   read like a live database (two readers, one snapshot) and dropped. The roles created for
//!   owners, grants and policies stay in the cluster for the next load.
//! - A named database is loaded inside one transaction that is rolled back (a savepoint per
//!   statement), so that it is left empty for the next run with no role created in it. This
//!   costs more as the source grows: every statement is a subtransaction that the read-back
//!   must see through.
//!
//! Nothing here touches the live database except one read-only query for its role names.

use std::collections::HashMap;
use std::path::Path;

use tokio_postgres::Client;

use crate::connect::{self, Session};
use crate::embedded::{install, Binaries, Cluster};
use crate::error::{Error, Result};
use crate::inspect::{self, Scope};
use crate::load::{self, SourceStatement};
use crate::model::{Catalog, CatalogRef, QualifiedName};
use crate::progress::Phase;
use crate::source::renames::{self, Rename, RenameKind};

/// Where the shadow database is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShadowTarget {
    /// A throwaway cluster of the live major, from local server programs or installed ones.
    Embedded(EmbeddedOptions),
    /// An existing, empty database (`--shadow-db`, `[shadow] url`).
    Url(String),
}

/// How the throwaway cluster's server programs are found (`[shadow] install`, `[shadow] bindir`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedOptions {
    /// Install the live major's server programs into the cache when none are found.
    pub install: bool,
    /// Searched after `PGFLUX_PG_BINDIR` and before the machine's own places.
    pub bindir: Option<std::path::PathBuf>,
    /// `shared_preload_libraries` of the cluster (`[shadow] preload_libraries`).
    pub preload_libraries: Vec<String>,
}

impl Default for EmbeddedOptions {
    fn default() -> EmbeddedOptions {
        EmbeddedOptions {
            install: true,
            bindir: None,
            preload_libraries: Vec::new(),
        }
    }
}

/// The declared source as a catalog, and what the caller should warn about.
#[derive(Debug)]
pub struct Shadow {
    pub catalog: Catalog,
    /// The role the source was loaded as: what the source creates without saying whose it is
    /// belongs to it (see [`Catalog::adopt_unstated_owners`]).
    pub loader: String,
    pub warnings: Vec<String>,
    /// Statements the shadow database refused (after retrying in dependency order), with the
    /// server's message. The catalog holds everything else.
    pub failures: Vec<LoadFailure>,
    /// Rename annotations live has not seen yet: the catalog holds these objects under their
    /// old (live) names, so that the migration is everything else, then these renames.
    pub pending_renames: Vec<Rename>,
}

/// A source statement that does not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadFailure {
    pub file: std::path::PathBuf,
    pub line: usize,
    pub column: usize,
    /// The statement's length in bytes (from its first character).
    pub len: usize,
    pub message: String,
}

impl LoadFailure {
    fn into_error(self) -> Error {
        Error::Source {
            file: self.file,
            line: self.line,
            column: self.column,
            message: format!("does not load into the shadow database: {}", self.message),
        }
    }
}

/// Loads the tree at `schema_dir` into a shadow database and inspects it. `live` is the live
/// database's read-only session (its major and role names are read from it). A statement that
/// does not load is an error naming file:line:column.
///
/// `shells` load with the source: live definitions of objects `[ignore]` leaves to others, so
/// that source referring to them loads (see `ignore::shell_statements`; the scope's rules take
/// them out of the catalog again). One that does not load is a warning.
pub async fn declared_catalog(
    live: &Session,
    schema_dir: &Path,
    target: &ShadowTarget,
    scope: &Scope,
    shells: Vec<SourceStatement>,
) -> Result<Shadow> {
    ShadowDb::new(target.clone())
        .load_tree(live, schema_dir, scope, shells)
        .await
}

impl ShadowDb {
    /// As [`declared_catalog`], in this shadow (started already, or started here).
    pub async fn load_tree(
        &mut self,
        live: &Session,
        schema_dir: &Path,
        scope: &Scope,
        shells: Vec<SourceStatement>,
    ) -> Result<Shadow> {
        // First, before the caller's other queries on the live session queue up ahead of it.
        let roles = live_roles(live.client()).await?;
        let dir = schema_dir.to_path_buf();
        let read = async {
            let start = std::time::Instant::now();
            let statements = tokio::task::spawn_blocking(move || load::read_statements(&dir))
                .await
                .map_err(|e| Error::Database(format!("reading the source failed: {e}")))?;
            inspect::trace_phase("shadow read source", start);
            statements
        };
        // The source is read and split while the cluster starts.
        let (source, ()) = tokio::try_join!(read, self.start(live.server_major()))?;
        let statements: Vec<SourceStatement> = shells.into_iter().chain(source).collect();
        let pending = pending_renames(live.client(), renames::renames(&statements)?).await?;
        let mut shadow = self
            .load_for_roles(live, &roles, statements, &pending, scope)
            .await?;
        let (shell_failures, failures): (Vec<LoadFailure>, Vec<LoadFailure>) =
            std::mem::take(&mut shadow.failures)
                .into_iter()
                .partition(|f| crate::ignore::is_shell_file(&f.file));
        shadow.warnings.extend(shell_failures.iter().map(|f| {
        format!(
            "{} does not load into the shadow database ({}): source that uses it may not load either",
            f.file.display(),
            f.message
        )
    }));
        let first_failure = failures.into_iter().next();
        match first_failure {
            Some(failure) => Err(failure.into_error()),
            None => Ok(shadow),
        }
    }
}

/// A shadow database that can be loaded again and again (the language server loads it on every
/// save): a throwaway cluster is started once, for the live server's major, and kept.
pub struct ShadowDb {
    target: ShadowTarget,
    cluster: Option<Cluster>,
}

impl ShadowDb {
    pub fn new(target: ShadowTarget) -> ShadowDb {
        ShadowDb {
            target,
            cluster: None,
        }
    }

    pub fn target(&self) -> &ShadowTarget {
        &self.target
    }

    /// Starts the throwaway cluster for the live server's `major`, when the shadow is one (a
    /// load does it too; starting ahead lets the caller do something else meanwhile).
    pub async fn start(&mut self, major: u32) -> Result<()> {
        let start = std::time::Instant::now();
        if matches!(self.target, ShadowTarget::Embedded(_)) {
            self.embedded(major).await?;
        }
        inspect::trace_phase("shadow start", start);
        Ok(())
    }

    /// Loads `statements` into the shadow and inspects the result.
    pub async fn load(
        &mut self,
        live: &Session,
        statements: Vec<SourceStatement>,
        scope: &Scope,
    ) -> Result<Shadow> {
        let roles = live_roles(live.client()).await?;
        self.load_for_roles(live, &roles, statements, &[], scope)
            .await
    }

    /// As [`ShadowDb::load`], undoing the source's pending renames (annotated, not yet made
    /// live) after the load, so that the shadow names those objects as live does.
    pub async fn load_undoing_renames(
        &mut self,
        live: &Session,
        statements: Vec<SourceStatement>,
        scope: &Scope,
    ) -> Result<Shadow> {
        let roles = live_roles(live.client()).await?;
        let pending = pending_renames(live.client(), renames::renames(&statements)?).await?;
        self.load_for_roles(live, &roles, statements, &pending, scope)
            .await
    }

    /// As [`ShadowDb::load`], with the live role names read already.
    async fn load_for_roles(
        &mut self,
        live: &Session,
        roles: &[LiveRole],
        statements: Vec<SourceStatement>,
        renames: &[Rename],
        scope: &Scope,
    ) -> Result<Shadow> {
        let warnings = Vec::new();
        let (catalog, failures, undone, loader, server) = match &self.target {
            ShadowTarget::Url(url) => {
                let client = connect::connect_writable(url.as_str()).await?;
                if same_database(live.client(), &client).await? {
                    return Err(shadow_is_live());
                }
                let loader = current_user(&client).await?;
                let server = ShadowServer::Database(describe_database(&client).await?);
                let (catalog, failures, undone) =
                    load_in_rolled_back_transaction(&client, statements, roles, renames, scope)
                        .await?;
                (catalog, failures, undone, loader, server)
            }
            ShadowTarget::Embedded(_) => {
                let cluster = self.embedded(live.server_major()).await?;
                let scratch = cluster.socket_conninfo_as(SCRATCH_DATABASE, UNSTATED_OWNER);
                let admin = cluster.socket_conninfo("postgres");
                let server = ShadowServer::Programs(cluster.binaries().clone());
                let admin = match connect::connect_writable(&admin).await {
                    Ok(client) => client,
                    Err(e) => {
                        // Start afresh next time.
                        self.cluster = None;
                        return Err(e);
                    }
                };
                let (catalog, failures, undone) =
                    load_into_scratch(admin, &scratch, statements, roles, renames, scope).await?;
                (
                    catalog,
                    failures,
                    undone,
                    UNSTATED_OWNER.to_string(),
                    server,
                )
            }
        };
        // Not the source's fault: said as what it is, with the ways out.
        if let Some(error) = failures.iter().find_map(|f| {
            missing_extension(f, &server, live.server_major())
                .or_else(|| missing_label_provider(f, &server))
        }) {
            return Err(error);
        }
        Ok(Shadow {
            catalog,
            loader,
            warnings,
            failures,
            pending_renames: undone,
        })
    }

    /// The kept cluster, started (or restarted for another major) when needed.
    async fn embedded(&mut self, major: u32) -> Result<&Cluster> {
        let reusable = self
            .cluster
            .as_ref()
            .is_some_and(|cluster| cluster.major() == major && cluster_alive(cluster));
        if !reusable {
            self.cluster = None;
            let options = match &self.target {
                ShadowTarget::Embedded(options) => options.clone(),
                ShadowTarget::Url(_) => EmbeddedOptions::default(),
            };
            let cluster = tokio::task::spawn_blocking(move || {
                let binaries =
                    install::shadow_binaries(major, options.install, options.bindir.as_deref())?;
                let preload = options.preload_libraries.join(",");
                if preload.is_empty() {
                    Cluster::start(&binaries)
                } else {
                    Cluster::start_with(&binaries, &[("shared_preload_libraries", &preload)])
                }
            })
            .await
            .map_err(|e| Error::Embedded(format!("could not start the shadow cluster: {e}")))??;
            self.cluster = Some(cluster);
        }
        self.cluster
            .as_ref()
            .ok_or_else(|| Error::Embedded("the shadow cluster is not running".to_string()))
    }
}

/// Counts the source statements the shadow has loaded, for a progress bar.
fn loading_progress(statements: &[SourceStatement]) -> Phase {
    Phase::start(
        "loading the source into the shadow database",
        "statements",
        Some(statements.len()),
    )
}

/// What the shadow database runs on, as the messages name it.
enum ShadowServer {
    /// The throwaway cluster's server programs.
    Programs(Binaries),
    /// The user's database: its name and server version.
    Database((String, String)),
}

async fn describe_database(client: &Client) -> Result<(String, String)> {
    let row = client
        .query_one(
            "SELECT pg_catalog.current_database()::text, \
             pg_catalog.current_setting('server_version')",
            &[],
        )
        .await
        .map_err(|e| db_error("identifying the shadow database", &e))?;
    Ok((row.get(0), row.get(1)))
}

/// A statement refused because the shadow's server does not have the extension it creates
/// (PostGIS on a managed service, say): the error that names it and the ways out.
fn missing_extension(failure: &LoadFailure, server: &ShadowServer, major: u32) -> Option<Error> {
    let name = unavailable_extension(&failure.message)?;
    let file = failure.file.strip_prefix(".").unwrap_or(&failure.file);
    let at = format!("{}:{}", file.display(), failure.line);
    Some(Error::Shadow(match server {
        ShadowServer::Programs(b) => format!(
            "extension \"{name}\" ({at}) is not available in the shadow database's PostgreSQL \
             {} server programs in {}; install it for those programs, give --shadow-db URL or \
             [shadow] url (an empty database on a PostgreSQL {major} server that has it), or set \
             [shadow] bindir or {} to the bindir of PostgreSQL {major} server programs that have it",
            b.version,
            b.bindir.display(),
            crate::embedded::BINDIR_ENV,
        ),
        ShadowServer::Database((database, version)) => format!(
            "extension \"{name}\" ({at}) is not available on the server of the shadow database \
             \"{database}\" (PostgreSQL {version}); install it on that server, or give --shadow-db \
             URL or [shadow] url an empty database on a PostgreSQL {major} server that has it"
        ),
    }))
}

/// A `SECURITY LABEL FOR` refused because the shadow's server has not loaded the label provider
/// (which only `shared_preload_libraries` can load): the error that says how to load it.
fn missing_label_provider(failure: &LoadFailure, server: &ShadowServer) -> Option<Error> {
    let message = &failure.message;
    let provider = message
        .strip_prefix("security label provider \"")
        .and_then(|rest| rest.strip_suffix("\" is not loaded"))
        .map(|p| format!("security label provider \"{p}\""))
        .or_else(|| {
            (message == "no security label providers have been loaded")
                .then(|| "its security label provider".to_string())
        })?;
    let file = failure.file.strip_prefix(".").unwrap_or(&failure.file);
    let at = format!("{}:{}", file.display(), failure.line);
    Some(Error::Shadow(match server {
        ShadowServer::Programs(b) => format!(
            "{at} labels an object, but {provider} is not loaded in the shadow database's \
             PostgreSQL {} cluster; set [shadow] preload_libraries in pg-flux.toml to the \
             library that provides it (as the live server's shared_preload_libraries loads it), \
             or give --shadow-db URL an empty database on a server that loads it",
            b.version
        ),
        ShadowServer::Database((database, version)) => format!(
            "{at} labels an object, but {provider} is not loaded on the server of the shadow \
             database \"{database}\" (PostgreSQL {version}); load it there \
             (shared_preload_libraries), or give --shadow-db URL a database on a server that does"
        ),
    }))
}

/// The extension a server's message says it lacks: `extension "x" is not available` (15 and
/// later) or `could not open extension control file ".../x.control": …` (13, 14).
fn unavailable_extension(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("extension \"") {
        return rest
            .strip_suffix("\" is not available")
            .map(|name| name.replace("\"\"", "\""));
    }
    let path = message
        .strip_prefix("could not open extension control file \"")?
        .split('"')
        .next()?;
    Path::new(path)
        .file_name()?
        .to_str()?
        .strip_suffix(".control")
        .map(str::to_string)
}

/// The role the throwaway cluster loads the source as.
const UNSTATED_OWNER: &str = "pgflux_unstated_owner";

async fn current_user(client: &Client) -> Result<String> {
    let row = client
        .query_one("SELECT current_user::text", &[])
        .await
        .map_err(|e| db_error("reading the shadow's role", &e))?;
    row.try_get(0)
        .map_err(|e| Error::Database(format!("reading the shadow's role: {e}")))
}

/// Whether the kept cluster still has its data directory (a cleaned-up temp dir ends it).
fn cluster_alive(cluster: &Cluster) -> bool {
    cluster.data_dir().join("postmaster.pid").exists()
}

/// A role of the live cluster, as the shadow recreates it.
struct LiveRole {
    name: String,
    /// Some objects must belong to a superuser (event triggers, functions in an untrusted
    /// language): the shadow's copy of their owner must be one too.
    superuser: bool,
}

/// The roles of the live cluster (not the built-in `pg_*` ones).
async fn live_roles(client: &Client) -> Result<Vec<LiveRole>> {
    let rows = client
        .query(
            "SELECT rolname::text, rolsuper FROM pg_catalog.pg_roles \
             WHERE rolname !~ '^pg_' ORDER BY 1",
            &[],
        )
        .await
        .map_err(|e| db_error("reading the live role names", &e))?;
    Ok(rows
        .iter()
        .map(|r| LiveRole {
            name: r.get(0),
            superuser: r.get(1),
        })
        .collect())
}

/// Whether two connections reach the same database of the same running cluster.
fn shadow_is_live() -> Error {
    Error::Usage(
        "the shadow database is the live database: give --shadow-db an empty scratch database"
            .into(),
    )
}

fn shadow_not_empty() -> Error {
    Error::Usage(
        "the shadow database is not empty: give --shadow-db (or [shadow] url) an empty database"
            .into(),
    )
}

/// Checks a shadow database the user names (`--shadow-db`, `[shadow] url`) as a load would,
/// without loading: it is not the live database, and it is empty. A command that needs no load
/// (the source is the live dump) still says when the setting is wrong.
pub async fn check_named(live: &Session, target: &ShadowTarget, scope: &Scope) -> Result<()> {
    let ShadowTarget::Url(url) = target else {
        return Ok(());
    };
    let client = connect::connect_writable(url.as_str()).await?;
    if same_database(live.client(), &client).await? {
        return Err(shadow_is_live());
    }
    client
        .batch_execute(&format!("BEGIN;\n{INSPECT_SETTINGS}"))
        .await
        .map_err(|e| db_error("setting up the shadow session", &e))?;
    let empty = is_empty(&inspect::inspect_objects(&client, scope).await?);
    let _ = client.batch_execute("ROLLBACK").await;
    if empty {
        Ok(())
    } else {
        Err(shadow_not_empty())
    }
}

async fn same_database(a: &Client, b: &Client) -> Result<bool> {
    const WHO: &str = "SELECT pg_catalog.current_database()::text, \
        coalesce(pg_catalog.inet_server_port(), 0)::int4, \
        pg_catalog.pg_postmaster_start_time()::text";
    Ok(identify(a, WHO).await? == identify(b, WHO).await?)
}

async fn identify(c: &Client, query: &str) -> Result<(String, i32, String)> {
    let row = c
        .query_one(query, &[])
        .await
        .map_err(|e| db_error("identifying the shadow database", &e))?;
    Ok((row.get(0), row.get(1), row.get(2)))
}

/// `pg_dump`'s session settings, as the inspection session uses them.
const INSPECT_SETTINGS: &str = "SELECT pg_catalog.set_config('search_path', '', true);
SET LOCAL DateStyle = ISO;
SET LOCAL IntervalStyle = postgres;
SET LOCAL extra_float_digits = 3;
SET LOCAL quote_all_identifiers = off;";

/// The embedded cluster's scratch database, created empty for each load and dropped after.
const SCRATCH_DATABASE: &str = "pg_flux_shadow";

/// Drops the current database's subscriptions, each detached from its replication slot first
/// so that nothing connects to a publisher: a database with subscriptions cannot be dropped.
const DROP_SUBSCRIPTIONS: &str = "DO $$ DECLARE s text; BEGIN \
     FOR s IN SELECT pg_catalog.quote_ident(subname) FROM pg_catalog.pg_subscription \
       WHERE subdbid = (SELECT oid FROM pg_catalog.pg_database \
                        WHERE datname = pg_catalog.current_database()) LOOP \
       EXECUTE pg_catalog.format('ALTER SUBSCRIPTION %s DISABLE', s); \
       EXECUTE pg_catalog.format('ALTER SUBSCRIPTION %s SET (slot_name = NONE)', s); \
       EXECUTE pg_catalog.format('DROP SUBSCRIPTION %s', s); \
     END LOOP; END $$";

/// Drops the subscriptions of the scratch database, if it exists and has any (the source
/// declared some), so that it can be dropped.
async fn drop_scratch_subscriptions(scratch: &str) {
    if let Ok(client) = connect::connect_writable(scratch).await {
        let _ = client.batch_execute(DROP_SUBSCRIPTIONS).await;
    }
}

/// Loads `statements` into a fresh scratch database (through `admin`, connected to another
/// database of the same cluster) in autocommit, reads it back in one snapshot over two
/// readers, and drops it. A scratch database left by an interrupted load is dropped first.
async fn load_into_scratch(
    admin: Client,
    scratch: &str,
    statements: Vec<SourceStatement>,
    roles: &[LiveRole],
    renames: &[Rename],
    scope: &Scope,
) -> Result<(Catalog, Vec<LoadFailure>, Vec<Rename>)> {
    let drop_scratch = format!("DROP DATABASE IF EXISTS {SCRATCH_DATABASE} WITH (FORCE)");
    let start = std::time::Instant::now();
    // A scratch database left by an interrupted load may hold subscriptions.
    let left: bool = admin
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1)",
            &[&SCRATCH_DATABASE],
        )
        .await
        .and_then(|row| row.try_get(0))
        .unwrap_or(false);
    if left {
        drop_scratch_subscriptions(scratch).await;
    }
    // Two commands: neither runs inside a transaction block, which one query string would be.
    for command in [
        drop_scratch.clone(),
        format!("CREATE DATABASE {SCRATCH_DATABASE} TEMPLATE template0"),
    ] {
        admin
            .batch_execute(&command)
            .await
            .map_err(|e| db_error("creating the shadow database", &e))?;
    }
    // The role that loads: no live role has its name, so what the source leaves unowned
    // is told apart from what it gives to any role (`postgres` included).
    admin
        .batch_execute(&format!(
            "DO $$ BEGIN CREATE ROLE {UNSTATED_OWNER} LOGIN SUPERUSER; \
             EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        ))
        .await
        .map_err(|e| db_error("creating the shadow's loading role", &e))?;
    inspect::trace_phase("shadow database created", start);
    let result = async {
        let start = std::time::Instant::now();
        let client = connect::connect_writable(scratch).await?;
        create_roles(&client, roles, Superusers::Mirror).await?;
        let helpers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4)) - 1;
        let mut workers = vec![client];
        for _ in 0..helpers {
            workers.push(connect::connect_writable(scratch).await?);
        }
        let progress = loading_progress(&statements);
        let plan = load::LoadPlan::new(statements);
        let left = first_pass_in_parallel(&workers, plan.objects, &progress).await?;
        workers.truncate(1);
        let mut failures = Vec::new();
        for group in [left, plan.populate, plan.last] {
            let atomicity = Atomicity::Autocommit;
            failures.extend(load_passes(&workers[0], group, atomicity, &progress).await?);
        }
        drop(progress);
        let undone = undo_renames(&workers[0], renames).await?;
        drop(workers);
        inspect::trace_phase("shadow load", start);
        let start = std::time::Instant::now();
        let session = Session::open(scratch).await?;
        let catalog = inspect::inspect_session(&session, scope, inspect::Depth::Ordered).await?;
        inspect::trace_phase("shadow inspect", start);
        Ok((catalog, failures, undone))
    }
    .await;
    if result.is_err() || catalog_has_subscriptions(&result) {
        drop_scratch_subscriptions(scratch).await;
    }
    // Whatever happened, the cluster keeps nothing but the roles. Dropping thousands of tables
    // takes a while and nobody waits for it: the next load drops it first if it is still there,
    // and a command's cluster goes with the process.
    tokio::spawn(async move {
        let _ = admin.batch_execute(&drop_scratch).await;
    });
    result
}

/// Whether a loaded scratch database holds subscriptions (to drop before the database).
fn catalog_has_subscriptions(result: &Result<(Catalog, Vec<LoadFailure>, Vec<Rename>)>) -> bool {
    result.as_ref().is_ok_and(|(catalog, _, _)| {
        catalog
            .simple
            .iter()
            .any(|o| o.kind == crate::model::SimpleKind::Subscription)
    })
}

/// Loads `statements` into the user's shadow database inside one transaction that is rolled
/// back, after checking that the database is empty.
async fn load_in_rolled_back_transaction(
    client: &Client,
    statements: Vec<SourceStatement>,
    roles: &[LiveRole],
    renames: &[Rename],
    scope: &Scope,
) -> Result<(Catalog, Vec<LoadFailure>, Vec<Rename>)> {
    client
        .batch_execute("BEGIN")
        .await
        .map_err(|e| db_error("starting the shadow transaction", &e))?;
    let result = async {
        client
            .batch_execute(INSPECT_SETTINGS)
            .await
            .map_err(|e| db_error("setting up the shadow session", &e))?;
        let before = inspect::inspect_objects(client, scope).await?;
        if !is_empty(&before) {
            return Err(shadow_not_empty());
        }
        client
            .batch_execute("RESET search_path")
            .await
            .map_err(|e| db_error("setting up the shadow session", &e))?;
        let start = std::time::Instant::now();
        create_roles(client, roles, Superusers::Leave).await?;
        let progress = loading_progress(&statements);
        let plan = load::LoadPlan::new(statements);
        let mut failures = Vec::new();
        for group in [plan.objects, plan.populate, plan.last] {
            failures.extend(load_passes(client, group, Atomicity::Savepoint, &progress).await?);
        }
        drop(progress);
        let undone = undo_renames(client, renames).await?;
        inspect::trace_phase("shadow load", start);
        client
            .batch_execute(INSPECT_SETTINGS)
            .await
            .map_err(|e| db_error("setting up the shadow session", &e))?;
        let start = std::time::Instant::now();
        let catalog = inspect::inspect(client, scope).await?;
        inspect::trace_phase("shadow inspect", start);
        Ok((catalog, failures, undone))
    }
    .await;
    // Whatever happened, the shadow keeps nothing.
    let _ = client.batch_execute("ROLLBACK").await;
    result
}

/// The annotated renames live has not made (the old name exists live, the new one does not),
/// and the renames they imply for names PostgreSQL derived from a table's and its columns'
/// names: a constraint, index or owned sequence named `<old table>_<old column>_…` live becomes
/// `<new table>_<new column>_…`, as the source declares it when it leaves it unnamed (it is
/// renamed only if the shadow has the new name).
async fn pending_renames(live: &Client, renames: Vec<Rename>) -> Result<Vec<Rename>> {
    let mut pending: Vec<Rename> = Vec::new();
    for r in &renames {
        // A member of a table renamed in the same migration is found under the table's old name.
        let table = pending
            .iter()
            .find(|t| r.is_member() && t.kind == RenameKind::Table && t.object == r.object)
            .map_or(r.object.name.clone(), |t| t.old.clone());
        if exists(live, r, &r.old, &table).await? && !exists(live, r, r.new_name(), &table).await? {
            pending.push(r.clone());
        }
    }
    let mut tables: Vec<RenamedTable> = Vec::new();
    for r in &pending {
        if r.kind != RenameKind::Table && r.kind != RenameKind::Column {
            continue;
        }
        let at = match tables.iter().position(|(t, ..)| *t == r.object) {
            Some(at) => at,
            None => {
                tables.push((r.object.clone(), r.object.name.clone(), Vec::new(), r));
                tables.len() - 1
            }
        };
        match r.kind {
            RenameKind::Table => tables[at].1 = r.old.clone(),
            _ => tables[at].2.push((r.old.clone(), r.member.clone())),
        }
    }
    let mut implied = Vec::new();
    for (declared, live_name, columns, origin) in &tables {
        for (kind, old) in derived_names(live, &declared.schema, live_name).await? {
            let rest = &old[live_name.len() + 1..];
            let mut new_rest = format!("_{rest}");
            for (from, to) in columns {
                new_rest = new_rest.replace(&format!("_{from}_"), &format!("_{to}_"));
            }
            let new = format!("{}{new_rest}", declared.name);
            if new == old || new.len() > 63 {
                continue;
            }
            let (object, member) = match kind {
                RenameKind::Constraint => (declared.clone(), new),
                _ => (QualifiedName::new(&declared.schema, new), String::new()),
            };
            let annotated = pending.iter().any(|p| p.kind == kind && p.old == old);
            if !annotated {
                implied.push(Rename {
                    kind,
                    object,
                    member,
                    old,
                    file: origin.file.clone(),
                    line: origin.line,
                    implied: true,
                });
            }
        }
    }
    pending.extend(implied);
    Ok(pending)
}

/// A table with a pending rename of itself or of its columns: its declared name, its live
/// name, its columns' renames (old, new), and the annotation that renames it.
type RenamedTable<'a> = (QualifiedName, String, Vec<(String, String)>, &'a Rename);

/// Live constraints, indexes (not a constraint's) and owned sequences of the table `schema.table`
/// whose names start with `<table>_`.
async fn derived_names(
    live: &Client,
    schema: &str,
    table: &str,
) -> Result<Vec<(RenameKind, String)>> {
    let rows = live
        .query(
            "WITH t AS (SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n \
               ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2)
             SELECT 'c', k.conname::text FROM pg_catalog.pg_constraint k, t WHERE k.conrelid = t.oid
             UNION ALL
             SELECT 'i', i.relname::text FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i \
               ON i.oid = x.indexrelid, t WHERE x.indrelid = t.oid AND NOT EXISTS \
               (SELECT FROM pg_catalog.pg_constraint k WHERE k.conindid = i.oid AND k.conrelid = t.oid)
             UNION ALL
             SELECT 's', q.relname::text FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class q \
               ON q.oid = d.objid AND q.relkind = 'S', t WHERE d.refobjid = t.oid \
               AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i')",
            &[&schema, &table],
        )
        .await
        .map_err(|e| db_error("reading a renamed table's derived names", &e))?;
    let prefix = format!("{table}_");
    Ok(rows
        .iter()
        .filter_map(|row| {
            let name: String = row.get(1);
            let kind = match row.get::<_, &str>(0) {
                "c" => RenameKind::Constraint,
                "i" => RenameKind::Index,
                _ => RenameKind::Sequence,
            };
            name.starts_with(&prefix).then_some((kind, name))
        })
        .collect())
}

/// Whether the object `r` renames exists under `name` (for a column or constraint, on the
/// table named `table`, in the rename's schema).
async fn exists(client: &Client, r: &Rename, name: &str, table: &str) -> Result<bool> {
    let schema = r.object.schema.as_str();
    let (query, params): (&str, Vec<&str>) = match r.kind {
        RenameKind::Column => (
            "SELECT EXISTS (SELECT FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c \
             ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = $1 AND c.relname = $2 AND a.attname = $3 AND a.attnum > 0 \
             AND NOT a.attisdropped)",
            vec![schema, table, name],
        ),
        RenameKind::Constraint => (
            "SELECT EXISTS (SELECT FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c \
             ON c.oid = k.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = $1 AND c.relname = $2 AND k.conname = $3)",
            vec![schema, table, name],
        ),
        RenameKind::Function | RenameKind::Procedure => (
            "SELECT EXISTS (SELECT FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n \
             ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = $2)",
            vec![schema, name],
        ),
        RenameKind::Type | RenameKind::Domain => (
            "SELECT EXISTS (SELECT FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n \
             ON n.oid = t.typnamespace WHERE n.nspname = $1 AND t.typname = $2)",
            vec![schema, name],
        ),
        _ => (
            "SELECT EXISTS (SELECT FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n \
             ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2)",
            vec![schema, name],
        ),
    };
    let params: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> =
        params.iter().map(|p| p as _).collect();
    let row = client
        .query_one(query, &params)
        .await
        .map_err(|e| db_error("checking a rename annotation", &e))?;
    Ok(row.get(0))
}

/// Gives the shadow's renamed objects their live names back (members first: they are found
/// under their table's declared name); the renames done. An implied rename whose derived name
/// the source does not have is left out.
async fn undo_renames(client: &Client, renames: &[Rename]) -> Result<Vec<Rename>> {
    let (members, objects): (Vec<&Rename>, Vec<&Rename>) =
        renames.iter().partition(|r| r.is_member());
    let mut done = Vec::new();
    for r in members.into_iter().chain(objects) {
        if r.implied && !exists(client, r, r.new_name(), &r.object.name).await? {
            continue;
        }
        client
            .batch_execute(&r.sql(r.new_name(), &r.old))
            .await
            .map_err(|e| Error::Source {
                file: r.file.clone(),
                line: r.line,
                column: 1,
                message: format!(
                    "the rename from {} cannot be undone in the shadow database: {}",
                    r.old,
                    e.as_db_error()
                        .map_or(e.to_string(), |d| d.message().to_string())
                ),
            })?;
        done.push(r.clone());
    }
    Ok(done)
}

/// Nothing in it but what every database has (its preexisting schemas, whose owner or
/// privileges a dump may still mention).
fn is_empty(catalog: &Catalog) -> bool {
    let preexisting = |r: &CatalogRef| {
        catalog
            .schemas
            .iter()
            .any(|s| s.preexisting && *r == CatalogRef::Schema(s.oid))
    };
    catalog.unmodeled.is_empty()
        && crate::emit::emit(catalog)
            .iter()
            .all(|b| b.provides.iter().all(preexisting))
}

/// Whether the shadow's roles are made superusers where the live ones are.
#[derive(Clone, Copy, PartialEq)]
enum Superusers {
    /// The throwaway cluster pg-flux runs: its roles are pg-flux's to shape.
    Mirror,
    /// A database the user gave: its roles are left as they are, missing ones made plain.
    Leave,
}

async fn create_roles(client: &Client, roles: &[LiveRole], superusers: Superusers) -> Result<()> {
    let rows = client
        .query(
            "SELECT rolname::text, rolsuper FROM pg_catalog.pg_roles",
            &[],
        )
        .await
        .map_err(|e| db_error("reading the shadow's roles", &e))?;
    let have: HashMap<String, bool> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    let mirror = superusers == Superusers::Mirror;
    for role in roles {
        let name = crate::emit::sql::ident(&role.name);
        let sql = match have.get(&role.name).copied() {
            None if mirror && role.superuser => format!("CREATE ROLE {name} NOLOGIN SUPERUSER"),
            None => format!("CREATE ROLE {name} NOLOGIN"),
            // Never the other way: the shadow's own superuser may share a live name (RDS's
            // `postgres` is no superuser), and it must stay one.
            Some(false) if mirror && role.superuser => format!("ALTER ROLE {name} SUPERUSER"),
            Some(_) => continue,
        };
        client.batch_execute(&sql).await.map_err(|e| {
            db_error(
                &format!("creating role {} in the shadow database", role.name),
                &e,
            )
        })?;
    }
    Ok(())
}

async fn create_role(client: &Client, role: &str) -> Result<()> {
    client
        .batch_execute(&format!(
            "CREATE ROLE {} NOLOGIN",
            crate::emit::sql::ident(role)
        ))
        .await
        .map_err(|e| db_error(&format!("creating role {role} in the shadow database"), &e))
}

/// How each statement of a load is made atomic on its own.
#[derive(Clone, Copy)]
enum Atomicity {
    /// Each statement commits (a scratch database).
    Autocommit,
    /// Each statement under a savepoint of the caller's transaction.
    Savepoint,
}

/// As `load::load_statements`: each statement atomic on its own, retried until a pass makes no
/// progress; a role the source names that does not exist is created in the shadow. Returns
/// the statements that never loaded.
async fn load_passes(
    client: &Client,
    statements: Vec<SourceStatement>,
    atomicity: Atomicity,
    progress: &Phase,
) -> Result<Vec<LoadFailure>> {
    prepare_load_session(client, atomicity).await?;
    Ok(
        retry_until_settled(client, statements, atomicity, progress, Settle::Last)
            .await?
            .into_iter()
            .map(|(s, message)| LoadFailure {
                len: s.sql.trim_end().len(),
                file: s.file,
                line: s.line,
                column: s.column,
                message,
            })
            .collect(),
    )
}

/// Runs `statements` in order, then again those that failed, until a pass makes no progress.
/// Returns what still fails, in order, with the server's last message for each.
///
/// A file's statements keep their order: once one fails in a pass, the rest of its file waits
/// for the next pass (a base type's owner and privileges must follow its definition, which
/// waits for its I/O functions; the order of GRANTs is the order of an ACL). When a pass makes
/// no progress, `Settle::Stage` returns what waits (a later stage may bring what it needs);
/// `Settle::Last` runs every waiting statement once more regardless of its file, and goes on
/// while that makes progress.
async fn retry_until_settled(
    client: &Client,
    statements: Vec<SourceStatement>,
    atomicity: Atomicity,
    progress: &Phase,
    settle: Settle,
) -> Result<Vec<(SourceStatement, String)>> {
    let mut pending = statements;
    let mut in_file_order = true;
    loop {
        let attempted = pending.len();
        let mut failed: Vec<(SourceStatement, String)> = Vec::new();
        let mut stopped: Vec<std::path::PathBuf> = Vec::new();
        for statement in pending {
            if in_file_order && stopped.contains(&statement.file) {
                failed.push((statement, String::new()));
                continue;
            }
            let message = match run_one(client, &statement.sql, atomicity).await? {
                None => None,
                Some(message) => match missing_role(&message) {
                    Some(role) => {
                        create_role(client, &role).await?;
                        run_one(client, &statement.sql, atomicity).await?
                    }
                    None => Some(message),
                },
            };
            match message {
                None => progress.advance(1),
                Some(message) => {
                    if !stopped.contains(&statement.file) {
                        stopped.push(statement.file.clone());
                    }
                    failed.push((statement, message));
                }
            }
        }
        let stalled = failed.len() == attempted;
        if stalled && (!in_file_order || settle == Settle::Stage) {
            return Ok(failed);
        }
        // After a stalled pass in file order, one pass that tries everything.
        in_file_order = !stalled;
        pending = failed.into_iter().map(|(s, _)| s).collect();
    }
}

/// How [`retry_until_settled`] ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Settle {
    /// A stage of the first pass: what waits goes on to the later stages.
    Stage,
    /// The last passes: every statement is tried before giving up.
    Last,
}

/// The settings of a session that loads source: function bodies unchecked (they may name
/// objects from later files), and no event trigger firing.
async fn prepare_load_session(client: &Client, atomicity: Atomicity) -> Result<()> {
    let scoped = match atomicity {
        Atomicity::Autocommit => "",
        Atomicity::Savepoint => "LOCAL ",
    };
    client
        .batch_execute(&format!("SET {scoped}check_function_bodies = false"))
        .await
        .map_err(|e| db_error("setting up the shadow session", &e))?;
    // Event triggers the source declares (one that refuses DDL, say) must not fire on the rest
    // of the load: they do not fire for a replica's session. Only a superuser may say so; any
    // other shadow role loads without it.
    run_one(
        client,
        &format!("SET {scoped}session_replication_role = replica"),
        atomicity,
    )
    .await?;
    Ok(())
}

/// The first pass of a scratch database's load, on all `workers` at once (the server spends
/// its time executing DDL, one core per connection). Statements run in stages, one per
/// directory, in load order; within a stage each worker takes a contiguous run of whole files.
///
/// The result must not depend on timing, so a stage ends as a serial load would have left it:
/// - a file stops at its first failure (a dependency in another worker's files, a lock
///   conflict with another worker) and the rest of it waits, so its statements still run in
///   their order (the order of GRANTs is the order of an ACL);
/// - what waits is retried on one connection before the next stage starts, so that no table
///   is created after the indexes of the next stage (a partition created after its parent's
///   indexes would get clones of them).
///
/// What still fails (a dependency in a later stage) is returned in load order.
async fn first_pass_in_parallel(
    workers: &[Client],
    statements: Vec<SourceStatement>,
    progress: &Phase,
) -> Result<Vec<SourceStatement>> {
    for worker in workers {
        prepare_load_session(worker, Atomicity::Autocommit).await?;
        // A deadlock between two workers is one failed statement, soon retried.
        run_one(
            worker,
            "SET deadlock_timeout = '20ms'",
            Atomicity::Autocommit,
        )
        .await?;
    }
    let mut left: Vec<SourceStatement> = Vec::new();
    for stage in runs_by(statements, |s| s.file.parent().map(Path::to_path_buf)) {
        let files = runs_by(stage, |s| s.file.clone());
        let total: usize = files.iter().map(Vec::len).sum();
        let share = total.div_ceil(workers.len()).max(1);
        // Contiguous runs of whole files, about `share` statements each.
        let mut chunks: Vec<Vec<(usize, Vec<SourceStatement>)>> = vec![Vec::new()];
        for (position, file) in files.into_iter().enumerate() {
            let full = chunks
                .last()
                .is_some_and(|c| c.iter().map(|(_, f)| f.len()).sum::<usize>() >= share);
            if full && chunks.len() < workers.len() {
                chunks.push(Vec::new());
            }
            if let Some(chunk) = chunks.last_mut() {
                chunk.push((position, file));
            }
        }
        let runs = workers
            .iter()
            .zip(chunks)
            .map(|(worker, chunk)| async move {
                let mut waiting = Vec::new();
                for (position, file) in chunk {
                    let mut statements = file.into_iter();
                    while let Some(statement) = statements.next() {
                        let refused = run_one(worker, &statement.sql, Atomicity::Autocommit)
                            .await?
                            .is_some();
                        if !refused {
                            progress.advance(1);
                            continue;
                        }
                        let rest: Vec<SourceStatement> =
                            std::iter::once(statement).chain(statements).collect();
                        waiting.push((position, rest));
                        break;
                    }
                }
                Ok::<_, Error>(waiting)
            });
        let mut waiting: Vec<(usize, Vec<SourceStatement>)> =
            futures_util::future::try_join_all(runs)
                .await?
                .into_iter()
                .flatten()
                .collect();
        waiting.sort_by_key(|(position, _)| *position);
        let waiting = waiting.into_iter().flat_map(|(_, rest)| rest).collect();
        let still = retry_until_settled(
            &workers[0],
            waiting,
            Atomicity::Autocommit,
            progress,
            Settle::Stage,
        )
        .await?;
        left.extend(still.into_iter().map(|(statement, _)| statement));
    }
    Ok(left)
}

/// `items` cut into runs of consecutive items with the same `key`.
fn runs_by<T, K: PartialEq>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<Vec<T>> {
    let mut runs: Vec<Vec<T>> = Vec::new();
    let mut last: Option<K> = None;
    for item in items {
        let k = key(&item);
        match runs.last_mut() {
            Some(run) if last.as_ref() == Some(&k) => run.push(item),
            _ => runs.push(vec![item]),
        }
        last = Some(k);
    }
    runs
}

/// Runs one statement on its own; `Some(message)` when the server refused it.
async fn run_one(client: &Client, sql: &str, atomicity: Atomicity) -> Result<Option<String>> {
    let savepoint = matches!(atomicity, Atomicity::Savepoint);
    if savepoint {
        client
            .batch_execute("SAVEPOINT pg_flux_statement")
            .await
            .map_err(|e| db_error("loading the shadow database", &e))?;
    }
    match client.batch_execute(sql).await {
        Ok(()) => {
            if savepoint {
                client
                    .batch_execute("RELEASE SAVEPOINT pg_flux_statement")
                    .await
                    .map_err(|e| db_error("loading the shadow database", &e))?;
            }
            Ok(None)
        }
        Err(e) => {
            let Some(db) = e.as_db_error() else {
                return Err(Error::Database(format!(
                    "lost the shadow database connection: {e}"
                )));
            };
            let message = db.message().to_string();
            if savepoint {
                client
                    .batch_execute("ROLLBACK TO SAVEPOINT pg_flux_statement")
                    .await
                    .map_err(|e| db_error("loading the shadow database", &e))?;
            }
            Ok(Some(message))
        }
    }
}

/// `role "x" does not exist` → `x`.
fn missing_role(message: &str) -> Option<String> {
    let rest = message.strip_prefix("role \"")?;
    let name = rest.strip_suffix("\" does not exist")?;
    Some(name.replace("\"\"", "\""))
}

fn db_error(what: &str, e: &tokio_postgres::Error) -> Error {
    let message = e
        .as_db_error()
        .map(|d| d.message().to_string())
        .unwrap_or_else(|| e.to_string());
    Error::Database(format!("{what}: {message}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_unavailable_extension() {
        assert_eq!(
            super::unavailable_extension("extension \"postgis\" is not available").as_deref(),
            Some("postgis")
        );
        assert_eq!(
            super::unavailable_extension(
                "could not open extension control file \"/x/share/extension/postgis.control\": \
                 No such file or directory"
            )
            .as_deref(),
            Some("postgis")
        );
        assert_eq!(
            super::unavailable_extension("syntax error at end of input"),
            None
        );
    }

    #[test]
    fn reads_the_missing_role() {
        assert_eq!(
            super::missing_role("role \"Flux Admin\" does not exist").as_deref(),
            Some("Flux Admin")
        );
        assert_eq!(super::missing_role("relation \"x\" does not exist"), None);
    }
}
