//! Simple objects ([`SimpleObject`]) in a plan: changed in place when their `CREATE` is the
//! same and PostgreSQL can change each setting that differs; else dropped and recreated.

use super::Statement;
use crate::emit::{simple_attributes_sql, simple_target};
use crate::model::{SimpleKind, SimpleObject};

/// The statements taking live `a` to declared `b` in place (after the generic resets of
/// privileges and comment), or `None`: recreate.
pub(super) fn change(a: &SimpleObject, b: &SimpleObject) -> Option<Vec<String>> {
    if a.kind != b.kind || a.create != b.create {
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
        _ => None,
    }
}

/// The statement dropping a live object.
pub(super) fn drop(o: &SimpleObject) -> Statement {
    Statement::plain(format!("DROP {} {};\n", o.kind.keyword(), simple_target(o)))
}
