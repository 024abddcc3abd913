//! `pg-flux verify`: a read-only, asymmetric diff — every live object (and sub-object) that
//! the source does not declare, grouped by kind.

use std::path::{Path, PathBuf};

use crate::diff::Change;
use crate::error::Result;
use crate::identity::{Identity, ObjectKind};
use crate::ignore::{IgnoreRules, RuleCount};
use crate::inspect::{Depth, Scope};
use crate::inventory::{identities, inventory, LiveObject};
use crate::model::Catalog;
use crate::source::{Declared, Problem, SourceModel};

#[derive(Debug, Clone)]
pub struct VerifyOptions {
    /// Connection string (libpq URI or keyword string).
    pub conninfo: String,
    pub schema_dir: PathBuf,
    /// Schema that unqualified names in source resolve to (first of `search_path`).
    pub default_schema: String,
    pub scope: Scope,
}

#[derive(Debug, Clone, Default)]
pub struct VerifyReport {
    /// Live objects not declared in source, in inventory order (unmodeled kinds included).
    pub undeclared: Vec<LiveObject>,
    /// Declared objects that are not live (pending; not an error), sorted.
    pub declared_not_live: Vec<Identity>,
    /// Untracked statements and duplicate declarations.
    pub problems: Vec<Problem>,
    /// Declarations of an object already declared: two sources for one object, which
    /// `--strict` refuses as `migrate generate` does.
    pub duplicates: usize,
    /// Per `[ignore]` rule, how many live objects it left out (a rule hiding too much shows).
    pub ignored: Vec<RuleCount>,
}

impl VerifyReport {
    pub fn is_clean(&self) -> bool {
        self.undeclared.is_empty()
    }
}

/// Parses the source (an unparsable file is an error naming file:line:column), inspects the
/// database, and compares.
pub async fn verify(options: &VerifyOptions) -> Result<VerifyReport> {
    // The source is parsed, and what depends on it alone found, while the server answers the
    // catalog queries; the thread then takes the live objects and compares.
    let (dir, schema) = (options.schema_dir.clone(), options.default_schema.clone());
    let ignore = options.scope.ignore.clone();
    let (live_sender, live_receiver) = tokio::sync::oneshot::channel::<Listed>();
    let start = std::time::Instant::now();
    let source_side = tokio::task::spawn_blocking(move || {
        let source = load_source(&dir, &schema)?;
        let declared = source.declared();
        let findings = SourceFindings::of(&source, &declared, &ignore);
        crate::inspect::trace_phase("source", start);
        let Ok((live, ignored)) = live_receiver.blocking_recv() else {
            // The live side failed: its error is the one reported.
            return Ok(None);
        };
        let start = std::time::Instant::now();
        let report = findings.against(&live, ignored, &declared, &ignore);
        drop(declared);
        drop_in_background((live, source));
        crate::inspect::trace_phase("compare", start);
        Ok::<_, crate::Error>(Some(report))
    });
    // Identities only: no dependency query, no deparse function.
    let live_side = async {
        let session = crate::connect::Session::open(&options.conninfo).await?;
        crate::inspect::trace_phase("session", start);
        let (catalog, pending) =
            crate::inspect::inspect_cached_deferred(&session, &options.scope, Depth::Identities)
                .await?;
        crate::inspect::trace_phase("inspect", start);
        // The live objects are listed while the server takes the fingerprint that stamps the
        // cache's entry (when there is one to write).
        let listing = async {
            let listed = tokio::task::spawn_blocking(move || {
                let live = identities(&catalog);
                let ignored = catalog.ignored.clone();
                drop_in_background(catalog);
                (live, ignored)
            })
            .await
            .map_err(|e| {
                crate::Error::Usage(format!("listing live objects failed unexpectedly: {e}"))
            })?;
            crate::inspect::trace_phase("live objects listed", start);
            // A source side that failed has dropped its receiver: its error is reported below.
            let _ = live_sender.send(listed);
            Ok::<_, crate::Error>(())
        };
        let cache_write = async {
            if let Some(pending) = pending {
                pending.write(&session).await;
            }
        };
        let (listed, ()) = tokio::join!(listing, cache_write);
        listed
    };
    let (report, live) = tokio::join!(source_side, live_side);
    let report = report.map_err(|e| {
        crate::Error::Usage(format!("reading the source failed unexpectedly: {e}"))
    })??;
    live?;
    report.ok_or_else(|| {
        crate::Error::Usage("comparing failed unexpectedly: no live objects".to_string())
    })
}

/// The live objects and what `[ignore]` took out of them.
type Listed = (Vec<LiveObject>, Vec<RuleCount>);

/// Frees `value` on another thread: a command that is done with a whole catalog need not wait
/// for its hundreds of thousands of allocations to be given back.
fn drop_in_background<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

pub(crate) fn load_source(schema_dir: &Path, default_schema: &str) -> Result<SourceModel> {
    let source = SourceModel::load(schema_dir, default_schema)?;
    match source.first_syntax_error() {
        Some(e) => Err(e),
        None => Ok(source),
    }
}

/// The undeclared live objects of `catalog`. A sub-object whose parent is itself undeclared
/// (a new table's columns) is not reported on its own: the parent's block carries it.
///
/// `catalog` was inspected under `ignore`; a declaration `ignore` takes is a warning (among
/// the problems), never pending.
pub fn compare(catalog: &Catalog, source: &SourceModel, ignore: &IgnoreRules) -> VerifyReport {
    // The caller (pull) renders what is undeclared: the listing keeps its statements.
    compare_live(&inventory(catalog), catalog.ignored.clone(), source, ignore)
}

/// As [`compare`], with the catalog's listing and what `[ignore]` took out of it.
fn compare_live(
    live: &[LiveObject],
    ignored: Vec<RuleCount>,
    source: &SourceModel,
    ignore: &IgnoreRules,
) -> VerifyReport {
    let declared = source.declared();
    SourceFindings::of(source, &declared, ignore).against(live, ignored, &declared, ignore)
}

/// What the source says on its own: its problems and how many declarations repeat another.
struct SourceFindings {
    problems: Vec<Problem>,
    duplicates: usize,
}

impl SourceFindings {
    fn of(source: &SourceModel, declared: &Declared, ignore: &IgnoreRules) -> SourceFindings {
        let mut problems = source.problems_of(declared);
        problems.extend(crate::ignore::declared_problems(source, ignore));
        problems.sort_by(|a, b| {
            (&a.span.file, a.span.start, &a.message).cmp(&(&b.span.file, b.span.start, &b.message))
        });
        SourceFindings {
            problems,
            duplicates: crate::source::duplicates_of(declared).len(),
        }
    }

    /// The report: these findings, and the source's `declared` against the `live` objects.
    fn against(
        self,
        live: &[LiveObject],
        ignored: Vec<RuleCount>,
        declared: &Declared,
        ignore: &IgnoreRules,
    ) -> VerifyReport {
        let undeclared = undeclared(live, |id| declared.contains_key(id));
        let live_ids: crate::source::IdentitySet = live.iter().map(|o| &o.identity).collect();
        let mut declared_not_live: Vec<Identity> = declared
            .iter()
            .filter(|(id, decls)| !live_ids.contains(*id) && !decls.iter().all(|d| d.implied))
            .filter(|(id, _)| ignore.rule_for_declared(id).is_none())
            .map(|(id, _)| (*id).clone())
            .collect();
        declared_not_live.sort();
        VerifyReport {
            undeclared,
            declared_not_live,
            problems: self.problems,
            duplicates: self.duplicates,
            ignored,
        }
    }
}

/// The objects of `live` (an [`inventory`]) that `is_declared` does not declare, as verify
/// reports them: a sub-object whose parent is itself undeclared (a new table's columns) is not
/// reported on its own. The language server calls it with its own index of declarations.
pub fn undeclared(live: &[LiveObject], is_declared: impl Fn(&Identity) -> bool) -> Vec<LiveObject> {
    let mut missing = vec![false; live.len()];
    let mut undeclared = Vec::new();
    for (i, object) in live.iter().enumerate() {
        missing[i] = object.identity.kind == ObjectKind::Unmodeled
            || (object.required && !is_declared(&object.identity));
        let parent_missing = object
            .parent
            .is_some_and(|p| missing.get(p).copied().unwrap_or(false));
        if missing[i] && !parent_missing {
            undeclared.push(object.clone());
        }
    }
    undeclared
}

/// Undeclared objects grouped by kind, in the report's order.
pub fn groups(objects: &[LiveObject]) -> Vec<(ObjectKind, Vec<&LiveObject>)> {
    let mut groups: Vec<(ObjectKind, Vec<&LiveObject>)> = Vec::new();
    let mut sorted: Vec<&LiveObject> = objects.iter().collect();
    sorted.sort_by_key(|o| o.identity.kind);
    for object in sorted {
        match groups.last_mut() {
            Some((kind, list)) if *kind == object.identity.kind => list.push(object),
            _ => groups.push((object.identity.kind, vec![object])),
        }
    }
    groups
}

/// The report as documented: `verify: N undeclared live object(s):`, one group per kind.
///
/// With `drift` (`--drift`), its section follows, and the first line takes it into account: a
/// run that fails for drift never begins with `verify: clean`.
pub fn render_text(report: &VerifyReport, schema_dir: &Path, drift: Option<&[Change]>) -> String {
    let mut out = String::new();
    let drifted = drift.map_or(0, <[Change]>::len);
    if report.is_clean() && report.duplicates == 0 && drifted > 0 {
        out.push_str(&format!(
            "verify: every live object is declared in source, but {drifted} declared \
             definition(s) differ from the live database (drift below).\n"
        ));
    } else if report.is_clean() && report.duplicates > 0 {
        out.push_str(&format!(
            "verify: every live object is declared in source, but {} declaration(s) repeat an \
             object declared elsewhere (see the warnings).\n",
            report.duplicates
        ));
    } else if report.is_clean() {
        out.push_str("verify: clean — every live object is declared in source.\n");
    } else {
        out.push_str(&format!(
            "verify: {} undeclared live object(s):\n",
            report.undeclared.len()
        ));
        for (kind, objects) in groups(&report.undeclared) {
            out.push_str(&format!("\n{} ({}):\n", kind.label(), objects.len()));
            for o in objects {
                out.push_str(&format!("- {}\n", o.identity));
            }
        }
        let dir = schema_dir.to_string_lossy();
        let dir = dir.strip_prefix("./").unwrap_or(&dir);
        out.push_str(&format!(
            "\nRun `pg-flux pull` to capture these into {dir}/_pulled/<ts>.sql for review.\n"
        ));
    }
    if !report.declared_not_live.is_empty() {
        out.push_str(&format!(
            "{} declared object(s) are not live in the database (pending; not an error).\n",
            report.declared_not_live.len()
        ));
    }
    if let Some(changes) = drift {
        out.push_str(&super::migrate::render_drift(changes));
    }
    // Last, so that a rule hiding too much is seen.
    if let Some(summary) = crate::ignore::summary(&report.ignored) {
        out.push_str(&summary);
        out.push('\n');
    }
    out
}

/// The same facts for machines.
pub fn render_json(report: &VerifyReport) -> String {
    let undeclared: Vec<serde_json::Value> = report
        .undeclared
        .iter()
        .map(|o| {
            serde_json::json!({
                "kind": o.identity.kind.singular(),
                "group": o.identity.kind.label(),
                "identity": o.identity.to_string(),
                "suggested_file": o.file.as_ref().map(|f| f.to_string_lossy().into_owned()),
            })
        })
        .collect();
    let problems: Vec<serde_json::Value> = report
        .problems
        .iter()
        .map(|p| {
            serde_json::json!({
                "file": p.span.file.to_string_lossy(),
                "line": p.span.line,
                "column": p.span.column,
                "message": p.message,
            })
        })
        .collect();
    let value = serde_json::json!({
        "clean": report.is_clean(),
        "undeclared": undeclared,
        "declared_not_live": report.declared_not_live.len(),
        "pending": report
            .declared_not_live
            .iter()
            .map(|id| serde_json::json!({"kind": id.kind.singular(), "identity": id.to_string()}))
            .collect::<Vec<_>>(),
        "problems": problems,
        "ignored": report
            .ignored
            .iter()
            .map(|c| serde_json::json!({"rule": c.rule, "count": c.count}))
            .collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}
