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
