//! What the rules take out of a catalog: whole objects by identity, then what the inventory
//! does not tie to them (indexes, triggers, owned sequences, …), counted per rule.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use super::rules::{glob, IgnoreRules};
use crate::inspect::Scope;
use crate::inventory::{inventory, Render};
use crate::model::{Catalog, CatalogRef};

/// What the rules take out of one catalog.
struct Selection {
    /// Every ignored object's refs, with the rule that took it.
    refs: HashMap<CatalogRef, usize>,
    /// Per `catalog.unmodeled`.
    unmodeled: Vec<Option<usize>>,
    /// Per rule: how many objects verify would otherwise have listed.
    counts: Vec<usize>,
}

fn select(catalog: &Catalog, rules: &IgnoreRules) -> Selection {
    let objects = inventory(catalog);
    let mut refs: HashMap<CatalogRef, usize> = HashMap::new();
    let mut taken: Vec<Option<usize>> = vec![None; objects.len()];
    // Parents come before their parts: a part is taken by its parent's rule.
    for (i, o) in objects.iter().enumerate() {
        let inherited = o.parent.and_then(|p| taken.get(p).copied().flatten());
        taken[i] = inherited.or_else(|| rules.rule_for(&o.identity));
        if let (Some(rule), Render::Blocks(blocks)) = (taken[i], &o.render) {
            for r in blocks {
                refs.entry(*r).or_insert(rule);
            }
        }
    }
    let mut counts = vec![0; rules.rules().len()];
    take_dependents(catalog, rules, &mut refs, &mut counts);
    // Counted as verify lists objects: a part with its object, not on its own.
    let mut rule_of: Vec<Option<usize>> = vec![None; objects.len()];
    for (i, o) in objects.iter().enumerate() {
        rule_of[i] = match &o.render {
            Render::Blocks(blocks) => blocks.iter().find_map(|r| refs.get(r).copied()),
            _ => o.parent.and_then(|p| rule_of.get(p).copied().flatten()),
        };
        let parent_taken = o
            .parent
            .is_some_and(|p| rule_of.get(p).is_some_and(Option::is_some));
        if let Some(rule) = rule_of[i] {
            if o.required && !parent_taken {
                counts[rule] += 1;
            }
        }
    }
    let unmodeled: Vec<Option<usize>> = catalog
        .unmodeled
        .iter()
        .map(|u| rules.unmodeled_rule(u))
        .collect();
    for rule in unmodeled.iter().flatten() {
        counts[*rule] += 1;
    }
    Selection {
        refs,
        unmodeled,
        counts,
    }
}

/// What the inventory does not tie to an owner: extensions and default privileges in an
/// ignored schema, and the indexes, triggers, policies, rules, statistics and owned sequences
/// of an ignored relation.
fn take_dependents(
    catalog: &Catalog,
    rules: &IgnoreRules,
    refs: &mut HashMap<CatalogRef, usize>,
    counts: &mut [usize],
) {
    for e in &catalog.extensions {
        if let Some(rule) = rules.schema_rule(&e.schema) {
            refs.entry(CatalogRef::Extension(e.oid)).or_insert(rule);
        }
    }
    for d in &catalog.default_privileges {
        let Some((_, schema)) = &d.schema else {
            continue;
        };
        if let Some(rule) = rules.schema_rule(schema) {
            refs.entry(CatalogRef::DefaultPrivileges(d.oid))
                .or_insert(rule);
            // One listed object per entry, as the inventory has them.
            counts[rule] += d.acl.grants.len() + d.acl.revokes.len();
        }
    }
    let relation = |oid| refs.get(&CatalogRef::Relation(oid)).copied();
    let by_name: HashMap<_, usize> = catalog
        .tables
        .iter()
        .map(|t| (&t.name, t.oid))
        .chain(catalog.views.iter().map(|v| (&v.name, v.oid)))
        .chain(catalog.foreign_tables.iter().map(|t| (&t.name, t.oid)))
        .filter_map(|(name, oid)| Some((name, relation(oid)?)))
        .collect();
    let mut more: Vec<(CatalogRef, usize)> = Vec::new();
    for i in &catalog.indexes {
        more.extend(relation(i.table_oid).map(|r| (CatalogRef::Relation(i.oid), r)));
    }
    for t in &catalog.triggers {
        more.extend(
            by_name
                .get(&t.table)
                .map(|r| (CatalogRef::Trigger(t.oid), *r)),
        );
    }
    for p in &catalog.policies {
        more.extend(relation(p.table_oid).map(|r| (CatalogRef::Policy(p.oid), r)));
    }
    for r in &catalog.rules {
        more.extend(relation(r.relation_oid).map(|rule| (CatalogRef::Rule(r.oid), rule)));
    }
    for s in &catalog.statistics {
        more.extend(relation(s.table_oid).map(|r| (CatalogRef::Statistics(s.oid), r)));
    }
    for s in &catalog.sequences {
        if let Some((table, _, _)) = &s.owned_by {
            more.extend(relation(*table).map(|r| (CatalogRef::Relation(s.oid), r)));
        }
    }
    for (r, rule) in more {
        refs.entry(r).or_insert(rule);
    }
}

/// Removes every object the rules of `scope` take from `catalog` (with their parts and the
/// dependencies on them) and records in `catalog.ignored` how many each rule took.
pub fn apply(catalog: &mut Catalog, scope: &Scope) {
    let rules = &scope.ignore;
    if rules.is_empty() {
        return;
    }
    let selection = select(catalog, rules);
    catalog.retain_objects(|r| !selection.refs.contains_key(&r));
    let mut taken = selection.unmodeled.iter();
    catalog
        .unmodeled
        .retain(|_| taken.next().is_none_or(Option::is_none));
    catalog.ignored = rules
        .rules()
        .iter()
        .zip(selection.counts)
        .map(|(rule, count)| RuleCount {
            rule: rule.describe(),
            count,
            // `schemas = ["auth"]` has nothing to take when only `public` is read.
            in_scope: !rule.schema
                || scope
                    .schemas
                    .as_ref()
                    .is_none_or(|read| read.iter().any(|s| glob(&rule.pattern, s))),
        })
        .collect();
}

/// The objects the rules take from `catalog`, and nothing else: what the shadow database is
/// given so that source referring to them loads.
pub fn ignored_part(catalog: &Catalog, rules: &IgnoreRules) -> Catalog {
    if rules.is_empty() {
        return Catalog {
            server_version_num: catalog.server_version_num,
            ..Catalog::default()
        };
    }
    let selection = select(catalog, rules);
    let mut part = catalog.clone();
    part.retain_objects(|r| selection.refs.contains_key(&r));
    part.unmodeled.clear();
    part
}

/// How many objects one rule took out of a catalog.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct RuleCount {
    /// As reports name the rule: `schemas "auth"`, `"public.legacy_*"`.
    pub rule: String,
    pub count: usize,
    /// False for a schema rule naming none of the schemas read (`--schemas`).
    pub in_scope: bool,
}
