//! layout: blocks → files. The per-kind layout (`<kind>/<schema>.<name>.sql`) or one flat
//! `schema.sql`, and the all-or-nothing write of a tree into the target directory.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::emit::{Block, Dir, FilePlace};
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    #[default]
    PerKind,
    Flat,
}

/// The flat layout's single file.
pub const FLAT_FILE: &str = "schema.sql";

/// Lets string function bodies name objects that are created later.
pub const CHECK_FUNCTION_BODIES_OFF: &str = "SET check_function_bodies = false;";

/// Longest file name we write, in bytes (most filesystems allow 255).
const MAX_FILE_NAME: usize = 200;

/// A file's path relative to the tree root: a pure function of the object's identity.
pub fn file_path(place: &FilePlace) -> PathBuf {
    let stem = match &place.schema {
        Some(schema) => format!("{}.{}", encode(schema), encode(&place.name)),
        None => encode(&place.name),
    };
    let stem = if stem.len() + 4 > MAX_FILE_NAME {
        // Keep a readable prefix and make it unique with a stable hash of the identity.
        let identity = format!("{:?}\u{0}{}", place.schema, place.name);
        let mut cut = MAX_FILE_NAME - 4 - 17;
        while !stem.is_char_boundary(cut) {
            cut -= 1;
        }
        format!("{}~{:016x}", &stem[..cut], fnv1a(identity.as_bytes()))
    } else {
        stem
    };
    Path::new(place.dir.name()).join(format!("{stem}.sql"))
}

/// One name component of a file name. Ordinary lowercase names stay as they are; every other
/// byte (upper case, `.`, `/`, quotes, spaces, non-ASCII) becomes `%XX`, so names that differ
/// only in case never collide on a case-insensitive filesystem and the `.` between schema and
/// name stays unambiguous. Windows device names (`con`, `nul`, …) get their first byte encoded.
pub fn encode(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-' {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    const DEVICES: &[&str] = &["con", "prn", "aux", "nul", "conin$", "conout$"];
    let device = DEVICES.contains(&out.as_str())
        || ((out.starts_with("com") || out.starts_with("lpt"))
            && out.len() == 4
            && out.as_bytes()[3].is_ascii_digit());
    if device || out.is_empty() {
        let first = out.chars().next().map(|c| format!("%{:02X}", c as u32));
        out = format!(
            "{}{}",
            first.unwrap_or_default(),
            out.get(1..).unwrap_or("")
        );
    }
    out
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}

/// The files of a tree (relative path → content) for `blocks` in load order.
pub fn render(blocks: &[Block], layout: Layout) -> BTreeMap<PathBuf, String> {
    let mut files: BTreeMap<PathBuf, String> = BTreeMap::new();
    // Function bodies given as strings may name objects created further down (pg_depend
    // does not see into them): as pg_dump does, the flat file does not check them.
    if layout == Layout::Flat && blocks.iter().any(|b| b.file.dir == Dir::Functions) {
        files.insert(
            PathBuf::from(FLAT_FILE),
            format!("{CHECK_FUNCTION_BODIES_OFF}\n"),
        );
    }
    let mut push = |path: PathBuf, sql: &str| append_block(files.entry(path).or_default(), sql);
    match layout {
        Layout::PerKind => {
            for block in blocks {
                push(file_path(&block.file), &block.sql);
            }
        }
        Layout::Flat => {
            // As pg_dump: filled materialized views are created empty and refreshed once every
            // other object exists, before the tail (event triggers, default privileges).
            let tail = blocks
                .iter()
                .position(|b| crate::emit::is_tail(b.file.dir))
                .unwrap_or(blocks.len());
            let flat = || PathBuf::from(FLAT_FILE);
            for block in &blocks[..tail] {
                let sql = block
                    .populate
                    .as_ref()
                    .map_or(&block.sql, |p| &p.unfilled_sql);
                push(flat(), sql);
            }
            for populate in blocks[..tail].iter().filter_map(|b| b.populate.as_ref()) {
                push(flat(), &populate.refresh);
            }
            for block in &blocks[tail..] {
                push(flat(), &block.sql);
            }
            // Always written, even for a database with nothing to dump: scripts run it.
            files.entry(flat()).or_insert_with(|| {
                "-- pg-flux dump: this database holds no object pg-flux dumps.\n".to_string()
            });
        }
    }
    files
}

/// Appends a block's SQL to a file's text: blocks are separated by an empty line.
pub fn append_block(text: &mut String, sql: &str) {
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(sql);
}

/// True when `name` (a top-level entry of a dump target) is written by dump.
fn is_dump_output(name: &str) -> bool {
    name == FLAT_FILE || Dir::ALL.iter().any(|d| d.name() == name)
}

/// Refuses a target that exists and holds anything, unless `force`. Called before any work.
pub fn check_target(target: &Path, force: bool) -> Result<()> {
    match fs::metadata(target) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(target, e)),
        Ok(meta) if !meta.is_dir() => Err(Error::Usage(format!(
            "output {} exists and is not a directory",
            target.display()
        ))),
        Ok(_) => {
            let mut entries = fs::read_dir(target).map_err(|e| Error::io(target, e))?;
            if entries.next().is_some() && !force {
                Err(Error::TargetNotEmpty(target.to_path_buf()))
            } else {
                Ok(())
            }
        }
    }
}

/// Directories a write is staging (and the previous tree it is replacing): what an interrupted
/// write must not leave behind. Held locked while the staged tree is swapped into place.
static IN_PROGRESS: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn in_progress() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    IN_PROGRESS.lock().unwrap_or_else(|p| p.into_inner())
}

/// A staged directory or file, unregistered when the write is over (whichever way).
pub(crate) struct Staged(PathBuf);

impl Staged {
    /// Creates something (`create` returns it and its path) and registers it in one step,
    /// under the registry's lock: a signal cannot land in between and leave it behind.
    pub(crate) fn create<T>(
        create: impl FnOnce() -> std::io::Result<(T, PathBuf)>,
    ) -> std::io::Result<(T, Staged)> {
        let mut registry = in_progress();
        let (created, path) = create()?;
        registry.push(path.clone());
        Ok((created, Staged(path)))
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        in_progress().retain(|p| *p != self.0);
    }
}

/// For a signal handler, just before the process exits: removes what interrupted writes had
/// staged. A swap in progress finishes first (it holds the lock), so the target is the old
/// tree or the new one, never a mix; no write starts afterwards (the lock is kept).
pub fn abandon_writes() {
    // Writer threads stop before their next file; one may still be creating a file while the
    // directory is removed, so removal is tried again until nothing is left.
    ABANDONED.store(true, std::sync::atomic::Ordering::SeqCst);
    let staged = in_progress();
    for path in staged.iter() {
        for _ in 0..100 {
            let _ = if path.is_dir() {
                fs::remove_dir_all(path)
            } else {
                fs::remove_file(path)
            };
            if fs::symlink_metadata(path).is_err() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }
    std::mem::forget(staged);
}

/// Set by [`abandon_writes`]: file writers stop.
static ABANDONED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Writes `files` as the tree at `target`, all or nothing: the tree is written into a staging
/// directory beside the target and renamed into place, so a failure leaves the target exactly
/// as it was. With `force`, what a previous dump wrote is replaced; every other file of the
/// target is kept where it is: entries beside the kind directories (a `_pulled/` quarantine, a
/// README), and files inside them whose names dump never produces (a hand-written
/// `tables/zz_manual.sql`). Returns those last ones (relative paths), for a warning.
pub fn write_tree(
    target: &Path,
    files: &BTreeMap<PathBuf, String>,
    force: bool,
) -> Result<Vec<PathBuf>> {
    check_target(target, force)?;
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let (staging, _staged) = Staged::create(|| {
        let dir = tempfile::Builder::new()
            .prefix(".pg-flux-dump-")
            .tempdir_in(&parent)?;
        let path = dir.path().to_path_buf();
        Ok((dir, path))
    })
    .map_err(|e| Error::io(&parent, e))?;
    write_files(staging.path(), target, files)?;
    // From here to the end, an interrupting signal waits (declared after `_staged`, so
    // released before it).
    let mut _swapping = in_progress();
    if !target.exists() {
        fs::rename(staging.path(), target).map_err(|e| Error::io(target, e))?;
        // The staging directory now is the target: nothing left to clean up.
        let _ = staging.keep();
        return Ok(Vec::new());
    }
    // Keep what dump does not own: move it into the new tree before the swap.
    let (beside, hand_written) = not_owned_by_dump(target)?;
    let kept: Vec<&PathBuf> = beside.iter().chain(&hand_written).collect();
    let backup = tempfile::Builder::new()
        .prefix(".pg-flux-old-")
        .tempdir_in(&parent)
        .map_err(|e| Error::io(&parent, e))?;
    // Removed at the end, or by a signal handler once the swap is over: registered while the
    // lock is still held, so no signal finds it unregistered.
    let backup_path = backup.path().to_path_buf();
    _swapping.push(backup_path.clone());
    drop(_swapping);
    let _backup_staged = Staged(backup_path);
    let _swapping = in_progress();
    let backup_tree = backup.path().join("tree");
    fs::rename(target, &backup_tree).map_err(|e| Error::io(target, e))?;
    let mut moved: Vec<&PathBuf> = Vec::new();
    let swap = (|| -> std::io::Result<()> {
        for rel in &kept {
            if let Some(dir) = rel.parent() {
                fs::create_dir_all(staging.path().join(dir))?;
            }
            fs::rename(backup_tree.join(rel), staging.path().join(rel))?;
            moved.push(rel);
        }
        fs::rename(staging.path(), target)
    })();
    if let Err(e) = swap {
        // Put everything back as it was.
        for rel in moved {
            let _ = fs::rename(staging.path().join(rel), backup_tree.join(rel));
        }
        let _ = fs::rename(&backup_tree, target);
        return Err(Error::io(target, e));
    }
    let _ = staging.keep();
    Ok(hand_written)
}

/// The entries of an existing dump target that a new dump must keep (relative paths): the
/// top-level entries dump does not write, and the files inside its kind directories whose
/// names dump could not have produced.
fn not_owned_by_dump(target: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let mut beside = Vec::new();
    let mut hand_written = Vec::new();
    for entry in fs::read_dir(target).map_err(|e| Error::io(target, e))? {
        let entry = entry.map_err(|e| Error::io(target, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let dir = Dir::ALL.iter().find(|d| d.name() == name);
        match dir {
            Some(dir) if entry.path().is_dir() => {
                let inner = fs::read_dir(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
                for file in inner {
                    let file = file.map_err(|e| Error::io(entry.path(), e))?;
                    let file_name = file.file_name().to_string_lossy().into_owned();
                    let is_file = file.file_type().is_ok_and(|t| t.is_file());
                    if !(is_file && dump_could_name(*dir, &file_name)) {
                        hand_written.push(Path::new(&name).join(file.file_name()));
                    }
                }
            }
            _ if is_dump_output(&name) => {}
            _ => beside.push(PathBuf::from(entry.file_name())),
        }
    }
    hand_written.sort();
    Ok((beside, hand_written))
}

/// Whether [`file_path`] can produce `file_name` in `dir`: `<schema>.<name>.sql` (or
/// `<name>.sql` for objects outside schemas) of [`encode`]d parts, or a long name cut and
/// made unique with `~<hash>`.
fn dump_could_name(dir: Dir, file_name: &str) -> bool {
    let Some(stem) = file_name.strip_suffix(".sql") else {
        return false;
    };
    if let Some((prefix, hash)) = stem.rsplit_once('~') {
        return prefix.len() == MAX_FILE_NAME - 4 - 17
            && hash.len() == 16
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            && prefix
                .bytes()
                .all(|b| b == b'.' || b == b'%' || is_plain(b) || b.is_ascii_uppercase());
    }
    let parts: Vec<&str> = stem.split('.').collect();
    let wanted = if dir.is_global() { 1 } else { 2 };
    parts.len() == wanted && parts.iter().all(|p| is_encoded(p))
}

/// A byte [`encode`] keeps as it is.
fn is_plain(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-'
}

/// Whether `part` is something [`encode`] returns: plain bytes and `%XX` escapes.
fn is_encoded(part: &str) -> bool {
    let bytes = part.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if is_plain(bytes[i]) {
            i += 1;
        } else if bytes[i] == b'%'
            && bytes.get(i + 1..i + 3).is_some_and(|h| {
                h.iter()
                    .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(b))
            })
        {
            i += 3;
        } else {
            return false;
        }
    }
    !part.is_empty()
}

/// Creates `dir` and its parents below `root`, never `root` itself: when it is gone (an
/// interrupted write removed it), this fails rather than bring it back.
fn create_below(root: &Path, dir: &Path) -> std::io::Result<()> {
    let mut path = root.to_path_buf();
    for part in dir.strip_prefix(root).unwrap_or(dir).components() {
        path.push(part);
        match fs::create_dir(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// Writes `files` under `root` (error messages name them under `shown_as`). Creating a file
/// costs about a millisecond on a busy disk whatever its size, and the kernel serves several
/// at once: a few threads write a 10,000-file tree about three times as fast as one.
fn write_files(root: &Path, shown_as: &Path, files: &BTreeMap<PathBuf, String>) -> Result<()> {
    let dirs: std::collections::BTreeSet<PathBuf> = files
        .keys()
        .filter_map(|relative| root.join(relative).parent().map(Path::to_path_buf))
        .collect();
    for dir in &dirs {
        create_below(root, dir).map_err(|e| Error::io(dir, e))?;
    }
    const WRITERS: usize = 8;
    let progress = crate::progress::Phase::start("writing files", "files", Some(files.len()));
    let progress = &progress;
    let files: Vec<(&PathBuf, &String)> = files.iter().collect();
    let chunk = files.len().div_ceil(WRITERS).max(1);
    std::thread::scope(|scope| {
        let writers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || -> Result<()> {
                    for (relative, content) in part {
                        if ABANDONED.load(std::sync::atomic::Ordering::SeqCst) {
                            return Err(Error::io(shown_as, std::io::Error::other("interrupted")));
                        }
                        fs::write(root.join(relative), content)
                            .map_err(|e| Error::io(shown_as.join(relative), e))?;
                        progress.advance(1);
                    }
                    Ok(())
                })
            })
            .collect();
        writers.into_iter().try_for_each(|writer| {
            writer.join().unwrap_or_else(|_| {
                Err(Error::io(
                    shown_as,
                    std::io::Error::other("a file writer thread panicked"),
                ))
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QualifiedName;

    fn table(schema: &str, name: &str) -> PathBuf {
        file_path(&FilePlace::in_schema(
            Dir::Tables,
            &QualifiedName::new(schema, name),
        ))
    }

    #[test]
    fn ordinary_names_are_readable() {
        assert_eq!(
            table("public", "users"),
            PathBuf::from("tables/public.users.sql")
        );
    }

    #[test]
    fn names_differing_in_case_never_collide_case_insensitively() {
        let upper = table("public", "T").to_string_lossy().to_lowercase();
        let lower = table("public", "t").to_string_lossy().to_lowercase();
        assert_ne!(upper, lower);
    }

    #[test]
    fn dots_slashes_and_parents_stay_inside_one_file_name() {
        for name in [
            "a.b",
            "x/y",
            "..",
            "../etc/passwd",
            "a\\b",
            "it\"s",
            "café",
            " ",
        ] {
            let path = table("s", name);
            assert_eq!(path.components().count(), 2, "{name:?} -> {path:?}");
            let file = path.file_name().map(|f| f.to_string_lossy().into_owned());
            let file = file.unwrap_or_default();
            assert!(
                !file.contains(['/', '\\', '"', ':', '*', '?', '<', '>', '|']),
                "{file}"
            );
            assert_eq!(file.matches('.').count(), 2, "{file}");
        }
        assert_ne!(table("a.b", "c"), table("a", "b.c"));
    }

    #[test]
    fn long_names_are_cut_and_kept_unique() {
        let long = "日".repeat(21); // 63 bytes
        let a = table(&long, &long);
        let b = table(&long, &format!("{}x", "日".repeat(20)));
        assert!(a.file_name().map(|f| f.len()).unwrap_or(999) <= MAX_FILE_NAME);
        assert_ne!(a, b);
    }

    #[test]
    fn dump_recognises_the_names_it_writes_and_no_others() {
        for (schema, name) in [
            ("public", "users"),
            ("My Schema", "Order.Lines"),
            ("a", &"x".repeat(300)),
        ] {
            let path = table(schema, name);
            let file = path
                .file_name()
                .and_then(|f| f.to_str())
                .unwrap_or_default();
            assert!(dump_could_name(Dir::Tables, file), "{file}");
        }
        let schema = file_path(&FilePlace::global(Dir::Schemas, "App"));
        let file = schema
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or_default();
        assert!(dump_could_name(Dir::Schemas, file), "{file}");
        for hand_written in [
            "zz_manual.sql",
            "public.users.sql.bak",
            "README.md",
            "a.b.c.sql",
            "Public.users.sql",
            "public.%zz.sql",
        ] {
            assert!(
                !dump_could_name(Dir::Tables, hand_written),
                "{hand_written}"
            );
        }
        assert!(!dump_could_name(Dir::Schemas, "public.users.sql"));
    }

    #[test]
    fn windows_device_names_are_escaped() {
        assert_eq!(encode("con"), "%63on");
        assert_eq!(encode("com1"), "%63om1");
        assert_eq!(encode("console"), "console");
    }
}
