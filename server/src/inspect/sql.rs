//! Shared pieces of the catalog queries: scope filter, extension-membership filter, ACL and
//! comment columns. Every kind's query is built from these so they agree.

use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, Row};

use super::query_error;
use crate::error::{Error, Result};
use crate::model::{Acl, Grant};

/// What an inspection returns: the objects of `schemas` (`None`: every schema except the
/// system ones), less what `ignore` takes out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub schemas: Option<Vec<String>>,
    /// `[ignore]` of pg-flux.toml: applied to every catalog read, live or shadow.
    pub ignore: crate::ignore::IgnoreRules,
}

impl Scope {
    /// The same schemas, nothing ignored: to read what the rules would take out.
    pub fn without_ignore(&self) -> Scope {
        Scope {
            schemas: self.schemas.clone(),
            ignore: crate::ignore::IgnoreRules::default(),
        }
    }
}

pub(crate) struct Context<'a> {
    pub client: &'a Client,
    pub scope: &'a Scope,
    pub server_version_num: i32,
    /// Shared by every reader of one inspection.
    pub queries: &'a std::sync::atomic::AtomicUsize,
    /// How to reach the server to cancel a query whose future is dropped (`None`: let it run).
    pub cancel_with: Option<&'a crate::connect::ConnInfo>,
    /// False: read identities only ([`Depth::Identities`](super::Depth::Identities)).
    pub definitions: bool,
    /// Counts finished queries, for a progress bar.
    pub progress: &'a crate::progress::Phase,
}

/// Armed while a query runs: dropped armed (its future was dropped mid-query), it asks the
/// server to cancel the query. tokio-postgres alone would let it run to the end.
struct CancelOnDrop<'a> {
    token: Option<tokio_postgres::CancelToken>,
    info: &'a crate::connect::ConnInfo,
}

impl Drop for CancelOnDrop<'_> {
    fn drop(&mut self) {
        if let Some(token) = self.token.take() {
            crate::connect::cancel_in_background(token, self.info);
        }
    }
}

impl Context<'_> {
    pub fn major(&self) -> i32 {
        self.server_version_num / 10000
    }

    /// SQL expression: `deparse` (a call of a deparse function), or, when only identities are
    /// read, an empty text wherever `present` holds (NULL elsewhere, as `deparse` would be).
    pub fn deparsed(&self, deparse: &str, present: &str) -> String {
        if self.definitions {
            deparse.to_string()
        } else {
            format!("CASE WHEN {present} THEN ''::pg_catalog.text END")
        }
    }

    /// SQL expression: `expr` for a property that names nothing (a type, a comment, options),
    /// or, when only identities are read, `placeholder` (a constant of the same type) — saving
    /// the function calls and joins behind it.
    pub fn detail(&self, expr: &str, placeholder: &str) -> String {
        if self.definitions {
            expr.to_string()
        } else {
            placeholder.to_string()
        }
    }

    /// Runs a catalog query that takes no parameter.
    pub async fn query_all(&self, what: &str, sql: &str) -> Result<Vec<Row>> {
        self.run(what, sql, &[]).await
    }

    /// Runs a catalog query whose only parameter, `$1`, is the scope's schema list.
    pub async fn query(&self, what: &str, sql: &str) -> Result<Vec<Row>> {
        self.run(what, sql, &[&self.scope.schemas]).await
    }

    /// Counts every query; with `PGFLUX_TRACE_QUERIES` set, says how long each took (for
    /// benchmarks and profiling).
    async fn run(&self, what: &str, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>> {
        self.queries
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let start = std::time::Instant::now();
        let mut running = self.cancel_with.map(|info| CancelOnDrop {
            token: Some(self.client.cancel_token()),
            info,
        });
        let rows = self.client.query(sql, params).await;
        if let Some(running) = running.as_mut() {
            running.token = None; // finished: nothing to cancel
        }
        let rows = rows.map_err(|e| query_error(what, e))?;
        self.progress.advance(1);
        if let Some(trace) = std::env::var_os("PGFLUX_TRACE_QUERIES") {
            eprintln!(
                "inspect: {what}: {} row(s) in {} ms",
                rows.len(),
                start.elapsed().as_millis()
            );
            // `PGFLUX_TRACE_QUERIES=sql`: the text too, to EXPLAIN it by hand.
            if trace == "sql" {
                eprintln!("{sql};");
            }
        }
        Ok(rows)
    }
}

/// With `PGFLUX_TRACE_QUERIES` set, says `what` (for profiling and for tests that check which
/// path a command took).
pub fn trace(what: &str) {
    if std::env::var_os("PGFLUX_TRACE_QUERIES").is_some() {
        eprintln!("{what}");
    }
}

/// With `PGFLUX_TRACE_QUERIES` set, says how long a phase of a command took (for profiling).
pub fn trace_phase(what: &str, since: std::time::Instant) {
    if std::env::var_os("PGFLUX_TRACE_QUERIES").is_some() {
        eprintln!("phase: {what} in {} ms", since.elapsed().as_millis());
    }
}

/// A column of a catalog row, as an error rather than a panic when it does not hold what the
/// query promises: the server's deparse functions read the current catalog, not the snapshot,
/// so an object dropped while it is read comes back as NULL.
pub(crate) trait Field {
    fn field<'a, T: tokio_postgres::types::FromSql<'a>>(&'a self, column: &str) -> Result<T>;
}

impl Field for Row {
    fn field<'a, T: tokio_postgres::types::FromSql<'a>>(&'a self, column: &str) -> Result<T> {
        self.try_get(column).map_err(|e| {
            let null = format!("{e:?}").contains("WasNull");
            Error::Database(if null {
                format!(
                    "the database changed while it was read ({column} of an object is gone: \
                     was it dropped meanwhile?); run again"
                )
            } else {
                format!("unexpected catalog value in column {column}: {e}")
            })
        })
    }
}

/// SQL condition: the schema aliased `nsp` is in scope (uses `$1`, the scope's schema list).
pub(crate) fn in_scope(nsp: &str) -> String {
    format!(
        "({nsp}.nspname <> 'information_schema' AND {nsp}.nspname !~ '^pg_' \
         AND ($1::text[] IS NULL OR {nsp}.nspname = ANY($1::text[])))"
    )
}

/// SQL condition: the object (`catalog`, `oid`) is not a member of an extension.
pub(crate) fn not_extension_member(catalog: &str, oid: &str) -> String {
    format!(
        "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend ext_dep \
         WHERE ext_dep.classid = 'pg_catalog.{catalog}'::pg_catalog.regclass \
         AND ext_dep.objid = {oid} AND ext_dep.deptype = 'e')"
    )
}

/// SQL expression: the object's comment (or NULL). A subquery rather than `obj_description`:
/// that SQL function cannot be inlined, and calling it costs ~20 µs a row.
pub(crate) fn comment(catalog: &str, oid: &str) -> String {
    format!(
        "(SELECT dsc.description FROM pg_catalog.pg_description dsc \
         WHERE dsc.objoid = {oid} AND dsc.classoid = 'pg_catalog.{catalog}'::pg_catalog.regclass \
         AND dsc.objsubid = 0)"
    )
}

/// SQL expression: a JSON object `{revokes, grants}` describing `acl` relative to
/// `default_acl`, in the live ACL's order (pg_dump prints in that order too). Either may be
/// an empty ACL (`aclexplode` rejects those, so they are read as no entries). A grant given
/// by anyone but `owner` (an oid expression) names its grantor.
pub(crate) fn acl_json(acl: &str, default_acl: &str, owner: &str) -> String {
    let items = |from: &str, minus: &str| {
        format!(
            "COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(\
             'grantee', CASE WHEN a.grantee = 0 THEN NULL ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END, \
             'privilege', a.privilege_type, 'grantable', a.is_grantable, \
             'grantor', CASE WHEN a.grantor = {owner} THEN NULL ELSE pg_catalog.pg_get_userbyid(a.grantor)::text END)) \
             ORDER BY a.ord) \
             FROM pg_catalog.aclexplode(NULLIF({from}, '{{}}'::pg_catalog.aclitem[])) \
             WITH ORDINALITY a(grantor, grantee, privilege_type, is_grantable, ord) \
             WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(NULLIF({minus}, '{{}}'::pg_catalog.aclitem[])) b \
             WHERE b.grantee = a.grantee AND b.privilege_type = a.privilege_type \
             AND b.is_grantable = a.is_grantable AND b.grantor = a.grantor)), '[]'::jsonb)"
        )
    };
    let live = format!("COALESCE({acl}, {default_acl})");
    // A NULL ACL is the default: nothing to grant or revoke, and no need to explode both.
    format!(
        "CASE WHEN {acl} IS NULL THEN '{{\"grants\": [], \"revokes\": []}}'::jsonb \
         ELSE pg_catalog.jsonb_build_object('grants', {}, 'revokes', {}) END",
        items(&live, default_acl),
        items(default_acl, &live)
    )
}

/// SQL expression: `acl` and `default_acl` as one `text[]` of aclitems, the live ones, a NULL,
/// the default ones, a NULL, then the name of `owner` (an oid expression), whose grants need
/// no grantor; NULL when `acl` is NULL: the default. Read with [`acl`]: parsing the items
/// here, as pg_dump does, saves the server two `aclexplode` calls (~30 µs) an object.
pub(crate) fn acl_items(acl: &str, default_acl: &str, owner: &str) -> String {
    format!(
        "CASE WHEN {acl} IS NOT NULL THEN \
         {acl}::pg_catalog.text[] || NULL::pg_catalog.text || {default_acl}::pg_catalog.text[] \
         || NULL::pg_catalog.text || pg_catalog.pg_get_userbyid({owner})::pg_catalog.text END"
    )
}

/// Reads an [`acl_items`] column: the grants beyond the default and the default's privileges
/// that are revoked, in the ACL's order (as `acl_json` computes them on the server).
pub(crate) fn acl(row: &Row, column: &str) -> Result<Acl> {
    let items: Option<Vec<Option<String>>> =
        row.try_get(column).map_err(|e| query_error(column, e))?;
    let Some(items) = items else {
        return Ok(Acl::default());
    };
    let mut parts = items.split(Option::is_none);
    let (live, default) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let owner = parts.next().and_then(|o| o.first().cloned().flatten());
    let explode = |items: &[Option<String>]| -> Result<Vec<Grant>> {
        let mut grants = Vec::new();
        for item in items.iter().flatten() {
            grants.extend(parse_aclitem(item).ok_or_else(|| Error::Inspect {
                what: column.to_string(),
                message: format!("unexpected aclitem {item:?}"),
            })?);
        }
        Ok(grants)
    };
    let (live, mut default) = (explode(live)?, explode(default)?);
    if let Some(owner) = &owner {
        as_if_owned_by(&mut default, owner);
    }
    // Grantors are compared as read; then the owner's own grants drop theirs.
    let by_others = |g: &Grant| Grant {
        grantor: g.grantor.clone().filter(|r| Some(r) != owner.as_ref()),
        ..g.clone()
    };
    Ok(Acl {
        grants: live
            .iter()
            .filter(|g| !default.contains(g))
            .map(by_others)
            .collect(),
        revokes: default
            .iter()
            .filter(|g| !live.contains(g))
            .map(by_others)
            .collect(),
    })
}

/// A baseline from `pg_init_privs` names the owner of that time (initdb's `public` schema:
/// `pg_database_owner` or the bootstrap superuser; an extension member: who created it).
/// `ALTER … OWNER TO` rewrites that role to the new owner in the live ACL (`aclnewowner`),
/// so the baseline is read the same way; else an owner change alone would read as grants
/// to revoke, issued as a role that no longer holds them. An `acldefault` baseline already
/// names the owner: nothing changes.
fn as_if_owned_by(baseline: &mut [Grant], owner: &str) {
    let Some(initial) = baseline.first().and_then(|g| g.grantor.clone()) else {
        return;
    };
    if initial == owner
        || baseline
            .iter()
            .any(|g| g.grantor.as_deref() != Some(&initial))
    {
        return;
    }
    for grant in baseline {
        grant.grantor = Some(owner.to_string());
        if grant.grantee.as_deref() == Some(&initial) {
            grant.grantee = Some(owner.to_string());
        }
    }
}

/// The privilege letters of `aclitemout`, in its (and `aclexplode`'s) order.
const PRIVILEGES: [(char, &str); 15] = [
    ('a', "INSERT"),
    ('r', "SELECT"),
    ('w', "UPDATE"),
    ('d', "DELETE"),
    ('D', "TRUNCATE"),
    ('x', "REFERENCES"),
    ('t', "TRIGGER"),
    ('X', "EXECUTE"),
    ('U', "USAGE"),
    ('C', "CREATE"),
    ('T', "TEMPORARY"),
    ('c', "CONNECT"),
    ('s', "SET"),
    ('A', "ALTER SYSTEM"),
    ('m', "MAINTAIN"),
];

/// One aclitem as the server prints it, `grantee=privileges/grantor` (an empty grantee is
/// PUBLIC; a name with anything but letters, digits and `_` is double-quoted, `"` doubled;
/// `*` after a letter is the grant option), as one [`Grant`] per privilege.
fn parse_aclitem(item: &str) -> Option<Vec<Grant>> {
    let (grantee, rest) = role_name(item)?;
    let rest = rest.strip_prefix('=')?;
    let (privileges, grantor) = rest.split_once('/')?;
    let (grantor, _) = role_name(grantor)?;
    let mut grants = Vec::new();
    let mut letters = privileges.chars().peekable();
    while let Some(letter) = letters.next() {
        let (_, privilege) = PRIVILEGES.iter().find(|(l, _)| *l == letter)?;
        let grantable = letters.next_if_eq(&'*').is_some();
        grants.push(Grant {
            grantee: (!grantee.is_empty()).then(|| grantee.clone()),
            privilege: privilege.to_string(),
            grantable,
            grantor: Some(grantor.clone()),
        });
    }
    Some(grants)
}

/// A role name at the start of an aclitem, and what follows it.
fn role_name(text: &str) -> Option<(String, &str)> {
    let Some(quoted) = text.strip_prefix('"') else {
        let end = text.find(['=', '/']).unwrap_or(text.len());
        return Some((text[..end].to_string(), &text[end..]));
    };
    let mut name = String::new();
    let mut chars = quoted.char_indices();
    while let Some((i, c)) = chars.next() {
        if c == '"' {
            if quoted[i + 1..].starts_with('"') {
                name.push('"');
                chars.next();
            } else {
                return Some((name, &quoted[i + 1..]));
            }
        } else {
            name.push(c);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(grantee: Option<&str>, privilege: &str, grantable: bool, grantor: &str) -> Grant {
        Grant {
            grantee: grantee.map(str::to_string),
            privilege: privilege.to_string(),
            grantable,
            grantor: Some(grantor.to_string()),
        }
    }

    #[test]
    fn aclitems_parse_as_aclexplode_reads_them() {
        assert_eq!(
            parse_aclitem("alice=arwdDxtm/alice").map(|g| g.len()),
            Some(8)
        );
        assert_eq!(
            parse_aclitem("=r*U/owner"),
            Some(vec![
                grant(None, "SELECT", true, "owner"),
                grant(None, "USAGE", false, "owner")
            ])
        );
        assert_eq!(
            parse_aclitem(r#""we ""quote""=/x"=X/"a/b""#),
            Some(vec![grant(
                Some(r#"we "quote"=/x"#),
                "EXECUTE",
                false,
                "a/b"
            )])
        );
        assert_eq!(
            parse_aclitem("r\u{e9}le=TcA/postgres").map(|g| g.len()),
            Some(3)
        );
        assert_eq!(parse_aclitem("bob=Q/alice"), None);
        assert_eq!(parse_aclitem("\"unterminated=r/x"), None);
        assert_eq!(parse_aclitem("no-equals"), None);
    }

    #[test]
    fn an_initial_baseline_follows_the_owner_as_alter_owner_does() {
        // PostgreSQL 15+'s public schema, then handed to `app`.
        let mut baseline = [
            grant(
                Some("pg_database_owner"),
                "USAGE",
                false,
                "pg_database_owner",
            ),
            grant(None, "USAGE", false, "pg_database_owner"),
        ];
        as_if_owned_by(&mut baseline, "app");
        assert_eq!(
            baseline,
            [
                grant(Some("app"), "USAGE", false, "app"),
                grant(None, "USAGE", false, "app")
            ]
        );
        // Grants by several roles are not an owner's baseline: left as read.
        let mut mixed = [
            grant(None, "USAGE", false, "a"),
            grant(None, "CREATE", false, "b"),
        ];
        as_if_owned_by(&mut mixed, "app");
        assert_eq!(mixed[0].grantor.as_deref(), Some("a"));
    }
}
