//! Simple objects ([`SimpleObject`]) in a plan: changed in place when their `CREATE` is the
//! same and PostgreSQL can change each setting that differs; else dropped and recreated.

use super::Statement;
use crate::emit::sql::literal;
use crate::emit::{
    dictionary_fixed, simple_attributes_sql, simple_target, subscription_secret_note,
    SUBSCRIPTION_OPTIONS,
};
use crate::model::{SimpleKind, SimpleObject};

/// The statements taking live `a` to declared `b` in place (after the generic resets of
/// privileges and comment), or `None`: recreate.
pub(super) fn change(a: &SimpleObject, b: &SimpleObject) -> Option<Vec<String>> {
    if a.kind != b.kind {
        return None;
    }
    if a.kind == SimpleKind::TextSearchDictionary {
        if dictionary_fixed(a) != dictionary_fixed(b) {
            return None;
        }
        let mut s = dictionary_options(a, b);
        s.push(simple_attributes_sql(b));
        return Some(s);
    }
    // A subscription's `create` is made of its settings alone: they decide.
    if a.create != b.create && b.kind != SimpleKind::Subscription {
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
        // An estimator: `NONE` takes it away.
        SimpleKind::Operator if key == "RESTRICT" || key == "JOIN" => Some(vec![format!(
            "ALTER OPERATOR {target} SET ({key} = {});\n",
            new.unwrap_or("NONE")
        )]),
        // A loose member: the key names it as DROP does, the value as ADD does.
        SimpleKind::OperatorFamily => {
            let alter = format!("ALTER OPERATOR FAMILY {target}");
            let mut s = Vec::new();
            if old.is_some() {
                s.push(format!("{alter} DROP {key};\n"));
            }
            if let Some(item) = new {
                s.push(format!("{alter} ADD {item};\n"));
            }
            Some(s)
        }
        SimpleKind::Subscription => subscription_setting(o, &target, key, new),
        _ => None,
    }
}

/// One `ALTER TEXT SEARCH DICTIONARY` giving live `a` the options of declared `b`, in their
/// order: past the options both start with, each live option `b` lacks is removed (`(name)`)
/// and each declared one set (which removes it and appends it). One statement, because the
/// template checks the options it ends with (a thesaurus needs both its file and its
/// dictionary). Nothing when they agree.
fn dictionary_options(a: &SimpleObject, b: &SimpleObject) -> Vec<String> {
    if a.settings == b.settings {
        return Vec::new();
    }
    let same = a
        .settings
        .iter()
        .zip(&b.settings)
        .take_while(|(x, y)| x == y)
        .count();
    let declared = &b.settings[same..];
    let mut items: Vec<String> = a.settings[same..]
        .iter()
        .filter(|(key, _)| !declared.iter().any(|(k, _)| k == key))
        .map(|(key, _)| key.clone())
        .collect();
    items.extend(
        declared
            .iter()
            .map(|(key, value)| format!("{key} = {value}")),
    );
    vec![format!(
        "ALTER TEXT SEARCH DICTIONARY {} ({});\n",
        simple_target(b),
        items.join(", ")
    )]
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
            None => super::loss::drops_subscription(&target),
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

#[cfg(test)]
mod tests {
    use super::change;
    use crate::emit::dictionary_create;
    use crate::model::{Acl, SimpleKind, SimpleObject};

    fn dictionary(template: &str, options: &[(&str, &str)]) -> SimpleObject {
        let mut o = SimpleObject {
            oid: 16384,
            kind: SimpleKind::TextSearchDictionary,
            schema: Some("public".into()),
            name: "d".into(),
            args: None,
            method: None,
            owner: String::new(),
            comment: None,
            acl: Acl::default(),
            create: String::new(),
            settings: options
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        };
        o.create = dictionary_create(&o, &format!("TEMPLATE = {template}"), None);
        o
    }

    #[test]
    fn dictionary_options_change_in_one_statement_in_the_declared_order() {
        let live = dictionary(
            "pg_catalog.simple",
            &[("accept", "'true'"), ("stopwords", "'english'"), ("x", "1")],
        );
        let declared = dictionary(
            "pg_catalog.simple",
            &[("accept", "'true'"), ("stopwords", "'russian'"), ("y", "0")],
        );
        let s = change(&live, &declared).unwrap_or_default();
        assert_eq!(
            s.first().map(String::as_str),
            Some("ALTER TEXT SEARCH DICTIONARY public.d (x, stopwords = 'russian', y = 0);\n")
        );
        // The same options in another order: reordered (live's order is what ALTER made).
        let reordered = dictionary(
            "pg_catalog.simple",
            &[("stopwords", "'english'"), ("accept", "'true'"), ("x", "1")],
        );
        let s = change(&live, &reordered).unwrap_or_default();
        assert_eq!(
            s.first().map(String::as_str),
            Some(
                "ALTER TEXT SEARCH DICTIONARY public.d \
                 (stopwords = 'english', accept = 'true', x = 1);\n"
            )
        );
        // Nothing but attributes when they agree.
        let s = change(&live, &live.clone()).unwrap_or_default();
        assert!(
            !s.iter().any(|x| x.starts_with("ALTER TEXT SEARCH")),
            "{s:?}"
        );
    }

    #[test]
    fn a_dictionary_on_another_template_is_recreated() {
        let live = dictionary("pg_catalog.simple", &[("stopwords", "'english'")]);
        let declared = dictionary("public.mine", &[("stopwords", "'english'")]);
        assert_eq!(change(&live, &declared), None);
    }
}
