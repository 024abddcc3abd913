//! `pg-flux lsp` in process: the real service driven with JSON-RPC over an in-memory pipe,
//! over workspaces on disk and real PostgreSQL. Any message the server sends that a test does
//! not expect fails it (see `pg_flux_tests::lsp`).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use pg_flux::commands::dump::{dump, DumpOptions};
use pg_flux::layout::Layout;
use pg_flux_tests::lsp::{
    apply_workspace_edit, editor_capabilities, uri, with_code, Client, PATIENCE,
};
use pg_flux_tests::{fixtures, load_fixture, majors, read_tree, TestDb};

fn write(root: &Path, rel: &str, text: &str) -> PathBuf {
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    }
    fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

/// Dumps `db` into `<root>/schema` with the library, as `pg-flux dump` would.
async fn dump_into(db: &TestDb, root: &Path) {
    dump(&DumpOptions {
        conninfo: db.url(),
        output: root.join("schema"),
        layout: Layout::PerKind,
        scope: Default::default(),
        force: false,
    })
    .await
    .unwrap_or_else(|e| panic!("dump: {e}"));
}

/// The per-kind tree `pg-flux dump` writes for `db`.
async fn dump_tree(db: &TestDb) -> std::collections::BTreeMap<PathBuf, String> {
    let catalog = pg_flux::commands::dump::read_catalog(&db.url(), &Default::default())
        .await
        .unwrap_or_else(|e| panic!("inspect: {e}"));
    pg_flux::layout::render(&pg_flux::emit::emit(&catalog), Layout::PerKind)
}

/// `pg-flux.toml` whose URL comes from a variable of the environment (`${VAR}` expansion).
fn config_with_env_url(root: &Path, var: &str, url: &str) {
    std::env::set_var(var, url);
    write(
        root,
        "pg-flux.toml",
        &format!("[database]\nurl = \"${{{var}}}\"\n"),
    );
}

/// UTF-16 length of a string (protocol columns).
fn units(s: &str) -> u64 {
    s.encode_utf16().count() as u64
}

fn start_of(d: &Value) -> (u64, u64) {
    let s = &d["range"]["start"];
    (
        s["line"].as_u64().unwrap_or(99),
        s["character"].as_u64().unwrap_or(99),
    )
}

fn end_of(d: &Value) -> (u64, u64) {
    let s = &d["range"]["end"];
    (
        s["line"].as_u64().unwrap_or(99),
        s["character"].as_u64().unwrap_or(99),
    )
}

const SYNTAX: &str = "syntax-error";
const NOT_ROUND_TRIPPABLE: &str = "not-round-trippable";
const UNDECLARED: &str = "undeclared-live-object";
const UNAVAILABLE: &str = "database-unavailable";
const DRIFT: &str = "drift";
const PENDING: &str = "pending";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parse_diagnostics_follow_every_keystroke() {
    let dir = tempdir();
    let root = dir.path();
    let users = write(
        root,
        "schema/tables/public.users.sql",
        "CREATE TABLE public.users (id integer PRIMARY KEY);\n",
    );
    let notes = write(
        root,
        "schema/tables/public.notes.sql",
        "INSERT INTO public.users VALUES (1);\nSET search_path = public;\nDO $$ BEGIN END $$;\n",
    );
    // Not part of the source: no diagnostics, even when it does not parse.
    write(
        root,
        "schema/_pulled/20260101_000000_pulled.sql",
        "CREATE TABLE (;\n",
    );
    let mut c = Client::start(root, json!({}), editor_capabilities()).await;

    // A file on disk, not open: its statements dump would not reproduce.
    let found = c
        .wait_diagnostics(&notes, "three untracked statements", |d| {
            with_code(d, NOT_ROUND_TRIPPABLE).len() == 3
        })
        .await;
    assert_eq!(start_of(&found[0]), (0, 0));
    assert_eq!(
        end_of(&found[0]),
        (0, units("INSERT INTO public.users VALUES (1)"))
    );
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("INSERT INTO"),
        "{}",
        found[0]
    );
    assert_eq!(found[0]["data"]["reason"], json!("untracked"));
    assert_eq!(start_of(&found[2]), (2, 0));

    // Typing a syntax error: the exact token, in UTF-16 columns (the 𝄞 is two units).
    c.open(&users, 1).await;
    let old_line = "CREATE TABLE public.users (id integer PRIMARY KEY);";
    let bad_line = "CREATE TABLE public.\"𝄞\" (id integer PRIMARY KEY,, x int);";
    c.change(&users, 2, [[0, 0], [0, units(old_line) as u32]], bad_line)
        .await;
    let found = c
        .wait_diagnostics(&users, "syntax error", |d| !with_code(d, SYNTAX).is_empty())
        .await;
    assert_eq!(found.len(), 1, "{found:?}");
    let column = units(&bad_line[..bad_line.find(",,").unwrap_or(0) + 1]);
    assert_eq!(start_of(&found[0]), (0, column), "{}", found[0]);
    assert_eq!(end_of(&found[0]), (0, column + 1), "{}", found[0]);
    assert_eq!(found[0]["severity"], json!(1));
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("syntax error at or near \",\""),
        "{}",
        found[0]
    );
    // Fixed on the next keystroke.
    c.change(&users, 3, [[0, column as u32], [0, column as u32 + 1]], "")
        .await;
    c.wait_diagnostics(&users, "no syntax error", |d| d.is_empty())
        .await;

    // A second declaration of the (renamed) table in a new, unsaved file is a duplicate.
    let copy = root.join("schema/tables/public.users_copy.sql");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(&copy), "languageId": "sql", "version": 1,
               "text": "-- copy\nCREATE TABLE public.\"𝄞\" (id integer);\n"}}),
    )
    .await;
    let found = c
        .wait_diagnostics(&copy, "duplicate", |d| {
            !with_code(d, NOT_ROUND_TRIPPABLE).is_empty()
        })
        .await;
    assert_eq!(found[0]["data"]["reason"], json!("duplicate"));
    assert_eq!(found[0]["data"]["identity"], json!("public.\"𝄞\""));
    assert_eq!(start_of(&found[0]), (1, 0));
    let message = found[0]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("declared twice (first at schema/tables/public.users.sql:1:1)"),
        "{message}"
    );
    // Closed without saving: gone, and so is the duplicate.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&copy)}}),
    )
    .await;
    c.wait_diagnostics(&copy, "duplicate cleared", |d| d.is_empty())
        .await;

    // Symbols of the open document.
    let symbols = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri(&users)}}),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = symbols
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(names.contains(&"public.\"𝄞\""), "{names:?}");
    assert!(names.contains(&"public.\"𝄞\".id"), "{names:?}");
    // Everything read and changed so far is published: nothing on _pulled/.
    c.refresh().await;
    assert!(c
        .diagnostics
        .keys()
        .all(|p| !p.starts_with(root.join("schema/_pulled"))));
    // An unknown command is an error, not a crash.
    assert!(c.execute("pg-flux.nope", vec![]).await.is_err());
    c.shutdown().await;
}

/// The hotfix workflow of "verify and pull", in the editor: dump; an out-of-band index on live
/// appears on `indexes/<schema>.<table>.sql`; its quick fix writes the `_pulled/` file and
/// opens it; once the block is moved into source and saved, the diagnostic is gone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hotfix_index_quick_fix_and_promotion() {
    for major in majors() {
        let db = TestDb::on(major);
        db.exec(
            "CREATE TABLE public.users (id integer PRIMARY KEY, email text NOT NULL); \
             CREATE INDEX users_email ON public.users (email);",
        );
        let dir = tempdir();
        let root = dir.path();
        dump_into(&db, root).await;
        config_with_env_url(root, &format!("PGFLUX_LSP_HOTFIX_{major}"), &db.url());
        let mut c = Client::start(root, json!({}), editor_capabilities()).await;
        c.refresh().await;
        assert!(
            c.diagnostics.values().all(|d| d.is_empty()),
            "PostgreSQL {major}: a fresh dump has diagnostics: {:?}",
            c.diagnostics
        );

        db.exec("CREATE INDEX idx_emergency_perf ON public.users (id, email)");
        let indexes = root.join("schema/indexes/public.users.sql");
        c.open(&indexes, 1).await;
        c.save(&indexes).await;
        let found = c
            .wait_diagnostics(&indexes, "the hotfix index", |d| {
                with_code(d, UNDECLARED).len() == 1
            })
            .await;
        let d = with_code(&found, UNDECLARED)[0].clone();
        assert_eq!(
            d["data"]["identity"],
            json!("public.idx_emergency_perf"),
            "{d}"
        );
        assert_eq!(d["data"]["kind"], json!("index"));
        assert_eq!(d["data"]["file"], json!("indexes/public.users.sql"));
        assert_eq!(d["severity"], json!(2));

        let actions = c
            .request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": uri(&indexes)}, "range": d["range"],
                       "context": {"diagnostics": [d], "only": ["quickfix"]}}),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let actions = actions.as_array().cloned().unwrap_or_default();
        assert_eq!(actions.len(), 1, "{actions:?}");
        assert_eq!(actions[0]["kind"], json!("quickfix"));
        let command = &actions[0]["command"];
        c.on_request("workspace/applyEdit", apply_workspace_edit);
        c.on_request("window/showDocument", |_| json!({"success": true}));
        let result = c
            .execute(
                command["command"].as_str().unwrap_or(""),
                command["arguments"].as_array().cloned().unwrap_or_default(),
            )
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL {major}: pull: {e}"));
        let pulled = PathBuf::from(result["path"].as_str().unwrap_or(""));
        assert_eq!(result["objects"], json!(1));
        assert_eq!(pulled.parent(), Some(root.join("schema/_pulled").as_path()));
        assert!(pulled.to_string_lossy().ends_with("_pulled.sql"));
        let text = fs::read_to_string(&pulled).unwrap_or_else(|e| panic!("{e}"));
        let statement = text
            .lines()
            .find(|l| l.starts_with("CREATE INDEX idx_emergency_perf ON public.users"))
            .unwrap_or_else(|| panic!("no index in {text}"))
            .to_string();
        let methods: Vec<&str> = c.server_requests.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(
            methods,
            [
                "client/registerCapability",
                "workspace/applyEdit",
                "window/showDocument"
            ]
        );
        assert_eq!(c.server_requests[2].1["uri"], json!(uri(&pulled)));
        // The pulled file itself is no source: the index is still undeclared.
        c.refresh().await;
        assert_eq!(with_code(&c.diagnostics[&indexes], UNDECLARED).len(), 1);

        // Promote the block into the source file, save: the diagnostic disappears.
        let current = fs::read_to_string(&indexes).unwrap_or_default();
        let lines = current.lines().count() as u32;
        c.change(
            &indexes,
            2,
            [[lines, 0], [lines, 0]],
            &format!("{statement}\n"),
        )
        .await;
        fs::write(&indexes, format!("{current}{statement}\n")).unwrap_or_else(|e| panic!("{e}"));
        c.save(&indexes).await;
        c.wait_diagnostics(&indexes, "no undeclared index once promoted", |d| {
            d.is_empty()
        })
        .await;
        c.shutdown().await;
    }
}

/// A TCP forwarder to a cluster that the test takes down and brings back on the same port.
struct Proxy {
    port: u16,
    target: u16,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Proxy {
    async fn start(target: u16) -> Proxy {
        let mut proxy = Proxy {
            port: 0,
            target,
            task: None,
        };
        proxy.up().await;
        proxy
    }

    async fn up(&mut self) {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port))
            .await
            .unwrap_or_else(|e| panic!("proxy bind: {e}"));
        self.port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
        let target = self.target;
        self.task = Some(tokio::spawn(async move {
            let mut connections = tokio::task::JoinSet::new();
            while let Ok((mut inbound, _)) = listener.accept().await {
                connections.spawn(async move {
                    if let Ok(mut outbound) =
                        tokio::net::TcpStream::connect(("127.0.0.1", target)).await
                    {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
            }
        }));
    }

    /// Listens again, accepting connections and holding them without a byte of answer, as a
    /// database that hangs would; each connection held is reported on the receiver. `down`
    /// lets them go.
    async fn stall(&mut self) -> tokio::sync::mpsc::UnboundedReceiver<()> {
        assert!(self.task.is_none(), "stall a proxy that is down");
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port))
            .await
            .unwrap_or_else(|e| panic!("proxy bind: {e}"));
        let (tx, held) = tokio::sync::mpsc::unbounded_channel();
        self.task = Some(tokio::spawn(async move {
            let mut connections = Vec::new();
            while let Ok((inbound, _)) = listener.accept().await {
                connections.push(inbound);
                let _ = tx.send(());
            }
        }));
        held
    }

    /// Closes the listener and every forwarded or held connection.
    fn down(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn database_down_and_back_up() {
    let db = TestDb::new();
    db.exec("CREATE TABLE public.kept (id integer PRIMARY KEY)");
    let dir = tempdir();
    let root = dir.path();
    dump_into(&db, root).await;
    let mut proxy = Proxy::start(db.cluster.port()).await;
    // Connecting waits as long as an inspection may (a hung database is what the server's own
    // inspection timeout is for).
    let url = db.url().replace(
        &format!(":{}/", db.cluster.port()),
        &format!(":{}/", proxy.port),
    ) + "?connect_timeout=600";
    let password = db.cluster.password().to_string();
    write(
        root,
        "pg-flux.toml",
        &format!("# project\n[database]\nurl = \"{url}\"\n"),
    );
    let config = root.join("pg-flux.toml");
    let mut c = Client::start(root, json!({}), editor_capabilities()).await;
    c.refresh().await;
    assert!(
        c.diagnostics.values().all(|d| d.is_empty()),
        "{:?}",
        c.diagnostics
    );

    proxy.down();
    c.execute("pg-flux.refresh", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let found = c
        .wait_diagnostics(&config, "database unavailable", |d| {
            !with_code(d, UNAVAILABLE).is_empty()
        })
        .await;
    assert_eq!(found.len(), 1, "once: {found:?}");
    let message = found[0]["message"].as_str().unwrap_or("");
    assert!(
        message.starts_with("database unavailable: could not connect"),
        "{message}"
    );
    assert!(!message.contains(&password), "password in {message}");
    assert!(!found[0].to_string().contains(&password));
    assert!(!message.contains('\n'));
    assert_eq!(start_of(&found[0]), (0, 0));
    assert_eq!(end_of(&found[0]), (0, units("# project")));

    // Typing is not blocked while the database does not answer: a refresh waits on a
    // connection the database holds open; meanwhile a keystroke's syntax error is published,
    // and the refresh is answered only after the connection is let go.
    let mut held = proxy.stall().await;
    let refresh = c
        .start_request(
            "workspace/executeCommand",
            json!({"command": "pg-flux.refresh", "arguments": []}),
        )
        .await;
    tokio::time::timeout(PATIENCE, held.recv())
        .await
        .unwrap_or_else(|_| panic!("the server never connected to the hung database"));
    let kept = root.join("schema/tables/public.kept.sql");
    c.open(&kept, 1).await;
    c.change(&kept, 2, [[0, 0], [0, 0]], "CREATE TABLE (;\n")
        .await;
    c.wait_diagnostics(&kept, "syntax error while the database hangs", |d| {
        !with_code(d, SYNTAX).is_empty()
    })
    .await;
    c.handle_received().await;
    assert!(
        !c.answered(refresh),
        "the refresh was answered while the database held its connection"
    );
    proxy.down();
    let status = c
        .response(refresh)
        .await
        .unwrap_or_else(|e| panic!("refresh: {e}"));
    assert_eq!(status["status"], json!("unavailable"), "{status}");
    assert!(!status.to_string().contains(&password), "{status}");
    c.change(&kept, 3, [[0, 0], [1, 0]], "").await;
    c.wait_diagnostics(&kept, "fixed", |d| d.is_empty()).await;

    // Back up: the server reconnects by itself (backoff), no refresh needed.
    proxy.up().await;
    c.wait_diagnostics(&config, "reconnected", |d| d.is_empty())
        .await;
    // And sees what changed meanwhile (on save): a new table belongs in a file that does
    // not exist, so it is reported on pg-flux.toml.
    db.exec("CREATE TABLE public.hotfix_overrides (k text PRIMARY KEY)");
    c.save(&kept).await;
    let found = c
        .wait_diagnostics(&config, "undeclared table", |d| {
            with_code(d, UNDECLARED).len() == 1
        })
        .await;
    assert_eq!(
        found[0]["data"]["identity"],
        json!("public.hotfix_overrides")
    );
    let message = found[0]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("(it belongs in tables/public.hotfix_overrides.sql)"),
        "{message}"
    );
    proxy.down();
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn configuration_changes_apply_without_restart() {
    let db = TestDb::new();
    db.exec("CREATE TABLE public.live_only (id integer)");
    let dir = tempdir();
    let root = dir.path();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("{e}"));
    let untracked = write(root, "schema/data.sql", "DELETE FROM public.live_only;\n");
    let broken = write(root, "other/broken.sql", "CREATE VIEW v AS SELEC 1;\n");
    let config = root.join("pg-flux.toml");
    let options = json!({"databaseUrl": format!("postgres://u:s3cr3t-pw@127.0.0.1:{closed}/x")});
    let mut c = Client::start(root, options, editor_capabilities()).await;
    let found = c
        .wait_diagnostics(&config, "unreachable database", |d| {
            !with_code(d, UNAVAILABLE).is_empty()
        })
        .await;
    assert!(!found[0].to_string().contains("s3cr3t-pw"), "{}", found[0]);
    c.wait_diagnostics(&untracked, "untracked DELETE", |d| {
        with_code(d, NOT_ROUND_TRIPPABLE).len() == 1
    })
    .await;

    // The right database: unavailable is gone, the live-only table is reported instead
    // (on pg-flux.toml: no file would hold it).
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"pg-flux": {"databaseUrl": db.url()}}}),
    )
    .await;
    let found = c
        .wait_diagnostics(&config, "undeclared after reconfiguration", |d| {
            with_code(d, UNAVAILABLE).is_empty() && with_code(d, UNDECLARED).len() == 1
        })
        .await;
    assert_eq!(found[0]["data"]["identity"], json!("public.live_only"));

    // Another schema directory: its files are the source now.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"pg-flux": {"databaseUrl": db.url(), "schemaDir": "other"}}}),
    )
    .await;
    let found = c
        .wait_diagnostics(&broken, "syntax error in the new schema dir", |d| {
            !with_code(d, SYNTAX).is_empty()
        })
        .await;
    let line = "CREATE VIEW v AS SELEC 1;";
    let column = units(&line[..line.find("SELEC").unwrap_or(0)]);
    assert_eq!(start_of(&found[0]), (0, column), "{}", found[0]);
    assert_eq!(end_of(&found[0]), (0, column + 5), "{}", found[0]);
    c.wait_diagnostics(&untracked, "old schema dir cleared", |d| d.is_empty())
        .await;

    // pg-flux.toml written on disk (file watcher): the search path changes how names resolve.
    write(root, "pg-flux.toml", "schema_dir = \"schema\"\n");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 1}]}),
    )
    .await;
    // The client setting still names `other`: it wins over the file (once the configuration is
    // read again: the refresh waits for that).
    c.refresh().await;
    assert!(!with_code(&c.diagnostics[&broken], SYNTAX).is_empty());
    assert!(
        c.diagnostics.get(&untracked).is_none_or(|d| d.is_empty()),
        "{:?}",
        c.diagnostics
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_definition_and_symbols() {
    let db = TestDb::new();
    db.exec(
        "CREATE TYPE public.mood AS ENUM ('ok', 'sad'); \
         CREATE TABLE public.users (id integer PRIMARY KEY, feeling public.mood); \
         CREATE TABLE public.orders (id integer PRIMARY KEY, user_id integer REFERENCES public.users (id)); \
         CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$; \
         CREATE TRIGGER orders_touch BEFORE UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.touch(); \
         CREATE VIEW public.user_orders AS SELECT u.id, o.id AS order_id FROM public.users u JOIN public.orders o ON o.user_id = u.id;",
    );
    let dir = tempdir();
    let root = dir.path();
    dump_into(&db, root).await;
    config_with_env_url(root, "PGFLUX_LSP_HOVER", &db.url());
    let schema = root.join("schema");
    let mut c = Client::start(root, json!({}), editor_capabilities()).await;
    c.execute("pg-flux.refresh", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));

    // The position of `needle`'s `at`-th character in a file (after its first occurrence of
    // `after`).
    let position = |file: &Path, after: &str, needle: &str| -> Value {
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let from = text
            .find(after)
            .unwrap_or_else(|| panic!("no {after:?} in {text}"));
        let at = from
            + text[from..]
                .find(needle)
                .unwrap_or_else(|| panic!("no {needle:?} in {text}"))
            + needle.len()
            - 1;
        let line = text[..at].matches('\n').count();
        let line_start = text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
        json!({"line": line, "character": units(&text[line_start..at])})
    };
    let definition =
        |file: &Path, pos: Value| json!({"textDocument": {"uri": uri(file)}, "position": pos});

    // A foreign key's table: hover shows the live definition and status; definition jumps.
    let orders = schema.join("tables/public.orders.sql");
    let fk = position(&orders, "REFERENCES", "public.users");
    let hover = c
        .request("textDocument/hover", definition(&orders, fk.clone()))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let text = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(text.contains("**table public.users** — in sync"), "{text}");
    assert!(text.contains("CREATE TABLE public.users"), "{text}");
    let target = |result: Value| -> Vec<PathBuf> {
        result
            .as_array()
            .into_iter()
            .flatten()
            .map(|l| pg_flux_tests::lsp::path_of(l["uri"].as_str().unwrap_or("")))
            .collect()
    };
    let found = c
        .request("textDocument/definition", definition(&orders, fk))
        .await;
    assert_eq!(
        target(found.unwrap_or_default()),
        [schema.join("tables/public.users.sql")]
    );

    // A trigger's function, a view's tables, a column's type.
    let triggers = schema.join("triggers/public.orders.sql");
    let cases = [
        (
            triggers.clone(),
            "EXECUTE FUNCTION",
            "public.touch",
            "functions/public.touch.sql",
        ),
        (
            schema.join("views/public.user_orders.sql"),
            "FROM",
            "public.orders",
            "tables/public.orders.sql",
        ),
        (
            schema.join("views/public.user_orders.sql"),
            "FROM",
            "public.users",
            "tables/public.users.sql",
        ),
        (
            schema.join("tables/public.users.sql"),
            "feeling",
            "public.mood",
            "types/public.mood.sql",
        ),
    ];
    for (file, after, needle, expected) in cases {
        let pos = position(&file, after, needle);
        let found = c
            .request("textDocument/definition", definition(&file, pos))
            .await;
        assert_eq!(
            target(found.unwrap_or_default()),
            [schema.join(expected)],
            "{needle} in {}",
            file.display()
        );
    }

    // Declared, not live: pending.
    let pending = schema.join("tables/public.pending.sql");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(&pending), "languageId": "sql", "version": 1,
               "text": "CREATE TABLE pending (id integer);\n"}}),
    )
    .await;
    // Handled before the hover request (notifications apply in arrival order).
    let hover = c
        .request("textDocument/hover", json!({"textDocument": {"uri": uri(&pending)}, "position": {"line": 0, "character": 15}}))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let text = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(
        text.contains("**table public.pending** — pending: declared, not live"),
        "{text}"
    );
    // Nothing under the cursor: no hover.
    let nothing = c
        .request("textDocument/hover", json!({"textDocument": {"uri": uri(&pending)}, "position": {"line": 5, "character": 0}}))
        .await;
    assert_eq!(nothing, Ok(Value::Null));

    // Symbols: the outline of a file, and the workspace's.
    let symbols = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri(&orders)}}),
        )
        .await
        .unwrap_or_default();
    let names: Vec<&str> = symbols
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(
        names.contains(&"public.orders") && names.contains(&"public.orders.user_id"),
        "{names:?}"
    );
    let symbols = c
        .request("workspace/symbol", json!({"query": "ORDERS"}))
        .await
        .unwrap_or_default();
    let names: Vec<&str> = symbols
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(
        names.contains(&"public.orders") && names.contains(&"public.user_orders"),
        "{names:?}"
    );
    assert!(!names.contains(&"public.users"), "{names:?}");
    c.shutdown().await;
}

/// Kinds modeled as simple objects (text search, operators, casts, languages, …) get what every
/// kind gets: hover with their status, symbols, and undeclared live ones reported.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simple_kinds_hover_symbols_and_undeclared() {
    let db = TestDb::new();
    db.exec(
        "CREATE SCHEMA search; \
         CREATE TEXT SEARCH CONFIGURATION search.my_english (COPY = pg_catalog.english);",
    );
    let dir = tempdir();
    let root = dir.path();
    dump_into(&db, root).await;
    config_with_env_url(root, "PGFLUX_LSP_SIMPLE_KINDS", &db.url());
    let file = root.join("schema/text_search_configurations/search.my_english.sql");
    let mut c = Client::start(root, json!({}), editor_capabilities()).await;
    c.refresh().await;
    assert!(
        c.diagnostics.values().all(|d| d.is_empty()),
        "a fresh dump has diagnostics: {:?}",
        c.diagnostics
    );

    let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
    // On the name, not the schema.
    let at = text.find("search.my_english").unwrap_or(0) + "search.my".len();
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri(&file)}, "position": {"line": 0, "character": at}}),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let shown = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(
        shown.contains("**text search configuration search.my_english** — in sync"),
        "{shown}"
    );
    let symbols = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri(&file)}}),
        )
        .await
        .unwrap_or_default();
    let names: Vec<&str> = symbols
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert_eq!(names, ["search.my_english"], "{symbols}");

    // Made out of band: reported on pg-flux.toml, naming the file it belongs in.
    db.exec("CREATE TEXT SEARCH CONFIGURATION search.hotfix (COPY = pg_catalog.simple);");
    c.open(&file, 1).await;
    c.save(&file).await;
    let config = root.join("pg-flux.toml");
    let found = c
        .wait_diagnostics(&config, "the undeclared configuration", |d| {
            with_code(d, UNDECLARED).len() == 1
        })
        .await;
    let d = with_code(&found, UNDECLARED)[0].clone();
    assert_eq!(d["data"]["identity"], json!("search.hotfix"), "{d}");
    assert_eq!(d["data"]["kind"], json!("text search configuration"), "{d}");
    assert_eq!(
        d["data"]["file"],
        json!("text_search_configurations/search.hotfix.sql"),
        "{d}"
    );
    assert_eq!(
        d["message"],
        json!(
            "text search configuration search.hotfix is live but not declared in source \
               (it belongs in text_search_configurations/search.hotfix.sql)"
        ),
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dump_and_pull_all_commands() {
    let db = TestDb::new();
    db.exec("CREATE TABLE public.users (id integer PRIMARY KEY, email text); CREATE VIEW public.emails AS SELECT email FROM public.users;");
    let dir = tempdir();
    let root = dir.path();
    config_with_env_url(root, "PGFLUX_LSP_DUMP", &db.url());
    let mut c = Client::start(root, json!({}), editor_capabilities()).await;
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri(&root.join("pg-flux.toml"))},
                   "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                   "context": {"diagnostics": []}}),
        )
        .await
        .unwrap_or_default();
    let commands: Vec<&str> = actions
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["command"]["command"].as_str())
        .collect();
    assert_eq!(
        commands,
        ["pg-flux.pullAll", "pg-flux.dump", "pg-flux.refresh"]
    );

    // Into an empty workspace: files created through the editor.
    c.on_request("workspace/applyEdit", apply_workspace_edit);
    let result = c
        .execute("pg-flux.dump", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let expected = dump_tree(&db).await;
    assert_eq!(result["written"], json!(expected.len()));
    assert_eq!(read_tree(&root.join("schema")), expected);
    // The editor's file watcher reports the new files.
    let created: Vec<Value> = expected
        .keys()
        .map(|rel| json!({"uri": uri(&root.join("schema").join(rel)), "type": 1}))
        .collect();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": created}),
    )
    .await;

    // A changed file: asked first; Cancel leaves it, Overwrite restores it.
    let users = root.join("schema/tables/public.users.sql");
    let original = fs::read_to_string(&users).unwrap_or_default();
    fs::write(&users, format!("{original}-- mine\n")).unwrap_or_else(|e| panic!("{e}"));
    c.on_request("window/showMessageRequest", |_| json!({"title": "Cancel"}));
    let result = c
        .execute("pg-flux.dump", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(result["cancelled"], json!(true));
    assert!(fs::read_to_string(&users)
        .unwrap_or_default()
        .ends_with("-- mine\n"));
    c.on_request(
        "window/showMessageRequest",
        |_| json!({"title": "Overwrite"}),
    );
    let result = c
        .execute("pg-flux.dump", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(result["written"], json!(1));
    assert_eq!(fs::read_to_string(&users).unwrap_or_default(), original);
    let asked = c
        .server_requests
        .iter()
        .filter(|(m, _)| m == "window/showMessageRequest")
        .count();
    assert_eq!(asked, 2);

    // Two out-of-band objects: pull all of them into one new file, opened in the editor.
    db.exec("CREATE TABLE public.extra (id integer); CREATE INDEX users_email_idx ON public.users (email);");
    c.on_request("window/showDocument", |_| json!({"success": true}));
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&users), "type": 2}]}),
    )
    .await;
    let result = c
        .execute("pg-flux.pullAll", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(result["objects"], json!(2));
    let pulled = fs::read_to_string(result["path"].as_str().unwrap_or("")).unwrap_or_default();
    assert!(pulled.contains("CREATE TABLE public.extra"), "{pulled}");
    assert!(
        pulled.contains("CREATE INDEX users_email_idx ON public.users"),
        "{pulled}"
    );
    assert_eq!(
        c.server_requests.last().map(|(m, _)| m.as_str()),
        Some("window/showDocument")
    );
    c.shutdown().await;

    // A client that cannot apply edits: files are written to disk, nothing is asked.
    let dir = tempdir();
    let root = dir.path();
    config_with_env_url(root, "PGFLUX_LSP_DUMP_PLAIN", &db.url());
    let mut c = Client::start(root, json!({}), json!({})).await;
    let result = c
        .execute("pg-flux.dump", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let expected = dump_tree(&db).await;
    assert_eq!(result["written"], json!(expected.len()));
    assert_eq!(read_tree(&root.join("schema")), expected);
    let result = c
        .execute("pg-flux.pullAll", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(result["objects"], json!(0));
    assert!(c.server_requests.is_empty(), "{:?}", c.server_requests);
    c.shutdown().await;
}

/// Drift, pending objects and statements that do not load, from the shadow database: a
/// column changed out of band shows as drift on its table's declaration (property and both
/// values), hover says so, and the quick fix replaces the declaration with the live definition,
/// after which everything is in sync again. A new table is pending (once, not per column); a
/// view the shadow refuses is not round-trippable, with the server's message.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn drift_pending_and_shadow_load_failures() {
    let db = TestDb::new();
    db.exec(
        "CREATE TABLE public.users (id integer PRIMARY KEY, email text NOT NULL); \
         CREATE FUNCTION public.add(a integer, b integer) RETURNS integer LANGUAGE sql AS 'SELECT a + b';",
    );
    let dir = tempdir();
    let root = dir.path();
    dump_into(&db, root).await;
    config_with_env_url(root, "PGFLUX_LSP_DRIFT", &db.url());
    let schema = root.join("schema");
    let users = schema.join("tables/public.users.sql");
    let mut c = Client::start(root, json!({}), editor_capabilities()).await;
    let status = c.refresh().await;
    assert_eq!(
        status,
        json!({"status": "connected", "drift": "checked", "drifted": 0, "loaded": "skipped"})
    );
    assert!(
        c.diagnostics.values().all(|d| d.is_empty()),
        "a fresh dump has diagnostics: {:?}",
        c.diagnostics
    );

    // Out of band, on live: the column's type changes.
    db.exec("ALTER TABLE public.users ALTER COLUMN email TYPE varchar(80)");
    let status = c
        .execute("pg-flux.refresh", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(status["drifted"], json!(1), "{status}");
    let found = c
        .wait_diagnostics(&users, "drift on users.email", |d| {
            with_code(d, DRIFT).len() == 1
        })
        .await;
    assert_eq!(found.len(), 1, "{found:?}");
    let d = found[0].clone();
    assert_eq!(d["severity"], json!(2));
    assert_eq!(d["data"]["identity"], json!("public.users"));
    assert_eq!(d["data"]["property"], json!("type"));
    assert_eq!(
        d["data"]["subObject"],
        json!({"kind": "column", "name": "email"})
    );
    assert_eq!(d["data"]["live"], json!("character varying(80)"));
    assert_eq!(d["data"]["declared"], json!("text"));
    assert_eq!(
        d["message"],
        json!("table public.users differs from the live database: column email: type is character varying(80) live, text declared")
    );
    let text = fs::read_to_string(&users).unwrap_or_default();
    let create = text
        .find("CREATE TABLE")
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(
        start_of(&d),
        (text[..create].matches('\n').count() as u64, 0)
    );

    // Hover on the table's name says what drifted.
    let name_at = text[create..].find("users").unwrap_or(0) + create;
    let line = text[..name_at].matches('\n').count();
    let line_start = text[..name_at].rfind('\n').map_or(0, |i| i + 1);
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri(&users)},
                   "position": {"line": line, "character": name_at - line_start}}),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let shown = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(
        shown.contains("**table public.users** — drift: column email: type is character varying(80) live, text declared"),
        "{shown}"
    );

    // The quick fix replaces the declaration with the live definition.
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri(&users)}, "range": d["range"],
                   "context": {"diagnostics": [d], "only": ["quickfix"]}}),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let actions = actions.as_array().cloned().unwrap_or_default();
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(
        actions[0]["title"],
        json!("Replace the declaration of table public.users with the live definition")
    );
    c.on_request("workspace/applyEdit", apply_workspace_edit);
    let command = &actions[0]["command"];
    c.execute(
        command["command"].as_str().unwrap_or(""),
        command["arguments"].as_array().cloned().unwrap_or_default(),
    )
    .await
    .unwrap_or_else(|e| panic!("replace: {e}"));
    let replaced = fs::read_to_string(&users).unwrap_or_default();
    assert!(
        replaced.contains("email character varying(80) NOT NULL"),
        "{replaced}"
    );
    assert_eq!(
        replaced.matches("CREATE TABLE public.users").count(),
        1,
        "{replaced}"
    );
    // Everything but the replaced statement is as it was.
    assert_eq!(&replaced[..create], &text[..create]);
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&users), "type": 2}]}),
    )
    .await;
    let status = c
        .execute("pg-flux.refresh", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(status["drifted"], json!(0), "{status}");
    c.wait_diagnostics(&users, "no drift once replaced", |d| d.is_empty())
        .await;
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri(&users)},
                   "position": {"line": line, "character": name_at - line_start}}),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let shown = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(
        shown.contains("**table public.users** — in sync"),
        "{shown}"
    );

    // A new table in an open (unsaved) file: pending, once; a view that cannot load: the
    // shadow's message on the view's statement.
    let orders = schema.join("tables/public.orders.sql");
    let orders_text = "CREATE TABLE public.orders (\n    id integer PRIMARY KEY,\n    total numeric NOT NULL\n);\n\nCREATE VIEW public.order_totals AS SELECT nope FROM public.orders;\n";
    fs::write(&orders, orders_text).unwrap_or_else(|e| panic!("{e}"));
    c.open(&orders, 1).await;
    c.save(&orders).await;
    let found = c
        .wait_diagnostics(&orders, "pending and a load failure", |d| {
            with_code(d, PENDING).len() == 2 && with_code(d, NOT_ROUND_TRIPPABLE).len() == 1
        })
        .await;
    let pending = with_code(&found, PENDING);
    let identities: Vec<&Value> = pending.iter().map(|d| &d["data"]["identity"]).collect();
    assert_eq!(
        identities,
        [&json!("public.orders"), &json!("public.order_totals")]
    );
    assert_eq!(pending[0]["severity"], json!(3));
    assert_eq!(
        pending[0]["message"],
        json!("table public.orders is declared but not live yet (pending)")
    );
    let failed = with_code(&found, NOT_ROUND_TRIPPABLE)[0];
    assert_eq!(failed["severity"], json!(1));
    assert_eq!(failed["data"]["reason"], json!("shadow-load"));
    assert_eq!(start_of(failed), (5, 0));
    // Statement ranges end before the semicolon, as every statement diagnostic's does.
    assert_eq!(
        end_of(failed),
        (
            5,
            units("CREATE VIEW public.order_totals AS SELECT nope FROM public.orders")
        )
    );
    assert_eq!(
        failed["message"],
        json!("does not load into the shadow database: column \"nope\" does not exist")
    );
    c.shutdown().await;
}

/// Right after a dump, the editor has nothing to say about any bundled fixture: no undeclared
/// object, nothing pending, no drift (the shadow comparison ran), nothing that does not load.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fixture_is_clean_in_the_editor_after_a_dump() {
    for fixture in fixtures() {
        let db = TestDb::new();
        load_fixture(&db, &fixture);
        let dir = tempdir();
        let root = dir.path();
        dump_into(&db, root).await;
        config_with_env_url(root, "PGFLUX_LSP_FIXTURE", &db.url());
        let mut c = Client::start(root, json!({}), editor_capabilities()).await;
        let status = c.refresh().await;
        assert_eq!(
            status,
            json!({"status": "connected", "drift": "checked", "drifted": 0, "loaded": "skipped"}),
            "{fixture}"
        );
        let noisy: Vec<(&PathBuf, &Vec<Value>)> = c
            .diagnostics
            .iter()
            .filter(|(_, d)| !d.is_empty())
            .collect();
        assert!(noisy.is_empty(), "{fixture}: {noisy:?}");
        c.shutdown().await;
    }
}

/// A cancelled request cancels its query: `pullAll` reads the catalog, which waits for a lock
/// held on a view; the editor cancels the request; the server answers "cancelled" and the
/// query no longer waits on the server (the lock is still held).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_request_cancels_its_query() {
    let db = TestDb::new();
    db.exec("CREATE VIEW public.v AS SELECT 1 AS x");
    let dir = tempdir();
    let root = dir.path();
    config_with_env_url(root, "PGFLUX_LSP_CANCEL", &db.url());
    let mut c = Client::start(root, json!({"drift": false}), editor_capabilities()).await;
    c.execute("pg-flux.refresh", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let locker = pg_flux::connect::connect(&db.url())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    locker
        .batch_execute("BEGIN; LOCK TABLE public.v IN ACCESS EXCLUSIVE MODE")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // Watched from a session of its own: a transaction (the locker's) sees one snapshot of
    // pg_stat_activity throughout.
    let watcher = pg_flux::connect::connect(&db.url())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let waiting = || async {
        let row = watcher
            .query_one(
                "SELECT count(*) FROM pg_catalog.pg_stat_activity \
                 WHERE wait_event_type = 'Lock' AND datname = pg_catalog.current_database() AND pid <> pg_catalog.pg_backend_pid()",
                &[],
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        row.get::<_, i64>(0)
    };
    let pull = c
        .start_request(
            "workspace/executeCommand",
            json!({"command": "pg-flux.pullAll", "arguments": []}),
        )
        .await;
    // Cancelled once its query is seen waiting for the lock, not after some time.
    let deadline = Instant::now() + PATIENCE;
    while waiting().await == 0 {
        assert!(
            Instant::now() < deadline,
            "the pull's query never waited for the lock"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    c.handle_received().await;
    assert!(
        !c.answered(pull),
        "pullAll answered while its query waits for a lock"
    );
    let error = c
        .cancel(pull)
        .await
        .expect_err("a cancelled request has no result");
    assert_eq!(error["code"], json!(-32800), "{error}");
    let deadline = Instant::now() + Duration::from_secs(10);
    while waiting().await > 0 {
        assert!(
            Instant::now() < deadline,
            "the cancelled request's query still waits 10 s later"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        !root.join("schema/_pulled").exists(),
        "a cancelled pull wrote a file"
    );
    c.shutdown().await;
}

/// A `pg-flux.toml` that does not parse: `invalid-config` on its first line, with the parser's
/// message; fixed on disk (a watched-file change), the diagnostic goes away without a restart.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_config_file_is_reported_until_fixed() {
    let dir = tempdir();
    let root = dir.path();
    let config = write(root, "pg-flux.toml", "schema_dir = [\n");
    write(
        root,
        "schema/tables/t.sql",
        "CREATE TABLE public.t (id integer);\n",
    );
    let mut c = Client::start(root, json!({"drift": false}), editor_capabilities()).await;
    let found = c
        .wait_diagnostics(&config, "invalid-config", |d| {
            with_code(d, "invalid-config").len() == 1
        })
        .await;
    let d = with_code(&found, "invalid-config")[0];
    assert_eq!(d["severity"], json!(1));
    assert_eq!(start_of(d), (0, 0));
    let message = d["message"].as_str().unwrap_or("");
    assert!(message.starts_with("pg-flux.toml: "), "{message}");
    assert!(!message.contains('\n'), "{message}");

    fs::write(&config, "schema_dir = \"schema\"\n").unwrap_or_else(|e| panic!("{e}"));
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 2}]}),
    )
    .await;
    c.wait_diagnostics(&config, "no invalid-config once fixed", |d| d.is_empty())
        .await;
    c.shutdown().await;
}

/// `[ignore]` in the editor: a platform's `auth` schema and legacy tables are never reported
/// as undeclared, source with a foreign key into `auth` loads into the shadow (no load
/// failure), and declaring an ignored object is a warning on its statement, never pending.
/// Every absence is checked in a publication that carries a positive diagnostic of the same
/// kind (a table added live, a drift, a pending table), so no check waits on a clock.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ignored_objects_are_not_reported_and_declaring_one_is_a_warning() {
    let db = TestDb::new();
    db.exec(
        "CREATE SCHEMA auth;
         CREATE TABLE auth.users (id uuid PRIMARY KEY, email text NOT NULL);
         CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT NULL::uuid $$;
         CREATE TABLE public.profiles (
             id bigint PRIMARY KEY, user_id uuid REFERENCES auth.users, note text
         );
         CREATE VIEW public.profile_emails AS
             SELECT p.id, u.email FROM public.profiles p JOIN auth.users u ON u.id = p.user_id;
         CREATE TABLE public.legacy_orders (id integer);",
    );
    let ignore = pg_flux::config::IgnoreConfig {
        schemas: vec!["auth".into()],
        objects: vec!["public.legacy_*".into()],
    };
    let dir = tempdir();
    let root = dir.path();
    dump(&DumpOptions {
        conninfo: db.url(),
        output: root.join("schema"),
        layout: Layout::PerKind,
        scope: pg_flux::inspect::Scope {
            schemas: None,
            ignore: pg_flux::ignore::IgnoreRules::parse(&ignore).unwrap_or_else(|e| panic!("{e}")),
        },
        force: false,
    })
    .await
    .unwrap_or_else(|e| panic!("dump: {e}"));
    std::env::set_var("PGFLUX_LSP_IGNORE", db.url());
    let config = write(
        root,
        "pg-flux.toml",
        "[database]\nurl = \"${PGFLUX_LSP_IGNORE}\"\n\n[ignore]\nschemas = [\"auth\"]\n\
         objects = [\"public.legacy_*\"]\n",
    );
    let profiles = root.join("schema/tables/public.profiles.sql");
    assert!(profiles.is_file(), "{:?}", read_tree(&root.join("schema")));
    // After the dump, live drifts on profiles and gains a table nobody declared: both show,
    // and with them, what does not.
    db.exec(
        "ALTER TABLE public.profiles ALTER COLUMN note SET DEFAULT 'x';
         CREATE TABLE public.hotfix (id integer);",
    );
    let undeclared_on_config = |c: &Client| -> Vec<String> {
        let found = c.diagnostics.get(&config).cloned().unwrap_or_default();
        with_code(&found, UNDECLARED)
            .iter()
            .map(|d| d["data"]["identity"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let mut c = Client::start(root, json!({}), editor_capabilities()).await;
    let status = c
        .execute("pg-flux.refresh", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        status,
        json!({"status": "connected", "drift": "checked", "drifted": 1, "loaded": "full"})
    );
    c.wait_diagnostics(&config, "the undeclared hotfix table", |d| {
        !with_code(d, UNDECLARED).is_empty()
    })
    .await;
    // Nothing of auth, nothing legacy: neither has a file, so it would be here.
    assert_eq!(undeclared_on_config(&c), ["public.hotfix"]);
    let found = c
        .wait_diagnostics(&profiles, "drift on profiles", |d| {
            !with_code(d, DRIFT).is_empty()
        })
        .await;
    // The foreign key into auth loaded: the shadow had auth.users.
    assert!(
        with_code(&found, NOT_ROUND_TRIPPABLE).is_empty(),
        "{found:?}"
    );

    // The platform adds to auth, someone adds another table: only that one shows.
    db.exec(
        "CREATE TABLE auth.sessions (id bigint PRIMARY KEY, user_id uuid REFERENCES auth.users);
         CREATE TABLE public.hotfix_two (id integer);",
    );
    c.execute("pg-flux.refresh", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    c.wait_diagnostics(&config, "the second hotfix table", |d| {
        with_code(d, UNDECLARED).len() >= 2
    })
    .await;
    assert_eq!(
        undeclared_on_config(&c),
        ["public.hotfix", "public.hotfix_two"]
    );

    // Declaring an ignored object: a warning on its statement, not pending (the new table
    // beside it is).
    let extra = write(
        root,
        "schema/tables/public.legacy_notes.sql",
        "CREATE TABLE public.legacy_notes (id integer);\nCREATE TABLE public.notes (id integer);\n",
    );
    c.open(&extra, 1).await;
    c.execute("pg-flux.refresh", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let found = c
        .wait_diagnostics(&extra, "an ignored declaration and a pending table", |d| {
            !with_code(d, "ignored-declaration").is_empty() && !with_code(d, PENDING).is_empty()
        })
        .await;
    let ignored = with_code(&found, "ignored-declaration");
    assert_eq!(ignored.len(), 1, "{found:?}");
    assert_eq!(ignored[0]["severity"], json!(2));
    assert_eq!(start_of(ignored[0]), (0, 0));
    assert_eq!(
        ignored[0]["message"],
        json!("table public.legacy_notes is ignored by [ignore] rule \"public.legacy_*\" in pg-flux.toml; pg-flux leaves it alone")
    );
    let pending: Vec<&Value> = with_code(&found, PENDING)
        .iter()
        .map(|d| &d["data"]["identity"])
        .collect();
    assert_eq!(pending, [&json!("public.notes")]);
    c.shutdown().await;
}

/// The position at the end of `text` (protocol units).
fn end_position(text: &str) -> Value {
    let line = text.matches('\n').count();
    let line_start = text.rfind('\n').map(|i| i + 1).unwrap_or(0);
    json!({"line": line, "character": units(&text[line_start..])})
}

/// Opens a new file outside the source holding `text` and asks for completion at the end of
/// `text`, once the server has published the file's syntax error (an unclosed `(` on the line
/// after: it has read the text). Returns each item as (label, where it comes from, arguments).
async fn complete_at_end(c: &mut Client, root: &Path, text: &str) -> Vec<(String, String, String)> {
    complete_within(c, root, text, "").await
}

/// As [`complete_at_end`], with `after` following the cursor.
async fn complete_within(
    c: &mut Client,
    root: &Path,
    text: &str,
    after: &str,
) -> Vec<(String, String, String)> {
    static PROBES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = PROBES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = root.join(format!("probe-{n}.sql"));
    fs::write(&path, format!("{text}{after}\n(")).unwrap_or_else(|e| panic!("{e}"));
    c.open(&path, 1).await;
    c.wait_diagnostics(&path, "the probe's syntax error", |d| !d.is_empty())
        .await;
    let answer = c
        .request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri(&path)}, "position": end_position(text)}),
        )
        .await
        .unwrap_or_else(|e| panic!("completion: {e}"));
    answer["items"]
        .as_array()
        .unwrap_or_else(|| panic!("not a completion list: {answer}"))
        .iter()
        .map(|item| {
            let field = |k: &str| item["labelDetails"][k].as_str().unwrap_or("").to_string();
            (
                item["label"].as_str().unwrap_or("").to_string(),
                field("description"),
                field("detail"),
            )
        })
        .collect()
}

fn item(label: &str, origin: &str, args: &str) -> (String, String, String) {
    (label.to_string(), origin.to_string(), args.to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_from_the_source_and_the_live_database() {
    let db = TestDb::new();
    db.exec(
        "CREATE SCHEMA app; \
         CREATE TYPE app.status AS ENUM ('new', 'done'); \
         CREATE TABLE app.customers (id bigint PRIMARY KEY, name text); \
         CREATE TABLE app.orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES app.customers, \
           total numeric, state app.status); \
         CREATE FUNCTION app.total_of(c bigint) RETURNS numeric LANGUAGE sql \
           AS $$ SELECT sum(total) FROM app.orders WHERE customer_id = c $$; \
         CREATE VIEW app.big_orders AS SELECT * FROM app.orders WHERE total > 100;",
    );
    let dir = tempdir();
    let root = dir.path();
    dump_into(&db, root).await;
    // Live, not declared; declared, not live.
    db.exec("CREATE TABLE app.audit (at timestamptz)");
    write(
        root,
        "schema/tables/app.refunds.sql",
        "CREATE TABLE app.refunds (id bigint, order_id bigint);\n",
    );
    config_with_env_url(root, "PGFLUX_LSP_COMPLETION", &db.url());
    let mut c = Client::start(root, json!({}), editor_capabilities()).await;
    c.execute("pg-flux.refresh", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let names = |items: &[(String, String, String)]| -> Vec<(String, String, String)> {
        items
            .iter()
            .take_while(|(_, origin, _)| !origin.is_empty())
            .cloned()
            .collect()
    };

    // After `schema.`: its objects, each with its origin; a function with its arguments.
    let items = complete_at_end(&mut c, root, "SELECT * FROM app.").await;
    assert_eq!(
        names(&items),
        [
            item("audit", "live only", ""),
            item("big_orders", "declared", ""),
            item("customers", "declared", ""),
            item("orders", "declared", ""),
            item("refunds", "pending", ""),
            item("status", "declared", ""),
            item("total_of", "declared", "(bigint)"),
        ]
    );
    assert_eq!(names(&items).len(), items.len(), "{items:?}");

    // After `schema.table.`: its columns.
    let items = complete_at_end(&mut c, root, "SELECT app.orders.").await;
    assert_eq!(
        items,
        [
            item("customer_id", "declared", ""),
            item("id", "declared", ""),
            item("state", "declared", ""),
            item("total", "declared", ""),
        ]
    );
    let items = complete_at_end(&mut c, root, "SELECT app.refunds.ord").await;
    assert_eq!(items, [item("order_id", "pending", "")]);

    // Inside a statement about one table: its columns first, then schemas, types, keywords.
    for (text, columns) in [
        (
            "ALTER TABLE app.orders ALTER COLUMN ",
            vec!["customer_id", "id", "state", "total"],
        ),
        ("CREATE INDEX orders_total ON app.orders (t", vec!["total"]),
        (
            "CREATE UNIQUE INDEX c ON ONLY app.customers USING btree (",
            vec!["id", "name"],
        ),
        ("ALTER TABLE app.audit ADD CONSTRAINT a CHECK (", vec!["at"]),
    ] {
        let items = complete_at_end(&mut c, root, text).await;
        let first: Vec<&str> = items
            .iter()
            .take(columns.len())
            .map(|(label, _, _)| label.as_str())
            .collect();
        assert_eq!(first, columns, "{text}: {items:?}");
        if text.ends_with(' ') || text.ends_with('(') {
            let labels: Vec<&str> = items.iter().map(|(l, _, _)| l.as_str()).collect();
            for expected in ["app", "integer", "timestamp with time zone", "NOT NULL"] {
                assert!(
                    labels.contains(&expected),
                    "{text}: no {expected} in {labels:?}"
                );
            }
        }
    }

    // In a query (a view's body): the columns of what its FROM names, by alias too; in a
    // trigger's WHEN, NEW's.
    let items = complete_within(
        &mut c,
        root,
        "CREATE VIEW app.v AS SELECT o.",
        " FROM app.orders o JOIN app.customers c ON c.id = o.customer_id;",
    )
    .await;
    assert_eq!(
        items,
        [
            item("customer_id", "declared", ""),
            item("id", "declared", ""),
            item("state", "declared", ""),
            item("total", "declared", ""),
        ]
    );
    let items = complete_within(
        &mut c,
        root,
        "CREATE VIEW app.v AS SELECT na",
        " FROM app.orders o JOIN app.customers c ON c.id = o.customer_id;",
    )
    .await;
    assert_eq!(items[0], item("name", "declared", ""), "{items:?}");
    let items = complete_at_end(
        &mut c,
        root,
        "CREATE TRIGGER t BEFORE UPDATE ON app.customers FOR EACH ROW WHEN (NEW.",
    )
    .await;
    assert_eq!(
        items,
        [item("id", "declared", ""), item("name", "declared", "")]
    );

    // Where a type is expected: schemas and types only.
    for text in [
        "CREATE TABLE app.x (id bigint, state ",
        "ALTER TABLE app.orders ALTER COLUMN total TYPE ",
    ] {
        let items = complete_at_end(&mut c, root, text).await;
        assert_eq!(items[0], item("app", "declared", ""), "{text}");
        let labels: Vec<&str> = items.iter().map(|(l, _, _)| l.as_str()).collect();
        assert!(labels.contains(&"timestamp with time zone"), "{labels:?}");
        assert!(
            !labels.contains(&"NOT NULL") && !labels.contains(&"orders"),
            "{labels:?}"
        );
    }

    // Where a statement starts: statement keywords only.
    let items = complete_at_end(&mut c, root, "SELECT 1;\nSELE").await;
    assert_eq!(items, [item("SELECT", "", "")]);
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_without_a_database_comes_from_the_source() {
    let dir = tempdir();
    let root = dir.path();
    write(
        root,
        "schema/tables/app.t.sql",
        "CREATE TABLE app.t (a integer, \"B\" text);\nCREATE FUNCTION app.f(x integer, y text) RETURNS integer LANGUAGE sql AS $$ SELECT x $$;\n",
    );
    let mut c = Client::start(root, json!({}), editor_capabilities()).await;
    // Answered once the source is read.
    c.execute("pg-flux.refresh", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let items = complete_at_end(&mut c, root, "ALTER TABLE app.t ALTER COLUMN ").await;
    assert_eq!(
        items[..2],
        [item("\"B\"", "declared", ""), item("a", "declared", "")]
    );
    let items = complete_at_end(&mut c, root, "SELECT app.").await;
    assert_eq!(
        items,
        [
            item("f", "declared", "(integer, text)"),
            item("t", "declared", "")
        ]
    );
    c.shutdown().await;
}

/// Applies a rename's `changes` (uri → edits) to the files on disk; returns the files changed.
fn apply_changes(edit: &Value) -> Vec<PathBuf> {
    let changes = edit["changes"]
        .as_object()
        .unwrap_or_else(|| panic!("no changes in {edit}"));
    let mut files = Vec::new();
    for (file_uri, edits) in changes {
        let path = pg_flux_tests::lsp::path_of(file_uri);
        let mut text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut edits = edits.as_array().cloned().unwrap_or_default();
        edits.sort_by_key(|e| {
            let s = &e["range"]["start"];
            std::cmp::Reverse((s["line"].as_u64(), s["character"].as_u64()))
        });
        for e in edits {
            let start = pg_flux_tests::lsp::offset(&text, &e["range"]["start"]);
            let end = pg_flux_tests::lsp::offset(&text, &e["range"]["end"]);
            text.replace_range(start..end, e["newText"].as_str().unwrap_or(""));
        }
        fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        files.push(path);
    }
    files.sort();
    files
}

/// The files a rename's `changes` edit.
fn apply_targets(edit: &Value) -> Vec<PathBuf> {
    edit["changes"]
        .as_object()
        .map(|c| c.keys().map(|u| pg_flux_tests::lsp::path_of(u)).collect())
        .unwrap_or_default()
}

/// The position of the `nth` occurrence of `needle` in the file, one character in.
fn position_of(path: &Path, needle: &str, nth: usize) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    let at = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("no {needle} #{nth} in {text}"));
    let line = text[..at].matches('\n').count();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": units(&text[line_start..at])})
}

/// Each location as `file (relative to root):line:covered text`.
fn places(root: &Path, locations: &Value) -> Vec<String> {
    let mut out: Vec<String> = locations
        .as_array()
        .unwrap_or_else(|| panic!("not locations: {locations}"))
        .iter()
        .map(|l| {
            let path = pg_flux_tests::lsp::path_of(l["uri"].as_str().unwrap_or(""));
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
            let start = pg_flux_tests::lsp::offset(&text, &l["range"]["start"]);
            let end = pg_flux_tests::lsp::offset(&text, &l["range"]["end"]);
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
            format!(
                "{rel}:{}:{}",
                l["range"]["start"]["line"],
                &text[start..end]
            )
        })
        .collect();
    out.sort();
    out
}

async fn references_at(c: &mut Client, path: &Path, at: Value, declaration: bool) -> Value {
    c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri(path)}, "position": at,
               "context": {"includeDeclaration": declaration}}),
    )
    .await
    .unwrap_or_else(|e| panic!("references: {e}"))
}

const RENAME_SCHEMA: &str = "CREATE SCHEMA app; \
     CREATE TABLE app.customers (id bigint PRIMARY KEY, name text NOT NULL CHECK (name <> '')); \
     CREATE INDEX customers_name ON app.customers (name); \
     CREATE TABLE app.orders (id bigint PRIMARY KEY, \
       customer_id bigint REFERENCES app.customers (id), total numeric); \
     CREATE VIEW app.named AS SELECT c.id, c.name FROM app.customers c; \
     ALTER TABLE app.customers ENABLE ROW LEVEL SECURITY; \
     CREATE POLICY own ON app.customers USING (name = current_user); \
     COMMENT ON COLUMN app.customers.name IS 'full name'; \
     INSERT INTO app.customers VALUES (1, 'ada'), (2, 'grace');";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn references_and_rename_with_the_annotation_migrate_understands() {
    for major in majors() {
        let db = TestDb::on(major);
        db.exec(RENAME_SCHEMA);
        // A body in SQL-standard form (PostgreSQL 14+) is parsed: its names are references.
        let atomic = major >= 14;
        if atomic {
            db.exec(
                "CREATE FUNCTION app.name_of(i bigint) RETURNS text LANGUAGE sql \
                 RETURN (SELECT name FROM app.customers WHERE id = i)",
            );
        }
        let in_function = |list: &[&str]| -> Vec<String> {
            list.iter()
                .filter(|p| atomic || !p.starts_with("schema/functions/"))
                .map(|p| p.to_string())
                .collect()
        };
        db.exec("CREATE TABLE app.audit (at timestamptz)");
        let dir = tempdir();
        let root = dir.path();
        dump_into(&db, root).await;
        fs::remove_file(root.join("schema/tables/app.audit.sql")).unwrap_or_else(|e| panic!("{e}"));
        config_with_env_url(root, "PGFLUX_LSP_RENAME", &db.url());
        let mut c = Client::start(root, json!({}), editor_capabilities()).await;
        c.refresh().await;
        let customers = root.join("schema/tables/app.customers.sql");

        // References of the column `name`, from its declaration: every use, across files.
        let at = position_of(&customers, "name text", 0);
        let found = references_at(&mut c, &customers, at.clone(), true).await;
        assert_eq!(
            places(root, &found),
            in_function(&[
                "schema/functions/app.name_of.sql:3:name",
                "schema/indexes/app.customers.sql:0:name",
                "schema/policies/app.customers.sql:1:name",
                "schema/tables/app.customers.sql:2:name",
                "schema/tables/app.customers.sql:3:name",
                "schema/tables/app.customers.sql:8:name",
                "schema/views/app.named.sql:2:name",
            ]),
            "{major}"
        );
        let uses = references_at(&mut c, &customers, at.clone(), false).await;
        assert_eq!(
            places(root, &uses).len(),
            if atomic { 6 } else { 5 },
            "{major}: {uses}"
        );

        // References of the table, from a use in another file: the foreign key, the view,
        // the function's body, the index, the policy, the comment.
        let view = root.join("schema/views/app.named.sql");
        let table_at = position_of(&view, "customers c", 0);
        let found = references_at(&mut c, &view, table_at, true).await;
        let files: std::collections::BTreeSet<String> = places(root, &found)
            .iter()
            .map(|p| p.split(':').next().unwrap_or("").to_string())
            .collect();
        assert_eq!(
            files.into_iter().collect::<Vec<_>>(),
            in_function(&[
                "schema/functions/app.name_of.sql",
                "schema/indexes/app.customers.sql",
                "schema/policies/app.customers.sql",
                "schema/tables/app.customers.sql",
                "schema/tables/app.orders.sql",
                "schema/views/app.named.sql",
            ]),
            "{major}"
        );

        // What cannot be renamed says why.
        let probe = write(root, "probe.sql", "SELECT now() FROM app.audit;\n");
        c.open(&probe, 1).await;
        for (needle, reason) in [
            (
                "audit",
                "app.audit is live only: pull it into the source to rename it",
            ),
            (
                "now",
                "function public.now is not declared in the source (an extension's member \
                 or a built-in): pg-flux renames only what the source declares",
            ),
        ] {
            let refused = c
                .request(
                    "textDocument/prepareRename",
                    json!({"textDocument": {"uri": uri(&probe)},
                           "position": position_of(&probe, needle, 0)}),
                )
                .await
                .expect_err("refused");
            assert_eq!(refused["message"], json!(reason), "{major}");
        }
        db.exec("DROP TABLE app.audit");
        let prepared = c
            .request(
                "textDocument/prepareRename",
                json!({"textDocument": {"uri": uri(&customers)}, "position": at}),
            )
            .await
            .unwrap_or_else(|e| panic!("prepareRename: {e}"));
        assert_eq!(prepared["placeholder"], json!("name"), "{major}");
        assert_eq!(
            prepared["range"],
            json!({"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 8}})
        );

        // Rename: every use, the view keeps its column's name, the annotation above the
        // column; the migration renames, and the rows stay.
        let edit = c
            .request(
                "textDocument/rename",
                json!({"textDocument": {"uri": uri(&customers)}, "position": at,
                       "newName": "full_name"}),
            )
            .await
            .unwrap_or_else(|e| panic!("rename: {e}"));
        assert_eq!(
            apply_changes(&edit).len(),
            if atomic { 5 } else { 4 },
            "{major}: {edit}"
        );
        let table = fs::read_to_string(&customers).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            table.contains(
                "    -- pg-flux: renamed from name\n    full_name text NOT NULL,\n    \
                 CONSTRAINT customers_name_check CHECK ((full_name <> ''::text)),"
            ),
            "{table}"
        );
        assert!(table.contains("COMMENT ON COLUMN app.customers.full_name IS"));
        let view_text = fs::read_to_string(&view).unwrap_or_else(|e| panic!("{e}"));
        assert!(view_text.contains("full_name AS name\n"), "{view_text}");
        // The server, told of the changed files: the new name is a pending rename, the old
        // one is not undeclared, and nothing drifts.
        let changes: Vec<Value> = apply_targets(&edit)
            .iter()
            .map(|p| json!({"uri": uri(p), "type": 2}))
            .collect();
        c.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": changes}),
        )
        .await;
        c.refresh().await;
        let mut codes: Vec<(String, String)> = c
            .diagnostics
            .values()
            .flatten()
            .map(|d| {
                (
                    d["code"].as_str().unwrap_or("").to_string(),
                    d["message"].as_str().unwrap_or("").to_string(),
                )
            })
            .filter(|(code, _)| code != "syntax-error")
            .collect();
        codes.sort();
        assert_eq!(
            codes,
            [(
                "pending".to_string(),
                "column app.customers.full_name is renamed from name (pending: migrate \
                 generate writes the ALTER … RENAME)"
                    .to_string()
            )],
            "{major}"
        );
        let migrations = root.join("migrations");
        let shadow = TestDb::on(major);
        let options = pg_flux::commands::migrate::MigrateOptions {
            conninfo: db.url(),
            schema_dir: root.join("schema"),
            migrations_dir: migrations.clone(),
            label: "rename".into(),
            shadow: pg_flux::shadow::ShadowTarget::Url(shadow.url()),
            partial_shadow: true,
            scope: Default::default(),
            default_schema: "public".into(),
            no_destructive: true,
            plan: Default::default(),
        };
        let report = pg_flux::commands::migrate::generate(&options)
            .await
            .unwrap_or_else(|e| panic!("migrate generate: {e}\n{table}"));
        let migration = fs::read_to_string(&report.path).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            migration.contains("ALTER TABLE app.customers RENAME COLUMN name TO full_name;"),
            "{migration}"
        );
        assert!(!migration.contains("DROP"), "{migration}");
        db.exec(&migration);
        assert_eq!(
            db.query("SELECT string_agg(full_name, ',' ORDER BY id) FROM app.customers")
                .trim(),
            "ada,grace"
        );
        fs::remove_dir_all(&migrations).unwrap_or_else(|e| panic!("{e}"));
        let report = pg_flux::commands::migrate::generate(&options)
            .await
            .unwrap_or_else(|e| panic!("migrate generate: {e}"));
        assert_eq!(
            report.statements,
            0,
            "{major}: {:?}",
            fs::read_to_string(&report.path)
        );

        // A table, renamed from a use in another file (the foreign key): every file that
        // names it, the annotation above its CREATE TABLE, `ALTER TABLE … RENAME TO`.
        let changes: Vec<Value> = apply_targets(&edit)
            .iter()
            .map(|p| json!({"uri": uri(p), "type": 2}))
            .collect();
        c.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": changes}),
        )
        .await;
        let orders = root.join("schema/tables/app.orders.sql");
        let edit = c
            .request(
                "textDocument/rename",
                json!({"textDocument": {"uri": uri(&orders)},
                       "position": position_of(&orders, "customers(id)", 0),
                       "newName": "clients"}),
            )
            .await
            .unwrap_or_else(|e| panic!("rename: {e}"));
        let renamed: Vec<String> = apply_changes(&edit)
            .iter()
            .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
            .collect();
        assert_eq!(
            renamed,
            in_function(&[
                "schema/functions/app.name_of.sql",
                "schema/indexes/app.customers.sql",
                "schema/policies/app.customers.sql",
                "schema/tables/app.customers.sql",
                "schema/tables/app.orders.sql",
                "schema/views/app.named.sql",
            ]),
            "{major}"
        );
        let table = fs::read_to_string(&customers).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            table.starts_with("-- pg-flux: renamed from customers\nCREATE TABLE app.clients ("),
            "{table}"
        );
        fs::remove_dir_all(&migrations).unwrap_or_else(|e| panic!("{e}"));
        let report = pg_flux::commands::migrate::generate(&options)
            .await
            .unwrap_or_else(|e| panic!("migrate generate: {e}"));
        let migration = fs::read_to_string(&report.path).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            migration.contains("ALTER TABLE app.customers RENAME TO clients;"),
            "{migration}"
        );
        assert!(!migration.contains("DROP"), "{migration}");
        db.exec(&migration);
        assert_eq!(
            db.query("SELECT count(*) FROM app.clients").trim(),
            "2",
            "{major}"
        );
        c.shutdown().await;
    }
}

// Migrations in the editor (issue 21, section 3): hazards on migration files, "Generate
// migration", and status lenses above declarations.

const HAZARD: &str = "hazard";

/// A `hazard` warning on a whole statement of one line (`line`, from column 0 to `end`).
fn hazard(line: u64, statement: &str, kind: &str, message: &str) -> Value {
    json!({
        "range": {"start": {"line": line, "character": 0},
                  "end": {"line": line, "character": units(statement)}},
        "severity": 2,
        "code": HAZARD,
        "source": "pg-flux",
        "message": message,
        "data": {"hazard": kind},
    })
}

/// Capabilities of an editor that can also be asked to re-request code lenses.
fn lens_refreshing_capabilities() -> Value {
    let mut caps = editor_capabilities();
    caps["workspace"]["codeLens"] = json!({"refreshSupport": true});
    caps
}

/// Each lens of `path`: (line, title).
async fn lens_titles(c: &mut Client, path: &Path) -> Vec<(u64, String)> {
    let lenses = c
        .request(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": uri(path)}}),
        )
        .await
        .unwrap_or_else(|e| panic!("codeLens: {e}"));
    lenses
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| {
            (
                l["range"]["start"]["line"].as_u64().unwrap_or(99),
                l["command"]["title"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// A migration written by hand gets, on each statement, the hazards `migrate generate` would
/// write above it, judged against the live table (the column's live type); a syntax error
/// replaces them until fixed. Migration files are never source: a `CREATE TABLE` or an
/// `INSERT` in one is neither a duplicate nor a statement dump would not reproduce.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migration_files_get_syntax_errors_and_hazards() {
    let db = TestDb::new();
    db.exec("CREATE TABLE public.users (id integer PRIMARY KEY, email text, name text)");
    let dir = tempdir();
    let root = dir.path();
    dump_into(&db, root).await;
    config_with_env_url(root, "PGFLUX_LSP_MIGRATION_HAZARDS", &db.url());
    let lines = [
        "BEGIN;",
        "ALTER TABLE public.users ALTER COLUMN email TYPE varchar(20);",
        "ALTER TABLE public.users DROP COLUMN name;",
        "CREATE INDEX CONCURRENTLY users_email ON public.users (email);",
        "COMMIT;",
        "-- hazard: written by hand",
        "DELETE FROM public.users;",
    ];
    let manual = write(
        root,
        "migrations/20260101_000000_manual.sql",
        &(lines.join("\n") + "\n"),
    );
    let again = write(
        root,
        "migrations/20260101_000001_again.sql",
        "CREATE TABLE public.users (id integer);\nINSERT INTO public.users VALUES (1);\n",
    );
    let mut c = Client::start(root, json!({"drift": false}), editor_capabilities()).await;
    let statement = |line: usize| lines[line].trim_end_matches(';');
    let expected = vec![
        hazard(
            1,
            statement(1),
            "data-loss",
            "changes the type of public.users.email from text to character varying(20): values may not convert",
        ),
        hazard(
            1,
            statement(1),
            "lock",
            "locks public.users ACCESS EXCLUSIVE (blocks reads and writes) while it rewrites the table and its indexes to change column email from text to character varying(20)",
        ),
        hazard(
            2,
            statement(2),
            "data-loss",
            "drops column public.users.name and its data",
        ),
        hazard(
            3,
            statement(3),
            "transaction",
            "`CREATE INDEX CONCURRENTLY users_email ON public.users (email)` cannot run inside a transaction block",
        ),
        hazard(
            6,
            statement(6),
            "data-loss",
            "deletes every row of public.users (no WHERE clause)",
        ),
    ];
    let status = c.refresh().await;
    assert_eq!(status["status"], json!("connected"), "{status}");
    c.wait_diagnostics(&manual, "hazards judged against the live table", |d| {
        d == expected.as_slice()
    })
    .await;
    // Not source: no duplicate, nothing untracked, nothing on the table's own file.
    assert_eq!(
        c.diagnostics.get(&again).cloned().unwrap_or_default(),
        Vec::<Value>::new()
    );
    let users = root.join("schema/tables/public.users.sql");
    assert_eq!(
        c.diagnostics.get(&users).cloned().unwrap_or_default(),
        Vec::<Value>::new()
    );

    // A syntax error while typing: at its exact place, and nothing else.
    c.open(&manual, 1).await;
    let broken = "ALTER TABLE public.users DROP COLUMN ;";
    c.change(&manual, 2, [[2, 0], [2, units(lines[2]) as u32]], broken)
        .await;
    let found = c
        .wait_diagnostics(&manual, "syntax error", |d| {
            !with_code(d, SYNTAX).is_empty()
        })
        .await;
    assert_eq!(found.len(), 1, "{found:?}");
    let column = units("ALTER TABLE public.users DROP COLUMN ");
    assert_eq!(start_of(&found[0]), (2, column), "{}", found[0]);
    assert_eq!(end_of(&found[0]), (2, column + 1), "{}", found[0]);
    assert_eq!(
        found[0]["message"],
        json!("syntax error at or near \";\""),
        "{}",
        found[0]
    );
    // Fixed: the hazards are back.
    c.change(&manual, 3, [[2, 0], [2, units(broken) as u32]], lines[2])
        .await;
    c.wait_diagnostics(&manual, "hazards after the fix", |d| {
        d == expected.as_slice()
    })
    .await;
    c.shutdown().await;
}

/// Lenses above declarations say `in sync`, `drift: …` and `pending` from the last inspection
/// and drift check (and the client is asked to re-request them when these change); a lens's
/// command shows hover's text. "Generate migration" writes the statement taking live to the
/// source into `migrations/` and opens it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_lenses_and_generate_migration() {
    let db = TestDb::new();
    db.exec(
        "CREATE TABLE public.users (id integer PRIMARY KEY, email text NOT NULL); \
         CREATE TABLE public.orders (id integer PRIMARY KEY);",
    );
    let dir = tempdir();
    let root = dir.path();
    dump_into(&db, root).await;
    config_with_env_url(root, "PGFLUX_LSP_LENSES", &db.url());
    // Out of band: the live column changes type (drift); a new table is only declared (pending).
    db.exec("ALTER TABLE public.users ALTER COLUMN email TYPE varchar(80)");
    let items = write(
        root,
        "schema/tables/public.items.sql",
        "CREATE TABLE public.items (id integer);\n",
    );
    let users = root.join("schema/tables/public.users.sql");
    let orders = root.join("schema/tables/public.orders.sql");
    let mut c = Client::start(root, json!({}), lens_refreshing_capabilities()).await;
    c.on_request("workspace/codeLens/refresh", |_| Value::Null);
    c.on_request("window/showDocument", |_| json!({"success": true}));
    c.accept_notifications("window/showMessage");
    let status = c.refresh().await;
    assert_eq!(status["drifted"], json!(1), "{status}");
    c.wait_server_request("workspace/codeLens/refresh").await;

    let line_of = |path: &Path, needle: &str| {
        let text = fs::read_to_string(path).unwrap_or_default();
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle}: {text}"));
        text[..at].matches('\n').count() as u64
    };
    let users_at = line_of(&users, "CREATE TABLE public.users");
    assert_eq!(
        lens_titles(&mut c, &users).await,
        [(users_at, "drift: column email: type".to_string())]
    );
    let orders_at = line_of(&orders, "CREATE TABLE public.orders");
    assert_eq!(
        lens_titles(&mut c, &orders).await,
        [(orders_at, "in sync".to_string())]
    );
    assert_eq!(
        lens_titles(&mut c, &items).await,
        [(0, "pending".to_string())]
    );

    // Clicking the drifted lens: hover's text as a message.
    let lenses = c
        .request(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": uri(&users)}}),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let command = &lenses[0]["command"];
    assert_eq!(command["command"], json!("pg-flux.showStatus"));
    let shown = c
        .execute(
            "pg-flux.showStatus",
            command["arguments"].as_array().cloned().unwrap_or_default(),
        )
        .await
        .unwrap_or_else(|e| panic!("showStatus: {e}"));
    c.wait_notification("window/showMessage").await;
    let text = shown["text"].as_str().unwrap_or("");
    assert!(
        text.starts_with("**table public.users** — drift: column email: type is character varying(80) live, text declared\n"),
        "{text}"
    );
    assert_eq!(
        c.notifications,
        [(
            "window/showMessage".to_string(),
            json!({"type": 3, "message": text})
        )]
    );

    // Generate migration: a source action on source files.
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri(&users)},
                   "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                   "context": {"diagnostics": [], "only": ["source"]}}),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let generate = actions
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| a["command"]["command"] == json!("pg-flux.generateMigration"))
        .cloned()
        .unwrap_or_else(|| panic!("no Generate migration action: {actions}"));
    assert_eq!(
        generate["title"],
        json!("pg-flux: generate a migration from the source")
    );
    let result = c
        .execute("pg-flux.generateMigration", vec![])
        .await
        .unwrap_or_else(|e| panic!("generateMigration: {e}"));
    let path = PathBuf::from(result["path"].as_str().unwrap_or(""));
    assert_eq!(
        path.parent(),
        Some(root.join("migrations").as_path()),
        "{result}"
    );
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    assert!(name.ends_with("_migration.sql"), "{name}");
    let migration = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        migration
            .contains("ALTER TABLE public.users ALTER COLUMN email TYPE text USING email::text;\n"),
        "{migration}"
    );
    assert!(
        migration.contains("CREATE TABLE public.items ("),
        "{migration}"
    );
    assert_eq!(result["statements"], json!(2), "{result}");
    let opened = c.wait_server_request("window/showDocument").await;
    assert_eq!(opened["uri"], json!(uri(&path)));
    assert_eq!(opened["takeFocus"], json!(true));
    // Nothing on the live database changed: the lens still says drift.
    assert_eq!(
        lens_titles(&mut c, &users).await,
        [(users_at, "drift: column email: type".to_string())]
    );
    c.shutdown().await;
}

/// Without a database: lenses say `not checked`, a migration's hazards come from its text
/// alone, and "Generate migration" says why it cannot run and writes nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrations_without_a_database() {
    let dir = tempdir();
    let root = dir.path();
    let users = write(
        root,
        "schema/tables/public.users.sql",
        "CREATE TABLE public.users (id integer PRIMARY KEY, email text);\n",
    );
    let statement = "ALTER TABLE public.users ALTER COLUMN email TYPE varchar(20)";
    let manual = write(
        root,
        "migrations/20260101_000000_manual.sql",
        &format!("{statement};\nALTER TABLE public.users ADD CONSTRAINT email_set CHECK (email <> '');\n"),
    );
    let mut c = Client::start(root, json!({}), editor_capabilities()).await;
    c.accept_notifications("window/showMessage");
    c.refresh().await;
    let check = "ALTER TABLE public.users ADD CONSTRAINT email_set CHECK (email <> '')";
    assert_eq!(
        c.diagnostics.get(&manual).cloned().unwrap_or_default(),
        [
            hazard(
                0,
                statement,
                "data-loss",
                "changes the type of public.users.email to character varying(20): values may not convert",
            ),
            hazard(
                1,
                check,
                "lock",
                "locks public.users ACCESS EXCLUSIVE (blocks reads and writes) while it scans the table to check constraint email_set; safer: add it NOT VALID, then VALIDATE CONSTRAINT (no lock on reads or writes)",
            ),
        ]
    );
    assert_eq!(
        lens_titles(&mut c, &users).await,
        [(0, "not checked".to_string())]
    );
    let result = c
        .execute("pg-flux.generateMigration", vec![])
        .await
        .unwrap_or_else(|e| panic!("generateMigration: {e}"));
    let message = "pg-flux: no migration generated: no database configured: set [database] url in pg-flux.toml or databaseUrl";
    assert_eq!(result, json!({"error": message}));
    c.wait_notification("window/showMessage").await;
    assert_eq!(
        c.notifications,
        [(
            "window/showMessage".to_string(),
            json!({"type": 1, "message": message})
        )]
    );
    let written: Vec<_> = fs::read_dir(root.join("migrations"))
        .unwrap_or_else(|e| panic!("{e}"))
        .map(|e| e.map(|e| e.file_name()))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    c.shutdown().await;
}
