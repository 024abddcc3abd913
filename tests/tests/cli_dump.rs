//! `pg-flux dump` from the command line: output, refusals and failures, against real servers.

use std::fs;
use std::path::Path;

use pg_flux_tests::{pg_flux, read_tree, TestDb};

fn dump(cwd: &Path, url: &str, output: &Path, extra: &[&str]) -> pg_flux_tests::Run {
    let output = output.to_string_lossy().into_owned();
    let mut args = vec!["dump", "--db", url, "--output", output.as_str()];
    args.extend_from_slice(extra);
    pg_flux(cwd, &args)
}

#[test]
fn dumps_per_kind_and_flat_and_is_deterministic() {
    let db = TestDb::new();
    db.exec("CREATE SCHEMA app; COMMENT ON SCHEMA app IS 'application';");
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let run = dump(tmp.path(), &db.url(), &tmp.path().join("schema"), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Dumped"), "{}", run.stdout);
    let first = read_tree(&tmp.path().join("schema"));
    assert!(
        first.contains_key(Path::new("schemas/app.sql")),
        "{first:?}"
    );

    let again = dump(tmp.path(), &db.url(), &tmp.path().join("again"), &[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(
        first,
        read_tree(&tmp.path().join("again")),
        "two dumps differ"
    );

    let flat = dump(
        tmp.path(),
        &db.url(),
        &tmp.path().join("flat"),
        &["--layout", "flat"],
    );
    assert_eq!(flat.code, 0, "{}", flat.stderr);
    let flat_tree = read_tree(&tmp.path().join("flat"));
    assert_eq!(
        flat_tree.keys().collect::<Vec<_>>(),
        vec![Path::new("schema.sql")]
    );
    assert!(flat_tree[Path::new("schema.sql")].contains("CREATE SCHEMA app;"));
}

#[test]
fn schemas_option_limits_scope() {
    let db = TestDb::new();
    db.exec("CREATE SCHEMA app; CREATE SCHEMA other;");
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tmp.path().join("schema");
    let run = dump(tmp.path(), &db.url(), &out, &["--schemas", "app"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let tree = read_tree(&out);
    assert!(tree.contains_key(Path::new("schemas/app.sql")));
    assert!(
        !tree.keys().any(|p| p.to_string_lossy().contains("other")),
        "{tree:?}"
    );
}

#[test]
fn refuses_a_non_empty_target_without_force_and_writes_nothing() {
    let db = TestDb::new();
    db.exec("CREATE SCHEMA app;");
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = tmp.path().join("schema");
    fs::create_dir_all(out.join("tables")).unwrap_or_else(|e| panic!("{e}"));
    fs::write(out.join("tables/mine.sql"), "-- my work\n").unwrap_or_else(|e| panic!("{e}"));
    let before = read_tree(&out);

    let run = dump(tmp.path(), &db.url(), &out, &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("not empty") && run.stderr.contains("--force"),
        "{}",
        run.stderr
    );
    assert_eq!(read_tree(&out), before, "the target changed");

    // --force replaces what dump wrote (a file of a table dropped since goes) and keeps the
    // rest: the quarantine, and files dump never names so (hand-written), with a warning.
    fs::create_dir_all(out.join("_pulled")).unwrap_or_else(|e| panic!("{e}"));
    fs::write(out.join("_pulled/x.sql"), "-- pulled\n").unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        out.join("tables/public.dropped_since.sql"),
        "CREATE TABLE x ();\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    fs::write(out.join("tables/notes.md"), "why\n").unwrap_or_else(|e| panic!("{e}"));
    let forced = dump(tmp.path(), &db.url(), &out, &["--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    let after = read_tree(&out);
    assert!(after.contains_key(Path::new("schemas/app.sql")));
    assert!(!after.contains_key(Path::new("tables/public.dropped_since.sql")));
    for (file, text) in [
        ("_pulled/x.sql", "-- pulled\n"),
        ("tables/mine.sql", "-- my work\n"),
        ("tables/notes.md", "why\n"),
    ] {
        assert_eq!(
            after.get(Path::new(file)).map(String::as_str),
            Some(text),
            "{file}"
        );
    }
    let warned: Vec<&str> = forced
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning: kept"))
        .collect();
    assert_eq!(
        warned,
        [
            format!(
                "warning: kept {}: dump never writes a file of that name, so it is not replaced",
                out.join("tables/mine.sql").display()
            ),
            format!(
                "warning: kept {}: dump never writes a file of that name, so it is not replaced",
                out.join("tables/notes.md").display()
            ),
        ],
        "{}",
        forced.stderr
    );
}

#[test]
fn unreachable_database_is_a_clear_error_and_leaves_no_output() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("{e}"));
    let url = format!("postgres://someone:s3cret-pw@127.0.0.1:{port}/nowhere");
    let out = tmp.path().join("schema");
    let run = dump(tmp.path(), &url, &out, &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("could not connect"), "{}", run.stderr);
    assert!(!run.stderr.contains("s3cret-pw") && !run.stdout.contains("s3cret-pw"));
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(!out.exists(), "a failed dump created the target");
    assert_eq!(
        fs::read_dir(tmp.path()).map(|d| d.count()).unwrap_or(99),
        0,
        "leftovers"
    );
}

#[test]
fn wrong_password_never_shows_the_password() {
    let db = TestDb::new();
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let url = format!(
        "postgres://postgres:Wrong-Pa55word@127.0.0.1:{}/{}",
        db.cluster.port(),
        db.name
    );
    let run = dump(tmp.path(), &url, &tmp.path().join("schema"), &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("password authentication failed")
            || run.stderr.contains("authentication"),
        "{}",
        run.stderr
    );
    for secret in ["Wrong-Pa55word", db.cluster.password()] {
        assert!(
            !run.stderr.contains(secret) && !run.stdout.contains(secret),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn help_lists_only_working_commands() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let help = pg_flux(tmp.path(), &["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("dump"));
    let version = pg_flux(tmp.path(), &["--version"]);
    assert!(version.stdout.starts_with("pg-flux "), "{}", version.stdout);
    let bad = pg_flux(
        tmp.path(),
        &["dump", "--output", "x", "--layout", "sideways"],
    );
    assert_eq!(bad.code, 2);
}

/// Long work shows its phases and counts on a terminal (a pseudo-terminal from util-linux's
/// `script`), and nothing at all when stderr is not one.
#[test]
fn progress_is_shown_on_a_terminal_and_only_there() {
    let db = TestDb::new();
    db.exec("CREATE TABLE public.a (id int); CREATE TABLE public.b (id int);");
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let plain = dump(tmp.path(), &db.url(), &tmp.path().join("plain"), &[]);
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    assert_eq!(plain.stderr, "", "progress drawn without a terminal");

    // With pg-flux's caches off, or in a cache directory of the test's own.
    let on_a_terminal = |output: &str, cache: Option<&std::path::Path>| {
        let command = format!(
            "'{}' dump --db '{}' --output {output}",
            pg_flux_tests::pg_flux_bin().display(),
            db.url()
        );
        let mut script = std::process::Command::new("script");
        script
            .args(["-qec", &command, "/dev/null"])
            .current_dir(tmp.path())
            .stdin(std::process::Stdio::null())
            .env_remove("DATABASE_URL");
        match cache {
            Some(dir) => script.env("XDG_CACHE_HOME", dir).env_remove("PGFLUX_CACHE"),
            None => script.env("PGFLUX_CACHE", "off"),
        };
        let out = script
            .output()
            .unwrap_or_else(|e| panic!("script (util-linux): {e}"));
        (
            out.status,
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (status, screen) = on_a_terminal("tty", None);
    assert!(status.success(), "{screen}");
    let dbname = db.url().rsplit('/').next().unwrap_or_default().to_string();
    let url = db.url();
    let host_port = url
        .rsplit_once('@')
        .and_then(|(_, rest)| rest.split_once('/'))
        .map(|(host_port, _)| host_port.to_string())
        .unwrap_or_else(|| panic!("no host:port in {url}"));
    for phase in [
        format!("connecting to {host_port}…\r\n"),
        format!("dump: reading the catalog of {dbname}: "),
        " queries in ".to_string(),
        "dump: writing files: 2 files in ".to_string(),
    ] {
        assert!(screen.contains(&phase), "{phase:?} not shown:\n{screen}");
    }
    assert!(tmp.path().join("tty/tables/public.a.sql").is_file());
    // Through the cache: the second dump does not read the catalog again, and says so.
    let cache = tmp.path().join("cache");
    let (status, screen) = on_a_terminal("tty-first", Some(&cache));
    assert!(status.success(), "{screen}");
    let (status, screen) = on_a_terminal("tty-second", Some(&cache));
    assert!(status.success(), "{screen}");
    let from_cache =
        format!("dump: catalog of {dbname}: unchanged since pg-flux last read it, from the cache");
    assert!(
        screen.contains(&from_cache),
        "{from_cache:?} not shown:\n{screen}"
    );
    assert!(
        !screen.contains("dump: reading the catalog"),
        "read again:\n{screen}"
    );
}
