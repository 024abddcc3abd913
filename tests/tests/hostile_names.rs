//! Names that look like paths or close comments and quotes (`..`, `../../escape`, `/etc/x`,
//! `a\b`, `*/`, `$$`, a newline): the real `pg-flux dump` writes every file inside its target
//! directory, nowhere else, and the output still round-trips. (The bundled fixture
//! 03_awkward_identifiers covers case, quotes, unicode, reserved words and 63-byte names.)

use std::path::{Component, Path};

use pg_flux_tests::{assert_round_trip, majors, pg_flux, read_tree, TestDb};

const HOSTILE: &str = r#"
CREATE SCHEMA "..";
CREATE SCHEMA "../../escape";
CREATE TABLE "..".".." (id integer PRIMARY KEY);
CREATE TABLE "../../escape"."../../../../tmp/pwned" ("*/ x" integer, "$$" text);
CREATE TABLE public."/etc/passwd" (id integer);
CREATE TABLE public."a\b" (id integer);
CREATE TABLE public.".hidden" (id integer);
CREATE TABLE public."line
break" (id integer);
CREATE INDEX "../idx" ON public."/etc/passwd" (id);
CREATE VIEW public."*/ v /*" AS SELECT 1 AS "$$";
CREATE FUNCTION public."../f"() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
COMMENT ON TABLE public."/etc/passwd" IS '*/ $$ '' " -- not a comment';
"#;

#[test]
fn path_like_names_stay_inside_the_target_and_round_trip() {
    for major in majors() {
        let db = TestDb::on(major);
        db.exec(HOSTILE);
        assert_round_trip(&db);

        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let sandbox = dir.path().join("sandbox");
        std::fs::create_dir_all(&sandbox).unwrap_or_else(|e| panic!("{e}"));
        let run = pg_flux(&sandbox, &["dump", "--db", &db.url(), "--output", "schema"]);
        assert_eq!(
            run.code, 0,
            "PostgreSQL {major}: {}{}",
            run.stdout, run.stderr
        );
        // Nothing beside the target, nothing above the sandbox.
        let around: Vec<_> = read_tree(dir.path()).into_keys().collect();
        assert!(
            around.iter().all(|p| p.starts_with("sandbox/schema")),
            "PostgreSQL {major}: written outside the target: {around:?}"
        );
        for path in read_tree(&sandbox.join("schema")).keys() {
            assert!(
                path.components().all(|c| matches!(c, Component::Normal(_))),
                "PostgreSQL {major}: {}",
                path.display()
            );
            let name = path.file_name().map(Path::new).unwrap_or(path);
            assert!(
                !name.to_string_lossy().starts_with('.'),
                "PostgreSQL {major}: a hidden file {}",
                path.display()
            );
        }
    }
}
