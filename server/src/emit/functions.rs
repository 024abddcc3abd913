//! Functions, procedures, aggregates (`functions/<schema>.<name>.sql`, every overload of a
//! name in one file), triggers (`triggers/<schema>.<table>.sql`) and event triggers.

use super::sql::{comment, ident, literal, owner, privileges, qualified};
use super::{Block, Dir, FilePlace, Phase};
use crate::model::{Aggregate, Catalog, CatalogRef, EventTrigger, Function, FunctionKind, Trigger};

pub(crate) fn functions(catalog: &Catalog) -> Vec<Block> {
    catalog
        .functions
        .iter()
        .map(|f| {
            Block::new(
                FilePlace::in_schema(Dir::Functions, &f.name),
                CatalogRef::Function(f.oid),
                function_sql(f),
            )
        })
        .collect()
}

fn function_sql(f: &Function) -> String {
    let name = qualified(&f.name);
    let signature = function_signature(f);
    let (kind, acl_kind) = match f.kind {
        FunctionKind::Procedure => ("PROCEDURE", "PROCEDURE"),
        FunctionKind::Aggregate => ("AGGREGATE", "FUNCTION"),
        FunctionKind::Function | FunctionKind::Window => ("FUNCTION", "FUNCTION"),
    };
    let mut sql = match (&f.aggregate, &f.definition) {
        (Some(agg), _) => aggregate_sql(&name, agg),
        (None, Some(definition)) => format!("{definition};\n"),
        // pg_get_functiondef always answers for a non-aggregate; nothing to create otherwise.
        (None, None) => String::new(),
    };
    sql.push_str(&owner(kind, &signature, &f.owner));
    sql.push_str(&comment(kind, &signature, f.comment.as_deref()));
    sql.push_str(&privileges(acl_kind, &privilege_target(f), &f.acl));
    sql
}

/// How `ALTER`, `COMMENT`, `SECURITY LABEL` and `DROP` name one overload: its identity
/// arguments (an ordered-set aggregate's with `ORDER BY`); an aggregate without arguments is
/// `agg(*)`.
pub(crate) fn function_signature(f: &Function) -> String {
    let name = qualified(&f.name);
    if f.kind == FunctionKind::Aggregate && f.identity_arguments.is_empty() {
        format!("{name}(*)")
    } else {
        format!("{name}({})", f.identity_arguments)
    }
}

/// How `GRANT` and `REVOKE` name one overload. They take no `ORDER BY` and no `*`: an aggregate
/// is named by its argument types alone, as pg_dump names it (`agg(double precision,
/// anyelement)`, `agg()`).
pub(crate) fn privilege_target(f: &Function) -> String {
    let name = qualified(&f.name);
    if f.kind == FunctionKind::Aggregate {
        format!("{name}({})", f.identity_types.join(", "))
    } else {
        format!("{name}({})", f.identity_arguments)
    }
}

/// `finalfunc_modify` as CREATE AGGREGATE spells it.
fn modify(code: &str) -> &'static str {
    match code {
        "s" => "SHAREABLE",
        "w" => "READ_WRITE",
        _ => "READ_ONLY",
    }
}

/// CREATE AGGREGATE with every option that differs from its default, in pg_dump's order.
fn aggregate_sql(name: &str, a: &Aggregate) -> String {
    let mut options = vec![
        format!("SFUNC = {}", a.transfn),
        format!("STYPE = {}", a.transtype),
    ];
    if a.transspace != 0 {
        options.push(format!("SSPACE = {}", a.transspace));
    }
    if let Some(init) = &a.initval {
        options.push(format!("INITCOND = {}", literal(init)));
    }
    // Ordered-set and hypothetical-set aggregates' final functions default to READ_WRITE.
    let default_modify = if a.kind == "n" { "r" } else { "w" };
    if let Some(f) = &a.finalfn {
        options.push(format!("FINALFUNC = {f}"));
    }
    if a.finalextra {
        options.push("FINALFUNC_EXTRA".to_string());
    }
    if a.finalmodify != default_modify {
        options.push(format!("FINALFUNC_MODIFY = {}", modify(&a.finalmodify)));
    }
    for (key, value) in [
        ("COMBINEFUNC", &a.combinefn),
        ("SERIALFUNC", &a.serialfn),
        ("DESERIALFUNC", &a.deserialfn),
        ("MSFUNC", &a.mtransfn),
        ("MINVFUNC", &a.minvtransfn),
        ("MSTYPE", &a.mtranstype),
    ] {
        if let Some(v) = value {
            options.push(format!("{key} = {v}"));
        }
    }
    if a.mtransspace != 0 {
        options.push(format!("MSSPACE = {}", a.mtransspace));
    }
    if let Some(f) = &a.mfinalfn {
        options.push(format!("MFINALFUNC = {f}"));
    }
    if a.mfinalextra {
        options.push("MFINALFUNC_EXTRA".to_string());
    }
    if a.mfinalmodify != default_modify {
        options.push(format!("MFINALFUNC_MODIFY = {}", modify(&a.mfinalmodify)));
    }
    if let Some(init) = &a.minitval {
        options.push(format!("MINITCOND = {}", literal(init)));
    }
    if let Some(op) = &a.sortop {
        options.push(format!("SORTOP = {op}"));
    }
    if a.kind == "h" {
        options.push("HYPOTHETICAL".to_string());
    }
    match a.parallel.as_str() {
        "s" => options.push("PARALLEL = safe".to_string()),
        "r" => options.push("PARALLEL = restricted".to_string()),
        _ => {}
    }
    let args = if a.arguments.is_empty() {
        "*"
    } else {
        a.arguments.as_str()
    };
    format!(
        "CREATE AGGREGATE {name}({args}) (\n    {}\n);\n",
        options.join(",\n    ")
    )
}

/// The statement giving a trigger the enabled state `code` (`tgenabled`/`evtenabled`).
fn enabled_clause(code: &str) -> Option<&'static str> {
    match code {
        "D" => Some("DISABLE"),
        "R" => Some("ENABLE REPLICA"),
        "A" => Some("ENABLE ALWAYS"),
        _ => None,
    }
}

pub(crate) fn triggers(catalog: &Catalog) -> Vec<Block> {
    catalog
        .triggers
        .iter()
        .map(|t| {
            Block::new(
                FilePlace::in_schema(Dir::Triggers, &t.table),
                CatalogRef::Trigger(t.oid),
                trigger_sql(t),
            )
        })
        .collect()
}

fn trigger_sql(t: &Trigger) -> String {
    let table = qualified(&t.table);
    let name = ident(&t.name);
    let mut sql = format!("{};\n", t.definition);
    // ONLY: whether ALTER TABLE recurses to partitions' clones differs between majors; each
    // clone whose state is not the default gets its own statement.
    if let Some(clause) = enabled_clause(&t.enabled) {
        sql.push_str(&format!(
            "ALTER TABLE ONLY {table} {clause} TRIGGER {name};\n"
        ));
    }
    for clone in &t.clone_states {
        if let Some(clause) = enabled_clause(&clone.enabled) {
            sql.push_str(&format!(
                "ALTER TABLE ONLY {}.{} {clause} TRIGGER {name};\n",
                ident(&clone.schema),
                ident(&clone.table)
            ));
        }
    }
    sql.push_str(&comment(
        "TRIGGER",
        &format!("{name} ON {table}"),
        t.comment.as_deref(),
    ));
    sql
}

pub(crate) fn event_triggers(catalog: &Catalog) -> Vec<Block> {
    catalog
        .event_triggers
        .iter()
        .map(|e| Block {
            populate: None,
            file: FilePlace::global(Dir::EventTriggers, &e.name),
            // Event triggers fire on the DDL that follows them: created after everything else.
            phase: Phase::Link,
            provides: vec![CatalogRef::EventTrigger(e.oid)],
            requires: vec![CatalogRef::Function(e.function_oid)],
            sql: event_trigger_sql(e),
        })
        .collect()
}

fn event_trigger_sql(e: &EventTrigger) -> String {
    let name = ident(&e.name);
    let mut sql = format!("CREATE EVENT TRIGGER {name} ON {}", ident(&e.event));
    if let Some(tags) = &e.tags {
        let tags: Vec<String> = tags.iter().map(|t| literal(t)).collect();
        sql.push_str(&format!("\n    WHEN TAG IN ({})", tags.join(", ")));
    }
    sql.push_str(&format!("\n    EXECUTE FUNCTION {}();\n", e.function));
    if let Some(clause) = enabled_clause(&e.enabled) {
        sql.push_str(&format!("ALTER EVENT TRIGGER {name} {clause};\n"));
    }
    sql.push_str(&owner("EVENT TRIGGER", &name, &e.owner));
    sql.push_str(&comment("EVENT TRIGGER", &name, e.comment.as_deref()));
    sql
}
