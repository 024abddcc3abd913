//! The objects of a catalog as the diff sees them: one entry per object pg-flux models, named
//! by a key that does not depend on oids (so a live catalog and a shadow one line up), with the
//! catalog refs its emitted blocks provide and its model.

use std::collections::HashMap;

use crate::emit::sql::{ident, qualified};
use crate::model::*;

/// The model behind an object.
#[derive(Debug, Clone, Copy)]
pub enum Model<'a> {
    Schema(&'a Schema),
    Extension(&'a Extension),
    Type(&'a TypeDef),
    Domain(&'a Domain),
    Sequence(&'a Sequence),
    Table(&'a Table),
    /// A foreign key (emitted on its own, after every table exists).
    ForeignKey(&'a Table, &'a Constraint),
    Index(&'a Index),
    View(&'a View),
    Function(&'a Function),
    Trigger(&'a Trigger),
    Policy(&'a Policy),
    Rule(&'a Rule),
    Statistics(&'a Statistics),
    Collation(&'a Collation),
    Publication(&'a Publication),
    DefaultPrivileges(&'a DefaultPrivileges),
    EventTrigger(&'a EventTrigger),
    ForeignDataWrapper(&'a ForeignDataWrapper),
    ForeignServer(&'a ForeignServer),
    ForeignTable(&'a ForeignTable),
    Simple(&'a SimpleObject),
}

#[derive(Debug, Clone)]
pub struct Object<'a> {
    /// `<kind> <name>`: the same object in two catalogs has the same key.
    pub key: String,
    /// `table`, `view`, `function`, …
    pub kind: &'static str,
    /// As SQL names it: `ledger.account`, `public.f(integer)`, `p ON public.t`.
    pub name: String,
    pub refs: Vec<CatalogRef>,
    pub model: Model<'a>,
}

impl Object<'_> {
    /// The model as JSON, without what differs between two copies of the same object (oids,
    /// column numbers) and without what is compared as an object of its own (foreign keys).
    pub fn value(&self) -> serde_json::Value {
        let value = match self.model {
            Model::Schema(x) => serde_json::to_value(x),
            Model::Extension(x) => serde_json::to_value(x),
            Model::Type(x) => serde_json::to_value(x),
            Model::Domain(x) => serde_json::to_value(x),
            Model::Sequence(x) => serde_json::to_value(x),
            Model::Table(t) => {
                let mut t = t.clone();
                t.constraints.retain(|k| !is_foreign_key(k));
                serde_json::to_value(t)
            }
            Model::ForeignKey(_, k) => serde_json::to_value(k),
            Model::Index(x) => serde_json::to_value(x),
            Model::View(x) => serde_json::to_value(x),
            Model::Function(x) => serde_json::to_value(x),
            Model::Trigger(x) => serde_json::to_value(x),
            Model::Policy(x) => serde_json::to_value(x),
            Model::Rule(x) => serde_json::to_value(x),
            Model::Statistics(x) => serde_json::to_value(x),
            Model::Collation(x) => serde_json::to_value(x),
            Model::Publication(x) => serde_json::to_value(x),
            Model::DefaultPrivileges(x) => serde_json::to_value(x),
            Model::EventTrigger(x) => serde_json::to_value(x),
            Model::ForeignDataWrapper(x) => serde_json::to_value(x),
            Model::ForeignServer(x) => serde_json::to_value(x),
            Model::ForeignTable(x) => serde_json::to_value(x),
            Model::Simple(x) => {
                // Settings compare as a set.
                let mut x = x.clone();
                x.settings.sort();
                serde_json::to_value(x)
            }
        };
        super::properties::normalise(value.unwrap_or(serde_json::Value::Null))
    }
}

/// A foreign key that is emitted as a block of its own (see `emit::relations`).
pub fn is_foreign_key(k: &Constraint) -> bool {
    k.kind == "f" && k.local
}

fn function_kind(f: &Function) -> &'static str {
    match f.kind {
        FunctionKind::Procedure => "procedure",
        FunctionKind::Aggregate => "aggregate",
        FunctionKind::Function | FunctionKind::Window => "function",
    }
}

/// Every modeled object of `catalog`.
pub fn objects(catalog: &Catalog) -> Vec<Object<'_>> {
    let mut out = Vec::new();
    let mut push = |kind: &'static str, name: String, refs: Vec<CatalogRef>, model| {
        out.push(Object {
            key: format!("{kind} {name}"),
            kind,
            name,
            refs,
            model,
        })
    };
    for s in &catalog.schemas {
        push(
            "schema",
            ident(&s.name),
            vec![CatalogRef::Schema(s.oid)],
            Model::Schema(s),
        );
    }
    for e in &catalog.extensions {
        push(
            "extension",
            ident(&e.name),
            vec![CatalogRef::Extension(e.oid)],
            Model::Extension(e),
        );
    }
    for t in &catalog.types {
        push("type", qualified(&t.name), type_refs(t), Model::Type(t));
    }
    for d in &catalog.domains {
        push(
            "domain",
            qualified(&d.name),
            vec![CatalogRef::Type(d.oid)],
            Model::Domain(d),
        );
    }
    for s in &catalog.sequences {
        push(
            "sequence",
            qualified(&s.name),
            vec![CatalogRef::Relation(s.oid)],
            Model::Sequence(s),
        );
    }
    for t in &catalog.tables {
        let mut refs = vec![CatalogRef::Relation(t.oid)];
        refs.extend(
            t.columns
                .iter()
                .filter_map(|c| c.identity_sequence.as_ref())
                .map(|s| CatalogRef::Relation(s.oid)),
        );
        push("table", qualified(&t.name), refs, Model::Table(t));
        for k in t.constraints.iter().filter(|k| is_foreign_key(k)) {
            push(
                "foreign key",
                format!("{} ON {}", ident(&k.name), qualified(&t.name)),
                vec![CatalogRef::Constraint(k.oid)],
                Model::ForeignKey(t, k),
            );
        }
    }
    for i in &catalog.indexes {
        push(
            "index",
            qualified(&i.name),
            vec![CatalogRef::Relation(i.oid)],
            Model::Index(i),
        );
    }
    for v in &catalog.views {
        let kind = if v.materialized {
            "materialized view"
        } else {
            "view"
        };
        push(
            kind,
            qualified(&v.name),
            vec![CatalogRef::Relation(v.oid)],
            Model::View(v),
        );
    }
    for f in &catalog.functions {
        push(
            function_kind(f),
            format!("{}({})", qualified(&f.name), f.identity_arguments),
            vec![CatalogRef::Function(f.oid)],
            Model::Function(f),
        );
    }
    for t in &catalog.triggers {
        push(
            "trigger",
            format!("{} ON {}", ident(&t.name), qualified(&t.table)),
            vec![CatalogRef::Trigger(t.oid)],
            Model::Trigger(t),
        );
    }
    for p in &catalog.policies {
        push(
            "policy",
            format!("{} ON {}", ident(&p.name), qualified(&p.table)),
            vec![CatalogRef::Policy(p.oid)],
            Model::Policy(p),
        );
    }
    for r in &catalog.rules {
        push(
            "rule",
            format!("{} ON {}", ident(&r.name), qualified(&r.relation)),
            vec![CatalogRef::Rule(r.oid)],
            Model::Rule(r),
        );
    }
    for s in &catalog.statistics {
        push(
            "statistics",
            qualified(&s.name),
            vec![CatalogRef::Statistics(s.oid)],
            Model::Statistics(s),
        );
    }
    for c in &catalog.collations {
        push(
            "collation",
            qualified(&c.name),
            vec![CatalogRef::Collation(c.oid)],
            Model::Collation(c),
        );
    }
    for p in &catalog.publications {
        push(
            "publication",
            ident(&p.name),
            vec![CatalogRef::Publication(p.oid)],
            Model::Publication(p),
        );
    }
    for d in &catalog.default_privileges {
        let mut name = format!("FOR ROLE {}", ident(&d.role));
        if let Some((_, schema)) = &d.schema {
            name.push_str(&format!(" IN SCHEMA {}", ident(schema)));
        }
        name.push_str(&format!(
            " ON {}",
            crate::emit::default_privileges_kind(&d.object_type)
        ));
        push(
            "default privileges",
            name,
            vec![CatalogRef::DefaultPrivileges(d.oid)],
            Model::DefaultPrivileges(d),
        );
    }
    for e in &catalog.event_triggers {
        push(
            "event trigger",
            ident(&e.name),
            vec![CatalogRef::EventTrigger(e.oid)],
            Model::EventTrigger(e),
        );
    }
    for w in &catalog.foreign_data_wrappers {
        push(
            "foreign data wrapper",
            ident(&w.name),
            vec![CatalogRef::ForeignDataWrapper(w.oid)],
            Model::ForeignDataWrapper(w),
        );
    }
    for s in &catalog.foreign_servers {
        push(
            "server",
            ident(&s.name),
            vec![CatalogRef::ForeignServer(s.oid)],
            Model::ForeignServer(s),
        );
    }
    for t in &catalog.foreign_tables {
        push(
            "foreign table",
            qualified(&t.name),
            vec![CatalogRef::Relation(t.oid)],
            Model::ForeignTable(t),
        );
    }
    for o in &catalog.simple {
        push(
            o.kind.singular(),
            crate::emit::simple_target(o),
            vec![CatalogRef::Simple(o.oid)],
            Model::Simple(o),
        );
    }
    out
}

/// Which object (index into `objects`) each catalog ref belongs to.
pub fn ref_index(objects: &[Object<'_>]) -> HashMap<CatalogRef, usize> {
    let mut map = HashMap::new();
    for (i, o) in objects.iter().enumerate() {
        for r in &o.refs {
            map.entry(*r).or_insert(i);
        }
    }
    map
}

/// The object (index into the objects `refs` indexes) each block belongs to. A block that
/// creates nothing (`ALTER SEQUENCE … OWNED BY`) belongs to the first object it needs.
pub fn block_objects(
    blocks: &[crate::emit::Block],
    refs: &HashMap<CatalogRef, usize>,
) -> Vec<Option<usize>> {
    blocks
        .iter()
        .map(|b| {
            let r = b.provides.first().or(b.requires.first())?;
            refs.get(r).copied()
        })
        .collect()
}

/// The refs of a type's blocks: a base type's shell, then the type.
pub(crate) fn type_refs(t: &crate::model::TypeDef) -> Vec<CatalogRef> {
    match t.kind {
        crate::model::TypeKind::Base(_) => {
            vec![CatalogRef::TypeShell(t.oid), CatalogRef::Type(t.oid)]
        }
        _ => vec![CatalogRef::Type(t.oid)],
    }
}
