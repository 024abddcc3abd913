//! Text search configurations, dictionaries, parsers and templates.

use super::target;
use crate::model::{SimpleKind, SimpleObject};

/// A configuration's setting is one mapping: token type → dictionaries (as SQL, in order). A
/// dictionary's settings are its options, written inside its `create` (a dictionary whose
/// template needs an option cannot be created without it); parsers and templates have none.
pub(super) fn setting_sql(o: &SimpleObject, key: &str, value: &str) -> String {
    match o.kind {
        SimpleKind::TextSearchConfiguration => format!(
            "ALTER TEXT SEARCH CONFIGURATION {} ADD MAPPING FOR {key} WITH {value};\n",
            target(o)
        ),
        _ => String::new(),
    }
}

/// A dictionary's statement, as pg_dump writes it: `template` (`TEMPLATE = s.t`), then each of
/// its options (`settings`), then `unsplit` options kept as stored.
pub fn dictionary_create(o: &SimpleObject, template: &str, unsplit: Option<&str>) -> String {
    let mut sql = format!(
        "CREATE TEXT SEARCH DICTIONARY {} (\n    {template}",
        target(o)
    );
    if let Some(raw) = unsplit {
        sql.push_str(&format!(",\n    {raw}"));
    }
    sql.push_str(&options_tail(o));
    sql
}

/// A dictionary's statement without the options in its settings: what must be the same for
/// them to be changed in place.
pub fn dictionary_fixed(o: &SimpleObject) -> &str {
    o.create
        .strip_suffix(options_tail(o).as_str())
        .unwrap_or(&o.create)
}

fn options_tail(o: &SimpleObject) -> String {
    let mut tail: String = o
        .settings
        .iter()
        .map(|(key, value)| format!(",\n    {key} = {value}"))
        .collect();
    tail.push_str(" );\n");
    tail
}
