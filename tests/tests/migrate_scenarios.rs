//! The change corpus (`tests/migrate-scenarios/<name>/{before,after}.sql`), every major under
//! test: load before.sql into D; load after.sql into A and dump it as the source; generate a
//! migration against D and apply it with psql (ON_ERROR_STOP); generate again → 0 statements;
//! pg_dump --schema-only and pg-flux's dump of D then equal those of A.
//! `PGFLUX_SCENARIOS=a,b` runs only the named scenarios.

use std::path::{Path, PathBuf};

use pg_flux::commands::migrate::{generate, MigrateOptions};
use pg_flux::inspect::Scope;
use pg_flux::migrate::PlanOptions;
use pg_flux::shadow::ShadowTarget;
use pg_flux_tests::{block_on, dump_tree, majors, render_tree, repo_root, TestDb};

fn scenarios() -> Vec<String> {
    let dir = repo_root().join("tests").join("migrate-scenarios");
    let only: Option<Vec<String>> = std::env::var("PGFLUX_SCENARIOS")
        .ok()
        .map(|s| s.split(',').map(str::to_string).collect());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter(|e| e.path().join("before.sql").is_file() && e.path().join("after.sql").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| only.as_ref().is_none_or(|o| o.contains(n)))
        .collect();
    names.sort();
    names
}

fn migrate(
    db: &TestDb,
    schema: &Path,
    shadow: &TestDb,
    out: &Path,
) -> Result<(PathBuf, usize), String> {
    let options = MigrateOptions {
        conninfo: db.url(),
        schema_dir: schema.to_path_buf(),
        migrations_dir: out.to_path_buf(),
        label: "change".into(),
        shadow: ShadowTarget::Url(shadow.url()),
        scope: Scope::default(),
        no_destructive: false,
        plan: PlanOptions::default(),
    };
    block_on(generate(&options))
        .map(|r| (r.path, r.statements))
        .map_err(|e| format!("generate: {e}"))
}

/// The first differing line of two texts, for a short failure message.
fn first_difference(a: &str, b: &str) -> String {
    a.lines()
        .zip(b.lines())
        .find(|(x, y)| x != y)
        .map(|(x, y)| format!("{x:?} vs {y:?}"))
        .unwrap_or_else(|| "one is a prefix of the other".into())
}

fn check(name: &str, major: u32, shadow: &TestDb) -> Result<(), String> {
    let dir = repo_root()
        .join("tests")
        .join("migrate-scenarios")
        .join(name);
    let d = TestDb::on(major);
    d.try_load_file(&dir.join("before.sql"))
        .map_err(|e| format!("before.sql: {e}"))?;
    let a = TestDb::on(major);
    a.try_load_file(&dir.join("after.sql"))
        .map_err(|e| format!("after.sql: {e}"))?;
    let tree = dump_tree(&a);
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    let schema = work.path().join("schema");
    std::fs::create_dir_all(&schema).map_err(|e| e.to_string())?;
    pg_flux::layout::write_tree(&schema, &tree, true).map_err(|e| e.to_string())?;
    let migrations = work.path().join("migrations");

    let (path, n) = migrate(&d, &schema, shadow, &migrations)?;
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    if n == 0 && dump_tree(&d) != tree {
        return Err(format!("0 statements, but D differs from A\n{text}"));
    }
    d.try_load_file(&path)
        .map_err(|e| format!("migration does not apply: {}\n{text}", e.trim()))?;
    let (again, n) = migrate(&d, &schema, shadow, &migrations)?;
    if n != 0 {
        let second = std::fs::read_to_string(&again).unwrap_or_default();
        return Err(format!(
            "second generate: {n} statements\n--- first:\n{text}--- second:\n{second}"
        ));
    }
    let (dump_d, dump_a) = (d.pg_dump_schema(), a.pg_dump_schema());
    if dump_d != dump_a {
        return Err(format!(
            "pg_dump of D and A differ: {}\n{text}",
            first_difference(&dump_d, &dump_a)
        ));
    }
    let (tree_d, tree_a) = (render_tree(&dump_tree(&d)), render_tree(&tree));
    if tree_d != tree_a {
        return Err(format!(
            "pg-flux dump of D and A differ: {}",
            first_difference(&tree_d, &tree_a)
        ));
    }
    Ok(())
}

#[test]
fn every_scenario_converges_on_every_major() {
    let names = scenarios();
    assert!(names.len() >= 60 || std::env::var("PGFLUX_SCENARIOS").is_ok());
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = majors()
            .into_iter()
            .map(|major| {
                let names = &names;
                scope.spawn(move || {
                    let shadow = TestDb::on(major);
                    names
                        .iter()
                        .filter_map(|n| {
                            check(n, major, &shadow)
                                .err()
                                .map(|e| format!("PostgreSQL {major}, {n}: {e}"))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|_| vec!["a thread panicked".into()])
            })
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} scenario runs failed:\n{}",
        failures.len(),
        names.len() * majors().len(),
        failures.join("\n\n")
    );
}
