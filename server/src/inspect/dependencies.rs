//! Dependencies between modeled objects, from pg_depend, normalised in SQL to the objects
//! pg-flux emits (a view's rewrite rule is the view, a column default is its table, an array
//! type is its element type, a table's row type is the table). The emitter orders by them.

use super::sql::Field;
use std::collections::HashMap;

use super::sql::Context;
use crate::error::Result;
use crate::model::{CatalogRef, Dependency, Oid};

/// The kinds of [`CatalogRef`] as one-letter codes in the queries below.
const SIMPLE_KINDS: &[(&str, &str)] = &[
    ("pg_namespace", "n"),
    ("pg_extension", "e"),
    ("pg_proc", "f"),
    ("pg_policy", "p"),
    ("pg_collation", "l"),
    ("pg_statistic_ext", "s"),
    ("pg_trigger", "g"),
    ("pg_foreign_server", "v"),
    ("pg_foreign_data_wrapper", "x"),
    // Simple objects (`SimpleKind::catalog`).
    ("pg_am", "o"),
    ("pg_language", "o"),
    ("pg_ts_parser", "o"),
    ("pg_ts_template", "o"),
    ("pg_ts_dict", "o"),
    ("pg_ts_config", "o"),
    ("pg_operator", "o"),
    ("pg_opfamily", "o"),
    ("pg_opclass", "o"),
    ("pg_cast", "o"),
    ("pg_conversion", "o"),
    ("pg_transform", "o"),
    ("pg_subscription", "o"),
];

/// SQL: rows `(classid, objid, kind, oid)` mapping catalog rows whose object is not simply
/// themselves to the object pg-flux emits: a relation's row type and inline constraints, a
/// view's rewrite rule and a column default are the relation; an array type is its element
/// type; a multirange is its range; an index behind a constraint is the constraint's table;
/// an operator family's member (`pg_amop`, `pg_amproc`) is the class it was created with, or
/// the family (a loose member), as its pg_depend row says.
/// Set-based (hash joins), so its cost is linear in the size of the catalog.
fn normalisation(major: i32) -> String {
    let multirange = if major >= 14 {
        "LEFT JOIN pg_catalog.pg_range mr ON mr.rngmultitypid = b.oid"
    } else {
        "LEFT JOIN (SELECT NULL::oid AS rngtypid) mr ON false"
    };
    format!(
        "SELECT 'pg_catalog.pg_class'::pg_catalog.regclass AS classid, r.oid AS objid, \
                CASE WHEN r.relkind = 'c' THEN 't' ELSE 'r' END AS kind, \
                CASE WHEN r.relkind = 'c' THEN r.reltype ELSE COALESCE(con.conrelid, r.oid) END AS oid \
           FROM pg_catalog.pg_class r \
           LEFT JOIN pg_catalog.pg_constraint con \
             ON r.relkind IN ('i', 'I') AND con.conindid = r.oid AND con.contype IN ('p', 'u', 'x') \
          WHERE r.oid >= 16384 \
         UNION ALL \
         SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, \
                CASE WHEN rel.relkind IS NOT NULL AND rel.relkind <> 'c' THEN 'r' ELSE 't' END, \
                CASE WHEN rel.relkind IS NOT NULL AND rel.relkind <> 'c' THEN rel.oid \
                     ELSE COALESCE(mr.rngtypid, b.oid) END \
           FROM pg_catalog.pg_type t \
           LEFT JOIN pg_catalog.pg_type elem ON t.typelem <> 0 AND elem.typarray = t.oid \
           CROSS JOIN LATERAL (SELECT COALESCE(elem.oid, t.oid) AS oid, \
                                      COALESCE(elem.typrelid, t.typrelid) AS typrelid) b \
           LEFT JOIN pg_catalog.pg_class rel ON rel.oid = b.typrelid \
           {multirange} \
          WHERE t.oid >= 16384 \
         UNION ALL \
         SELECT 'pg_catalog.pg_rewrite'::pg_catalog.regclass, rw.oid, \
                CASE WHEN rw.rulename = '_RETURN' THEN 'r' ELSE 'w' END, \
                CASE WHEN rw.rulename = '_RETURN' THEN rw.ev_class ELSE rw.oid END \
           FROM pg_catalog.pg_rewrite rw WHERE rw.oid >= 16384 \
         UNION ALL \
         SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass, ad.oid, 'r', ad.adrelid \
           FROM pg_catalog.pg_attrdef ad WHERE ad.oid >= 16384 \
         UNION ALL \
         SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, c.oid, \
                CASE WHEN c.contype = 'f' THEN 'c' WHEN c.conrelid <> 0 THEN 'r' ELSE 't' END, \
                CASE WHEN c.contype = 'f' THEN c.oid WHEN c.conrelid <> 0 THEN c.conrelid \
                     ELSE c.contypid END \
           FROM pg_catalog.pg_constraint c WHERE c.oid >= 16384 \
         UNION ALL \
         SELECT 'pg_catalog.pg_amop'::pg_catalog.regclass, ao.oid, 'o', \
                COALESCE(md.refobjid, ao.amopfamily) \
           FROM pg_catalog.pg_amop ao \
           LEFT JOIN pg_catalog.pg_depend md \
             ON md.classid = 'pg_catalog.pg_amop'::pg_catalog.regclass AND md.objid = ao.oid \
            AND md.refclassid IN ('pg_catalog.pg_opclass'::pg_catalog.regclass, \
                                  'pg_catalog.pg_opfamily'::pg_catalog.regclass) \
          WHERE ao.oid >= 16384 \
         UNION ALL \
         SELECT 'pg_catalog.pg_amproc'::pg_catalog.regclass, ap.oid, 'o', \
                COALESCE(md.refobjid, ap.amprocfamily) \
           FROM pg_catalog.pg_amproc ap \
           LEFT JOIN pg_catalog.pg_depend md \
             ON md.classid = 'pg_catalog.pg_amproc'::pg_catalog.regclass AND md.objid = ap.oid \
            AND md.refclassid IN ('pg_catalog.pg_opclass'::pg_catalog.regclass, \
                                  'pg_catalog.pg_opfamily'::pg_catalog.regclass) \
          WHERE ap.oid >= 16384"
    )
}

/// SQL expression: the one-letter kind of a catalog whose rows are their own objects.
fn simple_kind(classid: &str) -> String {
    let arms: Vec<String> = SIMPLE_KINDS
        .iter()
        .map(|(catalog, kind)| {
            format!("WHEN 'pg_catalog.{catalog}'::pg_catalog.regclass THEN '{kind}'")
        })
        .collect();
    format!("CASE {classid} {} END", arms.join(" "))
}

/// SQL: the support functions of the base type `bt` (its I/O functions and the like), which
/// take or return it: they need its shell, not its definition (which needs them).
fn support_functions(major: i32) -> String {
    let mut columns = vec![
        "typinput",
        "typoutput",
        "typreceive",
        "typsend",
        "typmodin",
        "typmodout",
        "typanalyze",
    ];
    if major >= 14 {
        columns.push("typsubscript");
    }
    columns
        .iter()
        .map(|c| format!("bt.{c}::pg_catalog.oid"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) async fn dependencies(ctx: &Context<'_>) -> Result<Vec<Dependency>> {
    // A sequence's OWNED BY link (deptype 'a' on its table) is emitted after the table; as an
    // ordering edge it would make every serial column a cycle.
    let sql = format!(
        "WITH norm AS MATERIALIZED ({norm}), \
         deps AS ( \
           SELECT DISTINCT d.classid, d.objid, d.refclassid, d.refobjid \
             FROM pg_catalog.pg_depend d \
            WHERE d.deptype IN ('n', 'a') AND d.objid >= 16384 AND d.refobjid >= 16384 \
              AND NOT (d.deptype = 'a' AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass \
                       AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass \
                       AND EXISTS (SELECT 1 FROM pg_catalog.pg_class s \
                                   WHERE s.oid = d.objid AND s.relkind = 'S'))) \
         SELECT COALESCE(dn.kind, {dsimple}) AS dkind, COALESCE(dn.oid, deps.objid) AS doid, \
                CASE WHEN deps.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass \
                       AND deps.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass \
                       AND EXISTS (SELECT 1 FROM pg_catalog.pg_type bt \
                                   WHERE bt.oid = deps.refobjid AND bt.typtype = 'b' \
                                     AND deps.objid IN ({support})) \
                     THEN 'h' ELSE COALESCE(rn.kind, {rsimple}) END AS rkind, \
                COALESCE(rn.oid, deps.refobjid) AS roid \
           FROM deps \
           LEFT JOIN norm dn ON dn.classid = deps.classid AND dn.objid = deps.objid \
           LEFT JOIN norm rn ON rn.classid = deps.refclassid AND rn.objid = deps.refobjid \
         UNION ALL \
         SELECT 'h', t.oid, 'n', t.typnamespace FROM pg_catalog.pg_type t \
          WHERE t.typtype = 'b' AND t.oid >= 16384 AND t.typnamespace >= 16384",
        support = support_functions(ctx.major()),
        norm = normalisation(ctx.major()),
        dsimple = simple_kind("deps.classid"),
        rsimple = simple_kind("deps.refclassid"),
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
            let dependent = catalog_ref(r.field("dkind").ok()?, r.field("doid").ok()?)?;
            let referenced = catalog_ref(r.field("rkind").ok()?, r.field("roid").ok()?)?;
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
                 WHEN 'pg_catalog.pg_foreign_server'::pg_catalog.regclass THEN 'v' \
                 WHEN 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass THEN 'x' \
                 WHEN 'pg_catalog.pg_operator'::pg_catalog.regclass THEN 'o' \
                 WHEN 'pg_catalog.pg_opclass'::pg_catalog.regclass THEN 'o' \
                 WHEN 'pg_catalog.pg_opfamily'::pg_catalog.regclass THEN 'o' END AS kind, \
               d.objid, d.refobjid \
          FROM pg_catalog.pg_depend d \
         WHERE d.deptype = 'e' AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass \
           AND d.classid IN ('pg_catalog.pg_class'::pg_catalog.regclass, \
                             'pg_catalog.pg_type'::pg_catalog.regclass, \
                             'pg_catalog.pg_proc'::pg_catalog.regclass, \
                             'pg_catalog.pg_foreign_server'::pg_catalog.regclass, \
                             'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass, \
                             'pg_catalog.pg_operator'::pg_catalog.regclass, \
                             'pg_catalog.pg_opclass'::pg_catalog.regclass, \
                             'pg_catalog.pg_opfamily'::pg_catalog.regclass)";
    let rows = ctx.query_all("extension members", sql).await?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some((
                catalog_ref(r.field("kind").ok()?, r.field("objid").ok()?)?,
                r.field("refobjid").ok()?,
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
        "h" => CatalogRef::TypeShell(oid),
        "c" => CatalogRef::Constraint(oid),
        "f" => CatalogRef::Function(oid),
        "p" => CatalogRef::Policy(oid),
        "l" => CatalogRef::Collation(oid),
        "w" => CatalogRef::Rule(oid),
        "s" => CatalogRef::Statistics(oid),
        "g" => CatalogRef::Trigger(oid),
        "v" => CatalogRef::ForeignServer(oid),
        "x" => CatalogRef::ForeignDataWrapper(oid),
        "o" => CatalogRef::Simple(oid),
        _ => return None,
    })
}
