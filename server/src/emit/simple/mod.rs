//! Simple objects ([`SimpleObject`]): their names as SQL, their blocks, and the statements that
//! add or change one setting. What is particular to a kind is in its group's module.

mod catalog_kinds;
mod operators;
mod subscriptions;
mod text_search;

pub use subscriptions::{
    create_sql as subscription_create, redact_conninfo, secret_note as subscription_secret_note,
    OPTIONS as SUBSCRIPTION_OPTIONS,
};
pub use text_search::{dictionary_create, dictionary_fixed};

use super::sql::{comment, ident, owner, privileges};
use super::{Block, Dir, FilePlace};
use crate::model::{Catalog, CatalogRef, QualifiedName, SimpleKind, SimpleObject};

/// The object as SQL names it after its kind's keyword: `public.my_english`,
/// `public.=== (integer, integer)`, `public.my_ops USING btree`, `(public.t AS text)`,
/// `FOR public.t LANGUAGE plpython3u`, `plpython3u`.
pub fn target(o: &SimpleObject) -> String {
    let qualified = || match &o.schema {
        Some(schema) => format!("{}.{}", ident(schema), ident(&o.name)),
        None => ident(&o.name),
    };
    match o.kind {
        // Operator names are never quoted.
        SimpleKind::Operator => {
            let schema = o.schema.as_deref().map(ident).unwrap_or_default();
            let args = o.args.as_deref().unwrap_or_default().join(", ");
            format!("{schema}.{} ({args})", o.name)
        }
        SimpleKind::OperatorClass | SimpleKind::OperatorFamily => format!(
            "{} USING {}",
            qualified(),
            ident(o.method.as_deref().unwrap_or_default())
        ),
        SimpleKind::Cast => format!("({})", o.name),
        SimpleKind::Transform => format!("FOR {}", o.name),
        _ => qualified(),
    }
}

/// The directory of the per-kind layout its objects go to.
pub fn dir(kind: SimpleKind) -> Dir {
    match kind {
        SimpleKind::AccessMethod => Dir::AccessMethods,
        SimpleKind::Language => Dir::Languages,
        SimpleKind::TextSearchParser => Dir::TextSearchParsers,
        SimpleKind::TextSearchTemplate => Dir::TextSearchTemplates,
        SimpleKind::TextSearchDictionary => Dir::TextSearchDictionaries,
        SimpleKind::TextSearchConfiguration => Dir::TextSearchConfigurations,
        SimpleKind::Operator => Dir::Operators,
        SimpleKind::OperatorFamily => Dir::OperatorFamilies,
        SimpleKind::OperatorClass => Dir::OperatorClasses,
        SimpleKind::Cast => Dir::Casts,
        SimpleKind::Conversion => Dir::Conversions,
        SimpleKind::Transform => Dir::Transforms,
        SimpleKind::Subscription => Dir::Subscriptions,
    }
}

/// The file it is written to: `<dir>/<schema>.<name>.sql` (an operator's overloads and a
/// class's access methods share their name's file), `casts/<source> AS <target>.sql`.
pub fn place(o: &SimpleObject) -> FilePlace {
    let dir = dir(o.kind);
    match &o.schema {
        Some(schema) => FilePlace::in_schema(dir, &QualifiedName::new(schema, &o.name)),
        None => FilePlace::global(dir, &o.name),
    }
}

/// The statement adding one setting after `create`.
pub fn setting_sql(o: &SimpleObject, key: &str, value: &str) -> String {
    match o.kind {
        SimpleKind::TextSearchConfiguration
        | SimpleKind::TextSearchDictionary
        | SimpleKind::TextSearchParser
        | SimpleKind::TextSearchTemplate => text_search::setting_sql(o, key, value),
        SimpleKind::Operator | SimpleKind::OperatorClass | SimpleKind::OperatorFamily => {
            operators::setting_sql(o, key, value)
        }
        SimpleKind::Subscription => subscriptions::setting_sql(o, key, value),
        _ => catalog_kinds::setting_sql(o, key, value),
    }
}

/// Owner, comment and privileges, as every block ends.
pub fn attributes_sql(o: &SimpleObject) -> String {
    let (kind, target) = (o.kind.keyword(), target(o));
    let mut sql = String::new();
    sql.push_str(&owner(kind, &target, &o.owner));
    sql.push_str(&comment(kind, &target, o.comment.as_deref()));
    if !o.acl.is_default() {
        sql.push_str(&privileges(kind, &target, &o.acl));
    }
    sql
}

/// What defines the object: its `CREATE` and its settings.
pub fn definition_sql(o: &SimpleObject) -> String {
    let mut sql = o.create.clone();
    for (key, value) in &o.settings {
        sql.push_str(&setting_sql(o, key, value));
    }
    sql
}

/// The whole block: create, settings, owner, comment, privileges.
pub fn sql(o: &SimpleObject) -> String {
    definition_sql(o) + &attributes_sql(o)
}

pub(crate) fn blocks(catalog: &Catalog) -> Vec<Block> {
    catalog
        .simple
        .iter()
        .map(|o| Block::new(place(o), CatalogRef::Simple(o.oid), sql(o)))
        .collect()
}
