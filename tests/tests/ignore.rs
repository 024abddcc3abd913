//! `[ignore]` in pg-flux.toml against real PostgreSQL: a platform-managed `auth` schema (as
//! Supabase has) and legacy tables are never dumped, reported, pulled or migrated, while the
//! application's source refers to them (a foreign key to `auth.users`, a view over it, a column
//! of an `auth` type) and migrations converge. Declarations the rules take, rules that match
//! nothing and `--schemas` naming a missing schema are warnings.

use std::fs;
use std::path::Path;

use pg_flux_tests::{majors, pg_flux, read_tree, Run, TestDb};

/// What the platform made: pg-flux must leave every bit of it alone.
const PLATFORM: &str = "
CREATE SCHEMA auth;
CREATE TYPE auth.factor_type AS ENUM ('totp', 'webauthn');
CREATE TABLE auth.users (id uuid PRIMARY KEY, email text NOT NULL, factor auth.factor_type);
CREATE INDEX users_email_idx ON auth.users (email);
CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
    AS $$ SELECT '00000000-0000-0000-0000-000000000001'::uuid $$;
INSERT INTO auth.users VALUES ('00000000-0000-0000-0000-000000000001', 'a@example.com', 'totp');
";

/// The application's own schema, which refers to the platform's objects.
const APP: &str = "
CREATE TABLE public.profiles (
    id bigint PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES auth.users (id),
    factor auth.factor_type
);
CREATE VIEW public.profile_emails AS
    SELECT p.id, u.email FROM public.profiles p JOIN auth.users u ON u.id = p.user_id;
CREATE FUNCTION public.my_profile() RETURNS bigint LANGUAGE sql STABLE
    AS $$ SELECT id FROM public.profiles WHERE user_id = auth.uid() $$;
CREATE TABLE public.legacy_orders (id integer PRIMARY KEY);
";

const CONFIG: &str = r#"[ignore]
schemas = ["auth"]
objects = ["public.legacy_*", "function public.debug_*(*)"]
"#;

const UNUSED_RULE: &str = "warning: [ignore] rule \"function public.debug_*(*)\" in pg-flux.toml \
                           matches no live object\n";

fn ok(run: &Run, what: &str) {
    assert_eq!(
        run.code, 0,
        "{what}: exit {}\n{}{}",
        run.code, run.stdout, run.stderr
    );
}

/// `migrate generate` in `cwd`; the migration's path and statement count.
fn generate(cwd: &Path, db: &TestDb, shadow: Option<&TestDb>) -> (std::path::PathBuf, usize) {
    let url = db.url();
    let shadow_url = shadow.map(TestDb::url);
    let mut args = vec!["migrate", "generate", "--db", url.as_str()];
    if let Some(s) = &shadow_url {
        args.extend(["--shadow-db", s.as_str()]);
    }
    let run = pg_flux(cwd, &args);
    ok(&run, "migrate generate");
    assert!(!run.stderr.contains("does not load"), "{}", run.stderr);
    let (path, n) = run.generated();
    (cwd.join(path), n)
}

/// What of the platform's objects a test must find unchanged.
fn platform_state(db: &TestDb) -> String {
    db.query(
        "SELECT (SELECT count(*) FROM auth.users) || ' ' || \
         (SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class \
          WHERE relnamespace = 'auth'::regnamespace) || ' ' || \
         (SELECT prosrc FROM pg_proc WHERE oid = 'auth.uid()'::regprocedure)",
    )
}

#[test]
fn a_platform_schema_is_left_alone_and_migrations_converge_around_it() {
    for major in majors() {
        let db = TestDb::on(major);
        let shadow = TestDb::on(major);
        db.exec(PLATFORM);
        db.exec(APP);
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let cwd = tmp.path();
        fs::write(cwd.join("pg-flux.toml"), CONFIG).unwrap_or_else(|e| panic!("{e}"));
        let url = db.url();

        // dump: nothing of auth, nothing legacy; the foreign key into auth is the app's.
        let dump = pg_flux(cwd, &["dump", "--db", &url, "--output", "schema"]);
        ok(&dump, "dump");
        assert_eq!(dump.stderr, UNUSED_RULE, "PostgreSQL {major}");
        let tree = read_tree(&cwd.join("schema"));
        for (path, text) in &tree {
            let p = path.to_string_lossy();
            assert!(!p.contains("auth") && !p.contains("legacy"), "{p}");
            assert!(!text.contains("CREATE TABLE auth."), "{p}:\n{text}");
            assert!(!text.contains("CREATE SCHEMA auth"), "{p}:\n{text}");
            assert!(!text.contains("legacy_orders"), "{p}:\n{text}");
        }
        let all: String = tree.values().cloned().collect();
        assert!(all.contains("REFERENCES auth.users(id)"), "{all}");

        // verify: clean, and says how much each rule hid.
        let verify = pg_flux(cwd, &["verify", "--db", &url, "--strict"]);
        ok(&verify, "verify --strict");
        assert_eq!(
            verify.stdout,
            "verify: clean — every live object is declared in source.\n\
             6 live object(s) ignored: 5 by schemas \"auth\", 1 by \"public.legacy_*\", \
             0 by \"function public.debug_*(*)\"\n",
            "PostgreSQL {major}"
        );
        assert_eq!(verify.stderr, UNUSED_RULE);
        let json = pg_flux(cwd, &["verify", "--db", &url, "--format", "json"]);
        ok(&json, "verify --format json");
        let value: serde_json::Value =
            serde_json::from_str(&json.stdout).unwrap_or_else(|e| panic!("{e}: {}", json.stdout));
        assert_eq!(
            value["ignored"],
            serde_json::json!([
                {"rule": "schemas \"auth\"", "count": 5},
                {"rule": "\"public.legacy_*\"", "count": 1},
                {"rule": "\"function public.debug_*(*)\"", "count": 0},
            ])
        );

        // The source loads into the shadow around shells of auth: nothing to migrate, no drift.
        let (first, n) = generate(cwd, &db, Some(&shadow));
        assert_eq!(n, 0, "{}", fs::read_to_string(&first).unwrap_or_default());
        let s = shadow.url();
        let args = [
            "verify",
            "--db",
            &url,
            "--drift",
            "--strict",
            "--shadow-db",
            &s,
        ];
        let drift = pg_flux(cwd, &args);
        ok(&drift, "verify --drift");
        assert!(drift.stdout.contains("drift: none"), "{}", drift.stdout);
        assert_eq!(drift.stderr, UNUSED_RULE);

        // The platform changes auth, and someone adds a legacy table: invisible to all.
        db.exec(
            "CREATE TABLE auth.sessions (id bigint PRIMARY KEY, user_id uuid REFERENCES auth.users);
             CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
                 AS $$ SELECT '00000000-0000-0000-0000-000000000002'::uuid $$;
             CREATE TABLE public.legacy_items (id integer);",
        );
        let before = platform_state(&db);
        let verify = pg_flux(cwd, &["verify", "--db", &url, "--strict"]);
        ok(&verify, "verify --strict after the platform changed");
        let pull = pg_flux(cwd, &["pull", "--db", &url]);
        ok(&pull, "pull");
        assert_eq!(
            pull.stdout,
            "pull: nothing to capture — every live object is declared in source.\n"
        );
        let (_, n) = generate(cwd, &db, Some(&shadow));
        assert_eq!(n, 0);

        // The application changes: a column, and a new table with a foreign key into auth.
        let profiles = tree
            .iter()
            .find(|(_, text)| text.contains("CREATE TABLE public.profiles"))
            .map(|(path, _)| cwd.join("schema").join(path))
            .unwrap_or_else(|| panic!("no profiles file"));
        let text = fs::read_to_string(&profiles).unwrap_or_else(|e| panic!("{e}"));
        let text = text.replacen(
            "    factor auth.factor_type",
            "    factor auth.factor_type,\n    nickname text",
            1,
        );
        fs::write(&profiles, text).unwrap_or_else(|e| panic!("{e}"));
        fs::write(
            cwd.join("schema/devices.sql"),
            "CREATE TABLE public.devices (\n    id bigint PRIMARY KEY,\n    \
             user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE\n);\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let (migration, n) = generate(cwd, &db, Some(&shadow));
        let sql = fs::read_to_string(&migration).unwrap_or_else(|e| panic!("{e}"));
        assert!(n >= 3, "{sql}");
        assert!(!sql.contains("DROP"), "{sql}");
        assert!(!sql.contains("legacy"), "{sql}");
        assert!(
            !sql.contains("auth.sessions") && !sql.contains("auth.uid"),
            "{sql}"
        );
        db.load_file(&migration);
        let (again, n) = generate(cwd, &db, Some(&shadow));
        assert_eq!(n, 0, "{}", fs::read_to_string(&again).unwrap_or_default());
        // With the throwaway shadow cluster too.
        if major == majors()[0] {
            let (embedded, n) = generate(cwd, &db, None);
            assert_eq!(
                n,
                0,
                "{}",
                fs::read_to_string(&embedded).unwrap_or_default()
            );
        }
        assert_eq!(platform_state(&db), before);
        assert_eq!(
            db.query("SELECT count(*) FROM pg_class WHERE relname LIKE 'legacy_%'")
                .trim(),
            "3" // legacy_orders, its key's index, legacy_items
        );
    }
}

#[test]
fn declared_ignored_objects_unused_rules_and_missing_schemas_are_warnings() {
    let db = TestDb::new();
    let shadow = TestDb::new();
    db.exec(PLATFORM);
    db.exec(APP);
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cwd = tmp.path();
    fs::write(cwd.join("pg-flux.toml"), CONFIG).unwrap_or_else(|e| panic!("{e}"));
    let url = db.url();
    ok(
        &pg_flux(cwd, &["dump", "--db", &url, "--output", "schema"]),
        "dump",
    );

    // Declared by the source, but taken by a rule: a warning where it is declared.
    fs::write(
        cwd.join("schema/extra.sql"),
        "-- the platform's, copied here by mistake\n\
         CREATE TABLE auth.audit (id bigint PRIMARY KEY, at timestamptz);\n\
         CREATE TABLE public.legacy_notes (id integer);\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let verify = pg_flux(cwd, &["verify", "--db", &url, "--strict"]);
    ok(&verify, "verify");
    assert_eq!(
        verify.stderr,
        format!(
            "{UNUSED_RULE}\
             warning: schema/extra.sql:2:1: table auth.audit is ignored by [ignore] rule \
             schemas \"auth\" in pg-flux.toml; pg-flux leaves it alone\n\
             warning: schema/extra.sql:3:1: table public.legacy_notes is ignored by [ignore] \
             rule \"public.legacy_*\" in pg-flux.toml; pg-flux leaves it alone\n"
        )
    );
    // Not pending either, and migrate leaves them alone, saying so.
    assert!(!verify.stdout.contains("not live"), "{}", verify.stdout);
    let s = shadow.url();
    let run = pg_flux(
        cwd,
        &["migrate", "generate", "--db", &url, "--shadow-db", &s],
    );
    ok(&run, "migrate generate");
    assert_eq!(run.stderr, verify.stderr);
    assert_eq!(run.generated().1, 0, "{}", run.stdout);

    // A schema that does not exist.
    let run = pg_flux(
        cwd,
        &[
            "dump",
            "--db",
            &url,
            "--output",
            "other",
            "--schemas",
            "nosuch,public",
        ],
    );
    ok(&run, "dump --schemas nosuch");
    assert_eq!(
        run.stderr,
        format!("warning: schema \"nosuch\" does not exist\n{UNUSED_RULE}")
    );

    // A rule naming a part of an object is refused, naming the rule.
    fs::write(
        cwd.join("pg-flux.toml"),
        "[ignore]\nobjects = [\"column public.profiles.factor\"]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let run = pg_flux(cwd, &["verify", "--db", &url]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains(
            "pg-flux.toml: [ignore] objects: rule \"column public.profiles.factor\": a column is \
             ignored with the object it belongs to; name that object instead"
        ),
        "{}",
        run.stderr
    );
}
