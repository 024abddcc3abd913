//! Migration files (under `migrations_dir`): besides their syntax errors (from the parse, as
//! every file), each statement gets the hazards `migrate generate` writes above the statements
//! it plans — data loss, locks on busy tables, what keeps a migration out of one transaction —
//! judged by the library's own rules ([`crate::migrate::loss`], [`crate::migrate::locks`],
//! [`crate::migrate::transaction_blocker`]) from the statement's text and, when the server has
//! inspected the database, the live tables. Migrations are never declared source.

use std::path::Path;

use pg_query::NodeEnum;
use serde_json::json;
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity};

use super::database::Database;
use super::diagnostics;
use super::text::LineIndex;
use super::workspace::Workspace;
use crate::migrate::{self, locks, loss, Statement};
use crate::model::{Acl, Catalog, QualifiedName, Table};
use crate::source::renames::range_name;

pub const HAZARD: &str = "hazard";

/// The hazard diagnostics of `path` when it is a migration that parses.
pub fn diagnostics(ws: &Workspace, db: Option<&Database>, path: &Path) -> Vec<Diagnostic> {
    if !ws.settings().is_migration(path) {
        return Vec::new();
    }
    let Some(file) = ws.files.get(path) else {
        return Vec::new();
    };
    // A file that does not parse has its syntax error, and nothing else, to say.
    if file.model.syntax_error.is_some() {
        return Vec::new();
    }
    let text = file.text.clone();
    drop(file);
    let live = db.and_then(Database::live);
    hazards(&text, live.as_ref().map(|l| &*l.tables))
}

/// The migration files the workspace holds.
pub fn paths(ws: &Workspace) -> Vec<std::path::PathBuf> {
    let settings = ws.settings();
    ws.files
        .iter()
        .filter(|f| settings.is_migration(f.key()))
        .map(|f| f.key().clone())
        .collect()
}

/// One statement of a migration: its text from the first token to before the semicolon.
struct Piece<'a> {
    start: usize,
    sql: &'a str,
}

/// Every statement's hazards, on the statement. `live` holds the live tables (names, kinds,
/// column types); without it every table the migration changes is taken to be live, with
/// unknown columns.
pub fn hazards(text: &str, live: Option<&Catalog>) -> Vec<Diagnostic> {
    let pieces = statements(text);
    if pieces.is_empty() {
        return Vec::new();
    }
    let sqls: Vec<&str> = pieces.iter().map(|p| p.sql).collect();
    let assumed;
    let tables = match live {
        Some(live) => live,
        None => {
            assumed = assumed_live(&sqls);
            &assumed
        }
    };
    let lost = loss::data_loss_hazards(sqls.iter().copied(), live);
    let locked = locks::lock_hazards(sqls.iter().copied(), tables);
    let blocked = transaction_blockers(&sqls);
    let index = LineIndex::new(text);
    let mut out = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        let range = index.range(piece.start, piece.start + piece.sql.len());
        let found = lost
            .get(i)
            .into_iter()
            .flatten()
            .map(|h| ("data-loss", h.clone()))
            .chain(
                locked
                    .get(i)
                    .into_iter()
                    .flatten()
                    .map(|h| ("lock", h.describe(None))),
            )
            .chain(
                blocked
                    .iter()
                    .filter(|(at, _)| *at == i)
                    .map(|(_, why)| ("transaction", why.clone())),
            );
        for (kind, message) in found {
            out.push(diagnostics::diagnostic(
                range,
                DiagnosticSeverity::WARNING,
                HAZARD,
                message,
                json!({"hazard": kind}),
            ));
        }
    }
    out
}

/// The statements of `text`, where they start (their first token, after any comment).
fn statements(text: &str) -> Vec<Piece<'_>> {
    let masked = crate::load::parser_text(text);
    let Ok(pieces) = pg_query::split_with_parser(&masked) else {
        return Vec::new();
    };
    let base = masked.as_ptr() as usize;
    let mut out = Vec::new();
    for piece in pieces {
        let offset = (piece.as_ptr() as usize).saturating_sub(base);
        let first = first_token(piece).unwrap_or(piece.len() - piece.trim_start().len());
        let end = offset + piece.trim_end().len();
        let start = offset + first;
        if start >= end {
            continue;
        }
        if let Some(sql) = text.get(start..end) {
            out.push(Piece { start, sql });
        }
    }
    out
}

/// The offset of the first token of `sql` that is not a comment.
fn first_token(sql: &str) -> Option<usize> {
    use pg_query::protobuf::Token;
    let scanned = pg_query::scan(sql).ok()?;
    scanned
        .tokens
        .iter()
        .find(|t| t.token != Token::SqlComment as i32 && t.token != Token::CComment as i32)
        .and_then(|t| usize::try_from(t.start).ok())
}

/// Inside each `BEGIN … COMMIT` of the file, the statement at which the library's
/// [`migrate::transaction_blocker`] first finds a reason the block cannot run as one
/// transaction, with that reason. Outside a transaction block nothing is blocked.
fn transaction_blockers(sqls: &[&str]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut block: Option<Vec<(usize, Statement)>> = None;
    for (i, sql) in sqls.iter().enumerate() {
        match transaction_kind(sql) {
            Some(true) => block = Some(Vec::new()),
            Some(false) => block = None,
            None => {
                let Some(open) = block.as_mut() else { continue };
                open.push((i, Statement::plain(format!("{sql}\n"))));
                let statements: Vec<Statement> = open.iter().map(|(_, s)| s.clone()).collect();
                if let Some(why) = migrate::transaction_blocker(&statements) {
                    out.push((i, why));
                    // One reason per block: the rest of it is not judged again.
                    block = None;
                }
            }
        }
    }
    out
}

/// `Some(true)` for a statement opening a transaction block, `Some(false)` for one ending it.
fn transaction_kind(sql: &str) -> Option<bool> {
    use pg_query::protobuf::TransactionStmtKind as Kind;
    let NodeEnum::TransactionStmt(t) = crate::load::first_statement(sql)? else {
        return None;
    };
    match Kind::try_from(t.kind).ok()? {
        Kind::TransStmtBegin | Kind::TransStmtStart => Some(true),
        Kind::TransStmtCommit | Kind::TransStmtRollback | Kind::TransStmtPrepare => Some(false),
        _ => None,
    }
}

/// Without an inspection: every table the statements alter, index or add partitions to is
/// taken to be live (a migration changes what exists), with no known columns or size.
fn assumed_live(sqls: &[&str]) -> Catalog {
    let mut names: Vec<QualifiedName> = Vec::new();
    for sql in sqls {
        let Ok(parsed) = pg_query::parse(sql, 0) else {
            continue;
        };
        for raw in &parsed.protobuf.stmts {
            let rv = match raw.stmt.as_ref().and_then(|s| s.node.as_ref()) {
                Some(NodeEnum::AlterTableStmt(a)) => a.relation.clone(),
                Some(NodeEnum::IndexStmt(i)) => i.relation.clone(),
                _ => None,
            };
            if let Some(rv) = rv {
                names.push(range_name(&rv));
            }
        }
    }
    names.sort();
    names.dedup();
    Catalog {
        tables: names.into_iter().map(assumed_table).collect(),
        ..Catalog::default()
    }
}

fn assumed_table(name: QualifiedName) -> Table {
    Table {
        oid: 0,
        name,
        owner: String::new(),
        kind: "r".to_string(),
        unlogged: false,
        of_type: None,
        access_method: None,
        options: Vec::new(),
        toast_options: Vec::new(),
        replica_identity: "d".to_string(),
        row_security: false,
        force_row_security: false,
        partition_key: None,
        partition_bound: None,
        parents: Vec::new(),
        columns: Vec::new(),
        constraints: Vec::new(),
        cluster_constraint_index: None,
        replica_constraint_index: None,
        comment: None,
        acl: Acl::default(),
    }
}

/// The live tables as hazards read them (names, kinds, partitions, column names and types),
/// without what they never read: a large database has tens of thousands of columns.
pub fn hazard_tables(catalog: &Catalog) -> Catalog {
    let tables = catalog
        .tables
        .iter()
        .map(|t| {
            let mut table = assumed_table(t.name.clone());
            table.kind = t.kind.clone();
            table.partition_bound = t.partition_bound.clone();
            table.parents = t.parents.clone();
            table.columns = t
                .columns
                .iter()
                .map(|c| crate::model::Column {
                    options: Vec::new(),
                    comment: None,
                    acl: Acl::default(),
                    default: None,
                    identity_sequence: None,
                    ..c.clone()
                })
                .collect();
            table
        })
        .collect();
    Catalog {
        tables,
        ..Catalog::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<(u32, String)> {
        hazards(text, None)
            .into_iter()
            .map(|d| (d.range.start.line, d.message))
            .collect()
    }

    #[test]
    fn statements_start_at_their_first_token() {
        let text = "-- hazard: x\n/* c */ DROP TABLE t;\n\nSELECT 1";
        let found: Vec<(usize, &str)> = statements(text).iter().map(|p| (p.start, p.sql)).collect();
        assert_eq!(found, [(21, "DROP TABLE t"), (36, "SELECT 1")]);
    }

    #[test]
    fn hazards_from_text_alone() {
        let text = "BEGIN;\n\
                    ALTER TABLE t ALTER COLUMN c TYPE bigint;\n\
                    ALTER TABLE t ADD CONSTRAINT c_positive CHECK (c > 0);\n\
                    CREATE INDEX CONCURRENTLY t_c ON t (c);\n\
                    COMMIT;\n\
                    CREATE INDEX CONCURRENTLY t_d ON t (d);\n";
        assert_eq!(
            messages(text),
            [
                (
                    1,
                    "changes the type of public.t.c to bigint: values may not convert".to_string()
                ),
                (
                    2,
                    "locks public.t ACCESS EXCLUSIVE (blocks reads and writes) while it scans the \
                     table to check constraint c_positive; safer: add it NOT VALID, then VALIDATE \
                     CONSTRAINT (no lock on reads or writes)"
                        .to_string()
                ),
                (
                    3,
                    "`CREATE INDEX CONCURRENTLY t_c ON t (c)` cannot run inside a transaction block"
                        .to_string()
                ),
            ]
        );
        // A type change without the live type takes no rewrite for granted: the lock rule
        // needs the old type.
        assert!(messages("CREATE TABLE t (id integer);\nDROP TABLE t;\n")
            .iter()
            .all(|(line, _)| *line == 1));
        assert!(messages("").is_empty());
    }

    #[test]
    fn transaction_blocks_open_and_close() {
        assert_eq!(transaction_kind("BEGIN"), Some(true));
        assert_eq!(transaction_kind("start transaction"), Some(true));
        assert_eq!(transaction_kind("COMMIT"), Some(false));
        assert_eq!(transaction_kind("SELECT 1"), None);
    }
}
