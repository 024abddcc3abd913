//! Row-level security policies, extended statistics, rules, collations, publications and
//! default privileges.
//!
//! Policies live in `policies/<schema>.<table>.sql`, rules in their relation's file, both in
//! the link phase (their expressions may read other tables). Publications name tables, so they
//! come in the link phase too. Default privileges come last of all (see `emit`).

use super::sql::{comment, ident, literal, owner, qualified};
use super::{Block, Dir, FilePlace, Phase};
use crate::model::{
    Catalog, CatalogRef, Collation, DefaultPrivileges, Grant, Policy, Publication, QualifiedName,
    Rule, Statistics,
};

pub(crate) fn policies(catalog: &Catalog) -> Vec<Block> {
    catalog
        .policies
        .iter()
        .map(|p| Block {
            populate: None,
            file: FilePlace::in_schema(Dir::Policies, &p.table),
            phase: Phase::Link,
            provides: vec![CatalogRef::Policy(p.oid)],
            requires: vec![CatalogRef::Relation(p.table_oid)],
            sql: policy_sql(p),
        })
        .collect()
}

fn policy_sql(p: &Policy) -> String {
    let table = qualified(&p.table);
    let mut sql = format!("CREATE POLICY {} ON {table}", ident(&p.name));
    if !p.permissive {
        sql.push_str(" AS RESTRICTIVE");
    }
    let command = match p.command.as_str() {
        "r" => Some("SELECT"),
        "a" => Some("INSERT"),
        "w" => Some("UPDATE"),
        "d" => Some("DELETE"),
        _ => None,
    };
    if let Some(command) = command {
        sql.push_str(&format!(" FOR {command}"));
    }
    // PUBLIC alone is the default.
    if p.roles.iter().any(Option::is_some) {
        let roles: Vec<String> = p
            .roles
            .iter()
            .map(|r| r.as_deref().map(ident).unwrap_or_else(|| "PUBLIC".into()))
            .collect();
        sql.push_str(&format!(" TO {}", roles.join(", ")));
    }
    if let Some(using) = &p.using {
        sql.push_str(&format!("\n  USING ({using})"));
    }
    if let Some(check) = &p.with_check {
        sql.push_str(&format!("\n  WITH CHECK ({check})"));
    }
    sql.push_str(";\n");
    let target = format!("{} ON {table}", ident(&p.name));
    sql.push_str(&comment("POLICY", &target, p.comment.as_deref()));
    sql
}

pub(crate) fn statistics(catalog: &Catalog) -> Vec<Block> {
    catalog
        .statistics
        .iter()
        .map(|s| Block {
            populate: None,
            file: FilePlace::in_schema(Dir::Statistics, &s.name),
            phase: Phase::Create,
            provides: vec![CatalogRef::Statistics(s.oid)],
            requires: vec![CatalogRef::Relation(s.table_oid)],
            sql: statistics_sql(s),
        })
        .collect()
}

fn statistics_sql(s: &Statistics) -> String {
    let name = qualified(&s.name);
    let mut sql = format!("{};\n", s.definition);
    if let Some(target) = s.stattarget {
        sql.push_str(&format!(
            "ALTER STATISTICS {name} SET STATISTICS {target};\n"
        ));
    }
    sql.push_str(&owner("STATISTICS", &name, &s.owner));
    sql.push_str(&comment("STATISTICS", &name, s.comment.as_deref()));
    sql
}

pub(crate) fn rules(catalog: &Catalog) -> Vec<Block> {
    catalog
        .rules
        .iter()
        .map(|r| {
            let dir = match r.relkind.as_str() {
                "v" => Dir::Views,
                "m" => Dir::MaterializedViews,
                _ => Dir::Tables,
            };
            Block {
                populate: None,
                file: FilePlace::in_schema(dir, &r.relation),
                phase: Phase::Link,
                provides: vec![CatalogRef::Rule(r.oid)],
                requires: vec![CatalogRef::Relation(r.relation_oid)],
                sql: rule_sql(r),
            }
        })
        .collect()
}

fn rule_sql(r: &Rule) -> String {
    let relation = qualified(&r.relation);
    let mut sql = format!("{};\n", r.definition);
    let state = match r.enabled.as_str() {
        "D" => Some("DISABLE RULE"),
        "R" => Some("ENABLE REPLICA RULE"),
        "A" => Some("ENABLE ALWAYS RULE"),
        _ => None,
    };
    if let Some(state) = state {
        sql.push_str(&format!(
            "ALTER TABLE {relation} {state} {};\n",
            ident(&r.name)
        ));
    }
    let target = format!("{} ON {relation}", ident(&r.name));
    sql.push_str(&comment("RULE", &target, r.comment.as_deref()));
    sql
}

pub(crate) fn collations(catalog: &Catalog) -> Vec<Block> {
    catalog
        .collations
        .iter()
        .map(|c| {
            Block::new(
                FilePlace::in_schema(Dir::Collations, &c.name),
                CatalogRef::Collation(c.oid),
                collation_sql(c),
            )
        })
        .collect()
}

/// As pg_dump writes it, without `version`: the new database records its own library's.
fn collation_sql(c: &Collation) -> String {
    let name = qualified(&c.name);
    let mut items = Vec::new();
    let locale = c.locale.as_deref().unwrap_or("");
    match c.provider.as_str() {
        "i" => {
            items.push("provider = icu".to_string());
            items.push(format!("locale = {}", literal(locale)));
        }
        "b" => {
            items.push("provider = builtin".to_string());
            items.push(format!("locale = {}", literal(locale)));
        }
        _ => {
            items.push("provider = libc".to_string());
            let collate = c.lc_collate.as_deref().unwrap_or("");
            let ctype = c.lc_ctype.as_deref().unwrap_or("");
            if collate == ctype {
                items.push(format!("locale = {}", literal(collate)));
            } else {
                items.push(format!("lc_collate = {}", literal(collate)));
                items.push(format!("lc_ctype = {}", literal(ctype)));
            }
        }
    }
    if !c.deterministic {
        items.push("deterministic = false".to_string());
    }
    if let Some(rules) = &c.rules {
        items.push(format!("rules = {}", literal(rules)));
    }
    let mut sql = format!("CREATE COLLATION {name} ({});\n", items.join(", "));
    sql.push_str(&owner("COLLATION", &name, &c.owner));
    sql.push_str(&comment("COLLATION", &name, c.comment.as_deref()));
    sql
}

pub(crate) fn publications(catalog: &Catalog) -> Vec<Block> {
    catalog
        .publications
        .iter()
        .map(|p| {
            let mut requires: Vec<CatalogRef> = p
                .tables
                .iter()
                .map(|t| CatalogRef::Relation(t.oid))
                .collect();
            requires.extend(p.schemas.iter().map(|(oid, _)| CatalogRef::Schema(*oid)));
            Block {
                populate: None,
                file: FilePlace::global(Dir::Publications, &p.name),
                phase: Phase::Link,
                provides: vec![CatalogRef::Publication(p.oid)],
                requires,
                sql: publication_sql(p),
            }
        })
        .collect()
}

fn publication_sql(p: &Publication) -> String {
    let name = ident(&p.name);
    let mut sql = format!("CREATE PUBLICATION {name}");
    if p.all_tables {
        sql.push_str(" FOR ALL TABLES");
    }
    let mut options = vec![format!("publish = {}", literal(&p.publish.join(", ")))];
    if p.via_partition_root {
        options.push("publish_via_partition_root = true".to_string());
    }
    if p.generated_columns.as_deref() == Some("s") {
        options.push("publish_generated_columns = stored".to_string());
    }
    sql.push_str(&format!(" WITH ({});\n", options.join(", ")));
    for t in &p.tables {
        let table = qualified(&QualifiedName::new(&t.schema, &t.name));
        sql.push_str(&format!("ALTER PUBLICATION {name} ADD TABLE ONLY {table}"));
        if let Some(columns) = &t.columns {
            let columns: Vec<String> = columns.iter().map(|c| ident(c)).collect();
            sql.push_str(&format!(" ({})", columns.join(", ")));
        }
        if let Some(filter) = &t.row_filter {
            sql.push_str(&format!(" WHERE ({filter})"));
        }
        sql.push_str(";\n");
    }
    for (_, schema) in &p.schemas {
        sql.push_str(&format!(
            "ALTER PUBLICATION {name} ADD TABLES IN SCHEMA {};\n",
            ident(schema)
        ));
    }
    sql.push_str(&owner("PUBLICATION", &name, &p.owner));
    sql.push_str(&comment("PUBLICATION", &name, p.comment.as_deref()));
    sql
}

pub(crate) fn default_privileges(catalog: &Catalog) -> Vec<Block> {
    catalog
        .default_privileges
        .iter()
        .filter(|d| !d.acl.is_default())
        .map(|d| Block {
            populate: None,
            file: FilePlace::global(Dir::DefaultPrivileges, &d.role),
            phase: Phase::Link,
            provides: vec![CatalogRef::DefaultPrivileges(d.oid)],
            requires: d
                .schema
                .iter()
                .map(|(oid, _)| CatalogRef::Schema(*oid))
                .collect(),
            sql: default_privileges_sql(d),
        })
        .collect()
}

/// `defaclobjtype` as `ALTER DEFAULT PRIVILEGES … ON` spells it.
pub(crate) fn default_privileges_kind(code: &str) -> &str {
    match code {
        "r" => "TABLES",
        "S" => "SEQUENCES",
        "f" => "FUNCTIONS",
        "T" => "TYPES",
        "n" => "SCHEMAS",
        "L" => "LARGE OBJECTS",
        other => other,
    }
}

/// One default privilege as SQL after `ALTER DEFAULT PRIVILEGES`: `FOR ROLE r IN SCHEMA s
/// GRANT SELECT ON TABLES TO u` (or `REVOKE … FROM u`), also its identity in `verify`.
pub(crate) fn default_privilege_entry(
    role: &str,
    schema: Option<&str>,
    kind: &str,
    grant: bool,
    privilege: &str,
    grantee: Option<&str>,
) -> String {
    let mut out = format!("FOR ROLE {}", ident(role));
    if let Some(schema) = schema {
        out.push_str(&format!(" IN SCHEMA {}", ident(schema)));
    }
    let grantee = grantee.map(ident).unwrap_or_else(|| "PUBLIC".to_string());
    let (verb, to) = if grant {
        ("GRANT", "TO")
    } else {
        ("REVOKE", "FROM")
    };
    out.push_str(&format!(" {verb} {privilege} ON {kind} {to} {grantee}"));
    out
}

pub(crate) fn default_privileges_sql(d: &DefaultPrivileges) -> String {
    let kind = default_privileges_kind(&d.object_type);
    let mut prefix = format!("ALTER DEFAULT PRIVILEGES FOR ROLE {}", ident(&d.role));
    if let Some((_, schema)) = &d.schema {
        prefix.push_str(&format!(" IN SCHEMA {}", ident(schema)));
    }
    let mut sql = String::new();
    for (grantee, grantable, privs) in group(&d.acl.revokes) {
        let option = if grantable { "GRANT OPTION FOR " } else { "" };
        sql.push_str(&format!(
            "{prefix} REVOKE {option}{} ON {kind} FROM {grantee};\n",
            privs.join(", ")
        ));
    }
    for (grantee, grantable, privs) in group(&d.acl.grants) {
        let option = if grantable { " WITH GRANT OPTION" } else { "" };
        sql.push_str(&format!(
            "{prefix} GRANT {} ON {kind} TO {grantee}{option};\n",
            privs.join(", ")
        ));
    }
    sql
}

/// Privileges grouped by (grantee, grant option), in first-appearance order.
fn group(items: &[Grant]) -> Vec<(String, bool, Vec<String>)> {
    let mut groups: Vec<(String, bool, Vec<String>)> = Vec::new();
    for item in items {
        let grantee = item
            .grantee
            .as_deref()
            .map(ident)
            .unwrap_or_else(|| "PUBLIC".to_string());
        match groups
            .iter_mut()
            .find(|(g, opt, _)| *g == grantee && *opt == item.grantable)
        {
            Some((_, _, privs)) => privs.push(item.privilege.clone()),
            None => groups.push((grantee, item.grantable, vec![item.privilege.clone()])),
        }
    }
    groups
}
