//! What a statement does to a busy table: the lock it takes, what that lock blocks, and the
//! work done while holding it (a rewrite, a full scan, an index build). Read from the
//! statement's syntax tree (pg_query), so it applies to any migration text, with the live
//! catalog telling which tables hold data and what a column's type was.
//!
//! Written here rather than taken from squawk-linter: its rules judge text alone, so they flag
//! every `ALTER COLUMN … TYPE` (pg-flux knows the live type, and a binary-coercible change
//! such as `varchar(10)` → `text` rewrites nothing) and cannot name the live table's size.

use std::collections::{BTreeSet, HashMap};

use pg_query::protobuf::{AlterTableCmd, AlterTableType, ConstrType, Constraint, Node};
use pg_query::NodeEnum;

use crate::model::{Catalog, QualifiedName, Table};
use crate::source::names;
use crate::source::renames::range_name;

/// One statement's hold on a live table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockHazard {
    pub table: QualifiedName,
    /// The lock mode, as PostgreSQL's documentation names it.
    pub lock: &'static str,
    /// What other sessions cannot do meanwhile.
    pub blocks: &'static str,
    /// The work done under the lock ("rewrites the table and its indexes").
    pub work: String,
    /// The form of the change that holds the lock for less, where there is one.
    pub safer: Option<&'static str>,
}

/// A live table's size, as the planner estimates it and as it takes on disk.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableSize {
    /// `pg_class.reltuples`: negative (14+) or 0 (13) when never vacuumed or analyzed.
    pub rows: f64,
    /// `pg_total_relation_size`: heap, indexes and TOAST.
    pub bytes: i64,
}

const ACCESS_EXCLUSIVE: (&str, &str) = ("ACCESS EXCLUSIVE", "reads and writes");
const SHARE: (&str, &str) = ("SHARE", "writes");
const SHARE_ROW_EXCLUSIVE: (&str, &str) = ("SHARE ROW EXCLUSIVE", "writes");
const SHARE_UPDATE_EXCLUSIVE: (&str, &str) = (
    "SHARE UPDATE EXCLUSIVE",
    "schema changes and VACUUM, not reads or writes",
);

impl LockHazard {
    fn new(
        table: QualifiedName,
        (lock, blocks): (&'static str, &'static str),
        work: impl Into<String>,
        safer: Option<&'static str>,
    ) -> LockHazard {
        LockHazard {
            table,
            lock,
            blocks,
            work: work.into(),
            safer,
        }
    }

    /// The `-- hazard:` text: `locks public.t ACCESS EXCLUSIVE (blocks reads and writes) while
    /// it rewrites the table and its indexes (about 1,200 rows, 96 kB); safer: …`.
    pub fn describe(&self, size: Option<&TableSize>) -> String {
        let size = match size {
            Some(s) if s.rows > 0.0 => format!(
                " (about {} rows, {})",
                thousands(s.rows.round() as u64),
                bytes(s.bytes)
            ),
            Some(s) => format!(" (rows not estimated: never analyzed; {})", bytes(s.bytes)),
            None => String::new(),
        };
        let safer = self
            .safer
            .map(|s| format!("; safer: {s}"))
            .unwrap_or_default();
        format!(
            "locks {} {} (blocks {}) while it {}{size}{safer}",
            crate::emit::sql::qualified(&self.table),
            self.lock,
            self.blocks,
            self.work
        )
    }
}

/// The lock hazards of each statement text, in order (`result[i]` for `statements[i]`), for
/// tables that exist in `live` and were not created earlier in the same migration.
pub fn lock_hazards<'a>(
    statements: impl IntoIterator<Item = &'a str>,
    live: &Catalog,
) -> Vec<Vec<LockHazard>> {
    let tables: HashMap<(&str, &str), &Table> = live
        .tables
        .iter()
        .map(|t| ((t.name.schema.as_str(), t.name.name.as_str()), t))
        .collect();
    let mut created: BTreeSet<QualifiedName> = BTreeSet::new();
    let mut out = Vec::new();
    for sql in statements {
        let mut found = Vec::new();
        if let Ok(parsed) = pg_query::parse(sql, 0) {
            for raw in parsed.protobuf.stmts.iter() {
                let Some(node) = raw.stmt.as_ref().and_then(|s| s.node.as_ref()) else {
                    continue;
                };
                let live_table = |rv: &Option<pg_query::protobuf::RangeVar>| {
                    let rv = rv.as_ref()?;
                    let schema = if rv.schemaname.is_empty() {
                        "public"
                    } else {
                        rv.schemaname.as_str()
                    };
                    let name = QualifiedName::new(schema, rv.relname.as_str());
                    if created.contains(&name) {
                        return None;
                    }
                    tables.get(&(schema, rv.relname.as_str())).copied()
                };
                match node {
                    NodeEnum::CreateStmt(c) => {
                        // A new partition of a live table with a default partition: the default
                        // partition is scanned for rows of the new bound.
                        let parent = c.inh_relations.first().and_then(|n| match &n.node {
                            Some(NodeEnum::RangeVar(rv)) => Some(rv.clone()),
                            _ => None,
                        });
                        let bounded = c.partbound.as_ref().is_some_and(|b| !b.is_default);
                        if let (true, Some(parent)) = (bounded, live_table(&parent)) {
                            found.extend(default_partition_scan(live, parent));
                        }
                        if let Some(rv) = &c.relation {
                            created.insert(range_name(rv));
                        }
                    }
                    NodeEnum::CreateTableAsStmt(c) => {
                        if let Some(rv) = c.into.as_ref().and_then(|i| i.rel.as_ref()) {
                            created.insert(range_name(rv));
                        }
                    }
                    NodeEnum::IndexStmt(i) if !i.concurrent => {
                        if let Some(t) = live_table(&i.relation) {
                            let safer = (t.kind != "p").then_some(
                                "generate with --concurrent-indexes (CREATE INDEX CONCURRENTLY \
                                 builds it without blocking writes, outside a transaction)",
                            );
                            found.push(LockHazard::new(
                                t.name.clone(),
                                SHARE,
                                "builds the index",
                                safer,
                            ));
                        }
                    }
                    NodeEnum::AlterTableStmt(a) => {
                        if let Some(t) = live_table(&a.relation) {
                            for cmd in &a.cmds {
                                let Some(NodeEnum::AlterTableCmd(cmd)) = &cmd.node else {
                                    continue;
                                };
                                found.extend(alter_table_cmd(t, cmd));
                                if let Some(NodeEnum::PartitionCmd(p)) =
                                    cmd.def.as_ref().and_then(|d| d.node.as_ref())
                                {
                                    let attach =
                                        cmd.subtype == AlterTableType::AtAttachPartition as i32;
                                    if let (true, Some(partition)) = (attach, live_table(&p.name)) {
                                        found.push(LockHazard::new(
                                            partition.name.clone(),
                                            ACCESS_EXCLUSIVE,
                                            "scans the table to check its rows fit the partition \
                                             bound",
                                            Some(
                                                "first add a CHECK constraint equal to the bound \
                                                 NOT VALID and VALIDATE it; ATTACH then skips the \
                                                 scan",
                                            ),
                                        ));
                                    }
                                    let bounded = p.bound.as_ref().is_some_and(|b| !b.is_default);
                                    if attach && bounded {
                                        found.extend(default_partition_scan(live, t));
                                    }
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        out.push(found);
    }
    out
}

/// The scan of `parent`'s default partition, if it has one, when a partition is added.
fn default_partition_scan(live: &Catalog, parent: &Table) -> Option<LockHazard> {
    let default = live.tables.iter().find(|t| {
        t.partition_bound.as_deref() == Some("DEFAULT")
            && t.parents.iter().any(|p| p.qualified() == parent.name)
    })?;
    Some(LockHazard::new(
        default.name.clone(),
        ACCESS_EXCLUSIVE,
        "scans the default partition for rows of the new bound (the statement fails if it holds \
         any: move them out first)",
        None,
    ))
}

fn alter_table_cmd(table: &Table, cmd: &AlterTableCmd) -> Option<LockHazard> {
    let name = table.name.clone();
    let def = cmd.def.as_ref().and_then(|d| d.node.as_ref());
    let rewrite = "rewrites the table and its indexes";
    match AlterTableType::try_from(cmd.subtype).ok()? {
        AlterTableType::AtAlterColumnType => {
            let Some(NodeEnum::ColumnDef(def)) = def else {
                return None;
            };
            let new_type = def.type_name.as_ref().map(type_with_typmods)?;
            let old = table.columns.iter().find(|c| c.name == cmd.name)?;
            let plain_using = def
                .raw_default
                .as_ref()
                .is_none_or(|u| casts_column(u, &cmd.name));
            if plain_using && !rewrites(&old.data_type, &new_type) {
                return None;
            }
            Some(LockHazard::new(
                name,
                ACCESS_EXCLUSIVE,
                format!(
                    "{rewrite} to change column {} from {} to {new_type}",
                    crate::emit::sql::ident(&cmd.name),
                    old.data_type
                ),
                None,
            ))
        }
        AlterTableType::AtAddColumn => {
            let Some(NodeEnum::ColumnDef(def)) = def else {
                return None;
            };
            let mut why = None;
            for c in constraints(&def.constraints) {
                match ConstrType::try_from(c.contype) {
                    Ok(ConstrType::ConstrIdentity) => why = Some("an identity column"),
                    Ok(ConstrType::ConstrGenerated) if c.generated_kind != "v" => {
                        why = Some("a stored generated column")
                    }
                    Ok(ConstrType::ConstrDefault)
                        if c.raw_expr.as_ref().is_some_and(|e| volatile(e)) =>
                    {
                        why = Some("a volatile default")
                    }
                    _ => {}
                }
            }
            let col = crate::emit::sql::ident(&def.colname);
            why.map(|why| {
                LockHazard::new(
                    name,
                    ACCESS_EXCLUSIVE,
                    format!("{rewrite} to fill column {col} ({why})"),
                    None,
                )
            })
        }
        AlterTableType::AtSetNotNull => Some(LockHazard::new(
            name,
            ACCESS_EXCLUSIVE,
            format!(
                "scans the table to check column {} has no NULLs",
                crate::emit::sql::ident(&cmd.name)
            ),
            Some(
                "first ADD CONSTRAINT … CHECK (column IS NOT NULL) NOT VALID and VALIDATE it \
                 (no lock on reads or writes); SET NOT NULL then skips the scan",
            ),
        )),
        AlterTableType::AtSetLogged | AlterTableType::AtSetUnLogged => {
            Some(LockHazard::new(name, ACCESS_EXCLUSIVE, rewrite, None))
        }
        AlterTableType::AtSetAccessMethod => {
            Some(LockHazard::new(name, ACCESS_EXCLUSIVE, rewrite, None))
        }
        AlterTableType::AtSetExpression => Some(LockHazard::new(
            name,
            ACCESS_EXCLUSIVE,
            format!("{rewrite} to recompute a generated column"),
            None,
        )),
        AlterTableType::AtAddConstraint => {
            let Some(NodeEnum::Constraint(c)) = def else {
                return None;
            };
            add_constraint(name, c)
        }
        AlterTableType::AtValidateConstraint => Some(LockHazard::new(
            name,
            SHARE_UPDATE_EXCLUSIVE,
            format!(
                "scans the table to validate constraint {}",
                crate::emit::sql::ident(&cmd.name)
            ),
            None,
        )),
        _ => None,
    }
}

fn add_constraint(name: QualifiedName, c: &Constraint) -> Option<LockHazard> {
    let con = crate::emit::sql::ident(&c.conname);
    match ConstrType::try_from(c.contype).ok()? {
        ConstrType::ConstrCheck if !c.skip_validation => Some(LockHazard::new(
            name,
            ACCESS_EXCLUSIVE,
            format!("scans the table to check constraint {con}"),
            Some("add it NOT VALID, then VALIDATE CONSTRAINT (no lock on reads or writes)"),
        )),
        ConstrType::ConstrForeign if !c.skip_validation => Some(LockHazard::new(
            name,
            SHARE_ROW_EXCLUSIVE,
            format!("scans the table (and locks the referenced one) to check foreign key {con}"),
            Some("add it NOT VALID, then VALIDATE CONSTRAINT (no lock on reads or writes)"),
        )),
        ConstrType::ConstrPrimary | ConstrType::ConstrUnique if c.indexname.is_empty() => {
            Some(LockHazard::new(
                name,
                ACCESS_EXCLUSIVE,
                format!("builds the index of constraint {con}"),
                Some(
                    "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … USING INDEX \
                     (a brief lock)",
                ),
            ))
        }
        ConstrType::ConstrExclusion => Some(LockHazard::new(
            name,
            ACCESS_EXCLUSIVE,
            format!("builds the index of constraint {con}"),
            None,
        )),
        _ => None,
    }
}

fn constraints(nodes: &[Node]) -> impl Iterator<Item = &Constraint> {
    nodes.iter().filter_map(|n| match &n.node {
        Some(NodeEnum::Constraint(c)) => Some(c.as_ref()),
        _ => None,
    })
}

/// `USING column` or `USING column::type`: the conversion PostgreSQL would apply anyway.
fn casts_column(using: &Node, column: &str) -> bool {
    match &using.node {
        Some(NodeEnum::ColumnRef(r)) => {
            names::strings(&r.fields).last().map(String::as_str) == Some(column)
        }
        Some(NodeEnum::TypeCast(c)) => c.arg.as_ref().is_some_and(|a| casts_column(a, column)),
        _ => false,
    }
}

/// Built-in functions whose value differs row by row: a column default calling one fills
/// every existing row with its own value, which rewrites the table.
const VOLATILE_BUILTINS: &[&str] = &[
    "random",
    "random_normal",
    "clock_timestamp",
    "timeofday",
    "gen_random_uuid",
    "uuidv4",
    "uuidv7",
    "nextval",
    "setval",
    "txid_current",
    "pg_current_xact_id",
];

/// Whether an expression may be volatile: it calls a volatile built-in, or a function that is
/// not a built-in (a function is VOLATILE unless declared otherwise).
fn volatile(expr: &Node) -> bool {
    let mut found = false;
    walk(expr, &mut |n| {
        if let Some(NodeEnum::FuncCall(f)) = &n.node {
            let name = names::strings(&f.funcname);
            let builtin = name.len() == 1 || name.first().map(String::as_str) == Some("pg_catalog");
            let last = name.last().map(String::as_str).unwrap_or_default();
            if !builtin || VOLATILE_BUILTINS.contains(&last) {
                found = true;
            }
        }
    });
    found
}

/// Visits `node` and the nodes of the expression kinds a default can hold.
fn walk(node: &Node, visit: &mut dyn FnMut(&Node)) {
    visit(node);
    let mut each = |nodes: &[Node]| nodes.iter().for_each(|n| walk(n, visit));
    match &node.node {
        Some(NodeEnum::FuncCall(f)) => each(&f.args),
        Some(NodeEnum::TypeCast(c)) => {
            if let Some(a) = &c.arg {
                walk(a, visit)
            }
        }
        Some(NodeEnum::AExpr(e)) => {
            for side in [&e.lexpr, &e.rexpr].into_iter().flatten() {
                walk(side, visit);
            }
        }
        Some(NodeEnum::BoolExpr(b)) => each(&b.args),
        Some(NodeEnum::CoalesceExpr(c)) => each(&c.args),
        Some(NodeEnum::CaseExpr(c)) => {
            each(&c.args);
            if let Some(d) = &c.defresult {
                walk(d, visit)
            }
        }
        Some(NodeEnum::CaseWhen(w)) => {
            for side in [&w.expr, &w.result].into_iter().flatten() {
                walk(side, visit);
            }
        }
        Some(NodeEnum::List(l)) => each(&l.items),
        Some(NodeEnum::RowExpr(r)) => each(&r.args),
        Some(NodeEnum::AArrayExpr(a)) => each(&a.elements),
        _ => {}
    }
}

/// Whether changing a column from `old` to `new` (both as `format_type` prints them) rewrites
/// the table: false only for the changes PostgreSQL makes in the catalog alone — the same type
/// with a looser length or precision, and binary-coercible pairs.
pub fn rewrites(old: &str, new: &str) -> bool {
    if old == new {
        return false;
    }
    let (old_base, old_mods) = split_typmod(old);
    let (new_base, new_mods) = split_typmod(new);
    if old_base.ends_with("[]") != new_base.ends_with("[]") {
        return true;
    }
    let looser = |o: &[u32], n: &[u32]| match (o, n) {
        (_, []) => true,
        ([], _) => false,
        (o, n) => o.len() == n.len() && n[0] >= o[0] && o[1..] == n[1..],
    };
    if old_base == new_base {
        return match old_base.trim_end_matches("[]") {
            "character varying"
            | "bit varying"
            | "numeric"
            | "timestamp without time zone"
            | "timestamp with time zone"
            | "time without time zone"
            | "interval" => !looser(&old_mods, &new_mods),
            _ => true,
        };
    }
    let binary = [
        ("character varying", "text"),
        ("text", "character varying"),
        ("cidr", "inet"),
        ("xml", "text"),
    ];
    !(binary.contains(&(
        old_base.trim_end_matches("[]"),
        new_base.trim_end_matches("[]"),
    )) && new_mods.is_empty())
}

/// A type name as `format_type` prints it, with its length or precision:
/// `character varying(20)`, `numeric(12,2)[]`, `timestamp(3) without time zone`.
pub(crate) fn type_with_typmods(t: &pg_query::protobuf::TypeName) -> String {
    let name = names::type_name(t, "public");
    let mods: Vec<String> = t
        .typmods
        .iter()
        .filter_map(|m| match &m.node {
            Some(NodeEnum::AConst(c)) => match &c.val {
                Some(pg_query::protobuf::a_const::Val::Ival(i)) => Some(i.ival.to_string()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    if mods.is_empty() {
        return name;
    }
    let mods = format!("({})", mods.join(","));
    let (base, array) = match name.strip_suffix("[]") {
        Some(base) => (base, "[]"),
        None => (name.as_str(), ""),
    };
    match base.split_once(" with") {
        Some((head, zone)) => format!("{head}{mods} with{zone}{array}"),
        None => format!("{base}{mods}{array}"),
    }
}

/// `character varying(10)` → (`character varying`, [10]); `numeric(8,2)[]` → (`numeric[]`,
/// [8, 2]); `timestamp(3) without time zone` → (`timestamp without time zone`, [3]).
fn split_typmod(t: &str) -> (String, Vec<u32>) {
    let Some(open) = t.find('(') else {
        return (t.to_string(), Vec::new());
    };
    let Some(close) = t[open..].find(')').map(|c| open + c) else {
        return (t.to_string(), Vec::new());
    };
    let mods = t[open + 1..close]
        .split(',')
        .filter_map(|m| m.trim().parse().ok())
        .collect();
    (format!("{}{}", &t[..open], &t[close + 1..]), mods)
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// As `pg_size_pretty` prints it.
fn bytes(n: i64) -> String {
    let mut size = n as f64;
    for unit in ["bytes", "kB", "MB", "GB"] {
        if size < 10240.0 {
            return format!("{} {unit}", size.round() as i64);
        }
        size /= 1024.0;
    }
    format!("{} TB", size.round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_looser_or_binary_coercible_changes_skip_the_rewrite() {
        for (old, new) in [
            ("character varying(10)", "character varying(20)"),
            ("character varying(10)", "character varying"),
            ("character varying(10)", "text"),
            ("text", "character varying"),
            ("numeric(8,2)", "numeric(12,2)"),
            ("numeric(8,2)", "numeric"),
            (
                "timestamp(3) without time zone",
                "timestamp without time zone",
            ),
            ("cidr", "inet"),
            ("character varying(5)[]", "character varying(9)[]"),
        ] {
            assert!(!rewrites(old, new), "{old} → {new}");
        }
        for (old, new) in [
            ("integer", "bigint"),
            ("character varying(20)", "character varying(10)"),
            ("text", "character varying(10)"),
            ("numeric(8,2)", "numeric(12,4)"),
            ("character(3)", "character(5)"),
            ("timestamp without time zone", "timestamp with time zone"),
            ("text", "integer"),
            ("json", "jsonb"),
            ("character varying(5)", "character varying(5)[]"),
        ] {
            assert!(rewrites(old, new), "{old} → {new}");
        }
    }

    #[test]
    fn declared_types_keep_their_length_and_precision() {
        let declared = |sql: &str| {
            let parsed = pg_query::parse(&format!("CREATE TABLE t (c {sql})"), 0).expect("parses");
            let Some(NodeEnum::CreateStmt(c)) = parsed.protobuf.stmts[0]
                .stmt
                .as_ref()
                .and_then(|s| s.node.clone())
            else {
                panic!("not a CREATE TABLE")
            };
            let Some(NodeEnum::ColumnDef(col)) = c.table_elts[0].node.clone() else {
                panic!("not a column")
            };
            type_with_typmods(&col.type_name.expect("typed"))
        };
        assert_eq!(declared("varchar(20)"), "character varying(20)");
        assert_eq!(declared("numeric(12, 2)[]"), "numeric(12,2)[]");
        assert_eq!(
            declared("timestamp(3) with time zone"),
            "timestamp(3) with time zone"
        );
        assert_eq!(declared("text"), "text");
        assert!(rewrites("text", &declared("varchar(20)")));
        assert!(rewrites("character varying(50)", &declared("varchar(2)")));
    }

    #[test]
    fn sizes_read_as_pg_size_pretty_prints_them() {
        assert_eq!(bytes(8192), "8192 bytes");
        assert_eq!(bytes(98_304), "96 kB");
        assert_eq!(bytes(5 * 1024 * 1024 * 1024), "5120 MB");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }
}
