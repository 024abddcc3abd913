//! Shared harness for pg-flux's integration tests: real PostgreSQL, never a mock.
//!
//! One throwaway cluster per PostgreSQL major per test process (started on first use), and a
//! fresh database per test. `PGFLUX_TEST_MAJORS` (e.g. `13,14,15,16,17,18`) names the majors the
//! multi-version tests must cover — a listed major that cannot be found fails the test, it is
//! never skipped. Unset, every major found on the machine is used; `PGFLUX_TEST_MAJOR` picks the
//! one for single-version tests (default: the newest found).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use pg_flux::embedded::{Binaries, Cluster};

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

fn announce(bins: &Binaries) {
    static SAID: Mutex<Vec<u32>> = Mutex::new(Vec::new());
    let mut said = SAID.lock().unwrap_or_else(|p| p.into_inner());
    if !said.contains(&bins.major) {
        said.push(bins.major);
        eprintln!(
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
    majors().into_iter().max().unwrap_or_else(|| panic!("no PostgreSQL major to test"))
}

/// A fresh, empty database in the cluster of one major.
pub struct TestDb {
    pub cluster: Arc<Cluster>,
    pub name: String,
}

impl TestDb {
    /// A new database on the default major.
    #[allow(clippy::new_without_default)] // creates a database: not a `Default`
    pub fn new() -> TestDb {
        TestDb::on(default_major())
    }

    /// A new database on `major`.
    pub fn on(major: u32) -> TestDb {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let cluster = cluster(major);
        let name = format!("t{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst));
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
    let text = String::from_utf8_lossy(&out.stdout);
    text.split_whitespace()
        .last()?
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
