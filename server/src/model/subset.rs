//! A catalog narrowed to some of its objects (`[ignore]` takes objects out of it; a partial
//! shadow load compares only the objects it loaded).

use super::{Catalog, CatalogRef};

impl Catalog {
    /// Keeps the objects whose ref `keep` accepts, and the dependencies between two kept ones.
    /// Parts of an object (columns, constraints, grants) stay or go with it.
    pub fn retain_objects(&mut self, keep: impl Fn(CatalogRef) -> bool) {
        *self = self.subset(keep);
    }

    /// A copy of the objects whose ref `keep` accepts (as [`Catalog::retain_objects`]), without
    /// copying the others first.
    pub fn subset(&self, keep: impl Fn(CatalogRef) -> bool) -> Catalog {
        fn pick<T: Clone>(items: &[T], keep: impl Fn(&T) -> bool) -> Vec<T> {
            items.iter().filter(|x| keep(x)).cloned().collect()
        }
        use CatalogRef as R;
        Catalog {
            server_version_num: self.server_version_num,
            schemas: pick(&self.schemas, |x| keep(R::Schema(x.oid))),
            extensions: pick(&self.extensions, |x| keep(R::Extension(x.oid))),
            types: pick(&self.types, |x| keep(R::Type(x.oid))),
            domains: pick(&self.domains, |x| keep(R::Type(x.oid))),
            sequences: pick(&self.sequences, |x| keep(R::Relation(x.oid))),
            tables: pick(&self.tables, |x| keep(R::Relation(x.oid))),
            indexes: pick(&self.indexes, |x| keep(R::Relation(x.oid))),
            views: pick(&self.views, |x| keep(R::Relation(x.oid))),
            policies: pick(&self.policies, |x| keep(R::Policy(x.oid))),
            statistics: pick(&self.statistics, |x| keep(R::Statistics(x.oid))),
            rules: pick(&self.rules, |x| keep(R::Rule(x.oid))),
            collations: pick(&self.collations, |x| keep(R::Collation(x.oid))),
            publications: pick(&self.publications, |x| keep(R::Publication(x.oid))),
            default_privileges: pick(&self.default_privileges, |x| {
                keep(R::DefaultPrivileges(x.oid))
            }),
            functions: pick(&self.functions, |x| keep(R::Function(x.oid))),
            triggers: pick(&self.triggers, |x| keep(R::Trigger(x.oid))),
            event_triggers: pick(&self.event_triggers, |x| keep(R::EventTrigger(x.oid))),
            foreign_data_wrappers: pick(&self.foreign_data_wrappers, |x| {
                keep(R::ForeignDataWrapper(x.oid))
            }),
            foreign_servers: pick(&self.foreign_servers, |x| keep(R::ForeignServer(x.oid))),
            foreign_tables: pick(&self.foreign_tables, |x| keep(R::Relation(x.oid))),
            simple: pick(&self.simple, |x| keep(R::Simple(x.oid))),
            security_labels: pick(&self.security_labels, |x| keep(x.object)),
            dependencies: pick(&self.dependencies, |d| {
                keep(d.dependent) && keep(d.referenced)
            }),
            unmodeled: self.unmodeled.clone(),
            query_count: self.query_count,
            ignored: self.ignored.clone(),
        }
    }
}
