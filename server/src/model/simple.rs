//! Objects whose whole state is a few statements: text search objects, casts, operators,
//! operator classes and families, conversions, languages, transforms, access methods and
//! subscriptions. Each is read into one [`SimpleObject`]: the statement that creates it, the
//! settings PostgreSQL can change in place (a text search configuration's mappings, an
//! operator family's members, a dictionary's options, a subscription's publications), and the
//! owner, comment and privileges every kind shares. Dump, verify, pull, migrate and the language
//! server handle them all the same way; what differs per kind is in [`SimpleKind`].

use serde::{Deserialize, Serialize};

use super::{Acl, Oid};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum SimpleKind {
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
}

impl SimpleKind {
    pub const ALL: [SimpleKind; 13] = [
        SimpleKind::AccessMethod,
        SimpleKind::Language,
        SimpleKind::TextSearchParser,
        SimpleKind::TextSearchTemplate,
        SimpleKind::TextSearchDictionary,
        SimpleKind::TextSearchConfiguration,
        SimpleKind::Operator,
        SimpleKind::OperatorFamily,
        SimpleKind::OperatorClass,
        SimpleKind::Cast,
        SimpleKind::Conversion,
        SimpleKind::Transform,
        SimpleKind::Subscription,
    ];

    /// The kind as SQL names it after `COMMENT ON`, `DROP`, `ALTER … OWNER TO`.
    pub fn keyword(self) -> &'static str {
        match self {
            SimpleKind::AccessMethod => "ACCESS METHOD",
            SimpleKind::Language => "LANGUAGE",
            SimpleKind::TextSearchParser => "TEXT SEARCH PARSER",
            SimpleKind::TextSearchTemplate => "TEXT SEARCH TEMPLATE",
            SimpleKind::TextSearchDictionary => "TEXT SEARCH DICTIONARY",
            SimpleKind::TextSearchConfiguration => "TEXT SEARCH CONFIGURATION",
            SimpleKind::Operator => "OPERATOR",
            SimpleKind::OperatorFamily => "OPERATOR FAMILY",
            SimpleKind::OperatorClass => "OPERATOR CLASS",
            SimpleKind::Cast => "CAST",
            SimpleKind::Conversion => "CONVERSION",
            SimpleKind::Transform => "TRANSFORM",
            SimpleKind::Subscription => "SUBSCRIPTION",
        }
    }

    /// As `pg_identify_object` names the type: `text search configuration`, `cast`, …
    pub fn singular(self) -> &'static str {
        match self {
            SimpleKind::AccessMethod => "access method",
            SimpleKind::Language => "language",
            SimpleKind::TextSearchParser => "text search parser",
            SimpleKind::TextSearchTemplate => "text search template",
            SimpleKind::TextSearchDictionary => "text search dictionary",
            SimpleKind::TextSearchConfiguration => "text search configuration",
            SimpleKind::Operator => "operator",
            SimpleKind::OperatorFamily => "operator family",
            SimpleKind::OperatorClass => "operator class",
            SimpleKind::Cast => "cast",
            SimpleKind::Conversion => "conversion",
            SimpleKind::Transform => "transform",
            SimpleKind::Subscription => "subscription",
        }
    }

    /// The catalog its objects are rows of.
    pub fn catalog(self) -> &'static str {
        match self {
            SimpleKind::AccessMethod => "pg_am",
            SimpleKind::Language => "pg_language",
            SimpleKind::TextSearchParser => "pg_ts_parser",
            SimpleKind::TextSearchTemplate => "pg_ts_template",
            SimpleKind::TextSearchDictionary => "pg_ts_dict",
            SimpleKind::TextSearchConfiguration => "pg_ts_config",
            SimpleKind::Operator => "pg_operator",
            SimpleKind::OperatorFamily => "pg_opfamily",
            SimpleKind::OperatorClass => "pg_opclass",
            SimpleKind::Cast => "pg_cast",
            SimpleKind::Conversion => "pg_conversion",
            SimpleKind::Transform => "pg_transform",
            SimpleKind::Subscription => "pg_subscription",
        }
    }

    /// Whether its objects live in a schema.
    pub fn in_schema(self) -> bool {
        matches!(
            self,
            SimpleKind::TextSearchParser
                | SimpleKind::TextSearchTemplate
                | SimpleKind::TextSearchDictionary
                | SimpleKind::TextSearchConfiguration
                | SimpleKind::Operator
                | SimpleKind::OperatorFamily
                | SimpleKind::OperatorClass
                | SimpleKind::Conversion
        )
    }

    /// Whether its objects have an owner (`ALTER … OWNER TO`).
    pub fn has_owner(self) -> bool {
        !matches!(
            self,
            SimpleKind::AccessMethod
                | SimpleKind::Cast
                | SimpleKind::Transform
                | SimpleKind::TextSearchParser
                | SimpleKind::TextSearchTemplate
        )
    }
}

/// One object of a [`SimpleKind`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct SimpleObject {
    pub oid: Oid,
    pub kind: SimpleKind,
    /// Raw (unquoted) schema, for the kinds that live in one.
    pub schema: Option<String>,
    /// Raw name: `my_english`, `===`, `plpython3u`. For a cast, `source AS target`; for a
    /// transform, `type LANGUAGE language` (types as `format_type` prints them).
    pub name: String,
    /// An operator's left and right operand types as `format_type` prints them (`NONE` for a
    /// prefix operator's left).
    pub args: Option<Vec<String>>,
    /// An operator class's or family's access method.
    pub method: Option<String>,
    /// Empty for kinds without an owner (and for an owner the source leaves to whoever applies
    /// it, as for every kind).
    pub owner: String,
    pub comment: Option<String>,
    /// Languages only: `USAGE`.
    pub acl: Acl,
    /// The statement that creates it, as dump writes it, ending in `;\n`.
    pub create: String,
    /// What PostgreSQL can change in place, in a stable order: `(key, value)`, each rendered by
    /// the kind's `setting_sql` after `create` (a mapping `asciiword` → `english_stem`).
    /// Compared as a set (see `diff::objects`): the order is how they are written, as pg_dump
    /// lists them (an operator family's members of one strategy in the order they were made),
    /// which a migration adding one in place need not reproduce.
    pub settings: Vec<(String, String)>,
}
