//! Security labels (`pg_seclabel`, and `pg_shseclabel` for this database's subscriptions), one
//! query for all of them. Each is tied to the object pg-flux emits that carries it: a column's
//! label to its relation, a composite type's relation to the type.

use super::sql::{Context, Field};
use crate::error::Result;
use crate::model::{CatalogRef, Oid, SecurityLabel};

pub(crate) async fn security_labels(ctx: &Context<'_>) -> Result<Vec<SecurityLabel>> {
    // `pg_identify_object` names the target as SECURITY LABEL takes it (quoted, qualified,
    // a routine with its argument types); the kind word comes from its `type`. System objects
    // are read too (`public` is one): a label on an object pg-flux does not emit is left out,
    // as is one on another database's subscription (which `pg_identify_object` does not name;
    // `pg_subscription` itself, which would tell them apart, is closed to plain roles before 15).
    let sql = "SELECT (SELECT k.relname::text FROM pg_catalog.pg_class k WHERE k.oid = l.classoid) AS catalog, \
                l.objoid, l.objsubid, \
                l.provider, l.label, i.type, i.identity, \
                CASE WHEN l.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass THEN \
                  (SELECT pg_catalog.jsonb_build_array(c.relkind::text, c.reltype) \
                     FROM pg_catalog.pg_class c WHERE c.oid = l.objoid) \
                WHEN l.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass THEN \
                  (SELECT pg_catalog.jsonb_build_array(t.typtype::text, t.typrelid, \
                          (SELECT r.relkind::text FROM pg_catalog.pg_class r WHERE r.oid = t.typrelid)) \
                     FROM pg_catalog.pg_type t WHERE t.oid = l.objoid) END AS detail, \
                (SELECT a.attname::text FROM pg_catalog.pg_attribute a \
                  WHERE l.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass \
                    AND a.attrelid = l.objoid AND a.attnum = l.objsubid AND l.objsubid > 0) AS column_name \
         FROM (SELECT classoid, objoid, objsubid, provider, label FROM pg_catalog.pg_seclabel \
               UNION ALL \
               SELECT classoid, objoid, 0, provider, label FROM pg_catalog.pg_shseclabel \
                WHERE classoid = 'pg_catalog.pg_subscription'::pg_catalog.regclass) l \
         CROSS JOIN LATERAL pg_catalog.pg_identify_object(l.classoid, l.objoid, l.objsubid) i \
         WHERE i.identity IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend ext_dep \
                            WHERE ext_dep.classid = l.classoid AND ext_dep.objid = l.objoid \
                              AND ext_dep.deptype = 'e') \
         ORDER BY l.classoid, l.objoid, l.objsubid, l.provider COLLATE \"C\"";
    let rows = ctx.query_all("security labels", sql).await?;
    let mut labels = Vec::with_capacity(rows.len());
    for r in &rows {
        let catalog: String = r.field("catalog")?;
        let objoid: Oid = r.field("objoid")?;
        let kind: String = r.field("type")?;
        let detail: Option<serde_json::Value> = r.field("detail")?;
        let Some((keyword, object)) = target_of(&catalog, objoid, &kind, detail.as_ref()) else {
            continue;
        };
        let identity: String = r.field("identity")?;
        labels.push(SecurityLabel {
            object,
            target: format!("{keyword} {identity}"),
            column: r.field("column_name")?,
            provider: r.field("provider")?,
            label: r.field("label")?,
        });
    }
    Ok(labels)
}

/// SECURITY LABEL's word for the target and the emitted object that carries it; `None` for what
/// pg-flux does not emit (large objects, a table's row type, whatever a later major adds).
fn target_of(
    catalog: &str,
    oid: Oid,
    kind: &str,
    detail: Option<&serde_json::Value>,
) -> Option<(&'static str, CatalogRef)> {
    let text = |i: usize| detail.and_then(|d| d.get(i)).and_then(|v| v.as_str());
    let number = |i: usize| {
        detail
            .and_then(|d| d.get(i))
            .and_then(|v| v.as_u64())
            .and_then(|n| Oid::try_from(n).ok())
    };
    Some(match catalog {
        "pg_class" => {
            // A composite type's relation is the type; every other relation is itself.
            let object = match text(0) {
                Some("c") => CatalogRef::Type(number(1)?),
                _ => CatalogRef::Relation(oid),
            };
            let keyword = match kind {
                k if k.ends_with(" column") => "COLUMN",
                "table" => "TABLE",
                "view" => "VIEW",
                "materialized view" => "MATERIALIZED VIEW",
                "foreign table" => "FOREIGN TABLE",
                "sequence" => "SEQUENCE",
                _ => return None,
            };
            (keyword, object)
        }
        "pg_type" => {
            // A table's row type is not an object of its own in a dump.
            if number(1).is_some_and(|rel| rel != 0) && text(2) != Some("c") {
                return None;
            }
            let keyword = if text(0) == Some("d") {
                "DOMAIN"
            } else {
                "TYPE"
            };
            (keyword, CatalogRef::Type(oid))
        }
        "pg_proc" => {
            let keyword = match kind {
                "procedure" => "PROCEDURE",
                "aggregate" => "AGGREGATE",
                _ => "FUNCTION",
            };
            (keyword, CatalogRef::Function(oid))
        }
        "pg_namespace" => ("SCHEMA", CatalogRef::Schema(oid)),
        "pg_language" => ("LANGUAGE", CatalogRef::Simple(oid)),
        "pg_subscription" => ("SUBSCRIPTION", CatalogRef::Simple(oid)),
        "pg_event_trigger" => ("EVENT TRIGGER", CatalogRef::EventTrigger(oid)),
        "pg_publication" => ("PUBLICATION", CatalogRef::Publication(oid)),
        _ => return None,
    })
}
