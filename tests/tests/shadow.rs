//! The kept shadow database, loaded again and again as the language server loads it on every
//! save: each load sees its own source only, a role the source names is created for it, and a
//! statement that does not load is reported without spoiling the next load.

use std::path::Path;

use pg_flux::connect::Session;
use pg_flux::inspect::Scope;
use pg_flux::model::Catalog;
use pg_flux::shadow::{Shadow, ShadowDb, ShadowTarget};
use pg_flux_tests::{block_on, TestDb};

async fn load(shadow: &mut ShadowDb, session: &Session, sql: &str) -> Shadow {
    let statements =
        pg_flux::load::split(Path::new("schema.sql"), sql).unwrap_or_else(|e| panic!("{e}"));
    shadow
        .load(session, statements, &Scope::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

fn tables(catalog: &Catalog) -> Vec<String> {
    catalog.tables.iter().map(|t| t.name.name.clone()).collect()
}

#[test]
fn each_load_of_the_kept_shadow_starts_empty() {
    let live = TestDb::new();
    block_on(async {
        let session = Session::open(&live.url())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let mut shadow = ShadowDb::new(ShadowTarget::Embedded(Default::default()));
        let first = load(
            &mut shadow,
            &session,
            "CREATE TABLE public.first (id integer);
             GRANT SELECT ON public.first TO shadow_test_reader;",
        )
        .await;
        assert!(first.failures.is_empty(), "{:?}", first.failures);
        assert_eq!(tables(&first.catalog), ["first"]);
        let grants = format!("{:?}", first.catalog.tables[0].acl);
        assert!(grants.contains("shadow_test_reader"), "{grants}");

        let second = load(
            &mut shadow,
            &session,
            "CREATE TABLE public.second (id integer);",
        )
        .await;
        assert_eq!(
            tables(&second.catalog),
            ["second"],
            "the first load is still there"
        );

        let broken = load(
            &mut shadow,
            &session,
            "CREATE TABLE public.third (id integer);
             CREATE VIEW public.v AS SELECT * FROM public.missing;",
        )
        .await;
        assert_eq!(tables(&broken.catalog), ["third"]);
        assert_eq!(broken.failures.len(), 1, "{:?}", broken.failures);
        assert_eq!(broken.failures[0].line, 2);
        assert!(
            broken.failures[0].message.contains("public.missing"),
            "{}",
            broken.failures[0].message
        );

        let after = load(
            &mut shadow,
            &session,
            "CREATE TABLE public.fourth (id integer);",
        )
        .await;
        assert!(after.failures.is_empty(), "{:?}", after.failures);
        assert_eq!(tables(&after.catalog), ["fourth"]);
    });
}
