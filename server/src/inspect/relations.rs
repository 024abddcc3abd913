//! Tables, sequences and indexes: one query each, nested per-table data (columns,
//! constraints, parents) as `jsonb` columns of the same query.

use serde::de::DeserializeOwned;
use tokio_postgres::Row;

use super::query_error;
use super::sql::{acl, acl_json, comment, in_scope, not_extension_member, Context};
use crate::error::{Error, Result};
use crate::model::{Index, QualifiedName, Sequence, SequenceOptions, Table};

/// Reads a `jsonb` column into `T`.
pub(crate) fn json<T: DeserializeOwned>(row: &Row, column: &str) -> Result<T> {
    let value: serde_json::Value = row.try_get(column).map_err(|e| query_error(column, e))?;
    serde_json::from_value(value).map_err(|e| Error::Inspect {
        what: column.to_string(),
        message: e.to_string(),
    })
}

/// SQL expression: the options of the sequence whose `pg_sequence` row is aliased `seq`.
fn sequence_options(seq: &str) -> String {
    format!(
        "pg_catalog.jsonb_build_object('data_type', pg_catalog.format_type({seq}.seqtypid, NULL), \
         'start', {seq}.seqstart, 'increment', {seq}.seqincrement, 'min', {seq}.seqmin, \
         'max', {seq}.seqmax, 'cache', {seq}.seqcache, 'cycle', {seq}.seqcycle)"
    )
}

/// SQL expression: a `text[]` of `name=value` options as a jsonb array of `[name, value]`.
pub(crate) fn options_json(array: &str) -> String {
    format!(
        "COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_array(\
           pg_catalog.split_part(o.opt, '=', 1), \
           pg_catalog.substr(o.opt, pg_catalog.strpos(o.opt, '=') + 1)) ORDER BY o.ord) \
         FROM pg_catalog.unnest({array}) WITH ORDINALITY o(opt, ord)), '[]'::jsonb)"
    )
}

/// SQL expression: a column's privileges as an [`acl_json`] object. The default is no
/// privilege at all (an empty array, which `aclexplode` rejects), so there is nothing to revoke.
pub(crate) const COLUMN_ACL: &str = "pg_catalog.jsonb_build_object('revokes', '[]'::jsonb, 'grants', \
    COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(\
      'grantee', CASE WHEN x.grantee = 0 THEN NULL ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END, \
      'privilege', x.privilege_type, 'grantable', x.is_grantable) ORDER BY x.ord) \
    FROM pg_catalog.aclexplode(NULLIF(att.attacl, '{}'::pg_catalog.aclitem[])) WITH ORDINALITY \
      x(grantor, grantee, privilege_type, is_grantable, ord)), '[]'::jsonb))";

pub(crate) async fn tables(ctx: &Context<'_>) -> Result<Vec<Table>> {
    let major = ctx.major();
    let compression = if major >= 14 {
        "att.attcompression::text"
    } else {
        "''"
    };
    let stattarget = if major >= 17 {
        "att.attstattarget::int"
    } else {
        "NULLIF(att.attstattarget, -1)::int"
    };
    let columns = format!(
        "COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object( \
           'num', att.attnum, 'name', att.attname, \
           'data_type', pg_catalog.format_type(att.atttypid, att.atttypmod), \
           'local', att.attislocal, 'inherited', att.attinhcount > 0, 'not_null', att.attnotnull, \
           'default', pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), \
           'identity', att.attidentity::text, \
           'identity_sequence', CASE WHEN att.attidentity <> '' THEN \
              (SELECT pg_catalog.jsonb_build_object('oid', s.oid::int8, \
                'schema', sn.nspname, 'name', s.relname, 'options', {seqopts}, \
                'comment', pg_catalog.obj_description(s.oid, 'pg_class'), 'acl', {seqacl}) \
              FROM pg_catalog.pg_depend d \
              JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S' \
              JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace \
              JOIN pg_catalog.pg_sequence ps ON ps.seqrelid = s.oid \
             WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass \
               AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass \
               AND d.refobjid = c.oid AND d.refobjsubid = att.attnum AND d.deptype = 'i' \
             ORDER BY s.oid LIMIT 1) END, \
           'generated', att.attgenerated::text, \
           'collation', CASE WHEN att.attcollation <> 0 AND att.attcollation <> t.typcollation \
              THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END, \
           'storage', att.attstorage::text, 'type_storage', t.typstorage::text, \
           'compression', {compression}, \
           'stattarget', {stattarget}, \
           'options', {attoptions}, \
           'comment', dsc.description, \
           'acl', {attacl}) ORDER BY att.attnum) \
         FROM pg_catalog.pg_attribute att \
         JOIN pg_catalog.pg_type t ON t.oid = att.atttypid \
         LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = att.attrelid AND ad.adnum = att.attnum \
         LEFT JOIN pg_catalog.pg_collation co ON co.oid = att.attcollation \
         LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace \
         LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = att.attrelid \
           AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dsc.objsubid = att.attnum \
         WHERE att.attrelid = c.oid AND att.attnum > 0 AND NOT att.attisdropped), '[]'::jsonb)",
        seqopts = sequence_options("ps"),
        seqacl = acl_json("s.relacl", "pg_catalog.acldefault('s', s.relowner)"),
        attoptions = options_json("att.attoptions"),
        attacl = COLUMN_ACL,
    );
    let constraints = format!(
        "COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object( \
           'oid', k.oid::int8, 'name', k.conname, 'kind', k.contype::text, \
           'definition', pg_catalog.pg_get_constraintdef(k.oid), \
           'local', k.conislocal, 'inherited', k.coninhcount > 0, \
           'no_inherit', k.connoinherit, 'validated', k.convalidated, \
           'cloned', k.conparentid <> 0, \
           'column', CASE WHEN k.contype = 'n' THEN (SELECT ka.attname FROM pg_catalog.pg_attribute ka \
              WHERE ka.attrelid = c.oid AND ka.attnum = k.conkey[1]) END, \
           'index', CASE WHEN k.contype IN ('p', 'u', 'x') THEN \
              (SELECT ic.relname FROM pg_catalog.pg_class ic WHERE ic.oid = k.conindid) END, \
           'index_options', COALESCE((SELECT {index_options} FROM pg_catalog.pg_class ic \
              WHERE ic.oid = k.conindid AND k.contype IN ('p', 'u', 'x')), '[]'::jsonb), \
           'index_comment', CASE WHEN k.contype IN ('p', 'u', 'x') AND k.conindid <> 0 THEN \
              pg_catalog.obj_description(k.conindid, 'pg_class') END, \
           'comment', {comment}) ORDER BY k.conname) \
         FROM pg_catalog.pg_constraint k \
         WHERE k.conrelid = c.oid AND (k.conparentid = 0 OR k.contype IN ('p', 'u', 'x')) \
           AND k.contype IN ('p', 'u', 'c', 'f', 'x', 'n')), '[]'::jsonb)",
        comment = comment("pg_constraint", "k.oid"),
        index_options = options_json("ic.reloptions"),
    );
    let constraint_index = |flag: &str| {
        format!(
            "(SELECT ic.relname FROM pg_catalog.pg_index ix \
              JOIN pg_catalog.pg_class ic ON ic.oid = ix.indexrelid \
              WHERE ix.indrelid = c.oid AND ix.{flag} \
                AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = ix.indexrelid \
                            AND k.conrelid = c.oid AND k.contype IN ('p', 'u', 'x')) \
              ORDER BY ic.relname LIMIT 1)"
        )
    };
    let sql = format!(
        "SELECT c.oid, n.nspname, c.relname, pg_catalog.pg_get_userbyid(c.relowner) AS owner, \
                c.relkind::text AS kind, c.relpersistence = 'u' AS unlogged, \
                CASE WHEN c.reloftype <> 0 THEN pg_catalog.format_type(c.reloftype, NULL) END AS of_type, \
                CASE WHEN c.relkind = 'r' AND am.amname <> 'heap' THEN am.amname::text \
                     WHEN c.relkind = 'p' AND c.relam <> 0 THEN am.amname::text END AS access_method, \
                {reloptions} AS options, \
                {toastoptions} AS toast_options, \
                c.relreplident::text AS replica_identity, \
                c.relrowsecurity, c.relforcerowsecurity, \
                CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key, \
                CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound, \
                COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('oid', p.oid::int8, \
                     'schema', pn.nspname, 'name', p.relname) ORDER BY i.inhseqno) \
                   FROM pg_catalog.pg_inherits i \
                   JOIN pg_catalog.pg_class p ON p.oid = i.inhparent \
                   JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace \
                  WHERE i.inhrelid = c.oid), '[]'::jsonb) AS parents, \
                {columns} AS columns, \
                {constraints} AS constraints, \
                {cluster} AS cluster_index, \
                {replident} AS replica_index, \
                {comment} AS comment, \
                {acl} AS acl \
         FROM pg_catalog.pg_class c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam \
         LEFT JOIN pg_catalog.pg_class tc ON tc.oid = c.reltoastrelid \
         WHERE c.relkind IN ('r', 'p') AND {scope} AND {not_ext} \
         ORDER BY n.nspname, c.relname",
        reloptions = options_json("c.reloptions"),
        toastoptions = options_json("tc.reloptions"),
        cluster = constraint_index("indisclustered"),
        replident = constraint_index("indisreplident"),
        comment = comment("pg_class", "c.oid"),
        acl = acl_json("c.relacl", "pg_catalog.acldefault('r', c.relowner)"),
        scope = in_scope("n"),
        not_ext = not_extension_member("pg_class", "c.oid"),
    );
    let rows = ctx.query("tables", &sql).await?;
    rows.iter()
        .map(|r| {
            Ok(Table {
                oid: r.get("oid"),
                name: QualifiedName::new(
                    r.get::<_, String>("nspname"),
                    r.get::<_, String>("relname"),
                ),
                owner: r.get("owner"),
                kind: r.get("kind"),
                unlogged: r.get("unlogged"),
                of_type: r.get("of_type"),
                access_method: r.get("access_method"),
                options: json(r, "options")?,
                toast_options: json(r, "toast_options")?,
                replica_identity: r.get("replica_identity"),
                row_security: r.get("relrowsecurity"),
                force_row_security: r.get("relforcerowsecurity"),
                partition_key: r.get("partition_key"),
                partition_bound: r.get("partition_bound"),
                parents: json(r, "parents")?,
                columns: json(r, "columns")?,
                constraints: json(r, "constraints")?,
                cluster_constraint_index: r.get("cluster_index"),
                replica_constraint_index: r.get("replica_index"),
                comment: r.get("comment"),
                acl: acl(r, "acl")?,
            })
        })
        .collect()
}

pub(crate) async fn sequences(ctx: &Context<'_>) -> Result<Vec<Sequence>> {
    // Identity sequences belong to their column (deptype 'i') and are emitted with it.
    let sql = format!(
        "SELECT c.oid, n.nspname, c.relname, pg_catalog.pg_get_userbyid(c.relowner) AS owner, \
                c.relpersistence = 'u' AS unlogged, {seqopts} AS options, \
                own.oid AS own_oid, own_n.nspname AS own_schema, own.relname AS own_table, \
                own_a.attname AS own_column, \
                {comment} AS comment, {acl} AS acl \
         FROM pg_catalog.pg_class c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid \
         LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass \
              AND d.objid = c.oid AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass \
              AND d.refobjsubid > 0 AND d.deptype = 'a' \
         LEFT JOIN pg_catalog.pg_class own ON own.oid = d.refobjid \
         LEFT JOIN pg_catalog.pg_namespace own_n ON own_n.oid = own.relnamespace \
         LEFT JOIN pg_catalog.pg_attribute own_a ON own_a.attrelid = d.refobjid \
              AND own_a.attnum = d.refobjsubid \
         WHERE c.relkind = 'S' AND {scope} AND {not_ext} \
           AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend di \
                WHERE di.classid = 'pg_catalog.pg_class'::pg_catalog.regclass \
                  AND di.objid = c.oid AND di.deptype = 'i') \
         ORDER BY n.nspname, c.relname",
        seqopts = sequence_options("s"),
        comment = comment("pg_class", "c.oid"),
        acl = acl_json("c.relacl", "pg_catalog.acldefault('s', c.relowner)"),
        scope = in_scope("n"),
        not_ext = not_extension_member("pg_class", "c.oid"),
    );
    let rows = ctx.query("sequences", &sql).await?;
    rows.iter()
        .map(|r| {
            let options: SequenceOptions = json(r, "options")?;
            let owned_by = match (
                r.get::<_, Option<u32>>("own_oid"),
                r.get::<_, Option<String>>("own_schema"),
                r.get::<_, Option<String>>("own_table"),
                r.get::<_, Option<String>>("own_column"),
            ) {
                (Some(oid), Some(schema), Some(table), Some(column)) => {
                    Some((oid, QualifiedName::new(schema, table), column))
                }
                _ => None,
            };
            Ok(Sequence {
                oid: r.get("oid"),
                name: QualifiedName::new(
                    r.get::<_, String>("nspname"),
                    r.get::<_, String>("relname"),
                ),
                owner: r.get("owner"),
                unlogged: r.get("unlogged"),
                options,
                owned_by,
                comment: r.get("comment"),
                acl: acl(r, "acl")?,
            })
        })
        .collect()
}

pub(crate) async fn indexes(ctx: &Context<'_>) -> Result<Vec<Index>> {
    // Indexes behind constraints come with their constraint. Invalid indexes are skipped as
    // pg_dump does, except on partitioned tables (valid only once every partition attached).
    let sql = format!(
        "SELECT i.oid, n.nspname, i.relname, t.oid AS table_oid, tn.nspname AS table_schema, \
                t.relname AS table_name, pg_catalog.pg_get_indexdef(i.oid) AS definition, \
                pi.oid AS parent_oid, pin.nspname AS parent_schema, pi.relname AS parent_name, \
                x.indisclustered, x.indisreplident, \
                COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_array(a.attnum, a.attstattarget) \
                     ORDER BY a.attnum) FROM pg_catalog.pg_attribute a \
                   WHERE a.attrelid = i.oid AND a.attstattarget >= 0), '[]'::jsonb) AS stattargets, \
                {comment} AS comment \
         FROM pg_catalog.pg_index x \
         JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid \
         JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace \
         JOIN pg_catalog.pg_class t ON t.oid = x.indrelid \
         JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace \
         LEFT JOIN pg_catalog.pg_inherits inh ON inh.inhrelid = i.oid \
         LEFT JOIN pg_catalog.pg_class pi ON pi.oid = inh.inhparent \
         LEFT JOIN pg_catalog.pg_namespace pin ON pin.oid = pi.relnamespace \
         WHERE t.relkind IN ('r', 'p', 'm') AND {scope} AND {not_ext_t} AND {not_ext_i} \
           AND (x.indisvalid OR t.relkind = 'p') \
           AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.oid \
                           AND k.conrelid = t.oid AND k.contype IN ('p', 'u', 'x')) \
         ORDER BY tn.nspname, t.relname, i.relname",
        comment = comment("pg_class", "i.oid"),
        scope = in_scope("tn"),
        not_ext_t = not_extension_member("pg_class", "t.oid"),
        not_ext_i = not_extension_member("pg_class", "i.oid"),
    );
    let rows = ctx.query("indexes", &sql).await?;
    rows.iter()
        .map(|r| {
            let parent = match (
                r.get::<_, Option<u32>>("parent_oid"),
                r.get::<_, Option<String>>("parent_schema"),
                r.get::<_, Option<String>>("parent_name"),
            ) {
                (Some(oid), Some(schema), Some(name)) => {
                    Some((oid, QualifiedName::new(schema, name)))
                }
                _ => None,
            };
            let stattargets: Vec<(i32, i32)> = json(r, "stattargets")?;
            Ok(Index {
                oid: r.get("oid"),
                name: QualifiedName::new(
                    r.get::<_, String>("nspname"),
                    r.get::<_, String>("relname"),
                ),
                table: QualifiedName::new(
                    r.get::<_, String>("table_schema"),
                    r.get::<_, String>("table_name"),
                ),
                table_oid: r.get("table_oid"),
                definition: r.get("definition"),
                parent,
                clustered: r.get("indisclustered"),
                replica_identity: r.get("indisreplident"),
                stattargets,
                comment: r.get("comment"),
            })
        })
        .collect()
}
