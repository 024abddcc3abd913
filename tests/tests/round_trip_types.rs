//! Round trips of enums, composite and range types, domains, views and materialized views.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use pg_flux_tests::{assert_round_trip, majors, TestDb};

const ROLES: &str = "DO $$ BEGIN CREATE ROLE flux_reader NOLOGIN; \
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
    DO $$ BEGIN CREATE ROLE flux_owner NOLOGIN; \
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;";

/// Runs `check` on every major under test, each in its own thread.
fn on_every_major(check: impl Fn(u32) + Sync) {
    std::thread::scope(|scope| {
        for major in majors() {
            let check = &check;
            scope.spawn(move || check(major));
        }
    });
}

fn file<'a>(tree: &'a BTreeMap<PathBuf, String>, major: u32, path: &str) -> &'a str {
    tree.get(Path::new(path))
        .map(String::as_str)
        .unwrap_or_else(|| {
            panic!(
                "PostgreSQL {major}: no {path} in {:?}",
                tree.keys().collect::<Vec<_>>()
            )
        })
}

fn enums_sql() -> &'static str {
    "CREATE SCHEMA app;
     CREATE TYPE app.\"Status\" AS ENUM ('new', 'it''s done', 'café');
     ALTER TYPE app.\"Status\" ADD VALUE 'first' BEFORE 'new';
     ALTER TYPE app.\"Status\" ADD VALUE 'middle' AFTER 'new';
     CREATE TYPE app.status AS ENUM ();
     CREATE TYPE app.\"select\" AS ENUM ('x');
     CREATE TYPE app.\"ünï\" AS ENUM ('a', 'b');
     COMMENT ON TYPE app.\"Status\" IS 'the status''s comment';
     ALTER TYPE app.\"select\" OWNER TO flux_owner;
     REVOKE USAGE ON TYPE app.\"ünï\" FROM PUBLIC;
     GRANT USAGE ON TYPE app.\"ünï\" TO flux_reader WITH GRANT OPTION;"
}

#[test]
fn enums_round_trip() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(ROLES);
        d.exec(enums_sql());
        let tree = assert_round_trip(&d);
        let status = file(&tree, major, "types/app.%53tatus.sql");
        assert!(
            status.contains("'first',\n    'new',\n    'middle',\n    'it''s done',\n    'café'"),
            "PostgreSQL {major}: {status}"
        );
        assert!(
            status.contains("COMMENT ON TYPE app.\"Status\" IS 'the status''s comment';"),
            "PostgreSQL {major}: {status}"
        );
        let empty = file(&tree, major, "types/app.status.sql");
        assert!(
            empty.contains("AS ENUM (\n);"),
            "PostgreSQL {major}: {empty}"
        );
        let select = file(&tree, major, "types/app.select.sql");
        assert!(
            select.contains("OWNER TO flux_owner"),
            "PostgreSQL {major}: {select}"
        );
        let uni = file(&tree, major, "types/app.%C3%BCn%C3%AF.sql");
        assert!(
            uni.contains("REVOKE USAGE ON TYPE app.\"ünï\" FROM PUBLIC;"),
            "PostgreSQL {major}: {uni}"
        );
        assert!(
            uni.contains("TO flux_reader WITH GRANT OPTION;"),
            "PostgreSQL {major}: {uni}"
        );
    });
}

fn composites_sql() -> &'static str {
    "CREATE SCHEMA app;
     CREATE TYPE app.mood AS ENUM ('happy', 'sad');
     CREATE TYPE app.point3 AS (x double precision, y double precision, \"Z\" numeric(10,2));
     CREATE TYPE app.\"Outer\" AS (
        p app.point3, ps app.point3[], m app.mood[], label text COLLATE \"C\",
        code varchar(12), plain text, \"order\" int, dropped int);
     ALTER TYPE app.\"Outer\" DROP ATTRIBUTE dropped;
     ALTER TYPE app.\"Outer\" ADD ATTRIBUTE added timestamptz(3);
     COMMENT ON COLUMN app.\"Outer\".p IS 'a point';
     COMMENT ON TYPE app.point3 IS 'three';
     CREATE TYPE app.empty AS ();
     ALTER TYPE app.point3 OWNER TO flux_owner;
     GRANT USAGE ON TYPE app.point3 TO flux_reader;"
}

#[test]
fn composites_round_trip() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(ROLES);
        d.exec(composites_sql());
        let tree = assert_round_trip(&d);
        let outer = file(&tree, major, "types/app.%4Futer.sql");
        assert!(
            outer.contains("    label text COLLATE pg_catalog.\"C\",\n"),
            "PostgreSQL {major}: {outer}"
        );
        assert!(
            outer.contains("    plain text,\n"),
            "PostgreSQL {major}: {outer}"
        );
        assert!(
            outer.contains("    ps app.point3[],\n"),
            "PostgreSQL {major}: {outer}"
        );
        assert!(!outer.contains("dropped"), "PostgreSQL {major}: {outer}");
        assert!(
            outer.contains("COMMENT ON COLUMN app.\"Outer\".p IS 'a point';"),
            "PostgreSQL {major}: {outer}"
        );
        let empty = file(&tree, major, "types/app.empty.sql");
        assert!(empty.contains("AS (\n);"), "PostgreSQL {major}: {empty}");
    });
}

fn ranges_sql(major: u32) -> String {
    let mut sql = String::from(
        "CREATE SCHEMA app;
         CREATE TYPE app.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
         CREATE TYPE app.textrange_c AS RANGE (subtype = text, collation = \"C\");
         CREATE TYPE app.span AS RANGE (subtype = int4, subtype_opclass = int4_ops);
         CREATE TYPE app.\"Weird\" AS RANGE (subtype = numeric);
         COMMENT ON TYPE app.floatrange IS 'floats';
         ALTER TYPE app.span OWNER TO flux_owner;
         GRANT USAGE ON TYPE app.\"Weird\" TO flux_reader;",
    );
    if major >= 14 {
        sql.push_str(
            "CREATE TYPE app.datespan AS RANGE (subtype = date, multirange_type_name = app.many_dates);
             COMMENT ON TYPE app.many_dates IS 'explicitly named';
             COMMENT ON TYPE app.floatmultirange IS 'generated name';",
        );
    }
    sql
}

#[test]
fn ranges_round_trip() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(ROLES);
        d.exec(&ranges_sql(major));
        let tree = assert_round_trip(&d);
        let float = file(&tree, major, "types/app.floatrange.sql");
        assert!(
            float.contains("subtype_diff = float8mi"),
            "PostgreSQL {major}: {float}"
        );
        assert!(
            !float.contains("multirange_type_name"),
            "PostgreSQL {major}: {float}"
        );
        let text = file(&tree, major, "types/app.textrange_c.sql");
        assert!(
            text.contains("collation = pg_catalog.\"C\""),
            "PostgreSQL {major}: {text}"
        );
        let span = file(&tree, major, "types/app.span.sql");
        assert!(
            !span.contains("subtype_opclass"),
            "PostgreSQL {major}: {span}"
        );
        if major >= 14 {
            let span = file(&tree, major, "types/app.datespan.sql");
            assert!(
                span.contains("multirange_type_name = app.many_dates"),
                "PostgreSQL {major}: {span}"
            );
            assert!(
                span.contains("COMMENT ON TYPE app.many_dates IS 'explicitly named';"),
                "PostgreSQL {major}: {span}"
            );
            assert!(
                float.contains("COMMENT ON TYPE app.floatmultirange IS 'generated name';"),
                "PostgreSQL {major}: {float}"
            );
        }
    });
}

fn domains_sql(major: u32) -> String {
    let mut sql = String::from(
        "CREATE SCHEMA app;
         CREATE DOMAIN app.positive AS numeric(12,2) NOT NULL DEFAULT 0
           CONSTRAINT positive_check CHECK (VALUE >= 0)
           CONSTRAINT \"A first\" CHECK (VALUE < 1000000);
         CREATE DOMAIN app.\"Email\" AS text COLLATE \"C\"
           CONSTRAINT email_at CHECK (VALUE ~ '@');
         CREATE DOMAIN app.small_positive AS app.positive CHECK (VALUE < 100);
         CREATE DOMAIN app.tags AS text[] DEFAULT '{}'::text[] CHECK (cardinality(VALUE) < 10);
         CREATE DOMAIN app.\"user\" AS varchar(40) DEFAULT 'it''s';
         ALTER DOMAIN app.\"user\" ADD CONSTRAINT later CHECK (VALUE <> '') NOT VALID;
         CREATE DOMAIN app.stamp AS timestamp(0) with time zone DEFAULT now();
         COMMENT ON DOMAIN app.positive IS 'money';
         COMMENT ON CONSTRAINT positive_check ON DOMAIN app.positive IS 'not negative';
         ALTER DOMAIN app.\"Email\" OWNER TO flux_owner;
         REVOKE USAGE ON DOMAIN app.tags FROM PUBLIC;
         GRANT USAGE ON DOMAIN app.tags TO flux_reader;
         CREATE DOMAIN app.nn AS int;
         ALTER DOMAIN app.nn SET NOT NULL;",
    );
    if major >= 17 {
        sql.push_str("CREATE DOMAIN app.named_nn AS int CONSTRAINT must_have NOT NULL;");
    }

    sql
}

#[test]
fn domains_round_trip() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(ROLES);
        d.exec(&domains_sql(major));
        let tree = assert_round_trip(&d);
        let positive = file(&tree, major, "domains/app.positive.sql");
        assert!(
            positive.contains("AS numeric(12,2)"),
            "PostgreSQL {major}: {positive}"
        );
        assert!(
            positive.contains("CONSTRAINT positive_check CHECK"),
            "PostgreSQL {major}: {positive}"
        );
        assert!(
            positive.contains("COMMENT ON CONSTRAINT positive_check ON DOMAIN app.positive"),
            "PostgreSQL {major}: {positive}"
        );
        let user = file(&tree, major, "domains/app.user.sql");
        assert!(
            user.contains("ALTER DOMAIN app.\"user\" ADD CONSTRAINT later CHECK"),
            "PostgreSQL {major}: {user}"
        );
        assert!(user.contains("NOT VALID;"), "PostgreSQL {major}: {user}");
        let email = file(&tree, major, "domains/app.%45mail.sql");
        assert!(
            email.contains("COLLATE pg_catalog.\"C\""),
            "PostgreSQL {major}: {email}"
        );
    });
}

fn views_sql(major: u32) -> String {
    let mut sql = String::from(
        "CREATE SCHEMA app;
         CREATE TYPE app.mood AS ENUM ('happy', 'sad');
         CREATE VIEW app.v3 AS SELECT 1 AS x;
         CREATE VIEW app.\"V2\" AS SELECT x, x + 1 AS \"Y\", 'happy'::app.mood AS m FROM app.v3;
         CREATE VIEW app.v1 (a, b) AS SELECT x, \"Y\" FROM app.\"V2\";
         CREATE VIEW app.\"V1\" AS SELECT nspname, nspowner FROM pg_catalog.pg_namespace
           WHERE nspname <> 'x' WITH LOCAL CHECK OPTION;
         CREATE VIEW app.series WITH (security_barrier) AS
           SELECT * FROM app.\"V1\" WHERE nspowner > 0 WITH CASCADED CHECK OPTION;
         CREATE VIEW app.gen AS SELECT g AS n FROM pg_catalog.generate_series(1, 10) g;
         CREATE VIEW app.vals AS SELECT * FROM (VALUES (1, 'one'), (2, 'two')) AS t(num, word);
         ALTER VIEW app.vals ALTER COLUMN word SET DEFAULT 'none';
         COMMENT ON VIEW app.vals IS 'numbers';
         COMMENT ON COLUMN app.vals.num IS 'the number';
         ALTER VIEW app.vals OWNER TO flux_owner;
         GRANT SELECT ON app.vals TO flux_reader;
         GRANT UPDATE (word) ON app.vals TO flux_reader;
         CREATE MATERIALIZED VIEW app.mv AS SELECT a, b FROM app.v1;
         CREATE MATERIALIZED VIEW app.\"Empty MV\" WITH (fillfactor = 70) AS SELECT 1 AS one WITH NO DATA;
         COMMENT ON MATERIALIZED VIEW app.mv IS 'over a view';
         COMMENT ON COLUMN app.mv.a IS 'column a';
         ALTER MATERIALIZED VIEW app.mv OWNER TO flux_owner;
         GRANT SELECT ON app.mv TO flux_reader;
         CREATE RECURSIVE VIEW app.counter (n) AS
           VALUES (1) UNION ALL SELECT n + 1 FROM counter WHERE n < 5;
         CREATE VIEW app.over_mv AS SELECT a FROM app.mv WHERE b > 0;
         CREATE VIEW app.\"select\" AS SELECT 1 AS \"from\";
         CREATE VIEW app.\"Select\" AS SELECT 2;",
    );
    if major >= 15 {
        sql.push_str(
            "CREATE VIEW app.invoker WITH (security_invoker = true, security_barrier = false) AS SELECT 1 AS one;",
        );
    }
    sql
}

#[test]
fn views_round_trip() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(ROLES);
        d.exec(&views_sql(major));
        let tree = assert_round_trip(&d);
        let series = file(&tree, major, "views/app.series.sql");
        assert!(
            series.contains("WITH (security_barrier='true') AS"),
            "PostgreSQL {major}: {series}"
        );
        assert!(
            series.contains("WITH CASCADED CHECK OPTION;"),
            "PostgreSQL {major}: {series}"
        );
        let v1 = file(&tree, major, "views/app.%561.sql");
        assert!(
            v1.contains("WITH LOCAL CHECK OPTION;"),
            "PostgreSQL {major}: {v1}"
        );
        let vals = file(&tree, major, "views/app.vals.sql");
        assert!(
            vals.contains("ALTER COLUMN word SET DEFAULT 'none'::text;"),
            "PostgreSQL {major}: {vals}"
        );
        assert!(
            vals.contains("GRANT UPDATE (word) ON TABLE app.vals TO flux_reader;"),
            "PostgreSQL {major}: {vals}"
        );
        let mv = file(&tree, major, "materialized_views/app.mv.sql");
        assert!(mv.contains("WITH DATA;"), "PostgreSQL {major}: {mv}");
        assert!(
            mv.contains("COMMENT ON COLUMN app.mv.a IS 'column a';"),
            "PostgreSQL {major}: {mv}"
        );
        let empty = file(&tree, major, "materialized_views/app.%45mpty%20%4D%56.sql");
        assert!(
            empty.contains("WITH (fillfactor='70') AS"),
            "PostgreSQL {major}: {empty}"
        );
        assert!(
            empty.contains("WITH NO DATA;"),
            "PostgreSQL {major}: {empty}"
        );
        assert!(
            tree.contains_key(Path::new("views/app.select.sql")),
            "PostgreSQL {major}: {:?}",
            tree.keys().collect::<Vec<_>>()
        );
        assert!(
            tree.contains_key(Path::new("views/app.%53elect.sql")),
            "PostgreSQL {major}: {:?}",
            tree.keys().collect::<Vec<_>>()
        );
    });
}

/// A chain of views whose names sort against their dependency order, a matview on top, and
/// types and domains that depend on others in a later-sorting schema.
#[test]
fn chains_load_in_dependency_order() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(
            "CREATE SCHEMA a; CREATE SCHEMA z;
         CREATE VIEW z.base AS SELECT 1 AS n;
         CREATE VIEW a.middle AS SELECT n + 1 AS n FROM z.base;
         CREATE VIEW a.\"Top\" AS SELECT n * 2 AS n FROM a.middle;
         CREATE VIEW a.aaa AS SELECT n FROM a.\"Top\";
         CREATE MATERIALIZED VIEW a.aab AS SELECT n FROM a.aaa;
         CREATE TYPE z.pair2 AS (x int);
         CREATE TYPE a.pair AS (l z.pair2, r int, rs z.pair2[]);
         CREATE DOMAIN z.d2 AS int CHECK (VALUE > 0);
         CREATE DOMAIN a.d1 AS z.d2;
         CREATE TYPE z.e AS ENUM ('x');
         CREATE DOMAIN a.d3 AS z.e[];
         CREATE TYPE a.r AS RANGE (subtype = z.d2);
         CREATE VIEW a.uses_types AS SELECT ROW(ROW(1), 2, NULL)::a.pair AS p, 3::a.d1 AS d;",
        );
        let tree = assert_round_trip(&d);
        assert!(
            tree.contains_key(Path::new("views/a.aaa.sql")),
            "PostgreSQL {major}: {:?}",
            tree.keys().collect::<Vec<_>>()
        );
        assert!(
            tree.contains_key(Path::new("materialized_views/a.aab.sql")),
            "PostgreSQL {major}: {:?}",
            tree.keys().collect::<Vec<_>>()
        );
    });
}

/// Every section on every major in `PGFLUX_TEST_MAJORS`.
#[test]
fn everything_round_trips_on_every_major() {
    on_every_major(|major| {
        let sections = [
            enums_sql().to_string(),
            composites_sql().to_string(),
            ranges_sql(major),
            domains_sql(major),
            views_sql(major),
        ];
        for sql in sections {
            let d = TestDb::on(major);
            d.exec(ROLES);
            d.exec(&sql);
            assert_round_trip(&d);
        }
    });
}

/// Nothing these kinds create (range constructors, multirange types, view rules, array types)
/// is reported as an object of an unmodeled kind, and the query count does not depend on them.
#[test]
fn nothing_is_reported_unmodeled() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(ROLES);
        let sql = [
            enums_sql().to_string(),
            composites_sql()
                .replace("CREATE SCHEMA app;", "CREATE SCHEMA c;")
                .replace("app.", "c."),
            ranges_sql(major)
                .replace("CREATE SCHEMA app;", "CREATE SCHEMA r;")
                .replace("app.", "r."),
            domains_sql(major)
                .replace("CREATE SCHEMA app;", "CREATE SCHEMA d;")
                .replace("app.", "d."),
            views_sql(major)
                .replace("CREATE SCHEMA app;", "CREATE SCHEMA v;")
                .replace("app.", "v."),
        ];
        for s in &sql {
            d.exec(s);
        }
        let read = |db: &TestDb| {
            pg_flux_tests::block_on(pg_flux::commands::dump::read_catalog(
                &db.url(),
                &pg_flux::inspect::Scope::default(),
            ))
            .unwrap_or_else(|e| panic!("PostgreSQL {major}: {e}"))
        };
        let catalog = read(&d);
        assert!(
            catalog.unmodeled.is_empty(),
            "PostgreSQL {major}: {:?}",
            catalog.unmodeled
        );
        assert_eq!(
            catalog.query_count,
            read(&TestDb::on(major)).query_count,
            "PostgreSQL {major}: query count with and without these kinds"
        );
        assert_round_trip(&d);
    });
}

/// A shell type never completed is modeled (`CREATE TYPE app.shell;`), not reported unmodeled.
#[test]
fn shell_types_are_modeled() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec("CREATE SCHEMA app; CREATE TYPE app.shell; CREATE TYPE app.e AS ENUM ('x');");
        let catalog = pg_flux_tests::block_on(pg_flux::commands::dump::read_catalog(
            &d.url(),
            &pg_flux::inspect::Scope::default(),
        ))
        .unwrap_or_else(|e| panic!("PostgreSQL {major}: {e}"));
        assert!(
            catalog.unmodeled.is_empty(),
            "PostgreSQL {major}: {:?}",
            catalog.unmodeled
        );
        assert!(
            catalog.types.iter().any(
                |t| t.name.name == "shell" && matches!(t.kind, pg_flux::model::TypeKind::Shell)
            ),
            "PostgreSQL {major}: {:?}",
            catalog.types
        );
        assert_round_trip(&d);
    });
}
