//! Dependencies between modeled objects, from pg_depend, normalised in SQL to the objects
//! pg-flux emits (a view's rewrite rule is the view, a column default is its table, an array
//! type is its element type, a table's row type is the table). The emitter orders by them.

use std::collections::HashMap;

use super::sql::Context;
use crate::error::Result;
use crate::model::{CatalogRef, Dependency, Oid};

/// SQL yielding `(kind, oid)` for the catalog row (`cls`, `obj`): `kind` is one of
/// `n` schema, `e` extension, `r` relation, `t` type, `c` own constraint, `f` function,
/// `s` foreign server, `w` foreign-data wrapper.
fn normalise(cls: &str, obj: &str, major: i32) -> String {
    let multirange = if major >= 14 {
        "LEFT JOIN pg_catalog.pg_range mr ON mr.rngmultitypid = base.oid"
    } else {
        "LEFT JOIN (SELECT NULL::oid AS rngtypid) mr ON false"
    };
    format!(
        "SELECT CASE WHEN r.relkind = 'c' THEN 't' ELSE 'r' END AS kind, \
                CASE WHEN r.relkind = 'c' THEN r.reltype ELSE COALESCE(con.conrelid, r.oid) END AS oid \
           FROM pg_catalog.pg_class r \
           LEFT JOIN pg_catalog.pg_constraint con \
             ON r.relkind IN ('i', 'I') AND con.conindid = r.oid AND con.contype IN ('p', 'u', 'x') \
          WHERE {cls} = 'pg_catalog.pg_class'::pg_catalog.regclass AND r.oid = {obj} \
         UNION ALL \
         SELECT CASE WHEN rel.relkind IS NOT NULL AND rel.relkind <> 'c' THEN 'r' ELSE 't' END, \
                CASE WHEN rel.relkind IS NOT NULL AND rel.relkind <> 'c' THEN rel.oid \
                     ELSE COALESCE(mr.rngtypid, base.oid) END \
           FROM pg_catalog.pg_type t \
           LEFT JOIN pg_catalog.pg_type elem ON t.typelem <> 0 AND elem.typarray = t.oid \
           CROSS JOIN LATERAL (SELECT COALESCE(elem.oid, t.oid) AS oid, \
                                      COALESCE(elem.typrelid, t.typrelid) AS typrelid) base \
           LEFT JOIN pg_catalog.pg_class rel ON rel.oid = base.typrelid \
           {multirange} \
          WHERE {cls} = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = {obj} \
         UNION ALL \
         SELECT 'r', rw.ev_class FROM pg_catalog.pg_rewrite rw \
          WHERE {cls} = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND rw.oid = {obj} \
         UNION ALL \
         SELECT 'r', ad.adrelid FROM pg_catalog.pg_attrdef ad \
          WHERE {cls} = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND ad.oid = {obj} \
         UNION ALL \
         SELECT CASE WHEN c.contype = 'f' THEN 'c' WHEN c.conrelid <> 0 THEN 'r' ELSE 't' END, \
                CASE WHEN c.contype = 'f' THEN c.oid WHEN c.conrelid <> 0 THEN c.conrelid ELSE c.contypid END \
           FROM pg_catalog.pg_constraint c \
          WHERE {cls} = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND c.oid = {obj} \
         UNION ALL \
         SELECT 'n', {obj} WHERE {cls} = 'pg_catalog.pg_namespace'::pg_catalog.regclass \
         UNION ALL \
         SELECT 'e', {obj} WHERE {cls} = 'pg_catalog.pg_extension'::pg_catalog.regclass \
         UNION ALL \
         SELECT 'f', {obj} WHERE {cls} = 'pg_catalog.pg_proc'::pg_catalog.regclass \
         UNION ALL \
         SELECT 's', {obj} WHERE {cls} = 'pg_catalog.pg_foreign_server'::pg_catalog.regclass \
         UNION ALL \
         SELECT 'w', {obj} WHERE {cls} = 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass"
    )
}

pub(crate) async fn dependencies(ctx: &Context<'_>) -> Result<Vec<Dependency>> {
    // A sequence's OWNED BY link (deptype 'a' on its table) is emitted after the table; as an
    // ordering edge it would make every serial column a cycle.
    let sql = format!(
        "WITH deps AS ( \
           SELECT DISTINCT d.classid, d.objid, d.refclassid, d.refobjid \
             FROM pg_catalog.pg_depend d \
            WHERE d.deptype IN ('n', 'a') AND d.objid >= 16384 AND d.refobjid >= 16384 \
              AND NOT (d.deptype = 'a' AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass \
                       AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass \
                       AND EXISTS (SELECT 1 FROM pg_catalog.pg_class s \
                                   WHERE s.oid = d.objid AND s.relkind = 'S'))) \
         SELECT dn.kind::text AS dkind, dn.oid AS doid, rn.kind::text AS rkind, rn.oid AS roid \
           FROM deps \
           CROSS JOIN LATERAL ({dependent}) dn \
           CROSS JOIN LATERAL ({referenced}) rn \
          WHERE (dn.kind, dn.oid) IS DISTINCT FROM (rn.kind, rn.oid)",
        dependent = normalise("deps.classid", "deps.objid", ctx.major()),
        referenced = normalise("deps.refclassid", "deps.refobjid", ctx.major()),
    );
    let rows = ctx.query_all("dependencies", &sql).await?;
    let members = extension_members(ctx).await?;
    let lift = |r: CatalogRef| match members.get(&r) {
        Some(ext) => CatalogRef::Extension(*ext),
        None => r,
    };
    let mut deps: Vec<Dependency> = rows
        .iter()
        .filter_map(|r| {
            let dependent = catalog_ref(r.get("dkind"), r.get("doid"))?;
            let referenced = catalog_ref(r.get("rkind"), r.get("roid"))?;
            let (dependent, referenced) = (lift(dependent), lift(referenced));
            (dependent != referenced).then_some(Dependency {
                dependent,
                referenced,
            })
        })
        .collect();
    deps.sort();
    deps.dedup();
    Ok(deps)
}

/// Objects created by an extension, mapped to the extension.
async fn extension_members(ctx: &Context<'_>) -> Result<HashMap<CatalogRef, Oid>> {
    let sql = "SELECT CASE d.classid \
                 WHEN 'pg_catalog.pg_class'::pg_catalog.regclass THEN 'r' \
                 WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN 't' \
                 WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass THEN 'f' \
                 WHEN 'pg_catalog.pg_foreign_server'::pg_catalog.regclass THEN 's' \
                 WHEN 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass THEN 'w' END AS kind, \
               d.objid, d.refobjid \
          FROM pg_catalog.pg_depend d \
         WHERE d.deptype = 'e' AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass \
           AND d.classid IN ('pg_catalog.pg_class'::pg_catalog.regclass, \
                             'pg_catalog.pg_type'::pg_catalog.regclass, \
                             'pg_catalog.pg_proc'::pg_catalog.regclass, \
                             'pg_catalog.pg_foreign_server'::pg_catalog.regclass, \
                             'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass)";
    let rows = ctx.query_all("extension members", sql).await?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some((
                catalog_ref(r.get("kind"), r.get("objid"))?,
                r.get("refobjid"),
            ))
        })
        .collect())
}

fn catalog_ref(kind: Option<&str>, oid: Oid) -> Option<CatalogRef> {
    Some(match kind? {
        "n" => CatalogRef::Schema(oid),
        "e" => CatalogRef::Extension(oid),
        "r" => CatalogRef::Relation(oid),
        "t" => CatalogRef::Type(oid),
        "c" => CatalogRef::Constraint(oid),
        "f" => CatalogRef::Function(oid),
        "s" => CatalogRef::ForeignServer(oid),
        "w" => CatalogRef::ForeignDataWrapper(oid),
        _ => return None,
    })
}
