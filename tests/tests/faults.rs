//! Faults under a real server: the connection dropped in the middle of a dump (its backend
//! terminated while it waits on a lock), and a role whose settings would time its statements
//! out. A clear message, the right exit code, nothing partial on disk.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pg_flux_tests::{pg_flux, pg_flux_bin, read_tree, TestDb};

#[test]
fn a_connection_dropped_mid_dump_is_a_clear_error_and_leaves_nothing() {
    let db = TestDb::new();
    db.exec("CREATE TABLE public.t (id integer PRIMARY KEY); CREATE VIEW public.v AS SELECT id FROM public.t;");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Built (if need be) before the lock is taken: the lock lasts 30 s, a build may not.
    let bin = pg_flux_bin();
    // Reading the view's definition waits for this lock (held by a psql session in the
    // background) until the dump's backend is terminated.
    let cluster = db.cluster.clone();
    let mut holder = Command::new(pg_flux_tests::client_tool("psql", db.major()))
        .args([
            &db.url(),
            "-c",
            "BEGIN; LOCK TABLE public.v IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(30);",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let waiting = "SELECT count(*) FROM pg_catalog.pg_locks WHERE relation = 'public.v'::regclass AND mode = 'AccessExclusiveLock' AND granted";
    let deadline = Instant::now() + Duration::from_secs(10);
    while db.query(waiting).trim() != "1" {
        assert!(Instant::now() < deadline, "the lock was not taken");
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut dump = Command::new(bin)
        .args(["dump", "--db", &db.url(), "--output", "schema"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let blocked = "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE application_name = 'pg-flux' AND wait_event_type = 'Lock' AND datname = current_database()";
    let deadline = Instant::now() + Duration::from_secs(20);
    while db.query(blocked).trim() == "0" {
        if let Ok(Some(status)) = dump.try_wait() {
            let mut stderr = String::new();
            if let Some(mut e) = dump.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut e, &mut stderr);
            }
            panic!("the dump ended ({status}) before waiting on the lock: {stderr}");
        }
        assert!(
            Instant::now() < deadline,
            "the dump never waited on the lock"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    db.exec(
        "SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity \
         WHERE application_name = 'pg-flux' AND datname = current_database()",
    );
    let out = dump.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains(cluster.password()), "{stderr}");
    assert!(
        read_tree(dir.path()).is_empty(),
        "files left behind: {:?}",
        read_tree(dir.path()).keys().collect::<Vec<_>>()
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    db.exec("SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid() AND datname = current_database()");
    let _ = holder.wait();
}

#[test]
fn a_role_whose_statements_would_time_out_still_dumps() {
    let db = TestDb::new();
    db.exec("CREATE TABLE public.t (id integer PRIMARY KEY, note text)");
    let role = format!("hasty_{}", db.name);
    db.exec(&format!(
        "CREATE ROLE {role} LOGIN PASSWORD 'hasty' SUPERUSER; \
         ALTER ROLE {role} SET statement_timeout = '1ms'; \
         ALTER ROLE {role} SET lock_timeout = '1ms';"
    ));
    let url = format!(
        "postgres://{role}:hasty@127.0.0.1:{}/{}",
        db.cluster.port(),
        db.name
    );
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let run = pg_flux(dir.path(), &["dump", "--db", &url, "--output", "schema"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let tree = read_tree(&dir.path().join("schema"));
    assert!(
        tree.values().any(|t| t.contains("CREATE TABLE public.t")),
        "{:?}",
        tree.keys().collect::<Vec<_>>()
    );
}
