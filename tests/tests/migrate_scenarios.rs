//! The change corpus (`tests/migrate-scenarios/<name>/{before,after}.sql`), every major under
//! test: load before.sql (schema and rows) into D; load after.sql into A and dump it as the
//! source (after.sql itself is the source when it carries `-- pg-flux: renamed from`
//! annotations, which a dump cannot hold); generate a migration against D and apply it with
//! psql (ON_ERROR_STOP); generate again → 0 statements; pg_dump --schema-only and pg-flux's
//! dump of D then equal those of A.
//!
//! The data must survive: every table of D keeps its rows (same table, by OID, so a rename
//! keeps it and a drop and re-create does not), and every column that still exists keeps its
//! values (a checksum when its type is unchanged, its count of non-NULL values when the type
//! changed), unless a data-loss hazard line names the table or column. The migration's
//! `-- hazard:` lines are exactly those `hazards.txt` lists (one substring per line; no file,
//! no hazard), and it drops no table that after.sql still has. A scenario's `check.sql`, if
//! any, runs last against the migrated database and must succeed.
//! `PGFLUX_SCENARIOS=a,b` runs only the named scenarios.

use std::collections::BTreeMap;
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
        partial_shadow: true,
        scope: Scope::default(),
        default_schema: "public".into(),
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

/// A table's rows as the data check sees them: its row count, and per column (by number)
/// the column's name, type, non-NULL count and a checksum of its values.
#[derive(Debug, Clone, PartialEq)]
struct TableRows {
    name: String,
    rows: i64,
    columns: BTreeMap<i32, ColumnValues>,
}

#[derive(Debug, Clone, PartialEq)]
struct ColumnValues {
    name: String,
    data_type: String,
    non_null: i64,
    checksum: String,
}

/// Every user table's rows in `db`, by OID.
fn table_rows(db: &TestDb) -> BTreeMap<u32, TableRows> {
    let columns = db.query(
        "SELECT c.oid, pg_catalog.format('%I.%I', n.nspname, c.relname), a.attnum, a.attname, \
                pg_catalog.format_type(a.atttypid, a.atttypmod), pg_catalog.quote_ident(a.attname) \
         FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped \
         WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') \
           AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1, 3",
    );
    let mut tables: BTreeMap<u32, TableRows> = BTreeMap::new();
    let mut selects = Vec::new();
    for line in columns.lines() {
        let f: Vec<&str> = line.split('|').collect();
        let [oid, table, num, column, data_type, quoted] = f[..] else {
            continue;
        };
        let (Ok(oid), Ok(num)) = (oid.parse::<u32>(), num.parse::<i32>()) else {
            continue;
        };
        let entry = tables.entry(oid).or_insert_with(|| {
            selects.push(format!("SELECT {oid}, 0, count(*), '' FROM ONLY {table}"));
            TableRows {
                name: table.to_string(),
                rows: 0,
                columns: BTreeMap::new(),
            }
        });
        entry.columns.insert(
            num,
            ColumnValues {
                name: column.to_string(),
                data_type: data_type.to_string(),
                non_null: 0,
                checksum: String::new(),
            },
        );
        selects.push(format!(
            "SELECT {oid}, {num}, count({quoted}), pg_catalog.md5(coalesce(pg_catalog.string_agg({quoted}::text, ',' \
             ORDER BY {quoted}::text COLLATE \"C\"), '')) FROM ONLY {table}"
        ));
    }
    if selects.is_empty() {
        return tables;
    }
    for line in db.query(&selects.join("\nUNION ALL ")).lines() {
        let f: Vec<&str> = line.split('|').collect();
        let [oid, num, count, checksum] = f[..] else {
            continue;
        };
        let (Ok(oid), Ok(num), Ok(count)) = (oid.parse(), num.parse(), count.parse()) else {
            continue;
        };
        let Some(table) = tables.get_mut(&oid) else {
            continue;
        };
        match table.columns.get_mut(&num) {
            Some(c) => {
                c.non_null = count;
                c.checksum = checksum.to_string();
            }
            None => table.rows = count,
        }
    }
    tables
}

/// What the data-loss hazard lines (not the lock ones) say may be lost: whole tables, and
/// columns as `table.column`.
fn lost_by_hazards(hazards: &[&str], table: &str, column: &str) -> bool {
    hazards
        .iter()
        .filter(|h| !h.starts_with("locks "))
        .any(|h| {
            h.match_indices(table).any(|(at, _)| {
                let rest = &h[at + table.len()..];
                match rest.strip_prefix('.') {
                    Some(col) => {
                        col.starts_with(column)
                            && !col[column.len()..]
                                .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    }
                    None => !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_'),
                }
            })
        })
}

/// The rows of `before` that the migration did not keep, one line each.
fn lost_rows(
    before: &BTreeMap<u32, TableRows>,
    after: &BTreeMap<u32, TableRows>,
    hazards: &[&str],
) -> Vec<String> {
    let mut lost = Vec::new();
    for (oid, b) in before.iter().filter(|(_, b)| b.rows > 0) {
        if lost_by_hazards(hazards, &b.name, "") {
            continue;
        }
        let Some(a) = after.get(oid) else {
            lost.push(format!("table {} and its {} rows are gone", b.name, b.rows));
            continue;
        };
        if a.rows != b.rows {
            lost.push(format!(
                "{}: {} rows before, {} after",
                b.name, b.rows, a.rows
            ));
        }
        for (num, bc) in &b.columns {
            let Some(ac) = a.columns.get(num) else {
                continue;
            };
            if lost_by_hazards(hazards, &a.name, &ac.name)
                || lost_by_hazards(hazards, &b.name, &bc.name)
            {
                continue;
            }
            if bc.non_null != ac.non_null {
                lost.push(format!(
                    "{}.{}: {} values before, {} after",
                    a.name, ac.name, bc.non_null, ac.non_null
                ));
            } else if bc.data_type == ac.data_type && bc.checksum != ac.checksum {
                lost.push(format!("{}.{}: the values changed", a.name, ac.name));
            }
        }
    }
    lost
}

/// Hazard lines that `hazards.txt` does not expect, and expectations no line meets.
fn hazard_mismatches(dir: &Path, hazards: &[&str]) -> Vec<String> {
    let expected: Vec<String> = std::fs::read_to_string(dir.join("hazards.txt"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let mut out: Vec<String> = hazards
        .iter()
        .filter(|h| !expected.iter().any(|e| h.contains(e.as_str())))
        .map(|h| format!("unexpected hazard: {h}"))
        .collect();
    out.extend(
        expected
            .iter()
            .filter(|e| !hazards.iter().any(|h| h.contains(e.as_str())))
            .map(|e| format!("missing hazard: {e}")),
    );
    out
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
    let after = std::fs::read_to_string(dir.join("after.sql")).map_err(|e| e.to_string())?;
    if after.contains("-- pg-flux: renamed from") {
        std::fs::write(schema.join("schema.sql"), &after).map_err(|e| e.to_string())?;
    } else {
        pg_flux::layout::write_tree(&schema, &tree, true).map_err(|e| e.to_string())?;
    }
    let migrations = work.path().join("migrations");
    let rows_before = table_rows(&d);

    let (path, n) = migrate(&d, &schema, shadow, &migrations)?;
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    if n == 0 && dump_tree(&d) != tree {
        return Err(format!("0 statements, but D differs from A\n{text}"));
    }
    let hazards: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("-- hazard: "))
        .collect();
    let mismatches = hazard_mismatches(&dir, &hazards);
    if !mismatches.is_empty() {
        return Err(format!("{}\n{text}", mismatches.join("\n")));
    }
    for dropped in text.lines().filter_map(|l| l.strip_prefix("DROP TABLE ")) {
        let table = dropped.trim_end_matches(';').trim_end_matches(" CASCADE");
        let literal = table.replace('\'', "''");
        if a.query(&format!(
            "SELECT pg_catalog.to_regclass('{literal}') IS NOT NULL"
        )) == "t"
        {
            return Err(format!(
                "drops table {table}, which after.sql keeps\n{text}"
            ));
        }
    }
    d.try_load_file(&path)
        .map_err(|e| format!("migration does not apply: {}\n{text}", e.trim()))?;
    let lost = lost_rows(&rows_before, &table_rows(&d), &hazards);
    if !lost.is_empty() {
        return Err(format!(
            "data lost without a hazard saying so: {}\n{text}",
            lost.join("; ")
        ));
    }
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
    // What the application does next must work on the migrated database (the next row of
    // an identity column added to a filled table, say).
    let after_check = dir.join("check.sql");
    if after_check.is_file() {
        d.try_load_file(&after_check)
            .map_err(|e| format!("check.sql after the migration: {}\n{text}", e.trim()))?;
    }
    Ok(())
}

#[test]
fn every_scenario_converges_on_every_major() {
    let names = scenarios();
    assert!(names.len() >= 200 || std::env::var("PGFLUX_SCENARIOS").is_ok());
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
