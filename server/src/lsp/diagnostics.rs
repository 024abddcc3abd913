//! Diagnostics: stable codes, exact ranges, one-line messages, machine-readable `data`.
//!
//! Sources: the parse of each file (every keystroke, computed on demand from the workspace)
//! and snapshot sources computed elsewhere and replaced whole (the database's undeclared and
//! pending objects; the shadow database's drift and load failures): see [`SnapshotSource`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use serde_json::json;
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, NumberOrString};

use super::text::LineIndex;
use super::workspace::Workspace;

pub const SYNTAX_ERROR: &str = "syntax-error";
pub const NOT_ROUND_TRIPPABLE: &str = "not-round-trippable";
pub const UNDECLARED_LIVE_OBJECT: &str = "undeclared-live-object";
/// A declaration of an object `[ignore]` leaves to others.
pub const IGNORED_DECLARATION: &str = "ignored-declaration";
pub const DRIFT: &str = "drift";
pub const PENDING: &str = "pending";
pub const DATABASE_UNAVAILABLE: &str = "database-unavailable";
pub const INVALID_CONFIG: &str = "invalid-config";

pub const SOURCE: &str = "pg-flux";

pub fn diagnostic(
    range: tower_lsp_server::ls_types::Range,
    severity: DiagnosticSeverity,
    code: &str,
    message: String,
    data: serde_json::Value,
) -> Diagnostic {
    Diagnostic {
        range,
        severity: Some(severity),
        code: Some(NumberOrString::String(code.to_string())),
        source: Some(SOURCE.to_string()),
        message: super::settings::one_line(&message),
        data: Some(data),
        ..Diagnostic::default()
    }
}

/// The parse-level diagnostics of one file: its syntax error, or the statements dump would
/// not reproduce (untracked statements, duplicate declarations).
pub fn parse_diagnostics(ws: &Workspace, path: &Path) -> Vec<Diagnostic> {
    let Some(file) = ws.files.get(path) else {
        return Vec::new();
    };
    let text = file.text.clone();
    let syntax_error = file.model.syntax_error.clone();
    let untracked = if file.in_source {
        file.model.untracked.clone()
    } else {
        Vec::new()
    };
    let duplicated = if file.in_source {
        ws.possibly_duplicated(&file.model.declarations)
    } else {
        Vec::new()
    };
    // Declarations `[ignore]` takes: pg-flux leaves those objects alone.
    let ignored: Vec<(crate::source::Declaration, String)> = if file.in_source {
        crate::ignore::ignored_declarations(&file.model.declarations, &ws.settings().ignore)
            .into_iter()
            .map(|(d, message)| (d.clone(), message))
            .collect()
    } else {
        Vec::new()
    };
    drop(file);
    // Most files have nothing to say: no line index for them (the first load publishes all).
    if syntax_error.is_none() && untracked.is_empty() && duplicated.is_empty() && ignored.is_empty()
    {
        return Vec::new();
    }
    let index = LineIndex::new(&text);
    let mut out = Vec::new();
    if let Some(p) = &syntax_error {
        out.push(diagnostic(
            index.range(p.span.start, p.span.end),
            DiagnosticSeverity::ERROR,
            SYNTAX_ERROR,
            p.message.clone(),
            json!({"line": p.span.line, "column": p.span.column}),
        ));
        return out;
    }
    for p in &untracked {
        out.push(diagnostic(
            index.range(p.span.start, p.span.end),
            DiagnosticSeverity::WARNING,
            NOT_ROUND_TRIPPABLE,
            p.message.clone(),
            json!({"reason": "untracked"}),
        ));
    }
    for (d, message) in &ignored {
        out.push(diagnostic(
            index.range(d.span.start, d.span.end),
            DiagnosticSeverity::WARNING,
            IGNORED_DECLARATION,
            message.clone(),
            json!({
                "kind": d.identity.kind.singular(),
                "identity": d.identity.to_string(),
            }),
        ));
    }
    let root = ws.settings().root.clone();
    for d in duplicated {
        let all = ws.declarations_of(&d.identity);
        let Some(first) = all.first() else { continue };
        if first.span == d.span {
            continue;
        }
        let rel = first
            .span
            .file
            .strip_prefix(&root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| first.span.file.to_path_buf());
        out.push(diagnostic(
            index.range(d.span.start, d.span.end),
            DiagnosticSeverity::WARNING,
            NOT_ROUND_TRIPPABLE,
            format!(
                "{} {} is declared twice (first at {}:{}:{})",
                d.identity.kind.singular(),
                d.identity,
                rel.display(),
                first.span.line,
                first.span.column
            ),
            json!({
                "reason": "duplicate",
                "kind": d.identity.kind.singular(),
                "identity": d.identity.to_string(),
            }),
        ));
    }
    out
}

/// Diagnostics computed elsewhere (the database, the shadow database) and replaced whole, so
/// that an older result can never be mixed into a newer one.
#[derive(Default)]
pub struct SnapshotSource {
    current: RwLock<Arc<HashMap<PathBuf, Vec<Diagnostic>>>>,
}

impl SnapshotSource {
    pub fn get(&self, path: &Path) -> Vec<Diagnostic> {
        self.snapshot().get(path).cloned().unwrap_or_default()
    }

    pub fn snapshot(&self) -> Arc<HashMap<PathBuf, Vec<Diagnostic>>> {
        self.current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Replaces the diagnostics; returns the paths whose diagnostics changed.
    pub fn replace(&self, next: HashMap<PathBuf, Vec<Diagnostic>>) -> Vec<PathBuf> {
        let mut guard = self.current.write().unwrap_or_else(|p| p.into_inner());
        let mut changed: Vec<PathBuf> = guard
            .iter()
            .filter(|(p, d)| next.get(*p) != Some(d))
            .map(|(p, _)| p.clone())
            .collect();
        changed.extend(
            next.iter()
                .filter(|(p, d)| guard.get(*p) != Some(d))
                .map(|(p, _)| p.clone()),
        );
        changed.sort();
        changed.dedup();
        *guard = Arc::new(next);
        changed
    }
}
