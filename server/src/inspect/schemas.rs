//! Schemas and extensions.

use super::sql::Field;
use super::sql::{acl, acl_items, comment, in_scope, Context};
use crate::error::Result;
use crate::model::{Extension, MemberPrivileges, Oid, Schema};

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
            "COALESCE(ip.initprivs, pg_catalog.acldefault('n', n.nspowner))",
            "n.nspowner"
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
    let mut extensions = rows
        .iter()
        .map(|r| {
            Ok(Extension {
                oid: r.field("oid")?,
                name: r.field("extname")?,
                schema: r.field("nspname")?,
                version: r.field("extversion")?,
                comment: r.field("comment")?,
                member_privileges: Vec::new(),
            })
        })
        .collect::<Result<Vec<Extension>>>()?;
    let members = member_privileges(ctx).await?;
    for (extension, member) in members {
        if let Some(e) = extensions.iter_mut().find(|e| e.oid == extension) {
            e.member_privileges.push(member);
        }
    }
    Ok(extensions)
}

/// Extension members whose privileges are not what `CREATE EXTENSION` gave them: the live ACL
/// (NULL is the kind's default) against `pg_init_privs` (else the default), as pg_dump reads
/// them. Array types and row types take their privileges from their element and relation.
async fn member_privileges(ctx: &Context<'_>) -> Result<Vec<(Oid, MemberPrivileges)>> {
    let member = |class: &str, oid: &str| {
        format!(
            "JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.{class}'::pg_catalog.regclass \
               AND d.objid = {oid} AND d.deptype = 'e' \
               AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass \
             LEFT JOIN pg_catalog.pg_init_privs ip \
               ON ip.classoid = 'pg_catalog.{class}'::pg_catalog.regclass AND ip.objoid = {oid} \
               AND ip.objsubid = 0"
        )
    };
    // `current` and `base` of one object: its ACL (NULL: the default) and its initial one.
    let acl_columns = |acl: &str, default: &str, owner: &str| {
        format!(
            "{items} AS acl, \
             COALESCE({acl}, {default}) IS DISTINCT FROM COALESCE(ip.initprivs, {default}) AS changed",
            items = acl_items(
                &format!("COALESCE({acl}, {default})"),
                &format!("COALESCE(ip.initprivs, {default})"),
                owner
            ),
        )
    };
    let sql = format!(
        "SELECT * FROM ( \
         SELECT d.refobjid AS extension, \
                CASE WHEN p.prokind = 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END AS kind, \
                n.nspname::text AS schema, p.proname::text AS name, \
                ARRAY(SELECT pg_catalog.format_type(a.t, NULL) \
                      FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[]) WITH ORDINALITY a(t, i) \
                      ORDER BY a.i) AS args, \
                NULL::text AS column_name, {proc_acl} \
         FROM pg_catalog.pg_proc p \
         JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace {proc_member} \
         UNION ALL \
         SELECT d.refobjid, CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, \
                n.nspname::text, c.relname::text, NULL, NULL, {class_acl} \
         FROM pg_catalog.pg_class c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace {class_member} \
         UNION ALL \
         SELECT d.refobjid, 'TABLE', n.nspname::text, c.relname::text, NULL, \
                a.attname::text, {column_acl} \
         FROM pg_catalog.pg_class c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass \
           AND d.objid = c.oid AND d.deptype = 'e' \
           AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass \
         JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped \
         LEFT JOIN pg_catalog.pg_init_privs ip \
           ON ip.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ip.objoid = c.oid \
           AND ip.objsubid = a.attnum \
         UNION ALL \
         SELECT d.refobjid, CASE WHEN t.typtype = 'd' THEN 'DOMAIN' ELSE 'TYPE' END, \
                n.nspname::text, t.typname::text, NULL, NULL, {type_acl} \
         FROM pg_catalog.pg_type t \
         JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace {type_member} \
         WHERE NOT (t.typelem <> 0 AND t.typlen = -1) \
           AND (t.typrelid = 0 OR (SELECT r.relkind FROM pg_catalog.pg_class r WHERE r.oid = t.typrelid) = 'c') \
         ) m WHERE m.changed AND m.extension IN ( \
           SELECT e.oid FROM pg_catalog.pg_extension e \
           JOIN pg_catalog.pg_namespace en ON en.oid = e.extnamespace \
           WHERE {scope} OR en.nspname = 'pg_catalog') \
         ORDER BY m.extension, m.kind, m.schema, m.name, m.args::text, m.column_name NULLS FIRST",
        proc_acl = acl_columns("p.proacl", "pg_catalog.acldefault('f', p.proowner)", "p.proowner"),
        proc_member = member("pg_proc", "p.oid"),
        class_acl = acl_columns(
            "c.relacl",
            "pg_catalog.acldefault((CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END)::\"char\", c.relowner)",
            "c.relowner"
        ),
        class_member = member("pg_class", "c.oid"),
        column_acl = acl_columns("a.attacl", "pg_catalog.acldefault('c', c.relowner)", "c.relowner"),
        type_acl = acl_columns("t.typacl", "pg_catalog.acldefault('T', t.typowner)", "t.typowner"),
        type_member = member("pg_type", "t.oid"),
        scope = in_scope("en"),
    );
    let rows = ctx.query("extension member privileges", &sql).await?;
    let mut members = Vec::new();
    for r in &rows {
        let acl = acl(r, "acl")?;
        if acl.is_default() {
            continue;
        }
        members.push((
            r.field("extension")?,
            MemberPrivileges {
                kind: r.field("kind")?,
                schema: r.field("schema")?,
                name: r.field("name")?,
                args: r.field("args")?,
                column: r.field("column_name")?,
                acl,
            },
        ));
    }
    Ok(members)
}
