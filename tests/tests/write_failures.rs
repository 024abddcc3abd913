//! A dump whose write fails part-way leaves the target exactly as it was.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use pg_flux::layout::write_tree;
use pg_flux_tests::read_tree;

#[test]
fn a_write_that_fails_midway_leaves_the_previous_tree_and_no_debris() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let target = tmp.path().join("schema");
    let mut first = BTreeMap::new();
    first.insert(
        PathBuf::from("schemas/app.sql"),
        "CREATE SCHEMA app;\n".to_string(),
    );
    write_tree(&target, &first, false).unwrap_or_else(|e| panic!("{e}"));
    let before = read_tree(&target);

    // The second file cannot be created (its name is longer than any filesystem allows), so
    // the write fails after the first file of the new tree was already written.
    let mut second = BTreeMap::new();
    second.insert(
        PathBuf::from("schemas/a.sql"),
        "CREATE SCHEMA a;\n".to_string(),
    );
    second.insert(
        PathBuf::from(format!("tables/{}.sql", "x".repeat(300))),
        String::new(),
    );
    let err = write_tree(&target, &second, true)
        .err()
        .map(|e| e.to_string());
    assert!(
        err.is_some_and(|e| e.contains("tables/")),
        "the failure names the file"
    );
    assert_eq!(read_tree(&target), before, "the previous tree changed");
    let entries: Vec<_> = fs::read_dir(tmp.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        entries,
        vec![Path::new("schema").as_os_str().to_owned()],
        "staging debris left"
    );
}

/// Out of space, for real binaries: a file-size limit (`ulimit -f`, with SIGXFSZ ignored, so a
/// write past it fails with EFBIG exactly where a full disk fails with ENOSPC). `dump --force`
/// over an existing tree and `pull` both fail with one clear error, the previous tree intact,
/// no partial file and no debris.
#[test]
fn running_out_of_space_leaves_the_previous_tree_and_no_partial_file() {
    let db = pg_flux_tests::TestDb::new();
    let columns: String = (0..300)
        .map(|i| format!(", column_with_a_long_name_{i} text DEFAULT 'some default text'"))
        .collect();
    db.exec(&format!(
        "CREATE TABLE public.wide (id integer PRIMARY KEY{columns})"
    ));
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = tmp.path();
    let first = pg_flux_tests::pg_flux(root, &["dump", "--db", &db.url(), "--output", "schema"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let before = read_tree(&root.join("schema"));
    let limited = |args: &str| {
        // 16 blocks of 512 bytes: the table's file (over 20 KB) does not fit.
        let script = format!(
            "trap '' XFSZ; ulimit -f 16; exec '{}' {args}",
            pg_flux_tests::pg_flux_bin().display()
        );
        std::process::Command::new("sh")
            .args(["-c", &script])
            .current_dir(root)
            .env_remove("DATABASE_URL")
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    db.exec("ALTER TABLE public.wide ADD COLUMN added integer");
    let out = limited(&format!("dump --db '{}' --output schema --force", db.url()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("error: ") && stderr.contains("wide"),
        "{stderr}"
    );
    assert_eq!(
        read_tree(&root.join("schema")),
        before,
        "the previous tree changed"
    );

    // pull cannot write its file whole either (a second wide table): nothing is left.
    db.exec(&format!(
        "CREATE TABLE public.wide2 (id integer PRIMARY KEY{columns})"
    ));
    let out = limited(&format!("pull --db '{}' --schema-dir schema", db.url()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    // (An empty `_pulled/` directory may remain: it holds no file.)
    assert_eq!(
        read_tree(&root.join("schema")),
        before,
        "a partial pulled file"
    );
    let entries: Vec<_> = fs::read_dir(root)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        entries,
        vec![Path::new("schema").as_os_str().to_owned()],
        "debris left"
    );
}

/// A target directory that cannot be written: `dump --force` and `pull` fail with one clear
/// error and leave the tree as it was. (Root writes anywhere, so as root the commands run as
/// `nobody`, through `runuser`.)
#[test]
fn a_read_only_target_is_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let db = pg_flux_tests::TestDb::new();
    db.exec("CREATE TABLE public.t (id integer PRIMARY KEY)");
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = tmp.path();
    let first = pg_flux_tests::pg_flux(root, &["dump", "--db", &db.url(), "--output", "schema"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let before = read_tree(&root.join("schema"));
    db.exec("CREATE INDEX t_hot ON public.t (id)");
    // A copy of the binary that `nobody` may run, then everything read-only.
    let bin = root.join("pg-flux");
    fs::copy(pg_flux_tests::pg_flux_bin(), &bin).unwrap_or_else(|e| panic!("{e}"));
    let chmod = std::process::Command::new("chmod")
        .args(["-R", "a+rX,a-w"])
        .arg(root)
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(chmod.success());
    let as_root = unsafe { libc::geteuid() } == 0;
    let run = |args: &[&str]| {
        let mut command = if as_root {
            let mut c = std::process::Command::new("runuser");
            c.args(["-u", "nobody", "--"]).arg(&bin);
            c
        } else {
            std::process::Command::new(&bin)
        };
        command
            .args(args)
            .current_dir(root)
            .env_remove("DATABASE_URL")
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    for args in [
        vec!["dump", "--db", &db.url(), "--output", "schema", "--force"],
        vec!["pull", "--db", &db.url(), "--schema-dir", "schema"],
    ] {
        let out = run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: ") && stderr.contains("ermission denied"),
            "{args:?}: {stderr}"
        );
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert_eq!(
            read_tree(&root.join("schema")),
            before,
            "{args:?} changed the tree"
        );
    }
    // Writable again, so that the temporary directory can be removed.
    let _ = std::process::Command::new("chmod")
        .args(["-R", "u+w"])
        .arg(root)
        .status();
    let _ = fs::set_permissions(root, fs::Permissions::from_mode(0o700));
}
