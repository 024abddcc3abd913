//! A fingerprint of everything a catalog read depends on, cheap to take (no deparse function,
//! one scan of each catalog): equal fingerprints mean an inspection would read the same
//! catalog again, so a reader that keeps the last one (the language server) need not.
//!
//! Every change of a catalog row writes a row version with a newer transaction id (`xmin`);
//! a dropped row leaves the count and the sum. So per catalog, the row count, the sum and the
//! greatest `xmin` change with any DDL, GRANT, COMMENT or label, and do not change when
//! VACUUM or ANALYZE update statistics in place. Every catalog of the database that the role
//! may read is taken (a change elsewhere costs one needless read, a change missed would cost a
//! wrong answer), this database's rows of the shared ones, the names of the roles its
//! objects depend on (a dump prints them; a plain role cannot read their catalog), and when the
//! server started (a cluster made anew counts its transactions from the start again).

use tokio_postgres::Client;

use super::query_error;
use crate::error::Result;

/// Catalogs whose rows change without DDL: planner statistics (ANALYZE writes new versions).
const VOLATILE: &[&str] = &["pg_statistic", "pg_statistic_ext_data"];

/// The fingerprint of the catalog `readers` see (one snapshot): the catalogs are shared out
/// between them, the largest first, so that the server scans them in parallel.
pub async fn fingerprint(readers: &[&Client]) -> Result<String> {
    let Some(first) = readers.first().copied() else {
        return Err(crate::error::Error::Database(
            "no connection to fingerprint".to_string(),
        ));
    };
    let rows = first
        .query(
            "SELECT c.relname::text, c.relisshared, c.relpages FROM pg_catalog.pg_class c \
             WHERE c.relnamespace = 'pg_catalog'::pg_catalog.regnamespace AND c.relkind = 'r' \
               AND pg_catalog.has_table_privilege(c.oid, 'SELECT') \
               AND NOT (c.relname = ANY($1::text[])) \
             ORDER BY c.relpages DESC, c.relname",
            &[&VOLATILE],
        )
        .await
        .map_err(|e| query_error("catalog fingerprint", e))?;
    let readable: Vec<(String, bool)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    let parts = parts(&readable);
    // Dealt out in turn, largest first: about equal pages to scan on each reader.
    let mut shares: Vec<Vec<&str>> = vec![Vec::new(); readers.len()];
    for (i, part) in parts.iter().enumerate() {
        shares[i % readers.len()].push(part);
    }
    let queries = readers
        .iter()
        .zip(&shares)
        .map(|(client, share)| async move {
            if share.is_empty() {
                return Ok(Vec::new());
            }
            let sql = format!(
                "SELECT c, COALESCE(f, '') FROM ({}) x",
                share.join(" UNION ALL ")
            );
            client
                .query(&sql, &[])
                .await
                .map_err(|e| query_error("catalog fingerprint", e))
        });
    let mut lines: Vec<String> = futures_util::future::try_join_all(queries)
        .await?
        .iter()
        .flatten()
        .map(|r| format!("{} {}", r.get::<_, String>(0), r.get::<_, String>(1)))
        .collect();
    lines.sort();
    Ok(crate::cache::digest(lines.iter().map(|l| l.as_bytes())))
}

/// One query per catalog: its name and `count:sum:max` of its rows' `xmin`; and the roles.
fn parts(readable: &[(String, bool)]) -> Vec<String> {
    let this_db = "(SELECT d.oid FROM pg_catalog.pg_database d \
                    WHERE d.datname = pg_catalog.current_database())";
    let subscriptions =
        format!("(SELECT s.oid FROM pg_catalog.pg_subscription s WHERE s.subdbid = {this_db})");
    let may_read_subscriptions = readable.iter().any(|(n, _)| n == "pg_subscription");
    // The catalogs shared by the cluster's databases change whenever another database changes:
    // only this database's rows of those that describe its objects are taken.
    readable
        .iter()
        .filter_map(|(name, shared)| {
            let only = match (name.as_str(), shared) {
                (_, false) => String::new(),
                ("pg_shdepend", _) => format!("WHERE dbid = {this_db}"),
                ("pg_subscription", _) => format!("WHERE subdbid = {this_db}"),
                ("pg_shdescription" | "pg_shseclabel", _) if may_read_subscriptions => format!(
                    "WHERE classoid = 'pg_catalog.pg_subscription'::pg_catalog.regclass \
                     AND objoid IN {subscriptions}"
                ),
                _ => return None,
            };
            Some(format!(
                "SELECT '{name}'::text AS c, pg_catalog.count(*)::text || ':' || \
                 COALESCE(pg_catalog.sum(xmin::text::int8), 0)::text || ':' || \
                 COALESCE(pg_catalog.max(xmin::text::int8), 0)::text AS f \
                 FROM pg_catalog.{name} {only}"
            ))
        })
        // The server's start: counts and sums of transaction ids start over in a cluster made
        // anew (a container recreated at the same address), whatever it holds.
        .chain(std::iter::once(
            "SELECT 'server'::text, pg_catalog.pg_postmaster_start_time()::text".to_string(),
        ))
        // Owners and grantees by name: the roles this database's objects depend on, and the
        // bootstrap superuser (pinned: no dependency names it).
        .chain(std::iter::once(format!(
            "SELECT 'roles'::text, pg_catalog.string_agg(r.oid::text || '=' || r.rolname, ',' ORDER BY r.oid) \
             FROM pg_catalog.pg_roles r WHERE r.oid = 10 OR r.oid IN \
             (SELECT refobjid FROM pg_catalog.pg_shdepend \
               WHERE dbid = {this_db} AND refclassid = 'pg_catalog.pg_authid'::pg_catalog.regclass)"
        )))
        .collect()
}
