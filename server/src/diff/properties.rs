//! Property-by-property comparison of two objects' models (as JSON): every difference names
//! the sub-object (column, constraint, attribute) and the property, with both values.

use serde_json::{Map, Value};

/// Fields whose values name catalog rows by oid: they differ between two copies of the same
/// object, so they are left out (or reduced to the name they carry).
const OID_PAIRS: &[&str] = &["owned_by", "parent", "schema", "schemas", "extension"];

/// Removes oids and column numbers; pairs `(oid, name)` keep their name.
pub fn normalise(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, v) in map {
                if key == "oid" || key.ends_with("_oid") || key == "num" {
                    continue;
                }
                let v = if OID_PAIRS.contains(&key.as_str()) {
                    strip_oid_pair(v)
                } else {
                    v
                };
                out.insert(key, normalise(v));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(normalise).collect()),
        other => other,
    }
}

/// `[oid, name…]` → `[name…]`; a lone oid → `true`; a list of pairs element-wise.
fn strip_oid_pair(value: Value) -> Value {
    match value {
        Value::Number(_) => Value::Bool(true),
        Value::Array(items) if items.first().is_some_and(Value::is_number) => {
            Value::Array(items.into_iter().skip(1).collect())
        }
        Value::Array(items) if items.first().is_some_and(Value::is_array) => {
            Value::Array(items.into_iter().map(strip_oid_pair).collect())
        }
        other => other,
    }
}

/// One differing property: `sub` names a sub-object (`column name`), `property` a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyDiff {
    pub sub: Option<(String, String)>,
    pub property: String,
    pub live: Option<String>,
    pub declared: Option<String>,
}

/// Lists of these are compared by name, as sub-objects.
fn sub_object_kind(field: &str) -> Option<&'static str> {
    match field {
        "columns" => Some("column"),
        "constraints" => Some("constraint"),
        "attributes" => Some("attribute"),
        "tables" => Some("table"),
        _ => None,
    }
}

fn readable_field(field: &str) -> &str {
    match field {
        "data_type" | "type_name" => "type",
        other => other,
    }
}

pub fn diff(live: &Value, declared: &Value) -> Vec<PropertyDiff> {
    let mut out = Vec::new();
    diff_into(live, declared, None, "", &mut out);
    out
}

fn diff_into(
    live: &Value,
    declared: &Value,
    sub: Option<&(String, String)>,
    path: &str,
    out: &mut Vec<PropertyDiff>,
) {
    if live == declared {
        return;
    }
    match (live, declared) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                let (x, y) = (
                    a.get(key).unwrap_or(&Value::Null),
                    b.get(key).unwrap_or(&Value::Null),
                );
                if x == y {
                    continue;
                }
                let field = readable_field(key);
                let next = if path.is_empty() {
                    field.to_string()
                } else {
                    format!("{path}.{field}")
                };
                match (sub_object_kind(key), x, y) {
                    (Some(kind), Value::Array(xs), Value::Array(ys))
                        if sub.is_none() && named(xs) && named(ys) =>
                    {
                        diff_named(kind, xs, ys, out)
                    }
                    _ => diff_into(x, y, sub, &next, out),
                }
            }
        }
        _ => out.push(PropertyDiff {
            sub: sub.cloned(),
            property: if path.is_empty() {
                "definition".to_string()
            } else {
                path.to_string()
            },
            live: show(live),
            declared: show(declared),
        }),
    }
}

fn named(items: &[Value]) -> bool {
    items
        .iter()
        .all(|v| v.get("name").is_some_and(Value::is_string))
}

fn name_of(v: &Value) -> &str {
    v.get("name").and_then(Value::as_str).unwrap_or_default()
}

fn diff_named(kind: &str, xs: &[Value], ys: &[Value], out: &mut Vec<PropertyDiff>) {
    for x in xs {
        let sub = (kind.to_string(), name_of(x).to_string());
        match ys.iter().find(|y| name_of(y) == name_of(x)) {
            Some(y) => diff_into(x, y, Some(&sub), "", out),
            None => out.push(PropertyDiff {
                sub: Some(sub),
                property: "exists".into(),
                live: Some("yes".into()),
                declared: Some("no".into()),
            }),
        }
    }
    for y in ys {
        if !xs.iter().any(|x| name_of(x) == name_of(y)) {
            out.push(PropertyDiff {
                sub: Some((kind.to_string(), name_of(y).to_string())),
                property: "exists".into(),
                live: Some("no".into()),
                declared: Some("yes".into()),
            });
        }
    }
    let order = |v: &[Value]| -> Vec<String> { v.iter().map(|x| name_of(x).to_string()).collect() };
    let (a, b) = (order(xs), order(ys));
    let common_a: Vec<&String> = a.iter().filter(|n| b.contains(n)).collect();
    let common_b: Vec<&String> = b.iter().filter(|n| a.contains(n)).collect();
    if common_a != common_b {
        out.push(PropertyDiff {
            sub: None,
            property: format!("{kind} order"),
            live: Some(a.join(", ")),
            declared: Some(b.join(", ")),
        });
    }
}

/// A value as the report shows it: strings bare, absent values as `None`.
fn show(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_the_column_and_both_types() {
        let live = json!({"columns": [{"name": "name", "num": 2, "data_type": "text"}]});
        let declared =
            json!({"columns": [{"name": "name", "num": 3, "data_type": "character varying(80)"}]});
        let d = diff(&normalise(live), &normalise(declared));
        assert_eq!(
            d,
            vec![PropertyDiff {
                sub: Some(("column".into(), "name".into())),
                property: "type".into(),
                live: Some("text".into()),
                declared: Some("character varying(80)".into()),
            }]
        );
    }

    #[test]
    fn oids_are_not_differences() {
        let a = json!({"oid": 1, "owned_by": [5, {"schema": "s"}, "c"], "x": 1});
        let b = json!({"oid": 2, "owned_by": [9, {"schema": "s"}, "c"], "x": 1});
        assert!(diff(&normalise(a), &normalise(b)).is_empty());
    }
}
