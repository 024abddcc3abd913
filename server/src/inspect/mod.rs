//! inspect: catalog → model. One consistent snapshot (the caller's REPEATABLE READ, READ ONLY
//! transaction with an empty `search_path`), and one query per kind: the number of queries
//! never grows with the number of objects.

mod cached;
mod dependencies;
mod fingerprint;
mod foreign;
mod functions;
mod labels;
mod relations;
mod schemas;
mod security;
mod simple;
mod sql;
mod types;
mod unmodeled;

use tokio_postgres::Client;

use crate::error::{Error, Result};
use crate::model::Catalog;

pub use cached::{
    inspect_cached, inspect_cached_deferred, inspect_cached_with, logged_nothing_during,
    PendingEntry,
};
pub use fingerprint::fingerprint;
pub(crate) use sql::in_scope;
pub use sql::{trace, trace_phase, Scope};

/// How much of each object an inspection reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// Everything, and the dependencies between objects that order them (dump, migrate).
    Ordered,
    /// Everything but the dependencies: for readers that order nothing.
    Definitions,
    /// What names objects (names, owners, privileges, signatures), not their definitions:
    /// no deparse function is called (index, constraint, default, view, function and trigger
    /// texts come back empty). For verify, which compares identities only.
    Identities,
}

/// Reads every modeled object in `scope` from the database `client` is connected to.
/// The client must be inside the inspection transaction (see `connect::Session`).
pub async fn inspect(client: &Client, scope: &Scope) -> Result<Catalog> {
    inspect_with(&[client], scope, Depth::Ordered, None).await
}

/// As [`inspect`], without the dependencies between objects ([`Depth::Definitions`]).
pub async fn inspect_objects(client: &Client, scope: &Scope) -> Result<Catalog> {
    inspect_with(&[client], scope, Depth::Definitions, None).await
}

/// As [`inspect`] to `depth`, over every reader of one session's snapshot
/// ([`Session::readers`](crate::connect::Session::readers)): the kinds are split between the
/// readers so that the server works on them in parallel. Dropping the future mid-query (a
/// cancelled request, a timeout) cancels the query on the server.
pub async fn inspect_session(
    session: &crate::connect::Session,
    scope: &Scope,
    depth: Depth,
) -> Result<Catalog> {
    inspect_with(&session.readers(), scope, depth, Some(session.conninfo())).await
}

async fn inspect_with(
    readers: &[&Client],
    scope: &Scope,
    depth: Depth,
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
    let what = match cancel_with {
        Some(info) => format!("reading the catalog of {}", info.dbname),
        None => "reading the catalog".to_string(),
    };
    let progress = crate::progress::Phase::start(&what, "queries", None);
    let context = |client| sql::Context {
        progress: &progress,
        client,
        scope,
        server_version_num,
        queries: &queries,
        cancel_with,
        definitions: depth != Depth::Identities,
    };
    let (a, b) = (context(first), context(second));
    let mut catalog = Catalog {
        server_version_num,
        ..Catalog::default()
    };
    // Two halves of about equal server time, each run in order on its reader. The tables are
    // split between the readers too (see `relations::Part`): each reads the columns,
    // constraints and indexes of its own share. The dependencies (the costliest query left)
    // go with the smaller kinds on one side, the tables and everything else on the other.
    let two = readers.len() > 1;
    let share = |index| relations::Part {
        index,
        count: if two { 2 } else { 1 },
    };
    let mut parts = relations::TableParts::default();
    let half_a = async {
        parts = relations::table_parts(&a, share(0)).await?;
        catalog.indexes = relations::indexes(&a, share(0)).await?;
        catalog.schemas = schemas::schemas(&a).await?;
        catalog.extensions = schemas::extensions(&a).await?;
        if depth == Depth::Ordered {
            catalog.dependencies = dependencies::dependencies(&a).await?;
        }
        catalog.functions = functions::functions(&a).await?;
        catalog.foreign_data_wrappers = foreign::wrappers(&a).await?;
        catalog.foreign_servers = foreign::servers(&a).await?;
        catalog.foreign_tables = foreign::tables(&a).await?;
        catalog.unmodeled = unmodeled::unmodeled(&a).await?;
        Ok::<_, Error>(())
    };
    let mut rest = Catalog::default();
    let mut parts_b = relations::TableParts::default();
    let half_b = async {
        if two {
            parts_b = relations::table_parts(&b, share(1)).await?;
            rest.indexes = relations::indexes(&b, share(1)).await?;
        }
        rest.tables = relations::tables(&b).await?;
        rest.types = types::types(&b).await?;
        rest.domains = types::domains(&b).await?;
        rest.sequences = relations::sequences(&b).await?;
        rest.views = types::views(&b).await?;
        rest.policies = security::policies(&b).await?;
        rest.statistics = security::statistics(&b).await?;
        rest.rules = security::rules(&b).await?;
        rest.collations = security::collations(&b).await?;
        rest.publications = security::publications(&b).await?;
        rest.default_privileges = security::default_privileges(&b).await?;
        rest.triggers = functions::triggers(&b).await?;
        rest.event_triggers = functions::event_triggers(&b).await?;
        rest.simple = simple::simple_objects(&b).await?;
        if depth != Depth::Identities {
            rest.security_labels = labels::security_labels(&b).await?;
        }
        Ok::<_, Error>(())
    };
    tokio::try_join!(half_a, half_b)?;
    parts.merge(parts_b);
    catalog.tables = rest.tables;
    parts.attach(&mut catalog.tables);
    // In the order one query would give: by table, then by name.
    catalog.indexes.append(&mut rest.indexes);
    catalog
        .indexes
        .sort_by(|x, y| (&x.table, &x.name.name).cmp(&(&y.table, &y.name.name)));
    catalog.types = rest.types;
    catalog.domains = rest.domains;
    catalog.sequences = rest.sequences;
    catalog.views = rest.views;
    catalog.policies = rest.policies;
    catalog.statistics = rest.statistics;
    catalog.rules = rest.rules;
    catalog.collations = rest.collations;
    catalog.publications = rest.publications;
    catalog.default_privileges = rest.default_privileges;
    catalog.triggers = rest.triggers;
    catalog.event_triggers = rest.event_triggers;
    catalog.simple = rest.simple;
    catalog.security_labels = rest.security_labels;
    catalog.query_count = queries.load(std::sync::atomic::Ordering::Relaxed);
    // Once, here: no reader of a catalog ever sees what `[ignore]` leaves to others.
    crate::ignore::apply(&mut catalog, scope);
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

/// The planner's row estimate and the total on-disk size of each table that exists, by name.
pub async fn table_sizes(
    client: &Client,
    tables: &[crate::model::QualifiedName],
) -> Result<std::collections::HashMap<crate::model::QualifiedName, crate::migrate::locks::TableSize>>
{
    let schemas: Vec<&str> = tables.iter().map(|t| t.schema.as_str()).collect();
    let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
    let rows = client
        .query(
            "SELECT n.nspname::text, c.relname::text, c.reltuples::float8,
                    pg_catalog.pg_total_relation_size(c.oid)
             FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             JOIN ROWS FROM (pg_catalog.unnest($1::text[]), pg_catalog.unnest($2::text[])) AS t(schema, name)
               ON n.nspname = t.schema AND c.relname = t.name
             WHERE c.relkind IN ('r', 'p', 'm')",
            &[&schemas, &names],
        )
        .await
        .map_err(|e| query_error("table sizes", e))?;
    Ok(rows
        .iter()
        .map(|r| {
            (
                crate::model::QualifiedName::new(r.get::<_, String>(0), r.get::<_, String>(1)),
                crate::migrate::locks::TableSize {
                    rows: r.get(2),
                    bytes: r.get(3),
                },
            )
        })
        .collect())
}
