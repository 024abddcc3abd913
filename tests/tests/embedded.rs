//! The embedded cluster module: starts real servers, as root too, and serves fresh databases.

use pg_flux_tests::{majors, TestDb};

#[test]
fn every_major_starts_and_serves_a_fresh_database() {
    for major in majors() {
        let db = TestDb::on(major);
        let version = db.query("SHOW server_version_num");
        assert!(
            version.trim().starts_with(&major.to_string()),
            "asked for {major}, server says {version}"
        );
        db.exec("CREATE TABLE t (id int)");
        assert_eq!(
            db.query("SELECT count(*) FROM pg_class WHERE relname = 't'")
                .trim(),
            "1"
        );
    }
}
