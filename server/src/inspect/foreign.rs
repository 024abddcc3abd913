//! Foreign data: wrappers, servers (with their user mappings) and foreign tables. One query
//! per kind; a server's user mappings and a foreign table's columns and constraints are
//! nested `jsonb` columns of their owner's query.

use super::relations::{json, options_json, COLUMN_ACL};
use super::sql::Field;
use super::sql::{acl, acl_items, comment, in_scope, not_extension_member, Context};
use crate::error::Result;
use crate::model::{ForeignDataWrapper, ForeignServer, ForeignTable, QualifiedName};

/// SQL expression: the quoted, schema-qualified name of the function `oid` (or NULL for 0).
fn function_name(oid: &str) -> String {
    format!(
        "(SELECT pg_catalog.quote_ident(pn.nspname) || '.' || pg_catalog.quote_ident(p.proname) \
          FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace \
          WHERE p.oid = {oid})"
    )
}

/// Wrappers are global objects. Those an extension made (postgres_fdw, file_fdw) are read
/// too, for the privileges given on them since; they follow their extension's scope.
pub(crate) async fn wrappers(ctx: &Context<'_>) -> Result<Vec<ForeignDataWrapper>> {
    let sql = format!(
        "SELECT w.oid, w.fdwname, pg_catalog.pg_get_userbyid(w.fdwowner) AS owner, \
                {handler} AS handler, {validator} AS validator, \
                {options} AS options, {comment} AS comment, {acl} AS acl, \
                ext.oid AS extension \
         FROM pg_catalog.pg_foreign_data_wrapper w \
         LEFT JOIN pg_catalog.pg_init_privs ip \
           ON ip.classoid = 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass \
          AND ip.objoid = w.oid AND ip.objsubid = 0 \
         LEFT JOIN pg_catalog.pg_depend d \
           ON d.classid = 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass \
          AND d.objid = w.oid AND d.deptype = 'e' \
          AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass \
         LEFT JOIN pg_catalog.pg_extension ext ON ext.oid = d.refobjid \
         LEFT JOIN pg_catalog.pg_namespace n ON n.oid = ext.extnamespace \
         WHERE ext.oid IS NULL OR ({scope} OR n.nspname = 'pg_catalog') \
         ORDER BY w.fdwname",
        handler = function_name("NULLIF(w.fdwhandler, 0)"),
        validator = function_name("NULLIF(w.fdwvalidator, 0)"),
        options = options_json("w.fdwoptions"),
        comment = comment("pg_foreign_data_wrapper", "w.oid"),
        acl = acl_items(
            "w.fdwacl",
            "COALESCE(ip.initprivs, pg_catalog.acldefault('F', w.fdwowner))",
            "w.fdwowner"
        ),
        scope = in_scope("n"),
    );
    let rows = ctx.query("foreign data wrappers", &sql).await?;
    rows.iter()
        .map(|r| {
            Ok(ForeignDataWrapper {
                oid: r.field("oid")?,
                name: r.field("fdwname")?,
                owner: r.field("owner")?,
                handler: r.field("handler")?,
                validator: r.field("validator")?,
                options: json(r, "options")?,
                comment: r.field("comment")?,
                acl: acl(r, "acl")?,
                extension: r.field("extension")?,
            })
        })
        .collect()
}

/// SQL condition: the options of the `pg_user_mappings` row `um` (of server `s`) are shown
/// to the current role. The view's own condition, with `pg_roles` for `pg_authid`.
const MAPPING_OPTIONS_VISIBLE: &str = "((um.umuser <> 0 AND um.usename = CURRENT_USER \
     AND (pg_catalog.pg_has_role(s.srvowner, 'USAGE') \
          OR pg_catalog.has_server_privilege(s.oid, 'USAGE'))) \
    OR (um.umuser = 0 AND pg_catalog.pg_has_role(s.srvowner, 'USAGE')) \
    OR (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = CURRENT_USER))";

/// Servers and their user mappings. Mappings are read from the `pg_user_mappings` view,
/// which any role may read: it shows a mapping's options to superusers, the server's owner
/// and the mapped user (the `pg_user_mapping` catalog itself is superuser-only).
pub(crate) async fn servers(ctx: &Context<'_>) -> Result<Vec<ForeignServer>> {
    let sql = format!(
        "SELECT s.oid, s.srvname, w.fdwname, pg_catalog.pg_get_userbyid(s.srvowner) AS owner, \
                s.srvtype, s.srvversion, {options} AS options, {comment} AS comment, {acl} AS acl, \
                COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object( \
                     'user', CASE WHEN um.umuser = 0 THEN NULL ELSE um.usename::text END, \
                     'options', {um_options}, 'options_hidden', NOT COALESCE({visible}, false)) \
                     ORDER BY um.umuser <> 0, um.usename) \
                   FROM pg_catalog.pg_user_mappings um WHERE um.srvid = s.oid), '[]'::jsonb) \
                  AS user_mappings \
         FROM pg_catalog.pg_foreign_server s \
         JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw \
         WHERE {not_ext} \
         ORDER BY s.srvname",
        options = options_json("s.srvoptions"),
        um_options = options_json("um.umoptions"),
        visible = MAPPING_OPTIONS_VISIBLE,
        comment = comment("pg_foreign_server", "s.oid"),
        acl = acl_items(
            "s.srvacl",
            "pg_catalog.acldefault('S', s.srvowner)",
            "s.srvowner"
        ),
        not_ext = not_extension_member("pg_foreign_server", "s.oid"),
    );
    let rows = ctx.query_all("foreign servers", &sql).await?;
    rows.iter()
        .map(|r| {
            Ok(ForeignServer {
                oid: r.field("oid")?,
                name: r.field("srvname")?,
                wrapper: r.field("fdwname")?,
                owner: r.field("owner")?,
                server_type: r.field("srvtype")?,
                version: r.field("srvversion")?,
                options: json(r, "options")?,
                comment: r.field("comment")?,
                acl: acl(r, "acl")?,
                user_mappings: json(r, "user_mappings")?,
            })
        })
        .collect()
}

pub(crate) async fn tables(ctx: &Context<'_>) -> Result<Vec<ForeignTable>> {
    let stattarget = if ctx.major() >= 17 {
        "att.attstattarget::int"
    } else {
        "NULLIF(att.attstattarget, -1)::int"
    };
    let columns = format!(
        "COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object( \
           'num', att.attnum, 'name', att.attname, \
           'data_type', pg_catalog.format_type(att.atttypid, att.atttypmod), \
           'local', att.attislocal, 'inherited', att.attinhcount > 0, 'not_null', att.attnotnull, \
           'default', pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), \
           'generated', att.attgenerated::text, \
           'collation', CASE WHEN att.attcollation <> 0 AND att.attcollation <> t.typcollation \
              THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END, \
           'storage', att.attstorage::text, 'type_storage', t.typstorage::text, \
           'stattarget', {stattarget}, \
           'options', {attoptions}, \
           'fdw_options', {fdwoptions}, \
           'comment', pg_catalog.col_description(c.oid, att.attnum), \
           'acl', {attacl}) ORDER BY att.attnum) \
         FROM pg_catalog.pg_attribute att \
         JOIN pg_catalog.pg_type t ON t.oid = att.atttypid \
         LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = att.attrelid AND ad.adnum = att.attnum \
         LEFT JOIN pg_catalog.pg_collation co ON co.oid = att.attcollation \
         LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace \
         WHERE att.attrelid = c.oid AND att.attnum > 0 AND NOT att.attisdropped), '[]'::jsonb)",
        attoptions = options_json("att.attoptions"),
        fdwoptions = options_json("att.attfdwoptions"),
        attacl = COLUMN_ACL,
    );
    let constraints = format!(
        "COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object( \
           'name', k.conname, 'kind', k.contype::text, \
           'definition', pg_catalog.pg_get_constraintdef(k.oid), \
           'local', k.conislocal, 'no_inherit', k.connoinherit, 'validated', k.convalidated, \
           'column', CASE WHEN k.contype = 'n' THEN (SELECT ka.attname FROM pg_catalog.pg_attribute ka \
              WHERE ka.attrelid = c.oid AND ka.attnum = k.conkey[1]) END, \
           'comment', {comment}) ORDER BY k.conname) \
         FROM pg_catalog.pg_constraint k \
         WHERE k.conrelid = c.oid AND k.contype IN ('c', 'n')), '[]'::jsonb)",
        comment = comment("pg_constraint", "k.oid"),
    );
    let sql = format!(
        "SELECT c.oid, n.nspname, c.relname, pg_catalog.pg_get_userbyid(c.relowner) AS owner, \
                s.srvname, s.oid AS server_oid, {options} AS options, \
                COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('oid', p.oid::int8, \
                     'schema', pn.nspname, 'name', p.relname) ORDER BY i.inhseqno) \
                   FROM pg_catalog.pg_inherits i \
                   JOIN pg_catalog.pg_class p ON p.oid = i.inhparent \
                   JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace \
                  WHERE i.inhrelid = c.oid), '[]'::jsonb) AS parents, \
                CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END \
                  AS partition_bound, \
                {columns} AS columns, {constraints} AS constraints, \
                {comment} AS comment, {acl} AS acl \
         FROM pg_catalog.pg_class c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         JOIN pg_catalog.pg_foreign_table ft ON ft.ftrelid = c.oid \
         JOIN pg_catalog.pg_foreign_server s ON s.oid = ft.ftserver \
         WHERE c.relkind = 'f' AND {scope} AND {not_ext} \
         ORDER BY n.nspname, c.relname",
        options = options_json("ft.ftoptions"),
        comment = comment("pg_class", "c.oid"),
        acl = acl_items("c.relacl", "pg_catalog.acldefault('r', c.relowner)", "c.relowner"),
        scope = in_scope("n"),
        not_ext = not_extension_member("pg_class", "c.oid"),
    );
    let rows = ctx.query("foreign tables", &sql).await?;
    rows.iter()
        .map(|r| {
            Ok(ForeignTable {
                oid: r.field("oid")?,
                name: QualifiedName::new(
                    r.field::<String>("nspname")?,
                    r.field::<String>("relname")?,
                ),
                owner: r.field("owner")?,
                server: r.field("srvname")?,
                server_oid: r.field("server_oid")?,
                options: json(r, "options")?,
                parents: json(r, "parents")?,
                partition_bound: r.field("partition_bound")?,
                columns: json(r, "columns")?,
                constraints: json(r, "constraints")?,
                comment: r.field("comment")?,
                acl: acl(r, "acl")?,
            })
        })
        .collect()
}
