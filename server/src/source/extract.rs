//! One file's statements → the objects they declare.
//!
//! To track a new kind: map its `CREATE` statement in [`Extractor::statement`] to an
//! [`Identity`] (and give the same identity in `inventory::inventory`).

use std::path::Path;
use std::sync::Arc;

use pg_query::protobuf::{
    AlterTableType, ColumnDef, ConstrType, Constraint, CreateStmt, FunctionParameterMode,
    GrantTargetType, Node, ObjectType, RangeVar, RoleSpecType, TypeName,
};
use pg_query::NodeEnum;

use super::names::{make_object_name, strings, type_name};
use super::{Declaration, FileModel, Problem, Span};
use crate::error::Error;
use crate::identity::{GrantClass, GrantOf, Identity, ObjectKind};
use crate::load;

pub(super) fn file_model(path: &Path, original: &str, default_schema: &str) -> FileModel {
    let file: Arc<Path> = Arc::from(path);
    if let Some(Error::Source {
        line,
        column,
        message,
        ..
    }) = load::nul_byte(path, original)
    {
        let at = load::offset_of(original, line, column);
        return FileModel {
            syntax_error: Some(Problem {
                span: Span {
                    file,
                    start: at,
                    end: at + 1,
                    line,
                    column,
                },
                message,
            }),
            ..FileModel::default()
        };
    }
    let masked = load::parser_text(original);
    let text: &str = &masked;
    let parsed = match pg_query::parse(text, 0) {
        Ok(parsed) => parsed,
        Err(e) => {
            // pg_query gives no position: find the statement that does not parse.
            let (start, end, line, column, message) = match locate_syntax_error(text) {
                Some((start, end, message)) => {
                    let (line, column) = load::line_column(text, start);
                    (start, end, line, column, message)
                }
                None => match load::split(path, text) {
                    Err(Error::Source {
                        line,
                        column,
                        message,
                        ..
                    }) => {
                        let at = load::offset_of(original, line, column);
                        (at, text.len(), line, column, message)
                    }
                    _ => (0, text.len(), 1, 1, e.to_string()),
                },
            };
            return FileModel {
                syntax_error: Some(Problem {
                    // The token the parser stopped at (or the statement, when it cannot tell).
                    span: Span {
                        file,
                        start,
                        end,
                        line,
                        column,
                    },
                    message,
                }),
                ..FileModel::default()
            };
        }
    };
    let mut model = FileModel::default();
    let mut shells = Vec::new();
    for (index, raw) in parsed.protobuf.stmts.iter().enumerate() {
        let start = usize::try_from(raw.stmt_location)
            .unwrap_or(0)
            .min(text.len());
        let end = match usize::try_from(raw.stmt_len) {
            Ok(0) | Err(_) => text.len(),
            Ok(len) => (start + len).min(text.len()),
        };
        let start = skip_trivia(text, start, end);
        let (line, column) = load::line_column(text, start);
        let span = Span {
            file: file.clone(),
            start,
            end,
            line,
            column,
        };
        let Some(node) = raw.stmt.as_ref().and_then(|n| n.node.as_ref()) else {
            continue;
        };
        let mut extractor = Extractor {
            default_schema,
            span: &span,
            out: &mut model.declarations,
            shells: &mut shells,
        };
        if let Err(what) = extractor.statement(node, index == 0) {
            let words: Vec<&str> = text[start..end].split_whitespace().take(2).collect();
            let head = words.join(" ").to_uppercase();
            model.untracked.push(Problem {
                span: span.clone(),
                message: format!(
                    "`{head} …` {what}: pg-flux does not track it and dump would not reproduce it"
                ),
            });
        }
    }
    // Kept for as long as the file is open in the language server: no spare capacity.
    model.declarations.shrink_to_fit();
    model
}

/// The token the parser stopped at in the first statement that does not parse (byte range),
/// and the parser's message. Statements end at a `;` token; one that fails is extended to the
/// next `;` (a `;` inside a function body is not an end), until the file ends. pg_query gives no
/// position, so the failing token is found by parsing prefixes of the statement (see
/// [`failing_token`]).
pub(crate) fn locate_syntax_error(text: &str) -> Option<(usize, usize, String)> {
    let tokens = pg_query::scan(text).ok()?.tokens;
    let ends = tokens
        .iter()
        .filter(|t| t.token == pg_query::protobuf::Token::Ascii59 as i32)
        .filter_map(|t| usize::try_from(t.end).ok())
        .chain(std::iter::once(text.len()));
    let mut start = 0;
    let mut first_error: Option<String> = None;
    for end in ends {
        let end = end.min(text.len());
        if end <= start || !text.is_char_boundary(end) {
            continue;
        }
        match pg_query::parse(&text[start..end], 0) {
            Ok(_) => {
                start = end;
                first_error = None;
            }
            Err(e) => {
                first_error.get_or_insert_with(|| {
                    let message = e.to_string();
                    match message.strip_prefix("Invalid statement: ") {
                        Some(rest) => rest.to_string(),
                        None => message,
                    }
                });
            }
        }
    }
    let message = first_error?;
    let statement = skip_trivia(text, start, text.len());
    let spans: Vec<(usize, usize)> = tokens
        .iter()
        .filter_map(|t| Some((usize::try_from(t.start).ok()?, usize::try_from(t.end).ok()?)))
        .filter(|(s, e)| *s >= statement && *e <= text.len() && s < e)
        .collect();
    let (token_start, token_end) =
        failing_token(text, statement, &spans).unwrap_or((statement, statement));
    Some((token_start, token_end, message))
}

/// The first token (of `tokens`, in order, from `start`) at which the text cannot be completed
/// into valid SQL: the shortest prefix whose parse fails anywhere but "at end of input".
/// Prefixes only get worse once one fails there, so a binary search finds it in log(n) parses.
/// `None` when only the end is missing (an unterminated statement): the caller points at the
/// statement's last token.
fn failing_token(text: &str, start: usize, tokens: &[(usize, usize)]) -> Option<(usize, usize)> {
    let fails_inside = |k: usize| {
        let end = tokens[k].1;
        text.is_char_boundary(end)
            && pg_query::parse(&text[start..end], 0)
                .err()
                .is_some_and(|e| !e.to_string().contains("at end of input"))
    };
    let (mut lo, mut hi) = (0, tokens.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if fails_inside(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    match tokens.get(lo) {
        Some(&span) => Some(span),
        // Only the end is missing: point at the last token (or the statement's start).
        None => tokens.last().map(|&(s, e)| (s, e)),
    }
}

/// The first byte at or after `from` that is not whitespace or a comment.
fn skip_trivia(text: &str, mut from: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while from < end {
        if bytes[from].is_ascii_whitespace() {
            from += 1;
        } else if text[from..].starts_with("--") {
            from = text[from..].find('\n').map(|i| from + i + 1).unwrap_or(end);
        } else if text[from..].starts_with("/*") {
            // Block comments nest in PostgreSQL.
            let mut depth = 0usize;
            let mut i = from;
            while i < end {
                if text[i..].starts_with("/*") {
                    depth += 1;
                    i += 2;
                } else if text[i..].starts_with("*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            from = i;
        } else {
            break;
        }
    }
    while from < text.len() && !text.is_char_boundary(from) {
        from += 1;
    }
    from.min(end)
}

struct Extractor<'a> {
    default_schema: &'a str,
    span: &'a Span,
    out: &'a mut Vec<Declaration>,
    /// Types this file declared as shells so far (`CREATE TYPE s.t;`).
    shells: &'a mut Vec<Identity>,
}

/// `Err` says why a statement declares nothing pg-flux tracks.
type Tracked = Result<(), &'static str>;

fn is(value: i32, expected: impl Into<i32>) -> bool {
    value == expected.into()
}

impl Extractor<'_> {
    fn declare(&mut self, identity: Identity) {
        self.out.push(Declaration {
            identity,
            span: self.span.clone(),
            implied: false,
        });
    }

    fn relation(&self, r: &RangeVar) -> (String, String) {
        let schema = if r.schemaname.is_empty() {
            self.default_schema.to_string()
        } else {
            r.schemaname.clone()
        };
        (schema, r.relname.clone())
    }

    /// `[catalog.][schema.]name` as (schema, name).
    fn qualified(&self, names: &[Node]) -> Option<(String, String)> {
        let parts = strings(names);
        match parts.as_slice() {
            [name] => Some((self.default_schema.to_string(), name.clone())),
            [.., schema, name] => Some((schema.clone(), name.clone())),
            [] => None,
        }
    }

    fn statement(&mut self, node: &NodeEnum, first: bool) -> Tracked {
        match node {
            NodeEnum::CreateStmt(c) => self.create_table(c, ObjectKind::Table),
            NodeEnum::CreateForeignTableStmt(f) => match &f.base_stmt {
                Some(c) => self.create_table(c, ObjectKind::ForeignTable),
                None => Err("declares no table"),
            },
            NodeEnum::AlterTableStmt(a) => {
                let Some(rel) = &a.relation else {
                    return Ok(());
                };
                let (schema, table) = self.relation(rel);
                for cmd in &a.cmds {
                    let Some(NodeEnum::AlterTableCmd(cmd)) = &cmd.node else {
                        continue;
                    };
                    match &cmd.def.as_ref().and_then(|d| d.node.as_ref()) {
                        Some(NodeEnum::ColumnDef(c))
                            if is(cmd.subtype, AlterTableType::AtAddColumn) =>
                        {
                            self.column(&schema, &table, c);
                        }
                        Some(NodeEnum::Constraint(k))
                            if is(cmd.subtype, AlterTableType::AtAddConstraint) =>
                        {
                            self.constraint(&schema, &table, k, None);
                        }
                        _ => {}
                    }
                }
                Ok(())
            }
            NodeEnum::IndexStmt(i) => {
                let Some(rel) = &i.relation else {
                    return Err("names no table");
                };
                let (schema, table) = self.relation(rel);
                let name = if i.idxname.is_empty() {
                    let columns: Vec<String> = i.index_params.iter().map(index_column).collect();
                    let label = if i.primary {
                        "pkey"
                    } else if i.unique {
                        "key"
                    } else {
                        "idx"
                    };
                    make_object_name(&table, Some(&columns.join("_")), label)
                } else {
                    i.idxname.clone()
                };
                self.declare(Identity::of_table(
                    ObjectKind::Index,
                    &schema,
                    &table,
                    &name,
                ));
                Ok(())
            }
            NodeEnum::CreateSeqStmt(s) => {
                let Some(rel) = &s.sequence else {
                    return Err("names no sequence");
                };
                let (schema, name) = self.relation(rel);
                self.declare(Identity::new(ObjectKind::Sequence, &schema, &name));
                Ok(())
            }
            NodeEnum::ViewStmt(v) => {
                let Some(rel) = &v.view else {
                    return Err("names no view");
                };
                let (schema, name) = self.relation(rel);
                let identity = Identity::new(ObjectKind::View, &schema, &name);
                // `CREATE OR REPLACE` of a view this file already declares is the same
                // declaration: a dump breaks a dependency cycle with a shell and its replacement.
                if v.replace && self.out.iter().any(|d| d.identity == identity) {
                    return Ok(());
                }
                self.declare(identity);
                Ok(())
            }
            NodeEnum::CreateTableAsStmt(c) => {
                let Some(rel) = c.into.as_ref().and_then(|i| i.rel.as_ref()) else {
                    return Err("names no relation");
                };
                let (schema, name) = self.relation(rel);
                let kind = if is(c.objtype, ObjectType::ObjectMatview) {
                    ObjectKind::MaterializedView
                } else {
                    ObjectKind::Table
                };
                self.declare(Identity::new(kind, &schema, &name));
                Ok(())
            }
            NodeEnum::CreateEnumStmt(e) => self.named(ObjectKind::Type, &e.type_name),
            NodeEnum::CreateRangeStmt(r) => self.named(ObjectKind::Type, &r.type_name),
            NodeEnum::CompositeTypeStmt(c) => {
                let Some(rel) = &c.typevar else {
                    return Err("names no type");
                };
                let (schema, name) = self.relation(rel);
                self.declare(Identity::new(ObjectKind::Type, &schema, &name));
                Ok(())
            }
            NodeEnum::CreateDomainStmt(d) => self.named(ObjectKind::Domain, &d.domainname),
            NodeEnum::DefineStmt(d) => {
                if is(d.kind, ObjectType::ObjectType) {
                    let Some((schema, name)) = self.qualified(&d.defnames) else {
                        return Err("names no type");
                    };
                    let identity = Identity::new(ObjectKind::Type, &schema, &name);
                    if d.definition.is_empty() {
                        self.shells.push(identity.clone());
                    } else if let Some(at) = self.shells.iter().position(|s| *s == identity) {
                        // A base type's definition after its shell in this file is the same
                        // declaration: dump writes the shell, the I/O functions, then this.
                        self.shells.remove(at);
                        return Ok(());
                    }
                    self.declare(identity);
                    Ok(())
                } else if is(d.kind, ObjectType::ObjectCollation) {
                    self.named(ObjectKind::Collation, &d.defnames)
                } else if is(d.kind, ObjectType::ObjectAggregate) {
                    let Some((schema, name)) = self.qualified(&d.defnames) else {
                        return Err("names no aggregate");
                    };
                    // args: [list of parameters, number of direct arguments].
                    let params: Vec<Node> = match d.args.first().and_then(|n| n.node.as_ref()) {
                        Some(NodeEnum::List(l)) => l.items.clone(),
                        _ => Vec::new(),
                    };
                    let args = self.parameters(&params, false);
                    self.declare(Identity::routine(
                        ObjectKind::Aggregate,
                        &schema,
                        &name,
                        args,
                    ));
                    Ok(())
                } else if is(d.kind, ObjectType::ObjectTsconfiguration) {
                    self.named(ObjectKind::TextSearchConfiguration, &d.defnames)
                } else if is(d.kind, ObjectType::ObjectTsdictionary) {
                    self.named(ObjectKind::TextSearchDictionary, &d.defnames)
                } else if is(d.kind, ObjectType::ObjectTsparser) {
                    self.named(ObjectKind::TextSearchParser, &d.defnames)
                } else if is(d.kind, ObjectType::ObjectTstemplate) {
                    self.named(ObjectKind::TextSearchTemplate, &d.defnames)
                } else if is(d.kind, ObjectType::ObjectOperator) {
                    self.operator(d)
                } else {
                    Err("declares an object of a kind pg-flux does not model")
                }
            }
            NodeEnum::CreateOpClassStmt(c) => {
                self.with_method(ObjectKind::OperatorClass, &c.opclassname, &c.amname)
            }
            NodeEnum::CreateOpFamilyStmt(f) => {
                self.with_method(ObjectKind::OperatorFamily, &f.opfamilyname, &f.amname)
            }
            NodeEnum::CreateCastStmt(c) => {
                let (Some(source), Some(target)) = (&c.sourcetype, &c.targettype) else {
                    return Err("names no types");
                };
                let name = format!(
                    "{} AS {}",
                    type_name(source, self.default_schema),
                    type_name(target, self.default_schema)
                );
                self.declare(Identity::global(ObjectKind::Cast, &name));
                Ok(())
            }
            NodeEnum::CreateConversionStmt(c) => {
                self.named(ObjectKind::Conversion, &c.conversion_name)
            }
            NodeEnum::CreatePlangStmt(l) => {
                self.declare(Identity::global(ObjectKind::Language, &l.plname));
                Ok(())
            }
            NodeEnum::CreateTransformStmt(t) => {
                let Some(type_) = &t.type_name else {
                    return Err("names no type");
                };
                let name = format!(
                    "{} LANGUAGE {}",
                    type_name(type_, self.default_schema),
                    crate::emit::sql::ident(&t.lang)
                );
                self.declare(Identity::global(ObjectKind::Transform, &name));
                Ok(())
            }
            NodeEnum::CreateAmStmt(a) => {
                self.declare(Identity::global(ObjectKind::AccessMethod, &a.amname));
                Ok(())
            }
            NodeEnum::CreateSubscriptionStmt(s) => {
                self.declare(Identity::global(ObjectKind::Subscription, &s.subname));
                Ok(())
            }
            NodeEnum::CreateSchemaStmt(s) => {
                self.declare(Identity::global(ObjectKind::Schema, &s.schemaname));
                // `CREATE SCHEMA s CREATE TABLE t …`: the elements live in s.
                let mut inner = Extractor {
                    default_schema: &s.schemaname,
                    span: self.span,
                    out: self.out,
                    shells: self.shells,
                };
                for element in &s.schema_elts {
                    if let Some(node) = &element.node {
                        inner.statement(node, false)?;
                    }
                }
                Ok(())
            }
            NodeEnum::CreateExtensionStmt(e) => {
                self.declare(Identity::global(ObjectKind::Extension, &e.extname));
                Ok(())
            }
            NodeEnum::CreateFunctionStmt(f) => {
                let Some((schema, name)) = self.qualified(&f.funcname) else {
                    return Err("names no function");
                };
                let args = self.parameters(&f.parameters, f.is_procedure);
                let kind = if f.is_procedure {
                    ObjectKind::Procedure
                } else {
                    ObjectKind::Function
                };
                self.declare(Identity::routine(kind, &schema, &name, args));
                Ok(())
            }
            NodeEnum::CreateTrigStmt(t) => {
                self.of_table(ObjectKind::Trigger, &t.relation, &t.trigname)
            }
            NodeEnum::CreatePolicyStmt(p) => {
                self.of_table(ObjectKind::Policy, &p.table, &p.policy_name)
            }
            NodeEnum::RuleStmt(r) => self.of_table(ObjectKind::Rule, &r.relation, &r.rulename),
            NodeEnum::CreateStatsStmt(s) => {
                if s.defnames.is_empty() {
                    // An unnamed statistics object: its name is chosen by the server.
                    return Err("declares statistics without a name");
                }
                self.named(ObjectKind::Statistics, &s.defnames)
            }
            NodeEnum::CreateEventTrigStmt(e) => {
                self.declare(Identity::global(ObjectKind::EventTrigger, &e.trigname));
                Ok(())
            }
            NodeEnum::CreatePublicationStmt(p) => {
                self.declare(Identity::global(ObjectKind::Publication, &p.pubname));
                Ok(())
            }
            NodeEnum::CreateFdwStmt(f) => {
                self.declare(Identity::global(ObjectKind::ForeignDataWrapper, &f.fdwname));
                Ok(())
            }
            NodeEnum::CreateForeignServerStmt(s) => {
                self.declare(Identity::global(ObjectKind::ForeignServer, &s.servername));
                Ok(())
            }
            NodeEnum::CreateUserMappingStmt(u) => {
                let role = u.user.as_ref().map(role_name).unwrap_or(None);
                let mut identity =
                    Identity::global(ObjectKind::UserMapping, role.as_deref().unwrap_or("PUBLIC"));
                identity.table = Some(u.servername.as_str().into());
                self.declare(identity);
                Ok(())
            }
            NodeEnum::GrantStmt(g) => {
                if !g.is_grant {
                    // A REVOKE declares no object: it shapes the privileges of one.
                    return Ok(());
                }
                if !is(g.targtype, GrantTargetType::AclTargetObject) {
                    return Err("grants on objects it does not name");
                }
                self.grants(g)
            }
            NodeEnum::AlterDefaultPrivilegesStmt(a) => self.default_privileges(a),
            NodeEnum::VariableSetStmt(s) if first && s.name == "check_function_bodies" => Ok(()),
            // Around a GRANT given by a role other than the owner, as dump writes it.
            NodeEnum::VariableSetStmt(s) if s.name == "session_authorization" => Ok(()),
            // Statements that shape objects declared elsewhere: nothing new, nothing lost.
            NodeEnum::CommentStmt(_)
            | NodeEnum::AlterOwnerStmt(_)
            | NodeEnum::AlterSeqStmt(_)
            | NodeEnum::AlterDomainStmt(_)
            | NodeEnum::AlterEnumStmt(_)
            | NodeEnum::AlterTypeStmt(_)
            | NodeEnum::SecLabelStmt(_)
            | NodeEnum::AlterExtensionStmt(_)
            | NodeEnum::AlterFunctionStmt(_)
            | NodeEnum::AlterStatsStmt(_)
            | NodeEnum::AlterPolicyStmt(_)
            | NodeEnum::AlterEventTrigStmt(_)
            | NodeEnum::AlterPublicationStmt(_)
            | NodeEnum::AlterFdwStmt(_)
            | NodeEnum::AlterForeignServerStmt(_)
            | NodeEnum::AlterUserMappingStmt(_)
            | NodeEnum::AlterCollationStmt(_)
            | NodeEnum::AlterTsconfigurationStmt(_)
            | NodeEnum::AlterTsdictionaryStmt(_)
            | NodeEnum::AlterOpFamilyStmt(_)
            | NodeEnum::AlterOperatorStmt(_)
            | NodeEnum::AlterSubscriptionStmt(_)
            | NodeEnum::ClusterStmt(_) => Ok(()),
            NodeEnum::RefreshMatViewStmt(r) => self.refresh(r),
            NodeEnum::VariableSetStmt(_) => Err("changes a session setting"),
            NodeEnum::SelectStmt(_)
            | NodeEnum::InsertStmt(_)
            | NodeEnum::UpdateStmt(_)
            | NodeEnum::DeleteStmt(_)
            | NodeEnum::MergeStmt(_)
            | NodeEnum::CopyStmt(_)
            | NodeEnum::TruncateStmt(_) => Err("reads or changes data"),
            NodeEnum::DoStmt(_) => Err("runs an anonymous code block"),
            NodeEnum::DropStmt(_) => Err("drops objects"),
            NodeEnum::TransactionStmt(_) => Err("controls a transaction"),
            _ => Err("is not a statement pg-flux tracks"),
        }
    }

    /// The flat layout creates a materialized view `WITH NO DATA` and fills it at the end of
    /// the same file, as pg_dump does. Filling one this file does not declare is data work.
    fn refresh(&mut self, r: &pg_query::protobuf::RefreshMatViewStmt) -> Tracked {
        let Some(rel) = &r.relation else {
            return Err("reads or changes data");
        };
        let (schema, name) = self.relation(rel);
        let declared = self.out.iter().any(|d| {
            d.identity.kind == ObjectKind::MaterializedView
                && d.identity.schema.as_deref() == Some(schema.as_str())
                && *d.identity.name == *name
        });
        if declared {
            Ok(())
        } else {
            Err("fills a materialized view this file does not declare")
        }
    }

    /// One declaration per (role, schema, privilege, grantee), named as the live inventory
    /// names a `pg_default_acl` entry. Without `FOR ROLE` the role is whoever runs it, which
    /// source cannot know: such a statement declares nothing live can match.
    fn default_privileges(
        &mut self,
        a: &pg_query::protobuf::AlterDefaultPrivilegesStmt,
    ) -> Tracked {
        let Some(g) = &a.action else {
            return Err("grants nothing");
        };
        let mut roles: Vec<String> = Vec::new();
        let mut schemas: Vec<Option<String>> = Vec::new();
        for option in &a.options {
            let Some(NodeEnum::DefElem(d)) = &option.node else {
                continue;
            };
            let items = match d.arg.as_ref().and_then(|n| n.node.as_ref()) {
                Some(NodeEnum::List(l)) => l.items.clone(),
                _ => Vec::new(),
            };
            match d.defname.as_str() {
                "schemas" => schemas.extend(strings(&items).into_iter().map(Some)),
                "roles" => roles.extend(items.iter().filter_map(|r| match &r.node {
                    Some(NodeEnum::RoleSpec(r)) => role_name(r),
                    _ => None,
                })),
                _ => {}
            }
        }
        if roles.is_empty() {
            roles.push("CURRENT_USER".into());
        }
        if schemas.is_empty() {
            schemas.push(None);
        }
        let objtype = g.objtype;
        let (code, everything): (&str, &[&str]) = if is(objtype, ObjectType::ObjectTable) {
            (
                "r",
                &[
                    "SELECT",
                    "INSERT",
                    "UPDATE",
                    "DELETE",
                    "TRUNCATE",
                    "REFERENCES",
                    "TRIGGER",
                    "MAINTAIN",
                ],
            )
        } else if is(objtype, ObjectType::ObjectSequence) {
            ("S", &["USAGE", "SELECT", "UPDATE"])
        } else if is(objtype, ObjectType::ObjectFunction)
            || is(objtype, ObjectType::ObjectProcedure)
            || is(objtype, ObjectType::ObjectRoutine)
        {
            ("f", &["EXECUTE"])
        } else if is(objtype, ObjectType::ObjectType) {
            ("T", &["USAGE"])
        } else if is(objtype, ObjectType::ObjectSchema) {
            ("n", &["USAGE", "CREATE"])
        } else if is(objtype, ObjectType::ObjectLargeobject) {
            ("L", &["SELECT", "UPDATE"])
        } else {
            return Err("sets default privileges on objects pg-flux does not model");
        };
        let kind = crate::emit::default_privileges_kind(code);
        // (privilege, part of ALL); no list is ALL.
        let mut privileges: Vec<(String, bool)> = Vec::new();
        for p in &g.privileges {
            if let Some(NodeEnum::AccessPriv(p)) = &p.node {
                if p.priv_name.is_empty() {
                    privileges.extend(everything.iter().map(|p| (p.to_string(), true)));
                } else {
                    privileges.push((p.priv_name.to_uppercase(), false));
                }
            }
        }
        if g.privileges.is_empty() {
            privileges.extend(everything.iter().map(|p| (p.to_string(), true)));
        }
        let grantees: Vec<Option<String>> = g
            .grantees
            .iter()
            .filter_map(|r| match &r.node {
                Some(NodeEnum::RoleSpec(r)) => Some(role_name(r)),
                _ => None,
            })
            .collect();
        for role in &roles {
            for schema in &schemas {
                for (privilege, all) in &privileges {
                    for grantee in &grantees {
                        let entry = crate::emit::default_privilege_entry(
                            role,
                            schema.as_deref(),
                            kind,
                            g.is_grant,
                            privilege,
                            grantee.as_deref(),
                        );
                        self.declare(Identity::global(ObjectKind::DefaultPrivileges, &entry));
                        if let Some(last) = self.out.last_mut() {
                            // A revoke of what the default never gave is not live either.
                            last.implied = *all || !g.is_grant;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn named(&mut self, kind: ObjectKind, names: &[Node]) -> Tracked {
        let Some((schema, name)) = self.qualified(names) else {
            return Err("names no object");
        };
        self.declare(Identity::new(kind, &schema, &name));
        Ok(())
    }

    /// An operator class or family: its name and access method.
    fn with_method(&mut self, kind: ObjectKind, names: &[Node], method: &str) -> Tracked {
        let Some((schema, name)) = self.qualified(names) else {
            return Err("names no object");
        };
        self.declare(Identity::new(kind, &schema, &name).using_method(method));
        Ok(())
    }

    /// `CREATE OPERATOR`: its name and operand types (`NONE` for a prefix operator's left).
    fn operator(&mut self, d: &pg_query::protobuf::DefineStmt) -> Tracked {
        let Some((schema, name)) = self.qualified(&d.defnames) else {
            return Err("names no operator");
        };
        let operand = |which: &str| {
            d.definition.iter().find_map(|n| match &n.node {
                Some(NodeEnum::DefElem(e)) if e.defname.eq_ignore_ascii_case(which) => {
                    match e.arg.as_ref().and_then(|a| a.node.as_ref()) {
                        Some(NodeEnum::TypeName(t)) => Some(type_name(t, self.default_schema)),
                        _ => None,
                    }
                }
                _ => None,
            })
        };
        let args = vec![
            operand("leftarg").unwrap_or_else(|| "NONE".to_string()),
            operand("rightarg").unwrap_or_else(|| "NONE".to_string()),
        ];
        self.declare(Identity::routine(
            ObjectKind::Operator,
            &schema,
            &name,
            args,
        ));
        Ok(())
    }

    fn of_table(&mut self, kind: ObjectKind, rel: &Option<RangeVar>, name: &str) -> Tracked {
        let Some(rel) = rel else {
            return Err("names no table");
        };
        let (schema, table) = self.relation(rel);
        self.declare(Identity::of_table(kind, &schema, &table, name));
        Ok(())
    }

    /// Argument types in `pg_identify_object` form: IN, INOUT and VARIADIC arguments (for
    /// procedures OUT ones too, as PostgreSQL 14+ identifies them).
    fn parameters(&self, params: &[Node], procedure: bool) -> Vec<String> {
        params
            .iter()
            .filter_map(|p| match &p.node {
                Some(NodeEnum::FunctionParameter(p)) => Some(p),
                _ => None,
            })
            .filter(|p| {
                let out = is(p.mode, FunctionParameterMode::FuncParamOut);
                !is(p.mode, FunctionParameterMode::FuncParamTable) && (procedure || !out)
            })
            .filter_map(|p| p.arg_type.as_ref())
            .map(|t| type_name(t, self.default_schema))
            .collect()
    }

    fn create_table(&mut self, c: &CreateStmt, kind: ObjectKind) -> Tracked {
        let Some(rel) = &c.relation else {
            return Err("names no table");
        };
        if rel.relpersistence == "t" {
            return Err("creates a temporary table");
        }
        let (schema, table) = self.relation(rel);
        self.declare(Identity::new(kind, &schema, &table));
        for element in c.table_elts.iter().chain(c.constraints.iter()) {
            match &element.node {
                Some(NodeEnum::ColumnDef(col)) => self.column(&schema, &table, col),
                Some(NodeEnum::Constraint(k)) => self.constraint(&schema, &table, k, None),
                _ => {}
            }
        }
        Ok(())
    }

    fn column(&mut self, schema: &str, table: &str, c: &ColumnDef) {
        // `name WITH OPTIONS …` (typed tables, partitions) only adds options to a column
        // that comes from elsewhere.
        if let Some(t) = &c.type_name {
            self.declare(Identity::of_table(
                ObjectKind::Column,
                schema,
                table,
                &c.colname,
            ));
            if is_serial(t) {
                let sequence = make_object_name(table, Some(&c.colname), "seq");
                self.declare(Identity::new(ObjectKind::Sequence, schema, &sequence));
            }
        }
        for k in &c.constraints {
            if let Some(NodeEnum::Constraint(k)) = &k.node {
                self.constraint(schema, table, k, Some(&c.colname));
            }
        }
    }

    /// A constraint; an unnamed one gets the name PostgreSQL would choose.
    fn constraint(&mut self, schema: &str, table: &str, k: &Constraint, column: Option<&str>) {
        let kind = k.contype;
        let label = if is(kind, ConstrType::ConstrPrimary) {
            "pkey"
        } else if is(kind, ConstrType::ConstrUnique) {
            "key"
        } else if is(kind, ConstrType::ConstrCheck) {
            "check"
        } else if is(kind, ConstrType::ConstrForeign) {
            "fkey"
        } else if is(kind, ConstrType::ConstrExclusion) {
            "excl"
        } else {
            // NOT NULL, DEFAULT, identity, generated: properties of the column.
            return;
        };
        let name = if !k.conname.is_empty() {
            k.conname.clone()
        } else {
            let columns: Vec<String> = match label {
                "pkey" => Vec::new(),
                "key" => strings(&k.keys),
                "fkey" => strings(&k.fk_attrs),
                "excl" => k
                    .exclusions
                    .iter()
                    .filter_map(|pair| match &pair.node {
                        Some(NodeEnum::List(l)) => l.items.first().map(index_column),
                        _ => None,
                    })
                    .collect(),
                _ => {
                    // A check names the one column its expression uses, if only one.
                    let mut used = Vec::new();
                    if let Some(expr) = &k.raw_expr {
                        if let Ok(json) = serde_json::to_value(expr) {
                            column_refs(&json, &mut used);
                        }
                    }
                    used.sort();
                    used.dedup();
                    if used.len() == 1 {
                        used
                    } else {
                        Vec::new()
                    }
                }
            };
            let columns = if columns.is_empty() && label != "pkey" {
                column.map(|c| vec![c.to_string()]).unwrap_or_default()
            } else {
                columns
            };
            let joined = columns.join("_");
            make_object_name(
                table,
                (!joined.is_empty()).then_some(joined.as_str()),
                label,
            )
        };
        self.declare(Identity::of_table(
            ObjectKind::Constraint,
            schema,
            table,
            &name,
        ));
    }

    fn grants(&mut self, g: &pg_query::protobuf::GrantStmt) -> Tracked {
        let objtype = g.objtype;
        let class = if [
            ObjectType::ObjectTable,
            ObjectType::ObjectSequence,
            ObjectType::ObjectView,
            ObjectType::ObjectMatview,
            ObjectType::ObjectForeignTable,
        ]
        .into_iter()
        .any(|t| is(objtype, t))
        {
            GrantClass::Relation
        } else if is(objtype, ObjectType::ObjectSchema) {
            GrantClass::Schema
        } else if is(objtype, ObjectType::ObjectType) || is(objtype, ObjectType::ObjectDomain) {
            GrantClass::Type
        } else if is(objtype, ObjectType::ObjectFunction)
            || is(objtype, ObjectType::ObjectProcedure)
            || is(objtype, ObjectType::ObjectRoutine)
        {
            GrantClass::Function
        } else if is(objtype, ObjectType::ObjectFdw) {
            GrantClass::ForeignDataWrapper
        } else if is(objtype, ObjectType::ObjectForeignServer) {
            GrantClass::ForeignServer
        } else if is(objtype, ObjectType::ObjectLanguage) {
            GrantClass::Language
        } else {
            return Err("grants on objects pg-flux does not model");
        };
        let mut targets: Vec<Identity> = Vec::new();
        for object in &g.objects {
            match &object.node {
                Some(NodeEnum::RangeVar(r)) => {
                    let (schema, name) = self.relation(r);
                    targets.push(Identity::new(ObjectKind::Table, &schema, &name));
                }
                Some(NodeEnum::String(s)) if class == GrantClass::Language => {
                    targets.push(Identity::global(ObjectKind::Language, &s.sval));
                }
                Some(NodeEnum::String(s)) => {
                    targets.push(Identity::global(ObjectKind::Schema, &s.sval));
                }
                Some(NodeEnum::List(l)) => {
                    if let Some((schema, name)) = self.qualified(&l.items) {
                        targets.push(Identity::new(ObjectKind::Type, &schema, &name));
                    }
                }
                Some(NodeEnum::ObjectWithArgs(f)) => {
                    if let Some((schema, name)) = self.qualified(&f.objname) {
                        let args = f
                            .objargs
                            .iter()
                            .filter_map(|a| match &a.node {
                                Some(NodeEnum::TypeName(t)) => {
                                    Some(type_name(t, self.default_schema))
                                }
                                _ => None,
                            })
                            .collect();
                        targets.push(Identity::routine(
                            ObjectKind::Function,
                            &schema,
                            &name,
                            args,
                        ));
                    }
                }
                _ => {}
            }
        }
        // (privilege, column, part of ALL) triples; no list is ALL.
        let mut privileges: Vec<(String, Option<String>, bool)> = Vec::new();
        let sequence = is(objtype, ObjectType::ObjectSequence);
        let everything = |class: GrantClass, column: bool| -> &'static [&'static str] {
            match class {
                GrantClass::Relation if column => &["SELECT", "INSERT", "UPDATE", "REFERENCES"],
                GrantClass::Relation if sequence => &["USAGE", "SELECT", "UPDATE"],
                GrantClass::Relation => &[
                    "SELECT",
                    "INSERT",
                    "UPDATE",
                    "DELETE",
                    "TRUNCATE",
                    "REFERENCES",
                    "TRIGGER",
                    "MAINTAIN",
                ],
                GrantClass::Schema => &["USAGE", "CREATE"],
                GrantClass::Function => &["EXECUTE"],
                _ => &["USAGE"],
            }
        };
        if g.privileges.is_empty() {
            privileges.extend(
                everything(class, false)
                    .iter()
                    .map(|p| (p.to_string(), None, true)),
            );
        }
        for p in &g.privileges {
            let Some(NodeEnum::AccessPriv(p)) = &p.node else {
                continue;
            };
            let columns = strings(&p.cols);
            let all = p.priv_name.is_empty();
            let names: Vec<String> = if all {
                everything(class, !columns.is_empty())
                    .iter()
                    .map(|s| s.to_string())
                    .collect()
            } else {
                vec![p.priv_name.to_uppercase()]
            };
            for name in names {
                if columns.is_empty() {
                    privileges.push((name, None, all));
                } else {
                    privileges.extend(columns.iter().map(|c| (name.clone(), Some(c.clone()), all)));
                }
            }
        }
        let grantees: Vec<Option<String>> = g
            .grantees
            .iter()
            .filter_map(|r| match &r.node {
                Some(NodeEnum::RoleSpec(r)) => Some(role_name(r)),
                _ => None,
            })
            .collect();
        for target in &targets {
            for (privilege, column, all) in &privileges {
                for grantee in &grantees {
                    self.declare(Identity::grant(
                        target,
                        GrantOf {
                            class,
                            privilege: privilege.clone(),
                            grantee: grantee.clone(),
                            column: column.clone(),
                        },
                    ));
                    if let Some(last) = self.out.last_mut() {
                        last.implied = *all;
                    }
                }
            }
        }
        Ok(())
    }
}

/// A role as written; `None` is PUBLIC.
fn role_name(r: &pg_query::protobuf::RoleSpec) -> Option<String> {
    if is(r.roletype, RoleSpecType::RolespecCstring) {
        Some(r.rolename.clone())
    } else if is(r.roletype, RoleSpecType::RolespecPublic) {
        None
    } else if is(r.roletype, RoleSpecType::RolespecCurrentUser) {
        Some("CURRENT_USER".into())
    } else if is(r.roletype, RoleSpecType::RolespecSessionUser) {
        Some("SESSION_USER".into())
    } else {
        Some("CURRENT_ROLE".into())
    }
}

fn is_serial(t: &TypeName) -> bool {
    let names = strings(&t.names);
    names.len() == 1
        && t.array_bounds.is_empty()
        && matches!(
            names[0].as_str(),
            "serial" | "serial4" | "bigserial" | "serial8" | "smallserial" | "serial2"
        )
}

/// The name an index element gives its index column (`ChooseIndexColumnNames`): the column,
/// the function of an expression, else `expr`.
fn index_column(node: &Node) -> String {
    let Some(NodeEnum::IndexElem(e)) = &node.node else {
        return "expr".into();
    };
    if !e.name.is_empty() {
        return e.name.clone();
    }
    match e.expr.as_ref().and_then(|x| x.node.as_ref()) {
        Some(NodeEnum::FuncCall(f)) => strings(&f.funcname).pop().unwrap_or_else(|| "expr".into()),
        _ => "expr".into(),
    }
}

/// Column names referenced in an expression (its serialised AST).
fn column_refs(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(cref) = map.get("ColumnRef") {
                if let Some(last) = cref
                    .get("fields")
                    .and_then(|f| f.as_array())
                    .and_then(|f| f.last())
                    .and_then(|f| f.pointer("/node/String/sval"))
                    .and_then(|s| s.as_str())
                {
                    out.push(last.to_string());
                }
                return;
            }
            for v in map.values() {
                column_refs(v, out);
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                column_refs(v, out);
            }
        }
        _ => {}
    }
}
