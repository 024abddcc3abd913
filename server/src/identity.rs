//! Object identity, shared by the source model (what the SQL files declare) and the live
//! inventory (what the database holds): kind + schema-qualified name; functions by argument
//! types; sub-objects (columns, constraints, indexes, triggers, policies, rules) by their table;
//! grants by target, privilege and grantee. Names are stored raw (folded as PostgreSQL does).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::emit::sql::ident;
use crate::model::{SimpleKind, SimpleObject};

/// Every kind verify can report, in the order report groups appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ObjectKind {
    Schema,
    Extension,
    Collation,
    Type,
    Domain,
    Sequence,
    Table,
    ForeignTable,
    Column,
    Constraint,
    View,
    MaterializedView,
    Index,
    Function,
    Procedure,
    Aggregate,
    Trigger,
    Policy,
    Rule,
    Statistics,
    EventTrigger,
    Publication,
    ForeignDataWrapper,
    ForeignServer,
    UserMapping,
    AccessMethod,
    Language,
    TextSearchParser,
    TextSearchTemplate,
    TextSearchDictionary,
    TextSearchConfiguration,
    Operator,
    OperatorFamily,
    OperatorClass,
    Cast,
    Conversion,
    Transform,
    Subscription,
    /// One entry of `ALTER DEFAULT PRIVILEGES`: `name` holds it as SQL (`FOR ROLE r IN SCHEMA
    /// s GRANT SELECT ON TABLES TO u`).
    DefaultPrivileges,
    Grant,
    /// A live object of a kind pg-flux does not model (never declared).
    Unmodeled,
}

impl ObjectKind {
    /// The heading of the kind's group in verify's report.
    pub fn label(self) -> &'static str {
        match self {
            ObjectKind::Schema => "Schemas",
            ObjectKind::Extension => "Extensions",
            ObjectKind::Collation => "Collations",
            ObjectKind::Type => "Types",
            ObjectKind::Domain => "Domains",
            ObjectKind::Sequence => "Sequences",
            ObjectKind::Table => "Tables",
            ObjectKind::ForeignTable => "Foreign tables",
            ObjectKind::Column => "Columns",
            ObjectKind::Constraint => "Constraints",
            ObjectKind::View => "Views",
            ObjectKind::MaterializedView => "Materialized views",
            ObjectKind::Index => "Indexes",
            ObjectKind::Function => "Functions",
            ObjectKind::Procedure => "Procedures",
            ObjectKind::Aggregate => "Aggregates",
            ObjectKind::Trigger => "Triggers",
            ObjectKind::Policy => "Policies",
            ObjectKind::Rule => "Rules",
            ObjectKind::Statistics => "Statistics",
            ObjectKind::EventTrigger => "Event triggers",
            ObjectKind::Publication => "Publications",
            ObjectKind::ForeignDataWrapper => "Foreign data wrappers",
            ObjectKind::ForeignServer => "Foreign servers",
            ObjectKind::UserMapping => "User mappings",
            ObjectKind::AccessMethod => "Access methods",
            ObjectKind::Language => "Languages",
            ObjectKind::TextSearchParser => "Text search parsers",
            ObjectKind::TextSearchTemplate => "Text search templates",
            ObjectKind::TextSearchDictionary => "Text search dictionaries",
            ObjectKind::TextSearchConfiguration => "Text search configurations",
            ObjectKind::Operator => "Operators",
            ObjectKind::OperatorFamily => "Operator families",
            ObjectKind::OperatorClass => "Operator classes",
            ObjectKind::Cast => "Casts",
            ObjectKind::Conversion => "Conversions",
            ObjectKind::Transform => "Transforms",
            ObjectKind::Subscription => "Subscriptions",
            ObjectKind::DefaultPrivileges => "Default privileges",
            ObjectKind::Grant => "Grants",
            ObjectKind::Unmodeled => "Not modeled by pg-flux",
        }
    }

    /// The kind in one word or two, lower case: `table`, `index`, … (pull's block headers,
    /// JSON output).
    pub fn singular(self) -> &'static str {
        match self {
            ObjectKind::Schema => "schema",
            ObjectKind::Extension => "extension",
            ObjectKind::Collation => "collation",
            ObjectKind::Type => "type",
            ObjectKind::Domain => "domain",
            ObjectKind::Sequence => "sequence",
            ObjectKind::Table => "table",
            ObjectKind::ForeignTable => "foreign table",
            ObjectKind::Column => "column",
            ObjectKind::Constraint => "constraint",
            ObjectKind::View => "view",
            ObjectKind::MaterializedView => "materialized view",
            ObjectKind::Index => "index",
            ObjectKind::Function => "function",
            ObjectKind::Procedure => "procedure",
            ObjectKind::Aggregate => "aggregate",
            ObjectKind::Trigger => "trigger",
            ObjectKind::Policy => "policy",
            ObjectKind::Rule => "rule",
            ObjectKind::Statistics => "statistics",
            ObjectKind::EventTrigger => "event trigger",
            ObjectKind::Publication => "publication",
            ObjectKind::ForeignDataWrapper => "foreign data wrapper",
            ObjectKind::ForeignServer => "foreign server",
            ObjectKind::UserMapping => "user mapping",
            ObjectKind::AccessMethod => "access method",
            ObjectKind::Language => "language",
            ObjectKind::TextSearchParser => "text search parser",
            ObjectKind::TextSearchTemplate => "text search template",
            ObjectKind::TextSearchDictionary => "text search dictionary",
            ObjectKind::TextSearchConfiguration => "text search configuration",
            ObjectKind::Operator => "operator",
            ObjectKind::OperatorFamily => "operator family",
            ObjectKind::OperatorClass => "operator class",
            ObjectKind::Cast => "cast",
            ObjectKind::Conversion => "conversion",
            ObjectKind::Transform => "transform",
            ObjectKind::Subscription => "subscription",
            ObjectKind::DefaultPrivileges => "default privilege",
            ObjectKind::Grant => "grant",
            ObjectKind::Unmodeled => "not modeled",
        }
    }
}

impl From<SimpleKind> for ObjectKind {
    fn from(kind: SimpleKind) -> ObjectKind {
        match kind {
            SimpleKind::AccessMethod => ObjectKind::AccessMethod,
            SimpleKind::Language => ObjectKind::Language,
            SimpleKind::TextSearchParser => ObjectKind::TextSearchParser,
            SimpleKind::TextSearchTemplate => ObjectKind::TextSearchTemplate,
            SimpleKind::TextSearchDictionary => ObjectKind::TextSearchDictionary,
            SimpleKind::TextSearchConfiguration => ObjectKind::TextSearchConfiguration,
            SimpleKind::Operator => ObjectKind::Operator,
            SimpleKind::OperatorFamily => ObjectKind::OperatorFamily,
            SimpleKind::OperatorClass => ObjectKind::OperatorClass,
            SimpleKind::Cast => ObjectKind::Cast,
            SimpleKind::Conversion => ObjectKind::Conversion,
            SimpleKind::Transform => ObjectKind::Transform,
            SimpleKind::Subscription => ObjectKind::Subscription,
        }
    }
}

/// What a grant is on. Relations share one namespace (and `GRANT … ON TABLE` works for all
/// of them), as do types and domains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GrantClass {
    Relation,
    Schema,
    Type,
    Function,
    ForeignDataWrapper,
    ForeignServer,
    Language,
}

impl GrantClass {
    fn keyword(self) -> &'static str {
        match self {
            GrantClass::Relation => "",
            GrantClass::Schema => "SCHEMA ",
            GrantClass::Type => "TYPE ",
            GrantClass::Function => "FUNCTION ",
            GrantClass::ForeignDataWrapper => "FOREIGN DATA WRAPPER ",
            GrantClass::ForeignServer => "FOREIGN SERVER ",
            GrantClass::Language => "LANGUAGE ",
        }
    }
}

/// One privilege given to one role on one object (or one column of it).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GrantOf {
    pub class: GrantClass,
    /// Upper case, as `aclexplode` prints it: `SELECT`, `USAGE`, …
    pub privilege: String,
    /// `None` is PUBLIC.
    pub grantee: Option<String>,
    pub column: Option<String>,
}

/// An object's identity. For a grant, `schema`/`name`/`args` name the object granted on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Identity {
    pub kind: ObjectKind,
    /// `None` for objects outside schemas (schemas, extensions, event triggers, servers, …).
    pub schema: Option<Box<str>>,
    pub name: Box<str>,
    /// The table (or view) a sub-object belongs to, in the same schema.
    pub table: Option<Box<str>>,
    /// What few identities have: argument types, an access method, a grant. (Boxed, and the
    /// names above boxed strings: the language server keeps hundreds of thousands.)
    pub(crate) extra: Option<Box<Extra>>,
}

/// The rarer parts of an [`Identity`]; never all `None` (that is no `Extra` at all), so that
/// equal identities compare and hash equal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub(crate) struct Extra {
    /// Functions, procedures, aggregates: argument types as `pg_identify_object` prints them
    /// (`integer`, `character varying`, `timestamp with time zone`, `integer[]`,
    /// `public.mood`; typmods dropped; OUT arguments left out of functions).
    args: Option<Vec<String>>,
    /// Operator classes and families: the access method (`USING btree`).
    using: Option<String>,
    grant: Option<GrantOf>,
}

impl Identity {
    /// An object in a schema.
    pub fn new(kind: ObjectKind, schema: &str, name: &str) -> Identity {
        Identity {
            kind,
            schema: Some(schema.into()),
            name: name.into(),
            table: None,
            extra: None,
        }
    }

    /// An object outside schemas.
    pub fn global(kind: ObjectKind, name: &str) -> Identity {
        Identity {
            kind,
            schema: None,
            name: name.into(),
            table: None,
            extra: None,
        }
    }

    /// A sub-object of `schema.table`.
    pub fn of_table(kind: ObjectKind, schema: &str, table: &str, name: &str) -> Identity {
        Identity {
            table: Some(table.into()),
            ..Identity::new(kind, schema, name)
        }
    }

    /// A function-like object with its argument types.
    pub fn routine(kind: ObjectKind, schema: &str, name: &str, args: Vec<String>) -> Identity {
        Identity::new(kind, schema, name).with_extra(Some(args), None, None)
    }

    /// A simple object: text search object, cast, operator, language, …
    pub fn simple(o: &SimpleObject) -> Identity {
        let kind = ObjectKind::from(o.kind);
        let identity = match &o.schema {
            Some(schema) => Identity::new(kind, schema, &o.name),
            None => Identity::global(kind, &o.name),
        };
        identity.with_extra(o.args.clone(), o.method.clone(), None)
    }

    /// A grant on `target` (whose kind is ignored: the class says what it is).
    pub fn grant(target: &Identity, grant: GrantOf) -> Identity {
        Identity {
            kind: ObjectKind::Grant,
            schema: target.schema.clone(),
            name: target.name.clone(),
            table: None,
            extra: None,
        }
        .with_extra(
            target.args().map(<[String]>::to_vec),
            target.using().map(str::to_string),
            Some(grant),
        )
    }

    fn with_extra(
        mut self,
        args: Option<Vec<String>>,
        using: Option<String>,
        grant: Option<GrantOf>,
    ) -> Identity {
        self.extra = (args.is_some() || using.is_some() || grant.is_some())
            .then(|| Box::new(Extra { args, using, grant }));
        self
    }

    /// Argument types (functions, procedures, aggregates, operators).
    pub fn args(&self) -> Option<&[String]> {
        self.extra.as_ref()?.args.as_deref()
    }

    /// The access method (operator classes and families).
    pub fn using(&self) -> Option<&str> {
        self.extra.as_ref()?.using.as_deref()
    }

    /// What a grant's identity grants (`None` for other objects).
    pub fn grant_of(&self) -> Option<&GrantOf> {
        self.extra.as_ref()?.grant.as_ref()
    }

    /// The same identity with `method` as its access method.
    pub fn using_method(self, method: &str) -> Identity {
        let (args, grant) = match &self.extra {
            Some(e) => (e.args.clone(), e.grant.clone()),
            None => (None, None),
        };
        self.with_extra(args, Some(method.to_string()), grant)
    }

    /// The same identity without a grant: the object granted on.
    pub fn without_grant(self) -> Identity {
        let (args, using) = match &self.extra {
            Some(e) => (e.args.clone(), e.using.clone()),
            None => (None, None),
        };
        self.with_extra(args, using, None)
    }

    /// The object's name as SQL: `public.users`, `public.f(integer)`, `"Sales"."T"`.
    fn object_sql(&self) -> String {
        let mut out = String::new();
        match self.kind {
            ObjectKind::Cast => return format!("({})", self.name),
            ObjectKind::Transform => return format!("FOR {}", self.name),
            _ => {}
        }
        if let Some(schema) = &self.schema {
            out.push_str(&ident(schema));
            out.push('.');
        }
        // Operator names are never quoted.
        if self.kind == ObjectKind::Operator {
            out.push_str(&self.name);
        } else {
            out.push_str(&ident(&self.name));
        }
        if let Some(args) = self.args() {
            out.push('(');
            out.push_str(&args.join(", "));
            out.push(')');
        }
        if let Some(method) = self.using() {
            out.push_str(" USING ");
            out.push_str(&ident(method));
        }
        out
    }
}

impl fmt::Display for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == ObjectKind::Unmodeled || self.kind == ObjectKind::DefaultPrivileges {
            // `name` holds pg_identify_object's type and identity, or the entry as SQL.
            return f.write_str(&self.name);
        }
        if let Some(g) = self.grant_of() {
            let column = g
                .column
                .as_deref()
                .map(|c| format!(" ({})", ident(c)))
                .unwrap_or_default();
            let grantee = g.grantee.as_deref().map(ident);
            return write!(
                f,
                "{}{column} ON {}{} TO {}",
                g.privilege,
                g.class.keyword(),
                self.object_sql(),
                grantee.as_deref().unwrap_or("PUBLIC")
            );
        }
        match (&self.table, self.kind) {
            // `name` is the role (or PUBLIC), `table` the server.
            (Some(server), ObjectKind::UserMapping) => {
                let user = if &*self.name == "PUBLIC" {
                    "PUBLIC".to_string()
                } else {
                    ident(&self.name)
                };
                write!(f, "FOR {user} SERVER {}", ident(server))
            }
            // Index names are unique in their schema: `public.idx_users_legacy`.
            (Some(_), ObjectKind::Index) | (None, _) => f.write_str(&self.object_sql()),
            (Some(table), _) => {
                if let Some(schema) = &self.schema {
                    write!(f, "{}.", ident(schema))?;
                }
                write!(f, "{}.{}", ident(table), ident(&self.name))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_like_the_documentation() {
        assert_eq!(
            Identity::new(ObjectKind::Table, "public", "users").to_string(),
            "public.users"
        );
        assert_eq!(
            Identity::of_table(ObjectKind::Index, "public", "users", "idx_users_legacy")
                .to_string(),
            "public.idx_users_legacy"
        );
        assert_eq!(
            Identity::of_table(ObjectKind::Column, "public", "users", "email").to_string(),
            "public.users.email"
        );
        assert_eq!(
            Identity::routine(ObjectKind::Function, "public", "f", vec!["integer".into()])
                .to_string(),
            "public.f(integer)"
        );
        let users = Identity::new(ObjectKind::Table, "Sales", "Users");
        let grant = Identity::grant(
            &users,
            GrantOf {
                class: GrantClass::Relation,
                privilege: "SELECT".into(),
                grantee: None,
                column: Some("E-Mail".into()),
            },
        );
        assert_eq!(
            grant.to_string(),
            "SELECT (\"E-Mail\") ON \"Sales\".\"Users\" TO PUBLIC"
        );
    }
}
