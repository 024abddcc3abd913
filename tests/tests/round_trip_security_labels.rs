//! Security labels on every kind of object that can carry one: dumped after their object, in
//! its file; compared and migrated as part of it (`SECURITY LABEL … IS NULL` takes one off);
//! shown as drift. A label needs a provider loaded in the server: the tests build one
//! (`pgflux`, which accepts any label) for the majors whose server headers this machine has
//! (18 always, see `label_provider`), and the shadow loads it through `[shadow]
//! preload_libraries`, as a project would.

use pg_flux_tests::{
    assert_full_round_trip, assert_same_text, labelled_cluster, majors, migrations, pg_flux, TestDb,
};

/// The majors with a label provider, and a new database on each one's labelled cluster.
fn labelled_databases() -> Vec<TestDb> {
    let dbs: Vec<TestDb> = majors()
        .into_iter()
        .filter_map(labelled_cluster)
        .map(TestDb::in_cluster)
        .collect();
    if majors().contains(&18) {
        assert!(
            dbs.iter().any(|d| d.major() == 18),
            "no labelled cluster for 18"
        );
    }
    dbs
}

/// One object of every kind SECURITY LABEL accepts in a database, each labelled, and columns of
/// every kind of relation that has them.
const LABELLED: &str = "
CREATE SCHEMA \"Secret Stuff\";
SECURITY LABEL FOR pgflux ON SCHEMA \"Secret Stuff\" IS 'schema:top';
SECURITY LABEL FOR pgflux ON SCHEMA public IS 'schema:public';
CREATE TABLE \"Secret Stuff\".accounts (id int PRIMARY KEY, \"Owner Name\" text, balance numeric);
SECURITY LABEL FOR pgflux ON TABLE \"Secret Stuff\".accounts IS 'table:it''s secret';
SECURITY LABEL FOR pgflux ON COLUMN \"Secret Stuff\".accounts.\"Owner Name\" IS 'column:pii';
CREATE TABLE public.events (at date NOT NULL, what text) PARTITION BY RANGE (at);
CREATE TABLE public.events_2026 PARTITION OF public.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
SECURITY LABEL FOR pgflux ON TABLE public.events IS 'partitioned';
SECURITY LABEL FOR pgflux ON TABLE public.events_2026 IS 'partition';
CREATE VIEW public.balances AS SELECT id, balance FROM \"Secret Stuff\".accounts;
SECURITY LABEL FOR pgflux ON VIEW public.balances IS 'view';
SECURITY LABEL FOR pgflux ON COLUMN public.balances.balance IS 'view column';
CREATE MATERIALIZED VIEW public.totals AS SELECT sum(balance) AS total FROM \"Secret Stuff\".accounts;
SECURITY LABEL FOR pgflux ON MATERIALIZED VIEW public.totals IS 'matview';
CREATE SEQUENCE public.tickets;
SECURITY LABEL FOR pgflux ON SEQUENCE public.tickets IS 'sequence';
CREATE TYPE public.pair AS (l int, r int);
SECURITY LABEL FOR pgflux ON TYPE public.pair IS 'composite';
SECURITY LABEL FOR pgflux ON COLUMN public.pair.r IS 'composite column';
CREATE TYPE public.mood AS ENUM ('calm', 'angry');
SECURITY LABEL FOR pgflux ON TYPE public.mood IS 'enum';
CREATE DOMAIN public.positive AS int CHECK (VALUE > 0);
SECURITY LABEL FOR pgflux ON DOMAIN public.positive IS 'domain';
CREATE FUNCTION public.twice(x int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x * 2;
SECURITY LABEL FOR pgflux ON FUNCTION public.twice(int) IS 'function';
CREATE PROCEDURE public.noop() LANGUAGE sql AS 'SELECT 1';
SECURITY LABEL FOR pgflux ON PROCEDURE public.noop() IS 'procedure';
CREATE AGGREGATE public.total(int) (sfunc = int4pl, stype = int);
SECURITY LABEL FOR pgflux ON AGGREGATE public.total(int) IS 'aggregate';
CREATE AGGREGATE public.ranked(int ORDER BY int) (sfunc = int4pl, stype = int);
SECURITY LABEL FOR pgflux ON AGGREGATE public.ranked(int ORDER BY int) IS 'ordered-set';
CREATE FOREIGN DATA WRAPPER quiet;
CREATE SERVER far FOREIGN DATA WRAPPER quiet;
CREATE FOREIGN TABLE public.remote (a int) SERVER far;
SECURITY LABEL FOR pgflux ON FOREIGN TABLE public.remote IS 'foreign table';
SECURITY LABEL FOR pgflux ON COLUMN public.remote.a IS 'foreign column';
CREATE LANGUAGE plsecret HANDLER plpgsql_call_handler;
SECURITY LABEL FOR pgflux ON LANGUAGE plsecret IS 'language';
CREATE FUNCTION public.on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';
CREATE EVENT TRIGGER watch ON ddl_command_start EXECUTE FUNCTION public.on_ddl();
SECURITY LABEL FOR pgflux ON EVENT TRIGGER watch IS 'event trigger';
CREATE PUBLICATION everything;
SECURITY LABEL FOR pgflux ON PUBLICATION everything IS 'publication';
CREATE SUBSCRIPTION inbound CONNECTION 'host=192.0.2.1 dbname=upstream' PUBLICATION p
    WITH (connect = false);
SECURITY LABEL FOR pgflux ON SUBSCRIPTION inbound IS 'subscription';
";

#[test]
fn labels_on_every_kind_round_trip() {
    for d in labelled_databases() {
        let major = d.major();
        // A subscription's name is unique in the cluster: one per database run.
        d.exec(&LABELLED.replace("inbound", &format!("inbound_{}", d.name)));
        assert_eq!(
            d.query("SELECT count(*) FROM pg_catalog.pg_seclabels")
                .trim(),
            "24",
            "PostgreSQL {major}: the fixture's labels"
        );
        let tree = pg_flux_tests::dump_tree(&d);
        let table = tree
            .iter()
            .find(|(path, _)| path.to_string_lossy().ends_with(".accounts.sql"))
            .map(|(_, text)| text)
            .unwrap_or_else(|| panic!("PostgreSQL {major}: no table file in {:?}", tree.keys()));
        assert!(
            table.contains(
                "SECURITY LABEL FOR pgflux ON TABLE \"Secret Stuff\".accounts IS 'table:it''s secret';\n\
                 SECURITY LABEL FOR pgflux ON COLUMN \"Secret Stuff\".accounts.\"Owner Name\" IS 'column:pii';\n"
            ),
            "PostgreSQL {major}: the table's labels follow it in its file:\n{table}"
        );
        assert_full_round_trip(&d);
    }
}

/// Labels added, changed and removed (on a table, a column, a function and `public`) migrate in
/// place: nothing is dropped, the rows stay, and the databases end up alike.
#[test]
fn changed_labels_migrate_in_place() {
    for d in labelled_databases() {
        let major = d.major();
        d.exec(
            "CREATE TABLE public.t (a int, b text);
             INSERT INTO public.t SELECT g, g::text FROM generate_series(1, 100) g;
             CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
             SECURITY LABEL FOR pgflux ON TABLE public.t IS 'old';
             SECURITY LABEL FOR pgflux ON COLUMN public.t.a IS 'gone soon';
             SECURITY LABEL FOR pgflux ON FUNCTION public.f() IS 'gone soon';
             SECURITY LABEL FOR pgflux ON SCHEMA public IS 'old';",
        );
        let wanted = TestDb::in_cluster(d.cluster.clone());
        wanted.exec(
            "CREATE TABLE public.t (a int, b text);
             CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
             SECURITY LABEL FOR pgflux ON TABLE public.t IS 'new';
             SECURITY LABEL FOR pgflux ON COLUMN public.t.b IS 'added';
             SECURITY LABEL FOR pgflux ON SCHEMA public IS 'new';",
        );
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path().join("schema");
        pg_flux::layout::write_tree(&root, &pg_flux_tests::dump_tree(&wanted), false)
            .unwrap_or_else(|e| panic!("{e}"));
        let migration = migrations(&[&d], &root)
            .unwrap_or_else(|e| panic!("PostgreSQL {major}: {e}"))
            .remove(0);
        for statement in [
            "SECURITY LABEL FOR pgflux ON COLUMN public.t.a IS NULL;",
            "SECURITY LABEL FOR pgflux ON TABLE public.t IS 'new';",
            "SECURITY LABEL FOR pgflux ON COLUMN public.t.b IS 'added';",
            "SECURITY LABEL FOR pgflux ON FUNCTION public.f() IS NULL;",
            "SECURITY LABEL FOR pgflux ON SCHEMA public IS 'new';",
        ] {
            assert!(
                migration.contains(statement),
                "PostgreSQL {major}: no `{statement}` in\n{migration}"
            );
        }
        assert!(
            !migration.contains("DROP "),
            "PostgreSQL {major}: labels alone drop nothing:\n{migration}"
        );
        let file = dir.path().join("migration.sql");
        std::fs::write(&file, &migration).unwrap_or_else(|e| panic!("{e}"));
        d.load_file(&file);
        assert_eq!(d.query("SELECT count(*) FROM public.t").trim(), "100");
        assert_same_text(
            &wanted.pg_dump_schema(),
            &d.pg_dump_schema(),
            &format!("PostgreSQL {major}: pg_dump of the source and of the migrated database"),
        );
        let again = migrations(&[&d], &root)
            .unwrap_or_else(|e| panic!("PostgreSQL {major}: {e}"))
            .remove(0);
        assert_eq!(
            pg_flux::migrate::count_statements(&again),
            0,
            "PostgreSQL {major}: after the migration:\n{again}"
        );
    }
}

/// From the command line: a label changed out of band is drift; the shadow loads the provider
/// that `[shadow] preload_libraries` names, and without it the error says to set it.
#[test]
fn label_drift_and_the_shadow_provider_from_the_command_line() {
    for d in labelled_databases() {
        let major = d.major();
        d.exec(
            "CREATE TABLE public.t (a int);
             SECURITY LABEL FOR pgflux ON COLUMN public.t.a IS 'reviewed';",
        );
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let cwd = dir.path();
        let url = d.url();
        let dump = pg_flux(cwd, &["dump", "--db", &url, "--output", "schema"]);
        assert_eq!(dump.code, 0, "PostgreSQL {major}: {}", dump.stderr);
        d.exec("SECURITY LABEL FOR pgflux ON COLUMN public.t.a IS 'hotfixed';");

        let unloaded = pg_flux(cwd, &["verify", "--db", &url, "--strict", "--drift"]);
        assert_eq!(unloaded.code, 2, "PostgreSQL {major}: {}", unloaded.stdout);
        assert!(
            unloaded.stderr.contains("tables/public.t.sql")
                && unloaded
                    .stderr
                    .contains("security label provider \"pgflux\" is not loaded")
                && unloaded.stderr.contains("[shadow] preload_libraries"),
            "PostgreSQL {major}: {}",
            unloaded.stderr
        );

        let preload = d.preload_libraries();
        let list: Vec<String> = preload.iter().map(|l| format!("{l:?}")).collect();
        std::fs::write(
            cwd.join("pg-flux.toml"),
            format!("[shadow]\npreload_libraries = [{}]\n", list.join(", ")),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let drift = pg_flux(cwd, &["verify", "--db", &url, "--strict", "--drift"]);
        assert_eq!(
            drift.code, 1,
            "PostgreSQL {major}: {}{}",
            drift.stdout, drift.stderr
        );
        assert!(
            drift
                .stdout
                .contains("column public.t.a: security label pgflux hotfixed → reviewed"),
            "PostgreSQL {major}: {}",
            drift.stdout
        );
        let migrate = pg_flux(cwd, &["migrate", "generate", "--db", &url]);
        let (file, statements) = migrate.generated();
        let text = std::fs::read_to_string(cwd.join(&file)).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            statements == 1
                && text.contains("SECURITY LABEL FOR pgflux ON COLUMN public.t.a IS 'reviewed';"),
            "PostgreSQL {major}: {text}"
        );
    }
}
