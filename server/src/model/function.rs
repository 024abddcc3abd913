//! Functions, procedures, aggregates, triggers and event triggers.

use serde::{Deserialize, Serialize};

use super::{Acl, Oid, QualifiedName};

/// `prokind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum FunctionKind {
    Function,
    Procedure,
    Aggregate,
    Window,
}

/// One function, procedure or aggregate (one overload: overloads are separate objects).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Function {
    pub oid: Oid,
    pub name: QualifiedName,
    pub kind: FunctionKind,
    /// `pg_get_function_identity_arguments`: the signature that names this overload.
    pub identity_arguments: String,
    /// The argument types that identify it, as `format_type` prints them (IN, INOUT and
    /// VARIADIC ones; OUT ones too for procedures): its identity in `verify`.
    pub identity_types: Vec<String>,
    /// `pg_get_functiondef` (a complete `CREATE OR REPLACE FUNCTION/PROCEDURE`, body verbatim,
    /// without the final semicolon) for everything but aggregates.
    pub definition: Option<String>,
    pub aggregate: Option<Aggregate>,
    pub owner: String,
    pub comment: Option<String>,
    pub acl: Acl,
}

/// An aggregate's `pg_aggregate` row, names and types as the server prints them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Aggregate {
    /// `pg_get_function_arguments` (with `ORDER BY` for ordered-set aggregates).
    pub arguments: String,
    /// `aggkind`: `n` normal, `o` ordered-set, `h` hypothetical-set.
    pub kind: String,
    pub transfn: String,
    pub transtype: String,
    pub transspace: i32,
    pub initval: Option<String>,
    pub finalfn: Option<String>,
    pub finalextra: bool,
    /// `aggfinalmodify`: `r`, `s` or `w`.
    pub finalmodify: String,
    pub combinefn: Option<String>,
    pub serialfn: Option<String>,
    pub deserialfn: Option<String>,
    pub mtransfn: Option<String>,
    pub minvtransfn: Option<String>,
    pub mtranstype: Option<String>,
    pub mtransspace: i32,
    pub mfinalfn: Option<String>,
    pub mfinalextra: bool,
    pub mfinalmodify: String,
    pub minitval: Option<String>,
    /// `OPERATOR(schema.op)`.
    pub sortop: Option<String>,
    /// `proparallel`: `s`, `r` or `u`.
    pub parallel: String,
}

/// A trigger on a table or view (clones on partitions belong to their parent's trigger).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Trigger {
    pub oid: Oid,
    pub name: String,
    pub table: QualifiedName,
    /// `pg_get_triggerdef`, without a final semicolon.
    pub definition: String,
    /// `tgenabled`: `O` origin (default), `D` disabled, `R` replica, `A` always.
    pub enabled: String,
    pub comment: Option<String>,
    /// Clones on partitions whose enabled state differs from this trigger's.
    pub clone_states: Vec<CloneState>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct CloneState {
    pub schema: String,
    pub table: String,
    pub enabled: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct EventTrigger {
    pub oid: Oid,
    pub name: String,
    pub event: String,
    /// `WHEN TAG IN (…)`.
    pub tags: Option<Vec<String>>,
    /// The function, quoted and schema-qualified.
    pub function: String,
    pub function_oid: Oid,
    /// `evtenabled`, as `tgenabled`.
    pub enabled: String,
    pub owner: String,
    pub comment: Option<String>,
}
