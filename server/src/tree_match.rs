//! Whether a source tree is byte for byte what `dump` writes for a catalog. Such a tree
//! declares that very catalog (the round-trip promise, which the fixtures and the corpus
//! prove on every major), so loading it into a shadow database would only give the catalog
//! back: `migrate generate` and the drift checks skip the shadow for it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::emit::Block;
use crate::layout::{self, Layout};

/// True when the `*.sql` files under `root` (`_pulled/` aside, as the loader reads them) are
/// exactly the files `blocks` render to, in either layout. Reading stops at the first file
/// that differs; a tree that cannot be read is left to the loader to report.
pub fn source_is_dump(root: &Path, blocks: &[Block]) -> bool {
    let Ok(files) = crate::load::source_files(root) else {
        return false;
    };
    let relative: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| f.strip_prefix(root).ok().map(Path::to_path_buf))
        .collect();
    relative.len() == files.len()
        && files_are_dump(&relative, blocks, |file| {
            std::fs::read(root.join(file)).ok()
        })
}

/// As [`source_is_dump`] for the files `relative` (paths under the source root), whose
/// contents `read` gives (an editor's unsaved text, say).
pub fn files_are_dump(
    relative: &[PathBuf],
    blocks: &[Block],
    read: impl Fn(&Path) -> Option<Vec<u8>> + Sync,
) -> bool {
    let flat = relative.len() == 1 && relative[0] == Path::new(layout::FLAT_FILE);
    let rendered = layout::render(blocks, if flat { Layout::Flat } else { Layout::PerKind });
    if rendered.len() != relative.len() || !relative.iter().all(|r| rendered.contains_key(r)) {
        return false;
    }
    let differs = AtomicBool::new(false);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8));
    let chunk = relative.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for part in relative.chunks(chunk) {
            let (differs, rendered, read) = (&differs, &rendered, &read);
            scope.spawn(move || {
                for file in part {
                    if differs.load(Ordering::Relaxed) {
                        return;
                    }
                    let same = read(file).is_some_and(|bytes| {
                        rendered
                            .get(file)
                            .is_some_and(|text| text.as_bytes() == bytes)
                    });
                    if !same {
                        differs.store(true, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    !differs.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::{Dir, FilePlace};
    use crate::model::{CatalogRef, QualifiedName};

    fn blocks() -> Vec<Block> {
        let table = |name: &str| {
            Block::new(
                FilePlace::in_schema(Dir::Tables, &QualifiedName::new("public", name)),
                CatalogRef::Relation(1),
                format!("CREATE TABLE public.{name} (id integer);\n"),
            )
        };
        vec![table("a"), table("b")]
    }

    #[test]
    fn a_tree_matches_only_its_exact_dump() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        let tree = layout::render(&blocks(), Layout::PerKind);
        layout::write_tree(root, &tree, false).unwrap_or_else(|e| panic!("{e}"));
        assert!(source_is_dump(root, &blocks()));
        // Pulled captures are not source.
        std::fs::create_dir_all(root.join("_pulled")).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(root.join("_pulled/x.sql"), "CREATE TABLE x ();\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(source_is_dump(root, &blocks()));
        // One byte more in one file, a file more, a file less: not the dump.
        let a = root.join("tables/public.a.sql");
        std::fs::write(&a, "CREATE TABLE public.a (id integer);\n\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!source_is_dump(root, &blocks()));
        std::fs::write(&a, "CREATE TABLE public.a (id integer);\n")
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(root.join("tables/extra.sql"), "").unwrap_or_else(|e| panic!("{e}"));
        assert!(!source_is_dump(root, &blocks()));
        std::fs::remove_file(root.join("tables/extra.sql")).unwrap_or_else(|e| panic!("{e}"));
        assert!(!source_is_dump(root, &blocks()[..1]));
        // The flat layout.
        let flat = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let tree = layout::render(&blocks(), Layout::Flat);
        layout::write_tree(flat.path(), &tree, false).unwrap_or_else(|e| panic!("{e}"));
        assert!(source_is_dump(flat.path(), &blocks()));
    }
}
