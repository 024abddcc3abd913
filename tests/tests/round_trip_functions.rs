//! Round trips of functions, procedures, aggregates, triggers and event triggers, and their
//! place in the dependency order (functions used by defaults, checks, indexes, domains, views;
//! SQL-standard bodies over tables).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use pg_flux_tests::{assert_round_trip, block_on, majors, TestDb};

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

/// Functions of every shape, and objects that use them.
const FUNCTIONS: &str = r#"
SET check_function_bodies = false;
CREATE SCHEMA app;
-- A string body naming a table created later: loads only with check_function_bodies off.
CREATE FUNCTION app.count_items() RETURNS bigint LANGUAGE sql STABLE
    AS 'SELECT count(*) FROM app.items';
CREATE FUNCTION app.norm(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT lower(btrim(t)) $$;
CREATE FUNCTION app.norm(t text, keep_case boolean) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN keep_case THEN btrim(t) ELSE lower(btrim(t)) END $$;
CREATE FUNCTION app.norm(n integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT abs(n)';
CREATE FUNCTION app.positive(n numeric) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT n > 0';
CREATE FUNCTION app.next_code() RETURNS text LANGUAGE plpgsql VOLATILE
    AS $$ BEGIN RETURN 'c' || floor(random() * 1000)::int; END $$;
CREATE DOMAIN app.pos AS numeric CHECK (app.positive(VALUE));
CREATE TABLE app.items (
    id integer PRIMARY KEY,
    code text NOT NULL DEFAULT app.next_code(),
    name text CHECK (app.norm(name) <> ''),
    price app.pos,
    slug text GENERATED ALWAYS AS (app.norm(name)) STORED
);
CREATE INDEX items_norm ON app.items (app.norm(name));
CREATE VIEW app.item_names AS SELECT id, app.norm(name) AS n FROM app.items;
CREATE FUNCTION app.by_row(i app.items) RETURNS text LANGUAGE sql AS 'SELECT i.name';
CREATE FUNCTION app.search(q text, lim integer DEFAULT 10, VARIADIC tags text[] DEFAULT '{}')
    RETURNS TABLE(id integer, name text) LANGUAGE sql STABLE ROWS 50 COST 25
    AS $$ SELECT id, name FROM app.items WHERE name LIKE q LIMIT lim $$;
CREATE FUNCTION app.ids() RETURNS SETOF integer LANGUAGE sql AS 'SELECT id FROM app.items';
CREATE FUNCTION app.split(IN a integer, OUT lo integer, INOUT hi integer) LANGUAGE plpgsql
    AS $$ BEGIN lo := a; hi := a + hi; END $$;
CREATE FUNCTION app."Weird Name"("it's" text) RETURNS text LANGUAGE sql AS 'SELECT $1';
CREATE FUNCTION app.secure_touch() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = '' SET work_mem = '8MB' AS $$ BEGIN PERFORM 1; END $$;
CREATE FUNCTION app.leaky(a integer, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE LEAKPROOF
    SET search_path = app, pg_temp AS 'SELECT a < b';
CREATE FUNCTION app.row_no() RETURNS bigint WINDOW LANGUAGE internal IMMUTABLE
    AS 'window_row_number';
CREATE PROCEDURE app.reset_items(keep integer DEFAULT 0) LANGUAGE plpgsql
    AS $$ BEGIN DELETE FROM app.items WHERE id > keep; END $$;
CREATE PROCEDURE app.reset_items(keep text) LANGUAGE sql AS $$ SELECT 1 $$;
-- Aggregates: plain, moving, ordered-set, hypothetical-set, zero-argument, sortop.
CREATE FUNCTION app.acc(s bigint, v integer) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT
    AS 'SELECT s + v';
CREATE FUNCTION app.unacc(s bigint, v integer) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT
    AS 'SELECT s - v';
CREATE FUNCTION app.fin(s bigint) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT s::text';
CREATE AGGREGATE app.total(integer) (
    SFUNC = app.acc, STYPE = bigint, INITCOND = '0', FINALFUNC = app.fin,
    FINALFUNC_MODIFY = SHAREABLE, COMBINEFUNC = int8pl,
    MSFUNC = app.acc, MINVFUNC = app.unacc, MSTYPE = bigint, MINITCOND = '0',
    MFINALFUNC = app.fin, PARALLEL = SAFE);
CREATE AGGREGATE app.total(bigint) (SFUNC = int8pl, STYPE = bigint, SSPACE = 8, PARALLEL = RESTRICTED);
CREATE AGGREGATE app.pct(double precision ORDER BY anyelement) (
    SFUNC = ordered_set_transition, STYPE = internal,
    FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);
CREATE AGGREGATE app.hrank(VARIADIC "any" ORDER BY VARIADIC "any") (
    SFUNC = ordered_set_transition_multi, STYPE = internal,
    FINALFUNC = rank_final, FINALFUNC_EXTRA, HYPOTHETICAL);
CREATE AGGREGATE app.n(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');
CREATE AGGREGATE app.biggest(integer) (SFUNC = int4larger, STYPE = integer, SORTOP = >);
CREATE VIEW app.totals AS SELECT app.total(id) AS t, app.count_items() AS c FROM app.items;
ALTER FUNCTION app.norm(text) OWNER TO flux_owner;
ALTER PROCEDURE app.reset_items(integer) OWNER TO flux_owner;
ALTER AGGREGATE app.n(*) OWNER TO flux_owner;
COMMENT ON FUNCTION app.norm(text, boolean) IS 'normalises, it''s said';
COMMENT ON PROCEDURE app.reset_items(text) IS 'a procedure';
COMMENT ON AGGREGATE app.pct(double precision ORDER BY anyelement) IS 'ordered-set';
COMMENT ON AGGREGATE app.n(*) IS 'count';
REVOKE EXECUTE ON FUNCTION app.secure_touch() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.secure_touch() TO flux_reader WITH GRANT OPTION;
REVOKE EXECUTE ON PROCEDURE app.reset_items(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.total(integer) TO flux_reader;
REVOKE ALL ON FUNCTION app.n() FROM PUBLIC;
"#;

/// Triggers of every shape, and event triggers.
const TRIGGERS: &str = r#"
CREATE SCHEMA app;
CREATE TABLE app.t (id integer PRIMARY KEY, v text, n integer);
CREATE TABLE app.parted (id integer, at date) PARTITION BY RANGE (at);
CREATE TABLE app.parted_2024 PARTITION OF app.parted FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
    PARTITION BY RANGE (id);
CREATE TABLE app.parted_2024_lo PARTITION OF app.parted_2024 FOR VALUES FROM (0) TO (100);
CREATE TABLE app.parted_2025 PARTITION OF app.parted FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE VIEW app.v AS SELECT id, v FROM app.t;
CREATE FUNCTION app.trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION app.trg_args() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER a_before BEFORE INSERT OR UPDATE ON app.t FOR EACH ROW EXECUTE FUNCTION app.trg();
CREATE TRIGGER b_update_of BEFORE UPDATE OF v, n ON app.t FOR EACH ROW
    WHEN (OLD.v IS DISTINCT FROM NEW.v) EXECUTE FUNCTION app.trg();
CREATE TRIGGER c_after_stmt AFTER DELETE OR TRUNCATE ON app.t FOR EACH STATEMENT
    EXECUTE FUNCTION app.trg_args('x', 'it''s', '42');
CREATE TRIGGER d_transition AFTER UPDATE ON app.t REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION app.trg_args();
CREATE CONSTRAINT TRIGGER e_constraint AFTER INSERT OR UPDATE ON app.t
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app.trg_args();
CREATE CONSTRAINT TRIGGER f_constraint_now AFTER INSERT ON app.t
    NOT DEFERRABLE FOR EACH ROW EXECUTE FUNCTION app.trg_args();
CREATE TRIGGER g_disabled AFTER INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.trg_args();
CREATE TRIGGER h_replica AFTER INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.trg_args();
CREATE TRIGGER i_always AFTER INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.trg_args();
ALTER TABLE app.t DISABLE TRIGGER g_disabled;
ALTER TABLE app.t ENABLE REPLICA TRIGGER h_replica;
ALTER TABLE app.t ENABLE ALWAYS TRIGGER i_always;
CREATE TRIGGER "Odd ""Name""" INSTEAD OF INSERT ON app.v FOR EACH ROW EXECUTE FUNCTION app.trg();
CREATE TRIGGER p_row AFTER INSERT ON app.parted FOR EACH ROW EXECUTE FUNCTION app.trg_args();
CREATE TRIGGER p_stmt AFTER INSERT ON app.parted FOR EACH STATEMENT EXECUTE FUNCTION app.trg_args();
ALTER TABLE ONLY app.parted_2025 DISABLE TRIGGER p_row;
ALTER TABLE ONLY app.parted_2024_lo ENABLE ALWAYS TRIGGER p_row;
CREATE TRIGGER own_trigger BEFORE INSERT ON app.parted_2025 FOR EACH ROW EXECUTE FUNCTION app.trg();
COMMENT ON TRIGGER a_before ON app.t IS 'before, it''s';
COMMENT ON TRIGGER "Odd ""Name""" ON app.v IS 'instead of';
CREATE FUNCTION app.on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
CREATE EVENT TRIGGER log_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')
    EXECUTE FUNCTION app.on_ddl();
CREATE EVENT TRIGGER "Drop Watch" ON sql_drop EXECUTE FUNCTION app.on_ddl();
CREATE EVENT TRIGGER off_one ON ddl_command_start EXECUTE FUNCTION app.on_ddl();
CREATE EVENT TRIGGER always_one ON ddl_command_start EXECUTE FUNCTION app.on_ddl();
ALTER EVENT TRIGGER off_one DISABLE;
ALTER EVENT TRIGGER always_one ENABLE ALWAYS;
ALTER EVENT TRIGGER "Drop Watch" ENABLE REPLICA;
COMMENT ON EVENT TRIGGER log_ddl IS 'logs DDL';
"#;

/// A table, a function and a table whose default calls the function, on every major.
const STANDARD_BODIES_BASE: &str = r#"
CREATE SCHEMA app;
CREATE SCHEMA zz;
CREATE TABLE zz.accounts (id integer PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);
"#;

/// PostgreSQL 14+: SQL-standard bodies, parsed at creation, so their tables come first.
const STANDARD_BODIES: &str = r#"
CREATE FUNCTION app.balance(a integer) RETURNS numeric LANGUAGE sql STABLE
    RETURN (SELECT balance FROM zz.accounts WHERE id = a);
CREATE FUNCTION app.twice(n integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN n * 2;
CREATE PROCEDURE app.credit(a integer, amount numeric) LANGUAGE sql
BEGIN ATOMIC
    UPDATE zz.accounts SET balance = balance + amount WHERE id = a;
    INSERT INTO zz.accounts (id, balance) SELECT a, amount WHERE NOT EXISTS (SELECT 1 FROM zz.accounts WHERE id = a);
END;
CREATE FUNCTION app.total() RETURNS numeric LANGUAGE sql
BEGIN ATOMIC
    SELECT sum(balance) FROM zz.accounts;
END;
"#;

/// PostgreSQL 13, which lacks SQL-standard bodies: the same function with a string body.
const STRING_BODY_TWICE: &str = r#"
CREATE FUNCTION app.twice(n integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT n * 2';
"#;

/// The table whose default calls `app.twice`.
const LEDGER: &str = r#"
CREATE TABLE zz.ledger (id integer, doubled integer DEFAULT app.twice(1));
"#;

fn with_roles(sql: &str) -> String {
    format!("{ROLES}\n{sql}")
}

#[test]
fn functions_round_trip_on_every_major() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(&with_roles(FUNCTIONS));
        let tree = assert_round_trip(&d);
        let norm = file(&tree, major, "functions/app.norm.sql");
        assert_eq!(
            norm.matches("CREATE OR REPLACE FUNCTION").count(),
            3,
            "PostgreSQL {major}: {norm}"
        );
        assert!(
            norm.contains("ALTER FUNCTION app.norm(t text) OWNER TO flux_owner;"),
            "PostgreSQL {major}: {norm}"
        );
        let secure = file(&tree, major, "functions/app.secure_touch.sql");
        assert!(
            secure.contains("SET search_path TO ''"),
            "PostgreSQL {major}: {secure}"
        );
        assert!(
            secure.contains("REVOKE ALL ON FUNCTION app.secure_touch() FROM PUBLIC;")
                || secure.contains("REVOKE EXECUTE ON FUNCTION app.secure_touch() FROM PUBLIC;"),
            "PostgreSQL {major}: {secure}"
        );
        let total = file(&tree, major, "functions/app.total.sql");
        assert!(
            total.contains("MINVFUNC = app.unacc"),
            "PostgreSQL {major}: {total}"
        );
        assert!(
            total.contains("FINALFUNC_MODIFY = SHAREABLE"),
            "PostgreSQL {major}: {total}"
        );
        let n = file(&tree, major, "functions/app.n.sql");
        assert!(
            n.contains("CREATE AGGREGATE app.n(*)"),
            "PostgreSQL {major}: {n}"
        );
        assert!(
            n.contains("COMMENT ON AGGREGATE app.n(*) IS 'count';"),
            "PostgreSQL {major}: {n}"
        );
        let hrank = file(&tree, major, "functions/app.hrank.sql");
        assert!(
            hrank.contains("HYPOTHETICAL"),
            "PostgreSQL {major}: {hrank}"
        );
        let biggest = file(&tree, major, "functions/app.biggest.sql");
        assert!(
            biggest.contains("SORTOP = OPERATOR(pg_catalog.>)"),
            "PostgreSQL {major}: {biggest}"
        );
        let procs = file(&tree, major, "functions/app.reset_items.sql");
        assert!(
            procs.contains("CREATE OR REPLACE PROCEDURE"),
            "PostgreSQL {major}: {procs}"
        );
        let weird = file(&tree, major, "functions/app.%57eird%20%4Eame.sql");
        assert!(
            weird.contains("\"Weird Name\""),
            "PostgreSQL {major}: {weird}"
        );
    });
}

#[test]
fn flat_dump_turns_off_function_body_checks() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(&with_roles(FUNCTIONS));
        let flat = pg_flux_tests::dump_files(&d, pg_flux::layout::Layout::Flat);
        let text = flat.values().next().cloned().unwrap_or_default();
        assert!(
            text.starts_with("SET check_function_bodies = false;\n"),
            "PostgreSQL {major}: {text}"
        );
        // Without functions the flat file starts with the first object.
        let empty = TestDb::on(major);
        empty.exec("CREATE SCHEMA app;");
        let flat = pg_flux_tests::dump_files(&empty, pg_flux::layout::Layout::Flat);
        let text = flat.values().next().cloned().unwrap_or_default();
        assert!(
            text.starts_with("CREATE SCHEMA app;"),
            "PostgreSQL {major}: {text}"
        );
    });
}

#[test]
fn triggers_round_trip_on_every_major() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(&with_roles(TRIGGERS));
        let tree = assert_round_trip(&d);
        let t = file(&tree, major, "triggers/app.t.sql");
        assert!(
            t.contains("ALTER TABLE ONLY app.t DISABLE TRIGGER g_disabled;"),
            "PostgreSQL {major}: {t}"
        );
        assert!(
            t.contains("ENABLE REPLICA TRIGGER h_replica;"),
            "PostgreSQL {major}: {t}"
        );
        assert!(
            t.contains("ENABLE ALWAYS TRIGGER i_always;"),
            "PostgreSQL {major}: {t}"
        );
        assert!(
            t.contains("DEFERRABLE INITIALLY DEFERRED"),
            "PostgreSQL {major}: {t}"
        );
        let parted = file(&tree, major, "triggers/app.parted.sql");
        assert_eq!(
            parted.matches("CREATE TRIGGER").count(),
            2,
            "PostgreSQL {major}: {parted}"
        );
        assert!(
            parted.contains("ALTER TABLE ONLY app.parted_2025 DISABLE TRIGGER p_row;"),
            "PostgreSQL {major}: {parted}"
        );
        assert!(
            !tree.contains_key(Path::new("triggers/app.parted_2024_lo.sql")),
            "PostgreSQL {major}: clones are not emitted"
        );
        let own = file(&tree, major, "triggers/app.parted_2025.sql");
        assert!(own.contains("own_trigger"), "PostgreSQL {major}: {own}");
        let v = file(&tree, major, "triggers/app.v.sql");
        assert!(v.contains("INSTEAD OF INSERT"), "PostgreSQL {major}: {v}");
        let log = file(&tree, major, "event_triggers/log_ddl.sql");
        assert!(
            log.contains("WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')"),
            "PostgreSQL {major}: {log}"
        );
        let off = file(&tree, major, "event_triggers/off_one.sql");
        assert!(off.contains("DISABLE;"), "PostgreSQL {major}: {off}");
    });
}

#[test]
fn standard_bodies_come_after_their_tables() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        let mut sql = STANDARD_BODIES_BASE.to_string();
        if major >= 14 {
            sql.push_str(STANDARD_BODIES);
        } else {
            sql.push_str(STRING_BODY_TWICE);
        }
        sql.push_str(LEDGER);
        d.exec(&sql);
        let tree = assert_round_trip(&d);
        // The flat order: the table before the function over it, the function before the
        // table whose default calls it.
        let flat = pg_flux_tests::dump_files(&d, pg_flux::layout::Layout::Flat);
        let text = flat.values().next().cloned().unwrap_or_default();
        let at = |s: &str| {
            text.find(s)
                .unwrap_or_else(|| panic!("PostgreSQL {major}: {s} not in {text}"))
        };
        if major >= 14 {
            let balance = file(&tree, major, "functions/app.balance.sql");
            assert!(
                balance.contains("RETURN (SELECT"),
                "PostgreSQL {major}: {balance}"
            );
            let credit = file(&tree, major, "functions/app.credit.sql");
            assert!(
                credit.contains("BEGIN ATOMIC"),
                "PostgreSQL {major}: {credit}"
            );
            assert!(
                at("CREATE TABLE zz.accounts") < at("FUNCTION app.balance"),
                "PostgreSQL {major}: {text}"
            );
        }
        assert!(
            at("FUNCTION app.twice") < at("CREATE TABLE zz.ledger"),
            "PostgreSQL {major}: {text}"
        );
    });
}

#[test]
fn per_kind_tree_loads_through_the_library_loader() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(&with_roles(FUNCTIONS));
        d.exec(
            "CREATE FUNCTION app.trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
             CREATE TRIGGER t BEFORE INSERT ON app.items FOR EACH ROW EXECUTE FUNCTION app.trg();",
        );
        let tree = assert_round_trip(&d);
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let root = dir.path().join("schema");
        pg_flux::layout::write_tree(&root, &tree, false)
            .unwrap_or_else(|e| panic!("PostgreSQL {major}: write: {e}"));
        let f = TestDb::on(major);
        block_on(async {
            let client = pg_flux::connect::connect(&f.url()).await?;
            pg_flux::load::load_tree(&client, &root).await
        })
        .unwrap_or_else(|e| panic!("PostgreSQL {major}: loading the per-kind tree: {e}"));
        pg_flux_tests::assert_same_text(
            &d.pg_dump_schema(),
            &f.pg_dump_schema(),
            &format!("PostgreSQL {major}: pg_dump of D and F"),
        );
    });
}

#[test]
fn functions_are_not_reported_unmodeled() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(&with_roles(FUNCTIONS));
        d.exec(
            &TRIGGERS
                .replace("CREATE SCHEMA app;", "CREATE SCHEMA trg;")
                .replace("app.", "trg."),
        );
        let catalog = block_on(pg_flux::commands::dump::read_catalog(
            &d.url(),
            &pg_flux::inspect::Scope::default(),
        ))
        .unwrap_or_else(|e| panic!("PostgreSQL {major}: inspect: {e}"));
        assert!(
            catalog.unmodeled.is_empty(),
            "PostgreSQL {major}: {:?}",
            catalog.unmodeled
        );
    });
}

#[test]
fn event_triggers_follow_their_function_into_scope() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(
            "CREATE SCHEMA a; CREATE SCHEMA b;
             CREATE FUNCTION b.f() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
             CREATE EVENT TRIGGER et ON ddl_command_end EXECUTE FUNCTION b.f();",
        );
        let count = |schema: &str| {
            let scope = pg_flux::inspect::Scope {
                schemas: Some(vec![schema.to_string()]),
                ..Default::default()
            };
            block_on(pg_flux::commands::dump::read_catalog(&d.url(), &scope))
                .unwrap_or_else(|e| panic!("PostgreSQL {major}: inspect: {e}"))
                .event_triggers
                .len()
        };
        assert_eq!(count("a"), 0, "PostgreSQL {major}: event triggers in a");
        assert_eq!(count("b"), 1, "PostgreSQL {major}: event triggers in b");
    });
}
