//! A throwaway database for the editor end-to-end tests (editors/*/test): starts a cluster of
//! the default test major (the embedded module), creates a fresh database, loads the SQL files
//! given as arguments, prints the database's URL as one line on stdout, then the path of a psql
//! at least as new as the server (the tests' own `client_tool`) as a second line, and stays up
//! until its standard input closes (the cluster dies with this process).
//!
//! Usage: testdb FILE.sql...

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use pg_flux_tests::TestDb;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let db = TestDb::new();
    for file in &files {
        if let Err(e) = db.try_load_file(Path::new(file)) {
            eprintln!("testdb: loading {file} failed: {e}");
            return ExitCode::from(2);
        }
    }
    let mut stdout = std::io::stdout();
    let psql = pg_flux_tests::client_tool("psql", db.major());
    if writeln!(stdout, "{}\n{}", db.url(), psql.display())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    // Wait for EOF (or an error) on stdin: the test is done with the database.
    let mut sink = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut sink);
    ExitCode::SUCCESS
}
