//! The workspace: every source file's text and parsed model (open files from the editor, the
//! rest from disk), and an index of declarations for workspace-wide questions (duplicates,
//! undeclared objects, navigation). Updated one file at a time.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use dashmap::DashMap;

use super::document::Document;
use super::settings::Settings;
use crate::identity::Identity;
use crate::source::{parse_file, Declaration, FileModel, Problem, Span};

/// One file's text and what it declares.
pub struct SourceFile {
    pub text: Arc<str>,
    pub model: FileModel,
    /// Part of the declared source (under the schema directory, not `_pulled/` nor the
    /// migrations directory); other files (open elsewhere) only get syntax diagnostics, and
    /// migrations their hazards too (see [`super::migrations`]).
    pub in_source: bool,
}

pub struct Workspace {
    settings: RwLock<Arc<Settings>>,
    /// Bumped whenever the settings change: results computed under older settings are dropped.
    epoch: AtomicU64,
    /// Documents open in the editor (their text wins over the disk's).
    pub documents: DashMap<PathBuf, Document>,
    pub files: DashMap<PathBuf, SourceFile>,
    /// The source files declaring each identity, by the identity's key (the identities
    /// themselves stay in the files' models: a large workspace declares hundreds of thousands).
    declared: Mutex<HashMap<IdentityKey, Vec<Arc<Path>>>>,
    keys: IdentityKeys,
}

/// An identity's 128-bit digest: two keyed SipHash values. Two identities of one workspace
/// share one with a probability near 2^-100, so a key stands for its identity.
type IdentityKey = (u64, u64);

struct IdentityKeys(std::hash::RandomState, std::hash::RandomState);

impl IdentityKeys {
    fn new() -> IdentityKeys {
        IdentityKeys(std::hash::RandomState::new(), std::hash::RandomState::new())
    }

    fn of(&self, identity: &Identity) -> IdentityKey {
        use std::hash::BuildHasher;
        (self.0.hash_one(identity), self.1.hash_one(identity))
    }
}

impl Workspace {
    pub fn new(settings: Settings) -> Workspace {
        Workspace {
            settings: RwLock::new(Arc::new(settings)),
            epoch: AtomicU64::new(0),
            documents: DashMap::new(),
            files: DashMap::new(),
            declared: Mutex::new(HashMap::new()),
            keys: IdentityKeys::new(),
        }
    }

    pub fn settings(&self) -> Arc<Settings> {
        self.settings
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn epoch(&self) -> u64 {
        self.epoch.load(Ordering::SeqCst)
    }

    fn declared(&self) -> std::sync::MutexGuard<'_, HashMap<IdentityKey, Vec<Arc<Path>>>> {
        self.declared.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Replaces the settings without reading anything (before the first load).
    pub fn set_settings(&self, settings: Settings) {
        *self.settings.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(settings);
        self.epoch.fetch_add(1, Ordering::SeqCst);
    }

    /// Replaces the settings and re-reads the source directory; `changed` receives, batch by
    /// batch, every path whose diagnostics may have changed (old and new files).
    pub fn reconfigure(&self, settings: Settings, changed: &(dyn Fn(Vec<PathBuf>) + Sync)) {
        *self.settings.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(settings);
        self.epoch.fetch_add(1, Ordering::SeqCst);
        self.reload(changed)
    }

    /// Reads every source file from disk (open documents from the editor), parsing on two
    /// threads. `changed` receives the paths whose diagnostics may have changed as batches
    /// of files are parsed, so the first diagnostics need not wait for the last file.
    pub fn reload(&self, changed: &(dyn Fn(Vec<PathBuf>) + Sync)) {
        let settings = self.settings();
        let old: Vec<PathBuf> = self.files.iter().map(|f| f.key().clone()).collect();
        let mut disk = crate::load::source_files(&settings.schema_dir).unwrap_or_default();
        // Migrations are read too (syntax and hazards), never as source.
        disk.extend(crate::load::source_files(&settings.migrations_dir).unwrap_or_default());
        disk.sort();
        disk.dedup();
        let default_schema = settings.default_schema().to_string();
        self.files.clear();
        self.declared().clear();
        changed(old);
        let mut batch: Vec<PathBuf> = Vec::new();
        let mut flushed = std::time::Instant::now();
        parse_all(
            &disk,
            &default_schema,
            &|path| settings.is_source(path),
            |path| match self.documents.get(path) {
                Some(doc) => Some((doc.text(), None)),
                None => read_disk(path),
            },
            |path, file| {
                let identities = self.identities_of(&file);
                self.insert(path.clone(), file);
                batch.extend(self.files_declaring(identities, &path));
                if batch.len() >= BATCH || flushed.elapsed() >= BATCH_TIME {
                    changed(std::mem::take(&mut batch));
                    flushed = std::time::Instant::now();
                }
            },
        );
        changed(batch);
        // Open documents: the editor's latest text (it may have changed during the load), and
        // those outside the source directory keep their syntax diagnostics.
        let open: Vec<(PathBuf, String)> = self
            .documents
            .iter()
            .map(|d| (d.key().clone(), d.text()))
            .collect();
        let mut touched = Vec::new();
        for (path, text) in open {
            touched.extend(self.set_text(&path, text));
        }
        changed(touched);
    }

    /// Re-reads a file from disk (it changed there, or its editor closed it); a file that is
    /// gone is forgotten. Returns what [`Workspace::set_text`] returns.
    pub fn set_from_disk(&self, path: &Path) -> Vec<PathBuf> {
        match read_disk(path) {
            Some((text, problem)) => self.set_parsed(path, text, problem),
            None => self.remove(path),
        }
    }

    /// Re-parses one file from its new text. Returns the paths whose diagnostics may have
    /// changed: the file and every file sharing a declaration with it (duplicates).
    pub fn set_text(&self, path: &Path, text: String) -> Vec<PathBuf> {
        self.set_parsed(path, text, None)
    }

    fn set_parsed(&self, path: &Path, text: String, unreadable: Option<Problem>) -> Vec<PathBuf> {
        let settings = self.settings();
        let in_source = settings.is_source(path);
        let model = model_of(path, &text, settings.default_schema(), unreadable);
        let file = SourceFile {
            text: Arc::from(text),
            model,
            in_source,
        };
        let mut touched = self.remove_inner(path);
        touched.extend(self.identities_of(&file));
        self.insert(path.to_path_buf(), file);
        self.files_declaring(touched, path)
    }

    /// Forgets a file (deleted, or closed and not part of the source).
    pub fn remove(&self, path: &Path) -> Vec<PathBuf> {
        let touched = self.remove_inner(path);
        self.files_declaring(touched, path)
    }

    fn remove_inner(&self, path: &Path) -> Vec<IdentityKey> {
        let Some((_, old)) = self.files.remove(path) else {
            return Vec::new();
        };
        let keys = self.identities_of(&old);
        let mut declared = self.declared();
        for key in &keys {
            if let Some(files) = declared.get_mut(key) {
                files.retain(|f| **f != *path);
                if files.is_empty() {
                    declared.remove(key);
                }
            }
        }
        keys
    }

    /// The keys of what `file` declares.
    fn identities_of(&self, file: &SourceFile) -> Vec<IdentityKey> {
        if !file.in_source {
            return Vec::new();
        }
        file.model
            .declarations
            .iter()
            .map(|d| self.keys.of(&d.identity))
            .collect()
    }

    fn insert(&self, path: PathBuf, file: SourceFile) {
        {
            let shared: Arc<Path> = Arc::from(path.as_path());
            let mut declared = self.declared();
            for key in self.identities_of(&file) {
                let files = declared.entry(key).or_default();
                if let Err(at) = files.binary_search(&shared) {
                    files.insert(at, shared.clone());
                }
            }
        }
        self.files.insert(path, file);
    }

    fn files_declaring(&self, keys: Vec<IdentityKey>, path: &Path) -> Vec<PathBuf> {
        let declared = self.declared();
        let mut out: BTreeSet<PathBuf> = BTreeSet::new();
        out.insert(path.to_path_buf());
        for key in keys {
            if let Some(files) = declared.get(&key) {
                out.extend(files.iter().map(|f| f.to_path_buf()));
            }
        }
        out.into_iter().collect()
    }

    /// The declarations of `declarations` (one file's) whose identity is declared more than
    /// once: in another file too, or twice in this one.
    pub fn possibly_duplicated(&self, declarations: &[Declaration]) -> Vec<Declaration> {
        let declared = self.declared();
        let mut seen = std::collections::HashSet::new();
        let twice: std::collections::HashSet<&Identity> = declarations
            .iter()
            .filter(|d| !seen.insert(&d.identity))
            .map(|d| &d.identity)
            .collect();
        declarations
            .iter()
            .filter(|d| {
                twice.contains(&d.identity)
                    || declared
                        .get(&self.keys.of(&d.identity))
                        .is_some_and(|files| files.len() > 1)
            })
            .cloned()
            .collect()
    }

    pub fn is_declared(&self, identity: &Identity) -> bool {
        self.declared().contains_key(&self.keys.of(identity))
    }

    /// Every declaration of `identity`, in file and position order (the first is the one that
    /// counts; the others are duplicates).
    pub fn declarations_of(&self, identity: &Identity) -> Vec<Declaration> {
        let files: Vec<Arc<Path>> = self
            .declared()
            .get(&self.keys.of(identity))
            .cloned()
            .unwrap_or_default();
        let mut out = Vec::new();
        for path in files {
            if let Some(file) = self.files.get(&*path) {
                out.extend(
                    file.model
                        .declarations
                        .iter()
                        .filter(|d| &d.identity == identity)
                        .cloned(),
                );
            }
        }
        out
    }

    /// Every declared identity (for name lookups).
    /// The declared identities that `keep` accepts (without copying the others: a hover looks
    /// up one name among every object of the workspace).
    pub fn identities_where(&self, keep: impl Fn(&Identity) -> bool) -> Vec<Identity> {
        let mut found: Vec<Identity> = Vec::new();
        for file in self.files.iter().filter(|f| f.in_source) {
            found.extend(
                file.model
                    .declarations
                    .iter()
                    .filter(|d| keep(&d.identity))
                    .map(|d| d.identity.clone()),
            );
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Whether a source file carries a rename annotation.
    pub fn annotates_renames(&self) -> bool {
        self.files
            .iter()
            .any(|f| f.in_source && f.text.contains(crate::source::renames::MARKER))
    }

    /// The source's rename annotations (those that read; a bad one is the load's error).
    pub fn renames(&self) -> Vec<crate::source::renames::Rename> {
        let mut out = Vec::new();
        for file in self.files.iter() {
            if !file.in_source || !file.text.contains(crate::source::renames::MARKER) {
                continue;
            }
            if let Ok(statements) = crate::load::split(file.key(), &file.text) {
                out.extend(crate::source::renames::renames(&statements).unwrap_or_default());
            }
        }
        out
    }

    pub fn text(&self, path: &Path) -> Option<Arc<str>> {
        self.files.get(path).map(|f| f.text.clone())
    }

    /// The version of an open document (published with its diagnostics).
    pub fn version(&self, path: &Path) -> Option<i32> {
        self.documents.get(path).map(|d| d.version)
    }
}

/// Files parsed between two reports of a reload.
const BATCH: usize = 500;
const BATCH_TIME: std::time::Duration = std::time::Duration::from_millis(100);

/// Reads and parses `paths` on two threads (the machine's cores are shared), handing each
/// parsed file to `done` on the calling thread as soon as it is ready.
fn parse_all(
    paths: &[PathBuf],
    default_schema: &str,
    is_source: &(dyn Fn(&Path) -> bool + Sync),
    read: impl Fn(&Path) -> Option<(String, Option<Problem>)> + Sync,
    mut done: impl FnMut(PathBuf, SourceFile),
) {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel::<(PathBuf, SourceFile)>();
    std::thread::scope(|scope| {
        for _ in 0..2 {
            let tx = tx.clone();
            let (next, read) = (&next, &read);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = paths.get(i) else { break };
                let Some((text, unreadable)) = read(path) else {
                    continue;
                };
                let model = model_of(path, &text, default_schema, unreadable);
                let file = SourceFile {
                    text: Arc::from(text),
                    model,
                    in_source: is_source(path),
                };
                if tx.send((path.clone(), file)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (path, file) in rx {
            done(path, file);
        }
    });
}

/// A file's text from disk. A file that is not UTF-8 still gets a text (invalid bytes as
/// U+FFFD) and the problem to show at its first invalid byte; `None` when it cannot be read.
fn read_disk(path: &Path) -> Option<(String, Option<Problem>)> {
    let bytes = std::fs::read(path).ok()?;
    let lossy = String::from_utf8_lossy(&bytes).into_owned();
    match crate::load::decode_source(path, bytes) {
        Ok(text) => Some((text, None)),
        Err(crate::Error::Source {
            line,
            column,
            message,
            ..
        }) => {
            let start = crate::load::offset_of(&lossy, line, column);
            let problem = Problem {
                span: Span {
                    file: Arc::from(path),
                    start,
                    end: (start + 3).min(lossy.len()),
                    line,
                    column,
                },
                message,
            };
            Some((lossy, Some(problem)))
        }
        Err(_) => Some((lossy, None)),
    }
}

/// The parsed model of a file, or only its reading problem when it has one.
fn model_of(
    path: &Path,
    text: &str,
    default_schema: &str,
    unreadable: Option<Problem>,
) -> FileModel {
    match unreadable {
        Some(problem) => FileModel {
            syntax_error: Some(problem),
            ..FileModel::default()
        },
        None => parse_file(path, text, default_schema),
    }
}
