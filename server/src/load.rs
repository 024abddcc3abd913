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
        // The parser reports no position: find the first statement that does not parse.
        let (line, column, message) = first_syntax_error(text).unwrap_or_else(|| {
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
    Ok(pieces
        .into_iter()
        .filter(|piece| !piece.trim().is_empty())
        .map(|piece| {
            let offset = (piece.as_ptr() as usize).saturating_sub(base);
            let leading = piece.len() - piece.trim_start().len();
            let (line, column) = line_column(original, offset + leading);
            SourceStatement {
                file: file.to_path_buf(),
                line,
                column,
                sql: piece.trim().to_string(),
            }
        })
        .collect())
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

fn first_syntax_error(text: &str) -> Option<(usize, usize, String)> {
    let base = text.as_ptr() as usize;
    let pieces = pg_query::split_with_scanner(text).ok()?;
    pieces.into_iter().find_map(|piece| {
        let err = pg_query::parse(piece, 0).err()?;
        let offset = (piece.as_ptr() as usize).saturating_sub(base);
        let leading = piece.len() - piece.trim_start().len();
        let (line, column) = line_column(text, offset + leading);
        Some((line, column, err.to_string()))
    })
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
    let work = &work;
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

/// Runs `statements` against `client` (autocommit: every statement is atomic on its own),
/// retrying those that fail until a pass makes no progress. Returns how many ran.
pub async fn load_statements(client: &Client, statements: Vec<SourceStatement>) -> Result<usize> {
    // String function bodies may name objects from later files (see layout::render).
    client
        .batch_execute(crate::layout::CHECK_FUNCTION_BODIES_OFF)
        .await
        .map_err(|e| Error::Database(e.to_string()))?;
    let total = statements.len();
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
            None => return Ok(total),
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
