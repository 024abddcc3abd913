//! Connection service files (`pg_service.conf`): named groups of connection keywords, picked
//! with `service=` or `PGSERVICE`, as in libpq.
//!
//! ```text
//! # comment
//! [mydb]
//! host=db.example.com
//! dbname=app
//! ```
//!
//! The files are searched in libpq's order: `servicefile=` / `PGSERVICEFILE`, else
//! `~/.pg_service.conf`; then `PGSYSCONFDIR/pg_service.conf` (without `PGSYSCONFDIR`,
//! `/etc/postgresql-common/pg_service.conf`, where Debian's libpq looks). The first file with a
//! `[name]` section wins; a missing file is skipped. A service's settings are defaults: keywords
//! given in the connection string override them, and they override the `PG*` variables.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::conninfo::{config_error, keyword_or_reason, Params};
use super::env::Env;
use crate::error::Result;

/// Where service files are looked for when `PGSYSCONFDIR` is not set.
const DEFAULT_SYSCONFDIR: &str = "/etc/postgresql-common";

/// Adds the settings of the service named by `service=` or `PGSERVICE` (if any) to `params`,
/// without overriding what `params` already holds.
pub(super) fn apply(params: &mut Params, env: &dyn Env) -> Result<()> {
    let Some(name) = params
        .get("service")
        .cloned()
        .or_else(|| env.var("PGSERVICE"))
    else {
        return Ok(());
    };
    for file in candidate_files(params, env) {
        let text = match fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => {
                return Err(config_error(format!(
                    "could not read service file \"{}\": {e}",
                    file.display()
                )))
            }
        };
        if let Some(settings) = find_service(&text, &name, &file)? {
            for (k, v) in settings {
                params.entry(k).or_insert(v);
            }
            return Ok(());
        }
    }
    Err(config_error(format!(
        "definition of service \"{name}\" not found"
    )))
}

/// The user's service file, then the system one, in libpq's order.
fn candidate_files(params: &Params, env: &dyn Env) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let user_file = params
        .get("servicefile")
        .cloned()
        .or_else(|| env.var("PGSERVICEFILE"))
        .map(PathBuf::from)
        .or_else(|| env.home_dir().map(|h| h.join(".pg_service.conf")));
    files.extend(user_file);
    match env.var("PGSYSCONFDIR") {
        Some(dir) => files.push(Path::new(&dir).join("pg_service.conf")),
        None => {
            // Asked through `env` so that tests with a fixed environment never read /etc.
            let default = Path::new(DEFAULT_SYSCONFDIR).join("pg_service.conf");
            if env.exists(&default) {
                files.push(default);
            }
        }
    }
    files
}

/// The settings of section `[name]` in a service file's `text`, or `None` when it has no such
/// section. Only the first such section counts, and within it the first value of a keyword.
pub(super) fn find_service(text: &str, name: &str, file: &Path) -> Result<Option<Params>> {
    let mut settings: Option<Params> = None;
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(section) = line.strip_prefix('[') {
            if settings.is_some() {
                break; // The end of the wanted section.
            }
            if section.strip_suffix(']') == Some(name) {
                settings = Some(Params::new());
            }
            continue;
        }
        let Some(found) = settings.as_mut() else {
            continue; // Other sections are not checked, as in libpq.
        };
        let at = || format!("service file \"{}\", line {}", file.display(), number + 1);
        let Some((key, value)) = line.split_once('=') else {
            return Err(config_error(format!("syntax error in {}", at())));
        };
        let key = key.trim();
        if key == "service" {
            return Err(config_error(format!(
                "nested service specifications are not supported ({})",
                at()
            )));
        }
        let key =
            keyword_or_reason(key).map_err(|why| config_error(format!("{why} ({})", at())))?;
        let value = value.trim();
        if !value.is_empty() {
            found.entry(key).or_insert_with(|| value.to_string());
        }
    }
    Ok(settings)
}
