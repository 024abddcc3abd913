//! The inspection session: one read-only, repeatable-read snapshot, set up as pg_dump does.

use super::{connect, ConnInfo, ToConnInfo};
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

impl Session {
    /// Connects and opens the snapshot. `conninfo` is a [`ConnInfo`] or a connection string.
    pub async fn open<C: ToConnInfo + ?Sized>(conninfo: &C) -> Result<Session> {
        let info = conninfo.to_conn_info()?;
        let info: &ConnInfo = &info;
        let client = connect(info).await?;
        let setup_error = |e: tokio_postgres::Error| {
            Error::Database(format!(
                "could not start the inspection session ({}): {}",
                info.redacted(),
                e.as_db_error()
                    .map(|d| d.message().to_string())
                    .unwrap_or_else(|| e.to_string())
            ))
        };
        client
            .batch_execute(&format!(
                "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;\n{OPTIONS}"
            ))
            .await
            .map_err(setup_error)?;
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
        let second = join_snapshot(&client, info).await;
        Ok(Session {
            client,
            second,
            server_version_num,
            conninfo: info.clone(),
        })
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

/// Opens a second connection that reads `client`'s snapshot. Best effort: a server that cannot
/// export snapshots (a standby before 10) or has no connection to spare leaves the session
/// with one connection, which reads the same data, only slower.
async fn join_snapshot(
    client: &tokio_postgres::Client,
    info: &ConnInfo,
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
    second
        .batch_execute(&format!(
            "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;\n\
             SET TRANSACTION SNAPSHOT '{literal}';\n{OPTIONS}"
        ))
        .await
        .ok()?;
    Some(second)
}
