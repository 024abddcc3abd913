//! SQL text helpers shared by every emitter: quoting, owners, comments, privileges.

use crate::model::{Acl, Grant, QualifiedName};

/// Keywords that `quote_ident` quotes (every category but unreserved), from PostgreSQL 18's
/// `pg_get_keywords()`. A superset of older majors' lists: over-quoting is harmless.
const QUOTED_KEYWORDS: &[&str] = &[
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "between",
    "bigint",
    "binary",
    "bit",
    "boolean",
    "both",
    "case",
    "cast",
    "char",
    "character",
    "check",
    "coalesce",
    "collate",
    "collation",
    "column",
    "concurrently",
    "constraint",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "dec",
    "decimal",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "exists",
    "extract",
    "false",
    "fetch",
    "float",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "grant",
    "greatest",
    "group",
    "grouping",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "inout",
    "int",
    "integer",
    "intersect",
    "interval",
    "into",
    "is",
    "isnull",
    "join",
    "json",
    "json_array",
    "json_arrayagg",
    "json_exists",
    "json_object",
    "json_objectagg",
    "json_query",
    "json_scalar",
    "json_serialize",
    "json_table",
    "json_value",
    "lateral",
    "leading",
    "least",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "merge_action",
    "national",
    "natural",
    "nchar",
    "none",
    "normalize",
    "not",
    "notnull",
    "null",
    "nullif",
    "numeric",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "out",
    "outer",
    "overlaps",
    "overlay",
    "placing",
    "position",
    "precision",
    "primary",
    "real",
    "references",
    "returning",
    "right",
    "row",
    "select",
    "session_user",
    "setof",
    "similar",
    "smallint",
    "some",
    "substring",
    "symmetric",
    "system_user",
    "table",
    "tablesample",
    "then",
    "time",
    "timestamp",
    "to",
    "trailing",
    "treat",
    "trim",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "values",
    "varchar",
    "variadic",
    "verbose",
    "when",
    "where",
    "window",
    "with",
    "xmlattributes",
    "xmlconcat",
    "xmlelement",
    "xmlexists",
    "xmlforest",
    "xmlnamespaces",
    "xmlparse",
    "xmlpi",
    "xmlroot",
    "xmlserialize",
    "xmltable",
];

/// An identifier as `quote_ident` would print it.
pub fn ident(name: &str) -> String {
    let plain = !name.is_empty()
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && QUOTED_KEYWORDS.binary_search(&name).is_err();
    if plain {
        name.to_string()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

/// `schema.name`, each part quoted as needed.
pub fn qualified(name: &QualifiedName) -> String {
    format!("{}.{}", ident(&name.schema), ident(&name.name))
}

/// A string literal (standard_conforming_strings is on in every supported major).
pub fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// `ALTER <kind> <target> OWNER TO <owner>;`, or nothing for an owner the source leaves to
/// whoever applies it (an empty one: `Catalog::adopt_unstated_owners`).
pub fn owner(kind: &str, target: &str, owner: &str) -> String {
    if owner.is_empty() {
        return String::new();
    }
    format!("ALTER {kind} {target} OWNER TO {};\n", ident(owner))
}

/// `COMMENT ON <kind> <target> IS '…';` when there is a comment.
pub fn comment(kind: &str, target: &str, comment: Option<&str>) -> String {
    match comment {
        Some(text) => format!("COMMENT ON {kind} {target} IS {};\n", literal(text)),
        None => String::new(),
    }
}

/// REVOKE and GRANT statements taking `kind target` from its default privileges to `acl`.
/// `columns` renders column privileges (`GRANT SELECT (a) ON TABLE t …`).
pub fn privileges(kind: &str, target: &str, acl: &Acl) -> String {
    privileges_on(kind, target, None, acl)
}

/// As [`privileges`], for the privileges on one column of a table.
pub fn column_privileges(table: &str, column: &str, acl: &Acl) -> String {
    privileges_on("TABLE", table, Some(column), acl)
}

/// One `GRANT` of one privilege (on one column, if given): how `pull` captures a grant.
pub fn grant(kind: &str, target: &str, column: Option<&str>, grant: &Grant) -> String {
    let acl = Acl {
        revokes: Vec::new(),
        grants: vec![grant.clone()],
    };
    privileges_on(kind, target, column, &acl)
}

fn privileges_on(kind: &str, target: &str, column: Option<&str>, acl: &Acl) -> String {
    let mut out = String::new();
    // A column list belongs to each privilege: `SELECT, UPDATE (c)` would grant SELECT on
    // the whole table.
    let column = column
        .map(|c| format!(" ({})", ident(c)))
        .unwrap_or_default();
    let with_column = |privs: &[String]| {
        privs
            .iter()
            .map(|p| format!("{p}{column}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (grantor, grantee, grantable, privs) in group(&acl.revokes) {
        let option = if grantable { "GRANT OPTION FOR " } else { "" };
        out.push_str(&as_grantor(
            grantor,
            format!(
                "REVOKE {option}{} ON {kind} {target} FROM {grantee};\n",
                with_column(&privs)
            ),
        ));
    }
    for (grantor, grantee, grantable, privs) in group(&acl.grants) {
        let option = if grantable { " WITH GRANT OPTION" } else { "" };
        out.push_str(&as_grantor(
            grantor,
            format!(
                "GRANT {} ON {kind} {target} TO {grantee}{option};\n",
                with_column(&privs)
            ),
        ));
    }
    out
}

/// A GRANT or REVOKE run as the role that gave the privilege, as pg_dump replays it: before
/// PostgreSQL 19 `GRANTED BY` names no one but the current role. The three statements load as
/// one (`load::read_statements`).
fn as_grantor(grantor: Option<&str>, statement: String) -> String {
    match grantor {
        None => statement,
        Some(role) => format!(
            "{SET_SESSION_AUTHORIZATION} {};\n{statement}{RESET_SESSION_AUTHORIZATION};\n",
            ident(role)
        ),
    }
}

pub const SET_SESSION_AUTHORIZATION: &str = "SET SESSION AUTHORIZATION";
pub const RESET_SESSION_AUTHORIZATION: &str = "RESET SESSION AUTHORIZATION";

/// Groups privileges by (grantor, grantee, grant option), keeping first-appearance order:
/// PostgreSQL appends a new (grantee, grantor) ACL entry at the end, so this order reproduces
/// the live ACL.
fn group(items: &[Grant]) -> Vec<(Option<&str>, String, bool, Vec<String>)> {
    let mut groups: Vec<(Option<&str>, String, bool, Vec<String>)> = Vec::new();
    for item in items {
        let grantee = item
            .grantee
            .as_deref()
            .map(ident)
            .unwrap_or_else(|| "PUBLIC".to_string());
        let grantor = item.grantor.as_deref();
        match groups
            .iter_mut()
            .find(|(by, g, opt, _)| *by == grantor && *g == grantee && *opt == item.grantable)
        {
            Some((_, _, _, privs)) => privs.push(item.privilege.clone()),
            None => groups.push((
                grantor,
                grantee,
                item.grantable,
                vec![item.privilege.clone()],
            )),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_sorted_for_binary_search() {
        let mut sorted = QUOTED_KEYWORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, QUOTED_KEYWORDS);
    }

    #[test]
    fn quotes_like_quote_ident() {
        assert_eq!(ident("users"), "users");
        assert_eq!(ident("_x1"), "_x1");
        assert_eq!(ident("Users"), "\"Users\"");
        assert_eq!(ident("user"), "\"user\"");
        assert_eq!(ident("a b"), "\"a b\"");
        assert_eq!(ident("it\"s"), "\"it\"\"s\"");
        assert_eq!(ident("1a"), "\"1a\"");
        assert_eq!(ident("a$"), "\"a$\"");
        assert_eq!(ident("café"), "\"café\"");
        assert_eq!(ident("name"), "name");
    }

    #[test]
    fn literal_doubles_quotes() {
        assert_eq!(literal("it's"), "'it''s'");
    }
}
