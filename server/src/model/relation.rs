//! Tables, sequences and indexes.

use serde::{Deserialize, Serialize};

use super::{Acl, Oid, QualifiedName};

/// A table's parent (inheritance or partitioning), in `pg_inherits.inhseqno` order.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Parent {
    pub oid: Oid,
    pub schema: String,
    pub name: String,
}

impl Parent {
    pub fn qualified(&self) -> QualifiedName {
        QualifiedName::new(&self.schema, &self.name)
    }
}

/// The options of a sequence (standalone or behind an identity column), from `pg_sequence`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct SequenceOptions {
    /// `format_type(seqtypid)`.
    pub data_type: String,
    pub start: i64,
    pub increment: i64,
    pub min: i64,
    pub max: i64,
    pub cache: i64,
    pub cycle: bool,
}

/// An identity column's sequence.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct IdentitySequence {
    pub oid: Oid,
    pub schema: String,
    pub name: String,
    pub options: SequenceOptions,
    pub comment: Option<String>,
    pub acl: Acl,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Column {
    pub num: i16,
    pub name: String,
    /// `format_type(atttypid, atttypmod)`.
    pub data_type: String,
    /// `attislocal`.
    pub local: bool,
    /// `attinhcount > 0`.
    pub inherited: bool,
    pub not_null: bool,
    /// `pg_get_expr(adbin)`: the default, or the generation expression.
    pub default: Option<String>,
    /// `attidentity`: `a` ALWAYS, `d` BY DEFAULT, or empty.
    pub identity: String,
    pub identity_sequence: Option<IdentitySequence>,
    /// `attgenerated`: `s` STORED, `v` VIRTUAL, or empty.
    pub generated: String,
    /// Quoted, schema-qualified collation when it differs from the type's.
    pub collation: Option<String>,
    /// `attstorage` and the type's `typstorage`.
    pub storage: String,
    pub type_storage: String,
    /// `attcompression` (14+), empty for the default.
    pub compression: String,
    /// `attstattarget`, `None` for the default.
    pub stattarget: Option<i32>,
    /// `attoptions` as (name, value).
    pub options: Vec<(String, String)>,
    pub comment: Option<String>,
    pub acl: Acl,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Constraint {
    pub oid: Oid,
    pub name: String,
    /// `contype`: `p`, `u`, `c`, `f`, `x`, `n` (18+ NOT NULL).
    pub kind: String,
    /// `pg_get_constraintdef(oid)`.
    pub definition: String,
    pub local: bool,
    pub inherited: bool,
    pub no_inherit: bool,
    pub validated: bool,
    /// A partition's copy of its parent's primary key, unique or exclusion constraint
    /// (`conparentid <> 0`).
    pub cloned: bool,
    /// For NOT NULL constraints: the column.
    pub column: Option<String>,
    /// The index behind a primary key, unique or exclusion constraint, and its storage
    /// parameters (`pg_get_constraintdef` leaves them out).
    pub index: Option<String>,
    pub index_options: Vec<(String, String)>,
    pub index_comment: Option<String>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Table {
    pub oid: Oid,
    pub name: QualifiedName,
    pub owner: String,
    /// `r` or `p`.
    pub kind: String,
    pub unlogged: bool,
    /// `format_type(reloftype)` for a typed table.
    pub of_type: Option<String>,
    /// Table access method, when it is to be named (`USING am`).
    pub access_method: Option<String>,
    pub options: Vec<(String, String)>,
    pub toast_options: Vec<(String, String)>,
    /// `relreplident`: `d`, `n`, `f`, `i`.
    pub replica_identity: String,
    pub row_security: bool,
    pub force_row_security: bool,
    /// `pg_get_partkeydef` for a partitioned table.
    pub partition_key: Option<String>,
    /// `pg_get_expr(relpartbound)` for a partition.
    pub partition_bound: Option<String>,
    pub parents: Vec<Parent>,
    pub columns: Vec<Column>,
    pub constraints: Vec<Constraint>,
    /// Index named by `CLUSTER ON` / `REPLICA IDENTITY USING INDEX`, when it backs a
    /// constraint (other indexes carry these themselves).
    pub cluster_constraint_index: Option<String>,
    pub replica_constraint_index: Option<String>,
    pub comment: Option<String>,
    pub acl: Acl,
}

impl Table {
    pub fn is_partition(&self) -> bool {
        self.partition_bound.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Sequence {
    pub oid: Oid,
    pub name: QualifiedName,
    pub owner: String,
    pub unlogged: bool,
    pub options: SequenceOptions,
    /// `OWNED BY` table (oid, name) and column.
    pub owned_by: Option<(Oid, QualifiedName, String)>,
    pub comment: Option<String>,
    pub acl: Acl,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Index {
    pub oid: Oid,
    pub name: QualifiedName,
    /// The table (or materialized view) the index is on.
    pub table: QualifiedName,
    pub table_oid: Oid,
    /// `pg_get_indexdef(oid)`.
    pub definition: String,
    /// The parent index this one is attached to (partitioned tables).
    pub parent: Option<(Oid, QualifiedName)>,
    pub clustered: bool,
    pub replica_identity: bool,
    /// `ALTER INDEX … ALTER COLUMN n SET STATISTICS v`: (column number, target).
    pub stattargets: Vec<(i32, i32)>,
    pub comment: Option<String>,
}
