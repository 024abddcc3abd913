//! The inspection session: one read-only, repeatable-read snapshot, set up as pg_dump does.

use super::{connect, connect_reaching, ConnInfo, ToConnInfo};
use crate::error::{Error, Result};

/// A connection inside `BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY`, with an empty
/// `search_path` (so every name the server deparses is schema-qualified) and pg_dump's output
/// settings. Dropping it closes the connection; nothing was written.
pub struct Session {
    client: tokio_postgres::Client,
    /// A second connection in the same snapshot (`SET TRANSACTION SNAPSHOT`), so that catalog
    /// queries run on two server processes at once, as `pg_dump -j` shares its snapshot. `None`
    /// when the server would not export the snapshot or take another connection.
    second: Option<tokio_postgres::Client>,
    server_version_num: i32,
    conninfo: ConnInfo,
    /// See [`Session::wal_position_before_snapshot`].
    wal_position: Option<String>,
}

/// Run once the transaction has begun, in order. JIT is off: catalog queries are short, and
/// compiling their expressions costs more than it saves. `work_mem` is raised so that sorting
/// every column of a large catalog stays in memory (4 MB spills at ~30,000 columns).
const OPTIONS: &str = "SELECT pg_catalog.set_config('search_path', '', false);
SET DateStyle = ISO;
SET IntervalStyle = postgres;
SET extra_float_digits = 3;
SET statement_timeout = 0;
SET lock_timeout = 0;
SET quote_all_identifiers = off;
SET jit = off;
SET work_mem = '64MB';";

/// The position the server has inserted its write-ahead log up to (replayed it up to, on a
/// standby), with the time the server started (a cluster made anew at the same address may
/// reach the same position with other contents), or `None` when the role may not read it.
pub(crate) async fn wal_position(client: &tokio_postgres::Client) -> Option<String> {
    let row = client
        .query_one(
            "SELECT (CASE WHEN pg_catalog.pg_is_in_recovery() \
                     THEN pg_catalog.pg_last_wal_replay_lsn() \
                     ELSE pg_catalog.pg_current_wal_insert_lsn() END)::text \
                    || ' ' || pg_catalog.pg_postmaster_start_time()::text",
            &[],
        )
        .await
        .ok()?;
    row.try_get::<_, Option<String>>(0).ok().flatten()
}

/// A connection, and the settings narrowed to the host it reached: the session's second
/// connection must read the same server's snapshot, whatever the other hosts are.
async fn connect_pinned<C: ToConnInfo + ?Sized>(
    conninfo: &C,
) -> Result<(tokio_postgres::Client, ConnInfo)> {
    let info = conninfo.to_conn_info()?;
    let (client, index) = connect_reaching(&info).await?;
    Ok((client, info.pinned(index)))
}

impl Session {
    /// Connects and opens the snapshot. `conninfo` is a [`ConnInfo`] or a connection string.
    pub async fn open<C: ToConnInfo + ?Sized>(conninfo: &C) -> Result<Session> {
        let (client, info) = connect_pinned(conninfo).await?;
        let info: &ConnInfo = &info;
        let setup_error = |e| setup_error(info, e);
        let wal_position = wal_position(&client).await;
        client
            .batch_execute(&format!(
                "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;\n{OPTIONS}"
            ))
            .await
            .map_err(setup_error)?;
        let mut session = Session::start(client, info, &[]).await?;
        session.wal_position = wal_position;
        Ok(session)
    }

    /// As [`Session::open`], holding pg_dump's ACCESS SHARE lock on every table in `scope`
    /// that the role may read (taking one needs SELECT; the others go unlocked rather than
    /// failing, since their definitions are readable all the same) from before the snapshot
    /// to the end: the server's deparse functions read the current
    /// catalog, not the snapshot, so a table (or an index, constraint, trigger of it) dropped or
    /// altered while it is read would tear the result. Concurrent DDL on those tables waits
    /// for the session instead. The tables are listed and locked before the snapshot starts;
    /// those created in between are locked just after; one dropped before its lock is held
    /// makes it start over (ten times at most).
    pub async fn open_locked<C: ToConnInfo + ?Sized>(
        conninfo: &C,
        scope: &crate::inspect::Scope,
    ) -> Result<Session> {
        let (client, info) = connect_pinned(conninfo).await?;
        let info: &ConnInfo = &info;
        let setup_error = |e| setup_error(info, e);
        let tables_sql = format!(
            "SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) \
             FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
             WHERE c.relkind IN ('r', 'p') AND pg_catalog.has_table_privilege(c.oid, 'SELECT') \
             AND {} ORDER BY 1",
            crate::inspect::in_scope("n")
        );
        // The role's own timeouts must not cut the listing short (OPTIONS resets them too).
        client
            .batch_execute("SET statement_timeout = 0; SET lock_timeout = 0")
            .await
            .map_err(setup_error)?;
        for _ in 0..10 {
            let listed = table_names(&client, &tables_sql, scope)
                .await
                .map_err(setup_error)?;
            // Before the transaction: its locks are not logged, its snapshot comes after them.
            let wal_position = wal_position(&client).await;
            client
                .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .await
                .map_err(setup_error)?;
            // Before the first query of the transaction: the snapshot starts after the locks.
            let mut locked = true;
            for chunk in listed.chunks(1000) {
                let lock = format!("LOCK TABLE {} IN ACCESS SHARE MODE", chunk.join(", "));
                if let Err(e) = client.batch_execute(&lock).await {
                    let dropped =
                        e.code() == Some(&tokio_postgres::error::SqlState::UNDEFINED_TABLE);
                    if !dropped {
                        return Err(setup_error(e));
                    }
                    locked = false; // dropped since it was listed
                    break;
                }
            }
            if locked {
                client.batch_execute(OPTIONS).await.map_err(setup_error)?;
                let seen = table_names(&client, &tables_sql, scope)
                    .await
                    .map_err(setup_error)?;
                // Tables created between the listing and the snapshot: locked now (one
                // dropped meanwhile fails the lock and starts over).
                let created: Vec<String> = seen
                    .iter()
                    .filter(|t| listed.binary_search(t).is_err())
                    .cloned()
                    .collect();
                let lock = format!("LOCK TABLE {} IN ACCESS SHARE MODE", created.join(", "));
                if created.is_empty() || client.batch_execute(&lock).await.is_ok() {
                    let mut session = Session::start(client, info, &seen).await?;
                    session.wal_position = wal_position;
                    return Ok(session);
                }
            }
            client
                .batch_execute("ROLLBACK")
                .await
                .map_err(setup_error)?;
        }
        Err(Error::Database(
            "tables kept being created or dropped while the inspection tried to lock them; run again"
                .to_string(),
        ))
    }

    /// The rest of opening, once `client` is inside the transaction with the options set and
    /// holds its locks on `locked` (the second reader must hold them too).
    async fn start(
        client: tokio_postgres::Client,
        info: &ConnInfo,
        locked: &[String],
    ) -> Result<Session> {
        let setup_error = |e| setup_error(info, e);
        let row = client
            .query_one(
                "SELECT pg_catalog.current_setting('server_version_num')",
                &[],
            )
            .await
            .map_err(setup_error)?;
        let text: String = row.try_get(0).map_err(setup_error)?;
        let server_version_num = text
            .trim()
            .parse::<i32>()
            .map_err(|_| Error::Database(format!("unexpected server_version_num {text:?}")))?;
        let second = join_snapshot(&client, info, locked).await;
        Ok(Session {
            client,
            second,
            server_version_num,
            conninfo: info.clone(),
            wal_position: None,
        })
    }

    /// The server's write-ahead log position (its replay position on a standby) taken just
    /// before the snapshot, when the role may read it: if it is the same later, nothing in
    /// the cluster changed in between (every change of a catalog row is logged).
    pub fn wal_position_before_snapshot(&self) -> Option<&str> {
        self.wal_position.as_deref()
    }

    /// The connection, inside the read-only transaction.
    pub fn client(&self) -> &tokio_postgres::Client {
        &self.client
    }

    /// Every connection reading the session's snapshot: the first, and the second when there is one.
    pub fn readers(&self) -> Vec<&tokio_postgres::Client> {
        std::iter::once(&self.client)
            .chain(self.second.as_ref())
            .collect()
    }

    /// `server_version_num`, e.g. `170004`.
    pub fn server_version_num(&self) -> i32 {
        self.server_version_num
    }

    /// The major version, e.g. `17`.
    pub fn server_major(&self) -> u32 {
        let n = self.server_version_num.max(0) as u32;
        if n >= 100_000 {
            n / 10_000
        } else {
            n / 100
        }
    }

    /// The settings the session was opened with (display it; the password is masked).
    pub fn conninfo(&self) -> &ConnInfo {
        &self.conninfo
    }
}

async fn table_names(
    client: &tokio_postgres::Client,
    sql: &str,
    scope: &crate::inspect::Scope,
) -> std::result::Result<Vec<String>, tokio_postgres::Error> {
    let rows = client.query(sql, &[&scope.schemas]).await?;
    rows.iter().map(|r| r.try_get::<_, String>(0)).collect()
}

fn setup_error(info: &ConnInfo, e: tokio_postgres::Error) -> Error {
    // The server's hint matters here: "increase max_locks_per_transaction" for locks.
    let message = match e.as_db_error() {
        Some(d) => match d.hint() {
            Some(hint) => format!("{} ({hint})", d.message()),
            None => d.message().to_string(),
        },
        None => e.to_string(),
    };
    Error::Database(format!(
        "could not start the inspection session ({}): {message}",
        info.redacted()
    ))
}

/// Opens a second connection that reads `client`'s snapshot. Best effort: a server that cannot
/// export snapshots (a standby before 10) or has no connection to spare leaves the session
/// with one connection, which reads the same data, only slower.
///
/// A locked session's second reader takes the same locks, without waiting (as `pg_dump -j`'s
/// workers do): DDL queued on a table behind the first connection's lock would otherwise make
/// it wait for ever. If it cannot have them at once, the session reads with one connection.
async fn join_snapshot(
    client: &tokio_postgres::Client,
    info: &ConnInfo,
    locked: &[String],
) -> Option<tokio_postgres::Client> {
    let snapshot: String = client
        .query_one("SELECT pg_catalog.pg_export_snapshot()", &[])
        .await
        .ok()?
        .try_get(0)
        .ok()?;
    let second = connect(info).await.ok()?;
    // The snapshot id comes from the server (`00000003-0000001B-1`); it is quoted all the same.
    let literal = snapshot.replace('\'', "''");
    let locks: String = locked
        .chunks(1000)
        .map(|chunk| {
            format!(
                "LOCK TABLE {} IN ACCESS SHARE MODE NOWAIT;\n",
                chunk.join(", ")
            )
        })
        .collect();
    second
        .batch_execute(&format!(
            "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;\n{locks}\
             SET TRANSACTION SNAPSHOT '{literal}';\n{OPTIONS}"
        ))
        .await
        .ok()?;
    Some(second)
}
