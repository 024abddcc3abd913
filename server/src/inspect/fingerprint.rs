//! A fingerprint of everything a catalog read depends on, cheap to take (no deparse function,
//! one scan of each catalog): equal fingerprints mean an inspection would read the same
//! catalog again, so a reader that keeps the last one (the language server) need not.
//!
//! Every change of a catalog row writes a row version with a newer transaction id (`xmin`);
//! a dropped row leaves the count. So per catalog, the row count, the newest `xmin` and a sum
//! of the `xmin`s' hashes (for a transaction that commits after a newer one) change with any
//! DDL, GRANT, COMMENT or label, and do not change when VACUUM or ANALYZE update statistics in
//! place. `xid` has no order and no cast to a number but through text (that conversion was
//! two thirds of the scan): the newest is read as the least `age()`, which counts from the
//! transaction's own latest id, and made absolute with that id, which each reader reports. Every catalog of the database that the role
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
            "SELECT c.relname::text, c.relisshared, \
                    pg_catalog.current_setting('server_version_num')::int4 \
             FROM pg_catalog.pg_class c \
             WHERE c.relnamespace = 'pg_catalog'::pg_catalog.regnamespace AND c.relkind = 'r' \
               AND pg_catalog.has_table_privilege(c.oid, 'SELECT') \
               AND NOT (c.relname = ANY($1::text[])) \
             ORDER BY c.relpages DESC, c.relname",
            &[&VOLATILE],
        )
        .await
        .map_err(|e| query_error("catalog fingerprint", e))?;
    let readable: Vec<(String, bool)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    let version: i32 = rows.first().map_or(0, |r| r.get(2));
    let parts = parts(&readable, version);
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
                "SELECT c, COALESCE(f, ''), newest_age, ({LATEST_XID})::text \
                 FROM ({}) x",
                share.join(" UNION ALL ")
            );
            client
                .query(&sql, &[])
                .await
                .map_err(|e| query_error("catalog fingerprint", e))
        });
    let mut lines = Vec::new();
    for row in futures_util::future::try_join_all(queries)
        .await?
        .iter()
        .flatten()
    {
        let (catalog, part, newest_age, latest): (String, String, Option<i32>, String) =
            (row.get(0), row.get(1), row.get(2), row.get(3));
        let newest = newest_xid(newest_age, &latest).ok_or_else(|| {
            crate::error::Error::Database(format!(
                "catalog fingerprint: unexpected transaction id {latest:?}"
            ))
        })?;
        lines.push(format!("{catalog} {part}:{newest}"));
    }
    lines.sort();
    Ok(crate::cache::digest(lines.iter().map(|l| l.as_bytes())))
}

/// The latest transaction id `age()` counts from in this transaction (the same for every call
/// in it), as a 64-bit id: the snapshot's oldest id with its epoch, plus that id's age.
const LATEST_XID: &str = "SELECT s.xmin8 + pg_catalog.age(((s.xmin8 % 4294967296)::text)::xid)::int8 \
     FROM (SELECT pg_catalog.pg_snapshot_xmin(pg_catalog.pg_current_snapshot())::text::int8 AS xmin8) s";

/// The newest `xmin` of a catalog, from its least `age()` and the `latest` id ages count from:
/// "none" when it has no rows or only rows of the bootstrap or frozen ids (whose age is
/// `i32::MAX`); `None` when `latest` is not a number. Rows frozen more than 2^31 ids ago have
/// a negative age (it wraps): the query leaves them out, their count and hash still count.
fn newest_xid(newest_age: Option<i32>, latest: &str) -> Option<String> {
    let latest: i64 = latest.parse().ok()?;
    Some(match newest_age {
        Some(age) if age != i32::MAX => (latest - i64::from(age)).to_string(),
        _ => "none".to_string(),
    })
}

/// One query per catalog: its name, `count:hash sum` of its rows' `xmin` and their least
/// age; the server's start and the roles.
fn parts(readable: &[(String, bool)], server_version: i32) -> Vec<String> {
    // `hashxid` came with PostgreSQL 14; before, the ids are summed as numbers (via text).
    let hash_sum = if server_version >= 140000 {
        "pg_catalog.sum(pg_catalog.hashxid(xmin)::int8)"
    } else {
        "pg_catalog.sum(xmin::text::int8)"
    };
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
                 COALESCE({hash_sum}, 0)::text AS f, \
                 pg_catalog.min(pg_catalog.age(xmin)) FILTER (WHERE pg_catalog.age(xmin) >= 0) \
                 AS newest_age \
                 FROM pg_catalog.{name} {only}"
            ))
        })
        // The server's start: counts and sums of transaction ids start over in a cluster made
        // anew (a container recreated at the same address), whatever it holds.
        .chain(std::iter::once(
            "SELECT 'server'::text AS c, pg_catalog.pg_postmaster_start_time()::text AS f, \
             NULL::int4 AS newest_age"
                .to_string(),
        ))
        // Owners and grantees by name: the roles this database's objects depend on, and the
        // bootstrap superuser (pinned: no dependency names it).
        .chain(std::iter::once(format!(
            "SELECT 'roles'::text AS c, \
             pg_catalog.string_agg(r.oid::text || '=' || r.rolname, ',' ORDER BY r.oid) AS f, \
             NULL::int4 AS newest_age \
             FROM pg_catalog.pg_roles r WHERE r.oid = 10 OR r.oid IN \
             (SELECT refobjid FROM pg_catalog.pg_shdepend \
               WHERE dbid = {this_db} AND refclassid = 'pg_catalog.pg_authid'::pg_catalog.regclass)"
        )))
        .collect()
}
