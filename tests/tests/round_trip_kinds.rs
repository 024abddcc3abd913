//! Small, focused round trips per kind: load SQL into D, dump, reload into E, compare.

use pg_flux_tests::{assert_round_trip, majors, TestDb};

/// Runs `check` on every major under test, each in its own thread.
fn on_every_major(check: impl Fn(u32) + Sync) {
    std::thread::scope(|scope| {
        for major in majors() {
            let check = &check;
            scope.spawn(move || check(major));
        }
    });
}

#[test]
fn schemas_and_extensions_round_trip() {
    on_every_major(|major| {
        let d = TestDb::on(major);
        d.exec(
            "DO $$ BEGIN CREATE ROLE flux_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
             CREATE SCHEMA app; COMMENT ON SCHEMA app IS 'the app''s schema';
             GRANT USAGE ON SCHEMA app TO flux_reader;
             CREATE SCHEMA \"Odd Name\";
             COMMENT ON SCHEMA public IS 'changed';
             CREATE SCHEMA ext; CREATE EXTENSION citext WITH SCHEMA ext;",
        );
        let tree = assert_round_trip(&d);
        assert!(
            tree.contains_key(std::path::Path::new("schemas/app.sql")),
            "PostgreSQL {major}: {tree:?}"
        );
        assert!(
            tree.contains_key(std::path::Path::new("extensions/citext.sql")),
            "PostgreSQL {major}: {tree:?}"
        );
    });
}
