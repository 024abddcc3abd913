//! Schemas and extensions.

use super::sql::{column_privileges, comment, ident, literal, owner, privileges, qualified};
use super::{Block, Dir, FilePlace};
use crate::model::{Catalog, CatalogRef, MemberPrivileges, QualifiedName};

/// initdb's comment on `public`.
const PUBLIC_COMMENT: &str = "standard public schema";

pub(crate) fn schemas(catalog: &Catalog) -> Vec<Block> {
    catalog
        .schemas
        .iter()
        .filter_map(|s| {
            let name = ident(&s.name);
            let mut sql = String::new();
            if s.preexisting {
                // Exists in every database: emit only what differs from initdb's state.
                if !s.initial_owner {
                    sql.push_str(&owner("SCHEMA", &name, &s.owner));
                }
                if s.comment.as_deref() != Some(PUBLIC_COMMENT) {
                    let text = s.comment.as_deref().map(literal);
                    sql.push_str(&format!(
                        "COMMENT ON SCHEMA {name} IS {};\n",
                        text.as_deref().unwrap_or("NULL")
                    ));
                }
            } else {
                sql.push_str(&format!("CREATE SCHEMA {name};\n"));
                sql.push_str(&owner("SCHEMA", &name, &s.owner));
                sql.push_str(&comment("SCHEMA", &name, s.comment.as_deref()));
            }
            sql.push_str(&privileges("SCHEMA", &name, &s.acl));
            (!sql.is_empty()).then(|| {
                Block::new(
                    FilePlace::global(Dir::Schemas, &s.name),
                    CatalogRef::Schema(s.oid),
                    sql,
                )
            })
        })
        .collect()
}

pub(crate) fn extensions(catalog: &Catalog) -> Vec<Block> {
    catalog
        .extensions
        .iter()
        .map(|e| {
            let name = ident(&e.name);
            let mut sql = format!(
                "CREATE EXTENSION IF NOT EXISTS {name} WITH SCHEMA {} VERSION {};\n",
                ident(&e.schema),
                literal(&e.version)
            );
            sql.push_str(&comment("EXTENSION", &name, e.comment.as_deref()));
            for m in &e.member_privileges {
                let target = member_target(m);
                sql.push_str(&match &m.column {
                    Some(column) => column_privileges(&target, column, &m.acl),
                    None => privileges(&m.kind, &target, &m.acl),
                });
            }
            Block::new(
                FilePlace::global(Dir::Extensions, &e.name),
                CatalogRef::Extension(e.oid),
                sql,
            )
        })
        .collect()
}

/// An extension member as GRANT names it: `schema.name`, with a routine's argument types.
pub(crate) fn member_target(m: &MemberPrivileges) -> String {
    let name = qualified(&QualifiedName::new(m.schema.clone(), m.name.clone()));
    match &m.args {
        Some(args) => format!("{name}({})", args.join(", ")),
        None => name,
    }
}
