//! Connections to PostgreSQL: libpq-style settings, TLS, and the read-only inspection session.

use crate::error::{Error, Result};

/// Opens a plain connection described by `conninfo` (libpq URI or keyword string).
pub async fn connect(conninfo: &str) -> Result<tokio_postgres::Client> {
    let config: tokio_postgres::Config = conninfo
        .parse()
        .map_err(|e| Error::ConnectionConfig(format!("{e}")))?;
    let (client, connection) = config
        .connect(tokio_postgres::NoTls)
        .await
        .map_err(|e| Error::Connect(e.to_string()))?;
    tokio::spawn(connection);
    Ok(client)
}

/// A read-only inspection session: one REPEATABLE READ snapshot, empty search_path.
pub struct Session {
    client: tokio_postgres::Client,
}

impl Session {
    pub async fn open(conninfo: &str) -> Result<Session> {
        let client = connect(conninfo).await?;
        client
            .batch_execute(
                "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; \
                 SELECT pg_catalog.set_config('search_path', '', false); \
                 SET DateStyle = ISO; SET IntervalStyle = postgres; SET extra_float_digits = 3;",
            )
            .await
            .map_err(|e| Error::Database(e.to_string()))?;
        Ok(Session { client })
    }

    pub fn client(&self) -> &tokio_postgres::Client {
        &self.client
    }
}
