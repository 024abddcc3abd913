//! Tables, sequences and indexes: one query each, nested per-table data (columns,
//! constraints, parents) as `jsonb` columns of the same query.

use super::sql::Field;
use std::collections::HashMap;

use serde::de::DeserializeOwned;
use tokio_postgres::Row;

use super::query_error;
use super::sql::{acl, acl_items, acl_json, comment, in_scope, not_extension_member, Context};
use crate::error::{Error, Result};
use crate::model::{
    Column, Constraint, Index, Oid, QualifiedName, Sequence, SequenceOptions, Table,
};

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
        "CASE WHEN {array} IS NULL THEN '[]'::jsonb ELSE \
         COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_array(\
           pg_catalog.split_part(o.opt, '=', 1), \
           pg_catalog.substr(o.opt, pg_catalog.strpos(o.opt, '=') + 1)) ORDER BY o.ord) \
         FROM pg_catalog.unnest({array}) WITH ORDINALITY o(opt, ord)), '[]'::jsonb) END"
    )
}

/// SQL expression: a column's privileges as an [`acl_json`] object. The default is no
/// privilege at all (an empty array, which `aclexplode` rejects), so there is nothing to revoke.
pub(crate) const COLUMN_ACL: &str = "pg_catalog.jsonb_build_object('revokes', '[]'::jsonb, 'grants', \
    COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(\
      'grantee', CASE WHEN x.grantee = 0 THEN NULL ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END, \
      'privilege', x.privilege_type, 'grantable', x.is_grantable, \
      'grantor', CASE WHEN x.grantor = (SELECT r.relowner FROM pg_catalog.pg_class r WHERE r.oid = att.attrelid) \
        THEN NULL ELSE pg_catalog.pg_get_userbyid(x.grantor)::text END)) ORDER BY x.ord) \
    FROM pg_catalog.aclexplode(NULLIF(att.attacl, '{}'::pg_catalog.aclitem[])) WITH ORDINALITY \
      x(grantor, grantee, privilege_type, is_grantable, ord)), '[]'::jsonb))";

/// One reader's share of the tables. The deparse functions' main cost is opening each table
/// (building the server backend's cache entry for it, ~35 µs), paid once per backend: so each
/// reader reads the columns, constraints and indexes of its own share of the tables, never
/// another's.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Part {
    pub index: u32,
    pub count: u32,
}

impl Part {
    /// SQL condition: the table whose oid is `oid` is in this share.
    fn contains(&self, oid: &str) -> String {
        if self.count <= 1 {
            return "true".to_string();
        }
        format!(
            "(pg_catalog.hashoid({oid}) & 2147483647) % {} = {}",
            self.count, self.index
        )
    }
}

/// The columns and constraints of one [`Part`] of the tables, by table.
#[derive(Debug, Default)]
pub(crate) struct TableParts {
    columns: HashMap<Oid, Vec<Column>>,
    constraints: HashMap<Oid, Vec<Constraint>>,
}

/// SQL condition: `c` (a `pg_class` row, its namespace `n`) is a table pg-flux reads.
fn table_filter() -> String {
    format!(
        "c.relkind IN ('r', 'p') AND {} AND {}",
        in_scope("n"),
        not_extension_member("pg_class", "c.oid")
    )
}

/// The columns and constraints of the tables in `part`.
pub(crate) async fn table_parts(ctx: &Context<'_>, part: Part) -> Result<TableParts> {
    let major = ctx.major();
    let compression = if major >= 14 {
        "att.attcompression::text"
    } else {
        "''::text"
    };
    let stattarget = if major >= 17 {
        "att.attstattarget::int"
    } else {
        "NULLIF(att.attstattarget, -1)::int"
    };
    // The share's tables first (OFFSET 0 keeps the planner from testing the filter, with its
    // extension-member lookup, once per column instead of once per table).
    let table_filter = format!(
        "(SELECT c.oid FROM pg_catalog.pg_class c \
           JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
          WHERE {} AND {} OFFSET 0)",
        table_filter(),
        part.contains("c.oid")
    );
    // Columns and constraints are read flat, one row each, and grouped by table here: a
    // correlated per-table aggregate costs about a millisecond per table, the flat scan a
    // few microseconds per row (pg_dump's getTableAttrs reads them the same way).
    // Identities only: a column's name, kind of origin and grants, without its type, default,
    // comment or options (and the joins that read them), which is 2–3× cheaper.
    let columns = format!(
        "SELECT att.attrelid AS table_oid, att.attnum, att.attname::text, \
           {data_type} AS data_type, \
           att.attislocal, att.attinhcount > 0 AS inherited, att.attnotnull, \
           {default_expr} AS default_expr, \
           att.attidentity::text AS identity, \
           att.attgenerated::text AS generated, \
           {collation} AS collation, \
           att.attstorage::text AS storage, {type_storage} AS type_storage, \
           {compression} AS compression, {stattarget} AS stattarget, \
           {attoptions} AS options, {comment} AS comment, \
           CASE WHEN att.attacl IS NOT NULL THEN {attacl} END AS acl \
         FROM pg_catalog.pg_attribute att \
         JOIN {tables} c ON c.oid = att.attrelid \
         {details} \
         WHERE att.attnum > 0 AND NOT att.attisdropped \
         ORDER BY att.attrelid, att.attnum",
        data_type = ctx.detail(
            "pg_catalog.format_type(att.atttypid, att.atttypmod)",
            "''::pg_catalog.text"
        ),
        collation = ctx.detail(
            "CASE WHEN att.attcollation <> 0 AND att.attcollation <> t.typcollation \
              THEN (SELECT pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) \
                      FROM pg_catalog.pg_collation co \
                      JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace \
                     WHERE co.oid = att.attcollation) END",
            "NULL::pg_catalog.text"
        ),
        type_storage = ctx.detail("t.typstorage::text", "''::pg_catalog.text"),
        attoptions = ctx.detail(&options_json("att.attoptions"), "'[]'::jsonb"),
        comment = ctx.detail("dsc.description", "NULL::pg_catalog.text"),
        // Defaults never refer to columns (generated columns do): no table to open for them.
        default_expr = ctx.detail(
            "pg_catalog.pg_get_expr(ad.adbin, \
             CASE WHEN att.attgenerated <> '' THEN ad.adrelid ELSE 0 END)",
            "NULL::pg_catalog.text"
        ),
        details = ctx.detail(
            "JOIN pg_catalog.pg_type t ON t.oid = att.atttypid \
             LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = att.attrelid AND ad.adnum = att.attnum \
             LEFT JOIN pg_catalog.pg_description dsc ON dsc.objoid = att.attrelid \
               AND dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass \
               AND dsc.objsubid = att.attnum",
            ""
        ),
        attacl = COLUMN_ACL,
        tables = table_filter,
    );
    // Identity sequences, set-based: a correlated lookup per identity column cost ~80 µs.
    let identity_sequences = format!(
        "SELECT DISTINCT ON (d.refobjid, d.refobjsubid) d.refobjid AS table_oid, \
           d.refobjsubid::int2 AS attnum, \
           pg_catalog.jsonb_build_object('oid', s.oid::int8, \
             'schema', sn.nspname, 'name', s.relname, 'options', {seqopts}, \
             'comment', {seqcomment}, 'acl', {seqacl}) AS identity_sequence \
         FROM pg_catalog.pg_depend d \
         JOIN {tables} c ON c.oid = d.refobjid \
         JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S' \
         JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace \
         JOIN pg_catalog.pg_sequence ps ON ps.seqrelid = s.oid \
         WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass \
           AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass \
           AND d.deptype = 'i' AND d.refobjsubid > 0 {granted} \
         ORDER BY d.refobjid, d.refobjsubid, s.oid",
        // Identities list an identity sequence's privileges only: one without is not read,
        // and when no sequence has any the query stops at once (a one-time filter).
        granted = ctx.detail(
            "",
            "AND s.relacl IS NOT NULL AND EXISTS (SELECT 1 FROM pg_catalog.pg_class gs \
               WHERE gs.relkind = 'S' AND gs.relacl IS NOT NULL)"
        ),
        seqopts = ctx.detail(
            &sequence_options("ps"),
            "'{\"data_type\": \"\", \"start\": 0, \"increment\": 0, \"min\": 0, \"max\": 0, \
              \"cache\": 0, \"cycle\": false}'::jsonb"
        ),
        seqacl = acl_json(
            "s.relacl",
            "pg_catalog.acldefault('s', s.relowner)",
            "s.relowner"
        ),
        seqcomment = ctx.detail(&comment("pg_class", "s.oid"), "NULL::pg_catalog.text"),
        tables = table_filter,
    );
    let constraints = format!(
        "SELECT k.conrelid AS table_oid, k.oid, k.conname::text, k.contype::text AS kind, \
           {definition} AS definition, \
           k.conislocal, k.coninhcount > 0 AS inherited, k.connoinherit, k.convalidated, \
           k.conparentid <> 0 AS cloned, \
           CASE WHEN k.contype = 'n' THEN (SELECT ka.attname::text FROM pg_catalog.pg_attribute ka \
              WHERE ka.attrelid = c.oid AND ka.attnum = k.conkey[1]) END AS column_name, \
           ic.relname::text AS index_name, \
           {index_options} AS index_options, \
           CASE WHEN ic.oid IS NOT NULL THEN {index_comment} END AS index_comment, \
           {comment} AS comment \
         FROM pg_catalog.pg_constraint k \
         JOIN {tables} c ON c.oid = k.conrelid \
         LEFT JOIN pg_catalog.pg_class ic ON ic.oid = k.conindid AND k.contype IN ('p', 'u', 'x') \
         WHERE (k.conparentid = 0 OR k.contype IN ('p', 'u', 'x')) \
           AND k.contype IN ('p', 'u', 'c', 'f', 'x', 'n') \
         ORDER BY k.conrelid, k.conname",
        comment = ctx.detail(&comment("pg_constraint", "k.oid"), "NULL::pg_catalog.text"),
        definition = ctx.deparsed(&constraint_definition(major), "true"),
        index_options = ctx.detail(&options_json("ic.reloptions"), "'[]'::jsonb"),
        index_comment = ctx.detail(&comment("pg_class", "ic.oid"), "NULL::pg_catalog.text"),
        tables = table_filter,
    );
    let mut columns = grouped(ctx.query("columns", &columns).await?, column)?;
    for row in ctx.query("identity sequences", &identity_sequences).await? {
        let (table, num): (Oid, i16) = (get(&row, "table_oid")?, get(&row, "attnum")?);
        let column = columns
            .get_mut(&table)
            .and_then(|columns| columns.iter_mut().find(|c| c.num == num));
        if let Some(column) = column {
            column.identity_sequence = json_or_default(&row, "identity_sequence")?;
        }
    }
    Ok(TableParts {
        columns,
        constraints: grouped(ctx.query("constraints", &constraints).await?, constraint)?,
    })
}

/// SQL expression: the definition of constraint `k`. A table's NOT NULL constraint is spelled
/// here as `pg_get_constraintdef` spells it, which saves ~10 µs a column; every other kind
/// goes through the server's deparser.
fn constraint_definition(major: i32) -> String {
    if major < 18 {
        return "pg_catalog.pg_get_constraintdef(k.oid)".to_string();
    }
    "CASE WHEN k.contype = 'n' AND k.conrelid <> 0 AND pg_catalog.cardinality(k.conkey) = 1 THEN \
       'NOT NULL ' || pg_catalog.quote_ident((SELECT ka.attname::text FROM pg_catalog.pg_attribute ka \
          WHERE ka.attrelid = k.conrelid AND ka.attnum = k.conkey[1])) \
       || CASE WHEN k.connoinherit THEN ' NO INHERIT' ELSE '' END \
       || CASE WHEN NOT k.convalidated THEN ' NOT VALID' ELSE '' END \
     ELSE pg_catalog.pg_get_constraintdef(k.oid) END"
        .to_string()
}

impl TableParts {
    pub(crate) fn merge(&mut self, other: TableParts) {
        self.columns.extend(other.columns);
        self.constraints.extend(other.constraints);
    }

    /// Gives each table its columns and constraints.
    pub(crate) fn attach(mut self, tables: &mut [Table]) {
        for table in tables {
            table.columns = self.columns.remove(&table.oid).unwrap_or_default();
            table.constraints = self.constraints.remove(&table.oid).unwrap_or_default();
        }
    }
}

/// Every table, without its columns and constraints (see [`table_parts`]).
pub(crate) async fn tables(ctx: &Context<'_>) -> Result<Vec<Table>> {
    let table_filter = table_filter();
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
                {partition_key} AS partition_key, \
                {partition_bound} AS partition_bound, \
                COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('oid', p.oid::int8, \
                     'schema', pn.nspname, 'name', p.relname) ORDER BY i.inhseqno) \
                   FROM pg_catalog.pg_inherits i \
                   JOIN pg_catalog.pg_class p ON p.oid = i.inhparent \
                   JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace \
                  WHERE i.inhrelid = c.oid), '[]'::jsonb) AS parents, \
                {cluster} AS cluster_index, \
                {replident} AS replica_index, \
                {comment} AS comment, \
                {acl} AS acl \
         FROM pg_catalog.pg_class c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam \
         LEFT JOIN pg_catalog.pg_class tc ON tc.oid = c.reltoastrelid \
         WHERE {tables} \
         ORDER BY n.nspname, c.relname",
        reloptions = ctx.detail(&options_json("c.reloptions"), "'[]'::jsonb"),
        toastoptions = ctx.detail(&options_json("tc.reloptions"), "'[]'::jsonb"),
        partition_key = ctx.deparsed(
            "CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END",
            "c.relkind = 'p'"
        ),
        partition_bound = ctx.deparsed(
            "CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END",
            "c.relispartition"
        ),
        cluster = ctx.detail(&constraint_index("indisclustered"), "NULL::pg_catalog.name"),
        replident = ctx.detail(&constraint_index("indisreplident"), "NULL::pg_catalog.name"),
        comment = ctx.detail(&comment("pg_class", "c.oid"), "NULL::pg_catalog.text"),
        acl = acl_items("c.relacl", "pg_catalog.acldefault('r', c.relowner)", "c.relowner"),
        tables = table_filter,
    );
    let rows = ctx.query("tables", &sql).await?;
    rows.iter()
        .map(|r| {
            Ok(Table {
                oid: r.field("oid")?,
                name: QualifiedName::new(
                    r.field::<String>("nspname")?,
                    r.field::<String>("relname")?,
                ),
                owner: r.field("owner")?,
                kind: r.field("kind")?,
                unlogged: r.field("unlogged")?,
                of_type: r.field("of_type")?,
                access_method: r.field("access_method")?,
                options: json(r, "options")?,
                toast_options: json(r, "toast_options")?,
                replica_identity: r.field("replica_identity")?,
                row_security: r.field("relrowsecurity")?,
                force_row_security: r.field("relforcerowsecurity")?,
                partition_key: r.field("partition_key")?,
                partition_bound: r.field("partition_bound")?,
                parents: json(r, "parents")?,
                columns: Vec::new(),
                constraints: Vec::new(),
                cluster_constraint_index: r.field("cluster_index")?,
                replica_constraint_index: r.field("replica_index")?,
                comment: r.field("comment")?,
                acl: acl(r, "acl")?,
            })
        })
        .collect()
}

/// Rows that start with `table_oid`, ordered by table, as each table's list of `T`.
fn grouped<T>(rows: Vec<Row>, read: fn(&Row) -> Result<T>) -> Result<HashMap<Oid, Vec<T>>> {
    let mut by_table: HashMap<Oid, Vec<T>> = HashMap::new();
    for row in &rows {
        let table: Oid = get(row, "table_oid")?;
        by_table.entry(table).or_default().push(read(row)?);
    }
    Ok(by_table)
}

/// Reads one column of a row, naming it when its type is not what the query promised.
fn get<'a, T: tokio_postgres::types::FromSql<'a>>(row: &'a Row, column: &str) -> Result<T> {
    row.try_get(column).map_err(|e| query_error(column, e))
}

/// A nullable `jsonb` column read into `T`, its default when NULL.
fn json_or_default<T: DeserializeOwned + Default>(row: &Row, column: &str) -> Result<T> {
    let value: Option<serde_json::Value> = get(row, column)?;
    match value {
        None => Ok(T::default()),
        Some(value) => serde_json::from_value(value).map_err(|e| Error::Inspect {
            what: column.to_string(),
            message: e.to_string(),
        }),
    }
}

fn column(row: &Row) -> Result<Column> {
    Ok(Column {
        num: get(row, "attnum")?,
        name: get(row, "attname")?,
        data_type: get(row, "data_type")?,
        local: get(row, "attislocal")?,
        inherited: get(row, "inherited")?,
        not_null: get(row, "attnotnull")?,
        default: get(row, "default_expr")?,
        identity: get(row, "identity")?,
        identity_sequence: None, // see `identity_sequences` in `table_parts`
        generated: get(row, "generated")?,
        collation: get(row, "collation")?,
        storage: get(row, "storage")?,
        type_storage: get(row, "type_storage")?,
        compression: get(row, "compression")?,
        stattarget: get(row, "stattarget")?,
        options: json(row, "options")?,
        comment: get(row, "comment")?,
        acl: json_or_default(row, "acl")?,
    })
}

fn constraint(row: &Row) -> Result<Constraint> {
    Ok(Constraint {
        oid: get(row, "oid")?,
        name: get(row, "conname")?,
        kind: get(row, "kind")?,
        definition: get(row, "definition")?,
        local: get(row, "conislocal")?,
        inherited: get(row, "inherited")?,
        no_inherit: get(row, "connoinherit")?,
        validated: get(row, "convalidated")?,
        cloned: get(row, "cloned")?,
        column: get(row, "column_name")?,
        index: get(row, "index_name")?,
        index_options: json(row, "index_options")?,
        index_comment: get(row, "index_comment")?,
        comment: get(row, "comment")?,
    })
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
        acl = acl_items("c.relacl", "pg_catalog.acldefault('s', c.relowner)", "c.relowner"),
        scope = in_scope("n"),
        not_ext = not_extension_member("pg_class", "c.oid"),
    );
    let rows = ctx.query("sequences", &sql).await?;
    rows.iter()
        .map(|r| {
            let options: SequenceOptions = json(r, "options")?;
            let owned_by = match (
                r.field::<Option<u32>>("own_oid")?,
                r.field::<Option<String>>("own_schema")?,
                r.field::<Option<String>>("own_table")?,
                r.field::<Option<String>>("own_column")?,
            ) {
                (Some(oid), Some(schema), Some(table), Some(column)) => {
                    Some((oid, QualifiedName::new(schema, table), column))
                }
                _ => None,
            };
            Ok(Sequence {
                oid: r.field("oid")?,
                name: QualifiedName::new(
                    r.field::<String>("nspname")?,
                    r.field::<String>("relname")?,
                ),
                owner: r.field("owner")?,
                unlogged: r.field("unlogged")?,
                options,
                owned_by,
                comment: r.field("comment")?,
                acl: acl(r, "acl")?,
            })
        })
        .collect()
}

/// The indexes on the tables (and materialized views) of `part`.
pub(crate) async fn indexes(ctx: &Context<'_>, part: Part) -> Result<Vec<Index>> {
    // Indexes behind constraints come with their constraint (such an index depends on its
    // primary key, unique or exclusion constraint internally; one look-up of the index's
    // dependencies finds that and extension membership). Invalid indexes are skipped as
    // pg_dump does, except on partitioned tables (valid only once every partition attached).
    // An index is in its table's schema. The schemas are not joined: the planner, expecting
    // few rows, compared every index with every schema (a third of this query's time).
    let sql = format!(
        "SELECT i.oid, tn.nspname, i.relname, t.oid AS table_oid, tn.nspname AS table_schema, \
                t.relname AS table_name, {indexdef} AS definition, \
                pi.oid AS parent_oid, \
                (SELECT pin.nspname FROM pg_catalog.pg_namespace pin \
                  WHERE pin.oid = pi.relnamespace) AS parent_schema, \
                pi.relname AS parent_name, \
                x.indisclustered, x.indisreplident, \
                {stattargets} AS stattargets, \
                {comment} AS comment \
         FROM pg_catalog.pg_index x \
         JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid \
         JOIN pg_catalog.pg_class t ON t.oid = x.indrelid \
         JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace \
         LEFT JOIN pg_catalog.pg_inherits inh ON inh.inhrelid = i.oid \
         LEFT JOIN pg_catalog.pg_class pi ON pi.oid = inh.inhparent \
         WHERE t.relkind IN ('r', 'p', 'm') AND {scope} AND {not_ext_t} AND {part} \
           AND (x.indisvalid OR t.relkind = 'p') \
           AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d \
                WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = i.oid \
                  AND (d.deptype = 'e' OR (d.deptype = 'i' AND \
                       d.refclassid = 'pg_catalog.pg_constraint'::pg_catalog.regclass))) \
         ORDER BY tn.nspname, t.relname, i.relname",
        stattargets = ctx.detail(
            "COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_array(a.attnum, a.attstattarget) \
                 ORDER BY a.attnum) FROM pg_catalog.pg_attribute a \
               WHERE a.attrelid = i.oid AND a.attstattarget >= 0), '[]'::jsonb)",
            "'[]'::jsonb"
        ),
        comment = ctx.detail(&comment("pg_class", "i.oid"), "NULL::pg_catalog.text"),
        scope = in_scope("tn"),
        not_ext_t = not_extension_member("pg_class", "t.oid"),
        part = part.contains("t.oid"),
        indexdef = ctx.deparsed("pg_catalog.pg_get_indexdef(i.oid)", "true"),
    );
    let rows = ctx.query("indexes", &sql).await?;
    rows.iter()
        .map(|r| {
            let parent = match (
                r.field::<Option<u32>>("parent_oid")?,
                r.field::<Option<String>>("parent_schema")?,
                r.field::<Option<String>>("parent_name")?,
            ) {
                (Some(oid), Some(schema), Some(name)) => {
                    Some((oid, QualifiedName::new(schema, name)))
                }
                _ => None,
            };
            let stattargets: Vec<(i32, i32)> = json(r, "stattargets")?;
            Ok(Index {
                oid: r.field("oid")?,
                name: QualifiedName::new(
                    r.field::<String>("nspname")?,
                    r.field::<String>("relname")?,
                ),
                table: QualifiedName::new(
                    r.field::<String>("table_schema")?,
                    r.field::<String>("table_name")?,
                ),
                table_oid: r.field("table_oid")?,
                definition: r.field("definition")?,
                parent,
                clustered: r.field("indisclustered")?,
                replica_identity: r.field("indisreplident")?,
                stattargets,
                comment: r.field("comment")?,
            })
        })
        .collect()
}
