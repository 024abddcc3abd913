//! The README's first command: a real dump of a real database. Starts a throwaway PostgreSQL
//! (the embedded module), loads a bundled fixture, and runs `pg-flux dump` on it.
//!
//! Usage: demo [FIXTURE] [OUTPUT]   (defaults: 01_saas_app, ./schema-demo)

use std::path::PathBuf;
use std::process::ExitCode;

use pg_flux_tests::{fixtures, load_fixture, pg_flux_bin, TestDb};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let fixture = args.next().unwrap_or_else(|| "01_saas_app".to_string());
    let output = PathBuf::from(args.next().unwrap_or_else(|| "schema-demo".to_string()));
    if !fixtures().contains(&fixture) {
        eprintln!(
            "unknown fixture {fixture:?}; choose one of {:?}",
            fixtures()
        );
        return ExitCode::from(2);
    }
    let db = TestDb::new();
    eprintln!(
        "demo: PostgreSQL {} on port {}, fixture {fixture} loaded into database {}",
        db.cluster.binaries().version,
        db.cluster.port(),
        db.name
    );
    load_fixture(&db, &fixture);
    let status = std::process::Command::new(pg_flux_bin())
        .args(["dump", "--db", &db.url(), "--output"])
        .arg(&output)
        .arg("--force")
        .status();
    match status {
        Ok(s) if s.success() => {
            eprintln!("demo: the source tree is in {}", output.display());
            ExitCode::SUCCESS
        }
        Ok(s) => ExitCode::from(s.code().unwrap_or(2) as u8),
        Err(e) => {
            eprintln!("demo: could not run pg-flux: {e}");
            ExitCode::from(2)
        }
    }
}
