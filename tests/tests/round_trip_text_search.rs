//! Text search configurations, dictionaries, parsers and templates: the round-trip promise in
//! both layouts and the hotfix workflow, on every major.

use pg_flux_tests::{assert_full_round_trip, assert_hotfix_workflow, majors, TestDb};

/// A configuration copied from `english` with one mapping dropped and one changed, used by a
/// generated column, with a comment and an owner of its own.
const CONFIGURATIONS: &str = "
    DO $$ BEGIN CREATE ROLE flux_ts_owner NOLOGIN; EXCEPTION WHEN duplicate_object THEN END $$;
    CREATE SCHEMA search;
    CREATE TEXT SEARCH CONFIGURATION search.my_english (COPY = pg_catalog.english);
    ALTER TEXT SEARCH CONFIGURATION search.my_english DROP MAPPING FOR email, url;
    ALTER TEXT SEARCH CONFIGURATION search.my_english
        ALTER MAPPING FOR asciiword WITH pg_catalog.english_stem, pg_catalog.simple;
    COMMENT ON TEXT SEARCH CONFIGURATION search.my_english IS 'English, without addresses';
    ALTER TEXT SEARCH CONFIGURATION search.my_english OWNER TO flux_ts_owner;
    CREATE TEXT SEARCH CONFIGURATION search.\"Plain\" (PARSER = pg_catalog.\"default\");
    CREATE TABLE search.docs (
        id integer PRIMARY KEY,
        body text,
        tsv tsvector GENERATED ALWAYS AS (to_tsvector('search.my_english', body)) STORED
    );
    CREATE INDEX docs_body ON search.docs USING gin (to_tsvector('search.\"Plain\"', body));
    INSERT INTO search.docs (id, body) VALUES (1, 'Running dogs at example.com');";

#[test]
fn text_search_configurations_round_trip() {
    for major in majors() {
        let d = TestDb::on(major);
        d.exec(CONFIGURATIONS);
        assert_full_round_trip(&d);
    }
}

#[test]
fn a_text_search_configuration_made_out_of_band_is_listed_pulled_and_promoted() {
    for major in majors() {
        let d = TestDb::on(major);
        assert_hotfix_workflow(
            &d,
            "CREATE SCHEMA search;",
            "CREATE TEXT SEARCH CONFIGURATION search.hotfix (COPY = pg_catalog.simple);",
            &[("Text search configurations", "search.hotfix")],
        );
    }
}
