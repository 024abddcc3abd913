//! The round-trip corpus: every `*.sql` file under `tests/round-trip-corpus/` is one real-world
//! shape, loaded into a fresh database D on every major under test and put through the whole
//! round-trip promise in both layouts (`assert_full_round_trip`): the flat file loads with psql
//! and pg_dump of the copy is identical text; the per-kind tree gives `migrate generate` = 0
//! statements against D, and from an empty database a migration whose result pg_dump finds
//! identical. A scenario is a file; adding one adds a test per major.
//!
//! A scenario's leading comment lines may say:
//! - `-- roles: a, b` — cluster roles the scenario uses (created if missing, `NOLOGIN`);
//! - `-- min-major: 15` / `-- max-major: 16` — the majors the shape exists on (on the others it
//!   is not a test at all, so it is neither run nor counted).
//!
//! Run one with `cargo test --test corpus -- privileges/` (a name filter, as libtest's), and the
//! known gaps with `PGFLUX_CORPUS_DIR=tests/round-trip-corpus-gaps`.

use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};
use pg_flux_tests::{assert_full_round_trip, majors, repo_root, TestDb};

/// What a scenario's header says.
#[derive(Debug, Default)]
struct Header {
    roles: Vec<String>,
    min_major: Option<u32>,
    max_major: Option<u32>,
}

fn header(text: &str) -> Result<Header, String> {
    let mut h = Header::default();
    for line in text.lines().take_while(|l| l.starts_with("--")) {
        let line = line.trim_start_matches('-').trim();
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        let major = || {
            value
                .parse::<u32>()
                .map_err(|_| format!("bad major {value:?} in `{line}`"))
        };
        match key.trim() {
            "roles" => h.roles.extend(
                value
                    .split(',')
                    .map(|r| r.trim().to_string())
                    .filter(|r| !r.is_empty()),
            ),
            "min-major" => h.min_major = Some(major()?),
            "max-major" => h.max_major = Some(major()?),
            _ => {}
        }
    }
    Ok(h)
}

fn scenarios(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            scenarios(&path, out);
        } else if path.extension().is_some_and(|e| e == "sql") {
            out.push(path);
        }
    }
}

fn run(file: &Path, header: &Header, major: u32) -> Result<(), Failed> {
    let d = TestDb::on(major);
    for role in &header.roles {
        let quoted = format!("\"{}\"", role.replace('"', "\"\""));
        d.exec(&format!(
            "DO $$ BEGIN CREATE ROLE {} NOLOGIN; \
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
            quoted
        ));
    }
    d.try_load_file(file)
        .map_err(|e| format!("the scenario does not load on PostgreSQL {major}: {e}"))?;
    assert_full_round_trip(&d);
    Ok(())
}

fn main() {
    let mut args = Arguments::from_args();
    // Thousands of trials: a dot each, unless a format is asked for (`--format pretty`).
    if args.format.is_none() {
        args.quiet = true;
    }
    // `PGFLUX_CORPUS_DIR` runs another folder of scenarios (the known gaps, say) the same way.
    let root = std::env::var_os("PGFLUX_CORPUS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("tests/round-trip-corpus"));
    let mut files = Vec::new();
    scenarios(&root, &mut files);
    files.sort();
    let majors = majors();
    let mut trials = Vec::new();
    for file in files {
        let name = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .with_extension("")
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{name}: {e}"));
        let header = match header(&text) {
            Ok(h) => std::sync::Arc::new(h),
            Err(e) => {
                trials.push(Trial::test(name, move || Err(e.into())));
                continue;
            }
        };
        for &major in &majors {
            if header.min_major.is_some_and(|m| major < m)
                || header.max_major.is_some_and(|m| major > m)
            {
                continue;
            }
            let (file, header) = (file.clone(), header.clone());
            trials.push(Trial::test(format!("pg{major}::{name}"), move || {
                run(&file, &header, major)
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
