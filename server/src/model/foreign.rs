//! Foreign data: wrappers, servers with their user mappings, foreign tables.

use serde::{Deserialize, Serialize};

use super::{Acl, Oid, Parent, QualifiedName};

/// An option list (`fdwoptions`, `srvoptions`, `umoptions`, `ftoptions`, `attfdwoptions`) as
/// (name, value) in catalog order.
pub type FdwOptions = Vec<(String, String)>;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct ForeignDataWrapper {
    pub oid: Oid,
    pub name: String,
    pub owner: String,
    /// Quoted, schema-qualified handler and validator functions.
    pub handler: Option<String>,
    pub validator: Option<String>,
    pub options: FdwOptions,
    pub comment: Option<String>,
    /// Relative to `acldefault('F', owner)`, or to the extension's initial privileges.
    pub acl: Acl,
    /// The extension that created it (postgres_fdw, file_fdw): only its privileges are
    /// emitted, the wrapper itself comes with the extension.
    pub extension: Option<Oid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct UserMapping {
    /// Role name; `None` is PUBLIC.
    pub user: Option<String>,
    pub options: FdwOptions,
    /// The dumping role may not see this mapping's options (`pg_user_mappings` hides them
    /// from all but superusers, the server's owner and the mapped user).
    pub options_hidden: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct ForeignServer {
    pub oid: Oid,
    pub name: String,
    pub wrapper: String,
    pub owner: String,
    /// `srvtype` and `srvversion`.
    pub server_type: Option<String>,
    pub version: Option<String>,
    pub options: FdwOptions,
    pub comment: Option<String>,
    /// Relative to `acldefault('S', owner)`.
    pub acl: Acl,
    pub user_mappings: Vec<UserMapping>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct ForeignColumn {
    pub num: i16,
    pub name: String,
    /// `format_type(atttypid, atttypmod)`.
    pub data_type: String,
    /// `attislocal`.
    pub local: bool,
    pub inherited: bool,
    pub not_null: bool,
    /// `pg_get_expr(adbin)`: the default, or the generation expression.
    pub default: Option<String>,
    /// `attgenerated`: `s` STORED, `v` VIRTUAL, or empty.
    pub generated: String,
    /// Quoted, schema-qualified collation when it differs from the type's.
    pub collation: Option<String>,
    pub storage: String,
    pub type_storage: String,
    /// `attstattarget`, `None` for the default.
    pub stattarget: Option<i32>,
    /// `attoptions` (n_distinct, …).
    pub options: Vec<(String, String)>,
    /// `attfdwoptions`: the wrapper's per-column options.
    pub fdw_options: FdwOptions,
    pub comment: Option<String>,
    pub acl: Acl,
}

/// A foreign table's CHECK constraint, or (18+) NOT NULL constraint.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct ForeignConstraint {
    pub name: String,
    /// `c` or `n`.
    pub kind: String,
    pub definition: String,
    pub local: bool,
    pub no_inherit: bool,
    pub validated: bool,
    /// For NOT NULL constraints: the column.
    pub column: Option<String>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct ForeignTable {
    pub oid: Oid,
    pub name: QualifiedName,
    pub owner: String,
    pub server: String,
    pub server_oid: Oid,
    pub options: FdwOptions,
    /// Inheritance parents, or the partitioned table when `partition_bound` is set.
    pub parents: Vec<Parent>,
    /// `pg_get_expr(relpartbound)` for a partition.
    pub partition_bound: Option<String>,
    pub columns: Vec<ForeignColumn>,
    pub constraints: Vec<ForeignConstraint>,
    pub comment: Option<String>,
    pub acl: Acl,
}
