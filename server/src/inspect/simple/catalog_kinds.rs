//! Casts, conversions, languages, transforms and access methods.

use super::{read, user_made};
use crate::error::Result;
use crate::inspect::sql::{acl_items, comment, in_scope, Context};
use crate::model::{SimpleKind, SimpleObject};

pub(super) async fn objects(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let mut out = Vec::new();
    out.extend(access_methods(ctx).await?);
    out.extend(languages(ctx).await?);
    out.extend(conversions(ctx).await?);
    Ok(out)
}

/// `CREATE ACCESS METHOD m TYPE INDEX|TABLE HANDLER h;` (no owner). Like an event trigger,
/// only one whose handler is built in or in scope (the others could not be made from the
/// dump).
async fn access_methods(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let sql = format!(
        "SELECT a.oid, NULL::text AS schema, a.amname::text AS name, \
                NULL::text[] AS args, NULL::text AS method, NULL::text AS owner, \
                {comment} AS comment, NULL::text[] AS acl, \
                pg_catalog.format('CREATE ACCESS METHOD %I TYPE %s HANDLER %s;' || E'\\n', \
                  a.amname, CASE a.amtype WHEN 'i' THEN 'INDEX' WHEN 't' THEN 'TABLE' END, \
                  a.amhandler::pg_catalog.regproc::text) AS \"create\", \
                NULL::text[] AS settings \
         FROM pg_catalog.pg_am a \
         JOIN pg_catalog.pg_proc h ON h.oid = a.amhandler \
         JOIN pg_catalog.pg_namespace hn ON hn.oid = h.pronamespace \
         WHERE {user_made} AND (hn.nspname = 'pg_catalog' OR {scope}) \
         ORDER BY a.amname COLLATE \"C\"",
        comment = comment("pg_am", "a.oid"),
        user_made = user_made("pg_am", "a.oid"),
        scope = in_scope("hn"),
    );
    read(ctx, SimpleKind::AccessMethod, &sql).await
}

/// `CREATE [TRUSTED] LANGUAGE l HANDLER h [INLINE i] [VALIDATOR v];` with its owner and
/// `USAGE` privileges, when its handler is built in or in scope. A language an extension
/// creates (plpgsql, plperl…) comes with it.
async fn languages(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let sql = format!(
        "SELECT l.oid, NULL::text AS schema, l.lanname::text AS name, \
                NULL::text[] AS args, NULL::text AS method, \
                pg_catalog.pg_get_userbyid(l.lanowner)::text AS owner, \
                {comment} AS comment, {acl} AS acl, \
                pg_catalog.format('CREATE %sLANGUAGE %I HANDLER %s', \
                  CASE WHEN l.lanpltrusted THEN 'TRUSTED ' ELSE '' END, l.lanname, \
                  l.lanplcallfoid::pg_catalog.regproc::text) \
                || CASE WHEN l.laninline <> 0 \
                     THEN ' INLINE ' || l.laninline::pg_catalog.regproc::text ELSE '' END \
                || CASE WHEN l.lanvalidator <> 0 \
                     THEN ' VALIDATOR ' || l.lanvalidator::pg_catalog.regproc::text ELSE '' END \
                || ';' || E'\\n' AS \"create\", \
                NULL::text[] AS settings \
         FROM pg_catalog.pg_language l \
         JOIN pg_catalog.pg_proc h ON h.oid = l.lanplcallfoid \
         JOIN pg_catalog.pg_namespace hn ON hn.oid = h.pronamespace \
         WHERE {user_made} AND (hn.nspname = 'pg_catalog' OR {scope}) \
         ORDER BY l.lanname COLLATE \"C\"",
        comment = comment("pg_language", "l.oid"),
        acl = acl_items(
            "l.lanacl",
            "pg_catalog.acldefault('l', l.lanowner)",
            "l.lanowner"
        ),
        user_made = user_made("pg_language", "l.oid"),
        scope = in_scope("hn"),
    );
    read(ctx, SimpleKind::Language, &sql).await
}

/// `CREATE [DEFAULT] CONVERSION s.c FOR 'src' TO 'dst' FROM f;`
async fn conversions(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let sql = format!(
        "SELECT c.oid, n.nspname::text AS schema, c.conname::text AS name, \
                NULL::text[] AS args, NULL::text AS method, \
                pg_catalog.pg_get_userbyid(c.conowner)::text AS owner, \
                {comment} AS comment, NULL::text[] AS acl, \
                pg_catalog.format('CREATE %sCONVERSION %I.%I FOR %L TO %L FROM %s;' || E'\\n', \
                  CASE WHEN c.condefault THEN 'DEFAULT ' ELSE '' END, n.nspname, c.conname, \
                  pg_catalog.pg_encoding_to_char(c.conforencoding), \
                  pg_catalog.pg_encoding_to_char(c.contoencoding), \
                  c.conproc::pg_catalog.regproc::text) AS \"create\", \
                NULL::text[] AS settings \
         FROM pg_catalog.pg_conversion c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace \
         WHERE {user_made} AND {scope} \
         ORDER BY n.nspname COLLATE \"C\", c.conname COLLATE \"C\"",
        comment = comment("pg_conversion", "c.oid"),
        user_made = user_made("pg_conversion", "c.oid"),
        scope = in_scope("n"),
    );
    read(ctx, SimpleKind::Conversion, &sql).await
}
