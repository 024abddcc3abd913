//! Text search configurations, dictionaries, parsers and templates: the round-trip promise in
//! both layouts and the hotfix workflow, on every major.

use pg_flux_tests::{assert_full_round_trip, assert_hotfix_workflow, majors, TestDb};

/// A configuration copied from `english` with one mapping dropped and one changed, used by a
/// generated column, with a comment and an owner of its own.
const CONFIGURATIONS: &str = "
    DO $$ BEGIN CREATE ROLE flux_ts_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN END $$;
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

/// A template on functions of its own (schema-qualified in its statement) and one without an
/// init function; dictionaries on the user template and on built-in ones, with options of each
/// form (a number, a string, a name), a comment and an owner; a parser copied from the
/// default one, with and without a headline function; configurations mapping to the user
/// dictionaries, on the user parser, used by a generated column and an index.
const DICTIONARIES: &str = "
    DO $$ BEGIN CREATE ROLE flux_ts_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN END $$;
    CREATE SCHEMA search;
    CREATE FUNCTION search.plain_init(internal) RETURNS internal
        LANGUAGE internal STRICT AS 'dsimple_init';
    CREATE FUNCTION search.plain_lexize(internal, internal, internal, internal) RETURNS internal
        LANGUAGE internal STRICT AS 'dsimple_lexize';
    CREATE TEXT SEARCH TEMPLATE search.plain (INIT = search.plain_init, LEXIZE = search.plain_lexize);
    COMMENT ON TEXT SEARCH TEMPLATE search.plain IS 'simple, by another name';
    CREATE TEXT SEARCH TEMPLATE search.bare (LEXIZE = dsimple_lexize);
    CREATE TEXT SEARCH DICTIONARY search.stop_en (
        TEMPLATE = search.plain, StopWords = english, Accept = false);
    COMMENT ON TEXT SEARCH DICTIONARY search.stop_en IS 'English stop words, passed on';
    ALTER TEXT SEARCH DICTIONARY search.stop_en OWNER TO flux_ts_owner;
    CREATE TEXT SEARCH DICTIONARY search.\"Quoted\" (
        TEMPLATE = pg_catalog.simple, StopWords = 'russian', accept = 1);
    CREATE TEXT SEARCH DICTIONARY search.syn (
        TEMPLATE = pg_catalog.synonym, Synonyms = synonym_sample, CaseSensitive = true);
    CREATE TEXT SEARCH DICTIONARY search.thes (TEMPLATE = pg_catalog.thesaurus,
        DictFile = thesaurus_sample, Dictionary = pg_catalog.english_stem);
    CREATE TEXT SEARCH DICTIONARY search.stem (
        TEMPLATE = pg_catalog.snowball, Language = 'english', StopWords = english);
    CREATE TEXT SEARCH DICTIONARY search.no_options (TEMPLATE = pg_catalog.simple);
    CREATE TEXT SEARCH PARSER search.words (START = prsd_start, GETTOKEN = prsd_nexttoken,
        END = prsd_end, LEXTYPES = prsd_lextype, HEADLINE = prsd_headline);
    COMMENT ON TEXT SEARCH PARSER search.words IS 'the default parser, again';
    CREATE TEXT SEARCH PARSER search.no_headline (START = prsd_start,
        GETTOKEN = prsd_nexttoken, END = prsd_end, LEXTYPES = prsd_lextype);
    CREATE TEXT SEARCH CONFIGURATION search.stopped (COPY = pg_catalog.simple);
    ALTER TEXT SEARCH CONFIGURATION search.stopped
        ALTER MAPPING FOR asciiword, word WITH search.stop_en, search.stem;
    CREATE TEXT SEARCH CONFIGURATION search.by_words (PARSER = search.words);
    ALTER TEXT SEARCH CONFIGURATION search.by_words
        ADD MAPPING FOR asciiword WITH search.syn, search.thes, search.\"Quoted\", search.no_options;
    CREATE TEXT SEARCH CONFIGURATION search.headless (PARSER = search.no_headline);
    CREATE TABLE search.notes (
        id integer PRIMARY KEY,
        body text,
        tsv tsvector GENERATED ALWAYS AS (to_tsvector('search.stopped', body)) STORED
    );
    CREATE INDEX notes_words ON search.notes USING gin (to_tsvector('search.by_words', body));
    INSERT INTO search.notes (id, body) VALUES (1, 'The dogs were running'), (2, 'Кошки и собаки');";

#[test]
fn text_search_dictionaries_parsers_and_templates_round_trip() {
    for major in majors() {
        let d = TestDb::on(major);
        d.exec(DICTIONARIES);
        let stems = d.query("SELECT tsv::text FROM search.notes WHERE id = 1");
        assert_eq!(stems.trim(), "'dog':2 'run':4", "PostgreSQL {major}");
        assert_full_round_trip(&d);
    }
}

#[test]
fn a_text_search_dictionary_parser_and_template_made_out_of_band_are_listed_pulled_and_promoted() {
    for major in majors() {
        let d = TestDb::on(major);
        assert_hotfix_workflow(
            &d,
            "CREATE SCHEMA search;",
            "CREATE TEXT SEARCH TEMPLATE search.hotfix_tmpl (INIT = dsimple_init, LEXIZE = dsimple_lexize);
             CREATE TEXT SEARCH DICTIONARY search.hotfix_dict (TEMPLATE = search.hotfix_tmpl, StopWords = english);
             CREATE TEXT SEARCH PARSER search.hotfix_prs (START = prsd_start, GETTOKEN = prsd_nexttoken,
                 END = prsd_end, LEXTYPES = prsd_lextype);",
            &[
                ("Text search templates", "search.hotfix_tmpl"),
                ("Text search dictionaries", "search.hotfix_dict"),
                ("Text search parsers", "search.hotfix_prs"),
            ],
        );
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
