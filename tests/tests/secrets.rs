//! Secrets never leak: a password given in the URL, in `PGPASSWORD` or in `~/.pgpass`, and a
//! user mapping's password option, appear in no stdout, stderr, dumped or pulled file,
//! migration, language-server log or diagnostic — whether the command succeeds or fails.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use serde_json::json;

use pg_flux_tests::lsp::{editor_capabilities, Client};
use pg_flux_tests::{load_fixture, pg_flux_bin, read_tree, TestDb};

const SECRET: &str = "S3cret-never-shown";
const MAPPING_SECRET: &str = "Mapping-pw-never-shown";

/// A role with the password, and a user mapping holding another.
fn database() -> (TestDb, String) {
    let db = TestDb::new();
    load_fixture(&db, "01_saas_app");
    let role = format!("secret_{}", db.name);
    db.exec(&format!(
        "CREATE ROLE {role} LOGIN PASSWORD '{SECRET}';
         CREATE FOREIGN DATA WRAPPER secret_fdw;
         CREATE SERVER secret_server FOREIGN DATA WRAPPER secret_fdw;
         CREATE USER MAPPING FOR {role} SERVER secret_server OPTIONS (user 'remote', password '{MAPPING_SECRET}');"
    ));
    (db, role)
}

/// Runs `pg-flux` in `cwd` with exactly the connection environment given.
fn run(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut command = Command::new(pg_flux_bin());
    command.args(args).current_dir(cwd);
    for var in [
        "DATABASE_URL",
        "PGPASSWORD",
        "PGUSER",
        "PGHOST",
        "PGPORT",
        "PGDATABASE",
    ] {
        command.env_remove(var);
    }
    command.envs(env.iter().copied());
    let out = command.output().unwrap_or_else(|e| panic!("{e}"));
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn assert_no_secret(what: &str, text: &str) {
    for secret in [SECRET, MAPPING_SECRET] {
        assert!(!text.contains(secret), "{what} shows a password: {text}");
    }
}

#[test]
fn passwords_from_the_url_the_environment_and_pgpass_are_never_shown() {
    let (db, role) = database();
    let port = db.cluster.port().to_string();
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pgpass = home.path().join(".pgpass");
    fs::write(&pgpass, format!("127.0.0.1:{port}:*:{role}:{SECRET}\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(&pgpass, fs::Permissions::from_mode(0o600))
        .unwrap_or_else(|e| panic!("{e}"));
    let home_dir = home.path().to_string_lossy().into_owned();
    let with_password = format!("postgres://{role}:{SECRET}@127.0.0.1:{port}/{}", db.name);
    let without = format!("postgres://{role}@127.0.0.1:{port}/{}", db.name);
    let wrong_db = |url: &str| url.replace(&db.name, "no_such_database");
    // How the password is given: the URL, the environment, the password file.
    type Way<'a> = (&'a str, String, Vec<(&'a str, &'a str)>);
    let ways: [Way; 3] = [
        ("URL", with_password.clone(), vec![("HOME", "/nonexistent")]),
        (
            "PGPASSWORD",
            without.clone(),
            vec![("PGPASSWORD", SECRET), ("HOME", "/nonexistent")],
        ),
        ("~/.pgpass", without.clone(), vec![("HOME", &home_dir)]),
    ];
    for (how, url, env) in &ways {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        let mut outputs = String::new();
        for args in [
            vec!["dump", "--db", url, "--output", "schema"],
            vec!["verify", "--db", url, "--schema-dir", "schema", "--strict"],
            vec!["pull", "--db", url, "--schema-dir", "schema"],
            vec![
                "migrate",
                "generate",
                "--db",
                url,
                "--schema-dir",
                "schema",
                "--migrations-dir",
                "migrations",
                "--label",
                "secrets",
            ],
        ] {
            outputs.push_str(&run(root, &args, env));
        }
        assert!(
            root.join("schema/tables").is_dir(),
            "{how}: the dump did not connect: {outputs}"
        );
        // Failing on purpose: the error names the connection, never its password.
        let failed = run(
            root,
            &["verify", "--db", &wrong_db(url), "--schema-dir", "schema"],
            env,
        );
        assert!(failed.contains("no_such_database"), "{how}: {failed}");
        outputs.push_str(&failed);
        assert_no_secret(how, &outputs);
        for (path, text) in read_tree(root) {
            assert_no_secret(&format!("{how}: {}", path.display()), &text);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_server_never_shows_a_password() {
    let (db, role) = database();
    let port = db.cluster.port();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    // A database that does not exist: the unavailable diagnostic names it, not the password.
    let url = format!("postgres://{role}:{SECRET}@127.0.0.1:{port}/no_such_database");
    let config = root.join("pg-flux.toml");
    fs::write(&config, "schema_dir = \"schema\"\n").unwrap_or_else(|e| panic!("{e}"));
    let mut c = Client::start(
        root,
        json!({"pg-flux": {"databaseUrl": url}}),
        editor_capabilities(),
    )
    .await;
    let found = c
        .wait_diagnostics(&config, "database-unavailable", |d| !d.is_empty())
        .await;
    let shown = serde_json::to_string(&found).unwrap_or_default();
    assert!(shown.contains("no_such_database"), "{shown}");
    assert_no_secret("diagnostic", &shown);
    let status = c
        .execute("pg-flux.refresh", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_no_secret("refresh status", &status.to_string());
    // Pulling and dumping against it fail with a message that is just as clean.
    for command in ["pg-flux.pullAll", "pg-flux.dump"] {
        let error = c
            .execute(command, vec![])
            .await
            .expect_err("no database to read");
        assert_no_secret(command, &error.to_string());
    }
    c.shutdown().await;
}
