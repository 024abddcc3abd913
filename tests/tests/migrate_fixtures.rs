//! `migrate generate` on the bundled fixtures, every major under test: after `dump`, it writes
//! 0 statements; against an empty database it writes one migration that loads with psql and
//! gives back the original (pg_dump --schema-only and pg-flux's dump identical), after which
//! it writes 0 statements again (product.md, round-trip points 1 and 4).

use std::path::Path;

use pg_flux_tests::{
    assert_same_text, dump_tree, fixtures, load_fixture, majors, pg_flux, render_tree, TestDb,
};

/// Runs `migrate generate`; returns the migration's path and statement count.
fn generate(db: &TestDb, schema: &Path, shadow: Option<&TestDb>) -> (std::path::PathBuf, usize) {
    let dir = schema.parent().unwrap_or(schema);
    let url = db.url();
    let schema_arg = schema.display().to_string();
    let migrations = dir.join("migrations").display().to_string();
    let mut args = vec![
        "migrate",
        "generate",
        "--db",
        &url,
        "--schema-dir",
        &schema_arg,
        "--migrations-dir",
        &migrations,
        "--label",
        "baseline-dump",
    ];
    let shadow_url = shadow.map(TestDb::url);
    if let Some(s) = &shadow_url {
        args.extend(["--shadow-db", s.as_str()]);
    }
    let run = pg_flux(dir, &args);
    assert_eq!(
        run.code,
        0,
        "PostgreSQL {}: migrate generate failed: {}",
        db.major(),
        run.stderr
    );
    run.generated()
}

fn check(fixture: &str, major: u32) {
    let d = TestDb::on(major);
    load_fixture(&d, fixture);
    let tree = dump_tree(&d);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let schema = dir.path().join("schema");
    pg_flux::layout::write_tree(&schema, &tree, false).unwrap_or_else(|e| panic!("write: {e}"));
    let shadow = TestDb::on(major);

    let (path, n) = generate(&d, &schema, Some(&shadow));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(n, 0, "PostgreSQL {major}, {fixture}: after dump:\n{text}");
    assert!(path
        .file_name()
        .is_some_and(|f| f.to_string_lossy().ends_with("_baseline-dump.sql")));

    let e = TestDb::on(major);
    let (path, n) = generate(&e, &schema, Some(&shadow));
    assert!(
        n > 0,
        "PostgreSQL {major}, {fixture}: nothing generated for an empty database"
    );
    if let Err(message) = e.try_load_file(&path) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        panic!("PostgreSQL {major}, {fixture}: the migration does not load:\n{message}\n{text}");
    }
    assert_same_text(
        &d.pg_dump_schema(),
        &e.pg_dump_schema(),
        &format!("PostgreSQL {major}, {fixture}: pg_dump of D and of E migrated from empty"),
    );
    assert_same_text(
        &render_tree(&tree),
        &render_tree(&dump_tree(&e)),
        &format!("PostgreSQL {major}, {fixture}: pg-flux dump of D and of E"),
    );
    let (path, n) = generate(&e, &schema, Some(&shadow));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        n, 0,
        "PostgreSQL {major}, {fixture}: after migrating:\n{text}"
    );
}

#[test]
fn every_fixture_converges_on_every_major() {
    let fixtures = fixtures();
    std::thread::scope(|scope| {
        for major in majors() {
            let fixtures = &fixtures;
            scope.spawn(move || {
                for fixture in fixtures {
                    check(fixture, major);
                }
            });
        }
    });
}

/// The default shadow: a throwaway cluster of the live server's major.
#[test]
fn the_embedded_shadow_finds_a_dump_clean() {
    let d = TestDb::new();
    load_fixture(&d, "01_saas_app");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let schema = dir.path().join("schema");
    pg_flux::layout::write_tree(&schema, &dump_tree(&d), false)
        .unwrap_or_else(|e| panic!("write: {e}"));
    let (_, n) = generate(&d, &schema, None);
    assert_eq!(n, 0);
}
