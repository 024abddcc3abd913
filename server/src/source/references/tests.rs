use super::*;

const SCHEMA: &str = "\
CREATE TABLE app.customers (
    id integer NOT NULL,
    name text,
    CONSTRAINT customers_pkey PRIMARY KEY (id),
    CONSTRAINT name_set CHECK (name <> '')
);
CREATE TABLE app.orders (
    id bigint DEFAULT nextval('app.orders_id_seq'::regclass),
    customer_id integer REFERENCES app.customers (id),
    note app.customers,
    copies app.customers[]
);
CREATE SEQUENCE app.orders_id_seq OWNED BY app.orders.id;
CREATE INDEX customers_name ON app.customers (name) WHERE name IS NOT NULL;
CREATE VIEW app.named AS SELECT c.id, c.name AS label FROM app.customers c WHERE c.name <> '';
CREATE VIEW app.plain AS SELECT name FROM app.customers JOIN app.orders o ON o.customer_id = customers.id;
CREATE FUNCTION app.count_customers() RETURNS bigint LANGUAGE sql
    BEGIN ATOMIC SELECT count(*) FROM app.customers WHERE name IS NOT NULL; END;
CREATE POLICY own ON app.customers USING (name = current_user);
CREATE TRIGGER audit BEFORE UPDATE OF name ON app.customers
    FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name) EXECUTE FUNCTION app.audit();
COMMENT ON TABLE app.customers IS 'who buys';
COMMENT ON COLUMN app.customers.name IS 'full name';
COMMENT ON CONSTRAINT name_set ON app.customers IS 'no empty names';
GRANT SELECT (name) ON app.customers TO PUBLIC;
ALTER TABLE app.customers ALTER COLUMN name SET NOT NULL;
ALTER TABLE ONLY app.customers VALIDATE CONSTRAINT name_set;
CREATE TYPE app.mood AS ENUM ('ok');
CREATE FUNCTION app.f(m app.mood) RETURNS app.mood LANGUAGE sql RETURN m;
SELECT app.count_customers(), 'customers';
CREATE FUNCTION app.g(x app.customers.name%TYPE) RETURNS integer LANGUAGE sql RETURN 1;
";

fn search_path() -> Vec<String> {
    vec!["app".to_string(), "public".to_string()]
}

fn exists(ns: Namespace, schema: &str, name: &str) -> bool {
    schema == "app"
        && match ns {
            Namespace::Relation => {
                ["customers", "orders", "orders_id_seq", "named", "plain"].contains(&name)
            }
            Namespace::Type => name == "mood",
            Namespace::Function => ["count_customers", "f", "audit"].contains(&name),
        }
}

fn has_column(table: &QualifiedName, column: &str) -> bool {
    match table.name.as_str() {
        "customers" => ["id", "name"].contains(&column),
        "orders" => ["id", "customer_id", "note", "copy_of"].contains(&column),
        _ => false,
    }
}

/// Each occurrence as `line:text` (the line of its start, and the text it covers).
fn found(text: &str, target: &Target) -> Vec<String> {
    let path = search_path();
    let names = Names::new(&path, &exists, &has_column);
    occurrences(text, target, &names)
        .iter()
        .map(|o| {
            let line = text[..o.start].matches('\n').count() + 1;
            let mark = if o.declares { "*" } else { "" };
            format!("{line}:{}{mark}", &text[o.start..o.end])
        })
        .collect()
}

fn q(name: &str) -> QualifiedName {
    QualifiedName::new("app", name)
}

#[test]
fn a_table_is_found_wherever_the_source_names_it() {
    assert_eq!(
        found(SCHEMA, &Target::Relation(q("customers"))),
        [
            "1:customers*",
            "9:customers",
            "10:customers",
            "11:customers",
            "14:customers",
            "15:customers",
            "16:customers",
            "16:customers",
            "18:customers",
            "19:customers",
            "20:customers",
            "22:customers",
            "23:customers",
            "24:customers",
            "25:customers",
            "26:customers",
            "27:customers",
            "31:customers",
        ]
    );
}

#[test]
fn a_column_is_found_in_constraints_indexes_views_policies_triggers_and_grants() {
    assert_eq!(
        found(
            SCHEMA,
            &Target::Column {
                table: q("customers"),
                column: "name".into()
            }
        ),
        [
            "3:name*", "5:name", "14:name", "14:name", "15:name", "15:name", "16:name", "18:name",
            "19:name", "20:name", "21:name", "21:name", "23:name", "25:name", "26:name", "31:name",
        ]
    );
}

#[test]
fn a_column_of_another_table_with_the_same_name_is_not_counted() {
    assert_eq!(
        found(
            SCHEMA,
            &Target::Column {
                table: q("orders"),
                column: "id".into()
            }
        ),
        ["8:id*", "13:id"]
    );
    assert_eq!(
        found(
            SCHEMA,
            &Target::Column {
                table: q("customers"),
                column: "id".into()
            }
        ),
        ["2:id*", "4:id", "9:id", "15:id", "16:id"]
    );
}

#[test]
fn sequences_in_regclass_strings_constraints_types_and_functions() {
    assert_eq!(
        found(SCHEMA, &Target::Relation(q("orders_id_seq"))),
        ["8:orders_id_seq", "13:orders_id_seq*"]
    );
    assert_eq!(
        found(
            SCHEMA,
            &Target::Constraint {
                table: q("customers"),
                name: "name_set".into()
            }
        ),
        ["5:name_set*", "24:name_set", "27:name_set"]
    );
    assert_eq!(
        found(SCHEMA, &Target::Type(q("mood"))),
        ["28:mood*", "29:mood", "29:mood"]
    );
    assert_eq!(
        found(SCHEMA, &Target::Function(q("count_customers"))),
        ["17:count_customers*", "30:count_customers"]
    );
    assert_eq!(
        found(SCHEMA, &Target::Relation(q("customers_name"))),
        ["14:customers_name*"]
    );
}

#[test]
fn the_target_under_the_cursor() {
    let path = search_path();
    let names = Names::new(&path, &exists, &has_column);
    let at = |needle: &str, nth: usize| {
        let start = SCHEMA.match_indices(needle).nth(nth).map(|(i, _)| i);
        target_at(SCHEMA, start.unwrap_or(0) + 1, &names).map(|(t, _, _)| t)
    };
    assert_eq!(
        at("name)", 0),
        Some(Target::Column {
            table: q("customers"),
            column: "name".into()
        })
    );
    assert_eq!(
        at("orders_id_seq", 0),
        Some(Target::Relation(q("orders_id_seq")))
    );
    assert_eq!(
        at("customers.id", 0),
        Some(Target::Relation(q("customers")))
    );
    assert_eq!(
        at(".name%", 0).or_else(|| at("name%", 0)),
        Some(Target::Column {
            table: q("customers"),
            column: "name".into()
        })
    );
    assert_eq!(at("mood", 1), Some(Target::Type(q("mood"))));
    assert_eq!(at("'customers'", 0), None);
    assert_eq!(
        at("customers_name", 0),
        Some(Target::Relation(q("customers_name")))
    );
}

#[test]
fn a_statement_that_does_not_parse_leaves_the_others_found() {
    let text = "CREATE TABLE app.t (id int);\nCREATE TABLE oops (;\nCREATE VIEW app.v AS SELECT id FROM app.t;\n";
    assert_eq!(found(text, &Target::Relation(q("t"))), ["1:t*", "3:t"]);
}

#[test]
fn unqualified_names_resolve_through_the_search_path() {
    let text = "CREATE TABLE customers (id int);\nCREATE TABLE public.customers (id int);\n\
                CREATE VIEW v AS SELECT id FROM customers;\n";
    // search_path app, public: `customers` alone is app.customers (app has one).
    assert_eq!(
        found(text, &Target::Relation(q("customers"))),
        ["1:customers*", "3:customers"]
    );
    assert_eq!(
        found(
            text,
            &Target::Relation(QualifiedName::new("public", "customers"))
        ),
        ["2:customers*"]
    );
}

#[test]
fn quoted_names_fold_as_postgres_folds_them() {
    let text = "CREATE TABLE app.\"Mixed\" (\"Id\" int, id int);\nCREATE INDEX ON app.\"Mixed\" (\"Id\");\n";
    assert_eq!(
        found(
            text,
            &Target::Column {
                table: q("Mixed"),
                column: "Id".into()
            }
        ),
        ["1:\"Id\"*", "2:\"Id\""]
    );
    assert_eq!(
        found(text, &Target::Relation(q("mixed"))),
        Vec::<String>::new()
    );
}

/// `text` with `edits` applied (last first: offsets stay valid).
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = text.to_string();
    for e in edits.iter().rev() {
        out.replace_range(e.start..e.end, &e.text);
    }
    out
}

fn renamed(text: &str, target: &Target, new_name: &str) -> String {
    let path = search_path();
    let names = Names::new(&path, &exists, &has_column);
    let found = occurrences(text, target, &names);
    apply(text, &rename_edits(text, &found, target, new_name, true))
}

/// What `migrate generate` reads back from the renamed text.
fn annotations(text: &str) -> Vec<(crate::source::renames::RenameKind, String, String, String)> {
    let statements =
        crate::load::split(std::path::Path::new("f.sql"), text).unwrap_or_else(|e| panic!("{e}"));
    crate::source::renames::renames(&statements)
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|r| (r.kind, r.object.name.clone(), r.member.clone(), r.old))
        .collect()
}

#[test]
fn renaming_a_column_edits_every_use_and_annotates_its_line() {
    use crate::source::renames::RenameKind;
    let column = Target::Column {
        table: q("customers"),
        column: "name".into(),
    };
    let out = renamed(SCHEMA, &column, "full name");
    assert!(out.starts_with(
        "CREATE TABLE app.customers (\n    id integer NOT NULL,\n    \
         -- pg-flux: renamed from name\n    \"full name\" text,\n"
    ));
    assert!(
        out.contains("CREATE POLICY own ON app.customers USING (\"full name\" = current_user);")
    );
    assert!(out.contains("WHEN (NEW.\"full name\" IS DISTINCT FROM OLD.\"full name\")"));
    assert!(out.contains("SELECT c.id, c.\"full name\" AS label"));
    // Alone in a select list, it also named the view's column: that name stays.
    assert!(out.contains("CREATE VIEW app.plain AS SELECT \"full name\" AS name FROM"));
    assert_eq!(
        annotations(&out),
        [(
            RenameKind::Column,
            "customers".into(),
            "full name".into(),
            "name".into()
        )]
    );
    // Renamed again before the migration: the annotation keeps the live name.
    let again = renamed(
        &out,
        &Target::Column {
            table: q("customers"),
            column: "full name".into(),
        },
        "label",
    );
    assert_eq!(
        annotations(&again),
        [(
            RenameKind::Column,
            "customers".into(),
            "label".into(),
            "name".into()
        )]
    );
}

#[test]
fn renaming_tables_sequences_constraints_and_one_line_tables() {
    use crate::source::renames::RenameKind;
    let out = renamed(SCHEMA, &Target::Relation(q("customers")), "clients");
    assert!(out.starts_with("-- pg-flux: renamed from customers\nCREATE TABLE app.clients (\n"));
    assert!(out.contains("REFERENCES app.clients (id)"));
    assert!(out.contains("JOIN app.orders o ON o.customer_id = clients.id;"));
    assert!(out.contains("SELECT app.count_customers(), 'customers';"));
    assert_eq!(
        annotations(&out),
        [(
            RenameKind::Table,
            "clients".into(),
            String::new(),
            "customers".into()
        )]
    );
    let out = renamed(SCHEMA, &Target::Relation(q("orders_id_seq")), "order_ids");
    assert!(out.contains("nextval('app.order_ids'::regclass)"));
    assert!(out.contains(
        "-- pg-flux: renamed from orders_id_seq\nCREATE SEQUENCE app.order_ids OWNED BY"
    ));
    let constraint = Target::Constraint {
        table: q("customers"),
        name: "name_set".into(),
    };
    let out = renamed(SCHEMA, &constraint, "has_name");
    assert!(out.contains("    -- pg-flux: renamed from name_set\n    CONSTRAINT has_name CHECK"));
    assert!(out.contains("VALIDATE CONSTRAINT has_name;"));
    assert_eq!(
        annotations(&out),
        [(
            RenameKind::Constraint,
            "customers".into(),
            "has_name".into(),
            "name_set".into()
        )]
    );
    let one_line = "CREATE TABLE app.t (id int, name text);\n";
    let out = renamed(
        one_line,
        &Target::Column {
            table: q("t"),
            column: "name".into(),
        },
        "label",
    );
    assert_eq!(
        out,
        "CREATE TABLE app.t (id int, \n    -- pg-flux: renamed from name\n    label text);\n"
    );
    // One edit there, not an insertion and a replacement at one place.
    let path = search_path();
    let names = Names::new(&path, &exists, &has_column);
    let target = Target::Column {
        table: q("t"),
        column: "name".into(),
    };
    let edits = rename_edits(
        one_line,
        &occurrences(one_line, &target, &names),
        &target,
        "label",
        true,
    );
    assert_eq!(
        edits,
        [Edit {
            start: 28,
            end: 32,
            text: "\n    -- pg-flux: renamed from name\n    label".into()
        }]
    );
    assert_eq!(
        annotations(&out),
        [(
            RenameKind::Column,
            "t".into(),
            "label".into(),
            "name".into()
        )]
    );
}

#[test]
fn a_file_with_a_syntax_error_keeps_its_atomic_bodies() {
    let text =
        "CREATE TABLE app.t (id int);\nCREATE FUNCTION app.n() RETURNS bigint LANGUAGE sql\n\
                BEGIN ATOMIC SELECT count(id) FROM app.t; SELECT 1; END;\nCREATE TABLE (;\n";
    assert_eq!(found(text, &Target::Relation(q("t"))), ["1:t*", "3:t"]);
}

#[test]
fn the_filter_matches_whole_words_only() {
    assert!(contains_word("CREATE TABLE t2 (id int)", "T2"));
    assert!(contains_word("x.\"t2\"", "t2"));
    assert!(!contains_word("CREATE TABLE t20 (id int)", "t2"));
    assert!(!contains_word("CREATE TABLE at2 (id int)", "t2"));
    assert!(contains_word("t2", "t2"));
}

#[test]
fn a_keyword_is_not_the_name_it_spells_where_it_is_syntax() {
    let text = "CREATE TABLE app.\"order\" (\n    \"order\" bigint PRIMARY KEY,\n    \
                \"primary\" text,\n    CONSTRAINT \"check\" CHECK (\"primary\" <> ''),\n    \
                CONSTRAINT \"unique\" UNIQUE (\"primary\")\n);\n\
                CREATE INDEX index ON app.\"order\" (\"primary\");\n\
                ALTER TABLE app.\"order\" ADD CONSTRAINT key PRIMARY KEY (\"order\");\n";
    let table = || q("order");
    let column = Target::Column {
        table: table(),
        column: "primary".into(),
    };
    let constraint = |name: &str| Target::Constraint {
        table: table(),
        name: name.into(),
    };
    assert_eq!(
        found(text, &column),
        [
            "3:\"primary\"*",
            "4:\"primary\"",
            "5:\"primary\"",
            "7:\"primary\""
        ]
    );
    assert_eq!(found(text, &constraint("check")), ["4:\"check\"*"]);
    assert_eq!(found(text, &constraint("unique")), ["5:\"unique\"*"]);
    assert_eq!(found(text, &constraint("key")), ["8:key*"]);
    assert_eq!(found(text, &Target::Relation(q("index"))), ["7:index*"]);
    // The keyword under the cursor names nothing; the name after it does.
    let path = search_path();
    let names = Names::new(&path, &exists, &has_column);
    let at = |needle: &str| text.find(needle).unwrap_or(0) + 1;
    assert_eq!(target_at(text, at("PRIMARY KEY,"), &names), None);
    assert_eq!(target_at(text, at("INDEX index"), &names), None);
    assert_eq!(
        target_at(text, at("index ON"), &names).map(|t| t.0),
        Some(Target::Relation(q("index")))
    );
    // Renamed, every file still parses.
    for target in [column, constraint("check"), constraint("key")] {
        let out = renamed(text, &target, "renamed_x");
        assert!(pg_query::parse(&out, 0).is_ok(), "{out}");
    }
}
