//! Types (enum, composite, range, base, shell), domains, views and materialized views.

use serde::{Deserialize, Serialize};

use super::{Acl, Oid, QualifiedName};

/// A user-defined type that is not a domain and not a table's row type.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct TypeDef {
    pub oid: Oid,
    pub name: QualifiedName,
    pub owner: String,
    pub comment: Option<String>,
    pub acl: Acl,
    pub kind: TypeKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum TypeKind {
    /// Labels in `enumsortorder` order.
    Enum {
        labels: Vec<String>,
    },
    /// Attributes in `attnum` order, dropped ones left out.
    Composite {
        attributes: Vec<Attribute>,
    },
    Range(RangeDef),
    /// A base type: written as a shell (`CREATE TYPE s.t;`), which its I/O functions need,
    /// and the full definition after them.
    Base(BaseDef),
    /// A shell never completed (`CREATE TYPE s.t;` alone).
    Shell,
}

/// A base type's definition, as pg_dump's dumpBaseType writes it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct BaseDef {
    /// `variable` or the length in bytes.
    pub internal_length: String,
    /// Function names as `regproc` prints them; the optional ones only when set.
    pub input: String,
    pub output: String,
    pub receive: Option<String>,
    pub send: Option<String>,
    pub typmod_in: Option<String>,
    pub typmod_out: Option<String>,
    pub analyze: Option<String>,
    /// PostgreSQL 14+.
    pub subscript: Option<String>,
    pub collatable: bool,
    /// The DEFAULT as SQL (an expression, or a quoted literal).
    pub default: Option<String>,
    /// As `format_type` prints it.
    pub element: Option<String>,
    /// `typcategory`.
    pub category: String,
    pub preferred: bool,
    /// `typdelim`.
    pub delimiter: String,
    /// `typalign`: `c`, `s`, `i`, `d`.
    pub alignment: String,
    /// `typstorage`: `p`, `e`, `x`, `m`.
    pub storage: String,
    pub passed_by_value: bool,
}

/// One attribute of a composite type.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Attribute {
    pub name: String,
    /// As `format_type` prints it (schema-qualified, with typmod).
    #[serde(rename = "type")]
    pub type_name: String,
    /// Quoted, schema-qualified collation, only when not the attribute type's default.
    pub collation: Option<String>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct RangeDef {
    /// As `format_type` prints it.
    pub subtype: String,
    /// Quoted, schema-qualified operator class, only when not the subtype's default.
    pub subtype_opclass: Option<String>,
    /// Quoted, schema-qualified collation, when the range has one.
    pub collation: Option<String>,
    /// Function names as `regproc` prints them.
    pub canonical: Option<String>,
    pub subtype_diff: Option<String>,
    /// The multirange type (PostgreSQL 14+), always in the range's schema.
    pub multirange: Option<String>,
    /// The multirange type's own comment. (Its owner follows the range's, and PostgreSQL
    /// refuses privileges on it.)
    pub multirange_comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Domain {
    pub oid: Oid,
    pub name: QualifiedName,
    pub owner: String,
    pub comment: Option<String>,
    pub acl: Acl,
    /// `format_type(typbasetype, typtypmod)`.
    pub base_type: String,
    /// Quoted, schema-qualified collation, only when not the base type's.
    pub collation: Option<String>,
    /// `typnotnull`. From PostgreSQL 17 on it is also a `contype 'n'` constraint.
    pub not_null: bool,
    /// The DEFAULT clause as SQL (an expression, or a quoted literal).
    pub default: Option<String>,
    /// CHECK (and, 17+, NOT NULL) constraints in name order.
    pub constraints: Vec<DomainConstraint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct DomainConstraint {
    pub name: String,
    /// `contype`: `c` check, `n` not null.
    pub kind: String,
    /// As `pg_get_constraintdef` prints it (with `NOT VALID` when not validated).
    pub definition: String,
    pub validated: bool,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct View {
    pub oid: Oid,
    pub name: QualifiedName,
    pub materialized: bool,
    pub owner: String,
    pub comment: Option<String>,
    pub acl: Acl,
    /// `pg_get_viewdef`, without the trailing semicolon.
    pub definition: String,
    /// Reloptions as stored (`name=value`), `check_option` left out.
    pub options: Vec<String>,
    /// `LOCAL` or `CASCADED`.
    pub check_option: Option<String>,
    /// Materialized views: the table access method when not `heap`.
    pub access_method: Option<String>,
    /// Materialized views: `relispopulated`.
    pub populated: bool,
    pub columns: Vec<ViewColumn>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct ViewColumn {
    pub name: String,
    /// As `format_type` prints it (schema-qualified, with typmod): the shell a dependency
    /// cycle needs (see `emit::order`).
    #[serde(rename = "type")]
    pub type_name: String,
    /// Quoted, schema-qualified collation, only when not the column type's default.
    pub collation: Option<String>,
    pub comment: Option<String>,
    /// `pg_get_expr` of a default set with `ALTER VIEW … SET DEFAULT`.
    pub default: Option<String>,
    pub acl: Acl,
}
