//! Read-only, always: every command and the language server keep their full functionality
//! against a database where the connecting role can write nothing (no privilege beyond
//! CONNECT, not even CREATE on `public`) and `default_transaction_read_only` is on. An event
//! trigger that fails any DDL on the live database proves that no command issued any: a
//! command that tried would have failed, and every one must succeed.

use std::fs;

use serde_json::json;

use pg_flux_tests::lsp::{apply_workspace_edit, editor_capabilities, Client};
use pg_flux_tests::{load_fixture, majors, pg_flux, Run, TestDb};

const SECRET: &str = "reader-secret-7f3a";

/// The fixture, locked down: returns the database and the URL of a role that can only read.
fn locked_down(major: u32) -> (TestDb, String) {
    let db = TestDb::on(major);
    load_fixture(&db, "01_saas_app");
    let role = format!("reader_{}", db.name);
    let name = &db.name;
    db.exec(&format!(
        "CREATE ROLE {role} LOGIN PASSWORD '{SECRET}';
         REVOKE ALL ON DATABASE {name} FROM PUBLIC;
         GRANT CONNECT ON DATABASE {name} TO {role};
         REVOKE CREATE ON SCHEMA public FROM PUBLIC;
         CREATE FUNCTION public.refuse_ddl() RETURNS event_trigger LANGUAGE plpgsql
             AS $$ BEGIN RAISE EXCEPTION 'DDL issued on the live database: %', tg_tag; END $$;
         CREATE EVENT TRIGGER refuse_ddl ON ddl_command_start EXECUTE FUNCTION public.refuse_ddl();
         ALTER DATABASE {name} SET default_transaction_read_only = on;
         -- The test's own superuser sessions (the hotfixes) stay writable.
         ALTER ROLE CURRENT_USER IN DATABASE {name} SET default_transaction_read_only = off;"
    ));
    let url = format!(
        "postgres://{role}:{SECRET}@127.0.0.1:{}/{name}",
        db.cluster.port()
    );
    (db, url)
}

/// Out-of-band DDL by the superuser (the event trigger paused for it).
fn hotfix(db: &TestDb, sql: &str) {
    db.exec(&format!(
        "ALTER EVENT TRIGGER refuse_ddl DISABLE;
         {sql};
         ALTER EVENT TRIGGER refuse_ddl ENABLE;"
    ));
}

fn ok(run: &Run, what: &str) {
    assert_eq!(
        run.code, 0,
        "{what}: exit {}\nstdout: {}\nstderr: {}",
        run.code, run.stdout, run.stderr
    );
    for text in [&run.stdout, &run.stderr] {
        assert!(
            !text.contains(SECRET),
            "{what} printed the password: {text}"
        );
    }
}

#[test]
fn every_command_works_for_a_role_that_can_write_nothing() {
    for major in majors() {
        let (db, url) = locked_down(major);
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        let at = |what: &str| format!("PostgreSQL {major}: {what}");

        let dumped = pg_flux(root, &["dump", "--db", &url, "--output", "schema"]);
        ok(&dumped, &at("dump"));
        assert!(root.join("schema/tables").is_dir(), "{}", at("no tables/"));

        let verified = pg_flux(
            root,
            &["verify", "--db", &url, "--schema-dir", "schema", "--strict"],
        );
        ok(&verified, &at("verify --strict"));
        assert!(
            verified.stdout.contains("verify: clean"),
            "{}",
            verified.stdout
        );

        hotfix(&db, "CREATE INDEX emergency ON app.users (created_at)");
        let pulled = pg_flux(root, &["pull", "--db", &url, "--schema-dir", "schema"]);
        ok(&pulled, &at("pull"));
        assert!(
            pulled.stdout.contains("Wrote 1 object(s)"),
            "{}",
            pulled.stdout
        );

        let drift = pg_flux(
            root,
            &["verify", "--db", &url, "--schema-dir", "schema", "--drift"],
        );
        ok(&drift, &at("verify --drift"));

        let generated = pg_flux(
            root,
            &[
                "migrate",
                "generate",
                "--db",
                &url,
                "--schema-dir",
                "schema",
                "--migrations-dir",
                "migrations",
                "--label",
                "read-only",
            ],
        );
        ok(&generated, &at("migrate generate"));
        let migration = fs::read_dir(root.join("migrations"))
            .unwrap_or_else(|e| panic!("{e}"))
            .filter_map(|e| e.ok())
            .map(|e| fs::read_to_string(e.path()).unwrap_or_default())
            .collect::<String>();
        assert!(
            migration.contains("DROP INDEX app.emergency"),
            "{}: {migration}",
            at("the migration takes live back to the source")
        );
        for (path, text) in pg_flux_tests::read_tree(root) {
            assert!(
                !text.contains(SECRET),
                "{}: {}",
                at("password in a file"),
                path.display()
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_server_works_for_a_role_that_can_write_nothing() {
    let (db, url) = locked_down(pg_flux_tests::default_major());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    fs::write(root.join("pg-flux.toml"), "schema_dir = \"schema\"\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let mut c = Client::start(
        root,
        json!({"pg-flux": {"databaseUrl": url}}),
        editor_capabilities(),
    )
    .await;
    c.on_request("workspace/applyEdit", apply_workspace_edit);
    c.on_request("window/showDocument", |_| json!({"success": true}));
    let dumped = c
        .execute("pg-flux.dump", vec![])
        .await
        .unwrap_or_else(|e| panic!("dump: {e}"));
    assert!(dumped["written"].as_u64().unwrap_or(0) > 10, "{dumped}");
    // The dumped files reach the server through the file watcher, as from any editor.
    let changes: Vec<serde_json::Value> = pg_flux_tests::read_tree(&root.join("schema"))
        .keys()
        .map(|rel| json!({"uri": pg_flux_tests::lsp::uri(&root.join("schema").join(rel)), "type": 1}))
        .collect();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": changes}),
    )
    .await;
    let status = c
        .execute("pg-flux.refresh", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        status,
        json!({"status": "connected", "drift": "checked", "drifted": 0, "loaded": "skipped"})
    );
    hotfix(&db, "CREATE INDEX emergency ON app.users (created_at)");
    // Its diagnostics are all in once the refresh is done: the check for secrets below sees
    // every one.
    c.refresh().await;
    let pulled = c
        .execute("pg-flux.pullAll", vec![])
        .await
        .unwrap_or_else(|e| panic!("pull: {e}"));
    assert_eq!(pulled["objects"], json!(1), "{pulled}");
    let text =
        fs::read_to_string(pulled["path"].as_str().unwrap_or("")).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        text.contains("CREATE INDEX emergency ON app.users"),
        "{text}"
    );
    for diagnostics in c.diagnostics.values() {
        for d in diagnostics {
            assert!(!d.to_string().contains(SECRET), "{d}");
        }
    }
    c.shutdown().await;
}
