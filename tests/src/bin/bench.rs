//! Benchmark: `pg-flux dump` against `pg_dump --schema-only` on the same synthetic database, in
//! the same run, on a throwaway cluster. Prints wall time, peak memory, their ratios, and
//! pg-flux's catalog query count, and `pg-flux verify` against the dumped tree; writes the
//! table to `bench/results/`.
//!
//! Usage: bench N [N …]   (numbers of tables; default 1000)

use std::fmt::Write as _;
use std::process::{Command, Stdio};
use std::time::Instant;

use pg_flux_tests::{block_on, client_tool, release_binary, repo_root, TestDb};

const RUNS: usize = 3;

fn main() {
    // `bench --sql N` prints the synthetic schema instead, for profiling by hand.
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--sql") {
        let n = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1000);
        print!("{}", synthetic_schema(n));
        return;
    }
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() { vec![1000] } else { sizes };
    let bin = release_binary();
    let mut report = String::new();
    let db0 = TestDb::new();
    let _ = writeln!(
        report,
        "# pg-flux dump vs pg_dump --schema-only\n\nPostgreSQL {}, {} runs each, median; machine: {}\n\n\
         | tables | objects | pg-flux dump | pg_dump | speed-up | pg-flux peak RSS | pg_dump peak RSS | catalog queries | pg-flux verify |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        db0.cluster.binaries().version,
        RUNS,
        machine()
    );
    for n in sizes {
        let db = TestDb::new();
        eprintln!("bench: generating {n} tables…");
        let sql = synthetic_schema(n);
        let file = std::env::temp_dir().join(format!("pg-flux-bench-{n}.sql"));
        std::fs::write(&file, sql).unwrap_or_else(|e| panic!("{e}"));
        db.load_file(&file);
        let _ = std::fs::remove_file(&file);
        let objects = db.query(
            "SELECT count(*) FROM pg_class WHERE relnamespace::regnamespace::text LIKE 'bench%'",
        );
        let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let target = out.path().join("schema");
        let target_s = target.to_string_lossy().into_owned();
        let url = db.url();
        let flux = measure(|| {
            let mut c = Command::new(&bin);
            c.args(["dump", "--db", &url, "--output", &target_s, "--force"]);
            c
        });
        // verify of the database against the tree just dumped (a clean verify: exit 0).
        let verify = measure(|| {
            let mut c = Command::new(&bin);
            c.args([
                "verify",
                "--db",
                &url,
                "--schema-dir",
                &target_s,
                "--strict",
            ]);
            c
        });
        let dump_file = out.path().join("pg_dump.sql");
        let dump_file_s = dump_file.to_string_lossy().into_owned();
        let pg_dump = client_tool("pg_dump", db.major());
        let native = measure(|| {
            let mut c = Command::new(&pg_dump);
            c.args([
                "--schema-only",
                "--no-password",
                "-d",
                &url,
                "-f",
                &dump_file_s,
            ]);
            c
        });
        let queries = block_on(pg_flux::commands::dump::read_catalog(
            &url,
            &pg_flux::inspect::Scope::default(),
        ))
        .map(|c| c.query_count)
        .unwrap_or(0);
        let _ = writeln!(
            report,
            "| {n} | {} | {:.2} s | {:.2} s | {:.1}× | {} MB | {} MB | {queries} | {:.2} s |",
            objects.trim(),
            flux.0,
            native.0,
            native.0 / flux.0.max(1e-9),
            flux.1 / 1024,
            native.1 / 1024,
            verify.0,
        );
        eprintln!("bench: {n} tables done");
    }
    println!("{report}");
    let results = repo_root().join("bench").join("results");
    let _ = std::fs::create_dir_all(&results);
    let name = results.join(format!("dump-{}.md", chrono_free_stamp()));
    match std::fs::write(&name, &report) {
        Ok(()) => eprintln!("bench: written to {}", name.display()),
        Err(e) => eprintln!("bench: could not write {}: {e}", name.display()),
    }
}

/// Median wall seconds and the maximum peak RSS (KiB) over `RUNS` runs. Children are reaped
/// with `wait4`, which also reports their peak memory.
#[allow(clippy::zombie_processes)]
fn measure(make: impl Fn() -> Command) -> (f64, i64) {
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..RUNS {
        let mut cmd = make();
        cmd.stdout(Stdio::null()).stderr(Stdio::null());
        let start = Instant::now();
        let child = cmd.spawn().unwrap_or_else(|e| panic!("{e}"));
        let mut status = 0;
        // SAFETY: rusage is plain data; wait4 fills it for our own child.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
        times.push(start.elapsed().as_secs_f64());
        assert!(
            libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
            "benchmarked command failed"
        );
        peak = peak.max(usage.ru_maxrss);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    (times[times.len() / 2], peak)
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    format!(
        "{} cores, {cpu}",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    )
}

fn chrono_free_stamp() -> String {
    let out = Command::new("date").args(["-u", "+%Y%m%d_%H%M%S"]).output();
    out.map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|_| "now".into())
}

/// N tables in schemas of 500: identity key, varied columns with defaults and checks, a
/// foreign key to the previous table, secondary and partial indexes, comments, grants; a
/// trigger, row-level security and a policy on every tenth table; per schema an enum, a domain,
/// a plpgsql trigger function, an SQL function with privileges, and views.
fn synthetic_schema(n: usize) -> String {
    let mut sql = String::from(
        "DO $$ BEGIN CREATE ROLE bench_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;\n",
    );
    for s in 0..n.div_ceil(500) {
        let _ = writeln!(
            sql,
            "CREATE SCHEMA bench{s};\n\
             CREATE TYPE bench{s}.status AS ENUM ('new', 'active', 'closed');\n\
             CREATE DOMAIN bench{s}.email AS text CHECK (VALUE ~ '@');\n\
             CREATE FUNCTION bench{s}.touch() RETURNS trigger LANGUAGE plpgsql AS \
             $$ BEGIN NEW.created_at := now(); RETURN NEW; END $$;\n\
             CREATE FUNCTION bench{s}.label(id bigint, name text) RETURNS text LANGUAGE sql \
             IMMUTABLE AS $$ SELECT id::text || ':' || name $$;\n\
             REVOKE EXECUTE ON FUNCTION bench{s}.label(bigint, text) FROM PUBLIC;\n\
             GRANT EXECUTE ON FUNCTION bench{s}.label(bigint, text) TO bench_reader;"
        );
    }
    for i in 0..n {
        let s = i / 500;
        let extra = i % 5;
        let _ = write!(
            sql,
            "CREATE TABLE bench{s}.t{i} (\n  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n  \
             name varchar(80) NOT NULL,\n  email bench{s}.email,\n  status bench{s}.status NOT NULL DEFAULT 'new',\n  \
             amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),\n  created_at timestamptz NOT NULL DEFAULT now(),\n  \
             tags text[],\n  payload jsonb,\n  parent_id bigint"
        );
        for c in 0..extra {
            let _ = write!(sql, ",\n  extra{c} integer DEFAULT {c}");
        }
        let _ = writeln!(sql, "\n);");
        if i % 500 != 0 {
            let _ = writeln!(
                sql,
                "ALTER TABLE bench{s}.t{i} ADD CONSTRAINT t{i}_parent_fk FOREIGN KEY (parent_id) REFERENCES bench{s}.t{} (id);",
                i - 1
            );
        }
        let _ = writeln!(
            sql,
            "CREATE INDEX t{i}_name ON bench{s}.t{i} (lower(name));\n\
             CREATE INDEX t{i}_open ON bench{s}.t{i} (created_at) WHERE status <> 'closed';\n\
             COMMENT ON TABLE bench{s}.t{i} IS 'table {i}';\n\
             COMMENT ON COLUMN bench{s}.t{i}.name IS 'display name';\n\
             GRANT SELECT ON bench{s}.t{i} TO bench_reader;"
        );
        if i % 10 == 0 {
            let _ = writeln!(
                sql,
                "CREATE TRIGGER t{i}_touch BEFORE UPDATE ON bench{s}.t{i} FOR EACH ROW EXECUTE FUNCTION bench{s}.touch();\n\
                 ALTER TABLE bench{s}.t{i} ENABLE ROW LEVEL SECURITY;\n\
                 CREATE POLICY t{i}_visible ON bench{s}.t{i} FOR SELECT TO bench_reader USING (status <> 'closed');"
            );
        }
        if i % 50 == 0 {
            let _ = writeln!(
                sql,
                "CREATE VIEW bench{s}.v{i} AS SELECT id, name, status FROM bench{s}.t{i} WHERE status = 'active';"
            );
        }
    }
    sql
}
