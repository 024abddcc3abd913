//! Owners the source leaves unstated. A project's source need not say whose its objects are:
//! they belong to whoever applies the migration. The shadow loads the source as a role of its
//! own (`Shadow::loader`), so an object still owned by it is one the source gave no owner.
//! Such an object takes the live object's owner (no drift, no `ALTER … OWNER TO`) and, when
//! it is new, none at all (the migration writes no `OWNER TO`).

use std::collections::HashMap;

use super::*;

/// A catalog object with an owner, named as its kind names its overloads apart.
trait Owned {
    fn key(&self) -> String;
    fn owner(&self) -> &str;
    fn owner_mut(&mut self) -> &mut String;
}

macro_rules! owned_by_name {
    ($($kind:ty => |$o:ident| $key:expr),* $(,)?) => {$(
        impl Owned for $kind {
            fn key(&self) -> String {
                let $o = self;
                $key
            }
            fn owner(&self) -> &str {
                &self.owner
            }
            fn owner_mut(&mut self) -> &mut String {
                &mut self.owner
            }
        }
    )*};
}

fn qualified(name: &QualifiedName) -> String {
    format!("{}.{}", name.schema, name.name)
}

owned_by_name! {
    Schema => |o| o.name.clone(),
    TypeDef => |o| qualified(&o.name),
    Domain => |o| qualified(&o.name),
    Sequence => |o| qualified(&o.name),
    Table => |o| qualified(&o.name),
    View => |o| qualified(&o.name),
    Collation => |o| qualified(&o.name),
    Statistics => |o| qualified(&o.name),
    ForeignTable => |o| qualified(&o.name),
    Function => |o| format!("{}({})", qualified(&o.name), o.identity_arguments),
    EventTrigger => |o| o.name.clone(),
    Publication => |o| o.name.clone(),
    ForeignDataWrapper => |o| o.name.clone(),
    ForeignServer => |o| o.name.clone(),
}

fn adopt<T: Owned>(declared: &mut [T], live: &[T], loader: &str) {
    if !declared.iter().any(|o| o.owner() == loader) {
        return;
    }
    let live_owners: HashMap<String, &str> = live.iter().map(|o| (o.key(), o.owner())).collect();
    for object in declared.iter_mut().filter(|o| o.owner() == loader) {
        let owner = live_owners.get(&object.key()).copied().unwrap_or_default();
        *object.owner_mut() = owner.to_string();
    }
}

impl Catalog {
    /// Objects owned by `loader` (the role the shadow loaded the source as) take the live
    /// object's owner, or none when there is no live object. An empty owner emits no
    /// `OWNER TO`.
    pub fn adopt_unstated_owners(&mut self, live: &Catalog, loader: &str) {
        adopt(&mut self.schemas, &live.schemas, loader);
        adopt(&mut self.types, &live.types, loader);
        adopt(&mut self.domains, &live.domains, loader);
        adopt(&mut self.sequences, &live.sequences, loader);
        adopt(&mut self.tables, &live.tables, loader);
        adopt(&mut self.views, &live.views, loader);
        adopt(&mut self.collations, &live.collations, loader);
        adopt(&mut self.statistics, &live.statistics, loader);
        adopt(&mut self.foreign_tables, &live.foreign_tables, loader);
        adopt(&mut self.functions, &live.functions, loader);
        adopt(&mut self.event_triggers, &live.event_triggers, loader);
        adopt(&mut self.publications, &live.publications, loader);
        adopt(
            &mut self.foreign_data_wrappers,
            &live.foreign_data_wrappers,
            loader,
        );
        adopt(&mut self.foreign_servers, &live.foreign_servers, loader);
    }
}
