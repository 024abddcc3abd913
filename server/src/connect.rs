//! Connections to PostgreSQL: libpq-style settings, TLS, and the read-only inspection session.
//!
//! - [`ConnInfo`] parses a libpq URI or keyword string and completes it from the environment,
//!   the password file and the defaults, as libpq does.
//! - [`connect`] / [`connect_writable`] open a connection (TLS with rustls per libpq's `sslmode`).
//! - [`Session`] is the consistent, read-only snapshot that inspection reads the catalog in.
//!
//! Errors never contain the password: connection failures are reported in our own words,
//! with the settings shown by [`ConnInfo::redacted`].

mod conninfo;
mod env;
mod pgpass;
mod session;
mod tls;

pub use conninfo::{ConnInfo, Host, SslMode};
pub use env::{Env, ProcessEnv, StaticEnv};
pub use session::Session;

use std::borrow::Cow;
use std::error::Error as StdError;
use std::io;

use tokio_postgres::error::SqlState;

use crate::error::{Error, Result};

/// The `application_name` connections report unless the settings name one.
pub const APPLICATION_NAME: &str = "pg-flux";

/// What a connection can be opened from: resolved [`ConnInfo`], or a libpq URI / keyword string
/// (`&str`, `String`), which is resolved with the process environment ([`ConnInfo::from_env`]).
pub trait ToConnInfo {
    /// The resolved settings.
    fn to_conn_info(&self) -> Result<Cow<'_, ConnInfo>>;
}

impl ToConnInfo for ConnInfo {
    fn to_conn_info(&self) -> Result<Cow<'_, ConnInfo>> {
        Ok(Cow::Borrowed(self))
    }
}

impl ToConnInfo for str {
    fn to_conn_info(&self) -> Result<Cow<'_, ConnInfo>> {
        ConnInfo::from_env(self).map(Cow::Owned)
    }
}

impl ToConnInfo for String {
    fn to_conn_info(&self) -> Result<Cow<'_, ConnInfo>> {
        self.as_str().to_conn_info()
    }
}

/// Opens a connection and spawns its connection task on the current tokio runtime.
/// `application_name` is `pg-flux` unless the settings give one.
pub async fn connect<C: ToConnInfo + ?Sized>(conninfo: &C) -> Result<tokio_postgres::Client> {
    let info = conninfo.to_conn_info()?;
    connect_resolved(&info).await
}

async fn connect_resolved(info: &ConnInfo) -> Result<tokio_postgres::Client> {
    let mut config = tokio_postgres::Config::new();
    match &info.host {
        Host::Tcp(name) => config.host(name),
        Host::Socket(dir) => config.host_path(dir),
    };
    if let Some(addr) = info.hostaddr {
        config.hostaddr(addr);
    }
    config
        .port(info.port)
        .user(&info.user)
        .dbname(&info.dbname)
        .application_name(info.application_name.as_deref().unwrap_or(APPLICATION_NAME))
        .ssl_mode(tls::postgres_ssl_mode(info));
    if let Some(password) = &info.password {
        config.password(password);
    }
    // A host that accepts TCP and never answers must not hang a CI job: libpq's
    // connect_timeout when given, else DEFAULT_CONNECT_TIMEOUT.
    let limit = info.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT);
    config.connect_timeout(limit);
    if let Some(options) = &info.options {
        config.options(options);
    }
    let connector = tls::connector(info)?;
    // As libpq's connect_timeout, the limit covers the whole start-up, not just the TCP connect.
    let attempt = config.connect(connector);
    let result = match tokio::time::timeout(limit, attempt).await {
        Ok(result) => result,
        Err(_) => {
            return Err(Error::Connect(format!(
                "timeout after {}s connecting to {} (the server did not answer; set \
                 connect_timeout in the connection string to wait longer); connection settings: {}",
                limit.as_secs(),
                endpoint(info),
                info.redacted()
            )))
        }
    };
    let (client, connection) = result.map_err(|e| connect_error(&e, info))?;
    tokio::spawn(async move {
        // The error, if any, surfaces on the client's next call.
        let _ = connection.await;
    });
    Ok(client)
}

/// Asks the server to cancel what `token`'s connection is running, without waiting for the
/// answer (called from destructors: a dropped request's query must not run on).
pub fn cancel_in_background(token: tokio_postgres::CancelToken, info: &ConnInfo) {
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return;
    };
    let Ok(connector) = tls::connector(info) else {
        return;
    };
    runtime.spawn(async move {
        let _ = token.cancel_query(connector).await;
    });
}

/// A connection for loading SQL into a scratch database: like [`connect`], in autocommit mode
/// with the server's default settings (no transaction wrapper, unlike [`Session`]).
pub async fn connect_writable<C: ToConnInfo + ?Sized>(
    conninfo: &C,
) -> Result<tokio_postgres::Client> {
    connect(conninfo).await
}

/// Our one-sentence description of a failed connection attempt. tokio-postgres' own messages
/// are not used verbatim; the fallback is scrubbed of the password.
fn connect_error(e: &tokio_postgres::Error, info: &ConnInfo) -> Error {
    let reason = connect_reason(e, info);
    let reason = match &info.password {
        Some(p) if !p.is_empty() => reason.replace(p.as_str(), "********"),
        _ => reason,
    };
    Error::Connect(format!(
        "{reason}; connection settings: {}",
        info.redacted()
    ))
}

/// Where the connection goes, e.g. `127.0.0.1:5432` or `socket /tmp/.s.PGSQL.5432`.
/// How long a connection may take to start when the connection string sets no
/// `connect_timeout` (libpq waits forever; a CI job should not).
pub const DEFAULT_CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// `host:port`, or the socket path: where a connection goes, for messages.
pub fn endpoint(info: &ConnInfo) -> String {
    match &info.host {
        Host::Socket(dir) => format!("socket {}/.s.PGSQL.{}", dir.display(), info.port),
        Host::Tcp(host) => format!("{host}:{}", info.port),
    }
}

fn connect_reason(e: &tokio_postgres::Error, info: &ConnInfo) -> String {
    let endpoint = endpoint(info);
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        return if code == &SqlState::INVALID_PASSWORD {
            format!("authentication failed for user {:?}", info.user)
        } else if code == &SqlState::INVALID_AUTHORIZATION_SPECIFICATION {
            // `role "x" does not exist`, `no pg_hba.conf entry for …`: the server's own words.
            format!(
                "the server at {endpoint} refused the connection: {}",
                db.message()
            )
        } else if code == &SqlState::INVALID_CATALOG_NAME {
            format!("database {:?} does not exist", info.dbname)
        } else if code == &SqlState::TOO_MANY_CONNECTIONS {
            format!("the server at {endpoint} has too many connections")
        } else if code == &SqlState::CANNOT_CONNECT_NOW {
            format!("the server at {endpoint} is starting up or shutting down")
        } else {
            format!(
                "the server at {endpoint} refused the connection: {}",
                db.message()
            )
        };
    }
    let text = chain_text(e);
    if text.contains("server does not support TLS") {
        return format!(
            "the server at {endpoint} does not support TLS but sslmode={}",
            info.sslmode.as_str()
        );
    }
    if text.contains("password missing") {
        return format!(
            "authentication failed for user {:?}: the server asks for a password and none was \
             given (set password=, PGPASSWORD or a password file)",
            info.user
        );
    }
    let mut source: Option<&(dyn StdError + 'static)> = e.source();
    while let Some(err) = source {
        if let Some(tls) = err.downcast_ref::<rustls::Error>() {
            return tls_reason(tls, info);
        }
        if let Some(io) = err.downcast_ref::<io::Error>() {
            if let Some(tls) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                return tls_reason(tls, info);
            }
            let msg = io.to_string();
            match io.kind() {
                io::ErrorKind::ConnectionRefused => {
                    return format!("connection refused by {endpoint} (is a server running there?)")
                }
                io::ErrorKind::TimedOut => return format!("timeout connecting to {endpoint}"),
                io::ErrorKind::NotFound if info.is_unix_socket() => {
                    return format!("no server is listening on {endpoint}")
                }
                _ if msg.contains("lookup address") || msg.contains("resolve") => {
                    return format!("host {} not found", info.host)
                }
                _ => {}
            }
        }
        source = err.source();
    }
    format!("connecting to {endpoint} failed: {text}")
}

/// The error and its causes, `: `-separated (tokio-postgres' `Display` shows only the kind).
fn chain_text(e: &tokio_postgres::Error) -> String {
    let mut text = e.to_string();
    let mut source: Option<&(dyn StdError + 'static)> = e.source();
    while let Some(err) = source {
        let part = err.to_string();
        if !text.ends_with(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        source = err.source();
    }
    text
}

fn tls_reason(e: &rustls::Error, info: &ConnInfo) -> String {
    use rustls::CertificateError as C;
    match e {
        rustls::Error::InvalidCertificate(cert) => {
            let why = match cert {
                C::UnknownIssuer => {
                    "the server certificate is not signed by a trusted certificate authority"
                        .to_string()
                }
                C::NotValidForName | C::NotValidForNameContext { .. } => {
                    format!("the server certificate is not valid for host {}", info.host)
                }
                C::Expired | C::ExpiredContext { .. } => {
                    "the server certificate has expired".to_string()
                }
                C::NotValidYet | C::NotValidYetContext { .. } => {
                    "the server certificate is not valid yet".to_string()
                }
                C::Revoked => "the server certificate is revoked".to_string(),
                C::BadSignature => "the server certificate has a bad signature".to_string(),
                other => format!("{other:?}"),
            };
            format!("certificate verification failed: {why}")
        }
        other => format!("TLS handshake failed: {other}"),
    }
}
