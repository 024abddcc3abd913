//! "Generate migration": the library's `migrate generate` (the CLI's command, with the
//! server's settings) writes a new file into `migrations_dir`; the editor then opens it. The
//! migration is a new file beside the source, written as the command line writes it: no source
//! file changes. The source is read from disk, as the command line reads it, so unsaved edits
//! are not in it (the message says so).

use serde_json::{json, Value};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Command, MessageType,
};

use super::backend::Shared;
use super::database::scrub;
use super::settings::Settings;
use crate::commands::migrate::{self as migrate_cmd, MigrateOptions};
use crate::migrate::PlanOptions;

pub const GENERATE_MIGRATION: &str = "pg-flux.generateMigration";

/// The label of migrations generated from the editor.
const LABEL: &str = "migration";

/// The source action, on source files only.
pub fn code_action(settings: &Settings, params: &CodeActionParams) -> Option<CodeActionOrCommand> {
    let path = params.text_document.uri.to_file_path()?;
    if !settings.is_source(&path) {
        return None;
    }
    let wanted = match &params.context.only {
        None => true,
        Some(only) => only
            .iter()
            .any(|o| CodeActionKind::SOURCE.as_str().starts_with(o.as_str())),
    };
    let title = "pg-flux: generate a migration from the source";
    wanted.then(|| {
        CodeActionOrCommand::CodeAction(CodeAction {
            title: title.to_string(),
            kind: Some(CodeActionKind::SOURCE),
            command: Some(Command::new(
                title.to_string(),
                GENERATE_MIGRATION.to_string(),
                None,
            )),
            ..CodeAction::default()
        })
    })
}

/// Runs `migrate generate` and opens the new file. A failure (no database configured, the
/// database or shadow unreachable, a source that does not load) is shown with
/// `window/showMessage` and answered as `{"error": …}`: the message is the one place it is
/// reported, not twice (clients also show a failed command's error).
pub async fn run(sh: &Shared) -> Result<Value, String> {
    match generate(sh).await {
        Ok(value) => Ok(value),
        Err(message) => {
            let message = format!("pg-flux: no migration generated: {message}");
            sh.client.show_message(MessageType::ERROR, &message).await;
            Ok(json!({"error": message}))
        }
    }
}

async fn generate(sh: &Shared) -> Result<Value, String> {
    let settings = sh.ws.settings();
    let url = settings
        .database_url
        .clone()
        .ok_or("no database configured: set [database] url in pg-flux.toml or databaseUrl")?;
    let options = MigrateOptions {
        conninfo: url.clone(),
        schema_dir: settings.schema_dir.clone(),
        migrations_dir: settings.migrations_dir.clone(),
        label: LABEL.to_string(),
        shadow: settings.migrate_shadow.clone(),
        partial_shadow: settings.partial_shadow,
        scope: settings.scope(),
        default_schema: settings.default_schema().to_string(),
        no_destructive: false,
        plan: PlanOptions::default(),
    };
    let report = migrate_cmd::generate(&options)
        .await
        .map_err(|e| scrub(&e.to_string(), &url))?;
    let path = report.path.clone();
    // The new file's hazards show at once (the watcher may report it later, or never).
    sh.touch(sh.ws.set_from_disk(&path));
    let unsaved = unsaved_sources(sh, &settings);
    if unsaved > 0 {
        sh.client
            .show_message(
                MessageType::WARNING,
                format!(
                    "pg-flux: the migration was generated from the files on disk; {unsaved} \
                     open source file(s) have unsaved changes"
                ),
            )
            .await;
    }
    super::actions::open_in_editor(sh, &path).await;
    Ok(json!({
        "path": path,
        "statements": report.statements,
        "hazards": report.hazards,
        "locks": report.locks,
        "warnings": report.warnings,
    }))
}

/// Open source documents whose text differs from the disk's.
fn unsaved_sources(sh: &Shared, settings: &Settings) -> usize {
    sh.ws
        .documents
        .iter()
        .filter(|d| settings.is_source(d.key()))
        .filter(|d| std::fs::read_to_string(d.key()).ok() != Some(d.text()))
        .count()
}
