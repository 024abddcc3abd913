//! Nothing is dropped silently: a live object of a kind pg-flux does not model is named (kind
//! and identity) in a warning by `pg-flux dump`, which says it was not captured.
//!
//! Every kind a database holds is modeled now: one object of each kind that used to be named
//! here (cast, operator, operator class and family, text search configuration, dictionary,
//! template and parser, conversion, language, transform, access method, a shell type) is
//! captured, with no warning. What stays named is a subscription dumped by a role that may not
//! read its connection string.

use pg_flux_tests::{majors, pg_flux, TestDb};

const OBJECTS: &str = "
    CREATE SCHEMA u;
    CREATE TYPE u.mood AS ENUM ('happy', 'sad');
    CREATE TYPE u.color AS ENUM ('red', 'blue');
    CREATE CAST (u.mood AS u.color) WITH INOUT;
    CREATE OPERATOR u.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq);
    CREATE OPERATOR FAMILY u.fam USING hash;
    CREATE OPERATOR CLASS u.cls FOR TYPE integer USING btree AS
        OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
        FUNCTION 1 btint4cmp(integer, integer);
    CREATE TEXT SEARCH CONFIGURATION u.cfg (COPY = pg_catalog.english);
    CREATE TEXT SEARCH DICTIONARY u.dict (TEMPLATE = pg_catalog.simple);
    CREATE TEXT SEARCH TEMPLATE u.tmpl (INIT = dsimple_init, LEXIZE = dsimple_lexize);
    CREATE TEXT SEARCH PARSER u.prs (START = prsd_start, GETTOKEN = prsd_nexttoken,
        END = prsd_end, LEXTYPES = prsd_lextype, HEADLINE = prsd_headline);
    CREATE CONVERSION u.conv FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1;
    CREATE LANGUAGE plflux HANDLER plpgsql_call_handler;
    CREATE TRANSFORM FOR integer LANGUAGE plflux (
        FROM SQL WITH FUNCTION gtsvector_compress(internal),
        TO SQL WITH FUNCTION int4recv(internal));
    CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;";

const SUBSCRIPTION: &str = "CREATE SUBSCRIPTION flux_sub CONNECTION 'dbname=nowhere' \
    PUBLICATION p WITH (connect = false, slot_name = NONE, enabled = false)";

/// The files the objects above are captured in.
const CAPTURED: &[&str] = &[
    "casts/u%2Emood%20%41%53%20u%2Ecolor.sql",
    "operators/u.%3D%3D%3D.sql",
    "operator_families/u.fam.sql",
    "operator_families/u.cls.sql",
    "operator_classes/u.cls.sql",
    "text_search_configurations/u.cfg.sql",
    "text_search_dictionaries/u.dict.sql",
    "text_search_templates/u.tmpl.sql",
    "text_search_parsers/u.prs.sql",
    "conversions/u.conv.sql",
    "languages/plflux.sql",
    "transforms/integer%20%4C%41%4E%47%55%41%47%45%20plflux.sql",
    "access_methods/heap2.sql",
    "types/u.shell.sql",
];

#[test]
fn every_kind_that_was_not_modeled_is_captured_without_a_warning() {
    for major in majors() {
        let d = TestDb::on(major);
        d.exec(OBJECTS);
        d.exec("CREATE TYPE u.shell;");
        let work = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let out = work.path().join("schema");
        let url = d.url();
        let out_s = out.to_string_lossy().into_owned();
        let run = pg_flux(work.path(), &["dump", "--db", &url, "--output", &out_s]);
        assert_eq!(
            run.code, 0,
            "PostgreSQL {major}: {}\n{}",
            run.stdout, run.stderr
        );
        assert!(
            !run.stderr.contains("not captured") && !run.stdout.contains("not captured"),
            "PostgreSQL {major}: {}\n{}",
            run.stdout,
            run.stderr
        );
        for file in CAPTURED {
            assert!(
                out.join(file).is_file(),
                "PostgreSQL {major}: no {file} in {:?}",
                pg_flux_tests::read_tree(&out).keys().collect::<Vec<_>>()
            );
        }
        let run = pg_flux(
            work.path(),
            &["verify", "--strict", "--db", &url, "--schema-dir", &out_s],
        );
        assert_eq!(
            run.code, 0,
            "PostgreSQL {major}: {}\n{}",
            run.stdout, run.stderr
        );
    }
}

/// A subscription is modeled when the dumping role may read its connection string (a
/// superuser); for any other role (before PostgreSQL 14 the catalog is closed to it, from 14 on
/// the connection string column is) it is named as not captured.
#[test]
fn a_subscription_the_dumping_role_cannot_read_is_named_as_not_captured() {
    for major in majors() {
        let d = TestDb::on(major);
        d.exec(SUBSCRIPTION);
        d.exec(
            "DO $$ BEGIN CREATE ROLE flux_sub_reader LOGIN; \
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
             ALTER ROLE flux_sub_reader PASSWORD 'reader-pw';",
        );
        let work = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let line =
            "warning: not captured (pg-flux does not model this kind yet): subscription flux_sub";
        let reader = format!(
            "postgres://flux_sub_reader:reader-pw@127.0.0.1:{}/{}",
            d.cluster.port(),
            d.name
        );
        for (url, out, captured) in [(d.url(), "superuser", true), (reader, "reader", false)] {
            let out = work.path().join(out);
            let run = pg_flux(
                work.path(),
                &["dump", "--db", &url, "--output", &out.to_string_lossy()],
            );
            assert_eq!(
                run.code, 0,
                "PostgreSQL {major}: {}\n{}",
                run.stdout, run.stderr
            );
            assert_eq!(
                run.stderr.lines().any(|l| l == line),
                !captured,
                "PostgreSQL {major}: {}",
                run.stderr
            );
            assert_eq!(
                out.join("subscriptions/flux_sub.sql").is_file(),
                captured,
                "PostgreSQL {major}: {}",
                run.stdout
            );
        }
        // Another database's subscription is not this database's object.
        let other = TestDb::on(major);
        let out = work.path().join("other");
        let run = pg_flux(
            work.path(),
            &[
                "dump",
                "--db",
                &other.url(),
                "--output",
                &out.to_string_lossy(),
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(!run.stderr.contains("flux_sub"), "{}", run.stderr);
        assert!(!out.join("subscriptions").exists(), "{}", run.stdout);
    }
}
