//! Malformed and hostile source files: a corpus of well over 100 (syntax errors at every
//! position class, after every kind of prefix, with LF and CRLF; unterminated quotes, dollar
//! quotes, comments and identifiers; NUL bytes, invalid UTF-8, a byte-order mark; huge files,
//! deep nesting, thousands of statements; duplicates; statements of every kind dump would not
//! reproduce). The CLI names each problem as file:line:column with the right exit code; the
//! language server publishes a diagnostic at the same place and keeps serving. Nothing panics.

use std::fs;
use std::path::Path;

use serde_json::{json, Value};

use pg_flux_tests::lsp::{editor_capabilities, uri, with_code, Client};
use pg_flux_tests::{pg_flux, TestDb};

#[derive(Debug, Clone)]
enum Expect {
    /// A syntax error (or an unreadable file) at this 1-based line and column: exit 2.
    Error { line: usize, column: usize },
    /// A statement dump would not reproduce, reported as a warning at this line: exit 0.
    NotTracked { line: usize },
    /// Nothing to say about the file: exit 0.
    Clean,
    /// Either an error or clean, but a clear answer (deeply nested input).
    Answer,
}

struct Case {
    name: String,
    text: Vec<u8>,
    expect: Expect,
}

/// 1-based line and column (in characters) of the first `needle` in `text` at or after `from`.
fn at(text: &str, needle: &str, from: usize) -> (usize, usize) {
    let offset = from
        + text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn corpus() -> Vec<Case> {
    // A statement with a syntax error, and the text the error is reported at.
    let errors: [(&str, &str); 12] = [
        ("SELEC 1;", "SELEC"),
        ("CREATE TABLE e1 (id int,, x int);", ", x"),
        ("CREATE TABLE e2 (id int) garbage;", "garbage"),
        ("CREATE VIEW e3 AS SELECT FROM WHERE;", "WHERE"),
        ("CREATE TABLE e4 (id int));", ");"),
        ("CREATE INDEX ON;", ";"),
        ("GRANT SELECT ON TABLE TO bob;", "TO bob"),
        (
            "CREATE FUNCTION e5() RETURNS int LANGUAGE sql AS $$ SELECT 1 ;",
            "$$",
        ),
        ("CREATE TABLE e6 (note text DEFAULT 'abc);", "'abc"),
        ("/* never closed CREATE TABLE e7 (id int);", "/*"),
        ("CREATE TABLE \"e8 (id int);", "\"e8"),
        ("CREATE TABLE e9 (id int", "int"),
    ];
    let prefixes = [
        "",
        "CREATE TABLE p1 (id int);\n",
        "-- a comment\nCREATE TABLE p1 (id int);\n\nCREATE TABLE p2 (id int);\n",
        "CREATE FUNCTION pf() RETURNS int LANGUAGE sql AS $$\nSELECT 1;\n$$;\n",
    ];
    let mut out = Vec::new();
    for (i, (statement, needle)) in errors.iter().enumerate() {
        for (j, prefix) in prefixes.iter().enumerate() {
            for crlf in [false, true] {
                let mut text = format!("{prefix}{statement}\n");
                let (line, column) = at(&text, needle, prefix.len());
                if crlf {
                    text = text.replace('\n', "\r\n");
                }
                out.push(Case {
                    name: format!("error{i}_prefix{j}{}", if crlf { "_crlf" } else { "" }),
                    text: text.into_bytes(),
                    expect: Expect::Error { line, column },
                });
            }
        }
    }
    let untracked = [
        "INSERT INTO t VALUES (1);",
        "UPDATE t SET a = 1;",
        "DELETE FROM t;",
        "DO $$ BEGIN NULL; END $$;",
        "SET search_path = app;",
        "VACUUM t;",
        "ANALYZE t;",
        "BEGIN;",
        "COMMIT;",
        "CREATE DATABASE other;",
        "CREATE ROLE someone;",
        "ALTER SYSTEM SET work_mem = '1MB';",
        "SELECT 1;",
        "TRUNCATE t;",
        "LOCK TABLE t;",
        "NOTIFY channel;",
        "LISTEN channel;",
        "EXPLAIN SELECT 1;",
        "REINDEX TABLE t;",
        "REFRESH MATERIALIZED VIEW mv;",
        "CHECKPOINT;",
        "DISCARD ALL;",
        "PREPARE q AS SELECT 1;",
    ];
    for (i, statement) in untracked.iter().enumerate() {
        out.push(Case {
            name: format!("untracked{i}"),
            text: format!("CREATE TABLE u{i} (id int);\n\n{statement}\n").into_bytes(),
            expect: Expect::NotTracked { line: 3 },
        });
    }
    out.push(Case {
        name: "duplicate".into(),
        text: b"CREATE TABLE d (id int);\nCREATE TABLE d (id int);\n".to_vec(),
        expect: Expect::NotTracked { line: 2 },
    });
    out.push(Case {
        name: "nul_byte".into(),
        text: b"CREATE TABLE n (id int);\nCREATE TABLE m (\0id int);\n".to_vec(),
        expect: Expect::Error {
            line: 2,
            column: 17,
        },
    });
    out.push(Case {
        name: "invalid_utf8".into(),
        text: b"CREATE TABLE v (id int);\n-- caf\xe9\n".to_vec(),
        expect: Expect::Error { line: 2, column: 7 },
    });
    out.push(Case {
        name: "byte_order_mark".into(),
        text: "\u{FEFF}CREATE TABLE b (id int);\r\n".as_bytes().to_vec(),
        expect: Expect::Clean,
    });
    out.push(Case {
        name: "flat_layout_fills_its_materialized_view".into(),
        text: b"CREATE MATERIALIZED VIEW mv AS SELECT 1 AS one WITH NO DATA;\n\nREFRESH MATERIALIZED VIEW mv;\n".to_vec(),
        expect: Expect::Clean,
    });
    out.push(Case {
        name: "empty".into(),
        text: Vec::new(),
        expect: Expect::Clean,
    });
    out.push(Case {
        name: "comments_only".into(),
        text: b"-- nothing\n/* at /* all */ */\n".to_vec(),
        expect: Expect::Clean,
    });
    let many: String = (0..3000)
        .map(|i| format!("CREATE TABLE many{i} (id int PRIMARY KEY, note text);\n"))
        .collect();
    out.push(Case {
        name: "thousands_of_statements".into(),
        text: many.clone().into_bytes(),
        expect: Expect::Clean,
    });
    let huge: String = (0..40_000)
        .map(|i| format!("CREATE TABLE huge{i} (id int PRIMARY KEY, note text DEFAULT 'x');\n"))
        .collect();
    let huge = format!("{huge}CREATE TABLE huge_end (id int,, x int);\n");
    out.push(Case {
        name: "huge_file_error_at_the_end".into(),
        expect: Expect::Error {
            line: 40_001,
            column: at(&huge, ", x", huge.len() - 40).1,
        },
        text: huge.into_bytes(),
    });
    for depth in [100, 1_000, 100_000] {
        out.push(Case {
            name: format!("nested_{depth}"),
            text: format!(
                "CREATE VIEW nest AS SELECT {}1{} AS x;\n",
                "(".repeat(depth),
                ")".repeat(depth)
            )
            .into_bytes(),
            expect: Expect::Answer,
        });
    }
    out
}

fn verify(root: &Path, url: &str) -> pg_flux_tests::Run {
    pg_flux(root, &["verify", "--db", url, "--schema-dir", "schema"])
}

#[test]
fn the_cli_names_every_bad_input_with_file_line_and_column() {
    let db = TestDb::new();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    fs::create_dir_all(root.join("schema/tables")).unwrap_or_else(|e| panic!("{e}"));
    let cases = corpus();
    assert!(cases.len() >= 100, "{} cases", cases.len());
    for case in cases {
        let rel = format!("schema/tables/{}.sql", case.name);
        fs::write(root.join(&rel), &case.text).unwrap_or_else(|e| panic!("{e}"));
        let run = verify(root, &db.url());
        let what = format!(
            "{}: exit {}\n{}{}",
            case.name, run.code, run.stdout, run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{what}");
        match case.expect {
            Expect::Error { line, column } => {
                assert_eq!(run.code, 2, "{what}");
                let place = format!("error: {rel}:{line}:{column}: ");
                assert!(run.stderr.starts_with(&place), "{place}\n{what}");
                assert_eq!(run.stderr.trim_end().lines().count(), 1, "{what}");
            }
            Expect::NotTracked { line } => {
                assert_eq!(run.code, 0, "{what}");
                let place = format!("warning: {rel}:{line}:1: ");
                assert!(run.stderr.contains(&place), "{place}\n{what}");
            }
            Expect::Clean => {
                assert_eq!(run.code, 0, "{what}");
                assert!(!run.stderr.contains(&rel), "{what}");
            }
            Expect::Answer => {
                assert!(run.code == 0 || run.code == 2, "{what}");
                if run.code == 2 {
                    assert!(run.stderr.starts_with(&format!("error: {rel}:")), "{what}");
                }
            }
        }
        fs::remove_file(root.join(&rel)).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_server_publishes_every_bad_input_and_keeps_serving() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    fs::create_dir_all(root.join("schema/tables")).unwrap_or_else(|e| panic!("{e}"));
    let mut c = Client::start(root, json!({"drift": false}), editor_capabilities()).await;
    // The first load (of an empty directory) is over before the first file appears.
    c.refresh().await;
    for case in corpus() {
        let path = root.join(format!("schema/tables/{}.sql", case.name));
        fs::write(&path, &case.text).unwrap_or_else(|e| panic!("{e}"));
        c.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": uri(&path), "type": 1}]}),
        )
        .await;
        let name = case.name.clone();
        match case.expect {
            Expect::Error { line, column } => {
                let found = c
                    .wait_diagnostics(&path, &name, |d| with_code(d, "syntax-error").len() == 1)
                    .await;
                let d = with_code(&found, "syntax-error")[0];
                assert_eq!(d["range"]["start"]["line"], json!(line - 1), "{name}: {d}");
                assert_eq!(d["data"]["line"], json!(line), "{name}: {d}");
                assert_eq!(d["data"]["column"], json!(column), "{name}: {d}");
            }
            Expect::NotTracked { line } => {
                let found = c
                    .wait_diagnostics(&path, &name, |d| {
                        !with_code(d, "not-round-trippable").is_empty()
                    })
                    .await;
                let d = with_code(&found, "not-round-trippable")[0];
                assert_eq!(d["range"]["start"]["line"], json!(line - 1), "{name}: {d}");
            }
            Expect::Clean | Expect::Answer => {}
        }
        // The server still answers.
        let symbols = c
            .request(
                "textDocument/documentSymbol",
                json!({"textDocument": {"uri": uri(&path)}}),
            )
            .await
            .unwrap_or_else(|e| panic!("{name}: documentSymbol: {e}"));
        assert!(symbols.is_array(), "{name}: {symbols}");
        if matches!(case.expect, Expect::Clean) {
            // Everything due to the file's change is published once the refresh is done.
            c.refresh().await;
            let noisy: Vec<&Value> = c.diagnostics.get(&path).into_iter().flatten().collect();
            assert!(noisy.is_empty(), "{name}: {noisy:?}");
        }
        fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
        c.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": uri(&path), "type": 3}]}),
        )
        .await;
        c.wait_diagnostics(&path, "cleared once deleted", |d| d.is_empty())
            .await;
    }
    c.shutdown().await;
}

/// `migrate generate` reads the source through the loader, not the source model: it names
/// every syntax error (at the end of a file too) at the same file:line:column as verify.
#[test]
fn migrate_generate_names_each_syntax_error_where_verify_does() {
    let db = TestDb::new();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    fs::create_dir_all(root.join("schema/tables")).unwrap_or_else(|e| panic!("{e}"));
    let url = db.url();
    let errors: Vec<Case> = corpus()
        .into_iter()
        .filter(|c| matches!(c.expect, Expect::Error { .. }))
        .collect();
    assert!(errors.len() >= 40, "{} cases", errors.len());
    for case in errors {
        let Expect::Error { line, column } = case.expect else {
            continue;
        };
        let rel = format!("schema/tables/{}.sql", case.name);
        fs::write(root.join(&rel), &case.text).unwrap_or_else(|e| panic!("{e}"));
        let run = pg_flux(
            root,
            &[
                "migrate",
                "generate",
                "--db",
                &url,
                "--schema-dir",
                "schema",
            ],
        );
        let what = format!("{}: exit {}\n{}", case.name, run.code, run.stderr);
        assert_eq!(run.code, 2, "{what}");
        let place = format!("error: {rel}:{line}:{column}: ");
        assert!(run.stderr.starts_with(&place), "{place}\n{what}");
        fs::remove_file(root.join(&rel)).unwrap_or_else(|e| panic!("{e}"));
    }
    assert!(!root.join("migrations").exists(), "a migration was written");
}
