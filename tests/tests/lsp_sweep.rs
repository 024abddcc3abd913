//! Robustness on real files (issue 21, section 4): every file of the bundled fixtures, of a
//! dump of each fixture and of the migrate scenarios is opened in the in-process server with
//! a database configured, and completion, hover, definition, references, prepareRename and
//! rename (to `renamed_x`, not applied) are asked at every name and at a sample of other
//! positions of every statement, many requests at a time.
//!
//! No request may fail (but prepareRename and rename, which may decline with a reason), go
//! unanswered within the harness's patience or panic the server (caught by its guard or not:
//! a panic hook watches the sweep's threads). Every answer must deserialize into the
//! protocol's types; its ranges must lie inside their documents (line and UTF-16 column) and
//! its locations and edits be files of the workspace; a rename's edits must not overlap, must
//! leave a file that parsed parsing, and come wherever prepareRename accepted.
//!
//! One major only, the newest under test: the scenarios are the same on every major, the
//! newest loads every `pgNN` part of the fixtures (so its dumps hold the most), and what the
//! server does with a position does not depend on the major.
//!
//! `PGFLUX_SWEEP=a,b` sweeps only the named fixtures and scenarios.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::future::Future;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex, Once};
use std::time::Instant;

use pg_query::protobuf::{KeywordKind, Token};
use serde_json::{json, Value};
use tower_lsp_server::ls_types::{
    CompletionResponse, CompletionTextEdit, DocumentChangeOperation, DocumentChanges,
    GotoDefinitionResponse, Hover, Location, OneOf, Position, PrepareRenameResponse, Range,
    TextEdit, Uri, WorkspaceEdit,
};

use pg_flux::commands::dump::{dump, DumpOptions};
use pg_flux::layout::Layout;
use pg_flux_tests::lsp::{editor_capabilities, uri, Client};
use pg_flux_tests::{default_major, fixtures, load_fixture, repo_root, TestDb};

/// The name every rename asks for (never applied).
const NEW_NAME: &str = "renamed_x";

/// Requests asked at once before their answers are awaited.
const BATCH: usize = 600;

/// JSON-RPC `InvalidRequest`: how the server declines a rename, with the reason.
const INVALID_REQUEST: i64 = -32600;

/// At most this many failures are shown (all are counted).
const SHOWN: usize = 40;

/// Panics on the threads of a sweep's runtime (named `lsp-sweep-<sweep>`) or on unnamed
/// threads: the server's, caught by its guard (which answers with an internal error) or not.
/// A test's own failures happen on its own thread, named after the test.
static PANICS: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());

/// Runs one sweep on a runtime of its own, whose threads say whose panics they see.
fn run(sweep: &str, body: impl Future<Output = ()>) {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let thread = std::thread::current().name().map(str::to_string);
            if thread
                .as_deref()
                .is_none_or(|t| t.starts_with("lsp-sweep-"))
            {
                PANICS
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push((thread.unwrap_or_default(), info.to_string()));
            }
            previous(info);
        }));
    });
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name(format!("lsp-sweep-{sweep}"))
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("tokio runtime: {e}"))
        .block_on(body);
}

/// The panics seen on `sweep`'s threads (and unnamed ones) since the last call.
fn new_panics(sweep: &str) -> Vec<String> {
    let mut all = PANICS.lock().unwrap_or_else(|p| p.into_inner());
    let prefix = format!("lsp-sweep-{sweep}");
    let (mine, others): (Vec<_>, Vec<_>) = all
        .drain(..)
        .partition(|(thread, _)| thread.is_empty() || thread.starts_with(&prefix));
    *all = others;
    mine.into_iter()
        .map(|(thread, message)| format!("thread {thread:?}: {message}"))
        .collect()
}

/// The names `PGFLUX_SWEEP` lets through.
fn selected(name: &str) -> bool {
    std::env::var("PGFLUX_SWEEP")
        .map(|only| only.split(',').any(|n| n.trim() == name))
        .unwrap_or(true)
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

/// Line starts as the protocol counts lines (ended by LF, CRLF or a lone CR).
struct Lines {
    text: String,
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' || (*b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        Lines {
            text: text.to_string(),
            starts,
        }
    }

    /// The text of line `n`, without its end.
    fn line(&self, n: usize) -> Option<&str> {
        let start = *self.starts.get(n)?;
        let end = self.starts.get(n + 1).copied().unwrap_or(self.text.len());
        Some(self.text[start..end].trim_end_matches(['\r', '\n']))
    }

    /// The protocol position of byte `offset` (a character boundary).
    fn position(&self, offset: usize) -> Value {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = self.text[self.starts[line]..offset].encode_utf16().count();
        json!({"line": line, "character": column})
    }

    /// The byte offset of a position inside the text.
    fn offset(&self, p: Position) -> usize {
        let start = self.starts[p.line as usize];
        let mut units = 0;
        for (i, c) in self.text[start..].char_indices() {
            if units >= p.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        self.text.len()
    }

    /// Why `range` does not lie inside the text, if it does not.
    fn check(&self, range: &Range) -> Result<(), String> {
        for p in [range.start, range.end] {
            let Some(line) = self.line(p.line as usize) else {
                return Err(format!(
                    "line {} past the last line ({})",
                    p.line,
                    self.starts.len() - 1
                ));
            };
            let units = line.encode_utf16().count();
            if p.character as usize > units {
                return Err(format!(
                    "character {} past the end of line {} ({units} UTF-16 units)",
                    p.character, p.line
                ));
            }
        }
        if (range.start.line, range.start.character) > (range.end.line, range.end.character) {
            return Err("the range ends before it starts".to_string());
        }
        Ok(())
    }
}

/// What the sweep asks at a position.
const METHODS: [&str; 6] = [
    "textDocument/completion",
    "textDocument/hover",
    "textDocument/definition",
    "textDocument/references",
    "textDocument/prepareRename",
    "textDocument/rename",
];

fn params(method: &str, file: &str, position: &Value) -> Value {
    let mut params = json!({"textDocument": {"uri": file}, "position": position});
    match method {
        "textDocument/references" => params["context"] = json!({"includeDeclaration": true}),
        "textDocument/rename" => params["newName"] = json!(NEW_NAME),
        _ => {}
    }
    params
}

/// Bytes between the positions sampled outside names (every request reads the whole file:
/// denser, the sweep takes minutes longer).
const STRIDE: usize = 24;

/// The byte offsets the sweep asks at: every name at its middle, every [`STRIDE`]th byte
/// outside names, each statement's start and end, the end of the text. A name is an
/// identifier token, or a keyword that is not reserved written in lower case (a column `name`,
/// a type `integer`): the fixtures, the dumps and the scenarios write syntax in upper case.
fn offsets(text: &str) -> Vec<usize> {
    let tokens = pg_query::scan(text).map(|r| r.tokens).unwrap_or_default();
    let span = |t: &pg_query::protobuf::ScanToken| {
        let start = usize::try_from(t.start).unwrap_or(0).min(text.len());
        (
            start,
            usize::try_from(t.end).unwrap_or(0).clamp(start, text.len()),
        )
    };
    let is_name = |t: &pg_query::protobuf::ScanToken| {
        let (s, e) = span(t);
        t.token == Token::Ident as i32
            || (t.keyword_kind != KeywordKind::NoKeyword as i32
                && t.keyword_kind != KeywordKind::ReservedKeyword as i32
                && !text[s..e].contains(|c: char| c.is_ascii_uppercase()))
    };
    let names: Vec<(usize, usize)> = tokens.iter().filter(|t| is_name(t)).map(span).collect();
    let mut out: Vec<usize> = names
        .iter()
        .map(|(s, e)| {
            (*s..=s + (e - s) / 2)
                .rev()
                .find(|o| text.is_char_boundary(*o))
                .unwrap_or(*s)
        })
        .collect();
    let mut inside = names.iter().peekable();
    for offset in (0..text.len()).step_by(STRIDE) {
        while inside.next_if(|(_, e)| *e <= offset).is_some() {}
        if inside.peek().is_none_or(|(s, _)| *s >= offset) {
            out.push(offset);
        }
    }
    let mut statement_start = true;
    for t in &tokens {
        let (s, e) = span(t);
        if statement_start {
            out.push(s);
        }
        statement_start = t.token == Token::Ascii59 as i32;
        if statement_start {
            out.extend([s, e]);
        }
    }
    out.push(text.len());
    out.retain(|o| text.is_char_boundary(*o));
    out.sort_unstable();
    out.dedup();
    out
}

/// The documents of one workspace: open ones (maybe not on disk) and files on disk, with
/// their line starts.
struct Docs {
    root: PathBuf,
    open: HashMap<PathBuf, Lines>,
    disk: Mutex<HashMap<PathBuf, Option<Lines>>>,
}

impl Docs {
    fn new(root: &Path) -> Docs {
        Docs {
            root: root.to_path_buf(),
            open: HashMap::new(),
            disk: Mutex::new(HashMap::new()),
        }
    }

    /// Runs `f` on the lines of `path`, an open document or a file of the workspace.
    fn with_lines<T>(&self, path: &Path, f: impl FnOnce(&Lines) -> T) -> Option<T> {
        if let Some(lines) = self.open.get(path) {
            return Some(f(lines));
        }
        let mut disk = self.disk.lock().unwrap_or_else(|p| p.into_inner());
        let lines = disk.entry(path.to_path_buf()).or_insert_with(|| {
            (path.starts_with(&self.root) && path.is_file())
                .then(|| std::fs::read_to_string(path).ok())
                .flatten()
                .map(|text| Lines::new(&text))
        });
        lines.as_ref().map(f)
    }

    /// Why `ranges` of `uri` are not inside a document of the workspace, if they are not.
    fn check(&self, uri: &Uri, ranges: &[Range]) -> Result<(), String> {
        let Some(path) = uri.to_file_path() else {
            return Err(format!("{} is not a file", uri.as_str()));
        };
        self.with_lines(&path, |lines| {
            ranges.iter().try_for_each(|range| {
                lines
                    .check(range)
                    .map_err(|e| format!("{}: {range:?}: {e}", path.display()))
            })
        })
        .unwrap_or_else(|| Err(format!("{} is not a file of the workspace", path.display())))
    }

    /// As [`Docs::check`], and the edits of one file do not overlap; a file that parses still
    /// does once they are applied.
    fn check_edits(&self, uri: &Uri, edits: &[TextEdit]) -> Result<(), String> {
        let mut ranges: Vec<Range> = edits.iter().map(|e| e.range).collect();
        self.check(uri, &ranges)?;
        ranges.sort_by_key(|r| (r.start.line, r.start.character));
        for pair in ranges.windows(2) {
            if (pair[0].end.line, pair[0].end.character)
                > (pair[1].start.line, pair[1].start.character)
            {
                return Err(format!("overlapping edits {:?} and {:?}", pair[0], pair[1]));
            }
        }
        // Applied, the edits leave a file that parsed parsing.
        let Some(path) = uri.to_file_path() else {
            return Ok(());
        };
        self.with_lines(&path, |lines| {
            // Last first; edits at one place in the order given (an insert, then a replace).
            let mut ordered: Vec<(usize, &TextEdit)> = edits.iter().enumerate().collect();
            ordered.sort_by_key(|(i, e)| Reverse((lines.offset(e.range.start), *i)));
            let mut text = lines.text.clone();
            for (_, e) in ordered {
                let (start, end) = (lines.offset(e.range.start), lines.offset(e.range.end));
                text.replace_range(start..end, &e.new_text);
            }
            match pg_query::parse(&text, 0) {
                Err(error) if pg_query::parse(&lines.text, 0).is_ok() => Err(format!(
                    "{}: renamed, does not parse ({error}): {edits:?}",
                    path.display()
                )),
                _ => Ok(()),
            }
        })
        .unwrap_or(Ok(()))
    }
}

/// How one answer fits the protocol: `Ok(true)` for a rename declined with a reason.
fn check_answer(
    docs: &Docs,
    current: &Uri,
    method: &str,
    answer: Result<Value, Value>,
) -> Result<bool, String> {
    fn parse<T: for<'de> serde::Deserialize<'de>>(value: Value) -> Result<T, String> {
        serde_json::from_value(value.clone())
            .map_err(|e| format!("not the protocol's type: {e}: {value}"))
    }
    let renaming = method.ends_with("ename");
    let value = match answer {
        Ok(value) => value,
        Err(error)
            if renaming
                && error["code"] == json!(INVALID_REQUEST)
                && error["message"].as_str().is_some_and(|m| !m.is_empty()) =>
        {
            return Ok(true);
        }
        Err(error) => return Err(format!("error {error}")),
    };
    let here = |ranges: &[Range]| docs.check(current, ranges);
    match method {
        "textDocument/completion" => {
            let items = match parse::<Option<CompletionResponse>>(value)? {
                None => Vec::new(),
                Some(CompletionResponse::Array(items)) => items,
                Some(CompletionResponse::List(list)) => list.items,
            };
            for item in items {
                let mut ranges: Vec<Range> = match item.text_edit {
                    Some(CompletionTextEdit::Edit(e)) => vec![e.range],
                    Some(CompletionTextEdit::InsertAndReplace(e)) => vec![e.insert, e.replace],
                    None => Vec::new(),
                };
                ranges.extend(
                    item.additional_text_edits
                        .unwrap_or_default()
                        .iter()
                        .map(|e| e.range),
                );
                here(&ranges)?;
            }
        }
        "textDocument/hover" => {
            if let Some(range) = parse::<Option<Hover>>(value)?.and_then(|h| h.range) {
                here(&[range])?;
            }
        }
        "textDocument/definition" => match parse::<Option<GotoDefinitionResponse>>(value)? {
            None => {}
            Some(GotoDefinitionResponse::Scalar(l)) => docs.check(&l.uri, &[l.range])?,
            Some(GotoDefinitionResponse::Array(list)) => {
                for l in list {
                    docs.check(&l.uri, &[l.range])?;
                }
            }
            Some(GotoDefinitionResponse::Link(links)) => {
                for l in links {
                    docs.check(&l.target_uri, &[l.target_range, l.target_selection_range])?;
                    if let Some(origin) = l.origin_selection_range {
                        here(&[origin])?;
                    }
                }
            }
        },
        "textDocument/references" => {
            for l in parse::<Option<Vec<Location>>>(value)?.unwrap_or_default() {
                docs.check(&l.uri, &[l.range])?;
            }
        }
        "textDocument/prepareRename" => match parse::<Option<PrepareRenameResponse>>(value)? {
            Some(PrepareRenameResponse::Range(range))
            | Some(PrepareRenameResponse::RangeWithPlaceholder { range, .. }) => here(&[range])?,
            Some(PrepareRenameResponse::DefaultBehavior { .. }) | None => {}
        },
        "textDocument/rename" => {
            let Some(edit) = parse::<Option<WorkspaceEdit>>(value)? else {
                return Ok(false);
            };
            for (file, edits) in edit.changes.unwrap_or_default() {
                docs.check_edits(&file, &edits)?;
            }
            let edits = match edit.document_changes {
                None => Vec::new(),
                Some(DocumentChanges::Edits(edits)) => edits,
                Some(DocumentChanges::Operations(ops)) => ops
                    .into_iter()
                    .filter_map(|op| match op {
                        DocumentChangeOperation::Edit(e) => Some(e),
                        DocumentChangeOperation::Op(_) => None,
                    })
                    .collect(),
            };
            for e in edits {
                let plain: Vec<TextEdit> = e
                    .edits
                    .into_iter()
                    .map(|e| match e {
                        OneOf::Left(e) => e,
                        OneOf::Right(annotated) => annotated.text_edit,
                    })
                    .collect();
                docs.check_edits(&e.text_document.uri, &plain)?;
            }
        }
        _ => unreachable!("{method}"),
    }
    Ok(false)
}

/// Counts and failures of one workspace, or of a whole sweep.
#[derive(Default)]
struct Tally {
    files: usize,
    positions: usize,
    requests: usize,
    declined: usize,
    failures: Vec<String>,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.files += other.files;
        self.positions += other.positions;
        self.requests += other.requests;
        self.declined += other.declined;
        self.failures.extend(other.failures);
    }
}

/// Asks everything at every sampled position of `path` (open, with `text`); `label` names
/// the workspace in failures.
async fn sweep_file(
    c: &mut Client,
    docs: &Docs,
    label: &str,
    path: &Path,
    text: &str,
    tally: &mut Tally,
) {
    let file = uri(path);
    let current: Uri = file.parse().unwrap_or_else(|e| panic!("{file}: {e:?}"));
    let lines = Lines::new(text);
    let rel = path.strip_prefix(&docs.root).unwrap_or(path).display();
    let mut positions: Vec<(String, Value)> = offsets(text)
        .into_iter()
        .map(|o| (format!("byte {o}"), lines.position(o)))
        .collect();
    // Past the end of the last line, and past the last line.
    let last = lines.starts.len() - 1;
    positions.push((
        "past the line".into(),
        json!({"line": last, "character": 100_000}),
    ));
    positions.push((
        "past the text".into(),
        json!({"line": last + 2, "character": 3}),
    ));
    tally.files += 1;
    tally.positions += positions.len();
    let asks: Vec<(&str, &(String, Value))> = positions
        .iter()
        .flat_map(|p| METHODS.iter().map(move |m| (*m, p)))
        .collect();
    // Whole positions per batch: a rename is checked against its prepareRename.
    for batch in asks.chunks(BATCH / METHODS.len() * METHODS.len()) {
        let mut ids = Vec::with_capacity(batch.len());
        for (method, (_, position)) in batch {
            ids.push(
                c.start_request(method, params(method, &file, position))
                    .await,
            );
        }
        let mut prepared = false;
        for (id, (method, (at, position))) in ids.into_iter().zip(batch) {
            let answer = c.response(id).await;
            tally.requests += 1;
            let place = || {
                let line = position["line"]
                    .as_u64()
                    .and_then(|l| lines.line(l as usize));
                format!(
                    "{label}: {rel}: {at} {position}: {method}: on line {:?}",
                    line.unwrap_or("")
                )
            };
            let answered = answer.is_ok();
            match check_answer(docs, &current, method, answer) {
                Ok(declined) => tally.declined += usize::from(declined),
                Err(e) => tally.failures.push(format!("{}: {e}", place())),
            }
            // What prepareRename accepts, rename to a new name does.
            match *method {
                "textDocument/prepareRename" => prepared = answered,
                "textDocument/rename" if prepared && !answered => tally.failures.push(format!(
                    "{}: prepareRename accepted, rename declined",
                    place()
                )),
                _ => {}
            }
        }
    }
}

/// Starts a server on the workspace at `root` with `options` (a database configured), waits
/// for its first inspection, then opens each of `files` (path and text; not necessarily on
/// disk) in turn, sweeps it and closes it.
async fn sweep_workspace(
    label: String,
    root: PathBuf,
    options: Value,
    files: Vec<(PathBuf, String)>,
) -> Tally {
    let mut tally = Tally::default();
    let mut c = Client::start(&root, options, editor_capabilities()).await;
    let status = c.refresh().await;
    assert_eq!(status["status"], json!("connected"), "{label}: {status}");
    let mut docs = Docs::new(&root);
    for (path, text) in files {
        c.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(&path), "languageId": "sql", "version": 1, "text": text}}),
        )
        .await;
        docs.open.insert(path.clone(), Lines::new(&text));
        sweep_file(&mut c, &docs, &label, &path, &text, &mut tally).await;
        c.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri(&path)}}),
        )
        .await;
        docs.open.remove(&path);
    }
    c.shutdown().await;
    tally
}

/// The `.sql` files under `dir`, sorted, with their text.
fn sql_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display()));
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "sql") {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                out.push((path, text));
            }
        }
    }
    out.sort();
    out
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Runs `jobs` on the sweep's runtime, at most `at_once` together; adds up their tallies.
async fn run_all<F>(jobs: Vec<F>, at_once: usize) -> Tally
where
    F: Future<Output = Tally> + Send + 'static,
{
    let permits = Arc::new(tokio::sync::Semaphore::new(at_once));
    let mut running = tokio::task::JoinSet::new();
    for job in jobs {
        let permits = permits.clone();
        running.spawn(async move {
            let _permit = permits.acquire_owned().await;
            job.await
        });
    }
    let mut tally = Tally::default();
    while let Some(done) = running.join_next().await {
        match done {
            Ok(t) => tally.add(t),
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(e) => panic!("{e}"),
        }
    }
    tally
}

/// A database of the newest major under test, set up by `setup` off the runtime's threads.
async fn database(setup: impl FnOnce(&TestDb) + Send + 'static) -> TestDb {
    tokio::task::spawn_blocking(move || {
        let db = TestDb::on(default_major());
        setup(&db);
        db
    })
    .await
    .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
}

/// Drops a database (psql) off the runtime's threads.
async fn drop_database(db: TestDb) {
    let _ = tokio::task::spawn_blocking(move || drop(db)).await;
}

/// Prints the summary; fails with the failures and the server's panics, if any.
fn report(sweep: &str, what: &str, tally: &Tally, began: Instant) {
    let mut failures = tally.failures.clone();
    failures.extend(
        new_panics(sweep)
            .into_iter()
            .map(|p| format!("the server panicked: {p}")),
    );
    let _ = writeln!(
        std::io::stderr(),
        "lsp sweep of {what}: {} files, {} positions, {} requests ({} renames declined with \
         a reason), {} failures, {:.1} s",
        tally.files,
        tally.positions,
        tally.requests,
        tally.declined,
        failures.len(),
        began.elapsed().as_secs_f64(),
    );
    assert!(
        failures.is_empty(),
        "{} failures; the first {}:\n{}",
        failures.len(),
        SHOWN.min(failures.len()),
        failures
            .iter()
            .take(SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Each fixture loaded into a database, with its own files as the source, and with its dump
/// (as `pg-flux dump` writes it) as the source: two servers on the same database.
#[test]
fn every_position_of_the_fixtures_and_their_dumps() {
    run("fixtures", async {
        let began = Instant::now();
        let mut loaded = Vec::new();
        for fixture in fixtures().into_iter().filter(|f| selected(f)) {
            let files = sql_files(&repo_root().join("schema-fixtures").join(&fixture));
            let db = {
                let fixture = fixture.clone();
                database(move |db| load_fixture(db, &fixture)).await
            };
            loaded.push((fixture, files, Arc::new(db)));
        }
        // The largest files first (a request reads the whole file): the sweep ends sooner.
        let size = |files: &[(PathBuf, String)]| files.iter().map(|f| f.1.len()).sum::<usize>();
        loaded.sort_by_key(|(_, files, _)| Reverse(size(files)));
        let mut jobs: Vec<Pin<Box<dyn Future<Output = Tally> + Send>>> = Vec::new();
        for (fixture, files, db) in &loaded {
            let (fixture, files, db) = (fixture.clone(), files.clone(), db.clone());
            jobs.push(Box::pin(async move {
                let source = tempdir();
                let files: Vec<(PathBuf, String)> = files
                    .into_iter()
                    .map(|(path, text)| {
                        let copy = source
                            .path()
                            .join("schema")
                            .join(path.file_name().unwrap_or_default());
                        write(&copy, &text);
                        (copy, text)
                    })
                    .collect();
                let label = format!("{fixture} (its files)");
                let root = source.path().to_path_buf();
                sweep_workspace(label, root, json!({"databaseUrl": db.url()}), files).await
            }));
        }
        for (fixture, _, db) in &loaded {
            let (fixture, db) = (fixture.clone(), db.clone());
            jobs.push(Box::pin(async move {
                let dumped = tempdir();
                dump(&DumpOptions {
                    conninfo: db.url(),
                    output: dumped.path().join("schema"),
                    layout: Layout::PerKind,
                    scope: Default::default(),
                    force: false,
                })
                .await
                .unwrap_or_else(|e| panic!("dump {fixture}: {e}"));
                let files = sql_files(&dumped.path().join("schema"));
                let label = format!("{fixture} (its dump)");
                let root = dumped.path().to_path_buf();
                sweep_workspace(label, root, json!({"databaseUrl": db.url()}), files).await
            }));
        }
        let tally = run_all(jobs, 4).await;
        for (_, _, db) in loaded {
            if let Some(db) = Arc::into_inner(db) {
                drop_database(db).await;
            }
        }
        report("fixtures", "the fixtures and their dumps", &tally, began);
    });
}

/// Each migrate scenario as an editor shows it while the change is written: before.sql live,
/// after.sql the source, before.sql open beside it (outside the source, not on disk). No
/// drift: each scenario's server would load its source into the shadow database (the
/// fixtures' servers do).
#[test]
fn every_position_of_the_migrate_scenarios() {
    run("scenarios", async {
        let began = Instant::now();
        let dir = repo_root().join("tests").join("migrate-scenarios");
        let mut scenarios: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("before.sql").is_file() && p.join("after.sql").is_file())
            .filter(|p| selected(&p.file_name().unwrap_or_default().to_string_lossy()))
            .collect();
        scenarios.sort();
        let jobs: Vec<_> = scenarios
            .into_iter()
            .map(|scenario| async move {
                let read = |name: &str| {
                    std::fs::read_to_string(scenario.join(name))
                        .unwrap_or_else(|e| panic!("{}: {e}", scenario.display()))
                };
                let (before, after) = (read("before.sql"), read("after.sql"));
                let db = {
                    let before = scenario.join("before.sql");
                    database(move |db| db.load_file(&before)).await
                };
                let workspace = tempdir();
                let root = workspace.path().to_path_buf();
                write(&root.join("schema/after.sql"), &after);
                let files = vec![
                    (root.join("before.sql"), before),
                    (root.join("schema/after.sql"), after),
                ];
                let label = format!(
                    "scenario {}",
                    scenario.file_name().unwrap_or_default().to_string_lossy()
                );
                let options = json!({"databaseUrl": db.url(), "drift": false});
                let tally = sweep_workspace(label, root, options, files).await;
                drop_database(db).await;
                tally
            })
            .collect();
        let tally = run_all(jobs, 4).await;
        report("scenarios", "the migrate scenarios", &tally, began);
    });
}
