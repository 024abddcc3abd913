//! `pg-flux.toml`: project settings. Every key is optional; command-line flags and client
//! settings override it.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};

pub const CONFIG_FILE: &str = "pg-flux.toml";

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub schema_dir: Option<PathBuf>,
    pub migrations_dir: Option<PathBuf>,
    #[serde(default)]
    pub database: DatabaseConfig,
    #[serde(default)]
    pub shadow: ShadowConfig,
    #[serde(default)]
    pub ignore: IgnoreConfig,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DatabaseConfig {
    pub url: Option<String>,
    pub search_path: Option<Vec<String>>,
    pub schemas: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ShadowConfig {
    pub url: Option<String>,
    /// Install the live major's server programs into the cache when none are found (default:
    /// true).
    pub install: Option<bool>,
    /// A bindir of server programs for the throwaway shadow; `PGFLUX_PG_BINDIR` goes first.
    pub bindir: Option<PathBuf>,
    /// Libraries the throwaway shadow cluster loads at start (`shared_preload_libraries`): the
    /// security label provider the source's `SECURITY LABEL FOR` statements name, say.
    pub preload_libraries: Option<Vec<String>>,
    /// When the source is dump's output except in a few files, load only those files and what
    /// they touch (default: true); false loads the whole source whenever it is not the dump.
    pub partial: Option<bool>,
}

/// `[ignore]`: objects managed by someone else (a platform's `auth` schema), which pg-flux
/// never dumps, reports, pulls, diffs or drops. Parsed into rules by [`crate::ignore`].
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct IgnoreConfig {
    /// Schemas, with everything in them (`*` wildcard).
    #[serde(default)]
    pub schemas: Vec<String>,
    /// Identities as verify prints them, optionally after a kind word (`function
    /// public.debug_*(*)`), `*` wildcard.
    #[serde(default)]
    pub objects: Vec<String>,
}

/// The project a command runs in: the nearest `pg-flux.toml` from the starting directory
/// upward (as cargo and git find theirs), and the folder its relative paths start from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Project {
    pub config: Config,
    /// The folder of the `pg-flux.toml` found, else the starting directory.
    pub dir: PathBuf,
    /// The file found, if any.
    pub file: Option<PathBuf>,
    /// Where the search started (the current directory): paths are given relative to it.
    pub start: PathBuf,
}

impl Project {
    /// Finds and reads the nearest `pg-flux.toml` at or above `start`. `schema_dir` and
    /// `migrations_dir` come back relative to `start` (so they print as the user would type
    /// them), having been written relative to the file's folder.
    pub fn discover(start: &Path) -> Result<Project> {
        let Some(dir) = start.ancestors().find(|d| d.join(CONFIG_FILE).is_file()) else {
            return Ok(Project {
                config: Config::default(),
                dir: start.to_path_buf(),
                file: None,
                start: start.to_path_buf(),
            });
        };
        let mut config = Config::load(dir)?;
        let rebase = |p: Option<PathBuf>| p.map(|p| relative_to(start, &dir.join(p)));
        config.schema_dir = rebase(config.schema_dir);
        config.migrations_dir = rebase(config.migrations_dir);
        config.shadow.bindir = rebase(config.shadow.bindir);
        Ok(Project {
            config,
            dir: dir.to_path_buf(),
            file: Some(dir.join(CONFIG_FILE)),
            start: start.to_path_buf(),
        })
    }

    /// `schema_dir` of the file, else `schema` in the project's folder.
    pub fn schema_dir(&self) -> PathBuf {
        self.config
            .schema_dir
            .clone()
            .unwrap_or_else(|| relative_to(&self.start, &self.dir.join("schema")))
    }

    /// `migrations_dir` of the file, else `migrations` in the project's folder.
    pub fn migrations_dir(&self) -> PathBuf {
        self.config
            .migrations_dir
            .clone()
            .unwrap_or_else(|| relative_to(&self.start, &self.dir.join("migrations")))
    }
}

/// `path` as seen from `from` when `path` is absolute and under an ancestor of `from`
/// (`../../schema`); otherwise `path` unchanged.
pub fn relative_to(from: &Path, path: &Path) -> PathBuf {
    if !path.is_absolute() || !from.is_absolute() {
        return path.to_path_buf();
    }
    for (ups, base) in from.ancestors().enumerate() {
        if let Ok(rest) = path.strip_prefix(base) {
            let mut out = PathBuf::new();
            for _ in 0..ups {
                out.push("..");
            }
            if !rest.as_os_str().is_empty() {
                out.push(rest);
            }
            if out.as_os_str().is_empty() {
                out.push(".");
            }
            return out;
        }
    }
    path.to_path_buf()
}

impl Config {
    /// Reads `pg-flux.toml` in `dir`; a missing file is an empty configuration.
    pub fn load(dir: &Path) -> Result<Config> {
        let path = dir.join(CONFIG_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text).map_err(|message| Error::Io { path, message }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    pub fn parse(text: &str) -> std::result::Result<Config, String> {
        Config::parse_unexpanded(text)?.expand()
    }

    /// The file as written, `${VAR}` not yet expanded (a client setting may replace a URL whose
    /// variable is not set).
    pub fn parse_unexpanded(text: &str) -> std::result::Result<Config, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Expands `${VAR}` in the URLs from the environment.
    pub fn expand(self) -> std::result::Result<Config, String> {
        let mut config = self;
        if let Some(url) = &config.database.url {
            config.database.url = Some(expand_env(url, |name| std::env::var(name).ok())?);
        }
        if let Some(url) = &config.shadow.url {
            config.shadow.url = Some(expand_env(url, |name| std::env::var(name).ok())?);
        }
        Ok(config)
    }
}

/// Expands `${VAR}` from the environment; an unset variable is an error naming it.
pub fn expand_env(
    text: &str,
    var: impl Fn(&str) -> Option<String>,
) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find('}')
            .ok_or_else(|| format!("unterminated ${{ in {text:?}"))?;
        let name = &after[..end];
        let value = var(name).ok_or_else(|| format!("environment variable {name} is not set"))?;
        out.push_str(&value);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_variables() {
        let env = |n: &str| (n == "DB").then(|| "postgres://x".to_string());
        assert_eq!(
            expand_env("${DB}/app", env).as_deref(),
            Ok("postgres://x/app")
        );
        assert!(expand_env("${NOPE}", env).unwrap_err().contains("NOPE"));
        assert_eq!(expand_env("plain", env).as_deref(), Ok("plain"));
    }

    #[test]
    fn parses_every_key() {
        let c = Config::parse(
            "schema_dir = \"db\"\nmigrations_dir = \"m\"\n[database]\nurl = \"postgres://h/d\"\n\
             search_path = [\"app\", \"public\"]\nschemas = [\"app\"]\n[shadow]\nurl = \"postgres://h/s\"\n",
        )
        .unwrap_or_default();
        assert_eq!(c.schema_dir.as_deref(), Some(Path::new("db")));
        assert_eq!(c.database.schemas, Some(vec!["app".to_string()]));
        assert_eq!(c.shadow.url.as_deref(), Some("postgres://h/s"));
        let c = Config::parse("[ignore]\nschemas = [\"auth\"]\nobjects = [\"public.legacy_*\"]\n")
            .unwrap_or_default();
        assert_eq!(c.ignore.schemas, vec!["auth".to_string()]);
        assert_eq!(c.ignore.objects, vec!["public.legacy_*".to_string()]);
    }

    #[test]
    fn the_nearest_file_upward_wins_and_its_paths_start_at_its_folder() {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = root.path();
        let deep = root.join("db/sub");
        std::fs::create_dir_all(&deep).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(root.join(CONFIG_FILE), "schema_dir = \"src/schema\"\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let project = Project::discover(&deep).unwrap_or_default();
        assert_eq!(project.dir, root);
        assert_eq!(project.schema_dir(), Path::new("../../src/schema"));
        assert_eq!(project.migrations_dir(), Path::new("../../migrations"));
        let at_root = Project::discover(root).unwrap_or_default();
        assert_eq!(at_root.schema_dir(), Path::new("src/schema"));
        assert_eq!(at_root.migrations_dir(), Path::new("migrations"));
        let none = Project::discover(Path::new("/")).unwrap_or_default();
        assert_eq!(none.file, None);
    }

    #[test]
    fn relative_paths_count_the_levels_up() {
        assert_eq!(
            relative_to(Path::new("/a/b/c"), Path::new("/a/x")),
            Path::new("../../x")
        );
        assert_eq!(
            relative_to(Path::new("/a"), Path::new("/a")),
            Path::new(".")
        );
        assert_eq!(
            relative_to(Path::new("/a"), Path::new("rel")),
            Path::new("rel")
        );
    }

    #[test]
    fn parses_the_shadow_server_settings() {
        let c =
            Config::parse("[shadow]\ninstall = false\nbindir = \"/usr/lib/postgresql/16/bin\"\n")
                .unwrap_or_default();
        assert_eq!(c.shadow.install, Some(false));
        assert_eq!(
            c.shadow.bindir.as_deref(),
            Some(Path::new("/usr/lib/postgresql/16/bin"))
        );
        assert_eq!(Config::parse("").unwrap_or_default().shadow.install, None);
        assert!(Config::parse("[shadow]\ninstall = \"no\"\n").is_err());
    }

    #[test]
    fn unknown_keys_are_errors() {
        assert!(Config::parse("shema_dir = \"x\"").is_err());
    }
}
