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

/// Clusters after the first of a version start from a cached copy of initdb's data
/// directory: each still gets a password of its own, and only that password opens it.
#[test]
fn every_cluster_has_its_own_password() {
    use pg_flux::embedded::{Binaries, Cluster};
    let binaries =
        Binaries::discover(Some(pg_flux_tests::default_major())).unwrap_or_else(|e| panic!("{e}"));
    let start = || Cluster::start(&binaries).unwrap_or_else(|e| panic!("{e}"));
    let (a, b) = (start(), start());
    assert_ne!(a.password(), b.password());
    let connects = |url: String| {
        pg_flux_tests::block_on(async move {
            match tokio_postgres::connect(&url, tokio_postgres::NoTls).await {
                Ok((client, connection)) => {
                    tokio::spawn(connection);
                    client.simple_query("SELECT 1").await.map(|_| ())
                }
                Err(e) => Err(e),
            }
        })
    };
    for (cluster, other) in [(&a, &b), (&b, &a)] {
        assert!(
            connects(cluster.url("postgres")).is_ok(),
            "its own password does not open the cluster"
        );
        let wrong = cluster
            .url("postgres")
            .replace(cluster.password(), other.password());
        assert!(
            connects(wrong).is_err(),
            "another cluster's password opened it"
        );
    }
}
