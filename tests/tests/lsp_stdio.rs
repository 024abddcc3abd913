//! `pg-flux lsp` as a process: the protocol over stdio, framed; nothing but JSON-RPC on
//! stdout; a malformed frame does not end the session; shutdown then exit ends it with
//! status 0.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use pg_flux_tests::lsp::uri;
use pg_flux_tests::pg_flux_bin;

fn send(stdin: &mut ChildStdin, message: &Value) {
    let body = message.to_string();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
        .and_then(|_| stdin.flush())
        .unwrap_or_else(|e| panic!("writing to pg-flux lsp: {e}"));
}

/// Reads frames strictly: headers, a blank line, a JSON-RPC 2.0 body. Anything else on stdout
/// is an error.
fn read_frames(stdout: impl Read + Send + 'static, tx: mpsc::Sender<Result<Value, String>>) {
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                match reader.read_line(&mut line) {
                    Ok(0) => {
                        let _ = tx.send(Err("EOF".to_string()));
                        return;
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let _ = tx.send(Err(format!("read: {e}")));
                        return;
                    }
                }
                if line == "\r\n" {
                    break;
                }
                match line
                    .strip_prefix("Content-Length: ")
                    .and_then(|n| n.trim_end_matches("\r\n").parse::<usize>().ok())
                {
                    Some(n) if line.ends_with("\r\n") => length = Some(n),
                    _ if line.starts_with("Content-Type: ") && line.ends_with("\r\n") => {}
                    _ => {
                        let _ = tx.send(Err(format!("not a frame header on stdout: {line:?}")));
                        return;
                    }
                }
            }
            let Some(length) = length else {
                let _ = tx.send(Err("frame without Content-Length".to_string()));
                return;
            };
            let mut body = vec![0; length];
            if let Err(e) = reader.read_exact(&mut body) {
                let _ = tx.send(Err(format!("truncated frame: {e}")));
                return;
            }
            let message = serde_json::from_slice::<Value>(&body)
                .map_err(|e| {
                    format!(
                        "not JSON on stdout ({e}): {}",
                        String::from_utf8_lossy(&body)
                    )
                })
                .and_then(|v| {
                    if v["jsonrpc"] == json!("2.0") {
                        Ok(v)
                    } else {
                        Err(format!("not JSON-RPC 2.0: {v}"))
                    }
                });
            if tx.send(message).is_err() {
                return;
            }
        }
    });
}

/// The next message for which `wanted` holds; other well-formed messages are skipped.
fn wait(
    rx: &mpsc::Receiver<Result<Value, String>>,
    what: &str,
    wanted: impl Fn(&Value) -> bool,
) -> Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(Ok(message)) if wanted(&message) => return message,
            Ok(Ok(_)) => {}
            Ok(Err(e)) => panic!("waiting for {what}: {e}"),
            Err(_) => panic!("waiting for {what}: nothing within 20s"),
        }
    }
}

#[test]
fn stdio_framing_shutdown_and_exit() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let bad = dir.path().join("schema/tables/bad.sql");
    std::fs::create_dir_all(dir.path().join("schema/tables")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&bad, "CREATE TABLE (;\n").unwrap_or_else(|e| panic!("{e}"));
    let mut child = Command::new(pg_flux_bin())
        .arg("lsp")
        .current_dir(dir.path())
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("starting pg-flux lsp: {e}"));
    let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("no stdin"));
    let (tx, rx) = mpsc::channel();
    read_frames(
        child.stdout.take().unwrap_or_else(|| panic!("no stdout")),
        tx,
    );

    // A body that is not JSON is dropped; the session goes on.
    let garbage = "{not json";
    write!(stdin, "Content-Length: {}\r\n\r\n{garbage}", garbage.len())
        .unwrap_or_else(|e| panic!("{e}"));
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": null, "rootUri": uri(dir.path()), "capabilities": {}}}),
    );
    let init = wait(&rx, "initialize", |m| m["id"] == json!(1));
    assert_eq!(init["result"]["serverInfo"]["name"], json!("pg-flux"));
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    let published = wait(&rx, "diagnostics of bad.sql", |m| {
        m["method"] == json!("textDocument/publishDiagnostics")
            && m["params"]["uri"] == json!(uri(&bad))
    });
    let d = &published["params"]["diagnostics"][0];
    assert_eq!(d["code"], json!("syntax-error"), "{published}");
    assert_eq!(
        d["range"]["start"],
        json!({"line": 0, "character": 13}),
        "{published}"
    );

    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
    );
    let done = wait(&rx, "shutdown", |m| m["id"] == json!(2));
    assert_eq!(done["result"], Value::Null, "{done}");
    send(&mut stdin, &json!({"jsonrpc": "2.0", "method": "exit"}));
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                let _ = child.kill();
                panic!("pg-flux lsp did not exit after shutdown and exit");
            }
        }
    };
    assert!(status.success(), "exit status {status}");
    // Everything after the last message is the end of stdout, not stray output.
    loop {
        match rx.recv_timeout(Duration::from_secs(5)) {
            Ok(Ok(_)) => {}
            Ok(Err(e)) if e == "EOF" => break,
            Ok(Err(e)) => panic!("{e}"),
            Err(_) => panic!("stdout not closed after exit"),
        }
    }
}

/// `--log-file`: the log goes to the file (appended), nothing to stderr, and stdout carries the
/// protocol only.
#[test]
fn the_log_goes_to_the_log_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let log = dir.path().join("lsp.log");
    std::fs::write(&log, "earlier line\n").unwrap_or_else(|e| panic!("{e}"));
    let mut child = Command::new(pg_flux_bin())
        .args(["lsp", "--log-file"])
        .arg(&log)
        .current_dir(dir.path())
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("starting pg-flux lsp: {e}"));
    let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("no stdin"));
    let (tx, rx) = mpsc::channel();
    read_frames(
        child.stdout.take().unwrap_or_else(|| panic!("no stdout")),
        tx,
    );
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": null, "rootUri": uri(dir.path()), "capabilities": {}}}),
    );
    wait(&rx, "initialize", |m| m["id"] == json!(1));
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    // The load is logged; wait for it rather than racing the shutdown.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !std::fs::read_to_string(&log)
        .unwrap_or_default()
        .contains("pg-flux lsp: read and parsed")
    {
        assert!(Instant::now() < deadline, "nothing logged to the file");
        std::thread::sleep(Duration::from_millis(50));
    }
    send(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
    );
    wait(&rx, "shutdown", |m| m["id"] == json!(2));
    send(&mut stdin, &json!({"jsonrpc": "2.0", "method": "exit"}));
    let output = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert!(output.status.success(), "exit status {}", output.status);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    let logged = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(logged.starts_with("earlier line\n"), "{logged}");
}
