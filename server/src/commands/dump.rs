//! `pg-flux dump`: every modeled catalog object into source files, round-trip clean.

use std::path::PathBuf;

use crate::emit;
use crate::error::Result;
use crate::identity::{Identity, ObjectKind};
use crate::inspect::{self, Scope};
use crate::layout::{self, Layout};
use crate::model::{Catalog, UnmodeledObject};

#[derive(Debug, Clone)]
pub struct DumpOptions {
    /// Connection string (libpq URI or keyword string).
    pub conninfo: String,
    pub output: PathBuf,
    pub layout: Layout,
    pub scope: Scope,
    pub force: bool,
}

#[derive(Debug, Clone)]
pub struct DumpReport {
    pub objects: usize,
    pub files: usize,
    /// Live objects of kinds pg-flux does not capture yet: the caller warns about each.
    pub unmodeled: Vec<UnmodeledObject>,
    /// Catalog queries the inspection took (constant in the number of objects).
    pub queries: usize,
    /// Files of the previous tree that dump did not write (names it never produces), kept in
    /// place by `--force` (relative to the output directory).
    pub kept: Vec<PathBuf>,
    /// Schemas asked for that were not read, and `[ignore]` rules that took nothing.
    pub warnings: Vec<String>,
}

/// Inspects the database and writes the tree. The target is checked before connecting and
/// replaced all at once, so a refused or failed dump leaves it exactly as it was.
///
/// The catalog is read through the cache of [`inspect::inspect_cached_deferred`]: a database
/// that has not changed since pg-flux last read it (a dump, verify or migrate) is not read
/// again. When the cache holds nothing for it, the fingerprint that stamps the new entry is
/// taken while the tree is emitted and written (the server is idle then).
pub async fn dump(options: &DumpOptions) -> Result<DumpReport> {
    layout::check_target(&options.output, options.force)?;
    let start = std::time::Instant::now();
    let session = crate::connect::Session::open_locked(&options.conninfo, &options.scope).await?;
    inspect::trace_phase("session (locks, snapshot, second reader)", start);
    let start = std::time::Instant::now();
    let (catalog, pending) =
        inspect::inspect_cached_deferred(&session, &options.scope, inspect::Depth::Ordered).await?;
    inspect::trace_phase("inspect", start);
    let scope = options.scope.clone();
    let (output, layout, force) = (options.output.clone(), options.layout, options.force);
    let write = tokio::task::spawn_blocking(move || {
        let start = std::time::Instant::now();
        let blocks = emit::emit(&catalog);
        inspect::trace_phase("emit", start);
        let start = std::time::Instant::now();
        let files = layout::render(&blocks, layout);
        inspect::trace_phase("render", start);
        let start = std::time::Instant::now();
        let kept = layout::write_tree(&output, &files, force)?;
        inspect::trace_phase("write", start);
        Ok::<_, crate::Error>(DumpReport {
            objects: blocks.len(),
            files: files.len(),
            unmodeled: catalog.unmodeled.clone(),
            queries: catalog.query_count,
            kept,
            warnings: scope_warnings(&catalog, &scope),
        })
    });
    let cache_write = async {
        if let Some(pending) = pending {
            pending.write(&session).await;
        }
    };
    let (report, ()) = tokio::join!(write, cache_write);
    report.map_err(|e| crate::Error::Usage(format!("writing the tree failed unexpectedly: {e}")))?
}

/// A schema of `scope` that the inspection did not find (a misspelt `--schemas` would dump
/// nothing of it, silently), and every `[ignore]` rule that took nothing.
pub fn scope_warnings(catalog: &Catalog, scope: &Scope) -> Vec<String> {
    let mut warnings = Vec::new();
    for schema in scope.schemas.iter().flatten() {
        if catalog.schemas.iter().any(|s| &s.name == schema) {
            continue;
        }
        let identity = Identity::global(ObjectKind::Schema, schema);
        let rule = scope.ignore.rule_for(&identity);
        warnings.push(match rule.and_then(|i| scope.ignore.rules().get(i)) {
            Some(rule) => format!(
                "schema {schema:?} is ignored by [ignore] rule {} in pg-flux.toml: nothing of it is read",
                rule.describe()
            ),
            None if schema == "information_schema" || schema.starts_with("pg_") => {
                format!("schema {schema:?} is a system schema: pg-flux never reads it")
            }
            None => format!("schema {schema:?} does not exist"),
        });
    }
    warnings.extend(crate::ignore::unused_rule_warnings(&catalog.ignored));
    warnings
}

/// Reads the catalog of the database at `conninfo` in one read-only snapshot, its tables
/// locked against concurrent DDL as pg_dump locks them.
pub async fn read_catalog(conninfo: &str, scope: &Scope) -> Result<Catalog> {
    let start = std::time::Instant::now();
    let session = crate::connect::Session::open_locked(conninfo, scope).await?;
    inspect::trace_phase("session (locks, snapshot, second reader)", start);
    let start = std::time::Instant::now();
    let catalog = inspect::inspect_session(&session, scope, inspect::Depth::Ordered).await;
    inspect::trace_phase("inspect", start);
    catalog
}
