//! Benchmark of `pg-flux lsp` (the release binary, over stdio) on a generated workspace of N
//! source files (default 10,000): time from `initialized` to the first and to all initial
//! diagnostics, `didChange` → `publishDiagnostics` latency (p50/p95 over alternating
//! keystrokes that break and fix a statement), and the server's resident memory.
//!
//! Usage: lsp_bench [N]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use pg_flux_tests::lsp::uri;
use pg_flux_tests::release_binary;

/// Files with an untracked statement: what the initial diagnostics consist of.
const BAD_FILES: usize = 20;
const KEYSTROKES: usize = 200;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let bin = release_binary();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    eprintln!("lsp_bench: generating {n} files…");
    let bad = generate(root, n);

    let mut child = Command::new(&bin)
        .arg("lsp")
        .current_dir(root)
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("no stdin"));
    let (tx, rx) = mpsc::channel();
    read_frames(
        child.stdout.take().unwrap_or_else(|| panic!("no stdout")),
        tx,
    );

    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": null, "rootUri": uri(root), "capabilities": {}}}),
    );
    wait(&rx, |m| m["id"] == json!(1));
    let started = Instant::now();
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    let mut first = None;
    let mut seen = std::collections::HashSet::new();
    while seen.len() < bad.len() {
        let m = wait(&rx, |m| {
            m["method"] == json!("textDocument/publishDiagnostics")
        });
        first.get_or_insert_with(|| started.elapsed());
        seen.insert(m["params"]["uri"].as_str().unwrap_or("").to_string());
    }
    let all = started.elapsed();
    let rss_loaded = status_kb(pid, "VmRSS");

    // Keystrokes in one file: break the statement, then fix it; each publishes.
    let file = root.join("schema/tables/bench.t00042.sql");
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let file_uri = uri(&file);
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": file_uri, "languageId": "sql", "version": 1, "text": text}}}),
    );
    let mut latencies = Vec::new();
    for i in 0..KEYSTROKES {
        let breaking = i % 2 == 0;
        let change = if breaking {
            json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "("})
        } else {
            json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "text": ""})
        };
        let sent = Instant::now();
        send(
            &mut stdin,
            &json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
                    "params": {"textDocument": {"uri": file_uri, "version": i + 2}, "contentChanges": [change]}}),
        );
        wait(&rx, |m| {
            m["method"] == json!("textDocument/publishDiagnostics")
                && m["params"]["uri"] == json!(file_uri)
                && m["params"]["diagnostics"]
                    .as_array()
                    .is_some_and(|d| d.is_empty() != breaking)
        });
        latencies.push(sent.elapsed());
    }
    latencies.sort();
    let p = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    let peak = status_kb(pid, "VmHWM");
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
    );
    wait(&rx, |m| m["id"] == json!(2));
    send(&mut stdin, &json!({"jsonrpc": "2.0", "method": "exit"}));
    let _ = child.wait();

    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    println!("| files | first diagnostics | all initial diagnostics | keystroke p50 | keystroke p95 | RSS loaded | peak RSS |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {n} | {} | {} | {} | {} | {} MB | {} MB |",
        ms(first.unwrap_or_default()),
        ms(all),
        ms(p(0.50)),
        ms(p(0.95)),
        rss_loaded / 1024,
        peak / 1024
    );
}

/// N files: tables (with a foreign key to the previous table, a comment and a grant),
/// indexes, functions; `BAD_FILES` of the tables also hold an `INSERT`.
fn generate(root: &Path, n: usize) -> Vec<PathBuf> {
    let schema = root.join("schema");
    for dir in ["tables", "indexes", "functions"] {
        std::fs::create_dir_all(schema.join(dir)).unwrap_or_else(|e| panic!("{e}"));
    }
    let tables = n * 7 / 10;
    let indexes = n * 2 / 10;
    let mut bad = Vec::new();
    for i in 0..n {
        let (path, mut text) = if i < tables {
            let fk = if i > 0 {
                format!(
                    ",\n    parent_id bigint REFERENCES bench.t{:05} (id)",
                    i - 1
                )
            } else {
                String::new()
            };
            (
                schema.join(format!("tables/bench.t{i:05}.sql")),
                format!(
                    "CREATE TABLE bench.t{i:05} (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n    \
                     name text NOT NULL DEFAULT '',\n    amount numeric(12,2) CHECK (amount >= 0),\n    \
                     created_at timestamp with time zone NOT NULL DEFAULT now(){fk}\n);\n\n\
                     COMMENT ON TABLE bench.t{i:05} IS 'table {i}';\n\n\
                     GRANT SELECT ON TABLE bench.t{i:05} TO PUBLIC;\n"
                ),
            )
        } else if i < tables + indexes {
            let t = i - tables;
            (
                schema.join(format!("indexes/bench.t{t:05}.sql")),
                format!(
                    "CREATE INDEX t{t:05}_name ON bench.t{t:05} USING btree (lower(name));\n\n\
                     CREATE INDEX t{t:05}_recent ON bench.t{t:05} USING btree (created_at) WHERE (amount > 0);\n"
                ),
            )
        } else {
            (
                schema.join(format!("functions/bench.f{i:05}.sql")),
                format!(
                    "CREATE FUNCTION bench.f{i:05}(x integer) RETURNS integer\n    LANGUAGE sql IMMUTABLE\n    \
                     AS $$ SELECT x + {i} $$;\n"
                ),
            )
        };
        if i % (tables / BAD_FILES).max(1) == 7 && bad.len() < BAD_FILES && i < tables {
            text.push_str(&format!(
                "\nINSERT INTO bench.t{i:05} (name) VALUES ('seed');\n"
            ));
            bad.push(path.clone());
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    }
    bad
}

fn status_kb(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn send(stdin: &mut ChildStdin, message: &Value) {
    let body = message.to_string();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
        .and_then(|_| stdin.flush())
        .unwrap_or_else(|e| panic!("writing to pg-flux lsp: {e}"));
}

fn read_frames(stdout: impl Read + Send + 'static, tx: mpsc::Sender<Value>) {
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        loop {
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                if line == "\r\n" {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    length = n.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            if reader.read_exact(&mut body).is_err() {
                return;
            }
            let Ok(message) = serde_json::from_slice::<Value>(&body) else {
                return;
            };
            if tx.send(message).is_err() {
                return;
            }
        }
    });
}

fn wait(rx: &mpsc::Receiver<Value>, wanted: impl Fn(&Value) -> bool) -> Value {
    loop {
        match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(m) if wanted(&m) => return m,
            Ok(_) => {}
            Err(e) => panic!("lsp_bench: no answer from the server: {e}"),
        }
    }
}
