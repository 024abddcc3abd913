//! The shadow side: the workspace's source, as the editor has it, loaded into a shadow database
//! and compared with the live catalog by `diff`. Each difference becomes a `drift` diagnostic
//! on the statement that declares the object (or its column or constraint); a statement the
//! shadow refuses becomes `not-round-trippable` with the server's message.
//!
//! What exists on one side only is not drift: `undeclared-live-object` and `pending` say it,
//! from identities alone, without the shadow.

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::json;
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity};

use super::diagnostics::{self, DRIFT, NOT_ROUND_TRIPPABLE};
use super::settings::Settings;
use super::text::LineIndex;
use super::workspace::Workspace;
use crate::diff::{self, Difference, Side};
use crate::identity::{Identity, ObjectKind};
use crate::inventory::{self, Render};
use crate::load::{self, SourceStatement};
use crate::model::{Catalog, CatalogRef};
use crate::shadow::LoadFailure;
use crate::source::Declaration;

/// Longest value quoted in a one-line message; the diagnostic's data has it whole.
const SHOWN_VALUE: usize = 60;

/// The drift of one declared object, for hover and the replace action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    /// `column email: type text (live) → character varying(80) (declared)`, one per change.
    pub changes: Vec<String>,
}

#[derive(Default)]
pub struct DriftReport {
    pub diagnostics: HashMap<PathBuf, Vec<Diagnostic>>,
    pub drift: HashMap<Identity, Drift>,
    /// How much of the source the shadow loaded.
    pub loaded: crate::tree_match::ShadowUse,
}

/// Every statement of the source in load order, from the workspace's texts; `None` when a
/// file does not parse (the shadow would only repeat the syntax error).
pub fn workspace_statements(ws: &Workspace, settings: &Settings) -> Option<Vec<SourceStatement>> {
    let mut files: Vec<PathBuf> = ws
        .files
        .iter()
        .filter(|f| f.in_source)
        .map(|f| f.key().clone())
        .collect();
    load::sort_in_load_order(&settings.schema_dir, &mut files);
    let mut statements = Vec::new();
    for path in files {
        let file = ws.files.get(&path)?;
        if file.model.syntax_error.is_some() {
            return None;
        }
        statements.extend(load::split(&path, &file.text).ok()?);
    }
    Some(statements)
}

/// Drift between `live` and the shadow's catalog, and the statements that did not load.
pub fn report(
    ws: &Workspace,
    live: &Catalog,
    declared: &Catalog,
    failures: &[LoadFailure],
) -> DriftReport {
    let mut out = DriftReport::default();
    for failure in failures {
        push_load_failure(ws, failure, &mut out.diagnostics);
    }
    let (live_side, declared_side) = Side::pair(live, declared);
    let identities = block_identities(declared);
    for (index, change) in diff::located_changes(&live_side, &declared_side) {
        let Some(index) = index else { continue };
        let Difference::Property {
            sub,
            property,
            live,
            declared,
        } = &change.difference
        else {
            continue;
        };
        let on_sub_object = sub
            .as_ref()
            .is_some_and(|(kind, _)| kind == "column" || kind == "constraint");
        if on_sub_object && property == "exists" {
            continue; // an undeclared or a pending column or constraint
        }
        let Some(identity) = declared_side.objects[index]
            .refs
            .iter()
            .find_map(|r| identities.get(r))
        else {
            continue;
        };
        let Some(at) = declaration_of(ws, identity, sub.as_ref()) else {
            continue;
        };
        let what = match sub {
            Some((kind, name)) => format!("{kind} {name}: {property}"),
            None => property.clone(),
        };
        let summary = format!(
            "{what} is {} live, {} declared",
            shown(live.as_deref()),
            shown(declared.as_deref())
        );
        let message = format!(
            "{} {} differs from the live database: {summary}",
            change.kind, change.object
        );
        out.drift
            .entry(identity.clone())
            .or_insert_with(|| Drift {
                changes: Vec::new(),
            })
            .changes
            .push(summary);
        let Some(text) = ws.text(&at.span.file) else {
            continue;
        };
        let range = LineIndex::new(&text).range(at.span.start, at.span.end);
        out.diagnostics
            .entry(at.span.file.to_path_buf())
            .or_default()
            .push(diagnostics::diagnostic(
                range,
                DiagnosticSeverity::WARNING,
                DRIFT,
                message,
                json!({
                    "kind": identity.kind.singular(),
                    "identity": identity.to_string(),
                    "object": change.object,
                    "subObject": sub.as_ref().map(|(kind, name)| json!({"kind": kind, "name": name})),
                    "property": property,
                    "live": live,
                    "declared": declared,
                }),
            ));
    }
    out
}

/// The identity of each object the catalog's blocks create, by the ref the block provides.
fn block_identities(catalog: &Catalog) -> HashMap<CatalogRef, Identity> {
    let mut out = HashMap::new();
    for object in inventory::inventory(catalog) {
        if let Render::Blocks(refs) = object.render {
            for r in refs {
                out.entry(r).or_insert_with(|| object.identity.clone());
            }
        }
    }
    out
}

/// Where a change shows: the statement declaring the column or constraint when the source
/// declares it on its own, else the object's first declaration.
fn declaration_of(
    ws: &Workspace,
    identity: &Identity,
    sub: Option<&(String, String)>,
) -> Option<Declaration> {
    let sub_identity = sub.and_then(|(kind, name)| {
        let kind = match kind.as_str() {
            "column" => ObjectKind::Column,
            "constraint" => ObjectKind::Constraint,
            _ => return None,
        };
        Some(Identity::of_table(
            kind,
            identity.schema.as_deref()?,
            &identity.name,
            name,
        ))
    });
    sub_identity
        .and_then(|id| ws.declarations_of(&id).into_iter().next())
        .or_else(|| ws.declarations_of(identity).into_iter().next())
}

fn push_load_failure(
    ws: &Workspace,
    failure: &LoadFailure,
    out: &mut HashMap<PathBuf, Vec<Diagnostic>>,
) {
    let Some(text) = ws.text(&failure.file) else {
        return;
    };
    let start = load::offset_of(&text, failure.line, failure.column);
    let range = LineIndex::new(&text).range(start, start + failure.len);
    out.entry(failure.file.clone())
        .or_default()
        .push(diagnostics::diagnostic(
            range,
            DiagnosticSeverity::ERROR,
            NOT_ROUND_TRIPPABLE,
            format!(
                "does not load into the shadow database: {}",
                failure.message
            ),
            json!({"reason": "shadow-load", "message": failure.message}),
        ));
}

fn shown(value: Option<&str>) -> String {
    let Some(value) = value else {
        return "(none)".to_string();
    };
    let value = super::settings::one_line(value);
    if value.chars().count() <= SHOWN_VALUE {
        value
    } else {
        let cut: String = value.chars().take(SHOWN_VALUE).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_are_cut_in_messages() {
        assert_eq!(shown(None), "(none)");
        assert_eq!(shown(Some("text")), "text");
        let long = "x".repeat(100);
        assert_eq!(shown(Some(&long)).chars().count(), SHOWN_VALUE + 1);
    }
}
