//! load: source files → a database. Replays a tree (per-kind or flat) into a scratch database
//! — an empty one to prove a dump round-trips, later the shadow database.
//!
//! Files run in the per-kind directories' creation order (schemas, extensions, types, …,
//! indexes), each file's statements in their written order. A statement that fails because
//! something it needs comes from a later file (a view over a view, a foreign key to a table
//! further down the alphabet) is retried after the others; the load fails only when a pass
//! makes no progress, naming the statement's file:line:column and the server's message.

use std::path::{Path, PathBuf};

use tokio_postgres::Client;

use crate::emit::sql::{RESET_SESSION_AUTHORIZATION, SET_SESSION_AUTHORIZATION};
use crate::emit::Dir;
use crate::error::{Error, Result};

/// The quarantine directory `pull` writes: not part of the declared source.
pub const PULLED_DIR: &str = "_pulled";

/// One statement of a source file, with where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceStatement {
    pub file: PathBuf,
    /// 1-based line and column (in characters) of the statement's first character.
    pub line: usize,
    pub column: usize,
    pub sql: String,
    /// A rename annotation in the comments directly above the statement: its line and text
    /// (see `source::renames`; the statement's own text starts at its first token).
    pub annotation: Option<(usize, String)>,
}

/// Every `*.sql` file under `root` (recursively, `_pulled/` excluded), in load order.
pub fn source_files(root: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    collect(root, root, &mut files)?;
    sort_in_load_order(root, &mut files);
    Ok(files)
}

/// Kind directories in dependency order, then the rest; by path within each.
pub fn sort_in_load_order(root: &Path, files: &mut [PathBuf]) {
    files.sort_by_cached_key(|path| (dir_rank(root, path), path.clone()));
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let file_type = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if file_type.is_dir() {
            if dir == root && entry.file_name() == PULLED_DIR {
                continue;
            }
            collect(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "sql") {
            out.push(path);
        }
    }
    Ok(())
}

/// Files of a known kind directory run in that kind's order; anything else runs last.
fn dir_rank(root: &Path, path: &Path) -> usize {
    let top = path
        .strip_prefix(root)
        .ok()
        .and_then(|p| p.components().next())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    Dir::ALL
        .iter()
        .position(|d| d.name() == top)
        .unwrap_or(Dir::ALL.len())
}

/// Splits a file's text into statements with their positions.
pub fn split(file: &Path, original: &str) -> Result<Vec<SourceStatement>> {
    if let Some(error) = nul_byte(file, original) {
        return Err(error);
    }
    let masked = parser_text(original);
    let text: &str = &masked;
    let pieces = pg_query::split_with_parser(text).map_err(|e| {
        // The parser reports no position: find the token it stopped at, as the source model
        // does (every command names the same place).
        let located = crate::source::locate_syntax_error(text).map(|(start, _, message)| {
            let (line, column) = line_column(original, start);
            (line, column, message)
        });
        let (line, column, message) = located.unwrap_or_else(|| {
            // The scanner failed (an unterminated quote, dollar quote, comment): its message
            // quotes the text from the bad token to the end.
            let message = e.to_string();
            let message = message
                .strip_prefix("Error splitting: ")
                .unwrap_or(&message);
            let (line, column) = near(text, message).map_or((1, 1), |at| line_column(original, at));
            (line, column, first_line_of_quote(message))
        });
        Error::Source {
            file: file.to_path_buf(),
            line,
            column,
            message,
        }
    })?;
    let base = text.as_ptr() as usize;
    let mut previous_end = 0;
    let statements = pieces
        .into_iter()
        .filter(|piece| !piece.trim().is_empty())
        .map(|piece| {
            let offset = (piece.as_ptr() as usize).saturating_sub(base);
            let leading = piece.len() - piece.trim_start().len();
            let start = offset + leading;
            let (line, column) = line_column(original, start);
            let gap = text.get(previous_end.min(start)..start).unwrap_or_default();
            let annotation = crate::source::renames::annotation_in(gap)
                .map(|(at, note)| (line_column(original, previous_end + at).0, note.to_string()));
            previous_end = offset + piece.len();
            SourceStatement {
                file: file.to_path_buf(),
                line,
                column,
                sql: piece.trim().to_string(),
                annotation,
            }
        })
        .collect();
    Ok(join_grantor_runs(statements))
}

/// `SET SESSION AUTHORIZATION r; GRANT …; RESET SESSION AUTHORIZATION` (a privilege given by
/// `r`, not the owner, as dump writes it) becomes one statement: run as one, it cannot fail
/// half-way and leave the session as `r` for the statements after it, nor be retried apart.
fn join_grantor_runs(statements: Vec<SourceStatement>) -> Vec<SourceStatement> {
    let starts = |s: &SourceStatement, prefix: &str| {
        s.sql
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    let mut out: Vec<SourceStatement> = Vec::with_capacity(statements.len());
    let mut run: Vec<SourceStatement> = Vec::new();
    for statement in statements {
        if starts(&statement, SET_SESSION_AUTHORIZATION) {
            out.append(&mut run);
            run.push(statement);
        } else if run.is_empty() {
            out.push(statement);
        } else if starts(&statement, RESET_SESSION_AUTHORIZATION) {
            run.push(statement);
            let mut parts = std::mem::take(&mut run).into_iter();
            if let Some(mut joined) = parts.next() {
                for part in parts {
                    joined.sql.push_str(";\n");
                    joined.sql.push_str(&part.sql);
                }
                out.push(joined);
            }
        } else {
            run.push(statement);
        }
    }
    // A SET without its RESET: left as written.
    out.append(&mut run);
    out
}

/// Where the text a parser message quotes (`at or near "…"`) starts: the occurrence that runs
/// to the end of the text when there is one (what an unterminated token quotes), else the first.
fn near(text: &str, message: &str) -> Option<usize> {
    let quoted = message.split_once("at or near \"")?.1;
    let quoted = quoted.strip_suffix('"').unwrap_or(quoted);
    if quoted.is_empty() {
        return None;
    }
    if text.ends_with(quoted) {
        return Some(text.len() - quoted.len());
    }
    text.find(quoted)
}

/// A message whose quoted text runs over several lines, cut to the first: one line for the
/// terminal and the editor.
fn first_line_of_quote(message: &str) -> String {
    match message.split_once('\n') {
        Some((first, _)) => format!("{}…\"", first.trim_end()),
        None => message.to_string(),
    }
}

/// 1-based line and character column of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, before[line_start..].chars().count() + 1)
}

/// Reads a source file as UTF-8; anything else is an error at the first invalid byte.
pub fn read_source(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode_source(path, bytes)
}

/// A source file's bytes as UTF-8 text, or an error at the first invalid byte.
pub fn decode_source(path: &Path, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let before = String::from_utf8_lossy(valid);
        let (line, column) = line_column(&before, before.len());
        let byte = e.as_bytes().get(valid.len()).copied().unwrap_or(0);
        Error::Source {
            file: path.to_path_buf(),
            line,
            column,
            message: format!("not valid UTF-8 (byte 0x{byte:02X}): source files must be UTF-8"),
        }
    })
}

/// The text the parser is given: a leading byte-order mark becomes three spaces (the same
/// bytes long, so every offset still points into the original text). PostgreSQL would take
/// the mark for part of the first word.
pub fn parser_text(text: &str) -> std::borrow::Cow<'_, str> {
    match text.strip_prefix('\u{FEFF}') {
        Some(rest) => std::borrow::Cow::Owned(format!("   {rest}")),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// A NUL byte, which no SQL text may hold (the parser takes C strings): where it is.
pub fn nul_byte(file: &Path, text: &str) -> Option<Error> {
    let at = text.find('\0')?;
    let (line, column) = line_column(text, at);
    Some(Error::Source {
        file: file.to_path_buf(),
        line,
        column,
        message: "a NUL byte (\\0) cannot appear in SQL text".to_string(),
    })
}

/// The byte offset of a 1-based line and character column (the end of the text when past it).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    text[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i)
}

/// Reads and splits every source file under `root`, in load order.
pub fn read_statements(root: &Path) -> Result<Vec<SourceStatement>> {
    let files = source_files(root)?;
    let split_files = per_file(&files, |file| split(file, &read_source(file)?))?;
    Ok(split_files.into_iter().flatten().collect())
}

/// `work` on every file, on a few threads (reading and parsing are independent per file, and
/// pg_query keeps its parser state per thread; opening a file costs about as much as parsing
/// it); the results in the files' order, or the first file's error.
pub fn per_file<T: Send>(
    files: &[PathBuf],
    work: impl Fn(&Path) -> Result<T> + Sync,
) -> Result<Vec<T>> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8));
    let chunk = files.len().div_ceil(threads).max(1);
    let progress =
        crate::progress::Phase::start("reading source files", "files", Some(files.len()));
    let work = &|file: &Path| {
        let done = work(file);
        progress.advance(1);
        done
    };
    let parts: Vec<Result<Vec<T>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|f| work(f)).collect()))
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker.join().unwrap_or_else(|_| {
                    Err(Error::Usage(
                        "reading the source failed unexpectedly".to_string(),
                    ))
                })
            })
            .collect()
    });
    let mut all = Vec::with_capacity(files.len());
    for part in parts {
        all.extend(part?);
    }
    Ok(all)
}

/// A load's statements in the order they run, as pg_dump orders a restore:
/// - `objects`: everything that creates or alters an object, retried until nothing more loads;
/// - `populate`: materialized views filled, once every function, view and table exists (a
///   view's query may call a function through a quoted body, which `pg_depend` cannot see). A
///   `CREATE MATERIALIZED VIEW` that fills its view is run `WITH NO DATA` among the objects and
///   gets its `REFRESH` here; the source still says what it says about the view.
/// - `last`: a materialized view's new owner (a refresh runs the query as the owner, who may
///   not read what the loading superuser can), then default privileges, which would change the
///   privileges of every object created after them (a retried statement included).
#[derive(Debug, Default)]
pub struct LoadPlan {
    pub objects: Vec<SourceStatement>,
    pub populate: Vec<SourceStatement>,
    pub last: Vec<SourceStatement>,
}

impl LoadPlan {
    pub fn new(statements: Vec<SourceStatement>) -> LoadPlan {
        let mut plan = LoadPlan::default();
        // The file whose materialized view's owner was just put last: its privileges, which
        // follow, go with it (revoking the owner's own works only once it is the owner).
        let mut owner_put_last: Option<PathBuf> = None;
        for statement in statements {
            let follows_owner = owner_put_last.as_ref() == Some(&statement.file);
            owner_put_last = None;
            if follows_owner && is_privileges(&statement.sql) {
                owner_put_last = Some(statement.file.clone());
                plan.last.push(statement);
                continue;
            }
            match step(&statement.sql) {
                Step::Object => plan.objects.push(statement),
                Step::Populate => plan.populate.push(statement),
                Step::Last => {
                    if is_view_owner(&statement.sql) {
                        owner_put_last = Some(statement.file.clone());
                    }
                    plan.last.push(statement)
                }
                Step::CreatePopulated { no_data, refresh } => {
                    plan.populate.push(SourceStatement {
                        sql: refresh,
                        ..statement.clone()
                    });
                    plan.objects.push(SourceStatement {
                        sql: no_data,
                        ..statement
                    });
                }
            }
        }
        plan
    }

    pub fn len(&self) -> usize {
        self.objects.len() + self.populate.len() + self.last.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A GRANT or REVOKE, alone or run as its grantor (`SET SESSION AUTHORIZATION …`).
fn is_privileges(sql: &str) -> bool {
    let start = sql.trim_start();
    ["GRANT ", "REVOKE ", "SET SESSION AUTHORIZATION "]
        .iter()
        .any(|word| {
            start
                .get(..word.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(word))
        })
}

/// `ALTER MATERIALIZED VIEW … OWNER TO …` (what [`step`] puts last besides default privileges).
fn is_view_owner(sql: &str) -> bool {
    let start = sql.trim_start();
    start
        .get(.."ALTER MATERIALIZED".len())
        .is_some_and(|s| s.eq_ignore_ascii_case("ALTER MATERIALIZED"))
}

enum Step {
    Object,
    Populate,
    Last,
    CreatePopulated { no_data: String, refresh: String },
}

/// Where `sql` (one statement) runs; decided from its leading keywords, so that only a
/// materialized view's statement is ever parsed.
fn step(sql: &str) -> Step {
    use pg_query::protobuf::Token;
    // Most statements are neither: a byte search spares them the scanner.
    let mentions = |word: &str| {
        sql.as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    };
    if !mentions("PRIVILEGES") && !mentions("MATERIALIZED") {
        return Step::Object;
    }
    let Ok(tokens) = pg_query::scan_tokens(sql) else {
        return Step::Object;
    };
    let words: Vec<&pg_query::protobuf::ScanToken> = tokens
        .iter()
        .filter(|t| t.token != Token::SqlComment as i32 && t.token != Token::CComment as i32)
        .collect();
    let is = |i: usize, token: Token| words.get(i).is_some_and(|t| t.token == token as i32);
    if is(0, Token::Alter) && is(1, Token::Default) && is(2, Token::Privileges) {
        return Step::Last;
    }
    if is(0, Token::Refresh) && is(1, Token::Materialized) {
        return Step::Populate;
    }
    let owner_to = words
        .windows(2)
        .any(|w| w[0].token == Token::Owner as i32 && w[1].token == Token::To as i32);
    if is(0, Token::Alter) && is(1, Token::Materialized) && owner_to {
        return Step::Last;
    }
    if !(is(0, Token::Create) && is(1, Token::Materialized) && is(2, Token::View)) {
        return Step::Object;
    }
    let Some(name) = materialized_view_filled(sql) else {
        return Step::Object;
    };
    // The statement's end, before any `;`: `WITH DATA` becomes `WITH NO DATA`, and a statement
    // that says neither gets `WITH NO DATA` appended.
    let mut end = words.len();
    if end > 0 && is(end - 1, Token::Ascii59) {
        end -= 1;
    }
    let Some(last) = end.checked_sub(1).and_then(|i| words.get(i)) else {
        return Step::Object;
    };
    let no_data = if end >= 2 && is(end - 2, Token::With) && is(end - 1, Token::DataP) {
        let with = words[end - 2].start as usize;
        format!("{}WITH NO DATA{}", &sql[..with], &sql[last.end as usize..])
    } else {
        let at = last.end as usize;
        format!("{} WITH NO DATA{}", &sql[..at], &sql[at..])
    };
    Step::CreatePopulated {
        no_data,
        refresh: format!("REFRESH MATERIALIZED VIEW {name}"),
    }
}

/// The syntax tree of the first statement of `sql`, when it parses.
pub(crate) fn first_statement(sql: &str) -> Option<pg_query::NodeEnum> {
    pg_query::parse(sql, 0)
        .ok()?
        .protobuf
        .stmts
        .into_iter()
        .next()?
        .stmt?
        .node
}

/// The quoted name of the materialized view `sql` creates, when it is created filled.
fn materialized_view_filled(sql: &str) -> Option<String> {
    use pg_query::NodeEnum;
    let NodeEnum::CreateTableAsStmt(create) = first_statement(sql)? else {
        return None;
    };
    let into = create.into.as_ref()?;
    if into.skip_data {
        return None;
    }
    let rel = into.rel.as_ref()?;
    let name = crate::emit::sql::ident(&rel.relname);
    Some(if rel.schemaname.is_empty() {
        name
    } else {
        format!("{}.{name}", crate::emit::sql::ident(&rel.schemaname))
    })
}

/// Runs `statements` against `client` (autocommit: every statement is atomic on its own) in
/// the order of a [`LoadPlan`], retrying those that fail until a pass makes no progress.
/// Returns how many ran.
pub async fn load_statements(client: &Client, statements: Vec<SourceStatement>) -> Result<usize> {
    // String function bodies may name objects from later files (see layout::render).
    client
        .batch_execute(crate::layout::CHECK_FUNCTION_BODIES_OFF)
        .await
        .map_err(|e| Error::Database(e.to_string()))?;
    let plan = LoadPlan::new(statements);
    let total = plan.len();
    for group in [plan.objects, plan.populate, plan.last] {
        load_with_retries(client, group).await?;
    }
    Ok(total)
}

async fn load_with_retries(client: &Client, statements: Vec<SourceStatement>) -> Result<()> {
    let mut pending = statements;
    loop {
        let attempted = pending.len();
        let mut failed: Vec<(SourceStatement, String)> = Vec::new();
        for statement in pending {
            if let Err(e) = client.batch_execute(&statement.sql).await {
                let message = match e.as_db_error() {
                    Some(db) => db.message().to_string(),
                    None => e.to_string(),
                };
                if e.as_db_error().is_none() {
                    // Not a statement error: the connection is gone.
                    return Err(Error::Database(message));
                }
                failed.push((statement, message));
            }
        }
        let stuck = failed.len() == attempted;
        match failed.first() {
            None => return Ok(()),
            Some((statement, message)) if stuck => {
                return Err(Error::Source {
                    file: statement.file.clone(),
                    line: statement.line,
                    column: statement.column,
                    message: message.clone(),
                })
            }
            Some(_) => {}
        }
        pending = failed.into_iter().map(|(s, _)| s).collect();
    }
}

/// Loads the tree at `root` into the database of `client`.
pub async fn load_tree(client: &Client, root: &Path) -> Result<usize> {
    let statements = read_statements(root)?;
    load_statements(client, statements).await
}

#[cfg(test)]
mod offset_tests {
    use super::*;

    #[test]
    fn offsets_of_lines_and_columns() {
        let text = "a;\n  é; b;\n";
        assert_eq!(offset_of(text, 1, 1), 0);
        assert_eq!(offset_of(text, 2, 3), 5);
        assert_eq!(&text[offset_of(text, 2, 6)..offset_of(text, 2, 6) + 1], "b");
        assert_eq!(offset_of(text, 9, 1), text.len());
    }

    #[test]
    fn a_byte_order_mark_is_not_sql() {
        let split = split(Path::new("f.sql"), "\u{FEFF}CREATE TABLE t (id int);\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(split[0].sql, "CREATE TABLE t (id int)");
        assert!(matches!(
            split_err("SELECT 1;\nSELECT\u{0}2;"),
            Error::Source {
                line: 2,
                column: 7,
                ..
            }
        ));
    }

    fn split_err(text: &str) -> Error {
        match split(Path::new("f.sql"), text) {
            Err(e) => e,
            Ok(_) => panic!("{text:?} split"),
        }
    }
}

#[cfg(test)]
mod plan_tests {
    use super::*;

    fn statement(sql: &str) -> SourceStatement {
        SourceStatement {
            file: PathBuf::from("f.sql"),
            line: 1,
            column: 1,
            sql: sql.to_string(),
            annotation: None,
        }
    }

    fn plan(sqls: &[&str]) -> (Vec<String>, Vec<String>, Vec<String>) {
        let plan = LoadPlan::new(sqls.iter().map(|s| statement(s)).collect());
        let text = |v: Vec<SourceStatement>| v.into_iter().map(|s| s.sql).collect();
        (text(plan.objects), text(plan.populate), text(plan.last))
    }

    #[test]
    fn filled_materialized_views_are_created_empty_and_refreshed_after_everything() {
        let (objects, populate, last) = plan(&[
            "CREATE MATERIALIZED VIEW app.a AS SELECT 1\n  WITH DATA",
            "create materialized view \"Odd\".\"M v\" as select 2 -- trailing",
            "CREATE MATERIALIZED VIEW app.c AS SELECT 3 WITH NO DATA",
            "REFRESH MATERIALIZED VIEW app.c",
            "CREATE TABLE app.t (materialized int)",
            "/* hardening */ ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC",
            "GRANT SELECT ON app.t TO PUBLIC",
            "ALTER MATERIALIZED VIEW app.a OWNER TO app_owner",
            "REVOKE INSERT ON TABLE app.a FROM app_owner",
            "SET SESSION AUTHORIZATION app_owner;\nGRANT SELECT ON TABLE app.a TO x WITH GRANT OPTION;\nRESET SESSION AUTHORIZATION",
            "CREATE TABLE app.u (id int)",
            "REVOKE SELECT ON app.u FROM app_owner",
        ]);
        assert_eq!(
            objects,
            [
                "CREATE MATERIALIZED VIEW app.a AS SELECT 1\n  WITH NO DATA",
                "create materialized view \"Odd\".\"M v\" as select 2 WITH NO DATA -- trailing",
                "CREATE MATERIALIZED VIEW app.c AS SELECT 3 WITH NO DATA",
                "CREATE TABLE app.t (materialized int)",
                "GRANT SELECT ON app.t TO PUBLIC",
                "CREATE TABLE app.u (id int)",
                "REVOKE SELECT ON app.u FROM app_owner",
            ]
        );
        assert_eq!(
            populate,
            [
                "REFRESH MATERIALIZED VIEW app.a",
                "REFRESH MATERIALIZED VIEW \"Odd\".\"M v\"",
                "REFRESH MATERIALIZED VIEW app.c",
            ]
        );
        assert_eq!(
            last,
            [
                "/* hardening */ ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC",
                "ALTER MATERIALIZED VIEW app.a OWNER TO app_owner",
                "REVOKE INSERT ON TABLE app.a FROM app_owner",
                "SET SESSION AUTHORIZATION app_owner;\nGRANT SELECT ON TABLE app.a TO x WITH GRANT OPTION;\nRESET SESSION AUTHORIZATION",
            ]
        );
    }
}

#[cfg(test)]
mod split_tests {
    use super::*;

    fn sqls(text: &str) -> Vec<(usize, String)> {
        split(Path::new("f.sql"), text)
            .unwrap_or_default()
            .into_iter()
            .map(|s| (s.line, s.sql))
            .collect()
    }

    #[test]
    fn a_grant_given_as_another_role_loads_as_one_statement() {
        let text = "GRANT USAGE ON SCHEMA s TO lead WITH GRANT OPTION;\n\
                    SET SESSION AUTHORIZATION lead;\n\
                    GRANT USAGE ON SCHEMA s TO analyst;\n\
                    RESET SESSION AUTHORIZATION;\n\
                    CREATE TABLE s.t (id int);\n";
        assert_eq!(
            sqls(text),
            vec![
                (
                    1,
                    "GRANT USAGE ON SCHEMA s TO lead WITH GRANT OPTION".to_string()
                ),
                (
                    2,
                    "SET SESSION AUTHORIZATION lead;\nGRANT USAGE ON SCHEMA s TO analyst;\n\
                     RESET SESSION AUTHORIZATION"
                        .to_string()
                ),
                (5, "CREATE TABLE s.t (id int)".to_string()),
            ]
        );
        // Without its RESET, nothing is joined.
        let text = "SET SESSION AUTHORIZATION lead;\nCREATE TABLE t (id int);\n";
        assert_eq!(sqls(text).len(), 2);
    }
}
