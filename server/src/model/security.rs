//! Row-level security policies, extended statistics, rules, collations, publications and
//! default privileges.

use serde::{Deserialize, Serialize};

use super::{Acl, Oid, QualifiedName};

/// A row-level security policy (`pg_policy`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Policy {
    pub oid: Oid,
    pub table_oid: Oid,
    pub table: QualifiedName,
    pub name: String,
    pub permissive: bool,
    /// `polcmd`: `*` ALL, `r` SELECT, `a` INSERT, `w` UPDATE, `d` DELETE.
    pub command: String,
    /// Role names in `polroles` order; `None` is PUBLIC.
    pub roles: Vec<Option<String>>,
    /// `pg_get_expr(polqual)`.
    pub using: Option<String>,
    /// `pg_get_expr(polwithcheck)`.
    pub with_check: Option<String>,
    pub comment: Option<String>,
}

/// An extended statistics object (`pg_statistic_ext`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Statistics {
    pub oid: Oid,
    pub name: QualifiedName,
    pub table_oid: Oid,
    /// `pg_get_statisticsobjdef`: the whole `CREATE STATISTICS` statement, without `;`.
    pub definition: String,
    /// `stxstattarget`, `None` for the default (-1, or NULL from 17 on).
    pub stattarget: Option<i32>,
    pub owner: String,
    pub comment: Option<String>,
}

/// A rewrite rule other than a view's `_RETURN` rule (`pg_rewrite`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Rule {
    pub oid: Oid,
    pub name: String,
    pub relation_oid: Oid,
    pub relation: QualifiedName,
    /// The relation's `relkind`: rules live in its file.
    pub relkind: String,
    /// `pg_get_ruledef`: the whole `CREATE RULE` statement, without `;`.
    pub definition: String,
    /// `ev_enabled`: `O` origin (default), `D` disabled, `R` replica, `A` always.
    pub enabled: String,
    pub comment: Option<String>,
}

/// A user-created collation (`pg_collation`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Collation {
    pub oid: Oid,
    pub name: QualifiedName,
    pub owner: String,
    pub comment: Option<String>,
    /// `collprovider`: `c` libc, `i` icu, `b` builtin, `d` default.
    pub provider: String,
    pub deterministic: bool,
    pub lc_collate: Option<String>,
    pub lc_ctype: Option<String>,
    /// The ICU or builtin locale (`colliculocale` 15–16, `colllocale` 17+; `collcollate`
    /// before 15).
    pub locale: Option<String>,
    /// `collicurules` (16+).
    pub rules: Option<String>,
}

/// A table of a publication, with its column list and row filter (15+).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct PublicationTable {
    pub oid: Oid,
    pub schema: String,
    pub name: String,
    pub columns: Option<Vec<String>>,
    pub row_filter: Option<String>,
}

/// A publication (`pg_publication`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Publication {
    pub oid: Oid,
    pub name: String,
    pub owner: String,
    pub comment: Option<String>,
    pub all_tables: bool,
    /// The published operations, as `WITH (publish = …)` lists them.
    pub publish: Vec<String>,
    pub via_partition_root: bool,
    /// `pubgencols` (18+): `s` stored, `n` none.
    pub generated_columns: Option<String>,
    pub tables: Vec<PublicationTable>,
    /// `FOR TABLES IN SCHEMA` (15+): (schema oid, name).
    pub schemas: Vec<(Oid, String)>,
}

/// One `pg_default_acl` entry: the privileges `role` gives new objects of one kind, globally
/// (relative to the kind's built-in default) or in one schema (relative to nothing).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct DefaultPrivileges {
    pub oid: Oid,
    pub role: String,
    /// `(oid, name)` of the schema, `None` for the global entry.
    pub schema: Option<(Oid, String)>,
    /// `defaclobjtype`: `r` tables, `S` sequences, `f` functions, `T` types, `n` schemas,
    /// `L` large objects (18+).
    pub object_type: String,
    pub acl: Acl,
}
