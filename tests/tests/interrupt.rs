//! Interrupted by a signal at any moment, dump leaves the target as it was or complete, and
//! nothing beside it: SIGINT and SIGTERM are sent at spread-out moments of a dump of 1,500
//! tables (reading, writing, swapping), into a new target and over an existing one (`--force`).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pg_flux_tests::{pg_flux, pg_flux_bin, read_tree, TestDb};

fn dump_then_signal(
    cwd: &Path,
    url: &str,
    target: &str,
    force: bool,
    signal: &str,
    after: Duration,
) -> i32 {
    let mut args = vec!["dump", "--db", url, "--output", target];
    if force {
        args.push("--force");
    }
    let mut child = Command::new(pg_flux_bin())
        .args(&args)
        .current_dir(cwd)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    while started.elapsed() < after {
        if let Ok(Some(status)) = child.try_wait() {
            return status.code().unwrap_or(SIGNALLED);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status();
    child
        .wait()
        .map(|s| s.code().unwrap_or(SIGNALLED))
        .unwrap_or(-1)
}

/// Killed by the signal itself: it arrived before the handler was installed (the first
/// milliseconds), when nothing can have been written yet.
const SIGNALLED: i32 = -9999;

#[test]
fn an_interrupted_dump_leaves_the_old_tree_or_the_new_one_and_nothing_else() {
    let db = TestDb::new();
    db.exec(
        "DO $$ BEGIN FOR i IN 1..1500 LOOP \
           EXECUTE format('CREATE TABLE public.t%s (id integer PRIMARY KEY, note text)', i); \
         END LOOP; END $$;",
    );
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    let reference = pg_flux(root, &["dump", "--db", &db.url(), "--output", "reference"]);
    assert_eq!(reference.code, 0, "{}", reference.stderr);
    let complete = read_tree(&root.join("reference"));
    let old = std::collections::BTreeMap::from([(
        std::path::PathBuf::from("tables/public.old.sql"),
        "CREATE TABLE public.old (id integer);\n".to_string(),
    )]);
    let mut interrupted = 0;
    for (i, ms) in [30u64, 150, 300, 500, 800, 1100, 1500, 2000, 2600]
        .iter()
        .enumerate()
    {
        for (force, signal) in [(false, "-INT"), (true, "-TERM")] {
            let target = format!("out{i}_{force}");
            if force {
                std::fs::create_dir_all(root.join(&target).join("tables"))
                    .unwrap_or_else(|e| panic!("{e}"));
                std::fs::write(
                    root.join(&target).join("tables/public.old.sql"),
                    "CREATE TABLE public.old (id integer);\n",
                )
                .unwrap_or_else(|e| panic!("{e}"));
            }
            let code = dump_then_signal(
                root,
                &db.url(),
                &target,
                force,
                signal,
                Duration::from_millis(*ms),
            );
            let tree = read_tree(&root.join(&target));
            match code {
                0 => assert!(tree == complete, "{target}: exit 0 with a different tree"),
                130 | SIGNALLED => {
                    interrupted += 1;
                    let expected = if force {
                        old.clone()
                    } else {
                        Default::default()
                    };
                    assert!(
                        tree == expected,
                        "{target}: interrupted after {ms} ms: {} file(s) left",
                        tree.len()
                    );
                }
                other => panic!("{target}: exit {other}"),
            }
            let debris: Vec<String> = std::fs::read_dir(root)
                .unwrap_or_else(|e| panic!("{e}"))
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with('.'))
                .collect();
            assert!(debris.is_empty(), "{target}: left behind {debris:?}");
        }
    }
    assert!(interrupted > 0, "no dump was ever interrupted");
}
