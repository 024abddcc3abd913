//! An in-process language-server client for protocol tests (the Biome/ruff style): the real
//! service, driven with JSON-RPC messages over an in-memory pipe. Every message the server
//! sends is checked: `publishDiagnostics` updates the latest diagnostics per file; a request
//! is answered by the responder the test registered for its method; `$/progress` is recorded
//! for the tokens the test gave; a response is kept for the request awaiting it; anything
//! else — an unexpected notification, request or response, or a malformed frame — fails the
//! test.
//!
//! No test waits a fixed time to conclude that something did not happen: an absence is
//! checked once a message proves the server has done the work that would have produced it —
//! [`Client::refresh`] (its `$/progress` end follows every diagnostic of the changes sent
//! before it), the answer to a request that reads what earlier notifications changed (the
//! server applies them in arrival order), or a diagnostic that comes with the same
//! publication.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

/// How long a test waits for something the server should send.
pub const PATIENCE: Duration = Duration::from_secs(20);

type Responder = Box<dyn FnMut(&Value) -> Value + Send>;

pub struct Client {
    writer: tokio::io::WriteHalf<tokio::io::DuplexStream>,
    incoming: mpsc::UnboundedReceiver<Result<Value, String>>,
    server: tokio::task::JoinHandle<()>,
    next_id: i64,
    /// Latest diagnostics per file path.
    pub diagnostics: HashMap<PathBuf, Vec<Value>>,
    /// Every request the server made, in order: (method, params).
    pub server_requests: Vec<(String, Value)>,
    responders: HashMap<String, Responder>,
    /// Requests sent and not answered yet.
    outstanding: HashSet<i64>,
    /// Responses received and not collected yet: the result, or the error object.
    responses: HashMap<i64, Result<Value, Value>>,
    /// `$/progress` values per work-done token the test gave, in order.
    progress: HashMap<String, Vec<Value>>,
    /// Notifications of the methods a test accepts (see [`Client::accept_notifications`]),
    /// in order: (method, params).
    pub notifications: Vec<(String, Value)>,
    accepted: HashSet<String>,
}

/// Capabilities of a typical editor: incremental sync, applyEdit with file creation,
/// showDocument, dynamic file watching.
pub fn editor_capabilities() -> Value {
    json!({
        "workspace": {
            "applyEdit": true,
            "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create", "rename", "delete"]},
            "didChangeWatchedFiles": {"dynamicRegistration": true},
            "didChangeConfiguration": {"dynamicRegistration": false},
            "executeCommand": {},
            "symbol": {}
        },
        "textDocument": {
            "synchronization": {"didSave": true},
            "publishDiagnostics": {"versionSupport": true},
            "hover": {"contentFormat": ["markdown", "plaintext"]},
            "codeAction": {}
        },
        "window": {"showDocument": {"support": true}}
    })
}

pub fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn path_of(uri: &str) -> PathBuf {
    let raw = uri.strip_prefix("file://").unwrap_or(uri);
    let bytes = raw.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() + 1 {
            if let Ok(b) = u8::from_str_radix(&raw[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    PathBuf::from(String::from_utf8_lossy(&out).into_owned())
}

impl Client {
    /// Starts the server, sends `initialize` (workspace `root`, `options` as
    /// initializationOptions, `capabilities`) and `initialized`.
    pub async fn start(root: &Path, options: Value, capabilities: Value) -> Client {
        let (client_end, server_end) = tokio::io::duplex(1 << 22);
        let (server_read, server_write) = tokio::io::split(server_end);
        let server = tokio::spawn(pg_flux::lsp::serve(server_read, server_write));
        let (client_read, writer) = tokio::io::split(client_end);
        let (tx, incoming) = mpsc::unbounded_channel();
        tokio::spawn(read_frames(client_read, tx));
        let mut client = Client {
            writer,
            incoming,
            server,
            next_id: 0,
            diagnostics: HashMap::new(),
            server_requests: Vec::new(),
            responders: HashMap::new(),
            outstanding: HashSet::new(),
            responses: HashMap::new(),
            progress: HashMap::new(),
            notifications: Vec::new(),
            accepted: HashSet::new(),
        };
        client.on_request("client/registerCapability", |_| Value::Null);
        let result = client
            .request(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": uri(root),
                    "workspaceFolders": [{"uri": uri(root), "name": "test"}],
                    "initializationOptions": options,
                    "capabilities": capabilities,
                }),
            )
            .await
            .unwrap_or_else(|e| panic!("initialize failed: {e}"));
        assert!(
            result["capabilities"]["hoverProvider"] == json!(true),
            "{result}"
        );
        client.notify("initialized", json!({})).await;
        client
    }

    /// Answers the server's requests of `method` with `respond(params)`.
    pub fn on_request(
        &mut self,
        method: &str,
        respond: impl FnMut(&Value) -> Value + Send + 'static,
    ) {
        self.responders
            .insert(method.to_string(), Box::new(respond));
    }

    /// Records the server's notifications of `method` (`window/showMessage`, say) in
    /// `notifications` instead of failing the test on them.
    pub fn accept_notifications(&mut self, method: &str) {
        self.accepted.insert(method.to_string());
    }

    /// Handles the server's messages until it has made a request of `method` (it may have
    /// made it already): the params of its latest.
    pub async fn wait_server_request(&mut self, method: &str) -> Value {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some((_, params)) = self.server_requests.iter().rev().find(|(m, _)| m == method)
            {
                return params.clone();
            }
            match self.next_message(deadline).await {
                Some(message) => self.handle(message).await,
                None => panic!("no {method} request within {PATIENCE:?}"),
            }
        }
    }

    /// Handles the server's messages until it has sent a notification of `method` (accepted
    /// with [`Client::accept_notifications`]; it may have come already): the params of its
    /// latest. A notification and a response the server sends in that order may reach the
    /// client in the other.
    pub async fn wait_notification(&mut self, method: &str) -> Value {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some((_, params)) = self.notifications.iter().rev().find(|(m, _)| m == method) {
                return params.clone();
            }
            match self.next_message(deadline).await {
                Some(message) => self.handle(message).await,
                None => panic!("no {method} notification within {PATIENCE:?}"),
            }
        }
    }

    async fn send(&mut self, message: Value) {
        let body = message.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.writer
            .write_all(frame.as_bytes())
            .await
            .unwrap_or_else(|e| panic!("writing to the server: {e}"));
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// Sends a request and handles the server's messages until its response: the result, or
    /// the error object.
    pub async fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.start_request(method, params).await;
        self.response(id).await
    }

    /// Sends a request without waiting for its response (see [`Client::response`]).
    pub async fn start_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.outstanding.insert(id);
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        id
    }

    /// Handles the server's messages until the response to request `id` (it may have come
    /// already): the result, or the error object.
    pub async fn response(&mut self, id: i64) -> Result<Value, Value> {
        let deadline = Instant::now() + PATIENCE * 3;
        loop {
            if let Some(response) = self.responses.remove(&id) {
                return response;
            }
            let message = self
                .next_message(deadline)
                .await
                .unwrap_or_else(|| panic!("no response to request {id} within {:?}", PATIENCE * 3));
            self.handle(message).await;
        }
    }

    /// Whether the response to request `id` has been received (among the messages handled so
    /// far: see [`Client::handle_received`]).
    pub fn answered(&self, id: i64) -> bool {
        self.responses.contains_key(&id)
    }

    /// Handles every message the server has sent so far, without waiting for more.
    pub async fn handle_received(&mut self) {
        loop {
            match self.incoming.try_recv() {
                Ok(Ok(message)) => self.handle(message).await,
                Ok(Err(e)) => panic!("malformed message from the server: {e}"),
                Err(mpsc::error::TryRecvError::Empty) => return,
                Err(mpsc::error::TryRecvError::Disconnected) => {
                    panic!("the server closed its output")
                }
            }
        }
    }

    /// Cancels request `id` (`$/cancelRequest`) and returns its response.
    pub async fn cancel(&mut self, id: i64) -> Result<Value, Value> {
        self.notify("$/cancelRequest", json!({"id": id})).await;
        self.response(id).await
    }

    /// `pg-flux.refresh` with a work-done token; returns its answer once the server's
    /// `$/progress` end for that token has arrived too. The server sends that end after every
    /// diagnostic due to what it was sent before the refresh (edits, saves, file and
    /// configuration changes, loads of the source) and to the inspection the refresh ran: from
    /// then on, what `diagnostics` lacks, the server does not report.
    pub async fn refresh(&mut self) -> Value {
        self.next_id += 1;
        let token = format!("pg-flux-tests-refresh-{}", self.next_id);
        self.progress.insert(token.clone(), Vec::new());
        let answer = self
            .request(
                "workspace/executeCommand",
                json!({"command": "pg-flux.refresh", "arguments": [], "workDoneToken": token}),
            )
            .await
            .unwrap_or_else(|e| panic!("pg-flux.refresh: {e}"));
        let deadline = Instant::now() + PATIENCE;
        loop {
            let reported = &self.progress[&token];
            if reported.last().is_some_and(|v| v["kind"] == json!("end")) {
                let kinds: Vec<&Value> = reported.iter().map(|v| &v["kind"]).collect();
                assert_eq!(
                    kinds,
                    [&json!("begin"), &json!("end")],
                    "{token}: {reported:?}"
                );
                self.progress.remove(&token);
                return answer;
            }
            let message = self
                .next_message(deadline)
                .await
                .unwrap_or_else(|| panic!("no $/progress end for {token} within {PATIENCE:?}"));
            self.handle(message).await;
        }
    }

    async fn next_message(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, self.incoming.recv()).await {
            Ok(Some(Ok(message))) => Some(message),
            Ok(Some(Err(e))) => panic!("malformed message from the server: {e}"),
            Ok(None) => panic!("the server closed its output"),
            Err(_) => None,
        }
    }

    /// A message from the server.
    async fn handle(&mut self, message: Value) {
        let method = message["method"].as_str().unwrap_or("").to_string();
        match (&message.get("id"), method.as_str()) {
            (Some(id), "") if id.as_i64().is_some_and(|id| self.outstanding.contains(&id)) => {
                let id = id.as_i64().unwrap_or_default();
                self.outstanding.remove(&id);
                let response = match message.get("error") {
                    Some(error) => Err(error.clone()),
                    None => Ok(message["result"].clone()),
                };
                self.responses.insert(id, response);
            }
            (None, "$/progress")
                if message["params"]["token"]
                    .as_str()
                    .is_some_and(|t| self.progress.contains_key(t)) =>
            {
                let token = message["params"]["token"]
                    .as_str()
                    .unwrap_or("")
                    .to_string();
                let value = message["params"]["value"].clone();
                self.progress.entry(token).or_default().push(value);
            }
            (None, "textDocument/publishDiagnostics") => {
                let path = path_of(message["params"]["uri"].as_str().unwrap_or(""));
                let list = message["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                self.diagnostics.insert(path, list);
            }
            (None, _) if self.accepted.contains(&method) => {
                let params = message.get("params").cloned().unwrap_or(Value::Null);
                self.notifications.push((method.clone(), params));
            }
            (Some(id), _) if !method.is_empty() => {
                let params = message.get("params").cloned().unwrap_or(Value::Null);
                self.server_requests.push((method.clone(), params.clone()));
                let Some(respond) = self.responders.get_mut(&method) else {
                    panic!("unexpected request from the server: {message}");
                };
                let result = respond(&params);
                let id = (*id).clone();
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": result}))
                    .await;
            }
            _ => panic!("unexpected message from the server: {message}"),
        }
    }

    /// Waits until the latest diagnostics of `path` satisfy `ok`; returns them.
    pub async fn wait_diagnostics(
        &mut self,
        path: &Path,
        what: &str,
        ok: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let current = self.diagnostics.get(path).cloned().unwrap_or_default();
            if ok(&current) {
                return current;
            }
            match self.next_message(deadline).await {
                Some(message) => self.handle(message).await,
                None => panic!(
                    "{what}: not seen on {} within {PATIENCE:?}; latest: {}",
                    path.display(),
                    Value::Array(current)
                ),
            }
        }
    }

    pub async fn open(&mut self, path: &Path, version: i64) {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "sql", "version": version, "text": text}}),
        )
        .await;
    }

    /// One incremental change: replace `range` ([line, character] pairs) with `text`.
    pub async fn change(&mut self, path: &Path, version: i64, range: [[u32; 2]; 2], text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri(path), "version": version},
                "contentChanges": [{
                    "range": {
                        "start": {"line": range[0][0], "character": range[0][1]},
                        "end": {"line": range[1][0], "character": range[1][1]}
                    },
                    "text": text
                }]
            }),
        )
        .await;
    }

    pub async fn save(&mut self, path: &Path) {
        self.notify(
            "textDocument/didSave",
            json!({"textDocument": {"uri": uri(path)}}),
        )
        .await;
    }

    pub async fn execute(&mut self, command: &str, arguments: Vec<Value>) -> Result<Value, Value> {
        self.request(
            "workspace/executeCommand",
            json!({"command": command, "arguments": arguments}),
        )
        .await
    }

    /// `shutdown` and `exit`; the server must stop.
    pub async fn shutdown(mut self) {
        let result = self.request("shutdown", Value::Null).await;
        assert_eq!(result, Ok(Value::Null));
        self.notify("exit", Value::Null).await;
        let deadline = Instant::now() + PATIENCE;
        // Messages still in flight (diagnostics of the last changes) are checked too.
        while let Some(message) = self.next_message_or_end(deadline).await {
            self.handle(message).await;
        }
        tokio::time::timeout(PATIENCE, self.server)
            .await
            .unwrap_or_else(|_| panic!("the server did not stop after exit"))
            .unwrap_or_else(|e| panic!("the server task failed: {e}"));
    }

    async fn next_message_or_end(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, self.incoming.recv()).await {
            Ok(Some(Ok(message))) => Some(message),
            Ok(Some(Err(e))) => panic!("malformed message from the server: {e}"),
            _ => None,
        }
    }
}

/// Reads `Content-Length` frames and forwards each JSON body.
async fn read_frames(
    read: tokio::io::ReadHalf<tokio::io::DuplexStream>,
    tx: mpsc::UnboundedSender<Result<Value, String>>,
) {
    let mut reader = BufReader::new(read);
    loop {
        let mut length: Option<usize> = None;
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            if line == "\r\n" {
                break;
            }
            match line.split_once(':') {
                Some((name, value)) if name.eq_ignore_ascii_case("content-length") => {
                    length = value.trim().parse().ok();
                }
                Some((name, _)) if name.eq_ignore_ascii_case("content-type") => {}
                _ => {
                    let _ = tx.send(Err(format!("bad header line {line:?}")));
                    return;
                }
            }
        }
        let Some(length) = length else {
            let _ = tx.send(Err("frame without Content-Length".to_string()));
            return;
        };
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        let parsed = serde_json::from_slice::<Value>(&body)
            .map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&body)));
        if tx.send(parsed).is_err() {
            return;
        }
    }
}

/// Applies a `workspace/applyEdit` request to the files on disk, as an editor would (files
/// created, edits applied, everything saved); returns the response.
pub fn apply_workspace_edit(params: &Value) -> Value {
    let operations = params["edit"]["documentChanges"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for op in operations {
        if op["kind"] == json!("create") {
            let path = path_of(op["uri"].as_str().unwrap_or(""));
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
            }
            if !path.exists() {
                std::fs::write(&path, "").unwrap_or_else(|e| panic!("{e}"));
            }
            continue;
        }
        let path = path_of(op["textDocument"]["uri"].as_str().unwrap_or(""));
        let mut text = std::fs::read_to_string(&path).unwrap_or_default();
        let mut edits = op["edits"].as_array().cloned().unwrap_or_default();
        // Last first, so earlier offsets stay valid.
        edits.sort_by_key(|e| {
            let s = &e["range"]["start"];
            std::cmp::Reverse((s["line"].as_u64(), s["character"].as_u64()))
        });
        for edit in edits {
            let start = offset(&text, &edit["range"]["start"]);
            let end = offset(&text, &edit["range"]["end"]);
            text.replace_range(start..end, edit["newText"].as_str().unwrap_or(""));
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    }
    json!({"applied": true})
}

/// The byte offset of an LSP position (UTF-16 columns).
pub fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap_or(0) as usize;
    let character = position["character"].as_u64().unwrap_or(0) as usize;
    let mut start = 0;
    for _ in 0..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The diagnostics with `code`.
pub fn with_code<'a>(diagnostics: &'a [Value], code: &str) -> Vec<&'a Value> {
    diagnostics
        .iter()
        .filter(|d| d["code"] == json!(code))
        .collect()
}
