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
//!
//! - this module: the files' tokens and statements, and which names refer to a target;
//! - [`walk`]: the walk over a statement's syntax tree that gives each name its role;
//! - [`rename`]: the edits of a rename, with its annotation.

use std::cell::RefCell;
use std::collections::HashMap;

use pg_query::protobuf::{KeywordKind, ScanToken, Token};
use serde_json::Value;

use crate::model::QualifiedName;

mod rename;
mod walk;

pub use rename::{rename_edits, Edit};
use walk::{Context, Named, Role, Walk};

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

#[cfg(test)]
mod tests;
