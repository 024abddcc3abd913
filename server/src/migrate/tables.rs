//! A table changed in place: `ALTER TABLE` for columns (add, drop, type with `USING`, default,
//! NOT NULL, identity, generated), constraints (new CHECK and foreign keys `NOT VALID` then
//! validated), comments, owner, privileges, RLS flags, storage options. Differences ALTER
//! cannot make (partitioning, parents, typed tables, access method, persistence) return `None`:
//! the table is recreated.

use crate::emit::sql::{column_privileges, comment, ident, literal, privileges, qualified};
use crate::emit::{
    add_column_sql, add_constraint_sql, identity_kind, options_list, sequence_options, storage_name,
};
use crate::model::{Column, Constraint, QualifiedName, Table};

use super::{undo_acl, Statement};

/// What changing a table in place takes.
#[derive(Debug, Default)]
pub struct TableAlter {
    pub statements: Vec<Statement>,
    /// Run after everything else (dropped columns: views are replaced first).
    pub deferred: Vec<Statement>,
    /// A column's type or generation changes: views, rules and policies on the table must be
    /// dropped first and recreated after.
    pub rebuild_dependents: bool,
}

pub fn alter(live: &Table, declared: &Table, pg18: bool) -> Option<TableAlter> {
    let parents =
        |t: &Table| -> Vec<QualifiedName> { t.parents.iter().map(|p| p.qualified()).collect() };
    if live.kind != declared.kind
        || live.of_type != declared.of_type
        || live.access_method != declared.access_method
        || live.partition_key != declared.partition_key
    {
        return None;
    }
    let name = qualified(&declared.name);
    let alter = format!("ALTER TABLE {name}");
    let mut out = TableAlter::default();
    let push = |out: &mut TableAlter, sql: String| out.statements.push(Statement::plain(sql));

    // A partition detached, attached, or moved to another bound keeps its rows: DETACH first,
    // ATTACH last (after its columns match the parent's). Its columns are compared as the
    // table's own, which they are once detached.
    let (live_local, declared_local);
    let (live, declared, attach) =
        if live.partition_bound != declared.partition_bound || parents(live) != parents(declared) {
            let partition_or_plain = |t: &Table| {
                t.parents.is_empty() || (t.parents.len() == 1 && t.partition_bound.is_some())
            };
            if !partition_or_plain(live) || !partition_or_plain(declared) {
                return None;
            }
            if let (Some(parent), Some(_)) = (parents(live).first(), &live.partition_bound) {
                push(
                    &mut out,
                    format!(
                        "ALTER TABLE {} DETACH PARTITION {name};\n",
                        qualified(parent)
                    ),
                );
            }
            let attach = match (parents(declared).first(), &declared.partition_bound) {
                (Some(parent), Some(bound)) => Some(format!(
                    "ALTER TABLE {} ATTACH PARTITION {name} {bound};\n",
                    qualified(parent)
                )),
                _ => None,
            };
            let own_columns = |t: &Table| {
                let mut t = t.clone();
                for c in &mut t.columns {
                    c.local = true;
                    c.inherited = false;
                }
                t
            };
            live_local = own_columns(live);
            declared_local = own_columns(declared);
            (&live_local, &declared_local, attach)
        } else {
            (live, declared, None)
        };
    if live.unlogged != declared.unlogged {
        let verb = if declared.unlogged {
            "UNLOGGED"
        } else {
            "LOGGED"
        };
        push(&mut out, format!("{alter} SET {verb};\n"));
    }

    let constraints = |t: &Table| -> Vec<Constraint> {
        t.constraints
            .iter()
            .filter(|k| k.local && !k.cloned && k.kind != "f" && k.kind != "n")
            .cloned()
            .collect()
    };
    let (live_k, declared_k) = (constraints(live), constraints(declared));
    let mut added_k: Vec<&Constraint> = Vec::new();
    for k in &live_k {
        match declared_k.iter().find(|d| d.name == k.name) {
            None => push(
                &mut out,
                format!("{alter} DROP CONSTRAINT {};\n", ident(&k.name)),
            ),
            Some(d) if same_constraint(k, d) => {
                if k.comment != d.comment {
                    push(
                        &mut out,
                        comment_or_null(
                            "CONSTRAINT",
                            &format!("{} ON {name}", ident(&d.name)),
                            d.comment.as_deref(),
                        ),
                    );
                }
            }
            Some(d) if only_validation_differs(k, d) => push(
                &mut out,
                format!("{alter} VALIDATE CONSTRAINT {};\n", ident(&d.name)),
            ),
            Some(d) => {
                push(
                    &mut out,
                    format!("{alter} DROP CONSTRAINT {};\n", ident(&k.name)),
                );
                added_k.push(d);
            }
        }
    }
    added_k.extend(
        declared_k
            .iter()
            .filter(|d| !live_k.iter().any(|k| k.name == d.name)),
    );

    let local =
        |t: &Table| -> Vec<Column> { t.columns.iter().filter(|c| c.local).cloned().collect() };
    let (live_c, declared_c) = (local(live), local(declared));
    for c in &live_c {
        if !declared_c.iter().any(|d| d.name == c.name) && !c.inherited {
            out.deferred.push(Statement::hazard(
                format!("{alter} DROP COLUMN {};\n", ident(&c.name)),
                super::loss::drops_column(&name, &ident(&c.name)),
            ));
        }
    }
    for d in &declared_c {
        match live_c.iter().find(|c| c.name == d.name) {
            None => {
                let mut sql = add_column_sql(declared, d, pg18);
                sql.push_str(&column_privileges(&name, &d.name, &d.acl));
                push(&mut out, sql);
            }
            Some(c) => alter_column(&mut out, &alter, &name, declared, c, d, pg18),
        }
    }
    for d in added_k {
        push(&mut out, add_constraint(declared, d));
    }

    if live.comment != declared.comment {
        push(
            &mut out,
            comment_or_null("TABLE", &name, declared.comment.as_deref()),
        );
    }
    if live.acl != declared.acl || live.owner != declared.owner {
        let undo = undo_acl("TABLE", &name, &live.acl);
        let target = format!("table {name}");
        out.statements.push(
            match super::undeclared_grants_hazard(&target, &live.acl, &declared.acl) {
                Some(hazard) => Statement::hazard(undo, hazard),
                None => Statement::plain(undo),
            },
        );
    }
    if live.owner != declared.owner {
        push(
            &mut out,
            format!("ALTER TABLE {name} OWNER TO {};\n", ident(&declared.owner)),
        );
    }
    if live.acl != declared.acl || live.owner != declared.owner {
        push(&mut out, privileges("TABLE", &name, &declared.acl));
    }
    if live.row_security != declared.row_security {
        let verb = if declared.row_security {
            "ENABLE"
        } else {
            "DISABLE"
        };
        push(&mut out, format!("{alter} {verb} ROW LEVEL SECURITY;\n"));
    }
    if live.force_row_security != declared.force_row_security {
        let verb = if declared.force_row_security {
            "FORCE"
        } else {
            "NO FORCE"
        };
        push(&mut out, format!("{alter} {verb} ROW LEVEL SECURITY;\n"));
    }
    for (live_o, declared_o, prefix) in [
        (&live.options, &declared.options, ""),
        (&live.toast_options, &declared.toast_options, "toast."),
    ] {
        if live_o != declared_o {
            push(&mut out, reset_and_set(&alter, live_o, declared_o, prefix));
        }
    }
    if live.replica_identity != declared.replica_identity
        || live.replica_constraint_index != declared.replica_constraint_index
    {
        let identity = match (
            declared.replica_identity.as_str(),
            &declared.replica_constraint_index,
        ) {
            ("f", _) => Some("FULL".to_string()),
            ("n", _) => Some("NOTHING".to_string()),
            ("i", Some(index)) => Some(format!("USING INDEX {}", ident(index))),
            ("i", None) => None, // set by the index's own block
            _ => Some("DEFAULT".to_string()),
        };
        if let Some(identity) = identity {
            push(&mut out, format!("{alter} REPLICA IDENTITY {identity};\n"));
        }
    }
    if live.cluster_constraint_index != declared.cluster_constraint_index {
        match &declared.cluster_constraint_index {
            Some(index) => push(&mut out, format!("{alter} CLUSTER ON {};\n", ident(index))),
            None if live.cluster_constraint_index.is_some() => {
                push(&mut out, format!("{alter} SET WITHOUT CLUSTER;\n"))
            }
            None => {}
        }
    }
    out.statements.extend(attach.map(Statement::plain));
    Some(out)
}

fn same_constraint(a: &Constraint, b: &Constraint) -> bool {
    a.kind == b.kind
        && a.definition == b.definition
        && a.no_inherit == b.no_inherit
        && a.validated == b.validated
        && a.index_options == b.index_options
        && a.index_comment == b.index_comment
}

fn only_validation_differs(a: &Constraint, b: &Constraint) -> bool {
    !a.validated
        && b.validated
        && a.kind == b.kind
        && a.definition.trim_end_matches(" NOT VALID") == b.definition
        && a.no_inherit == b.no_inherit
}

/// A new constraint. CHECK constraints on an existing table are added `NOT VALID` and then
/// validated: the scan that validates takes a weaker lock than `ADD CONSTRAINT` does.
fn add_constraint(t: &Table, k: &Constraint) -> String {
    if k.kind == "c" && k.validated {
        let name = qualified(&t.name);
        let mut sql = format!(
            "ALTER TABLE {name} ADD CONSTRAINT {} {} NOT VALID;\n\
             ALTER TABLE {name} VALIDATE CONSTRAINT {};\n",
            ident(&k.name),
            k.definition,
            ident(&k.name)
        );
        sql.push_str(&comment(
            "CONSTRAINT",
            &format!("{} ON {name}", ident(&k.name)),
            k.comment.as_deref(),
        ));
        sql
    } else {
        add_constraint_sql(t, k)
    }
}

fn alter_column(
    out: &mut TableAlter,
    alter: &str,
    table: &str,
    declared: &Table,
    c: &Column,
    d: &Column,
    pg18: bool,
) {
    let col = ident(&d.name);
    let column = format!("{alter} ALTER COLUMN {col}");
    let mut add = |s: String| out.statements.push(Statement::plain(s));
    if c.generated != d.generated || (!d.generated.is_empty() && c.default != d.default) {
        // Generation expressions cannot be changed in place before PostgreSQL 17.
        out.rebuild_dependents = true;
        let mut sql = format!("{alter} DROP COLUMN {col};\n");
        sql.push_str(&add_column_sql(declared, d, pg18));
        sql.push_str(&column_privileges(table, &d.name, &d.acl));
        out.statements.push(Statement::hazard(
            sql,
            format!("drops and re-adds column {table}.{col}"),
        ));
        return;
    }
    let type_changes = c.data_type != d.data_type || c.collation != d.collation;
    if type_changes {
        if c.default.is_some() {
            add(format!("{column} DROP DEFAULT;\n"));
        }
        let collate = d
            .collation
            .as_ref()
            .map(|k| format!(" COLLATE {k}"))
            .unwrap_or_default();
        let sql = format!(
            "{column} TYPE {}{collate} USING {col}::{};\n",
            d.data_type, d.data_type
        );
        let stmt = if widens(&c.data_type, &d.data_type) {
            Statement::plain(sql)
        } else {
            Statement::hazard(
                sql,
                super::loss::changes_type(table, &col, Some(&c.data_type), &d.data_type),
            )
        };
        out.statements.push(stmt);
        out.rebuild_dependents = true;
    }
    let mut add = |s: String| out.statements.push(Statement::plain(s));
    if d.generated.is_empty() && (c.default != d.default || (type_changes && c.default.is_some())) {
        match &d.default {
            Some(expr) => add(format!("{column} SET DEFAULT {expr};\n")),
            None if !type_changes || c.default.is_none() => {
                add(format!("{column} DROP DEFAULT;\n"))
            }
            None => {}
        }
    }
    if c.identity != d.identity || c.identity_sequence != d.identity_sequence {
        match (
            c.identity.as_str(),
            d.identity.as_str(),
            &d.identity_sequence,
        ) {
            (_, "", _) => add(format!("{column} DROP IDENTITY;\n")),
            (old, new, Some(seq))
                if old.is_empty()
                    || c.identity_sequence.as_ref().map(|s| (&s.schema, &s.name))
                        != Some((&seq.schema, &seq.name)) =>
            {
                if !old.is_empty() {
                    add(format!("{column} DROP IDENTITY;\n"));
                }
                let sequence = qualified(&QualifiedName::new(&seq.schema, &seq.name));
                add(format!(
                    "{column} ADD GENERATED {} AS IDENTITY (SEQUENCE NAME {sequence} {});\n",
                    identity_kind(new),
                    sequence_options(&seq.options)
                ));
                // The column holds values already: the sequence goes past the largest (when
                // it counts up from below it), so the next row does not collide with one.
                add(format!(
                    "SELECT pg_catalog.setval({seq_literal}, x.m) FROM (SELECT max({col}) AS m \
                     FROM {table}) AS x, pg_catalog.pg_sequence s WHERE s.seqrelid = \
                     {seq_literal}::pg_catalog.regclass AND s.seqincrement > 0 AND x.m >= \
                     s.seqstart;\n",
                    seq_literal = literal(&sequence)
                ));
            }
            (old, new, Some(seq)) => {
                if old != new {
                    add(format!("{column} SET GENERATED {};\n", identity_kind(new)));
                }
                if c.identity_sequence.as_ref().map(|s| &s.options) != Some(&seq.options) {
                    add(format!(
                        "ALTER SEQUENCE {} {};\n",
                        qualified(&QualifiedName::new(&seq.schema, &seq.name)),
                        sequence_options(&seq.options)
                    ));
                }
            }
            _ => {}
        }
    }
    if c.not_null != d.not_null && d.identity.is_empty() {
        let verb = if d.not_null { "SET" } else { "DROP" };
        // A live NULL would make SET NOT NULL fail; the declared default is what a row
        // without a value gets, so NULLs become it first (and the hazard says so).
        if let (true, Some(expr), true) = (d.not_null, &d.default, d.generated.is_empty()) {
            out.statements.push(Statement::hazard(
                format!("UPDATE {table} SET {col} = DEFAULT WHERE {col} IS NULL;\n"),
                format!(
                    "fills the NULLs of {table}.{col} with its default ({expr}) before SET NOT \
                     NULL: those values change"
                ),
            ));
        }
        out.statements
            .push(Statement::plain(format!("{column} {verb} NOT NULL;\n")));
    }
    let mut add = |s: String| out.statements.push(Statement::plain(s));
    // A new type brings its own default storage.
    if c.storage != d.storage && !(type_changes && d.storage == d.type_storage) {
        add(format!(
            "{column} SET STORAGE {};\n",
            storage_name(&d.storage)
        ));
    }
    if c.compression != d.compression {
        let method = match d.compression.as_str() {
            "p" => "pglz",
            "l" => "lz4",
            _ => "default",
        };
        add(format!("{column} SET COMPRESSION {method};\n"));
    }
    if c.stattarget != d.stattarget {
        add(format!(
            "{column} SET STATISTICS {};\n",
            d.stattarget.unwrap_or(-1)
        ));
    }
    if c.options != d.options {
        let mut sql = String::new();
        if !c.options.is_empty() {
            let names: Vec<&str> = c.options.iter().map(|(k, _)| k.as_str()).collect();
            sql.push_str(&format!("{column} RESET ({});\n", names.join(", ")));
        }
        if !d.options.is_empty() {
            sql.push_str(&format!(
                "{column} SET ({});\n",
                options_list(&d.options, "").join(", ")
            ));
        }
        add(sql);
    }
    if c.comment != d.comment {
        add(comment_or_null(
            "COLUMN",
            &format!("{table}.{col}"),
            d.comment.as_deref(),
        ));
    }
    if c.acl != d.acl {
        let mut sql = column_privileges(table, &d.name, &super::inverse(&c.acl));
        sql.push_str(&column_privileges(table, &d.name, &d.acl));
        let target = format!("column {table}.{col}");
        out.statements.push(
            match super::undeclared_grants_hazard(&target, &c.acl, &d.acl) {
                Some(hazard) => Statement::hazard(sql, hazard),
                None => Statement::plain(sql),
            },
        );
    }
}

/// `COMMENT ON … IS '…'`, or `IS NULL` to remove one.
pub fn comment_or_null(kind: &str, target: &str, text: Option<&str>) -> String {
    match text {
        Some(text) => format!("COMMENT ON {kind} {target} IS {};\n", literal(text)),
        None => format!("COMMENT ON {kind} {target} IS NULL;\n"),
    }
}

fn reset_and_set(
    alter: &str,
    live: &[(String, String)],
    declared: &[(String, String)],
    prefix: &str,
) -> String {
    let mut sql = String::new();
    if !live.is_empty() {
        let names: Vec<String> = live.iter().map(|(k, _)| format!("{prefix}{k}")).collect();
        sql.push_str(&format!("{alter} RESET ({});\n", names.join(", ")));
    }
    if !declared.is_empty() {
        sql.push_str(&format!(
            "{alter} SET ({});\n",
            options_list(declared, prefix).join(", ")
        ));
    }
    sql
}

/// Type changes that keep every value: a longer varchar, varchar to text, a wider integer.
pub fn widens(from: &str, to: &str) -> bool {
    // The same type (a collation change) or a change that rewrites nothing loses nothing.
    if !super::locks::rewrites(from, to) {
        return true;
    }
    let varchar_len = |t: &str| -> Option<Option<u32>> {
        if t == "character varying" {
            return Some(None);
        }
        t.strip_prefix("character varying(")
            .and_then(|r| r.strip_suffix(')'))
            .and_then(|n| n.parse().ok())
            .map(Some)
    };
    if let (Some(a), Some(b)) = (varchar_len(from), varchar_len(to)) {
        return match (a, b) {
            (_, None) => true,
            (Some(a), Some(b)) => b >= a,
            (None, Some(_)) => false,
        };
    }
    let rank = |t: &str| match t {
        "smallint" => Some(1),
        "integer" => Some(2),
        "bigint" => Some(3),
        _ => None,
    };
    if let (Some(a), Some(b)) = (rank(from), rank(to)) {
        return b >= a;
    }
    (varchar_len(from).is_some() || from == "character varying") && to == "text"
        || (from.starts_with("numeric(") && to == "numeric")
}

#[cfg(test)]
mod tests {
    use super::widens;

    #[test]
    fn widening_is_recognised() {
        assert!(widens("character varying(20)", "character varying(80)"));
        assert!(widens("character varying(20)", "text"));
        assert!(widens("integer", "bigint"));
        assert!(widens("text", "text"));
        assert!(widens("numeric(8,2)", "numeric(12,2)"));
        assert!(!widens("character varying(80)", "character varying(20)"));
        assert!(!widens("text", "integer"));
        assert!(!widens("bigint", "integer"));
    }
}
