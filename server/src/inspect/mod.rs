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

pub use sql::Scope;

/// Reads every modeled object in `scope` from the database `client` is connected to.
/// The client must be inside the inspection transaction (see `connect::Session`).
pub async fn inspect(client: &Client, scope: &Scope) -> Result<Catalog> {
    inspect_with(client, scope, true).await
}

/// As [`inspect`], without the dependencies between objects: for readers that order nothing
/// (verify), which then need not pay for the dependency query.
pub async fn inspect_objects(client: &Client, scope: &Scope) -> Result<Catalog> {
    inspect_with(client, scope, false).await
}

async fn inspect_with(client: &Client, scope: &Scope, dependencies: bool) -> Result<Catalog> {
    let server_version_num: i32 = client
        .query_one(
            "SELECT pg_catalog.current_setting('server_version_num')::int",
            &[],
        )
        .await
        .map_err(|e| query_error("server version", e))?
        .get(0);
    let ctx = sql::Context {
        client,
        scope,
        server_version_num,
        queries: std::sync::atomic::AtomicUsize::new(1),
    };
    let mut catalog = Catalog {
        server_version_num,
        ..Catalog::default()
    };
    catalog.schemas = schemas::schemas(&ctx).await?;
    catalog.extensions = schemas::extensions(&ctx).await?;
    catalog.types = types::types(&ctx).await?;
    catalog.domains = types::domains(&ctx).await?;
    catalog.sequences = relations::sequences(&ctx).await?;
    catalog.tables = relations::tables(&ctx).await?;
    catalog.indexes = relations::indexes(&ctx).await?;
    catalog.views = types::views(&ctx).await?;
    catalog.policies = security::policies(&ctx).await?;
    catalog.statistics = security::statistics(&ctx).await?;
    catalog.rules = security::rules(&ctx).await?;
    catalog.collations = security::collations(&ctx).await?;
    catalog.publications = security::publications(&ctx).await?;
    catalog.default_privileges = security::default_privileges(&ctx).await?;
    catalog.functions = functions::functions(&ctx).await?;
    catalog.triggers = functions::triggers(&ctx).await?;
    catalog.event_triggers = functions::event_triggers(&ctx).await?;
    catalog.foreign_data_wrappers = foreign::wrappers(&ctx).await?;
    catalog.foreign_servers = foreign::servers(&ctx).await?;
    catalog.foreign_tables = foreign::tables(&ctx).await?;
    if dependencies {
        catalog.dependencies = dependencies::dependencies(&ctx).await?;
    }
    catalog.unmodeled = unmodeled::unmodeled(&ctx).await?;
    catalog.query_count = ctx.queries.load(std::sync::atomic::Ordering::Relaxed);
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
