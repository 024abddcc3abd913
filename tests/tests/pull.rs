//! `pg-flux pull` against real PostgreSQL: the hotfix workflow. After a dump, out-of-band SQL
//! adds objects; verify lists exactly those; pull captures them into one quarantine file that
//! reproduces the hotfix on a copy of the pre-hotfix database; moved into the source tree,
//! they verify clean. Source files are never modified.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use pg_flux_tests::{
    assert_same_text, dump_tree, load_fixture, majors, pg_flux, read_tree, render_tree, TestDb,
};

/// Out-of-band changes: (SQL run on the live database, verify's group heading, the object as
/// verify lists it). One line per hotfix: add triggers, policies and function overloads here
/// once those kinds are modeled.
const HOTFIXES: &[(&str, &str, &str)] = &[
    (
        "CREATE TABLE public.hotfix_overrides (k text PRIMARY KEY, v jsonb NOT NULL, \
         account_id bigint REFERENCES app.accounts (id))",
        "Tables",
        "public.hotfix_overrides",
    ),
    (
        "CREATE INDEX idx_users_legacy ON app.users (created_at DESC) WHERE avatar IS NOT NULL",
        "Indexes",
        "app.idx_users_legacy",
    ),
    (
        "ALTER TABLE app.users ADD COLUMN nickname varchar(40) NOT NULL DEFAULT 'none'",
        "Columns",
        "app.users.nickname",
    ),
    (
        "ALTER TABLE app.users ADD CONSTRAINT users_display_name_present \
         CHECK (length(display_name) > 0)",
        "Constraints",
        "app.users.users_display_name_present",
    ),
    (
        "GRANT TRUNCATE ON app.users TO flux_reader",
        "Grants",
        "TRUNCATE ON app.users TO flux_reader",
    ),
    (
        "CREATE TRIGGER users_hotfix_audit AFTER DELETE ON app.users \
         FOR EACH ROW EXECUTE FUNCTION app.audit()",
        "Triggers",
        "app.users.users_hotfix_audit",
    ),
    (
        "CREATE POLICY users_hotfix_read ON app.users FOR SELECT TO flux_reader USING (true)",
        "Policies",
        "app.users.users_hotfix_read",
    ),
    (
        "CREATE FUNCTION app.normalize_email(email text, keep_case boolean, max_len integer) \
         RETURNS text LANGUAGE sql IMMUTABLE \
         AS $$ SELECT left(CASE WHEN keep_case THEN email ELSE lower(email) END, max_len) $$",
        "Functions",
        "app.normalize_email(text, boolean, integer)",
    ),
];

/// verify's groups: heading → listed objects.
fn groups(stdout: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut heading = None;
    for line in stdout.lines() {
        if let Some(item) = line.strip_prefix("- ") {
            if let Some(h) = &heading {
                out.entry(String::clone(h))
                    .or_default()
                    .insert(item.to_string());
            }
        } else if let Some((h, _)) = line.split_once(" (").filter(|_| line.ends_with("):")) {
            heading = Some(h.to_string());
        }
    }
    out
}

fn pulled_files(schema: &Path) -> Vec<PathBuf> {
    match fs::read_dir(schema.join("_pulled")) {
        Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn hotfix_workflow_verify_pull_reload_and_promote() {
    for major in majors() {
        hotfix_workflow(major);
    }
}

fn hotfix_workflow(major: u32) {
    let d = TestDb::on(major);
    load_fixture(&d, "01_saas_app");
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cwd = tmp.path();
    let url = d.url();
    for (out, layout) in [("schema", "per-kind"), ("flat", "flat")] {
        let run = pg_flux(
            cwd,
            &["dump", "--db", &url, "--output", out, "--layout", layout],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    // A copy of the pre-hotfix database, from the flat dump.
    let copy = TestDb::on(major);
    copy.load_file(&cwd.join("flat/schema.sql"));

    for (sql, _, _) in HOTFIXES {
        d.exec(sql);
    }
    let schema = cwd.join("schema");
    let before = read_tree(&schema);

    let run = pg_flux(cwd, &["verify", "--strict", "--db", &url]);
    assert_eq!(
        run.code, 1,
        "PostgreSQL {major}: {}{}",
        run.stdout, run.stderr
    );
    assert!(
        run.stdout.starts_with(&format!(
            "verify: {} undeclared live object(s):\n",
            HOTFIXES.len()
        )),
        "PostgreSQL {major}: {}",
        run.stdout
    );
    let mut expected: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, heading, item) in HOTFIXES {
        expected
            .entry(heading.to_string())
            .or_default()
            .insert(item.to_string());
    }
    assert_eq!(
        groups(&run.stdout),
        expected,
        "PostgreSQL {major}: {}",
        run.stdout
    );
    assert!(run.stdout.contains("Run `pg-flux pull`"), "{}", run.stdout);

    for dry in [&["--dry-run"][..], &["--dry-run=true"][..]] {
        let mut args = vec!["pull", "--db", url.as_str()];
        args.extend_from_slice(dry);
        let run = pg_flux(cwd, &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        for (_, _, item) in HOTFIXES {
            assert!(run.stdout.contains(item), "{item} missing:\n{}", run.stdout);
        }
        assert!(run.stderr.contains("nothing written"), "{}", run.stderr);
        assert_eq!(read_tree(&schema), before, "a dry run wrote something");
    }
    // `pull --dry-run > x.sql` is a file psql loads: it reproduces the hotfixes on a
    // pre-hotfix copy.
    let dry = pg_flux(cwd, &["pull", "--db", &url, "--dry-run"]);
    let redirected = cwd.join("dry-run.sql");
    fs::write(&redirected, &dry.stdout).unwrap_or_else(|e| panic!("{e}"));
    let dry_copy = TestDb::on(major);
    dry_copy.load_file(&cwd.join("flat/schema.sql"));
    if let Err(message) = dry_copy.try_load_file(&redirected) {
        panic!(
            "PostgreSQL {major}: pull --dry-run's output does not load:\n{message}\n{}",
            dry.stdout
        );
    }
    assert_same_text(
        &render_tree(&dump_tree(&d)),
        &render_tree(&dump_tree(&dry_copy)),
        &format!("PostgreSQL {major}: dump of the hotfixed database and of the dry-run copy"),
    );

    let run = pg_flux(cwd, &["pull", "--db", &url, "--dry-run=false"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(&format!(
            "Wrote {} object(s) to schema/_pulled/",
            HOTFIXES.len()
        )) && run.stdout.trim_end().ends_with("_pulled.sql"),
        "{}",
        run.stdout
    );
    let pulled = pulled_files(&schema);
    assert_eq!(pulled.len(), 1, "{pulled:?}");
    let pulled = pulled[0].clone();
    let name = pulled
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // <YYYYMMDD_HHMMSS>_pulled.sql
    assert!(
        name.len() == "20260520_103245_pulled.sql".len()
            && name.as_bytes()[8] == b'_'
            && name[..8].bytes().all(|b| b.is_ascii_digit()),
        "{name}"
    );
    let mut after = read_tree(&schema);
    after.retain(|p, _| !p.starts_with("_pulled"));
    assert_eq!(after, before, "pull modified the source tree");
    let text = fs::read_to_string(&pulled).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        text.contains(
            "-- pg-flux pull: table public.hotfix_overrides (belongs in tables/public.hotfix_overrides.sql)"
        ),
        "{text}"
    );

    // The pulled file reproduces the hotfix on the pre-hotfix copy.
    if let Err(message) = copy.try_load_file(&pulled) {
        panic!("PostgreSQL {major}: the pulled file does not load:\n{message}\n{text}");
    }
    assert_same_text(
        &render_tree(&dump_tree(&d)),
        &render_tree(&dump_tree(&copy)),
        &format!("PostgreSQL {major}: dump of the hotfixed database and of the copy"),
    );

    // Promote: the blocks move into the source tree (any file: the SQL is the truth).
    fs::create_dir_all(schema.join("hotfixes")).unwrap_or_else(|e| panic!("{e}"));
    fs::write(schema.join("hotfixes/promoted.sql"), &text).unwrap_or_else(|e| panic!("{e}"));
    let run = pg_flux(cwd, &["verify", "--strict", "--db", &url]);
    assert_eq!(
        run.code, 0,
        "PostgreSQL {major}: {}{}",
        run.stdout, run.stderr
    );
    assert!(
        run.stdout
            .starts_with("verify: clean — every live object is declared in source."),
        "{}",
        run.stdout
    );
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);

    // Nothing left to pull: a message, and no new file.
    fs::remove_dir_all(schema.join("_pulled")).unwrap_or_else(|e| panic!("{e}"));
    let run = pg_flux(cwd, &["pull", "--db", &url]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("nothing to capture"), "{}", run.stdout);
    assert!(pulled_files(&schema).is_empty());
}
