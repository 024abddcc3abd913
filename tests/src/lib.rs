//! Shared harness for pg-flux's integration tests: real PostgreSQL, never a mock.
//!
//! One throwaway cluster per PostgreSQL major per test process (started on first use), and a
//! fresh database per test. `PGFLUX_TEST_MAJORS` (e.g. `13,14,15,16,17,18`) names the majors the
//! multi-version tests must cover — a listed major that cannot be found fails the test, it is
//! never skipped. Unset, every major found on the machine is used; `PGFLUX_TEST_MAJOR` picks the
//! one for single-version tests (default: the newest found).

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use pg_flux::embedded::{Binaries, Cluster};

pub mod bench_schema;
pub mod lsp;

/// The clusters of this process, by major.
fn clusters() -> &'static Mutex<HashMap<u32, Arc<Cluster>>> {
    static CLUSTERS: OnceLock<Mutex<HashMap<u32, Arc<Cluster>>>> = OnceLock::new();
    CLUSTERS.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The cluster of `major`, started on first use.
pub fn cluster(major: u32) -> Arc<Cluster> {
    let mut map = clusters().lock().unwrap_or_else(|p| p.into_inner());
    if let Some(c) = map.get(&major) {
        return c.clone();
    }
    let bins = Binaries::discover(Some(major)).unwrap_or_else(|e| panic!("{e}"));
    let cluster = Arc::new(Cluster::start(&bins).unwrap_or_else(|e| panic!("{e}")));
    announce(&bins);
    map.insert(major, cluster.clone());
    cluster
}

/// The tests' security label provider (`pgflux`, which accepts any label) for `major`, built
/// by `scripts/build-seclabel.sh` where the machine has that major's server headers: 18 (the
/// PyPI client package), and any other major whose Debian server headers are installed. No
/// installed build ships one. Missing for 18 is an error (setup was not run), never a skip.
pub fn label_provider(major: u32) -> Option<PathBuf> {
    let mut homes: Vec<PathBuf> = Vec::new();
    if let Some(home) = std::env::var_os("PGFLUX_HOME") {
        homes.push(PathBuf::from(home));
    }
    homes.push(PathBuf::from("/opt/pg-flux"));
    if let Some(home) = std::env::var_os("HOME") {
        homes.push(PathBuf::from(home).join(".cache/pg-flux"));
    }
    let found = homes
        .iter()
        .map(|h| h.join(format!("seclabel/pg{major}/pgflux_seclabel.so")))
        .find(|p| p.is_file());
    if found.is_none() && major == 18 {
        panic!("no security label provider for PostgreSQL {major}: run scripts/setup.sh");
    }
    found
}

/// A cluster of `major` with the tests' label provider loaded (`SECURITY LABEL FOR pgflux`),
/// started on first use; `None` where no provider can be built.
pub fn labelled_cluster(major: u32) -> Option<Arc<Cluster>> {
    static CLUSTERS: OnceLock<Mutex<HashMap<u32, Arc<Cluster>>>> = OnceLock::new();
    let provider = label_provider(major)?;
    let mut map = CLUSTERS
        .get_or_init(|| Mutex::new(HashMap::new()))
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if let Some(c) = map.get(&major) {
        return Some(c.clone());
    }
    let bins = Binaries::discover(Some(major)).unwrap_or_else(|e| panic!("{e}"));
    let preload = provider.to_string_lossy().into_owned();
    let cluster = Cluster::start_with(&bins, &[("shared_preload_libraries", preload.as_str())])
        .unwrap_or_else(|e| panic!("PostgreSQL {major} with the label provider: {e}"));
    let cluster = Arc::new(cluster);
    map.insert(major, cluster.clone());
    Some(cluster)
}

fn announce(bins: &Binaries) {
    static SAID: Mutex<Vec<u32>> = Mutex::new(Vec::new());
    let mut said = SAID.lock().unwrap_or_else(|p| p.into_inner());
    if !said.contains(&bins.major) {
        said.push(bins.major);
        // Written to the process's stderr directly: the test harness captures eprintln!.
        let _ = writeln!(
            std::io::stderr(),
            "pg-flux tests: PostgreSQL {} from {}",
            bins.version,
            bins.bindir.display()
        );
    }
}

/// The majors multi-version tests cover.
pub fn majors() -> Vec<u32> {
    if let Ok(list) = std::env::var("PGFLUX_TEST_MAJORS") {
        let majors: Vec<u32> = list
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| {
                s.trim()
                    .parse()
                    .unwrap_or_else(|_| panic!("PGFLUX_TEST_MAJORS: bad major {s:?}"))
            })
            .collect();
        assert!(!majors.is_empty(), "PGFLUX_TEST_MAJORS is empty");
        return majors;
    }
    let found: Vec<u32> = Binaries::discover_all().iter().map(|b| b.major).collect();
    assert!(
        !found.is_empty(),
        "no PostgreSQL server binaries found: run .ci/run or set PGFLUX_PG_BINDIR"
    );
    found
}

/// The major single-version tests use.
pub fn default_major() -> u32 {
    if let Ok(m) = std::env::var("PGFLUX_TEST_MAJOR") {
        return m
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("PGFLUX_TEST_MAJOR: bad major {m:?}"));
    }
    majors()
        .into_iter()
        .max()
        .unwrap_or_else(|| panic!("no PostgreSQL major to test"))
}

/// A fresh, empty database in the cluster of one major.
pub struct TestDb {
    pub cluster: Arc<Cluster>,
    pub name: String,
}

/// A test's database goes with it: the clusters live in memory (`/dev/shm`), and thousands of
/// corpus databases left behind would fill it.
impl Drop for TestDb {
    fn drop(&mut self) {
        // A database with subscriptions cannot be dropped: drop them first, detached from
        // their slots so that nothing connects to a publisher.
        let _ = psql_command(&self.cluster, &self.name)
            .args([
                "-c",
                "DO $$ DECLARE s text; BEGIN FOR s IN SELECT quote_ident(subname) FROM pg_subscription \
                 WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database()) LOOP \
                 EXECUTE format('ALTER SUBSCRIPTION %s DISABLE', s); \
                 EXECUTE format('ALTER SUBSCRIPTION %s SET (slot_name = NONE)', s); \
                 EXECUTE format('DROP SUBSCRIPTION %s', s); END LOOP; END $$",
            ])
            .output();
        let _ = psql_command(&self.cluster, "postgres")
            .args([
                "-c",
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
            ])
            .output();
    }
}

impl TestDb {
    /// A new database on the default major.
    #[allow(clippy::new_without_default)] // creates a database: not a `Default`
    pub fn new() -> TestDb {
        TestDb::on(default_major())
    }

    /// A new database on `major`.
    pub fn on(major: u32) -> TestDb {
        TestDb::in_cluster(cluster(major))
    }

    /// A new database in `cluster` (one started with particular settings).
    pub fn in_cluster(cluster: Arc<Cluster>) -> TestDb {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "t{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        psql_command(&cluster, "postgres")
            .args(["-c", &format!("CREATE DATABASE {name} TEMPLATE template0")])
            .output_ok();
        TestDb { cluster, name }
    }

    pub fn major(&self) -> u32 {
        self.cluster.major()
    }

    /// A libpq URI for this database (superuser, over TCP).
    pub fn url(&self) -> String {
        self.cluster.url(&self.name)
    }

    /// Runs SQL text through psql with `ON_ERROR_STOP`; panics with psql's message on error.
    pub fn exec(&self, sql: &str) {
        psql_command(&self.cluster, &self.name)
            .args(["-c", sql])
            .output_ok();
    }

    /// Loads a SQL file through psql with `ON_ERROR_STOP`.
    pub fn load_file(&self, file: &Path) {
        psql_command(&self.cluster, &self.name)
            .arg("-f")
            .arg(file)
            .output_ok();
    }

    /// Loads a SQL file through psql; returns psql's error text instead of panicking.
    pub fn try_load_file(&self, file: &Path) -> Result<(), String> {
        let out = psql_command(&self.cluster, &self.name)
            .arg("-f")
            .arg(file)
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }

    /// Runs a query through psql and returns its unaligned, tuples-only output.
    pub fn query(&self, sql: &str) -> String {
        psql_command(&self.cluster, &self.name)
            .args(["-At", "-c", sql])
            .output_ok()
    }

    /// The cluster's `shared_preload_libraries` (a label provider, in the labelled cluster).
    pub fn preload_libraries(&self) -> Vec<String> {
        self.query("SELECT pg_catalog.current_setting('shared_preload_libraries')")
            .split(',')
            .map(|l| l.trim().trim_matches('"').to_string())
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// `pg_dump --schema-only` of this database, `\restrict`/`\unrestrict` lines removed.
    pub fn pg_dump_schema(&self) -> String {
        let mut cmd = Command::new(client_tool("pg_dump", self.major()));
        cmd.args(["--schema-only", "--no-password", "-d", &self.url()]);
        let text = cmd.output_ok();
        text.lines()
            .filter(|l| !l.starts_with("\\restrict") && !l.starts_with("\\unrestrict"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// psql connected to `dbname` over the cluster's unix socket.
fn psql_command(cluster: &Cluster, dbname: &str) -> Command {
    let mut cmd = Command::new(client_tool("psql", cluster.major()));
    cmd.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "--no-password"])
        .arg("-d")
        .arg(cluster.url(dbname));
    cmd
}

/// A client tool (`psql`, `pg_dump`) at least as new as the server `major`: pg_dump refuses
/// newer servers. Searched in `PGFLUX_CLIENT_BINDIR`, `/opt/pg-flux/client/bin`,
/// `/usr/lib/postgresql/*/bin` and PATH; the newest wins.
pub fn client_tool(name: &str, major: u32) -> PathBuf {
    static CACHE: OnceLock<Mutex<HashMap<(String, u32), PathBuf>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let key = (name.to_string(), major);
    if let Some(p) = cache.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
        return p.clone();
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(d) = std::env::var_os("PGFLUX_CLIENT_BINDIR") {
        dirs.extend(std::env::split_paths(&d));
    }
    dirs.push(PathBuf::from("/opt/pg-flux/client/bin"));
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cache/pg-flux/client/bin"));
    }
    if let Ok(entries) = std::fs::read_dir("/usr/lib/postgresql") {
        dirs.extend(entries.flatten().map(|e| e.path().join("bin")));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    let best = dirs
        .iter()
        .map(|d| d.join(name))
        .filter(|p| p.is_file())
        .filter_map(|p| tool_major(&p).map(|m| (m, p)))
        .filter(|(m, _)| *m >= major)
        .max_by_key(|(m, _)| *m)
        .map(|(_, p)| p)
        .unwrap_or_else(|| {
            panic!("no {name} of version {major} or newer found: run .ci/run or set PGFLUX_CLIENT_BINDIR")
        });
    cache
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(key, best.clone());
    best
}

fn tool_major(tool: &Path) -> Option<u32> {
    let out = Command::new(tool).arg("--version").output().ok()?;
    pg_flux::embedded::version_from_banner(&String::from_utf8_lossy(&out.stdout))?
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// Runs a command and returns its stdout, panicking with its stderr when it fails.
pub trait OutputOk {
    fn output_ok(&mut self) -> String;
}

impl OutputOk for Command {
    fn output_ok(&mut self) -> String {
        let out = self
            .output()
            .unwrap_or_else(|e| panic!("could not run {:?}: {e}", self.get_program()));
        assert!(
            out.status.success(),
            "{:?} failed: {}",
            self.get_program(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

/// The repository root (for fixtures).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(".."))
}

/// A tokio runtime for calling the async library from a synchronous test.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("tokio runtime: {e}"))
        .block_on(future)
}

/// The per-kind tree pg-flux dump would write for `db` (relative path → content).
pub fn dump_tree(db: &TestDb) -> std::collections::BTreeMap<PathBuf, String> {
    dump_files(db, pg_flux::layout::Layout::PerKind)
}

/// The files pg-flux dump would write for `db` in `layout`.
pub fn dump_files(
    db: &TestDb,
    layout: pg_flux::layout::Layout,
) -> std::collections::BTreeMap<PathBuf, String> {
    let catalog = block_on(pg_flux::commands::dump::read_catalog(
        &db.url(),
        &pg_flux::inspect::Scope::default(),
    ))
    .unwrap_or_else(|e| panic!("inspect {}: {e}", db.name));
    pg_flux::layout::render(&pg_flux::emit::emit(&catalog), layout)
}

/// The core promise on one database D (already loaded): the flat dump loads into an empty E
/// with psql; pg_dump --schema-only of D and E are identical; dumping E gives the tree dumping
/// D gives. Returns D's per-kind tree. Panics with a readable diff on failure.
pub fn assert_round_trip(d: &TestDb) -> std::collections::BTreeMap<PathBuf, String> {
    let d_dump = &d.pg_dump_schema();
    let flat = dump_files(d, pg_flux::layout::Layout::Flat);
    let tree = dump_tree(d);
    let e = TestDb::on(d.major());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let file = dir.path().join("schema.sql");
    let text = flat.values().next().cloned().unwrap_or_default();
    std::fs::write(&file, &text).unwrap_or_else(|e| panic!("write: {e}"));
    if let Err(message) = e.try_load_file(&file) {
        panic!(
            "PostgreSQL {}: the flat dump does not load:\n{message}\n--- schema.sql ---\n{text}",
            d.major()
        );
    }
    assert_same_text(
        d_dump,
        &e.pg_dump_schema(),
        &format!("PostgreSQL {}: pg_dump --schema-only of D and E", d.major()),
    );
    let tree_e = dump_tree(&e);
    assert_same_text(
        &render_tree(&tree),
        &render_tree(&tree_e),
        &format!("PostgreSQL {}: pg-flux dump of D and of E", d.major()),
    );
    tree
}

/// A tree as one text, for comparison and display.
pub fn render_tree(tree: &std::collections::BTreeMap<PathBuf, String>) -> String {
    tree.iter()
        .map(|(p, t)| format!("==> {} <==\n{t}", p.display()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Panics with the first differing lines (and some context) when `a` and `b` differ.
pub fn assert_same_text(a: &str, b: &str, what: &str) {
    if a == b {
        return;
    }
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let first = la
        .iter()
        .zip(lb.iter())
        .position(|(x, y)| x != y)
        .unwrap_or(la.len().min(lb.len()));
    let from = first.saturating_sub(5);
    let show = |lines: &[&str]| {
        lines
            .iter()
            .skip(from)
            .take(25)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    };
    panic!(
        "{what} differ at line {}:\n--- D ---\n{}\n--- E ---\n{}",
        first + 1,
        show(&la),
        show(&lb)
    );
}

/// The bundled fixtures (directory names under `schema-fixtures/`), sorted.
pub fn fixtures() -> Vec<String> {
    let dir = repo_root().join("schema-fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter(|e| e.path().join("fixture.sql").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Loads a fixture into `db`: `fixture.sql`, then `fixture-*.sql` in name order; then for each
/// major NN from 14 up to the server's, `pgNN.sql` and `pgNN-*.sql` in name order.
pub fn load_fixture(db: &TestDb, name: &str) {
    for file in fixture_files(name, db.major()) {
        db.load_file(&file);
    }
}

/// The files [`load_fixture`] loads, in order.
pub fn fixture_files(name: &str, major: u32) -> Vec<PathBuf> {
    let dir = repo_root().join("schema-fixtures").join(name);
    let entries: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let group = |stem: &str| {
        let mut files: Vec<PathBuf> = entries
            .iter()
            .filter(|f| {
                f.as_str() == format!("{stem}.sql")
                    || (f.starts_with(&format!("{stem}-")) && f.ends_with(".sql"))
            })
            .map(|f| dir.join(f))
            .collect();
        // `<stem>.sql` first: `-` sorts before `.`, so a plain sort would put topics first.
        let main = dir.join(format!("{stem}.sql"));
        files.sort_by_key(|f| (*f != main, f.clone()));
        files
    };
    let mut files = group("fixture");
    for m in 14..=major {
        files.extend(group(&format!("pg{m}")));
    }
    files
}

/// The `pg-flux` binary, built on first use.
/// Builds the pg-flux binary in release mode (for the benchmarks) and returns its path.
pub fn release_binary() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let mut build = Command::new(cargo);
    build.args([
        "build",
        "--quiet",
        "--release",
        "-p",
        "pg-flux",
        "--bin",
        "pg-flux",
    ]);
    // `PGFLUX_FEATURES=dhat-heap`: a heap profile of the measured server (docs/benchmarks.md).
    if let Some(features) = std::env::var_os("PGFLUX_FEATURES") {
        build.arg("--features").arg(features);
    }
    let ok = build
        .current_dir(repo_root())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(ok, "building pg-flux --release failed");
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"))
        .join("release/pg-flux")
}

pub fn pg_flux_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
        let status = Command::new(cargo)
            .args(["build", "--quiet", "-p", "pg-flux", "--bin", "pg-flux"])
            .current_dir(repo_root())
            .status()
            .unwrap_or_else(|e| panic!("cargo build: {e}"));
        assert!(status.success(), "building pg-flux failed");
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo_root().join("target"));
        target.join("debug").join("pg-flux")
    })
    .clone()
}

/// The result of running the CLI.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// What a `migrate generate` run reports, `Generated: <path> (<n> statements)`: the path
    /// as printed (relative to the run's directory unless absolute) and the count.
    pub fn generated(&self) -> (PathBuf, usize) {
        let line = self.stdout.trim();
        let unexpected = || -> ! { panic!("unexpected output: {line}\n{}", self.stderr) };
        let rest = line
            .strip_prefix("Generated: ")
            .unwrap_or_else(|| unexpected());
        let (path, count) = rest.rsplit_once(" (").unwrap_or_else(|| unexpected());
        let n = count
            .trim_end_matches(" statements)")
            .parse()
            .unwrap_or_else(|_| unexpected());
        (PathBuf::from(path), n)
    }
}

/// Runs `pg-flux` with `args` in `cwd`, with a clean environment for connection settings.
pub fn pg_flux(cwd: &Path, args: &[&str]) -> Run {
    Run::of(pg_flux_command(cwd, args))
}

/// `pg-flux` with `args` in `cwd`, with a clean environment for connection settings.
pub fn pg_flux_command(cwd: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(pg_flux_bin());
    command
        .args(args)
        .current_dir(cwd)
        .env_remove("DATABASE_URL")
        .env_remove("PGPASSWORD");
    command
}

/// As [`pg_flux_command`], traced (`PGFLUX_TRACE_QUERIES`), with pg-flux's caches in the cache
/// directory `cache` (`XDG_CACHE_HOME`), or turned off (`None`).
pub fn pg_flux_cached(cwd: &Path, args: &[&str], cache: Option<&Path>) -> Command {
    let mut command = pg_flux_command(cwd, args);
    command.env("PGFLUX_TRACE_QUERIES", "1");
    match cache {
        Some(dir) => command
            .env("XDG_CACHE_HOME", dir)
            .env_remove("PGFLUX_CACHE"),
        None => command.env("PGFLUX_CACHE", "off"),
    };
    command
}

impl Run {
    /// Runs `command` to its end.
    pub fn of(mut command: Command) -> Run {
        let out = command
            .output()
            .unwrap_or_else(|e| panic!("running pg-flux: {e}"));
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// Every file under `root` (relative path → content), for before/after comparisons.
pub fn read_tree(root: &Path) -> std::collections::BTreeMap<PathBuf, String> {
    fn walk(root: &Path, dir: &Path, out: &mut std::collections::BTreeMap<PathBuf, String>) {
        for entry in std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .map(Path::to_path_buf)
                    .unwrap_or(path.clone());
                out.insert(rel, std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    if root.exists() {
        walk(root, root, &mut out);
    }
    out
}

/// The benchmark machine, for reports: `N cores, <CPU model>`.
pub fn machine() -> String {
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
        std::thread::available_parallelism().map_or(1, |n| n.get())
    )
}

/// The current UTC time as `YYYYMMDD_HHMMSS`, for result file names.
pub fn utc_stamp() -> String {
    std::process::Command::new("date")
        .args(["-u", "+%Y%m%d_%H%M%S"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|_| "now".into())
}

/// The shadow `migrate generate` uses by default (a throwaway cluster of the major, a scratch
/// database per load), kept per major for the whole test process.
/// The shadow of `major` that loads `preload` (the live cluster's `shared_preload_libraries`,
/// as `[shadow] preload_libraries` would say), kept for the whole test binary.
fn shadow(major: u32, preload: Vec<String>) -> Arc<tokio::sync::Mutex<pg_flux::shadow::ShadowDb>> {
    type Shadows =
        Mutex<HashMap<(u32, Vec<String>), Arc<tokio::sync::Mutex<pg_flux::shadow::ShadowDb>>>>;
    static SHADOWS: OnceLock<Shadows> = OnceLock::new();
    SHADOWS
        .get_or_init(|| Mutex::new(HashMap::new()))
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .entry((major, preload.clone()))
        .or_insert_with(|| {
            Arc::new(tokio::sync::Mutex::new(pg_flux::shadow::ShadowDb::new(
                pg_flux::shadow::ShadowTarget::Embedded(pg_flux::shadow::EmbeddedOptions {
                    preload_libraries: preload,
                    ..Default::default()
                }),
            )))
        })
        .clone()
}

/// The migrations `migrate generate` would write for each of `dbs` from the source tree at
/// `root`, through the default shadow (the same library calls, without writing files; the
/// shadow is loaded once for all of them).
pub fn migrations(dbs: &[&TestDb], root: &Path) -> Result<Vec<String>, String> {
    let scope = pg_flux::inspect::Scope::default();
    let Some(first) = dbs.first() else {
        return Ok(Vec::new());
    };
    block_on(async {
        let mut sessions = Vec::new();
        for db in dbs {
            sessions.push(
                pg_flux::connect::Session::open(&db.url())
                    .await
                    .map_err(|e| format!("connect: {e}"))?,
            );
        }
        let statements =
            pg_flux::load::read_statements(root).map_err(|e| format!("source: {e}"))?;
        let declared = {
            let shadow = shadow(first.major(), first.preload_libraries());
            let mut shadow = shadow.lock().await;
            let loaded = shadow
                .load(&sessions[0], statements, &scope)
                .await
                .map_err(|e| format!("shadow: {e}"))?;
            if let Some(f) = loaded.failures.first() {
                return Err(format!(
                    "{}:{}:{}: does not load into the shadow database: {}",
                    f.file.display(),
                    f.line,
                    f.column,
                    f.message
                ));
            }
            loaded.catalog
        };
        let mut texts = Vec::new();
        for session in &sessions {
            let live = pg_flux::inspect::inspect_session(
                session,
                &scope,
                pg_flux::inspect::Depth::Ordered,
            )
            .await
            .map_err(|e| format!("inspect: {e}"))?;
            let planned = pg_flux::commands::migrate::statements(
                &live,
                &declared,
                pg_flux::migrate::PlanOptions::default(),
            );
            texts.push(pg_flux::migrate::render(&planned, "test"));
        }
        Ok(texts)
    })
}

/// The whole round-trip promise (product.md, points 1–5) on one loaded database D, in both
/// layouts: the flat file loads into an empty E with psql, pg_dump of D and E are identical and
/// dumping E gives D's tree; the per-kind tree, through the default shadow, gives a migration
/// of 0 statements against D, and a migration against an empty F that loads with psql and
/// gives pg_dump text identical to D's.
pub fn assert_full_round_trip(d: &TestDb) {
    let major = d.major();
    let catalog = block_on(pg_flux::commands::dump::read_catalog(
        &d.url(),
        &pg_flux::inspect::Scope::default(),
    ))
    .unwrap_or_else(|e| panic!("PostgreSQL {major}: inspect D: {e}"));
    let blocks = pg_flux::emit::emit(&catalog);
    let tree = pg_flux::layout::render(&blocks, pg_flux::layout::Layout::PerKind);
    let flat = pg_flux::layout::render(&blocks, pg_flux::layout::Layout::Flat);
    let d_dump = d.pg_dump_schema();

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let file = dir.path().join("schema.sql");
    let text = flat.values().next().cloned().unwrap_or_default();
    std::fs::write(&file, &text).unwrap_or_else(|e| panic!("write: {e}"));
    // E and F in D's cluster: one with a label provider loaded, say.
    let e = TestDb::in_cluster(d.cluster.clone());
    if let Err(message) = e.try_load_file(&file) {
        panic!("PostgreSQL {major}: the flat dump does not load:\n{message}\n--- schema.sql ---\n{text}");
    }
    assert_same_text(
        &d_dump,
        &e.pg_dump_schema(),
        &format!(
            "PostgreSQL {major}: pg_dump --schema-only of D and of E loaded from the flat file"
        ),
    );
    assert_same_text(
        &render_tree(&tree),
        &render_tree(&dump_tree(&e)),
        &format!("PostgreSQL {major}: pg-flux dump of D and of E"),
    );

    let root = dir.path().join("schema");
    pg_flux::layout::write_tree(&root, &tree, false).unwrap_or_else(|e| panic!("write: {e}"));
    let f = TestDb::in_cluster(d.cluster.clone());
    let texts = migrations(&[d, &f], &root)
        .unwrap_or_else(|e| panic!("PostgreSQL {major}: migrate generate: {e}"));
    let (after_dump, from_empty) = (&texts[0], &texts[1]);
    let n = pg_flux::migrate::count_statements(after_dump);
    assert!(
        n == 0,
        "PostgreSQL {major}: migrate generate right after dump wrote {n} statement(s):\n{after_dump}"
    );
    let file = dir.path().join("migration.sql");
    std::fs::write(&file, from_empty).unwrap_or_else(|e| panic!("write: {e}"));
    if let Err(message) = f.try_load_file(&file) {
        panic!("PostgreSQL {major}: the migration from empty does not load:\n{message}\n--- migration ---\n{from_empty}");
    }
    assert_same_text(
        &d_dump,
        &f.pg_dump_schema(),
        &format!(
            "PostgreSQL {major}: pg_dump of D and of F migrated from empty with the per-kind tree"
        ),
    );
}

/// The hotfix workflow for live objects made out of band on D after a dump: `verify --strict`
/// fails and lists each one, under its kind's heading, as `expected` says (`(heading, line)`,
/// e.g. `("Text search configurations", "public.my_english")`); `pull` writes one file that
/// reproduces them on a pre-hotfix copy of D; promoted into the tree, `verify --strict` is clean
/// and `migrate generate` against D writes 0 statements. `setup` runs before the dump.
pub fn assert_hotfix_workflow(d: &TestDb, setup: &str, hotfix: &str, expected: &[(&str, &str)]) {
    let major = d.major();
    if !setup.is_empty() {
        d.exec(setup);
    }
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cwd = tmp.path();
    let url = d.url();
    for (out, layout) in [("schema", "per-kind"), ("flat", "flat")] {
        let run = pg_flux(
            cwd,
            &["dump", "--db", &url, "--output", out, "--layout", layout],
        );
        assert_eq!(run.code, 0, "PostgreSQL {major}: dump: {}", run.stderr);
    }
    let copy = TestDb::on(major);
    copy.load_file(&cwd.join("flat/schema.sql"));
    d.exec(hotfix);

    let run = pg_flux(cwd, &["verify", "--strict", "--db", &url]);
    assert_eq!(
        run.code, 1,
        "PostgreSQL {major}: {}{}",
        run.stdout, run.stderr
    );
    // verify's groups: `Heading (N):` then `- item` lines.
    let mut listed: Vec<(String, String)> = Vec::new();
    let mut heading = String::new();
    for line in run.stdout.lines() {
        if let Some(item) = line.strip_prefix("- ") {
            listed.push((heading.clone(), item.to_string()));
        } else if let Some((h, _)) = line.split_once(" (").filter(|_| line.ends_with("):")) {
            heading = h.to_string();
        }
    }
    for (heading, line) in expected {
        assert!(
            listed.iter().any(|(h, l)| h == heading && l == line),
            "PostgreSQL {major}: verify does not list {line:?} under {heading:?}:\n{}",
            run.stdout
        );
    }
    assert!(
        !run.stdout.contains("Not modeled by pg-flux"),
        "PostgreSQL {major}: {}",
        run.stdout
    );

    let run = pg_flux(cwd, &["pull", "--db", &url, "--dry-run=false"]);
    assert_eq!(run.code, 0, "PostgreSQL {major}: pull: {}", run.stderr);
    let schema = cwd.join("schema");
    let pulled: Vec<PathBuf> = std::fs::read_dir(schema.join("_pulled"))
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert_eq!(
        pulled.len(),
        1,
        "PostgreSQL {major}: {pulled:?}\n{}",
        run.stdout
    );
    let text = std::fs::read_to_string(&pulled[0]).unwrap_or_else(|e| panic!("{e}"));
    if let Err(message) = copy.try_load_file(&pulled[0]) {
        panic!("PostgreSQL {major}: the pulled file does not load:\n{message}\n{text}");
    }
    assert_same_text(
        &render_tree(&dump_tree(d)),
        &render_tree(&dump_tree(&copy)),
        &format!("PostgreSQL {major}: dump of the hotfixed database and of the copy"),
    );

    std::fs::create_dir_all(schema.join("hotfixes")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(schema.join("hotfixes/promoted.sql"), &text).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_dir_all(schema.join("_pulled")).unwrap_or_else(|e| panic!("{e}"));
    let run = pg_flux(cwd, &["verify", "--strict", "--db", &url]);
    assert_eq!(
        run.code, 0,
        "PostgreSQL {major}: {}{}",
        run.stdout, run.stderr
    );
    let texts = migrations(&[d], &schema)
        .unwrap_or_else(|e| panic!("PostgreSQL {major}: migrate generate: {e}"));
    let n = pg_flux::migrate::count_statements(&texts[0]);
    assert!(
        n == 0,
        "PostgreSQL {major}: migrate generate after promoting wrote {n} statement(s):\n{}",
        texts[0]
    );
}
