//! Dependency cycles between views and functions, which PostgreSQL lets one build with
//! `CREATE OR REPLACE VIEW`: the dump breaks them as pg_dump does (a view shell with the
//! view's columns, the function, then `CREATE OR REPLACE VIEW` with the real query). Each
//! shape round-trips through the flat dump (psql), loads as a per-kind tree through the
//! library loader with identical pg_dump output, and the dumped tree verifies clean.

use pg_flux_tests::{assert_round_trip, assert_same_text, block_on, majors, pg_flux, TestDb};

/// A function taking the view's row type, called by the view (every major); with options,
/// a check option, a column default, a column comment and a column grant on the view.
const ROW_TYPE_ARGUMENT: &str = "
CREATE SCHEMA cyc;
CREATE TABLE cyc.t (id integer, name varchar(20) COLLATE \"C\");
CREATE VIEW cyc.v AS SELECT id, name FROM cyc.t;
CREATE FUNCTION cyc.k(cyc.v) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 1';
CREATE OR REPLACE VIEW cyc.v WITH (security_barrier) AS
  SELECT id, name, cyc.k(NULL::cyc.v) AS k FROM cyc.t WHERE id > 0
  WITH CASCADED CHECK OPTION;
ALTER VIEW cyc.v ALTER COLUMN id SET DEFAULT 7;
COMMENT ON VIEW cyc.v IS 'calls a function of its own row type';
COMMENT ON COLUMN cyc.v.name IS 'the name';
GRANT SELECT (name) ON cyc.v TO PUBLIC;
CREATE VIEW cyc.over AS SELECT id, k FROM cyc.v;
";

/// A `BEGIN ATOMIC` function returning the view's rows, called by the view (14+); a column
/// with a non-default collation.
const SETOF_VIEW: &str = "
CREATE SCHEMA cyc_setof;
CREATE VIEW cyc_setof.v AS SELECT 1 AS x, 'a'::text COLLATE \"C\" AS t;
CREATE FUNCTION cyc_setof.g() RETURNS SETOF cyc_setof.v LANGUAGE sql STABLE
  BEGIN ATOMIC SELECT 1, 'b'::text; END;
CREATE OR REPLACE VIEW cyc_setof.v AS
  SELECT 1 AS x, 'a'::text COLLATE \"C\" AS t
  UNION ALL SELECT 2, (SELECT t FROM cyc_setof.g() LIMIT 1);
";

/// A `BEGIN ATOMIC` function reading the view, called by the view, and a view over it (14+).
const BODY_READS_VIEW: &str = "
CREATE SCHEMA cyc_body;
CREATE VIEW cyc_body.v AS SELECT 1 AS x;
CREATE FUNCTION cyc_body.h() RETURNS integer LANGUAGE sql STABLE
  BEGIN ATOMIC SELECT count(*)::integer FROM cyc_body.v; END;
CREATE OR REPLACE VIEW cyc_body.v AS SELECT 1 AS x, cyc_body.h() AS n;
CREATE VIEW cyc_body.w AS SELECT x, n FROM cyc_body.v;
COMMENT ON VIEW cyc_body.v IS 'cyclic';
";

fn check(major: u32, sql: &str, what: &str) {
    let d = TestDb::on(major);
    d.exec(sql);
    let tree = assert_round_trip(&d);
    let view_files: Vec<&String> = tree
        .iter()
        .filter(|(p, _)| p.starts_with("views"))
        .map(|(_, t)| t)
        .collect();
    assert!(
        view_files
            .iter()
            .any(|t| t.contains("CREATE OR REPLACE VIEW")),
        "PostgreSQL {major}, {what}: no view was split:\n{view_files:#?}"
    );

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let root = dir.path().join("schema");
    pg_flux::layout::write_tree(&root, &tree, false).unwrap_or_else(|e| panic!("write: {e}"));
    let f = TestDb::on(major);
    block_on(async {
        let client = pg_flux::connect::connect(&f.url()).await?;
        pg_flux::load::load_tree(&client, &root).await
    })
    .unwrap_or_else(|e| panic!("PostgreSQL {major}, {what}: loading the per-kind tree: {e}"));
    assert_same_text(
        &d.pg_dump_schema(),
        &f.pg_dump_schema(),
        &format!("PostgreSQL {major}, {what}: pg_dump of D and of the per-kind tree in F"),
    );

    let url = d.url();
    let schema_dir = root.to_string_lossy().into_owned();
    let run = pg_flux(
        dir.path(),
        &[
            "verify",
            "--db",
            &url,
            "--schema-dir",
            &schema_dir,
            "--strict",
        ],
    );
    assert_eq!(
        run.code, 0,
        "PostgreSQL {major}, {what}: verify --strict of the dumped tree:\n{}\n{}",
        run.stdout, run.stderr
    );
}

#[test]
fn view_function_cycles_round_trip_on_every_major() {
    std::thread::scope(|scope| {
        for major in majors() {
            scope.spawn(move || {
                check(major, ROW_TYPE_ARGUMENT, "function of the view's row type");
                if major >= 14 {
                    check(major, SETOF_VIEW, "function returning SETOF the view");
                    check(major, BODY_READS_VIEW, "function body reading the view");
                    let all = format!("{ROW_TYPE_ARGUMENT}{SETOF_VIEW}{BODY_READS_VIEW}");
                    check(major, &all, "every shape in one database");
                }
            });
        }
    });
}
