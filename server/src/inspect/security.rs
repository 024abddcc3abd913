//! Row-level security policies, extended statistics, rules, collations, publications and
//! default privileges. One query per kind.

use super::sql::Field;
use serde::de::DeserializeOwned;
use tokio_postgres::Row;

use super::query_error;
use super::sql::{acl, acl_items, comment, in_scope, not_extension_member, Context};
use crate::error::{Error, Result};
use crate::model::{
    Collation, DefaultPrivileges, Policy, Publication, PublicationTable, QualifiedName, Rule,
    Statistics,
};

/// Reads a `jsonb` column into `T` (a NULL column is `T::default()`).
fn json<T: DeserializeOwned + Default>(row: &Row, column: &str) -> Result<T> {
    let value: Option<serde_json::Value> =
        row.try_get(column).map_err(|e| query_error(column, e))?;
    match value {
        None => Ok(T::default()),
        Some(v) => serde_json::from_value(v).map_err(|e| Error::Inspect {
            what: column.to_string(),
            message: e.to_string(),
        }),
    }
}

/// A deparsed statement without its trailing `;` and whitespace.
fn statement(text: &str) -> String {
    let text = text.trim_end();
    text.strip_suffix(';')
        .unwrap_or(text)
        .trim_end()
        .to_string()
}

pub(crate) async fn policies(ctx: &Context<'_>) -> Result<Vec<Policy>> {
    let sql = format!(
        "SELECT p.oid, p.polrelid, n.nspname, c.relname, p.polname, p.polpermissive, \
                p.polcmd::text AS polcmd, \
                (SELECT pg_catalog.jsonb_agg(CASE WHEN r.role = 0 THEN NULL \
                          ELSE pg_catalog.pg_get_userbyid(r.role)::text END ORDER BY r.ord) \
                   FROM pg_catalog.unnest(p.polroles) WITH ORDINALITY r(role, ord)) AS roles, \
                {using_expr} AS using_expr, \
                {check_expr} AS check_expr, \
                {comment} AS comment \
         FROM pg_catalog.pg_policy p \
         JOIN pg_catalog.pg_class c ON c.oid = p.polrelid \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         WHERE {scope} AND {not_member} \
         ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\", p.polname COLLATE \"C\"",
        comment = comment("pg_policy", "p.oid"),
        scope = in_scope("n"),
        not_member = not_extension_member("pg_class", "c.oid"),
        using_expr = ctx.deparsed(
            "pg_catalog.pg_get_expr(p.polqual, p.polrelid)",
            "p.polqual IS NOT NULL"
        ),
        check_expr = ctx.deparsed(
            "pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)",
            "p.polwithcheck IS NOT NULL"
        ),
    );
    let rows = ctx.query("policies", &sql).await?;
    rows.iter()
        .map(|r| {
            Ok(Policy {
                oid: r.field("oid")?,
                table_oid: r.field("polrelid")?,
                table: QualifiedName::new(
                    r.field::<String>("nspname")?,
                    r.field::<String>("relname")?,
                ),
                name: r.field("polname")?,
                permissive: r.field("polpermissive")?,
                command: r.field("polcmd")?,
                roles: json(r, "roles")?,
                using: r.field("using_expr")?,
                with_check: r.field("check_expr")?,
                comment: r.field("comment")?,
            })
        })
        .collect()
}

pub(crate) async fn statistics(ctx: &Context<'_>) -> Result<Vec<Statistics>> {
    // -1 (before 17) and NULL (17+) both mean the default target.
    let sql = format!(
        "SELECT s.oid, n.nspname, s.stxname, s.stxrelid, \
                pg_catalog.pg_get_statisticsobjdef(s.oid) AS definition, \
                NULLIF(s.stxstattarget::int4, -1) AS stattarget, \
                pg_catalog.pg_get_userbyid(s.stxowner) AS owner, \
                {comment} AS comment \
         FROM pg_catalog.pg_statistic_ext s \
         JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace \
         WHERE {scope} AND {not_member} \
         ORDER BY n.nspname COLLATE \"C\", s.stxname COLLATE \"C\"",
        comment = comment("pg_statistic_ext", "s.oid"),
        scope = in_scope("n"),
        not_member = not_extension_member("pg_statistic_ext", "s.oid"),
    );
    let rows = ctx.query("extended statistics", &sql).await?;
    rows.iter()
        .map(|r| {
            Ok(Statistics {
                oid: r.field("oid")?,
                name: QualifiedName::new(
                    r.field::<String>("nspname")?,
                    r.field::<String>("stxname")?,
                ),
                table_oid: r.field("stxrelid")?,
                definition: statement(r.field("definition")?),
                stattarget: r.field("stattarget")?,
                owner: r.field("owner")?,
                comment: r.field("comment")?,
            })
        })
        .collect()
}

pub(crate) async fn rules(ctx: &Context<'_>) -> Result<Vec<Rule>> {
    let sql = format!(
        "SELECT rw.oid, rw.rulename, rw.ev_class, n.nspname, c.relname, \
                c.relkind::text AS relkind, \
                pg_catalog.pg_get_ruledef(rw.oid) AS definition, \
                rw.ev_enabled::text AS enabled, \
                {comment} AS comment \
         FROM pg_catalog.pg_rewrite rw \
         JOIN pg_catalog.pg_class c ON c.oid = rw.ev_class \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         WHERE rw.rulename <> '_RETURN' AND {scope} AND {not_member} \
         ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\", rw.rulename COLLATE \"C\"",
        comment = comment("pg_rewrite", "rw.oid"),
        scope = in_scope("n"),
        not_member = not_extension_member("pg_class", "c.oid"),
    );
    let rows = ctx.query("rules", &sql).await?;
    rows.iter()
        .map(|r| {
            Ok(Rule {
                oid: r.field("oid")?,
                name: r.field("rulename")?,
                relation_oid: r.field("ev_class")?,
                relation: QualifiedName::new(
                    r.field::<String>("nspname")?,
                    r.field::<String>("relname")?,
                ),
                relkind: r.field("relkind")?,
                definition: statement(r.field("definition")?),
                enabled: r.field("enabled")?,
                comment: r.field("comment")?,
            })
        })
        .collect()
}

pub(crate) async fn collations(ctx: &Context<'_>) -> Result<Vec<Collation>> {
    let major = ctx.major();
    let locale = if major >= 17 {
        "co.colllocale"
    } else if major >= 15 {
        "co.colliculocale"
    } else {
        // Before 15 an ICU collation's locale is its collcollate.
        "CASE WHEN co.collprovider = 'i' THEN co.collcollate::text END"
    };
    let rules = if major >= 16 {
        "co.collicurules"
    } else {
        "NULL::text"
    };
    let sql = format!(
        "SELECT co.oid, n.nspname, co.collname, \
                pg_catalog.pg_get_userbyid(co.collowner) AS owner, \
                {comment} AS comment, \
                co.collprovider::text AS provider, co.collisdeterministic, \
                co.collcollate::text AS lc_collate, co.collctype::text AS lc_ctype, \
                {locale}::text AS locale, {rules}::text AS rules \
         FROM pg_catalog.pg_collation co \
         JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace \
         WHERE co.oid >= 16384 AND {scope} AND {not_member} \
         ORDER BY n.nspname COLLATE \"C\", co.collname COLLATE \"C\"",
        comment = comment("pg_collation", "co.oid"),
        scope = in_scope("n"),
        not_member = not_extension_member("pg_collation", "co.oid"),
    );
    let rows = ctx.query("collations", &sql).await?;
    rows.iter()
        .map(|r| {
            Ok(Collation {
                oid: r.field("oid")?,
                name: QualifiedName::new(
                    r.field::<String>("nspname")?,
                    r.field::<String>("collname")?,
                ),
                owner: r.field("owner")?,
                comment: r.field("comment")?,
                provider: r.field("provider")?,
                deterministic: r.field("collisdeterministic")?,
                lc_collate: r.field("lc_collate")?,
                lc_ctype: r.field("lc_ctype")?,
                locale: r.field("locale")?,
                rules: r.field("rules")?,
            })
        })
        .collect()
}

/// Publications are database-wide: all of them are read, with the tables and schemas (in
/// scope) they publish.
pub(crate) async fn publications(ctx: &Context<'_>) -> Result<Vec<Publication>> {
    let major = ctx.major();
    let (columns, row_filter) = if major >= 15 {
        (
            "(SELECT pg_catalog.jsonb_agg(a.attname ORDER BY k.ord) \
                FROM pg_catalog.unnest(pr.prattrs) WITH ORDINALITY k(attnum, ord) \
                JOIN pg_catalog.pg_attribute a ON a.attrelid = pr.prrelid AND a.attnum = k.attnum)",
            "pg_catalog.pg_get_expr(pr.prqual, pr.prrelid)",
        )
    } else {
        ("NULL::jsonb", "NULL::text")
    };
    let schemas = if major >= 15 {
        format!(
            "(SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_array(pn.pnnspid::int8, sn.nspname) \
                       ORDER BY sn.nspname COLLATE \"C\") \
                FROM pg_catalog.pg_publication_namespace pn \
                JOIN pg_catalog.pg_namespace sn ON sn.oid = pn.pnnspid \
               WHERE pn.pnpubid = p.oid AND {})",
            in_scope("sn")
        )
    } else {
        "NULL::jsonb".to_string()
    };
    let generated = if major >= 18 {
        "p.pubgencols::text"
    } else {
        "NULL::text"
    };
    let sql = format!(
        "SELECT p.oid, p.pubname, pg_catalog.pg_get_userbyid(p.pubowner) AS owner, \
                {comment} AS comment, p.puballtables, \
                p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate, p.pubviaroot, \
                {generated} AS generated_columns, \
                (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object( \
                          'oid', pr.prrelid::int8, 'schema', tn.nspname, 'name', tc.relname, \
                          'columns', {columns}, 'row_filter', {row_filter}) \
                        ORDER BY tn.nspname COLLATE \"C\", tc.relname COLLATE \"C\") \
                   FROM pg_catalog.pg_publication_rel pr \
                   JOIN pg_catalog.pg_class tc ON tc.oid = pr.prrelid \
                   JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace \
                  WHERE pr.prpubid = p.oid AND {table_scope}) AS tables, \
                {schemas} AS schemas \
         FROM pg_catalog.pg_publication p \
         ORDER BY p.pubname COLLATE \"C\"",
        comment = comment("pg_publication", "p.oid"),
        table_scope = in_scope("tn"),
    );
    let rows = ctx.query("publications", &sql).await?;
    rows.iter()
        .map(|r| {
            let publish = [
                ("pubinsert", "insert"),
                ("pubupdate", "update"),
                ("pubdelete", "delete"),
                ("pubtruncate", "truncate"),
            ]
            .iter()
            .filter(|(col, _)| r.try_get::<_, bool>(*col).unwrap_or(false))
            .map(|(_, name)| name.to_string())
            .collect();
            let tables: Vec<PublicationTable> = json(r, "tables")?;
            let schemas: Vec<(u32, String)> = json(r, "schemas")?;
            Ok(Publication {
                oid: r.field("oid")?,
                name: r.field("pubname")?,
                owner: r.field("owner")?,
                comment: r.field("comment")?,
                all_tables: r.field("puballtables")?,
                publish,
                via_partition_root: r.field("pubviaroot")?,
                generated_columns: r.field("generated_columns")?,
                tables,
                schemas,
            })
        })
        .collect()
}

/// Global entries are relative to the kind's built-in default; per-schema ones to nothing
/// (pg_dump's `dumpDefaultACL`).
pub(crate) async fn default_privileges(ctx: &Context<'_>) -> Result<Vec<DefaultPrivileges>> {
    let base = "CASE WHEN d.defaclnamespace = 0 THEN pg_catalog.acldefault( \
                  CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype END, d.defaclrole) \
                ELSE '{}'::pg_catalog.aclitem[] END";
    let sql = format!(
        "SELECT d.oid, pg_catalog.pg_get_userbyid(d.defaclrole) AS role, \
                d.defaclnamespace, n.nspname, d.defaclobjtype::text AS objtype, \
                {acl} AS acl \
         FROM pg_catalog.pg_default_acl d \
         LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace \
         WHERE d.defaclnamespace = 0 OR {scope} \
         ORDER BY pg_catalog.pg_get_userbyid(d.defaclrole) COLLATE \"C\", n.nspname COLLATE \"C\" NULLS FIRST, d.defaclobjtype",
        acl = acl_items("d.defaclacl", base, "d.defaclrole"),
        scope = in_scope("n"),
    );
    let rows = ctx.query("default privileges", &sql).await?;
    rows.iter()
        .map(|r| {
            let nsp: u32 = r.field("defaclnamespace")?;
            let nspname: Option<String> = r.field("nspname")?;
            Ok(DefaultPrivileges {
                oid: r.field("oid")?,
                role: r.field("role")?,
                schema: nspname.filter(|_| nsp != 0).map(|name| (nsp, name)),
                object_type: r.field("objtype")?,
                acl: acl(r, "acl")?,
            })
        })
        .collect()
}
