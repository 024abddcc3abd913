//! Simple objects ([`SimpleObject`]) in a plan: changed in place when their `CREATE` is the
//! same and PostgreSQL can change each setting that differs; else dropped and recreated.

use super::Statement;
use crate::emit::sql::literal;
use crate::emit::{
    simple_attributes_sql, simple_target, subscription_secret_note, SUBSCRIPTION_OPTIONS,
};
use crate::model::{SimpleKind, SimpleObject};

/// The statements taking live `a` to declared `b` in place (after the generic resets of
/// privileges and comment), or `None`: recreate.
pub(super) fn change(a: &SimpleObject, b: &SimpleObject) -> Option<Vec<String>> {
    // A subscription's `create` is made of its settings alone: they decide.
    if a.kind != b.kind || (a.create != b.create && b.kind != SimpleKind::Subscription) {
        return None;
    }
    let value = |o: &SimpleObject, key: &str| {
        o.settings
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    };
    let mut keys: Vec<&str> = b.settings.iter().map(|(k, _)| k.as_str()).collect();
    for (k, _) in &a.settings {
        if !keys.contains(&k.as_str()) {
            keys.push(k);
        }
    }
    let mut s = Vec::new();
    for key in keys {
        let (old, new) = (value(a, key), value(b, key));
        if old != new {
            s.extend(setting_change(b, key, old.as_deref(), new.as_deref())?);
        }
    }
    s.push(simple_attributes_sql(b));
    Some(s)
}

/// The statements changing one setting in place (`None` is absent), or `None` when
/// PostgreSQL cannot.
fn setting_change(
    o: &SimpleObject,
    key: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Option<Vec<String>> {
    let target = simple_target(o);
    match o.kind {
        // A mapping: token type → dictionaries.
        SimpleKind::TextSearchConfiguration => {
            let alter = format!("ALTER TEXT SEARCH CONFIGURATION {target}");
            Some(vec![match (old, new) {
                (_, None) => format!("{alter} DROP MAPPING FOR {key};\n"),
                (None, Some(dicts)) => format!("{alter} ADD MAPPING FOR {key} WITH {dicts};\n"),
                (Some(_), Some(dicts)) => {
                    format!("{alter} ALTER MAPPING FOR {key} WITH {dicts};\n")
                }
            }])
        }
        SimpleKind::Subscription => subscription_setting(o, &target, key, new),
        _ => None,
    }
}

/// One setting of a subscription changed without connecting to the publisher, or `None`:
/// a new slot name (refused while the subscription is enabled), `two_phase` and `failover`
/// (PostgreSQL alters the publisher's slot for them) recreate it.
fn subscription_setting(
    o: &SimpleObject,
    target: &str,
    key: &str,
    new: Option<&str>,
) -> Option<Vec<String>> {
    let alter = format!("ALTER SUBSCRIPTION {target}");
    match key {
        "connection" => {
            let conninfo = new?;
            Some(vec![format!(
                "{}{alter} CONNECTION {};\n",
                subscription_secret_note(&o.name, conninfo),
                literal(conninfo)
            )])
        }
        // `refresh = false`: the publisher is not asked for the publications' tables.
        "publication" => Some(vec![format!(
            "{alter} SET PUBLICATION {} WITH (refresh = false);\n",
            new?
        )]),
        "slot_name" | "two_phase" | "failover" => None,
        _ => {
            let (_, default) = SUBSCRIPTION_OPTIONS.iter().find(|(k, _)| *k == key)?;
            let value = new.or(*default)?;
            Some(vec![format!("{alter} SET ({key} = {value});\n")])
        }
    }
}

/// The statement dropping a live object. A subscription is first disabled and detached from
/// its replication slot, so that dropping it does not connect to the publisher (which may be
/// unreachable, or refuse): the slot, if any, is left on the publisher.
pub(super) fn drop(o: &SimpleObject) -> Statement {
    let target = simple_target(o);
    if o.kind == SimpleKind::Subscription {
        let slot = o
            .settings
            .iter()
            .find(|(k, _)| k == "slot_name")
            .map(|(_, v)| v.as_str())
            .filter(|v| *v != "NONE");
        let hazard = match slot {
            Some(slot) => format!(
                "drops subscription {target} without connecting to its publisher: drop its \
                 replication slot {slot} on the publisher by hand (pg_drop_replication_slot)"
            ),
            None => format!("drops subscription {target}"),
        };
        return Statement::hazard(
            format!(
                "ALTER SUBSCRIPTION {target} DISABLE;\n\
                 ALTER SUBSCRIPTION {target} SET (slot_name = NONE);\n\
                 DROP SUBSCRIPTION {target};\n"
            ),
            hazard,
        );
    }
    Statement::plain(format!("DROP {} {};\n", o.kind.keyword(), target))
}
