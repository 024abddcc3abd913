//! The catalog model: what `inspect` reads from a live database and `emit` renders as SQL.
//!
//! Names are stored raw (unquoted, exactly as in the catalog); quoting is the emitter's job.
//! Expressions and definitions that PostgreSQL deparses for us (defaults, constraint and index
//! definitions, view queries, type names via `format_type`) are stored as the server printed
//! them, with `search_path` empty so that every name in them is schema-qualified.

mod adopt;
mod foreign;
mod function;
mod relation;
mod security;
mod simple;
mod subset;
mod types;

pub use foreign::*;
pub use function::*;
pub use relation::*;
pub use security::*;
pub use simple::*;
pub use types::*;

use serde::{Deserialize, Serialize};

pub type Oid = u32;

/// A schema-qualified name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub struct QualifiedName {
    pub schema: String,
    pub name: String,
}

impl QualifiedName {
    pub fn new(schema: impl Into<String>, name: impl Into<String>) -> Self {
        QualifiedName {
            schema: schema.into(),
            name: name.into(),
        }
    }
}

/// A catalog row that other objects can depend on, normalised to the object pg-flux models:
/// a table's row type, rules, defaults and inline constraints all count as the table itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum CatalogRef {
    Schema(Oid),
    Extension(Oid),
    /// A relation: table, view, materialized view, sequence, index.
    Relation(Oid),
    /// A type that is not a relation's row type: enum, composite, range, domain.
    Type(Oid),
    /// A base type's shell (`CREATE TYPE s.t;`): what its I/O functions need, before the
    /// type's full definition, which needs them.
    TypeShell(Oid),
    /// A constraint emitted on its own (foreign keys).
    Constraint(Oid),
    /// A function, procedure or aggregate.
    Function(Oid),
    /// A row-level security policy.
    Policy(Oid),
    /// A collation.
    Collation(Oid),
    /// A rewrite rule other than a view's `_RETURN` rule.
    Rule(Oid),
    /// An extended statistics object.
    Statistics(Oid),
    /// A trigger (not an internal one).
    Trigger(Oid),
    /// A foreign server (with its user mappings).
    ForeignServer(Oid),
    /// A foreign-data wrapper.
    ForeignDataWrapper(Oid),
    /// An event trigger.
    EventTrigger(Oid),
    /// A publication.
    Publication(Oid),
    /// A `pg_default_acl` row.
    DefaultPrivileges(Oid),
    /// A [`SimpleObject`]: text search object, cast, operator, language, subscription, …
    Simple(Oid),
}

/// `dependent` cannot be created before `referenced` exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub struct Dependency {
    pub dependent: CatalogRef,
    pub referenced: CatalogRef,
}

/// One privilege given to (or taken from) one role.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Grant {
    /// Role name; `None` is PUBLIC.
    pub grantee: Option<String>,
    /// As `aclexplode` prints it: `SELECT`, `USAGE`, `EXECUTE`, …
    pub privilege: String,
    pub grantable: bool,
    /// Who gave it, when not the object's owner: a role that holds the privilege with grant
    /// option passed it on. pg_dump replays those as that role (`SET SESSION AUTHORIZATION`).
    #[serde(default)]
    pub grantor: Option<String>,
}

/// An object's privileges relative to its kind's default (`acldefault`), as pg_dump renders
/// them: what to revoke from the default, then what to grant, in the live ACL's order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Acl {
    #[serde(default)]
    pub revokes: Vec<Grant>,
    #[serde(default)]
    pub grants: Vec<Grant>,
}

impl Acl {
    pub fn is_default(&self) -> bool {
        self.revokes.is_empty() && self.grants.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Schema {
    pub oid: Oid,
    pub name: String,
    pub owner: String,
    /// A schema initdb made still has the owner it was made with.
    pub initial_owner: bool,
    pub comment: Option<String>,
    pub acl: Acl,
    /// `public` (and any schema that initdb made) exists in every database: only its
    /// differences from the initial state are emitted.
    pub preexisting: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Extension {
    pub oid: Oid,
    pub name: String,
    pub schema: String,
    pub version: String,
    pub comment: Option<String>,
    /// Members whose privileges differ from those `CREATE EXTENSION` gave them.
    pub member_privileges: Vec<MemberPrivileges>,
}

/// The privileges of one extension member (or one column of a member table), relative to what
/// `CREATE EXTENSION` gave it (`pg_init_privs`, else the kind's default), as pg_dump compares
/// them: a member function locked down after the extension was created stays locked down.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct MemberPrivileges {
    /// GRANT's object kind: `FUNCTION`, `PROCEDURE`, `TABLE`, `SEQUENCE`, `TYPE`, `DOMAIN`.
    pub kind: String,
    pub schema: String,
    pub name: String,
    /// A routine's argument types, as `format_type` prints them.
    pub args: Option<Vec<String>>,
    /// A column of the member table, when these are column privileges.
    pub column: Option<String>,
    pub acl: Acl,
}

/// A live object of a kind pg-flux does not model yet. Never dropped silently: dump and verify
/// name each one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub struct UnmodeledObject {
    /// As `pg_identify_object` names the type: `function`, `trigger`, `policy`, …
    pub kind: String,
    /// As `pg_identify_object` names the object, e.g. `public.f(integer)`.
    pub identity: String,
}

/// A security label (`SECURITY LABEL FOR provider ON target IS 'label'`) on a modeled object or
/// one of its columns: dumped with the object, compared and migrated as part of it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub struct SecurityLabel {
    /// The object that carries it (a column's label: its relation).
    pub object: CatalogRef,
    /// As SECURITY LABEL names the target: `TABLE public.t`, `COLUMN public.t.c`, …
    pub target: String,
    /// The column, for a column's label.
    pub column: Option<String>,
    pub provider: String,
    pub label: String,
}

/// Everything inspected from one database, in one snapshot.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Catalog {
    pub server_version_num: i32,
    pub schemas: Vec<Schema>,
    pub extensions: Vec<Extension>,
    pub types: Vec<TypeDef>,
    pub domains: Vec<Domain>,
    pub sequences: Vec<Sequence>,
    pub tables: Vec<Table>,
    pub indexes: Vec<Index>,
    pub views: Vec<View>,
    pub policies: Vec<Policy>,
    pub statistics: Vec<Statistics>,
    pub rules: Vec<Rule>,
    pub collations: Vec<Collation>,
    pub publications: Vec<Publication>,
    pub default_privileges: Vec<DefaultPrivileges>,
    pub functions: Vec<Function>,
    pub triggers: Vec<Trigger>,
    pub event_triggers: Vec<EventTrigger>,
    pub foreign_data_wrappers: Vec<ForeignDataWrapper>,
    pub foreign_servers: Vec<ForeignServer>,
    pub foreign_tables: Vec<ForeignTable>,
    /// Text search objects, casts, operators, operator classes and families, conversions,
    /// languages, transforms, access methods and subscriptions.
    pub simple: Vec<SimpleObject>,
    /// Security labels on the objects above, by object, then provider.
    pub security_labels: Vec<SecurityLabel>,
    pub dependencies: Vec<Dependency>,
    pub unmodeled: Vec<UnmodeledObject>,
    /// How many catalog queries reading this took (constant in the number of objects).
    pub query_count: usize,
    /// Per `[ignore]` rule of the inspection's scope, how many objects it took out.
    pub ignored: Vec<crate::ignore::RuleCount>,
}

impl Catalog {
    pub fn server_major(&self) -> u32 {
        (self.server_version_num / 10000).max(0) as u32
    }
}
