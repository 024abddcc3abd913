//! Live objects of kinds pg-flux does not model yet. Listing them keeps the promise that
//! nothing is dropped silently: dump and verify name each one.

use super::sql::Field;
use super::sql::{in_scope, Context};
use crate::error::Result;
use crate::model::UnmodeledObject;

/// Catalogs whose user-created rows are unmodeled, with an extra condition each.
const CATALOGS: &[(&str, &str)] = &[
    // Subscriptions are shared: only the current database's, and only when the connection
    // string cannot be read (else they are modeled: `inspect::simple::subscriptions`).
    (
        "pg_subscription",
        "o.subdbid = (SELECT db.oid FROM pg_catalog.pg_database db \
         WHERE db.datname = pg_catalog.current_database()) \
         AND NOT pg_catalog.has_column_privilege('pg_catalog.pg_subscription', 'subconninfo', 'SELECT')",
    ),
];

/// Before PostgreSQL 14 only a superuser may read `pg_subscription.oid` (and a superuser's
/// subscriptions are modeled); every role may read the names, through `pg_stat_subscription`
/// and the granted columns.
const SUBSCRIPTIONS_BEFORE_14: &str =
    "SELECT 'subscription'::text, pg_catalog.quote_ident(s.subname::text) \
     FROM (SELECT DISTINCT subname FROM pg_catalog.pg_stat_subscription) s \
     WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_subscription o WHERE o.subname = s.subname \
       AND o.subdbid = (SELECT db.oid FROM pg_catalog.pg_database db \
                        WHERE db.datname = pg_catalog.current_database())) \
       AND NOT pg_catalog.has_column_privilege('pg_catalog.pg_subscription', 'subconninfo', 'SELECT')";

pub(crate) async fn unmodeled(ctx: &Context<'_>) -> Result<Vec<UnmodeledObject>> {
    let before_14 = ctx.server_version_num < 140_000;
    // An empty branch keeps the union valid when no catalog applies (PostgreSQL 13, whose
    // unreadable subscriptions are listed below).
    let branches: Vec<String> = std::iter::once(
        "SELECT NULL::pg_catalog.regclass AS classid, NULL::pg_catalog.oid AS objid WHERE false"
            .to_string(),
    )
    .chain(
        CATALOGS
            .iter()
            .filter(|(catalog, _)| !(before_14 && *catalog == "pg_subscription"))
            .map(|(catalog, condition)| {
                format!(
                "SELECT 'pg_catalog.{catalog}'::pg_catalog.regclass AS classid, o.oid AS objid \
                 FROM pg_catalog.{catalog} o WHERE o.oid >= 16384 AND {condition}"
            )
            }),
    )
    .collect();
    // Objects that belong to an extension come and go with it; objects of an extension's own
    // kind (e.g. the language plpgsql) are created by it. Objects internal to another
    // (deptype 'i': a range type's constructors and its cast to the multirange) are made and
    // dropped with their owner, so they are not objects of their own.
    let sql = format!(
        "SELECT * FROM (SELECT i.type, i.identity \
         FROM ({union}) u \
         CROSS JOIN LATERAL pg_catalog.pg_identify_object(u.classid, u.objid, 0) i \
         LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = i.schema \
         WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d \
                           WHERE d.classid = u.classid AND d.objid = u.objid AND d.deptype IN ('e', 'i')) \
           AND (i.schema IS NULL OR {scope}) {subscriptions}) found \
         ORDER BY 1, 2",
        union = branches.join(" UNION ALL "),
        scope = in_scope("n"),
        subscriptions = if before_14 {
            format!("UNION ALL {SUBSCRIPTIONS_BEFORE_14}")
        } else {
            String::new()
        },
    );
    let rows = ctx.query("objects of unmodeled kinds", &sql).await?;
    rows.iter()
        .map(|r| {
            Ok(UnmodeledObject {
                kind: r.field("type")?,
                identity: r.field("identity")?,
            })
        })
        .collect()
}
