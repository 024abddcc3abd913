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
