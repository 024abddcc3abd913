//! Operators, operator classes and operator families.

use crate::model::SimpleObject;

/// The statement adding one setting after the object's `create`.
pub(super) fn setting_sql(o: &SimpleObject, key: &str, value: &str) -> String {
    let _ = (o, key, value);
    String::new()
}
