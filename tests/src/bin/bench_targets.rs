//! Issue 20's table of targets, with the figures the issue started from ("then") beside the
//! latest measured ones: read from the newest `bench/results/dump-*.md` that has a 10,000-table
//! row and the newest `bench/results/lsp-db-*.md`. `bench/run.sh` prints it last.
//!
//! Usage: bench_targets

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use pg_flux_tests::repo_root;

const TABLES: &str = "10000";

/// The header → cell of the first table row in `text` whose first cell is `first` (any row
/// when `None`).
fn row(text: &str, first: Option<&str>) -> Option<HashMap<String, String>> {
    let cells = |line: &str| -> Vec<String> {
        line.trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let mut lines = text.lines().filter(|l| l.starts_with('|'));
    let header = cells(lines.next()?);
    lines
        .filter(|l| !l.starts_with("|--") && !l.starts_with("|:-") && !l.contains("---"))
        .map(cells)
        .find(|c| first.is_none_or(|f| c.first().is_some_and(|x| x == f)))
        .map(|c| header.into_iter().zip(c).collect())
}

/// The newest results file named `<prefix>*.md` whose table has the row `first`.
fn newest(
    dir: &Path,
    prefix: &str,
    first: Option<&str>,
) -> Option<(PathBuf, HashMap<String, String>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".md"))
        })
        .collect();
    files.sort();
    files.into_iter().rev().find_map(|p| {
        let text = std::fs::read_to_string(&p).ok()?;
        row(&text, first).map(|r| (p, r))
    })
}

/// The number a cell starts with, in the unit it gives (`1.49 s`, `1487.1 ms`, `721 MB`, `1.0×`).
fn number(cell: &str) -> Option<f64> {
    let digits: String = cell
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let value: f64 = digits.parse().ok()?;
    Some(if cell.contains(" ms") {
        value / 1000.0
    } else {
        value
    })
}

fn main() {
    let dir = repo_root().join("bench").join("results");
    let dump = newest(&dir, "dump-", Some(TABLES));
    let lsp = newest(&dir, "lsp-db-", None);
    let get = |source: &Option<(PathBuf, HashMap<String, String>)>, column: &str| -> String {
        source
            .as_ref()
            .and_then(|(_, r)| r.get(column).cloned())
            .unwrap_or_else(|| "not measured".to_string())
    };
    // (what, then, now, target, met when the number is at most / at least this).
    type Row<'a> = (&'a str, &'a str, String, &'a str, Option<(bool, f64)>);
    let rows: Vec<Row> = vec![
        (
            "language server: drift after a save that changes one declaration (p95 of 10)",
            "25.6 s",
            get(&lsp, "save → drift p95"),
            "≤ 2 s",
            Some((true, 2.0)),
        ),
        (
            "language server: refresh with nothing changed (p95)",
            "25–26 s",
            get(&lsp, "refresh p95"),
            "≤ 1 s",
            Some((true, 1.0)),
        ),
        (
            "language server: resident memory, dumped 10,000-table workspace (at the end)",
            "708–980 MB",
            get(&lsp, "RSS at end"),
            "≤ 300 MB",
            Some((true, 300.0)),
        ),
        (
            "`migrate generate`, 0 changes, second run (median of 3 runs)",
            "29.6–31.5 s",
            get(&dump, "migrate, 0 changes"),
            "≤ 3 s",
            Some((true, 3.0)),
        ),
        (
            "`migrate generate`, one file changed, second run (median of 3 runs)",
            "≈ 30 s",
            get(&dump, "migrate, 1 file changed"),
            "≤ 5 s",
            Some((true, 5.0)),
        ),
        (
            "`migrate generate`, first run (cold caches, median of 3 runs)",
            "29.6–31.5 s",
            get(&dump, "migrate, first run"),
            "≤ 20 s",
            Some((true, 20.0)),
        ),
        (
            "`verify`, second run (median of 3 runs)",
            "2.9–3.1 s",
            get(&dump, "verify, second run"),
            "≤ 1 s",
            Some((true, 1.0)),
        ),
        (
            "`verify`, first run (cold caches, median of 3 runs)",
            "2.9–3.1 s",
            get(&dump, "verify, first run"),
            "≤ 2 s",
            Some((true, 2.0)),
        ),
        (
            "`dump` vs `pg_dump --schema-only` (first run, cold caches)",
            "1.05×",
            get(&dump, "speed-up"),
            "≥ 2×",
            Some((false, 2.0)),
        ),
        (
            "`dump` vs `pg_dump --schema-only` (second run, database unchanged)",
            "1.05×",
            get(&dump, "speed-up, second run"),
            "≥ 2×",
            Some((false, 2.0)),
        ),
    ];
    println!("# Issue 20's targets at {TABLES} tables\n");
    println!("| what | then | now | target | met |\n|---|---:|---:|---:|---|");
    for (what, then, now, target, bound) in rows {
        let met = match (bound, number(&now)) {
            (Some((at_most, limit)), Some(value)) => {
                let ok = if at_most {
                    value <= limit
                } else {
                    value >= limit
                };
                if ok {
                    "yes"
                } else {
                    "no"
                }
            }
            _ => "—",
        };
        println!("| {what} | {then} | {now} | {target} | {met} |");
    }
    println!();
    for (name, source) in [("dump", &dump), ("lsp-db", &lsp)] {
        match source {
            Some((path, _)) => println!("- {name}: {}", path.display()),
            None => println!("- {name}: no results file yet"),
        }
    }
}
