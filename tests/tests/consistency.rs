//! No torn dumps: while tables are created and dropped on the live database, every dump still
//! matches one snapshot. The churn keeps exactly one `churn_<n>` table (with its primary key
//! and index) in every committed state; a dump that mixed two moments would show none, two, or
//! a table without its index. (Dump holds pg_dump's ACCESS SHARE locks on the tables it reads,
//! so the DDL waits for it rather than tearing it.)

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use pg_flux::commands::dump::{dump, DumpOptions};
use pg_flux::layout::Layout;
use pg_flux_tests::{majors, read_tree, TestDb};

const DUMPS: usize = 8;

fn churn_sql(n: usize) -> String {
    format!(
        "BEGIN; \
         CREATE TABLE public.churn_{n} (id integer PRIMARY KEY, note text); \
         CREATE INDEX churn_{n}_note ON public.churn_{n} (note); \
         DROP TABLE IF EXISTS public.churn_{}; \
         COMMIT;",
        n.wrapping_sub(1)
    )
}

/// The numbers of the `churn_<n>` tables, primary keys and indexes in a dump's text.
fn churn_numbers(text: &str, pattern: &str) -> Vec<usize> {
    let mut found: Vec<usize> = text
        .match_indices(pattern)
        .filter_map(|(at, _)| {
            let digits: String = text[at + pattern.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dumps_during_ddl_each_match_one_snapshot() {
    for major in majors() {
        let db = TestDb::on(major);
        db.exec("CREATE TABLE public.base (id integer PRIMARY KEY)");
        db.exec(&churn_sql(0));
        let stop = Arc::new(AtomicBool::new(false));
        let rounds = Arc::new(AtomicUsize::new(0));
        let churner = pg_flux::connect::connect(&db.url())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let churn = {
            let (stop, rounds) = (stop.clone(), rounds.clone());
            tokio::spawn(async move {
                let mut n = 1;
                while !stop.load(Ordering::SeqCst) {
                    churner
                        .batch_execute(&churn_sql(n))
                        .await
                        .unwrap_or_else(|e| panic!("churn {n}: {e}"));
                    rounds.fetch_add(1, Ordering::SeqCst);
                    n += 1;
                    // Busy, not a tight loop: dozens of DDL transactions per dump.
                    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                }
            })
        };
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for i in 0..DUMPS {
            let output = dir.path().join(format!("dump{i}"));
            dump(&DumpOptions {
                conninfo: db.url(),
                output: output.clone(),
                layout: Layout::Flat,
                scope: Default::default(),
                force: false,
            })
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL {major}: dump {i} during DDL: {e}"));
            let text: String = read_tree(&output).into_values().collect();
            let tables = churn_numbers(&text, "CREATE TABLE public.churn_");
            let keys = churn_numbers(&text, "CONSTRAINT churn_");
            let indexes = churn_numbers(&text, "CREATE INDEX churn_");
            assert_eq!(
                tables.len(),
                1,
                "PostgreSQL {major}, dump {i}: tables {tables:?}"
            );
            assert_eq!(keys, tables, "PostgreSQL {major}, dump {i}: primary keys");
            assert_eq!(indexes, tables, "PostgreSQL {major}, dump {i}: indexes");
            assert!(text.contains("CREATE TABLE public.base"));
        }
        stop.store(true, Ordering::SeqCst);
        churn.await.unwrap_or_else(|e| panic!("{e}"));
        assert!(
            rounds.load(Ordering::SeqCst) >= DUMPS,
            "PostgreSQL {major}: the DDL did not run during the dumps"
        );
    }
}

/// The catalog fingerprint by which the language server keeps its last read: it changes with
/// every kind of change a dump shows (in this database), and not with data, statistics, or
/// another database's changes.
#[test]
fn the_catalog_fingerprint_changes_with_every_change_a_dump_shows_and_nothing_else() {
    for major in majors() {
        let d = TestDb::on(major);
        let other = TestDb::on(major);
        let role = format!("fp_{}", d.name);
        let fingerprint = || {
            pg_flux_tests::block_on(async {
                let session = pg_flux::connect::Session::open(&d.url()).await?;
                pg_flux::inspect::fingerprint(&session.readers()).await
            })
            .unwrap_or_else(|e| panic!("PostgreSQL {major}: {e}"))
        };
        // A role alone is nothing a dump shows.
        d.exec(&format!("CREATE ROLE {role}"));
        let mut last = fingerprint();
        let changes = [
            "CREATE TABLE public.t (a integer)".to_string(),
            "ALTER TABLE public.t ADD COLUMN b text".into(),
            "ALTER TABLE public.t ALTER COLUMN b SET DEFAULT 'x'".into(),
            "CREATE INDEX t_a ON public.t (a)".into(),
            "COMMENT ON COLUMN public.t.a IS 'the a'".into(),
            "GRANT SELECT ON public.t TO PUBLIC".into(),
            format!("ALTER TABLE public.t OWNER TO {role}"),
            format!("ALTER ROLE {role} RENAME TO {role}_renamed"),
            "CREATE SEQUENCE public.s".into(),
            "ALTER SEQUENCE public.s INCREMENT 5".into(),
            "CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql AS 'SELECT 1'".into(),
            "CREATE OR REPLACE FUNCTION public.f() RETURNS integer LANGUAGE sql AS 'SELECT 2'"
                .into(),
            "CREATE VIEW public.v AS SELECT a FROM public.t".into(),
            "CREATE TEXT SEARCH CONFIGURATION public.en (COPY = pg_catalog.english)".into(),
            "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC".into(),
            "DROP INDEX public.t_a".into(),
            "DROP VIEW public.v".into(),
        ];
        for change in &changes {
            d.exec(change);
            let now = fingerprint();
            assert_ne!(now, last, "PostgreSQL {major}: unchanged after {change}");
            last = now;
        }
        for unchanged in [
            "INSERT INTO public.t SELECT g, 'y' FROM pg_catalog.generate_series(1, 1000) g",
            "VACUUM ANALYZE public.t",
            "SELECT pg_catalog.nextval('public.s')",
        ] {
            d.exec(unchanged);
            assert_eq!(
                fingerprint(),
                last,
                "PostgreSQL {major}: changed by {unchanged}"
            );
        }
        // A transaction that commits after a newer one: its rows are not the newest, and an
        // update leaves the count; the change must still show.
        let runtime = tokio::runtime::Runtime::new().unwrap_or_else(|e| panic!("{e}"));
        let late = runtime.block_on(async {
            let (client, connection) = tokio_postgres::connect(&d.url(), tokio_postgres::NoTls)
                .await
                .unwrap_or_else(|e| panic!("PostgreSQL {major}: {e}"));
            tokio::spawn(connection);
            client
                .batch_execute("BEGIN; COMMENT ON COLUMN public.t.a IS 'committed late'")
                .await
                .unwrap_or_else(|e| panic!("PostgreSQL {major}: {e}"));
            client
        });
        d.exec("COMMENT ON FUNCTION public.f() IS 'committed first'");
        let before_late_commit = fingerprint();
        assert_ne!(
            before_late_commit, last,
            "PostgreSQL {major}: unchanged by a comment"
        );
        runtime
            .block_on(late.batch_execute("COMMIT"))
            .unwrap_or_else(|e| panic!("PostgreSQL {major}: {e}"));
        last = fingerprint();
        assert_ne!(
            last, before_late_commit,
            "PostgreSQL {major}: unchanged by a transaction that committed after a newer one"
        );
        other.exec(&format!(
            "CREATE TABLE public.elsewhere (a integer); CREATE ROLE {role}_other; \
             ALTER TABLE public.elsewhere OWNER TO {role}_other"
        ));
        assert_eq!(
            fingerprint(),
            last,
            "PostgreSQL {major}: changed by another database"
        );
        // A plain role reads it too (catalogs it may not read, such as pg_subscription before
        // 15, are left out), and sees a change.
        d.exec(&format!(
            "CREATE ROLE {role}_plain LOGIN PASSWORD 'plain-pw'; \
             GRANT CREATE ON SCHEMA public TO {role}_plain"
        ));
        let plain = format!(
            "postgres://{role}_plain:plain-pw@127.0.0.1:{}/{}",
            d.cluster.port(),
            d.name
        );
        let plain_fingerprint = || {
            pg_flux_tests::block_on(async {
                let session = pg_flux::connect::Session::open(&plain).await?;
                pg_flux::inspect::fingerprint(&session.readers()).await
            })
            .unwrap_or_else(|e| panic!("PostgreSQL {major}, a plain role: {e}"))
        };
        let before = plain_fingerprint();
        d.exec("COMMENT ON TABLE public.t IS 'seen by a plain role'");
        assert_ne!(
            plain_fingerprint(),
            before,
            "PostgreSQL {major}: a plain role's fingerprint"
        );
        d.exec(&format!(
            "DROP OWNED BY {role}_renamed; DROP ROLE {role}_renamed; \
             DROP OWNED BY {role}_plain; DROP ROLE {role}_plain"
        ));
        other.exec(&format!(
            "DROP OWNED BY {role}_other; DROP ROLE {role}_other"
        ));
    }
}
