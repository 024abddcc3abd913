//! emit: model → SQL. Every modeled object becomes one or more [`Block`]s of canonical SQL,
//! each placed in a file of the per-kind layout; [`emit`] returns them in an order that loads
//! (dependencies first), deterministic for a given catalog.

mod foreign;
mod functions;
mod labels;
mod order;
mod relations;
mod schemas;
mod security;
mod simple;
pub mod sql;
mod types;

pub use foreign::{
    add_foreign_column_sql, add_foreign_constraint_sql, is_secret_option, user_mapping_sql,
};
pub(crate) use functions::{function_signature, privilege_target};
pub use labels::label_sql;
pub use relations::{add_column_sql, add_constraint_sql};
pub(crate) use relations::{identity_kind, options_list, sequence_options, storage_name};
pub(crate) use schemas::member_target;
pub(crate) use security::{
    default_privilege_entry, default_privileges_kind, default_privileges_sql,
};
pub use simple::{
    attributes_sql as simple_attributes_sql, definition_sql as simple_definition_sql,
    place as simple_place, redact_conninfo, sql as simple_sql, subscription_create,
    subscription_secret_note, target as simple_target, SUBSCRIPTION_OPTIONS,
};
pub use simple::{dictionary_create, dictionary_fixed};

use crate::model::{Catalog, CatalogRef, QualifiedName};

/// The per-kind directories, in the order their objects are created when nothing else decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dir {
    Schemas,
    Extensions,
    AccessMethods,
    Languages,
    Collations,
    ForeignDataWrappers,
    ForeignServers,
    Types,
    Domains,
    Functions,
    TextSearchParsers,
    TextSearchTemplates,
    TextSearchDictionaries,
    TextSearchConfigurations,
    Operators,
    OperatorFamilies,
    OperatorClasses,
    Casts,
    Conversions,
    Transforms,
    Sequences,
    Tables,
    ForeignTables,
    Views,
    MaterializedViews,
    Indexes,
    Triggers,
    Statistics,
    Policies,
    Publications,
    /// Created `WITH (connect = false)`: loading never connects anywhere.
    Subscriptions,
    /// After every object exists: an event trigger must not fire while the tree loads.
    EventTriggers,
    /// Last: default privileges must not change the privileges of objects created before.
    DefaultPrivileges,
}

impl Dir {
    pub const ALL: [Dir; 33] = [
        Dir::Schemas,
        Dir::Extensions,
        Dir::AccessMethods,
        Dir::Languages,
        Dir::Collations,
        Dir::ForeignDataWrappers,
        Dir::ForeignServers,
        Dir::Types,
        Dir::Domains,
        Dir::Functions,
        Dir::TextSearchParsers,
        Dir::TextSearchTemplates,
        Dir::TextSearchDictionaries,
        Dir::TextSearchConfigurations,
        Dir::Operators,
        Dir::OperatorFamilies,
        Dir::OperatorClasses,
        Dir::Casts,
        Dir::Conversions,
        Dir::Transforms,
        Dir::Sequences,
        Dir::Tables,
        Dir::ForeignTables,
        Dir::Views,
        Dir::MaterializedViews,
        Dir::Indexes,
        Dir::Triggers,
        Dir::Statistics,
        Dir::Policies,
        Dir::Publications,
        Dir::Subscriptions,
        Dir::EventTriggers,
        Dir::DefaultPrivileges,
    ];

    /// The directory's name in the per-kind layout.
    pub fn name(self) -> &'static str {
        match self {
            Dir::Schemas => "schemas",
            Dir::Extensions => "extensions",
            Dir::Types => "types",
            Dir::Domains => "domains",
            Dir::Sequences => "sequences",
            Dir::ForeignDataWrappers => "foreign_data_wrappers",
            Dir::ForeignServers => "foreign_servers",
            Dir::ForeignTables => "foreign_tables",
            Dir::Tables => "tables",
            Dir::Views => "views",
            Dir::MaterializedViews => "materialized_views",
            Dir::Indexes => "indexes",
            Dir::Collations => "collations",
            Dir::Statistics => "statistics",
            Dir::Policies => "policies",
            Dir::Publications => "publications",
            Dir::DefaultPrivileges => "default_privileges",
            Dir::Functions => "functions",
            Dir::Triggers => "triggers",
            Dir::EventTriggers => "event_triggers",
            Dir::AccessMethods => "access_methods",
            Dir::Languages => "languages",
            Dir::TextSearchParsers => "text_search_parsers",
            Dir::TextSearchTemplates => "text_search_templates",
            Dir::TextSearchDictionaries => "text_search_dictionaries",
            Dir::TextSearchConfigurations => "text_search_configurations",
            Dir::Operators => "operators",
            Dir::OperatorFamilies => "operator_families",
            Dir::OperatorClasses => "operator_classes",
            Dir::Casts => "casts",
            Dir::Conversions => "conversions",
            Dir::Transforms => "transforms",
            Dir::Subscriptions => "subscriptions",
        }
    }

    /// Whether the objects of this directory live outside schemas (`<dir>/<name>.sql`).
    pub fn is_global(self) -> bool {
        matches!(
            self,
            Dir::Schemas
                | Dir::Extensions
                | Dir::ForeignDataWrappers
                | Dir::ForeignServers
                | Dir::Publications
                | Dir::EventTriggers
                | Dir::AccessMethods
                | Dir::Languages
                | Dir::Casts
                | Dir::Transforms
                | Dir::Subscriptions
                | Dir::DefaultPrivileges
        )
    }
}

/// The file a block belongs to: `<dir>/<schema>.<name>.sql`, or `<dir>/<name>.sql` for
/// objects outside schemas (schemas, extensions).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FilePlace {
    pub dir: Dir,
    pub schema: Option<String>,
    pub name: String,
}

impl FilePlace {
    pub fn global(dir: Dir, name: &str) -> FilePlace {
        debug_assert!(dir.is_global(), "{dir:?} holds objects in schemas");
        FilePlace {
            dir,
            schema: None,
            name: name.to_string(),
        }
    }

    pub fn in_schema(dir: Dir, name: &QualifiedName) -> FilePlace {
        debug_assert!(!dir.is_global(), "{dir:?} holds objects outside schemas");
        FilePlace {
            dir,
            schema: Some(name.schema.clone()),
            name: name.name.clone(),
        }
    }
}

/// When a block runs, other things equal. Foreign keys and other cross-object statements come
/// after every object exists, so that cycles between tables never block a load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Phase {
    Create,
    /// Security labels of the object the block requires: placed as its other statements are,
    /// but kept apart by the diff (a label is not what makes an object exist).
    Label,
    Link,
}

/// A unit of emitted SQL: one or more complete statements, each ending in `;\n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub file: FilePlace,
    pub phase: Phase,
    /// The catalog objects this block creates.
    pub provides: Vec<CatalogRef>,
    /// Objects that must exist before this block runs, besides the catalog dependencies of
    /// what it provides.
    pub requires: Vec<CatalogRef>,
    pub sql: String,
    /// A materialized view that `sql` creates filled: how the flat file creates it instead
    /// (pg_dump's way, since psql runs the file as written).
    pub populate: Option<Populate>,
}

/// A filled materialized view in the flat file: created `WITH NO DATA` where the block stands,
/// refreshed after every other object exists (its query may call a function through a quoted
/// body, which no dependency shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Populate {
    /// The block's SQL with the view created `WITH NO DATA`.
    pub unfilled_sql: String,
    /// `REFRESH MATERIALIZED VIEW …;`
    pub refresh: String,
}

impl Block {
    pub fn new(file: FilePlace, provides: CatalogRef, sql: String) -> Block {
        Block {
            file,
            phase: Phase::Create,
            provides: vec![provides],
            requires: Vec::new(),
            sql,
            populate: None,
        }
    }
}

/// Every block of `catalog`, dependencies first.
pub fn emit(catalog: &Catalog) -> Vec<Block> {
    let mut blocks = Vec::new();
    blocks.extend(schemas::schemas(catalog));
    blocks.extend(schemas::extensions(catalog));
    blocks.extend(types::types(catalog));
    blocks.extend(types::domains(catalog));
    blocks.extend(relations::sequences(catalog));
    blocks.extend(relations::tables(catalog));
    blocks.extend(foreign::wrappers(catalog));
    blocks.extend(foreign::servers(catalog));
    blocks.extend(foreign::tables(catalog));
    blocks.extend(types::views(catalog));
    blocks.extend(relations::indexes(catalog));
    blocks.extend(functions::functions(catalog));
    blocks.extend(functions::triggers(catalog));
    blocks.extend(functions::event_triggers(catalog));
    blocks.extend(security::collations(catalog));
    blocks.extend(security::statistics(catalog));
    blocks.extend(security::rules(catalog));
    blocks.extend(security::policies(catalog));
    blocks.extend(security::publications(catalog));
    blocks.extend(security::default_privileges(catalog));
    blocks.extend(simple::blocks(catalog));
    let blocks = labels::with_labels(blocks, catalog);
    let ordered = order::dependency_order(blocks, &catalog.dependencies, &|r| {
        types::split_view(catalog, r)
    });
    // As pg_dump ends a restore: event triggers once every object exists (they must not fire
    // on the load), then default privileges (they would change the privileges of any object
    // created after them), whatever the dependency order.
    let (mut ordered, mut tail): (Vec<Block>, Vec<Block>) =
        ordered.into_iter().partition(|b| !is_tail(b.file.dir));
    tail.sort_by_key(|b| b.file.dir == Dir::DefaultPrivileges);
    ordered.extend(tail);
    ordered
}

/// Blocks of the directories that load after everything else, in this order.
pub fn is_tail(dir: Dir) -> bool {
    matches!(dir, Dir::EventTriggers | Dir::DefaultPrivileges)
}
