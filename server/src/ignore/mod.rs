//! `[ignore]` of pg-flux.toml: live objects someone else manages (a platform's `auth` schema,
//! a legacy table). One matcher decides for every command and the language server: the
//! inspection removes what it matches from the catalog it returns (see `inspect`), so dump,
//! verify, pull, migrate and the language server never see those objects, on the live side or
//! on the shadow's.
//!
//! A rule is a schema (`schemas`), with everything in it, or an identity as verify prints it
//! (`objects`), optionally after a kind word (`function public.debug_*(*)`); `*` matches any
//! run of characters. What belongs to an ignored object (columns, constraints, grants, indexes,
//! triggers, policies, owned sequences) is ignored with it.

mod report;
mod rules;
mod select;
mod shells;

pub use report::{
    declared_message, declared_problems, ignored_declarations, summary, unused_rule_warnings,
};
pub use rules::{glob, IgnoreRules, Rule};
pub use select::{apply, ignored_part, RuleCount};
pub use shells::{is_shell_file, shell_statements};
