//! Procedural languages, conversions and access methods: the round-trip promise in both
//! layouts and the hotfix workflow, on every major.

use pg_flux_tests::{assert_full_round_trip, assert_hotfix_workflow, majors, TestDb};

const ROLES: &str = "
    DO $$ BEGIN CREATE ROLE flux_kind_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN END $$;
    DO $$ BEGIN CREATE ROLE flux_kind_user NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN END $$;";

/// A trusted language on plpgsql's handlers, with an owner, a comment and its USAGE taken from
/// PUBLIC and given to one role (with grant option) and another; an untrusted one with a
/// handler alone; a function in each.
const LANGUAGES: &str = "
    CREATE TRUSTED LANGUAGE plflux HANDLER plpgsql_call_handler
        INLINE plpgsql_inline_handler VALIDATOR plpgsql_validator;
    COMMENT ON LANGUAGE plflux IS 'plpgsql by another name';
    ALTER LANGUAGE plflux OWNER TO flux_kind_owner;
    REVOKE USAGE ON LANGUAGE plflux FROM PUBLIC;
    GRANT USAGE ON LANGUAGE plflux TO flux_kind_user WITH GRANT OPTION;
    GRANT USAGE ON LANGUAGE plflux TO flux_kind_owner;
    CREATE LANGUAGE \"plFlux untrusted\" HANDLER plpgsql_call_handler;
    CREATE FUNCTION public.answer() RETURNS integer LANGUAGE plflux
        AS $$ BEGIN RETURN 42; END $$;
    CREATE FUNCTION public.twice(n integer) RETURNS integer LANGUAGE \"plFlux untrusted\"
        AS $$ BEGIN RETURN n * 2; END $$;";

#[test]
fn languages_round_trip() {
    for major in majors() {
        let d = TestDb::on(major);
        d.exec(ROLES);
        d.exec(LANGUAGES);
        let trusted = d.query(
            "SELECT string_agg(lanname || '=' || lanpltrusted, ',' ORDER BY lanname COLLATE \"C\") \
             FROM pg_language WHERE lanname LIKE 'pl%lux%'",
        );
        assert_eq!(
            trusted.trim(),
            "plFlux untrusted=false,plflux=true",
            "PostgreSQL {major}"
        );
        assert_eq!(
            d.query("SELECT public.answer() + public.twice(1)").trim(),
            "44"
        );
        assert_full_round_trip(&d);
    }
}

/// A conversion with an owner and a comment, and a default one.
const CONVERSIONS: &str = "
    CREATE SCHEMA conv;
    CREATE CONVERSION conv.utf8_latin1 FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1;
    COMMENT ON CONVERSION conv.utf8_latin1 IS 'UTF-8 to Latin-1';
    ALTER CONVERSION conv.utf8_latin1 OWNER TO flux_kind_owner;
    CREATE DEFAULT CONVERSION conv.\"Latin1 to UTF8\" FOR 'LATIN1' TO 'UTF8'
        FROM iso8859_1_to_utf8;";

#[test]
fn conversions_round_trip() {
    for major in majors() {
        let d = TestDb::on(major);
        d.exec(ROLES);
        d.exec(CONVERSIONS);
        assert_full_round_trip(&d);
    }
}

/// An index access method with a comment, and a table access method that a table (with rows)
/// uses.
const ACCESS_METHODS: &str = "
    CREATE ACCESS METHOD hash2 TYPE INDEX HANDLER hashhandler;
    COMMENT ON ACCESS METHOD hash2 IS 'hash, again';
    CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;
    CREATE TABLE public.t (id integer PRIMARY KEY, label text) USING heap2;
    INSERT INTO public.t VALUES (1, 'one'), (2, 'two');";

#[test]
fn access_methods_round_trip() {
    for major in majors() {
        let d = TestDb::on(major);
        d.exec(ACCESS_METHODS);
        assert_full_round_trip(&d);
    }
}

#[test]
fn a_language_conversion_and_access_method_made_out_of_band_are_listed_pulled_and_promoted() {
    for major in majors() {
        let d = TestDb::on(major);
        assert_hotfix_workflow(
            &d,
            "CREATE SCHEMA conv;",
            "CREATE TRUSTED LANGUAGE plhot HANDLER plpgsql_call_handler;
             CREATE CONVERSION conv.hot FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1;
             CREATE ACCESS METHOD hot_am TYPE INDEX HANDLER hashhandler;",
            &[
                ("Languages", "plhot"),
                ("Conversions", "conv.hot"),
                ("Access methods", "hot_am"),
            ],
        );
    }
}
