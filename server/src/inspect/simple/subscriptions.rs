//! Subscriptions of the current database, read when the connection string can be: by a
//! superuser before PostgreSQL 14 (the whole catalog is closed to other roles) and by whoever
//! may read `pg_subscription.subconninfo` from 14 on (granted to no role but superusers by
//! default). Otherwise they stay listed as unmodeled (`inspect::unmodeled`), which tells the
//! user dump could not write them.
//!
//! The connection string is redacted here ([`redact_conninfo`]): no password reaches the
//! model, so none reaches a file, a report or a comparison.

use crate::emit::sql::{ident, literal};
use crate::emit::{redact_conninfo, subscription_create};
use crate::error::Result;
use crate::inspect::sql::{comment, Context, Field};
use crate::model::{Acl, SimpleKind, SimpleObject};

/// SQL condition: the current role may read every column dump needs.
const READABLE: &str =
    "pg_catalog.has_column_privilege('pg_catalog.pg_subscription', 'subconninfo', 'SELECT')";

/// SQL condition on `s` (a `pg_subscription` row): a user's subscription of this database.
const OF_THIS_DATABASE: &str = "s.oid >= 16384 AND s.subdbid = \
     (SELECT db.oid FROM pg_catalog.pg_database db WHERE db.datname = pg_catalog.current_database())";

pub(super) async fn objects(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let readable = ctx
        .query_all(
            "subscription privileges",
            &format!("SELECT {READABLE} AS ok"),
        )
        .await?;
    let readable = match readable.first() {
        Some(r) => r.field::<bool>("ok")?,
        None => false,
    };
    if !readable {
        return Ok(Vec::new());
    }
    let major = ctx.server_version_num / 10000;
    let since = |m: i32, expr: &str| {
        if major >= m {
            expr.to_string()
        } else {
            "NULL::text".to_string()
        }
    };
    let streaming = match major {
        ..=13 => "NULL::text",
        14 | 15 => "CASE WHEN s.substream THEN 'on' ELSE 'off' END",
        _ => "CASE s.substream WHEN 't' THEN 'on' WHEN 'p' THEN 'parallel' ELSE 'off' END",
    };
    let sql = format!(
        "SELECT s.oid, s.subname::text AS name, \
                pg_catalog.pg_get_userbyid(s.subowner)::text AS owner, \
                {comment} AS comment, \
                s.subconninfo::text AS conninfo, s.subslotname::text AS slot_name, \
                s.subpublications::text[] AS publications, \
                CASE WHEN s.subsynccommit <> 'off' THEN s.subsynccommit::text END AS synchronous_commit, \
                {binary} AS binary, {streaming} AS streaming, {two_phase} AS two_phase, \
                {disable_on_error} AS disable_on_error, {password_required} AS password_required, \
                {run_as_owner} AS run_as_owner, {failover} AS failover, {origin} AS origin \
         FROM pg_catalog.pg_subscription s \
         WHERE {OF_THIS_DATABASE} \
         ORDER BY s.subname COLLATE \"C\"",
        // A subscription's comment is in pg_description, though the catalog is shared.
        comment = comment("pg_subscription", "s.oid"),
        binary = since(14, "CASE WHEN s.subbinary THEN 'true' END"),
        two_phase = since(15, "CASE WHEN s.subtwophasestate <> 'd' THEN 'on' END"),
        disable_on_error = since(15, "CASE WHEN s.subdisableonerr THEN 'true' END"),
        password_required = since(16, "CASE WHEN NOT s.subpasswordrequired THEN 'false' END"),
        run_as_owner = since(16, "CASE WHEN s.subrunasowner THEN 'true' END"),
        failover = since(17, "CASE WHEN s.subfailover THEN 'true' END"),
        origin = since(
            16,
            "CASE WHEN pg_catalog.lower(s.suborigin) <> 'any' THEN s.suborigin::text END"
        ),
    );
    let rows = ctx.query_all("subscriptions", &sql).await?;
    rows.iter()
        .map(|r| {
            let name: String = r.field("name")?;
            let conninfo: String = r.field("conninfo")?;
            let publications: Vec<String> = r
                .field::<Option<Vec<String>>>("publications")?
                .unwrap_or_default();
            let publications: Vec<String> = publications.iter().map(|p| ident(p)).collect();
            let slot = match r.field::<Option<String>>("slot_name")? {
                Some(slot) => literal(&slot),
                None => "NONE".to_string(),
            };
            let mut settings = vec![
                ("connection".to_string(), redact_conninfo(&conninfo)),
                ("publication".to_string(), publications.join(", ")),
                ("slot_name".to_string(), slot),
            ];
            for key in [
                "binary",
                "streaming",
                "two_phase",
                "disable_on_error",
                "password_required",
                "run_as_owner",
                "failover",
                "synchronous_commit",
                "origin",
            ] {
                if let Some(value) = r.field::<Option<String>>(key)? {
                    let value = if key == "synchronous_commit" {
                        ident(&value)
                    } else {
                        value
                    };
                    settings.push((key.to_string(), value));
                }
            }
            Ok(SimpleObject {
                oid: r.field("oid")?,
                kind: SimpleKind::Subscription,
                schema: None,
                create: subscription_create(&name, &settings),
                name,
                args: None,
                method: None,
                owner: r.field::<Option<String>>("owner")?.unwrap_or_default(),
                comment: r.field("comment")?,
                acl: Acl::default(),
                settings,
            })
        })
        .collect()
}
