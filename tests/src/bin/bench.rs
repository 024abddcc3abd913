//! Benchmark: `pg-flux dump` against `pg_dump --schema-only` on the same synthetic database, in
//! the same run, on a throwaway cluster: wall time, CPU time, peak memory and their ratios,
//! pg-flux's catalog query count, `pg-flux verify` against the dumped tree, and
//! `pg-flux migrate generate` right after the dump (zero statements, checked) with its shadow
//! load time, and after one file is added to the tree (one statement, checked). Writes the
//! table to `bench/results/`.
//!
//! Usage: bench N [N …]   (numbers of tables; default 1000)

use std::fmt::Write as _;
use std::process::{Command, Stdio};
use std::time::Instant;

use pg_flux_tests::bench_schema::{load_synthetic, synthetic_schema};
use pg_flux_tests::{block_on, client_tool, machine, release_binary, repo_root, utc_stamp, TestDb};

/// Runs per command (median): 3, or 1 from 50,000 tables on (each run takes minutes there).
fn runs(tables: usize) -> usize {
    if tables >= 50_000 {
        1
    } else {
        3
    }
}

/// The benchmark's own cache directory (`XDG_CACHE_HOME` of every command it runs), so that
/// the user's caches neither help nor suffer.
fn cache_home() -> &'static std::path::Path {
    static HOME: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    HOME.get_or_init(|| {
        std::env::temp_dir().join(format!("pg-flux-bench-cache-{}", std::process::id()))
    })
}

/// Empties pg-flux's caches of runs (not the server builds and initdb templates kept there).
fn clear_caches() {
    for cache in ["catalogs", "source"] {
        let _ = std::fs::remove_dir_all(cache_home().join("pg-flux").join(cache));
    }
}

fn main() {
    // Every command this benchmark runs keeps its caches in a folder of the benchmark's own
    // (set before any thread is started).
    std::env::set_var("XDG_CACHE_HOME", cache_home());
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
        "# pg-flux vs pg_dump --schema-only\n\nPostgreSQL {}, {} runs each (1 from 50,000 tables on), median wall and CPU \
         (user + system of the client process), highest peak RSS; machine: {}\n\n\
         dump, verify and migrate generate keep caches in the user's cache directory (the live catalog, \
         the parsed source): a first run starts with them empty, a second run finds what the \
         run before it left (after one file changed: that run's source with another file).\n\n\
         `server CPU`: user + system time of the server processes that served the run (the \
         postmaster's children, counted as they exit): both tools share the machine's cores with \
         the server, so wall time is at least the two CPU times over the number of cores.\n\n\
         `pg-flux dump`: a first run (caches emptied); `dump, second run`: the database unchanged \
         since the run before, whose catalog the cache holds (what a repeated dump costs). \
         `deparse functions alone`: the server's `pg_get_indexdef`, `pg_get_constraintdef`, \
         `pg_get_expr`, `format_type`, `pg_get_viewdef`, `pg_get_triggerdef` and \
         `pg_get_functiondef` calls a dump of these objects needs, alone, in one session: work \
         both tools' servers do whatever else they read.\n\n\
         | tables | objects | pg-flux dump | CPU | server CPU | peak RSS | pg_dump | CPU | server CPU | peak RSS | speed-up | memory | dump, second run | speed-up, second run | catalog queries | verify, first run | its CPU / server CPU | verify, second run | migrate, first run | migrate, 0 changes | of which shadow load | the rest | migrate, 1 file changed | deparse functions alone |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        db0.cluster.binaries().version,
        runs(0),
        machine()
    );
    drop(db0);
    let results = repo_root().join("bench").join("results");
    let _ = std::fs::create_dir_all(&results);
    let name = results.join(format!("dump-{}.md", utc_stamp()));
    for n in sizes {
        let db = TestDb::new();
        eprintln!("bench: generating {n} tables…");
        load_synthetic(&db, n);
        let objects = db.query(
            "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
               WHERE n.nspname LIKE 'bench%') + (SELECT count(*) FROM pg_constraint k \
               JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname LIKE 'bench%')",
        );
        let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let target = out.path().join("schema");
        let target_s = target.to_string_lossy().into_owned();
        let url = db.url();
        eprintln!("bench: {n} tables: pg-flux dump…");
        // A new tree every run, in a new directory, as pg_dump writes a new file: first with
        // pg-flux's caches emptied, then as the run before left them (the database unchanged:
        // the catalog comes from the cache). The trees are removed after the runs, not
        // between them: ext4 skips inodes freed in the last minute when it allocates, so
        // creating 22,540 files right after deleting as many took seconds more, in the kernel
        // (perf: `recently_deleted`, `find_inode_bit`).
        let server = Server::of(&db);
        let run = std::cell::Cell::new(0usize);
        let run_dir = |i: usize| out.path().join(format!("dump-{i}"));
        let dump_command = || {
            let mut c = Command::new(&bin);
            c.args(["dump", "--db", &url, "--output"])
                .arg(run_dir(run.get()));
            c
        };
        let next_run = || run.set(run.get() + 1);
        let flux = measure_with_server(
            runs(n),
            Some(&server),
            || {
                clear_caches();
                next_run();
            },
            dump_command,
        );
        let flux_again = measure_with_server(runs(n), Some(&server), next_run, dump_command);
        let _ = std::fs::rename(run_dir(run.get()), &target);
        for i in 1..run.get() {
            let _ = std::fs::remove_dir_all(run_dir(i));
        }
        eprintln!("bench: {n} tables: pg_dump…");
        let dump_file = out.path().join("pg_dump.sql");
        let dump_file_s = dump_file.to_string_lossy().into_owned();
        let pg_dump = client_tool("pg_dump", db.major());
        let native = measure_with_server(
            runs(n),
            Some(&server),
            || {
                let _ = std::fs::remove_file(&dump_file);
            },
            || {
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
            },
        );
        eprintln!("bench: {n} tables: verify…");
        // verify of the database against the tree just dumped (a clean verify: exit 0), with
        // pg-flux's caches emptied before each run, then with them as the run before left them.
        let verify_command = || {
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
        };
        let verify_first =
            measure_with_server(runs(n), Some(&server), clear_caches, verify_command);
        let verify = measure(runs(n), || {}, verify_command);
        eprintln!("bench: {n} tables: migrate generate…");
        let migrate_cell = migrate_cell(
            &bin,
            &url,
            &target_s,
            &out.path().join("migrations"),
            runs(n),
        );
        let queries = query_count(&url);
        let deparse = deparse_alone(&url);
        let (flux, flux_again, native) = (ok(flux), ok(flux_again), ok(native));
        let verify = (ok(verify_first), ok(verify));
        row(
            &mut report,
            n,
            objects.trim(),
            (&flux, &flux_again, &native),
            queries,
            (&verify.0, &verify.1),
            &migrate_cell,
            deparse,
        );
        eprintln!("bench: {n} tables done");
        write_report(&name, &report);
    }
    println!("{report}");
    let _ = std::fs::remove_dir_all(cache_home());
}

/// `migrate generate` right after the dump in `schema_dir`, as the report's four cells: its
/// median wall time, the shadow load's, and the rest (the migration must have no statement);
/// then with one file added to the tree (a new table: one statement).
fn migrate_cell(
    bin: &std::path::Path,
    url: &str,
    schema_dir: &str,
    migrations: &std::path::Path,
    runs: usize,
) -> String {
    let first = match measure_migrate(bin, url, schema_dir, migrations, runs, &|| clear_caches()) {
        Ok((m, _)) => format!("{:.2} s", m.wall),
        Err(e) => format!("failed: {e}"),
    };
    match measure_migrate(bin, url, schema_dir, migrations, runs, &|| {}) {
        Ok((m, written)) => {
            // Right after a dump the migration must be empty, or the figure means nothing.
            assert_eq!(
                pg_flux::migrate::count_statements(&written),
                0,
                "migrate generate after a dump wrote:\n{written}"
            );
            let load = phase_seconds(&m.stderr, "shadow load");
            format!(
                "{first} | {:.2} s | {load:.2} s | {:.2} s | {}",
                m.wall,
                m.wall - load,
                migrate_one_file_changed(bin, url, schema_dir, migrations, runs)
            )
        }
        Err(e) => format!("{first} | failed: {e} | — | — | —"),
    }
}

/// `migrate generate` with one file added to the dumped tree (taken away again after): before
/// each run the file declares another table, so that each run finds one file changed since
/// the run before.
fn migrate_one_file_changed(
    bin: &std::path::Path,
    url: &str,
    schema_dir: &str,
    migrations: &std::path::Path,
    runs: usize,
) -> String {
    let added = std::path::Path::new(schema_dir).join("tables/bench_added.sql");
    let next = std::cell::Cell::new(0);
    let change = || {
        next.set(next.get() + 1);
        let sql = format!(
            "CREATE TABLE public.bench_added_{} (id integer);\n",
            next.get()
        );
        std::fs::write(&added, sql).unwrap_or_else(|e| panic!("{e}"));
    };
    // The cache as the run before left it: with the tree as dumped.
    let _ = measure_migrate(bin, url, schema_dir, migrations, 1, &|| {});
    let migrate = measure_migrate(bin, url, schema_dir, migrations, runs, &change);
    let _ = std::fs::remove_file(&added);
    match migrate {
        Ok((m, written)) => {
            assert_eq!(
                pg_flux::migrate::count_statements(&written),
                1,
                "migrate generate with one table added wrote:\n{written}"
            );
            format!("{:.2} s", m.wall)
        }
        Err(e) => format!("failed: {e}"),
    }
}

/// `migrate generate` of the tree in `schema_dir` (its phases traced), `runs` times into a
/// fresh `migrations` folder: the measure, and the migration the last run wrote.
fn measure_migrate(
    bin: &std::path::Path,
    url: &str,
    schema_dir: &str,
    migrations: &std::path::Path,
    runs: usize,
    prepare: &dyn Fn(),
) -> Result<(Measured, String), String> {
    let migrations_s = migrations.to_string_lossy().into_owned();
    let measured = measure(
        runs,
        || {
            let _ = std::fs::remove_dir_all(migrations);
            prepare();
        },
        || {
            let mut c = Command::new(bin);
            c.env("PGFLUX_TRACE_QUERIES", "1").args([
                "migrate",
                "generate",
                "--db",
                url,
                "--schema-dir",
                schema_dir,
                "--migrations-dir",
                &migrations_s,
                "--label",
                "bench",
            ]);
            c
        },
    )?;
    let written = std::fs::read_dir(migrations)
        .ok()
        .and_then(|mut d| d.next())
        .and_then(|e| e.ok())
        .and_then(|e| std::fs::read_to_string(e.path()).ok())
        .unwrap_or_default();
    Ok((measured, written))
}

/// pg-flux's catalog query count for one dump of `url`.
fn query_count(url: &str) -> usize {
    block_on(pg_flux::commands::dump::read_catalog(
        url,
        &pg_flux::inspect::Scope::default(),
    ))
    .map(|c| c.query_count)
    .unwrap_or(0)
}

/// The deparse functions a dump of the bench schemas calls, alone, one session (wall seconds):
/// what both tools' servers spend at least, whatever else they read.
fn deparse_alone(url: &str) -> f64 {
    const CALLS: &[&str] = &[
        "SELECT pg_catalog.pg_get_indexdef(x.indexrelid) FROM pg_catalog.pg_index x \
         JOIN pg_catalog.pg_class c ON c.oid = x.indrelid \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 'bench%'",
        "SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint k \
         JOIN pg_catalog.pg_namespace n ON n.oid = k.connamespace WHERE n.nspname LIKE 'bench%'",
        "SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) FROM pg_catalog.pg_attrdef d \
         JOIN pg_catalog.pg_class c ON c.oid = d.adrelid \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 'bench%'",
        "SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a \
         JOIN pg_catalog.pg_class c ON c.oid = a.attrelid \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname LIKE 'bench%' AND a.attnum > 0 AND c.relkind IN ('r', 'p', 'v', 'm')",
        "SELECT pg_catalog.pg_get_viewdef(c.oid) FROM pg_catalog.pg_class c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname LIKE 'bench%' AND c.relkind IN ('v', 'm')",
        "SELECT pg_catalog.pg_get_triggerdef(t.oid) FROM pg_catalog.pg_trigger t \
         JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname LIKE 'bench%' AND NOT t.tgisinternal",
        "SELECT pg_catalog.pg_get_expr(p.polqual, p.polrelid), \
                pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) FROM pg_catalog.pg_policy p \
         JOIN pg_catalog.pg_class c ON c.oid = p.polrelid \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 'bench%'",
        "SELECT pg_catalog.pg_get_functiondef(p.oid) FROM pg_catalog.pg_proc p \
         JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname LIKE 'bench%'",
    ];
    block_on(async {
        let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls).await?;
        tokio::spawn(connection);
        let start = std::time::Instant::now();
        for sql in CALLS {
            client.query(*sql, &[]).await?;
        }
        Ok::<_, tokio_postgres::Error>(start.elapsed().as_secs_f64())
    })
    .unwrap_or_else(|e| panic!("deparse functions alone: {e}"))
}

/// One row of the report.
#[allow(clippy::too_many_arguments)]
fn row(
    report: &mut String,
    n: usize,
    objects: &str,
    (flux, flux_again, native): (&Measured, &Measured, &Measured),
    queries: usize,
    (verify_first, verify): (&Measured, &Measured),
    migrate_cell: &str,
    deparse: f64,
) {
    let _ = writeln!(
        report,
        "| {n} | {objects} | {:.2} s | {:.2} s | {:.2} s | {} MB | {:.2} s | {:.2} s | {:.2} s | {} MB | {:.1}× | {:.2}× | {:.2} s | {:.1}× | {queries} | {:.2} s | {:.2} / {:.2} s | {:.2} s | {migrate_cell} | {deparse:.2} s |",
        flux.wall,
        flux.cpu,
        flux.server_cpu,
        flux.peak_kib / 1024,
        native.wall,
        native.cpu,
        native.server_cpu,
        native.peak_kib / 1024,
        native.wall / flux.wall.max(1e-9),
        flux.peak_kib as f64 / (native.peak_kib as f64).max(1.0),
        flux_again.wall,
        native.wall / flux_again.wall.max(1e-9),
        verify_first.wall,
        verify_first.cpu,
        verify_first.server_cpu,
        verify.wall,
    );
}

/// Written after every size: a long run stopped midway keeps what it measured.
fn write_report(name: &std::path::Path, report: &str) {
    match std::fs::write(name, report) {
        Ok(()) => eprintln!("bench: written to {}", name.display()),
        Err(e) => eprintln!("bench: could not write {}: {e}", name.display()),
    }
}

/// One benchmarked command: medians over the runs, the highest peak memory, and the standard
/// error of the last run (phase timings when `PGFLUX_TRACE_QUERIES` is set).
struct Measured {
    wall: f64,
    cpu: f64,
    /// CPU of the server processes that served the runs (median; 0 when not measured).
    server_cpu: f64,
    peak_kib: i64,
    stderr: String,
}

fn ok(m: Result<Measured, String>) -> Measured {
    m.unwrap_or_else(|e| panic!("benchmarked command failed: {e}"))
}

/// Runs `make()` `runs` times (after `prepare()`, untimed), reaping each child with `wait4`,
/// which also reports its CPU time and peak memory.
fn measure(
    runs: usize,
    prepare: impl Fn(),
    make: impl Fn() -> Command,
) -> Result<Measured, String> {
    measure_with_server(runs, None, prepare, make)
}

/// As [`measure`], with the CPU time `server`'s processes spent serving each run.
#[allow(clippy::zombie_processes)]
fn measure_with_server(
    runs: usize,
    server: Option<&Server>,
    prepare: impl Fn(),
    make: impl Fn() -> Command,
) -> Result<Measured, String> {
    let (mut walls, mut cpus, mut server_cpus, mut peak_kib, mut stderr) =
        (Vec::new(), Vec::new(), Vec::new(), 0, String::new());
    for _ in 0..runs {
        prepare();
        let server_before = server.map(Server::cpu_after_backends_exit);
        let log = tempfile::NamedTempFile::new().map_err(|e| e.to_string())?;
        let mut cmd = make();
        cmd.stdout(Stdio::null())
            .stderr(log.reopen().map_err(|e| e.to_string())?);
        let start = Instant::now();
        let child = cmd.spawn().map_err(|e| e.to_string())?;
        let mut status = 0;
        // SAFETY: rusage is plain data; wait4 fills it for our own child.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
        walls.push(start.elapsed().as_secs_f64());
        stderr = std::fs::read_to_string(log.path()).unwrap_or_default();
        if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
            return Err(stderr.lines().last().unwrap_or("no message").to_string());
        }
        let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        cpus.push(seconds(usage.ru_utime) + seconds(usage.ru_stime));
        peak_kib = peak_kib.max(usage.ru_maxrss);
        if let (Some(server), Some(before)) = (server, server_before) {
            server_cpus.push(server.cpu_after_backends_exit() - before);
        }
    }
    Ok(Measured {
        wall: median(walls),
        cpu: median(cpus),
        server_cpu: median(server_cpus),
        peak_kib,
        stderr,
    })
}

/// A throwaway cluster's postmaster: the CPU time of its children that exited (Linux
/// `/proc/<pid>/stat`: cutime + cstime), which is what the sessions' backends used.
struct Server {
    postmaster: u32,
    /// Its children between runs (checkpointer, walwriter, autovacuum launcher, …).
    resident: usize,
}

impl Server {
    fn of(db: &TestDb) -> Server {
        let pidfile = db.cluster.data_dir().join("postmaster.pid");
        let postmaster = std::fs::read_to_string(&pidfile)
            .ok()
            .and_then(|t| t.lines().next()?.trim().parse().ok())
            .unwrap_or_else(|| panic!("no postmaster pid in {}", pidfile.display()));
        let server = Server {
            postmaster,
            resident: 0,
        };
        let resident = server.children();
        Server { resident, ..server }
    }

    fn children(&self) -> usize {
        let pid = self.postmaster;
        std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
            .map(|t| t.split_whitespace().count())
            .unwrap_or(0)
    }

    /// Seconds of CPU the exited children used, once the last run's backends have exited
    /// (the postmaster reaps them shortly after their clients disconnect).
    fn cpu_after_backends_exit(&self) -> f64 {
        let deadline = Instant::now() + std::time::Duration::from_secs(10);
        while self.children() > self.resident && Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.postmaster)).unwrap_or_default();
        // The fields after the command name (which may hold spaces), from field 3 on.
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map(|(_, rest)| rest.split_whitespace().collect())
            .unwrap_or_default();
        let ticks = |i: usize| fields.get(i - 3).and_then(|f| f.parse::<f64>().ok());
        // SAFETY: sysconf reads a constant.
        let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
        (ticks(16).unwrap_or(0.0) + ticks(17).unwrap_or(0.0)) / per_second.max(1.0)
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

/// Seconds of `phase: <name> in N ms` in a traced command's standard error.
fn phase_seconds(stderr: &str, name: &str) -> f64 {
    let prefix = format!("phase: {name} in ");
    stderr
        .lines()
        .filter_map(|l| {
            l.strip_prefix(&prefix)?
                .strip_suffix(" ms")?
                .parse::<f64>()
                .ok()
        })
        // Not `sum`: the sum of no f64 is -0.0, which prints as "-0.00 s".
        .fold(0.0, |total, ms| total + ms)
        / 1000.0
}
