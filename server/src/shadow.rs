//! The shadow database: the declared source made concrete. The source tree is loaded into an
//! empty database and read back with the same inspector as the live one, so both sides of a
//! comparison are what PostgreSQL itself made of them (parsing alone drifts).
//!
//! The shadow is either a throwaway cluster of the live server's major (binaries permitting)
//! or an existing empty database the user names. Either way everything happens inside one
//! transaction that is rolled back: the named database is left empty for the next run, and
//! the roles created for owners, grants and policies vanish with it. Nothing here touches the
//! live database except one read-only query for its role names.

use std::path::Path;

use tokio_postgres::Client;

use crate::connect::{self, Session};
use crate::embedded::{Binaries, Cluster};
use crate::error::{Error, Result};
use crate::inspect::{self, Scope};
use crate::load::{self, SourceStatement};
use crate::model::{Catalog, CatalogRef};

/// Where the shadow database is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShadowTarget {
    /// A throwaway cluster from local binaries.
    Embedded,
    /// An existing, empty database (`--shadow-db`, `[shadow] url`).
    Url(String),
}

/// The declared source as a catalog, and what the caller should warn about.
#[derive(Debug)]
pub struct Shadow {
    pub catalog: Catalog,
    pub warnings: Vec<String>,
    /// Statements the shadow database refused (after retrying in dependency order), with the
    /// server's message. The catalog holds everything else.
    pub failures: Vec<LoadFailure>,
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
pub async fn declared_catalog(
    live: &Session,
    schema_dir: &Path,
    target: &ShadowTarget,
    scope: &Scope,
) -> Result<Shadow> {
    let statements = load::read_statements(schema_dir)?;
    let mut shadow = ShadowDb::new(target.clone())
        .load(live, statements, scope)
        .await?;
    let first_failure = std::mem::take(&mut shadow.failures).into_iter().next();
    match first_failure {
        Some(failure) => Err(failure.into_error()),
        None => Ok(shadow),
    }
}

/// A shadow database that can be loaded again and again (the language server loads it on every
/// save): a throwaway cluster is started once, for the live server's major, and kept.
pub struct ShadowDb {
    target: ShadowTarget,
    cluster: Option<Cluster>,
    /// Said once per cluster: which binaries stand in for the live major.
    fallback_warning: Option<String>,
}

impl ShadowDb {
    pub fn new(target: ShadowTarget) -> ShadowDb {
        ShadowDb {
            target,
            cluster: None,
            fallback_warning: None,
        }
    }

    pub fn target(&self) -> &ShadowTarget {
        &self.target
    }

    /// Loads `statements` in one transaction that is rolled back, and inspects the result.
    pub async fn load(
        &mut self,
        live: &Session,
        statements: Vec<SourceStatement>,
        scope: &Scope,
    ) -> Result<Shadow> {
        let roles = live_roles(live.client()).await?;
        let mut warnings = Vec::new();
        let (catalog, failures) = match &self.target {
            ShadowTarget::Url(url) => {
                let client = connect::connect_writable(url.as_str()).await?;
                if same_database(live.client(), &client).await? {
                    return Err(Error::Usage(
                        "the shadow database is the live database: give --shadow-db an empty scratch database"
                            .into(),
                    ));
                }
                load_and_inspect(&client, statements, &roles, scope, true).await?
            }
            ShadowTarget::Embedded => {
                let url = self.embedded(live.server_major()).await?;
                warnings.extend(self.fallback_warning.clone());
                let client = match connect::connect_writable(url.as_str()).await {
                    Ok(client) => client,
                    Err(e) => {
                        // Start afresh next time.
                        self.cluster = None;
                        return Err(e);
                    }
                };
                load_and_inspect(&client, statements, &roles, scope, false).await?
            }
        };
        Ok(Shadow {
            catalog,
            warnings,
            failures,
        })
    }

    /// The URL of the kept cluster, started (or restarted for another major) when needed.
    async fn embedded(&mut self, major: u32) -> Result<String> {
        if let Some(cluster) = &self.cluster {
            let wanted = cluster.major() == major || self.fallback_warning.is_some();
            if wanted && cluster_alive(cluster) {
                return Ok(cluster.url("postgres"));
            }
        }
        self.cluster = None;
        self.fallback_warning = None;
        let binaries = match Binaries::discover(Some(major)) {
            Ok(b) => b,
            Err(_) => {
                let fallback = Binaries::discover(None)?;
                self.fallback_warning = Some(format!(
                    "no PostgreSQL {major} server binaries found for the shadow database; \
                     using PostgreSQL {} (the live server is {major}): results may differ \
                     (set PGFLUX_PG_BINDIR or use --shadow-db)",
                    fallback.version
                ));
                fallback
            }
        };
        let cluster = tokio::task::spawn_blocking(move || Cluster::start(&binaries))
            .await
            .map_err(|e| Error::Embedded(format!("could not start the shadow cluster: {e}")))??;
        let url = cluster.url("postgres");
        self.cluster = Some(cluster);
        Ok(url)
    }
}

/// Whether the kept cluster still has its data directory (a cleaned-up temp dir ends it).
fn cluster_alive(cluster: &Cluster) -> bool {
    cluster.data_dir().join("postmaster.pid").exists()
}

/// Role names of the live cluster (not the built-in `pg_*` ones).
async fn live_roles(client: &Client) -> Result<Vec<String>> {
    let rows = client
        .query(
            "SELECT rolname::text FROM pg_catalog.pg_roles WHERE rolname !~ '^pg_' ORDER BY 1",
            &[],
        )
        .await
        .map_err(|e| db_error("reading the live role names", &e))?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// Whether two connections reach the same database of the same running cluster.
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

async fn load_and_inspect(
    client: &Client,
    statements: Vec<SourceStatement>,
    roles: &[String],
    scope: &Scope,
    must_be_empty: bool,
) -> Result<(Catalog, Vec<LoadFailure>)> {
    client
        .batch_execute("BEGIN")
        .await
        .map_err(|e| db_error("starting the shadow transaction", &e))?;
    let result = async {
        if must_be_empty {
            client
                .batch_execute(INSPECT_SETTINGS)
                .await
                .map_err(|e| db_error("setting up the shadow session", &e))?;
            let before = inspect::inspect_objects(client, scope).await?;
            if !is_empty(&before) {
                return Err(Error::Usage(
                    "the shadow database is not empty: give --shadow-db (or [shadow] url) an empty database"
                        .into(),
                ));
            }
            client
                .batch_execute("RESET search_path")
                .await
                .map_err(|e| db_error("setting up the shadow session", &e))?;
        }
        let start = std::time::Instant::now();
        create_roles(client, roles).await?;
        let failures = load_in_transaction(client, statements).await?;
        inspect::trace_phase("shadow load", start);
        client
            .batch_execute(INSPECT_SETTINGS)
            .await
            .map_err(|e| db_error("setting up the shadow session", &e))?;
        let start = std::time::Instant::now();
        let catalog = inspect::inspect(client, scope).await?;
        inspect::trace_phase("shadow inspect", start);
        Ok((catalog, failures))
    }
    .await;
    // Whatever happened, the shadow keeps nothing.
    let _ = client.batch_execute("ROLLBACK").await;
    result
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

async fn create_roles(client: &Client, roles: &[String]) -> Result<()> {
    let rows = client
        .query("SELECT rolname::text FROM pg_catalog.pg_roles", &[])
        .await
        .map_err(|e| db_error("reading the shadow's roles", &e))?;
    let have: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
    for role in roles.iter().filter(|r| !have.contains(r)) {
        create_role(client, role).await?;
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

/// As `load::load_statements`, inside the caller's transaction: each statement under a
/// savepoint, retried until a pass makes no progress; a role the source names that does not
/// exist is created in the shadow. Returns the statements that never loaded.
async fn load_in_transaction(
    client: &Client,
    statements: Vec<SourceStatement>,
) -> Result<Vec<LoadFailure>> {
    client
        .batch_execute("SET LOCAL check_function_bodies = false")
        .await
        .map_err(|e| db_error("setting up the shadow session", &e))?;
    // Event triggers the source declares (one that refuses DDL, say) must not fire on the rest
    // of the load: they do not fire for a replica's session. Only a superuser may say so; any
    // other shadow role loads without it.
    run_one(client, "SET LOCAL session_replication_role = replica").await?;
    let mut pending = statements;
    loop {
        let attempted = pending.len();
        let mut failed: Vec<(SourceStatement, String)> = Vec::new();
        for statement in pending {
            match run_one(client, &statement.sql).await? {
                None => {}
                Some(message) => match missing_role(&message) {
                    Some(role) => {
                        create_role(client, &role).await?;
                        if let Some(message) = run_one(client, &statement.sql).await? {
                            failed.push((statement, message));
                        }
                    }
                    None => failed.push((statement, message)),
                },
            }
        }
        if failed.len() == attempted {
            return Ok(failed
                .into_iter()
                .map(|(s, message)| LoadFailure {
                    len: s.sql.trim_end().len(),
                    file: s.file,
                    line: s.line,
                    column: s.column,
                    message,
                })
                .collect());
        }
        pending = failed.into_iter().map(|(s, _)| s).collect();
    }
}

/// Runs one statement under a savepoint; `Some(message)` when the server refused it.
async fn run_one(client: &Client, sql: &str) -> Result<Option<String>> {
    client
        .batch_execute("SAVEPOINT pg_flux_statement")
        .await
        .map_err(|e| db_error("loading the shadow database", &e))?;
    match client.batch_execute(sql).await {
        Ok(()) => {
            client
                .batch_execute("RELEASE SAVEPOINT pg_flux_statement")
                .await
                .map_err(|e| db_error("loading the shadow database", &e))?;
            Ok(None)
        }
        Err(e) => {
            let Some(db) = e.as_db_error() else {
                return Err(Error::Database(format!(
                    "lost the shadow database connection: {e}"
                )));
            };
            let message = db.message().to_string();
            client
                .batch_execute("ROLLBACK TO SAVEPOINT pg_flux_statement")
                .await
                .map_err(|e| db_error("loading the shadow database", &e))?;
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
    fn reads_the_missing_role() {
        assert_eq!(
            super::missing_role("role \"Flux Admin\" does not exist").as_deref(),
            Some("Flux Admin")
        );
        assert_eq!(super::missing_role("relation \"x\" does not exist"), None);
    }
}
