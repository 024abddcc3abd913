//! References: where the source names a table (or any relation), column, type, function or
//! constraint — the declaration and every use (foreign keys, views, indexes, triggers,
//! policies, defaults, `%TYPE`, casts to `regclass`, grants, comments, and the bodies of
//! SQL-standard functions), for `references` and `rename` in the editor.
//!
//! Each statement's syntax tree (pg_query) says what it names and in which role. Most names
//! carry their position (relations, column references, types, function calls); the rest
//! (`PRIMARY KEY (id)`, `COMMENT ON TABLE t`, a function's own name) are found among the
//! statement's tokens that no positioned name claims. Names in function bodies written as
//! strings are not parsed.

use std::cell::RefCell;
use std::collections::HashMap;

use pg_query::protobuf::{AlterTableType, KeywordKind, ObjectType, ScanToken, Token};
use serde_json::Value;

use crate::model::QualifiedName;

/// PostgreSQL's namespaces for schema-level names: relations (tables, views, sequences,
/// indexes share `pg_class`), types (which include every relation's row type), functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Namespace {
    Relation,
    Type,
    Function,
}

/// What is looked for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// A table, view, materialized view, sequence, index or foreign table.
    Relation(QualifiedName),
    /// A type or domain.
    Type(QualifiedName),
    /// A function, procedure or aggregate (every overload of the name).
    Function(QualifiedName),
    Column {
        table: QualifiedName,
        column: String,
    },
    Constraint {
        table: QualifiedName,
        name: String,
    },
}

impl Target {
    /// The name as written at each occurrence (the part a rename replaces).
    pub fn name(&self) -> &str {
        match self {
            Target::Relation(q) | Target::Type(q) | Target::Function(q) => &q.name,
            Target::Column { column, .. } => column,
            Target::Constraint { name, .. } => name,
        }
    }
}

/// How a name is written where it occurs, which says how to write a new one there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    /// An identifier.
    Name,
    /// Inside the quotes of a `'schema.name'::regclass` string.
    InString,
    /// A column alone in a select list: it also names the output column, which a rename
    /// keeps (`new AS old`, as PostgreSQL itself shows a view after `RENAME COLUMN`).
    Output,
}

/// One place that names the target: the byte range of the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Occurrence {
    pub start: usize,
    pub end: usize,
    /// The statement that declares the target names it here.
    pub declares: bool,
    pub form: Form,
    /// Where the declaring statement starts (for the rename annotation above it).
    pub statement_start: usize,
}

/// What the caller knows of the objects, to resolve names written without a schema (the
/// first schema of `search_path` that has one) and columns named without their relation.
pub struct Names<'a> {
    pub search_path: &'a [String],
    pub exists: &'a dyn Fn(Namespace, &str, &str) -> bool,
    pub has_column: &'a dyn Fn(&QualifiedName, &str) -> bool,
    memo: RefCell<HashMap<(Namespace, String), String>>,
}

impl<'a> Names<'a> {
    pub fn new(
        search_path: &'a [String],
        exists: &'a dyn Fn(Namespace, &str, &str) -> bool,
        has_column: &'a dyn Fn(&QualifiedName, &str) -> bool,
    ) -> Names<'a> {
        Names {
            search_path,
            exists,
            has_column,
            memo: RefCell::new(HashMap::new()),
        }
    }

    /// The object `parts` (`name`, `schema.name` or `db.schema.name`) names.
    fn resolve(&self, ns: Namespace, parts: &[String]) -> Option<QualifiedName> {
        match parts {
            [.., schema, name] => Some(QualifiedName::new(schema.as_str(), name.as_str())),
            [name] => {
                let default = self.search_path.first().map_or("public", String::as_str);
                if self.search_path.len() <= 1 {
                    return Some(QualifiedName::new(default, name.as_str()));
                }
                let key = (ns, name.clone());
                if let Some(schema) = self.memo.borrow().get(&key) {
                    return Some(QualifiedName::new(schema.as_str(), name.as_str()));
                }
                let schema = self
                    .search_path
                    .iter()
                    .find(|s| (self.exists)(ns, s, name))
                    .map_or(default, String::as_str)
                    .to_string();
                self.memo.borrow_mut().insert(key, schema.clone());
                Some(QualifiedName::new(schema, name.as_str()))
            }
            [] => None,
        }
    }
}

/// Every occurrence of `target` in one file's text, in order.
pub fn occurrences(text: &str, target: &Target, names: &Names) -> Vec<Occurrence> {
    if !contains_word(text, target.name()) {
        return Vec::new();
    }
    let file = FileTokens::new(text);
    let mut out = Vec::new();
    for statement in file.statements() {
        if !contains_word(&text[statement.start..statement.end], target.name()) {
            continue;
        }
        let analysis = statement.analyse(&file);
        for m in &analysis.mentions {
            if m.refers_to(target, names, &analysis.relations) {
                out.push(Occurrence {
                    start: m.start,
                    end: m.end,
                    declares: m.declares,
                    form: m.form,
                    statement_start: statement.start,
                });
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// What the name at byte `offset` refers to, and the name's byte range.
pub fn target_at(text: &str, offset: usize, names: &Names) -> Option<(Target, usize, usize)> {
    let file = FileTokens::new(text);
    let statement = file
        .statements()
        .into_iter()
        .find(|s| s.start <= offset && offset <= s.end)?;
    let analysis = statement.analyse(&file);
    let m = analysis
        .mentions
        .iter()
        .filter(|m| m.start <= offset && offset <= m.end)
        // A column reference's relation and column are two mentions: the narrower wins.
        .min_by_key(|m| m.end - m.start)?;
    Some((m.target(names, &analysis.relations)?, m.start, m.end))
}

/// A replacement of `start..end` in one file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The edits that rename every occurrence in `text` to `new_name` (quoted as it must be) and,
/// with `annotate`, write `-- pg-flux: renamed from <old>` above the declaration unless one is
/// already there (a second rename before the migration keeps the live name).
pub fn rename_edits(
    text: &str,
    occurrences: &[Occurrence],
    target: &Target,
    new_name: &str,
    annotate: bool,
) -> Vec<Edit> {
    let quoted = crate::emit::sql::ident(new_name);
    let mut edits: Vec<Edit> = occurrences
        .iter()
        .map(|o| Edit {
            start: o.start,
            end: o.end,
            text: match o.form {
                Form::Name => quoted.clone(),
                Form::InString => quoted.replace('\'', "''"),
                Form::Output => format!("{quoted} AS {}", crate::emit::sql::ident(target.name())),
            },
        })
        .collect();
    if annotate {
        if let Some(declaration) = occurrences.iter().find(|o| o.declares) {
            edits.extend(annotation(text, declaration, target));
        }
    }
    edits.sort_by_key(|e| (e.start, e.end));
    // An insertion where a replacement starts becomes part of it: clients differ on the order
    // of an insertion and a replacement at one place.
    let mut merged: Vec<Edit> = Vec::with_capacity(edits.len());
    for edit in edits {
        match merged.last_mut() {
            Some(last) if last.start == last.end && last.start == edit.start => {
                last.end = edit.end;
                last.text.push_str(&edit.text);
            }
            _ => merged.push(edit),
        }
    }
    merged
}

/// The rename annotation's insertion: above the declaring statement, or for a column or
/// constraint declared inside `CREATE TABLE (…)`, above its line.
fn annotation(text: &str, declaration: &Occurrence, target: &Target) -> Option<Edit> {
    let note = format!(
        "-- pg-flux: renamed from {}",
        crate::emit::sql::ident(target.name())
    );
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let member = matches!(target, Target::Column { .. } | Target::Constraint { .. })
        && text[declaration.statement_start..declaration.start].contains('(');
    if !member {
        let at = declaration.statement_start;
        let gap_start = text[..at].rfind(';').map_or(0, |i| i + 1);
        if crate::source::renames::annotation_in(&text[gap_start..at]).is_some() {
            return None;
        }
        let start = line_start(at);
        let before = &text[start..at];
        return Some(if before.trim().is_empty() {
            Edit {
                start,
                end: start,
                text: format!("{note}\n"),
            }
        } else {
            Edit {
                start: at,
                end: at,
                text: format!("\n{note}\n"),
            }
        });
    }
    // The member starts at its name, or at `CONSTRAINT` before it.
    let start = line_start(declaration.start);
    let before = &text[start..declaration.start];
    let lead = before.len() - before.trim_start().len();
    let rest = before.trim();
    let alone = rest.is_empty() || rest.eq_ignore_ascii_case("constraint");
    if alone {
        let above = line_start(start.saturating_sub(1));
        if start > 0
            && text[above..start - 1]
                .trim_start()
                .starts_with("-- pg-flux: renamed from ")
        {
            return None;
        }
        return Some(Edit {
            start,
            end: start,
            text: format!("{}{note}\n", &before[..lead]),
        });
    }
    let member_start = if rest.to_ascii_lowercase().ends_with("constraint") {
        declaration.start - (before.len() - before.trim_end().len()) - "constraint".len()
    } else {
        declaration.start
    };
    Some(Edit {
        start: member_start,
        end: member_start,
        text: format!("\n    {note}\n    "),
    })
}

/// Whether `word` appears in `text` as a whole word, ignoring ASCII case (a cheap filter
/// before parsing: `t2` is not in `t20`).
fn contains_word(text: &str, word: &str) -> bool {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    if word.is_empty() || word.len() > text.len() {
        return false;
    }
    let part_of_name = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80;
    (0..=text.len() - word.len()).any(|at| {
        text[at..at + word.len()].eq_ignore_ascii_case(word)
            && (at == 0 || !part_of_name(text[at - 1]))
            && text.get(at + word.len()).is_none_or(|b| !part_of_name(*b))
    })
}

/// A name token: its byte range and its value as PostgreSQL folds it.
struct Word {
    start: usize,
    end: usize,
    folded: String,
    /// A keyword (`index`, `key`, `primary` after a dot): a name only where the grammar says.
    keyword: bool,
}

/// A file's tokens, and its text as the parser reads it.
struct FileTokens<'t> {
    text: &'t str,
    tokens: Vec<ScanToken>,
}

/// One statement: its byte range and syntax tree.
struct Statement {
    start: usize,
    end: usize,
    node: pg_query::protobuf::Node,
}

/// A statement's names, and the relations its queries read (for columns named alone).
struct Analysis {
    mentions: Vec<Mention>,
    relations: Vec<Vec<String>>,
}

impl<'t> FileTokens<'t> {
    fn new(text: &'t str) -> FileTokens<'t> {
        let tokens = pg_query::scan(text).map(|s| s.tokens).unwrap_or_default();
        FileTokens { text, tokens }
    }

    fn span(t: &ScanToken) -> (usize, usize) {
        (
            usize::try_from(t.start).unwrap_or(0),
            usize::try_from(t.end).unwrap_or(0),
        )
    }

    /// The statements that parse (a file being edited may have one that does not: the others
    /// still count).
    fn statements(&self) -> Vec<Statement> {
        let masked = crate::load::parser_text(self.text);
        let parsed = |sql: &str, base: usize| -> Option<Vec<Statement>> {
            let result = pg_query::parse(sql, 0).ok()?;
            let statements = result.protobuf.stmts.into_iter().filter_map(|raw| {
                let start = usize::try_from(raw.stmt_location)
                    .unwrap_or(0)
                    .min(sql.len());
                let end = match usize::try_from(raw.stmt_len) {
                    Ok(0) | Err(_) => sql.len(),
                    Ok(len) => (start + len).min(sql.len()),
                };
                Some(Statement {
                    start: base + start,
                    end: base + end,
                    node: *raw.stmt?,
                })
            });
            Some(statements.collect())
        };
        if let Some(all) = parsed(&masked, 0) {
            return all;
        }
        // Statement by statement, split at the `;` tokens. A piece that does not parse is
        // extended to the next `;` (`BEGIN ATOMIC … END` holds some), for a while, then left.
        let ends: Vec<usize> = self
            .tokens
            .iter()
            .filter(|t| t.token == Token::Ascii59 as i32)
            .map(|t| Self::span(t).1.min(masked.len()))
            .chain(std::iter::once(masked.len()))
            .collect();
        let mut out = Vec::new();
        let (mut from, mut i) = (0, 0);
        while i < ends.len() {
            let found = (i..ends.len().min(i + MOST_PIECES)).find_map(|j| {
                let piece = masked.get(from..ends[j])?;
                Some((j, parsed(piece, from)?))
            });
            match found {
                Some((j, statements)) => {
                    out.extend(statements);
                    i = j + 1;
                }
                None => i += 1,
            }
            from = ends[i - 1];
        }
        out
    }

    /// The statement's name tokens, grouped into dotted chains (`s.t.c` is one chain).
    fn chains(&self, start: usize, end: usize) -> Vec<Vec<Word>> {
        let from = self.tokens.partition_point(|t| Self::span(t).0 < start);
        let mut chains: Vec<Vec<Word>> = Vec::new();
        let mut after_dot = false;
        for t in self.tokens[from..]
            .iter()
            .take_while(|t| Self::span(t).0 < end)
        {
            let (s, e) = Self::span(t);
            let word = self.text.get(s..e).unwrap_or("");
            if t.token == Token::Ascii46 as i32 {
                after_dot = true;
                continue;
            }
            let is_name = t.token == Token::Ident as i32
                || (t.keyword_kind != KeywordKind::NoKeyword as i32
                    && word.chars().all(|c| c.is_alphanumeric() || c == '_'));
            if is_name {
                let w = Word {
                    start: s,
                    end: e,
                    folded: crate::source::names::fold(word),
                    keyword: t.token != Token::Ident as i32,
                };
                match chains.last_mut() {
                    Some(chain) if after_dot && chain.last().is_some_and(|l| l.end < s) => {
                        chain.push(w)
                    }
                    _ => chains.push(vec![w]),
                }
            } else {
                chains.push(Vec::new());
            }
            after_dot = false;
        }
        chains.retain(|c| !c.is_empty());
        chains
    }

    /// The string token that starts at `at`.
    fn string_at(&self, at: usize) -> Option<(usize, usize)> {
        let i = self.tokens.partition_point(|t| Self::span(t).0 < at);
        let t = self.tokens.get(i)?;
        (Self::span(t).0 == at && t.token == Token::Sconst as i32).then(|| Self::span(t))
    }
}

/// How many `;`-ended pieces a statement that does not parse alone may be joined with.
const MOST_PIECES: usize = 32;

/// What a name in a statement is.
#[derive(Debug, Clone, PartialEq)]
enum Role {
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
struct Named {
    role: Role,
    parts: Vec<String>,
    at: Option<usize>,
    declares: bool,
    /// `Form::InString`: `at` is the string's.
    form: Form,
}

/// A name found in the text.
struct Mention {
    role: Role,
    parts: Vec<String>,
    start: usize,
    end: usize,
    declares: bool,
    form: Form,
}

impl Statement {
    /// Every name the statement writes, with the role the syntax tree gives it.
    fn analyse(&self, file: &FileTokens) -> Analysis {
        let mut walk = Walk::default();
        if let Ok(tree) = serde_json::to_value(&self.node) {
            walk.scope(&tree);
            let ctes = &walk.ctes;
            walk.relations
                .retain(|r| !(r.len() == 1 && ctes.contains(&r[0])));
            walk.node(&tree, &Context::default());
        }
        let chains = file.chains(self.start, self.end);
        // The chain `n` names: it begins with the name's parts, the last of which is the
        // token reported (`t` of `t.c` for the relation of a column reference).
        let spells = |chain: &[Word], n: &Named| {
            chain.len() >= n.parts.len() && chain.iter().zip(&n.parts).all(|(w, p)| w.folded == *p)
        };
        let mention = |chain: &[Word], n: &Named| {
            let word = &chain[n.parts.len() - 1];
            Mention {
                start: word.start,
                end: word.end,
                role: n.role.clone(),
                parts: n.parts.clone(),
                declares: n.declares,
                form: n.form,
            }
        };
        let mut claimed = vec![false; chains.len()];
        let mut mentions = Vec::new();
        let mut unlocated = Vec::new();
        for n in walk.found {
            let Some(at) = n.at else {
                unlocated.push(n);
                continue;
            };
            if n.form == Form::InString {
                mentions.extend(string_mention(file, at, n));
                continue;
            }
            // A position may be that of a keyword before the name (`SETOF t`): the first
            // chain from there that spells the name.
            let found = chains
                .iter()
                .enumerate()
                .find(|(_, c)| c[0].start >= at && spells(c, &n));
            if let Some((i, chain)) = found {
                claimed[i] = true;
                mentions.push(mention(chain, &n));
            }
        }
        for n in &unlocated {
            for (i, chain) in chains.iter().enumerate() {
                if !claimed[i] && spells(chain, n) && self.names(file, &chain[..n.parts.len()]) {
                    mentions.push(mention(chain, n));
                }
            }
        }
        Analysis {
            mentions,
            relations: walk.relations,
        }
    }

    /// Whether `words` of the statement are names, not syntax: true unless one is a keyword
    /// (`CREATE INDEX index ON …`, `CONSTRAINT "check" CHECK …`), then whether the statement
    /// parses to the same tree with the keywords quoted.
    fn names(&self, file: &FileTokens, words: &[Word]) -> bool {
        if words.iter().all(|w| !w.keyword) {
            return true;
        }
        let Some(text) = file.text.get(self.start..self.end) else {
            return false;
        };
        let mut quoted = String::with_capacity(text.len() + 2 * words.len());
        let mut from = self.start;
        for w in words.iter().filter(|w| w.keyword) {
            let Some(before) = file.text.get(from..w.start) else {
                return false;
            };
            quoted.push_str(before);
            quoted.push_str(&format!("\"{}\"", w.folded.replace('"', "\"\"")));
            from = w.end;
        }
        quoted.push_str(file.text.get(from..self.end).unwrap_or(""));
        let tree = |sql: &str| {
            let parsed = pg_query::parse(&crate::load::parser_text(sql), 0).ok()?;
            let mut tree = serde_json::to_value(parsed.protobuf.stmts).ok()?;
            without_locations(&mut tree);
            Some(tree)
        };
        matches!((tree(text), tree(&quoted)), (Some(a), Some(b)) if a == b)
    }
}

/// Removes the positions from a syntax tree (`location`, `stmt_location`, `stmt_len`).
fn without_locations(tree: &mut Value) {
    match tree {
        Value::Object(fields) => {
            fields.retain(|k, _| !["location", "stmt_location", "stmt_len"].contains(&k.as_str()));
            fields.values_mut().for_each(without_locations);
        }
        Value::Array(items) => items.iter_mut().for_each(without_locations),
        _ => {}
    }
}

/// A `'schema.name'::regclass` string: the name's range inside the quotes.
fn string_mention(file: &FileTokens, at: usize, n: Named) -> Option<Mention> {
    let (start, end) = file.string_at(at)?;
    let inner = file.text.get(start + 1..end.checked_sub(1)?)?;
    if inner.contains(['"', '\'']) {
        return None; // quoted parts inside the string: left alone
    }
    let last = inner.rfind('.').map_or(0, |d| d + 1);
    Some(Mention {
        start: start + 1 + last,
        end: end - 1,
        role: n.role,
        parts: n.parts,
        declares: false,
        form: Form::InString,
    })
}

impl Mention {
    /// What this name refers to.
    fn target(&self, names: &Names, relations: &[Vec<String>]) -> Option<Target> {
        let name = self.parts.last()?.clone();
        Some(match &self.role {
            Role::Object(Namespace::Relation) => {
                Target::Relation(names.resolve(Namespace::Relation, &self.parts)?)
            }
            Role::Object(Namespace::Type) => {
                let q = names.resolve(Namespace::Type, &self.parts)?;
                if (names.exists)(Namespace::Relation, &q.schema, &q.name)
                    && !(names.exists)(Namespace::Type, &q.schema, &q.name)
                {
                    Target::Relation(q)
                } else {
                    Target::Type(q)
                }
            }
            Role::Object(Namespace::Function) => {
                Target::Function(names.resolve(Namespace::Function, &self.parts)?)
            }
            Role::Column(relation) => Target::Column {
                table: self.relation_of(relation.as_deref(), names, relations)?,
                column: name,
            },
            Role::Constraint(relation) => Target::Constraint {
                table: names.resolve(Namespace::Relation, relation)?,
                name,
            },
            Role::Qualifier(full) => Target::Relation(names.resolve(Namespace::Relation, full)?),
            Role::Index(table) => {
                let table = names.resolve(Namespace::Relation, table)?;
                Target::Relation(QualifiedName::new(table.schema, name))
            }
        })
    }

    fn relation_of(
        &self,
        relation: Option<&[String]>,
        names: &Names,
        relations: &[Vec<String>],
    ) -> Option<QualifiedName> {
        if let Some(parts) = relation {
            return names.resolve(Namespace::Relation, parts);
        }
        // A column named alone in a query: the one relation of the statement that has it.
        let column = self.parts.last()?;
        let relations: Vec<QualifiedName> = relations
            .iter()
            .filter_map(|r| names.resolve(Namespace::Relation, r))
            .collect();
        let having: Vec<&QualifiedName> = relations
            .iter()
            .filter(|r| (names.has_column)(r, column))
            .collect();
        match (having.as_slice(), relations.as_slice()) {
            ([one], _) => Some((*one).clone()),
            ([], [one]) => Some(one.clone()),
            _ => None,
        }
    }

    fn refers_to(&self, target: &Target, names: &Names, relations: &[Vec<String>]) -> bool {
        if self.parts.last().map(String::as_str) != Some(target.name()) {
            return false;
        }
        match (&self.role, target) {
            // A relation's row type is named like a type.
            (Role::Object(Namespace::Type), Target::Relation(q) | Target::Type(q)) => {
                names.resolve(Namespace::Type, &self.parts).as_ref() == Some(q)
            }
            (Role::Object(Namespace::Relation), Target::Relation(q)) => {
                names.resolve(Namespace::Relation, &self.parts).as_ref() == Some(q)
            }
            (Role::Object(Namespace::Function), Target::Function(q)) => {
                names.resolve(Namespace::Function, &self.parts).as_ref() == Some(q)
            }
            (Role::Index(_) | Role::Qualifier(_), Target::Relation(_))
            | (Role::Column(_), Target::Column { .. })
            | (Role::Constraint(_), Target::Constraint { .. }) => {
                self.target(names, relations).as_ref() == Some(target)
            }
            _ => false,
        }
    }
}

/// What the statement around a node is about.
#[derive(Default, Clone)]
struct Context {
    /// The relation whose columns unqualified names are (CREATE TABLE, ALTER TABLE, CREATE
    /// INDEX, policies, triggers).
    relation: Option<Vec<String>>,
    /// Inside the statement that creates `relation` (its columns and constraints are declared).
    declaring: bool,
}

#[derive(Default)]
struct Walk {
    found: Vec<Named>,
    /// Relations of the statement (for columns named alone) and their aliases.
    relations: Vec<Vec<String>>,
    aliases: HashMap<String, Vec<String>>,
    /// Names of the statement's common table expressions (not relations).
    ctes: Vec<String>,
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
    fn scope(&mut self, v: &Value) {
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
    fn node(&mut self, v: &Value, ctx: &Context) {
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

#[cfg(test)]
mod tests;
