//! The README's quick start, run as written (the install step aside: the binary under test is
//! put on PATH), against a database reached over TCP with a password, as a remote one is.

use std::process::Command;

use pg_flux_tests::{pg_flux_bin, repo_root, TestDb};

/// The first ```sh block after the `## Quick start` heading.
fn quick_start() -> String {
    let readme = std::fs::read_to_string(repo_root().join("README.md"))
        .unwrap_or_else(|e| panic!("README.md: {e}"));
    let section = readme
        .split("\n## Quick start")
        .nth(1)
        .unwrap_or_else(|| panic!("README.md has no Quick start section"));
    let block = section
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .unwrap_or_else(|| panic!("the Quick start section has no sh block"));
    block.to_string()
}

#[test]
fn the_quick_start_runs_as_written() {
    let db = TestDb::new();
    db.exec("CREATE TABLE public.customers (id integer PRIMARY KEY, name text);");
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut script = String::from("set -euo pipefail\n");
    for line in quick_start().lines() {
        let command = line.split("  #").next().unwrap_or(line).trim_end();
        if command.starts_with("cargo install") {
            continue; // the binary under test is on PATH
        } else if let Some(dir) = command.strip_prefix("cd ") {
            script.push_str(&format!("mkdir -p {dir} && cd {dir}\n"));
        } else if command.starts_with("export DATABASE_URL=") {
            script.push_str("export DATABASE_URL=\"$TEST_DATABASE_URL\"\n");
        } else if command.starts_with("pg-flux migrate generate") {
            // "after editing db/schema": a new table.
            script.push_str(
                "echo 'CREATE TABLE public.orders (id integer PRIMARY KEY, customer integer REFERENCES public.customers);' \
                 > db/schema/tables/public.orders.sql\n",
            );
            script.push_str(&format!("{command}\n"));
        } else {
            script.push_str(&format!("{command}\n"));
        }
    }
    let bin_dir = pg_flux_bin()
        .parent()
        .map(|p| p.to_path_buf())
        .unwrap_or_default();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["-c", &script])
        .current_dir(tmp.path())
        .env("PATH", path)
        .env("TEST_DATABASE_URL", db.url())
        .env_remove("DATABASE_URL")
        .output()
        .unwrap_or_else(|e| panic!("bash: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the quick start failed:\n{script}\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    );
    let project = tmp.path().join("my-project");
    assert!(project
        .join("db/schema/tables/public.customers.sql")
        .is_file());
    assert!(
        stdout.contains("verify: clean — every live object is declared in source."),
        "{stdout}"
    );
    let migrations: Vec<_> = std::fs::read_dir(project.join("db/migrations"))
        .unwrap_or_else(|e| panic!("db/migrations: {e}"))
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(migrations.len(), 1, "{migrations:?}");
    let migration = std::fs::read_to_string(&migrations[0]).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        migration.contains("CREATE TABLE public.orders")
            && migrations[0].to_string_lossy().ends_with("_add_orders.sql"),
        "{migration}"
    );
}
