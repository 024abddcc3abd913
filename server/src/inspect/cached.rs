//! The live catalog, kept between command-line runs: a run whose database has not changed
//! since the last read takes the last read's catalog instead of reading it again.
//!
//! An entry (in `catalogs/` of pg-flux's cache, see [`crate::cache`]) is named by what the
//! read was asked (this build, the connection's target, the scope, the depth). Its stamp holds
//! the database's identity (cluster, database, role, the settings deparsing depends on), the
//! server's write-ahead log position taken before the read's snapshot, and the catalog's
//! [`fingerprint`](super::fingerprint) in that snapshot; its body, the fingerprint again and
//! the catalog. It is used when the identity is the same and either nothing was logged since
//! (the same log position: no scan at all) or the fingerprint is the same (one scan of the
//! catalogs, no deparse function). Anything else (no entry, an entry that does not decode, a
//! stamp and body written by two runs at once) reads the catalog and writes the entry anew.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{fingerprint, inspect_session, query_error, trace, trace_phase, Depth, Scope};
use crate::connect::Session;
use crate::error::Result;
use crate::model::Catalog;

/// Entries kept: the most recently read databases (each entry is about the size of a dump).
const KEEP: usize = 16;

/// As [`inspect_session`], through the cache.
pub async fn inspect_cached(session: &Session, scope: &Scope, depth: Depth) -> Result<Catalog> {
    inspect_cached_with(session, scope, depth, None).await
}

/// As [`inspect_cached`], for a caller that has taken the catalog's fingerprint in this
/// session already (the language server): it is not taken again.
pub async fn inspect_cached_with(
    session: &Session,
    scope: &Scope,
    depth: Depth,
    fingerprint_taken: Option<&str>,
) -> Result<Catalog> {
    match read_through_cache(session, scope, depth, fingerprint_taken).await? {
        Read::Done(catalog) => Ok(*catalog),
        // Nothing kept for this database: the entry is written before the catalog returns
        // (this caller has no work of its own to do meanwhile).
        Read::Pending(pending) => {
            let catalog = pending.catalog.clone();
            pending.write(session).await;
            Ok(Arc::try_unwrap(catalog).unwrap_or_else(|shared| (*shared).clone()))
        }
    }
}

/// As [`inspect_cached`], for a caller with work of its own on the catalog (verify): when the
/// cache holds nothing for this database, the catalog comes back before its fingerprint is
/// taken, with the entry still to write ([`PendingEntry::write`], while the caller works: the
/// server is idle then). A cache that holds an entry for this database is looked up first, as
/// [`inspect_cached`] does, and that needs the fingerprint at once.
pub async fn inspect_cached_deferred(
    session: &Session,
    scope: &Scope,
    depth: Depth,
) -> Result<(Arc<Catalog>, Option<PendingEntry>)> {
    Ok(
        match read_through_cache(session, scope, depth, None).await? {
            Read::Done(catalog) => (Arc::from(catalog), None),
            Read::Pending(pending) => (pending.catalog.clone(), Some(pending)),
        },
    )
}

/// A catalog read and not yet in the cache: the entry is written once the fingerprint that
/// stamps it is taken, in the read's snapshot.
pub struct PendingEntry {
    entry: Entry,
    identity: String,
    wal: Option<String>,
    catalog: Arc<Catalog>,
}

impl PendingEntry {
    /// Takes the fingerprint through `session` (the one that read the catalog, still in its
    /// snapshot) and writes the entry. A failure leaves the cache without it, and says why
    /// when traced: the catalog read is good all the same.
    pub async fn write(self, session: &Session) {
        let start = std::time::Instant::now();
        let fingerprint = match fingerprint(&session.readers()).await {
            Ok(fingerprint) => fingerprint,
            Err(e) => {
                trace(&format!("catalog cache: not written: {e}"));
                return;
            }
        };
        trace_phase("catalog fingerprint (after the read)", start);
        let stamp = Stamp {
            identity: self.identity,
            wal: self.wal,
            fingerprint,
        };
        let (entry, catalog) = (self.entry, self.catalog);
        let written = tokio::task::spawn_blocking(move || write_entry(&entry, &stamp, &catalog));
        if let Err(e) = written.await {
            trace(&format!("catalog cache: not written: {e}"));
        }
    }
}

enum Read {
    Done(Box<Catalog>),
    Pending(PendingEntry),
}

/// Writes `catalog` to `entry` unless it holds credentials, and prunes the cache.
fn write_entry(entry: &Entry, stamp: &Stamp, catalog: &Catalog) {
    if holds_credentials(catalog) {
        // Dump never writes them either (see `emit::foreign`): not a byte of them on disk.
        trace("catalog cache: not written: the catalog holds credentials (foreign-data options)");
        return;
    }
    let start = std::time::Instant::now();
    entry.write(stamp, catalog);
    if let Some(dir) = entry.base.parent() {
        crate::cache::prune(dir, KEEP * 2);
    }
    trace_phase("catalog cache: written", start);
}

async fn read_through_cache(
    session: &Session,
    scope: &Scope,
    depth: Depth,
    fingerprint_taken: Option<&str>,
) -> Result<Read> {
    let Some(dir) = crate::cache::dir("catalogs") else {
        return Ok(Read::Done(Box::new(
            inspect_session(session, scope, depth).await?,
        )));
    };
    let start = std::time::Instant::now();
    let identity = database_identity(session).await?;
    let wal = session.wal_position_before_snapshot();
    let unchanged_since = match wal {
        Some(before) if logged_nothing_during(session).await => Some(before),
        _ => None,
    };
    // Definitions serve a read of identities as well: a verify after a migrate reads nothing.
    let mut entries = vec![Entry::new(&dir, session, scope, depth)];
    if depth != Depth::Ordered {
        entries.push(Entry::new(&dir, session, scope, Depth::Ordered));
    }
    let stamps: Vec<Option<Stamp>> = entries.iter().map(Entry::stamp).collect();
    for (entry, stamp) in entries.iter().zip(&stamps) {
        let Some(stamp) = stamp else { continue };
        if stamp.identity == identity
            && unchanged_since.is_some()
            && stamp.wal.as_deref() == unchanged_since
        {
            if let Some(catalog) = entry.body(&stamp.fingerprint) {
                trace_phase("catalog cache: read (nothing logged since)", start);
                show_read_from_cache(session);
                return Ok(Read::Done(Box::new(catalog)));
            }
        }
    }
    // Nothing kept for this database: no fingerprint can match, so it need not come first.
    let kept_for_this_database = stamps.iter().flatten().any(|s| s.identity == identity);
    if !kept_for_this_database && fingerprint_taken.is_none() {
        trace("catalog cache: miss (nothing kept for this database)");
        let catalog = inspect_session(session, scope, depth).await?;
        let entry = entries.swap_remove(0);
        return Ok(Read::Pending(PendingEntry {
            entry,
            identity,
            wal: wal.map(str::to_string),
            catalog: Arc::new(catalog),
        }));
    }
    let fingerprint = match fingerprint_taken {
        Some(taken) => taken.to_string(),
        None => fingerprint(&session.readers()).await?,
    };
    trace_phase("catalog fingerprint", start);
    let now = Stamp {
        identity,
        wal: wal.map(str::to_string),
        fingerprint,
    };
    for (entry, stamp) in entries.iter().zip(&stamps) {
        let Some(stamp) = stamp else { continue };
        if stamp.identity == now.identity && stamp.fingerprint == now.fingerprint {
            if let Some(catalog) = entry.body(&now.fingerprint) {
                // The same catalog at a later log position: the next run need not scan.
                crate::cache::write(&entry.stamp_path(), now.render().as_bytes());
                trace_phase("catalog cache: read (same fingerprint)", start);
                show_read_from_cache(session);
                return Ok(Read::Done(Box::new(catalog)));
            }
        }
    }
    trace("catalog cache: miss");
    let catalog = inspect_session(session, scope, depth).await?;
    write_entry(&entries[0], &now, &catalog);
    Ok(Read::Done(Box::new(catalog)))
}

/// Progress on a terminal, where a read would show its queries: the catalog came from the cache.
fn show_read_from_cache(session: &Session) {
    let what = format!(
        "catalog of {}: unchanged since pg-flux last read it, from the cache",
        session.conninfo().dbname
    );
    drop(crate::progress::Phase::start(
        &what,
        "catalog queries",
        None,
    ));
}

/// True when an option of a foreign-data wrapper, server, user mapping, foreign table or column
/// is a credential (a password, a key, a token).
fn holds_credentials(catalog: &Catalog) -> bool {
    let secret = |options: &[(String, String)]| {
        options
            .iter()
            .any(|(name, _)| crate::emit::is_secret_option(name))
    };
    catalog
        .foreign_data_wrappers
        .iter()
        .any(|w| secret(&w.options))
        || catalog
            .foreign_servers
            .iter()
            .any(|s| secret(&s.options) || s.user_mappings.iter().any(|m| secret(&m.options)))
        || catalog
            .foreign_tables
            .iter()
            .any(|t| secret(&t.options) || t.columns.iter().any(|c| secret(&c.fdw_options)))
}

/// True when the server's write-ahead log position before `session`'s snapshot is its position
/// now: nothing changed around the snapshot, so that a catalog read at that position before is
/// the one the snapshot holds.
pub async fn logged_nothing_during(session: &Session) -> bool {
    match session.wal_position_before_snapshot() {
        Some(before) => {
            crate::connect::wal_position(session.client())
                .await
                .as_deref()
                == Some(before)
        }
        None => false,
    }
}

/// What an entry was read from.
struct Stamp {
    identity: String,
    wal: Option<String>,
    fingerprint: String,
}

impl Stamp {
    fn render(&self) -> String {
        format!(
            "{}\n{}\n{}\n",
            self.identity,
            self.wal.as_deref().unwrap_or(""),
            self.fingerprint
        )
    }

    fn parse(text: &str) -> Option<Stamp> {
        let mut lines = text.lines();
        let (identity, wal, fingerprint) = (lines.next()?, lines.next()?, lines.next()?);
        Some(Stamp {
            identity: identity.to_string(),
            wal: (!wal.is_empty()).then(|| wal.to_string()),
            fingerprint: fingerprint.to_string(),
        })
    }
}

/// The two files of one entry: `<name>.stamp` and `<name>.catalog`.
struct Entry {
    base: PathBuf,
}

impl Entry {
    /// The entry for a read of `scope` to `depth` through `session`: one per build, server,
    /// database, role, scope and depth.
    fn new(dir: &Path, session: &Session, scope: &Scope, depth: Depth) -> Entry {
        let info = session.conninfo();
        let servers: Vec<String> = info
            .targets
            .iter()
            .map(|t| format!("{:?} {:?} {}", t.host, t.hostaddr, t.port))
            .collect();
        let target = format!(
            "{servers:?}\n{}\n{}\n{scope:?}\n{depth:?}",
            info.dbname, info.user
        );
        let name = crate::cache::digest([crate::cache::BUILD_ID.as_bytes(), target.as_bytes()]);
        Entry {
            base: dir.join(name),
        }
    }

    fn stamp_path(&self) -> PathBuf {
        self.base.with_extension("stamp")
    }

    fn body_path(&self) -> PathBuf {
        self.base.with_extension("catalog")
    }

    fn stamp(&self) -> Option<Stamp> {
        let bytes = crate::cache::read(&self.stamp_path())?;
        Stamp::parse(std::str::from_utf8(&bytes).ok()?)
    }

    /// The catalog, when the body was written for `fingerprint`.
    fn body(&self, fingerprint: &str) -> Option<Catalog> {
        let path = self.body_path();
        let bytes = crate::cache::read(&path)?;
        let rest = bytes
            .strip_prefix(fingerprint.as_bytes())?
            .strip_prefix(b"\n")?;
        match postcard::from_bytes(rest) {
            Ok(catalog) => Some(catalog),
            Err(e) => {
                trace(&format!(
                    "catalog cache: {} does not decode: {e}",
                    path.display()
                ));
                None
            }
        }
    }

    /// The body first: a stamp never names a body that is not there yet.
    fn write(&self, stamp: &Stamp, catalog: &Catalog) {
        match postcard::to_stdvec(catalog) {
            Ok(encoded) => {
                let mut body = Vec::with_capacity(stamp.fingerprint.len() + 1 + encoded.len());
                body.extend_from_slice(stamp.fingerprint.as_bytes());
                body.push(b'\n');
                body.extend_from_slice(&encoded);
                crate::cache::write(&self.body_path(), &body);
                crate::cache::write(&self.stamp_path(), stamp.render().as_bytes());
            }
            Err(e) => trace(&format!("catalog cache: not written: {e}")),
        }
    }
}

/// Which database of which cluster this is (the cluster's system identifier where the role may
/// read it), as whom it is read (what a role may read decides what the catalog holds), and the
/// settings the server's deparse functions depend on that the session leaves alone (a
/// `timestamptz` default prints in the session's time zone).
async fn database_identity(session: &Session) -> Result<String> {
    let client = session.client();
    let may_read_control: bool = client
        .query_one(
            "SELECT pg_catalog.has_function_privilege('pg_catalog.pg_control_system()', 'EXECUTE')",
            &[],
        )
        .await
        .map_err(|e| query_error("database identity", e))?
        .get(0);
    let system = if may_read_control {
        "(SELECT s.system_identifier::text FROM pg_catalog.pg_control_system() s)"
    } else {
        "''"
    };
    let row = client
        .query_one(
            &format!(
                "SELECT {system} || ':' || d.oid::text || ':' || d.datname::text || ':' || \
                 CURRENT_USER::text || ':' || \
                 pg_catalog.current_setting('server_version_num') || ':' || \
                 pg_catalog.current_setting('TimeZone') \
                 FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()"
            ),
            &[],
        )
        .await
        .map_err(|e| query_error("database identity", e))?;
    // One line: the stamp is line-based (a database name may hold a newline).
    Ok(row
        .get::<_, Option<String>>(0)
        .unwrap_or_default()
        .replace(['\n', '\r'], " "))
}
