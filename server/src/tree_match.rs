//! How a source tree stands to what `dump` writes for the live catalog, and what that saves.
//!
//! - A tree that is byte for byte the dump declares that very catalog (the round-trip promise,
//!   which the fixtures and the corpus prove on every major): no shadow is needed.
//! - A tree that is the dump except in a few files declares the live catalog except for what
//!   those files held and whatever depends on it. Only that part goes into the shadow: the
//!   changed files as they are now, the dependents of what they held (their SQL is dump's,
//!   which is their source text), and what all of those need to load. Both sides of the
//!   comparison are then narrowed to the objects loaded ([`Partial::narrow`]), which checks that
//!   the partial load is as good as a full one and says so when it cannot be sure: the caller
//!   then loads everything, as for any other tree.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diff::{objects, Side};
use crate::emit::{self, Block, Dir};
use crate::layout::{self, Layout};
use crate::load::{self, SourceStatement};
use crate::model::{Catalog, CatalogRef, QualifiedName};

/// Changed files beyond this many (or this share of the tree, whichever is more) are not worth
/// a partial load.
const MOST_CHANGED_FILES: usize = 200;
const MOST_CHANGED_SHARE: usize = 20;

/// The live catalog's dump, indexed for matching a tree against it: its blocks, their files,
/// the objects they belong to and which objects need which.
pub struct DumpIndex {
    blocks: Vec<Block>,
    /// Each file of the per-kind layout: its blocks, in order.
    files: BTreeMap<PathBuf, Vec<usize>>,
    /// The object (index into `keys`) each block belongs to, as the diff groups them.
    block_object: Vec<Option<usize>>,
    /// Each object's diff key (UTF-8).
    keys: Lists<u8>,
    /// Each object's catalog refs.
    refs: Lists<CatalogRef>,
    /// Each object's blocks.
    object_blocks: Lists<usize>,
    /// The objects that cannot exist without each object.
    dependents: Lists<usize>,
    /// The objects each object cannot exist without.
    needs: Lists<usize>,
    /// Schemas, and relations, types and routines by schema-qualified name (raw names): what
    /// a changed file may name that its old text did not.
    by_name: HashMap<(String, Option<String>), Vec<usize>>,
    /// Objects every database has (`public`): a shadow holds them whatever it loads.
    everywhere: Vec<usize>,
    /// The hash of every object's key.
    key_hashes: std::sync::Arc<HashSet<u64>>,
    /// Each catalog ref a block provides, with the block, sorted (the SQL that defines an
    /// object: hover reads it instead of a copy per object).
    providers: Vec<(CatalogRef, u32)>,
}

/// Many short lists in two allocations: a `Vec<Vec<T>>` costs a heap block per list, and the
/// index of a 10,000-table database has several lists per object (the language server keeps
/// it).
struct Lists<T> {
    /// Where each list starts in `items`; its end is where the next starts.
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T> Lists<T> {
    fn new<L: IntoIterator<Item = T>>(lists: impl IntoIterator<Item = L>) -> Lists<T> {
        let mut starts = Vec::new();
        let mut items = Vec::new();
        for list in lists {
            starts.push(items.len() as u32);
            items.extend(list);
        }
        starts.push(items.len() as u32);
        starts.shrink_to_fit();
        items.shrink_to_fit();
        Lists { starts, items }
    }

    fn get(&self, i: usize) -> &[T] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&from), Some(&to)) => &self.items[from as usize..to as usize],
            _ => &[],
        }
    }
}

fn key_hash(key: &str) -> u64 {
    use std::hash::BuildHasher;
    std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default()
        .hash_one(key)
}

impl DumpIndex {
    pub fn new(catalog: &Catalog) -> DumpIndex {
        let objects = objects::objects(catalog);
        let by_ref = objects::ref_index(&objects);
        let blocks = emit::emit(catalog);
        let block_object = objects::block_objects(&blocks, &by_ref);
        let mut files: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
        let mut object_blocks = vec![Vec::new(); objects.len()];
        for (i, block) in blocks.iter().enumerate() {
            files
                .entry(layout::file_path(&block.file))
                .or_default()
                .push(i);
            if let Some(o) = block_object[i] {
                object_blocks[o].push(i);
            }
        }
        let mut dependents: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); objects.len()];
        let mut needs: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); objects.len()];
        let mut edge = |referenced: Option<&usize>, dependent: Option<usize>| {
            if let (Some(&a), Some(b)) = (referenced, dependent) {
                if a != b {
                    dependents[a].insert(b);
                    needs[b].insert(a);
                }
            }
        };
        for d in &catalog.dependencies {
            edge(by_ref.get(&d.referenced), by_ref.get(&d.dependent).copied());
        }
        for (block, &o) in blocks.iter().zip(&block_object) {
            for r in &block.requires {
                edge(by_ref.get(r), o);
            }
        }
        let mut by_name: HashMap<(String, Option<String>), Vec<usize>> = HashMap::new();
        for (i, o) in objects.iter().enumerate() {
            if let Some(name) = referable_name(&o.model) {
                by_name.entry(name).or_default().push(i);
            }
        }
        let mut providers: Vec<(CatalogRef, u32)> = blocks
            .iter()
            .enumerate()
            .flat_map(|(i, b)| b.provides.iter().map(move |r| (*r, i as u32)))
            .collect();
        providers.sort_unstable();
        providers.dedup();
        let everywhere = objects
            .iter()
            .enumerate()
            .filter(|(_, o)| matches!(o.model, objects::Model::Schema(s) if s.preexisting))
            .map(|(i, _)| i)
            .collect();
        DumpIndex {
            files,
            by_name,
            everywhere,
            key_hashes: std::sync::Arc::new(objects.iter().map(|o| key_hash(&o.key)).collect()),
            block_object,
            keys: Lists::new(objects.iter().map(|o| o.key.bytes())),
            refs: Lists::new(objects.iter().map(|o| o.refs.iter().copied())),
            object_blocks: Lists::new(object_blocks),
            dependents: Lists::new(dependents),
            needs: Lists::new(needs),
            blocks,
            providers,
        }
    }

    /// What dump writes for the objects `refs` name: the blocks providing them, in dump order.
    /// `None` when no block provides them.
    pub fn sql_providing(&self, refs: &[CatalogRef]) -> Option<String> {
        let mut blocks: Vec<u32> = refs
            .iter()
            .flat_map(|r| {
                let from = self.providers.partition_point(|(p, _)| p < r);
                self.providers[from..]
                    .iter()
                    .take_while(move |(p, _)| p == r)
                    .map(|(_, b)| *b)
            })
            .collect();
        blocks.sort_unstable();
        blocks.dedup();
        let sql: String = blocks
            .iter()
            .filter_map(|&b| self.blocks.get(b as usize))
            .map(|b| b.sql.as_str())
            .collect();
        (!sql.is_empty()).then_some(sql)
    }

    fn key(&self, object: usize) -> String {
        String::from_utf8_lossy(self.keys.get(object)).into_owned()
    }

    /// What dump writes into `file` of the per-kind layout.
    fn rendered(&self, file: &Path) -> Option<String> {
        let blocks = self.files.get(file)?;
        let mut text = String::new();
        for &b in blocks {
            layout::append_block(&mut text, &self.blocks[b].sql);
        }
        Some(text)
    }

    fn is_flat_dump(&self, read: &dyn Fn(&Path) -> Option<Vec<u8>>) -> bool {
        let flat = layout::render(&self.blocks, Layout::Flat);
        flat.iter()
            .all(|(file, text)| read(file).is_some_and(|bytes| bytes == text.as_bytes()))
    }
}

/// The name source text uses for an object it may refer to: (schema, None) for a schema,
/// (schema, Some(name)) for what lives in one and is named schema-qualified.
fn referable_name(model: &objects::Model) -> Option<(String, Option<String>)> {
    use objects::Model;
    let named = |n: &QualifiedName| Some((n.schema.clone(), Some(n.name.clone())));
    match model {
        Model::Schema(s) => Some((s.name.clone(), None)),
        Model::Type(t) => named(&t.name),
        Model::Domain(d) => named(&d.name),
        Model::Sequence(s) => named(&s.name),
        Model::Table(t) => named(&t.name),
        Model::View(v) => named(&v.name),
        Model::Function(f) => named(&f.name),
        Model::ForeignTable(t) => named(&t.name),
        _ => None,
    }
}

/// The schema-qualified names in `sql` (`a.b`, `"A".b`, …) as raw names, with each schema
/// alone too. Unqualified names are not found: a changed file that uses one for an object it
/// did not use before fails to load partially, and the whole source loads.
fn qualified_names(sql: &str) -> HashSet<(String, Option<String>)> {
    let mut out = HashSet::new();
    let bytes = sql.as_bytes();
    let mut i = 0;
    // The previous identifier and whether a dot followed it.
    let mut previous: Option<String> = None;
    let mut dotted = false;
    while i < bytes.len() {
        let c = bytes[i];
        let word = if c == b'"' {
            let mut name = String::new();
            let mut j = i + 1;
            while j < bytes.len() {
                if bytes[j] == b'"' {
                    if bytes.get(j + 1) == Some(&b'"') {
                        name.push('"');
                        j += 2;
                        continue;
                    }
                    break;
                }
                let start = j;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += 1;
                }
                name.push_str(&sql[start..j]);
            }
            i = j + 1;
            Some(name)
        } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric()
                    || bytes[i] == b'_'
                    || bytes[i] == b'$'
                    || bytes[i] >= 0x80)
            {
                i += 1;
            }
            Some(sql[start..i].to_lowercase())
        } else {
            if c == b'.' && previous.is_some() {
                dotted = true;
            } else if !c.is_ascii_whitespace() {
                previous = None;
                dotted = false;
            }
            i += 1;
            None
        };
        if let Some(word) = word {
            if let (Some(schema), true) = (previous.take(), dotted) {
                out.insert((schema.clone(), None));
                out.insert((schema, Some(word.clone())));
            }
            previous = Some(word);
            dotted = false;
        }
    }
    out
}

/// How much of the source a comparison loaded into the shadow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShadowUse {
    /// None: the source is the live database's dump.
    Skipped,
    /// The changed files, with the live objects they touch.
    Partial { files: usize, objects: usize },
    /// All of it.
    #[default]
    Full,
}

impl ShadowUse {
    pub fn name(self) -> &'static str {
        match self {
            ShadowUse::Skipped => "skipped",
            ShadowUse::Partial { .. } => "partial",
            ShadowUse::Full => "full",
        }
    }
}

/// How a tree stands to the dump.
pub enum SourceMatch {
    /// Byte for byte the dump.
    Dump,
    /// The dump except in a few files: what to load instead of the whole tree.
    Changed(Box<Partial>),
    /// Anything else: the whole tree loads.
    Other,
}

/// True when every `*.sql` file under `root` is where dump could have written it: in one of
/// its folders, or its flat file. Only such a tree can be (nearly) the dump.
pub fn dump_shaped(root: &Path) -> bool {
    let Ok(files) = load::source_files(root) else {
        return false;
    };
    files.iter().all(|file| {
        let relative = file.strip_prefix(root).unwrap_or(file);
        relative == Path::new(layout::FLAT_FILE)
            || relative.components().count() == 2
                && relative
                    .components()
                    .next()
                    .is_some_and(|top| Dir::ALL.iter().any(|d| top.as_os_str() == d.name()))
    })
}

/// True when the `*.sql` files under `root` (`_pulled/` aside, as the loader reads them) are
/// exactly what dump writes for the catalog `index` was made from, in either layout.
pub fn source_is_dump(root: &Path, index: &DumpIndex) -> bool {
    matches!(match_tree(root, index), SourceMatch::Dump)
}

/// [`match_files`] for the tree at `root` as it is on disk; a tree that cannot be read is
/// left to the loader to report.
pub fn match_tree(root: &Path, index: &DumpIndex) -> SourceMatch {
    let Ok(files) = load::source_files(root) else {
        return SourceMatch::Other;
    };
    let relative: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| f.strip_prefix(root).ok().map(Path::to_path_buf))
        .collect();
    if relative.len() != files.len() {
        return SourceMatch::Other;
    }
    match_files(&relative, index, |file| std::fs::read(root.join(file)).ok())
}

/// How the files `relative` (paths under the source root), whose contents `read` gives (an
/// editor's unsaved text, say), stand to the dump.
pub fn match_files(
    relative: &[PathBuf],
    index: &DumpIndex,
    read: impl Fn(&Path) -> Option<Vec<u8>> + Sync,
) -> SourceMatch {
    if relative.len() == 1 && relative[0] == Path::new(layout::FLAT_FILE) {
        return if index.is_flat_dump(&read) {
            SourceMatch::Dump
        } else {
            SourceMatch::Other
        };
    }
    let limit = MOST_CHANGED_FILES.max(index.files.len() / MOST_CHANGED_SHARE);
    let mut changed: BTreeSet<PathBuf> = relative
        .iter()
        .filter(|f| !index.files.contains_key(*f))
        .cloned()
        .collect();
    let present: HashSet<&PathBuf> = relative.iter().collect();
    changed.extend(index.files.keys().filter(|f| !present.contains(f)).cloned());
    if changed.len() > limit {
        return SourceMatch::Other;
    }
    // The files both have, compared on a few threads; stops once too many differ.
    let both: Vec<&PathBuf> = relative
        .iter()
        .filter(|f| index.files.contains_key(*f))
        .collect();
    let differing = AtomicUsize::new(changed.len());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8));
    let chunk = both.len().div_ceil(threads).max(1);
    let found: Vec<Vec<PathBuf>> = std::thread::scope(|scope| {
        let workers: Vec<_> = both
            .chunks(chunk)
            .map(|part| {
                let (differing, read) = (&differing, &read);
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for file in part {
                        if differing.load(Ordering::Relaxed) > limit {
                            break;
                        }
                        let same = read(file).is_some_and(|bytes| {
                            index
                                .rendered(file)
                                .is_some_and(|text| text.as_bytes() == bytes)
                        });
                        if !same {
                            differing.fetch_add(1, Ordering::Relaxed);
                            out.push((*file).clone());
                        }
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    changed.extend(found.into_iter().flatten());
    if changed.is_empty() {
        return SourceMatch::Dump;
    }
    if changed.len() > limit {
        return SourceMatch::Other;
    }
    // What the changed files name now, which their old text may not have named.
    let mut named: BTreeSet<usize> = BTreeSet::new();
    for file in &changed {
        if let Some(bytes) = read(file) {
            for name in qualified_names(&String::from_utf8_lossy(&bytes)) {
                named.extend(index.by_name.get(&name).into_iter().flatten());
            }
        }
    }
    Partial::plan(index, changed.into_iter().collect(), named)
        .map_or(SourceMatch::Other, |p| SourceMatch::Changed(Box::new(p)))
}

/// A partial load: the changed files, and the live objects loaded with them.
pub struct Partial {
    /// The changed files (relative to the source root; some may no longer exist), in load order.
    pub changed: Vec<PathBuf>,
    /// What the changed files' objects and their dependents need, as dump writes it: loaded
    /// first.
    support: Vec<(PathBuf, String)>,
    /// The dependents of the changed files' objects outside those files: loaded last.
    dependents: Vec<(PathBuf, String)>,
    /// The refs and keys of every live object loaded from dump's SQL or held by changed files.
    loaded_refs: HashSet<CatalogRef>,
    loaded_keys: HashSet<String>,
    /// The keys of the objects loaded only for others to load.
    support_keys: HashSet<String>,
    /// The hash of every live object's key (shared with the index; a collision can only make
    /// the partial load give way to a full one).
    live_keys: std::sync::Arc<HashSet<u64>>,
}

impl Partial {
    /// `named`: the objects the changed files name now.
    fn plan(index: &DumpIndex, changed: Vec<PathBuf>, named: BTreeSet<usize>) -> Option<Partial> {
        // Event triggers would fire on the load, and default privileges would change what
        // loads after them: the whole tree loads them last.
        let tail = |file: &PathBuf| {
            file.components().next().is_some_and(|c| {
                Dir::ALL
                    .iter()
                    .any(|d| emit::is_tail(*d) && c.as_os_str() == d.name())
            })
        };
        if changed.iter().any(tail) {
            return None;
        }
        let changed_blocks: HashSet<usize> = changed
            .iter()
            .filter_map(|f| index.files.get(f))
            .flatten()
            .copied()
            .collect();
        // What the changed files held, and everything that depends on it, transitively.
        let held: BTreeSet<usize> = changed_blocks
            .iter()
            .filter_map(|&b| index.block_object[b])
            .collect();
        let mut affected: BTreeSet<usize> = held.clone();
        let mut stack: Vec<usize> = held.into_iter().collect();
        while let Some(o) = stack.pop() {
            for &d in index.dependents.get(o) {
                if affected.insert(d) {
                    stack.push(d);
                }
            }
        }
        // What those and what the changed files name need, transitively.
        let mut loaded: BTreeSet<usize> = affected.union(&named).copied().collect();
        loaded.extend(&index.everywhere);
        let mut stack: Vec<usize> = loaded.iter().copied().collect();
        while let Some(o) = stack.pop() {
            for &n in index.needs.get(o) {
                if loaded.insert(n) {
                    stack.push(n);
                }
            }
        }
        let mut loaded_blocks: Vec<usize> = loaded
            .iter()
            .flat_map(|&o| index.object_blocks.get(o).iter().copied())
            .filter(|b| !changed_blocks.contains(b))
            .collect();
        loaded_blocks.sort_unstable();
        let statement = |b: usize| {
            let block = &index.blocks[b];
            (layout::file_path(&block.file), block.sql.clone())
        };
        let (dependents, support): (Vec<usize>, Vec<usize>) = loaded_blocks
            .into_iter()
            .partition(|&b| index.block_object[b].is_some_and(|o| affected.contains(&o)));
        let mut changed = changed;
        load::sort_in_load_order(Path::new(""), &mut changed);
        Some(Partial {
            changed,
            support: support.into_iter().map(statement).collect(),
            dependents: dependents.into_iter().map(statement).collect(),
            loaded_refs: loaded
                .iter()
                .flat_map(|&o| index.refs.get(o).iter().copied())
                .collect(),
            loaded_keys: loaded.iter().map(|&o| index.key(o)).collect(),
            support_keys: loaded
                .difference(&affected)
                .map(|&o| index.key(o))
                .collect(),
            live_keys: index.key_hashes.clone(),
        })
    }

    /// How many live objects the load holds (from dump's SQL or the changed files' old text).
    pub fn loaded_objects(&self) -> usize {
        self.loaded_keys.len()
    }

    /// The statements to load: the support, the changed files (their text as `read` gives it:
    /// `Ok(None)` for a file that is gone), then the dependents. `None` when a changed file
    /// cannot be read or split (the whole load reports why) or carries a rename annotation
    /// (which the whole load resolves against live).
    pub fn statements(
        &self,
        root: &Path,
        read: impl Fn(&Path) -> crate::Result<Option<String>>,
    ) -> Option<Vec<SourceStatement>> {
        let mut out = Vec::new();
        let dumped = |part: &[(PathBuf, String)], out: &mut Vec<SourceStatement>| {
            for (file, sql) in part {
                out.extend(load::split(&root.join(file), sql).ok()?);
            }
            Some(())
        };
        dumped(&self.support, &mut out)?;
        for file in &self.changed {
            let path = root.join(file);
            if let Some(text) = read(&path).ok()? {
                let statements = load::split(&path, &text).ok()?;
                if statements.iter().any(|s| s.annotation.is_some()) {
                    return None;
                }
                out.extend(statements);
            }
        }
        dumped(&self.dependents, &mut out)?;
        Some(out)
    }

    /// The live catalog narrowed to what the shadow was given, when the shadow's catalog
    /// (`declared`, loaded from [`Partial::statements`] without a failure) is what a full load
    /// would make of those objects. `None` when that is not sure:
    /// - the changed files declare an object that lives elsewhere in the tree (a duplicate,
    ///   or a change to an object that was not loaded);
    /// - an object loaded only as support came out differently (a changed file altered it:
    ///   its dependents were not loaded).
    pub fn narrow(&self, live: &Catalog, declared: &Catalog) -> Option<Catalog> {
        let mut narrowed = live.subset(|r| self.loaded_refs.contains(&r));
        for table in &mut narrowed.tables {
            table.constraints.retain(|k| {
                !objects::is_foreign_key(k)
                    || self.loaded_refs.contains(&CatalogRef::Constraint(k.oid))
            });
        }
        let (live_side, declared_side) = Side::pair(&narrowed, declared);
        let foreign = |key: &String| {
            !self.loaded_keys.contains(key) && self.live_keys.contains(&key_hash(key))
        };
        if live_side
            .objects
            .iter()
            .any(|o| !self.loaded_keys.contains(&o.key))
            || declared_side.objects.iter().any(|o| foreign(&o.key))
        {
            return None;
        }
        let same = |key: &String| {
            let (Some(j), Some(i)) = (live_side.find(key), declared_side.find(key)) else {
                return false;
            };
            !crate::diff::differs(&live_side, j, &declared_side, i)
        };
        self.support_keys.iter().all(same).then_some(narrowed)
    }
}

/// Reads a changed source file for [`Partial::statements`] from disk: `Ok(None)` when it is
/// gone, an error when it cannot be read or is not UTF-8.
pub fn read_from_disk(path: &Path) -> crate::Result<Option<String>> {
    match std::fs::read(path) {
        Ok(bytes) => load::decode_source(path, bytes).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(crate::Error::io(path, e)),
    }
}

/// What a partial load loads, for traces.
pub fn describe(partial: &Partial) -> String {
    format!(
        "{} changed file(s), {} live object(s)",
        partial.changed.len(),
        partial.loaded_objects()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::{Dir, FilePlace};
    use crate::model::QualifiedName;

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

    fn index(blocks: Vec<Block>) -> DumpIndex {
        let mut files: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
        for (i, b) in blocks.iter().enumerate() {
            files.entry(layout::file_path(&b.file)).or_default().push(i);
        }
        DumpIndex {
            block_object: vec![None; blocks.len()],
            files,
            keys: Lists::new(Vec::<Vec<u8>>::new()),
            refs: Lists::new(Vec::<Vec<CatalogRef>>::new()),
            object_blocks: Lists::new(Vec::<Vec<usize>>::new()),
            dependents: Lists::new(Vec::<Vec<usize>>::new()),
            needs: Lists::new(Vec::<Vec<usize>>::new()),
            by_name: HashMap::new(),
            everywhere: Vec::new(),
            key_hashes: Default::default(),
            providers: Vec::new(),
            blocks,
        }
    }

    #[test]
    fn qualified_names_are_found_raw() {
        let names = qualified_names(
            "CREATE TABLE app.t (a \"My Schema\".\"T\"\"x\", b Pub . Thing) -- x.y\n; SELECT 1.5, s.f(2)",
        );
        let pair = |s: &str, n: &str| (s.to_string(), Some(n.to_string()));
        assert!(names.contains(&pair("app", "t")));
        assert!(names.contains(&("app".to_string(), None)));
        assert!(names.contains(&pair("My Schema", "T\"x")));
        assert!(names.contains(&pair("pub", "thing")));
        assert!(names.contains(&pair("s", "f")));
        assert!(!names.iter().any(|(s, _)| s == "1" || s == "a"));
    }

    #[test]
    fn a_tree_matches_only_its_exact_dump() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        let tree = layout::render(&blocks(), Layout::PerKind);
        layout::write_tree(root, &tree, false).unwrap_or_else(|e| panic!("{e}"));
        assert!(source_is_dump(root, &index(blocks())));
        // Pulled captures are not source.
        std::fs::create_dir_all(root.join("_pulled")).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(root.join("_pulled/x.sql"), "CREATE TABLE x ();\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(source_is_dump(root, &index(blocks())));
        // One byte more in one file, a file more, a file less: not the dump.
        let a = root.join("tables/public.a.sql");
        std::fs::write(&a, "CREATE TABLE public.a (id integer);\n\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!source_is_dump(root, &index(blocks())));
        std::fs::write(&a, "CREATE TABLE public.a (id integer);\n")
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(root.join("tables/extra.sql"), "").unwrap_or_else(|e| panic!("{e}"));
        assert!(!source_is_dump(root, &index(blocks())));
        std::fs::remove_file(root.join("tables/extra.sql")).unwrap_or_else(|e| panic!("{e}"));
        assert!(!source_is_dump(root, &index(blocks()[..1].to_vec())));
        // The flat layout.
        let flat = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let tree = layout::render(&blocks(), Layout::Flat);
        layout::write_tree(flat.path(), &tree, false).unwrap_or_else(|e| panic!("{e}"));
        assert!(source_is_dump(flat.path(), &index(blocks())));
    }
}
