//! The live side of `verify` and `pull`: every object of an inspected [`Catalog`] (and every
//! sub-object: columns, constraints, indexes, grants) with its identity, the file dump would
//! put it in, and how `pull` renders it.
//!
//! To add a kind: one arm in [`inventory`] pushing its objects (and the same identity in
//! `source::extract`), rendered by the blocks that provide its `CatalogRef`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::emit::sql::{ident, qualified};
use crate::emit::{self, Dir, FilePlace};
use crate::identity::{GrantClass, GrantOf, Identity, ObjectKind};
use crate::layout;
use crate::model::{Acl, Catalog, CatalogRef, FunctionKind, Oid, QualifiedName};

/// How `pull` renders a live object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Render {
    /// The emitted blocks that provide these refs (whole objects, as dump writes them).
    Blocks(Vec<CatalogRef>),
    /// Statements that add a sub-object to an existing object (`ALTER TABLE … ADD …`, `GRANT`).
    Sql(String),
    /// Not renderable: a kind pg-flux does not model.
    Nothing,
    /// Not rendered: listed by [`identities`], for a caller that only compares.
    NotRendered,
}

#[derive(Debug, Clone)]
pub struct LiveObject {
    pub identity: Identity,
    /// The file dump would put it in, relative to the schema directory (shared by the objects
    /// of one file).
    pub file: Option<Arc<Path>>,
    /// False for what is declared as part of something else (inherited columns, copies of a
    /// parent's constraints): never reported, but it is live.
    pub required: bool,
    /// The object whose block renders this one too (a table for its columns and grants): when
    /// it is undeclared, this one is not reported on its own.
    pub parent: Option<usize>,
    pub render: Render,
}

struct Builder {
    objects: Vec<LiveObject>,
    /// The last file pushed to and its place, shared with the objects that follow into it.
    last_file: Option<(FilePlace, Arc<Path>)>,
    /// False when listing [`identities`]: statements are not rendered.
    render: bool,
}

impl Builder {
    /// `Render::Sql` of what `sql` gives, when this listing renders.
    fn sql(&self, sql: impl FnOnce() -> String) -> Render {
        if self.render {
            Render::Sql(sql())
        } else {
            Render::NotRendered
        }
    }

    fn push(
        &mut self,
        identity: Identity,
        place: Option<&FilePlace>,
        parent: Option<usize>,
        render: Render,
    ) -> usize {
        let file = place.map(|place| match &self.last_file {
            Some((last_place, last)) if last_place == place => last.clone(),
            _ => {
                let shared: Arc<Path> = Arc::from(layout::file_path(place));
                self.last_file = Some((place.clone(), shared.clone()));
                shared
            }
        });
        self.objects.push(LiveObject {
            identity,
            file,
            required: true,
            parent,
            render,
        });
        self.objects.len() - 1
    }

    /// One object per privilege granted beyond the default.
    #[allow(clippy::too_many_arguments)]
    fn grants(
        &mut self,
        target: &Identity,
        sql_kind: &str,
        sql_target: &str,
        class: GrantClass,
        column: Option<&str>,
        acl: &Acl,
        place: &FilePlace,
        parent: Option<usize>,
    ) {
        for g in &acl.grants {
            let identity = Identity::grant(
                target,
                GrantOf {
                    class,
                    privilege: g.privilege.clone(),
                    grantee: g.grantee.clone(),
                    column: column.map(str::to_string),
                },
            );
            let render = self.sql(|| emit::sql::grant(sql_kind, sql_target, column, g));
            self.push(identity, Some(place), parent, render);
        }
    }
}

fn named(kind: ObjectKind, name: &QualifiedName) -> Identity {
    Identity::new(kind, &name.schema, &name.name)
}

/// Every live object of `catalog`, parents before their sub-objects.
pub fn inventory(catalog: &Catalog) -> Vec<LiveObject> {
    list(catalog, true)
}

/// As [`inventory`], without the statements that add sub-objects (`Render::NotRendered`):
/// what verify compares (rendering them was a third of its listing).
pub fn identities(catalog: &Catalog) -> Vec<LiveObject> {
    list(catalog, false)
}

fn list(catalog: &Catalog, render: bool) -> Vec<LiveObject> {
    let mut b = Builder {
        objects: Vec::new(),
        last_file: None,
        render,
    };
    let pg18 = catalog.server_major() >= 18;
    for s in &catalog.schemas {
        let place = FilePlace::global(Dir::Schemas, &s.name);
        let identity = Identity::global(ObjectKind::Schema, &s.name);
        // `public` exists in every database: only its privileges can be undeclared.
        let parent = (!s.preexisting).then(|| {
            b.push(
                identity.clone(),
                Some(&place),
                None,
                Render::Blocks(vec![CatalogRef::Schema(s.oid)]),
            )
        });
        let sql = ident(&s.name);
        b.grants(
            &identity,
            "SCHEMA",
            &sql,
            GrantClass::Schema,
            None,
            &s.acl,
            &place,
            parent,
        );
    }
    for e in &catalog.extensions {
        let place = FilePlace::global(Dir::Extensions, &e.name);
        let parent = b.push(
            Identity::global(ObjectKind::Extension, &e.name),
            Some(&place),
            None,
            Render::Blocks(vec![CatalogRef::Extension(e.oid)]),
        );
        // Privileges given on members since the extension was created are sub-objects of
        // the extension, like any grant.
        for m in &e.member_privileges {
            let (kind, class) = match m.kind.as_str() {
                "FUNCTION" => (ObjectKind::Function, GrantClass::Function),
                "PROCEDURE" => (ObjectKind::Procedure, GrantClass::Function),
                "TYPE" | "DOMAIN" => (ObjectKind::Type, GrantClass::Type),
                _ => (ObjectKind::Table, GrantClass::Relation),
            };
            let target = match &m.args {
                Some(args) => Identity::routine(kind, &m.schema, &m.name, args.clone()),
                None => Identity::new(kind, &m.schema, &m.name),
            };
            b.grants(
                &target,
                &m.kind,
                &crate::emit::member_target(m),
                class,
                m.column.as_deref(),
                &m.acl,
                &place,
                Some(parent),
            );
        }
    }
    for t in &catalog.types {
        let place = FilePlace::in_schema(Dir::Types, &t.name);
        let identity = named(ObjectKind::Type, &t.name);
        let parent = b.push(
            identity.clone(),
            Some(&place),
            None,
            Render::Blocks(crate::diff::objects::type_refs(t)),
        );
        let sql = qualified(&t.name);
        let class = GrantClass::Type;
        b.grants(
            &identity,
            "TYPE",
            &sql,
            class,
            None,
            &t.acl,
            &place,
            Some(parent),
        );
    }
    for d in &catalog.domains {
        let place = FilePlace::in_schema(Dir::Domains, &d.name);
        let identity = named(ObjectKind::Domain, &d.name);
        let parent = b.push(
            identity.clone(),
            Some(&place),
            None,
            Render::Blocks(vec![CatalogRef::Type(d.oid)]),
        );
        let sql = qualified(&d.name);
        let class = GrantClass::Type;
        b.grants(
            &identity,
            "DOMAIN",
            &sql,
            class,
            None,
            &d.acl,
            &place,
            Some(parent),
        );
    }
    for s in &catalog.sequences {
        let place = match &s.owned_by {
            Some((_, table, _)) => FilePlace::in_schema(Dir::Tables, table),
            None => FilePlace::in_schema(Dir::Sequences, &s.name),
        };
        let identity = named(ObjectKind::Sequence, &s.name);
        let parent = b.push(
            identity.clone(),
            Some(&place),
            None,
            Render::Blocks(vec![CatalogRef::Relation(s.oid)]),
        );
        let sql = qualified(&s.name);
        let class = GrantClass::Relation;
        b.grants(
            &identity,
            "SEQUENCE",
            &sql,
            class,
            None,
            &s.acl,
            &place,
            Some(parent),
        );
    }
    for t in &catalog.tables {
        let place = FilePlace::in_schema(Dir::Tables, &t.name);
        let identity = named(ObjectKind::Table, &t.name);
        let mut refs = vec![CatalogRef::Relation(t.oid)];
        refs.extend(
            t.constraints
                .iter()
                .filter(|k| k.kind == "f" && k.local)
                .map(|k| CatalogRef::Constraint(k.oid)),
        );
        let parent = b.push(identity.clone(), Some(&place), None, Render::Blocks(refs));
        let (schema, table) = (&t.name.schema, &t.name.name);
        for c in &t.columns {
            let i = b.push(
                Identity::of_table(ObjectKind::Column, schema, table, &c.name),
                Some(&place),
                Some(parent),
                b.sql(|| emit::add_column_sql(t, c, pg18)),
            );
            // Columns a typed table or a child gets from elsewhere are not declared by it.
            b.objects[i].required = c.local && t.of_type.is_none();
        }
        for k in &t.constraints {
            let render = if k.kind == "f" {
                Render::Blocks(vec![CatalogRef::Constraint(k.oid)])
            } else {
                b.sql(|| emit::add_constraint_sql(t, k))
            };
            let i = b.push(
                Identity::of_table(ObjectKind::Constraint, schema, table, &k.name),
                Some(&place),
                Some(parent),
                render,
            );
            // NOT NULL constraints (18+) are a property of their column.
            b.objects[i].required = k.local && k.kind != "n";
        }
        let sql = qualified(&t.name);
        let class = GrantClass::Relation;
        b.grants(
            &identity,
            "TABLE",
            &sql,
            class,
            None,
            &t.acl,
            &place,
            Some(parent),
        );
        for c in &t.columns {
            b.grants(
                &identity,
                "TABLE",
                &sql,
                class,
                Some(&c.name),
                &c.acl,
                &place,
                Some(parent),
            );
            if let Some(seq) = &c.identity_sequence {
                let seq_name = QualifiedName::new(&seq.schema, &seq.name);
                b.grants(
                    &named(ObjectKind::Sequence, &seq_name),
                    "SEQUENCE",
                    &qualified(&seq_name),
                    class,
                    None,
                    &seq.acl,
                    &place,
                    Some(parent),
                );
            }
        }
    }
    for v in &catalog.views {
        let (dir, kind) = if v.materialized {
            (Dir::MaterializedViews, ObjectKind::MaterializedView)
        } else {
            (Dir::Views, ObjectKind::View)
        };
        let place = FilePlace::in_schema(dir, &v.name);
        let identity = named(kind, &v.name);
        let parent = b.push(
            identity.clone(),
            Some(&place),
            None,
            Render::Blocks(vec![CatalogRef::Relation(v.oid)]),
        );
        let sql = qualified(&v.name);
        let class = GrantClass::Relation;
        b.grants(
            &identity,
            "TABLE",
            &sql,
            class,
            None,
            &v.acl,
            &place,
            Some(parent),
        );
        for c in &v.columns {
            b.grants(
                &identity,
                "TABLE",
                &sql,
                class,
                Some(&c.name),
                &c.acl,
                &place,
                Some(parent),
            );
        }
    }
    // A partitioned table's index makes (or adopts) one on every partition: those are
    // declared by it, and pulled with it.
    let mut index_children: HashMap<Oid, Vec<Oid>> = HashMap::new();
    for i in &catalog.indexes {
        if let Some((parent, _)) = &i.parent {
            index_children.entry(*parent).or_default().push(i.oid);
        }
    }
    for i in &catalog.indexes {
        let place = FilePlace::in_schema(Dir::Indexes, &i.table);
        let mut refs = vec![CatalogRef::Relation(i.oid)];
        let mut k = 0;
        while k < refs.len() {
            if let CatalogRef::Relation(oid) = refs[k] {
                if let Some(children) = index_children.get(&oid) {
                    refs.extend(children.iter().map(|c| CatalogRef::Relation(*c)));
                }
            }
            k += 1;
        }
        let n = b.push(
            Identity::of_table(
                ObjectKind::Index,
                &i.table.schema,
                &i.table.name,
                &i.name.name,
            ),
            Some(&place),
            None,
            Render::Blocks(refs),
        );
        b.objects[n].required = i.parent.is_none();
    }
    for c in &catalog.collations {
        b.push(
            named(ObjectKind::Collation, &c.name),
            Some(&FilePlace::in_schema(Dir::Collations, &c.name)),
            None,
            Render::Blocks(vec![CatalogRef::Collation(c.oid)]),
        );
    }
    for f in &catalog.functions {
        let place = FilePlace::in_schema(Dir::Functions, &f.name);
        let kind = match f.kind {
            FunctionKind::Procedure => ObjectKind::Procedure,
            FunctionKind::Aggregate => ObjectKind::Aggregate,
            FunctionKind::Function | FunctionKind::Window => ObjectKind::Function,
        };
        let identity =
            Identity::routine(kind, &f.name.schema, &f.name.name, f.identity_types.clone());
        let parent = b.push(
            identity.clone(),
            Some(&place),
            None,
            Render::Blocks(vec![CatalogRef::Function(f.oid)]),
        );
        let sql_kind = if f.kind == FunctionKind::Procedure {
            "PROCEDURE"
        } else {
            "FUNCTION"
        };
        let sql = crate::emit::privilege_target(f);
        b.grants(
            &identity,
            sql_kind,
            &sql,
            GrantClass::Function,
            None,
            &f.acl,
            &place,
            Some(parent),
        );
    }
    // Triggers, policies and rules have blocks of their own (a table's block does not carry
    // them): each is reported on its own even when its table is undeclared too.
    for t in &catalog.triggers {
        b.push(
            Identity::of_table(ObjectKind::Trigger, &t.table.schema, &t.table.name, &t.name),
            Some(&FilePlace::in_schema(Dir::Triggers, &t.table)),
            None,
            Render::Blocks(vec![CatalogRef::Trigger(t.oid)]),
        );
    }
    for p in &catalog.policies {
        b.push(
            Identity::of_table(ObjectKind::Policy, &p.table.schema, &p.table.name, &p.name),
            Some(&FilePlace::in_schema(Dir::Policies, &p.table)),
            None,
            Render::Blocks(vec![CatalogRef::Policy(p.oid)]),
        );
    }
    for r in &catalog.rules {
        let dir = match r.relkind.as_str() {
            "v" => Dir::Views,
            "m" => Dir::MaterializedViews,
            _ => Dir::Tables,
        };
        b.push(
            Identity::of_table(
                ObjectKind::Rule,
                &r.relation.schema,
                &r.relation.name,
                &r.name,
            ),
            Some(&FilePlace::in_schema(dir, &r.relation)),
            None,
            Render::Blocks(vec![CatalogRef::Rule(r.oid)]),
        );
    }
    for s in &catalog.statistics {
        b.push(
            named(ObjectKind::Statistics, &s.name),
            Some(&FilePlace::in_schema(Dir::Statistics, &s.name)),
            None,
            Render::Blocks(vec![CatalogRef::Statistics(s.oid)]),
        );
    }
    for e in &catalog.event_triggers {
        b.push(
            Identity::global(ObjectKind::EventTrigger, &e.name),
            Some(&FilePlace::global(Dir::EventTriggers, &e.name)),
            None,
            Render::Blocks(vec![CatalogRef::EventTrigger(e.oid)]),
        );
    }
    for p in &catalog.publications {
        b.push(
            Identity::global(ObjectKind::Publication, &p.name),
            Some(&FilePlace::global(Dir::Publications, &p.name)),
            None,
            Render::Blocks(vec![CatalogRef::Publication(p.oid)]),
        );
    }
    let extension_index: HashMap<Oid, usize> = b
        .objects
        .iter()
        .enumerate()
        .filter(|(_, o)| o.identity.kind == ObjectKind::Extension)
        .filter_map(|(i, o)| {
            let e = catalog
                .extensions
                .iter()
                .find(|e| *e.name == *o.identity.name)?;
            Some((e.oid, i))
        })
        .collect();
    for w in &catalog.foreign_data_wrappers {
        let place = FilePlace::global(Dir::ForeignDataWrappers, &w.name);
        let identity = Identity::global(ObjectKind::ForeignDataWrapper, &w.name);
        // A wrapper an extension made is declared by the extension; grants on it since are
        // ours (emitted in a block of their own that goes with the extension).
        let parent = match w.extension {
            Some(extension) => extension_index.get(&extension).copied(),
            None => Some(b.push(
                identity.clone(),
                Some(&place),
                None,
                Render::Blocks(vec![CatalogRef::ForeignDataWrapper(w.oid)]),
            )),
        };
        b.grants(
            &identity,
            "FOREIGN DATA WRAPPER",
            &ident(&w.name),
            GrantClass::ForeignDataWrapper,
            None,
            &w.acl,
            &place,
            parent,
        );
    }
    for o in &catalog.simple {
        let place = emit::simple_place(o);
        let identity = Identity::simple(o);
        let parent = b.push(
            identity.clone(),
            Some(&place),
            None,
            Render::Blocks(vec![CatalogRef::Simple(o.oid)]),
        );
        b.grants(
            &identity,
            o.kind.keyword(),
            &emit::simple_target(o),
            GrantClass::Language,
            None,
            &o.acl,
            &place,
            Some(parent),
        );
    }
    for s in &catalog.foreign_servers {
        let place = FilePlace::global(Dir::ForeignServers, &s.name);
        let identity = Identity::global(ObjectKind::ForeignServer, &s.name);
        let parent = b.push(
            identity.clone(),
            Some(&place),
            None,
            Render::Blocks(vec![CatalogRef::ForeignServer(s.oid)]),
        );
        b.grants(
            &identity,
            "FOREIGN SERVER",
            &ident(&s.name),
            GrantClass::ForeignServer,
            None,
            &s.acl,
            &place,
            Some(parent),
        );
        // The server's block creates its user mappings too.
        for m in &s.user_mappings {
            let mut identity = Identity::global(
                ObjectKind::UserMapping,
                m.user.as_deref().unwrap_or("PUBLIC"),
            );
            identity.table = Some(s.name.as_str().into());
            b.push(
                identity,
                Some(&place),
                Some(parent),
                b.sql(|| emit::user_mapping_sql(&s.name, m)),
            );
        }
    }
    for t in &catalog.foreign_tables {
        let place = FilePlace::in_schema(Dir::ForeignTables, &t.name);
        let identity = named(ObjectKind::ForeignTable, &t.name);
        let parent = b.push(
            identity.clone(),
            Some(&place),
            None,
            Render::Blocks(vec![CatalogRef::Relation(t.oid)]),
        );
        let (schema, table) = (&t.name.schema, &t.name.name);
        for c in &t.columns {
            let i = b.push(
                Identity::of_table(ObjectKind::Column, schema, table, &c.name),
                Some(&place),
                Some(parent),
                b.sql(|| emit::add_foreign_column_sql(t, c)),
            );
            // Columns a partition or child gets from its parent are not declared by it.
            b.objects[i].required = c.local && t.partition_bound.is_none();
        }
        for k in &t.constraints {
            let i = b.push(
                Identity::of_table(ObjectKind::Constraint, schema, table, &k.name),
                Some(&place),
                Some(parent),
                b.sql(|| emit::add_foreign_constraint_sql(t, k)),
            );
            // NOT NULL constraints (18+) are a property of their column.
            b.objects[i].required = k.local && k.kind != "n";
        }
        let sql = qualified(&t.name);
        let class = GrantClass::Relation;
        b.grants(
            &identity,
            "TABLE",
            &sql,
            class,
            None,
            &t.acl,
            &place,
            Some(parent),
        );
        for c in &t.columns {
            b.grants(
                &identity,
                "TABLE",
                &sql,
                class,
                Some(&c.name),
                &c.acl,
                &place,
                Some(parent),
            );
        }
    }
    // One object per privilege granted or revoked beyond the default, so that a default
    // privilege added by hand shows up on its own.
    for d in &catalog.default_privileges {
        let place = FilePlace::global(Dir::DefaultPrivileges, &d.role);
        let kind = emit::default_privileges_kind(&d.object_type);
        let schema = d.schema.as_ref().map(|(_, s)| s.as_str());
        let entries = d
            .acl
            .revokes
            .iter()
            .map(|g| (false, g))
            .chain(d.acl.grants.iter().map(|g| (true, g)));
        for (grant, g) in entries {
            let entry = emit::default_privilege_entry(
                &d.role,
                schema,
                kind,
                grant,
                &g.privilege,
                g.grantee.as_deref(),
            );
            let option = if grant && g.grantable {
                " WITH GRANT OPTION"
            } else {
                ""
            };
            let sql = format!("ALTER DEFAULT PRIVILEGES {entry}{option};\n");
            b.push(
                Identity::global(ObjectKind::DefaultPrivileges, &entry),
                Some(&place),
                None,
                Render::Sql(sql),
            );
        }
    }
    for u in &catalog.unmodeled {
        b.push(
            Identity::global(ObjectKind::Unmodeled, &format!("{} {}", u.kind, u.identity)),
            None,
            None,
            Render::Nothing,
        );
    }
    b.objects.shrink_to_fit();
    b.objects
}
