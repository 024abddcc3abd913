//! Benchmarks of `pg-flux lsp` (the release binary, over stdio), in two parts.
//!
//! 1. Without a database, on a generated workspace of N source files (default 10,000): time
//!    from `initialized` to the first and to all initial diagnostics, `didChange` →
//!    `publishDiagnostics` latency (p50/p95 over alternating keystrokes that break and fix a
//!    statement), `textDocument/hover` and `textDocument/completion` latency on table names, and the server's resident memory.
//!    The same is measured for postgres-language-server, as a peer, on the same files, wherever
//!    it offers the feature without a database. It is installed with npm into
//!    `~/.cache/pg-flux/pgls` when missing; when that fails its row says why.
//!    Written to `bench/results/lsp-<UTC stamp>.md`.
//! 2. With a database: N tables of the dump benchmark's synthetic schema in a throwaway
//!    database, dumped by `pg-flux dump` into the workspace, `[database] url` in its
//!    `pg-flux.toml`, drift checked in the default throwaway shadow cluster: time from
//!    `initialized` until drift is checked the first time, the `pg-flux.refresh` round trip
//!    with nothing changed, save → drift diagnostic latency, and the server's resident memory.
//!    Written to `bench/results/lsp-db-<UTC stamp>.md`.
//!
//! Each part prints its markdown report.
//!
//! Usage: lsp_bench [N | --quick] [--no-db | --db-only]
//!   N ≥ 300 (default 10,000); `--quick` is N = 300, to try the benchmark end to end.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use pg_flux_tests::bench_schema::load_synthetic;
use pg_flux_tests::lsp::{editor_capabilities, uri};
use pg_flux_tests::{machine, release_binary, repo_root, utc_stamp, TestDb};

/// Files with an untracked statement: what the initial diagnostics consist of.
const BAD_FILES: usize = 20;
const KEYSTROKES: usize = 200;
const HOVERS: usize = 200;
/// How long to wait for any one message from a server.
const PATIENCE: Duration = Duration::from_secs(120);
/// With a database: the first drift check starts a shadow cluster and loads the whole source.
const DB_PATIENCE: Duration = Duration::from_secs(600);
/// `pg-flux.refresh` round trips and saves measured with a database.
const REFRESHES: usize = 10;
const SAVES: usize = 10;

/// The peer, pinned so that successive runs compare the same thing.
const PGLS_PACKAGE: &str = "@postgres-language-server/cli@0.25.5";
const PGLS_NAME: &str = "postgres-language-server";
/// Its configuration: no database connection (the benchmark has none; without this it would
/// try localhost:5432). Its linter stays on, as it is by default.
const PGLS_CONFIG: &str = r#"{
  "db": { "disableConnection": true },
  "typecheck": { "enabled": false },
  "plpgsqlCheck": { "enabled": false },
  "splinter": { "enabled": false }
}
"#;

fn main() {
    let (mut n, mut files, mut database) = (10_000, true, true);
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--quick" => n = 300,
            "--no-db" => database = false,
            "--db-only" => files = false,
            other => match other.parse() {
                Ok(value) => n = value,
                Err(_) => {
                    eprintln!("usage: lsp_bench [N | --quick] [--no-db | --db-only]");
                    std::process::exit(2);
                }
            },
        }
    }
    // Below that, the generator cannot spread `BAD_FILES` problem files over the tables.
    if n < 300 {
        eprintln!("lsp_bench: N must be at least 300");
        std::process::exit(2);
    }
    let mut failed = false;
    if files {
        failed |= !bench_files(n);
    }
    if database {
        match bench_with_database(n) {
            Ok(report) => {
                println!("{report}");
                write_report("lsp-db", &report);
            }
            Err(e) => {
                eprintln!("lsp_bench: pg-flux with a database: {e}");
                failed = true;
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
}

/// Part 1: pg-flux and the peer on N generated files, no database; false when pg-flux failed.
fn bench_files(n: usize) -> bool {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("lsp_bench: temporary dir: {e}"));
    let root = dir.path();
    eprintln!("lsp_bench: generating {n} files…");
    let work = generate(root, n);

    let flux = match bench_pg_flux(root, &work) {
        Ok(flux) => flux,
        Err(e) => {
            eprintln!("lsp_bench: pg-flux: {e}");
            return false;
        }
    };
    let peer = pgls_binary().and_then(|bin| {
        eprintln!("lsp_bench: {PGLS_NAME}: {}", bin.display());
        bench_pgls(&bin, root, &work)
    });
    if let Err(e) = &peer {
        eprintln!("lsp_bench: {PGLS_NAME} not available: {e}");
    }

    let report = render(n, &work, &flux, &peer);
    println!("{report}");
    write_report("lsp", &report);
    true
}

/// Writes `report` to `bench/results/<prefix>-<UTC stamp>.md`.
fn write_report(prefix: &str, report: &str) {
    let results = repo_root().join("bench").join("results");
    let _ = std::fs::create_dir_all(&results);
    let name = results.join(format!("{prefix}-{}.md", utc_stamp()));
    match std::fs::write(&name, report) {
        Ok(()) => eprintln!("lsp_bench: written to {}", name.display()),
        Err(e) => eprintln!("lsp_bench: could not write {}: {e}", name.display()),
    }
}

/// What one server scored.
struct Measures {
    /// `serverInfo` from the initialize result.
    server: String,
    /// pg-flux: `initialized` → the first `publishDiagnostics` (of any file);
    /// the peer: `didOpen` of the edited file → its `publishDiagnostics`.
    first: Duration,
    /// `initialized` → every file with a problem has its diagnostics; `None` where the server
    /// analyses opened documents only.
    all: Option<Duration>,
    /// Sorted.
    keystrokes: Vec<Duration>,
    /// Sorted latencies, or why hover cannot be measured.
    hover: Result<Vec<Duration>, String>,
    /// Sorted latencies of completion after `bench.t`.
    completion: Vec<Duration>,
    /// Sorted latencies of references on the table names; `None` for a peer not asked.
    references: Option<Vec<Duration>>,
    /// KiB, summed over the server's process tree.
    rss_loaded: u64,
    peak: u64,
}

fn bench_pg_flux(root: &Path, work: &Workspace) -> Result<Measures, String> {
    let bin = release_binary();
    let mut cmd = Command::new(&bin);
    cmd.arg("lsp").current_dir(root).env_remove("DATABASE_URL");
    let mut server = Server::start(cmd).map_err(|e| format!("{}: {e}", bin.display()))?;
    let info = server.initialize(root)?;
    let started = Instant::now();
    server.notify("initialized", json!({}))?;
    let mut first = None;
    let mut seen = HashSet::new();
    while seen.len() < work.bad.len() {
        let m = server.wait(|m| m["method"] == "textDocument/publishDiagnostics")?;
        first.get_or_insert_with(|| started.elapsed());
        seen.insert(m["params"]["uri"].as_str().unwrap_or("").to_string());
    }
    let all = started.elapsed();
    let rss_loaded = server.tree_kb("VmRSS");

    let doc = Document::read(&work.edited)?;
    server.notify("textDocument/didOpen", doc.did_open())?;
    let keystrokes = keystrokes(&mut server, &doc)?;
    let hover = match hover_latencies(&mut server, &doc)? {
        Some(latencies) => latencies,
        None => return Err("hover answered null on every table name".into()),
    };
    let completion = completion_latencies(&mut server, &doc, true)?;
    let references = Some(reference_latencies(&mut server, &doc)?);
    let peak = server.tree_kb("VmHWM");
    server.stop();
    Ok(Measures {
        server: info,
        first: first.unwrap_or_default(),
        all: Some(all),
        keystrokes,
        hover: Ok(hover),
        completion,
        references,
        rss_loaded,
        peak,
    })
}

/// postgres-language-server's `lsp-proxy` starts a daemon (its child, over a socket under
/// `$XDG_CACHE_HOME/pgls`); a private cache dir makes sure it is a fresh one of our own.
/// It publishes diagnostics (push) for opened documents only.
fn bench_pgls(bin: &Path, root: &Path, work: &Workspace) -> Result<Measures, String> {
    std::fs::write(root.join("postgres-language-server.jsonc"), PGLS_CONFIG)
        .map_err(|e| format!("writing its configuration: {e}"))?;
    let aside = tempfile::tempdir().map_err(|e| format!("temporary dir: {e}"))?;
    // It complains at exit when its log dir does not exist.
    let logs = aside.path().join("logs");
    std::fs::create_dir_all(&logs).map_err(|e| format!("{}: {e}", logs.display()))?;
    let mut cmd = Command::new(bin);
    cmd.arg("lsp-proxy")
        .arg(format!("--log-path={}", logs.display()))
        .current_dir(root)
        .env("XDG_CACHE_HOME", aside.path().join("cache"));
    for var in [
        "DATABASE_URL",
        "PGHOST",
        "PGPORT",
        "PGUSER",
        "PGPASSWORD",
        "PGDATABASE",
    ] {
        cmd.env_remove(var);
    }
    let mut server = Server::start(cmd)?;
    // Its serverInfo name is the crate's (`pgls_lsp`): keep the product's name.
    let info = server.initialize(root)?;
    let version = info.rsplit(' ').next().unwrap_or("?");
    let info = format!("{PGLS_NAME} {version}");
    server.notify("initialized", json!({}))?;
    let doc = Document::read(&work.edited)?;
    let opened = Instant::now();
    server.notify("textDocument/didOpen", doc.did_open())?;
    server.wait(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == doc.uri
    })?;
    let first = opened.elapsed();
    let rss_loaded = server.tree_kb("VmRSS");
    let keystrokes = keystrokes(&mut server, &doc)?;
    let hover = hover_latencies(&mut server, &doc)?.ok_or_else(|| {
        "n/a: answers null without a database connection (its hover reads the schema cache \
         of a connected database)"
            .to_string()
    });
    let completion = completion_latencies(&mut server, &doc, false)?;
    let peak = server.tree_kb("VmHWM");
    server.stop();
    Ok(Measures {
        server: info,
        first,
        all: None,
        keystrokes,
        hover,
        completion,
        references: None,
        rss_loaded,
        peak,
    })
}

/// The table whose live definition is changed after the dump (`name` widened to
/// `varchar(81)`): the drift whose diagnostic says that the first check is done.
const DRIFTED_TABLE: &str = "bench0.t1";
/// The table whose file the saves edit (the same column's type, in the source).
const EDITED_TABLE: &str = "bench0.t2";
/// The declared type the saves change, and what they change it to.
const DECLARED_TYPE: &str = "character varying(80)";
const EDITED_TYPE: &str = "character varying(81)";

/// What the server scored with a database.
struct DbMeasures {
    server: String,
    postgres: String,
    tables: usize,
    files: usize,
    /// `initialized` → the seeded drift's diagnostic.
    first_check: Duration,
    /// Sorted `pg-flux.refresh` round trips.
    refreshes: Vec<Duration>,
    /// Sorted change + save → drift shown / withdrawn.
    saves: Vec<Duration>,
    /// KiB, of the pg-flux process alone.
    rss_checked: u64,
    rss_end: u64,
    peak: u64,
    /// KiB, proportional set size summed over the server's child processes (the shadow
    /// cluster).
    shadow_pss: u64,
    /// Diagnostics published at the end other than the seeded drift, by code.
    others: BTreeMap<String, usize>,
}

/// Part 2: `pg-flux lsp` on a dumped workspace with a live database and drift checking on.
fn bench_with_database(n: usize) -> Result<String, String> {
    let bin = release_binary();
    let db = TestDb::new();
    eprintln!("lsp_bench: database: loading {n} tables…");
    load_synthetic(&db, n);
    let dir = tempfile::tempdir().map_err(|e| format!("temporary dir: {e}"))?;
    let root = dir.path();
    let schema = root.join("schema");
    let url = db.url();
    eprintln!("lsp_bench: database: pg-flux dump…");
    let dumped = Command::new(&bin)
        .args(["dump", "--db", &url, "--output"])
        .arg(&schema)
        .env_remove("DATABASE_URL")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("{}: {e}", bin.display()))?;
    if !dumped.status.success() {
        let stderr = String::from_utf8_lossy(&dumped.stderr);
        return Err(format!(
            "pg-flux dump failed: {}",
            stderr.lines().last().unwrap_or("no message")
        ));
    }
    // A JSON string is a TOML basic string.
    let config = format!("[database]\nurl = {}\n", json!(url));
    std::fs::write(root.join("pg-flux.toml"), config)
        .map_err(|e| format!("writing pg-flux.toml: {e}"))?;
    let files = count_sql_files(&schema);
    let drifted = schema.join(format!("tables/{DRIFTED_TABLE}.sql"));
    let edited = schema.join(format!("tables/{EDITED_TABLE}.sql"));
    let mut doc = Document::read(&edited)?;
    let at = doc
        .text
        .find(DECLARED_TYPE)
        .ok_or_else(|| format!("{} declares no {DECLARED_TYPE}", edited.display()))?;
    if !drifted.is_file() {
        return Err(format!("the dump wrote no {}", drifted.display()));
    }
    // Live drifts from the dump on one table: its drift diagnostic is the server's positive
    // signal that the comparison with the shadow ran.
    db.exec(&format!(
        "ALTER TABLE {DRIFTED_TABLE} ALTER COLUMN name TYPE varchar(81)"
    ));

    let mut cmd = Command::new(&bin);
    cmd.arg("lsp").current_dir(root).env_remove("DATABASE_URL");
    let mut server = Server::start(cmd).map_err(|e| format!("{}: {e}", bin.display()))?;
    server.patience = DB_PATIENCE;
    let pid = server.child.id();
    let info = server.initialize(root)?;
    eprintln!("lsp_bench: database: {n} tables, {files} files: waiting for the first drift check…");
    let started = Instant::now();
    server.notify("initialized", json!({}))?;
    let drifted_uri = uri(&drifted);
    server.wait(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == drifted_uri
            && has_code(&m["params"]["diagnostics"], "drift")
    })?;
    let first_check = started.elapsed();
    let rss_checked = status_kb(pid, "VmRSS");

    eprintln!("lsp_bench: database: {REFRESHES} refreshes…");
    let mut refreshes = Vec::new();
    for _ in 0..REFRESHES {
        let sent = Instant::now();
        let status = server.request(
            "workspace/executeCommand",
            json!({"command": "pg-flux.refresh", "arguments": []}),
        )?;
        refreshes.push(sent.elapsed());
        let expected =
            json!({"status": "connected", "drift": "checked", "drifted": 1, "loaded": "partial"});
        if status != expected {
            return Err(format!("pg-flux.refresh answered {status}, not {expected}"));
        }
    }
    refreshes.sort();

    eprintln!("lsp_bench: database: {SAVES} saves…");
    server.notify("textDocument/didOpen", doc.did_open())?;
    let start = position(&doc.text, at);
    let end = json!({"line": start["line"], "character": start["character"].as_u64().unwrap_or(0) + DECLARED_TYPE.len() as u64});
    let mut saves = Vec::new();
    for i in 0..SAVES {
        let drifting = i % 2 == 0;
        let new_type = if drifting { EDITED_TYPE } else { DECLARED_TYPE };
        let version = i + 2;
        doc.text
            .replace_range(at..at + DECLARED_TYPE.len(), new_type);
        // As an editor saves: the file on disk has the text (the server reads the editor's).
        std::fs::write(&edited, &doc.text).map_err(|e| format!("{}: {e}", edited.display()))?;
        let sent = Instant::now();
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": doc.uri, "version": version},
                   "contentChanges": [{"range": {"start": start, "end": end}, "text": new_type}]}),
        )?;
        server.notify(
            "textDocument/didSave",
            json!({"textDocument": {"uri": doc.uri}}),
        )?;
        server.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == doc.uri
                && has_code(&m["params"]["diagnostics"], "drift") == drifting
        })?;
        saves.push(sent.elapsed());
    }
    saves.sort();
    let rss_end = status_kb(pid, "VmRSS");
    let peak = status_kb(pid, "VmHWM");
    let shadow_pss = descendants(pid)
        .into_iter()
        .map(|c| rollup_kb(c, "Pss"))
        .sum();
    // Whatever the last refresh published has arrived: the round trip waits for it.
    server.request(
        "workspace/executeCommand",
        json!({"command": "pg-flux.refresh", "arguments": []}),
    )?;
    std::thread::sleep(Duration::from_millis(500));
    server.drain();
    let mut others = BTreeMap::new();
    for (file, diagnostics) in &server.diagnostics {
        for d in diagnostics.as_array().into_iter().flatten() {
            if *file == drifted_uri && d["code"] == "drift" {
                continue;
            }
            let code = d["code"].as_str().unwrap_or("?").to_string();
            *others.entry(code).or_insert(0) += 1;
        }
    }
    server.stop();
    Ok(render_db(&DbMeasures {
        server: info,
        postgres: db.cluster.binaries().version.clone(),
        tables: n,
        files,
        first_check,
        refreshes,
        saves,
        rss_checked,
        rss_end,
        peak,
        shadow_pss,
        others,
    }))
}

fn has_code(diagnostics: &Value, code: &str) -> bool {
    diagnostics
        .as_array()
        .is_some_and(|d| d.iter().any(|d| d["code"] == code))
}

/// The LSP position of byte `offset` of an ASCII text.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let character = before.len() - before.rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": character})
}

fn count_sql_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                count_sql_files(&path)
            } else {
                usize::from(path.extension().is_some_and(|x| x == "sql"))
            }
        })
        .sum()
}

fn render_db(m: &DbMeasures) -> String {
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let s = |d: Duration| format!("{:.2} s", d.as_secs_f64());
    let p = |sorted: &[Duration], q: f64| {
        sorted
            .get(((sorted.len() as f64 * q) as usize).min(sorted.len().saturating_sub(1)))
            .copied()
            .map_or("—".to_string(), ms)
    };
    let others = if m.others.is_empty() {
        "none".to_string()
    } else {
        m.others
            .iter()
            .map(|(code, count)| format!("{count} `{code}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "# pg-flux lsp with a database\n\n\
         {} tables of the dump benchmark's synthetic schema in a live database (PostgreSQL {}), \
         dumped by `pg-flux dump` into a workspace of {} files, `[database] url` in its \
         `pg-flux.toml`, drift checked in the default throwaway shadow cluster; {REFRESHES} \
         refreshes, {SAVES} saves; machine: {}\n\n\
         | server | tables | files | first drift check | refresh p50 | refresh p95 | save → drift p50 | save → drift p95 | RSS after first check | RSS at end | peak RSS | shadow cluster PSS |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n\
         | {} | {} | {} | {} | {} | {} | {} | {} | {} MB | {} MB | {} MB | {} MB |\n\n\
         - first drift check: from `initialized` until the `publishDiagnostics` of \
         {DRIFTED_TABLE}'s file carries its `drift` diagnostic (after the dump, its column `name` \
         was made `varchar(81)` live). It takes reading the workspace, inspecting the database, \
         starting the shadow cluster and loading into it the file that differs from the live \
         dump (with what it touches: a partial load), and the comparison.\n\
         - refresh: the `workspace/executeCommand` `pg-flux.refresh` round trip with nothing \
         changed (its answer comes once the inspection and the drift check are done, after the \
         server's 150 ms debounce), each answer checked to be `{{\"status\": \"connected\", \
         \"drift\": \"checked\", \"drifted\": 1, \"loaded\": \"partial\"}}`.\n\
         - save → drift: `didChange` + `didSave` of {EDITED_TABLE}'s file (open; also written to \
         disk), its column `name` changed from `{DECLARED_TYPE}` to `{EDITED_TYPE}` and back, \
         until the `publishDiagnostics` of that file shows, then no longer shows, a `drift` \
         diagnostic; a save starts the refresh.\n\
         - p95 of 10 runs is the slowest.\n\
         - RSS: VmRSS of the pg-flux process once drift is first checked and after the refreshes \
         and saves, and its VmHWM then. The shadow cluster's `postgres` processes are children of \
         the server, counted apart: the sum of their PSS at the end.\n\
         - diagnostics at the end other than the seeded drift: {others}.\n",
        m.tables,
        m.postgres,
        m.files,
        machine(),
        m.server,
        m.tables,
        m.files,
        s(m.first_check),
        p(&m.refreshes, 0.50),
        p(&m.refreshes, 0.95),
        p(&m.saves, 0.50),
        p(&m.saves, 0.95),
        m.rss_checked / 1024,
        m.rss_end / 1024,
        m.peak / 1024,
        m.shadow_pss / 1024,
    )
}

/// Keystrokes in the open document: break its first statement, then fix it; each edit is
/// timed until the diagnostics of that version show (or no longer show) an error.
fn keystrokes(server: &mut Server, doc: &Document) -> Result<Vec<Duration>, String> {
    let mut latencies = Vec::new();
    for i in 0..KEYSTROKES {
        let breaking = i % 2 == 0;
        let change = if breaking {
            json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "("})
        } else {
            json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "text": ""})
        };
        let version = i + 2;
        let sent = Instant::now();
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": doc.uri, "version": version}, "contentChanges": [change]}),
        )?;
        server.wait(|m| {
            let p = &m["params"];
            m["method"] == "textDocument/publishDiagnostics"
                && p["uri"] == doc.uri
                && (p["version"].is_null() || p["version"] == version)
                && has_error(&p["diagnostics"]) == breaking
        })?;
        latencies.push(sent.elapsed());
    }
    latencies.sort();
    Ok(latencies)
}

fn has_error(diagnostics: &Value) -> bool {
    diagnostics
        .as_array()
        .is_some_and(|d| d.iter().any(|d| d["severity"] == 1))
}

/// `HOVERS` hovers over the table names of the (restored) document, timed; `None` when the
/// server answers none of them (a null hover would measure nothing). Every hover must answer
/// once one does.
fn hover_latencies(server: &mut Server, doc: &Document) -> Result<Option<Vec<Duration>>, String> {
    let mut answering = Vec::new();
    for position in &doc.names {
        if !server.hover(&doc.uri, position)?.is_null() {
            answering.push(position);
        }
    }
    if answering.is_empty() {
        return Ok(None);
    }
    let mut latencies = Vec::new();
    for position in answering.iter().cycle().take(HOVERS) {
        let sent = Instant::now();
        let answer = server.hover(&doc.uri, position)?;
        latencies.push(sent.elapsed());
        if answer.is_null() {
            return Err(format!("hover at {position} answered null"));
        }
    }
    latencies.sort();
    Ok(Some(latencies))
}

/// `HOVERS` completion requests right after `bench.t` in the table names of the document
/// (every table of the schema starts so), timed. With `items`, every answer must hold the
/// name written there.
fn completion_latencies(
    server: &mut Server,
    doc: &Document,
    items: bool,
) -> Result<Vec<Duration>, String> {
    let mut latencies = Vec::new();
    for position in doc.names.iter().cycle().take(HOVERS) {
        let sent = Instant::now();
        let answer = server.request(
            "textDocument/completion",
            json!({"textDocument": {"uri": doc.uri}, "position": position}),
        )?;
        latencies.push(sent.elapsed());
        let count = answer["items"].as_array().map_or(0, Vec::len);
        if items && count == 0 {
            return Err(format!(
                "completion at {position} answered no item: {answer}"
            ));
        }
    }
    latencies.sort();
    Ok(latencies)
}

/// `HOVERS` references requests on the table names of the document, timed: each finds every
/// place in the workspace that names the table (its own file, and the table that references
/// it). Every answer must hold the name's own declaration.
fn reference_latencies(server: &mut Server, doc: &Document) -> Result<Vec<Duration>, String> {
    let mut latencies = Vec::new();
    for position in doc.names.iter().cycle().take(HOVERS) {
        let sent = Instant::now();
        let answer = server.request(
            "textDocument/references",
            json!({"textDocument": {"uri": doc.uri}, "position": position,
                   "context": {"includeDeclaration": true}}),
        )?;
        latencies.push(sent.elapsed());
        if answer.as_array().is_none_or(Vec::is_empty) {
            return Err(format!("references at {position} found nothing: {answer}"));
        }
    }
    latencies.sort();
    Ok(latencies)
}

/// The edited file as the client holds it.
struct Document {
    uri: String,
    text: String,
    /// Positions inside each schema-qualified table name (`bench.tNNNNN`).
    names: Vec<Value>,
}

impl Document {
    fn read(path: &Path) -> Result<Document, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let names = text
            .lines()
            .enumerate()
            .flat_map(|(line, l)| {
                l.match_indices("bench.t")
                    .map(move |(col, m)| json!({"line": line, "character": col + m.len()}))
            })
            .collect();
        Ok(Document {
            uri: uri(path),
            text,
            names,
        })
    }

    fn did_open(&self) -> Value {
        json!({"textDocument": {"uri": self.uri, "languageId": "sql", "version": 1, "text": self.text}})
    }
}

/// The generated workspace.
struct Workspace {
    tables: usize,
    /// Files with an untracked statement.
    bad: Vec<PathBuf>,
    /// A clean table file (with a foreign key, a comment and a grant) that the keystrokes edit.
    edited: PathBuf,
}

/// N files: tables (with a foreign key to the previous table, a comment and a grant),
/// indexes, functions; `BAD_FILES` of the tables also hold an `INSERT`.
fn generate(root: &Path, n: usize) -> Workspace {
    let schema = root.join("schema");
    for dir in ["tables", "indexes", "functions"] {
        std::fs::create_dir_all(schema.join(dir)).unwrap_or_else(|e| panic!("{e}"));
    }
    let tables = n * 7 / 10;
    let indexes = n * 2 / 10;
    let mut bad = Vec::new();
    let mut edited = None;
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
        } else if i >= 42 && i < tables && edited.is_none() {
            edited = Some(path.clone());
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    }
    Workspace {
        tables,
        bad,
        edited: edited.unwrap_or_else(|| panic!("no clean table to edit")),
    }
}

/// A language server over stdio. Requests the server makes (capability registration,
/// configuration) are answered by the reader thread, as an editor would.
struct Server {
    child: Child,
    /// `None` once closed, which asks the server to exit.
    stdin: Arc<Mutex<Option<ChildStdin>>>,
    rx: mpsc::Receiver<Value>,
    next_id: i64,
    /// How long to wait for any one message.
    patience: Duration,
    /// The latest `publishDiagnostics` per URI, of the messages read so far.
    diagnostics: HashMap<String, Value>,
}

impl Server {
    fn start(mut cmd: Command) -> Result<Server, String> {
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("starting: {e}"))?;
        let stdin = Arc::new(Mutex::new(child.stdin.take()));
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (tx, rx) = mpsc::channel();
        read_frames(stdout, stdin.clone(), tx);
        Ok(Server {
            child,
            stdin,
            rx,
            next_id: 0,
            patience: PATIENCE,
            diagnostics: HashMap::new(),
        })
    }

    /// `initialize` with an editor's capabilities; returns the server's name and version.
    fn initialize(&mut self, root: &Path) -> Result<String, String> {
        let result = self.request(
            "initialize",
            json!({"processId": std::process::id(), "rootUri": uri(root), "capabilities": editor_capabilities()}),
        )?;
        let info = &result["serverInfo"];
        Ok(format!(
            "{} {}",
            info["name"].as_str().unwrap_or("?"),
            info["version"].as_str().unwrap_or("?")
        ))
    }

    fn notify(&self, method: &str, params: Value) -> Result<(), String> {
        send(
            &self.stdin,
            &json!({"jsonrpc": "2.0", "method": method, "params": params}),
        )
    }

    /// Sends a request and waits for its result.
    fn request(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.next_id += 1;
        let id = self.next_id;
        send(
            &self.stdin,
            &json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}),
        )?;
        let answer = self.wait(|m| m["id"] == id && m.get("method").is_none())?;
        match answer.get("error") {
            Some(error) => Err(format!("{method}: {error}")),
            None => Ok(answer["result"].clone()),
        }
    }

    fn hover(&mut self, uri: &str, position: &Value) -> Result<Value, String> {
        self.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position}),
        )
    }

    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Result<Value, String> {
        let deadline = Instant::now() + self.patience;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(m) => {
                    self.note(&m);
                    if wanted(&m) {
                        return Ok(m);
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    return Err(format!("no answer within {} s", self.patience.as_secs()))
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err("the server closed its output".into())
                }
            }
        }
    }

    /// Reads what the server has sent and nobody waited for.
    fn drain(&mut self) {
        while let Ok(m) = self.rx.try_recv() {
            self.note(&m);
        }
    }

    fn note(&mut self, m: &Value) {
        if m["method"] == "textDocument/publishDiagnostics" {
            let params = &m["params"];
            let uri = params["uri"].as_str().unwrap_or("").to_string();
            self.diagnostics.insert(uri, params["diagnostics"].clone());
        }
    }

    /// A `/proc/<pid>/status` field (KiB) summed over the server and its descendants.
    fn tree_kb(&self, field: &str) -> u64 {
        tree_kb(self.child.id(), field)
    }

    /// `shutdown` and `exit`; `Drop` then makes sure the process is gone.
    fn stop(mut self) {
        if self.request("shutdown", Value::Null).is_ok() {
            let _ = self.notify("exit", Value::Null);
        }
    }
}

impl Drop for Server {
    /// Closes stdin (a server exits on end of input), waits a little, then kills.
    fn drop(&mut self) {
        self.stdin.lock().unwrap_or_else(|p| p.into_inner()).take();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn send(stdin: &Mutex<Option<ChildStdin>>, message: &Value) -> Result<(), String> {
    let body = message.to_string();
    let mut stdin = stdin.lock().unwrap_or_else(|p| p.into_inner());
    let stdin = stdin.as_mut().ok_or("the server's input is closed")?;
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
        .and_then(|_| stdin.flush())
        .map_err(|e| format!("writing to the server: {e}"))
}

/// Reads the server's frames on a thread: answers its requests, forwards everything else.
fn read_frames(
    stdout: impl Read + Send + 'static,
    stdin: Arc<Mutex<Option<ChildStdin>>>,
    tx: mpsc::Sender<Value>,
) {
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
            if let (Some(method), Some(id)) = (message["method"].as_str(), message.get("id")) {
                // `workspace/configuration` wants one value per item; the rest take null.
                let result = match method {
                    "workspace/configuration" => {
                        let items = message["params"]["items"].as_array().map_or(0, Vec::len);
                        Value::Array(vec![Value::Null; items])
                    }
                    _ => Value::Null,
                };
                let _ = send(
                    &stdin,
                    &json!({"jsonrpc": "2.0", "id": id, "result": result}),
                );
                continue;
            }
            if tx.send(message).is_err() {
                return;
            }
        }
    });
}

fn tree_kb(pid: u32, field: &str) -> u64 {
    status_kb(pid, field)
        + children(pid)
            .into_iter()
            .map(|c| tree_kb(c, field))
            .sum::<u64>()
}

/// Children of every thread of `pid` (a child belongs to the thread that spawned it).
fn children(pid: u32) -> Vec<u32> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return Vec::new();
    };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("children")).ok())
        .flat_map(|s| {
            s.split_whitespace()
                .filter_map(|c| c.parse().ok())
                .collect::<Vec<u32>>()
        })
        .collect()
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

/// Every process under `pid`.
fn descendants(pid: u32) -> Vec<u32> {
    children(pid)
        .into_iter()
        .flat_map(|c| std::iter::once(c).chain(descendants(c)))
        .collect()
}

/// A `/proc/<pid>/smaps_rollup` field (KiB).
fn rollup_kb(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.split(':').next() == Some(field))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// The peer's native binary, installed with npm into `~/.cache/pg-flux/pgls` when missing.
fn pgls_binary() -> Result<PathBuf, String> {
    let home = std::env::var_os("HOME").ok_or("HOME is not set")?;
    let prefix = PathBuf::from(home).join(".cache/pg-flux/pgls");
    if let Some(bin) = find_pgls(&prefix) {
        return Ok(bin);
    }
    eprintln!(
        "lsp_bench: installing {PGLS_PACKAGE} with npm into {}…",
        prefix.display()
    );
    std::fs::create_dir_all(&prefix).map_err(|e| format!("{}: {e}", prefix.display()))?;
    let out = Command::new("npm")
        .arg("install")
        .arg("--prefix")
        .arg(&prefix)
        .args([
            "--no-audit",
            "--no-fund",
            "--fetch-retries=1",
            "--fetch-timeout=60000",
        ])
        .arg(PGLS_PACKAGE)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("npm not found ({e}): it installs {PGLS_NAME}"))?;
    if !out.status.success() {
        // npm's first message line says why (past its `code`, `syscall` and `errno` lines).
        let stderr = String::from_utf8_lossy(&out.stderr);
        let lines: Vec<&str> = stderr
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let cause = lines
            .iter()
            .filter_map(|l| {
                l.strip_prefix("npm error")
                    .or_else(|| l.strip_prefix("npm ERR!"))
            })
            .map(str::trim)
            .find(|l| {
                !l.is_empty()
                    && !["code ", "syscall ", "errno "]
                        .iter()
                        .any(|k| l.starts_with(k))
            })
            .or(lines.last().copied())
            .unwrap_or("no message");
        let cause: String = cause.chars().take(200).collect();
        return Err(format!("npm install {PGLS_PACKAGE} failed: {cause}"));
    }
    find_pgls(&prefix).ok_or_else(|| {
        format!(
            "npm installed {PGLS_PACKAGE}, but it has no native binary for {}-{}",
            std::env::consts::ARCH,
            std::env::consts::OS
        )
    })
}

/// The package ships its binary in a per-platform package (`cli-x86_64-linux-gnu`, …); only the
/// one for this machine is installed. Running it directly spares a node wrapper process.
fn find_pgls(prefix: &Path) -> Option<PathBuf> {
    let scope = prefix.join("node_modules/@postgres-language-server");
    std::fs::read_dir(scope)
        .ok()?
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("cli-") && name.contains(std::env::consts::ARCH)
        })
        .map(|e| e.path().join(PGLS_NAME))
        .find(|bin| bin.is_file())
}

fn render(n: usize, work: &Workspace, flux: &Measures, peer: &Result<Measures, String>) -> String {
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let p = |sorted: &[Duration], q: f64| {
        sorted
            .get(((sorted.len() as f64 * q) as usize).min(sorted.len().saturating_sub(1)))
            .copied()
            .map_or("—".to_string(), ms)
    };
    let row = |m: &Measures| {
        let (hover50, hover95) = match &m.hover {
            Ok(h) => (p(h, 0.50), p(h, 0.95)),
            Err(_) => ("n/a".to_string(), "n/a".to_string()),
        };
        format!(
            "| {} | {n} | {} | {} | {} | {} | {hover50} | {hover95} | {} | {} | {} | {} | {} MB | {} MB |",
            m.server,
            ms(m.first),
            m.all.map_or("—".to_string(), ms),
            p(&m.keystrokes, 0.50),
            p(&m.keystrokes, 0.95),
            p(&m.completion, 0.50),
            p(&m.completion, 0.95),
            m.references.as_deref().map_or("—".to_string(), |r| p(r, 0.50)),
            m.references.as_deref().map_or("—".to_string(), |r| p(r, 0.95)),
            m.rss_loaded / 1024,
            m.peak / 1024
        )
    };
    let edited = work
        .edited
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = format!(
        "# Language servers: pg-flux and postgres-language-server\n\n\
         {n} generated files ({} tables, {} with an untracked statement), {KEYSTROKES} keystrokes, \
         {HOVERS} hovers, no database; machine: {}\n\n\
         | server | files | first diagnostics | all initial diagnostics | keystroke p50 | keystroke p95 | hover p50 | hover p95 | completion p50 | completion p95 | references p50 | references p95 | RSS loaded | peak RSS |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
        work.tables,
        work.bad.len(),
        machine()
    );
    out.push_str(&row(flux));
    out.push('\n');
    match peer {
        Ok(m) => out.push_str(&row(m)),
        Err(e) => out.push_str(&format!(
            "| {PGLS_NAME} | {n} | not available: {e} | — | — | — | — | — | — | — | — | — | — | — |"
        )),
    }
    out.push_str(&format!(
        "\n\n\
         - first diagnostics: pg-flux reads the whole workspace; from `initialized` to its first \
         `publishDiagnostics`. {PGLS_NAME} analyses opened documents only; from `didOpen` of \
         {edited} (sent right after `initialized`) to its `publishDiagnostics`.\n\
         - all initial diagnostics: from `initialized` until each file with an untracked \
         statement has its diagnostics; — where the server does not analyse unopened files.\n\
         - keystroke: `didChange` (insert, then remove, `(` at the start of {edited}) until the \
         `publishDiagnostics` of that version shows, then no longer shows, a syntax error. \
         {PGLS_NAME} debounces the diagnostics of a change (300 ms in its source).\n\
         - hover: `textDocument/hover` round trip on the table names in {edited} (its own, in \
         `CREATE TABLE`, `COMMENT` and `GRANT`, and the parent table it references); every \
         answer is checked to be non-null.\n\
         - completion: `textDocument/completion` round trip right after `bench.t` in the same \
         names (every table of the schema matches: {tables} candidates); pg-flux's answers are \
         checked to hold items.\n\
         - references: `textDocument/references` round trip (declaration included) on the same \
         names, over the whole workspace; each answer is checked to find the name. Not asked of \
         {PGLS_NAME} (—).\n\
         - RSS: VmRSS once loaded (pg-flux: the whole workspace; {PGLS_NAME}: one document open) \
         and VmHWM at the end, summed over the server's processes ({PGLS_NAME}: `lsp-proxy` \
         and the daemon it starts).\n\
         - {PGLS_NAME}: installed with `npm install {PGLS_PACKAGE}` when missing, run as \
         `{PGLS_NAME} lsp-proxy` with `postgres-language-server.jsonc` = `{}`.\n",
        PGLS_CONFIG.split_whitespace().collect::<Vec<_>>().join(" "),
        tables = work.tables,
    ));
    if let Ok(Measures {
        hover: Err(why), ..
    }) = peer
    {
        out.push_str(&format!("- {PGLS_NAME} hover: {why}.\n"));
    }
    out
}
