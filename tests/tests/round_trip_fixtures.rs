//! The core promise, on the four bundled fixtures and every PostgreSQL major under test:
//! load fixture into D → dump (flat and per-kind) → load the flat file into an empty E with
//! psql → pg_dump --schema-only of D and E identical → pg-flux's dump of E byte-identical to
//! that of D; and the per-kind tree, loaded through the library's loader (dependency order
//! across files) into an empty F, gives pg_dump output identical to D's.

use pg_flux_tests::{
    assert_round_trip, assert_same_text, block_on, fixtures, load_fixture, majors, TestDb,
};

fn check(fixture: &str, major: u32) {
    let d = TestDb::on(major);
    load_fixture(&d, fixture);
    let tree = assert_round_trip(&d);

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let root = dir.path().join("schema");
    pg_flux::layout::write_tree(&root, &tree, false).unwrap_or_else(|e| panic!("write: {e}"));
    let f = TestDb::on(major);
    block_on(async {
        let client = pg_flux::connect::connect(&f.url()).await?;
        pg_flux::load::load_tree(&client, &root).await
    })
    .unwrap_or_else(|e| panic!("PostgreSQL {major}, {fixture}: loading the per-kind tree: {e}"));
    assert_same_text(
        &d.pg_dump_schema(),
        &f.pg_dump_schema(),
        &format!(
            "PostgreSQL {major}, {fixture}: pg_dump of D and of the per-kind tree loaded into F"
        ),
    );
}

#[test]
fn every_fixture_round_trips_on_every_major() {
    let fixtures = fixtures();
    assert_eq!(
        fixtures.len(),
        4,
        "the documentation promises four fixtures"
    );
    std::thread::scope(|scope| {
        for major in majors() {
            let fixtures = &fixtures;
            scope.spawn(move || {
                for fixture in fixtures {
                    check(fixture, major);
                }
            });
        }
    });
}
