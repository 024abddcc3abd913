//! The environment connection settings are completed from: variables, home directory, OS user.
//!
//! Injectable so that tests can resolve settings without touching the process environment.

use std::collections::HashMap;
use std::ffi::CStr;
use std::path::{Path, PathBuf};

/// Where [`ConnInfo::resolve`](super::ConnInfo::resolve) reads libpq's environment from.
pub trait Env {
    /// The value of an environment variable (`PGHOST`, `PGPASSWORD`, …), if set and not empty.
    fn var(&self, name: &str) -> Option<String>;
    /// The user's home directory (for `~/.pgpass` and `~/.postgresql/root.crt`).
    fn home_dir(&self) -> Option<PathBuf>;
    /// The operating-system user name (the default database user).
    fn os_user(&self) -> Option<String>;
    /// Whether `path` exists (used to pick the default socket directory).
    fn exists(&self, path: &Path) -> bool {
        path.exists()
    }
}

/// The real process environment.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }

    fn home_dir(&self) -> Option<PathBuf> {
        if let Some(home) = self.var("HOME") {
            return Some(PathBuf::from(home));
        }
        passwd_entry().map(|(_, home)| home)
    }

    fn os_user(&self) -> Option<String> {
        passwd_entry()
            .map(|(name, _)| name)
            .or_else(|| self.var("USER"))
    }
}

/// Name and home directory of the effective user, from the password database.
fn passwd_entry() -> Option<(String, PathBuf)> {
    let mut buf = vec![0 as libc::c_char; 16 * 1024];
    // SAFETY: a zeroed passwd is a valid out-parameter for getpwuid_r.
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer is valid for the duration of the call; buf outlives its use below.
    let rc = unsafe {
        libc::getpwuid_r(
            libc::geteuid(),
            &mut pwd,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
        )
    };
    if rc != 0 || result.is_null() || pwd.pw_name.is_null() || pwd.pw_dir.is_null() {
        return None;
    }
    // SAFETY: getpwuid_r succeeded, so both fields point to NUL-terminated strings inside buf.
    let (name, dir) = unsafe { (CStr::from_ptr(pwd.pw_name), CStr::from_ptr(pwd.pw_dir)) };
    Some((
        name.to_string_lossy().into_owned(),
        PathBuf::from(dir.to_string_lossy().into_owned()),
    ))
}

/// A fixed environment, for tests and for callers that must not read the process environment.
///
/// Paths for [`Env::exists`] are checked on the real file system unless `existing` is set.
#[derive(Debug, Clone, Default)]
pub struct StaticEnv {
    /// Environment variables.
    pub vars: HashMap<String, String>,
    /// Home directory; `None` means there is none (no `~/.pgpass`).
    pub home: Option<PathBuf>,
    /// Operating-system user name.
    pub user: Option<String>,
    /// When set, exactly these paths exist (instead of asking the file system).
    pub existing: Option<Vec<PathBuf>>,
}

impl StaticEnv {
    /// An empty environment: no variables, no home directory, OS user `user`.
    pub fn new(user: &str) -> StaticEnv {
        StaticEnv {
            user: Some(user.to_string()),
            ..StaticEnv::default()
        }
    }

    /// Sets variable `name` to `value`.
    pub fn with_var(mut self, name: &str, value: impl Into<String>) -> StaticEnv {
        self.vars.insert(name.to_string(), value.into());
        self
    }

    /// Sets the home directory.
    pub fn with_home(mut self, home: impl Into<PathBuf>) -> StaticEnv {
        self.home = Some(home.into());
        self
    }
}

impl Env for StaticEnv {
    fn var(&self, name: &str) -> Option<String> {
        self.vars.get(name).filter(|v| !v.is_empty()).cloned()
    }
    fn home_dir(&self) -> Option<PathBuf> {
        self.home.clone()
    }
    fn os_user(&self) -> Option<String> {
        self.user.clone()
    }
    fn exists(&self, path: &Path) -> bool {
        match &self.existing {
            Some(list) => list.iter().any(|p| p == path),
            None => path.exists(),
        }
    }
}
