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
#[derive(Debug, Clone)]
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
}

/// Loads the tree at `schema_dir` into a shadow database and inspects it. `live` is the live
/// database's read-only session (its major and role names are read from it).
pub async fn declared_catalog(
    live: &Session,
    schema_dir: &Path,
    target: &ShadowTarget,
    scope: &Scope,
) -> Result<Shadow> {
    let statements = load::read_statements(schema_dir)?;
    let roles = live_roles(live.client()).await?;
    let mut warnings = Vec::new();
    match target {
        ShadowTarget::Url(url) => {
            let client = connect::connect_writable(url.as_str()).await?;
            if same_database(live.client(), &client).await? {
                return Err(Error::Usage(
                    "the shadow database is the live database: give --shadow-db an empty scratch database"
                        .into(),
                ));
            }
            let catalog = load_and_inspect(&client, statements, &roles, scope, true).await?;
            Ok(Shadow { catalog, warnings })
        }
        ShadowTarget::Embedded => {
            let major = live.server_major();
            let binaries = match Binaries::discover(Some(major)) {
                Ok(b) => b,
                Err(_) => {
                    let fallback = Binaries::discover(None)?;
                    warnings.push(format!(
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
                .map_err(|e| {
                    Error::Embedded(format!("could not start the shadow cluster: {e}"))
                })??;
            let client = connect::connect_writable(cluster.url("postgres").as_str()).await?;
            let catalog = load_and_inspect(&client, statements, &roles, scope, false).await?;
            drop(client);
            drop(cluster);
            Ok(Shadow { catalog, warnings })
        }
    }
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
) -> Result<Catalog> {
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
        create_roles(client, roles).await?;
        load_in_transaction(client, statements).await?;
        client
            .batch_execute(INSPECT_SETTINGS)
            .await
            .map_err(|e| db_error("setting up the shadow session", &e))?;
        inspect::inspect(client, scope).await
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
/// exist is created in the shadow.
async fn load_in_transaction(client: &Client, statements: Vec<SourceStatement>) -> Result<()> {
    client
        .batch_execute("SET LOCAL check_function_bodies = false")
        .await
        .map_err(|e| db_error("setting up the shadow session", &e))?;
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
        let stuck = failed.len() == attempted;
        match failed.first() {
            None => return Ok(()),
            Some((statement, message)) if stuck => {
                return Err(Error::Source {
                    file: statement.file.clone(),
                    line: statement.line,
                    column: statement.column,
                    message: format!("does not load into the shadow database: {message}"),
                })
            }
            Some(_) => {}
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
