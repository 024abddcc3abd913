//! Completion: what may be written at the cursor, from the declared source and the live
//! database (either alone will do), each item saying where it comes from.
//!
//! - After `schema.`: the schema's relations, types, domains, sequences and routines; after
//!   `relation.` (or `schema.relation.`): its columns.
//! - Inside a statement about one relation (`ALTER TABLE t …`, `CREATE INDEX … ON t (`,
//!   `CREATE POLICY … ON t`, `CREATE TRIGGER … ON t`, a `CREATE TABLE`'s own constraints):
//!   that relation's columns first; in a query (a view's body too), the columns of the
//!   relations its `FROM` names, and after `alias.` (or `NEW.`/`OLD.` in a trigger) the
//!   columns of the relation it stands for.
//! - Elsewhere: schemas, the objects of the `search_path` schemas by their bare names,
//!   built-in types, and keywords (only keywords where a statement starts).
//!
//! Everything here reads the workspace and the last inspection already in memory: completion
//! never waits for the database.

use std::collections::BTreeMap;
use std::path::Path;

use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionItemLabelDetails, CompletionResponse, Position,
};

use super::database::{Database, LiveState, Status};
use super::navigate::fold;
use super::text::LineIndex;
use super::workspace::Workspace;
use crate::emit::sql::ident;
use crate::identity::{Identity, ObjectKind};

/// More items than this for one request are cut (the client asks again as the user types).
const MOST_ITEMS: usize = 1000;

/// Where a completed name comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Declared in the source (and live, or no database to say otherwise).
    Declared,
    /// Declared, not live yet.
    Pending,
    /// Live, not declared in the source.
    LiveOnly,
}

impl Origin {
    pub fn label(self) -> &'static str {
        match self {
            Origin::Declared => "declared",
            Origin::Pending => "pending",
            Origin::LiveOnly => "live only",
        }
    }
}

/// Statement keywords, offered where a statement starts and after the names elsewhere.
const STATEMENT_KEYWORDS: &[&str] = &[
    "ALTER",
    "COMMENT ON",
    "CREATE",
    "DROP",
    "GRANT",
    "REVOKE",
    "SELECT",
    "SET",
    "WITH",
];

/// Keywords of schema statements, offered inside a statement.
const KEYWORDS: &[&str] = &[
    "ADD COLUMN",
    "ADD CONSTRAINT",
    "AFTER",
    "ALTER COLUMN",
    "AS",
    "BEFORE",
    "CASCADE",
    "CHECK",
    "COLUMN",
    "CONSTRAINT",
    "DEFAULT",
    "DOMAIN",
    "EXECUTE FUNCTION",
    "EXTENSION",
    "FOREIGN KEY",
    "FOR EACH ROW",
    "FUNCTION",
    "GENERATED ALWAYS AS IDENTITY",
    "IF NOT EXISTS",
    "INDEX",
    "LANGUAGE",
    "MATERIALIZED VIEW",
    "NOT NULL",
    "ON",
    "OR REPLACE",
    "OWNER TO",
    "POLICY",
    "PRIMARY KEY",
    "PROCEDURE",
    "REFERENCES",
    "RETURNS",
    "ROW LEVEL SECURITY",
    "SCHEMA",
    "SEQUENCE",
    "TABLE",
    "TO",
    "TRIGGER",
    "TYPE",
    "UNIQUE",
    "USING",
    "VIEW",
    "WHERE",
];

/// Built-in types, offered wherever a name may be written.
const BUILT_IN_TYPES: &[&str] = &[
    "bigint",
    "bigserial",
    "boolean",
    "bytea",
    "character varying",
    "character",
    "cidr",
    "date",
    "daterange",
    "double precision",
    "inet",
    "int4range",
    "int8range",
    "integer",
    "interval",
    "json",
    "jsonb",
    "macaddr",
    "money",
    "numeric",
    "oid",
    "real",
    "serial",
    "smallint",
    "text",
    "time",
    "time with time zone",
    "timestamp",
    "timestamp with time zone",
    "tsquery",
    "tsrange",
    "tstzrange",
    "tsvector",
    "uuid",
    "xml",
];

/// The completion items at `position` of `path`.
pub fn complete(
    ws: &Workspace,
    db: Option<&Database>,
    path: &Path,
    position: Position,
) -> Option<CompletionResponse> {
    let text = ws.text(path)?;
    let offset = LineIndex::new(&text).offset(position).min(text.len());
    let before = text.get(..offset)?;
    let typed = typed_name(before);
    // The whole statement (a query's `FROM` often comes after the cursor).
    let statement = {
        let start = statement_start(&before[..typed.start]);
        text.get(start..statement_end(&text, offset)).unwrap_or("")
    };
    let from = from_relations(statement);
    let live = db
        .filter(|db| db.status() == Status::Connected)
        .and_then(Database::live);
    let search_path = ws.settings().search_path.clone();
    let partial = typed.partial.to_lowercase();
    // As PostgreSQL folds names: ASCII letters only (and without allocating: this runs on
    // every declared and live identity).
    let starts = |id: &Identity| {
        id.name
            .get(..partial.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(&partial))
    };
    let column_of = |id: &Identity, schema: &str, relation: &str| {
        id.kind == ObjectKind::Column
            && id.schema.as_deref() == Some(schema)
            && id.table.as_deref() == Some(relation)
    };
    let mut items = Items::default();
    match typed.qualifiers.as_slice() {
        [] => {
            let statement_head = statement_before(before, typed.start);
            if statement_head.trim().is_empty() {
                for keyword in STATEMENT_KEYWORDS {
                    items.keyword(keyword);
                }
            } else if expects_type(statement_head) {
                // Types only: schemas (to qualify one), the search_path's types and domains,
                // then built-in types.
                let keep = |id: &Identity| {
                    starts(id)
                        && match (&id.schema, id.kind) {
                            (None, ObjectKind::Schema) => true,
                            (Some(schema), ObjectKind::Type | ObjectKind::Domain) => {
                                search_path.iter().any(|s| **s == **schema) && is_named(id)
                            }
                            _ => false,
                        }
                };
                items.names(&Names::new(ws, live.as_deref(), keep));
                for name in BUILT_IN_TYPES {
                    items.built_in_type(name);
                }
            } else {
                let relations: Vec<(String, String)> = match relation_of(statement) {
                    Some(r) => vec![r],
                    None => from.iter().map(|(r, _)| r.clone()).collect(),
                }
                .iter()
                .filter_map(|r| resolve_relation(ws, live.as_deref(), &search_path, r))
                .collect();
                let keep = |id: &Identity| {
                    starts(id)
                        && match (&id.schema, id.kind) {
                            (None, ObjectKind::Schema) => true,
                            (Some(_), ObjectKind::Column) => {
                                relations.iter().any(|(s, r)| column_of(id, s, r))
                            }
                            (Some(schema), _) => {
                                search_path.iter().any(|s| **s == **schema) && is_named(id)
                            }
                            _ => false,
                        }
                };
                items.names(&Names::new(ws, live.as_deref(), keep));
                for name in BUILT_IN_TYPES {
                    items.built_in_type(name);
                }
                for keyword in KEYWORDS.iter().chain(STATEMENT_KEYWORDS) {
                    items.keyword(keyword);
                }
            }
        }
        [qualifier] => {
            // An alias, `NEW`/`OLD` of a trigger, a relation of the `FROM` by its bare name,
            // else a relation by name.
            let aliased = from
                .iter()
                .find(|(r, alias)| {
                    alias.as_deref() == Some(qualifier.as_str())
                        || (alias.is_none() && r.last() == Some(qualifier))
                })
                .map(|(r, _)| r.clone())
                .or_else(|| {
                    matches!(qualifier.as_str(), "new" | "old")
                        .then(|| relation_of(statement))
                        .flatten()
                });
            let written = aliased.unwrap_or_else(|| typed.qualifiers.clone());
            let relation = resolve_relation(ws, live.as_deref(), &search_path, &written);
            let keep = |id: &Identity| {
                starts(id)
                    && ((id.schema.as_deref() == Some(qualifier.as_str()) && is_named(id))
                        || relation.as_ref().is_some_and(|(s, r)| column_of(id, s, r)))
            };
            items.names(&Names::new(ws, live.as_deref(), keep));
        }
        [.., schema, relation] => {
            let keep = |id: &Identity| starts(id) && column_of(id, schema, relation);
            items.names(&Names::new(ws, live.as_deref(), keep));
        }
    }
    Some(items.finish(&partial))
}

/// The name being typed before the cursor: `a.b.par` → qualifiers `a`, `b` (folded as
/// PostgreSQL folds them) and the partial last part `par`, which starts at byte `start`.
struct Typed {
    qualifiers: Vec<String>,
    partial: String,
    start: usize,
}

fn typed_name(before: &str) -> Typed {
    let bytes = before.as_bytes();
    let mut start = bytes.len();
    let mut in_quotes = false;
    while start > 0 {
        let c = bytes[start - 1];
        // Name characters: letters, digits, `_`, `$`, any non-ASCII byte; `.` between parts.
        let in_name = c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$' | b'.') || c >= 0x80;
        if c == b'"' {
            in_quotes = !in_quotes;
        } else if !in_quotes && !in_name {
            break;
        }
        start -= 1;
    }
    let mut parts: Vec<String> = split_name(&before[start..]);
    let partial = parts.pop().unwrap_or_default();
    Typed {
        qualifiers: parts,
        partial,
        start,
    }
}

/// `a."B".c` → `a`, `B`, `c` (the last part as typed so far, folded too).
fn split_name(text: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut quoted = false;
    let mut was_quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(p) = parts.last_mut() {
                    p.push('"')
                }
            }
            '"' => {
                quoted = !quoted;
                was_quoted = true;
            }
            '.' if !quoted => {
                parts.push(String::new());
                was_quoted = false;
            }
            c if quoted || was_quoted => {
                if let Some(p) = parts.last_mut() {
                    p.push(c)
                }
            }
            c => {
                if let Some(p) = parts.last_mut() {
                    p.extend(c.to_lowercase())
                }
            }
        }
    }
    parts
}

/// The text of the statement the cursor is in, up to the name being typed.
fn statement_before(before: &str, name_start: usize) -> &str {
    let head = &before[..name_start];
    let start = statement_start(head);
    &head[start..]
}

/// Where the last statement of `text` starts: after its last `;` outside quotes, comments
/// and dollar-quoted bodies (the scanner knows them; unterminated text is taken as it is).
fn statement_start(text: &str) -> usize {
    let Ok(scanned) = pg_query::scan(text) else {
        return text.rfind(';').map_or(0, |i| i + 1);
    };
    scanned
        .tokens
        .iter()
        .filter(|t| t.token == pg_query::protobuf::Token::Ascii59 as i32)
        .filter_map(|t| usize::try_from(t.end).ok())
        .next_back()
        .unwrap_or(0)
}

/// Whether a type comes next in `statement` (its text up to the cursor): after `::`, `TYPE`
/// (`ALTER COLUMN c TYPE`, `SET DATA TYPE`), `RETURNS`, and after a column's or parameter's
/// name in `CREATE TABLE (…)` / `CREATE FUNCTION (…)`.
fn expects_type(statement: &str) -> bool {
    let Ok(scanned) = pg_query::scan(statement) else {
        return false;
    };
    let words: Vec<&str> = scanned
        .tokens
        .iter()
        .filter_map(|t| {
            let s = usize::try_from(t.start).ok()?;
            let e = usize::try_from(t.end).ok()?;
            statement.get(s..e)
        })
        .collect();
    let last = words.last().copied().unwrap_or("");
    if last == "::"
        || ["type", "returns"]
            .iter()
            .any(|k| last.eq_ignore_ascii_case(k))
    {
        return true;
    }
    let declares_members = words
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("create"))
        && words.iter().take(6).any(|w| {
            ["table", "function", "procedure", "type"]
                .iter()
                .any(|k| w.eq_ignore_ascii_case(k))
        });
    if !declares_members {
        return false;
    }
    // One name since the `(` or `,` of the first parentheses.
    let mut depth = 0usize;
    let mut since_separator = 0usize;
    for w in &words {
        match *w {
            "(" => {
                depth += 1;
                since_separator = 0;
            }
            ")" => depth = depth.saturating_sub(1),
            "," if depth == 1 => since_separator = 0,
            _ => since_separator += 1,
        }
    }
    let is_keyword = |w: &str| {
        [
            "constraint",
            "primary",
            "unique",
            "check",
            "foreign",
            "exclude",
            "like",
            "in",
            "out",
            "inout",
            "variadic",
        ]
        .iter()
        .any(|k| w.eq_ignore_ascii_case(k))
    };
    depth == 1 && since_separator == 1 && !is_keyword(last)
}

/// Where the statement that goes on at `offset` ends: at its next `;` outside quotes and
/// bodies, else at the end of the text.
fn statement_end(text: &str, offset: usize) -> usize {
    let rest = text.get(offset..).unwrap_or("");
    let Ok(scanned) = pg_query::scan(rest) else {
        return rest.find(';').map_or(text.len(), |i| offset + i);
    };
    scanned
        .tokens
        .iter()
        .find(|t| t.token == pg_query::protobuf::Token::Ascii59 as i32)
        .and_then(|t| usize::try_from(t.start).ok())
        .map_or(text.len(), |i| offset + i)
}

/// The relations a query's `FROM` (and `JOIN`s) names, as written, each with its alias.
fn from_relations(statement: &str) -> Vec<(Vec<String>, Option<String>)> {
    use pg_query::protobuf::Token;
    let Ok(scanned) = pg_query::scan(statement) else {
        return Vec::new();
    };
    let tokens: Vec<(&str, i32)> = scanned
        .tokens
        .iter()
        .filter_map(|t| {
            let s = usize::try_from(t.start).ok()?;
            let e = usize::try_from(t.end).ok()?;
            Some((statement.get(s..e)?, t.token))
        })
        .collect();
    let is = |i: usize, word: &str| {
        tokens
            .get(i)
            .is_some_and(|(w, _)| w.eq_ignore_ascii_case(word))
    };
    let is_ident = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|(_, t)| *t == Token::Ident as i32)
    };
    // A relation follows FROM, JOIN, and a comma of a FROM list (same parentheses depth,
    // before the clause that ends the list).
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut from_depth: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        let starts_relation = match tokens[i].0 {
            "(" => {
                depth += 1;
                false
            }
            ")" => {
                depth = depth.saturating_sub(1);
                if from_depth.is_some_and(|d| depth < d) {
                    from_depth = None;
                }
                false
            }
            "," => from_depth == Some(depth),
            word if word.eq_ignore_ascii_case("from") => {
                from_depth = Some(depth);
                true
            }
            word if word.eq_ignore_ascii_case("join") => true,
            word if END_OF_FROM.iter().any(|k| word.eq_ignore_ascii_case(k)) => {
                if from_depth == Some(depth) {
                    from_depth = None;
                }
                false
            }
            _ => false,
        };
        i += 1;
        if !starts_relation {
            continue;
        }
        while is(i, "only") || is(i, "lateral") {
            i += 1;
        }
        let is_name = |i: usize| {
            is_ident(i)
                || tokens
                    .get(i)
                    .is_some_and(|(w, _)| w.chars().all(|c| c.is_alphanumeric() || c == '_'))
        };
        if !is_name(i) {
            continue;
        }
        let mut name = vec![fold(tokens[i].0)];
        while is(i + 1, ".") && is_name(i + 2) {
            i += 2;
            name.push(fold(tokens[i].0));
        }
        i += 1;
        if is(i, "as") {
            i += 1;
        }
        let alias = is_ident(i).then(|| fold(tokens[i].0));
        if alias.is_some() {
            i += 1;
        }
        out.push((name, alias));
    }
    out
}

/// The keywords that end a `FROM` list.
const END_OF_FROM: [&str; 10] = [
    "where",
    "group",
    "having",
    "order",
    "limit",
    "offset",
    "window",
    "union",
    "intersect",
    "except",
];

/// The relation a statement is about, as written: `ALTER TABLE [ONLY] [IF EXISTS] r`,
/// `CREATE [UNIQUE] INDEX … ON [ONLY] r`, `CREATE POLICY p ON r`, `CREATE TRIGGER … ON r`,
/// `CREATE TABLE [IF NOT EXISTS] r (`, `COMMENT ON COLUMN r.`.
fn relation_of(statement: &str) -> Option<Vec<String>> {
    let scanned = pg_query::scan(statement).ok()?;
    let words: Vec<(String, bool)> = scanned
        .tokens
        .iter()
        .filter_map(|t| {
            let s = usize::try_from(t.start).ok()?;
            let e = usize::try_from(t.end).ok()?;
            let word = statement.get(s..e)?;
            Some((word.to_string(), word.starts_with('"')))
        })
        .collect();
    let upper = |i: usize| -> String {
        words
            .get(i)
            .filter(|(_, quoted)| !quoted)
            .map(|(w, _)| w.to_uppercase())
            .unwrap_or_default()
    };
    let first = upper(0);
    let second = upper(1);
    let mut at = match (first.as_str(), second.as_str()) {
        ("ALTER", "TABLE") | ("CREATE", "TABLE") => 2,
        ("CREATE", "INDEX" | "UNIQUE" | "POLICY" | "TRIGGER" | "OR") => {
            // The relation follows the first ON.
            (2..words.len()).find(|&i| upper(i) == "ON")? + 1
        }
        _ => return None,
    };
    while matches!(upper(at).as_str(), "ONLY" | "IF" | "NOT" | "EXISTS") {
        at += 1;
    }
    let mut name = vec![fold(&words.get(at)?.0)];
    while words.get(at + 1).is_some_and(|(w, _)| w == ".") {
        at += 2;
        name.push(fold(&words.get(at)?.0));
    }
    Some(name)
}

/// `relation` as written (`t` or `s.t`) → its schema (the first `search_path` schema that
/// declares it or has it live, for a bare name) and name.
fn resolve_relation(
    ws: &Workspace,
    live: Option<&LiveState>,
    search_path: &[String],
    relation: &[String],
) -> Option<(String, String)> {
    match relation {
        [.., schema, name] => Some((schema.clone(), name.clone())),
        [name] => {
            let exists = |schema: &str| {
                let named = |id: &Identity| {
                    is_relation(id.kind)
                        && id.schema.as_deref() == Some(schema)
                        && *id.name == **name
                };
                !ws.identities_where(named).is_empty()
                    || live.is_some_and(|l| l.objects.iter().any(|o| named(&o.identity)))
            };
            let schema = search_path.iter().find(|s| exists(s))?;
            Some((schema.clone(), name.clone()))
        }
        [] => None,
    }
}

/// What a bare or schema-qualified name can stand for in a statement.
fn is_named(id: &Identity) -> bool {
    id.table.is_none()
        && id.grant_of().is_none()
        && matches!(
            id.kind,
            ObjectKind::Table
                | ObjectKind::ForeignTable
                | ObjectKind::View
                | ObjectKind::MaterializedView
                | ObjectKind::Type
                | ObjectKind::Domain
                | ObjectKind::Sequence
                | ObjectKind::Function
                | ObjectKind::Procedure
                | ObjectKind::Aggregate
        )
}

fn is_relation(kind: ObjectKind) -> bool {
    matches!(
        kind,
        ObjectKind::Table
            | ObjectKind::ForeignTable
            | ObjectKind::View
            | ObjectKind::MaterializedView
    )
}

/// The declared and the live identities, each with its origin.
struct Names {
    /// Declared identities, and whether each is live (`None`: no database to tell).
    declared: Vec<(Identity, Option<bool>)>,
    live_only: Vec<Identity>,
}

impl Names {
    /// The identities `keep` accepts (the others are not copied: a workspace declares hundreds
    /// of thousands). Grants name no object of their own.
    fn new(ws: &Workspace, live: Option<&LiveState>, keep: impl Fn(&Identity) -> bool) -> Names {
        let keep = |id: &Identity| id.grant_of().is_none() && keep(id);
        let declared: Vec<(Identity, Option<bool>)> = ws
            .identities_where(keep)
            .into_iter()
            .map(|id| {
                let is_live = live.map(|l| l.is_live(&id));
                (id, is_live)
            })
            .collect();
        let live_only = live
            .map(|l| {
                l.objects
                    .iter()
                    .filter(|o| keep(&o.identity) && !ws.is_declared(&o.identity))
                    .map(|o| o.identity.clone())
                    .collect()
            })
            .unwrap_or_default();
        Names {
            declared,
            live_only,
        }
    }

    fn iter(&self) -> impl Iterator<Item = (&Identity, Origin)> {
        self.declared
            .iter()
            .map(|(id, live)| {
                let origin = match live {
                    Some(false) => Origin::Pending,
                    _ => Origin::Declared,
                };
                (id, origin)
            })
            .chain(self.live_only.iter().map(|id| (id, Origin::LiveOnly)))
    }
}

/// The items of one answer, by label and kind (one per name: a function's overloads are one
/// item each, by their arguments).
#[derive(Default)]
struct Items {
    by_key: BTreeMap<(String, String), CompletionItem>,
}

impl Items {
    fn object(&mut self, id: &Identity, origin: Origin, rank: &str) {
        let label = ident(&id.name);
        let kind = match id.kind {
            ObjectKind::Schema => CompletionItemKind::MODULE,
            ObjectKind::Table | ObjectKind::ForeignTable => CompletionItemKind::CLASS,
            ObjectKind::View | ObjectKind::MaterializedView => CompletionItemKind::INTERFACE,
            ObjectKind::Function | ObjectKind::Procedure | ObjectKind::Aggregate => {
                CompletionItemKind::FUNCTION
            }
            ObjectKind::Type | ObjectKind::Domain => CompletionItemKind::STRUCT,
            ObjectKind::Sequence => CompletionItemKind::VARIABLE,
            ObjectKind::Column => CompletionItemKind::FIELD,
            _ => CompletionItemKind::REFERENCE,
        };
        let args = id.args().map(|a| format!("({})", a.join(", ")));
        let detail = format!("{} {id} — {}", id.kind.singular(), origin.label());
        let item = CompletionItem {
            label: label.clone(),
            label_details: Some(CompletionItemLabelDetails {
                detail: args,
                description: Some(origin.label().to_string()),
            }),
            kind: Some(kind),
            detail: Some(detail.clone()),
            sort_text: Some(format!("{rank}{label}")),
            filter_text: Some(id.name.to_string()),
            insert_text: Some(label.clone()),
            ..CompletionItem::default()
        };
        self.insert((format!("{rank}{label}"), detail), item);
    }

    /// Columns first, then the other names.
    fn names(&mut self, names: &Names) {
        for (id, origin) in names.iter() {
            let rank = if id.kind == ObjectKind::Column {
                "0"
            } else {
                "1"
            };
            self.object(id, origin, rank);
        }
    }

    fn built_in_type(&mut self, name: &str) {
        let item = CompletionItem {
            label: name.to_string(),
            kind: Some(CompletionItemKind::TYPE_PARAMETER),
            detail: Some("built-in type".to_string()),
            sort_text: Some(format!("2{name}")),
            ..CompletionItem::default()
        };
        self.insert((format!("2{name}"), "type".to_string()), item);
    }

    fn keyword(&mut self, keyword: &str) {
        let item = CompletionItem {
            label: keyword.to_string(),
            kind: Some(CompletionItemKind::KEYWORD),
            sort_text: Some(format!("3{keyword}")),
            ..CompletionItem::default()
        };
        self.insert((format!("3{keyword}"), "keyword".to_string()), item);
    }

    fn insert(&mut self, key: (String, String), item: CompletionItem) {
        self.by_key.entry(key).or_insert(item);
    }

    /// The items whose name starts as `partial` does (case aside), at most [`MOST_ITEMS`]; the
    /// answer is marked incomplete when some were cut.
    fn finish(self, partial: &str) -> CompletionResponse {
        let partial = partial.to_lowercase();
        let mut matching: Vec<CompletionItem> = self
            .by_key
            .into_values()
            .filter(|item| {
                item.filter_text
                    .as_deref()
                    .unwrap_or(&item.label)
                    .to_lowercase()
                    .starts_with(&partial)
            })
            .collect();
        let cut = matching.len() > MOST_ITEMS;
        matching.truncate(MOST_ITEMS);
        CompletionResponse::List(tower_lsp_server::ls_types::CompletionList {
            is_incomplete: cut,
            items: matching,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_typed_name_is_split_and_folded() {
        let t = typed_name("SELECT * FROM App.\"Big Table\".na");
        assert_eq!(t.qualifiers, ["app", "Big Table"]);
        assert_eq!(t.partial, "na");
        let t = typed_name("ALTER TABLE ");
        assert!(t.qualifiers.is_empty());
        assert_eq!(t.partial, "");
        let t = typed_name("x = public.");
        assert_eq!(t.qualifiers, ["public"]);
        assert_eq!(t.partial, "");
    }

    #[test]
    fn the_relation_of_a_statement_is_found() {
        let cases = [
            (
                "ALTER TABLE ONLY app.orders ALTER COLUMN ",
                Some(vec!["app", "orders"]),
            ),
            (
                "ALTER TABLE IF EXISTS \"T\" ADD CONSTRAINT c CHECK (",
                Some(vec!["T"]),
            ),
            (
                "CREATE UNIQUE INDEX i ON ONLY public.t USING btree (",
                Some(vec!["public", "t"]),
            ),
            ("CREATE INDEX i ON t (", Some(vec!["t"])),
            (
                "CREATE POLICY p ON app.orders USING (",
                Some(vec!["app", "orders"]),
            ),
            (
                "CREATE OR REPLACE TRIGGER tr BEFORE UPDATE ON s.t FOR EACH ROW WHEN (",
                Some(vec!["s", "t"]),
            ),
            (
                "CREATE TABLE IF NOT EXISTS s.t (id integer, PRIMARY KEY (",
                Some(vec!["s", "t"]),
            ),
            ("CREATE VIEW v AS SELECT ", None),
        ];
        for (statement, expected) in cases {
            let expected =
                expected.map(|parts| parts.into_iter().map(str::to_string).collect::<Vec<_>>());
            assert_eq!(relation_of(statement), expected, "{statement}");
        }
    }

    #[test]
    fn a_type_is_expected_after_a_member_name_and_type_keywords() {
        for (statement, expected) in [
            ("CREATE TABLE t (id ", true),
            ("CREATE TABLE t (id integer, total ", true),
            ("CREATE TABLE t (id integer ", false),
            ("CREATE TABLE t (id integer, CONSTRAINT ", false),
            ("CREATE FUNCTION f(a ", true),
            ("CREATE FUNCTION f(a int) RETURNS ", true),
            ("ALTER TABLE t ALTER COLUMN c TYPE ", true),
            ("ALTER TABLE t ALTER COLUMN c SET DATA TYPE ", true),
            ("SELECT 1::", true),
            ("SELECT a ", false),
            ("CREATE TABLE t (id integer CHECK (id ", false),
        ] {
            assert_eq!(expects_type(statement), expected, "{statement}");
        }
    }

    #[test]
    fn the_relations_of_a_query_are_found_with_their_aliases() {
        let names = |s: &str| -> Vec<(String, Option<String>)> {
            from_relations(s)
                .into_iter()
                .map(|(r, a)| (r.join("."), a))
                .collect()
        };
        assert_eq!(
            names("CREATE VIEW v AS SELECT c. FROM app.customers c JOIN orders AS o ON o.id = c.id, \"T\" WHERE"),
            [
                ("app.customers".to_string(), Some("c".to_string())),
                ("orders".to_string(), Some("o".to_string())),
                ("T".to_string(), None),
            ]
        );
        assert_eq!(names("SELECT 1"), []);
        assert_eq!(statement_end("SELECT a; SELECT b", 3), 8);
        assert_eq!(statement_end("SELECT a", 3), 8);
    }

    #[test]
    fn a_statement_starts_after_the_last_semicolon_outside_bodies() {
        let text =
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nALTER TABLE t ";
        assert_eq!(&text[statement_start(text)..], "\nALTER TABLE t ");
        assert_eq!(statement_start("ALTER TABLE t "), 0);
    }
}
