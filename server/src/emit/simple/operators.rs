//! Operators, operator classes and operator families.

use super::target;
use crate::model::{SimpleKind, SimpleObject};

/// The statement adding one setting after the object's `create`: an operator's `RESTRICT` or
/// `JOIN` estimator, a family's loose member (`OPERATOR 1 s.<<<(integer,integer)`,
/// `FUNCTION 1 (integer, integer) s.cmp(integer,integer)`).
pub(super) fn setting_sql(o: &SimpleObject, key: &str, value: &str) -> String {
    match o.kind {
        SimpleKind::Operator => operator_set(o, key, value),
        SimpleKind::OperatorFamily => {
            format!("ALTER OPERATOR FAMILY {} ADD {value};\n", target(o))
        }
        _ => String::new(),
    }
}

/// `ALTER OPERATOR s.op (l, r) SET (KEY = value)`; `NONE` takes the estimator away.
fn operator_set(o: &SimpleObject, key: &str, value: &str) -> String {
    format!("ALTER OPERATOR {} SET ({key} = {value});\n", target(o))
}
