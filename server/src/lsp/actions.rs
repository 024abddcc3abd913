//! Code actions and `workspace/executeCommand`: pull one or all undeclared objects into a new
//! `_pulled/` file, dump the database into the workspace, refresh. Files change through
//! `workspace/applyEdit` (the editor can undo); only a client that cannot apply such edits
//! gets them written to disk.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde_json::{json, Value};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Command, CreateFile,
    DocumentChangeOperation, DocumentChanges, MessageActionItem, MessageType, NumberOrString,
    OneOf, OptionalVersionedTextDocumentIdentifier, Position, Range, ResourceOp,
    ShowDocumentParams, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use super::backend::Shared;
use super::database::scrub;
use super::database::{DriftStatus, Status};
use super::diagnostics::{DRIFT, UNDECLARED_LIVE_OBJECT};
use super::text::LineIndex;
use crate::commands::{pull, verify};
use crate::inventory::inventory;
use crate::layout::{self, Layout};
use crate::load::PULLED_DIR;
use crate::model::Catalog;

pub const REFRESH: &str = "pg-flux.refresh";
pub const PULL_ALL: &str = "pg-flux.pullAll";
pub const PULL_OBJECT: &str = "pg-flux.pullObject";
pub const DUMP: &str = "pg-flux.dump";
pub const REPLACE_WITH_LIVE: &str = "pg-flux.replaceWithLive";
pub use super::generate::GENERATE_MIGRATION;
pub use super::lens::SHOW_STATUS;
pub const COMMANDS: [&str; 7] = [
    REFRESH,
    PULL_ALL,
    PULL_OBJECT,
    DUMP,
    REPLACE_WITH_LIVE,
    GENERATE_MIGRATION,
    SHOW_STATUS,
];

const OVERWRITE: &str = "Overwrite";
const CANCEL: &str = "Cancel";

/// Quick fixes for undeclared and drifted objects among the request's diagnostics, and the
/// source actions.
pub fn code_actions(params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
    let wanted = |kind: &CodeActionKind| match &params.context.only {
        None => true,
        Some(only) => only.iter().any(|o| {
            kind.as_str() == o.as_str() || kind.as_str().starts_with(&format!("{}.", o.as_str()))
        }),
    };
    let mut out = Vec::new();
    if wanted(&CodeActionKind::QUICKFIX) {
        for d in &params.context.diagnostics {
            let Some(data) = &d.data else { continue };
            let kind = data.get("kind").and_then(Value::as_str).unwrap_or("object");
            let identity = data.get("identity").and_then(Value::as_str).unwrap_or("");
            let code = match &d.code {
                Some(NumberOrString::String(code)) => code.as_str(),
                _ => continue,
            };
            let (title, command, argument, preferred) = match code {
                DRIFT => (
                    format!(
                        "Replace the declaration of {kind} {identity} with the live definition"
                    ),
                    REPLACE_WITH_LIVE,
                    json!({
                        "kind": kind,
                        "identity": identity,
                        "uri": params.text_document.uri.as_str(),
                    }),
                    None,
                ),
                UNDECLARED_LIVE_OBJECT if data.get("pullable") == Some(&Value::Bool(true)) => (
                    format!("Pull {kind} {identity} into {PULLED_DIR}/"),
                    PULL_OBJECT,
                    data.clone(),
                    Some(true),
                ),
                _ => continue,
            };
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                command: Some(Command::new(
                    title,
                    command.to_string(),
                    Some(vec![argument]),
                )),
                is_preferred: preferred,
                ..CodeAction::default()
            }));
        }
    }
    let source = [
        (
            PULL_ALL,
            "pg-flux: pull every undeclared live object into _pulled/",
        ),
        (DUMP, "pg-flux: dump the database into the workspace"),
        (REFRESH, "pg-flux: refresh database diagnostics"),
    ];
    if wanted(&CodeActionKind::SOURCE) {
        for (command, title) in source {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: title.to_string(),
                kind: Some(CodeActionKind::SOURCE),
                command: Some(Command::new(title.to_string(), command.to_string(), None)),
                ..CodeAction::default()
            }));
        }
    }
    out
}

/// Runs a command; the error is one sentence for the client.
pub async fn execute(sh: &Shared, command: &str, arguments: &[Value]) -> Result<Value, String> {
    match command {
        REFRESH => {
            let db = sh.database().ok_or("the server is not initialized")?;
            // The answer describes the whole source: loads begun before the request (the first
            // one, a configuration change) finish first; then one inspection that starts after
            // them; then its diagnostics (and those of every earlier change) are published.
            sh.loaded().await;
            let _ = db.refresh().await;
            sh.published().await;
            Ok(refresh_status(&db))
        }
        PULL_ALL => pull_objects(sh, None).await,
        PULL_OBJECT => {
            let arg = arguments
                .first()
                .ok_or("pullObject needs the object (the diagnostic's data)")?;
            let field = |name: &str| arg.get(name).and_then(Value::as_str).map(str::to_string);
            let kind = field("kind").ok_or("pullObject: no kind")?;
            let identity = field("identity").ok_or("pullObject: no identity")?;
            pull_objects(sh, Some((kind, identity))).await
        }
        DUMP => dump(sh).await,
        REPLACE_WITH_LIVE => {
            let arg = arguments
                .first()
                .ok_or("replaceWithLive needs the object (the code action's argument)")?;
            let field = |name: &str| {
                arg.get(name)
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .ok_or(format!("replaceWithLive: no {name}"))
            };
            replace_with_live(sh, &field("kind")?, &field("identity")?, &field("uri")?).await
        }
        GENERATE_MIGRATION => super::generate::run(sh).await,
        SHOW_STATUS => super::lens::show_status(sh, arguments).await,
        other => Err(format!("unknown command {other}")),
    }
}

/// The database's state after a refresh, as stable JSON: `status` is `connected`,
/// `unavailable` (with `cause`), `not-configured` or `pending`; `drift` is `checked` (with the
/// number of drifted objects, and how much of the source the shadow `loaded`: `skipped` when
/// the source is the live dump, `partial`, `full`) or `unknown`.
fn refresh_status(db: &super::database::Database) -> Value {
    let mut out = match db.status() {
        Status::Connected => json!({"status": "connected"}),
        Status::Unavailable(cause) => json!({"status": "unavailable", "cause": cause}),
        Status::NotConfigured => json!({"status": "not-configured"}),
        Status::Pending => json!({"status": "pending"}),
    };
    let drift = match db.drift() {
        DriftStatus::Checked(map, loaded) => {
            json!({"drift": "checked", "drifted": map.len(), "loaded": loaded.name()})
        }
        DriftStatus::Unknown => json!({"drift": "unknown"}),
    };
    if let (Some(out), Some(drift)) = (out.as_object_mut(), drift.as_object()) {
        out.extend(drift.clone());
    }
    out
}

/// Replaces the statement declaring a drifted object (in the file of the diagnostic) with the
/// object's definition as the live database has it, as dump would write it.
async fn replace_with_live(
    sh: &Shared,
    kind: &str,
    identity: &str,
    uri: &str,
) -> Result<Value, String> {
    let db = sh.database().ok_or("the server is not initialized")?;
    let live = db
        .live()
        .ok_or("the database has not been inspected yet: refresh first")?;
    let object = live
        .objects
        .iter()
        .find(|o| o.identity.kind.singular() == kind && o.identity.to_string() == identity)
        .ok_or_else(|| format!("{kind} {identity} is not live (any more)"))?;
    let definition = live
        .definition(&object.identity)
        .ok_or_else(|| format!("pg-flux cannot render {kind} {identity}"))?
        .trim_end()
        .to_string();
    let path = uri
        .parse::<Uri>()
        .ok()
        .and_then(|u| u.to_file_path().map(|p| p.into_owned()))
        .ok_or_else(|| format!("{uri} is not a file"))?;
    let declaration = sh
        .ws
        .declarations_of(&object.identity)
        .into_iter()
        .find(|d| *d.span.file == *path)
        .ok_or_else(|| format!("{kind} {identity} is not declared in {}", path.display()))?;
    let text = sh
        .ws
        .text(&path)
        .ok_or_else(|| format!("{} is not in the workspace", path.display()))?;
    let changed = || format!("{} changed meanwhile: try again", path.display());
    let before = text.get(..declaration.span.start).ok_or_else(changed)?;
    let rest = text.get(declaration.span.end..).ok_or_else(changed)?;
    // The statement's span stops before its semicolon; the definition brings its own.
    let after_blank = rest.len() - rest.trim_start().len();
    let after = match rest[after_blank..].strip_prefix(';') {
        Some(after) => after,
        None => rest,
    };
    let replaced = format!("{before}{definition}{after}");
    write_files(sh, vec![(path.clone(), replaced, Some(text.to_string()))]).await?;
    drop(db.refresh());
    Ok(json!({"path": path, "replaced": identity}))
}

async fn read_catalog(sh: &Shared) -> Result<Catalog, String> {
    let settings = sh.ws.settings();
    let url = settings
        .database_url
        .clone()
        .ok_or("no database configured: set [database] url in pg-flux.toml or databaseUrl")?;
    let scope = settings.scope();
    crate::commands::dump::read_catalog(&url, &scope)
        .await
        .map_err(|e| scrub(&e.to_string(), &url))
}

/// Pulls the undeclared objects (or the one named) into a new `_pulled/` file and opens it.
async fn pull_objects(sh: &Shared, only: Option<(String, String)>) -> Result<Value, String> {
    let catalog = read_catalog(sh).await?;
    let live = inventory(&catalog);
    let mut objects = verify::undeclared(&live, |id| sh.ws.is_declared(id));
    if let Some((kind, identity)) = &only {
        objects
            .retain(|o| o.identity.kind.singular() == kind && o.identity.to_string() == *identity);
        if objects.is_empty() {
            return Err(format!(
                "{kind} {identity} is not an undeclared live object (any more)"
            ));
        }
    }
    let (count, text) = pull::render(&catalog, &objects);
    if count == 0 {
        return Ok(json!({"objects": 0}));
    }
    let path = pulled_path(&sh.ws.settings().schema_dir);
    write_files(sh, vec![(path.clone(), text, None)]).await?;
    open_in_editor(sh, &path).await;
    Ok(json!({"path": path, "objects": count}))
}

/// `<schema-dir>/_pulled/<UTC timestamp>_pulled.sql`, never an existing file.
/// Opens `path` in the editor (`window/showDocument`) when the client can.
pub(super) async fn open_in_editor(sh: &Shared, path: &Path) {
    if !sh.can_show_document() {
        return;
    }
    let Some(uri) = Uri::from_file_path(path) else {
        return;
    };
    let shown = sh
        .client
        .show_document(ShowDocumentParams {
            uri,
            external: None,
            take_focus: Some(true),
            selection: None,
        })
        .await;
    if let Err(e) = shown {
        eprintln!("pg-flux lsp: could not open {}: {e}", path.display());
    }
}

fn pulled_path(schema_dir: &Path) -> PathBuf {
    let dir = schema_dir.join(PULLED_DIR);
    let stamp = pull::utc_stamp(SystemTime::now());
    let mut path = dir.join(format!("{stamp}_pulled.sql"));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir.join(format!("{stamp}_{n}_pulled.sql"));
    }
    path
}

/// Writes the database's per-kind tree into the schema directory, asking before it overwrites
/// any file whose content differs.
async fn dump(sh: &Shared) -> Result<Value, String> {
    let catalog = read_catalog(sh).await?;
    let files = layout::render(&crate::emit::emit(&catalog), Layout::PerKind);
    let schema_dir = sh.ws.settings().schema_dir.clone();
    let mut changes = Vec::new();
    let mut overwritten = 0;
    for (rel, content) in files {
        let path = schema_dir.join(rel);
        // The editor's text for open files, else the disk's (which may be newer than the
        // workspace's copy when no watcher told us).
        let current = if sh.ws.documents.contains_key(&path) {
            sh.ws.text(&path).map(|t| t.to_string())
        } else {
            std::fs::read_to_string(&path).ok()
        };
        match current {
            Some(old) if old == content => {}
            Some(old) => {
                overwritten += 1;
                changes.push((path, content, Some(old)));
            }
            None => changes.push((path, content, None)),
        }
    }
    if overwritten > 0 {
        let answer = sh
            .client
            .show_message_request(
                MessageType::WARNING,
                format!(
                    "pg-flux dump would overwrite {overwritten} existing file(s) in {}. Overwrite them?",
                    schema_dir.display()
                ),
                Some(vec![
                    MessageActionItem {
                        title: OVERWRITE.to_string(),
                        properties: Default::default(),
                    },
                    MessageActionItem {
                        title: CANCEL.to_string(),
                        properties: Default::default(),
                    },
                ]),
            )
            .await
            .map_err(|e| format!("could not ask before overwriting: {e}"))?;
        if answer.map(|a| a.title) != Some(OVERWRITE.to_string()) {
            return Ok(json!({"written": 0, "cancelled": true}));
        }
    }
    let written = changes.len();
    write_files(sh, changes).await?;
    if let Some(db) = sh.database() {
        drop(db.refresh());
    }
    Ok(json!({"written": written, "overwritten": overwritten}))
}

/// Creates or replaces files: (path, new text, current text if the file exists).
async fn write_files(
    sh: &Shared,
    files: Vec<(PathBuf, String, Option<String>)>,
) -> Result<(), String> {
    if files.is_empty() {
        return Ok(());
    }
    if !sh.can_apply_edits() {
        let mut touched = Vec::new();
        for (path, text, _) in &files {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            if !sh.ws.documents.contains_key(path) {
                touched.extend(sh.ws.set_text(path, text.clone()));
            }
        }
        sh.touch(touched);
        return Ok(());
    }
    let mut operations = Vec::new();
    for (path, text, current) in files {
        let uri = Uri::from_file_path(&path)
            .ok_or_else(|| format!("{}: not a file path", path.display()))?;
        let range = match &current {
            Some(old) => LineIndex::new(old).whole(),
            None => {
                operations.push(DocumentChangeOperation::Op(ResourceOp::Create(
                    CreateFile {
                        uri: uri.clone(),
                        options: None,
                        annotation_id: None,
                    },
                )));
                Range::new(Position::new(0, 0), Position::new(0, 0))
            }
        };
        operations.push(DocumentChangeOperation::Edit(TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
            edits: vec![OneOf::Left(TextEdit::new(range, text))],
        }));
    }
    let edit = WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(operations)),
        ..WorkspaceEdit::default()
    };
    let response = sh
        .client
        .apply_edit(edit)
        .await
        .map_err(|e| format!("the editor did not apply the edit: {e}"))?;
    if response.applied {
        Ok(())
    } else {
        Err(format!(
            "the editor did not apply the edit{}",
            response
                .failure_reason
                .map(|r| format!(": {r}"))
                .unwrap_or_default()
        ))
    }
}
