//! The `pg-flux` command line: a thin front end over the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use pg_flux::commands::dump::{dump, DumpOptions};
use pg_flux::config::Config;
use pg_flux::inspect::Scope;
use pg_flux::layout::Layout;
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
}

#[derive(clap::Args)]
struct DumpArgs {
    /// Database to read (libpq URI or keyword string); default $DATABASE_URL, then pg-flux.toml.
    #[arg(long, value_name = "URL")]
    db: Option<String>,
    /// Directory to write the source tree into.
    #[arg(long, value_name = "DIR")]
    output: PathBuf,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return fail(&Error::Usage(format!("could not start the runtime: {e}"))),
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Dump(args) => run_dump(args).await,
        }
    });
    match result {
        Ok(code) => code,
        Err(e) => fail(&e),
    }
}

fn fail(error: &Error) -> ExitCode {
    eprintln!("error: {error}");
    ExitCode::from(2)
}

/// Progress lines on stderr, only when it is a terminal.
fn progress(message: &str) {
    if std::io::stderr().is_terminal() {
        eprintln!("{message}");
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
    let config = Config::load(&std::env::current_dir().map_err(|e| Error::io(".", e))?)?;
    let options = DumpOptions {
        conninfo: database_url(args.db, &config)?,
        output: args.output,
        layout: match args.layout {
            LayoutArg::PerKind => Layout::PerKind,
            LayoutArg::Flat => Layout::Flat,
        },
        scope: Scope {
            schemas: args.schemas.or(config.database.schemas),
        },
        force: args.force,
    };
    progress("dump: reading the catalog…");
    let report = dump(&options).await?;
    for object in &report.unmodeled {
        eprintln!(
            "warning: not captured (pg-flux does not model this kind yet): {} {}",
            object.kind, object.identity
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
