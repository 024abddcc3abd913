//! Foreign data: wrappers (`foreign_data_wrappers/<name>.sql`), servers with their user
//! mappings (`foreign_servers/<name>.sql`) and foreign tables
//! (`foreign_tables/<schema>.<name>.sql`).
//!
//! Option values that are credentials (passwords, secrets, tokens, keys) are never written:
//! they become a placeholder, with a comment line above the statement naming the option.

use std::collections::HashMap;

use super::relations::{storage_name, SchemaConstraintNames};
use super::sql::{column_privileges, comment, ident, literal, owner, privileges, qualified};
use super::{Block, Dir, FilePlace, Phase};
use crate::model::{
    Catalog, CatalogRef, ForeignColumn, ForeignConstraint, ForeignDataWrapper, ForeignServer,
    ForeignTable, Oid, Table, UserMapping,
};

/// What a secret option's value is replaced by.
pub const SECRET_PLACEHOLDER: &str = "<redacted: set me>";

/// Name endings that mark an option's value as a credential.
const SECRET_SUFFIXES: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "secret",
    "token",
    "key",
    "credential",
    "credentials",
];

/// True when the option `name` holds a credential: its name, lower-cased, is or ends with
/// one of [`SECRET_SUFFIXES`] (`password`, `sslpassword`, `api_key`, `secret_access_key`,
/// `auth_token`). Flags such as `password_required` do not end so and are kept.
pub fn is_secret_option(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    SECRET_SUFFIXES.iter().any(|s| name.ends_with(s)) && !FILE_PATH_OPTIONS.contains(&name.as_str())
}

/// libpq (and so postgres_fdw and dblink) options whose names end like a secret's but hold the
/// path of a file on the server: the key itself never is in the catalog.
const FILE_PATH_OPTIONS: &[&str] = &["sslkey"];

/// ` OPTIONS (a 'x', b 'y')` (empty for no options), and a comment line for each secret
/// option whose value was replaced.
fn options_clause(options: &[(String, String)]) -> (String, String) {
    if options.is_empty() {
        return (String::new(), String::new());
    }
    let mut notes = String::new();
    let items: Vec<String> = options
        .iter()
        .map(|(k, v)| {
            if is_secret_option(k) {
                notes.push_str(&format!(
                    "-- pg-flux: the value of option {} is a secret and was not dumped; set it before loading.\n",
                    ident_for_comment(k)
                ));
                format!("{} {}", ident(k), literal(SECRET_PLACEHOLDER))
            } else {
                format!("{} {}", ident(k), literal(v))
            }
        })
        .collect();
    (format!(" OPTIONS ({})", items.join(", ")), notes)
}

/// An option name inside a `--` comment: double-quoted, with line breaks made harmless.
fn ident_for_comment(name: &str) -> String {
    format!("\"{}\"", name.replace(['\n', '\r'], " "))
}

pub(crate) fn wrappers(catalog: &Catalog) -> Vec<Block> {
    catalog
        .foreign_data_wrappers
        .iter()
        .filter_map(wrapper_block)
        .collect()
}

fn wrapper_block(w: &ForeignDataWrapper) -> Option<Block> {
    let name = ident(&w.name);
    let file = FilePlace::global(Dir::ForeignDataWrappers, &w.name);
    if let Some(extension) = w.extension {
        // The extension creates the wrapper; what was granted on it since is ours to keep.
        let sql = privileges("FOREIGN DATA WRAPPER", &name, &w.acl);
        return (!sql.is_empty()).then(|| Block {
            populate: None,
            file,
            phase: Phase::Create,
            provides: Vec::new(),
            requires: vec![CatalogRef::Extension(extension)],
            sql,
        });
    }
    let (options, notes) = options_clause(&w.options);
    let mut sql = notes;
    sql.push_str(&format!("CREATE FOREIGN DATA WRAPPER {name}"));
    if let Some(handler) = &w.handler {
        sql.push_str(&format!(" HANDLER {handler}"));
    }
    if let Some(validator) = &w.validator {
        sql.push_str(&format!(" VALIDATOR {validator}"));
    }
    sql.push_str(&options);
    sql.push_str(";\n");
    sql.push_str(&owner("FOREIGN DATA WRAPPER", &name, &w.owner));
    sql.push_str(&comment(
        "FOREIGN DATA WRAPPER",
        &name,
        w.comment.as_deref(),
    ));
    sql.push_str(&privileges("FOREIGN DATA WRAPPER", &name, &w.acl));
    Some(Block::new(file, CatalogRef::ForeignDataWrapper(w.oid), sql))
}

pub(crate) fn servers(catalog: &Catalog) -> Vec<Block> {
    catalog.foreign_servers.iter().map(server_block).collect()
}

fn server_block(s: &ForeignServer) -> Block {
    let name = ident(&s.name);
    let (options, notes) = options_clause(&s.options);
    let mut sql = notes;
    sql.push_str(&format!("CREATE SERVER {name}"));
    if let Some(t) = &s.server_type {
        sql.push_str(&format!(" TYPE {}", literal(t)));
    }
    if let Some(v) = &s.version {
        sql.push_str(&format!(" VERSION {}", literal(v)));
    }
    sql.push_str(&format!(" FOREIGN DATA WRAPPER {}", ident(&s.wrapper)));
    sql.push_str(&options);
    sql.push_str(";\n");
    sql.push_str(&owner("SERVER", &name, &s.owner));
    sql.push_str(&comment("SERVER", &name, s.comment.as_deref()));
    sql.push_str(&privileges("FOREIGN SERVER", &name, &s.acl));
    for m in &s.user_mappings {
        sql.push_str(&user_mapping_sql(&s.name, m));
    }
    Block::new(
        FilePlace::global(Dir::ForeignServers, &s.name),
        CatalogRef::ForeignServer(s.oid),
        sql,
    )
}

/// `CREATE USER MAPPING` (secrets replaced by a placeholder).
pub fn user_mapping_sql(server: &str, m: &UserMapping) -> String {
    let user = m
        .user
        .as_deref()
        .map(ident)
        .unwrap_or_else(|| "PUBLIC".to_string());
    let (options, notes) = options_clause(&m.options);
    let mut sql = notes;
    if m.options_hidden {
        sql.push_str(
            "-- pg-flux: this user mapping's options are hidden from the role that dumped \
             it (only superusers, the server's owner and the mapped user see them); they \
             were not dumped.\n",
        );
    }
    sql.push_str(&format!(
        "CREATE USER MAPPING FOR {user} SERVER {}{options};\n",
        ident(server)
    ));
    sql
}

/// `ALTER FOREIGN TABLE … ADD COLUMN` for a column added to an existing foreign table.
pub fn add_foreign_column_sql(t: &ForeignTable, c: &ForeignColumn) -> String {
    let mut sql = format!(
        "ALTER FOREIGN TABLE {} ADD COLUMN {} {}",
        qualified(&t.name),
        ident(&c.name),
        c.data_type
    );
    let (options, notes) = options_clause(&c.fdw_options);
    sql.push_str(&options);
    if let Some(collation) = &c.collation {
        sql.push_str(&format!(" COLLATE {collation}"));
    }
    if c.not_null {
        sql.push_str(" NOT NULL");
    }
    match (c.generated.as_str(), &c.default) {
        ("s", Some(expr)) => sql.push_str(&format!(" GENERATED ALWAYS AS ({expr}) STORED")),
        ("v", Some(expr)) => sql.push_str(&format!(" GENERATED ALWAYS AS ({expr}) VIRTUAL")),
        ("", Some(expr)) => sql.push_str(&format!(" DEFAULT {expr}")),
        _ => {}
    }
    format!("{notes}{sql};\n")
}

/// `ALTER FOREIGN TABLE … ADD CONSTRAINT` for a constraint added to an existing foreign table.
pub fn add_foreign_constraint_sql(t: &ForeignTable, k: &ForeignConstraint) -> String {
    format!(
        "ALTER FOREIGN TABLE {} ADD CONSTRAINT {} {};\n",
        qualified(&t.name),
        ident(&k.name),
        k.definition
    )
}

/// A parent's column, whichever kind of table the parent is.
struct ParentColumn<'a> {
    name: &'a str,
    default: Option<&'a str>,
    not_null: bool,
    /// The name of its NOT NULL constraint (18+).
    not_null_name: Option<&'a str>,
}

type ParentColumns<'a> = HashMap<Oid, Vec<ParentColumn<'a>>>;

fn parent_columns(catalog: &Catalog) -> ParentColumns<'_> {
    let mut map: ParentColumns = HashMap::new();
    for t in &catalog.tables {
        let t: &Table = t;
        let columns = t.columns.iter().map(|c| ParentColumn {
            name: &c.name,
            default: c.default.as_deref(),
            not_null: c.not_null,
            not_null_name: t
                .constraints
                .iter()
                .find(|k| k.kind == "n" && k.column.as_deref() == Some(c.name.as_str()))
                .map(|k| k.name.as_str()),
        });
        map.insert(t.oid, columns.collect());
    }
    for t in &catalog.foreign_tables {
        let columns = t.columns.iter().map(|c| ParentColumn {
            name: &c.name,
            default: c.default.as_deref(),
            not_null: c.not_null,
            not_null_name: t
                .constraints
                .iter()
                .find(|k| k.kind == "n" && k.column.as_deref() == Some(c.name.as_str()))
                .map(|k| k.name.as_str()),
        });
        map.insert(t.oid, columns.collect());
    }
    map
}

pub(crate) fn tables(catalog: &Catalog) -> Vec<Block> {
    let parents = parent_columns(catalog);
    let pg18 = catalog.server_major() >= 18;
    let names = SchemaConstraintNames::of(catalog);
    catalog
        .foreign_tables
        .iter()
        .map(|t| table_block(t, &parents, pg18, &names))
        .collect()
}

fn table_block(
    t: &ForeignTable,
    parents: &ParentColumns,
    pg18: bool,
    names: &SchemaConstraintNames,
) -> Block {
    let name = qualified(&t.name);
    let alter = format!("ALTER FOREIGN TABLE ONLY {name}");
    let parent_cols: Vec<&ParentColumn> = t
        .parents
        .iter()
        .filter_map(|p| parents.get(&p.oid))
        .flatten()
        .collect();
    let parent_column = |col: &str| parent_cols.iter().find(|p| p.name == col).copied();
    let is_partition = t.partition_bound.is_some();
    // A partition whose columns are not in its parent's order (made on its own, then
    // attached) is made and attached again: `PARTITION OF` would take the parent's order.
    let attach = is_partition
        && !t
            .parents
            .first()
            .and_then(|p| parents.get(&p.oid))
            .is_some_and(|cols| {
                cols.iter()
                    .map(|c| c.name)
                    .eq(t.columns.iter().map(|c| c.name.as_str()))
            });
    // A child that got its parents with `INHERIT` after it was made, in a column order that
    // `INHERITS` would not give, is made on its own and then inherits.
    let inherit_later =
        !is_partition && !t.parents.is_empty() && t.columns.iter().all(|c| c.local) && {
            let mut expected: Vec<&str> = Vec::new();
            for n in parent_cols
                .iter()
                .map(|p| p.name)
                .chain(t.columns.iter().map(|c| c.name.as_str()))
            {
                if !expected.contains(&n) {
                    expected.push(n);
                }
            }
            !expected
                .into_iter()
                .eq(t.columns.iter().map(|c| c.name.as_str()))
        };
    let declared = |c: &ForeignColumn| attach || (!is_partition && c.local);
    let not_null_constraint = |c: &ForeignColumn| {
        t.constraints
            .iter()
            .find(|k| k.kind == "n" && k.column.as_deref() == Some(c.name.as_str()))
    };

    let mut elements = Vec::new();
    let mut after = String::new();
    let mut column_notes = String::new();
    for c in &t.columns {
        let col = ident(&c.name);
        if declared(c) {
            let mut def = format!("{col} {}", c.data_type);
            let (fdw_options, notes) = options_clause(&c.fdw_options);
            def.push_str(&fdw_options);
            column_notes.push_str(&notes);
            if let Some(coll) = &c.collation {
                def.push_str(&format!(" COLLATE {coll}"));
            }
            if pg18 {
                if let Some(k) = not_null_constraint(c).filter(|k| k.local || attach) {
                    def.push_str(&names.not_null(&t.name, &c.name, &k.name));
                    if k.no_inherit {
                        def.push_str(" NO INHERIT");
                    }
                }
            } else if c.not_null {
                def.push_str(" NOT NULL");
            }
            match (c.generated.as_str(), &c.default) {
                ("s", Some(expr)) => def.push_str(&format!(" GENERATED ALWAYS AS ({expr}) STORED")),
                ("v", Some(expr)) => {
                    def.push_str(&format!(" GENERATED ALWAYS AS ({expr}) VIRTUAL"))
                }
                ("", Some(expr)) => def.push_str(&format!(" DEFAULT {expr}")),
                _ => {}
            }
            elements.push(def);
            // A column merged with an inherited one takes the parent's default unless it
            // has its own.
            if c.inherited
                && !attach
                && !inherit_later
                && c.default.is_none()
                && parent_column(&c.name).is_some_and(|p| p.default.is_some())
            {
                after.push_str(&format!("{alter} ALTER COLUMN {col} DROP DEFAULT;\n"));
            }
            continue;
        }
        // An inherited column: what differs from what the parent hands down.
        let parent = parent_column(&c.name);
        if c.generated.is_empty() && c.default.as_deref() != parent.and_then(|p| p.default) {
            match &c.default {
                Some(expr) => {
                    after.push_str(&format!("{alter} ALTER COLUMN {col} SET DEFAULT {expr};\n"))
                }
                None => after.push_str(&format!("{alter} ALTER COLUMN {col} DROP DEFAULT;\n")),
            }
        }
        if pg18 {
            // A partition's own NOT NULL constraint keeps its name only when given in
            // `PARTITION OF`; added later, it would clash with the inherited one.
            let own = not_null_constraint(c).filter(|k| {
                k.validated
                    && (k.local || parent.and_then(|p| p.not_null_name) != Some(k.name.as_str()))
            });
            if let Some(k) = own {
                let no_inherit = if k.no_inherit { " NO INHERIT" } else { "" };
                if is_partition {
                    elements.push(format!(
                        "{col} WITH OPTIONS CONSTRAINT {} NOT NULL{no_inherit}",
                        ident(&k.name)
                    ));
                } else {
                    after.push_str(&format!(
                        "{alter} ADD CONSTRAINT {} NOT NULL {col}{no_inherit};\n",
                        ident(&k.name)
                    ));
                }
            }
        } else if c.not_null && !parent.is_some_and(|p| p.not_null) {
            after.push_str(&format!("{alter} ALTER COLUMN {col} SET NOT NULL;\n"));
        }
        if !c.fdw_options.is_empty() {
            let (fdw_options, notes) = options_clause(&c.fdw_options);
            after.push_str(&notes);
            after.push_str(&format!("{alter} ALTER COLUMN {col}{fdw_options};\n"));
        }
    }
    // CHECK constraints: inline when valid, added afterwards when NOT VALID.
    for k in t
        .constraints
        .iter()
        .filter(|k| k.kind == "c" && (k.local || attach))
    {
        if k.validated {
            elements.push(format!("CONSTRAINT {} {}", ident(&k.name), k.definition));
        } else {
            after.push_str(&format!(
                "{alter} ADD CONSTRAINT {} {};\n",
                ident(&k.name),
                k.definition
            ));
        }
    }
    // Per-column settings, for every column.
    for c in &t.columns {
        let col = ident(&c.name);
        if c.storage != c.type_storage {
            after.push_str(&format!(
                "{alter} ALTER COLUMN {col} SET STORAGE {};\n",
                storage_name(&c.storage)
            ));
        }
        if let Some(target) = c.stattarget {
            after.push_str(&format!(
                "{alter} ALTER COLUMN {col} SET STATISTICS {target};\n"
            ));
        }
        if !c.options.is_empty() {
            let list: Vec<String> = c
                .options
                .iter()
                .map(|(k, v)| format!("{k}={}", literal(v)))
                .collect();
            after.push_str(&format!(
                "{alter} ALTER COLUMN {col} SET ({});\n",
                list.join(", ")
            ));
        }
    }

    let (options, notes) = options_clause(&t.options);
    let mut sql = notes;
    sql.push_str(&column_notes);
    sql.push_str(&format!("CREATE FOREIGN TABLE {name}"));
    let partition_of = t.parents.first().filter(|_| is_partition && !attach);
    if let Some(p) = partition_of {
        sql.push_str(&format!(" PARTITION OF {}", qualified(&p.qualified())));
    }
    if !elements.is_empty() {
        sql.push_str(&format!(" (\n    {}\n)", elements.join(",\n    ")));
    } else if partition_of.is_none() {
        sql.push_str(" (\n)");
    }
    if let (Some(bound), Some(_)) = (&t.partition_bound, partition_of) {
        sql.push_str(&format!(" {bound}"));
    }
    if !is_partition && !inherit_later && !t.parents.is_empty() {
        let list: Vec<String> = t
            .parents
            .iter()
            .map(|p| qualified(&p.qualified()))
            .collect();
        sql.push_str(&format!("\nINHERITS ({})", list.join(", ")));
    }
    sql.push_str(&format!("\nSERVER {}{options};\n", ident(&t.server)));
    if inherit_later {
        for p in &t.parents {
            sql.push_str(&format!(
                "ALTER FOREIGN TABLE {name} INHERIT {};\n",
                qualified(&p.qualified())
            ));
        }
    }
    if let (true, Some(p), Some(bound)) = (attach, t.parents.first(), &t.partition_bound) {
        sql.push_str(&format!(
            "ALTER TABLE {} ATTACH PARTITION {name} {bound};\n",
            qualified(&p.qualified())
        ));
    }
    sql.push_str(&after);
    sql.push_str(&owner("FOREIGN TABLE", &name, &t.owner));
    sql.push_str(&comment("FOREIGN TABLE", &name, t.comment.as_deref()));
    for c in &t.columns {
        let target = format!("{name}.{}", ident(&c.name));
        sql.push_str(&comment("COLUMN", &target, c.comment.as_deref()));
    }
    for k in t.constraints.iter().filter(|k| k.local || attach) {
        let target = format!("{} ON {name}", ident(&k.name));
        sql.push_str(&comment("CONSTRAINT", &target, k.comment.as_deref()));
    }
    sql.push_str(&privileges("TABLE", &name, &t.acl));
    for c in &t.columns {
        sql.push_str(&column_privileges(&name, &c.name, &c.acl));
    }
    let mut requires: Vec<CatalogRef> = t
        .parents
        .iter()
        .map(|p| CatalogRef::Relation(p.oid))
        .collect();
    requires.push(CatalogRef::ForeignServer(t.server_oid));
    Block {
        populate: None,
        file: FilePlace::in_schema(Dir::ForeignTables, &t.name),
        phase: Phase::Create,
        provides: vec![CatalogRef::Relation(t.oid)],
        requires,
        sql,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_recognised_by_name() {
        for name in [
            "password",
            "PASSWORD",
            "sslpassword",
            "api_key",
            "apikey",
            "secret",
            "client_secret",
            "token",
            "auth_token",
            "aws_secret_access_key",
            "credentials",
            "passphrase",
        ] {
            assert!(is_secret_option(name), "{name}");
        }
        for name in [
            "password_required",
            "user",
            "host",
            "port",
            "dbname",
            "fetch_size",
            "use_remote_estimate",
            "keep_connections",
            "passfile",
            "sslkey",
            "sslcert",
        ] {
            assert!(!is_secret_option(name), "{name}");
        }
    }

    #[test]
    fn secret_values_become_placeholders() {
        let (clause, notes) = options_clause(&[
            ("user".to_string(), "app".to_string()),
            ("password".to_string(), "S3cr3t".to_string()),
        ]);
        assert_eq!(
            clause,
            format!(" OPTIONS (\"user\" 'app', password '{SECRET_PLACEHOLDER}')")
        );
        assert!(!clause.contains("S3cr3t"));
        assert!(notes.contains("option \"password\" is a secret"), "{notes}");
    }
}
