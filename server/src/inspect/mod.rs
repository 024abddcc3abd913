//! inspect: catalog → model. One consistent snapshot (the caller's REPEATABLE READ, READ ONLY
//! transaction with an empty `search_path`), and one query per kind: the number of queries
//! never grows with the number of objects.

mod dependencies;
mod foreign;
mod functions;
mod relations;
mod schemas;
mod security;
mod sql;
mod types;
mod unmodeled;

use tokio_postgres::Client;

use crate::error::{Error, Result};
use crate::model::Catalog;

pub(crate) use sql::in_scope;
pub use sql::Scope;

/// Reads every modeled object in `scope` from the database `client` is connected to.
/// The client must be inside the inspection transaction (see `connect::Session`).
pub async fn inspect(client: &Client, scope: &Scope) -> Result<Catalog> {
    inspect_with(&[client], scope, true, None).await
}

/// As [`inspect`], without the dependencies between objects: for readers that order nothing
/// (verify), which then need not pay for the dependency query.
pub async fn inspect_objects(client: &Client, scope: &Scope) -> Result<Catalog> {
    inspect_with(&[client], scope, false, None).await
}

/// As [`inspect`] (or [`inspect_objects`] without `dependencies`), over every reader of one
/// session's snapshot ([`Session::readers`](crate::connect::Session::readers)): the kinds are
/// split between the readers so that the server works on them in parallel. Dropping the
/// future mid-query (a cancelled request, a timeout) cancels the query on the server.
pub async fn inspect_session(
    session: &crate::connect::Session,
    scope: &Scope,
    dependencies: bool,
) -> Result<Catalog> {
    inspect_with(
        &session.readers(),
        scope,
        dependencies,
        Some(session.conninfo()),
    )
    .await
}

async fn inspect_with(
    readers: &[&Client],
    scope: &Scope,
    dependencies: bool,
    cancel_with: Option<&crate::connect::ConnInfo>,
) -> Result<Catalog> {
    let Some(first) = readers.first().copied() else {
        return Err(Error::Database("no connection to inspect".to_string()));
    };
    let second = readers.get(1).copied().unwrap_or(first);
    let server_version_num: i32 = first
        .query_one(
            "SELECT pg_catalog.current_setting('server_version_num')::int",
            &[],
        )
        .await
        .map_err(|e| query_error("server version", e))?
        .get(0);
    let queries = std::sync::atomic::AtomicUsize::new(1);
    let context = |client| sql::Context {
        client,
        scope,
        server_version_num,
        queries: &queries,
        cancel_with,
    };
    let (a, b) = (context(first), context(second));
    let mut catalog = Catalog {
        server_version_num,
        ..Catalog::default()
    };
    // Two halves of about equal server time (tables with their columns and constraints on
    // one side; indexes and dependencies on the other), each run in order on its reader.
    let half_a = async {
        catalog.schemas = schemas::schemas(&a).await?;
        catalog.extensions = schemas::extensions(&a).await?;
        catalog.types = types::types(&a).await?;
        catalog.domains = types::domains(&a).await?;
        catalog.sequences = relations::sequences(&a).await?;
        catalog.tables = relations::tables(&a).await?;
        catalog.views = types::views(&a).await?;
        catalog.functions = functions::functions(&a).await?;
        catalog.foreign_data_wrappers = foreign::wrappers(&a).await?;
        catalog.foreign_servers = foreign::servers(&a).await?;
        catalog.foreign_tables = foreign::tables(&a).await?;
        Ok::<_, Error>(())
    };
    let mut rest = Catalog::default();
    let half_b = async {
        rest.indexes = relations::indexes(&b).await?;
        rest.policies = security::policies(&b).await?;
        rest.statistics = security::statistics(&b).await?;
        rest.rules = security::rules(&b).await?;
        rest.collations = security::collations(&b).await?;
        rest.publications = security::publications(&b).await?;
        rest.default_privileges = security::default_privileges(&b).await?;
        rest.triggers = functions::triggers(&b).await?;
        rest.event_triggers = functions::event_triggers(&b).await?;
        if dependencies {
            rest.dependencies = dependencies::dependencies(&b).await?;
        }
        rest.unmodeled = unmodeled::unmodeled(&b).await?;
        Ok::<_, Error>(())
    };
    tokio::try_join!(half_a, half_b)?;
    catalog.indexes = rest.indexes;
    catalog.policies = rest.policies;
    catalog.statistics = rest.statistics;
    catalog.rules = rest.rules;
    catalog.collations = rest.collations;
    catalog.publications = rest.publications;
    catalog.default_privileges = rest.default_privileges;
    catalog.triggers = rest.triggers;
    catalog.event_triggers = rest.event_triggers;
    catalog.dependencies = rest.dependencies;
    catalog.unmodeled = rest.unmodeled;
    catalog.query_count = queries.load(std::sync::atomic::Ordering::Relaxed);
    Ok(catalog)
}

/// Wraps a driver error from reading `what` into one clear sentence.
pub(crate) fn query_error(what: &str, e: tokio_postgres::Error) -> Error {
    let message = match e.as_db_error() {
        Some(db) => format!("{} ({})", db.message(), db.code().code()),
        None => e.to_string(),
    };
    Error::Inspect {
        what: what.to_string(),
        message,
    }
}
