//! Round trips of foreign data: wrappers (own and from extensions), servers, user mappings,
//! foreign tables (column and table options, constraints, defaults, comments, privileges,
//! inheritance and partitions); and the promise that secret option values are never dumped.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use pg_flux_tests::{assert_round_trip, majors, pg_flux, read_tree, TestDb};

const ROLES: &str = "DO $$ BEGIN CREATE ROLE flux_reader NOLOGIN; \
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
    DO $$ BEGIN CREATE ROLE flux_owner NOLOGIN; \
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
    DO $$ BEGIN CREATE ROLE \"Flux Admin\" NOLOGIN; \
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

const WRAPPERS_AND_SERVERS: &str = "
    CREATE FOREIGN DATA WRAPPER dummy;
    CREATE FOREIGN DATA WRAPPER \"Odd Wrapper\" OPTIONS (mode 'ro', \"Level\" 'it''s 2');
    COMMENT ON FOREIGN DATA WRAPPER dummy IS 'no handler at all';
    GRANT USAGE ON FOREIGN DATA WRAPPER dummy TO flux_reader WITH GRANT OPTION;
    REVOKE USAGE ON FOREIGN DATA WRAPPER \"Odd Wrapper\" FROM postgres;
    CREATE SERVER plain FOREIGN DATA WRAPPER dummy;
    CREATE SERVER \"Remote One\" TYPE 'oracle' VERSION '19c' FOREIGN DATA WRAPPER dummy
        OPTIONS (host 'db.example.com', port '5432', dbname 'sales');
    ALTER SERVER \"Remote One\" OWNER TO flux_owner;
    COMMENT ON SERVER \"Remote One\" IS 'the sales database';
    GRANT USAGE ON FOREIGN SERVER \"Remote One\" TO flux_reader, \"Flux Admin\";
    REVOKE USAGE ON FOREIGN SERVER plain FROM postgres;
    CREATE USER MAPPING FOR PUBLIC SERVER \"Remote One\";
    CREATE USER MAPPING FOR flux_reader SERVER \"Remote One\" OPTIONS (\"user\" 'reader');
    CREATE USER MAPPING FOR \"Flux Admin\" SERVER plain OPTIONS (\"user\" 'admin', password_required 'false');
    CREATE USER MAPPING FOR CURRENT_USER SERVER plain;";

#[test]
fn wrappers_servers_and_user_mappings_round_trip() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(ROLES);
        d.exec(WRAPPERS_AND_SERVERS);
        let tree = assert_round_trip(&d);
        let dummy = file(&tree, major, "foreign_data_wrappers/dummy.sql");
        assert!(
            dummy.contains("CREATE FOREIGN DATA WRAPPER dummy;"),
            "PostgreSQL {major}: {dummy}"
        );
        assert!(
            dummy.contains(
                "GRANT USAGE ON FOREIGN DATA WRAPPER dummy TO flux_reader WITH GRANT OPTION;"
            ),
            "PostgreSQL {major}: {dummy}"
        );
        let remote = file(&tree, major, "foreign_servers/%52emote%20%4Fne.sql");
        assert!(
            remote.contains(
                "CREATE SERVER \"Remote One\" TYPE 'oracle' VERSION '19c' FOREIGN DATA WRAPPER dummy \
                 OPTIONS (host 'db.example.com', port '5432', dbname 'sales');"
            ),
            "PostgreSQL {major}: {remote}"
        );
        assert!(
            remote.contains("CREATE USER MAPPING FOR PUBLIC SERVER \"Remote One\";"),
            "PostgreSQL {major}: {remote}"
        );
        assert!(
            remote.contains(
                "CREATE USER MAPPING FOR flux_reader SERVER \"Remote One\" OPTIONS (\"user\" 'reader');"
            ),
            "PostgreSQL {major}: {remote}"
        );
        let plain = file(&tree, major, "foreign_servers/plain.sql");
        assert!(
            plain.contains("password_required 'false'"),
            "PostgreSQL {major}: {plain}"
        );
        assert!(!plain.contains("pg-flux:"), "PostgreSQL {major}: {plain}");
    });
}

const TABLES: &str = "
    CREATE SCHEMA remote;
    CREATE FOREIGN DATA WRAPPER dummy;
    CREATE SERVER src FOREIGN DATA WRAPPER dummy;
    CREATE FOREIGN TABLE remote.\"Orders\" (
        id integer OPTIONS (column_name 'order_id') NOT NULL,
        \"Note\" text COLLATE \"C\" DEFAULT 'n/a',
        amount numeric(12,2) CHECK (amount >= 0),
        placed timestamptz DEFAULT now(),
        doubled numeric GENERATED ALWAYS AS (amount * 2) STORED,
        CONSTRAINT orders_id_positive CHECK (id > 0)
    ) SERVER src OPTIONS (schema_name 'public', table_name 'orders');
    ALTER FOREIGN TABLE remote.\"Orders\" ADD CONSTRAINT late_check CHECK (amount < 1000000) NOT VALID;
    ALTER FOREIGN TABLE remote.\"Orders\" ALTER COLUMN amount SET STATISTICS 300;
    ALTER FOREIGN TABLE remote.\"Orders\" ALTER COLUMN \"Note\" SET STORAGE MAIN;
    ALTER FOREIGN TABLE remote.\"Orders\" ALTER COLUMN id SET (n_distinct = 100);
    COMMENT ON FOREIGN TABLE remote.\"Orders\" IS 'orders, far away';
    COMMENT ON COLUMN remote.\"Orders\".amount IS 'in cents';
    COMMENT ON CONSTRAINT orders_id_positive ON remote.\"Orders\" IS 'ids start at 1';
    ALTER FOREIGN TABLE remote.\"Orders\" OWNER TO flux_owner;
    GRANT SELECT ON remote.\"Orders\" TO flux_reader;
    GRANT UPDATE (\"Note\"), SELECT (amount) ON remote.\"Orders\" TO \"Flux Admin\";
    CREATE FOREIGN TABLE remote.empty () SERVER src;
    -- inheritance: a foreign child of a local table, and a foreign parent
    CREATE TABLE remote.events (id int NOT NULL, at timestamptz DEFAULT now());
    CREATE FOREIGN TABLE remote.events_archive (extra text, id int) INHERITS (remote.events)
        SERVER src OPTIONS (table_name 'events_2019');
    ALTER FOREIGN TABLE remote.events_archive ALTER COLUMN at OPTIONS (column_name 'created');
    CREATE FOREIGN TABLE remote.later (at timestamptz, id int NOT NULL) SERVER src;
    ALTER FOREIGN TABLE remote.later INHERIT remote.events;
    -- partitions that are foreign tables: made with PARTITION OF, and attached
    CREATE TABLE remote.measurements (city int NOT NULL, logdate date NOT NULL, peak int)
        PARTITION BY RANGE (logdate);
    CREATE FOREIGN TABLE remote.measurements_2020 PARTITION OF remote.measurements
        FOR VALUES FROM ('2020-01-01') TO ('2021-01-01') SERVER src OPTIONS (table_name 'm2020');
    ALTER FOREIGN TABLE remote.measurements_2020 ALTER COLUMN peak OPTIONS (column_name 'max');
    CREATE FOREIGN TABLE remote.measurements_2021 (peak int, city int NOT NULL, logdate date NOT NULL)
        SERVER src;
    ALTER TABLE remote.measurements ATTACH PARTITION remote.measurements_2021
        FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
    CREATE VIEW remote.big_orders AS SELECT id, amount FROM remote.\"Orders\" WHERE amount > 100;";

#[test]
fn foreign_tables_round_trip() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(ROLES);
        d.exec(TABLES);
        let tree = assert_round_trip(&d);
        let orders = file(&tree, major, "foreign_tables/remote.%4Frders.sql");
        assert!(
            orders.contains("id integer OPTIONS (column_name 'order_id')"),
            "PostgreSQL {major}: {orders}"
        );
        assert!(
            orders.contains("SERVER src OPTIONS (schema_name 'public', table_name 'orders');"),
            "PostgreSQL {major}: {orders}"
        );
        assert!(
            orders.contains("NOT VALID;"),
            "PostgreSQL {major}: {orders}"
        );
        assert!(
            orders.contains("ALTER FOREIGN TABLE remote.\"Orders\" OWNER TO flux_owner;"),
            "PostgreSQL {major}: {orders}"
        );
        let archive = file(&tree, major, "foreign_tables/remote.events_archive.sql");
        assert!(
            archive.contains("INHERITS (remote.events)"),
            "PostgreSQL {major}: {archive}"
        );
        let part = file(&tree, major, "foreign_tables/remote.measurements_2020.sql");
        assert!(
            part.contains("PARTITION OF remote.measurements"),
            "PostgreSQL {major}: {part}"
        );
        let attached = file(&tree, major, "foreign_tables/remote.measurements_2021.sql");
        assert!(
            attached.contains("ATTACH PARTITION"),
            "PostgreSQL {major}: {attached}"
        );
    });
}

#[test]
fn extension_wrappers_are_not_dumped_but_their_grants_are() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(ROLES);
        d.exec(
            "CREATE SCHEMA ext;
             CREATE EXTENSION postgres_fdw WITH SCHEMA ext;
             CREATE EXTENSION file_fdw WITH SCHEMA ext;
             GRANT USAGE ON FOREIGN DATA WRAPPER postgres_fdw TO flux_reader;
             CREATE SERVER pg FOREIGN DATA WRAPPER postgres_fdw
                 OPTIONS (host 'localhost', dbname 'other', fetch_size '500', use_remote_estimate 'true');
             CREATE USER MAPPING FOR flux_reader SERVER pg OPTIONS (\"user\" 'app');
             CREATE SERVER files FOREIGN DATA WRAPPER file_fdw;
             CREATE FOREIGN TABLE public.csv (a int, b text OPTIONS (force_not_null 'true'))
                 SERVER files OPTIONS (filename '/tmp/x.csv', format 'csv', header 'true');
             -- a wrapper of our own on the extension's functions, and one on a built-in
             CREATE FOREIGN DATA WRAPPER my_pg HANDLER ext.postgres_fdw_handler
                 VALIDATOR ext.postgres_fdw_validator;
             CREATE SERVER mine FOREIGN DATA WRAPPER my_pg OPTIONS (host 'h');
             CREATE FOREIGN DATA WRAPPER checked VALIDATOR postgresql_fdw_validator;",
        );
        let tree = assert_round_trip(&d);
        let all: String = tree.values().cloned().collect();
        assert!(
            !all.contains("CREATE FOREIGN DATA WRAPPER postgres_fdw"),
            "PostgreSQL {major}: {all}"
        );
        assert!(
            !all.contains("CREATE FOREIGN DATA WRAPPER file_fdw"),
            "PostgreSQL {major}: {all}"
        );
        assert!(
            file(&tree, major, "foreign_data_wrappers/my_pg.sql").contains(
                "CREATE FOREIGN DATA WRAPPER my_pg HANDLER ext.postgres_fdw_handler \
                 VALIDATOR ext.postgres_fdw_validator;"
            ),
            "PostgreSQL {major}: {all}"
        );
        assert!(
            file(&tree, major, "foreign_data_wrappers/checked.sql").contains(
                "CREATE FOREIGN DATA WRAPPER checked VALIDATOR pg_catalog.postgresql_fdw_validator;"
            ),
            "PostgreSQL {major}: {all}"
        );
        let pg = file(&tree, major, "foreign_data_wrappers/postgres_fdw.sql");
        assert_eq!(
            pg, "GRANT USAGE ON FOREIGN DATA WRAPPER postgres_fdw TO flux_reader;\n",
            "PostgreSQL {major}"
        );
        assert!(
            !tree.contains_key(Path::new("foreign_data_wrappers/file_fdw.sql")),
            "PostgreSQL {major}: {all}"
        );
        let server = file(&tree, major, "foreign_servers/pg.sql");
        assert!(
            server.contains("FOREIGN DATA WRAPPER postgres_fdw"),
            "PostgreSQL {major}: {server}"
        );
    });
}

const SECRET: &str = "S3cr3t-V@lue";
const API_KEY: &str = "AK-9f8e7d6c";

#[test]
fn secret_option_values_are_never_dumped() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(ROLES);
        d.exec(&format!(
            "CREATE SCHEMA ext;
             CREATE EXTENSION postgres_fdw WITH SCHEMA ext;
             CREATE SERVER pg FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', dbname 'x');
             CREATE USER MAPPING FOR flux_reader SERVER pg OPTIONS (\"user\" 'app', password '{SECRET}');
             CREATE FOREIGN DATA WRAPPER dummy;
             CREATE SERVER api FOREIGN DATA WRAPPER dummy OPTIONS (endpoint 'https://x', api_key '{API_KEY}');
             CREATE USER MAPPING FOR PUBLIC SERVER api OPTIONS (auth_token '{SECRET}', password_required 'false');"
        ));
        let work = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        for (dir, extra) in [("tree", None), ("flat", Some("flat"))] {
            let out = work.path().join(dir);
            let out_s = out.to_string_lossy().into_owned();
            let url = d.url();
            let mut args = vec!["dump", "--db", &url, "--output", &out_s];
            if let Some(layout) = extra {
                args.extend(["--layout", layout]);
            }
            let run = pg_flux(work.path(), &args);
            assert_eq!(
                run.code, 0,
                "PostgreSQL {major}: {}\n{}",
                run.stdout, run.stderr
            );
            for secret in [SECRET, API_KEY] {
                assert!(
                    !run.stdout.contains(secret),
                    "PostgreSQL {major}: {}",
                    run.stdout
                );
                assert!(
                    !run.stderr.contains(secret),
                    "PostgreSQL {major}: {}",
                    run.stderr
                );
            }
            let files = read_tree(&out);
            assert!(
                !files.is_empty(),
                "PostgreSQL {major}: pg-flux dump wrote no files"
            );
            let mut placeholders = 0;
            for (path, text) in &files {
                for secret in [SECRET, API_KEY] {
                    assert!(
                        !text.contains(secret),
                        "PostgreSQL {major}: {}: the secret is in the dump:\n{text}",
                        path.display()
                    );
                }
                placeholders += text.matches("'<redacted: set me>'").count();
            }
            assert_eq!(placeholders, 3, "PostgreSQL {major}: {files:?}");
            let all: String = files.values().cloned().collect();
            for option in ["password", "api_key", "auth_token"] {
                assert!(
                    all.contains(&format!(
                        "-- pg-flux: the value of option \"{option}\" is a secret and was not dumped"
                    )),
                    "PostgreSQL {major}: {all}"
                );
            }
            assert!(
                all.contains("password_required 'false'"),
                "PostgreSQL {major}: {all}"
            );
            assert!(all.contains("\"user\" 'app'"), "PostgreSQL {major}: {all}");
        }
    });
}

#[test]
fn user_mapping_options_hidden_from_the_dumping_role_are_marked() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(ROLES);
        d.exec(
            "DO $$ BEGIN CREATE ROLE flux_dumper LOGIN; \
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
             ALTER ROLE flux_dumper PASSWORD 'dumper-pw';",
        );
        d.exec(
            "CREATE FOREIGN DATA WRAPPER dummy;
             CREATE SERVER s FOREIGN DATA WRAPPER dummy;
             GRANT USAGE ON FOREIGN SERVER s TO flux_dumper;
             CREATE USER MAPPING FOR flux_reader SERVER s OPTIONS (\"user\" 'reader');
             CREATE USER MAPPING FOR flux_dumper SERVER s OPTIONS (\"user\" 'me');",
        );
        let url = format!(
            "postgres://flux_dumper:dumper-pw@127.0.0.1:{}/{}",
            d.cluster.port(),
            d.name
        );
        let catalog = pg_flux_tests::block_on(pg_flux::commands::dump::read_catalog(
            &url,
            &pg_flux::inspect::Scope::default(),
        ))
        .unwrap_or_else(|e| panic!("PostgreSQL {major}: inspect as flux_dumper: {e}"));
        let tree = pg_flux::layout::render(
            &pg_flux::emit::emit(&catalog),
            pg_flux::layout::Layout::PerKind,
        );
        let s = file(&tree, major, "foreign_servers/s.sql");
        assert!(
            s.contains(
                "-- pg-flux: this user mapping's options are hidden from the role that dumped it \
                 (only superusers, the server's owner and the mapped user see them); they were not \
                 dumped.\nCREATE USER MAPPING FOR flux_reader SERVER s;\n"
            ),
            "PostgreSQL {major}: {s}"
        );
        assert!(
            s.contains("CREATE USER MAPPING FOR flux_dumper SERVER s OPTIONS (\"user\" 'me');\n"),
            "PostgreSQL {major}: {s}"
        );
        assert_eq!(
            s.matches("-- pg-flux:").count(),
            1,
            "PostgreSQL {major}: {s}"
        );
    });
}
