//! Casts and transforms: the round-trip promise in both layouts and the hotfix workflow, on
//! every major.

use pg_flux_tests::{assert_full_round_trip, assert_hotfix_workflow, majors, TestDb};

/// Casts of every method (function, binary coercion, I/O) and context (explicit, assignment,
/// implicit), between user enums, a user domain and built-in types, with comments; used by a
/// view and a column default.
const CASTS: &str = "
    CREATE SCHEMA casts;
    CREATE TYPE public.mood AS ENUM ('happy', 'sad');
    CREATE TYPE casts.\"Color\" AS ENUM ('red', 'blue');
    CREATE FUNCTION casts.mood_rank(public.mood) RETURNS integer
        LANGUAGE sql IMMUTABLE AS $$ SELECT CASE $1 WHEN 'happy' THEN 1 ELSE 0 END $$;
    CREATE FUNCTION casts.mood_color(public.mood) RETURNS casts.\"Color\"
        LANGUAGE sql IMMUTABLE AS $$ SELECT CASE $1 WHEN 'happy' THEN 'red'::casts.\"Color\"
                                                   ELSE 'blue' END $$;
    CREATE CAST (public.mood AS text) WITH INOUT;
    COMMENT ON CAST (public.mood AS text) IS 'a mood as its label';
    CREATE CAST (public.mood AS character varying) WITH INOUT AS ASSIGNMENT;
    CREATE CAST (public.mood AS integer) WITH FUNCTION casts.mood_rank(public.mood) AS ASSIGNMENT;
    CREATE CAST (public.mood AS casts.\"Color\") WITH FUNCTION casts.mood_color(public.mood)
        AS IMPLICIT;
    COMMENT ON CAST (public.mood AS casts.\"Color\") IS 'happy is red';
    CREATE CAST (text AS public.mood) WITH INOUT AS IMPLICIT;
    CREATE DOMAIN casts.ticks AS bigint;
    CREATE CAST (bigint AS timestamp without time zone) WITHOUT FUNCTION;
    CREATE CAST (integer AS text) WITH INOUT AS ASSIGNMENT;
    CREATE TABLE casts.feelings (
        id integer PRIMARY KEY,
        mood public.mood,
        label character varying DEFAULT 'sad'::public.mood,
        rank integer
    );
    CREATE VIEW casts.colors AS SELECT id, mood::casts.\"Color\" AS color, mood::text AS name
        FROM casts.feelings;
    INSERT INTO casts.feelings VALUES (1, 'happy', 'happy'::public.mood, 'happy'::public.mood);";

/// Transforms for a user type and a built-in one, into the built-in language `sql` (any
/// language takes a transform), built on functions of type `internal`, with a comment.
const TRANSFORMS: &str = "
    CREATE SCHEMA tr;
    CREATE TYPE tr.mood AS ENUM ('happy', 'sad');
    CREATE FUNCTION tr.mood_from_sql(internal) RETURNS internal
        LANGUAGE internal IMMUTABLE STRICT AS 'gtsvector_compress';
    CREATE FUNCTION tr.mood_to_sql(internal) RETURNS tr.mood
        LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
    CREATE TRANSFORM FOR tr.mood LANGUAGE sql (
        FROM SQL WITH FUNCTION tr.mood_from_sql(internal),
        TO SQL WITH FUNCTION tr.mood_to_sql(internal));
    COMMENT ON TRANSFORM FOR tr.mood LANGUAGE sql IS 'moods in SQL';
    CREATE TRANSFORM FOR integer LANGUAGE sql (TO SQL WITH FUNCTION int4recv(internal));
    CREATE TRANSFORM FOR bigint LANGUAGE sql (
        FROM SQL WITH FUNCTION tr.mood_from_sql(internal));";

/// Transforms into a language of the test's own (its handler is plpgsql's), made here too.
const LANGUAGE_TRANSFORMS: &str = "
    CREATE SCHEMA tr;
    CREATE TYPE tr.mood AS ENUM ('happy', 'sad');
    CREATE LANGUAGE plflux HANDLER plpgsql_call_handler;
    CREATE FUNCTION tr.mood_from_sql(internal) RETURNS internal
        LANGUAGE internal IMMUTABLE STRICT AS 'gtsvector_compress';
    CREATE FUNCTION tr.mood_to_sql(internal) RETURNS tr.mood
        LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
    CREATE TRANSFORM FOR tr.mood LANGUAGE plflux (
        FROM SQL WITH FUNCTION tr.mood_from_sql(internal),
        TO SQL WITH FUNCTION tr.mood_to_sql(internal));
    COMMENT ON TRANSFORM FOR tr.mood LANGUAGE plflux IS 'moods in plflux';
    CREATE TRANSFORM FOR integer LANGUAGE plflux (TO SQL WITH FUNCTION int4recv(internal));";

#[test]
fn casts_round_trip() {
    for major in majors() {
        let d = TestDb::on(major);
        d.exec(CASTS);
        assert_full_round_trip(&d);
    }
}

#[test]
fn transforms_round_trip() {
    for major in majors() {
        let d = TestDb::on(major);
        d.exec(TRANSFORMS);
        assert_full_round_trip(&d);
    }
}

/// Needs languages to be modeled: the language must be dumped before its transforms.
#[test]
fn transforms_into_a_user_language_round_trip() {
    for major in majors() {
        let d = TestDb::on(major);
        d.exec(LANGUAGE_TRANSFORMS);
        assert_full_round_trip(&d);
    }
}

#[test]
fn a_cast_made_out_of_band_is_listed_pulled_and_promoted() {
    for major in majors() {
        let d = TestDb::on(major);
        assert_hotfix_workflow(
            &d,
            "CREATE TYPE public.mood AS ENUM ('happy', 'sad');",
            "CREATE CAST (public.mood AS text) WITH INOUT AS ASSIGNMENT;
             COMMENT ON CAST (public.mood AS text) IS 'hotfix';",
            &[("Casts", "(public.mood AS text)")],
        );
    }
}

#[test]
fn a_transform_made_out_of_band_is_listed_pulled_and_promoted() {
    for major in majors() {
        let d = TestDb::on(major);
        assert_hotfix_workflow(
            &d,
            "",
            "CREATE TRANSFORM FOR integer LANGUAGE sql (TO SQL WITH FUNCTION int4recv(internal));",
            &[("Transforms", "FOR integer LANGUAGE sql")],
        );
    }
}
