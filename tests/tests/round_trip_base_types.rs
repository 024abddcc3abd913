//! Base types (a shell, the I/O functions, then the definition) and shell types: the
//! round-trip promise in both layouts and the hotfix workflow, on every major. The I/O
//! functions are `LANGUAGE internal` functions reusing built-in ones (superuser).

use pg_flux_tests::{assert_full_round_trip, assert_hotfix_workflow, majors, TestDb};

/// A fixed-length type passed by value like `integer` (receive, send, category, default,
/// comment, owner, privileges), a variable-length collatable one like `text` with typmod
/// functions and a delimiter, a shell never completed, binary casts between
/// the first and `integer`, and a table with columns of both types and their arrays, with rows.
const BASE_TYPES: &str = "
    DO $$ BEGIN CREATE ROLE flux_type_owner NOLOGIN; EXCEPTION WHEN duplicate_object THEN END $$;
    CREATE SCHEMA s;
    CREATE TYPE s.myint;
    CREATE FUNCTION s.myint_in(cstring) RETURNS s.myint
        LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int4in';
    CREATE FUNCTION s.myint_out(s.myint) RETURNS cstring
        LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int4out';
    CREATE FUNCTION s.myint_recv(internal) RETURNS s.myint
        LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int4recv';
    CREATE FUNCTION s.myint_send(s.myint) RETURNS bytea
        LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int4send';
    CREATE TYPE s.myint (INPUT = s.myint_in, OUTPUT = s.myint_out,
        RECEIVE = s.myint_recv, SEND = s.myint_send, LIKE = integer,
        CATEGORY = 'N', DEFAULT = '7');
    COMMENT ON TYPE s.myint IS 'an integer of our own';
    ALTER TYPE s.myint OWNER TO flux_type_owner;
    REVOKE USAGE ON TYPE s.myint FROM PUBLIC;
    CREATE TYPE s.\"Label\";
    CREATE FUNCTION s.label_in(cstring) RETURNS s.\"Label\"
        LANGUAGE internal IMMUTABLE STRICT AS 'textin';
    CREATE FUNCTION s.label_out(s.\"Label\") RETURNS cstring
        LANGUAGE internal IMMUTABLE STRICT AS 'textout';
    CREATE FUNCTION s.label_typmod_in(cstring[]) RETURNS integer
        LANGUAGE internal IMMUTABLE STRICT AS 'varchartypmodin';
    CREATE FUNCTION s.label_typmod_out(integer) RETURNS cstring
        LANGUAGE internal IMMUTABLE STRICT AS 'varchartypmodout';
    CREATE TYPE s.\"Label\" (INPUT = s.label_in, OUTPUT = s.label_out,
        TYPMOD_IN = s.label_typmod_in, TYPMOD_OUT = s.label_typmod_out,
        INTERNALLENGTH = VARIABLE, STORAGE = extended, ALIGNMENT = int4, COLLATABLE = true,
        CATEGORY = 'S', PREFERRED = false, DELIMITER = ';');
    CREATE TYPE s.unfinished;
    COMMENT ON TYPE s.unfinished IS 'a shell';
    CREATE CAST (s.myint AS integer) WITHOUT FUNCTION AS IMPLICIT;
    CREATE CAST (integer AS s.myint) WITHOUT FUNCTION AS ASSIGNMENT;
    CREATE TABLE s.things (
        id integer PRIMARY KEY,
        n s.myint,
        ns s.myint[],
        label s.\"Label\" COLLATE \"C\"
    );
    INSERT INTO s.things VALUES (1, '42', '{1,2}', 'first'), (2, 7, NULL, NULL);";

/// A fixed-length type with an element type and (PostgreSQL 14+, where an element type needs
/// one) a subscript handler, as `point` is.
const SUBSCRIPTED: &str = "
    CREATE TYPE s.pair;
    CREATE FUNCTION s.pair_in(cstring) RETURNS s.pair
        LANGUAGE internal IMMUTABLE STRICT AS 'point_in';
    CREATE FUNCTION s.pair_out(s.pair) RETURNS cstring
        LANGUAGE internal IMMUTABLE STRICT AS 'point_out';
    CREATE TYPE s.pair (INPUT = s.pair_in, OUTPUT = s.pair_out, INTERNALLENGTH = 16,
        ALIGNMENT = double, ELEMENT = double precision{subscript});
    CREATE TABLE s.pairs (id integer PRIMARY KEY, p s.pair);
    INSERT INTO s.pairs VALUES (1, '(1,2)');";

#[test]
fn base_and_shell_types_round_trip() {
    for major in majors() {
        let d = TestDb::on(major);
        d.exec(BASE_TYPES);
        let subscript = if major >= 14 {
            ",\n        SUBSCRIPT = raw_array_subscript_handler"
        } else {
            ""
        };
        d.exec(&SUBSCRIPTED.replace("{subscript}", subscript));
        assert_full_round_trip(&d);
    }
}

#[test]
fn a_base_type_made_out_of_band_is_listed_pulled_and_promoted() {
    for major in majors() {
        let d = TestDb::on(major);
        assert_hotfix_workflow(
            &d,
            "CREATE SCHEMA s;",
            "CREATE TYPE s.myint;
             CREATE FUNCTION s.myint_in(cstring) RETURNS s.myint
                 LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
             CREATE FUNCTION s.myint_out(s.myint) RETURNS cstring
                 LANGUAGE internal IMMUTABLE STRICT AS 'int4out';
             CREATE TYPE s.myint (INPUT = s.myint_in, OUTPUT = s.myint_out, LIKE = integer);",
            &[
                ("Types", "s.myint"),
                ("Functions", "s.myint_in(cstring)"),
                ("Functions", "s.myint_out(s.myint)"),
            ],
        );
    }
}
