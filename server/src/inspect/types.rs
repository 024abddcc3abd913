//! Types (enum, composite, range, base, shell), domains, views and materialized views. One query per kind;
//! nested data (labels, attributes, constraints, columns) comes as `jsonb` columns.

use super::sql::Field;
use serde::de::DeserializeOwned;
use tokio_postgres::Row;

use super::query_error;
use super::sql::{acl, acl_items, acl_json, comment, in_scope, not_extension_member, Context};
use crate::error::{Error, Result};
use crate::model::{BaseDef, Domain, QualifiedName, RangeDef, TypeDef, TypeKind, View};

/// SQL expression: the collation `oid` as a quoted, schema-qualified name (NULL for 0).
fn collation_name(oid: &str) -> String {
    format!(
        "(SELECT pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) \
          FROM pg_catalog.pg_collation co \
          JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace \
          WHERE co.oid = {oid})"
    )
}

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

pub(crate) async fn types(ctx: &Context<'_>) -> Result<Vec<TypeDef>> {
    let (multirange, multirange_comment, multirange_join) = if ctx.major() >= 14 {
        (
            "mt.typname::text",
            "pg_catalog.obj_description(mt.oid, 'pg_type')",
            "LEFT JOIN pg_catalog.pg_type mt ON mt.oid = r.rngmultitypid",
        )
    } else {
        ("NULL::text", "NULL::text", "")
    };
    let subscript = if ctx.major() >= 14 {
        "CASE WHEN t.typsubscript <> 0 THEN t.typsubscript::text END"
    } else {
        "NULL::text"
    };
    let sql = format!(
        "SELECT t.oid, n.nspname, t.typname, t.typtype::text AS typtype, \
                pg_catalog.pg_get_userbyid(t.typowner) AS owner, \
                {comment} AS comment, \
                {acl} AS acl, \
                CASE WHEN t.typtype = 'e' THEN \
                  (SELECT pg_catalog.jsonb_agg(e.enumlabel ORDER BY e.enumsortorder) \
                     FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) END AS labels, \
                CASE WHEN t.typtype = 'c' THEN \
                  (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object( \
                            'name', att.attname, \
                            'type', pg_catalog.format_type(att.atttypid, att.atttypmod), \
                            'collation', CASE WHEN att.attcollation <> atttype.typcollation \
                                              THEN {attcoll} END, \
                            'comment', pg_catalog.col_description(att.attrelid, att.attnum)) \
                          ORDER BY att.attnum) \
                     FROM pg_catalog.pg_attribute att \
                     JOIN pg_catalog.pg_type atttype ON atttype.oid = att.atttypid \
                    WHERE att.attrelid = t.typrelid AND att.attnum > 0 \
                      AND NOT att.attisdropped) END AS attributes, \
                pg_catalog.format_type(r.rngsubtype, NULL) AS subtype, \
                CASE WHEN NOT opc.opcdefault THEN \
                  pg_catalog.quote_ident(opcn.nspname) || '.' || pg_catalog.quote_ident(opc.opcname) \
                END AS subtype_opclass, \
                CASE WHEN r.rngcollation <> 0 THEN {rngcoll} END AS range_collation, \
                CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::pg_catalog.regproc::text END AS canonical, \
                CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::pg_catalog.regproc::text END AS subtype_diff, \
                {multirange} AS multirange, \
                {multirange_comment} AS multirange_comment, \
                CASE WHEN t.typlen = -1 THEN 'variable' ELSE t.typlen::text END AS internal_length, \
                t.typinput::text AS input, t.typoutput::text AS output, \
                CASE WHEN t.typreceive <> 0 THEN t.typreceive::text END AS receive, \
                CASE WHEN t.typsend <> 0 THEN t.typsend::text END AS send, \
                CASE WHEN t.typmodin <> 0 THEN t.typmodin::text END AS typmod_in, \
                CASE WHEN t.typmodout <> 0 THEN t.typmodout::text END AS typmod_out, \
                CASE WHEN t.typanalyze <> 0 THEN t.typanalyze::text END AS analyze, \
                {subscript} AS subscript, \
                t.typcollation <> 0 AS collatable, \
                CASE WHEN t.typdefaultbin IS NOT NULL \
                     THEN pg_catalog.pg_get_expr(t.typdefaultbin, 0) END AS default_expr, \
                t.typdefault, \
                CASE WHEN t.typelem <> 0 THEN pg_catalog.format_type(t.typelem, NULL) END AS element, \
                t.typcategory::text AS category, t.typispreferred, t.typdelim::text AS delimiter, \
                t.typalign::text AS alignment, t.typstorage::text AS storage, t.typbyval \
         FROM pg_catalog.pg_type t \
         JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
         LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid \
         LEFT JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid \
         LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = r.rngsubopc \
         LEFT JOIN pg_catalog.pg_namespace opcn ON opcn.oid = opc.opcnamespace \
         {multirange_join} \
         WHERE (t.typtype IN ('e', 'r') OR (t.typtype = 'c' AND c.relkind = 'c') \
                OR (t.typtype = 'p' AND NOT t.typisdefined) \
                OR (t.typtype = 'b' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type arr_elem \
                      WHERE arr_elem.oid = t.typelem AND arr_elem.typarray = t.oid))) \
           AND {scope} AND {not_member} \
           AND (c.oid IS NULL OR {not_member_class}) \
         ORDER BY n.nspname COLLATE \"C\", t.typname COLLATE \"C\"",
        comment = comment("pg_type", "t.oid"),
        acl = acl_items("t.typacl", "pg_catalog.acldefault('T', t.typowner)", "t.typowner"),
        attcoll = collation_name("att.attcollation"),
        rngcoll = collation_name("r.rngcollation"),
        scope = in_scope("n"),
        not_member = not_extension_member("pg_type", "t.oid"),
        not_member_class = not_extension_member("pg_class", "c.oid"),
    );
    let rows = ctx.query("types", &sql).await?;
    rows.iter()
        .map(|r| {
            let typtype: String = r.field("typtype")?;
            let kind = match typtype.as_str() {
                "e" => TypeKind::Enum {
                    labels: json(r, "labels")?,
                },
                "c" => TypeKind::Composite {
                    attributes: json(r, "attributes")?,
                },
                "p" => TypeKind::Shell,
                "b" => {
                    let default_expr: Option<String> = r.field("default_expr")?;
                    let default_literal: Option<String> = r.field("typdefault")?;
                    TypeKind::Base(BaseDef {
                        internal_length: r.field("internal_length")?,
                        input: r.field("input")?,
                        output: r.field("output")?,
                        receive: r.field("receive")?,
                        send: r.field("send")?,
                        typmod_in: r.field("typmod_in")?,
                        typmod_out: r.field("typmod_out")?,
                        analyze: r.field("analyze")?,
                        subscript: r.field("subscript")?,
                        collatable: r.field("collatable")?,
                        default: default_expr
                            .or_else(|| default_literal.map(|d| crate::emit::sql::literal(&d))),
                        element: r.field("element")?,
                        category: r.field("category")?,
                        preferred: r.field("typispreferred")?,
                        delimiter: r.field("delimiter")?,
                        alignment: r.field("alignment")?,
                        storage: r.field("storage")?,
                        passed_by_value: r.field("typbyval")?,
                    })
                }
                _ => TypeKind::Range(RangeDef {
                    subtype: r.field("subtype")?,
                    subtype_opclass: r.field("subtype_opclass")?,
                    collation: r.field("range_collation")?,
                    canonical: r.field("canonical")?,
                    subtype_diff: r.field("subtype_diff")?,
                    multirange: r.field("multirange")?,
                    multirange_comment: r.field("multirange_comment")?,
                }),
            };
            Ok(TypeDef {
                oid: r.field("oid")?,
                name: QualifiedName::new(
                    r.field::<String>("nspname")?,
                    r.field::<String>("typname")?,
                ),
                owner: r.field("owner")?,
                comment: r.field("comment")?,
                acl: acl(r, "acl")?,
                kind,
            })
        })
        .collect()
}

pub(crate) async fn domains(ctx: &Context<'_>) -> Result<Vec<Domain>> {
    let sql = format!(
        "SELECT t.oid, n.nspname, t.typname, \
                pg_catalog.pg_get_userbyid(t.typowner) AS owner, \
                {comment} AS comment, \
                {acl} AS acl, \
                pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base_type, \
                CASE WHEN t.typcollation <> b.typcollation THEN {coll} END AS collation, \
                t.typnotnull, \
                CASE WHEN t.typdefaultbin IS NOT NULL \
                     THEN pg_catalog.pg_get_expr(t.typdefaultbin, 0) END AS default_expr, \
                t.typdefault, \
                (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object( \
                          'name', con.conname, \
                          'kind', con.contype::text, \
                          'definition', pg_catalog.pg_get_constraintdef(con.oid), \
                          'validated', con.convalidated, \
                          'comment', pg_catalog.obj_description(con.oid, 'pg_constraint')) \
                        ORDER BY con.conname COLLATE \"C\") \
                   FROM pg_catalog.pg_constraint con \
                  WHERE con.contypid = t.oid) AS constraints \
         FROM pg_catalog.pg_type t \
         JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace \
         JOIN pg_catalog.pg_type b ON b.oid = t.typbasetype \
         WHERE t.typtype = 'd' AND {scope} AND {not_member} \
         ORDER BY n.nspname COLLATE \"C\", t.typname COLLATE \"C\"",
        comment = comment("pg_type", "t.oid"),
        acl = acl_items(
            "t.typacl",
            "pg_catalog.acldefault('T', t.typowner)",
            "t.typowner"
        ),
        coll = collation_name("t.typcollation"),
        scope = in_scope("n"),
        not_member = not_extension_member("pg_type", "t.oid"),
    );
    let rows = ctx.query("domains", &sql).await?;
    rows.iter()
        .map(|r| {
            let default_expr: Option<String> = r.field("default_expr")?;
            let default_literal: Option<String> = r.field("typdefault")?;
            let default =
                default_expr.or_else(|| default_literal.map(|d| crate::emit::sql::literal(&d)));
            Ok(Domain {
                oid: r.field("oid")?,
                name: QualifiedName::new(
                    r.field::<String>("nspname")?,
                    r.field::<String>("typname")?,
                ),
                owner: r.field("owner")?,
                comment: r.field("comment")?,
                acl: acl(r, "acl")?,
                base_type: r.field("base_type")?,
                collation: r.field("collation")?,
                not_null: r.field("typnotnull")?,
                default,
                constraints: json(r, "constraints")?,
            })
        })
        .collect()
}

pub(crate) async fn views(ctx: &Context<'_>) -> Result<Vec<View>> {
    let sql = format!(
        "SELECT c.oid, n.nspname, c.relname, c.relkind = 'm' AS materialized, \
                pg_catalog.pg_get_userbyid(c.relowner) AS owner, \
                {comment} AS comment, \
                {acl} AS acl, \
                {viewdef} AS definition, \
                COALESCE(pg_catalog.array_remove(pg_catalog.array_remove(c.reloptions, \
                  'check_option=local'), 'check_option=cascaded'), '{{}}')::text[] AS options, \
                CASE WHEN 'check_option=local' = ANY (c.reloptions) THEN 'LOCAL' \
                     WHEN 'check_option=cascaded' = ANY (c.reloptions) THEN 'CASCADED' END AS check_option, \
                CASE WHEN c.relkind = 'm' AND am.amname <> 'heap' THEN am.amname::text END AS access_method, \
                c.relispopulated, \
                (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object( \
                          'name', att.attname, \
                          'type', pg_catalog.format_type(att.atttypid, att.atttypmod), \
                          'collation', CASE WHEN att.attcollation <> atttype.typcollation \
                                            THEN {viewcoll} END, \
                          'comment', pg_catalog.col_description(att.attrelid, att.attnum), \
                          'default', pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), \
                          'acl', {column_acl}) \
                        ORDER BY att.attnum) \
                   FROM pg_catalog.pg_attribute att \
                   JOIN pg_catalog.pg_type atttype ON atttype.oid = att.atttypid \
                   LEFT JOIN pg_catalog.pg_attrdef ad \
                     ON ad.adrelid = att.attrelid AND ad.adnum = att.attnum \
                  WHERE att.attrelid = c.oid AND att.attnum > 0 AND NOT att.attisdropped) AS columns \
         FROM pg_catalog.pg_class c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam \
         WHERE c.relkind IN ('v', 'm') AND {scope} AND {not_member} \
         ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"",
        comment = comment("pg_class", "c.oid"),
        acl = acl_items("c.relacl", "pg_catalog.acldefault('r', c.relowner)", "c.relowner"),
        column_acl = acl_json("att.attacl", "pg_catalog.acldefault('c', c.relowner)", "c.relowner"),
        viewcoll = collation_name("att.attcollation"),
        scope = in_scope("n"),
        not_member = not_extension_member("pg_class", "c.oid"),
        viewdef = ctx.deparsed("pg_catalog.pg_get_viewdef(c.oid)", "true"),
    );
    let rows = ctx.query("views", &sql).await?;
    rows.iter()
        .map(|r| {
            let definition: String = r.field("definition")?;
            let definition = definition.trim_end();
            let definition = definition
                .strip_suffix(';')
                .unwrap_or(definition)
                .to_string();
            Ok(View {
                oid: r.field("oid")?,
                name: QualifiedName::new(
                    r.field::<String>("nspname")?,
                    r.field::<String>("relname")?,
                ),
                materialized: r.field("materialized")?,
                owner: r.field("owner")?,
                comment: r.field("comment")?,
                acl: acl(r, "acl")?,
                definition,
                options: r.field("options")?,
                check_option: r.field("check_option")?,
                access_method: r.field("access_method")?,
                populated: r.field("relispopulated")?,
                columns: json(r, "columns")?,
            })
        })
        .collect()
}
