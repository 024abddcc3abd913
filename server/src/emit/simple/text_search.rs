//! Text search configurations, dictionaries, parsers and templates.

use super::target;
use crate::model::{SimpleKind, SimpleObject};

/// A configuration's setting is one mapping: token type → dictionaries (as SQL, in order).
pub(super) fn setting_sql(o: &SimpleObject, key: &str, value: &str) -> String {
    match o.kind {
        SimpleKind::TextSearchConfiguration => format!(
            "ALTER TEXT SEARCH CONFIGURATION {} ADD MAPPING FOR {key} WITH {value};\n",
            target(o)
        ),
        _ => String::new(),
    }
}
