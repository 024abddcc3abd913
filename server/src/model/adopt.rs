//! What the declared catalog takes from the live one before the two are compared.
//!
//! Owners the source leaves unstated. A project's source need not say whose its objects are:
//! they belong to whoever applies the migration. The shadow loads the source as a role of its
//! own (`Shadow::loader`), so an object still owned by it is one the source gave no owner.
//! Such an object takes the live object's owner (no drift, no `ALTER … OWNER TO`) and, when
//! it is new, none at all (the migration writes no `OWNER TO`).
//!
//! Grants live has and the source does not (a hotfix `GRANT` not pulled yet): with
//! `--keep-undeclared` they are kept, as undeclared objects are.

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
    SimpleObject => |o| format!("{} {}", o.kind.singular(), crate::emit::simple_target(o)),
}

/// A catalog object with privileges, and those of its columns (every one has an owner too,
/// whose key names it).
trait Granted: Owned {
    fn acls_mut(&mut self) -> Vec<(Option<String>, &mut Acl)>;
    fn acls(&self) -> Vec<(Option<String>, &Acl)>;
}

macro_rules! granted {
    ($($kind:ty => columns: $columns:tt),* $(,)?) => {$(
        impl Granted for $kind {
            fn acls_mut(&mut self) -> Vec<(Option<String>, &mut Acl)> {
                granted!(@acls $columns self iter_mut [&mut])
            }
            fn acls(&self) -> Vec<(Option<String>, &Acl)> {
                granted!(@acls $columns self iter [&])
            }
        }
    )*};
    (@acls yes $self:ident $iter:ident [$($ref:tt)+]) => {
        std::iter::once((None, $($ref)+ $self.acl))
            .chain($self.columns.$iter().map(|c| (Some(c.name.clone()), $($ref)+ c.acl)))
            .collect()
    };
    (@acls no $self:ident $iter:ident [$($ref:tt)+]) => {
        vec![(None, $($ref)+ $self.acl)]
    };
}

granted! {
    Schema => columns: no,
    TypeDef => columns: no,
    Domain => columns: no,
    Sequence => columns: no,
    Table => columns: yes,
    View => columns: yes,
    ForeignTable => columns: yes,
    Function => columns: no,
    ForeignDataWrapper => columns: no,
    ForeignServer => columns: no,
    SimpleObject => columns: no,
}

/// Live grants (grantee and privilege) of each object, and of each of its columns, that the
/// declared one lacks are added to it.
fn keep_grants<T: Granted>(declared: &mut [T], live: &[T]) {
    let live_acls: HashMap<String, &T> = live.iter().map(|o| (o.key(), o)).collect();
    for object in declared.iter_mut() {
        let Some(live) = live_acls.get(&object.key()) else {
            continue;
        };
        let live_acls = live.acls();
        for (column, acl) in object.acls_mut() {
            let Some((_, live_acl)) = live_acls.iter().find(|(c, _)| *c == column) else {
                continue;
            };
            // In the live order (the ACL's order is part of what is compared), then what
            // only the source grants.
            let same = |a: &Grant, b: &Grant| a.grantee == b.grantee && a.privilege == b.privilege;
            let mut grants: Vec<Grant> = live_acl
                .grants
                .iter()
                .map(|l| acl.grants.iter().find(|d| same(d, l)).unwrap_or(l).clone())
                .collect();
            grants.extend(
                acl.grants
                    .iter()
                    .filter(|d| !live_acl.grants.iter().any(|l| same(d, l)))
                    .cloned(),
            );
            acl.grants = grants;
        }
    }
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
        adopt(&mut self.simple, &live.simple, loader);
    }
}

impl Catalog {
    /// Live grants the source does not give (what verify lists as undeclared) are kept: the
    /// declared objects, and their columns, are given them too.
    pub fn keep_undeclared_grants(&mut self, live: &Catalog) {
        keep_grants(&mut self.schemas, &live.schemas);
        keep_grants(&mut self.types, &live.types);
        keep_grants(&mut self.domains, &live.domains);
        keep_grants(&mut self.sequences, &live.sequences);
        keep_grants(&mut self.tables, &live.tables);
        keep_grants(&mut self.views, &live.views);
        keep_grants(&mut self.foreign_tables, &live.foreign_tables);
        keep_grants(&mut self.functions, &live.functions);
        keep_grants(&mut self.foreign_data_wrappers, &live.foreign_data_wrappers);
        keep_grants(&mut self.foreign_servers, &live.foreign_servers);
        keep_grants(&mut self.simple, &live.simple);
    }
}
