//! The `pg-flux` command line: a thin front end over the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod terminal_progress;

use pg_flux::commands::dump::{dump, DumpOptions};
use pg_flux::commands::migrate::{self as migrate_cmd, MigrateOptions};
use pg_flux::commands::pull::{pull, PullOptions};
use pg_flux::commands::verify::{self, verify, VerifyOptions};
use pg_flux::config::{Config, Project, CONFIG_FILE};
use pg_flux::ignore::IgnoreRules;
use pg_flux::inspect::Scope;
use pg_flux::layout::Layout;
use pg_flux::migrate::PlanOptions;
use pg_flux::shadow::ShadowTarget;
use pg_flux::Error;

#[derive(Parser)]
#[command(
    name = "pg-flux",
    version,
    about = "Keep a PostgreSQL schema as reviewed SQL source files"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write every catalog object of a live database into SQL source files.
    Dump(DumpArgs),
    /// List live objects that the source files do not declare (read-only).
    Verify(VerifyArgs),
    /// Capture undeclared live objects into <schema-dir>/_pulled/<timestamp>_pulled.sql.
    Pull(PullArgs),
    /// Migrations from the live database to the declared source.
    Migrate {
        #[command(subcommand)]
        command: MigrateCommand,
    },
    /// Language server on stdio (Language Server Protocol; logs on stderr).
    Lsp(LspArgs),
}

#[derive(clap::Args)]
struct LspArgs {
    /// Append the server's log to this file instead of stderr.
    #[arg(long, value_name = "PATH")]
    log_file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum MigrateCommand {
    /// Write <migrations-dir>/<timestamp>_<label>.sql taking the live database to the source.
    ///
    /// Prints `Generated: <file> (N statements)`. N counts the statements that change the
    /// database: not the session settings (SET, RESET, SET SESSION AUTHORIZATION) nor
    /// BEGIN/COMMIT. 0 means the live database already matches the source.
    Generate(GenerateArgs),
}

#[derive(clap::Args)]
struct GenerateArgs {
    /// Database to read (libpq URI or keyword string); default $DATABASE_URL, then pg-flux.toml.
    #[arg(long, value_name = "URL")]
    db: Option<String>,
    /// Source directory; default `schema_dir` in pg-flux.toml (the nearest one upward), else schema/ beside it.
    #[arg(long, value_name = "DIR")]
    schema_dir: Option<PathBuf>,
    /// Where migrations go; default `migrations_dir` in pg-flux.toml, else migrations/ beside it.
    #[arg(long, value_name = "DIR")]
    migrations_dir: Option<PathBuf>,
    /// Name of the migration (letters, digits, '_', '-').
    #[arg(long, value_name = "NAME", default_value = "migration")]
    label: String,
    /// An existing empty database to load the source into (default: [shadow] url in
    /// pg-flux.toml, else a throwaway cluster of the live server's version).
    #[arg(long, value_name = "URL")]
    shadow_db: Option<String>,
    /// Refuse to write a migration with a hazard: one that drops data or an undeclared live object, or revokes an undeclared grant (exit 2).
    #[arg(long)]
    no_destructive: bool,
    /// Create indexes on existing tables with CREATE INDEX CONCURRENTLY.
    #[arg(long)]
    concurrent_indexes: bool,
    /// Leave live objects and grants the source does not declare (hotfixes not pulled yet) out of the migration.
    #[arg(long)]
    keep_undeclared: bool,
}

#[derive(clap::Args)]
struct VerifyArgs {
    /// Database to read (libpq URI or keyword string); default $DATABASE_URL, then pg-flux.toml.
    #[arg(long, value_name = "URL")]
    db: Option<String>,
    /// Source directory; default `schema_dir` in pg-flux.toml (the nearest one upward), else schema/ beside it.
    #[arg(long, value_name = "DIR")]
    schema_dir: Option<PathBuf>,
    /// Exit with status 1 when any live object is undeclared.
    #[arg(long)]
    strict: bool,
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    /// Also list declared objects whose live definition differs, and declared objects missing
    /// from the live database (loads the source into a shadow database).
    #[arg(long)]
    drift: bool,
    /// With --drift: an existing empty database to load the source into.
    #[arg(long, value_name = "URL")]
    shadow_db: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Text,
    Json,
}

#[derive(clap::Args)]
struct PullArgs {
    /// Database to read (libpq URI or keyword string); default $DATABASE_URL, then pg-flux.toml.
    #[arg(long, value_name = "URL")]
    db: Option<String>,
    /// Source directory; default `schema_dir` in pg-flux.toml (the nearest one upward), else schema/ beside it.
    #[arg(long, value_name = "DIR")]
    schema_dir: Option<PathBuf>,
    /// Print what would be captured and write nothing (`--dry-run=false` writes).
    #[arg(
        long,
        value_name = "BOOL",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "true"
    )]
    dry_run: Option<bool>,
}

#[derive(clap::Args)]
struct DumpArgs {
    /// Database to read (libpq URI or keyword string); default $DATABASE_URL, then pg-flux.toml.
    #[arg(long, value_name = "URL")]
    db: Option<String>,
    /// Directory to write the source tree into; default `schema_dir` in pg-flux.toml (the
    /// nearest one upward), else schema/ beside it.
    #[arg(long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// per-kind: one file per object under a directory per kind; flat: one schema.sql.
    #[arg(long, value_enum, default_value_t = LayoutArg::PerKind)]
    layout: LayoutArg,
    /// Only these schemas (comma-separated).
    #[arg(long, value_name = "a,b", value_delimiter = ',')]
    schemas: Option<Vec<String>>,
    /// Overwrite a non-empty output directory.
    #[arg(long)]
    force: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum LayoutArg {
    PerKind,
    Flat,
}

#[cfg(feature = "dhat-heap")]
#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// A heap profile written at exit, or (`PGFLUX_DHAT_AFTER=<seconds>`) that long after the
/// start, with what is live then (a language server's state while it runs).
#[cfg(feature = "dhat-heap")]
fn start_heap_profile() -> Option<dhat::Profiler> {
    let profiler = dhat::Profiler::builder()
        .file_name(std::env::var_os("PGFLUX_DHAT_OUT").unwrap_or_else(|| "dhat-heap.json".into()))
        .build();
    let after: Option<u64> = std::env::var("PGFLUX_DHAT_AFTER")
        .ok()
        .and_then(|s| s.parse().ok());
    let Some(after) = after else {
        return Some(profiler);
    };
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(after));
        drop(profiler);
    });
    None
}

fn main() -> ExitCode {
    #[cfg(feature = "dhat-heap")]
    let _profiler = start_heap_profile();
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return fail(&Error::Usage(format!("could not start the runtime: {e}"))),
    };
    let command = match &cli.command {
        Command::Dump(_) => Some("dump"),
        Command::Verify(_) => Some("verify"),
        Command::Pull(_) => Some("pull"),
        Command::Migrate { .. } => Some("migrate"),
        Command::Lsp(_) => None,
    };
    // Bars on a terminal only: output to a file or a CI log gets none.
    if let Some(command) = command.filter(|_| std::io::stderr().is_terminal()) {
        pg_flux::progress::install(Box::new(terminal_progress::TerminalProgress::new(command)));
    }
    let result = runtime.block_on(async {
        tokio::spawn(exit_on_signal());
        match cli.command {
            Command::Dump(args) => run_dump(args).await,
            Command::Verify(args) => run_verify(args).await,
            Command::Pull(args) => run_pull(args).await,
            Command::Lsp(args) => {
                if let Some(path) = &args.log_file {
                    pg_flux::lsp::log_to_file(path)?;
                }
                pg_flux::lsp::run_stdio().await;
                Ok(ExitCode::SUCCESS)
            }
            Command::Migrate {
                command: MigrateCommand::Generate(args),
            } => run_generate(args).await,
        }
    });
    // A read of stdin may still be pending on a blocking thread (the language server's input
    // after `exit`): do not wait for it.
    runtime.shutdown_timeout(std::time::Duration::from_millis(200));
    match result {
        Ok(code) => code,
        Err(e) => fail(&e),
    }
}

/// SIGINT or SIGTERM: whatever a write had staged is removed (a swap in progress finishes
/// first, see `layout::abandon_writes`), then the process exits with 130, as shells expect.
async fn exit_on_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
    pg_flux::layout::abandon_writes();
    eprintln!("pg-flux: interrupted; nothing half-written was left behind");
    std::process::exit(130);
}

fn fail(error: &Error) -> ExitCode {
    eprintln!("error: {error}");
    ExitCode::from(2)
}

/// `connecting to host:port…` on a terminal, before the first connection (a bad connection
/// string is the command's own error to report).
fn connecting(conninfo: &str) {
    if !std::io::stderr().is_terminal() {
        return;
    }
    if let Ok(info) = pg_flux::connect::ConnInfo::from_env(conninfo) {
        eprintln!("connecting to {}…", pg_flux::connect::endpoint(&info));
    }
}

/// `--db`, else `$DATABASE_URL`, else `pg-flux.toml`'s `[database] url`.
fn database_url(flag: Option<String>, config: &Config) -> Result<String, Error> {
    flag.or_else(|| std::env::var("DATABASE_URL").ok().filter(|s| !s.is_empty()))
        .or_else(|| config.database.url.clone())
        .ok_or_else(|| {
            Error::Usage(
                "no database given: pass --db, set DATABASE_URL, or set [database] url in pg-flux.toml"
                    .into(),
            )
        })
}

async fn run_dump(args: DumpArgs) -> Result<ExitCode, Error> {
    let project = find_project()?;
    let config = &project.config;
    let options = DumpOptions {
        conninfo: database_url(args.db, config)?,
        output: args.output.unwrap_or_else(|| project.schema_dir()),
        layout: match args.layout {
            LayoutArg::PerKind => Layout::PerKind,
            LayoutArg::Flat => Layout::Flat,
        },
        scope: scope(args.schemas.or(config.database.schemas.clone()), config)?,
        force: args.force,
    };
    connecting(&options.conninfo);
    let report = dump(&options).await?;
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    for object in &report.unmodeled {
        eprintln!(
            "warning: not captured (pg-flux does not model this kind yet): {} {}",
            object.kind, object.identity
        );
    }
    for file in &report.kept {
        eprintln!(
            "warning: kept {}: dump never writes a file of that name, so it is not replaced",
            options.output.join(file).display()
        );
    }
    println!(
        "Dumped {} object(s) into {} ({} file(s)).",
        report.objects,
        options.output.display(),
        report.files
    );
    if !report.unmodeled.is_empty() {
        println!(
            "{} live object(s) of kinds pg-flux does not model were not captured (listed above).",
            report.unmodeled.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The schemas to read, less what `[ignore]` takes out (a rule that does not parse is an
/// error naming it).
fn scope(schemas: Option<Vec<String>>, config: &Config) -> Result<Scope, Error> {
    let ignore = IgnoreRules::parse(&config.ignore)
        .map_err(|e| Error::Usage(format!("{CONFIG_FILE}: {e}")))?;
    Ok(Scope { schemas, ignore })
}

/// The nearest `pg-flux.toml` from the current directory upward.
fn find_project() -> Result<Project, Error> {
    Project::discover(&std::env::current_dir().map_err(|e| Error::io(".", e))?)
}

/// `--schema-dir`, else `schema_dir` in pg-flux.toml, else `schema` beside it.
fn schema_dir(flag: Option<PathBuf>, project: &Project) -> PathBuf {
    flag.unwrap_or_else(|| project.schema_dir())
}

/// The schema unqualified names in source resolve to: the first of `search_path`.
fn default_schema(config: &Config) -> String {
    config
        .database
        .search_path
        .as_ref()
        .and_then(|p| p.first().cloned())
        .unwrap_or_else(|| "public".to_string())
}

fn warn_problems(problems: &[pg_flux::source::Problem]) {
    for p in problems {
        eprintln!("warning: {}: {}", p.span, p.message);
    }
}

async fn run_verify(args: VerifyArgs) -> Result<ExitCode, Error> {
    let project = find_project()?;
    let config = &project.config;
    let options = VerifyOptions {
        conninfo: database_url(args.db, config)?,
        schema_dir: schema_dir(args.schema_dir, &project),
        default_schema: default_schema(config),
        scope: scope(config.database.schemas.clone(), config)?,
    };
    connecting(&options.conninfo);
    let report = verify(&options).await?;
    let drift = if args.drift {
        let target = shadow_target(args.shadow_db, config);
        let (changes, warnings) = migrate_cmd::drift(
            &options.conninfo,
            &options.schema_dir,
            (&target, config.shadow.partial.unwrap_or(true)),
            &options.scope,
            &options.default_schema,
        )
        .await?;
        for w in warnings {
            eprintln!("warning: {w}");
        }
        Some(changes)
    } else {
        None
    };
    for w in pg_flux::ignore::unused_rule_warnings(&report.ignored) {
        eprintln!("warning: {w}");
    }
    match args.format {
        FormatArg::Text => {
            warn_problems(&report.problems);
            print!(
                "{}",
                verify::render_text(&report, &options.schema_dir, drift.as_deref())
            );
        }
        FormatArg::Json => {
            let mut value: serde_json::Value =
                serde_json::from_str(&verify::render_json(&report)).unwrap_or_default();
            if let (Some(changes), Some(map)) = (&drift, value.as_object_mut()) {
                let list: Vec<serde_json::Value> = changes
                    .iter()
                    .map(|c| serde_json::json!({"kind": c.kind, "object": c.object, "change": c.to_string()}))
                    .collect();
                map.insert("drift".into(), serde_json::Value::Array(list));
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".into())
            );
        }
    }
    let drifted = drift.as_ref().is_some_and(|c| !c.is_empty());
    if args.strict && (!report.is_clean() || drifted || report.duplicates > 0) {
        Ok(ExitCode::from(1))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

/// `--shadow-db`, else `[shadow] url`, else a throwaway cluster.
fn shadow_target(flag: Option<String>, config: &Config) -> ShadowTarget {
    match flag.or_else(|| config.shadow.url.clone()) {
        Some(url) => ShadowTarget::Url(url),
        None => ShadowTarget::Embedded(pg_flux::shadow::EmbeddedOptions {
            install: config.shadow.install.unwrap_or(true),
            bindir: config.shadow.bindir.clone(),
            preload_libraries: config.shadow.preload_libraries.clone().unwrap_or_default(),
        }),
    }
}

async fn run_generate(args: GenerateArgs) -> Result<ExitCode, Error> {
    let project = find_project()?;
    let config = &project.config;
    let options = MigrateOptions {
        conninfo: database_url(args.db, config)?,
        schema_dir: schema_dir(args.schema_dir, &project),
        migrations_dir: args
            .migrations_dir
            .unwrap_or_else(|| project.migrations_dir()),
        label: args.label,
        shadow: shadow_target(args.shadow_db, config),
        partial_shadow: config.shadow.partial.unwrap_or(true),
        scope: scope(config.database.schemas.clone(), config)?,
        default_schema: default_schema(config),
        no_destructive: args.no_destructive,
        plan: PlanOptions {
            concurrent_indexes: args.concurrent_indexes,
            keep_undeclared: args.keep_undeclared,
        },
    };
    connecting(&options.conninfo);
    let report = migrate_cmd::generate(&options).await?;
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    for h in report.hazards.iter().chain(&report.locks) {
        eprintln!("hazard: {h}");
    }
    println!(
        "Generated: {} ({} statements)",
        report.path.display(),
        report.statements
    );
    Ok(ExitCode::SUCCESS)
}

async fn run_pull(args: PullArgs) -> Result<ExitCode, Error> {
    let project = find_project()?;
    let config = &project.config;
    let options = PullOptions {
        conninfo: database_url(args.db, config)?,
        schema_dir: schema_dir(args.schema_dir, &project),
        default_schema: default_schema(config),
        scope: scope(config.database.schemas.clone(), config)?,
        dry_run: args.dry_run.unwrap_or(false),
    };
    connecting(&options.conninfo);
    let report = pull(&options).await?;
    warn_problems(&report.problems);
    for identity in &report.unmodeled {
        eprintln!("warning: not captured (pg-flux does not model this kind yet): {identity}");
    }
    // A dry run's stdout is the SQL alone (`pull --dry-run > x.sql` loads with psql): what is
    // said about it goes to stderr.
    let say = |line: String| {
        if options.dry_run {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    };
    match &report.path {
        None if report.unmodeled.is_empty() => {
            say("pull: nothing to capture — every live object is declared in source.".into())
        }
        None => say(format!(
            "pull: nothing pg-flux can capture; {} live object(s) of kinds it does not model are listed above.",
            report.unmodeled.len()
        )),
        Some(path) if options.dry_run => {
            print!("{}", report.text);
            say(format!(
                "Dry run: would write {} object(s) to {} (nothing written).",
                report.objects,
                path.display()
            ));
        }
        Some(path) => say(format!("Wrote {} object(s) to {}", report.objects, path.display())),
    }
    Ok(ExitCode::SUCCESS)
}
