//! The server's settings: the nearest `pg-flux.toml` at or above the workspace root (as the
//! command line finds it), overridden by client settings (`initializationOptions`,
//! `workspace/didChangeConfiguration`).

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use crate::config::{expand_env, Config, CONFIG_FILE};
use crate::ignore::IgnoreRules;
use crate::inspect::Scope;
use crate::shadow::{EmbeddedOptions, ShadowTarget};

/// What the client may set (camelCase, as editors' settings are).
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientSettings {
    pub schema_dir: Option<String>,
    /// Where generated migrations go, relative to the workspace (as `schemaDir`).
    pub migrations_dir: Option<String>,
    pub database_url: Option<String>,
    pub search_path: Option<Vec<String>>,
    pub schemas: Option<Vec<String>>,
    /// An existing empty database to load the source into (default: `[shadow] url`, else a
    /// throwaway cluster).
    pub shadow_database_url: Option<String>,
    /// `false`: no shadow database, so no drift diagnostics (default: on).
    pub drift: Option<bool>,
}

impl ClientSettings {
    /// Reads `{"pg-flux": {...}}`, `{"pgFlux": {...}}` or the settings object itself;
    /// anything else is no settings.
    pub fn from_json(value: &Value) -> ClientSettings {
        let inner = value
            .get("pg-flux")
            .or_else(|| value.get("pgFlux"))
            .unwrap_or(value);
        serde_json::from_value(inner.clone()).unwrap_or_default()
    }
}

/// The settings in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub root: PathBuf,
    /// The folder of the `pg-flux.toml` in force (the workspace root when there is none): its
    /// relative paths start there.
    pub project_dir: PathBuf,
    pub schema_dir: PathBuf,
    /// `migrations_dir`: its files get syntax and hazard diagnostics, never count as source.
    pub migrations_dir: PathBuf,
    /// `None`: no database configured (no database diagnostics).
    pub database_url: Option<String>,
    pub search_path: Vec<String>,
    pub schemas: Option<Vec<String>>,
    /// `[ignore]` of pg-flux.toml: ignored live objects are never reported, declared ones
    /// are warned about.
    pub ignore: IgnoreRules,
    /// Where drift is checked; `None`: not checked.
    pub shadow: Option<ShadowTarget>,
    /// Where `Generate migration` loads the source (the shadow drift would use, even when
    /// drift is off).
    pub migrate_shadow: ShadowTarget,
    /// `[shadow] partial`: a source that is dump's output except in a few files loads only
    /// those files and what they touch.
    pub partial_shadow: bool,
    /// `pg-flux.toml` could not be read or parsed (published on the file).
    pub config_error: Option<String>,
}

impl Settings {
    /// Resolves the settings for the workspace at `root`.
    pub fn resolve(root: &Path, client: &ClientSettings) -> Settings {
        let project_dir = root
            .ancestors()
            .find(|d| d.join(CONFIG_FILE).is_file())
            .unwrap_or(root)
            .to_path_buf();
        let (config, mut config_error) =
            match std::fs::read_to_string(project_dir.join(CONFIG_FILE)) {
                Ok(text) => match Config::parse_unexpanded(&text) {
                    Ok(c) => (c, None),
                    Err(e) => (Config::default(), Some(one_line(&e))),
                },
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), None),
                Err(e) => (Config::default(), Some(e.to_string())),
            };
        let env = |name: &str| std::env::var(name).ok();
        let database_url = match &client.database_url {
            Some(url) => expand_env(url, env)
                .map_err(|e| config_error = Some(e))
                .ok(),
            // As the CLI: $DATABASE_URL before pg-flux.toml.
            None => match env("DATABASE_URL").filter(|s| !s.is_empty()) {
                Some(url) => Some(url),
                None => config.database.url.as_deref().and_then(|url| {
                    expand_env(url, env)
                        .map_err(|e| config_error = Some(format!("[database] url: {e}")))
                        .ok()
                }),
            },
        };
        let shadow_url = match &client.shadow_database_url {
            Some(url) => expand_env(url, env)
                .map_err(|e| config_error = Some(format!("shadowDatabaseUrl: {e}")))
                .ok(),
            None => config.shadow.url.as_deref().and_then(|url| {
                expand_env(url, env)
                    .map_err(|e| config_error = Some(format!("[shadow] url: {e}")))
                    .ok()
            }),
        };
        let migrate_shadow = match shadow_url.filter(|u| !u.is_empty()) {
            Some(url) => ShadowTarget::Url(url),
            None => ShadowTarget::Embedded(EmbeddedOptions {
                install: config.shadow.install.unwrap_or(true),
                // Relative to the folder of pg-flux.toml, as its other paths.
                bindir: config
                    .shadow
                    .bindir
                    .as_ref()
                    .map(|dir| project_dir.join(dir)),
                preload_libraries: config.shadow.preload_libraries.clone().unwrap_or_default(),
            }),
        };
        let shadow = (client.drift != Some(false)).then(|| migrate_shadow.clone());
        // A client setting is relative to the workspace, the file's to its own folder.
        let schema_dir = match (&client.schema_dir, config.schema_dir) {
            (Some(dir), _) => root.join(dir),
            (None, Some(dir)) => project_dir.join(dir),
            (None, None) => project_dir.join("schema"),
        };
        let migrations_dir = match (&client.migrations_dir, config.migrations_dir) {
            (Some(dir), _) => root.join(dir),
            (None, Some(dir)) => project_dir.join(dir),
            (None, None) => project_dir.join("migrations"),
        };
        let search_path = client
            .search_path
            .clone()
            .or(config.database.search_path)
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| vec!["public".to_string()]);
        let ignore = IgnoreRules::parse(&config.ignore)
            .map_err(|e| config_error = Some(e))
            .unwrap_or_default();
        Settings {
            root: root.to_path_buf(),
            schema_dir,
            migrations_dir,
            database_url: database_url.filter(|u| !u.is_empty()),
            search_path,
            schemas: client.schemas.clone().or(config.database.schemas),
            ignore,
            shadow,
            migrate_shadow,
            partial_shadow: config.shadow.partial.unwrap_or(true),
            config_error,
            project_dir,
        }
    }

    /// What the language server inspects: the schemas, less what `[ignore]` takes out.
    pub fn scope(&self) -> Scope {
        Scope {
            schemas: self.schemas.clone(),
            ignore: self.ignore.clone(),
        }
    }

    pub fn config_file(&self) -> PathBuf {
        self.project_dir.join(CONFIG_FILE)
    }

    /// Unqualified names in source resolve to the first schema of `search_path`.
    pub fn default_schema(&self) -> &str {
        self.search_path
            .first()
            .map(String::as_str)
            .unwrap_or("public")
    }

    /// A file of the declared source: a `.sql` file under the schema directory, not in
    /// `_pulled/` nor in the migrations directory (which may lie inside it).
    pub fn is_source(&self, path: &Path) -> bool {
        path.extension().is_some_and(|e| e == "sql")
            && !self.is_migration(path)
            && path.strip_prefix(&self.schema_dir).is_ok_and(|rel| {
                rel.components()
                    .next()
                    .is_some_and(|c| c.as_os_str() != crate::load::PULLED_DIR)
            })
    }
}

impl Settings {
    /// A migration: a `.sql` file under the migrations directory.
    pub fn is_migration(&self, path: &Path) -> bool {
        path.extension().is_some_and(|e| e == "sql") && path.starts_with(&self.migrations_dir)
    }

    /// A file the server keeps from disk when no editor holds it: source or migration.
    pub fn is_read(&self, path: &Path) -> bool {
        self.is_source(path) || self.is_migration(path)
    }
}

pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_settings_override_the_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let toml =
            "schema_dir = \"db\"\n[database]\nurl = \"postgres://h/d\"\nsearch_path = [\"app\"]\n";
        std::fs::write(dir.path().join(CONFIG_FILE), toml).unwrap_or_else(|e| panic!("{e}"));
        let s = Settings::resolve(dir.path(), &ClientSettings::default());
        assert_eq!(s.schema_dir, dir.path().join("db"));
        assert_eq!(s.default_schema(), "app");
        let client = ClientSettings::from_json(&serde_json::json!({
            "pg-flux": {"schemaDir": "other", "databaseUrl": "postgres://x/y"}
        }));
        let s = Settings::resolve(dir.path(), &client);
        assert_eq!(s.schema_dir, dir.path().join("other"));
        assert_eq!(s.database_url.as_deref(), Some("postgres://x/y"));
        assert!(matches!(s.shadow, Some(ShadowTarget::Embedded(_))));
        assert!(s.is_source(&dir.path().join("other/tables/a.sql")));
        assert!(!s.is_source(&dir.path().join("other/_pulled/a.sql")));
        let client = ClientSettings::from_json(&serde_json::json!({
            "pgFlux": {"shadowDatabaseUrl": "postgres://x/shadow"}
        }));
        let s = Settings::resolve(dir.path(), &client);
        assert!(matches!(&s.shadow, Some(ShadowTarget::Url(u)) if u == "postgres://x/shadow"));
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "[shadow]\ninstall = false\nbindir = \"pg/bin\"\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let s = Settings::resolve(dir.path(), &ClientSettings::default());
        let expected = EmbeddedOptions {
            install: false,
            bindir: Some(dir.path().join("pg/bin")),
            preload_libraries: Vec::new(),
        };
        assert_eq!(s.shadow, Some(ShadowTarget::Embedded(expected)));
        let client = ClientSettings::from_json(&serde_json::json!({"drift": false}));
        assert!(Settings::resolve(dir.path(), &client).shadow.is_none());
    }

    #[test]
    fn ignore_rules_come_from_the_file_and_a_refused_one_is_a_config_error() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let write = |toml: &str| {
            std::fs::write(dir.path().join(CONFIG_FILE), toml).unwrap_or_else(|e| panic!("{e}"))
        };
        write("[ignore]\nschemas = [\"auth\"]\nobjects = [\"public.legacy_*\"]\n");
        let s = Settings::resolve(dir.path(), &ClientSettings::default());
        assert_eq!(s.config_error, None);
        assert_eq!(s.scope().ignore.rules().len(), 2);
        write("[ignore]\nobjects = [\"grant SELECT ON public.t TO PUBLIC\"]\n");
        let s = Settings::resolve(dir.path(), &ClientSettings::default());
        assert!(
            s.config_error
                .as_deref()
                .is_some_and(|e| e.contains("a grant is ignored with the object it belongs to")),
            "{:?}",
            s.config_error
        );
        assert!(s.ignore.is_empty());
    }

    #[test]
    fn migrations_are_never_source() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let s = Settings::resolve(dir.path(), &ClientSettings::default());
        assert_eq!(s.migrations_dir, dir.path().join("migrations"));
        // A migrations directory inside the schema directory still holds no source.
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "schema_dir = \"db\"\nmigrations_dir = \"db/migrations\"\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let s = Settings::resolve(dir.path(), &ClientSettings::default());
        let migration = dir
            .path()
            .join("db/migrations/20260101_000000_migration.sql");
        assert!(s.is_migration(&migration) && !s.is_source(&migration) && s.is_read(&migration));
        assert!(s.is_source(&dir.path().join("db/tables/public.t.sql")));
        let client = ClientSettings::from_json(&serde_json::json!({"migrationsDir": "m"}));
        let s = Settings::resolve(dir.path(), &client);
        assert_eq!(s.migrations_dir, dir.path().join("m"));
    }

    #[test]
    fn a_workspace_below_the_project_uses_the_project_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let workspace = dir.path().join("db/tables");
        std::fs::create_dir_all(&workspace).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join(CONFIG_FILE), "schema_dir = \"db\"\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let s = Settings::resolve(&workspace, &ClientSettings::default());
        assert_eq!(s.schema_dir, dir.path().join("db"));
        assert_eq!(s.config_file(), dir.path().join(CONFIG_FILE));
    }
}
