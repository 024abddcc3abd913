//! Identity extraction on fixture and hand-written SQL: pure, no database.

use std::path::Path;

use super::*;

fn model(text: &str) -> FileModel {
    extract::file_model(Path::new("x.sql"), text, "public")
}

/// Each declaration as `kind identity`.
fn shown(text: &str) -> Vec<String> {
    model(text)
        .declarations
        .iter()
        .map(|d| format!("{} {}", d.identity.kind.singular(), d.identity))
        .collect()
}

fn has(all: &[String], wanted: &[&str]) {
    for w in wanted {
        assert!(all.iter().any(|a| a == w), "{w} not in {all:#?}");
    }
}

#[test]
fn fixture_01_declares_tables_columns_constraints_indexes_sequences_and_grants() {
    let text = include_str!("../../../schema-fixtures/01_saas_app/fixture.sql");
    let all = shown(text);
    has(
        &all,
        &[
            "schema app",
            "extension citext",
            "type app.plan_tier",
            "table app.users",
            "column app.users.email",
            "constraint app.users.users_pkey",
            "constraint app.users.users_account_fk",
            // Unnamed: PostgreSQL's names.
            "constraint app.accounts.accounts_seats_check",
            "constraint app.accounts.accounts_slug_key",
            "constraint app.api_keys.api_keys_user_id_fkey",
            "sequence app.api_keys_id_seq",
            "index app.users_email_hash",
            "grant UPDATE (notes) ON billing.invoices TO flux_reader",
            "grant USAGE ON SCHEMA app TO \"Flux Admin\"",
            "grant USAGE ON TYPE app.plan_tier TO flux_writer",
        ],
    );
    // The DO blocks that create roles, and a grant on every table of a schema.
    let untracked: Vec<String> = model(text)
        .untracked
        .iter()
        .map(|p| format!("{}:{}", p.span.line, p.message))
        .collect();
    assert_eq!(untracked.len(), 5, "{untracked:#?}");
    assert!(untracked[0].starts_with("18:`DO $$ …` runs an anonymous code block"));
    assert!(untracked[4].starts_with("272:`GRANT SELECT …`"));
}

#[test]
fn fixture_03_awkward_identifiers_keep_their_exact_names() {
    let text = include_str!("../../../schema-fixtures/03_awkward_identifiers/fixture.sql");
    let all = shown(text);
    has(
        &all,
        &[
            "schema \"Sales\"",
            "table \"Sales\".\"Users\"",
            "constraint \"Sales\".\"Users\".\"Users E-Mail unique\"",
            "constraint \"Sales\".\"Users\".\"it's \"\"checked\"\"\"",
            "constraint \"Sales\".\"Users\".\"Users_100%_check\"",
            "index \"Sales\".\"Users.order\"",
            "table \"Sales\".\"T\"",
            "table \"Sales\".t",
            "constraint \"Sales\".\"T\".\"T_pkey\"",
            "constraint \"Sales\".t.\"t_X_fkey\"",
            "table \"Sales\".\"select\"",
        ],
    );
}

#[test]
fn function_identities_use_identity_argument_types() {
    let all = shown(
        "create function f(a int, b varchar(20), OUT c text) returns text language sql as 'select 1';\n\
         CREATE FUNCTION app.g(timestamptz, int[], mood, pg_catalog.int8, \"char\", double precision, \
           VARIADIC numeric(10,2)[]) RETURNS void LANGUAGE sql AS '';\n\
         CREATE PROCEDURE p(IN x bool, OUT y timestamp) LANGUAGE sql AS '';\n\
         CREATE FUNCTION t() RETURNS TABLE (x int) LANGUAGE sql AS 'select 1';\n\
         CREATE AGGREGATE agg(int) (sfunc = int4pl, stype = int);\n",
    );
    assert_eq!(
        all,
        vec![
            "function public.f(integer, character varying)",
            "function app.g(timestamp with time zone, integer[], public.mood, bigint, \"char\", \
             double precision, numeric[])",
            "procedure public.p(boolean, timestamp without time zone)",
            "function public.t()",
            "aggregate public.agg(integer)",
        ]
    );
}

#[test]
fn sub_objects_from_alter_table_create_index_and_grants() {
    let all = shown(
        "ALTER TABLE users ADD COLUMN nick text, ADD CONSTRAINT nick_len CHECK (length(nick) < 9);\n\
         alter table only app.t add unique (a, b), add check (a > 0 and b > 0), add foreign key (a) references x;\n\
         CREATE INDEX ON users (lower(email), id);\n\
         create unique index on users (email);\n\
         GRANT ALL ON users TO PUBLIC;\n\
         GRANT ALL (a) ON app.t TO r;\n\
         REVOKE ALL ON users FROM PUBLIC;\n",
    );
    has(
        &all,
        &[
            "column public.users.nick",
            "constraint public.users.nick_len",
            "constraint app.t.t_a_b_key",
            "constraint app.t.t_check",
            "constraint app.t.t_a_fkey",
            "index public.users_lower_id_idx",
            "index public.users_email_key",
            "grant SELECT ON public.users TO PUBLIC",
            "grant TRUNCATE ON public.users TO PUBLIC",
            "grant REFERENCES (a) ON app.t TO r",
        ],
    );
    assert!(!all
        .iter()
        .any(|a| a.contains("(a) ON app.t") && a.contains("DELETE")));
}

#[test]
fn triggers_policies_rules_and_other_kinds() {
    let all = shown(
        "CREATE TRIGGER trg BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION f();\n\
         CREATE POLICY own ON app.docs USING (true);\n\
         CREATE RULE r AS ON INSERT TO users DO INSTEAD NOTHING;\n\
         CREATE EVENT TRIGGER et ON ddl_command_start EXECUTE FUNCTION g();\n\
         CREATE STATISTICS app.s ON a, b FROM app.t;\n\
         CREATE COLLATION c (provider = icu, locale = 'und');\n\
         CREATE PUBLICATION pub FOR ALL TABLES;\n\
         CREATE FOREIGN DATA WRAPPER w; CREATE SERVER srv FOREIGN DATA WRAPPER w;\n\
         CREATE FOREIGN TABLE ft (a int) SERVER srv;\n\
         CREATE SCHEMA s CREATE TABLE inner_t (id int);\n",
    );
    assert_eq!(
        all,
        vec![
            "trigger public.users.trg",
            "policy app.docs.own",
            "rule public.users.r",
            "event trigger et",
            "statistics app.s",
            "collation public.c",
            "publication pub",
            "foreign data wrapper w",
            "foreign server srv",
            "foreign table public.ft",
            "column public.ft.a",
            "schema s",
            "table s.inner_t",
            "column s.inner_t.id",
        ]
    );
}

#[test]
fn untracked_statements_and_duplicates_are_reported_with_positions() {
    let text = "SET check_function_bodies = false;\n\
                CREATE TABLE a (id int);\n  insert into a values (1);\n\
                SET search_path = app;\n\
                /* c */ DO $$ BEGIN END $$;\n\
                create table A (x int);\n";
    let mut source = SourceModel::new("public");
    source.update_file(Path::new("x.sql"), text);
    let problems: Vec<String> = source
        .problems()
        .iter()
        .map(|p| format!("{}: {}", p.span, p.message))
        .collect();
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(problems[0].starts_with("x.sql:3:3: `INSERT INTO …` reads or changes data"));
    assert!(problems[1].starts_with("x.sql:4:1: `SET SEARCH_PATH …` changes a session setting"));
    assert!(problems[2].starts_with("x.sql:5:9: `DO $$ …`"));
    assert!(
        problems[3].starts_with("x.sql:6:1: table public.a is declared twice (first at x.sql:2:1)")
    );
    // Byte ranges cover exactly the statement.
    let decl = &source.files[Path::new("x.sql")].declarations[0];
    assert_eq!(
        &text[decl.span.start..decl.span.end],
        "CREATE TABLE a (id int)"
    );
}

#[test]
fn syntax_errors_name_the_statement_and_update_file_replaces_one_file() {
    let mut source = SourceModel::new("public");
    source.update_file(
        Path::new("a.sql"),
        "CREATE TABLE a (id int);\n\nCREATE TABLE b (;\n",
    );
    source.update_file(Path::new("b.sql"), "CREATE TABLE c (id int);\n");
    let error = source.first_syntax_error().map(|e| e.to_string());
    assert!(
        error
            .as_deref()
            .is_some_and(|e| e.starts_with("a.sql:3:17: syntax error")),
        "{error:?}"
    );
    source.update_file(Path::new("a.sql"), "CREATE TABLE b (id int);\n");
    assert!(source.first_syntax_error().is_none());
    assert_eq!(source.declared().len(), 4);
}

#[test]
fn a_view_shell_and_its_replacement_are_one_declaration() {
    let text = "CREATE VIEW app.v AS SELECT NULL::integer AS x;\n\
                CREATE FUNCTION app.f(app.v) RETURNS integer LANGUAGE sql AS 'SELECT 1';\n\
                CREATE OR REPLACE VIEW app.v AS SELECT 1 AS x;\n";
    let m = model(text);
    let views: Vec<_> = m
        .declarations
        .iter()
        .filter(|d| d.identity.kind == crate::identity::ObjectKind::View)
        .collect();
    assert_eq!(views.len(), 1, "{views:#?}");
    assert_eq!(views[0].span.line, 1);
    // Two plain CREATE VIEWs of one view are still a duplicate.
    let twice = shown("CREATE VIEW app.v AS SELECT 1 AS x;\nCREATE VIEW app.v AS SELECT 1 AS x;\n");
    assert_eq!(twice.iter().filter(|s| *s == "view app.v").count(), 2);
}

#[test]
fn a_syntax_error_points_at_the_token_the_parser_stopped_at() {
    let error = |text: &str| {
        let m = model(text);
        let p = m
            .syntax_error
            .unwrap_or_else(|| panic!("no syntax error in {text:?}"));
        (
            text[p.span.start..p.span.end].to_string(),
            p.span.line,
            p.span.column,
        )
    };
    assert_eq!(
        error("CREATE TABLE a (id int);\nCREATE VIEW v AS SELEC 1;\n"),
        ("SELEC".to_string(), 2, 18)
    );
    // Only the end is missing: the last token.
    assert_eq!(error("CREATE TABLE a (id int"), ("int".to_string(), 1, 20));
    // Inside a function body's string the statement goes on past its `;`.
    let text =
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\nCREATE TABLE (;\n";
    assert_eq!(error(text), ("(".to_string(), 2, 14));
}

#[test]
fn a_base_type_after_its_shell_is_one_declaration() {
    let text = "CREATE TYPE app.t;\n\
                CREATE FUNCTION app.t_in(cstring) RETURNS app.t LANGUAGE internal AS 'int4in';\n\
                CREATE TYPE app.t (INPUT = app.t_in, OUTPUT = app.t_out);\n";
    let types: Vec<String> = shown(text)
        .into_iter()
        .filter(|s| s.starts_with("type "))
        .collect();
    assert_eq!(types, vec!["type app.t".to_string()]);
    // Two definitions are still a duplicate, and so are two shells.
    let twice =
        "CREATE TYPE app.t (INPUT = a, OUTPUT = b);\nCREATE TYPE app.t (INPUT = a, OUTPUT = b);\n";
    assert_eq!(
        shown(twice).iter().filter(|s| *s == "type app.t").count(),
        2
    );
    let shells = "CREATE TYPE app.t;\nCREATE TYPE app.t;\n";
    assert_eq!(
        shown(shells).iter().filter(|s| *s == "type app.t").count(),
        2
    );
}
