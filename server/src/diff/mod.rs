//! diff: two catalogs compared object by object and property by property. The result is data
//! (a list of [`Change`]s): `migrate generate` plans statements from it, `verify --drift`
//! prints it, and the language server can turn it into diagnostics.
//!
//! Whether an object differs is decided on the SQL dump would write for it (the canonical form
//! the round-trip tests prove), so a database and its own dumped source never differ; the
//! property diff then says what differs.

pub mod objects;
pub mod properties;

use std::collections::HashMap;
use std::fmt;

use crate::emit::{self, sql::ident, Block, Phase};
use crate::model::{Catalog, CatalogRef, SecurityLabel};
pub use objects::{Model, Object};

/// One side of a comparison: a catalog's objects and its emitted blocks, grouped by object.
pub struct Side<'a> {
    pub catalog: &'a Catalog,
    pub objects: Vec<Object<'a>>,
    /// Dump's blocks, in dependency order.
    pub blocks: Vec<Block>,
    /// The object each block belongs to (index into `objects`), when it belongs to one.
    pub block_object: Vec<Option<usize>>,
    by_key: HashMap<String, usize>,
    by_ref: HashMap<CatalogRef, usize>,
    /// Each object's blocks' SQL, concatenated in order (its security labels apart).
    sql: Vec<String>,
    /// Each object's security labels, in the catalog's order.
    labels: Vec<Vec<&'a SecurityLabel>>,
}

impl<'a> Side<'a> {
    pub fn new(catalog: &'a Catalog) -> Side<'a> {
        let objects = objects::objects(catalog);
        let refs = objects::ref_index(&objects);
        let blocks = emit::emit(catalog);
        let mut sql = vec![String::new(); objects.len()];
        let block_object = objects::block_objects(&blocks, &refs);
        for (b, o) in blocks.iter().zip(&block_object) {
            if let (Some(o), false) = (o, b.phase == Phase::Label) {
                sql[*o].push_str(&b.sql);
            }
        }
        let mut labels = vec![Vec::new(); objects.len()];
        for label in &catalog.security_labels {
            if let Some(&o) = refs.get(&label.object) {
                labels[o].push(label);
            }
        }
        let by_key = objects
            .iter()
            .enumerate()
            .map(|(i, o)| (o.key.clone(), i))
            .collect();
        Side {
            catalog,
            objects,
            blocks,
            block_object,
            by_key,
            by_ref: refs,
            sql,
            labels,
        }
    }

    /// Both sides of a comparison, built at once (emitting a large catalog takes a while).
    pub fn pair(live: &'a Catalog, declared: &'a Catalog) -> (Side<'a>, Side<'a>) {
        std::thread::scope(|threads| {
            let live = threads.spawn(|| Side::new(live));
            let declared = Side::new(declared);
            // A panic in the other thread is a bug: carry it on here.
            let live = live
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (live, declared)
        })
    }

    pub fn find(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// The SQL dump writes for object `i`.
    pub fn sql(&self, i: usize) -> &str {
        &self.sql[i]
    }

    /// Object `i`'s security labels.
    pub fn labels(&self, i: usize) -> &[&'a SecurityLabel] {
        &self.labels[i]
    }

    /// The object a catalog ref belongs to.
    pub fn object_of(&self, r: &CatalogRef) -> Option<usize> {
        self.by_ref.get(r).copied()
    }
}

/// What differs about one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// Live, not declared.
    OnlyLive,
    /// Declared, not live.
    OnlyDeclared,
    /// A property (of the object, or of one of its columns, constraints, attributes).
    Property {
        sub: Option<(String, String)>,
        property: String,
        live: Option<String>,
        declared: Option<String>,
    },
    /// The privileges (of the object or its columns) differ: the GRANT and REVOKE statements
    /// that give the live object the declared privileges.
    Privileges { fix: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// `table`, `view`, `function`, …
    pub kind: &'static str,
    /// As SQL names it (`ledger.account`, `public.f(integer)`).
    pub object: String,
    pub difference: Difference,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_string());
        match &self.difference {
            Difference::OnlyLive => write!(f, "{} {}: live, not declared", self.kind, self.object),
            Difference::OnlyDeclared => write!(
                f,
                "{} {}: declared, missing from the live database",
                self.kind, self.object
            ),
            Difference::Property {
                sub,
                property,
                live,
                declared,
            } => {
                match sub {
                    Some((kind, name)) => write!(f, "{kind} {}.{}", self.object, ident(name))?,
                    None => write!(f, "{} {}", self.kind, self.object)?,
                }
                write!(f, ": {property} {} → {}", show(live), show(declared))
            }
            Difference::Privileges { fix } => {
                let statements: Vec<&str> = fix.iter().flat_map(|s| s.lines()).collect();
                write!(
                    f,
                    "{} {}: privileges differ; to match the source: {}",
                    self.kind,
                    self.object,
                    statements.join(" ")
                )
            }
        }
    }
}

/// Every difference between `live` and `declared`, in the declared side's order (then what is
/// only live).
pub fn diff(live: &Catalog, declared: &Catalog) -> Vec<Change> {
    let (live, declared) = Side::pair(live, declared);
    changes(&live, &declared)
}

/// Whether object `i` of `declared` differs from its live counterpart `j`.
pub fn differs(live: &Side, j: usize, declared: &Side, i: usize) -> bool {
    live.sql(j) != declared.sql(i) || labels_differ(live, j, declared, i)
}

/// Whether the security labels of object `i` of `declared` and of live object `j` differ.
pub fn labels_differ(live: &Side, j: usize, declared: &Side, i: usize) -> bool {
    label_map(live.labels(j)) != label_map(declared.labels(i))
}

/// Labels by (column, provider), which identify one.
fn label_map<'a>(
    labels: &[&'a SecurityLabel],
) -> std::collections::BTreeMap<(Option<&'a str>, &'a str), &'a SecurityLabel> {
    labels
        .iter()
        .map(|l| ((l.column.as_deref(), l.provider.as_str()), *l))
        .collect()
}

/// The statements that give live object `j` the labels of declared object `i`: `IS NULL` for
/// a label the source does not have, the declared label for one that is new or differs.
pub fn label_fix(live: &Side, j: usize, declared: &Side, i: usize) -> Vec<String> {
    let (old, new) = (label_map(live.labels(j)), label_map(declared.labels(i)));
    let mut out = Vec::new();
    for (key, l) in &old {
        if !new.contains_key(key) {
            out.push(format!(
                "SECURITY LABEL FOR {} ON {} IS NULL;\n",
                ident(&l.provider),
                l.target
            ));
        }
    }
    for (key, l) in &new {
        if old.get(key).map(|o| &o.label) != Some(&l.label) {
            out.push(emit::label_sql(l));
        }
    }
    out
}

/// The label differences of one object, as properties (`security label <provider>`).
fn label_changes(
    live: &Side,
    j: usize,
    declared: &Side,
    i: usize,
) -> Vec<properties::PropertyDiff> {
    let (old, new) = (label_map(live.labels(j)), label_map(declared.labels(i)));
    let keys: std::collections::BTreeSet<_> = old.keys().chain(new.keys()).copied().collect();
    keys.into_iter()
        .filter_map(|key @ (column, provider)| {
            let live = old.get(&key).map(|l| l.label.clone());
            let declared = new.get(&key).map(|l| l.label.clone());
            (live != declared).then(|| properties::PropertyDiff {
                sub: column.map(|c| ("column".to_string(), c.to_string())),
                property: format!("security label {provider}"),
                live,
                declared,
            })
        })
        .collect()
}

pub fn changes(live: &Side, declared: &Side) -> Vec<Change> {
    located_changes(live, declared)
        .into_iter()
        .map(|(_, change)| change)
        .collect()
}

/// As [`changes`], each with the index of its object in `declared` (`None` for what is only
/// live), so that a change can be traced to the source that declares the object.
pub fn located_changes(live: &Side, declared: &Side) -> Vec<(Option<usize>, Change)> {
    let mut out = Vec::new();
    for (i, o) in declared.objects.iter().enumerate() {
        let Some(j) = live.find(&o.key) else {
            if !declared.sql(i).is_empty() {
                out.push((
                    Some(i),
                    Change {
                        kind: o.kind,
                        object: o.name.clone(),
                        difference: Difference::OnlyDeclared,
                    },
                ));
            }
            continue;
        };
        if !differs(live, j, declared, i) {
            continue;
        }
        let labels = label_changes(live, j, declared, i);
        if live.sql(j) == declared.sql(i) {
            for p in labels {
                out.push((Some(i), property_change(o, p)));
            }
            continue;
        }
        let mut props = properties::diff(&live.objects[j].value(), &o.value());
        if let (Model::Simple(a), Model::Simple(b)) = (live.objects[j].model, o.model) {
            // Its statements, compared as text: a reviewer reads them as a diff.
            props.retain(|p| {
                p.sub.is_some() || !["create", "settings"].contains(&p.property.as_str())
            });
            let (a, b) = (
                crate::emit::simple_definition_sql(a),
                crate::emit::simple_definition_sql(b),
            );
            if a != b {
                props.push(properties::PropertyDiff {
                    sub: None,
                    property: "definition".into(),
                    live: Some(a.trim_end().to_string()),
                    declared: Some(b.trim_end().to_string()),
                });
            }
        }
        if props.is_empty() {
            // The models agree but dump's SQL does not: the SQL is what differs.
            props.push(properties::PropertyDiff {
                sub: None,
                property: "definition".into(),
                live: Some(live.sql(j).trim_end().to_string()),
                declared: Some(declared.sql(i).trim_end().to_string()),
            });
        }
        for p in props.into_iter().chain(labels) {
            out.push((Some(i), property_change(o, p)));
        }
    }
    for (j, o) in live.objects.iter().enumerate() {
        if declared.find(&o.key).is_none() && !live.sql(j).is_empty() {
            out.push((
                None,
                Change {
                    kind: o.kind,
                    object: o.name.clone(),
                    difference: Difference::OnlyLive,
                },
            ));
        }
    }
    out
}

fn property_change(o: &Object, p: properties::PropertyDiff) -> Change {
    Change {
        kind: o.kind,
        object: o.name.clone(),
        difference: Difference::Property {
            sub: p.sub,
            property: p.property,
            live: p.live,
            declared: p.declared,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_names_object_property_and_both_values() {
        let change = Change {
            kind: "table",
            object: "ledger.account".into(),
            difference: Difference::Property {
                sub: Some(("column".into(), "name".into())),
                property: "type".into(),
                live: Some("text".into()),
                declared: Some("character varying(80)".into()),
            },
        };
        assert_eq!(
            change.to_string(),
            "column ledger.account.name: type text → character varying(80)"
        );
    }
}
