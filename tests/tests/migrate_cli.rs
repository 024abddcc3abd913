//! `migrate generate` and `verify --drift` from the command line: drift found (a hot-patched
//! function body, a changed column default, a dropped index), destructive migrations refused
//! on request, shadow databases refused when unsafe, source errors named by file:line:column,
//! and the live database left untouched.

use std::path::Path;

use pg_flux_tests::{majors, pg_flux, Run, TestDb};

const SCHEMA: &str = "CREATE TABLE public.t (id integer PRIMARY KEY, name text DEFAULT 'x');
CREATE INDEX t_name_idx ON public.t (name);
CREATE FUNCTION public.f(a integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT a + 1 $$;
";

fn dumped(db: &TestDb, cwd: &Path) {
    let run = pg_flux(cwd, &["dump", "--db", &db.url(), "--output", "schema"]);
    assert_eq!(run.code, 0, "dump: {}", run.stderr);
}

fn generate(cwd: &Path, db: &TestDb, extra: &[&str]) -> Run {
    let url = db.url();
    let mut args = vec!["migrate", "generate", "--db", url.as_str()];
    args.extend_from_slice(extra);
    pg_flux(cwd, &args)
}

/// The text of the migration a `generate` run in `cwd` reports.
fn migration_text(cwd: &Path, run: &Run) -> String {
    let path = cwd.join(run.generated().0);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn verify_drift_finds_hot_patches_on_every_major() {
    for major in majors() {
        let db = TestDb::on(major);
        db.exec(SCHEMA);
        let shadow = TestDb::on(major);
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        dumped(&db, tmp.path());
        let url = db.url();
        let shadow_url = shadow.url();
        let drift = |strict: bool| {
            let mut args = vec![
                "verify",
                "--db",
                &url,
                "--drift",
                "--shadow-db",
                &shadow_url,
            ];
            if strict {
                args.push("--strict");
            }
            pg_flux(tmp.path(), &args)
        };
        let clean = drift(true);
        assert_eq!(clean.code, 0, "{}{}", clean.stdout, clean.stderr);
        assert!(clean.stdout.contains("drift: none"), "{}", clean.stdout);

        db.exec(
            "CREATE OR REPLACE FUNCTION public.f(a integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT a + 42 $$;
             ALTER TABLE public.t ALTER COLUMN name SET DEFAULT 'y';
             DROP INDEX public.t_name_idx;",
        );
        let run = drift(false);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let out = &run.stdout;
        assert!(
            out.contains("- function public.f(a integer): definition"),
            "{out}"
        );
        assert!(
            out.contains("SELECT a + 42") && out.contains("SELECT a + 1"),
            "{out}"
        );
        assert!(
            out.contains("- column public.t.name: default 'x'::text → 'y'::text")
                || out.contains("- column public.t.name: default 'y'::text → 'x'::text"),
            "{out}"
        );
        assert!(
            out.contains(
                "Declared, missing from the live database (1):\n- index public.t_name_idx"
            ),
            "{out}"
        );
        assert_eq!(drift(true).code, 1);

        // Without --drift, verify reports as before.
        let plain = pg_flux(tmp.path(), &["verify", "--db", &url, "--strict"]);
        assert_eq!(plain.code, 0, "{}", plain.stdout);
        assert!(!plain.stdout.contains("rift"), "{}", plain.stdout);
    }
}

/// Drift a reviewer can act on: a body as a unified diff labelled live/source, privileges as
/// the statements that would fix them, an undeclared column listed once (as undeclared), and a
/// first line that agrees with the exit code.
#[test]
fn drift_reads_as_diffs_and_statements() {
    for major in majors() {
        let db = TestDb::on(major);
        db.exec(
            "DO $$ BEGIN CREATE ROLE drift_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
             CREATE TABLE public.acct (id integer PRIMARY KEY, name text);
             CREATE FUNCTION public.bump(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$;
             CREATE VIEW public.acct_names AS SELECT id, name FROM public.acct;
             GRANT SELECT ON public.acct TO drift_reader;",
        );
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        dumped(&db, tmp.path());
        let url = db.url();
        let verify = || pg_flux(tmp.path(), &["verify", "--db", &url, "--drift", "--strict"]);

        db.exec(
            "CREATE OR REPLACE FUNCTION public.bump(x integer) RETURNS integer LANGUAGE sql \
             AS $$ SELECT x + 2 $$;",
        );
        let run = verify();
        assert_eq!(
            run.code, 1,
            "PostgreSQL {major}: {}{}",
            run.stdout, run.stderr
        );
        assert_eq!(
            run.stdout,
            "verify: every live object is declared in source, but 1 declared definition(s) \
             differ from the live database (drift below).\n\
             \n\
             Drift: live definition differs from source (1):\n\
             - function public.bump(x integer): definition differs:\n    \
             --- live\n    \
             +++ source\n    \
             @@ -1,4 +1,4 @@\n     \
             CREATE OR REPLACE FUNCTION public.bump(x integer)\n      \
             RETURNS integer\n      \
             LANGUAGE sql\n    \
             -AS $function$ SELECT x + 2 $function$\n    \
             +AS $function$ SELECT x + 1 $function$\n",
            "PostgreSQL {major}"
        );

        db.exec(
            "REVOKE SELECT ON public.acct FROM drift_reader;
             GRANT INSERT ON public.acct TO drift_reader;
             ALTER TABLE public.acct ADD COLUMN extra integer;
             CREATE OR REPLACE VIEW public.acct_names AS SELECT id, name, upper(name) AS up FROM public.acct;",
        );
        let run = verify();
        assert_eq!(
            run.code, 1,
            "PostgreSQL {major}: {}{}",
            run.stdout, run.stderr
        );
        let out = &run.stdout;
        assert!(
            out.starts_with(
                "verify: 2 undeclared live object(s):\n\nColumns (1):\n- public.acct.extra\n"
            ),
            "PostgreSQL {major}: {out}"
        );
        assert!(
            out.contains(
                "- table public.acct: privileges differ; to match the source:\n    \
                 REVOKE INSERT ON TABLE public.acct FROM drift_reader;\n    \
                 GRANT SELECT ON TABLE public.acct TO drift_reader;\n"
            ),
            "PostgreSQL {major}: {out}"
        );
        assert!(
            out.contains(
                "- view public.acct_names: definition differs:\n    --- live\n    +++ source\n"
            ),
            "PostgreSQL {major}: {out}"
        );
        // Listed once: as undeclared, and the view's new column is part of its definition.
        assert_eq!(out.matches("extra").count(), 1, "PostgreSQL {major}: {out}");
        assert!(!out.contains("acct_names.up"), "PostgreSQL {major}: {out}");
        assert!(!out.contains("\"grantee\""), "PostgreSQL {major}: {out}");
    }
}

#[test]
fn drift_in_a_text_search_configuration_reads_as_its_statements_and_migrates_in_place() {
    for major in majors() {
        let db = TestDb::on(major);
        db.exec(
            "CREATE TEXT SEARCH CONFIGURATION public.docs (PARSER = pg_catalog.\"default\");
             ALTER TEXT SEARCH CONFIGURATION public.docs
                 ADD MAPPING FOR asciiword WITH pg_catalog.english_stem;
             ALTER TEXT SEARCH CONFIGURATION public.docs ADD MAPPING FOR word WITH pg_catalog.simple;",
        );
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        dumped(&db, tmp.path());
        let url = db.url();
        // Hot-patched live: one mapping changed, one dropped, one added.
        db.exec(
            "ALTER TEXT SEARCH CONFIGURATION public.docs ALTER MAPPING FOR asciiword WITH pg_catalog.simple;
             ALTER TEXT SEARCH CONFIGURATION public.docs DROP MAPPING FOR word;
             ALTER TEXT SEARCH CONFIGURATION public.docs ADD MAPPING FOR int WITH pg_catalog.simple;",
        );
        let run = pg_flux(tmp.path(), &["verify", "--db", &url, "--drift", "--strict"]);
        assert_eq!(
            run.code, 1,
            "PostgreSQL {major}: {}{}",
            run.stdout, run.stderr
        );
        let alter = "ALTER TEXT SEARCH CONFIGURATION public.docs";
        assert!(
            run.stdout.ends_with(&format!(
                "- text search configuration public.docs: definition differs:\n    \
                 --- live\n    \
                 +++ source\n    \
                 @@ -1,3 +1,3 @@\n     \
                 CREATE TEXT SEARCH CONFIGURATION public.docs (PARSER = pg_catalog.\"default\");\n    \
                 -{alter} ADD MAPPING FOR asciiword WITH pg_catalog.simple;\n    \
                 -{alter} ADD MAPPING FOR int WITH pg_catalog.simple;\n    \
                 +{alter} ADD MAPPING FOR asciiword WITH pg_catalog.english_stem;\n    \
                 +{alter} ADD MAPPING FOR word WITH pg_catalog.simple;\n"
            )),
            "PostgreSQL {major}: {}",
            run.stdout
        );
        // The migration changes the mappings in place (a recreate would fail: nothing may
        // depend on a dropped configuration) and converges.
        let run = generate(tmp.path(), &db, &["--label", "mappings"]);
        assert_eq!(run.code, 0, "PostgreSQL {major}: {}", run.stderr);
        let text = migration_text(tmp.path(), &run);
        for statement in [
            format!("{alter} ALTER MAPPING FOR asciiword WITH pg_catalog.english_stem;"),
            format!("{alter} ADD MAPPING FOR word WITH pg_catalog.simple;"),
            format!("{alter} DROP MAPPING FOR int;"),
        ] {
            assert!(
                text.contains(&statement),
                "PostgreSQL {major}: no {statement}:\n{text}"
            );
        }
        assert!(
            !text.contains("DROP TEXT SEARCH"),
            "PostgreSQL {major}: {text}"
        );
        let file = tmp.path().join(run.generated().0);
        db.load_file(&file);
        let run = pg_flux(tmp.path(), &["verify", "--db", &url, "--drift", "--strict"]);
        assert_eq!(
            run.code, 0,
            "PostgreSQL {major}: {}{}",
            run.stdout, run.stderr
        );
    }
}

#[test]
fn generate_writes_the_fix_for_drift_and_leaves_live_alone() {
    let db = TestDb::new();
    db.exec(SCHEMA);
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    dumped(&db, tmp.path());
    db.exec(
        "ALTER TABLE public.t ALTER COLUMN name SET DEFAULT 'y'; DROP INDEX public.t_name_idx;",
    );
    let before = db.pg_dump_schema();
    // The default shadow: a throwaway cluster of the live major.
    let run = generate(tmp.path(), &db, &["--label", "fix-drift"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        db.pg_dump_schema(),
        before,
        "generate changed the live database"
    );
    let line = run.stdout.trim();
    assert!(
        line.starts_with("Generated: migrations/")
            && line.ends_with("_fix-drift.sql (2 statements)"),
        "{line}"
    );
    let path = line
        .trim_start_matches("Generated: ")
        .trim_end_matches(" (2 statements)");
    let text = std::fs::read_to_string(tmp.path().join(path)).unwrap_or_default();
    assert!(
        text.contains("ALTER TABLE public.t ALTER COLUMN name SET DEFAULT 'x'::text;"),
        "{text}"
    );
    assert!(
        text.contains("CREATE INDEX t_name_idx ON public.t USING btree (name);"),
        "{text}"
    );
}

#[test]
fn destructive_migrations_are_marked_and_refused_on_request() {
    let db = TestDb::new();
    let shadow = TestDb::new();
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(tmp.path().join("schema")).unwrap_or_else(|e| panic!("{e}"));
    db.exec("CREATE TABLE public.doomed (id integer);");
    let s = shadow.url();
    let refused = generate(tmp.path(), &db, &["--shadow-db", &s, "--no-destructive"]);
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains("destructive")
            && refused.stderr.contains("drops table public.doomed"),
        "{}",
        refused.stderr
    );
    assert!(!tmp.path().join("migrations").exists());
    let run = generate(tmp.path(), &db, &["--shadow-db", &s]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = migration_text(tmp.path(), &run);
    assert!(
        text.contains(
            "-- hazard: undeclared live object table public.doomed is not in the source: run \
             `pg-flux pull` to keep it, or generate with --keep-undeclared to leave it alone; \
             drops table public.doomed and its data\nDROP TABLE public.doomed;"
        ),
        "{text}"
    );
}

/// A hotfix made on production and never pulled (the seed's `idx_emergency_perf`) is never
/// dropped without saying so: named on stderr and in the file, refused by --no-destructive,
/// left alone with --keep-undeclared.
#[test]
fn undeclared_hotfixes_are_named_refused_or_kept() {
    let db = TestDb::new();
    db.exec(SCHEMA);
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    dumped(&db, tmp.path());
    db.exec("CREATE INDEX idx_emergency_perf ON public.t (id, name);");
    let hazard = "hazard: undeclared live object index public.idx_emergency_perf is not in the \
                  source: run `pg-flux pull` to keep it, or generate with --keep-undeclared to \
                  leave it alone";
    let refused = generate(tmp.path(), &db, &["--no-destructive"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("public.idx_emergency_perf"),
        "{}",
        refused.stderr
    );
    let run = generate(tmp.path(), &db, &["--label", "named"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains(hazard), "{}", run.stderr);
    let text = migration_text(tmp.path(), &run);
    assert!(
        text.contains(&format!(
            "-- {hazard}\nDROP INDEX public.idx_emergency_perf;"
        )),
        "{text}"
    );
    let kept = generate(tmp.path(), &db, &["--keep-undeclared", "--no-destructive"]);
    assert_eq!(kept.code, 0, "{}", kept.stderr);
    assert!(kept.stdout.contains("(0 statements)"), "{}", kept.stdout);
    assert!(!kept.stderr.contains("hazard"), "{}", kept.stderr);

    // Hotfix grants, on a table, one of its columns and a function: revoked only with a
    // hazard naming them, kept with --keep-undeclared.
    let reporting = format!("reporting_{}", db.name);
    db.exec(&format!(
        "DROP INDEX public.idx_emergency_perf; CREATE ROLE {reporting}; \
         GRANT SELECT ON public.t TO {reporting}; GRANT UPDATE (name) ON public.t TO {reporting}; \
         GRANT EXECUTE ON FUNCTION public.f(integer) TO {reporting} WITH GRANT OPTION;"
    ));
    let run = generate(tmp.path(), &db, &["--label", "grants"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = migration_text(tmp.path(), &run);
    for hazard in [
        format!("-- hazard: revokes undeclared live grants on table public.t (SELECT to {reporting}): run `pg-flux pull` to keep them, or generate with --keep-undeclared to leave them alone\nREVOKE"),
        format!("-- hazard: revokes undeclared live grants on column public.t.name (UPDATE to {reporting})"),
        format!("-- hazard: revokes undeclared live grants on function public.f(a integer) (EXECUTE to {reporting})"),
    ] {
        assert!(text.contains(&hazard), "{hazard}\n{text}");
        let line = hazard.lines().next().unwrap_or_default();
        assert!(run.stderr.contains(line.trim_start_matches("-- hazard: ")), "{}", run.stderr);
    }
    let refused = generate(tmp.path(), &db, &["--no-destructive"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    let kept = generate(tmp.path(), &db, &["--keep-undeclared", "--no-destructive"]);
    assert_eq!(kept.code, 0, "{}", kept.stderr);
    assert!(
        kept.stdout.contains("(0 statements)"),
        "{}",
        migration_text(tmp.path(), &kept)
    );
}

#[test]
fn unsafe_shadow_databases_and_broken_source_are_clear_errors() {
    let db = TestDb::new();
    let shadow = TestDb::new();
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let schema = tmp.path().join("schema");
    std::fs::create_dir_all(&schema).unwrap_or_else(|e| panic!("{e}"));
    let live = db.url();
    let same = generate(tmp.path(), &db, &["--shadow-db", &live]);
    assert_eq!(same.code, 2);
    assert!(
        same.stderr.contains("is the live database"),
        "{}",
        same.stderr
    );
    assert!(
        !same.stderr.contains(db.cluster.password()),
        "password printed"
    );

    shadow.exec("CREATE TABLE public.leftover (id integer);");
    let s = shadow.url();
    let busy = generate(tmp.path(), &db, &["--shadow-db", &s]);
    assert_eq!(busy.code, 2);
    assert!(busy.stderr.contains("not empty"), "{}", busy.stderr);

    let clean_shadow = TestDb::new();
    std::fs::write(
        schema.join("broken.sql"),
        "CREATE TABLE public.ok (id integer);\n\n  CREATE VIEW public.v AS SELECT * FROM public.nope;\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let c = clean_shadow.url();
    let broken = generate(tmp.path(), &db, &["--shadow-db", &c]);
    assert_eq!(broken.code, 2);
    assert!(
        broken.stderr.contains("broken.sql:3:3:")
            && broken
                .stderr
                .contains("relation \"public.nope\" does not exist"),
        "{}",
        broken.stderr
    );
    // The shadow is left as it was: empty.
    assert_eq!(
        clean_shadow
            .query("SELECT count(*) FROM pg_class WHERE relname = 'ok'")
            .trim(),
        "0"
    );
}

/// PostgreSQL cannot reorder columns: the migration says so instead of claiming equality.
#[test]
fn column_order_is_reported_not_migrated() {
    let db = TestDb::new();
    let shadow = TestDb::new();
    db.exec("CREATE TABLE public.t (a integer, b text);");
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let schema = tmp.path().join("schema");
    std::fs::create_dir_all(&schema).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        schema.join("t.sql"),
        "CREATE TABLE public.t (b text, a integer);\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let s = shadow.url();
    let run = generate(tmp.path(), &db, &["--shadow-db", &s]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("(0 statements)"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("warning: not migrated: table public.t differs in what no statement can change (column order a, b → b, a)"),
        "{}",
        run.stderr
    );
}

#[test]
fn concurrent_indexes_on_request() {
    let db = TestDb::new();
    let shadow = TestDb::new();
    db.exec("CREATE TABLE public.t (id integer, name text);");
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let schema = tmp.path().join("schema");
    std::fs::create_dir_all(&schema).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        schema.join("t.sql"),
        "CREATE TABLE public.t (id integer, name text);\nCREATE UNIQUE INDEX t_id ON public.t (id);\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let s = shadow.url();
    let run = generate(
        tmp.path(),
        &db,
        &["--shadow-db", &s, "--concurrent-indexes"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = tmp.path().join(run.generated().0);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        text.contains("CREATE UNIQUE INDEX CONCURRENTLY t_id ON public.t USING btree (id);"),
        "{text}"
    );
    // Outside a transaction, as psql runs a file: it applies.
    db.load_file(&path);
    assert_eq!(
        db.query("SELECT count(*) FROM pg_indexes WHERE indexname = 't_id'")
            .trim(),
        "1"
    );
}

/// A project whose objects belong to a plain role `app`, and whose source (hand-written: no
/// `OWNER TO`) says nothing of owners. Its objects belong to whoever applies the migration:
/// no owner drift, no `OWNER TO` in the migration, which `app` applies with ON_ERROR_STOP. An
/// `OWNER TO` the source does state is honoured. With the throwaway shadow and a given one.
#[test]
fn unstated_owners_belong_to_whoever_applies_the_migration() {
    for major in majors() {
        let db = TestDb::on(major);
        let (app, other) = (format!("app_{}", db.name), format!("other_{}", db.name));
        db.exec(&format!(
            "CREATE ROLE {app} LOGIN PASSWORD 'app'; CREATE ROLE {other} NOLOGIN; \
             GRANT {other} TO {app}; CREATE SCHEMA proj AUTHORIZATION {app}; \
             GRANT CREATE ON SCHEMA proj TO {other}; \
             SET ROLE {app}; \
             CREATE TABLE proj.t (id integer PRIMARY KEY, note text); \
             INSERT INTO proj.t VALUES (1, 'kept'); \
             CREATE VIEW proj.v AS SELECT id FROM proj.t; \
             CREATE SEQUENCE proj.s; \
             CREATE FUNCTION proj.f() RETURNS integer LANGUAGE sql AS 'SELECT 1'; \
             CREATE TABLE proj.explicit (id integer); \
             RESET ROLE; \
             CREATE TABLE proj.legacy (id integer); ALTER TABLE proj.legacy OWNER TO {other};"
        ));
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        dumped(&db, tmp.path());
        // The same tree as a hand-written project has it: no owners, one stated.
        let schema = tmp.path().join("schema");
        for (path, text) in pg_flux_tests::read_tree(&schema) {
            let unowned: String = text
                .lines()
                .filter(|l| !(l.starts_with("ALTER ") && l.contains(" OWNER TO ")))
                .map(|l| format!("{l}\n"))
                .collect();
            std::fs::write(schema.join(&path), unowned).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(
            schema.join("project.sql"),
            format!(
                "ALTER TABLE proj.explicit OWNER TO {other};\n\
                 CREATE TABLE proj.fresh (id integer);\n\
                 CREATE FUNCTION proj.g() RETURNS integer LANGUAGE sql AS 'SELECT 2';\n"
            ),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let app_url = format!(
            "postgres://{app}:app@127.0.0.1:{}/{}",
            db.cluster.port(),
            db.name
        );
        let shadow = TestDb::on(major);
        let shadow_url = shadow.url();
        let mut newest = std::path::PathBuf::new();
        for shadow_args in [vec![], vec!["--shadow-db", shadow_url.as_str()]] {
            let mut args = vec!["migrate", "generate", "--db", app_url.as_str()];
            args.extend(&shadow_args);
            let run = pg_flux(tmp.path(), &args);
            assert_eq!(run.code, 0, "PostgreSQL {major}: {}", run.stderr);
            newest = tmp.path().join(run.generated().0);
            let text = migration_text(tmp.path(), &run);
            let owners: Vec<&str> = text.lines().filter(|l| l.contains("OWNER TO")).collect();
            assert_eq!(
                owners,
                [format!("ALTER TABLE proj.explicit OWNER TO {other};")],
                "PostgreSQL {major} {shadow_args:?}:\n{text}"
            );
            assert!(text.contains("CREATE TABLE proj.fresh"), "{text}");
        }
        let psql = pg_flux_tests::client_tool("psql", major);
        let applied = std::process::Command::new(psql)
            .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", &app_url, "-f"])
            .arg(&newest)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            applied.status.success(),
            "PostgreSQL {major}: {app} cannot apply its migration: {}",
            String::from_utf8_lossy(&applied.stderr)
        );
        assert_eq!(
            db.query(
                "SELECT string_agg(c.relname || ':' || pg_get_userbyid(c.relowner), ' ' ORDER BY c.relname) \
                 FROM pg_class c WHERE c.relnamespace = 'proj'::regnamespace AND c.relkind = 'r'"
            )
            .trim()
            .replace(&app, "app")
            .replace(&other, "other"),
            "explicit:other fresh:app legacy:other t:app"
        );
        let again = pg_flux(
            tmp.path(),
            &["migrate", "generate", "--db", &app_url, "--label", "again"],
        );
        assert!(
            again.stdout.contains("(0 statements)"),
            "PostgreSQL {major}: {}",
            migration_text(tmp.path(), &again)
        );
        let drift = pg_flux(
            tmp.path(),
            &["verify", "--db", &app_url, "--drift", "--strict"],
        );
        assert_eq!(
            drift.code, 0,
            "PostgreSQL {major}: {}{}",
            drift.stdout, drift.stderr
        );
        assert!(drift.stdout.contains("drift: none"), "{}", drift.stdout);
    }
}

/// A migration runs as one unit: when a statement fails part-way (a table it creates was made
/// by hand meanwhile), the database is left as it was. One that cannot run in a transaction
/// (an index built concurrently, an enum value added and then used) says so in its header and
/// on stderr, names the statement, and applies without one.
#[test]
fn migrations_apply_as_one_unit_or_say_why_not() {
    for major in majors() {
        let db = TestDb::on(major);
        db.exec(
            "CREATE TABLE public.t (id integer PRIMARY KEY, name text); \
             CREATE TYPE public.mood AS ENUM ('calm', 'busy');",
        );
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        dumped(&db, tmp.path());
        let extra = tmp.path().join("schema/extra.sql");
        let write = |text: &str| std::fs::write(&extra, text).unwrap_or_else(|e| panic!("{e}"));
        write("CREATE TABLE public.a (id integer);\nCREATE TABLE public.z (id integer);\n");
        let run = generate(tmp.path(), &db, &[]);
        assert_eq!(run.code, 0, "PostgreSQL {major}: {}", run.stderr);
        let text = migration_text(tmp.path(), &run);
        assert!(
            text.contains("-- Runs in one transaction") && text.contains("\nBEGIN;\n"),
            "{text}"
        );
        assert!(text.trim_end().ends_with("COMMIT;"), "{text}");
        assert!(run.stdout.contains("(2 statements)"), "{}", run.stdout);
        // The second table appears by hand before the migration is applied.
        let (first, second) = match (
            text.find("CREATE TABLE public.a"),
            text.find("CREATE TABLE public.z"),
        ) {
            (Some(a), Some(z)) if a < z => ("a", "z"),
            (Some(_), Some(_)) => ("z", "a"),
            _ => panic!("{text}"),
        };
        db.exec(&format!("CREATE TABLE public.{second} (id integer);"));
        let failed = db.try_load_file(&tmp.path().join(run.generated().0));
        assert!(
            failed.as_ref().is_err_and(|e| e.contains("already exists")),
            "PostgreSQL {major}: {failed:?}"
        );
        assert_eq!(
            db.query(&format!("SELECT to_regclass('public.{first}') IS NULL"))
                .trim(),
            "t",
            "PostgreSQL {major}: the failed migration left public.{first} behind"
        );
        db.exec(&format!("DROP TABLE public.{second};"));

        // What cannot run in a transaction: said, named, and applied statement by statement.
        let index = "CREATE INDEX t_name_idx ON public.t (name);\n";
        for (source, args, why) in [
            (
                index.to_string(),
                vec!["--concurrent-indexes"],
                "`CREATE INDEX CONCURRENTLY t_name_idx ON public.t USING btree (name);` cannot \
                 run inside a transaction block",
            ),
            (
                format!(
                    "{index}ALTER TYPE public.mood ADD VALUE 'idle';\n\
                     CREATE TABLE public.m (id integer, mood public.mood DEFAULT 'idle');\n"
                ),
                vec![],
                "`ALTER TYPE public.mood ADD VALUE 'idle' AFTER 'busy';` adds an enum value a \
                 later statement uses",
            ),
        ] {
            write(&source);
            let run = generate(tmp.path(), &db, &args);
            assert_eq!(run.code, 0, "PostgreSQL {major}: {}", run.stderr);
            let text = migration_text(tmp.path(), &run);
            assert!(
                text.contains(&format!("-- Does not run in one transaction: {why}")),
                "PostgreSQL {major} {args:?}:\n{text}"
            );
            assert!(!text.contains("BEGIN;"), "{text}");
            assert!(
                run.stderr.contains("does not run in one transaction") && run.stderr.contains(why),
                "{}",
                run.stderr
            );
            let applied = db.try_load_file(&tmp.path().join(run.generated().0));
            assert!(applied.is_ok(), "PostgreSQL {major}: {applied:?}");
        }
        let again = generate(tmp.path(), &db, &["--label", "again"]);
        assert!(
            again.stdout.contains("(0 statements)"),
            "{}",
            migration_text(tmp.path(), &again)
        );
    }
}

/// A statement that locks a busy table says which lock, what it blocks, for what work and how
/// big the live table is, in the file and on stderr, with the safer form where there is one;
/// such hazards lose nothing, so --no-destructive lets them through.
#[test]
fn lock_hazards_name_the_lock_the_work_and_the_live_size() {
    for major in majors() {
        let db = TestDb::on(major);
        db.exec(
            "CREATE TABLE public.big (id integer PRIMARY KEY, code integer, note text, label varchar(10));
             INSERT INTO public.big SELECT i, i % 100, 'n' || i, 'l' FROM generate_series(1, 5000) i;
             ANALYZE public.big;",
        );
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        dumped(&db, tmp.path());
        std::fs::write(
            tmp.path().join("schema").join("changes.sql"),
            "ALTER TABLE public.big ALTER COLUMN code TYPE bigint;
             ALTER TABLE public.big ALTER COLUMN label TYPE varchar(40);
             ALTER TABLE public.big ALTER COLUMN note SET NOT NULL;
             CREATE INDEX big_note_idx ON public.big (note);",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let run = generate(tmp.path(), &db, &["--no-destructive"]);
        assert_eq!(run.code, 0, "PostgreSQL {major}: {}", run.stderr);
        let text = migration_text(tmp.path(), &run);
        let size = "(about 5,000 rows, ";
        for hazard in [
            format!("locks public.big ACCESS EXCLUSIVE (blocks reads and writes) while it rewrites the table and its indexes to change column code from integer to bigint {size}"),
            format!("locks public.big ACCESS EXCLUSIVE (blocks reads and writes) while it scans the table to check column note has no NULLs {size}"),
            format!("locks public.big SHARE (blocks writes) while it builds the index {size}"),
        ] {
            assert!(text.contains(&format!("-- hazard: {hazard}")), "PostgreSQL {major}: {hazard}\n{text}");
            assert!(run.stderr.contains(&format!("hazard: {hazard}")), "PostgreSQL {major}: {}", run.stderr);
        }
        assert!(
            text.contains("; safer: first ADD CONSTRAINT … CHECK (column IS NOT NULL) NOT VALID"),
            "{text}"
        );
        assert!(
            text.contains("; safer: generate with --concurrent-indexes"),
            "{text}"
        );
        // varchar(10) → varchar(40) changes the catalog only.
        assert_eq!(
            text.matches("-- hazard:").count(),
            3,
            "PostgreSQL {major}: {text}"
        );

        let concurrent = generate(tmp.path(), &db, &["--concurrent-indexes"]);
        assert_eq!(concurrent.code, 0, "{}", concurrent.stderr);
        let text = migration_text(tmp.path(), &concurrent);
        assert!(!text.contains("SHARE (blocks writes)"), "{text}");
        assert!(
            text.contains("CREATE INDEX CONCURRENTLY big_note_idx"),
            "{text}"
        );
    }
}

/// A rename annotated in the source becomes `ALTER … RENAME`: the rows stay, the next generate
/// writes nothing, verify no longer sees the old name, and `verify --drift` says a rename is
/// pending until it is applied.
#[test]
fn annotated_renames_keep_the_rows_and_leave_nothing_behind() {
    for major in majors() {
        let db = TestDb::on(major);
        db.exec(
            "CREATE TABLE public.accounts (id integer PRIMARY KEY, fullname text NOT NULL);
             INSERT INTO public.accounts VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Edsger');",
        );
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        dumped(&db, tmp.path());
        let file = pg_flux_tests::read_tree(&tmp.path().join("schema"))
            .into_iter()
            .find(|(_, text)| text.contains("CREATE TABLE public.accounts"))
            .map(|(path, _)| tmp.path().join("schema").join(path))
            .unwrap_or_else(|| panic!("no file declares public.accounts"));
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
        let renamed = text
            .replace(
                "CREATE TABLE public.accounts",
                "-- pg-flux: renamed from accounts\nCREATE TABLE public.customers",
            )
            .replace(
                "    fullname text",
                "    -- pg-flux: renamed from fullname\n    name text",
            )
            .replace("public.accounts", "public.customers")
            .replace("accounts_pkey", "customers_pkey");
        std::fs::write(&file, renamed).unwrap_or_else(|e| panic!("{e}"));

        let url = db.url();
        let pending = pg_flux(tmp.path(), &["verify", "--db", &url, "--drift"]);
        assert!(
            pending
                .stderr
                .contains("rename from accounts not applied to the live database yet"),
            "PostgreSQL {major}: {}{}",
            pending.stdout,
            pending.stderr
        );
        let run = generate(tmp.path(), &db, &["--no-destructive"]);
        assert_eq!(run.code, 0, "PostgreSQL {major}: {}", run.stderr);
        let text = migration_text(tmp.path(), &run);
        for statement in [
            "ALTER TABLE public.accounts RENAME TO customers;",
            "ALTER TABLE public.customers RENAME COLUMN fullname TO name;",
            "ALTER TABLE public.customers RENAME CONSTRAINT accounts_pkey TO customers_pkey;",
        ] {
            assert!(
                text.contains(statement),
                "PostgreSQL {major}: {statement}\n{text}"
            );
        }
        assert!(!text.contains("DROP"), "PostgreSQL {major}: {text}");
        db.try_load_file(&tmp.path().join(run.generated().0))
            .unwrap_or_else(|e| panic!("PostgreSQL {major}: {e}\n{text}"));
        assert_eq!(
            db.query("SELECT string_agg(name, ',' ORDER BY id) FROM public.customers")
                .trim(),
            "Ada,Grace,Edsger"
        );
        let again = generate(tmp.path(), &db, &[]);
        assert!(
            again.stdout.contains("(0 statements)"),
            "PostgreSQL {major}: {}",
            again.stdout
        );
        let verify = pg_flux(tmp.path(), &["verify", "--db", &url, "--strict", "--drift"]);
        assert_eq!(
            verify.code, 0,
            "PostgreSQL {major}: {}{}",
            verify.stdout, verify.stderr
        );
        assert!(!verify.stdout.contains("accounts"), "{}", verify.stdout);
        assert!(!verify.stderr.contains("rename from"), "{}", verify.stderr);
    }
}

/// What N in `Generated: … (N statements)` counts is said where a user looks.
#[test]
fn help_says_what_the_statement_count_counts() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let run = pg_flux(tmp.path(), &["migrate", "generate", "--help"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let help = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        help.contains(
            "N counts the statements that change the database: not the session settings \
             (SET, RESET, SET SESSION AUTHORIZATION) nor BEGIN/COMMIT."
        ),
        "{}",
        run.stdout
    );
}
