//! Tables, sequences and indexes.

use super::{Acl, Oid, QualifiedName};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub oid: Oid,
    pub name: QualifiedName,
    pub owner: String,
    pub comment: Option<String>,
    pub acl: Acl,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sequence {
    pub oid: Oid,
    pub name: QualifiedName,
    pub owner: String,
    pub comment: Option<String>,
    pub acl: Acl,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Index {
    pub oid: Oid,
    pub name: QualifiedName,
    /// The table (or materialized view) the index is on.
    pub table: QualifiedName,
    pub comment: Option<String>,
}
