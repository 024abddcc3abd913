//! pg-flux's caches in the user's cache directory (`$XDG_CACHE_HOME/pg-flux`, else
//! `~/.cache/pg-flux`): what one command-line run computed that the next may reuse, each entry
//! keyed by everything that decides it (this build among them) and checked before use.
//!
//! A cache is never needed: an entry that is missing, unreadable or from another build is
//! computed again, and a cache directory that cannot be written is left alone. `PGFLUX_CACHE=off`
//! turns every cache off. Entries are written whole (a temporary file renamed into place), so
//! concurrent runs read either the old entry or the new one, and readable by the user alone
//! (they hold the schema's definitions).

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// This build's identity (a digest of its sources): entries of other builds are never read.
pub const BUILD_ID: &str = env!("PGFLUX_BUILD_ID");

/// The folder of one cache (`catalogs`, `source`), or `None` when caches are off or there is no
/// cache directory.
pub fn dir(name: &str) -> Option<PathBuf> {
    if std::env::var("PGFLUX_CACHE").is_ok_and(|v| v.eq_ignore_ascii_case("off")) {
        return None;
    }
    Some(crate::embedded::user_cache_dir()?.join(name))
}

/// A hex SHA-256 digest of `parts` (each length-prefixed, so that no two lists collide), for
/// entry names and content checks.
pub fn digest<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The entry at `path`, if there is one.
pub fn read(path: &Path) -> Option<Vec<u8>> {
    std::fs::read(path).ok()
}

/// Writes `bytes` as the entry at `path`, replacing it whole; a failure only costs the next run
/// the work again (it is traced, never an error).
pub fn write(path: &Path, bytes: &[u8]) {
    if let Err(e) = try_write(path, bytes) {
        crate::inspect::trace(&format!("cache: not written: {}: {e}", path.display()));
    }
}

/// Removes all but the `keep` most recently written entries of the cache `dir` (best effort).
pub fn prune(dir: &Path, keep: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let modified = meta.modified().ok()?;
            meta.is_file().then(|| (modified, e.path()))
        })
        .collect();
    if files.len() <= keep {
        return;
    }
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    for (_, path) in files.into_iter().skip(keep) {
        let _ = std::fs::remove_file(path);
    }
}

fn try_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let parent = path
        .parent()
        .ok_or_else(|| std::io::Error::other("an entry needs a folder"))?;
    create_private_dir(parent)?;
    let mut file = tempfile::NamedTempFile::new_in(parent)?;
    file.write_all(bytes)?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Creates `dir` (and its parents) readable by the user alone.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pruning_keeps_the_newest_entries() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for i in 0..5 {
            let path = dir.path().join(format!("{i}"));
            write(&path, b"x");
            let when = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1000 + i);
            let file = std::fs::File::options().write(true).open(&path);
            let _ = file.and_then(|f| f.set_modified(when));
        }
        prune(dir.path(), 2);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["3", "4"]);
    }

    #[test]
    fn digests_separate_their_parts() {
        assert_ne!(
            digest([b"ab".as_slice(), b"c".as_slice()]),
            digest([b"a".as_slice(), b"bc".as_slice()])
        );
        assert_eq!(digest([b"x".as_slice()]).len(), 64);
    }

    #[test]
    fn an_entry_is_written_whole_and_private() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("a/b/entry");
        write(&path, b"one");
        write(&path, b"two");
        assert_eq!(read(&path).as_deref(), Some(b"two".as_slice()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| {
                std::fs::metadata(p)
                    .map(|m| m.permissions().mode() & 0o777)
                    .ok()
            };
            assert_eq!(mode(&path), Some(0o600));
            assert_eq!(mode(&dir.path().join("a/b")), Some(0o700));
        }
    }
}
