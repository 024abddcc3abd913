//! A fingerprint of everything a catalog read depends on, cheap to take (no deparse function,
//! one scan of each catalog): equal fingerprints mean an inspection would read the same
//! catalog again, so a reader that keeps the last one (the language server) need not.
//!
//! Every change of a catalog row writes a row version with a newer transaction id (`xmin`);
//! a dropped row leaves the count and the sum. So per catalog, the row count, the sum and the
//! greatest `xmin` change with any DDL, GRANT, COMMENT or label, and do not change when
//! VACUUM or ANALYZE update statistics in place. Every catalog of the database that the role
//! may read is taken (a change elsewhere costs one needless read, a change missed would cost a
//! wrong answer), this database's rows of the shared ones, and the names of the roles its
//! objects depend on (a dump prints them; a plain role cannot read their catalog).

use tokio_postgres::Client;

use super::query_error;
use crate::error::Result;

/// Catalogs whose rows change without DDL: planner statistics (ANALYZE writes new versions).
const VOLATILE: &[&str] = &["pg_statistic", "pg_statistic_ext_data"];

/// The fingerprint of the catalog `client` sees (in its transaction's snapshot).
pub async fn fingerprint(client: &Client) -> Result<String> {
    let rows = client
        .query(
            "SELECT c.relname::text, c.relisshared FROM pg_catalog.pg_class c \
             WHERE c.relnamespace = 'pg_catalog'::pg_catalog.regnamespace AND c.relkind = 'r' \
               AND pg_catalog.has_table_privilege(c.oid, 'SELECT') \
               AND NOT (c.relname = ANY($1::text[])) \
             ORDER BY c.relname",
            &[&VOLATILE],
        )
        .await
        .map_err(|e| query_error("catalog fingerprint", e))?;
    let readable: Vec<(String, bool)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    let this_db = "(SELECT d.oid FROM pg_catalog.pg_database d \
                    WHERE d.datname = pg_catalog.current_database())";
    let subscriptions =
        format!("(SELECT s.oid FROM pg_catalog.pg_subscription s WHERE s.subdbid = {this_db})");
    let may_read_subscriptions = readable.iter().any(|(n, _)| n == "pg_subscription");
    // The catalogs shared by the cluster's databases change whenever another database changes:
    // only this database's rows of those that describe its objects are taken.
    let parts: Vec<String> = readable
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
                "SELECT '{name}' AS c, pg_catalog.count(*)::text || ':' || \
                 COALESCE(pg_catalog.sum(xmin::text::int8), 0)::text || ':' || \
                 COALESCE(pg_catalog.max(xmin::text::int8), 0)::text AS f \
                 FROM pg_catalog.{name} {only}"
            ))
        })
        // Owners and grantees by name: the roles this database's objects depend on, and the
        // bootstrap superuser (pinned: no dependency names it).
        .chain(std::iter::once(format!(
            "SELECT 'roles', pg_catalog.string_agg(r.oid::text || '=' || r.rolname, ',' ORDER BY r.oid) \
             FROM pg_catalog.pg_roles r WHERE r.oid = 10 OR r.oid IN \
             (SELECT refobjid FROM pg_catalog.pg_shdepend \
               WHERE dbid = {this_db} AND refclassid = 'pg_catalog.pg_authid'::pg_catalog.regclass)"
        )))
        .collect();
    let sql = format!(
        "SELECT pg_catalog.md5(pg_catalog.string_agg(c || ' ' || COALESCE(f, ''), ';' ORDER BY c)) \
         FROM ({}) x",
        parts.join(" UNION ALL ")
    );
    let row = client
        .query_one(&sql, &[])
        .await
        .map_err(|e| query_error("catalog fingerprint", e))?;
    Ok(row.get::<_, Option<String>>(0).unwrap_or_default())
}
