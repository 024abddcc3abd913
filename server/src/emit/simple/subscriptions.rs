//! Subscriptions: `CREATE SUBSCRIPTION … WITH (connect = false, …)` as pg_dump writes it, so that
//! loading a file never connects to the publisher, creates no replication slot and leaves the
//! subscription disabled (whether a live subscription is enabled is not part of the model, as
//! pg_dump leaves it out too).
//!
//! A subscription's settings are its connection string, its publications and each option
//! pg_dump writes (`slot_name` and `streaming` always, the others when not the default), and its
//! `create` is made from them ([`create_sql`]): PostgreSQL changes most of them in place with
//! `ALTER SUBSCRIPTION` (see `migrate::simple`).
//!
//! The connection string's password (and any other keyword [`is_secret_option`] names) is never
//! written: [`redact_conninfo`] replaces its value by [`SECRET_PLACEHOLDER`] when the live
//! catalog is read, so the live side of every comparison is redacted as the dumped source is.

use super::super::foreign::{is_secret_option, SECRET_PLACEHOLDER};
use crate::emit::sql::{ident, literal};
use crate::model::SimpleObject;

/// The settings of a subscription that are options of `WITH (…)`, in the order pg_dump writes
/// them, with the value each takes when left out (`None`: none; it is always written).
pub const OPTIONS: &[(&str, Option<&str>)] = &[
    ("slot_name", None),
    ("binary", Some("false")),
    ("streaming", None),
    ("two_phase", Some("off")),
    ("disable_on_error", Some("false")),
    ("password_required", Some("true")),
    ("run_as_owner", Some("false")),
    ("failover", Some("false")),
    ("synchronous_commit", Some("off")),
    ("origin", Some("any")),
];

/// A subscription's settings are part of its `create`: nothing follows it.
pub(super) fn setting_sql(o: &SimpleObject, key: &str, value: &str) -> String {
    let _ = (o, key, value);
    String::new()
}

/// The note above a statement whose connection string holds a redacted password.
pub fn secret_note(name: &str, conninfo: &str) -> String {
    if conninfo.contains(SECRET_PLACEHOLDER) || conninfo.contains(URI_PLACEHOLDER) {
        format!(
            "-- pg-flux: the password in the connection string of subscription {} is a secret and was not dumped; set it before loading.\n",
            ident(name).replace(['\n', '\r'], " ")
        )
    } else {
        String::new()
    }
}

/// `CREATE SUBSCRIPTION name CONNECTION '…' PUBLICATION … WITH (connect = false, …);` from the
/// settings (`connection`, `publication`, then [`OPTIONS`]).
pub fn create_sql(name: &str, settings: &[(String, String)]) -> String {
    let get = |key: &str| {
        settings
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let conninfo = get("connection").unwrap_or_default();
    let mut with = vec!["connect = false".to_string()];
    for (key, _) in OPTIONS {
        if let Some(value) = get(key) {
            with.push(format!("{key} = {value}"));
        }
    }
    format!(
        "{}CREATE SUBSCRIPTION {} CONNECTION {} PUBLICATION {} WITH ({});\n",
        secret_note(name, conninfo),
        ident(name),
        literal(conninfo),
        get("publication").unwrap_or_default(),
        with.join(", ")
    )
}

/// The placeholder for a password inside a URI, percent-encoded.
const URI_PLACEHOLDER: &str = "%3Credacted%3A%20set%20me%3E";

/// `conninfo` with the value of every secret keyword (`password`, `sslpassword`) replaced by
/// [`SECRET_PLACEHOLDER`], and the rest left as written. A URI's password (`user:pw@host`) and
/// secret query parameters are replaced too. A string that cannot be read as either form is
/// replaced whole when it mentions a password, so that nothing secret can slip through.
pub fn redact_conninfo(conninfo: &str) -> String {
    let trimmed = conninfo.trim_start();
    if trimmed.starts_with("postgresql://") || trimmed.starts_with("postgres://") {
        return redact_uri(conninfo);
    }
    match redact_keywords(conninfo) {
        Some(redacted) => redacted,
        None if conninfo.to_ascii_lowercase().contains("pass") => {
            format!("password={}", quoted_placeholder())
        }
        None => conninfo.to_string(),
    }
}

fn quoted_placeholder() -> String {
    format!("'{SECRET_PLACEHOLDER}'")
}

/// `keyword = value …` as libpq reads it (values unquoted up to white space, or single-quoted;
/// backslash escapes either), each secret value replaced; `None` when it does not parse.
fn redact_keywords(conninfo: &str) -> Option<String> {
    let chars: Vec<char> = conninfo.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // The keyword, up to `=` or white space.
        let start = i;
        while i < chars.len() && chars[i] != '=' && !chars[i].is_whitespace() {
            i += 1;
        }
        let keyword: String = chars[start..i].iter().collect();
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        if keyword.is_empty() || chars.get(i) != Some(&'=') {
            return None;
        }
        out.extend(&chars[start..i]);
        out.push('=');
        i += 1;
        while i < chars.len() && chars[i].is_whitespace() {
            out.push(chars[i]);
            i += 1;
        }
        // The value.
        let value_start = i;
        if chars.get(i) == Some(&'\'') {
            i += 1;
            loop {
                match chars.get(i) {
                    None => return None,
                    Some('\\') => i += 2,
                    Some('\'') => {
                        i += 1;
                        break;
                    }
                    Some(_) => i += 1,
                }
            }
        } else {
            while i < chars.len() && !chars[i].is_whitespace() {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
        }
        let end = i.min(chars.len());
        if is_secret_option(&keyword) {
            out.push_str(&quoted_placeholder());
        } else {
            out.extend(&chars[value_start..end]);
        }
        i = end;
    }
    Some(out)
}

/// A URI with its password (`user:password@`) and secret query parameters replaced.
fn redact_uri(uri: &str) -> String {
    let (scheme, rest) = uri.split_once("://").unwrap_or(("", uri));
    // The authority ends at the first `/` or `?` after the scheme.
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, hosts)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{user}:{URI_PLACEHOLDER}@{hosts}"),
            None => authority.to_string(),
        },
        None => authority.to_string(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let params: Vec<String> = query
                .split('&')
                .map(|p| match p.split_once('=') {
                    Some((k, _)) if is_secret_option(k) => format!("{k}={URI_PLACEHOLDER}"),
                    _ => p.to_string(),
                })
                .collect();
            format!("{path}?{}", params.join("&"))
        }
        None => tail.to_string(),
    };
    format!("{scheme}://{authority}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted_and_the_rest_is_kept_as_written() {
        let cases = [
            (
                "host=192.0.2.1 dbname=x password=secret",
                "host=192.0.2.1 dbname=x password='<redacted: set me>'",
            ),
            (
                "host = a  password = 'se cr\\'et' user=u",
                "host = a  password = '<redacted: set me>' user=u",
            ),
            (
                "sslpassword=x sslkey=/k.pem port=5432",
                "sslpassword='<redacted: set me>' sslkey=/k.pem port=5432",
            ),
            ("host=a dbname=b", "host=a dbname=b"),
            (
                "postgresql://u:pw@h:5432/db?sslmode=require&password=x",
                "postgresql://u:%3Credacted%3A%20set%20me%3E@h:5432/db?sslmode=require&password=%3Credacted%3A%20set%20me%3E",
            ),
            ("postgres://u@h/db", "postgres://u@h/db"),
            ("password='unterminated", "password='<redacted: set me>'"),
        ];
        for (given, expected) in cases {
            assert_eq!(redact_conninfo(given), expected, "{given}");
            // Redacting again changes nothing: the dumped source reads back the same.
            assert_eq!(redact_conninfo(expected), expected, "{expected}");
        }
    }

    #[test]
    fn the_create_statement_notes_a_redacted_password() {
        let settings = vec![
            (
                "connection".to_string(),
                "host=a password='<redacted: set me>'".to_string(),
            ),
            ("publication".to_string(), "p, \"Q\"".to_string()),
            ("slot_name".to_string(), "NONE".to_string()),
            ("binary".to_string(), "true".to_string()),
        ];
        assert_eq!(
            create_sql("s", &settings),
            "-- pg-flux: the password in the connection string of subscription s is a secret and was not dumped; set it before loading.\n\
             CREATE SUBSCRIPTION s CONNECTION 'host=a password=''<redacted: set me>''' PUBLICATION p, \"Q\" \
             WITH (connect = false, slot_name = NONE, binary = true);\n"
        );
    }
}
