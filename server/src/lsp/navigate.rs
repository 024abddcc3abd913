//! Hover, go to definition and symbols: the name under the cursor is read from the scanner's
//! tokens (`schema.name` or `name`, folded as PostgreSQL does), then looked up among the
//! declared and the live objects.

use std::path::Path;

use tower_lsp_server::ls_types::{
    Hover, HoverContents, Location, MarkupContent, MarkupKind, Position, Range, SymbolInformation,
    SymbolKind, Uri,
};

use super::database::{Database, DriftStatus, Status};
use super::text::LineIndex;
use super::workspace::Workspace;
use crate::identity::{Identity, ObjectKind};
use crate::source::Declaration;

/// A qualified name in the text and where it is.
pub struct NameAt {
    pub parts: Vec<String>,
    pub start: usize,
    pub end: usize,
}

/// The (possibly qualified) name at byte `offset`.
pub fn name_at(text: &str, offset: usize) -> Option<NameAt> {
    let tokens = pg_query::scan(text).ok()?.tokens;
    let span = |t: &pg_query::protobuf::ScanToken| {
        (
            usize::try_from(t.start).unwrap_or(0),
            usize::try_from(t.end).unwrap_or(0),
        )
    };
    let is_name = |t: &pg_query::protobuf::ScanToken| {
        let (s, e) = span(t);
        let word = text.get(s..e).unwrap_or("");
        t.token == pg_query::protobuf::Token::Ident as i32
            || (t.keyword_kind != pg_query::protobuf::KeywordKind::NoKeyword as i32
                && word.chars().all(|c| c.is_alphanumeric() || c == '_'))
    };
    let is_dot =
        |t: &pg_query::protobuf::ScanToken| t.token == pg_query::protobuf::Token::Ascii46 as i32;
    let at = tokens.iter().position(|t| {
        let (s, e) = span(t);
        s <= offset && offset <= e && is_name(t)
    })?;
    let mut first = at;
    while first >= 2 && is_dot(&tokens[first - 1]) && is_name(&tokens[first - 2]) {
        first -= 2;
    }
    let parts: Vec<String> = tokens[first..=at]
        .iter()
        .step_by(2)
        .map(|t| {
            let (s, e) = span(t);
            fold(text.get(s..e).unwrap_or(""))
        })
        .collect();
    Some(NameAt {
        parts,
        start: span(&tokens[first]).0,
        end: span(&tokens[at]).1,
    })
}

pub(super) use crate::source::names::fold;

/// Kinds a bare name can refer to (sub-objects are named through their table).
fn is_named_object(id: &Identity) -> bool {
    id.grant_of().is_none()
        && !matches!(
            id.kind,
            ObjectKind::Grant | ObjectKind::Unmodeled | ObjectKind::DefaultPrivileges
        )
        && (id.table.is_none() || id.kind == ObjectKind::Index)
}

/// The objects (declared or live) a name refers to: `schema.name`, or `name` in the first
/// schema of `search_path` that has it (or an object outside schemas).
pub fn resolve(ws: &Workspace, db: Option<&Database>, name: &NameAt) -> Vec<Identity> {
    let live = db.and_then(Database::live);
    let matching = |schema: Option<&str>, object: &str| -> Vec<Identity> {
        let named = |id: &Identity| {
            &*id.name == object && id.schema.as_deref() == schema && is_named_object(id)
        };
        let mut found = ws.identities_where(named);
        if let Some(live) = &live {
            found.extend(
                live.objects
                    .iter()
                    .filter(|o| named(&o.identity))
                    .map(|o| o.identity.clone()),
            );
        }
        found.sort();
        found.dedup();
        found
    };
    match name.parts.as_slice() {
        [.., schema, object] => matching(Some(schema), object),
        [object] => {
            for schema in &ws.settings().search_path {
                let found = matching(Some(schema), object);
                if !found.is_empty() {
                    return found;
                }
            }
            matching(None, object)
        }
        [] => Vec::new(),
    }
}

pub fn location(ws: &Workspace, d: &Declaration) -> Option<Location> {
    let text = ws.text(&d.span.file)?;
    let index = LineIndex::new(&text);
    Some(Location::new(
        Uri::from_file_path(&d.span.file)?,
        index.range(d.span.start, d.span.end),
    ))
}

/// Where the objects under the cursor are declared.
pub fn definition(
    ws: &Workspace,
    db: Option<&Database>,
    path: &Path,
    position: Position,
) -> Vec<Location> {
    let Some(text) = ws.text(path) else {
        return Vec::new();
    };
    let offset = LineIndex::new(&text).offset(position);
    let Some(name) = name_at(&text, offset) else {
        return Vec::new();
    };
    resolve(ws, db, &name)
        .iter()
        .flat_map(|id| ws.declarations_of(id))
        .filter_map(|d| location(ws, &d))
        .collect()
}

/// The live definition and status of the objects under the cursor.
pub fn hover(
    ws: &Workspace,
    db: Option<&Database>,
    path: &Path,
    position: Position,
) -> Option<Hover> {
    let text = ws.text(path)?;
    let index = LineIndex::new(&text);
    let name = name_at(&text, index.offset(position))?;
    let found = resolve(ws, db, &name);
    if found.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: describe(ws, db, &found),
        }),
        range: Some(index.range(name.start, name.end)),
    })
}

/// Hover's markdown for `found` (at most five): each object's status and live definition.
pub fn describe(ws: &Workspace, db: Option<&Database>, found: &[Identity]) -> String {
    let live = db.and_then(Database::live);
    let status = db.map(Database::status).unwrap_or(Status::NotConfigured);
    let drift = db.map(Database::drift).unwrap_or(DriftStatus::Unknown);
    let mut out = String::new();
    for id in found.iter().take(5) {
        let declared = ws.is_declared(id);
        let definition = live.as_ref().and_then(|l| l.definition(id));
        let is_live = live.as_ref().is_some_and(|l| l.is_live(id));
        let state = match (&status, declared, is_live) {
            (Status::Unavailable(cause), _, _) => format!("database unavailable ({cause})"),
            (Status::NotConfigured, _, _) => "no database configured".to_string(),
            (Status::Pending, _, _) => "database not inspected yet".to_string(),
            (Status::Connected, true, true) => match &drift {
                DriftStatus::Checked(drifted, _) => match drifted.get(id) {
                    Some(d) => format!("drift: {}", d.changes.join("; ")),
                    None => "in sync".to_string(),
                },
                DriftStatus::Unknown => "declared and live (drift not checked)".to_string(),
            },
            (Status::Connected, true, false) => "pending: declared, not live".to_string(),
            (Status::Connected, false, true) => {
                "undeclared: live, not declared in source".to_string()
            }
            (Status::Connected, false, false) => "not live".to_string(),
        };
        if !out.is_empty() {
            out.push_str("\n---\n");
        }
        out.push_str(&format!("**{} {}** — {state}\n", id.kind.singular(), id));
        if let Some(sql) = definition {
            out.push_str(&format!(
                "\nLive definition:\n```sql\n{}\n```\n",
                sql.trim_end()
            ));
        }
    }
    out
}

fn symbol_kind(kind: ObjectKind) -> SymbolKind {
    match kind {
        ObjectKind::Schema => SymbolKind::NAMESPACE,
        ObjectKind::Extension => SymbolKind::PACKAGE,
        ObjectKind::Table | ObjectKind::ForeignTable => SymbolKind::STRUCT,
        ObjectKind::View | ObjectKind::MaterializedView => SymbolKind::INTERFACE,
        ObjectKind::Column => SymbolKind::FIELD,
        ObjectKind::Constraint => SymbolKind::PROPERTY,
        ObjectKind::Type | ObjectKind::Domain | ObjectKind::Collation => SymbolKind::ENUM,
        ObjectKind::Function | ObjectKind::Aggregate => SymbolKind::FUNCTION,
        ObjectKind::Operator => SymbolKind::OPERATOR,
        ObjectKind::Procedure => SymbolKind::METHOD,
        ObjectKind::Sequence => SymbolKind::NUMBER,
        ObjectKind::Index => SymbolKind::KEY,
        ObjectKind::Trigger | ObjectKind::EventTrigger => SymbolKind::EVENT,
        _ => SymbolKind::OBJECT,
    }
}

#[allow(deprecated)] // `SymbolInformation::deprecated` must be spelled out
fn symbol(d: &Declaration, uri: Uri, range: Range) -> SymbolInformation {
    SymbolInformation {
        name: d.identity.to_string(),
        kind: symbol_kind(d.identity.kind),
        tags: None,
        deprecated: None,
        location: Location::new(uri, range),
        container_name: d.identity.table.as_deref().map(str::to_string),
    }
}

/// The outline of one file: what it declares (grants left out).
pub fn document_symbols(ws: &Workspace, path: &Path) -> Vec<SymbolInformation> {
    let Some(file) = ws.files.get(path) else {
        return Vec::new();
    };
    let Some(uri) = Uri::from_file_path(path) else {
        return Vec::new();
    };
    let index = LineIndex::new(&file.text);
    file.model
        .declarations
        .iter()
        .filter(|d| d.identity.kind != ObjectKind::Grant)
        .map(|d| symbol(d, uri.clone(), index.range(d.span.start, d.span.end)))
        .collect()
}

/// Declared objects whose name contains `query` (case-insensitive), at most `limit`.
pub fn workspace_symbols(ws: &Workspace, query: &str, limit: usize) -> Vec<SymbolInformation> {
    let query = query.to_lowercase();
    let mut out = Vec::new();
    for file in ws.files.iter() {
        if !file.in_source {
            continue;
        }
        let matching: Vec<&Declaration> = file
            .model
            .declarations
            .iter()
            .filter(|d| is_named_object(&d.identity))
            .filter(|d| d.identity.to_string().to_lowercase().contains(&query))
            .collect();
        if matching.is_empty() {
            continue;
        }
        let Some(uri) = Uri::from_file_path(file.key()) else {
            continue;
        };
        let index = LineIndex::new(&file.text);
        for d in matching {
            out.push(symbol(
                d,
                uri.clone(),
                index.range(d.span.start, d.span.end),
            ));
            if out.len() >= limit {
                return out;
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}
