//! Tables, sequences and indexes.
//!
//! A table's file holds its `CREATE TABLE` (columns, inline constraints, per-column options),
//! its owned sequences and their `OWNED BY`, and its foreign keys (in the link phase, so that
//! cycles between tables load). Indexes not behind a constraint live in `indexes/`, one file
//! per table.

use std::collections::{BTreeSet, HashMap};

use super::sql::{column_privileges, comment, ident, literal, owner, privileges, qualified};
use super::{Block, Dir, FilePlace, Phase};
use crate::model::{
    Catalog, CatalogRef, Column, Constraint, Index, Oid, QualifiedName, Sequence, SequenceOptions,
    Table,
};

/// `START WITH … [NO] CYCLE`: every option explicit, so the sequence comes out identical.
pub(crate) fn sequence_options(o: &SequenceOptions) -> String {
    format!(
        "START WITH {} INCREMENT BY {} MINVALUE {} MAXVALUE {} CACHE {} {}",
        o.start,
        o.increment,
        o.min,
        o.max,
        o.cache,
        if o.cycle { "CYCLE" } else { "NO CYCLE" }
    )
}

pub(crate) fn options_list(options: &[(String, String)], prefix: &str) -> Vec<String> {
    options
        .iter()
        .map(|(k, v)| format!("{prefix}{k}={}", literal(v)))
        .collect()
}

/// `attstorage` as SQL spells it.
/// `attidentity` (`a` or `d`) as SQL spells it.
pub(crate) fn identity_kind(code: &str) -> &'static str {
    if code == "a" {
        "ALWAYS"
    } else {
        "BY DEFAULT"
    }
}

pub(crate) fn storage_name(s: &str) -> &'static str {
    match s {
        "p" => "PLAIN",
        "e" => "EXTERNAL",
        "m" => "MAIN",
        _ => "EXTENDED",
    }
}

fn compression_name(s: &str) -> &'static str {
    match s {
        "p" => "pglz",
        "l" => "lz4",
        _ => "default",
    }
}

pub(crate) fn sequences(catalog: &Catalog) -> Vec<Block> {
    let mut blocks = Vec::new();
    for s in &catalog.sequences {
        blocks.push(sequence_block(s));
        if let Some((table_oid, table, column)) = &s.owned_by {
            blocks.push(Block {
                populate: None,
                file: FilePlace::in_schema(Dir::Tables, table),
                phase: Phase::Link,
                provides: Vec::new(),
                requires: vec![
                    CatalogRef::Relation(s.oid),
                    CatalogRef::Relation(*table_oid),
                ],
                sql: format!(
                    "ALTER SEQUENCE {} OWNED BY {}.{};\n",
                    qualified(&s.name),
                    qualified(table),
                    ident(column)
                ),
            });
        }
    }
    blocks
}

fn sequence_block(s: &Sequence) -> Block {
    let name = qualified(&s.name);
    let mut sql = format!(
        "CREATE {}SEQUENCE {name}\n    AS {}\n    {};\n",
        if s.unlogged { "UNLOGGED " } else { "" },
        s.options.data_type,
        sequence_options(&s.options)
    );
    sql.push_str(&owner("SEQUENCE", &name, &s.owner));
    sql.push_str(&comment("SEQUENCE", &name, s.comment.as_deref()));
    sql.push_str(&privileges("SEQUENCE", &name, &s.acl));
    // A sequence owned by a table column lives in that table's file.
    let file = match &s.owned_by {
        Some((_, table, _)) => FilePlace::in_schema(Dir::Tables, table),
        None => FilePlace::in_schema(Dir::Sequences, &s.name),
    };
    Block::new(file, CatalogRef::Relation(s.oid), sql)
}

pub(crate) fn tables(catalog: &Catalog) -> Vec<Block> {
    let by_oid: HashMap<Oid, &Table> = catalog.tables.iter().map(|t| (t.oid, t)).collect();
    let pg18 = catalog.server_major() >= 18;
    let names = SchemaConstraintNames::of(catalog);
    let mut blocks = Vec::new();
    for t in &catalog.tables {
        blocks.extend(table_blocks(t, &by_oid, pg18, &names));
    }
    blocks
}

/// How many constraints of each schema hold each name (tables, foreign tables, domains).
///
/// PostgreSQL gives an unnamed NOT NULL constraint (18+) the name `<table>_<column>_not_null`
/// only when no constraint in the schema holds it yet (else `…_not_null1`). When another table
/// holds it too (a partition created on its own and then attached keeps its parent's name),
/// the name a bare `NOT NULL` gets depends on which table is created first; so it is written.
#[derive(Default)]
pub(crate) struct SchemaConstraintNames(HashMap<(String, String), usize>);

impl SchemaConstraintNames {
    pub(crate) fn of(catalog: &Catalog) -> SchemaConstraintNames {
        let mut counts: HashMap<(String, String), usize> = HashMap::new();
        let mut count = |schema: &str, name: &str| {
            *counts
                .entry((schema.to_string(), name.to_string()))
                .or_default() += 1;
        };
        for t in &catalog.tables {
            t.constraints
                .iter()
                .for_each(|k| count(&t.name.schema, &k.name));
        }
        for t in &catalog.foreign_tables {
            t.constraints
                .iter()
                .for_each(|k| count(&t.name.schema, &k.name));
        }
        for d in &catalog.domains {
            d.constraints
                .iter()
                .for_each(|k| count(&d.name.schema, &k.name));
        }
        SchemaConstraintNames(counts)
    }

    /// ` NOT NULL` when PostgreSQL would choose `name` for it whatever the load order, else
    /// ` CONSTRAINT name NOT NULL`.
    pub(crate) fn not_null(&self, table: &QualifiedName, column: &str, name: &str) -> String {
        let default_name = format!("{}_{column}_not_null", table.name);
        let holders = self
            .0
            .get(&(table.schema.clone(), default_name.clone()))
            .copied()
            .unwrap_or(0);
        if name == default_name && default_name.len() < 64 && holders <= 1 {
            " NOT NULL".to_string()
        } else {
            format!(" CONSTRAINT {} NOT NULL", ident(name))
        }
    }
}

/// How a column appears in `CREATE TABLE`.
#[derive(PartialEq, Eq)]
enum Shape {
    /// `name type …`
    Full,
    /// `name WITH OPTIONS …` (typed tables)
    WithOptions,
    /// Not at all: inherited from a parent (or a partition's parent).
    Inherited,
}

fn table_blocks(
    t: &Table,
    by_oid: &HashMap<Oid, &Table>,
    pg18: bool,
    names: &SchemaConstraintNames,
) -> Vec<Block> {
    let name = qualified(&t.name);
    let file = FilePlace::in_schema(Dir::Tables, &t.name);
    // No child exists while a table's own block runs, so recursing is harmless; ONLY is not
    // accepted by some subcommands on partitioned tables.
    let alter = if t.kind == "p" {
        format!("ALTER TABLE {name}")
    } else {
        format!("ALTER TABLE ONLY {name}")
    };
    // A constraint children inherit is added without ONLY, as pg_dump does: a child may exist
    // already (a loader that runs files side by side), and ONLY would then be refused
    // ("constraint must be added to child tables too"); a child created later inherits it.
    let recursing = format!("ALTER TABLE {name}");
    let parents: Vec<&Table> = t
        .parents
        .iter()
        .filter_map(|p| by_oid.get(&p.oid).copied())
        .collect();
    let parent_column = |col: &str| -> Option<&Column> {
        parents
            .iter()
            .find_map(|p| p.columns.iter().find(|c| c.name == col))
    };
    // A partition whose columns are not in its parent's order (made on its own, then attached)
    // is created as a table of its own and attached, as pg_dump does: `PARTITION OF` would
    // take the parent's order.
    // So is one with a copy of its parent's primary key, unique or exclusion constraint: the
    // copy may have a name of its own, which only attaching keeps.
    let attach = t.is_partition()
        && (t.constraints.iter().any(|k| k.cloned)
            || parents.first().is_some_and(|p| {
                !p.columns
                    .iter()
                    .map(|c| &c.name)
                    .eq(t.columns.iter().map(|c| &c.name))
            }));
    // Likewise, a child that got its parents after it was made (`ALTER TABLE … INHERIT`) may
    // have its columns in an order `INHERITS` would not give: it is made on its own and then
    // inherits. Only possible when every column is its own.
    let inherit_later =
        !t.is_partition() && !parents.is_empty() && t.columns.iter().all(|c| c.local) && {
            let mut expected: Vec<&str> = Vec::new();
            for c in parents
                .iter()
                .flat_map(|p| p.columns.iter())
                .chain(t.columns.iter())
            {
                if !expected.contains(&c.name.as_str()) {
                    expected.push(&c.name);
                }
            }
            !expected
                .into_iter()
                .eq(t.columns.iter().map(|c| c.name.as_str()))
        };
    let shape = |c: &Column| {
        if attach {
            Shape::Full
        } else if t.is_partition() {
            Shape::Inherited
        } else if t.of_type.is_some() {
            Shape::WithOptions
        } else if c.local {
            Shape::Full
        } else {
            Shape::Inherited
        }
    };
    // NOT NULL constraints (18+) by column.
    let not_nulls: HashMap<&str, &Constraint> = t
        .constraints
        .iter()
        .filter(|k| k.kind == "n" && (k.local || attach))
        .filter_map(|k| Some((k.column.as_deref()?, k)))
        .collect();
    let mut after = String::new();
    let mut elements = Vec::new();
    let mut inline_not_null: BTreeSet<&str> = BTreeSet::new();
    for c in &t.columns {
        let shape = shape(c);
        if shape == Shape::Inherited {
            // A partition's own NOT NULL constraint (18+) keeps its name only when given in
            // `PARTITION OF`; added later, it would clash with the inherited one.
            let parent_name = parents.first().and_then(|p| {
                p.constraints
                    .iter()
                    .find(|k| k.kind == "n" && k.column.as_deref() == Some(c.name.as_str()))
                    .map(|k| k.name.as_str())
            });
            if let Some(k) = t
                .constraints
                .iter()
                .filter(|k| k.kind == "n" && k.column.as_deref() == Some(c.name.as_str()))
                .find(|k| {
                    pg18 && t.is_partition()
                        && k.validated
                        && (k.local || parent_name != Some(k.name.as_str()))
                })
            {
                let mut def = format!(
                    "{} WITH OPTIONS CONSTRAINT {} NOT NULL",
                    ident(&c.name),
                    ident(&k.name)
                );
                if k.no_inherit {
                    def.push_str(" NO INHERIT");
                }
                elements.push(def);
                inline_not_null.insert(&c.name);
            }
            continue;
        }
        let mut def = match shape {
            Shape::Full => {
                let mut d = format!("{} {}", ident(&c.name), c.data_type);
                if let Some(coll) = &c.collation {
                    d.push_str(&format!(" COLLATE {coll}"));
                }
                d
            }
            _ => format!("{} WITH OPTIONS", ident(&c.name)),
        };
        let mut any = false;
        match (c.generated.as_str(), &c.default) {
            ("s", Some(expr)) if shape == Shape::Full => {
                def.push_str(&format!(" GENERATED ALWAYS AS ({expr}) STORED"));
                any = true;
            }
            ("v", Some(expr)) if shape == Shape::Full => {
                def.push_str(&format!(" GENERATED ALWAYS AS ({expr}) VIRTUAL"));
                any = true;
            }
            ("", Some(expr)) => {
                def.push_str(&format!(" DEFAULT {expr}"));
                any = true;
            }
            _ => {}
        }
        if pg18 {
            if let Some(k) = not_nulls.get(c.name.as_str()).filter(|k| k.validated) {
                def.push_str(&names.not_null(&t.name, &c.name, &k.name));
                if k.no_inherit {
                    def.push_str(" NO INHERIT");
                }
                inline_not_null.insert(&c.name);
                any = true;
            }
        } else if c.not_null {
            def.push_str(" NOT NULL");
            any = true;
        }
        if shape == Shape::Full && !c.identity.is_empty() && c.identity_sequence.is_some() {
            let kind = identity_kind(&c.identity);
            def.push_str(&format!(" GENERATED {kind} AS IDENTITY"));
            if let Some(seq) = &c.identity_sequence {
                def.push_str(&format!(
                    " (SEQUENCE NAME {} {})",
                    qualified(&QualifiedName::new(&seq.schema, &seq.name)),
                    sequence_options(&seq.options)
                ));
            }
            any = true;
        }
        if shape == Shape::Full || any {
            elements.push(def);
        }
        // A column merged with an inherited one takes the parent's default unless it has one.
        if shape != Shape::Inherited
            && !attach
            && !inherit_later
            && c.inherited
            && c.default.is_none()
            && parent_column(&c.name).is_some_and(|p| p.default.is_some())
        {
            after.push_str(&format!(
                "{alter} ALTER COLUMN {} DROP DEFAULT;\n",
                ident(&c.name)
            ));
        }
    }
    // Inline constraints: everything local but foreign keys, NOT NULL, and NOT VALID checks.
    for k in &t.constraints {
        // Attaching needs the parent's CHECK and NOT NULL constraints in place.
        let include = if k.cloned {
            attach
        } else {
            k.local || (attach && (k.kind == "c" || k.kind == "n"))
        };
        if !include {
            continue;
        }
        match k.kind.as_str() {
            "f" => {}
            "n" => {
                let inline = k
                    .column
                    .as_deref()
                    .is_some_and(|c| inline_not_null.contains(c));
                if !inline {
                    after.push_str(&format!(
                        "{recursing} ADD CONSTRAINT {} {};\n",
                        ident(&k.name),
                        k.definition
                    ));
                }
            }
            "c" if !k.validated => {
                after.push_str(&format!(
                    "{recursing} ADD CONSTRAINT {} {};\n",
                    ident(&k.name),
                    k.definition
                ));
            }
            _ => elements.push(format!("CONSTRAINT {} {}", ident(&k.name), k.definition)),
        }
    }
    // Inherited columns: what differs from what the parent hands down.
    for c in &t.columns {
        if shape(c) != Shape::Inherited {
            continue;
        }
        let col = ident(&c.name);
        let parent = parent_column(&c.name);
        if c.generated.is_empty() {
            // Every default is stated, as pg_dump does: what a child inherits depends on when
            // it is created (before or after its parent's own `SET DEFAULT`), and a loader that
            // runs files side by side may create it first.
            let inherited = parent.and_then(|p| p.default.as_ref());
            match &c.default {
                Some(expr) => {
                    after.push_str(&format!("{alter} ALTER COLUMN {col} SET DEFAULT {expr};\n"))
                }
                None if inherited.is_some() => {
                    after.push_str(&format!("{alter} ALTER COLUMN {col} DROP DEFAULT;\n"))
                }
                None => {}
            }
        }
        if !pg18 && c.not_null && !parent.is_some_and(|p| p.not_null) {
            after.push_str(&format!("{recursing} ALTER COLUMN {col} SET NOT NULL;\n"));
        }
    }
    // Per-column options, for every column.
    for c in &t.columns {
        let col = ident(&c.name);
        let parent = parent_column(&c.name).filter(|_| c.inherited);
        if c.storage != c.type_storage || parent.is_some_and(|p| p.storage != c.storage) {
            after.push_str(&format!(
                "{alter} ALTER COLUMN {col} SET STORAGE {};\n",
                storage_name(&c.storage)
            ));
        }
        if !c.compression.is_empty() || parent.is_some_and(|p| p.compression != c.compression) {
            after.push_str(&format!(
                "{alter} ALTER COLUMN {col} SET COMPRESSION {};\n",
                compression_name(&c.compression)
            ));
        }
        if c.stattarget.is_some() || parent.is_some_and(|p| p.stattarget.is_some()) {
            after.push_str(&format!(
                "{alter} ALTER COLUMN {col} SET STATISTICS {};\n",
                c.stattarget.unwrap_or(-1)
            ));
        }
        if !c.options.is_empty() {
            after.push_str(&format!(
                "{alter} ALTER COLUMN {col} SET ({});\n",
                options_list(&c.options, "").join(", ")
            ));
        }
    }

    let mut sql = format!(
        "CREATE {}TABLE {name}",
        if t.unlogged { "UNLOGGED " } else { "" }
    );
    let partition_parent = t.parents.first().filter(|_| t.is_partition() && !attach);
    if let Some(p) = partition_parent {
        sql.push_str(&format!(" PARTITION OF {}", qualified(&p.qualified())));
    } else if let Some(ty) = &t.of_type {
        sql.push_str(&format!(" OF {ty}"));
    }
    if elements.is_empty() {
        if partition_parent.is_none() && t.of_type.is_none() {
            sql.push_str(" (\n)");
        }
    } else {
        sql.push_str(" (\n    ");
        sql.push_str(&elements.join(",\n    "));
        sql.push_str("\n)");
    }
    if let Some(bound) = t.partition_bound.as_ref().filter(|_| !attach) {
        sql.push_str(&format!("\n{bound}"));
    } else if !t.parents.is_empty() && !t.is_partition() && !inherit_later {
        let names: Vec<String> = t
            .parents
            .iter()
            .map(|p| qualified(&p.qualified()))
            .collect();
        sql.push_str(&format!("\nINHERITS ({})", names.join(", ")));
    }
    if let Some(key) = &t.partition_key {
        sql.push_str(&format!("\nPARTITION BY {key}"));
    }
    if let Some(am) = &t.access_method {
        sql.push_str(&format!("\nUSING {}", ident(am)));
    }
    let mut with = options_list(&t.options, "");
    with.extend(options_list(&t.toast_options, "toast."));
    if !with.is_empty() {
        sql.push_str(&format!("\nWITH ({})", with.join(", ")));
    }
    sql.push_str(";\n");
    sql.push_str(&after);
    for parent in t.parents.iter().filter(|_| inherit_later) {
        sql.push_str(&format!(
            "ALTER TABLE ONLY {name} INHERIT {};\n",
            qualified(&parent.qualified())
        ));
    }
    if let (true, Some(parent), Some(bound)) = (attach, t.parents.first(), &t.partition_bound) {
        sql.push_str(&format!(
            "ALTER TABLE {} ATTACH PARTITION {name} {bound};\n",
            qualified(&parent.qualified())
        ));
    }
    for k in t
        .constraints
        .iter()
        .filter(|k| (k.local || k.cloned) && !k.index_options.is_empty())
    {
        if let Some(index) = &k.index {
            sql.push_str(&format!(
                "ALTER INDEX {} SET ({});\n",
                qualified(&QualifiedName::new(&t.name.schema, index)),
                options_list(&k.index_options, "").join(", ")
            ));
        }
    }
    match t.replica_identity.as_str() {
        "f" => sql.push_str(&format!("{alter} REPLICA IDENTITY FULL;\n")),
        "n" => sql.push_str(&format!("{alter} REPLICA IDENTITY NOTHING;\n")),
        _ => {}
    }
    if let Some(index) = &t.replica_constraint_index {
        sql.push_str(&format!(
            "{alter} REPLICA IDENTITY USING INDEX {};\n",
            ident(index)
        ));
    }
    if let Some(index) = &t.cluster_constraint_index {
        sql.push_str(&format!("{alter} CLUSTER ON {};\n", ident(index)));
    }
    if t.row_security {
        sql.push_str(&format!("{alter} ENABLE ROW LEVEL SECURITY;\n"));
    }
    if t.force_row_security {
        sql.push_str(&format!("{alter} FORCE ROW LEVEL SECURITY;\n"));
    }
    sql.push_str(&owner("TABLE", &name, &t.owner));
    sql.push_str(&comment("TABLE", &name, t.comment.as_deref()));
    for c in &t.columns {
        let target = format!("{name}.{}", ident(&c.name));
        sql.push_str(&comment("COLUMN", &target, c.comment.as_deref()));
    }
    for k in &t.constraints {
        if (k.local || k.cloned) && k.kind != "f" {
            let target = format!("{} ON {name}", ident(&k.name));
            sql.push_str(&comment("CONSTRAINT", &target, k.comment.as_deref()));
            if let Some(index) = &k.index {
                let index = qualified(&QualifiedName::new(&t.name.schema, index));
                sql.push_str(&comment("INDEX", &index, k.index_comment.as_deref()));
            }
        }
    }
    sql.push_str(&privileges("TABLE", &name, &t.acl));
    for seq in t
        .columns
        .iter()
        .filter_map(|c| c.identity_sequence.as_ref())
    {
        let seq_name = qualified(&QualifiedName::new(&seq.schema, &seq.name));
        sql.push_str(&comment("SEQUENCE", &seq_name, seq.comment.as_deref()));
        sql.push_str(&privileges("SEQUENCE", &seq_name, &seq.acl));
    }
    for c in &t.columns {
        sql.push_str(&column_privileges(&name, &c.name, &c.acl));
    }
    let mut provides = vec![CatalogRef::Relation(t.oid)];
    provides.extend(
        t.columns
            .iter()
            .filter_map(|c| c.identity_sequence.as_ref())
            .map(|s| CatalogRef::Relation(s.oid)),
    );
    let mut blocks = vec![Block {
        populate: None,
        file: file.clone(),
        phase: Phase::Create,
        provides,
        requires: t
            .parents
            .iter()
            .map(|p| CatalogRef::Relation(p.oid))
            .collect(),
        sql,
    }];
    // Foreign keys: after every table exists.
    for k in t.constraints.iter().filter(|k| k.kind == "f" && k.local) {
        let mut sql = format!(
            "{alter} ADD CONSTRAINT {} {};\n",
            ident(&k.name),
            k.definition
        );
        let target = format!("{} ON {name}", ident(&k.name));
        sql.push_str(&comment("CONSTRAINT", &target, k.comment.as_deref()));
        blocks.push(Block {
            populate: None,
            file: file.clone(),
            phase: Phase::Link,
            provides: vec![CatalogRef::Constraint(k.oid)],
            requires: vec![CatalogRef::Relation(t.oid)],
            sql,
        });
    }
    blocks
}

pub(crate) fn indexes(catalog: &Catalog) -> Vec<Block> {
    // Children of each table, to create a partitioned table's index only once all its
    // partitions exist (a partition created later would clone it on its own).
    let mut children: HashMap<Oid, Vec<Oid>> = HashMap::new();
    for t in &catalog.tables {
        for p in &t.parents {
            children.entry(p.oid).or_default().push(t.oid);
        }
    }
    let kinds: HashMap<Oid, &str> = catalog
        .tables
        .iter()
        .map(|t| (t.oid, t.kind.as_str()))
        .collect();
    catalog
        .indexes
        .iter()
        .map(|i| index_block(i, &children, &kinds))
        .collect()
}

fn index_block(i: &Index, children: &HashMap<Oid, Vec<Oid>>, kinds: &HashMap<Oid, &str>) -> Block {
    let name = qualified(&i.name);
    let table = qualified(&i.table);
    let mut sql = format!("{};\n", i.definition);
    let mut requires = vec![CatalogRef::Relation(i.table_oid)];
    if let Some((parent_oid, parent)) = &i.parent {
        sql.push_str(&format!(
            "ALTER INDEX {} ATTACH PARTITION {name};\n",
            qualified(parent)
        ));
        requires.push(CatalogRef::Relation(*parent_oid));
    }
    if kinds.get(&i.table_oid) == Some(&"p") {
        let mut stack = vec![i.table_oid];
        while let Some(t) = stack.pop() {
            for &c in children.get(&t).map(Vec::as_slice).unwrap_or_default() {
                requires.push(CatalogRef::Relation(c));
                stack.push(c);
            }
        }
    }
    if i.clustered {
        sql.push_str(&format!(
            "ALTER TABLE ONLY {table} CLUSTER ON {};\n",
            ident(&i.name.name)
        ));
    }
    if i.replica_identity {
        let only = if kinds.get(&i.table_oid) == Some(&"p") {
            ""
        } else {
            "ONLY "
        };
        sql.push_str(&format!(
            "ALTER TABLE {only}{table} REPLICA IDENTITY USING INDEX {};\n",
            ident(&i.name.name)
        ));
    }
    for (column, target) in &i.stattargets {
        sql.push_str(&format!(
            "ALTER INDEX {name} ALTER COLUMN {column} SET STATISTICS {target};\n"
        ));
    }
    sql.push_str(&comment("INDEX", &name, i.comment.as_deref()));
    Block {
        populate: None,
        file: FilePlace::in_schema(Dir::Indexes, &i.table),
        phase: Phase::Create,
        provides: vec![CatalogRef::Relation(i.oid)],
        requires,
        sql,
    }
}

/// `ALTER TABLE … ADD COLUMN …` with the column's options and comment: how `pull` captures
/// a column added to a declared table. Without ONLY, so children get it too, as the
/// original `ADD COLUMN` did.
pub fn add_column_sql(t: &Table, c: &Column, pg18: bool) -> String {
    let name = qualified(&t.name);
    let col = ident(&c.name);
    let mut def = format!("{col} {}", c.data_type);
    if let Some(coll) = &c.collation {
        def.push_str(&format!(" COLLATE {coll}"));
    }
    match (c.generated.as_str(), &c.default) {
        ("s", Some(expr)) => def.push_str(&format!(" GENERATED ALWAYS AS ({expr}) STORED")),
        ("v", Some(expr)) => def.push_str(&format!(" GENERATED ALWAYS AS ({expr}) VIRTUAL")),
        ("", Some(expr)) => def.push_str(&format!(" DEFAULT {expr}")),
        _ => {}
    }
    let not_null = t
        .constraints
        .iter()
        .find(|k| k.kind == "n" && k.local && k.column.as_deref() == Some(c.name.as_str()));
    match not_null {
        // One column added to a table that exists: no other table's names are in view.
        Some(k) if pg18 => {
            def.push_str(&SchemaConstraintNames::default().not_null(&t.name, &c.name, &k.name))
        }
        _ if c.not_null => def.push_str(" NOT NULL"),
        _ => {}
    }
    if let (false, Some(seq)) = (c.identity.is_empty(), &c.identity_sequence) {
        let kind = identity_kind(&c.identity);
        def.push_str(&format!(
            " GENERATED {kind} AS IDENTITY (SEQUENCE NAME {} {})",
            qualified(&QualifiedName::new(&seq.schema, &seq.name)),
            sequence_options(&seq.options)
        ));
    }
    let mut sql = format!("ALTER TABLE {name} ADD COLUMN {def};\n");
    if c.storage != c.type_storage {
        sql.push_str(&format!(
            "ALTER TABLE {name} ALTER COLUMN {col} SET STORAGE {};\n",
            storage_name(&c.storage)
        ));
    }
    if !c.compression.is_empty() {
        sql.push_str(&format!(
            "ALTER TABLE {name} ALTER COLUMN {col} SET COMPRESSION {};\n",
            compression_name(&c.compression)
        ));
    }
    if let Some(target) = c.stattarget {
        sql.push_str(&format!(
            "ALTER TABLE {name} ALTER COLUMN {col} SET STATISTICS {target};\n"
        ));
    }
    if !c.options.is_empty() {
        sql.push_str(&format!(
            "ALTER TABLE {name} ALTER COLUMN {col} SET ({});\n",
            options_list(&c.options, "").join(", ")
        ));
    }
    sql.push_str(&comment(
        "COLUMN",
        &format!("{name}.{col}"),
        c.comment.as_deref(),
    ));
    sql
}

/// `ALTER TABLE … ADD CONSTRAINT …` and its comment: how `pull` captures a constraint added
/// to a declared table (foreign keys have blocks of their own).
pub fn add_constraint_sql(t: &Table, k: &Constraint) -> String {
    let name = qualified(&t.name);
    let mut sql = format!(
        "ALTER TABLE {name} ADD CONSTRAINT {} {};\n",
        ident(&k.name),
        k.definition
    );
    let target = format!("{} ON {name}", ident(&k.name));
    sql.push_str(&comment("CONSTRAINT", &target, k.comment.as_deref()));
    if let Some(index) = &k.index {
        if !k.index_options.is_empty() {
            sql.push_str(&format!(
                "ALTER INDEX {} SET ({});\n",
                qualified(&QualifiedName::new(&t.name.schema, index)),
                options_list(&k.index_options, "").join(", ")
            ));
        }
        let index = qualified(&QualifiedName::new(&t.name.schema, index));
        sql.push_str(&comment("INDEX", &index, k.index_comment.as_deref()));
    }
    sql
}
