//! Schemas and extensions.

use super::sql::Field;
use super::sql::{acl, acl_items, comment, in_scope, Context};
use crate::error::Result;
use crate::model::{Extension, Schema};

pub(crate) async fn schemas(ctx: &Context<'_>) -> Result<Vec<Schema>> {
    // A schema initdb made (`public`) has its initial privileges in pg_init_privs; those, not
    // acldefault, are its baseline. Its comment baseline is initdb's, handled by the emitter.
    let sql = format!(
        "SELECT n.oid, n.nspname, pg_catalog.pg_get_userbyid(n.nspowner) AS owner, \
                n.oid < 16384 AND n.nspowner = \
                  COALESCE(pg_catalog.to_regrole('pg_database_owner')::oid, 10) AS initial_owner, \
                {comment} AS comment, \
                {acl} AS acl, \
                n.oid < 16384 AS preexisting \
         FROM pg_catalog.pg_namespace n \
         LEFT JOIN pg_catalog.pg_init_privs ip \
           ON ip.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND ip.objoid = n.oid \
         WHERE {scope} \
         ORDER BY n.nspname",
        comment = comment("pg_namespace", "n.oid"),
        acl = acl_items(
            "n.nspacl",
            "COALESCE(ip.initprivs, pg_catalog.acldefault('n', n.nspowner))"
        ),
        scope = in_scope("n"),
    );
    let rows = ctx.query("schemas", &sql).await?;
    rows.iter()
        .map(|r| {
            Ok(Schema {
                oid: r.field("oid")?,
                name: r.field("nspname")?,
                owner: r.field("owner")?,
                initial_owner: r.field("initial_owner")?,
                comment: r.field("comment")?,
                acl: acl(r, "acl")?,
                preexisting: r.field("preexisting")?,
            })
        })
        .collect()
}

pub(crate) async fn extensions(ctx: &Context<'_>) -> Result<Vec<Extension>> {
    let sql = format!(
        "SELECT e.oid, e.extname, n.nspname, e.extversion, {comment} AS comment \
         FROM pg_catalog.pg_extension e \
         JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace \
         WHERE e.extname <> 'plpgsql' AND ({scope} OR n.nspname = 'pg_catalog') \
         ORDER BY e.extname",
        comment = comment("pg_extension", "e.oid"),
        scope = in_scope("n"),
    );
    let rows = ctx.query("extensions", &sql).await?;
    rows.iter()
        .map(|r| {
            Ok(Extension {
                oid: r.field("oid")?,
                name: r.field("extname")?,
                schema: r.field("nspname")?,
                version: r.field("extversion")?,
                comment: r.field("comment")?,
            })
        })
        .collect()
}
