//! Shared pieces of the catalog queries: scope filter, extension-membership filter, ACL and
//! comment columns. Every kind's query is built from these so they agree.

use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, Row};

use super::query_error;
use crate::error::{Error, Result};
use crate::model::Acl;

/// Which schemas to read. `None`: every schema except the system ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub schemas: Option<Vec<String>>,
}

pub(crate) struct Context<'a> {
    pub client: &'a Client,
    pub scope: &'a Scope,
    pub server_version_num: i32,
    /// Shared by every reader of one inspection.
    pub queries: &'a std::sync::atomic::AtomicUsize,
    /// How to reach the server to cancel a query whose future is dropped (`None`: let it run).
    pub cancel_with: Option<&'a crate::connect::ConnInfo>,
}

/// Armed while a query runs: dropped armed (its future was dropped mid-query), it asks the
/// server to cancel the query. tokio-postgres alone would let it run to the end.
struct CancelOnDrop<'a> {
    token: Option<tokio_postgres::CancelToken>,
    info: &'a crate::connect::ConnInfo,
}

impl Drop for CancelOnDrop<'_> {
    fn drop(&mut self) {
        if let Some(token) = self.token.take() {
            crate::connect::cancel_in_background(token, self.info);
        }
    }
}

impl Context<'_> {
    pub fn major(&self) -> i32 {
        self.server_version_num / 10000
    }

    /// Runs a catalog query that takes no parameter.
    pub async fn query_all(&self, what: &str, sql: &str) -> Result<Vec<Row>> {
        self.run(what, sql, &[]).await
    }

    /// Runs a catalog query whose only parameter, `$1`, is the scope's schema list.
    pub async fn query(&self, what: &str, sql: &str) -> Result<Vec<Row>> {
        self.run(what, sql, &[&self.scope.schemas]).await
    }

    /// Counts every query; with `PGFLUX_TRACE_QUERIES` set, says how long each took (for
    /// benchmarks and profiling).
    async fn run(&self, what: &str, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>> {
        self.queries
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let start = std::time::Instant::now();
        let mut running = self.cancel_with.map(|info| CancelOnDrop {
            token: Some(self.client.cancel_token()),
            info,
        });
        let rows = self.client.query(sql, params).await;
        if let Some(running) = running.as_mut() {
            running.token = None; // finished: nothing to cancel
        }
        let rows = rows.map_err(|e| query_error(what, e))?;
        if std::env::var_os("PGFLUX_TRACE_QUERIES").is_some() {
            eprintln!(
                "inspect: {what}: {} row(s) in {} ms",
                rows.len(),
                start.elapsed().as_millis()
            );
        }
        Ok(rows)
    }
}

/// A column of a catalog row, as an error rather than a panic when it does not hold what the
/// query promises: the server's deparse functions read the current catalog, not the snapshot,
/// so an object dropped while it is read comes back as NULL.
pub(crate) trait Field {
    fn field<'a, T: tokio_postgres::types::FromSql<'a>>(&'a self, column: &str) -> Result<T>;
}

impl Field for Row {
    fn field<'a, T: tokio_postgres::types::FromSql<'a>>(&'a self, column: &str) -> Result<T> {
        self.try_get(column).map_err(|e| {
            let null = format!("{e:?}").contains("WasNull");
            Error::Database(if null {
                format!(
                    "the database changed while it was read ({column} of an object is gone: \
                     was it dropped meanwhile?); run again"
                )
            } else {
                format!("unexpected catalog value in column {column}: {e}")
            })
        })
    }
}

/// SQL condition: the schema aliased `nsp` is in scope (uses `$1`, the scope's schema list).
pub(crate) fn in_scope(nsp: &str) -> String {
    format!(
        "({nsp}.nspname <> 'information_schema' AND {nsp}.nspname !~ '^pg_' \
         AND ($1::text[] IS NULL OR {nsp}.nspname = ANY($1::text[])))"
    )
}

/// SQL condition: the object (`catalog`, `oid`) is not a member of an extension.
pub(crate) fn not_extension_member(catalog: &str, oid: &str) -> String {
    format!(
        "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend ext_dep \
         WHERE ext_dep.classid = 'pg_catalog.{catalog}'::pg_catalog.regclass \
         AND ext_dep.objid = {oid} AND ext_dep.deptype = 'e')"
    )
}

/// SQL expression: the object's comment (or NULL). A subquery rather than `obj_description`:
/// that SQL function cannot be inlined, and calling it costs ~20 µs a row.
pub(crate) fn comment(catalog: &str, oid: &str) -> String {
    format!(
        "(SELECT dsc.description FROM pg_catalog.pg_description dsc \
         WHERE dsc.objoid = {oid} AND dsc.classoid = 'pg_catalog.{catalog}'::pg_catalog.regclass \
         AND dsc.objsubid = 0)"
    )
}

/// SQL expression: a JSON object `{revokes, grants}` describing `acl` relative to
/// `default_acl`, in the live ACL's order (pg_dump prints in that order too). Either may be
/// an empty ACL (`aclexplode` rejects those, so they are read as no entries).
pub(crate) fn acl_json(acl: &str, default_acl: &str) -> String {
    let items = |from: &str, minus: &str| {
        format!(
            "COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(\
             'grantee', CASE WHEN a.grantee = 0 THEN NULL ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END, \
             'privilege', a.privilege_type, 'grantable', a.is_grantable) ORDER BY a.ord) \
             FROM pg_catalog.aclexplode(NULLIF({from}, '{{}}'::pg_catalog.aclitem[])) \
             WITH ORDINALITY a(grantor, grantee, privilege_type, is_grantable, ord) \
             WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(NULLIF({minus}, '{{}}'::pg_catalog.aclitem[])) b \
             WHERE b.grantee = a.grantee AND b.privilege_type = a.privilege_type \
             AND b.is_grantable = a.is_grantable)), '[]'::jsonb)"
        )
    };
    let live = format!("COALESCE({acl}, {default_acl})");
    // A NULL ACL is the default: nothing to grant or revoke, and no need to explode both.
    format!(
        "CASE WHEN {acl} IS NULL THEN '{{\"grants\": [], \"revokes\": []}}'::jsonb \
         ELSE pg_catalog.jsonb_build_object('grants', {}, 'revokes', {}) END",
        items(&live, default_acl),
        items(default_acl, &live)
    )
}

/// Reads an [`acl_json`] column.
pub(crate) fn acl(row: &Row, column: &str) -> Result<Acl> {
    let value: serde_json::Value = row.try_get(column).map_err(|e| query_error(column, e))?;
    serde_json::from_value(value).map_err(|e| Error::Inspect {
        what: column.to_string(),
        message: e.to_string(),
    })
}
