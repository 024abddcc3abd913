//! The rules and the one matcher: what a rule takes, by identity as verify prints it.

use crate::config::IgnoreConfig;
use crate::identity::{GrantClass, Identity, ObjectKind};
use crate::model::UnmodeledObject;

/// The rules of `[ignore]`, parsed once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IgnoreRules {
    rules: Vec<Rule>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// From `schemas` (a whole schema) rather than `objects` (an identity pattern).
    pub(super) schema: bool,
    /// As written in pg-flux.toml.
    text: String,
    /// The kind word, when the rule starts with one.
    kind: Option<ObjectKind>,
    /// The rest: a schema name or an identity, with `*` wildcards.
    pub(super) pattern: String,
}

/// Kinds a rule may name: those with a definition of their own.
const RULE_KINDS: [ObjectKind; 35] = [
    ObjectKind::Schema,
    ObjectKind::Extension,
    ObjectKind::Collation,
    ObjectKind::Type,
    ObjectKind::Domain,
    ObjectKind::Sequence,
    ObjectKind::Table,
    ObjectKind::ForeignTable,
    ObjectKind::View,
    ObjectKind::MaterializedView,
    ObjectKind::Index,
    ObjectKind::Function,
    ObjectKind::Procedure,
    ObjectKind::Aggregate,
    ObjectKind::Trigger,
    ObjectKind::Policy,
    ObjectKind::Rule,
    ObjectKind::Statistics,
    ObjectKind::EventTrigger,
    ObjectKind::Publication,
    ObjectKind::ForeignDataWrapper,
    ObjectKind::ForeignServer,
    ObjectKind::AccessMethod,
    ObjectKind::Language,
    ObjectKind::TextSearchParser,
    ObjectKind::TextSearchTemplate,
    ObjectKind::TextSearchDictionary,
    ObjectKind::TextSearchConfiguration,
    ObjectKind::Operator,
    ObjectKind::OperatorFamily,
    ObjectKind::OperatorClass,
    ObjectKind::Cast,
    ObjectKind::Conversion,
    ObjectKind::Transform,
    ObjectKind::Subscription,
];

/// Kinds that only exist as part of another object: ignored with it, never on their own
/// (taking a column out of a table would leave a table pg-flux cannot render).
const PART_KINDS: [ObjectKind; 5] = [
    ObjectKind::Column,
    ObjectKind::Constraint,
    ObjectKind::Grant,
    ObjectKind::UserMapping,
    ObjectKind::DefaultPrivileges,
];

impl Rule {
    /// As reports name it: `schemas "auth"`, `"public.legacy_*"`.
    pub fn describe(&self) -> String {
        if self.schema {
            format!("schemas {:?}", self.text)
        } else {
            format!("{:?}", self.text)
        }
    }

    /// Whether the rule takes `identity`, a whole object (not a column, constraint or grant).
    fn matches(&self, identity: &Identity) -> bool {
        if self.schema {
            return match identity.kind {
                ObjectKind::Schema => glob(&self.pattern, &identity.name),
                _ => identity
                    .schema
                    .as_deref()
                    .is_some_and(|s| glob(&self.pattern, s)),
            };
        }
        self.kind.is_none_or(|k| k == identity.kind) && glob(&self.pattern, &identity.to_string())
    }

    /// An object of a kind pg-flux does not model: schema rules by the schema its identity
    /// starts with, object rules by the whole line verify prints (`operator public.===(…)`).
    fn matches_unmodeled(&self, u: &UnmodeledObject) -> bool {
        if self.schema {
            let quoted = format!("\"{}\".*", self.pattern);
            return glob(&format!("{}.*", self.pattern), &u.identity) || glob(&quoted, &u.identity);
        }
        glob(&self.text, &format!("{} {}", u.kind, u.identity))
    }
}

impl IgnoreRules {
    /// Parses `[ignore]`. A rule naming a column, constraint or grant is refused: those are
    /// ignored with the object they belong to.
    pub fn parse(config: &IgnoreConfig) -> Result<IgnoreRules, String> {
        let mut rules = Vec::new();
        for text in &config.schemas {
            if text.is_empty() {
                return Err("[ignore] schemas: an empty schema name".to_string());
            }
            rules.push(Rule {
                schema: true,
                text: text.clone(),
                kind: None,
                pattern: text.clone(),
            });
        }
        for text in &config.objects {
            let (kind, pattern) = split_kind(text)?;
            if pattern.is_empty() {
                return Err(format!("[ignore] objects: rule {text:?} names no object"));
            }
            rules.push(Rule {
                schema: false,
                text: text.clone(),
                kind,
                pattern: pattern.to_string(),
            });
        }
        Ok(IgnoreRules { rules })
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The first rule that takes the live object `identity`. Parts of objects (columns,
    /// constraints, grants) are never taken on their own: they go with their object.
    pub fn rule_for(&self, identity: &Identity) -> Option<usize> {
        if PART_KINDS.contains(&identity.kind) || identity.kind == ObjectKind::Unmodeled {
            return None;
        }
        self.rules.iter().position(|r| r.matches(identity))
    }

    /// The first rule that takes a declaration of `identity` (a part of an object by the
    /// object it belongs to).
    pub fn rule_for_declared(&self, identity: &Identity) -> Option<usize> {
        if identity.kind == ObjectKind::DefaultPrivileges {
            return default_privileges_schema(&identity.name).and_then(|s| self.schema_rule(&s));
        }
        self.rule_for(identity)
            .or_else(|| owners(identity).iter().find_map(|o| self.rule_for(o)))
    }

    pub(super) fn schema_rule(&self, schema: &str) -> Option<usize> {
        self.rules
            .iter()
            .position(|r| r.schema && glob(&r.pattern, schema))
    }

    pub(super) fn unmodeled_rule(&self, u: &UnmodeledObject) -> Option<usize> {
        self.rules.iter().position(|r| r.matches_unmodeled(u))
    }
}

/// A kind word at the start of an object rule (`function public.f(*)`), and the rest.
fn split_kind(text: &str) -> Result<(Option<ObjectKind>, &str), String> {
    for kind in PART_KINDS {
        if text.starts_with(&format!("{} ", kind.singular())) {
            return Err(format!(
                "[ignore] objects: rule {text:?}: a {} is ignored with the object it belongs to; \
                 name that object instead",
                kind.singular()
            ));
        }
    }
    // Longest word first: `foreign table` before `table`.
    let mut kinds = RULE_KINDS;
    kinds.sort_by_key(|k| std::cmp::Reverse(k.singular().len()));
    for kind in kinds {
        if let Some(rest) = text.strip_prefix(&format!("{} ", kind.singular())) {
            return Ok((Some(kind), rest.trim()));
        }
    }
    Ok((None, text.trim()))
}

/// Whether `text` matches `pattern`, where `*` stands for any run of characters (none
/// included) and every other character for itself.
pub fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    // The last `*` seen and the text position it was tried at, to widen it on a mismatch.
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if pi < p.len() && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// The schema of a default privileges entry (`FOR ROLE r IN SCHEMA s GRANT …`, as its
/// identity holds it), unquoted.
fn default_privileges_schema(entry: &str) -> Option<String> {
    let rest = &entry[entry.find(" IN SCHEMA ")? + " IN SCHEMA ".len()..];
    match rest.strip_prefix('"') {
        Some(quoted) => {
            // A quoted name ends at a quote that is not doubled.
            let mut name = String::new();
            let mut chars = quoted.chars().peekable();
            while let Some(c) = chars.next() {
                match (c, chars.peek()) {
                    ('"', Some('"')) => {
                        name.push('"');
                        chars.next();
                    }
                    ('"', _) => return Some(name),
                    _ => name.push(c),
                }
            }
            None
        }
        None => rest.split(' ').next().map(str::to_string),
    }
}

/// The objects a part (column, constraint, grant, trigger, …) may belong to.
fn owners(identity: &Identity) -> Vec<Identity> {
    let relation_kinds = [
        ObjectKind::Table,
        ObjectKind::View,
        ObjectKind::MaterializedView,
        ObjectKind::ForeignTable,
        ObjectKind::Sequence,
    ];
    let with_kind = |kind, base: &Identity| Identity {
        kind,
        table: None,
        ..base.clone().without_grant()
    };
    if let Some(grant) = identity.grant_of() {
        let kinds: &[ObjectKind] = match grant.class {
            GrantClass::Relation => &relation_kinds,
            GrantClass::Schema => &[ObjectKind::Schema],
            GrantClass::Type => &[ObjectKind::Type, ObjectKind::Domain],
            GrantClass::Function => &[
                ObjectKind::Function,
                ObjectKind::Procedure,
                ObjectKind::Aggregate,
            ],
            GrantClass::ForeignDataWrapper => &[ObjectKind::ForeignDataWrapper],
            GrantClass::ForeignServer => &[ObjectKind::ForeignServer],
            GrantClass::Language => &[ObjectKind::Language],
        };
        return kinds.iter().map(|k| with_kind(*k, identity)).collect();
    }
    match (&identity.table, &identity.schema) {
        (Some(table), Some(schema)) => relation_kinds
            .iter()
            .map(|k| Identity::new(*k, schema, table))
            .collect(),
        (Some(server), None) => vec![Identity::global(ObjectKind::ForeignServer, server)],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(schemas: &[&str], objects: &[&str]) -> IgnoreRules {
        IgnoreRules::parse(&IgnoreConfig {
            schemas: schemas.iter().map(|s| s.to_string()).collect(),
            objects: objects.iter().map(|s| s.to_string()).collect(),
        })
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn stars_match_any_run_of_characters() {
        assert!(glob("public.legacy_*", "public.legacy_orders"));
        assert!(glob("public.legacy_*", "public.legacy_"));
        assert!(!glob("public.legacy_*", "public.orders"));
        assert!(glob("*", ""));
        assert!(glob("a*b*c", "aXbYbZc"));
        assert!(!glob("a*b*c", "aXbYbZ"));
        assert!(glob(
            "public.debug_*(*)",
            "public.debug_dump(integer, text)"
        ));
        assert!(glob("public.debug_*(*)", "public.debug_dump()"));
        assert!(!glob("public.debug_*(*)", "public.debug_dump"));
        assert!(glob("exact", "exact"));
        assert!(!glob("exact", "exactly"));
    }

    #[test]
    fn schema_rules_take_the_schema_and_everything_in_it() {
        let r = rules(&["auth"], &[]);
        assert_eq!(
            r.rule_for(&Identity::global(ObjectKind::Schema, "auth")),
            Some(0)
        );
        assert_eq!(
            r.rule_for(&Identity::new(ObjectKind::Table, "auth", "users")),
            Some(0)
        );
        let f = Identity::routine(ObjectKind::Function, "auth", "uid", vec![]);
        assert_eq!(r.rule_for(&f), Some(0));
        assert_eq!(
            r.rule_for(&Identity::new(ObjectKind::Table, "public", "users")),
            None
        );
        assert_eq!(
            r.rule_for(&Identity::global(ObjectKind::Schema, "authx")),
            None
        );
        // A column is not taken on its own, but declared, it goes with its table.
        let column = Identity::of_table(ObjectKind::Column, "auth", "users", "email");
        assert_eq!(r.rule_for(&column), None);
        assert_eq!(r.rule_for_declared(&column), Some(0));
    }

    #[test]
    fn object_rules_match_identities_as_verify_prints_them() {
        let r = rules(&[], &["public.legacy_*", "function public.debug_*(*)"]);
        let legacy = Identity::new(ObjectKind::Table, "public", "legacy_orders");
        assert_eq!(r.rule_for(&legacy), Some(0));
        let view = Identity::new(ObjectKind::View, "public", "legacy_report");
        assert_eq!(r.rule_for(&view), Some(0));
        let debug = Identity::routine(
            ObjectKind::Function,
            "public",
            "debug_dump",
            vec!["integer".into()],
        );
        assert_eq!(r.rule_for(&debug), Some(1));
        // The kind word restricts the rule to that kind.
        let procedure = Identity {
            kind: ObjectKind::Procedure,
            ..debug.clone()
        };
        assert_eq!(r.rule_for(&procedure), None);
        // Names print quoted when they must: the rule is written as they print.
        let quoted = Identity::new(ObjectKind::Table, "public", "Legacy");
        assert!(rules(&[], &["public.\"Legacy\""])
            .rule_for(&quoted)
            .is_some());
        assert!(rules(&[], &["public.Legacy"]).rule_for(&quoted).is_none());
        let index = Identity::of_table(ObjectKind::Index, "public", "legacy_orders", "i");
        assert_eq!(rules(&[], &["index public.i"]).rule_for(&index), Some(0));
    }

    #[test]
    fn rules_name_the_simple_kinds_as_verify_prints_them() {
        let r = rules(
            &[],
            &[
                "text search configuration search.*",
                "operator public.===(*)",
                "operator class public.* USING btree",
                "cast (public.mood AS *)",
            ],
        );
        assert_eq!(r.rules[0].kind, Some(ObjectKind::TextSearchConfiguration));
        let config = Identity::new(ObjectKind::TextSearchConfiguration, "search", "english");
        assert_eq!(r.rule_for(&config), Some(0));
        let dictionary = Identity::new(ObjectKind::TextSearchDictionary, "search", "english");
        assert_eq!(r.rule_for(&dictionary), None);
        let operator = Identity::routine(
            ObjectKind::Operator,
            "public",
            "===",
            vec!["integer".into(), "integer".into()],
        );
        assert_eq!(r.rule_for(&operator), Some(1));
        let class =
            Identity::new(ObjectKind::OperatorClass, "public", "mood_ops").using_method("btree");
        assert_eq!(r.rule_for(&class), Some(2));
        let class = class.using_method("hash");
        assert_eq!(r.rule_for(&class), None);
        let cast = Identity::global(ObjectKind::Cast, "public.mood AS text");
        assert_eq!(r.rule_for(&cast), Some(3));
    }

    #[test]
    fn kind_words_are_read_longest_first_and_parts_are_refused() {
        let r = rules(
            &[],
            &["foreign table public.ft*", "materialized view public.mv"],
        );
        assert_eq!(r.rules[0].kind, Some(ObjectKind::ForeignTable));
        assert_eq!(r.rules[0].pattern, "public.ft*");
        assert_eq!(r.rules[1].kind, Some(ObjectKind::MaterializedView));
        let refused = IgnoreRules::parse(&IgnoreConfig {
            schemas: vec![],
            objects: vec!["column public.users.secret".into()],
        });
        assert!(refused.is_err_and(|e| e.contains("ignored with the object it belongs to")));
    }

    #[test]
    fn unmodeled_objects_are_matched_by_schema_or_whole_line() {
        let op = UnmodeledObject {
            kind: "operator".into(),
            identity: "auth.===(integer,integer)".into(),
        };
        assert!(rules(&["auth"], &[]).unmodeled_rule(&op).is_some());
        assert!(rules(&["public"], &[]).unmodeled_rule(&op).is_none());
        assert!(rules(&[], &["operator auth.*"])
            .unmodeled_rule(&op)
            .is_some());
    }

    #[test]
    fn default_privileges_in_an_ignored_schema_are_taken() {
        let r = rules(&["auth", "My \"S\""], &[]);
        let entry = |sql: &str| Identity::global(ObjectKind::DefaultPrivileges, sql);
        let auth = entry("FOR ROLE admin IN SCHEMA auth GRANT SELECT ON TABLES TO app");
        assert_eq!(r.rule_for_declared(&auth), Some(0));
        let quoted =
            entry("FOR ROLE admin IN SCHEMA \"My \"\"S\"\"\" GRANT SELECT ON TABLES TO app");
        assert_eq!(r.rule_for_declared(&quoted), Some(1));
        let public = entry("FOR ROLE admin IN SCHEMA public GRANT SELECT ON TABLES TO app");
        assert_eq!(r.rule_for_declared(&public), None);
        assert_eq!(
            r.rule_for_declared(&entry("FOR ROLE admin GRANT SELECT ON TABLES TO app")),
            None
        );
    }

    #[test]
    fn rules_are_described_as_written() {
        let r = rules(&["auth"], &["public.legacy_*"]);
        assert_eq!(r.rules[0].describe(), "schemas \"auth\"");
        assert_eq!(r.rules[1].describe(), "\"public.legacy_*\"");
    }
}
