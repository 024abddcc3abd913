//! `pg-flux verify` against real PostgreSQL: adoption (dump → verify --strict is clean) on
//! every fixture and major, hand-written source, exit codes and JSON output.

use std::fs;
use std::path::Path;

use pg_flux_tests::{fixtures, load_fixture, majors, pg_flux, TestDb};

const CLEAN: &str = "verify: clean — every live object is declared in source.";

fn dump(cwd: &Path, db: &TestDb, out: &str) {
    let run = pg_flux(cwd, &["dump", "--db", &db.url(), "--output", out]);
    assert_eq!(run.code, 0, "dump failed: {}", run.stderr);
}

fn verify(cwd: &Path, db: &TestDb, extra: &[&str]) -> pg_flux_tests::Run {
    let url = db.url();
    let mut args = vec!["verify", "--db", url.as_str()];
    args.extend_from_slice(extra);
    pg_flux(cwd, &args)
}

#[test]
fn adoption_dump_then_verify_strict_is_clean_on_every_fixture_and_major() {
    for major in majors() {
        for fixture in fixtures() {
            let db = TestDb::on(major);
            load_fixture(&db, &fixture);
            let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
            dump(tmp.path(), &db, "schema");
            // Also the flat layout, from a pg-flux.toml-less directory with --schema-dir.
            dump(tmp.path(), &db, "flat");
            for dir in ["schema", "flat"] {
                let run = verify(tmp.path(), &db, &["--strict", "--schema-dir", dir]);
                assert_eq!(
                    run.code, 0,
                    "PostgreSQL {major}, {fixture} ({dir}): {}\n{}",
                    run.stdout, run.stderr
                );
                assert!(run.stdout.starts_with(CLEAN), "{}", run.stdout);
                // Every declaration is live, and the dump holds nothing untracked.
                assert!(
                    !run.stdout.contains("not live"),
                    "PostgreSQL {major}, {fixture} ({dir}): {}",
                    run.stdout
                );
                assert!(
                    !run.stderr.contains("warning"),
                    "PostgreSQL {major}, {fixture} ({dir}): {}",
                    run.stderr
                );
            }
        }
    }
}

/// Source written by hand: other formatting, mixed case, unqualified names, type aliases,
/// objects in unexpected files, several per file, constraints added elsewhere.
#[test]
fn hand_written_source_verifies_clean() {
    let db = TestDb::new();
    db.exec(
        "DO $$ BEGIN CREATE ROLE flux_reader NOLOGIN; \
         EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;",
    );
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let schema = tmp.path().join("db");
    let files: &[(&str, &str)] = &[
        (
            "everything.sql",
            "create schema App;\n\
             CREATE TYPE mood AS ENUM ('sad', 'ok');\n\
             create domain App.Positive as int check (value > 0);\n\
             create table users (\n  ID serial primary key,\n  Email varchar(200) NOT NULL unique,\n  \
               seen TIMESTAMPTZ default now(),\n  m mood,\n  check (length(email) > 3),\n  \
               constraint users_named_chk CHECK (id > 0 AND seen IS NOT NULL)\n);\n\
             create index ON users (lower(email));\n\
             CREATE INDEX users_seen ON public.users USING btree (seen DESC);\n",
        ),
        (
            "misc/later.sql",
            "-- added elsewhere\nALTER TABLE users ADD COLUMN nick text;\n\
             alter table public.users add constraint nick_len check (length(nick) < 30);\n\
             CREATE TABLE app.orders (id bigint GENERATED ALWAYS AS IDENTITY, \
               user_id int REFERENCES users, total numeric(10,2));\n\
             GRANT select, insert ON users TO flux_reader;\n\
             GRANT SELECT (nick) ON TABLE users TO flux_reader;\n\
             grant usage on schema app to flux_reader;\n\
             create view app.user_emails as select id, email from users;\n\
             create materialized view app.totals as select user_id, sum(total) from app.orders group by 1;\n\
             create unique index totals_user on app.totals (user_id);\n",
        ),
    ];
    for (name, text) in files {
        let path = schema.join(name);
        fs::create_dir_all(path.parent().unwrap_or(&schema)).unwrap_or_else(|e| panic!("{e}"));
        fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        db.load_file(&path);
    }
    // pg-flux.toml gives the schema directory.
    fs::write(tmp.path().join("pg-flux.toml"), "schema_dir = \"db\"\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let run = verify(tmp.path(), &db, &["--strict"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with(CLEAN), "{}", run.stdout);
    assert!(!run.stdout.contains("not live"), "{}", run.stdout);
}

#[test]
fn unparsable_source_exits_2_naming_file_line_column() {
    let db = TestDb::new();
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let tables = tmp.path().join("schema/tables");
    fs::create_dir_all(&tables).unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        tables.join("bad.sql"),
        "CREATE TABLE a (id int);\n\n  CREATE TABLE b (id int,);\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let run = verify(tmp.path(), &db, &["--strict"]);
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    // The token the parser stopped at: the `)` after the trailing comma.
    assert!(run.stderr.contains("bad.sql:3:26"), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

/// pg-flux.toml is found from the current directory upward, and its paths start at its own
/// folder: verify, pull and migrate run from deep inside the project agree with a run at the
/// top.
#[test]
fn the_project_file_is_found_upward_and_its_paths_start_at_its_folder() {
    let db = TestDb::new();
    db.exec("CREATE TABLE public.kept (id int PRIMARY KEY);");
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = tmp.path();
    dump(root, &db, "db/schema");
    fs::write(
        root.join("pg-flux.toml"),
        format!(
            "schema_dir = \"db/schema\"\nmigrations_dir = \"db/migrations\"\n[database]\nurl = \"{}\"\n",
            db.url()
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let deep = root.join("db/schema/tables");
    let run = pg_flux(&deep, &["verify", "--strict"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with(CLEAN), "{}", run.stdout);

    db.exec("CREATE TABLE public.hotfix (id int);");
    let run = pg_flux(&deep, &["verify", "--strict"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("Run `pg-flux pull` to capture these into ../_pulled/<ts>.sql for review."),
        "{}",
        run.stdout
    );
    let run = pg_flux(&deep, &["migrate", "generate", "--keep-undeclared"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let (path, statements) = run.generated();
    assert_eq!(statements, 0, "{}", run.stdout);
    assert!(
        path.starts_with("../../migrations"),
        "relative to the run's directory: {}",
        path.display()
    );
    assert!(deep.join(&path).is_file(), "{}", path.display());
    assert!(root.join("db/migrations").is_dir());
}

#[test]
fn a_missing_schema_directory_says_how_to_make_one() {
    let db = TestDb::new();
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let run = verify(tmp.path(), &db, &["--schema-dir", "nowhere"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: schema directory nowhere does not exist; create it from the database with \
         `pg-flux dump --output nowhere`, or point --schema-dir (or schema_dir in pg-flux.toml) \
         at the source\n"
    );
}

#[test]
fn usage_errors_and_unreachable_databases_exit_2() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    fs::create_dir_all(tmp.path().join("schema")).unwrap_or_else(|e| panic!("{e}"));
    let run = pg_flux(tmp.path(), &["verify"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("no database given"), "{}", run.stderr);
    let run = pg_flux(
        tmp.path(),
        &["verify", "--db", "postgres://nobody@127.0.0.1:1/none"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("could not connect"), "{}", run.stderr);
    let run = pg_flux(tmp.path(), &["verify", "--format", "yaml"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn reports_undeclared_objects_warnings_and_json() {
    let db = TestDb::new();
    db.exec(
        "CREATE TABLE public.users (id int PRIMARY KEY, email text); \
         CREATE TABLE public.hotfix_overrides (k text); \
         CREATE INDEX idx_users_legacy ON public.users (email);",
    );
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let tables = tmp.path().join("schema/tables");
    fs::create_dir_all(&tables).unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        tables.join("users.sql"),
        "CREATE TABLE users (id int PRIMARY KEY, email text);\n\
         INSERT INTO users VALUES (1, 'a');\n\
         CREATE TABLE pending (id int);\n\
         CREATE TABLE users (id int);\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));

    let run = verify(tmp.path(), &db, &[]);
    assert_eq!(run.code, 0, "without --strict: {}", run.stderr);
    let run = verify(tmp.path(), &db, &["--strict"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let expected =
        "verify: 2 undeclared live object(s):\n\nTables (1):\n- public.hotfix_overrides\n\n\
                    Indexes (1):\n- public.idx_users_legacy\n\n\
                    Run `pg-flux pull` to capture these into schema/_pulled/<ts>.sql for review.\n";
    assert!(run.stdout.starts_with(expected), "{}", run.stdout);
    assert!(
        run.stdout.contains("2 declared object(s) are not live"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("users.sql:2:1") && run.stderr.contains("INSERT INTO"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("users.sql:4:1") && run.stderr.contains("declared twice"),
        "{}",
        run.stderr
    );

    let run = verify(tmp.path(), &db, &["--strict", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    let undeclared = json["undeclared"].as_array().cloned().unwrap_or_default();
    assert_eq!(undeclared.len(), 2, "{json}");
    assert_eq!(undeclared[0]["kind"], "table");
    assert_eq!(undeclared[0]["identity"], "public.hotfix_overrides");
    assert_eq!(
        undeclared[0]["suggested_file"],
        "tables/public.hotfix_overrides.sql"
    );
    assert_eq!(undeclared[1]["suggested_file"], "indexes/public.users.sql");
    assert_eq!(json["declared_not_live"], 2);
    assert_eq!(json["pending"][0]["identity"], "public.pending", "{json}");
    assert!(
        json["problems"].as_array().is_some_and(|p| p.len() >= 2),
        "{json}"
    );
}

/// The fixtures' own SQL files are hand-written source too: loaded into a database, they
/// declare everything it holds — except what they grant with `ON ALL TABLES IN SCHEMA`
/// (reported as untracked, so those grants are undeclared) and the grants a table got from
/// default privileges when it was made (`app.project_notes`: no statement names them), and,
/// on a server with ICU, what 03's `fixture-collations.sql` makes in a `DO` block.
#[test]
fn fixture_sql_files_as_source_declare_the_database_they_build() {
    let db_major = pg_flux_tests::default_major();
    for fixture in fixtures() {
        let db = TestDb::on(db_major);
        load_fixture(&db, &fixture);
        let dir = pg_flux_tests::repo_root()
            .join("schema-fixtures")
            .join(&fixture);
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dir = dir.to_string_lossy().into_owned();
        let run = verify(tmp.path(), &db, &["--strict", "--schema-dir", &dir]);
        if fixture == "01_saas_app" {
            assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
            assert!(
                run.stdout.starts_with(
                    "verify: 9 undeclared live object(s):\n\nGrants (9):\n\
                     - SELECT ON app.accounts TO flux_reader\n"
                ) && run
                    .stdout
                    .contains("- INSERT ON app.project_notes TO flux_writer\n"),
                "{}",
                run.stdout
            );
            assert!(
                run.stderr
                    .contains("fixture.sql:272:1: `GRANT SELECT …` grants on objects"),
                "{}",
                run.stderr
            );
        } else if fixture == "03_awkward_identifiers" && run.code == 1 {
            // A server built with ICU: fixture-collations.sql makes these in a DO block
            // (untracked), so its source does not declare them.
            assert!(
                run.stdout.starts_with(
                    "verify: 4 undeclared live object(s):\n\nCollations (2):\n\
                     - \"Sales\".\"Case Insensitive\"\n- sales.\"日本\"\n\nTables (1):\n\
                     - \"Sales\".\"Tags\"\n\nIndexes (1):\n- \"Sales\".\"Tags name ci\"\n"
                ),
                "{}",
                run.stdout
            );
        } else {
            assert_eq!(run.code, 0, "{fixture}: {}{}", run.stdout, run.stderr);
            assert!(run.stdout.starts_with(CLEAN), "{}", run.stdout);
        }
    }
}

/// A live object pg-flux cannot read is never silently accepted: listed in its own group,
/// always undeclared, and named by pull as not captured. Every kind a database holds is modeled;
/// what stays unread is a subscription whose connection string the role may not read.
#[test]
fn unmodeled_kinds_are_their_own_group_and_always_undeclared() {
    let db = TestDb::new();
    db.exec(
        "CREATE SUBSCRIPTION verify_sub CONNECTION 'dbname=nowhere' PUBLICATION p \
         WITH (connect = false, slot_name = NONE, enabled = false)",
    );
    db.exec(
        "DO $$ BEGIN CREATE ROLE verify_sub_reader LOGIN; \
         EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
         ALTER ROLE verify_sub_reader PASSWORD 'reader-pw';",
    );
    let reader = format!(
        "postgres://verify_sub_reader:reader-pw@127.0.0.1:{}/{}",
        db.cluster.port(),
        db.name
    );
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let schema = tmp.path().join("schema");
    fs::create_dir_all(&schema).unwrap_or_else(|e| panic!("{e}"));
    let run = pg_flux(tmp.path(), &["verify", "--strict", "--db", &reader]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.starts_with(
            "verify: 1 undeclared live object(s):\n\nNot modeled by pg-flux (1):\n\
             - subscription verify_sub\n"
        ),
        "{}",
        run.stdout
    );
    let run = pg_flux(tmp.path(), &["pull", "--db", &reader]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "not captured (pg-flux does not model this kind yet): subscription verify_sub"
        ),
        "{}",
        run.stderr
    );
    assert!(!schema.join("_pulled").exists());
}

/// Every kind beyond tables and types is compared too: one live object of each, made out of
/// band after the dump, is listed under its heading (an overload next to a declared one, a
/// default privilege next to a declared one of the same role and schema, a user mapping on a
/// declared server). What pull captures of them, moved into the tree, declares them.
#[test]
fn every_new_kind_made_out_of_band_is_reported() {
    for major in majors() {
        let db = TestDb::on(major);
        db.exec(
            "DO $$ BEGIN CREATE ROLE flux_inv_owner NOLOGIN; \
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$; \
             DO $$ BEGIN CREATE ROLE flux_inv_reader NOLOGIN; \
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$; \
             CREATE TABLE public.t (a int, b int); \
             CREATE FUNCTION public.f(integer) RETURNS integer LANGUAGE sql AS 'SELECT $1'; \
             CREATE FUNCTION public.trg() RETURNS trigger LANGUAGE plpgsql \
               AS 'BEGIN RETURN NEW; END'; \
             CREATE FUNCTION public.evt() RETURNS event_trigger LANGUAGE plpgsql \
               AS 'BEGIN END'; \
             ALTER DEFAULT PRIVILEGES FOR ROLE flux_inv_owner IN SCHEMA public \
               GRANT INSERT ON TABLES TO flux_inv_reader; \
             CREATE FOREIGN DATA WRAPPER w_base; \
             CREATE SERVER s_base FOREIGN DATA WRAPPER w_base;",
        );
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        dump(tmp.path(), &db, "schema");
        let run = verify(tmp.path(), &db, &["--strict"]);
        assert_eq!(
            run.code, 0,
            "PostgreSQL {major}: {}{}",
            run.stdout, run.stderr
        );

        let (procedure, procedure_args) = if major >= 14 {
            ("CREATE PROCEDURE public.p(a integer, OUT b text) LANGUAGE sql AS 'SELECT NULL::text'", "integer, text")
        } else {
            (
                "CREATE PROCEDURE public.p(a integer) LANGUAGE sql AS 'SELECT 1'",
                "integer",
            )
        };
        db.exec(&format!(
            "CREATE FUNCTION public.f(text) RETURNS text LANGUAGE sql AS 'SELECT $1'; \
             {procedure}; \
             CREATE AGGREGATE public.agg_count(*) (SFUNC = int8inc, STYPE = int8, INITCOND = '0'); \
             CREATE TRIGGER trg_t BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.trg(); \
             CREATE EVENT TRIGGER evt_x ON ddl_command_end EXECUTE FUNCTION public.evt(); \
             CREATE POLICY p_t ON public.t USING (a > 0); \
             CREATE RULE r_t AS ON DELETE TO public.t DO INSTEAD NOTHING; \
             CREATE STATISTICS public.st_t ON a, b FROM public.t; \
             CREATE COLLATION public.c_coll (provider = libc, locale = 'C'); \
             CREATE PUBLICATION pub_x FOR TABLE public.t; \
             ALTER DEFAULT PRIVILEGES FOR ROLE flux_inv_owner IN SCHEMA public \
               GRANT SELECT ON TABLES TO flux_inv_reader; \
             CREATE FOREIGN DATA WRAPPER w_new; \
             CREATE SERVER s_new FOREIGN DATA WRAPPER w_base; \
             CREATE USER MAPPING FOR PUBLIC SERVER s_base; \
             CREATE FOREIGN TABLE public.ft_new (id int) SERVER s_base;"
        ));
        let expected: &[(&str, String)] = &[
            ("Collations", "public.c_coll".into()),
            ("Foreign tables", "public.ft_new".into()),
            ("Functions", "public.f(text)".into()),
            ("Procedures", format!("public.p({procedure_args})")),
            ("Aggregates", "public.agg_count()".into()),
            ("Triggers", "public.t.trg_t".into()),
            ("Policies", "public.t.p_t".into()),
            ("Rules", "public.t.r_t".into()),
            ("Statistics", "public.st_t".into()),
            ("Event triggers", "evt_x".into()),
            ("Publications", "pub_x".into()),
            ("Foreign data wrappers", "w_new".into()),
            ("Foreign servers", "s_new".into()),
            ("User mappings", "FOR PUBLIC SERVER s_base".into()),
            (
                "Default privileges",
                "FOR ROLE flux_inv_owner IN SCHEMA public GRANT SELECT ON TABLES TO flux_inv_reader"
                    .into(),
            ),
        ];
        let run = verify(tmp.path(), &db, &["--strict"]);
        assert_eq!(
            run.code, 1,
            "PostgreSQL {major}: {}{}",
            run.stdout, run.stderr
        );
        let mut listing = format!("verify: {} undeclared live object(s):\n", expected.len());
        for (heading, item) in expected {
            listing.push_str(&format!("\n{heading} (1):\n- {item}\n"));
        }
        assert!(
            run.stdout.starts_with(&listing),
            "PostgreSQL {major}: expected\n{listing}\ngot\n{}",
            run.stdout
        );
        // pull captures every one of them.
        let run = pg_flux(tmp.path(), &["pull", "--db", &db.url(), "--dry-run"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stderr
                .contains(&format!("would write {} object(s)", expected.len())),
            "PostgreSQL {major}: {}",
            run.stderr
        );
        // What pull writes declares exactly them: promoted into the tree, verify is clean.
        let run = pg_flux(tmp.path(), &["pull", "--db", &db.url()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let pulled: Vec<_> = fs::read_dir(tmp.path().join("schema/_pulled"))
            .unwrap_or_else(|e| panic!("{e}"))
            .flatten()
            .map(|e| e.path())
            .collect();
        assert_eq!(pulled.len(), 1, "{pulled:?}");
        let text = fs::read_to_string(&pulled[0]).unwrap_or_else(|e| panic!("{e}"));
        fs::write(tmp.path().join("schema/promoted.sql"), &text).unwrap_or_else(|e| panic!("{e}"));
        let run = verify(tmp.path(), &db, &["--strict"]);
        assert_eq!(
            run.code, 0,
            "PostgreSQL {major}: {}{}\n{text}",
            run.stdout, run.stderr
        );
        assert!(run.stdout.starts_with(CLEAN), "{}", run.stdout);
        assert!(!run.stdout.contains("not live"), "{}", run.stdout);
        assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    }
}

/// One object declared in two files is two sources for it: `verify --strict` fails on it (as
/// `migrate generate` does), naming both places, and its first line says why, not "clean".
#[test]
fn an_object_declared_twice_fails_strict_naming_both_places() {
    let db = TestDb::new();
    db.exec(
        "CREATE TABLE public.users (id int PRIMARY KEY, email text); \
         CREATE INDEX users_email ON public.users (email);",
    );
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    dump(tmp.path(), &db, "schema");
    let run = verify(tmp.path(), &db, &["--strict"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    fs::write(
        tmp.path().join("schema/tables/public.users.sql"),
        format!(
            "{}\nCREATE INDEX users_email ON public.users USING btree (email);\n",
            fs::read_to_string(tmp.path().join("schema/tables/public.users.sql"))
                .unwrap_or_default()
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let run = verify(tmp.path(), &db, &[]);
    assert_eq!(run.code, 0, "without --strict: {}", run.stderr);
    let run = verify(tmp.path(), &db, &["--strict"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.starts_with(
            "verify: every live object is declared in source, but 1 declaration(s) repeat an \
             object declared elsewhere (see the warnings).\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("schema/indexes/public.users.sql:1:1")
            && run.stderr.contains("schema/tables/public.users.sql:")
            && run.stderr.contains("declared twice"),
        "{}",
        run.stderr
    );
}
