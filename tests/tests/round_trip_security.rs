//! Round trips of row-level security policies, extended statistics, rules, collations,
//! publications and default privileges, on every major in `PGFLUX_TEST_MAJORS`.

use std::path::Path;

use pg_flux_tests::{assert_round_trip, block_on, majors, TestDb};

const ROLES: &str = "
DO $$ BEGIN CREATE ROLE flux_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE flux_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE flux_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE \"Flux Admin\" NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
";

fn policies_sql() -> &'static str {
    "CREATE SCHEMA app;
     CREATE TABLE app.tenants (id int PRIMARY KEY, name text);
     CREATE TABLE app.docs (id int PRIMARY KEY, tenant_id int REFERENCES app.tenants,
                            owner name DEFAULT current_user, body text);
     ALTER TABLE app.docs ENABLE ROW LEVEL SECURITY;
     CREATE POLICY tenant_isolation ON app.docs
       USING (tenant_id = current_setting('app.tenant', true)::int);
     CREATE POLICY \"Only Mine\" ON app.docs AS RESTRICTIVE FOR UPDATE TO flux_writer, \"Flux Admin\"
       USING (owner = current_user) WITH CHECK (owner = current_user AND body IS NOT NULL);
     CREATE POLICY readers ON app.docs FOR SELECT TO flux_reader, PUBLIC USING (true);
     CREATE POLICY inserts ON app.docs FOR INSERT TO flux_writer
       WITH CHECK (tenant_id IN (SELECT t.id FROM app.tenants t));
     CREATE POLICY deletes ON app.docs FOR DELETE USING (false);
     COMMENT ON POLICY tenant_isolation ON app.docs IS 'rows of the current tenant';
     CREATE TABLE app.\"Odd Table\" (x int);
     CREATE POLICY \"p\"\"1\" ON app.\"Odd Table\" FOR ALL TO CURRENT_USER USING (x > 0);"
}

fn statistics_sql(major: u32) -> String {
    let mut sql = "CREATE SCHEMA st;
     CREATE TABLE st.t (a int, b int, c text, d date);
     CREATE STATISTICS st.s_all ON a, b FROM st.t;
     CREATE STATISTICS st.s_nd (ndistinct) ON a, b, c FROM st.t;
     CREATE STATISTICS st.\"Dep S\" (dependencies) ON b, c FROM st.t;
     ALTER STATISTICS st.\"Dep S\" SET STATISTICS 250;
     ALTER STATISTICS st.s_nd OWNER TO flux_owner;
     COMMENT ON STATISTICS st.s_all IS 'a and b move together';
     CREATE STATISTICS st.s_zero (ndistinct) ON a, d FROM st.t;
     ALTER STATISTICS st.s_zero SET STATISTICS 0;"
        .to_string();
    if major >= 12 {
        sql.push_str("CREATE STATISTICS st.s_mcv (mcv) ON a, c FROM st.t;");
    }
    if major >= 14 {
        sql.push_str(
            "CREATE STATISTICS st.s_expr (ndistinct, mcv) ON (lower(c)), (a + b) FROM st.t;
             CREATE STATISTICS st.s_mixed ON a, (d - '2000-01-01'::date) FROM st.t;
             CREATE STATISTICS st.s_one ON (upper(c)) FROM st.t;",
        );
    }
    sql
}

fn rules_sql() -> &'static str {
    "CREATE SCHEMA rw;
     CREATE TABLE rw.log (id serial, what text, at timestamptz DEFAULT now());
     CREATE TABLE rw.items (id int PRIMARY KEY, name text);
     CREATE RULE log_insert AS ON INSERT TO rw.items DO ALSO INSERT INTO rw.log (what) VALUES (new.name);
     CREATE RULE \"No Delete\" AS ON DELETE TO rw.items WHERE old.id < 0 DO INSTEAD NOTHING;
     CREATE RULE upd AS ON UPDATE TO rw.items DO ALSO NOTIFY items_changed;
     ALTER TABLE rw.items DISABLE RULE upd;
     CREATE RULE log_upd AS ON UPDATE TO rw.log DO INSTEAD NOTHING;
     ALTER TABLE rw.log ENABLE REPLICA RULE log_upd;
     CREATE RULE log_del AS ON DELETE TO rw.log DO INSTEAD NOTHING;
     ALTER TABLE rw.log ENABLE ALWAYS RULE log_del;
     COMMENT ON RULE log_insert ON rw.items IS 'audit';
     CREATE VIEW rw.v AS SELECT id, name FROM rw.items;
     CREATE RULE v_ins AS ON INSERT TO rw.v DO INSTEAD INSERT INTO rw.items VALUES (new.id, new.name);
     CREATE RULE v_del AS ON DELETE TO rw.v DO INSTEAD DELETE FROM rw.items WHERE id = old.id;
     COMMENT ON RULE v_ins ON rw.v IS 'insert through the view';
     -- Two tables whose rules write into each other: rules must not order tables.
     CREATE TABLE rw.a (x int); CREATE TABLE rw.b (x int);
     CREATE RULE a_to_b AS ON INSERT TO rw.a DO ALSO INSERT INTO rw.b VALUES (new.x);
     CREATE RULE b_to_a AS ON UPDATE TO rw.b DO ALSO INSERT INTO rw.a VALUES (new.x);"
}

/// `(sql, icu)`: ICU collations only where the build has ICU (checked, never assumed).
fn collations_sql(major: u32, icu: bool) -> String {
    let mut sql = "CREATE SCHEMA \"Coll Schema\";
     CREATE COLLATION \"Coll Schema\".\"My C\" (locale = 'C');
     CREATE COLLATION \"Coll Schema\".posix_copy FROM \"POSIX\";
     CREATE COLLATION public.\"mixed.\"\"c\" (lc_collate = 'C', lc_ctype = 'POSIX');
     ALTER COLLATION \"Coll Schema\".\"My C\" OWNER TO flux_owner;
     COMMENT ON COLLATION \"Coll Schema\".\"My C\" IS 'bytewise';
     CREATE TABLE \"Coll Schema\".t (a text COLLATE \"Coll Schema\".\"My C\",
                                     b varchar(10) COLLATE public.\"mixed.\"\"c\");
     CREATE INDEX ON \"Coll Schema\".t (b COLLATE \"Coll Schema\".posix_copy);
     CREATE DOMAIN \"Coll Schema\".d AS text COLLATE \"Coll Schema\".posix_copy;"
        .to_string();
    if icu {
        sql.push_str(
            "CREATE COLLATION \"Coll Schema\".ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
             CREATE COLLATION \"Coll Schema\".\"ICU de\" (provider = icu, locale = 'de');
             CREATE TABLE \"Coll Schema\".names (n text COLLATE \"Coll Schema\".ci);
             CREATE UNIQUE INDEX ON \"Coll Schema\".names (n);",
        );
        if major >= 16 {
            sql.push_str(
                "CREATE COLLATION \"Coll Schema\".ruled (provider = icu, locale = 'und', rules = '&a < g');",
            );
        }
    }
    if major >= 17 {
        sql.push_str(
            "CREATE COLLATION \"Coll Schema\".b_utf8 (provider = builtin, locale = 'C.UTF-8');",
        );
    }
    sql
}

fn publications_sql(major: u32) -> String {
    let mut sql = "CREATE SCHEMA pb;
     CREATE TABLE pb.t1 (id int PRIMARY KEY, a text, b text);
     CREATE TABLE pb.t2 (id int PRIMARY KEY);
     CREATE TABLE pb.parted (id int, at date) PARTITION BY RANGE (at);
     CREATE TABLE pb.parted_1 PARTITION OF pb.parted FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
     CREATE PUBLICATION \"Pub One\" FOR TABLE pb.t1, pb.t2;
     COMMENT ON PUBLICATION \"Pub One\" IS 'two tables';
     CREATE PUBLICATION pub_ops FOR TABLE pb.t2 WITH (publish = 'insert, truncate');
     CREATE PUBLICATION pub_none WITH (publish = '');
     CREATE PUBLICATION pub_root FOR TABLE pb.parted WITH (publish_via_partition_root = true);
     CREATE PUBLICATION pub_all FOR ALL TABLES WITH (publish = 'update');"
        .to_string();
    if major >= 15 {
        sql.push_str(
            "CREATE SCHEMA pb2; CREATE TABLE pb2.x (id int);
             CREATE PUBLICATION pub_cols FOR TABLE pb.t1 (id, a) WHERE (a IS NOT NULL AND id > 10), pb.t2;
             CREATE PUBLICATION pub_schema FOR TABLES IN SCHEMA pb2, TABLE pb.t2 WHERE (id < 5);",
        );
    }
    if major >= 18 {
        sql.push_str(
            "CREATE PUBLICATION pub_gen FOR TABLE pb.t1 WITH (publish_generated_columns = stored);",
        );
    }
    sql
}

fn default_privileges_sql(major: u32) -> String {
    let mut sql = "CREATE SCHEMA dp;
     ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner IN SCHEMA dp GRANT SELECT ON TABLES TO flux_reader;
     ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner IN SCHEMA dp GRANT INSERT, UPDATE ON TABLES TO flux_writer WITH GRANT OPTION;
     ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner IN SCHEMA dp GRANT USAGE ON SEQUENCES TO flux_writer;
     ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner IN SCHEMA dp GRANT EXECUTE ON FUNCTIONS TO flux_reader;
     ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner IN SCHEMA dp GRANT USAGE ON TYPES TO \"Flux Admin\";
     ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
     ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner REVOKE USAGE ON TYPES FROM PUBLIC;
     ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner GRANT SELECT ON TABLES TO flux_reader;
     ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner REVOKE TRUNCATE ON TABLES FROM flux_owner;
     ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner GRANT USAGE ON SCHEMAS TO flux_reader;
     ALTER DEFAULT PRIVILEGES FOR ROLE \"Flux Admin\" GRANT ALL ON SEQUENCES TO flux_writer;
     ALTER DEFAULT PRIVILEGES FOR ROLE \"Flux Admin\" IN SCHEMA dp GRANT SELECT ON TABLES TO PUBLIC;
     -- Everything revoked: an empty ACL.
     ALTER DEFAULT PRIVILEGES FOR ROLE flux_writer REVOKE ALL ON SEQUENCES FROM flux_writer;
     CREATE TABLE dp.nothing (id int); REVOKE ALL ON dp.nothing FROM postgres;
     -- Objects made after the defaults carry their privileges; the dump keeps them as they are.
     GRANT CREATE ON SCHEMA dp TO flux_owner;
     SET ROLE flux_owner;
     CREATE TABLE dp.made_after (id int);
     CREATE TABLE dp.made_after2 (id int);
     RESET ROLE;
     REVOKE SELECT ON dp.made_after2 FROM flux_reader;"
        .to_string();
    if major >= 18 {
        sql.push_str(
            "ALTER DEFAULT PRIVILEGES FOR ROLE flux_owner GRANT SELECT ON LARGE OBJECTS TO flux_reader;",
        );
    }
    sql
}

fn has_icu(d: &TestDb) -> bool {
    d.query("SELECT count(*) FROM pg_collation WHERE collprovider = 'i'")
        .trim()
        .parse::<i64>()
        .unwrap_or(0)
        > 0
}

fn round_trip(major: u32, sql: &str) -> std::collections::BTreeMap<std::path::PathBuf, String> {
    let d = TestDb::on(major);
    d.exec(ROLES);
    d.exec(sql);
    let catalog = block_on(pg_flux::commands::dump::read_catalog(
        &d.url(),
        &pg_flux::inspect::Scope::default(),
    ))
    .unwrap_or_else(|e| panic!("inspect: {e}"));
    assert!(
        catalog.unmodeled.is_empty(),
        "PostgreSQL {major}: unmodeled: {:?}",
        catalog.unmodeled
    );
    assert_round_trip(&d)
}

#[test]
fn policies_round_trip() {
    for major in majors() {
        let tree = round_trip(major, policies_sql());
        let text = &tree[Path::new("policies/app.docs.sql")];
        assert!(text.contains("AS RESTRICTIVE FOR UPDATE"), "{text}");
        assert!(
            tree.contains_key(Path::new("policies/app.%4Fdd%20%54able.sql")),
            "{:?}",
            tree.keys()
        );
    }
}

#[test]
fn statistics_round_trip() {
    for major in majors() {
        let tree = round_trip(major, &statistics_sql(major));
        assert!(tree.contains_key(Path::new("statistics/st.s_all.sql")));
    }
}

#[test]
fn rules_round_trip() {
    for major in majors() {
        let tree = round_trip(major, rules_sql());
        let text = &tree[Path::new("tables/rw.items.sql")];
        assert!(text.contains("DISABLE RULE upd"), "{text}");
        assert!(tree[Path::new("views/rw.v.sql")].contains("CREATE RULE v_ins"));
    }
}

#[test]
fn collations_round_trip() {
    for major in majors() {
        let probe = TestDb::on(major);
        let icu = has_icu(&probe);
        eprintln!(
            "PostgreSQL {major}: ICU {}",
            if icu {
                "available"
            } else {
                "not built in: ICU cases skipped"
            }
        );
        let tree = round_trip(major, &collations_sql(major, icu));
        assert!(
            tree.keys().any(|k| k.starts_with("collations")),
            "{:?}",
            tree.keys()
        );
    }
}

#[test]
fn publications_round_trip() {
    for major in majors() {
        let tree = round_trip(major, &publications_sql(major));
        assert!(tree.contains_key(Path::new("publications/pub_all.sql")));
    }
}

#[test]
fn default_privileges_round_trip() {
    for major in majors() {
        let tree = round_trip(major, &default_privileges_sql(major));
        let text = &tree[Path::new("default_privileges/flux_owner.sql")];
        assert!(
            text.contains("IN SCHEMA dp GRANT SELECT ON TABLES TO flux_reader"),
            "{text}"
        );
    }
}
