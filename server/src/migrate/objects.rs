//! Per-kind pieces of a plan: changing an object in place, dropping it, creating it.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use super::tables::{self, comment_or_null, TableAlter};
use super::{inverse, undo_acl, Action, PlanOptions, Statement};
use crate::diff::{Model, Object, Side};
use crate::emit::sql::{ident, literal, qualified};
use crate::emit::{default_privileges_sql, function_signature, member_target, privilege_target};
use crate::model::{
    Acl, Extension, FunctionKind, Grant, MemberPrivileges, QualifiedName, SimpleKind, TypeKind,
};

/// How to change live object `j` into declared object `i` in place; `None`: drop and recreate.
/// The statement revoking live grants the source does not give carries their hazard.
pub(super) fn change(
    live: &Side,
    j: usize,
    declared: &Side,
    i: usize,
    pg18: bool,
) -> Option<TableAlter> {
    let (lo, d) = (&live.objects[j], &declared.objects[i]);
    let mut alter = change_in_place(live, j, declared, i, pg18)?;
    // A table names its own and its columns' (`tables::alter`).
    if !matches!(lo.model, Model::Table(_)) {
        let hazard = super::undeclared_grants_hazard(&lo.key, &acl_of(lo), &acl_of(d));
        let revoke = alter
            .statements
            .iter_mut()
            .find(|s| s.sql.contains("REVOKE "));
        if let (Some(hazard), Some(revoke)) = (hazard, revoke) {
            revoke.hazard.get_or_insert(hazard);
        }
    }
    Some(alter)
}

fn change_in_place(
    live: &Side,
    j: usize,
    declared: &Side,
    i: usize,
    pg18: bool,
) -> Option<TableAlter> {
    let (lo, d) = (&live.objects[j], &declared.objects[i]);
    let sql = declared.sql(i);
    let plain = |statements: Vec<String>| TableAlter {
        statements: statements.into_iter().map(Statement::plain).collect(),
        ..TableAlter::default()
    };
    match (lo.model, d.model) {
        (Model::Table(a), Model::Table(b)) => tables::alter(a, b, pg18),
        (Model::Extension(a), Model::Extension(b)) => {
            let name = ident(&b.name);
            let mut s = Vec::new();
            if a.schema != b.schema {
                s.push(format!(
                    "ALTER EXTENSION {name} SET SCHEMA {};\n",
                    ident(&b.schema)
                ));
            }
            if a.version != b.version {
                s.push(format!(
                    "ALTER EXTENSION {name} UPDATE TO {};\n",
                    literal(&b.version)
                ));
            }
            if a.comment != b.comment {
                s.push(comment_or_null("EXTENSION", &name, b.comment.as_deref()));
            }
            s.extend(member_privilege_changes(a, b));
            Some(plain(s))
        }
        (Model::Sequence(a), Model::Sequence(b)) if a.unlogged == b.unlogged => {
            let mut s = attribute_resets(lo, d);
            if a.options != b.options {
                s.push(format!(
                    "ALTER SEQUENCE {} AS {} {};\n",
                    qualified(&b.name),
                    b.options.data_type,
                    crate::emit::sequence_options(&b.options)
                ));
            }
            if a.owned_by.is_some() && b.owned_by.is_none() {
                s.push(format!(
                    "ALTER SEQUENCE {} OWNED BY NONE;\n",
                    qualified(&b.name)
                ));
            }
            s.push(rest_of_block(sql));
            Some(plain(s))
        }
        (Model::Type(a), Model::Type(b)) => {
            let (TypeKind::Enum { labels: old }, TypeKind::Enum { labels: new }) =
                (&a.kind, &b.kind)
            else {
                return attributes_only(lo, d, sql);
            };
            if !without(&lo.value(), &["owner", "comment", "acl", "kind"])
                .eq(&without(&d.value(), &["owner", "comment", "acl", "kind"]))
            {
                return None;
            }
            let mut s = enum_additions(&qualified(&b.name), old, new)?;
            s.extend(attribute_resets(lo, d));
            s.push(rest_of_block(sql));
            Some(plain(s))
        }
        (Model::Domain(a), Model::Domain(b))
            if a.base_type == b.base_type && a.collation == b.collation =>
        {
            let name = qualified(&b.name);
            let alter = format!("ALTER DOMAIN {name}");
            let mut s = attribute_resets(lo, d);
            if a.default != b.default {
                s.push(match &b.default {
                    Some(expr) => format!("{alter} SET DEFAULT {expr};\n"),
                    None => format!("{alter} DROP DEFAULT;\n"),
                });
            }
            if a.not_null != b.not_null {
                let verb = if b.not_null { "SET" } else { "DROP" };
                s.push(format!("{alter} {verb} NOT NULL;\n"));
            }
            let checks = |x: &crate::model::Domain| -> Vec<crate::model::DomainConstraint> {
                x.constraints
                    .iter()
                    .filter(|k| k.kind == "c")
                    .cloned()
                    .collect()
            };
            let (old, new) = (checks(a), checks(b));
            for k in &old {
                let same = new.iter().find(|n| n.name == k.name);
                if same.map(|n| (&n.definition, n.validated)) != Some((&k.definition, k.validated))
                {
                    s.push(format!("{alter} DROP CONSTRAINT {};\n", ident(&k.name)));
                }
            }
            for k in &new {
                let same = old.iter().find(|o| o.name == k.name);
                if same.map(|o| (&o.definition, o.validated)) == Some((&k.definition, k.validated))
                {
                    if same.map(|o| &o.comment) != Some(&k.comment) {
                        s.push(comment_or_null(
                            "CONSTRAINT",
                            &format!("{} ON DOMAIN {name}", ident(&k.name)),
                            k.comment.as_deref(),
                        ));
                    }
                    continue;
                }
                if k.validated {
                    s.push(format!(
                        "{alter} ADD CONSTRAINT {} {} NOT VALID;\n{alter} VALIDATE CONSTRAINT {};\n",
                        ident(&k.name),
                        k.definition,
                        ident(&k.name)
                    ));
                } else {
                    s.push(format!(
                        "{alter} ADD CONSTRAINT {} {};\n",
                        ident(&k.name),
                        k.definition
                    ));
                }
                if let Some(c) = &k.comment {
                    s.push(format!(
                        "COMMENT ON CONSTRAINT {} ON DOMAIN {name} IS {};\n",
                        ident(&k.name),
                        literal(c)
                    ));
                }
            }
            s.push(owner_and_grants(sql));
            Some(plain(s))
        }
        (Model::View(a), Model::View(b)) if !a.materialized && !b.materialized => {
            let compatible = a.columns.len() <= b.columns.len()
                && a.columns.iter().zip(&b.columns).all(|(x, y)| {
                    x.name == y.name && x.type_name == y.type_name && x.collation == y.collation
                });
            if !compatible {
                return None;
            }
            let name = qualified(&b.name);
            let mut s = attribute_resets(lo, d);
            for x in &a.columns {
                let y = b.columns.iter().find(|y| y.name == x.name);
                if x.comment.is_some() && y.and_then(|y| y.comment.as_ref()).is_none() {
                    s.push(format!(
                        "COMMENT ON COLUMN {name}.{} IS NULL;\n",
                        ident(&x.name)
                    ));
                }
                if x.default.is_some() && y.and_then(|y| y.default.as_ref()).is_none() {
                    s.push(format!(
                        "ALTER VIEW {name} ALTER COLUMN {} DROP DEFAULT;\n",
                        ident(&x.name)
                    ));
                }
                if x.acl != y.map(|y| y.acl.clone()).unwrap_or_default() {
                    s.push(crate::emit::sql::column_privileges(
                        &name,
                        &x.name,
                        &super::inverse(&x.acl),
                    ));
                }
            }
            s.push(sql.replacen("CREATE VIEW ", "CREATE OR REPLACE VIEW ", 1));
            Some(plain(s))
        }
        (Model::Function(a), Model::Function(b))
            if a.kind == b.kind && a.kind != FunctionKind::Aggregate =>
        {
            let header = |def: &Option<String>| -> Option<String> {
                let def = def.as_ref()?;
                let mut lines = def.lines();
                let first = lines.next()?.to_string();
                let returns = lines
                    .next()
                    .filter(|l| l.trim_start().starts_with("RETURNS"))
                    .unwrap_or_default();
                Some(format!("{first}\n{returns}"))
            };
            if header(&a.definition).is_none() || header(&a.definition) != header(&b.definition) {
                return None;
            }
            let mut s = attribute_resets(lo, d);
            s.push(sql.to_string());
            Some(plain(s))
        }
        (Model::Index(a), Model::Index(b)) => {
            let mut x = a.clone();
            x.comment = b.comment.clone();
            x.oid = b.oid;
            x.table_oid = b.table_oid;
            x.parent = b.parent.clone();
            if x != *b || a.parent.as_ref().map(|p| &p.1) != b.parent.as_ref().map(|p| &p.1) {
                return None;
            }
            Some(plain(vec![comment_or_null(
                "INDEX",
                &qualified(&b.name),
                b.comment.as_deref(),
            )]))
        }
        (Model::Simple(a), Model::Simple(b)) => {
            let mut s = attribute_resets(lo, d);
            s.extend(super::simple::change(a, b)?);
            Some(plain(s))
        }
        (Model::DefaultPrivileges(a), Model::DefaultPrivileges(_)) => {
            let mut undo = a.clone();
            undo.acl = super::inverse(&a.acl);
            Some(plain(vec![default_privileges_sql(&undo), sql.to_string()]))
        }
        _ => attributes_only(lo, d, sql),
    }
}

/// An object whose owner, comment or privileges alone differ: undo the live privileges and
/// comment, then run the declared block's statements other than its `CREATE`.
fn attributes_only(live: &Object, declared: &Object, sql: &str) -> Option<TableAlter> {
    let strip = ["owner", "comment", "acl", "initial_owner"];
    if without(&live.value(), &strip) != without(&declared.value(), &strip) {
        return None;
    }
    let mut s = attribute_resets(live, declared);
    s.push(rest_of_block(sql));
    Some(TableAlter {
        statements: s.into_iter().map(Statement::plain).collect(),
        ..TableAlter::default()
    })
}

fn acl_of(object: &Object) -> Acl {
    object
        .value()
        .get("acl")
        .and_then(|a| serde_json::from_value(a.clone()).ok())
        .unwrap_or_default()
}

fn without(v: &Value, keys: &[&str]) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !keys.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// `COMMENT … IS NULL` when the declared object has no comment, and the statements taking the
/// live privileges back to the default (the declared block then grants what it declares).
fn attribute_resets(live: &Object, declared: &Object) -> Vec<String> {
    let (lv, dv) = (live.value(), declared.value());
    let Some((comment_kw, grant_kw, target)) = attribute_target(declared) else {
        return Vec::new();
    };
    let mut s = Vec::new();
    if let Some(grant_kw) = grant_kw {
        let live_acl = acl_of(live);
        if live_acl != acl_of(declared) || lv.get("owner") != dv.get("owner") {
            let grant_target = match declared.model {
                Model::Function(f) => privilege_target(f),
                _ => target.clone(),
            };
            s.push(undo_acl(grant_kw, &grant_target, &live_acl));
        }
    }
    let has = |v: &Value| v.get("comment").is_some_and(|c| !c.is_null());
    if has(&lv) && !has(&dv) {
        s.push(comment_or_null(comment_kw, &target, None));
    }
    s
}

/// GRANT and REVOKE taking the privileges of `live`'s members to those `declared` gives them:
/// back to what `CREATE EXTENSION` gave, then the declared changes (never a recreated
/// extension).
fn member_privilege_changes(live: &Extension, declared: &Extension) -> Vec<String> {
    let key = |m: &MemberPrivileges| (m.kind.clone(), member_target(m), m.column.clone());
    let mut keys: Vec<_> = live
        .member_privileges
        .iter()
        .chain(&declared.member_privileges)
        .map(|m| (key(m), m))
        .collect();
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    keys.dedup_by(|a, b| a.0 == b.0);
    let acl_of = |e: &Extension, k: &(String, String, Option<String>)| -> Acl {
        e.member_privileges
            .iter()
            .find(|m| key(m) == *k)
            .map(|m| m.acl.clone())
            .unwrap_or_default()
    };
    let mut s = Vec::new();
    for (k, _) in keys {
        let (from, to) = (acl_of(live, &k), acl_of(declared, &k));
        if from == to {
            continue;
        }
        let (kind, target, column) = &k;
        for acl in [inverse(&from), to] {
            s.push(match column {
                Some(c) => crate::emit::sql::column_privileges(target, c, &acl),
                None => crate::emit::sql::privileges(kind, target, &acl),
            });
        }
    }
    s
}

/// (COMMENT ON keyword, GRANT ON keyword, target) of an object.
fn attribute_target(o: &Object) -> Option<(&'static str, Option<&'static str>, String)> {
    Some(match o.model {
        Model::Schema(s) => ("SCHEMA", Some("SCHEMA"), ident(&s.name)),
        Model::Type(t) => ("TYPE", Some("TYPE"), qualified(&t.name)),
        Model::Domain(t) => ("DOMAIN", Some("DOMAIN"), qualified(&t.name)),
        Model::Sequence(s) => ("SEQUENCE", Some("SEQUENCE"), qualified(&s.name)),
        Model::View(v) if v.materialized => {
            ("MATERIALIZED VIEW", Some("TABLE"), qualified(&v.name))
        }
        Model::View(v) => ("VIEW", Some("TABLE"), qualified(&v.name)),
        Model::Function(f) => {
            let target = function_signature(f);
            match f.kind {
                FunctionKind::Procedure => ("PROCEDURE", Some("PROCEDURE"), target),
                FunctionKind::Aggregate => ("AGGREGATE", Some("FUNCTION"), target),
                _ => ("FUNCTION", Some("FUNCTION"), target),
            }
        }
        Model::Collation(c) => ("COLLATION", None, qualified(&c.name)),
        Model::Statistics(s) => ("STATISTICS", None, qualified(&s.name)),
        Model::Publication(p) => ("PUBLICATION", None, ident(&p.name)),
        Model::EventTrigger(e) => ("EVENT TRIGGER", None, ident(&e.name)),
        Model::ForeignDataWrapper(w) => (
            "FOREIGN DATA WRAPPER",
            Some("FOREIGN DATA WRAPPER"),
            ident(&w.name),
        ),
        Model::ForeignServer(s) => ("SERVER", Some("FOREIGN SERVER"), ident(&s.name)),
        Model::ForeignTable(t) => ("FOREIGN TABLE", Some("TABLE"), qualified(&t.name)),
        Model::Simple(o) => (
            o.kind.keyword(),
            (o.kind == SimpleKind::Language).then_some("LANGUAGE"),
            crate::emit::simple_target(o),
        ),
        Model::Trigger(t) => (
            "TRIGGER",
            None,
            format!("{} ON {}", ident(&t.name), qualified(&t.table)),
        ),
        Model::Policy(p) => (
            "POLICY",
            None,
            format!("{} ON {}", ident(&p.name), qualified(&p.table)),
        ),
        Model::Rule(r) => (
            "RULE",
            None,
            format!("{} ON {}", ident(&r.name), qualified(&r.relation)),
        ),
        _ => return None,
    })
}

/// The GRANT and REVOKE statements that give the live object (and its columns) the privileges
/// the declared one has: how `verify --drift` shows a privilege difference. Empty when the
/// privileges agree.
pub fn privilege_fix(live: &Object, declared: &Object) -> Vec<String> {
    let mut out = Vec::new();
    let target = match declared.model {
        Model::Table(t) => Some(("TABLE", qualified(&t.name))),
        Model::Function(f) => Some(("FUNCTION", privilege_target(f))),
        _ => attribute_target(declared).and_then(|(_, kw, target)| kw.map(|kw| (kw, target))),
    };
    if let Some((kind, target)) = &target {
        let delta = acl_delta(&acl_of(live), &acl_of(declared));
        if !delta.is_default() {
            out.push(crate::emit::sql::privileges(kind, target, &delta));
        }
        if let Model::Table(t) = declared.model {
            let live_columns = column_acls(live);
            for (column, declared_acl) in column_acls(declared) {
                let live_acl = live_columns
                    .iter()
                    .find(|(name, _)| *name == column)
                    .map(|(_, acl)| acl.clone())
                    .unwrap_or_default();
                let delta = acl_delta(&live_acl, &declared_acl);
                if !delta.is_default() {
                    out.push(crate::emit::sql::column_privileges(
                        &qualified(&t.name),
                        &column,
                        &delta,
                    ));
                }
            }
        }
    }
    out
}

/// The privileges to revoke and to grant to take `live` to `declared` (both relative to the
/// same default). A privilege kept but losing its grant option loses only the option.
fn acl_delta(live: &Acl, declared: &Acl) -> Acl {
    let same = |a: &Grant, b: &Grant| {
        a.grantee == b.grantee && a.privilege == b.privilege && a.grantor == b.grantor
    };
    let mut revokes: Vec<Grant> = Vec::new();
    let mut grants: Vec<Grant> = Vec::new();
    for g in &live.grants {
        match declared.grants.iter().find(|d| same(d, g)) {
            Some(d) if d.grantable == g.grantable => {}
            // Declared without the grant option: revoke just the option.
            Some(d) if !d.grantable => revokes.push(g.clone()),
            Some(d) => grants.push(d.clone()),
            None => revokes.push(Grant {
                grantable: false,
                ..g.clone()
            }),
        }
    }
    grants.extend(
        declared
            .grants
            .iter()
            .filter(|d| !live.grants.iter().any(|g| same(d, g)))
            .cloned(),
    );
    // Privileges of the default that one side revoked and the other did not.
    revokes.extend(
        declared
            .revokes
            .iter()
            .filter(|d| !live.revokes.iter().any(|g| same(d, g)))
            .cloned(),
    );
    grants.extend(
        live.revokes
            .iter()
            .filter(|g| !declared.revokes.iter().any(|d| same(d, g)))
            .cloned(),
    );
    Acl { revokes, grants }
}

/// Each column's privileges, from the object's model (tables and the like).
fn column_acls(object: &Object) -> Vec<(String, Acl)> {
    let value = object.value();
    let Some(columns) = value.get("columns").and_then(Value::as_array) else {
        return Vec::new();
    };
    columns
        .iter()
        .filter_map(|c| {
            let name = c.get("name")?.as_str()?.to_string();
            let acl: Acl = serde_json::from_value(c.get("acl")?.clone()).ok()?;
            Some((name, acl))
        })
        .collect()
}

/// The statements of a block other than those that create something.
fn rest_of_block(sql: &str) -> String {
    statements(sql)
        .into_iter()
        .filter(|s| !s.starts_with("CREATE "))
        .map(|s| format!("{s};\n"))
        .collect()
}

/// Owner and privilege statements of a block (`ALTER … OWNER`, `GRANT`, `REVOKE`).
fn owner_and_grants(sql: &str) -> String {
    statements(sql)
        .into_iter()
        .filter(|s| {
            s.starts_with("GRANT ")
                || s.starts_with("REVOKE ")
                || (s.starts_with("ALTER ") && s.contains(" OWNER TO "))
        })
        .map(|s| format!("{s};\n"))
        .collect()
}

fn statements(sql: &str) -> Vec<String> {
    pg_query::split_with_parser(sql)
        .map(|v| {
            v.into_iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// `ALTER TYPE … ADD VALUE` for labels added to an enum; `None` when labels were removed or
/// reordered (that needs the type recreated).
fn enum_additions(name: &str, old: &[String], new: &[String]) -> Option<Vec<String>> {
    let kept: Vec<&String> = new.iter().filter(|l| old.contains(l)).collect();
    if kept.len() != old.len() || kept.iter().zip(old).any(|(a, b)| *a != b) {
        return None;
    }
    let mut s = Vec::new();
    for (n, label) in new.iter().enumerate() {
        if old.contains(label) {
            continue;
        }
        let position = match n.checked_sub(1).and_then(|p| new.get(p)) {
            Some(prev) => format!(" AFTER {}", literal(prev)),
            None => match new.iter().find(|l| old.contains(l)) {
                Some(next) => format!(" BEFORE {}", literal(next)),
                None => String::new(),
            },
        };
        s.push(format!(
            "ALTER TYPE {name} ADD VALUE {}{position};\n",
            literal(label)
        ));
    }
    Some(s)
}

/// The `DROP` of a live object, with a hazard when data goes with it.
pub(super) fn drop(o: &Object, options: PlanOptions) -> Option<Statement> {
    let name = o.name.clone();
    let plain = |sql: String| Some(Statement::plain(sql));
    match o.model {
        Model::Schema(s) if s.preexisting => None,
        Model::Schema(_) => Some(Statement::hazard(
            format!("DROP SCHEMA {name};\n"),
            super::loss::drops_schema(&name),
        )),
        Model::Extension(_) => Some(Statement::hazard(
            format!("DROP EXTENSION {name};\n"),
            super::loss::drops_extension(&name),
        )),
        Model::Type(_) => plain(format!("DROP TYPE {name};\n")),
        Model::Domain(_) => plain(format!("DROP DOMAIN {name};\n")),
        Model::Sequence(_) => Some(Statement::hazard(
            format!("DROP SEQUENCE {name};\n"),
            super::loss::drops_sequence(&name),
        )),
        Model::Table(_) => Some(Statement::hazard(
            format!("DROP TABLE {name};\n"),
            super::loss::drops_table(&name),
        )),
        Model::ForeignKey(t, k) => plain(format!(
            "ALTER TABLE {} DROP CONSTRAINT {};\n",
            qualified(&t.name),
            ident(&k.name)
        )),
        Model::Index(i) => {
            let concurrently = if options.concurrent_indexes && i.parent.is_none() {
                "CONCURRENTLY "
            } else {
                ""
            };
            plain(format!("DROP INDEX {concurrently}{name};\n"))
        }
        Model::View(v) if v.materialized => plain(format!("DROP MATERIALIZED VIEW {name};\n")),
        Model::View(_) => plain(format!("DROP VIEW {name};\n")),
        Model::Function(f) => {
            let kw = match f.kind {
                FunctionKind::Procedure => "PROCEDURE",
                FunctionKind::Aggregate => "AGGREGATE",
                _ => "FUNCTION",
            };
            plain(format!("DROP {kw} {};\n", function_signature(f)))
        }
        Model::Trigger(_) => plain(format!("DROP TRIGGER {name};\n")),
        Model::Policy(_) => plain(format!("DROP POLICY {name};\n")),
        Model::Rule(_) => plain(format!("DROP RULE {name};\n")),
        Model::Statistics(_) => plain(format!("DROP STATISTICS {name};\n")),
        Model::Collation(_) => plain(format!("DROP COLLATION {name};\n")),
        Model::Publication(_) => plain(format!("DROP PUBLICATION {name};\n")),
        Model::EventTrigger(_) => plain(format!("DROP EVENT TRIGGER {name};\n")),
        Model::ForeignDataWrapper(w) if w.extension.is_some() => None,
        Model::ForeignDataWrapper(_) => plain(format!("DROP FOREIGN DATA WRAPPER {name};\n")),
        Model::ForeignServer(_) => Some(Statement::hazard(
            format!("DROP SERVER {name} CASCADE;\n"),
            super::loss::drops_server(&name),
        )),
        Model::ForeignTable(_) => plain(format!("DROP FOREIGN TABLE {name};\n")),
        Model::Simple(o) => Some(super::simple::drop(o)),
        Model::DefaultPrivileges(d) => {
            let mut undo = d.clone();
            undo.acl = super::inverse(&d.acl);
            plain(default_privileges_sql(&undo))
        }
    }
}

/// Whether dropping `o` happens anyway because what owns it is dropped.
pub(super) fn dropped_with_owner(o: &Object, dropped: &BTreeSet<String>) -> bool {
    let relation = |name: &QualifiedName| {
        let q = qualified(name);
        ["table", "view", "materialized view", "foreign table"]
            .iter()
            .any(|k| dropped.contains(&format!("{k} {q}")))
    };
    match o.model {
        Model::Index(i) => {
            relation(&i.table)
                || i.parent
                    .as_ref()
                    .is_some_and(|(_, p)| dropped.contains(&format!("index {}", qualified(p))))
        }
        Model::Trigger(t) => relation(&t.table),
        Model::Policy(p) => relation(&p.table),
        Model::Rule(r) => relation(&r.relation),
        Model::ForeignKey(t, _) => relation(&t.name),
        Model::Sequence(s) => s.owned_by.as_ref().is_some_and(|(_, t, _)| relation(t)),
        Model::Table(t) if t.is_partition() => t.parents.iter().any(|p| relation(&p.qualified())),
        _ => false,
    }
}

/// Whether the table a foreign key or index belongs to exists live and stays.
pub(super) fn table_stays(o: &Object, actions: &HashMap<String, Action>, live: &Side) -> bool {
    let table = match o.model {
        Model::ForeignKey(t, _) => t.name.clone(),
        Model::Index(i) => i.table.clone(),
        _ => return false,
    };
    let key = format!("table {}", qualified(&table));
    live.find(&key).is_some()
        && !matches!(
            actions.get(&key),
            Some(Action::Create) | Some(Action::Recreate)
        )
}

/// A declared block that creates (part of) an object. A foreign key on an existing table is
/// added `NOT VALID` and then validated; an index on one, concurrently when asked.
pub(super) fn create_block(
    o: &Object,
    sql: &str,
    table_stays: bool,
    options: PlanOptions,
) -> Statement {
    match o.model {
        Model::ForeignKey(t, k) if table_stays && k.validated && t.kind == "r" => {
            let table = qualified(&t.name);
            let mut text = format!(
                "ALTER TABLE ONLY {table} ADD CONSTRAINT {} {} NOT VALID;\n\
                 ALTER TABLE ONLY {table} VALIDATE CONSTRAINT {};\n",
                ident(&k.name),
                k.definition,
                ident(&k.name)
            );
            if let Some(c) = &k.comment {
                text.push_str(&format!(
                    "COMMENT ON CONSTRAINT {} ON {table} IS {};\n",
                    ident(&k.name),
                    literal(c)
                ));
            }
            Statement::plain(text)
        }
        Model::Index(i) if table_stays && options.concurrent_indexes && i.parent.is_none() => {
            let text = sql
                .replacen("CREATE INDEX ", "CREATE INDEX CONCURRENTLY ", 1)
                .replacen(
                    "CREATE UNIQUE INDEX ",
                    "CREATE UNIQUE INDEX CONCURRENTLY ",
                    1,
                );
            Statement::plain(text)
        }
        _ => Statement::plain(sql.to_string()),
    }
}
