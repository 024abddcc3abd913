//! The parse cache: `pg-flux verify` run after run reads the same tree, and parsing it (every
//! statement through pg_query) is most of the time it spends on the source (2.5 s for a tree of
//! 10,000 tables on two cores, 0.3 s from the cache). One entry per schema directory, default
//! schema and build (see [`crate::cache`]) holds, for each file by its path under the root, the
//! digest of its content and its [`FileModel`]: a file whose content is unchanged is not parsed
//! again, whatever its timestamps say; a changed, new or moved file is.
//!
//! Spans are stored without their file and given the file's path when read back, so a model
//! from the cache equals a fresh parse. An entry that does not read back whole (truncated,
//! corrupted, another directory's) is ignored and written anew.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{extract, FileModel};
use crate::error::Result;
use crate::load;

/// Changes when the entry's layout does (the build id covers the types stored in it).
const FORMAT: &str = "source-cache-1";

/// Entries kept: the schema directories whose entries were written last (an entry is smaller
/// than the tree's SQL).
const KEEP: usize = 16;

/// A file's content digest (SHA-256).
type Content = [u8; 32];

/// An entry as written (postcard, then the SHA-256 of those bytes): each file's path under the
/// root, content digest and model.
#[derive(Serialize)]
struct EntryOut<'a> {
    key: &'a str,
    files: Vec<(&'a str, &'a Content, &'a FileModel)>,
}

/// An entry as read back.
#[derive(Deserialize)]
struct EntryIn {
    key: String,
    files: Vec<(String, Content, FileModel)>,
}

/// One file as loaded.
struct Loaded {
    file: PathBuf,
    /// The path under the root, as the entry names it (`None`: not UTF-8, never cached).
    relative: Option<String>,
    /// `None` when there is no cache.
    content: Option<Content>,
    model: FileModel,
    parsed: bool,
}

/// Every `*.sql` file under `root` (in load order) with what it declares, from the entry in
/// `cache_dir` for files whose content is unchanged, parsed for the rest; and how many were
/// parsed.
pub(super) fn load_files(
    root: &Path,
    default_schema: &str,
    cache_dir: Option<&Path>,
) -> Result<(Vec<(PathBuf, FileModel)>, usize)> {
    let files = load::source_files(root)?;
    let entry = cache_dir.and_then(|dir| entry_path(dir, root, default_schema));
    let cached = Mutex::new(match &entry {
        Some((path, key)) => read_entry(path, key),
        None => HashMap::new(),
    });
    let loaded = load::per_file(&files, |file| {
        let bytes = std::fs::read(file).map_err(|e| crate::Error::io(file, e))?;
        let content: Option<Content> = entry.as_ref().map(|_| Sha256::digest(&bytes).into());
        let text = load::decode_source(file, bytes)?;
        let relative = relative(root, file);
        let hit = match (&relative, &content) {
            (Some(relative), Some(content)) => cached
                .lock()
                .ok()
                .and_then(|mut cached| cached.remove(relative))
                .filter(|(was, _)| was == content)
                .map(|(_, model)| with_file(model, file)),
            _ => None,
        };
        let parsed = hit.is_none();
        let model = hit.unwrap_or_else(|| extract::file_model(file, &text, default_schema));
        Ok(Loaded {
            file: file.to_path_buf(),
            relative,
            content,
            model,
            parsed,
        })
    })?;
    let parsed = loaded.iter().filter(|l| l.parsed).count();
    if let Some((path, key)) = &entry {
        crate::inspect::trace(&format!(
            "source cache: {parsed} of {} files parsed",
            loaded.len()
        ));
        // What is left of the old entry are files no longer in the tree.
        let removed = cached.lock().map_or(true, |cached| !cached.is_empty());
        let stored = |l: &Loaded| l.relative.is_some() && l.content.is_some();
        if removed || loaded.iter().any(|l| l.parsed && stored(l)) {
            write_entry(path, key, &loaded);
            if let Some(dir) = path.parent() {
                crate::cache::prune(dir, KEEP);
            }
        }
    }
    let files = loaded.into_iter().map(|l| (l.file, l.model)).collect();
    Ok((files, parsed))
}

/// The entry's file and key for `root` read with `default_schema`: `None` when the root has no
/// canonical path to key it by.
fn entry_path(dir: &Path, root: &Path, default_schema: &str) -> Option<(PathBuf, String)> {
    let root = root.canonicalize().ok()?;
    let key = crate::cache::digest([
        FORMAT.as_bytes(),
        crate::cache::BUILD_ID.as_bytes(),
        root.to_str()?.as_bytes(),
        default_schema.as_bytes(),
    ]);
    Some((dir.join(&key), key))
}

fn relative(root: &Path, file: &Path) -> Option<String> {
    file.strip_prefix(root).ok()?.to_str().map(str::to_string)
}

/// The entry's files by relative path (content digest, model); empty when there is no entry or
/// it does not read back whole.
fn read_entry(path: &Path, key: &str) -> HashMap<String, (Content, FileModel)> {
    let Some(bytes) = crate::cache::read(path) else {
        return HashMap::new();
    };
    let entry = bytes
        .len()
        .checked_sub(32)
        .map(|at| bytes.split_at(at))
        .filter(|(body, checksum)| Sha256::digest(body).as_slice() == *checksum)
        .and_then(|(body, _)| postcard::from_bytes::<EntryIn>(body).ok())
        .filter(|entry| entry.key == key);
    match entry {
        Some(entry) => entry
            .files
            .into_iter()
            .map(|(relative, content, model)| (relative, (content, model)))
            .collect(),
        None => {
            crate::inspect::trace(&format!("source cache: ignored {}", path.display()));
            HashMap::new()
        }
    }
}

fn write_entry(path: &Path, key: &str, loaded: &[Loaded]) {
    let files = loaded
        .iter()
        .filter_map(|l| Some((l.relative.as_deref()?, l.content.as_ref()?, &l.model)))
        .collect();
    match postcard::to_stdvec(&EntryOut { key, files }) {
        Ok(mut bytes) => {
            let checksum = Sha256::digest(&bytes);
            bytes.extend_from_slice(&checksum);
            crate::cache::write(path, &bytes);
        }
        Err(e) => crate::inspect::trace(&format!("source cache: not written: {e}")),
    }
}

/// A stored model with every span in `file`.
fn with_file(mut model: FileModel, file: &Path) -> FileModel {
    let spans = model
        .declarations
        .iter_mut()
        .map(|d| &mut d.span)
        .chain(model.untracked.iter_mut().map(|p| &mut p.span))
        .chain(model.syntax_error.iter_mut().map(|p| &mut p.span));
    let file: std::sync::Arc<Path> = std::sync::Arc::from(file);
    for span in spans {
        span.file = file.clone();
    }
    model
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceModel;

    fn tempdir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
    }

    fn put(root: &Path, relative: &str, text: &str) {
        let path = root.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    }

    /// The tree loaded through the cache in `cache`, and how many files were parsed.
    fn load(root: &Path, cache: &Path) -> (SourceModel, usize) {
        load_with(root, "public", Some(cache))
    }

    fn load_with(root: &Path, schema: &str, cache: Option<&Path>) -> (SourceModel, usize) {
        let (files, parsed) = load_files(root, schema, cache).unwrap_or_else(|e| panic!("{e}"));
        let mut model = SourceModel::new(schema);
        model.files.extend(files);
        (model, parsed)
    }

    /// The tree parsed file by file, as without a cache.
    fn fresh(root: &Path) -> SourceModel {
        load_with(root, "public", None).0
    }

    /// The two models say exactly the same: files, declarations with their spans, problems.
    fn assert_same(got: &SourceModel, want: &SourceModel) {
        assert_eq!(got.files, want.files);
        let identities = |m: &SourceModel| {
            let mut all: Vec<String> = m
                .declared()
                .into_iter()
                .flat_map(|(id, decls)| decls.into_iter().map(move |d| format!("{id} {}", d.span)))
                .collect();
            all.sort();
            all
        };
        assert_eq!(identities(got), identities(want));
        assert_eq!(got.problems(), want.problems());
    }

    fn declares(model: &SourceModel, table: &str) -> bool {
        model
            .declared()
            .keys()
            .any(|id| id.kind == crate::identity::ObjectKind::Table && &*id.name == table)
    }

    /// A tree with declarations, an untracked statement, a duplicate, a byte-order mark and a
    /// file that does not parse.
    fn sample() -> tempfile::TempDir {
        let root = tempdir();
        put(
            root.path(),
            "tables/a.sql",
            "create table t1 (id int primary key);\n",
        );
        put(
            root.path(),
            "tables/b.sql",
            "\u{FEFF}-- b\ncreate table b (x text);\ncreate index on b (x);\n\
             grant select on b to public;\nDO $$ BEGIN END $$;\n",
        );
        put(root.path(), "other/dup.sql", "create table b (y int);\n");
        put(
            root.path(),
            "broken.sql",
            "create table ok (x int);\ncreate tabel nope;\n",
        );
        root
    }

    fn only_entry(cache: &Path) -> PathBuf {
        let entries: Vec<PathBuf> = std::fs::read_dir(cache)
            .unwrap_or_else(|e| panic!("{e}"))
            .map(|e| e.unwrap_or_else(|e| panic!("{e}")).path())
            .collect();
        assert_eq!(entries.len(), 1, "{entries:?}");
        entries[0].clone()
    }

    #[test]
    fn a_second_load_parses_nothing_and_equals_the_first() {
        let (root, cache) = (sample(), tempdir());
        let (first, parsed) = load(root.path(), cache.path());
        assert_eq!(parsed, 4);
        assert_same(&first, &fresh(root.path()));
        let (second, parsed) = load(root.path(), cache.path());
        assert_eq!(parsed, 0);
        assert_same(&second, &first);
        assert!(declares(&second, "t1") && declares(&second, "b"));
        assert!(second
            .problems()
            .iter()
            .any(|p| p.message.contains("declared twice")));
        assert!(second
            .problems()
            .iter()
            .any(|p| p.message.contains("`DO $$ …`")));
    }

    #[test]
    fn a_changed_file_is_parsed_again() {
        let (root, cache) = (sample(), tempdir());
        load(root.path(), cache.path());
        // Same length, so that only the content tells.
        put(
            root.path(),
            "tables/a.sql",
            "create table t2 (id int primary key);\n",
        );
        let (model, parsed) = load(root.path(), cache.path());
        assert_eq!(parsed, 1);
        assert!(declares(&model, "t2") && !declares(&model, "t1"));
        assert_same(&model, &fresh(root.path()));
        let (again, parsed) = load(root.path(), cache.path());
        assert_eq!(parsed, 0);
        assert_same(&again, &model);
    }

    #[test]
    fn a_syntax_error_stays_an_error_from_the_cache() {
        let (root, cache) = (sample(), tempdir());
        let (first, _) = load(root.path(), cache.path());
        let (second, parsed) = load(root.path(), cache.path());
        assert_eq!(parsed, 0);
        let error = |m: &SourceModel| m.first_syntax_error().map(|e| e.to_string());
        let shown = error(&second).unwrap_or_else(|| panic!("no syntax error from the cache"));
        assert!(shown.contains("broken.sql:2:"), "{shown}");
        assert_eq!(error(&second), error(&first));
        // Fixed, it declares again.
        put(
            root.path(),
            "broken.sql",
            "create table ok (x int);\ncreate table yes ();\n",
        );
        let (fixed, parsed) = load(root.path(), cache.path());
        assert_eq!(parsed, 1);
        assert!(fixed.first_syntax_error().is_none() && declares(&fixed, "yes"));
    }

    #[test]
    fn a_removed_file_disappears_from_the_model_and_the_entry() {
        let (root, cache) = (sample(), tempdir());
        load(root.path(), cache.path());
        std::fs::remove_file(root.path().join("other/dup.sql")).unwrap_or_else(|e| panic!("{e}"));
        let (model, parsed) = load(root.path(), cache.path());
        assert_eq!(parsed, 0);
        assert_same(&model, &fresh(root.path()));
        assert!(!model
            .problems()
            .iter()
            .any(|p| p.message.contains("declared twice")));
        let (entry, key) = entry_path(cache.path(), root.path(), "public")
            .unwrap_or_else(|| panic!("no entry path"));
        let mut stored: Vec<String> = read_entry(&entry, &key).into_keys().collect();
        stored.sort();
        assert_eq!(stored, ["broken.sql", "tables/a.sql", "tables/b.sql"]);
    }

    #[test]
    fn a_renamed_file_has_its_new_path_in_every_span() {
        let (root, cache) = (sample(), tempdir());
        load(root.path(), cache.path());
        let (from, to) = (
            root.path().join("tables/b.sql"),
            root.path().join("moved/c.sql"),
        );
        std::fs::create_dir_all(root.path().join("moved")).unwrap_or_else(|e| panic!("{e}"));
        std::fs::rename(&from, &to).unwrap_or_else(|e| panic!("{e}"));
        let (model, _) = load(root.path(), cache.path());
        assert_same(&model, &fresh(root.path()));
        let moved = model.files.get(&to).unwrap_or_else(|| panic!("{model:?}"));
        assert!(!moved.declarations.is_empty() && !moved.untracked.is_empty());
        let spans = moved.declarations.iter().map(|d| &d.span);
        assert!(spans
            .chain(moved.untracked.iter().map(|p| &p.span))
            .all(|s| *s.file == *to));
        assert!(!model.files.contains_key(&from));
    }

    #[test]
    fn an_entry_that_does_not_read_back_whole_is_ignored() {
        let (root, cache) = (sample(), tempdir());
        let (first, _) = load(root.path(), cache.path());
        let entry = only_entry(cache.path());
        let whole = std::fs::read(&entry).unwrap_or_else(|e| panic!("{e}"));
        // Another directory's entry under this one's name: it reads back, for another key.
        let other = tempdir();
        put(
            other.path(),
            "tables/a.sql",
            "create table t1 (id int primary key);\n",
        );
        let other_cache = tempdir();
        load(other.path(), other_cache.path());
        let foreign =
            std::fs::read(only_entry(other_cache.path())).unwrap_or_else(|e| panic!("{e}"));
        // One byte changed in the middle (a model's, most likely), keeping the length.
        let mut flipped = whole.clone();
        let at = whole.len() / 2;
        flipped[at] = if whole[at] == b'1' { b'2' } else { b'1' };
        let broken: [&[u8]; 5] = [
            b"garbage",
            b"",
            &whole[..whole.len() / 2],
            &flipped,
            &foreign,
        ];
        for bytes in broken {
            std::fs::write(&entry, bytes).unwrap_or_else(|e| panic!("{e}"));
            let (model, parsed) = load(root.path(), cache.path());
            assert_eq!(parsed, 4);
            assert_same(&model, &first);
            // Written again, whole.
            assert_eq!(load(root.path(), cache.path()).1, 0);
        }
    }

    #[test]
    fn an_unwritable_cache_folder_is_skipped() {
        let (root, dir) = (sample(), tempdir());
        // A file where the folder would be: nothing can be created in it.
        let blocked = dir.path().join("file");
        put(dir.path(), "file", "not a folder");
        let cache = blocked.join("source");
        for _ in 0..2 {
            let (model, parsed) = load(root.path(), &cache);
            assert_eq!(parsed, 4);
            assert_same(&model, &fresh(root.path()));
        }
    }

    #[test]
    fn each_default_schema_has_its_own_entry() {
        let (root, cache) = (sample(), tempdir());
        let (public, _) = load_with(root.path(), "public", Some(cache.path()));
        let (app, parsed) = load_with(root.path(), "app", Some(cache.path()));
        assert_eq!(parsed, 4);
        let schemas = |m: &SourceModel| {
            let mut all: Vec<Option<String>> = m
                .declared()
                .keys()
                .filter(|id| &*id.name == "t1")
                .map(|id| id.schema.as_deref().map(str::to_string))
                .collect();
            all.sort();
            all
        };
        assert_eq!(schemas(&public), [Some("public".to_string())]);
        assert_eq!(schemas(&app), [Some("app".to_string())]);
        assert_eq!(load_with(root.path(), "app", Some(cache.path())).1, 0);
        assert_eq!(load_with(root.path(), "public", Some(cache.path())).1, 0);
    }
}
