//! Types (enum, composite, range), domains, views and materialized views.

use super::{Acl, Oid, QualifiedName};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeDef {
    pub oid: Oid,
    pub name: QualifiedName,
    pub owner: String,
    pub comment: Option<String>,
    pub acl: Acl,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain {
    pub oid: Oid,
    pub name: QualifiedName,
    pub owner: String,
    pub comment: Option<String>,
    pub acl: Acl,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    pub oid: Oid,
    pub name: QualifiedName,
    pub materialized: bool,
    pub owner: String,
    pub comment: Option<String>,
    pub acl: Acl,
}
