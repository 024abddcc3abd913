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
mod service;
mod session;
mod tls;

pub use conninfo::{ConnInfo, Host, LoadBalanceHosts, SslMode, Target, TargetSessionAttrs};
pub use env::{Env, ProcessEnv, StaticEnv};
pub(crate) use session::wal_position;
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
    connect_reaching(info).await.map(|(client, _)| client)
}

/// Opens a connection as libpq does with several hosts: each target in turn (in a random order
/// with `load_balance_hosts=random`), each within its own `connect_timeout`, keeping the first
/// whose session `target_session_attrs` accepts. Returns the client and the index of the
/// target it reached. When every target fails, one message names each with its reason.
pub(crate) async fn connect_reaching(info: &ConnInfo) -> Result<(tokio_postgres::Client, usize)> {
    // Certificate and key problems are the settings' fault, whichever host is tried.
    let connector = tls::connector(info)?;
    let order = target_order(info);
    // The last reason each target failed for, in the order tried.
    let mut failures: Vec<(usize, String)> = Vec::new();
    for wanted in passes(info.target_session_attrs) {
        for &index in &order {
            let target = &info.targets[index];
            match connect_target(info, target, wanted, connector.clone()).await {
                Ok(client) => return Ok((client, index)),
                Err(reason) => {
                    failures.retain(|(i, _)| *i != index);
                    failures.push((index, reason));
                }
            }
        }
    }
    Err(all_failed(info, &failures))
}

/// The target indexes in the order to try them.
fn target_order(info: &ConnInfo) -> Vec<usize> {
    let mut order: Vec<usize> = (0..info.targets.len()).collect();
    if info.load_balance_hosts == LoadBalanceHosts::Random {
        shuffle(&mut order);
    }
    order
}

/// Fisher–Yates with the standard library's per-process random hash keys as the source: enough
/// to spread connections over hosts, with no dependency for it.
fn shuffle(items: &mut [usize]) {
    use std::hash::{BuildHasher, Hasher};
    let mut state = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish()
        | 1;
    for i in (1..items.len()).rev() {
        // xorshift64
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// The session kinds to look for, pass by pass: `prefer-standby` looks for a standby on every
/// host first, then takes any server (as libpq).
fn passes(attrs: TargetSessionAttrs) -> Vec<TargetSessionAttrs> {
    match attrs {
        TargetSessionAttrs::PreferStandby => {
            vec![TargetSessionAttrs::Standby, TargetSessionAttrs::Any]
        }
        other => vec![other],
    }
}

/// One attempt at one target, within the connect timeout; the reason when it fails.
async fn connect_target(
    info: &ConnInfo,
    target: &Target,
    wanted: TargetSessionAttrs,
    connector: tokio_postgres_rustls::MakeRustlsConnect,
) -> std::result::Result<tokio_postgres::Client, String> {
    let config = target_config(info, target);
    // A host that accepts TCP and never answers must not hang a CI job: libpq's
    // connect_timeout when given, else DEFAULT_CONNECT_TIMEOUT. As libpq's, the limit covers
    // the whole start-up of each host, not just the TCP connect.
    let limit = info.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT);
    let attempt = async {
        let (client, connection) = config
            .connect(connector)
            .await
            .map_err(|e| connect_reason(&e, info, target))?;
        tokio::spawn(async move {
            // The error, if any, surfaces on the client's next call.
            let _ = connection.await;
        });
        check_session(&client, target, wanted).await?;
        Ok(client)
    };
    match tokio::time::timeout(limit, attempt).await {
        Ok(result) => result,
        Err(_) => Err(format!(
            "timeout after {}s connecting to {} (the server did not answer; set \
             connect_timeout in the connection string to wait longer)",
            limit.as_secs(),
            target.endpoint()
        )),
    }
}

/// tokio-postgres settings for one target (tokio-postgres' own host lists are not used: its
/// target_session_attrs knows only any, read-write and read-only, and its errors do not say
/// which host failed why).
fn target_config(info: &ConnInfo, target: &Target) -> tokio_postgres::Config {
    let mut config = tokio_postgres::Config::new();
    match &target.host {
        Host::Tcp(name) => config.host(name),
        Host::Socket(dir) => config.host_path(dir),
    };
    if let Some(addr) = target.hostaddr {
        config.hostaddr(addr);
    }
    config
        .port(target.port)
        .user(&info.user)
        .dbname(&info.dbname)
        .application_name(info.application_name.as_deref().unwrap_or(APPLICATION_NAME))
        .ssl_mode(tls::postgres_ssl_mode(info, target))
        .connect_timeout(info.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT));
    if let Some(password) = &target.password {
        config.password(password);
    }
    if let Some(options) = &info.options {
        config.options(options);
    }
    config
}

/// libpq's checks for `target_session_attrs`: `transaction_read_only` for read-write and
/// read-only, `pg_is_in_recovery()` for primary and standby. The reason when the session is
/// not the kind wanted.
async fn check_session(
    client: &tokio_postgres::Client,
    target: &Target,
    wanted: TargetSessionAttrs,
) -> std::result::Result<(), String> {
    use TargetSessionAttrs as T;
    let endpoint = target.endpoint();
    let query = match wanted {
        T::Any | T::PreferStandby => return Ok(()),
        T::ReadWrite | T::ReadOnly => "SELECT current_setting('transaction_read_only') = 'on'",
        T::Primary | T::Standby => "SELECT pg_catalog.pg_is_in_recovery()",
    };
    let yes: bool = client
        .query_one(query, &[])
        .await
        .and_then(|row| row.try_get(0))
        .map_err(|e| format!("checking the session at {endpoint} failed: {e}"))?;
    let refusal = match (wanted, yes) {
        (T::ReadWrite, true) => "the session is read-only",
        (T::ReadOnly, false) => "the session is not read-only",
        (T::Primary, true) => "the server is a standby (in recovery)",
        (T::Standby, false) => "the server is not a standby (not in recovery)",
        _ => return Ok(()),
    };
    Err(format!(
        "{refusal} at {endpoint}, and target_session_attrs={}",
        wanted.as_str()
    ))
}

/// The error when no target could be used: with one target, its reason; with several, each
/// target with its reason, in the order tried. Passwords are scrubbed.
fn all_failed(info: &ConnInfo, failures: &[(usize, String)]) -> Error {
    let reasons = match failures {
        [(_, reason)] => reason.clone(),
        _ => {
            let each: Vec<String> = failures
                .iter()
                .map(|(index, reason)| {
                    let endpoint = info.targets[*index].endpoint();
                    if reason.contains(&endpoint) {
                        reason.clone()
                    } else {
                        format!("{endpoint}: {reason}")
                    }
                })
                .collect();
            format!(
                "none of the {} hosts could be used: {}",
                failures.len(),
                each.join("; ")
            )
        }
    };
    let mut message = format!("{reasons}; connection settings: {}", info.redacted());
    for password in info.passwords() {
        message = message.replace(password, "********");
    }
    Error::Connect(message)
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

/// How long a connection may take to start when the connection string sets no
/// `connect_timeout` (libpq waits forever; a CI job should not).
pub const DEFAULT_CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// `host:port` (or the socket path) of each target, `, `-separated: where a connection goes,
/// for messages.
pub fn endpoint(info: &ConnInfo) -> String {
    info.targets
        .iter()
        .map(Target::endpoint)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Our one-sentence reason why connecting to `target` failed. tokio-postgres' own messages are
/// not used verbatim.
fn connect_reason(e: &tokio_postgres::Error, info: &ConnInfo, target: &Target) -> String {
    let endpoint = target.endpoint();
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
            return tls_reason(tls, target);
        }
        if let Some(io) = err.downcast_ref::<io::Error>() {
            if let Some(tls) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                return tls_reason(tls, target);
            }
            let msg = io.to_string();
            match io.kind() {
                io::ErrorKind::ConnectionRefused => {
                    return format!("connection refused by {endpoint} (is a server running there?)")
                }
                io::ErrorKind::TimedOut => return format!("timeout connecting to {endpoint}"),
                io::ErrorKind::NotFound if target.is_unix_socket() => {
                    return format!("no server is listening on {endpoint}")
                }
                _ if msg.contains("lookup address") || msg.contains("resolve") => {
                    return format!("host {} not found", target.host)
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

fn tls_reason(e: &rustls::Error, target: &Target) -> String {
    use rustls::CertificateError as C;
    match e {
        rustls::Error::InvalidCertificate(cert) => {
            let why = match cert {
                C::UnknownIssuer => {
                    "the server certificate is not signed by a trusted certificate authority"
                        .to_string()
                }
                C::NotValidForName | C::NotValidForNameContext { .. } => {
                    format!(
                        "the server certificate is not valid for host {}",
                        target.host
                    )
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
