//! A fingerprint of everything a catalog read depends on, cheap to take (no deparse function,
//! one scan of each catalog): equal fingerprints mean an inspection would read the same
//! catalog again, so a reader that keeps the last one (the language server) need not.
//!
//! Every change of a catalog row writes a row version with a newer transaction id (`xmin`);
//! a dropped row leaves the count and the sum. So per catalog, the row count, the sum and the
//! newest `xmin` change with any DDL, GRANT, COMMENT or label (the sum also when a transaction
//! commits after a newer one), and do not change when VACUUM or ANALYZE update statistics in
//! place. `xid` has no order and no cast to a number but through text, and that conversion was
//! two thirds of the scan: the rows' `age()` is summed and minimised instead, and made absolute
//! with the latest id ages count from in the transaction, which each reader reports.
//!
//! Every catalog of the database that the role may read is taken (a change elsewhere costs one
//! needless read, a change missed would cost a wrong answer), this database's rows of the
//! shared ones, the names of the roles its objects depend on (a dump prints them; a plain role
//! cannot read their catalog), and when the server started (a cluster made anew counts its
//! transactions from the start again).

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
            "SELECT c.relname::text, c.relisshared FROM pg_catalog.pg_class c \
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
                "SELECT c, COALESCE(f, ''), n, frozen, age_sum::text, newest_age, \
                        ({LATEST_XID})::text \
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
        let (catalog, value): (String, String) = (row.get(0), row.get(1));
        let ages = Ages {
            rows: row.get(2),
            frozen: row.get(3),
            sum: row.get(4),
            least: row.get(5),
        };
        let latest: String = row.get(6);
        let line = match ages.rows {
            None => format!("{catalog} {value}"),
            Some(_) => {
                let xmins = ages.xmins(&latest).ok_or_else(|| {
                    crate::error::Error::Database(format!(
                        "catalog fingerprint: unexpected transaction ids in {catalog}: \
                         {ages:?}, latest {latest:?}"
                    ))
                })?;
                format!("{catalog} {xmins}")
            }
        };
        lines.push(line);
    }
    lines.sort();
    Ok(crate::cache::digest(lines.iter().map(|l| l.as_bytes())))
}

/// The latest transaction id `age()` counts from in this transaction (the same for every call
/// in it), as a 64-bit id: the snapshot's oldest id with its epoch, plus that id's age.
const LATEST_XID: &str = "SELECT s.xmin8 + pg_catalog.age(((s.xmin8 % 4294967296)::text)::xid)::int8 \
     FROM (SELECT pg_catalog.pg_snapshot_xmin(pg_catalog.pg_current_snapshot())::text::int8 AS xmin8) s";

/// What one catalog's rows say of their `xmin`s' ages.
#[derive(Debug)]
struct Ages {
    rows: Option<i64>,
    /// Rows of the bootstrap or frozen ids, whose age is `i32::MAX` whatever the latest id.
    frozen: Option<i64>,
    sum: Option<String>,
    /// The least non-negative age: the newest row's.
    least: Option<i32>,
}

impl Ages {
    /// `rows:sum of xmin:newest xmin`, the same in every transaction while the catalog does not
    /// change: each age is the `latest` id minus the row's. Rows frozen more than 2^31 ids ago
    /// have a negative age (it wraps) and are left out of the newest; their wrapped ages move
    /// with the latest id as the others' do, so the sum holds until one wraps again (one
    /// needless read). `None` when a number does not parse.
    fn xmins(&self, latest: &str) -> Option<String> {
        let latest = i128::from(latest.parse::<i64>().ok()?);
        let rows = i128::from(self.rows?);
        let frozen = i128::from(self.frozen.unwrap_or(0));
        let sum: i128 = match &self.sum {
            Some(sum) => sum.parse().ok()?,
            None => 0,
        };
        let (counted, counted_ages) = (rows - frozen, sum - frozen * i128::from(i32::MAX));
        let xmin_sum = counted * latest - counted_ages;
        let newest = match self.least {
            Some(age) if age != i32::MAX => (latest - i128::from(age)).to_string(),
            _ => "none".to_string(),
        };
        Some(format!("{rows}:{xmin_sum}:{newest}"))
    }
}

/// One query per catalog: its name, its rows, of which frozen, and the sum and least of their
/// `xmin`s' ages; the server's start and the roles.
fn parts(readable: &[(String, bool)]) -> Vec<String> {
    const AGE: &str = "pg_catalog.age(xmin)";
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
                "SELECT '{name}'::text AS c, NULL::text AS f, pg_catalog.count(*) AS n, \
                 pg_catalog.count(*) FILTER (WHERE {AGE} = 2147483647) AS frozen, \
                 pg_catalog.sum({AGE}::int8) AS age_sum, \
                 pg_catalog.min({AGE}) FILTER (WHERE {AGE} >= 0) AS newest_age \
                 FROM pg_catalog.{name} {only}"
            ))
        })
        // The server's start: counts and sums of transaction ids start over in a cluster made
        // anew (a container recreated at the same address), whatever it holds.
        .chain(std::iter::once(
            "SELECT 'server'::text AS c, pg_catalog.pg_postmaster_start_time()::text AS f, \
             NULL::int8 AS n, NULL::int8 AS frozen, NULL::numeric AS age_sum, \
             NULL::int4 AS newest_age"
                .to_string(),
        ))
        // Owners and grantees by name: the roles this database's objects depend on, and the
        // bootstrap superuser (pinned: no dependency names it).
        .chain(std::iter::once(format!(
            "SELECT 'roles'::text AS c, \
             pg_catalog.string_agg(r.oid::text || '=' || r.rolname, ',' ORDER BY r.oid) AS f, \
             NULL::int8 AS n, NULL::int8 AS frozen, NULL::numeric AS age_sum, \
             NULL::int4 AS newest_age \
             FROM pg_catalog.pg_roles r WHERE r.oid = 10 OR r.oid IN \
             (SELECT refobjid FROM pg_catalog.pg_shdepend \
               WHERE dbid = {this_db} AND refclassid = 'pg_catalog.pg_authid'::pg_catalog.regclass)"
        )))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Ages;

    /// Three rows of ids 1000, 1500 and a bootstrap id, seen from `latest`.
    fn seen_from(latest: i64) -> String {
        let ages = [latest - 1000, latest - 1500];
        let ages = Ages {
            rows: Some(3),
            frozen: Some(1),
            sum: Some((ages.iter().sum::<i64>() + i64::from(i32::MAX)).to_string()),
            least: ages.iter().map(|a| *a as i32).min(),
        };
        ages.xmins(&latest.to_string()).unwrap_or_default()
    }

    #[test]
    fn the_same_rows_read_in_later_transactions_give_the_same_line() {
        assert_eq!(seen_from(2000), "3:2500:1500");
        assert_eq!(seen_from(90_000), seen_from(2000));
    }

    #[test]
    fn a_catalog_without_rows_or_with_frozen_rows_only_has_no_newest() {
        let empty = Ages {
            rows: Some(0),
            frozen: Some(0),
            sum: None,
            least: None,
        };
        assert_eq!(empty.xmins("77").as_deref(), Some("0:0:none"));
        let frozen = Ages {
            rows: Some(2),
            frozen: Some(2),
            sum: Some((2 * i64::from(i32::MAX)).to_string()),
            least: None,
        };
        assert_eq!(frozen.xmins("77").as_deref(), Some("2:0:none"));
        assert_eq!(frozen.xmins("not a number"), None);
    }
}
