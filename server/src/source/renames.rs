//! Rename annotations: `-- pg-flux: renamed from <old_name>` on the line directly above the
//! statement that declares an object (a table, view, materialized view, index, sequence, type,
//! domain, function or procedure, or an `ALTER TABLE … ADD CONSTRAINT`), or directly above a
//! column's or a constraint's line inside `CREATE TABLE (…)`. The old name is unqualified: the
//! object keeps its schema (and a column or constraint its table).
//!
//! `migrate generate` turns a pending rename (live has the old name, not the new one) into
//! `ALTER … RENAME`, so the object and its data stay; once live has the new name the
//! annotation does nothing.

use pg_query::protobuf::{ConstrType, Node, ObjectType, RangeVar};
use pg_query::NodeEnum;

use crate::emit::sql::{ident, qualified};
use crate::error::{Error, Result};
use crate::load::SourceStatement;
use crate::model::QualifiedName;
use crate::source::names;

pub const MARKER: &str = "-- pg-flux: renamed from ";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenameKind {
    Table,
    View,
    MaterializedView,
    Index,
    Sequence,
    Type,
    Domain,
    Function,
    Procedure,
    Column,
    Constraint,
}

/// One annotated rename, as the source states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    pub kind: RenameKind,
    /// The object's schema-qualified name, or for a column or constraint its table's (the
    /// name the source declares).
    pub object: QualifiedName,
    /// For a column or constraint, its name; otherwise empty.
    pub member: String,
    pub old: String,
    pub file: std::path::PathBuf,
    pub line: usize,
    /// Not annotated: a name PostgreSQL derived from a renamed table's (`accounts_pkey`).
    pub implied: bool,
}

impl Rename {
    /// The declared name this annotation renames to.
    pub fn new_name(&self) -> &str {
        match self.kind {
            RenameKind::Column | RenameKind::Constraint => &self.member,
            _ => &self.object.name,
        }
    }

    /// `ALTER … RENAME` from `from` to `to` (either way round). A column's or constraint's
    /// table is named as the source declares it: table renames run before these going
    /// forward, after them going back.
    pub fn sql(&self, from: &str, to: &str) -> String {
        let in_schema = |name: &str| qualified(&QualifiedName::new(&self.object.schema, name));
        let keyword = match self.kind {
            RenameKind::Table => "TABLE",
            RenameKind::View => "VIEW",
            RenameKind::MaterializedView => "MATERIALIZED VIEW",
            RenameKind::Index => "INDEX",
            RenameKind::Sequence => "SEQUENCE",
            RenameKind::Type => "TYPE",
            RenameKind::Domain => "DOMAIN",
            RenameKind::Function => "FUNCTION",
            RenameKind::Procedure => "PROCEDURE",
            RenameKind::Column | RenameKind::Constraint => {
                let what = if self.kind == RenameKind::Column {
                    "COLUMN"
                } else {
                    "CONSTRAINT"
                };
                return format!(
                    "ALTER TABLE {} RENAME {what} {} TO {};\n",
                    qualified(&self.object),
                    ident(from),
                    ident(to)
                );
            }
        };
        format!(
            "ALTER {keyword} {} RENAME TO {};\n",
            in_schema(from),
            ident(to)
        )
    }

    /// Whether it renames something inside a table (run after the table's own rename).
    pub fn is_member(&self) -> bool {
        matches!(self.kind, RenameKind::Column | RenameKind::Constraint)
    }
}

/// Every rename annotation of the statements, in source order. An annotation that is not
/// directly above something it can rename is an error at its line.
pub fn renames(statements: &[SourceStatement]) -> Result<Vec<Rename>> {
    let mut out = Vec::new();
    for s in statements
        .iter()
        .filter(|s| s.annotation.is_some() || s.sql.contains(MARKER))
    {
        let Ok(parsed) = pg_query::parse(&s.sql, 0) else {
            continue; // the load reports syntax errors
        };
        let Some(node) = parsed
            .protobuf
            .stmts
            .first()
            .and_then(|r| r.stmt.as_ref())
            .and_then(|n| n.node.as_ref())
        else {
            continue;
        };
        if let Some((line, text)) = &s.annotation {
            let error = |message: &str| Error::Source {
                file: s.file.clone(),
                line: *line,
                column: 1,
                message: message.to_string(),
            };
            let old = old_name(text).ok_or_else(|| error(ONE_NAME))?;
            let (kind, object, member) =
                statement_target(node).ok_or_else(|| error(NOTHING_BELOW))?;
            out.push(Rename {
                kind,
                object,
                member,
                old,
                file: s.file.clone(),
                line: *line,
                implied: false,
            });
        }
        let mut offset = 0;
        while let Some(found) = s.sql[offset..].find(MARKER) {
            let at = offset + found;
            offset = at + MARKER.len();
            let line_end = s.sql[at..].find('\n').map_or(s.sql.len(), |e| at + e);
            let line = s.line + s.sql[..at].matches('\n').count();
            let error = |message: &str| Error::Source {
                file: s.file.clone(),
                line,
                column: 1,
                message: message.to_string(),
            };
            let old = old_name(&s.sql[at..line_end]).ok_or_else(|| error(ONE_NAME))?;
            let target = member_target(node, next_code_line(&s.sql, line_end));
            let (kind, object, member) = target.ok_or_else(|| error(NOTHING_BELOW))?;
            out.push(Rename {
                kind,
                object,
                member,
                old,
                file: s.file.clone(),
                line,
                implied: false,
            });
        }
    }
    Ok(out)
}

const ONE_NAME: &str =
    "a rename annotation names one old name: `-- pg-flux: renamed from old_name`";
const NOTHING_BELOW: &str = "a rename annotation must be directly above the statement that \
    creates the object, or above a column's or constraint's line in CREATE TABLE";

/// The last rename annotation in the comments between two statements: its byte offset in
/// `gap` and its text (from the marker to the end of its line).
pub fn annotation_in(gap: &str) -> Option<(usize, &str)> {
    let at = gap.rfind(MARKER)?;
    let end = gap[at..].find('\n').map_or(gap.len(), |e| at + e);
    Some((at, &gap[at..end]))
}

/// The old name of an annotation's text: one identifier, quotes allowed.
fn old_name(annotation: &str) -> Option<String> {
    let old = annotation.strip_prefix(MARKER)?.trim();
    let old = old
        .strip_prefix('"')
        .and_then(|o| o.strip_suffix('"'))
        .unwrap_or(old);
    (!old.is_empty() && !old.contains(char::is_whitespace)).then(|| old.to_string())
}

/// The byte range of the first line after `from` with code on it.
fn next_code_line(text: &str, from: usize) -> (usize, usize) {
    let mut start = from;
    while start < text.len() {
        let start_at = if text.as_bytes()[start] == b'\n' {
            start + 1
        } else {
            start
        };
        let end = text[start_at..]
            .find('\n')
            .map_or(text.len(), |e| start_at + e);
        let line = text[start_at..end].trim();
        if !line.is_empty() && !line.starts_with("--") {
            return (start_at, end);
        }
        start = end;
    }
    (text.len(), text.len())
}

/// A relation's schema-qualified name (`public` when the statement names no schema).
pub(crate) fn range_name(rv: &RangeVar) -> QualifiedName {
    let schema = if rv.schemaname.is_empty() {
        "public"
    } else {
        rv.schemaname.as_str()
    };
    QualifiedName::new(schema, rv.relname.as_str())
}

fn list_name(nodes: &[Node]) -> Option<QualifiedName> {
    match names::strings(nodes).as_slice() {
        [name] => Some(QualifiedName::new("public", name.as_str())),
        [schema, name] => Some(QualifiedName::new(schema.as_str(), name.as_str())),
        _ => None,
    }
}

type Target = (RenameKind, QualifiedName, String);

/// What the statement itself declares.
fn statement_target(node: &NodeEnum) -> Option<Target> {
    let whole = |kind, name: QualifiedName| Some((kind, name, String::new()));
    match node {
        NodeEnum::CreateStmt(c) => whole(RenameKind::Table, range_name(c.relation.as_ref()?)),
        NodeEnum::ViewStmt(v) => whole(RenameKind::View, range_name(v.view.as_ref()?)),
        NodeEnum::CreateTableAsStmt(c) if c.objtype == ObjectType::ObjectMatview as i32 => {
            let rel = c.into.as_ref()?.rel.as_ref()?;
            whole(RenameKind::MaterializedView, range_name(rel))
        }
        NodeEnum::IndexStmt(i) if !i.idxname.is_empty() => {
            let table = range_name(i.relation.as_ref()?);
            whole(
                RenameKind::Index,
                QualifiedName::new(table.schema, i.idxname.as_str()),
            )
        }
        NodeEnum::CreateSeqStmt(s) => whole(RenameKind::Sequence, range_name(s.sequence.as_ref()?)),
        NodeEnum::CreateEnumStmt(e) => whole(RenameKind::Type, list_name(&e.type_name)?),
        NodeEnum::CreateRangeStmt(r) => whole(RenameKind::Type, list_name(&r.type_name)?),
        NodeEnum::CompositeTypeStmt(c) => whole(RenameKind::Type, range_name(c.typevar.as_ref()?)),
        NodeEnum::CreateDomainStmt(d) => whole(RenameKind::Domain, list_name(&d.domainname)?),
        NodeEnum::CreateFunctionStmt(f) => {
            let kind = if f.is_procedure {
                RenameKind::Procedure
            } else {
                RenameKind::Function
            };
            whole(kind, list_name(&f.funcname)?)
        }
        NodeEnum::AlterTableStmt(a) => {
            let table = range_name(a.relation.as_ref()?);
            let [cmd] = a.cmds.as_slice() else {
                return None;
            };
            let Some(NodeEnum::AlterTableCmd(cmd)) = &cmd.node else {
                return None;
            };
            match cmd.def.as_ref().and_then(|d| d.node.as_ref()) {
                Some(NodeEnum::Constraint(c)) if !c.conname.is_empty() => {
                    Some((RenameKind::Constraint, table, c.conname.clone()))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The column or constraint of a `CREATE TABLE` that starts on the line `line` (byte range).
fn member_target(node: &NodeEnum, (start, end): (usize, usize)) -> Option<Target> {
    let NodeEnum::CreateStmt(c) = node else {
        return None;
    };
    let table = range_name(c.relation.as_ref()?);
    let on_line = |location: i32| {
        let at = usize::try_from(location).ok();
        at.is_some_and(|at| at >= start && at < end)
    };
    for element in &c.table_elts {
        match &element.node {
            Some(NodeEnum::ColumnDef(col)) if on_line(col.location) => {
                return Some((RenameKind::Column, table, col.colname.clone()));
            }
            Some(NodeEnum::Constraint(k))
                if on_line(k.location)
                    && !k.conname.is_empty()
                    && k.contype != ConstrType::ConstrNotnull as i32 =>
            {
                return Some((RenameKind::Constraint, table, k.conname.clone()));
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(sql: &str) -> SourceStatement {
        SourceStatement {
            file: "schema.sql".into(),
            line: 10,
            column: 1,
            sql: sql.to_string(),
            annotation: None,
        }
    }

    #[test]
    fn annotations_name_the_object_below_them() {
        let text = "-- pg-flux: renamed from accounts\nCREATE TABLE app.customers (\n    id integer,\n    \
                    -- pg-flux: renamed from fullname\n    name text,\n    -- pg-flux: renamed from positive\n    \
                    CONSTRAINT id_positive CHECK (id > 0)\n);\n\n-- what f does\n-- pg-flux: renamed from old_f\n\
                    CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';";
        let statements =
            crate::load::split(std::path::Path::new("schema.sql"), text).expect("splits");
        let found = renames(&statements).expect("annotations parse");
        let seen: Vec<(RenameKind, String, &str, &str, usize)> = found
            .iter()
            .map(|r| {
                (
                    r.kind,
                    qualified(&r.object),
                    r.member.as_str(),
                    r.old.as_str(),
                    r.line,
                )
            })
            .collect();
        assert_eq!(
            seen,
            vec![
                (RenameKind::Table, "app.customers".into(), "", "accounts", 1),
                (
                    RenameKind::Column,
                    "app.customers".into(),
                    "name",
                    "fullname",
                    4
                ),
                (
                    RenameKind::Constraint,
                    "app.customers".into(),
                    "id_positive",
                    "positive",
                    6
                ),
                (RenameKind::Function, "public.f".into(), "", "old_f", 11),
            ]
        );
        assert_eq!(
            found[1].sql("name", "fullname"),
            "ALTER TABLE app.customers RENAME COLUMN name TO fullname;\n"
        );
        assert_eq!(
            found[0].sql("accounts", "customers"),
            "ALTER TABLE app.accounts RENAME TO customers;\n"
        );
    }

    #[test]
    fn an_annotation_with_nothing_to_rename_is_an_error_at_its_line() {
        let error = renames(&[statement(
            "CREATE TABLE t (\n    id integer\n    -- pg-flux: renamed from x\n);",
        )])
        .expect_err("nothing below the annotation");
        assert!(error.to_string().contains("schema.sql:12"), "{error}");
    }
}
