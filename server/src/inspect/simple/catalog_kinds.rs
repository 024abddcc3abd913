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
    out.extend(casts(ctx).await?);
    out.extend(transforms(ctx).await?);
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

/// SQL expression: the function `oid` as pg_dump names it in a cast or a transform, always
/// schema-qualified, with its argument types as `format_type` prints them:
/// `public.to_text(public.mood)`, `pg_catalog.int4(bigint)`.
fn function_signature(oid: &str) -> String {
    format!(
        "(SELECT pg_catalog.quote_ident(fn.nspname) || '.' || pg_catalog.quote_ident(f.proname) \
                 || '(' || COALESCE((SELECT pg_catalog.string_agg(pg_catalog.format_type(a.t, NULL), ', ' \
                                            ORDER BY a.i) \
                                       FROM pg_catalog.unnest(f.proargtypes::pg_catalog.oid[]) \
                                            WITH ORDINALITY a(t, i)), '') || ')' \
          FROM pg_catalog.pg_proc f \
          JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace \
          WHERE f.oid = {oid})"
    )
}

/// SQL condition: the type `oid` is built in (in `pg_catalog`) or in a schema in scope.
fn type_in_scope(oid: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM pg_catalog.pg_type st \
                 JOIN pg_catalog.pg_namespace stn ON stn.oid = st.typnamespace \
                 WHERE st.oid = {oid} AND (stn.nspname = 'pg_catalog' OR {scope}))",
        scope = in_scope("stn"),
    )
}

/// SQL condition: the function `oid` is none (0), built in, or in a schema in scope.
fn function_in_scope(oid: &str) -> String {
    format!(
        "({oid} = 0 OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc sf \
                 JOIN pg_catalog.pg_namespace sfn ON sfn.oid = sf.pronamespace \
                 WHERE sf.oid = {oid} AND (sfn.nspname = 'pg_catalog' OR {scope})))",
        scope = in_scope("sfn"),
    )
}

/// `CREATE CAST (source AS target) WITH FUNCTION … | WITHOUT FUNCTION | WITH INOUT
/// [AS ASSIGNMENT | AS IMPLICIT]`, as pg_dump's dumpCast writes it. Every cast a user made is
/// read, as pg_dump dumps them (also between built-in types); a range's cast to its
/// multirange is internal to the range (deptype 'i') and comes with it. A cast is in scope
/// when its types and function are built in or in scope.
async fn casts(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let sql = format!(
        "SELECT c.oid, NULL::text AS schema, \
                pg_catalog.format_type(c.castsource, NULL) || ' AS ' \
                  || pg_catalog.format_type(c.casttarget, NULL) AS name, \
                NULL::text[] AS args, NULL::text AS method, NULL::text AS owner, \
                {comment} AS comment, NULL::text[] AS acl, \
                'CREATE CAST (' || pg_catalog.format_type(c.castsource, NULL) || ' AS ' \
                  || pg_catalog.format_type(c.casttarget, NULL) || ') ' \
                  || CASE c.castmethod WHEN 'b' THEN 'WITHOUT FUNCTION' \
                                       WHEN 'i' THEN 'WITH INOUT' \
                                       ELSE 'WITH FUNCTION ' || {function} END \
                  || CASE c.castcontext WHEN 'a' THEN ' AS ASSIGNMENT' \
                                        WHEN 'i' THEN ' AS IMPLICIT' ELSE '' END \
                  || ';' || E'\\n' AS \"create\", \
                NULL::text[] AS settings \
         FROM pg_catalog.pg_cast c \
         WHERE {user_made} AND {source_in_scope} AND {target_in_scope} AND {function_in_scope} \
         ORDER BY pg_catalog.format_type(c.castsource, NULL) COLLATE \"C\", \
                  pg_catalog.format_type(c.casttarget, NULL) COLLATE \"C\"",
        comment = comment("pg_cast", "c.oid"),
        function = function_signature("c.castfunc"),
        user_made = user_made("pg_cast", "c.oid"),
        source_in_scope = type_in_scope("c.castsource"),
        target_in_scope = type_in_scope("c.casttarget"),
        function_in_scope = function_in_scope("c.castfunc"),
    );
    read(ctx, SimpleKind::Cast, &sql).await
}

/// `CREATE TRANSFORM FOR type LANGUAGE lang (FROM SQL WITH FUNCTION …, TO SQL WITH FUNCTION …)`,
/// either function left out when absent, as pg_dump's dumpTransform writes it. In scope when
/// its type and functions are built in or in scope.
async fn transforms(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let sql = format!(
        "SELECT t.oid, NULL::text AS schema, \
                pg_catalog.format_type(t.trftype, NULL) || ' LANGUAGE ' \
                  || pg_catalog.quote_ident(l.lanname) AS name, \
                NULL::text[] AS args, NULL::text AS method, NULL::text AS owner, \
                {comment} AS comment, NULL::text[] AS acl, \
                'CREATE TRANSFORM FOR ' || pg_catalog.format_type(t.trftype, NULL) \
                  || ' LANGUAGE ' || pg_catalog.quote_ident(l.lanname) || ' (' \
                  || pg_catalog.concat_ws(', ', \
                       CASE WHEN t.trffromsql <> 0 \
                            THEN 'FROM SQL WITH FUNCTION ' || {from_sql} END, \
                       CASE WHEN t.trftosql <> 0 \
                            THEN 'TO SQL WITH FUNCTION ' || {to_sql} END) \
                  || ');' || E'\\n' AS \"create\", \
                NULL::text[] AS settings \
         FROM pg_catalog.pg_transform t \
         JOIN pg_catalog.pg_language l ON l.oid = t.trflang \
         WHERE {user_made} AND {type_in_scope} AND {from_in_scope} AND {to_in_scope} \
         ORDER BY pg_catalog.format_type(t.trftype, NULL) COLLATE \"C\", l.lanname COLLATE \"C\"",
        comment = comment("pg_transform", "t.oid"),
        from_sql = function_signature("t.trffromsql::pg_catalog.oid"),
        to_sql = function_signature("t.trftosql::pg_catalog.oid"),
        user_made = user_made("pg_transform", "t.oid"),
        type_in_scope = type_in_scope("t.trftype"),
        from_in_scope = function_in_scope("t.trffromsql::pg_catalog.oid"),
        to_in_scope = function_in_scope("t.trftosql::pg_catalog.oid"),
    );
    read(ctx, SimpleKind::Transform, &sql).await
}
