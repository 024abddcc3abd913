//! Subscriptions: the round-trip promise in both layouts and the hotfix workflow, on every
//! major; a connection string's password never reaches a file or a report.
//!
//! Every subscription is made with `connect = false`, as dump writes them: nothing connects to
//! the publishers (192.0.2.0/24 is reserved for documentation and reaches nothing).

use pg_flux_tests::{
    assert_full_round_trip, assert_hotfix_workflow, majors, pg_flux, read_tree, TestDb,
};

/// Two subscriptions with the options each major has, one with a slot name, a comment and a
/// superuser owner of its own (before 16 only superusers may own one).
fn subscriptions(major: u32) -> String {
    let mut options = vec!["connect = false", "synchronous_commit = 'local'"];
    if major >= 14 {
        options.extend(["binary = true", "streaming = on"]);
    }
    if major >= 15 {
        options.extend(["disable_on_error = true", "two_phase = true"]);
    }
    if major >= 16 {
        options.extend([
            "origin = none",
            "password_required = false",
            "run_as_owner = true",
        ]);
    }
    if major >= 17 {
        options.push("failover = true");
    }
    format!(
        "DO $$ BEGIN CREATE ROLE flux_sub_owner NOLOGIN SUPERUSER; \
         EXCEPTION WHEN duplicate_object THEN END $$;
         CREATE SUBSCRIPTION orders_in
             CONNECTION 'host=192.0.2.1 port=5432 dbname=upstream user=replicator connect_timeout=5'
             PUBLICATION orders, \"Pub Two\" WITH ({});
         COMMENT ON SUBSCRIPTION orders_in IS 'orders from upstream';
         ALTER SUBSCRIPTION orders_in OWNER TO flux_sub_owner;
         CREATE SUBSCRIPTION \"Plain Sub\" CONNECTION 'host=192.0.2.2 dbname=x'
             PUBLICATION p WITH (connect = false, slot_name = NONE);",
        options.join(", ")
    )
}

#[test]
fn subscriptions_round_trip() {
    for major in majors() {
        let d = TestDb::on(major);
        d.exec(&subscriptions(major));
        assert_full_round_trip(&d);
    }
}

#[test]
fn a_subscription_made_out_of_band_is_listed_pulled_and_promoted() {
    for major in majors() {
        let d = TestDb::on(major);
        assert_hotfix_workflow(
            &d,
            "",
            "CREATE SUBSCRIPTION hotfix CONNECTION 'host=192.0.2.1 dbname=x password=hotfix-pw' \
             PUBLICATION p WITH (connect = false, slot_name = NONE);",
            &[("Subscriptions", "hotfix")],
        );
    }
}

const SECRET: &str = "s3cret-subscription-pw";
const URI_SECRET: &str = "uri-pw-9f8e";

#[test]
fn a_subscriptions_password_is_never_dumped_verified_or_pulled() {
    for major in majors() {
        let d = TestDb::on(major);
        d.exec(&format!(
            "CREATE SUBSCRIPTION keyed CONNECTION 'host=192.0.2.1 dbname=x password={SECRET} user=r' \
             PUBLICATION p WITH (connect = false, slot_name = NONE);
             CREATE SUBSCRIPTION by_uri CONNECTION 'postgresql://r:{URI_SECRET}@192.0.2.1/x' \
             PUBLICATION p WITH (connect = false, slot_name = NONE);"
        ));
        let work = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let url = d.url();
        let no_secret = |what: &str, text: &str| {
            for secret in [SECRET, URI_SECRET] {
                assert!(
                    !text.contains(secret),
                    "PostgreSQL {major}: {what} holds the password:\n{text}"
                );
            }
        };
        for (out, layout) in [("schema", "per-kind"), ("flat", "flat")] {
            let run = pg_flux(
                work.path(),
                &["dump", "--db", &url, "--output", out, "--layout", layout],
            );
            assert_eq!(run.code, 0, "PostgreSQL {major}: {}", run.stderr);
            no_secret("dump's output", &format!("{}{}", run.stdout, run.stderr));
            let files = read_tree(&work.path().join(out));
            let all: String = files.values().cloned().collect();
            no_secret("the dump", &all);
            assert!(
                all.contains("password=''<redacted: set me>''")
                    && all.contains("r:%3Credacted%3A%20set%20me%3E@192.0.2.1"),
                "PostgreSQL {major}: {all}"
            );
            assert_eq!(
                all.matches("-- pg-flux: the password in the connection string of subscription")
                    .count(),
                2,
                "PostgreSQL {major}: {all}"
            );
        }
        // The flat file loads; its subscriptions read back as the live ones do.
        let copy = TestDb::on(major);
        copy.load_file(&work.path().join("flat/schema.sql"));
        let conninfo = copy.query("SELECT subconninfo FROM pg_subscription ORDER BY subname");
        assert!(
            conninfo.contains("<redacted: set me>"),
            "PostgreSQL {major}: {conninfo}"
        );

        // The live password is redacted before comparing: the source matches.
        let run = pg_flux(work.path(), &["verify", "--strict", "--db", &url]);
        assert_eq!(
            run.code, 0,
            "PostgreSQL {major}: {}{}",
            run.stdout, run.stderr
        );
        no_secret("verify", &format!("{}{}", run.stdout, run.stderr));

        // A new password live is no difference; a subscription made out of band is pulled
        // without its password.
        d.exec(&format!(
            "ALTER SUBSCRIPTION keyed CONNECTION 'host=192.0.2.1 dbname=x password=other-{SECRET} user=r';
             CREATE SUBSCRIPTION pulled CONNECTION 'host=192.0.2.9 password={SECRET}' \
             PUBLICATION p WITH (connect = false, slot_name = NONE);"
        ));
        let run = pg_flux(work.path(), &["verify", "--strict", "--db", &url]);
        assert_eq!(
            run.code, 1,
            "PostgreSQL {major}: {}{}",
            run.stdout, run.stderr
        );
        no_secret("verify", &format!("{}{}", run.stdout, run.stderr));
        assert!(
            run.stdout.contains("- pulled") && !run.stdout.contains("keyed"),
            "PostgreSQL {major}: {}",
            run.stdout
        );
        let run = pg_flux(work.path(), &["pull", "--db", &url, "--dry-run=false"]);
        assert_eq!(run.code, 0, "PostgreSQL {major}: {}", run.stderr);
        no_secret("pull", &format!("{}{}", run.stdout, run.stderr));
        let files = read_tree(&work.path().join("schema"));
        no_secret(
            "the pulled tree",
            &files.values().cloned().collect::<String>(),
        );
        assert!(
            files.keys().any(|p| p.starts_with("_pulled")),
            "PostgreSQL {major}: {:?}",
            files.keys()
        );
    }
}
