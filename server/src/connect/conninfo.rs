//! Connection settings with libpq semantics: URIs and keyword strings, completed from the
//! environment, the password file and the defaults.

use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use super::env::{Env, ProcessEnv};
use super::pgpass;
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

/// Resolved connection settings: every field the connection needs has a value.
///
/// Built by [`ConnInfo::resolve`] / [`ConnInfo::from_env`]. `Display` (and
/// [`ConnInfo::redacted`]) renders a keyword string with the password masked; use it whenever a
/// connection is described.
#[derive(Clone, PartialEq, Eq)]
pub struct ConnInfo {
    /// Host name, IP address or socket directory.
    pub host: Host,
    /// Numeric address to connect to instead of resolving `host` (libpq `hostaddr`).
    pub hostaddr: Option<IpAddr>,
    pub port: u16,
    pub dbname: String,
    pub user: String,
    /// From the settings, `PGPASSWORD` or the password file; `None` when none applies.
    pub password: Option<String>,
    pub sslmode: SslMode,
    /// PEM file of trusted root certificates, or `system` for the built-in web roots.
    pub sslrootcert: Option<String>,
    /// `application_name` (or `fallback_application_name`) as given; connections default to
    /// `pg-flux`.
    pub application_name: Option<String>,
    /// Time allowed to establish the connection; `None` waits indefinitely.
    pub connect_timeout: Option<Duration>,
    /// Server options sent at start-up (libpq `options`, e.g. `-c geqo=off`).
    pub options: Option<String>,
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
    ("sslmode", Some("PGSSLMODE")),
    ("sslrootcert", Some("PGSSLROOTCERT")),
    ("connect_timeout", Some("PGCONNECT_TIMEOUT")),
    ("application_name", Some("PGAPPNAME")),
    ("fallback_application_name", None),
    ("options", Some("PGOPTIONS")),
];

/// libpq keywords pg-flux knows but does not implement: named in a clearer error.
const UNSUPPORTED: &[&str] = &[
    "service",
    "channel_binding",
    "client_encoding",
    "keepalives",
    "keepalives_idle",
    "keepalives_interval",
    "keepalives_count",
    "tcp_user_timeout",
    "replication",
    "gssencmode",
    "gsslib",
    "gssdelegation",
    "krbsrvname",
    "sslcert",
    "sslkey",
    "sslpassword",
    "sslcertmode",
    "sslcrl",
    "sslcrldir",
    "sslsni",
    "sslcompression",
    "sslnegotiation",
    "ssl_min_protocol_version",
    "ssl_max_protocol_version",
    "min_protocol_version",
    "max_protocol_version",
    "requirepeer",
    "require_auth",
    "target_session_attrs",
    "load_balance_hosts",
    "scram_client_key",
    "scram_server_key",
];

/// Keyword → value as written in the connection string (later occurrences win).
type Params = BTreeMap<&'static str, String>;

fn config_error(message: String) -> Error {
    Error::ConnectionConfig(message)
}

/// The canonical `&'static str` of a known keyword, or a clear error.
fn keyword(name: &str) -> Result<&'static str> {
    if let Some((k, _)) = KEYWORDS.iter().find(|(k, _)| *k == name) {
        return Ok(k);
    }
    if UNSUPPORTED.contains(&name) {
        return Err(config_error(format!(
            "connection option {name:?} is not supported by pg-flux"
        )));
    }
    Err(config_error(format!("unknown connection option {name:?}")))
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
    if hostspec.contains(',') {
        return Err(config_error(
            "several hosts in one connection URI are not supported".into(),
        ));
    }
    let (host, port) = if let Some(bracketed) = hostspec.strip_prefix('[') {
        let Some((host, after)) = bracketed.split_once(']') else {
            return Err(config_error(format!(
                "missing \"]\" in the IPv6 host address of the connection URI: {hostspec:?}"
            )));
        };
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':').ok_or_else(|| {
                config_error(format!(
                    "unexpected {p:?} after the IPv6 host address in the connection URI"
                ))
            })?),
        };
        (host.to_string(), port)
    } else {
        match hostspec.split_once(':') {
            Some((h, p)) => (percent_decode(h)?, Some(p)),
            None => (percent_decode(hostspec)?, None),
        }
    };
    insert(&mut params, "host", host)?;
    if let Some(port) = port {
        insert(&mut params, "port", percent_decode(port)?)?;
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

    /// Resolves `text` as libpq does: what the string gives wins, then `PG*` variables from
    /// `env`, then (for the password) the password file, then the defaults — the default
    /// socket directory, port 5432, the OS user, and a database named after the user.
    pub fn resolve(text: &str, env: &dyn Env) -> Result<ConnInfo> {
        let params = parse(text.trim())?;
        let get = |k: &str| -> Option<String> {
            params.get(k).cloned().or_else(|| {
                KEYWORDS
                    .iter()
                    .find(|(name, _)| *name == k)
                    .and_then(|(_, var)| var.and_then(|v| env.var(v)))
            })
        };

        let port = match get("port") {
            Some(p) => p
                .trim()
                .parse::<u16>()
                .ok()
                .filter(|p| *p != 0)
                .ok_or_else(|| config_error(format!("invalid port number {p:?}")))?,
            None => 5432,
        };
        let hostaddr = match get("hostaddr") {
            Some(a) => Some(
                a.parse::<IpAddr>()
                    .map_err(|_| config_error(format!("invalid hostaddr {a:?}")))?,
            ),
            None => None,
        };
        let host = match (get("host"), hostaddr) {
            (Some(h), _) if h.contains(',') => {
                return Err(config_error(
                    "several hosts in one connection string are not supported".into(),
                ))
            }
            (Some(h), _) if h.starts_with('/') => Host::Socket(PathBuf::from(h)),
            (Some(h), _) => Host::Tcp(h),
            (None, Some(addr)) => Host::Tcp(addr.to_string()),
            (None, None) => Host::Socket(default_socket_dir(env, port)),
        };
        let user = get("user").or_else(|| env.os_user()).ok_or_else(|| {
            config_error("could not determine the user name; set user= or PGUSER".into())
        })?;
        let dbname = get("dbname").unwrap_or_else(|| user.clone());
        let sslmode = match get("sslmode") {
            Some(m) => SslMode::parse(&m)?,
            None => SslMode::Prefer,
        };
        let mut sslrootcert = get("sslrootcert");
        if sslrootcert.is_none() && sslmode >= SslMode::Require {
            // libpq's default root certificate file; when present it turns on verification.
            if let Some(home) = env.home_dir() {
                let default = home.join(".postgresql").join("root.crt");
                if env.exists(&default) {
                    sslrootcert = Some(default.to_string_lossy().into_owned());
                }
            }
        }
        let connect_timeout = match get("connect_timeout") {
            Some(t) => {
                let secs: i64 = t.trim().parse().map_err(|_| {
                    config_error(format!("invalid connect_timeout {t:?} (expected seconds)"))
                })?;
                // As libpq: zero or less waits forever, and the minimum is two seconds.
                (secs > 0).then(|| Duration::from_secs(secs.max(2) as u64))
            }
            None => None,
        };
        let password = get("password").or_else(|| {
            let file = get("passfile")
                .map(PathBuf::from)
                .or_else(|| env.home_dir().map(|h| h.join(".pgpass")))?;
            let host_key = match (&host, hostaddr) {
                (Host::Tcp(h), _) => h.clone(),
                (Host::Socket(d), _) => d.to_string_lossy().into_owned(),
            };
            pgpass::lookup(&file, &host_key, port, &dbname, &user)
        });
        Ok(ConnInfo {
            host,
            hostaddr,
            port,
            dbname,
            user,
            password,
            sslmode,
            sslrootcert,
            application_name: get("application_name").or_else(|| get("fallback_application_name")),
            connect_timeout,
            options: get("options"),
        })
    }

    /// The settings as a keyword string with the password replaced by `********`.
    pub fn redacted(&self) -> String {
        self.to_string()
    }

    /// Whether the connection goes through a unix socket (never encrypted).
    pub fn is_unix_socket(&self) -> bool {
        matches!(self.host, Host::Socket(_))
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
        write!(f, "host={}", quote(&self.host.to_string()))?;
        if let Some(addr) = self.hostaddr {
            write!(f, " hostaddr={addr}")?;
        }
        write!(
            f,
            " port={} dbname={} user={}",
            self.port,
            quote(&self.dbname),
            quote(&self.user)
        )?;
        if self.password.is_some() {
            f.write_str(" password=********")?;
        }
        write!(f, " sslmode={}", self.sslmode.as_str())?;
        if let Some(root) = &self.sslrootcert {
            write!(f, " sslrootcert={}", quote(root))?;
        }
        if let Some(name) = &self.application_name {
            write!(f, " application_name={}", quote(name))?;
        }
        if let Some(t) = self.connect_timeout {
            write!(f, " connect_timeout={}", t.as_secs())?;
        }
        if let Some(options) = &self.options {
            write!(f, " options={}", quote(options))?;
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
        assert_eq!(c.host, Host::Tcp("db.example".into()));
        assert_eq!(c.port, 6543);
        assert_eq!(c.user, "al@ice");
        assert_eq!(c.password.as_deref(), Some("p@ss:w/rd"));
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
            (c.host, c.port, c.dbname.as_str()),
            (Host::Tcp("::1".into()), 5433, "db")
        );
        let c = resolve("postgres://[fe80::1]");
        assert_eq!((c.host, c.port), (Host::Tcp("fe80::1".into()), 5432));
        let c = resolve("postgresql:///app?host=/srv/sock&port=7");
        assert_eq!(c.host, Host::Socket("/srv/sock".into()));
        assert_eq!(
            (c.port, c.dbname.as_str(), c.user.as_str()),
            (7, "app", "osuser")
        );
        let c = resolve("postgresql://%2Fsrv%2Fsock/app");
        assert_eq!(c.host, Host::Socket("/srv/sock".into()));
        let c = resolve("postgresql://bob@host");
        assert_eq!(
            (c.user.as_str(), c.dbname.as_str(), c.password),
            ("bob", "bob", None)
        );
        let c = resolve("postgres://h/d?ssl=true");
        assert_eq!(c.sslmode, SslMode::Require);
        assert!(err("postgres://h/d?bogus=1").contains("unknown connection option \"bogus\""));
        assert!(err("postgres://h/d?sslmode").contains("missing \"=\""));
        assert!(err("postgres://h/d%zz").contains("percent-encoding"));
        assert!(err("postgres://[::1/d").contains("IPv6"));
        assert!(err("postgres://a,b/d").contains("several hosts"));
        assert!(err("postgres://h:port/d").contains("invalid port"));
        assert!(err("mysql://h/d").contains("postgresql://"));
    }

    #[test]
    fn keyword_strings_and_quoting() {
        let c = resolve(
            r"host=h port = 6000 dbname='my db' user=u password='it\'s a \\ secret' sslmode=require",
        );
        assert_eq!(c.host, Host::Tcp("h".into()));
        assert_eq!(c.port, 6000);
        assert_eq!(c.dbname, "my db");
        assert_eq!(c.password.as_deref(), Some(r"it's a \ secret"));
        assert_eq!(c.sslmode, SslMode::Require);
        // Extension: a doubled quote inside quotes, and an empty quoted value.
        let c = resolve("password='it''s' user='' dbname=d");
        assert_eq!(c.password.as_deref(), Some("it's"));
        assert_eq!(c.user, "osuser");
        // Unquoted backslash escapes; later keywords win.
        let c = resolve(r"password=a\ b host=x host=/sock");
        assert_eq!(c.password.as_deref(), Some("a b"));
        assert_eq!(c.host, Host::Socket("/sock".into()));
        assert!(err("host=h frobnicate=1").contains("unknown connection option \"frobnicate\""));
        assert!(err("sslcert=/x").contains("not supported by pg-flux"));
        assert!(err("host h").contains("missing \"=\" after \"host\""));
        assert!(err("password='open").contains("unterminated"));
        assert!(err("sslmode=sometimes").contains("invalid sslmode"));
        assert!(err("connect_timeout=soon").contains("connect_timeout"));
        assert!(err("hostaddr=nope").contains("hostaddr"));
    }

    #[test]
    fn defaults() {
        let c = resolve("");
        assert_eq!(c.host, Host::Socket("/tmp".into()));
        assert_eq!(
            (c.port, c.user.as_str(), c.dbname.as_str()),
            (5432, "osuser", "osuser")
        );
        assert_eq!(c.sslmode, SslMode::Prefer);
        assert_eq!((c.password, c.connect_timeout), (None, None));
        let mut env = bare();
        env.existing = Some(vec!["/var/run/postgresql".into()]);
        assert_eq!(
            ConnInfo::resolve("", &env).map(|c| c.host).ok(),
            Some(Host::Socket("/var/run/postgresql".into()))
        );
        // A directory that holds the socket for the port wins.
        env.existing = Some(vec![
            "/var/run/postgresql".into(),
            "/tmp/.s.PGSQL.6000".into(),
        ]);
        assert_eq!(
            ConnInfo::resolve("port=6000", &env).map(|c| c.host).ok(),
            Some(Host::Socket("/tmp".into()))
        );
        let c = resolve("hostaddr=10.0.0.1");
        assert_eq!(c.host, Host::Tcp("10.0.0.1".into()));
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
        assert_eq!(c.host, Host::Tcp("envhost".into()));
        assert_eq!(
            (c.port, c.user.as_str(), c.dbname.as_str()),
            (5555, "envuser", "envdb")
        );
        assert_eq!(c.password.as_deref(), Some("from-pgpass"));
        assert_eq!(c.sslmode, SslMode::Disable);
        assert_eq!(c.application_name.as_deref(), Some("envapp"));
        assert_eq!(c.connect_timeout, Some(Duration::from_secs(7)));

        // The string beats the environment; the pgpass match follows the final values.
        let c =
            ConnInfo::resolve("host=strhost user=struser sslmode=require", &env).expect("resolve");
        assert_eq!(c.host, Host::Tcp("strhost".into()));
        assert_eq!(c.user, "struser");
        assert_eq!(c.sslmode, SslMode::Require);
        assert_eq!(c.password.as_deref(), Some("fallback"));

        // PGPASSWORD beats the password file; a password in the string beats PGPASSWORD.
        env = env.with_var("PGPASSWORD", "from-env");
        let c = ConnInfo::resolve("", &env).expect("resolve");
        assert_eq!(c.password.as_deref(), Some("from-env"));
        let c = ConnInfo::resolve("password=from-string", &env).expect("resolve");
        assert_eq!(c.password.as_deref(), Some("from-string"));

        // PGPASSFILE names another file; passfile= in the string beats it.
        let other = dir.path().join("other");
        std::fs::write(&other, "*:*:*:*:other-file\n").expect("write");
        std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        env.vars.remove("PGPASSWORD");
        let env = env.with_var("PGPASSFILE", other.to_string_lossy());
        let c = ConnInfo::resolve("", &env).expect("resolve");
        assert_eq!(c.password.as_deref(), Some("other-file"));
        let c =
            ConnInfo::resolve(&format!("passfile={}", pgpass.display()), &env).expect("resolve");
        assert_eq!(c.password.as_deref(), Some("from-pgpass"));
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
}
