//! The parse cache through the CLI: `pg-flux verify` run after run with a cache directory
//! answers what it answers with caches off, parses only the files that changed, and sees an
//! edit (a table no longer declared) at once.

use std::path::Path;

use pg_flux_tests::{pg_flux, pg_flux_cached, read_tree, Run, TestDb};

/// `pg-flux verify --strict` on `schema` in `cwd`, with the caches in `cache` (`None`: caches off).
fn verify(cwd: &Path, db: &TestDb, cache: Option<&Path>) -> Run {
    let url = db.url();
    let args = ["verify", "--strict", "--db", &url, "--schema-dir", "schema"];
    Run::of(pg_flux_cached(cwd, &args, cache))
}

/// The run's `source cache: N of M files parsed` line, as (N, M).
fn parsed(run: &Run) -> (usize, usize) {
    let line = run
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("source cache: "))
        .unwrap_or_else(|| panic!("no source cache line:\n{}", run.stderr));
    let numbers: Vec<usize> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    match numbers[..] {
        [n, m] => (n, m),
        _ => panic!("unexpected: {line}"),
    }
}

/// The cached run answers as the uncached one does: same exit code, same report.
fn assert_same_answer(cached: &Run, fresh: &Run) {
    assert_eq!(
        (cached.code, &cached.stdout),
        (fresh.code, &fresh.stdout),
        "cached:\n{}\nfresh:\n{}",
        cached.stderr,
        fresh.stderr
    );
}

#[test]
fn verify_from_the_cache_answers_as_without_it_and_sees_an_edit() {
    let db = TestDb::new();
    db.exec(
        "CREATE TABLE kept (id int PRIMARY KEY, note text); \
         CREATE TABLE dropped_from_source (id int PRIMARY KEY, at timestamptz); \
         CREATE INDEX kept_note ON kept (note); \
         CREATE VIEW kept_notes AS SELECT note FROM kept;",
    );
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cache = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dump = pg_flux(
        tmp.path(),
        &["dump", "--db", &db.url(), "--output", "schema"],
    );
    assert_eq!(dump.code, 0, "dump failed: {}", dump.stderr);
    let schema = tmp.path().join("schema");
    let files = read_tree(&schema)
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .count();
    assert!(files >= 4, "{files} files");

    // Cold: every file parsed; warm: none.
    let first = verify(tmp.path(), &db, Some(cache.path()));
    assert_eq!(parsed(&first), (files, files), "{}", first.stderr);
    let fresh = verify(tmp.path(), &db, None);
    assert!(
        !fresh.stderr.contains("source cache:"),
        "caches off: {}",
        fresh.stderr
    );
    assert_eq!(fresh.code, 0, "{}\n{}", fresh.stdout, fresh.stderr);
    assert_same_answer(&first, &fresh);
    let second = verify(tmp.path(), &db, Some(cache.path()));
    assert_eq!(parsed(&second), (0, files), "{}", second.stderr);
    assert_same_answer(&second, &fresh);

    // One file no longer declares the table: parsed again, and the table is now undeclared.
    let declaring: Vec<_> = read_tree(&schema)
        .into_iter()
        .filter(|(_, text)| text.contains("CREATE TABLE public.dropped_from_source"))
        .map(|(path, _)| schema.join(path))
        .collect();
    assert_eq!(declaring.len(), 1, "{declaring:?}");
    std::fs::write(&declaring[0], "-- moved away\n").unwrap_or_else(|e| panic!("{e}"));
    let edited = verify(tmp.path(), &db, Some(cache.path()));
    assert_eq!(parsed(&edited), (1, files), "{}", edited.stderr);
    let fresh = verify(tmp.path(), &db, None);
    assert_ne!(fresh.code, 0, "{}", fresh.stdout);
    assert_ne!(fresh.stdout, second.stdout);
    assert!(
        fresh.stdout.contains("- public.dropped_from_source"),
        "{}",
        fresh.stdout
    );
    assert_same_answer(&edited, &fresh);
    // And the entry was written anew: nothing to parse on the next run.
    let again = verify(tmp.path(), &db, Some(cache.path()));
    assert_eq!(parsed(&again), (0, files), "{}", again.stderr);
    assert_same_answer(&again, &fresh);
}
