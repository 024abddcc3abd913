//! Operators, operator families and operator classes: the round-trip promise in both layouts
//! and the hotfix workflow, on every major.

use pg_flux_tests::{assert_full_round_trip, assert_hotfix_workflow, majors, TestDb};

/// Reversed integer comparisons as four operators naming each other as commutators and
/// negators (the first made creates shells of the others, which the later ones fill), with
/// estimators; a btree class of them (not the default, so its family is made by the class)
/// used by an index; a DEFAULT hash class of a user enum with an equality operator that
/// HASHES and MERGES, used by a hash index; a hash family with loose members added by
/// `ALTER OPERATOR FAMILY` and a class of its own; a GiST family with a loose ordering
/// operator (`FOR ORDER BY`); a prefix operator on a built-in function. Owners and comments
/// on one of each. btree_gist's classes and families, in the same schema, are the extension's
/// (written once, by `CREATE EXTENSION`), also the one an index uses.
const OPERATORS: &str = "
    DO $$ BEGIN CREATE ROLE flux_op_owner NOLOGIN; EXCEPTION WHEN duplicate_object THEN END $$;
    CREATE SCHEMA ops;
    CREATE FUNCTION ops.rev_lt(integer, integer) RETURNS boolean
        LANGUAGE sql IMMUTABLE STRICT AS 'SELECT $1 > $2';
    CREATE FUNCTION ops.rev_le(integer, integer) RETURNS boolean
        LANGUAGE sql IMMUTABLE STRICT AS 'SELECT $1 >= $2';
    CREATE FUNCTION ops.rev_ge(integer, integer) RETURNS boolean
        LANGUAGE sql IMMUTABLE STRICT AS 'SELECT $1 <= $2';
    CREATE FUNCTION ops.rev_gt(integer, integer) RETURNS boolean
        LANGUAGE sql IMMUTABLE STRICT AS 'SELECT $1 < $2';
    CREATE FUNCTION ops.rev_cmp(integer, integer) RETURNS integer
        LANGUAGE sql IMMUTABLE STRICT AS 'SELECT pg_catalog.btint4cmp($2, $1)';
    CREATE OPERATOR ops.<<< (FUNCTION = ops.rev_lt, LEFTARG = integer, RIGHTARG = integer,
        COMMUTATOR = OPERATOR(ops.>>>), NEGATOR = OPERATOR(ops.>>>=),
        RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
    CREATE OPERATOR ops.>>> (FUNCTION = ops.rev_gt, LEFTARG = integer, RIGHTARG = integer,
        COMMUTATOR = OPERATOR(ops.<<<), NEGATOR = OPERATOR(ops.<<<=),
        RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
    CREATE OPERATOR ops.<<<= (FUNCTION = ops.rev_le, LEFTARG = integer, RIGHTARG = integer,
        COMMUTATOR = OPERATOR(ops.>>>=), NEGATOR = OPERATOR(ops.>>>));
    CREATE OPERATOR ops.>>>= (FUNCTION = ops.rev_ge, LEFTARG = integer, RIGHTARG = integer,
        COMMUTATOR = OPERATOR(ops.<<<=), NEGATOR = OPERATOR(ops.<<<));
    COMMENT ON OPERATOR ops.<<< (integer, integer) IS 'less, in reverse';
    ALTER OPERATOR ops.<<< (integer, integer) OWNER TO flux_op_owner;
    CREATE OPERATOR CLASS ops.int4_reverse FOR TYPE integer USING btree AS
        OPERATOR 1 ops.<<<, OPERATOR 2 ops.<<<=, OPERATOR 3 =,
        OPERATOR 4 ops.>>>=, OPERATOR 5 ops.>>>,
        FUNCTION 1 ops.rev_cmp(integer, integer);
    COMMENT ON OPERATOR CLASS ops.int4_reverse USING btree IS 'integers, largest first';
    ALTER OPERATOR CLASS ops.int4_reverse USING btree OWNER TO flux_op_owner;

    CREATE TYPE ops.size AS ENUM ('small', 'medium', 'large');
    CREATE FUNCTION ops.size_eq(ops.size, ops.size) RETURNS boolean
        LANGUAGE sql IMMUTABLE STRICT AS 'SELECT $1 = $2';
    CREATE FUNCTION ops.size_hash(ops.size) RETURNS integer
        LANGUAGE sql IMMUTABLE STRICT AS 'SELECT pg_catalog.hashenum($1)';
    CREATE OPERATOR ops.== (FUNCTION = ops.size_eq, LEFTARG = ops.size, RIGHTARG = ops.size,
        COMMUTATOR = OPERATOR(ops.==), RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
    CREATE OPERATOR CLASS ops.size_hash_ops DEFAULT FOR TYPE ops.size USING hash AS
        OPERATOR 1 ops.==, FUNCTION 1 ops.size_hash(ops.size);

    CREATE OPERATOR FAMILY ops.mixed_hash USING hash;
    ALTER OPERATOR FAMILY ops.mixed_hash USING hash ADD
        OPERATOR 1 = (integer, integer), FUNCTION 1 (integer, integer) hashint4(integer),
        OPERATOR 1 = (bigint, bigint), FUNCTION 1 (bigint, bigint) hashint8(bigint);
    CREATE OPERATOR CLASS ops.int2_hash FOR TYPE smallint USING hash FAMILY ops.mixed_hash AS
        OPERATOR 1 = (smallint, smallint), FUNCTION 1 hashint2(smallint);
    COMMENT ON OPERATOR FAMILY ops.mixed_hash USING hash IS 'integers of every width';
    ALTER OPERATOR FAMILY ops.mixed_hash USING hash OWNER TO flux_op_owner;

    CREATE OPERATOR FAMILY ops.point_gist USING gist;
    ALTER OPERATOR FAMILY ops.point_gist USING gist ADD
        OPERATOR 15 <-> (point, point) FOR ORDER BY pg_catalog.float_ops;

    CREATE OPERATOR ops.~~~ (FUNCTION = int4um, RIGHTARG = integer);

    CREATE TABLE ops.t (id integer PRIMARY KEY, n integer, s ops.size);
    CREATE INDEX t_n_reverse ON ops.t (n ops.int4_reverse);
    CREATE INDEX t_s_hash ON ops.t USING hash (s);
    CREATE EXTENSION btree_gist WITH SCHEMA ops;
    CREATE INDEX t_n_gist ON ops.t USING gist (n ops.gist_int4_ops);
    INSERT INTO ops.t VALUES (1, 10, 'small'), (2, 20, 'large');";

#[test]
fn operators_classes_and_families_round_trip() {
    for major in majors() {
        let d = TestDb::on(major);
        d.exec(OPERATORS);
        assert_full_round_trip(&d);
    }
}

#[test]
fn an_operator_made_out_of_band_is_listed_pulled_and_promoted() {
    for major in majors() {
        let d = TestDb::on(major);
        assert_hotfix_workflow(
            &d,
            "CREATE SCHEMA ops;",
            "CREATE OPERATOR ops.&&& (FUNCTION = int4eq, LEFTARG = integer, RIGHTARG = integer,
                 COMMUTATOR = OPERATOR(ops.&&&), RESTRICT = eqsel);",
            &[("Operators", "ops.&&&(integer, integer)")],
        );
    }
}

#[test]
fn an_operator_family_made_out_of_band_is_listed_pulled_and_promoted() {
    for major in majors() {
        let d = TestDb::on(major);
        assert_hotfix_workflow(
            &d,
            "CREATE SCHEMA ops;",
            "CREATE OPERATOR FAMILY ops.hotfix_hash USING hash;
             ALTER OPERATOR FAMILY ops.hotfix_hash USING hash ADD
                 OPERATOR 1 = (integer, integer), FUNCTION 1 (integer, integer) hashint4(integer);",
            &[("Operator families", "ops.hotfix_hash USING hash")],
        );
    }
}

#[test]
fn an_operator_class_made_out_of_band_is_listed_pulled_and_promoted() {
    for major in majors() {
        let d = TestDb::on(major);
        assert_hotfix_workflow(
            &d,
            "CREATE SCHEMA ops;",
            "CREATE OPERATOR CLASS ops.hotfix_ops FOR TYPE integer USING btree AS
                 OPERATOR 1 <, OPERATOR 3 =, OPERATOR 5 >, FUNCTION 1 btint4cmp(integer, integer);",
            &[
                ("Operator classes", "ops.hotfix_ops USING btree"),
                ("Operator families", "ops.hotfix_ops USING btree"),
            ],
        );
    }
}
