//! The walk over one statement's syntax tree (as JSON: every node kind is reached without
//! naming each one): every name the statement writes, with the role the tree gives it, and
//! the relations and aliases its queries read.

use std::collections::HashMap;

use pg_query::protobuf::{AlterTableType, ObjectType};
use serde_json::Value;

use super::{Form, Namespace};

/// What a name in a statement is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Role {
    Object(Namespace),
    /// A column of `relation` (`None`: of whichever relation of the statement has it).
    Column(Option<Vec<String>>),
    Constraint(Vec<String>),
    /// An index: named alone, it lives in the schema of the relation given.
    Index(Vec<String>),
    /// A relation named by its bare name as a column's qualifier (`t.c`): the statement's
    /// relation of that name, written in full.
    Qualifier(Vec<String>),
}

/// A name as the syntax tree gives it: its parts, where it is (when the tree says), and
/// which of the parts is the one this role names.
#[derive(Debug, Clone)]
pub(super) struct Named {
    pub(super) role: Role,
    pub(super) parts: Vec<String>,
    pub(super) at: Option<usize>,
    pub(super) declares: bool,
    /// `Form::InString`: `at` is the string's.
    pub(super) form: Form,
}

/// What the statement around a node is about.
#[derive(Default, Clone)]
pub(super) struct Context {
    /// The relation whose columns unqualified names are (CREATE TABLE, ALTER TABLE, CREATE
    /// INDEX, policies, triggers).
    relation: Option<Vec<String>>,
    /// Inside the statement that creates `relation` (its columns and constraints are declared).
    declaring: bool,
}

#[derive(Default)]
pub(super) struct Walk {
    pub(super) found: Vec<Named>,
    /// Relations of the statement (for columns named alone) and their aliases.
    pub(super) relations: Vec<Vec<String>>,
    pub(super) aliases: HashMap<String, Vec<String>>,
    /// Names of the statement's common table expressions (not relations).
    pub(super) ctes: Vec<String>,
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i.pointer("/node/String/sval").and_then(Value::as_str))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn location(v: &Value) -> Option<usize> {
    v.get("location")
        .and_then(Value::as_i64)
        .and_then(|l| usize::try_from(l).ok())
}

fn range_var(v: &Value) -> Vec<String> {
    ["catalogname", "schemaname", "relname"]
        .iter()
        .filter_map(|k| v.get(*k).and_then(Value::as_str))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn object_type(v: &Value, key: &str) -> Option<ObjectType> {
    v.get(key)
        .and_then(Value::as_i64)
        .and_then(|i| i32::try_from(i).ok())
        .and_then(|i| ObjectType::try_from(i).ok())
}

/// The one node a `Node` wrapper holds: its kind and fields.
fn inner(v: &Value) -> Option<(&str, &Value)> {
    let node = v.get("node").unwrap_or(v);
    let map = node.as_object()?;
    if map.len() != 1 {
        return None;
    }
    map.iter().next().map(|(k, v)| (k.as_str(), v))
}

const RELATIONS: [ObjectType; 6] = [
    ObjectType::ObjectTable,
    ObjectType::ObjectView,
    ObjectType::ObjectMatview,
    ObjectType::ObjectSequence,
    ObjectType::ObjectIndex,
    ObjectType::ObjectForeignTable,
];

impl Walk {
    fn named(&mut self, role: Role, parts: Vec<String>, at: Option<usize>, declares: bool) {
        if !parts.is_empty() {
            self.found.push(Named {
                role,
                parts,
                at,
                declares,
                form: Form::Name,
            });
        }
    }

    /// First pass: the statement's relations, aliases and CTE names.
    pub(super) fn scope(&mut self, v: &Value) {
        match v {
            Value::Object(map) => {
                if let Some(rv) = map.get("RangeVar") {
                    let parts = range_var(rv);
                    if let Some(alias) = rv.pointer("/alias/aliasname").and_then(Value::as_str) {
                        self.aliases.insert(alias.to_string(), parts.clone());
                    }
                    self.relations.push(parts);
                }
                if let Some(name) = map
                    .get("CommonTableExpr")
                    .and_then(|c| c.get("ctename"))
                    .and_then(Value::as_str)
                {
                    self.ctes.push(name.to_string());
                }
                map.values().for_each(|v| self.scope(v));
            }
            Value::Array(items) => items.iter().for_each(|v| self.scope(v)),
            _ => {}
        }
    }

    fn each(&mut self, v: Option<&Value>, ctx: &Context) {
        if let Some(v) = v {
            self.node(v, ctx);
        }
    }

    /// Second pass: every name, with its role.
    pub(super) fn node(&mut self, v: &Value, ctx: &Context) {
        match v {
            Value::Array(items) => items.iter().for_each(|i| self.node(i, ctx)),
            Value::Object(map) => {
                let Some((kind, fields)) = inner(v).filter(|(k, f)| {
                    k.chars().next().is_some_and(char::is_uppercase) && f.is_object()
                }) else {
                    // A field typed as one node kind is not wrapped: known by its shape.
                    let kind = if map.contains_key("relname") && map.contains_key("schemaname") {
                        Some("RangeVar")
                    } else if map.contains_key("names") && map.contains_key("pct_type") {
                        Some("TypeName")
                    } else {
                        None
                    };
                    if !kind.is_some_and(|kind| self.known(kind, v, ctx)) {
                        map.values().for_each(|v| self.node(v, ctx));
                    }
                    return;
                };
                if !self.known(kind, fields, ctx) {
                    fields
                        .as_object()
                        .into_iter()
                        .flat_map(|m| m.values())
                        .for_each(|v| self.node(v, ctx));
                }
            }
            _ => {}
        }
    }

    fn relation(&mut self, rv: Option<&Value>, declares: bool) -> Option<Vec<String>> {
        let rv = rv?;
        let parts = range_var(rv);
        let is_cte = parts.len() == 1 && self.ctes.contains(&parts[0]);
        if !is_cte {
            self.named(
                Role::Object(Namespace::Relation),
                parts.clone(),
                location(rv),
                declares,
            );
        }
        Some(parts)
    }

    fn columns(&mut self, list: Option<&Value>, relation: &Option<Vec<String>>) {
        for name in list.and_then(Value::as_array).into_iter().flatten() {
            if let Some(s) = name.pointer("/node/String/sval").and_then(Value::as_str) {
                self.named(
                    Role::Column(relation.clone()),
                    vec![s.to_string()],
                    None,
                    false,
                );
            }
        }
    }

    /// Handles the node kinds whose names have roles; false for the others (walked through).
    fn known(&mut self, kind: &str, f: &Value, ctx: &Context) -> bool {
        let get = |k: &str| f.get(k);
        match kind {
            "RangeVar" => {
                self.relation(Some(f), false);
            }
            "ColumnRef" => {
                let fields = strings(get("fields").unwrap_or(&Value::Null));
                let at = location(f);
                let star = get("fields")
                    .and_then(Value::as_array)
                    .is_some_and(|a| a.iter().any(|n| n.pointer("/node/AStar").is_some()));
                let (qualifier, column) = if star {
                    (fields.as_slice(), None)
                } else {
                    match fields.split_last() {
                        Some((c, q)) => (q, Some(c.clone())),
                        None => (&[][..], None),
                    }
                };
                let relation = match qualifier {
                    [] => ctx.relation.clone(),
                    [q] if q == "new" || q == "old" || q == "excluded" => ctx.relation.clone(),
                    [q] if self.aliases.contains_key(q) => self.aliases.get(q).cloned(),
                    [q] if self
                        .relations
                        .iter()
                        .any(|r| r.len() > 1 && r.last() == Some(q)) =>
                    {
                        let full = self
                            .relations
                            .iter()
                            .find(|r| r.len() > 1 && r.last() == Some(q))
                            .cloned();
                        if let Some(full) = &full {
                            self.named(Role::Qualifier(full.clone()), vec![q.clone()], at, false);
                        }
                        full
                    }
                    _ => {
                        self.named(
                            Role::Object(Namespace::Relation),
                            qualifier.to_vec(),
                            at,
                            false,
                        );
                        Some(qualifier.to_vec())
                    }
                };
                if let Some(column) = column {
                    let mut written = qualifier.to_vec();
                    written.push(column);
                    // The chain is matched whole (`t.c`), the column being its last part.
                    self.found.push(Named {
                        role: Role::Column(relation),
                        parts: written,
                        at,
                        declares: false,
                        form: Form::Name,
                    });
                }
            }
            "ColumnDef" => {
                if let Some(name) = get("colname")
                    .and_then(Value::as_str)
                    .filter(|n| !n.is_empty())
                {
                    self.named(
                        Role::Column(ctx.relation.clone()),
                        vec![name.to_string()],
                        location(f),
                        ctx.declaring,
                    );
                }
                self.each(get("type_name"), ctx);
                self.each(get("constraints"), ctx);
                self.each(get("raw_default"), ctx);
                self.each(get("fdwoptions"), ctx);
            }
            "TypeName" => {
                let parts = strings(get("names").unwrap_or(&Value::Null));
                let at = location(f);
                let builtin = parts.first().is_some_and(|p| p == "pg_catalog");
                if get("pct_type").and_then(Value::as_bool) == Some(true) {
                    if let Some((_, relation)) = parts.split_last() {
                        self.named(
                            Role::Object(Namespace::Relation),
                            relation.to_vec(),
                            at,
                            false,
                        );
                        self.found.push(Named {
                            role: Role::Column(Some(relation.to_vec())),
                            parts: parts.clone(),
                            at,
                            declares: false,
                            form: Form::Name,
                        });
                    }
                } else if !builtin {
                    self.named(Role::Object(Namespace::Type), parts, at, false);
                }
                self.each(get("typmods"), ctx);
            }
            "TypeCast" => {
                let type_names = get("type_name")
                    .and_then(|t| t.get("names"))
                    .map(strings)
                    .unwrap_or_default();
                let regclass = type_names.last().is_some_and(|t| t == "regclass");
                let literal = get("arg")
                    .and_then(|a| a.pointer("/node/AConst"))
                    .and_then(|c| Some((c.pointer("/val/Sval/sval")?.as_str()?, location(c)?)));
                match (regclass, literal) {
                    (true, Some((sval, at))) => {
                        let parts: Vec<String> =
                            sval.split('.').map(crate::source::names::fold).collect();
                        self.found.push(Named {
                            role: Role::Object(Namespace::Relation),
                            parts,
                            at: Some(at),
                            declares: false,
                            form: Form::InString,
                        });
                    }
                    _ => self.each(get("arg"), ctx),
                }
                self.each(get("type_name"), ctx);
            }
            "FuncCall" => {
                let parts = strings(get("funcname").unwrap_or(&Value::Null));
                if parts.first().is_none_or(|p| p != "pg_catalog") {
                    self.named(Role::Object(Namespace::Function), parts, location(f), false);
                }
                for k in ["args", "agg_order", "agg_filter", "over"] {
                    self.each(get(k), ctx);
                }
            }
            "ObjectWithArgs" => {
                let parts = strings(get("objname").unwrap_or(&Value::Null));
                self.named(Role::Object(Namespace::Function), parts, None, false);
                self.each(get("objargs"), ctx);
                self.each(get("objfuncargs"), ctx);
            }
            "CreateStmt" => {
                let relation = self.relation(get("relation"), true);
                let inner = Context {
                    relation,
                    declaring: true,
                };
                for k in ["table_elts", "constraints", "partspec", "partbound"] {
                    self.each(get(k), &inner);
                }
                self.each(get("inh_relations"), ctx);
                self.each(get("of_typename"), ctx);
            }
            "CompositeTypeStmt" => {
                let parts = get("typevar").map(range_var).unwrap_or_default();
                let at = get("typevar").and_then(location);
                self.named(Role::Object(Namespace::Type), parts.clone(), at, true);
                let inner = Context {
                    relation: Some(parts),
                    declaring: true,
                };
                self.each(get("coldeflist"), &inner);
            }
            "Constraint" => {
                let relation = ctx.relation.clone();
                if let (Some(name), Some(rel)) = (
                    get("conname")
                        .and_then(Value::as_str)
                        .filter(|n| !n.is_empty()),
                    &relation,
                ) {
                    self.named(
                        Role::Constraint(rel.clone()),
                        vec![name.to_string()],
                        None,
                        ctx.declaring,
                    );
                }
                self.columns(get("keys"), &relation);
                self.columns(get("including"), &relation);
                self.columns(get("fk_attrs"), &relation);
                let referenced = self.relation(get("pktable"), false);
                self.columns(get("pk_attrs"), &referenced);
                for k in ["raw_expr", "exclusions", "where_clause"] {
                    self.each(get(k), ctx);
                }
            }
            "IndexStmt" => {
                let relation = self.relation(get("relation"), false);
                if let (Some(name), Some(table)) = (
                    get("idxname")
                        .and_then(Value::as_str)
                        .filter(|n| !n.is_empty()),
                    &relation,
                ) {
                    self.named(
                        Role::Index(table.clone()),
                        vec![name.to_string()],
                        None,
                        true,
                    );
                }
                let inner = Context {
                    relation,
                    declaring: false,
                };
                for k in ["index_params", "index_including_params", "where_clause"] {
                    self.each(get(k), &inner);
                }
            }
            "IndexElem" | "StatsElem" => {
                if let Some(name) = get("name")
                    .and_then(Value::as_str)
                    .filter(|n| !n.is_empty())
                {
                    self.named(
                        Role::Column(ctx.relation.clone()),
                        vec![name.to_string()],
                        None,
                        false,
                    );
                }
                self.each(get("expr"), ctx);
            }
            "AlterTableStmt" => {
                let relation = self.relation(get("relation"), false);
                let inner = Context {
                    relation,
                    declaring: false,
                };
                self.each(get("cmds"), &inner);
            }
            "AlterTableCmd" => {
                let subtype = get("subtype")
                    .and_then(Value::as_i64)
                    .and_then(|i| i32::try_from(i).ok())
                    .and_then(|i| AlterTableType::try_from(i).ok());
                let name = get("name")
                    .and_then(Value::as_str)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string);
                use AlterTableType as A;
                let adds = matches!(subtype, Some(A::AtAddColumn | A::AtAddConstraint));
                match (subtype, name, &ctx.relation) {
                    (
                        Some(A::AtDropConstraint | A::AtValidateConstraint),
                        Some(name),
                        Some(rel),
                    ) => self.named(Role::Constraint(rel.clone()), vec![name], None, false),
                    (Some(A::AtClusterOn), Some(name), _) => {
                        self.named(Role::Object(Namespace::Relation), vec![name], None, false)
                    }
                    (Some(_), Some(name), _) => {
                        self.named(Role::Column(ctx.relation.clone()), vec![name], None, false)
                    }
                    _ => {}
                }
                let inner = Context {
                    relation: ctx.relation.clone(),
                    declaring: adds,
                };
                self.each(get("def"), &inner);
            }
            "ViewStmt" => {
                self.relation(get("view"), true);
                self.each(get("query"), &Context::default());
            }
            "CreateTableAsStmt" => {
                self.relation(get("into").and_then(|i| i.get("rel")), true);
                self.each(get("query"), &Context::default());
            }
            "CreateSeqStmt" | "AlterSeqStmt" => {
                self.relation(get("sequence"), kind == "CreateSeqStmt");
                for option in get("options")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let def = option.pointer("/node/DefElem");
                    let owned_by = def
                        .filter(|d| d.get("defname").and_then(Value::as_str) == Some("owned_by"))
                        .and_then(|d| d.pointer("/arg/node/List/items"))
                        .map(strings)
                        .unwrap_or_default();
                    if let Some((_, table)) = owned_by.split_last().filter(|_| owned_by.len() > 1) {
                        self.named(
                            Role::Object(Namespace::Relation),
                            table.to_vec(),
                            None,
                            false,
                        );
                        self.named(
                            Role::Column(Some(table.to_vec())),
                            owned_by.clone(),
                            None,
                            false,
                        );
                    } else if let Some(d) = def {
                        self.node(d, ctx);
                    }
                }
            }
            "CreateFunctionStmt" => {
                let parts = strings(get("funcname").unwrap_or(&Value::Null));
                self.named(Role::Object(Namespace::Function), parts, None, true);
                for k in ["parameters", "return_type", "sql_body"] {
                    self.each(get(k), &Context::default());
                }
            }
            "CreateEnumStmt" | "CreateRangeStmt" | "AlterEnumStmt" => {
                let parts = strings(get("type_name").unwrap_or(&Value::Null));
                self.named(
                    Role::Object(Namespace::Type),
                    parts,
                    None,
                    kind != "AlterEnumStmt",
                );
                self.each(get("params"), ctx);
            }
            "CreateDomainStmt" => {
                let parts = strings(get("domainname").unwrap_or(&Value::Null));
                self.named(Role::Object(Namespace::Type), parts, None, true);
                self.each(get("type_name"), ctx);
                self.each(get("constraints"), &Context::default());
            }
            "AlterDomainStmt" => {
                let parts = strings(get("type_name").unwrap_or(&Value::Null));
                self.named(Role::Object(Namespace::Type), parts, None, false);
                self.each(get("def"), &Context::default());
            }
            "DefineStmt" => {
                let parts = strings(get("defnames").unwrap_or(&Value::Null));
                match object_type(f, "kind") {
                    Some(ObjectType::ObjectType) => {
                        self.named(Role::Object(Namespace::Type), parts, None, true)
                    }
                    Some(ObjectType::ObjectAggregate) => {
                        self.named(Role::Object(Namespace::Function), parts, None, true)
                    }
                    _ => {}
                }
                self.each(get("args"), ctx);
            }
            "CommentStmt" | "SecLabelStmt" => {
                self.object(object_type(f, "objtype"), get("object"), ctx);
            }
            "AlterOwnerStmt" | "AlterObjectSchemaStmt" => {
                self.relation(get("relation"), false);
                self.object(object_type(f, "object_type"), get("object"), ctx);
            }
            "GrantStmt" => {
                let objtype = object_type(f, "objtype");
                let mut relations = Vec::new();
                for o in get("objects")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    if let Some(rv) = o.pointer("/node/RangeVar") {
                        relations.extend(self.relation(Some(rv), false));
                    } else {
                        self.object(objtype, Some(o), ctx);
                    }
                }
                for p in get("privileges")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    for relation in &relations {
                        self.columns(p.pointer("/node/AccessPriv/cols"), &Some(relation.clone()));
                    }
                }
            }
            "CreatePolicyStmt" | "AlterPolicyStmt" => {
                let relation = self.relation(get("table"), false);
                let inner = Context {
                    relation,
                    declaring: false,
                };
                self.each(get("qual"), &inner);
                self.each(get("with_check"), &inner);
            }
            "CreateTrigStmt" => {
                let relation = self.relation(get("relation"), false);
                let parts = strings(get("funcname").unwrap_or(&Value::Null));
                self.named(Role::Object(Namespace::Function), parts, None, false);
                self.relation(get("constrrel"), false);
                let inner = Context {
                    relation,
                    declaring: false,
                };
                self.columns(get("columns"), &inner.relation);
                self.each(get("when_clause"), &inner);
            }
            "RuleStmt" => {
                let relation = self.relation(get("relation"), false);
                let inner = Context {
                    relation,
                    declaring: false,
                };
                self.each(get("where_clause"), &inner);
                self.each(get("actions"), &Context::default());
            }
            "InsertStmt" => {
                let relation = self.relation(get("relation"), false);
                for col in get("cols").and_then(Value::as_array).into_iter().flatten() {
                    if let Some(t) = col.pointer("/node/ResTarget") {
                        if let Some(name) = t.get("name").and_then(Value::as_str) {
                            self.named(
                                Role::Column(relation.clone()),
                                vec![name.to_string()],
                                location(t),
                                false,
                            );
                        }
                    }
                }
                for k in [
                    "select_stmt",
                    "on_conflict_clause",
                    "returning_list",
                    "with_clause",
                ] {
                    self.each(get(k), ctx);
                }
            }
            "DeleteStmt" => {
                self.relation(get("relation"), false);
                for k in [
                    "using_clause",
                    "where_clause",
                    "returning_list",
                    "with_clause",
                ] {
                    self.each(get(k), ctx);
                }
            }
            "UpdateStmt" => {
                let relation = self.relation(get("relation"), false);
                for t in get("target_list")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    if let Some(t) = t.pointer("/node/ResTarget") {
                        if let Some(name) = t.get("name").and_then(Value::as_str) {
                            self.named(
                                Role::Column(relation.clone()),
                                vec![name.to_string()],
                                location(t),
                                false,
                            );
                        }
                        self.each(t.get("val"), ctx);
                    }
                }
                for k in [
                    "where_clause",
                    "from_clause",
                    "returning_list",
                    "with_clause",
                ] {
                    self.each(get(k), ctx);
                }
            }
            "ResTarget" => {
                // An output name (`AS x`), not a reference.
                let before = self.found.len();
                self.each(get("val"), ctx);
                let unnamed = get("name")
                    .and_then(Value::as_str)
                    .is_none_or(str::is_empty);
                if unnamed && get("val").is_some_and(|v| v.pointer("/node/ColumnRef").is_some()) {
                    for n in &mut self.found[before..] {
                        if matches!(n.role, Role::Column(_)) {
                            n.form = Form::Output;
                        }
                    }
                }
                self.each(get("indirection"), ctx);
            }
            "CreateStatsStmt" => {
                let relations: Vec<Vec<String>> = get("relations")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|r| r.pointer("/node/RangeVar"))
                    .filter_map(|rv| self.relation(Some(rv), false))
                    .collect();
                let inner = Context {
                    relation: relations.into_iter().next(),
                    declaring: false,
                };
                self.each(get("exprs"), &inner);
            }
            _ => return false,
        }
        true
    }

    /// The object of `COMMENT ON`, `GRANT … ON`, `ALTER … OWNER TO`: a name list whose
    /// meaning depends on the object type.
    fn object(&mut self, objtype: Option<ObjectType>, object: Option<&Value>, ctx: &Context) {
        let Some(object) = object else { return };
        let list = object
            .pointer("/node/List/items")
            .or_else(|| object.get("List").and_then(|l| l.get("items")));
        let Some(objtype) = objtype else {
            return self.node(object, ctx);
        };
        let parts = list.map(strings).unwrap_or_default();
        match objtype {
            t if RELATIONS.contains(&t) && !parts.is_empty() => {
                self.named(Role::Object(Namespace::Relation), parts, None, false)
            }
            ObjectType::ObjectColumn => {
                if let Some((_, table)) = parts.split_last() {
                    self.named(
                        Role::Object(Namespace::Relation),
                        table.to_vec(),
                        None,
                        false,
                    );
                    self.named(
                        Role::Column(Some(table.to_vec())),
                        parts.clone(),
                        None,
                        false,
                    );
                }
            }
            ObjectType::ObjectTabconstraint => {
                if let Some((name, table)) = parts.split_last() {
                    self.named(
                        Role::Object(Namespace::Relation),
                        table.to_vec(),
                        None,
                        false,
                    );
                    self.named(
                        Role::Constraint(table.to_vec()),
                        vec![name.clone()],
                        None,
                        false,
                    );
                }
            }
            ObjectType::ObjectTrigger | ObjectType::ObjectPolicy | ObjectType::ObjectRule => {
                if let Some((_, table)) = parts.split_last() {
                    self.named(
                        Role::Object(Namespace::Relation),
                        table.to_vec(),
                        None,
                        false,
                    );
                }
            }
            ObjectType::ObjectType | ObjectType::ObjectDomain if !parts.is_empty() => {
                self.named(Role::Object(Namespace::Type), parts, None, false)
            }
            _ => self.node(object, ctx),
        }
    }
}
