//! Simple objects ([`SimpleObject`]): one query per kind, each returning the same columns, read
//! by [`read`]. Every query leaves out what initdb made (oid < 16384), extension members and
//! objects internal to another, and (for kinds in schemas) what is out of scope.

mod catalog_kinds;
mod operators;
mod subscriptions;
mod text_search;

use super::sql::{acl, Context, Field};
use crate::error::Result;
use crate::model::{SimpleKind, SimpleObject};

pub(crate) async fn simple_objects(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let mut out = Vec::new();
    out.extend(catalog_kinds::objects(ctx).await?);
    out.extend(text_search::objects(ctx).await?);
    out.extend(operators::objects(ctx).await?);
    out.extend(subscriptions::objects(ctx).await?);
    Ok(out)
}

/// SQL condition: the object (`catalog`, `oid`) was made by a user and belongs to no
/// extension, and no other object owns it.
pub(crate) fn user_made(catalog: &str, oid: &str) -> String {
    format!(
        "{oid} >= 16384 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend own_dep \
         WHERE own_dep.classid = 'pg_catalog.{catalog}'::pg_catalog.regclass \
         AND own_dep.objid = {oid} AND own_dep.deptype IN ('e', 'i'))"
    )
}

/// Reads rows with the columns every kind's query returns: `oid`, `schema` (text or NULL),
/// `name`, `args` (text[] or NULL), `method` (text or NULL), `owner` (text or NULL), `comment`,
/// `acl` (an `acl_items` column or NULL), `create` (text), `settings` (text[]: key, value, key,
/// value, …, or NULL).
pub(crate) async fn read(
    ctx: &Context<'_>,
    kind: SimpleKind,
    sql: &str,
) -> Result<Vec<SimpleObject>> {
    let rows = ctx.query(kind.singular(), sql).await?;
    rows.iter()
        .map(|r| {
            let flat: Option<Vec<String>> = r.field("settings")?;
            let settings = flat
                .unwrap_or_default()
                .chunks(2)
                .filter_map(|pair| match pair {
                    [key, value] => Some((key.clone(), value.clone())),
                    _ => None,
                })
                .collect();
            Ok(SimpleObject {
                oid: r.field("oid")?,
                kind,
                schema: r.field("schema")?,
                name: r.field("name")?,
                args: r.field("args")?,
                method: r.field("method")?,
                owner: r.field::<Option<String>>("owner")?.unwrap_or_default(),
                comment: r.field("comment")?,
                acl: acl(r, "acl")?,
                create: r.field("create")?,
                settings,
            })
        })
        .collect()
}
