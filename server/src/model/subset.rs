//! A catalog narrowed to some of its objects (`[ignore]` takes objects out of it).

use super::{Catalog, CatalogRef};

impl Catalog {
    /// Keeps the objects whose ref `keep` accepts, and the dependencies between two kept ones.
    /// Parts of an object (columns, constraints, grants) stay or go with it.
    pub fn retain_objects(&mut self, keep: impl Fn(CatalogRef) -> bool) {
        self.schemas.retain(|x| keep(CatalogRef::Schema(x.oid)));
        self.extensions
            .retain(|x| keep(CatalogRef::Extension(x.oid)));
        self.types.retain(|x| keep(CatalogRef::Type(x.oid)));
        self.domains.retain(|x| keep(CatalogRef::Type(x.oid)));
        self.sequences.retain(|x| keep(CatalogRef::Relation(x.oid)));
        self.tables.retain(|x| keep(CatalogRef::Relation(x.oid)));
        self.indexes.retain(|x| keep(CatalogRef::Relation(x.oid)));
        self.views.retain(|x| keep(CatalogRef::Relation(x.oid)));
        self.policies.retain(|x| keep(CatalogRef::Policy(x.oid)));
        self.statistics
            .retain(|x| keep(CatalogRef::Statistics(x.oid)));
        self.rules.retain(|x| keep(CatalogRef::Rule(x.oid)));
        self.collations
            .retain(|x| keep(CatalogRef::Collation(x.oid)));
        self.publications
            .retain(|x| keep(CatalogRef::Publication(x.oid)));
        self.default_privileges
            .retain(|x| keep(CatalogRef::DefaultPrivileges(x.oid)));
        self.functions.retain(|x| keep(CatalogRef::Function(x.oid)));
        self.triggers.retain(|x| keep(CatalogRef::Trigger(x.oid)));
        self.event_triggers
            .retain(|x| keep(CatalogRef::EventTrigger(x.oid)));
        self.foreign_data_wrappers
            .retain(|x| keep(CatalogRef::ForeignDataWrapper(x.oid)));
        self.foreign_servers
            .retain(|x| keep(CatalogRef::ForeignServer(x.oid)));
        self.foreign_tables
            .retain(|x| keep(CatalogRef::Relation(x.oid)));
        self.simple.retain(|x| keep(CatalogRef::Simple(x.oid)));
        self.security_labels.retain(|x| keep(x.object));
        self.dependencies
            .retain(|d| keep(d.dependent) && keep(d.referenced));
    }
}
