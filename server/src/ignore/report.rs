//! What is said about the rules: declarations they take, rules that took nothing, and how
//! much each one hid.

use std::collections::HashSet;

use super::rules::{IgnoreRules, Rule};
use super::select::RuleCount;
use crate::identity::Identity;
use crate::source::{Declaration, Problem, SourceModel};

/// A warning for every declaration the rules take (pg-flux leaves those objects alone, so the
/// declaration has no effect), at the declaration's file:line:column.
pub fn declared_problems(source: &SourceModel, rules: &IgnoreRules) -> Vec<Problem> {
    source
        .files
        .values()
        .flat_map(|file| ignored_declarations(&file.declarations, rules))
        .map(|(d, message)| Problem {
            span: d.span.clone(),
            message,
        })
        .collect()
}

/// The declarations of one file that the rules take, with the warning for each. A statement
/// creating an ignored object is one warning, not one more per column and constraint.
pub fn ignored_declarations<'a>(
    declarations: &'a [Declaration],
    rules: &IgnoreRules,
) -> Vec<(&'a Declaration, String)> {
    if rules.is_empty() {
        return Vec::new();
    }
    let taken: Vec<(&Declaration, &Rule)> = declarations
        .iter()
        .filter_map(|d| Some((d, rules.rules().get(rules.rule_for_declared(&d.identity)?)?)))
        .collect();
    let is_part = |d: &Declaration| d.identity.table.is_some() || d.identity.grant_of().is_some();
    let whole: HashSet<usize> = taken
        .iter()
        .filter(|(d, _)| !is_part(d))
        .map(|(d, _)| d.span.start)
        .collect();
    taken
        .into_iter()
        .filter(|(d, _)| !(is_part(d) && whole.contains(&d.span.start)))
        .map(|(d, rule)| (d, declared_message(&d.identity, rule)))
        .collect()
}

/// The warning for a declaration the rules take.
pub fn declared_message(identity: &Identity, rule: &Rule) -> String {
    format!(
        "{} {identity} is ignored by [ignore] rule {} in pg-flux.toml; pg-flux leaves it alone",
        identity.kind.singular(),
        rule.describe()
    )
}

/// One line per rule that took nothing (`ignored`: a catalog's counts).
pub fn unused_rule_warnings(ignored: &[RuleCount]) -> Vec<String> {
    ignored
        .iter()
        .filter(|c| c.count == 0 && c.in_scope)
        .map(|c| {
            format!(
                "[ignore] rule {} in pg-flux.toml matches no live object",
                c.rule
            )
        })
        .collect()
}

/// `N live object(s) ignored: 12 by schemas "auth", 3 by "public.legacy_*"`, or nothing when
/// the inspection had no rules.
pub fn summary(ignored: &[RuleCount]) -> Option<String> {
    if ignored.is_empty() {
        return None;
    }
    let total: usize = ignored.iter().map(|c| c.count).sum();
    let by: Vec<String> = ignored
        .iter()
        .map(|c| format!("{} by {}", c.count, c.rule))
        .collect();
    Some(format!("{total} live object(s) ignored: {}", by.join(", ")))
}
