//! Text search configurations (with their mappings), dictionaries, parsers and templates.

use super::{read, user_made};
use crate::error::Result;
use crate::inspect::sql::{comment, in_scope, Context};
use crate::model::{SimpleKind, SimpleObject};

pub(super) async fn objects(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let mut out = Vec::new();
    out.extend(configurations(ctx).await?);
    Ok(out)
}

/// `CREATE TEXT SEARCH CONFIGURATION … (PARSER = …)`, then one mapping per token type (by the
/// parser's alias for it) to its dictionaries in order, as pg_dump writes them.
async fn configurations(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let sql = format!(
        "SELECT c.oid, n.nspname::text AS schema, c.cfgname::text AS name, \
                NULL::text[] AS args, NULL::text AS method, \
                pg_catalog.pg_get_userbyid(c.cfgowner)::text AS owner, \
                {comment} AS comment, NULL::text[] AS acl, \
                pg_catalog.format('CREATE TEXT SEARCH CONFIGURATION %I.%I (PARSER = %I.%I);' || E'\\n', \
                  n.nspname, c.cfgname, pn.nspname, p.prsname) AS \"create\", \
                (SELECT pg_catalog.array_agg(x ORDER BY t.tokid, part) \
                   FROM pg_catalog.ts_token_type(c.cfgparser) t \
                   CROSS JOIN LATERAL (SELECT pg_catalog.string_agg( \
                          pg_catalog.format('%I.%I', dn.nspname, d.dictname), ', ' ORDER BY m.mapseqno) AS dicts \
                        FROM pg_catalog.pg_ts_config_map m \
                        JOIN pg_catalog.pg_ts_dict d ON d.oid = m.mapdict \
                        JOIN pg_catalog.pg_namespace dn ON dn.oid = d.dictnamespace \
                        WHERE m.mapcfg = c.oid AND m.maptokentype = t.tokid) mapped \
                   CROSS JOIN LATERAL (VALUES (1, t.alias), (2, mapped.dicts)) kv(part, x) \
                   WHERE mapped.dicts IS NOT NULL) AS settings \
         FROM pg_catalog.pg_ts_config c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace \
         JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser \
         JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace \
         WHERE {user_made} AND {scope} \
         ORDER BY n.nspname COLLATE \"C\", c.cfgname COLLATE \"C\"",
        comment = comment("pg_ts_config", "c.oid"),
        user_made = user_made("pg_ts_config", "c.oid"),
        scope = in_scope("n"),
    );
    read(ctx, SimpleKind::TextSearchConfiguration, &sql).await
}
