//! The source model: what the SQL files of a schema directory declare. Every statement is
//! parsed with pg_query and mapped to the objects it declares, with file, byte range and
//! line/column, so that the CLI (`verify`, `pull`) and the language server share one view.
//! The SQL is the truth, never the file name: blocks may move between files freely.
//!
//! Results are kept per file, so updating one file re-parses only that file.

mod cache;
mod extract;
pub(crate) use extract::locate_syntax_error;
pub mod names;
pub mod references;
pub mod renames;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::identity::Identity;

/// Where a statement is: its file, byte range in the file's text, and the 1-based line and
/// column (in characters) of its first character.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Not stored in the parse cache, which gives every span its file's path when it reads a
    /// model back (a file may have moved since).
    /// Shared by every span of a file (a large workspace has hundreds of thousands).
    #[serde(skip, default = "no_file")]
    pub file: Arc<Path>,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

fn no_file() -> Arc<Path> {
    Arc::from(Path::new(""))
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// One object a statement declares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Declaration {
    pub identity: Identity,
    pub span: Span,
    /// Declared only as part of `ALL [PRIVILEGES]`, whose meaning depends on the object and
    /// the server version: not pending when not live.
    pub implied: bool,
}

/// A statement pg-flux cannot track, a duplicate declaration, or a syntax error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub span: Span,
    pub message: String,
}

/// What one file declares.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileModel {
    pub declarations: Vec<Declaration>,
    /// Statements that declare nothing pg-flux tracks (DML, DO, SET, …).
    pub untracked: Vec<Problem>,
    /// The file does not parse: nothing of it is known.
    pub syntax_error: Option<Problem>,
}

/// A schema directory that is missing is a usage error that says how to make one.
pub fn require_schema_dir(root: &Path) -> Result<()> {
    if root.is_dir() {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "schema directory {dir} does not exist; create it from the database with \
         `pg-flux dump --output {dir}`, or point --schema-dir (or schema_dir in pg-flux.toml) at \
         the source",
        dir = root.display()
    )))
}

/// Every source file under a schema directory (`_pulled/` excluded).
#[derive(Debug, Clone)]
pub struct SourceModel {
    /// Schema that unqualified names resolve to (first of `search_path`).
    pub default_schema: String,
    pub files: BTreeMap<PathBuf, FileModel>,
}

impl SourceModel {
    pub fn new(default_schema: &str) -> SourceModel {
        SourceModel {
            default_schema: default_schema.to_string(),
            files: BTreeMap::new(),
        }
    }

    /// Reads every `*.sql` under `root` (recursively, `_pulled/` excluded). Syntax errors are
    /// kept in the model (see [`SourceModel::first_syntax_error`]); only I/O fails. Files
    /// unchanged since an earlier run are not parsed again (the parse cache, `cache.rs`).
    pub fn load(root: &Path, default_schema: &str) -> Result<SourceModel> {
        let dir = crate::cache::dir("source");
        SourceModel::load_cached(root, default_schema, dir.as_deref())
    }

    /// [`SourceModel::load`] with the parse cache in `cache_dir` (`None`: every file parsed).
    fn load_cached(
        root: &Path,
        default_schema: &str,
        cache_dir: Option<&Path>,
    ) -> Result<SourceModel> {
        let mut model = SourceModel::new(default_schema);
        require_schema_dir(root)?;
        let (files, _parsed) = cache::load_files(root, default_schema, cache_dir)?;
        model.files.extend(files);
        Ok(model)
    }

    /// Re-parses one file from its new text.
    pub fn update_file(&mut self, path: &Path, text: &str) {
        let file = extract::file_model(path, text, &self.default_schema);
        self.files.insert(path.to_path_buf(), file);
    }

    pub fn remove_file(&mut self, path: &Path) {
        self.files.remove(path);
    }

    /// The first file that does not parse, as the error to stop on.
    pub fn first_syntax_error(&self) -> Option<Error> {
        self.files.values().find_map(|f| {
            f.syntax_error.as_ref().map(|p| Error::Source {
                file: p.span.file.to_path_buf(),
                line: p.span.line,
                column: p.span.column,
                message: p.message.clone(),
            })
        })
    }

    /// Every declaration, by identity (in file order; more than one is a duplicate).
    pub fn declared(&self) -> Declared<'_> {
        let mut map: Declared = HashMap::default();
        for file in self.files.values() {
            for d in &file.declarations {
                map.entry(&d.identity).or_default().push(d);
            }
        }
        map
    }

    /// Untracked statements and duplicate declarations, in file and position order.
    pub fn problems(&self) -> Vec<Problem> {
        self.problems_of(&self.declared())
    }

    /// As [`SourceModel::problems`], with the map [`SourceModel::declared`] gave.
    pub fn problems_of(&self, declared: &Declared) -> Vec<Problem> {
        let mut problems: Vec<Problem> = self
            .files
            .values()
            .flat_map(|f| f.untracked.iter().cloned())
            .collect();
        problems.extend(duplicates_of(declared));
        problems.sort_by(|a, b| {
            (&a.span.file, a.span.start, &a.message).cmp(&(&b.span.file, b.span.start, &b.message))
        });
        problems
    }

    /// Every declaration after an object's first, naming where the first is.
    pub fn duplicates(&self) -> Vec<Problem> {
        duplicates_of(&self.declared())
    }
}

/// Every declaration, by identity, as [`SourceModel::declared`] maps them (a fast hash: a
/// large tree has hundreds of thousands of identities, and none comes from an adversary).
pub type Declared<'a> = HashMap<&'a Identity, Vec<&'a Declaration>, FastHash>;

/// A set of identities with the same hash.
pub type IdentitySet<'a> = std::collections::HashSet<&'a Identity, FastHash>;

pub type FastHash = std::hash::BuildHasherDefault<rustc_hash::FxHasher>;

/// Every declaration of `declared` after an object's first, naming where the first is.
pub fn duplicates_of(declared: &Declared) -> Vec<Problem> {
    let mut problems = Vec::new();
    for decls in declared.values() {
        let Some(first) = decls.first() else { continue };
        for d in decls.iter().skip(1) {
            problems.push(Problem {
                span: d.span.clone(),
                message: format!(
                    "{} {} is declared twice (first at {})",
                    d.identity.kind.singular(),
                    d.identity,
                    first.span
                ),
            });
        }
    }
    problems
}

/// Parses one file's text on its own: what [`SourceModel::update_file`] stores (for callers
/// that keep their own per-file index, as the language server does).
pub fn parse_file(path: &Path, text: &str, default_schema: &str) -> FileModel {
    extract::file_model(path, text, default_schema)
}

#[cfg(test)]
mod tests;
