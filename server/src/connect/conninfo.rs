//! Connection settings with libpq semantics: URIs and keyword strings, completed from the
//! environment, the password file and the defaults.

use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use super::env::{Env, ProcessEnv};
use super::pgpass;
use super::service;
use crate::error::{Error, Result};

/// Where the server is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    /// A host name or IP address, reached over TCP.
    Tcp(String),
    /// A directory holding the server's unix socket (`.s.PGSQL.<port>`).
    Socket(PathBuf),
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Tcp(name) => f.write_str(name),
            Host::Socket(dir) => write!(f, "{}", dir.display()),
        }
    }
}

/// libpq's `sslmode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SslMode {
    /// Never TLS.
    Disable,
    /// TLS if the server wants it, without verification (treated as `prefer`).
    Allow,
    /// TLS if the server supports it, without verification; plain otherwise. The default.
    Prefer,
    /// TLS, without verification — unless a root certificate is configured, which makes it
    /// `verify-ca` (as in libpq).
    Require,
    /// TLS with the certificate chain verified; the host name is not checked.
    VerifyCa,
    /// TLS with the chain and the host name verified.
    VerifyFull,
}

impl SslMode {
    fn parse(text: &str) -> Result<SslMode> {
        Ok(match text {
            "disable" => SslMode::Disable,
            "allow" => SslMode::Allow,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => {
                return Err(config_error(format!(
                    "invalid sslmode {other:?} (expected disable, allow, prefer, require, \
                     verify-ca or verify-full)"
                )))
            }
        })
    }

    /// The keyword value, e.g. `verify-full`.
    pub fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Allow => "allow",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }
}

/// libpq's `target_session_attrs`: which kind of server a connection must end up on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetSessionAttrs {
    /// Any server (the default).
    Any,
    /// A session that can write (`transaction_read_only` is off).
    ReadWrite,
    /// A read-only session (`transaction_read_only` is on).
    ReadOnly,
    /// A server not in recovery.
    Primary,
    /// A server in recovery (a hot standby).
    Standby,
    /// A standby if any host is one, else any server.
    PreferStandby,
}

impl TargetSessionAttrs {
    fn parse(text: &str) -> Result<TargetSessionAttrs> {
        Ok(match text {
            "any" => TargetSessionAttrs::Any,
            "read-write" => TargetSessionAttrs::ReadWrite,
            "read-only" => TargetSessionAttrs::ReadOnly,
            "primary" => TargetSessionAttrs::Primary,
            "standby" => TargetSessionAttrs::Standby,
            "prefer-standby" => TargetSessionAttrs::PreferStandby,
            other => {
                return Err(config_error(format!(
                    "invalid target_session_attrs {other:?} (expected any, read-write, \
                     read-only, primary, standby or prefer-standby)"
                )))
            }
        })
    }

    /// The keyword value, e.g. `read-write`.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetSessionAttrs::Any => "any",
            TargetSessionAttrs::ReadWrite => "read-write",
            TargetSessionAttrs::ReadOnly => "read-only",
            TargetSessionAttrs::Primary => "primary",
            TargetSessionAttrs::Standby => "standby",
            TargetSessionAttrs::PreferStandby => "prefer-standby",
        }
    }
}

/// libpq's `load_balance_hosts`: the order the hosts are tried in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadBalanceHosts {
    /// In the order given (the default).
    Disable,
    /// In a random order, drawn for each connection.
    Random,
}

impl LoadBalanceHosts {
    fn parse(text: &str) -> Result<LoadBalanceHosts> {
        match text {
            "disable" => Ok(LoadBalanceHosts::Disable),
            "random" => Ok(LoadBalanceHosts::Random),
            other => Err(config_error(format!(
                "invalid load_balance_hosts {other:?} (expected disable or random)"
            ))),
        }
    }
}

/// One server to try: the `host`, `hostaddr` and `port` lists give one per entry.
#[derive(Clone, PartialEq, Eq)]
pub struct Target {
    /// Host name, IP address or socket directory.
    pub host: Host,
    /// Numeric address to connect to instead of resolving `host` (libpq `hostaddr`).
    pub hostaddr: Option<IpAddr>,
    pub port: u16,
    /// From the settings, `PGPASSWORD` or the password file (looked up for this host);
    /// `None` when none applies.
    pub password: Option<String>,
}

impl Target {
    /// Whether this target is reached through a unix socket (never encrypted).
    pub fn is_unix_socket(&self) -> bool {
        matches!(self.host, Host::Socket(_))
    }

    /// `host:port`, or the socket path: where the connection goes, for messages.
    pub fn endpoint(&self) -> String {
        match &self.host {
            Host::Socket(dir) => format!("socket {}/.s.PGSQL.{}", dir.display(), self.port),
            Host::Tcp(host) => format!("{host}:{}", self.port),
        }
    }
}

impl fmt::Debug for Target {
    /// The endpoint only: the password never shows.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Target({})", self.endpoint())
    }
}

/// Resolved connection settings: every field the connection needs has a value.
///
/// Built by [`ConnInfo::resolve`] / [`ConnInfo::from_env`]. `Display` (and
/// [`ConnInfo::redacted`]) renders a keyword string with the password masked; use it whenever a
/// connection is described.
#[derive(Clone, PartialEq, Eq)]
pub struct ConnInfo {
    /// The servers to try, in order (never empty): one per entry of the `host` / `hostaddr`
    /// lists.
    pub targets: Vec<Target>,
    pub dbname: String,
    pub user: String,
    pub sslmode: SslMode,
    /// PEM file of trusted root certificates, or `system` for the built-in web roots.
    pub sslrootcert: Option<String>,
    /// PEM file of the client certificate (`sslcert`, else `~/.postgresql/postgresql.crt` when
    /// it exists); `None` presents none.
    pub sslcert: Option<String>,
    /// PEM file of the client certificate's private key (`sslkey`, else
    /// `~/.postgresql/postgresql.key`); used only with `sslcert`.
    pub sslkey: Option<String>,
    /// `application_name` (or `fallback_application_name`) as given; connections default to
    /// `pg-flux`.
    pub application_name: Option<String>,
    /// Time allowed to establish the connection to each host; `None` waits indefinitely.
    pub connect_timeout: Option<Duration>,
    /// Server options sent at start-up (libpq `options`, e.g. `-c geqo=off`).
    pub options: Option<String>,
    pub target_session_attrs: TargetSessionAttrs,
    pub load_balance_hosts: LoadBalanceHosts,
}

/// Keywords pg-flux understands, with the environment variable that supplies each.
const KEYWORDS: &[(&str, Option<&str>)] = &[
    ("host", Some("PGHOST")),
    ("hostaddr", Some("PGHOSTADDR")),
    ("port", Some("PGPORT")),
    ("dbname", Some("PGDATABASE")),
    ("user", Some("PGUSER")),
    ("password", Some("PGPASSWORD")),
    ("passfile", Some("PGPASSFILE")),
    ("service", Some("PGSERVICE")),
    ("servicefile", Some("PGSERVICEFILE")),
    ("sslmode", Some("PGSSLMODE")),
    ("sslrootcert", Some("PGSSLROOTCERT")),
    ("sslcert", Some("PGSSLCERT")),
    ("sslkey", Some("PGSSLKEY")),
    ("connect_timeout", Some("PGCONNECT_TIMEOUT")),
    ("application_name", Some("PGAPPNAME")),
    ("fallback_application_name", None),
    ("options", Some("PGOPTIONS")),
    ("target_session_attrs", Some("PGTARGETSESSIONATTRS")),
    ("load_balance_hosts", Some("PGLOADBALANCEHOSTS")),
];

/// libpq keywords pg-flux knows but does not implement, each with what to do instead (empty
/// when there is no alternative).
const UNSUPPORTED: &[(&str, &str)] = &[
    (
        "channel_binding",
        "remove it: pg-flux uses SCRAM channel binding whenever the server offers it",
    ),
    ("client_encoding", "remove it: pg-flux always uses UTF8"),
    (
        "keepalives",
        "remove it: pg-flux keeps TCP keepalives on with the system's timings",
    ),
    (
        "keepalives_idle",
        "remove it: pg-flux keeps TCP keepalives on with the system's timings",
    ),
    (
        "keepalives_interval",
        "remove it: pg-flux keeps TCP keepalives on with the system's timings",
    ),
    (
        "keepalives_count",
        "remove it: pg-flux keeps TCP keepalives on with the system's timings",
    ),
    (
        "tcp_user_timeout",
        "use connect_timeout to bound how long connecting may take",
    ),
    (
        "replication",
        "remove it: pg-flux reads the catalog over an ordinary connection",
    ),
    (
        "gssencmode",
        "use TLS (sslmode) with password or client-certificate (sslcert, sslkey) authentication",
    ),
    (
        "gsslib",
        "use password or client-certificate (sslcert, sslkey) authentication",
    ),
    (
        "gssdelegation",
        "use password or client-certificate (sslcert, sslkey) authentication",
    ),
    (
        "krbsrvname",
        "use password or client-certificate (sslcert, sslkey) authentication",
    ),
    (
        "sslpassword",
        "decrypt the key (openssl pkey -in KEY -out NEW.key, then chmod 0600 NEW.key) and \
         name the decrypted file in sslkey",
    ),
    (
        "sslcertmode",
        "remove it: the certificate named by sslcert is presented whenever the server asks",
    ),
    ("sslcrl", ""),
    ("sslcrldir", ""),
    ("sslsni", "remove it: the host name is always sent"),
    ("sslcompression", "remove it: TLS compression is never used"),
    (
        "sslnegotiation",
        "remove it: pg-flux uses PostgreSQL's standard TLS negotiation",
    ),
    (
        "ssl_min_protocol_version",
        "remove it: pg-flux uses TLS 1.2 or 1.3",
    ),
    (
        "ssl_max_protocol_version",
        "remove it: pg-flux uses TLS 1.2 or 1.3",
    ),
    ("min_protocol_version", ""),
    ("max_protocol_version", ""),
    ("requirepeer", ""),
    ("require_auth", ""),
    ("scram_client_key", "use password= or a password file"),
    ("scram_server_key", "use password= or a password file"),
];

/// Keyword → value as written in the connection string (later occurrences win).
pub(super) type Params = BTreeMap<&'static str, String>;

pub(super) fn config_error(message: String) -> Error {
    Error::ConnectionConfig(message)
}

/// The canonical `&'static str` of a known keyword, or a clear error.
fn keyword(name: &str) -> Result<&'static str> {
    keyword_or_reason(name).map_err(config_error)
}

/// As [`keyword`], with the reason as text (for callers that add where the keyword was).
pub(super) fn keyword_or_reason(name: &str) -> std::result::Result<&'static str, String> {
    if let Some((k, _)) = KEYWORDS.iter().find(|(k, _)| *k == name) {
        return Ok(k);
    }
    match UNSUPPORTED.iter().find(|(k, _)| *k == name) {
        Some((_, "")) => Err(format!(
            "connection option {name:?} is not supported by pg-flux"
        )),
        Some((_, instead)) => Err(format!(
            "connection option {name:?} is not supported by pg-flux; {instead}"
        )),
        None => Err(format!("unknown connection option {name:?}")),
    }
}

fn insert(params: &mut Params, name: &str, value: String) -> Result<()> {
    let k = keyword(name)?;
    if value.is_empty() {
        // libpq treats most empty values as unset; so do we (the environment then applies).
        params.remove(k);
    } else {
        params.insert(k, value);
    }
    Ok(())
}

/// Parses a libpq URI or keyword string (empty text means "all defaults").
fn parse(text: &str) -> Result<Params> {
    if let Some(rest) = text
        .strip_prefix("postgresql://")
        .or_else(|| text.strip_prefix("postgres://"))
    {
        parse_uri(rest)
    } else if text.contains("://") {
        Err(config_error(
            "connection URIs must start with postgresql:// or postgres://".into(),
        ))
    } else {
        parse_keywords(text)
    }
}

/// `key=value` pairs separated by whitespace; values may be single-quoted, with `\'` and
/// `\\` escapes (and, as an extension, a doubled `''` inside quotes for a quote).
fn parse_keywords(text: &str) -> Result<Params> {
    let mut params = Params::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let skip_ws = |i: &mut usize| {
        while *i < chars.len() && chars[*i].is_whitespace() {
            *i += 1;
        }
    };
    loop {
        skip_ws(&mut i);
        if i >= chars.len() {
            break;
        }
        let start = i;
        while i < chars.len() && chars[i] != '=' && !chars[i].is_whitespace() {
            i += 1;
        }
        let name: String = chars[start..i].iter().collect();
        skip_ws(&mut i);
        if i >= chars.len() || chars[i] != '=' {
            return Err(config_error(format!(
                "missing \"=\" after {name:?} in the connection string"
            )));
        }
        i += 1;
        skip_ws(&mut i);
        let mut value = String::new();
        if i < chars.len() && chars[i] == '\'' {
            i += 1;
            loop {
                match chars.get(i) {
                    None => {
                        return Err(config_error(format!(
                            "unterminated quoted value for {name:?} in the connection string"
                        )))
                    }
                    Some('\\') => {
                        if let Some(c) = chars.get(i + 1) {
                            value.push(*c);
                        }
                        i += 2;
                    }
                    Some('\'') if chars.get(i + 1) == Some(&'\'') => {
                        value.push('\'');
                        i += 2;
                    }
                    Some('\'') => {
                        i += 1;
                        break;
                    }
                    Some(c) => {
                        value.push(*c);
                        i += 1;
                    }
                }
            }
        } else {
            while i < chars.len() && !chars[i].is_whitespace() {
                if chars[i] == '\\' && i + 1 < chars.len() {
                    i += 1;
                }
                value.push(chars[i]);
                i += 1;
            }
        }
        insert(&mut params, &name, value)?;
    }
    Ok(params)
}

/// `[user[:password]@][host][:port][/dbname][?key=value&…]`, after the scheme.
fn parse_uri(rest: &str) -> Result<Params> {
    let mut params = Params::new();
    let (main, query) = match rest.split_once('?') {
        Some((m, q)) => (m, Some(q)),
        None => (rest, None),
    };
    let (authority, path) = match main.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (main, None),
    };
    let hostspec = match authority.rsplit_once('@') {
        Some((userspec, hostspec)) => {
            let (user, password) = match userspec.split_once(':') {
                Some((u, p)) => (u, Some(p)),
                None => (userspec, None),
            };
            insert(&mut params, "user", percent_decode(user)?)?;
            if let Some(p) = password {
                insert(&mut params, "password", percent_decode(p)?)?;
            }
            hostspec
        }
        None => authority,
    };
    // Several hosts: `h1:5432,h2:5433` (a host without a port takes the default).
    let mut hosts = Vec::new();
    let mut ports = Vec::new();
    for spec in hostspec.split(',') {
        let (host, port) = uri_host_and_port(spec)?;
        hosts.push(host);
        ports.push(port);
    }
    insert(&mut params, "host", hosts.join(","))?;
    if ports.iter().any(|p| !p.is_empty()) {
        insert(&mut params, "port", ports.join(","))?;
    }
    if let Some(path) = path {
        insert(&mut params, "dbname", percent_decode(path)?)?;
    }
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let Some((k, v)) = pair.split_once('=') else {
            return Err(config_error(format!(
                "missing \"=\" in the connection URI parameter {pair:?}"
            )));
        };
        let (k, v) = (percent_decode(k)?, percent_decode(v)?);
        // JDBC-style `ssl=true`, which libpq also accepts.
        if k == "ssl" && v == "true" {
            insert(&mut params, "sslmode", "require".into())?;
        } else {
            insert(&mut params, &k, v)?;
        }
    }
    Ok(params)
}

/// One `host[:port]` of a URI's host list (`[…]` around an IPv6 address); the port is empty
/// when not given.
fn uri_host_and_port(spec: &str) -> Result<(String, String)> {
    if let Some(bracketed) = spec.strip_prefix('[') {
        let Some((host, after)) = bracketed.split_once(']') else {
            return Err(config_error(format!(
                "missing \"]\" in the IPv6 host address of the connection URI: {spec:?}"
            )));
        };
        let port = match after {
            "" => "",
            p => p.strip_prefix(':').ok_or_else(|| {
                config_error(format!(
                    "unexpected {p:?} after the IPv6 host address in the connection URI"
                ))
            })?,
        };
        return Ok((host.to_string(), percent_decode(port)?));
    }
    match spec.split_once(':') {
        Some((h, p)) => Ok((percent_decode(h)?, percent_decode(p)?)),
        None => Ok((percent_decode(spec)?, String::new())),
    }
}

fn percent_decode(text: &str) -> Result<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(0) => {
                    return Err(config_error(
                        "forbidden %00 in the connection URI".to_string(),
                    ))
                }
                Some(b) => out.push(b),
                None => {
                    return Err(config_error(
                        "invalid percent-encoding in the connection URI".to_string(),
                    ))
                }
            }
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out)
        .map_err(|_| config_error("the connection URI decodes to invalid UTF-8".into()))
}

impl ConnInfo {
    /// Resolves `text` (a libpq URI or keyword string; empty for all defaults) with the
    /// process environment. See [`ConnInfo::resolve`].
    pub fn from_env(text: &str) -> Result<ConnInfo> {
        ConnInfo::resolve(text, &ProcessEnv)
    }

    /// Resolves `text` as libpq does: what the string gives wins, then the service named by
    /// `service=` / `PGSERVICE` (from a service file), then `PG*` variables from `env`, then
    /// (for the password) the password file, then the defaults — the default socket directory,
    /// port 5432, the OS user, and a database named after the user.
    pub fn resolve(text: &str, env: &dyn Env) -> Result<ConnInfo> {
        let mut params = parse(text.trim())?;
        service::apply(&mut params, env)?;
        let get = |k: &str| -> Option<String> {
            params.get(k).cloned().or_else(|| {
                KEYWORDS
                    .iter()
                    .find(|(name, _)| *name == k)
                    .and_then(|(_, var)| var.and_then(|v| env.var(v)))
            })
        };
        let user = get("user").or_else(|| env.os_user()).ok_or_else(|| {
            config_error("could not determine the user name; set user= or PGUSER".into())
        })?;
        let dbname = get("dbname").unwrap_or_else(|| user.clone());
        let mut targets = targets(&get, env)?;
        add_passwords(&mut targets, &get, env, &dbname, &user);
        let sslmode = match get("sslmode") {
            Some(m) => SslMode::parse(&m)?,
            None => SslMode::Prefer,
        };
        let sslcert = get("sslcert").or_else(|| default_file(env, "postgresql.crt"));
        let sslkey = get("sslkey").or_else(|| {
            let home = env.home_dir()?;
            let key = home.join(".postgresql").join("postgresql.key");
            Some(key.to_string_lossy().into_owned())
        });
        let mut sslrootcert = get("sslrootcert");
        if sslrootcert.is_none() && sslmode >= SslMode::Require {
            // libpq's default root certificate file; when present it turns on verification.
            sslrootcert = default_file(env, "root.crt");
        }
        Ok(ConnInfo {
            targets,
            dbname,
            user,
            sslmode,
            sslrootcert,
            // The key matters only with a certificate (libpq ignores it otherwise).
            sslkey: sslcert.as_ref().and(sslkey),
            sslcert,
            application_name: get("application_name").or_else(|| get("fallback_application_name")),
            connect_timeout: connect_timeout(get("connect_timeout"))?,
            options: get("options"),
            target_session_attrs: match get("target_session_attrs") {
                Some(t) => TargetSessionAttrs::parse(&t)?,
                None => TargetSessionAttrs::Any,
            },
            load_balance_hosts: match get("load_balance_hosts") {
                Some(l) => LoadBalanceHosts::parse(&l)?,
                None => LoadBalanceHosts::Disable,
            },
        })
    }

    /// The settings as a keyword string with the password replaced by `********`.
    pub fn redacted(&self) -> String {
        self.to_string()
    }

    /// Whether every target is a unix socket (never encrypted).
    pub fn is_unix_socket(&self) -> bool {
        self.targets.iter().all(Target::is_unix_socket)
    }

    /// The password of the first target (the same for all unless they come from the
    /// password file).
    pub fn password(&self) -> Option<&str> {
        self.targets.first().and_then(|t| t.password.as_deref())
    }

    /// Every password the connection may send, for scrubbing messages.
    pub fn passwords(&self) -> impl Iterator<Item = &str> {
        self.targets
            .iter()
            .filter_map(|t| t.password.as_deref())
            .filter(|p| !p.is_empty())
    }

    /// The same settings narrowed to the one target at `index` (the one a connection reached),
    /// so that further connections of a session go to the same server.
    pub fn pinned(&self, index: usize) -> ConnInfo {
        let mut pinned = self.clone();
        if let Some(target) = self.targets.get(index) {
            pinned.targets = vec![target.clone()];
            pinned.target_session_attrs = TargetSessionAttrs::Any;
            pinned.load_balance_hosts = LoadBalanceHosts::Disable;
        }
        pinned
    }
}

/// `~/.postgresql/<name>` when it exists.
fn default_file(env: &dyn Env, name: &str) -> Option<String> {
    let path = env.home_dir()?.join(".postgresql").join(name);
    env.exists(&path)
        .then(|| path.to_string_lossy().into_owned())
}

/// libpq's `connect_timeout`: zero or less waits forever, and the minimum is two seconds.
fn connect_timeout(value: Option<String>) -> Result<Option<Duration>> {
    let Some(t) = value else {
        return Ok(None);
    };
    let secs: i64 = t
        .trim()
        .parse()
        .map_err(|_| config_error(format!("invalid connect_timeout {t:?} (expected seconds)")))?;
    Ok((secs > 0).then(|| Duration::from_secs(secs.max(2) as u64)))
}

/// A comma-separated list (libpq's host, hostaddr and port lists); empty entries stay.
fn list(value: Option<String>) -> Vec<String> {
    value
        .map(|v| v.split(',').map(str::to_string).collect())
        .unwrap_or_default()
}

/// The targets the `host`, `hostaddr` and `port` lists describe, with libpq's rules: the
/// host and hostaddr lists have the same length when both are given, and the port list has one
/// entry for all or one per host. Empty entries take the defaults.
fn targets(get: &dyn Fn(&str) -> Option<String>, env: &dyn Env) -> Result<Vec<Target>> {
    let hosts = list(get("host"));
    let addrs = list(get("hostaddr"));
    let ports = list(get("port"));
    if !hosts.is_empty() && !addrs.is_empty() && hosts.len() != addrs.len() {
        return Err(config_error(format!(
            "could not match {} host names to {} hostaddr values",
            hosts.len(),
            addrs.len()
        )));
    }
    let count = hosts.len().max(addrs.len()).max(1);
    if ports.len() > 1 && ports.len() != count {
        return Err(config_error(format!(
            "could not match {} port numbers to {count} hosts",
            ports.len()
        )));
    }
    let entry = |list: &[String], i: usize| -> Option<String> {
        let value = if list.len() == 1 {
            list.first()
        } else {
            list.get(i)
        };
        value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    (0..count)
        .map(|i| {
            let port = match entry(&ports, i) {
                Some(p) => parse_port(&p)?,
                None => 5432,
            };
            let hostaddr = match addrs.get(i).map(|a| a.trim()).filter(|a| !a.is_empty()) {
                Some(a) => Some(
                    a.parse::<IpAddr>()
                        .map_err(|_| config_error(format!("invalid hostaddr {a:?}")))?,
                ),
                None => None,
            };
            let host = match (hosts.get(i).filter(|h| !h.is_empty()), hostaddr) {
                (Some(h), _) if h.starts_with('/') => Host::Socket(PathBuf::from(h)),
                (Some(h), _) => Host::Tcp(h.clone()),
                (None, Some(addr)) => Host::Tcp(addr.to_string()),
                (None, None) => Host::Socket(default_socket_dir(env, port)),
            };
            Ok(Target {
                host,
                hostaddr,
                port,
                password: None,
            })
        })
        .collect()
}

fn parse_port(text: &str) -> Result<u16> {
    text.parse::<u16>()
        .ok()
        .filter(|p| *p != 0)
        .ok_or_else(|| config_error(format!("invalid port number {text:?}")))
}

/// The password of the settings or `PGPASSWORD` for every target; else, as libpq, the password
/// file's entry for each target's host and port.
fn add_passwords(
    targets: &mut [Target],
    get: &dyn Fn(&str) -> Option<String>,
    env: &dyn Env,
    dbname: &str,
    user: &str,
) {
    if let Some(password) = get("password") {
        for target in targets.iter_mut() {
            target.password = Some(password.clone());
        }
        return;
    }
    let Some(file) = get("passfile")
        .map(PathBuf::from)
        .or_else(|| env.home_dir().map(|h| h.join(".pgpass")))
    else {
        return;
    };
    for target in targets.iter_mut() {
        let host_key = match &target.host {
            Host::Tcp(h) => h.clone(),
            Host::Socket(d) => d.to_string_lossy().into_owned(),
        };
        target.password = pgpass::lookup(&file, &host_key, target.port, dbname, user);
    }
}

/// The first of the usual socket directories that holds the server's socket for `port`; else
/// `/var/run/postgresql` if it exists, else `/tmp`.
fn default_socket_dir(env: &dyn Env, port: u16) -> PathBuf {
    let candidates = [PathBuf::from("/var/run/postgresql"), PathBuf::from("/tmp")];
    for dir in &candidates {
        if env.exists(&dir.join(format!(".s.PGSQL.{port}"))) {
            return dir.clone();
        }
    }
    if env.exists(&candidates[0]) {
        candidates[0].clone()
    } else {
        candidates[1].clone()
    }
}

/// A keyword-string value, quoted when it must be.
fn quote(value: &str) -> String {
    if !value.is_empty()
        && !value
            .chars()
            .any(|c| c.is_whitespace() || c == '\'' || c == '\\')
    {
        return value.to_string();
    }
    let mut out = String::from("'");
    for c in value.chars() {
        if c == '\'' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('\'');
    out
}

impl fmt::Display for ConnInfo {
    /// A keyword string; the password, when there is one, shows as `********`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let joined = |part: &dyn Fn(&Target) -> String| -> String {
            self.targets.iter().map(part).collect::<Vec<_>>().join(",")
        };
        write!(f, "host={}", quote(&joined(&|t| t.host.to_string())))?;
        if self.targets.iter().any(|t| t.hostaddr.is_some()) {
            let addrs = joined(&|t| t.hostaddr.map(|a| a.to_string()).unwrap_or_default());
            write!(f, " hostaddr={addrs}")?;
        }
        let ports = match self.targets.as_slice() {
            [first, rest @ ..] if rest.iter().all(|t| t.port == first.port) => {
                first.port.to_string()
            }
            _ => joined(&|t| t.port.to_string()),
        };
        write!(
            f,
            " port={ports} dbname={} user={}",
            quote(&self.dbname),
            quote(&self.user)
        )?;
        if self.targets.iter().any(|t| t.password.is_some()) {
            f.write_str(" password=********")?;
        }
        write!(f, " sslmode={}", self.sslmode.as_str())?;
        for (name, value) in [
            ("sslrootcert", &self.sslrootcert),
            ("sslcert", &self.sslcert),
            ("sslkey", &self.sslkey),
            ("application_name", &self.application_name),
        ] {
            if let Some(value) = value {
                write!(f, " {name}={}", quote(value))?;
            }
        }
        if let Some(t) = self.connect_timeout {
            write!(f, " connect_timeout={}", t.as_secs())?;
        }
        if let Some(options) = &self.options {
            write!(f, " options={}", quote(options))?;
        }
        if self.target_session_attrs != TargetSessionAttrs::Any {
            write!(
                f,
                " target_session_attrs={}",
                self.target_session_attrs.as_str()
            )?;
        }
        if self.load_balance_hosts == LoadBalanceHosts::Random {
            f.write_str(" load_balance_hosts=random")?;
        }
        Ok(())
    }
}

impl fmt::Debug for ConnInfo {
    /// Same as `Display`: the password never shows.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ConnInfo({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connect::env::StaticEnv;
    use std::os::unix::fs::PermissionsExt;

    /// An environment with nothing set and no socket directories.
    fn bare() -> StaticEnv {
        StaticEnv {
            existing: Some(Vec::new()),
            ..StaticEnv::new("osuser")
        }
    }

    fn resolve(text: &str) -> ConnInfo {
        ConnInfo::resolve(text, &bare()).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn err(text: &str) -> String {
        match ConnInfo::resolve(text, &bare()) {
            Ok(info) => panic!("{text}: expected an error, got {info}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn uri_with_everything() {
        let c = resolve(
            "postgresql://al%40ice:p%40ss%3Aw%2Frd@db.example:6543/my%20db?sslmode=verify-full\
             &sslrootcert=/etc/ca.pem&application_name=me&connect_timeout=10",
        );
        assert_eq!(c.targets[0].host, Host::Tcp("db.example".into()));
        assert_eq!(c.targets[0].port, 6543);
        assert_eq!(c.user, "al@ice");
        assert_eq!(c.password(), Some("p@ss:w/rd"));
        assert_eq!(c.dbname, "my db");
        assert_eq!(c.sslmode, SslMode::VerifyFull);
        assert_eq!(c.sslrootcert.as_deref(), Some("/etc/ca.pem"));
        assert_eq!(c.application_name.as_deref(), Some("me"));
        assert_eq!(c.connect_timeout, Some(Duration::from_secs(10)));
    }

    #[test]
    fn uri_variants() {
        let c = resolve("postgres://[::1]:5433/db");
        assert_eq!(
            (
                c.targets[0].host.clone(),
                c.targets[0].port,
                c.dbname.as_str()
            ),
            (Host::Tcp("::1".into()), 5433, "db")
        );
        let c = resolve("postgres://[fe80::1]");
        assert_eq!(
            (c.targets[0].host.clone(), c.targets[0].port),
            (Host::Tcp("fe80::1".into()), 5432)
        );
        let c = resolve("postgresql:///app?host=/srv/sock&port=7");
        assert_eq!(c.targets[0].host, Host::Socket("/srv/sock".into()));
        assert_eq!(
            (c.targets[0].port, c.dbname.as_str(), c.user.as_str()),
            (7, "app", "osuser")
        );
        let c = resolve("postgresql://%2Fsrv%2Fsock/app");
        assert_eq!(c.targets[0].host, Host::Socket("/srv/sock".into()));
        let c = resolve("postgresql://bob@host");
        assert_eq!(
            (c.user.as_str(), c.dbname.as_str(), c.password()),
            ("bob", "bob", None)
        );
        let c = resolve("postgres://h/d?ssl=true");
        assert_eq!(c.sslmode, SslMode::Require);
        assert!(err("postgres://h/d?bogus=1").contains("unknown connection option \"bogus\""));
        assert!(err("postgres://h/d?sslmode").contains("missing \"=\""));
        assert!(err("postgres://h/d%zz").contains("percent-encoding"));
        assert!(err("postgres://[::1/d").contains("IPv6"));
        assert!(err("postgres://h:port/d").contains("invalid port"));
        assert!(err("mysql://h/d").contains("postgresql://"));
    }

    #[test]
    fn keyword_strings_and_quoting() {
        let c = resolve(
            r"host=h port = 6000 dbname='my db' user=u password='it\'s a \\ secret' sslmode=require",
        );
        assert_eq!(c.targets[0].host, Host::Tcp("h".into()));
        assert_eq!(c.targets[0].port, 6000);
        assert_eq!(c.dbname, "my db");
        assert_eq!(c.password(), Some(r"it's a \ secret"));
        assert_eq!(c.sslmode, SslMode::Require);
        // Extension: a doubled quote inside quotes, and an empty quoted value.
        let c = resolve("password='it''s' user='' dbname=d");
        assert_eq!(c.password(), Some("it's"));
        assert_eq!(c.user, "osuser");
        // Unquoted backslash escapes; later keywords win.
        let c = resolve(r"password=a\ b host=x host=/sock");
        assert_eq!(c.password(), Some("a b"));
        assert_eq!(c.targets[0].host, Host::Socket("/sock".into()));
        assert!(err("host=h frobnicate=1").contains("unknown connection option \"frobnicate\""));
        assert_eq!(
            err("sslpassword=x"),
            "invalid connection settings: connection option \"sslpassword\" is not supported by \
             pg-flux; decrypt the key (openssl pkey -in KEY -out NEW.key, then chmod 0600 \
             NEW.key) and name the decrypted file in sslkey"
        );
        assert_eq!(
            err("sslcrl=/x"),
            "invalid connection settings: connection option \"sslcrl\" is not supported by \
             pg-flux"
        );
        assert!(err("host h").contains("missing \"=\" after \"host\""));
        assert!(err("password='open").contains("unterminated"));
        assert!(err("sslmode=sometimes").contains("invalid sslmode"));
        assert!(err("connect_timeout=soon").contains("connect_timeout"));
        assert!(err("hostaddr=nope").contains("hostaddr"));
    }

    #[test]
    fn defaults() {
        let c = resolve("");
        assert_eq!(c.targets[0].host, Host::Socket("/tmp".into()));
        assert_eq!(
            (c.targets[0].port, c.user.as_str(), c.dbname.as_str()),
            (5432, "osuser", "osuser")
        );
        assert_eq!(c.sslmode, SslMode::Prefer);
        assert_eq!((c.password(), c.connect_timeout), (None, None));
        let mut env = bare();
        env.existing = Some(vec!["/var/run/postgresql".into()]);
        assert_eq!(
            ConnInfo::resolve("", &env)
                .map(|c| c.targets[0].host.clone())
                .ok(),
            Some(Host::Socket("/var/run/postgresql".into()))
        );
        // A directory that holds the socket for the port wins.
        env.existing = Some(vec![
            "/var/run/postgresql".into(),
            "/tmp/.s.PGSQL.6000".into(),
        ]);
        assert_eq!(
            ConnInfo::resolve("port=6000", &env)
                .map(|c| c.targets[0].host.clone())
                .ok(),
            Some(Host::Socket("/tmp".into()))
        );
        let c = resolve("hostaddr=10.0.0.1");
        assert_eq!(c.targets[0].host, Host::Tcp("10.0.0.1".into()));
        assert_eq!(
            resolve("connect_timeout=1").connect_timeout,
            Some(Duration::from_secs(2))
        );
        assert_eq!(resolve("connect_timeout=0").connect_timeout, None);
        assert_eq!(
            resolve("fallback_application_name=x")
                .application_name
                .as_deref(),
            Some("x")
        );
        let no_user = StaticEnv {
            existing: Some(Vec::new()),
            ..StaticEnv::default()
        };
        assert!(ConnInfo::resolve("", &no_user).is_err());
    }

    #[test]
    fn string_beats_env_beats_pgpass_beats_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        let pgpass = dir.path().join(".pgpass");
        std::fs::write(
            &pgpass,
            "envhost:5555:envdb:envuser:from-pgpass\n*:*:*:*:fallback\n",
        )
        .expect("write");
        std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        let mut env = bare()
            .with_home(dir.path())
            .with_var("PGHOST", "envhost")
            .with_var("PGPORT", "5555")
            .with_var("PGUSER", "envuser")
            .with_var("PGDATABASE", "envdb")
            .with_var("PGSSLMODE", "disable")
            .with_var("PGAPPNAME", "envapp")
            .with_var("PGCONNECT_TIMEOUT", "7");
        let c = ConnInfo::resolve("", &env).expect("resolve");
        assert_eq!(c.targets[0].host, Host::Tcp("envhost".into()));
        assert_eq!(
            (c.targets[0].port, c.user.as_str(), c.dbname.as_str()),
            (5555, "envuser", "envdb")
        );
        assert_eq!(c.password(), Some("from-pgpass"));
        assert_eq!(c.sslmode, SslMode::Disable);
        assert_eq!(c.application_name.as_deref(), Some("envapp"));
        assert_eq!(c.connect_timeout, Some(Duration::from_secs(7)));

        // The string beats the environment; the pgpass match follows the final values.
        let c =
            ConnInfo::resolve("host=strhost user=struser sslmode=require", &env).expect("resolve");
        assert_eq!(c.targets[0].host, Host::Tcp("strhost".into()));
        assert_eq!(c.user, "struser");
        assert_eq!(c.sslmode, SslMode::Require);
        assert_eq!(c.password(), Some("fallback"));

        // PGPASSWORD beats the password file; a password in the string beats PGPASSWORD.
        env = env.with_var("PGPASSWORD", "from-env");
        let c = ConnInfo::resolve("", &env).expect("resolve");
        assert_eq!(c.password(), Some("from-env"));
        let c = ConnInfo::resolve("password=from-string", &env).expect("resolve");
        assert_eq!(c.password(), Some("from-string"));

        // PGPASSFILE names another file; passfile= in the string beats it.
        let other = dir.path().join("other");
        std::fs::write(&other, "*:*:*:*:other-file\n").expect("write");
        std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        env.vars.remove("PGPASSWORD");
        let env = env.with_var("PGPASSFILE", other.to_string_lossy());
        let c = ConnInfo::resolve("", &env).expect("resolve");
        assert_eq!(c.password(), Some("other-file"));
        let c =
            ConnInfo::resolve(&format!("passfile={}", pgpass.display()), &env).expect("resolve");
        assert_eq!(c.password(), Some("from-pgpass"));
    }

    #[test]
    fn default_root_certificate_applies_from_require_up() {
        let mut env = bare().with_home("/home/u");
        env.existing = Some(vec!["/home/u/.postgresql/root.crt".into()]);
        let c = ConnInfo::resolve("host=h sslmode=require", &env).expect("resolve");
        assert_eq!(
            c.sslrootcert.as_deref(),
            Some("/home/u/.postgresql/root.crt")
        );
        let c = ConnInfo::resolve("host=h", &env).expect("resolve");
        assert_eq!(c.sslrootcert, None);
    }

    #[test]
    fn redaction() {
        let c = resolve("postgres://u:s3cr%27t@h:1/d?application_name=my%20app");
        let shown = c.redacted();
        assert_eq!(
            shown,
            "host=h port=1 dbname=d user=u password=******** sslmode=prefer \
             application_name='my app'"
        );
        assert!(!format!("{c:?}").contains("s3cr"));
        // What Display prints parses back to the same settings (bar the password).
        let back = resolve(&shown.replace("password=******** ", ""));
        assert_eq!(back.application_name, c.application_name);
        let c = resolve(r"host=/my\ sock user='o\'k' dbname=x");
        assert_eq!(
            c.to_string(),
            r"host='/my sock' port=5432 dbname=x user='o\'k' sslmode=prefer"
        );
        assert_eq!(resolve(&c.to_string()), c);
    }

    fn endpoints(c: &ConnInfo) -> Vec<String> {
        c.targets.iter().map(Target::endpoint).collect()
    }

    #[test]
    fn several_hosts_in_keyword_strings() {
        let c = resolve("host=a,b,/sock port=5433");
        assert_eq!(
            endpoints(&c),
            ["a:5433", "b:5433", "socket /sock/.s.PGSQL.5433"]
        );
        let c = resolve("host=a,b port=1,2");
        assert_eq!(endpoints(&c), ["a:1", "b:2"]);
        // An empty entry takes the default: the port 5432, the default socket directory.
        let c = resolve("host=a,,b port=1,,3");
        assert_eq!(endpoints(&c), ["a:1", "socket /tmp/.s.PGSQL.5432", "b:3"]);
        let c = resolve("host=a,b hostaddr=10.0.0.1,10.0.0.2");
        assert_eq!(
            c.targets.iter().map(|t| t.hostaddr).collect::<Vec<_>>(),
            ["10.0.0.1".parse().ok(), "10.0.0.2".parse().ok()]
        );
        let c = resolve("hostaddr=10.0.0.1,10.0.0.2 port=7");
        assert_eq!(endpoints(&c), ["10.0.0.1:7", "10.0.0.2:7"]);
        assert_eq!(
            err("host=a,b port=1,2,3"),
            "invalid connection settings: could not match 3 port numbers to 2 hosts"
        );
        assert_eq!(
            err("host=a,b hostaddr=10.0.0.1"),
            "invalid connection settings: could not match 2 host names to 1 hostaddr values"
        );
        assert!(err("host=a,b port=1,x").contains("invalid port number \"x\""));
        // The environment's lists work the same way.
        let env = bare().with_var("PGHOST", "e1,e2").with_var("PGPORT", "1,2");
        let c = ConnInfo::resolve("", &env).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(endpoints(&c), ["e1:1", "e2:2"]);
    }

    #[test]
    fn several_hosts_in_uris() {
        let c = resolve("postgresql://h1:5432,h2:5433/db");
        assert_eq!(endpoints(&c), ["h1:5432", "h2:5433"]);
        assert_eq!(c.dbname, "db");
        let c = resolve("postgresql://u@h1,h2:6000,[::1]:7000/db");
        assert_eq!(endpoints(&c), ["h1:5432", "h2:6000", "::1:7000"]);
        let c = resolve("postgresql://h1,h2/db");
        assert_eq!(endpoints(&c), ["h1:5432", "h2:5432"]);
        // What Display prints parses back to the same targets.
        let c = resolve("postgresql://h1:1,h2:2/db?target_session_attrs=read-write");
        assert_eq!(
            c.to_string(),
            "host=h1,h2 port=1,2 dbname=db user=osuser sslmode=prefer \
             target_session_attrs=read-write"
        );
        assert_eq!(resolve(&c.to_string()), c);
        assert_eq!(crate::connect::endpoint(&c), "h1:1, h2:2");
    }

    #[test]
    fn the_password_file_is_read_for_each_host() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let pgpass = dir.path().join("pgpass");
        std::fs::write(&pgpass, "h1:1:*:*:first\nh2:2:*:*:second\n")
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600))
            .unwrap_or_else(|e| panic!("{e}"));
        let c = resolve(&format!(
            "host=h1,h2,h3 port=1,2,3 passfile={}",
            pgpass.display()
        ));
        let passwords: Vec<_> = c.targets.iter().map(|t| t.password.as_deref()).collect();
        assert_eq!(passwords, [Some("first"), Some("second"), None]);
        assert_eq!(c.passwords().collect::<Vec<_>>(), ["first", "second"]);
        // A password in the settings is sent to every host.
        let c = resolve(&format!(
            "host=h1,h2 password=pw passfile={}",
            pgpass.display()
        ));
        assert!(c
            .targets
            .iter()
            .all(|t| t.password.as_deref() == Some("pw")));
        assert!(!format!("{:?}", c.targets).contains("pw"));
    }

    #[test]
    fn target_session_attrs_and_load_balancing() {
        for value in [
            "any",
            "read-write",
            "read-only",
            "primary",
            "standby",
            "prefer-standby",
        ] {
            let c = resolve(&format!("target_session_attrs={value}"));
            assert_eq!(c.target_session_attrs.as_str(), value);
        }
        assert_eq!(resolve("").target_session_attrs, TargetSessionAttrs::Any);
        let env = bare().with_var("PGTARGETSESSIONATTRS", "standby");
        assert_eq!(
            ConnInfo::resolve("", &env)
                .map(|c| c.target_session_attrs)
                .ok(),
            Some(TargetSessionAttrs::Standby)
        );
        assert_eq!(
            err("target_session_attrs=master"),
            "invalid connection settings: invalid target_session_attrs \"master\" (expected \
             any, read-write, read-only, primary, standby or prefer-standby)"
        );
        assert_eq!(
            resolve("load_balance_hosts=random").load_balance_hosts,
            LoadBalanceHosts::Random
        );
        assert_eq!(
            err("load_balance_hosts=sometimes"),
            "invalid connection settings: invalid load_balance_hosts \"sometimes\" (expected \
             disable or random)"
        );
        // A pinned copy goes to one host and takes whatever session it gets there.
        let c = resolve("host=a,b target_session_attrs=primary load_balance_hosts=random");
        let pinned = c.pinned(1);
        assert_eq!(endpoints(&pinned), ["b:5432"]);
        assert_eq!(pinned.target_session_attrs, TargetSessionAttrs::Any);
    }

    #[test]
    fn client_certificate_files_and_their_defaults() {
        let c = resolve("sslcert=/c.crt sslkey=/c.key");
        assert_eq!(
            (c.sslcert.as_deref(), c.sslkey.as_deref()),
            (Some("/c.crt"), Some("/c.key"))
        );
        // A key without a certificate is ignored, as in libpq.
        assert_eq!(resolve("sslkey=/c.key").sslkey, None);
        // ~/.postgresql/postgresql.crt when it exists, with postgresql.key beside it.
        let mut env = bare().with_home("/home/u");
        let c = ConnInfo::resolve("", &env).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((c.sslcert, c.sslkey), (None, None));
        env.existing = Some(vec!["/home/u/.postgresql/postgresql.crt".into()]);
        let c = ConnInfo::resolve("", &env).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (c.sslcert.as_deref(), c.sslkey.as_deref()),
            (
                Some("/home/u/.postgresql/postgresql.crt"),
                Some("/home/u/.postgresql/postgresql.key")
            )
        );
        let env = env
            .with_var("PGSSLCERT", "/e.crt")
            .with_var("PGSSLKEY", "/e.key");
        let c = ConnInfo::resolve("", &env).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (c.sslcert.as_deref(), c.sslkey.as_deref()),
            (Some("/e.crt"), Some("/e.key"))
        );
        assert_eq!(
            c.to_string(),
            "host=/tmp port=5432 dbname=osuser user=osuser sslmode=prefer sslcert=/e.crt \
             sslkey=/e.key"
        );
    }

    /// A service file `text` in a temporary directory, and an environment pointing
    /// PGSERVICEFILE at it.
    fn with_service_file(text: &str) -> (tempfile::TempDir, StaticEnv) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("services.conf");
        std::fs::write(&file, text).unwrap_or_else(|e| panic!("{e}"));
        let env = bare().with_var("PGSERVICEFILE", file.to_string_lossy());
        (dir, env)
    }

    const SERVICES: &str = "# comment\n\
        [other]\n\
        host=wrong\n\
        \n\
        [app]\n\
        \x20 host = svc-host \n\
        port=6000\n\
        # a comment inside\n\
        dbname=svcdb\n\
        dbname=ignored-second-value\n\
        \n\
        [app]\n\
        user=ignored-second-section\n";

    #[test]
    fn service_files_give_defaults_that_the_string_overrides() {
        let (_dir, env) = with_service_file(SERVICES);
        let c = ConnInfo::resolve("service=app", &env).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(endpoints(&c), ["svc-host:6000"]);
        assert_eq!((c.dbname.as_str(), c.user.as_str()), ("svcdb", "osuser"));
        // The string beats the service; the service beats the environment.
        let env = env.with_var("PGPORT", "7000").with_var("PGUSER", "envuser");
        let c =
            ConnInfo::resolve("service=app dbname=mine", &env).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(endpoints(&c), ["svc-host:6000"]);
        assert_eq!((c.dbname.as_str(), c.user.as_str()), ("mine", "envuser"));
        // PGSERVICE picks the service when the string does not.
        let env = env.with_var("PGSERVICE", "other");
        let c = ConnInfo::resolve("", &env).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(endpoints(&c), ["wrong:7000"]);
        assert_eq!(
            ConnInfo::resolve("service=nope", &env)
                .map_err(|e| e.to_string())
                .err(),
            Some("invalid connection settings: definition of service \"nope\" not found".into())
        );
    }

    #[test]
    fn service_files_are_searched_in_libpq_order() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let home = dir.path().join("home");
        let sysconf = dir.path().join("etc");
        for d in [&home, &sysconf] {
            std::fs::create_dir_all(d).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(home.join(".pg_service.conf"), "[a]\nhost=from-home\n")
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(
            sysconf.join("pg_service.conf"),
            "[a]\nhost=from-sysconf\n[b]\nhost=only-in-sysconf\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let env = bare()
            .with_home(&home)
            .with_var("PGSYSCONFDIR", sysconf.to_string_lossy());
        let host = |text: &str, env: &StaticEnv| {
            ConnInfo::resolve(text, env)
                .map(|c| endpoints(&c))
                .unwrap_or_else(|e| panic!("{e}"))
        };
        assert_eq!(host("service=a", &env), ["from-home:5432"]);
        // A service missing from the user's file is looked for in the system's.
        assert_eq!(host("service=b", &env), ["only-in-sysconf:5432"]);
        // PGSERVICEFILE (or servicefile=) replaces ~/.pg_service.conf; a missing file is
        // skipped.
        let env = env.with_var("PGSERVICEFILE", dir.path().join("none").to_string_lossy());
        assert_eq!(host("service=a", &env), ["from-sysconf:5432"]);
        let text = format!(
            "service=a servicefile={}",
            home.join(".pg_service.conf").display()
        );
        assert_eq!(host(&text, &env), ["from-home:5432"]);
    }

    #[test]
    fn service_file_errors_name_the_file_and_line() {
        let cases = [
            ("[s]\nhost\n", "syntax error in service file \"F\", line 2"),
            (
                "[s]\nservice=t\n",
                "nested service specifications are not supported (service file \"F\", line 2)",
            ),
            (
                "[s]\n\nbogus=1\n",
                "unknown connection option \"bogus\" (service file \"F\", line 3)",
            ),
            (
                "[s]\nsslcrl=x\n",
                "connection option \"sslcrl\" is not supported by pg-flux (service file \"F\", \
                 line 2)",
            ),
        ];
        for (text, expected) in cases {
            let (dir, env) = with_service_file(text);
            let file = dir.path().join("services.conf");
            let message = ConnInfo::resolve("service=s", &env)
                .map(|c| c.to_string())
                .unwrap_or_else(|e| e.to_string());
            let expected = expected.replace('F', &file.display().to_string());
            assert_eq!(message, format!("invalid connection settings: {expected}"));
        }
        // Other sections are not checked.
        let (_dir, env) = with_service_file("[t]\nnonsense\n[s]\nport=1\n");
        assert!(ConnInfo::resolve("service=s", &env).is_ok());
    }
}
