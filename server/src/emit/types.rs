//! Types (enum, composite, range), domains, views and materialized views.

use super::sql::{column_privileges, comment, ident, literal, owner, privileges, qualified};
use super::{Block, Dir, FilePlace, Populate};
use crate::model::{BaseDef, Catalog, CatalogRef, Domain, RangeDef, TypeDef, TypeKind, View};

/// PostgreSQL's longest identifier, in bytes (NAMEDATALEN - 1).
const MAX_IDENTIFIER: usize = 63;

pub(crate) fn types(catalog: &Catalog) -> Vec<Block> {
    let mut blocks = Vec::new();
    for t in &catalog.types {
        let place = FilePlace::in_schema(Dir::Types, &t.name);
        if let TypeKind::Base(_) = t.kind {
            // The shell first, in the same file: the I/O functions (which take or return the
            // type) need it, and the full definition needs them (pg_dump's dumpShellType).
            // The per-kind loader retries the definition once the functions exist. (The shell's
            // schema comes first through the dependencies, see `inspect::dependencies`.)
            let shell = Block::new(
                place.clone(),
                CatalogRef::TypeShell(t.oid),
                format!("CREATE TYPE {};\n", qualified(&t.name)),
            );
            let mut full = Block::new(place, CatalogRef::Type(t.oid), type_sql(t));
            full.requires.push(CatalogRef::TypeShell(t.oid));
            blocks.push(shell);
            blocks.push(full);
        } else {
            blocks.push(Block::new(place, CatalogRef::Type(t.oid), type_sql(t)));
        }
    }
    blocks
}

fn type_sql(t: &TypeDef) -> String {
    let name = qualified(&t.name);
    let mut sql = match &t.kind {
        TypeKind::Enum { labels } => {
            let labels: Vec<String> = labels
                .iter()
                .map(|l| format!("    {}", literal(l)))
                .collect();
            if labels.is_empty() {
                format!("CREATE TYPE {name} AS ENUM (\n);\n")
            } else {
                format!("CREATE TYPE {name} AS ENUM (\n{}\n);\n", labels.join(",\n"))
            }
        }
        TypeKind::Composite { attributes } => {
            let attrs: Vec<String> = attributes
                .iter()
                .map(|a| {
                    let collate = a
                        .collation
                        .as_deref()
                        .map(|c| format!(" COLLATE {c}"))
                        .unwrap_or_default();
                    format!("    {} {}{collate}", ident(&a.name), a.type_name)
                })
                .collect();
            if attrs.is_empty() {
                format!("CREATE TYPE {name} AS (\n);\n")
            } else {
                format!("CREATE TYPE {name} AS (\n{}\n);\n", attrs.join(",\n"))
            }
        }
        TypeKind::Range(range) => range_sql(&t.name.schema, &t.name.name, &name, range),
        TypeKind::Base(base) => base_sql(&name, base),
        TypeKind::Shell => format!("CREATE TYPE {name};\n"),
    };
    sql.push_str(&owner("TYPE", &name, &t.owner));
    sql.push_str(&comment("TYPE", &name, t.comment.as_deref()));
    if let TypeKind::Range(RangeDef {
        multirange: Some(multirange),
        multirange_comment: Some(text),
        ..
    }) = &t.kind
    {
        let target = format!("{}.{}", ident(&t.name.schema), ident(multirange));
        sql.push_str(&comment("TYPE", &target, Some(text)));
    }
    if let TypeKind::Composite { attributes } = &t.kind {
        for a in attributes {
            let column = format!("{name}.{}", ident(&a.name));
            sql.push_str(&comment("COLUMN", &column, a.comment.as_deref()));
        }
    }
    sql.push_str(&privileges("TYPE", &name, &t.acl));
    sql
}

/// `CREATE TYPE … (INTERNALLENGTH = …, INPUT = …, …)`, as pg_dump's dumpBaseType writes it.
fn base_sql(name: &str, b: &BaseDef) -> String {
    let mut items = vec![
        format!("INTERNALLENGTH = {}", b.internal_length),
        format!("INPUT = {}", b.input),
        format!("OUTPUT = {}", b.output),
    ];
    let optional = [
        ("RECEIVE", &b.receive),
        ("SEND", &b.send),
        ("TYPMOD_IN", &b.typmod_in),
        ("TYPMOD_OUT", &b.typmod_out),
        ("ANALYZE", &b.analyze),
        ("SUBSCRIPT", &b.subscript),
    ];
    for (key, value) in optional {
        if let Some(f) = value {
            items.push(format!("{key} = {f}"));
        }
    }
    if b.collatable {
        items.push("COLLATABLE = true".into());
    }
    if let Some(default) = &b.default {
        items.push(format!("DEFAULT = {default}"));
    }
    if let Some(element) = &b.element {
        items.push(format!("ELEMENT = {element}"));
    }
    if b.category != "U" {
        items.push(format!("CATEGORY = {}", literal(&b.category)));
    }
    if b.preferred {
        items.push("PREFERRED = true".into());
    }
    if b.delimiter != "," {
        items.push(format!("DELIMITER = {}", literal(&b.delimiter)));
    }
    let alignment = match b.alignment.as_str() {
        "c" => "char",
        "s" => "int2",
        "i" => "int4",
        _ => "double",
    };
    items.push(format!("ALIGNMENT = {alignment}"));
    let storage = match b.storage.as_str() {
        "e" => "external",
        "x" => "extended",
        "m" => "main",
        _ => "plain",
    };
    items.push(format!("STORAGE = {storage}"));
    if b.passed_by_value {
        items.push("PASSEDBYVALUE".into());
    }
    let items: Vec<String> = items.into_iter().map(|i| format!("    {i}")).collect();
    format!("CREATE TYPE {name} (\n{}\n);\n", items.join(",\n"))
}

/// The multirange name PostgreSQL generates for a range named `range` (makeMultirangeTypeName):
/// the first `range` becomes `multirange`, else `_multirange` is appended. `None` when the
/// result would need clipping (then the name is always emitted explicitly).
fn default_multirange_name(range: &str) -> Option<String> {
    let name = match range.find("range") {
        Some(at) => format!("{}multi{}", &range[..at], &range[at..]),
        None => format!("{range}_multirange"),
    };
    (name.len() <= MAX_IDENTIFIER).then_some(name)
}

fn range_sql(schema: &str, raw_name: &str, name: &str, r: &RangeDef) -> String {
    let mut items = vec![format!("subtype = {}", r.subtype)];
    if let Some(multirange) = &r.multirange {
        if default_multirange_name(raw_name).as_deref() != Some(multirange.as_str()) {
            items.push(format!(
                "multirange_type_name = {}.{}",
                ident(schema),
                ident(multirange)
            ));
        }
    }
    if let Some(opclass) = &r.subtype_opclass {
        items.push(format!("subtype_opclass = {opclass}"));
    }
    if let Some(collation) = &r.collation {
        items.push(format!("collation = {collation}"));
    }
    if let Some(canonical) = &r.canonical {
        items.push(format!("canonical = {canonical}"));
    }
    if let Some(diff) = &r.subtype_diff {
        items.push(format!("subtype_diff = {diff}"));
    }
    let items: Vec<String> = items.into_iter().map(|i| format!("    {i}")).collect();
    format!("CREATE TYPE {name} AS RANGE (\n{}\n);\n", items.join(",\n"))
}

pub(crate) fn domains(catalog: &Catalog) -> Vec<Block> {
    catalog
        .domains
        .iter()
        .map(|d| {
            Block::new(
                FilePlace::in_schema(Dir::Domains, &d.name),
                CatalogRef::Type(d.oid),
                domain_sql(d),
            )
        })
        .collect()
}

fn domain_sql(d: &Domain) -> String {
    let name = qualified(&d.name);
    let mut sql = format!("CREATE DOMAIN {name} AS {}", d.base_type);
    if let Some(collation) = &d.collation {
        sql.push_str(&format!(" COLLATE {collation}"));
    }
    if let Some(default) = &d.default {
        sql.push_str(&format!(" DEFAULT {default}"));
    }
    // From PostgreSQL 17 on, NOT NULL is a named constraint, emitted with the others.
    let named_not_null = d.constraints.iter().any(|c| c.kind == "n");
    if d.not_null && !named_not_null {
        sql.push_str(" NOT NULL");
    }
    for c in d.constraints.iter().filter(|c| c.validated) {
        sql.push_str(&format!(
            "\n    CONSTRAINT {} {}",
            ident(&c.name),
            c.definition
        ));
    }
    sql.push_str(";\n");
    // Constraints added NOT VALID must stay unvalidated: added after creation, as pg_dump does.
    for c in d.constraints.iter().filter(|c| !c.validated) {
        sql.push_str(&format!(
            "ALTER DOMAIN {name} ADD CONSTRAINT {} {};\n",
            ident(&c.name),
            c.definition
        ));
    }
    sql.push_str(&owner("DOMAIN", &name, &d.owner));
    sql.push_str(&comment("DOMAIN", &name, d.comment.as_deref()));
    for c in &d.constraints {
        let target = format!("{} ON DOMAIN {name}", ident(&c.name));
        sql.push_str(&comment("CONSTRAINT", &target, c.comment.as_deref()));
    }
    sql.push_str(&privileges("DOMAIN", &name, &d.acl));
    sql
}

pub(crate) fn views(catalog: &Catalog) -> Vec<Block> {
    catalog
        .views
        .iter()
        .map(|v| {
            let dir = if v.materialized {
                Dir::MaterializedViews
            } else {
                Dir::Views
            };
            let mut block = Block::new(
                FilePlace::in_schema(dir, &v.name),
                CatalogRef::Relation(v.oid),
                view_sql(v, "CREATE"),
            );
            if v.materialized && v.populated {
                let unfilled = View {
                    populated: false,
                    ..v.clone()
                };
                // A refresh runs the query as the view's owner, who may not read what the
                // creator (a superuser, live) could: the owner is set once the view is filled,
                // and its privileges after that (they may revoke the owner's own, which only
                // the owner's can be).
                let name = qualified(&v.name);
                let owner_sql = owner("MATERIALIZED VIEW", &name, &v.owner);
                let unfilled_sql = view_definition(&unfilled, "CREATE").replacen(&owner_sql, "", 1);
                block.populate = Some(Populate {
                    unfilled_sql,
                    refresh: format!(
                        "REFRESH MATERIALIZED VIEW {name};\n{owner_sql}{}",
                        view_privileges(v)
                    ),
                });
            }
            block
        })
        .collect()
}

/// A view split in two to break a dependency cycle, as pg_dump does: a shell with the view's
/// columns (names, types, collations) and no dependencies but those, then the real query as
/// `CREATE OR REPLACE VIEW` with the view's owner, comments and privileges.
pub(crate) struct ViewSplit {
    pub shell: String,
    pub rest: String,
}

/// The split of the (plain) view `r`; `None` for anything else.
pub(crate) fn split_view(catalog: &Catalog, r: &CatalogRef) -> Option<ViewSplit> {
    let CatalogRef::Relation(oid) = r else {
        return None;
    };
    let v = catalog
        .views
        .iter()
        .find(|v| v.oid == *oid && !v.materialized)?;
    let columns: Vec<String> = v
        .columns
        .iter()
        .map(|c| {
            let collate = c
                .collation
                .as_ref()
                .map(|co| format!(" COLLATE {co}"))
                .unwrap_or_default();
            format!("    NULL::{}{collate} AS {}", c.type_name, ident(&c.name))
        })
        .collect();
    // No check option: the shell is not updatable, and the real query brings it back.
    let shell = format!(
        "CREATE VIEW {}{} AS\nSELECT\n{};\n",
        qualified(&v.name),
        with_options(&v.options),
        columns.join(",\n")
    );
    Some(ViewSplit {
        shell,
        rest: view_sql(v, "CREATE OR REPLACE"),
    })
}

/// `name=value` reloptions as `WITH (name='value', …)`, as pg_dump prints them.
fn with_options(options: &[String]) -> String {
    if options.is_empty() {
        return String::new();
    }
    let items: Vec<String> = options
        .iter()
        .map(|o| match o.split_once('=') {
            Some((k, v)) => format!("{}={}", ident(k), literal(v)),
            None => ident(o),
        })
        .collect();
    format!(" WITH ({})", items.join(", "))
}

/// `create` is `CREATE`, or `CREATE OR REPLACE` after a shell.
fn view_sql(v: &View, create: &str) -> String {
    view_definition(v, create) + &view_privileges(v)
}

/// A view's statements up to its privileges: definition, defaults, owner, comments.
fn view_definition(v: &View, create: &str) -> String {
    let name = qualified(&v.name);
    let kind = if v.materialized {
        "MATERIALIZED VIEW"
    } else {
        "VIEW"
    };
    let mut sql = format!("{create} {kind} {name}");
    if let Some(am) = &v.access_method {
        sql.push_str(&format!(" USING {}", ident(am)));
    }
    sql.push_str(&with_options(&v.options));
    sql.push_str(&format!(" AS\n{}", v.definition));
    if let Some(check) = &v.check_option {
        sql.push_str(&format!("\n  WITH {check} CHECK OPTION"));
    }
    if v.materialized {
        sql.push_str(if v.populated {
            "\n  WITH DATA"
        } else {
            "\n  WITH NO DATA"
        });
    }
    sql.push_str(";\n");
    for c in &v.columns {
        if let Some(default) = &c.default {
            sql.push_str(&format!(
                "ALTER {kind} {name} ALTER COLUMN {} SET DEFAULT {default};\n",
                ident(&c.name)
            ));
        }
    }
    sql.push_str(&owner(kind, &name, &v.owner));
    sql.push_str(&comment(kind, &name, v.comment.as_deref()));
    for c in &v.columns {
        let column = format!("{name}.{}", ident(&c.name));
        sql.push_str(&comment("COLUMN", &column, c.comment.as_deref()));
    }
    sql
}

fn view_privileges(v: &View) -> String {
    let name = qualified(&v.name);
    let mut sql = privileges("TABLE", &name, &v.acl);
    for c in &v.columns {
        sql.push_str(&column_privileges(&name, &c.name, &c.acl));
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multirange_default_names() {
        assert_eq!(
            default_multirange_name("floatrange").as_deref(),
            Some("floatmultirange")
        );
        assert_eq!(
            default_multirange_name("ranger_range").as_deref(),
            Some("multiranger_range")
        );
        assert_eq!(
            default_multirange_name("span").as_deref(),
            Some("span_multirange")
        );
        assert_eq!(default_multirange_name(&"x".repeat(60)), None);
    }
}
