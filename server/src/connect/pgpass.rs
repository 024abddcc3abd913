//! The libpq password file (`~/.pgpass`, `PGPASSFILE`, `passfile=`).
//!
//! Each line is `hostname:port:database:username:password`; a field of just `*` matches
//! anything, `\:` and `\\` escape a colon and a backslash, lines starting with `#` are comments,
//! and the first matching line wins. As in libpq, a file that is not a regular file or that the
//! group or others may access is ignored.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Socket directories that the host name `localhost` in a password file stands for — libpq
/// maps its compiled-in default socket directory to `localhost` (Debian builds use
/// `/var/run/postgresql`, upstream builds `/tmp`).
pub(crate) const DEFAULT_SOCKET_DIRS: &[&str] = &["/var/run/postgresql", "/run/postgresql", "/tmp"];

/// The password for a connection from the file at `path`, if the file is usable and a line
/// matches. `host` is the host name or socket directory as given.
pub(crate) fn lookup(
    path: &Path,
    host: &str,
    port: u16,
    dbname: &str,
    user: &str,
) -> Option<String> {
    let meta = fs::metadata(path).ok()?;
    if !meta.is_file() || meta.permissions().mode() & 0o077 != 0 {
        return None;
    }
    let text = fs::read_to_string(path).ok()?;
    lookup_in(&text, host, port, dbname, user)
}

/// [`lookup`] on the file's text.
pub(crate) fn lookup_in(
    text: &str,
    host: &str,
    port: u16,
    dbname: &str,
    user: &str,
) -> Option<String> {
    let host = if host.is_empty() || DEFAULT_SOCKET_DIRS.contains(&host.trim_end_matches('/')) {
        "localhost"
    } else {
        host
    };
    let port = port.to_string();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut rest = line;
        let mut matched = true;
        for want in [host, port.as_str(), dbname, user] {
            match match_field(rest, want) {
                Some((ok, after)) => {
                    matched &= ok;
                    rest = after;
                }
                None => {
                    matched = false;
                    break;
                }
            }
            if !matched {
                break;
            }
        }
        if matched {
            return Some(unescape_password(rest));
        }
    }
    None
}

/// Matches the field at the start of `line` against `want`; returns whether it matched and the
/// text after the field's terminating colon, or `None` when the line has no more fields.
fn match_field<'a>(line: &'a str, want: &str) -> Option<(bool, &'a str)> {
    if let Some(after) = line.strip_prefix("*:") {
        return Some((true, after));
    }
    let mut value = String::new();
    let mut chars = line.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some((_, escaped)) => value.push(escaped),
                None => return None,
            },
            ':' => return Some((value == want, &line[i + 1..])),
            _ => value.push(c),
        }
    }
    None
}

/// The password field: escapes removed, ending at an unescaped colon (as libpq does).
fn unescape_password(field: &str) -> String {
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(escaped) => out.push(escaped),
                None => out.push('\\'),
            },
            ':' => break,
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_matching_line_wins_and_wildcards_match_anything() {
        let text = "# comment\n\
                    db.example:5432:app:alice:first\n\
                    *:*:*:alice:second\n\
                    *:*:*:*:third\n";
        assert_eq!(
            lookup_in(text, "db.example", 5432, "app", "alice").as_deref(),
            Some("first")
        );
        assert_eq!(
            lookup_in(text, "db.example", 5433, "app", "alice").as_deref(),
            Some("second")
        );
        assert_eq!(
            lookup_in(text, "other", 1, "x", "bob").as_deref(),
            Some("third")
        );
        assert_eq!(lookup_in("h:1:d:u:p\n", "h", 1, "d", "v"), None);
    }

    #[test]
    fn escapes_in_fields_and_password() {
        let text = "h\\:x:5432:d\\\\b:u:pa\\:ss\\\\word:ignored\n";
        assert_eq!(
            lookup_in(text, "h:x", 5432, "d\\b", "u").as_deref(),
            Some("pa:ss\\word")
        );
        assert_eq!(lookup_in(text, "h", 5432, "d\\b", "u"), None);
    }

    #[test]
    fn localhost_stands_for_the_default_socket_directory() {
        let text = "localhost:5432:*:u:local\n/srv/sock:5432:*:u:custom\n";
        assert_eq!(
            lookup_in(text, "/var/run/postgresql", 5432, "d", "u").as_deref(),
            Some("local")
        );
        assert_eq!(
            lookup_in(text, "/tmp", 5432, "d", "u").as_deref(),
            Some("local")
        );
        assert_eq!(
            lookup_in(text, "localhost", 5432, "d", "u").as_deref(),
            Some("local")
        );
        assert_eq!(
            lookup_in(text, "/srv/sock", 5432, "d", "u").as_deref(),
            Some("custom")
        );
        assert_eq!(lookup_in(text, "/elsewhere", 5432, "d", "u"), None);
    }

    #[test]
    fn group_or_world_accessible_files_are_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("pgpass");
        fs::write(&path, "*:*:*:*:secret\n").expect("write");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
        assert_eq!(lookup(&path, "h", 5432, "d", "u"), None);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
        assert_eq!(
            lookup(&path, "h", 5432, "d", "u").as_deref(),
            Some("secret")
        );
        assert_eq!(
            lookup(&dir.path().join("missing"), "h", 5432, "d", "u"),
            None
        );
    }
}
