//! Names PostgreSQL derives: the default names of unnamed constraints, indexes and serial
//! sequences (`makeObjectName`), and type names as `format_type` prints them.

use pg_query::protobuf::TypeName;
use pg_query::NodeEnum;

use crate::emit::sql::ident;

/// NAMEDATALEN - 1.
const MAX_IDENTIFIER: usize = 63;

/// `makeObjectName(name1, name2, label)`: `name1_name2_label`, the longer of the two names
/// clipped first until the whole fits in 63 bytes.
pub fn make_object_name(name1: &str, name2: Option<&str>, label: &str) -> String {
    let overhead = label.len() + 1 + name2.map(|_| 1).unwrap_or(0);
    let avail = MAX_IDENTIFIER.saturating_sub(overhead);
    let mut n1 = name1.len();
    let mut n2 = name2.map(str::len).unwrap_or(0);
    while n1 + n2 > avail {
        if n1 > n2 {
            n1 -= 1;
        } else {
            n2 -= 1;
        }
    }
    let clip = |s: &str, mut n: usize| {
        while !s.is_char_boundary(n) {
            n -= 1;
        }
        s[..n].to_string()
    };
    let mut out = clip(name1, n1);
    if let Some(name2) = name2 {
        out.push('_');
        out.push_str(&clip(name2, n2));
    }
    out.push('_');
    out.push_str(label);
    out
}

/// An identifier as PostgreSQL folds it: quoted as written, else lower case.
pub fn fold(word: &str) -> String {
    match word.strip_prefix('"').and_then(|w| w.strip_suffix('"')) {
        Some(quoted) => quoted.replace("\"\"", "\""),
        None => word.to_lowercase(),
    }
}

/// Strings of a list of `String` nodes (qualified names, type names).
pub fn strings(nodes: &[pg_query::protobuf::Node]) -> Vec<String> {
    nodes
        .iter()
        .filter_map(|n| match &n.node {
            Some(NodeEnum::String(s)) => Some(s.sval.clone()),
            _ => None,
        })
        .collect()
}

/// `format_type`'s name for a built-in type given by its internal or SQL name, if it is one.
fn builtin(name: &str) -> Option<&'static str> {
    Some(match name {
        "int2" | "smallint" => "smallint",
        "int4" | "int" | "integer" => "integer",
        "int8" | "bigint" => "bigint",
        "float4" | "real" => "real",
        "float8" => "double precision",
        "bool" | "boolean" => "boolean",
        "varchar" => "character varying",
        "bpchar" => "character",
        "timestamp" => "timestamp without time zone",
        "timestamptz" => "timestamp with time zone",
        "time" => "time without time zone",
        "timetz" => "time with time zone",
        "varbit" => "bit varying",
        "numeric" | "decimal" => "numeric",
        "char" => "\"char\"",
        "text" => "text",
        "name" => "name",
        "uuid" => "uuid",
        "json" => "json",
        "jsonb" => "jsonb",
        "jsonpath" => "jsonpath",
        "bytea" => "bytea",
        "date" => "date",
        "interval" => "interval",
        "bit" => "bit",
        "oid" => "oid",
        "regclass" => "regclass",
        "regtype" => "regtype",
        "regproc" => "regproc",
        "regprocedure" => "regprocedure",
        "record" => "record",
        "trigger" => "trigger",
        "event_trigger" => "event_trigger",
        "void" => "void",
        "anyelement" => "anyelement",
        "anyarray" => "anyarray",
        "anynonarray" => "anynonarray",
        "anyenum" => "anyenum",
        "anyrange" => "anyrange",
        "anymultirange" => "anymultirange",
        "anycompatible" => "anycompatible",
        "anycompatiblearray" => "anycompatiblearray",
        "internal" => "internal",
        "cstring" => "cstring",
        "inet" => "inet",
        "cidr" => "cidr",
        "macaddr" => "macaddr",
        "macaddr8" => "macaddr8",
        "money" => "money",
        "xml" => "xml",
        "tsvector" => "tsvector",
        "tsquery" => "tsquery",
        "point" => "point",
        "line" => "line",
        "lseg" => "lseg",
        "box" => "box",
        "path" => "path",
        "polygon" => "polygon",
        "circle" => "circle",
        "int4range" => "int4range",
        "int8range" => "int8range",
        "numrange" => "numrange",
        "tsrange" => "tsrange",
        "tstzrange" => "tstzrange",
        "daterange" => "daterange",
        "int4multirange" => "int4multirange",
        "int8multirange" => "int8multirange",
        "nummultirange" => "nummultirange",
        "tsmultirange" => "tsmultirange",
        "tstzmultirange" => "tstzmultirange",
        "datemultirange" => "datemultirange",
        "xid" => "xid",
        "xid8" => "xid8",
        "tid" => "tid",
        "cid" => "cid",
        "pg_lsn" => "pg_lsn",
        "regnamespace" => "regnamespace",
        "regrole" => "regrole",
        "regconfig" => "regconfig",
        "regdictionary" => "regdictionary",
        "regoper" => "regoper",
        "regoperator" => "regoperator",
        "refcursor" => "refcursor",
        "language_handler" => "language_handler",
        "fdw_handler" => "fdw_handler",
        "index_am_handler" => "index_am_handler",
        "table_am_handler" => "table_am_handler",
        "anyelementarray" => "anyelementarray",
        "any" => "\"any\"",
        _ => return None,
    })
}

/// A type name as `format_type` prints it with an empty `search_path`, typmods dropped:
/// `integer`, `character varying`, `timestamp with time zone`, `integer[]`, `public.mood`.
/// Unqualified names that are not built-in resolve to `default_schema`.
pub fn type_name(t: &TypeName, default_schema: &str) -> String {
    let names = strings(&t.names);
    let base = match names.as_slice() {
        [schema, name] if schema == "pg_catalog" => builtin(name)
            .map(str::to_string)
            .unwrap_or_else(|| ident(name)),
        [name] => builtin(name)
            .map(str::to_string)
            .unwrap_or_else(|| format!("{}.{}", ident(default_schema), ident(name))),
        parts => parts.iter().map(|p| ident(p)).collect::<Vec<_>>().join("."),
    };
    if t.pct_type {
        return format!("{base}%TYPE");
    }
    // format_type prints one `[]` whatever the dimensions.
    if t.array_bounds.is_empty() {
        base
    } else {
        format!("{base}[]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_names_are_clipped_like_postgres() {
        assert_eq!(
            make_object_name("users", Some("email"), "key"),
            "users_email_key"
        );
        assert_eq!(make_object_name("users", None, "pkey"), "users_pkey");
        let long = "a".repeat(63);
        let name = make_object_name(&long, Some("id"), "seq");
        assert_eq!(name.len(), 63);
        assert!(name.ends_with("_id_seq"));
    }
}
