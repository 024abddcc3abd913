//! The protocol front end. State-changing notifications (open, change, close, save,
//! configuration, watched files) update the workspace synchronously, in arrival order, and
//! hand the affected files to the publisher; requests read the current state. Database work
//! runs in its own task. Every handler is guarded: a panic becomes an error or a log line.
//!
//! Reading the whole source (the first load, a configuration change) runs in its own task too;
//! it is counted from the notification that starts it, so that `pg-flux.refresh` can wait for
//! the loads begun before it (see [`Shared::loaded`]).

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, RwLock};

use futures_util::FutureExt;
use serde_json::Value;
use tokio::sync::watch;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::actions;
use super::complete;
use super::database::Database;
use super::diagnostics::SnapshotSource;
use super::document::Document;
use super::generate;
use super::lens;
use super::navigate;
use super::publish::Publisher;
use super::rename;
use super::settings::{ClientSettings, Settings};
use super::workspace::Workspace;
use crate::config::CONFIG_FILE;

/// State shared by the handlers and the background tasks.
pub struct Shared {
    pub client: Client,
    pub ws: Arc<Workspace>,
    capabilities: RwLock<ClientCapabilities>,
    client_settings: RwLock<ClientSettings>,
    publisher: OnceLock<Publisher>,
    database: OnceLock<Arc<Database>>,
    /// Loads of the whole source in progress.
    loading: watch::Sender<usize>,
}

/// One load of the whole source in progress, from the notification that starts it to the end
/// of its task (or the task's failure).
struct Loading(watch::Sender<usize>);

impl Drop for Loading {
    fn drop(&mut self) {
        self.0.send_modify(|n| *n = n.saturating_sub(1));
    }
}

impl Shared {
    pub fn database(&self) -> Option<Arc<Database>> {
        self.database.get().cloned()
    }

    pub fn touch(&self, paths: Vec<PathBuf>) {
        if let Some(p) = self.publisher.get() {
            p.touch(paths);
        }
    }

    /// Completes once the diagnostics of every file touched so far are published.
    pub async fn published(&self) {
        if let Some(p) = self.publisher.get() {
            p.flush().await;
        }
    }

    /// Counts a load of the whole source as begun; it ends when the guard is dropped.
    fn begin_load(&self) -> Loading {
        self.loading.send_modify(|n| *n += 1);
        Loading(self.loading.clone())
    }

    /// Completes once no load of the whole source is in progress: every load begun before the
    /// call (the first one, those of configuration changes) has read and handed its files to
    /// the publisher and asked for a database refresh.
    pub async fn loaded(&self) {
        let mut loads = self.loading.subscribe();
        let _ = loads.wait_for(|n| *n == 0).await;
    }

    fn refresh_database(&self) {
        if let Some(db) = self.database.get() {
            drop(db.refresh());
        }
    }

    fn caps(&self) -> ClientCapabilities {
        self.capabilities
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// `workspace/applyEdit` with file creation in `documentChanges`.
    pub fn can_apply_edits(&self) -> bool {
        let caps = self.caps();
        let Some(ws) = caps.workspace else {
            return false;
        };
        let edit = ws.workspace_edit.unwrap_or_default();
        ws.apply_edit == Some(true)
            && edit.document_changes == Some(true)
            && edit
                .resource_operations
                .unwrap_or_default()
                .contains(&ResourceOperationKind::Create)
    }

    pub fn can_show_document(&self) -> bool {
        self.caps()
            .window
            .and_then(|w| w.show_document)
            .is_some_and(|s| s.support)
    }

    /// `workspace/codeLens/refresh`.
    pub fn can_refresh_code_lenses(&self) -> bool {
        self.caps()
            .workspace
            .and_then(|w| w.code_lens)
            .and_then(|c| c.refresh_support)
            .unwrap_or(false)
    }

    fn can_watch_files(&self) -> bool {
        self.caps()
            .workspace
            .and_then(|w| w.did_change_watched_files)
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false)
    }

    fn settings_for(&self, root: &Path) -> Settings {
        let client = self
            .client_settings
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        Settings::resolve(root, &client)
    }

    /// Re-reads the settings and the source directory off the request path, then republishes
    /// everything and re-inspects the database.
    fn reconfigure(self: &Arc<Self>) {
        let sh = self.clone();
        let loading = self.begin_load();
        tokio::spawn(async move {
            let _loading = loading;
            let root = sh.ws.settings().root.clone();
            let settings = sh.settings_for(&root);
            let config = settings.config_file();
            let (ws, publishing) = (sh.ws.clone(), sh.clone());
            let reloaded = tokio::task::spawn_blocking(move || {
                ws.reconfigure(settings, &|changed| publishing.touch(changed))
            })
            .await;
            if reloaded.is_err() {
                eprintln!("pg-flux lsp: re-reading the source failed with an internal error");
            }
            sh.touch(vec![config]);
            sh.refresh_database();
        });
    }
}

pub struct Backend {
    sh: Arc<Shared>,
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        let root = std::env::current_dir().unwrap_or_default();
        Backend {
            sh: Arc::new(Shared {
                client,
                ws: Arc::new(Workspace::new(Settings::resolve(
                    &root,
                    &ClientSettings::default(),
                ))),
                capabilities: RwLock::new(ClientCapabilities::default()),
                client_settings: RwLock::new(ClientSettings::default()),
                publisher: OnceLock::new(),
                database: OnceLock::new(),
                loading: watch::Sender::new(0),
            }),
        }
    }
}

/// Runs a handler; a panic is logged and becomes `fallback`.
async fn guarded<T>(what: &str, fallback: T, handler: impl Future<Output = T>) -> T {
    match AssertUnwindSafe(handler).catch_unwind().await {
        Ok(value) => value,
        Err(_) => {
            eprintln!("pg-flux lsp: {what} failed with an internal error");
            fallback
        }
    }
}

fn internal(what: &str) -> Error {
    Error {
        code: tower_lsp_server::jsonrpc::ErrorCode::InternalError,
        message: format!("pg-flux: {what} failed with an internal error").into(),
        data: None,
    }
}

/// A request the server declines, with the reason the editor shows.
fn refused(reason: String) -> Error {
    Error {
        code: tower_lsp_server::jsonrpc::ErrorCode::InvalidRequest,
        message: reason.into(),
        data: None,
    }
}

fn file_path(uri: &Uri) -> Option<PathBuf> {
    uri.to_file_path().map(|p| p.into_owned())
}

fn workspace_root(params: &InitializeParams) -> PathBuf {
    let from_folders = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| file_path(&f.uri));
    #[allow(deprecated)] // older clients send only rootUri
    let from_root = params.root_uri.as_ref().and_then(file_path);
    from_folders
        .or(from_root)
        .unwrap_or_else(|| std::env::current_dir().unwrap_or_default())
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let root = workspace_root(&params);
        if let Some(options) = &params.initialization_options {
            *self
                .sh
                .client_settings
                .write()
                .unwrap_or_else(|p| p.into_inner()) = ClientSettings::from_json(options);
        }
        *self
            .sh
            .capabilities
            .write()
            .unwrap_or_else(|p| p.into_inner()) = params.capabilities;
        self.sh.ws.set_settings(self.sh.settings_for(&root));
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                            include_text: Some(false),
                        })),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![".".to_string()]),
                    ..CompletionOptions::default()
                }),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                })),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::SOURCE,
                        ]),
                        ..CodeActionOptions::default()
                    },
                )),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: actions::COMMANDS.iter().map(|c| c.to_string()).collect(),
                    work_done_progress_options: WorkDoneProgressOptions {
                        work_done_progress: Some(true),
                    },
                }),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "pg-flux".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let sh = self.sh.clone();
        guarded("initialized", (), async move {
            let db_source = Arc::new(SnapshotSource::default());
            let shadow_source = Arc::new(SnapshotSource::default());
            let publisher = Publisher::start(
                sh.client.clone(),
                sh.ws.clone(),
                vec![db_source.clone(), shadow_source.clone()],
            );
            let database =
                Database::start(sh.ws.clone(), db_source, shadow_source, publisher.clone());
            publisher.set_database(database.clone());
            lens::follow_database(sh.clone(), &database);
            let _ = sh.publisher.set(publisher);
            let _ = sh.database.set(database);
            let loader = sh.clone();
            let loading = sh.begin_load();
            tokio::spawn(async move {
                let _loading = loading;
                let (ws, publishing) = (loader.ws.clone(), loader.clone());
                let began = std::time::Instant::now();
                let loaded = tokio::task::spawn_blocking(move || {
                    ws.reload(&|changed| publishing.touch(changed))
                })
                .await;
                if loaded.is_err() {
                    eprintln!("pg-flux lsp: reading the source failed with an internal error");
                }
                eprintln!(
                    "pg-flux lsp: read and parsed {} file(s) in {} ms",
                    loader.ws.files.len(),
                    began.elapsed().as_millis()
                );
                loader.touch(vec![loader.ws.settings().config_file()]);
                loader.refresh_database();
            });
            if sh.can_watch_files() {
                let watchers = vec![
                    FileSystemWatcher {
                        glob_pattern: GlobPattern::String("**/*.sql".to_string()),
                        kind: None,
                    },
                    FileSystemWatcher {
                        glob_pattern: GlobPattern::String(format!("**/{CONFIG_FILE}")),
                        kind: None,
                    },
                ];
                let registration = Registration {
                    id: "pg-flux-watch".to_string(),
                    method: "workspace/didChangeWatchedFiles".to_string(),
                    register_options: serde_json::to_value(
                        DidChangeWatchedFilesRegistrationOptions { watchers },
                    )
                    .ok(),
                };
                let client = sh.client.clone();
                tokio::spawn(async move {
                    if let Err(e) = client.register_capability(vec![registration]).await {
                        eprintln!("pg-flux lsp: could not watch files: {e}");
                    }
                });
            }
        })
        .await
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        guarded("didOpen", (), async {
            let Some(path) = file_path(&params.text_document.uri) else {
                return;
            };
            let doc = params.text_document;
            self.sh
                .ws
                .documents
                .insert(path.clone(), Document::new(&doc.text, doc.version));
            self.sh.touch(self.sh.ws.set_text(&path, doc.text));
        })
        .await
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        guarded("didChange", (), async {
            let Some(path) = file_path(&params.text_document.uri) else {
                return;
            };
            let text = {
                let Some(mut doc) = self.sh.ws.documents.get_mut(&path) else {
                    eprintln!(
                        "pg-flux lsp: change to a document that is not open: {}",
                        path.display()
                    );
                    return;
                };
                for change in &params.content_changes {
                    doc.apply(change);
                }
                doc.version = params.text_document.version;
                doc.text()
            };
            self.sh.touch(self.sh.ws.set_text(&path, text));
        })
        .await
    }

    async fn did_save(&self, _: DidSaveTextDocumentParams) {
        // The database side follows saves (debounced), not keystrokes.
        self.sh.refresh_database();
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        guarded("didClose", (), async {
            let Some(path) = file_path(&params.text_document.uri) else {
                return;
            };
            self.sh.ws.documents.remove(&path);
            // The file on disk is the truth again (or, outside the source, nothing).
            let changed = if self.sh.ws.settings().is_read(&path) {
                self.sh.ws.set_from_disk(&path)
            } else {
                self.sh.ws.remove(&path)
            };
            self.sh.touch(changed);
        })
        .await
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        guarded("didChangeConfiguration", (), async {
            if params.settings.is_null() {
                return;
            }
            *self
                .sh
                .client_settings
                .write()
                .unwrap_or_else(|p| p.into_inner()) = ClientSettings::from_json(&params.settings);
            self.sh.reconfigure();
        })
        .await
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        guarded("didChangeWatchedFiles", (), async {
            let settings = self.sh.ws.settings();
            let mut changed = Vec::new();
            for event in &params.changes {
                let Some(path) = file_path(&event.uri) else {
                    continue;
                };
                if path == settings.config_file() {
                    self.sh.reconfigure();
                    return;
                }
                if self.sh.ws.documents.contains_key(&path) {
                    continue; // the editor's text wins
                }
                if event.typ == FileChangeType::DELETED {
                    // A deleted directory takes its files with it.
                    let gone: Vec<PathBuf> = self
                        .sh
                        .ws
                        .files
                        .iter()
                        .map(|f| f.key().clone())
                        .filter(|p| p.starts_with(&path))
                        .collect();
                    for p in gone {
                        changed.extend(self.sh.ws.remove(&p));
                    }
                } else if settings.is_read(&path) {
                    changed.extend(self.sh.ws.set_from_disk(&path));
                }
            }
            self.sh.touch(changed);
            self.sh.refresh_database();
        })
        .await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        guarded("hover", Err(internal("hover")), async {
            let at = params.text_document_position_params;
            let Some(path) = file_path(&at.text_document.uri) else {
                return Ok(None);
            };
            let db = self.sh.database();
            Ok(navigate::hover(
                &self.sh.ws,
                db.as_deref(),
                &path,
                at.position,
            ))
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        guarded("completion", Err(internal("completion")), async {
            let at = params.text_document_position;
            let Some(path) = file_path(&at.text_document.uri) else {
                return Ok(None);
            };
            let db = self.sh.database();
            Ok(complete::complete(
                &self.sh.ws,
                db.as_deref(),
                &path,
                at.position,
            ))
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        guarded("definition", Err(internal("definition")), async {
            let at = params.text_document_position_params;
            let Some(path) = file_path(&at.text_document.uri) else {
                return Ok(None);
            };
            let db = self.sh.database();
            let found = navigate::definition(&self.sh.ws, db.as_deref(), &path, at.position);
            Ok((!found.is_empty()).then_some(GotoDefinitionResponse::Array(found)))
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        guarded("references", Err(internal("references")), async {
            let at = params.text_document_position;
            let Some(path) = file_path(&at.text_document.uri) else {
                return Ok(None);
            };
            let db = self.sh.database();
            let found = rename::references(
                &self.sh.ws,
                db.as_deref(),
                &path,
                at.position,
                params.context.include_declaration,
            );
            Ok(Some(found))
        })
        .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        guarded("prepareRename", Err(internal("prepareRename")), async {
            let Some(path) = file_path(&params.text_document.uri) else {
                return Ok(None);
            };
            let db = self.sh.database();
            match rename::prepare_rename(&self.sh.ws, db.as_deref(), &path, params.position) {
                Ok((range, placeholder)) => Ok(Some(PrepareRenameResponse::RangeWithPlaceholder {
                    range,
                    placeholder,
                })),
                Err(reason) => Err(refused(reason)),
            }
        })
        .await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        guarded("rename", Err(internal("rename")), async {
            let at = params.text_document_position;
            let Some(path) = file_path(&at.text_document.uri) else {
                return Ok(None);
            };
            let db = self.sh.database();
            rename::rename(
                &self.sh.ws,
                db.as_deref(),
                &path,
                at.position,
                &params.new_name,
            )
            .map(Some)
            .map_err(refused)
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        guarded("documentSymbol", Err(internal("documentSymbol")), async {
            let Some(path) = file_path(&params.text_document.uri) else {
                return Ok(None);
            };
            Ok(Some(DocumentSymbolResponse::Flat(
                navigate::document_symbols(&self.sh.ws, &path),
            )))
        })
        .await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        guarded(
            "workspace/symbol",
            Err(internal("workspace/symbol")),
            async {
                Ok(Some(WorkspaceSymbolResponse::Flat(
                    navigate::workspace_symbols(&self.sh.ws, &params.query, 1000),
                )))
            },
        )
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        guarded("codeAction", Err(internal("codeAction")), async {
            let mut found = actions::code_actions(&params);
            found.extend(generate::code_action(&self.sh.ws.settings(), &params));
            Ok(Some(found))
        })
        .await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        guarded("codeLens", Err(internal("codeLens")), async {
            let Some(path) = file_path(&params.text_document.uri) else {
                return Ok(None);
            };
            let db = self.sh.database();
            Ok(Some(lens::code_lenses(&self.sh.ws, db.as_deref(), &path)))
        })
        .await
    }

    /// A command run with a `workDoneToken` reports `$/progress`: `begin` (titled with the
    /// command) when it starts, `end` (with the error's message if it failed) once it is done.
    /// The end of `pg-flux.refresh` follows every diagnostic published before its answer (see
    /// [`actions::execute`]) on the wire, which its answer need not: a client knows from `end`
    /// that they have all arrived.
    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        guarded("executeCommand", Err(internal("executeCommand")), async {
            let progress = match params.work_done_progress_params.work_done_token.clone() {
                Some(token) => Some(
                    self.sh
                        .client
                        .progress(token, params.command.clone())
                        .begin()
                        .await,
                ),
                None => None,
            };
            let outcome = actions::execute(&self.sh, &params.command, &params.arguments).await;
            if let Some(progress) = progress {
                match &outcome {
                    Ok(_) => progress.finish().await,
                    Err(message) => progress.finish_with_message(message.clone()).await,
                }
            }
            match outcome {
                Ok(value) => Ok(Some(value)),
                Err(message) => Err(Error {
                    code: tower_lsp_server::jsonrpc::ErrorCode::InvalidRequest,
                    message: message.into(),
                    data: None,
                }),
            }
        })
        .await
    }
}
