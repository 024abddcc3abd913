//! migrate: the statements that take a live database to the declared source.
//!
//! Plan, from the diff of the live catalog and the shadow one (see `diff`): objects only
//! declared get the blocks dump writes for them; objects only live are dropped (dependents
//! first); objects that differ are changed in place where PostgreSQL can (tables, views and
//! functions `CREATE OR REPLACE` when compatible, enum values, sequences, domains, comments,
//! owners, privileges), otherwise dropped and recreated together with what depends on them.
//! Statements come in three phases: drops (reverse dependency order of the live database),
//! creates and changes (dependency order of the source), dropped columns last.

pub mod locks;
pub mod loss;
mod objects;
mod simple;
pub use objects::privilege_fix;
pub mod tables;

use std::collections::{BTreeSet, HashMap};

use crate::diff::{label_fix, labels_differ, Model, Side};
use crate::emit::sql::privileges;
use crate::model::Acl;

/// One or more SQL statements; `hazard` says why they may lose data, `locks` what they hold
/// on busy tables (see [`locks`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub sql: String,
    pub hazard: Option<String>,
    pub locks: Vec<String>,
}

impl Statement {
    pub fn plain(sql: String) -> Statement {
        Statement {
            sql,
            hazard: None,
            locks: Vec::new(),
        }
    }
    pub fn hazard(sql: String, hazard: String) -> Statement {
        Statement {
            sql,
            hazard: Some(hazard),
            locks: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct PlanOptions {
    /// Create indexes on existing tables with `CREATE INDEX CONCURRENTLY`.
    pub concurrent_indexes: bool,
    /// Leave live objects the source does not declare (a hotfix not pulled yet) alone, unless
    /// the migration must recreate something they depend on.
    pub keep_undeclared: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Create,
    Drop,
    Recreate,
    Alter,
}

/// The statements, in the order they run.
pub fn plan(live: &Side, declared: &Side, options: PlanOptions) -> Vec<Statement> {
    let pg18 = declared.catalog.server_major() >= 18;
    let mut actions: HashMap<String, Action> = HashMap::new();
    let mut alters: HashMap<String, tables::TableAlter> = HashMap::new();
    let mut rebuild_dependents_of: Vec<String> = Vec::new();

    for (i, o) in declared.objects.iter().enumerate() {
        let exists = |side: &Side, k: usize| !side.sql(k).is_empty();
        let labels_only = |j: usize| tables::TableAlter {
            statements: label_fix(live, j, declared, i)
                .into_iter()
                .map(Statement::plain)
                .collect(),
            ..tables::TableAlter::default()
        };
        match live.find(&o.key).filter(|&j| exists(live, j)) {
            None if exists(declared, i) => {
                actions.insert(o.key.clone(), Action::Create);
            }
            // An object that emits nothing but its labels (`public` as initdb made it).
            None => {
                if let Some(j) = live.find(&o.key) {
                    if labels_differ(live, j, declared, i) {
                        actions.insert(o.key.clone(), Action::Alter);
                        alters.insert(o.key.clone(), labels_only(j));
                    }
                }
            }
            Some(j) if live.sql(j) == declared.sql(i) => {
                if labels_differ(live, j, declared, i) {
                    actions.insert(o.key.clone(), Action::Alter);
                    alters.insert(o.key.clone(), labels_only(j));
                }
            }
            Some(j) => {
                let change = objects::change(live, j, declared, i, pg18);
                match change {
                    Some(mut alter) => {
                        alter.statements.extend(labels_only(j).statements);
                        if alter.rebuild_dependents {
                            rebuild_dependents_of.push(o.key.clone());
                        }
                        actions.insert(o.key.clone(), Action::Alter);
                        alters.insert(o.key.clone(), alter);
                    }
                    None => {
                        actions.insert(o.key.clone(), Action::Recreate);
                    }
                }
            }
        }
    }
    for (j, o) in live.objects.iter().enumerate() {
        let declared_exists = declared
            .find(&o.key)
            .is_some_and(|i| !declared.sql(i).is_empty());
        if !declared_exists && !live.sql(j).is_empty() {
            actions.insert(o.key.clone(), Action::Drop);
        }
    }
    // What verify lists as undeclared: never dropped without a hazard naming it.
    let undeclared: BTreeSet<String> = actions
        .iter()
        .filter(|(_, a)| **a == Action::Drop)
        .map(|(k, _)| k.clone())
        .collect();
    if options.keep_undeclared {
        actions.retain(|_, a| *a != Action::Drop);
    }
    close_over_dependents(live, declared, &mut actions, &rebuild_dependents_of);

    let mut out = Vec::new();
    // Phase 1: drops, dependents first.
    let dropped: BTreeSet<String> = actions
        .iter()
        .filter(|(_, a)| matches!(a, Action::Drop | Action::Recreate))
        .map(|(k, _)| k.clone())
        .collect();
    let mut seen = BTreeSet::new();
    for o in live.block_object.iter().rev().flatten() {
        let obj = &live.objects[*o];
        if !dropped.contains(&obj.key) || !seen.insert(obj.key.clone()) {
            continue;
        }
        if objects::dropped_with_owner(obj, &dropped) {
            continue;
        }
        if let Some(mut s) = objects::drop(obj, options) {
            if undeclared.contains(&obj.key) {
                s.hazard = Some(undeclared_hazard(&obj.key, s.hazard, options));
            }
            out.push(s);
        }
    }
    // Live objects with no block of their own cannot be dropped: none are modeled that way.

    // Phase 2: creates and changes, in the source's dependency order.
    let mut deferred = Vec::new();
    let mut done = BTreeSet::new();
    // Materialized views created here are filled once everything else exists, before the
    // event triggers and default privileges (as a dump loads).
    let mut refreshes: Vec<Statement> = Vec::new();
    let mut refreshed = false;
    for (b, o) in declared.blocks.iter().zip(&declared.block_object) {
        let Some(i) = o else { continue };
        if crate::emit::is_tail(b.file.dir) && !refreshed {
            out.append(&mut refreshes);
            refreshed = true;
        }
        let obj = &declared.objects[*i];
        match actions.get(&obj.key) {
            Some(Action::Create) | Some(Action::Recreate) => {
                let table_is_live = objects::table_stays(obj, &actions, live);
                let sql = match &b.populate {
                    Some(p) => {
                        refreshes.push(Statement::plain(p.refresh.clone()));
                        &p.unfilled_sql
                    }
                    None => &b.sql,
                };
                out.push(objects::create_block(obj, sql, table_is_live, options));
            }
            Some(Action::Alter) if done.insert(obj.key.clone()) => {
                if let Some(alter) = alters.remove(&obj.key) {
                    if alter
                        .statements
                        .iter()
                        .chain(&alter.deferred)
                        .all(|s| s.sql.trim().is_empty())
                    {
                        out.push(unmigrated_note(live, obj));
                    }
                    out.extend(alter.statements);
                    deferred.extend(alter.deferred);
                }
            }
            _ => {}
        }
    }
    out.extend(deferred);
    out.append(&mut refreshes);
    out.retain(|s| !s.sql.trim().is_empty());
    out
}

/// A comment (not a statement) for a difference no statement can make, such as the order of
/// a table's columns: the migration says so rather than pretending the databases agree.
fn unmigrated_note(live: &Side, obj: &crate::diff::Object) -> Statement {
    let what: Vec<String> = live
        .find(&obj.key)
        .map(|j| crate::diff::properties::diff(&live.objects[j].value(), &obj.value()))
        .unwrap_or_default()
        .into_iter()
        .map(|p| {
            format!(
                "{} {} → {}",
                p.property,
                p.live.unwrap_or_default(),
                p.declared.unwrap_or_default()
            )
        })
        .collect();
    Statement::plain(format!(
        "-- pg-flux: not migrated: {} differs in what no statement can change ({})\n",
        obj.key,
        what.join("; ")
    ))
}

/// Objects depending on something dropped or recreated are dropped first and recreated after
/// (when declared), transitively. Tables are only recreated with their parent (partitions).
fn close_over_dependents(
    live: &Side,
    declared: &Side,
    actions: &mut HashMap<String, Action>,
    rebuild_dependents_of: &[String],
) {
    let mut dependents: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut edge = |from: Option<usize>, to: Option<usize>| {
        if let (Some(a), Some(b)) = (from, to) {
            if a != b {
                dependents.entry(a).or_default().push(b);
            }
        }
    };
    for d in &live.catalog.dependencies {
        edge(live.object_of(&d.referenced), live.object_of(&d.dependent));
    }
    for (b, o) in live.blocks.iter().zip(&live.block_object) {
        for r in &b.requires {
            edge(live.object_of(r), *o);
        }
    }
    let mut stack: Vec<(usize, bool)> = Vec::new();
    for (j, o) in live.objects.iter().enumerate() {
        if matches!(
            actions.get(&o.key),
            Some(Action::Drop) | Some(Action::Recreate)
        ) {
            stack.push((j, false));
        }
        if rebuild_dependents_of.contains(&o.key) {
            stack.push((j, true));
        }
    }
    let mut visited = BTreeSet::new();
    while let Some((j, only_views)) = stack.pop() {
        if !visited.insert((j, only_views)) {
            continue;
        }
        for &k in dependents.get(&j).map(Vec::as_slice).unwrap_or_default() {
            let dep = &live.objects[k];
            let parent = &live.objects[j];
            let allowed = match dep.model {
                Model::Table(t) => {
                    !only_views
                        && t.parents.iter().any(|p| {
                            parent.key
                                == format!("table {}", crate::emit::sql::qualified(&p.qualified()))
                        })
                }
                Model::View(_) | Model::Rule(_) | Model::Policy(_) => true,
                Model::Index(_)
                | Model::Trigger(_)
                | Model::ForeignKey(..)
                | Model::Statistics(_) => !only_views,
                Model::Function(_) => !only_views,
                _ => false,
            };
            if !allowed {
                continue;
            }
            let declared_exists = declared
                .find(&dep.key)
                .is_some_and(|i| !declared.sql(i).is_empty());
            let action = if declared_exists {
                Action::Recreate
            } else {
                Action::Drop
            };
            let before = actions.insert(dep.key.clone(), action);
            if before != Some(action) || !visited.contains(&(k, false)) {
                stack.push((k, false));
            }
        }
    }
}

/// The hazard of dropping a live object the source does not declare.
fn undeclared_hazard(key: &str, hazard: Option<String>, options: PlanOptions) -> String {
    let why = if options.keep_undeclared {
        "dropped because this migration recreates an object it depends on"
    } else {
        "run `pg-flux pull` to keep it, or generate with --keep-undeclared to leave it alone"
    };
    let also = hazard.map(|h| format!("; {h}")).unwrap_or_default();
    format!("undeclared live object {key} is not in the source: {why}{also}")
}

/// Statements that take an object's privileges from `acl` back to its kind's default.
pub fn undo_acl(kind: &str, target: &str, acl: &Acl) -> String {
    privileges(kind, target, &inverse(acl))
}

pub fn inverse(acl: &Acl) -> Acl {
    Acl {
        // Newest first: a privilege passed on by a grantee goes before the grantee's own
        // (revoking that first would fail with "dependent privileges exist").
        revokes: acl
            .grants
            .iter()
            .rev()
            .cloned()
            .map(|mut g| {
                g.grantable = false;
                g
            })
            .collect(),
        grants: acl.revokes.clone(),
    }
}

/// The hazard of a statement that revokes live grants (grantee and privilege) the declared
/// privileges do not give: what verify lists as undeclared, as a hotfix `GRANT` not pulled.
pub(crate) fn undeclared_grants_hazard(target: &str, live: &Acl, declared: &Acl) -> Option<String> {
    let lost: Vec<String> = live
        .grants
        .iter()
        .filter(|g| {
            !declared
                .grants
                .iter()
                .any(|d| d.grantee == g.grantee && d.privilege == g.privilege)
        })
        .map(|g| {
            format!(
                "{} to {}",
                g.privilege,
                g.grantee.as_deref().unwrap_or("PUBLIC")
            )
        })
        .collect();
    if lost.is_empty() {
        return None;
    }
    Some(format!(
        "revokes undeclared live grants on {target} ({}): run `pg-flux pull` to keep them, or \
         generate with --keep-undeclared to leave them alone",
        lost.join(", ")
    ))
}

/// Why the migration cannot run in one transaction: the first statement that PostgreSQL
/// refuses inside a transaction block (`CREATE`/`DROP INDEX CONCURRENTLY`), or an enum value
/// added and then used (a new value cannot be used before its transaction commits).
pub fn transaction_blocker(statements: &[Statement]) -> Option<String> {
    let first_line = |sql: &str| sql.lines().next().unwrap_or_default().trim().to_string();
    for (i, s) in statements.iter().enumerate() {
        if s.sql.contains("INDEX CONCURRENTLY ") {
            return Some(format!(
                "`{}` cannot run inside a transaction block",
                first_line(&s.sql)
            ));
        }
        for line in s.sql.lines().filter(|l| l.starts_with("ALTER TYPE ")) {
            let Some((_, added)) = line.split_once(" ADD VALUE ") else {
                continue;
            };
            let label = added.split(" BEFORE ").next().unwrap_or(added);
            let label = label.split(" AFTER ").next().unwrap_or(label);
            let label = label.trim_end_matches(';').trim();
            if statements[i + 1..]
                .iter()
                .any(|later| later.sql.contains(label))
            {
                return Some(format!(
                    "`{line}` adds an enum value a later statement uses, which it cannot \
                     before the addition commits"
                ));
            }
        }
    }
    None
}

/// The migration file's text: a header, then every statement with its hazard comment, in one
/// transaction unless [`transaction_blocker`] says why not.
pub fn render(statements: &[Statement], header: &str) -> String {
    let mut text = String::new();
    for line in header.lines() {
        text.push_str(&format!("-- {line}\n"));
    }
    if statements.is_empty() {
        text.push_str("-- No differences: the live database matches the declared source.\n");
        return text;
    }
    let blocker = transaction_blocker(statements);
    match &blocker {
        None => text.push_str(
            "-- Runs in one transaction: if any statement fails, the database is left as it was.\n\nBEGIN;\n",
        ),
        Some(why) => text.push_str(&format!(
            "-- Does not run in one transaction: {why}. A statement that fails leaves the \
             ones before it applied.\n"
        )),
    }
    let creates_routines = |sql: &str| {
        ["FUNCTION", "PROCEDURE"].iter().any(|kind| {
            sql.contains(&format!("CREATE {kind}"))
                || sql.contains(&format!("CREATE OR REPLACE {kind}"))
        })
    };
    if statements.iter().any(|s| creates_routines(&s.sql)) {
        // Function bodies may name objects created further down, as in a dump.
        text.push('\n');
        text.push_str(crate::layout::CHECK_FUNCTION_BODIES_OFF);
        text.push('\n');
    }
    for s in statements {
        text.push('\n');
        for h in s.hazard.iter().chain(&s.locks) {
            text.push_str(&format!("-- hazard: {h}\n"));
        }
        text.push_str(&s.sql);
    }
    if blocker.is_none() {
        text.push_str("\nCOMMIT;\n");
    }
    text
}

/// How many SQL statements in `text` change the database (session settings are not counted).
pub fn count_statements(text: &str) -> usize {
    pg_query::split_with_parser(text)
        .map(|pieces| {
            pieces
                .iter()
                .filter_map(|p| {
                    p.lines()
                        .map(str::trim)
                        .find(|l| !l.is_empty() && !l.starts_with("--"))
                })
                // Session settings (`SET check_function_bodies`, a grantor's `SET SESSION
                // AUTHORIZATION` and its `RESET`) and the transaction around it all change
                // nothing in the database.
                .filter(|first| {
                    let word = first.split_whitespace().next().unwrap_or_default();
                    let word = word.trim_end_matches(';');
                    !["SET", "RESET", "BEGIN", "COMMIT"]
                        .iter()
                        .any(|w| word.eq_ignore_ascii_case(w))
                })
                .count()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_settings_are_not_counted_as_changes() {
        let text = "-- header\nSET check_function_bodies = false;\n\
                    SET SESSION AUTHORIZATION lead;\nREVOKE SELECT ON TABLE t FROM analyst;\n\
                    RESET SESSION AUTHORIZATION;\nALTER TABLE t SET (fillfactor = 70);\n";
        assert_eq!(count_statements(text), 2);
        let wrapped = render(
            &[Statement::plain("CREATE TABLE t (id integer);\n".into())],
            "header",
        );
        assert!(wrapped.contains("\nBEGIN;\n") && wrapped.ends_with("COMMIT;\n"));
        assert_eq!(count_statements(&wrapped), 1);
    }

    #[test]
    fn only_what_a_transaction_refuses_keeps_a_migration_out_of_one() {
        let plain = |sql: &str| Statement::plain(format!("{sql}\n"));
        let added = plain("ALTER TYPE public.mood ADD VALUE 'idle' AFTER 'busy';");
        // A value added and not used, or used before it is added: one transaction is fine.
        assert_eq!(transaction_blocker(std::slice::from_ref(&added)), None);
        let user = plain("CREATE TABLE public.m (mood public.mood DEFAULT 'idle'::public.mood);");
        assert_eq!(transaction_blocker(&[user.clone(), added.clone()]), None);
        assert!(
            transaction_blocker(&[added, user]).is_some_and(
                |why| why.contains("ADD VALUE 'idle'") && why.contains("later statement")
            )
        );
        let concurrent = plain("CREATE INDEX CONCURRENTLY i ON public.t USING btree (a);");
        assert!(transaction_blocker(&[concurrent])
            .is_some_and(|why| why.contains("cannot run inside a transaction block")));
    }
}
