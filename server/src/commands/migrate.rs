//! `pg-flux migrate generate`: the statements that take the live database to the declared
//! source, written as `<migrations-dir>/<UTC YYYYMMDD_HHMMSS>_<label>.sql`. Read-only against
//! the live database; the source is made concrete in a shadow database (see `shadow`).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::commands::pull::utc_stamp;
use crate::connect::Session;
use crate::diff::{self, Change, Difference, Side};
use crate::error::{Error, Result};
use crate::ignore;
use crate::inspect::{self, Scope};
use crate::migrate::{self, PlanOptions, Statement};
use crate::model::Catalog;
use crate::shadow::{self, ShadowDb, ShadowTarget};
use crate::source::renames::Rename;
use crate::source::SourceModel;
pub use crate::tree_match::ShadowUse;
use crate::tree_match::{self, SourceMatch};

#[derive(Debug, Clone)]
pub struct MigrateOptions {
    /// Connection string of the live database.
    pub conninfo: String,
    pub schema_dir: PathBuf,
    pub migrations_dir: PathBuf,
    pub label: String,
    pub shadow: ShadowTarget,
    /// Load only what changed files need when the source is dump's output but for them
    /// (`[shadow] partial`, default true; see `tree_match`).
    pub partial_shadow: bool,
    pub scope: Scope,
    /// Schema that unqualified names in source resolve to (first of `search_path`): which
    /// objects of `[ignore]` the source declares itself.
    pub default_schema: String,
    /// Refuse to write a migration with a destructive statement.
    pub no_destructive: bool,
    pub plan: PlanOptions,
}

#[derive(Debug, Clone)]
pub struct MigrateReport {
    pub path: PathBuf,
    /// SQL statements in the file.
    pub statements: usize,
    /// Why statements of the file may lose data.
    pub hazards: Vec<String>,
    /// What statements of the file lock on busy tables, and for what work.
    pub locks: Vec<String>,
    pub warnings: Vec<String>,
    /// How much of the source the shadow loaded.
    pub shadow: ShadowUse,
}

/// The live catalog and the declared one (from the shadow database), and shadow warnings.
pub async fn catalogs(
    conninfo: &str,
    schema_dir: &Path,
    (target, partial): (&ShadowTarget, bool),
    scope: &Scope,
    default_schema: &str,
) -> Result<(Catalog, Catalog, Vec<String>)> {
    crate::source::require_schema_dir(schema_dir)?;
    let session = Session::open(conninfo).await?;
    // Declarations `[ignore]` takes: verify, the caller, warns about them itself.
    let Compared {
        live,
        compared_live,
        declared,
        mut warnings,
        renames,
        ..
    } = catalogs_on(
        &session,
        schema_dir,
        (target, partial),
        scope,
        default_schema,
    )
    .await?;
    // The declared catalog holds these under their live names: no drift, but not done either.
    warnings.extend(renames.iter().map(|r| {
        format!(
            "{}:{}: rename from {} not applied to the live database yet (`migrate generate` writes it)",
            r.file.display(),
            r.line,
            r.old
        )
    }));
    let live = compared_live.unwrap_or(live);
    let declared = declared.unwrap_or_else(|| live.clone());
    Ok((live, declared, warnings))
}

/// The two sides of a comparison.
struct Compared {
    live: Catalog,
    /// After a partial load, `live` narrowed to the objects it compares: the diff's live side.
    /// `live` stays whole for what looks around the changes (the lock hazards' tables).
    compared_live: Option<Catalog>,
    /// `None`: the source is the live dump, so it declares the live catalog (no shadow, nothing
    /// to compare).
    declared: Option<Catalog>,
    /// The shadow's.
    warnings: Vec<String>,
    /// The source's pending renames: the declared catalog names those objects as live does.
    renames: Vec<Rename>,
    /// A warning for each declaration an `[ignore]` rule takes (file:line:column: …).
    ignored_declarations: Vec<String>,
    shadow: ShadowUse,
}

impl Compared {
    /// After the whole source loaded into `shadow`: what it creates without an owner belongs to
    /// whoever owns it live.
    fn full(
        live: Catalog,
        mut shadow: shadow::Shadow,
        ignored_declarations: Vec<String>,
    ) -> Compared {
        shadow.catalog.adopt_unstated_owners(&live, &shadow.loader);
        Compared {
            live,
            compared_live: None,
            declared: Some(shadow.catalog),
            warnings: shadow.warnings,
            renames: shadow.pending_renames,
            ignored_declarations,
            shadow: ShadowUse::Full,
        }
    }
}

/// As [`catalogs`], with the source's pending renames and ignored declarations.
async fn catalogs_on(
    session: &Session,
    schema_dir: &Path,
    (target, partial): (&ShadowTarget, bool),
    scope: &Scope,
    default_schema: &str,
) -> Result<Compared> {
    if !scope.ignore.is_empty() {
        return catalogs_with_shells(session, schema_dir, target, scope, default_schema).await;
    }
    if !tree_match::dump_shaped(schema_dir) {
        return catalogs_with_full_load(session, schema_dir, target, scope).await;
    }
    // The live database is read while the shadow starts. A source that is what dump writes
    // for the live database needs no shadow, one that differs from it in a few files needs
    // only their part of it (see `tree_match`).
    let live = async {
        let start = std::time::Instant::now();
        let live = inspect::inspect_cached(session, scope, inspect::Depth::Ordered).await?;
        inspect::trace_phase("live inspect", start);
        let start = std::time::Instant::now();
        let dir = schema_dir.to_path_buf();
        let checked = tokio::task::spawn_blocking(move || {
            let index = tree_match::DumpIndex::new(&live);
            let matched = tree_match::match_tree(&dir, &index);
            (live, matched)
        })
        .await
        .map_err(|e| Error::Usage(format!("comparing the source failed unexpectedly: {e}")))?;
        inspect::trace_phase("source compared with the live dump", start);
        Ok::<_, Error>(checked)
    };
    let mut shadow_db = ShadowDb::new(target.clone());
    let (checked, started) = tokio::join!(live, shadow_db.start(session.server_major()));
    let (live, matched) = checked?;
    match matched {
        SourceMatch::Dump => {
            drop(shadow_db);
            shadow::check_named(session, target, scope).await?;
            return Ok(Compared {
                declared: None,
                live,
                compared_live: None,
                warnings: Vec::new(),
                renames: Vec::new(),
                ignored_declarations: Vec::new(),
                shadow: ShadowUse::Skipped,
            });
        }
        // A pending rename needs the whole source: the shadow undoes it on the objects the
        // annotation names, which a partial load would leave out.
        SourceMatch::Changed(changed) if partial && !annotates_renames(schema_dir, &changed) => {
            started?;
            let start = std::time::Instant::now();
            let loaded =
                load_changed(session, schema_dir, &mut shadow_db, &live, &changed, scope).await?;
            inspect::trace_phase(
                &format!(
                    "shadow, partial ({}){}",
                    tree_match::describe(&changed),
                    if loaded.is_some() {
                        ""
                    } else {
                        ": loading everything"
                    }
                ),
                start,
            );
            if let Some((narrowed, shadow)) = loaded {
                return Ok(Compared {
                    live,
                    compared_live: Some(narrowed),
                    declared: Some(shadow.catalog),
                    warnings: shadow.warnings,
                    renames: Vec::new(),
                    ignored_declarations: Vec::new(),
                    shadow: ShadowUse::Partial {
                        files: changed.changed.len(),
                        objects: changed.loaded_objects(),
                    },
                });
            }
        }
        SourceMatch::Changed(_) | SourceMatch::Other => started?,
    }
    let start = std::time::Instant::now();
    let shadow = shadow_db
        .load_tree(session, schema_dir, scope, Vec::new())
        .await?;
    inspect::trace_phase("shadow (load, inspect)", start);
    Ok(Compared::full(live, shadow, Vec::new()))
}

/// Whether a changed file carries a rename annotation.
fn annotates_renames(schema_dir: &Path, changed: &tree_match::Partial) -> bool {
    changed.changed.iter().any(|file| {
        std::fs::read_to_string(schema_dir.join(file))
            .is_ok_and(|text| text.contains(crate::source::renames::MARKER))
    })
}

/// As [`catalogs_on`] for a source laid out otherwise than dump lays it out: the whole source
/// loads into the shadow while the live database is read.
async fn catalogs_with_full_load(
    session: &Session,
    schema_dir: &Path,
    target: &ShadowTarget,
    scope: &Scope,
) -> Result<Compared> {
    let start = std::time::Instant::now();
    let mut shadow_db = ShadowDb::new(target.clone());
    // The shadow first: its first query (the live role names) goes ahead of the inspection's.
    let shadow = shadow_db.load_tree(session, schema_dir, scope, Vec::new());
    let live = inspect::inspect_cached(session, scope, inspect::Depth::Ordered);
    let (shadow, live) = tokio::try_join!(shadow, live)?;
    inspect::trace_phase("live inspect and shadow (start, load, inspect)", start);
    Ok(Compared::full(live, shadow, Vec::new()))
}

/// Loads only the changed files of `partial` (with what they need and what depends on them)
/// and returns both sides narrowed to that part, or `None` when the partial load cannot stand
/// for a full one (a statement failed, or see [`tree_match::Partial::narrow`]).
async fn load_changed(
    session: &Session,
    schema_dir: &Path,
    shadow_db: &mut ShadowDb,
    live: &Catalog,
    partial: &tree_match::Partial,
    scope: &Scope,
) -> Result<Option<(Catalog, shadow::Shadow)>> {
    let Some(statements) = partial.statements(schema_dir, tree_match::read_from_disk) else {
        return Ok(None);
    };
    let mut shadow = shadow_db.load(session, statements, scope).await?;
    if !shadow.failures.is_empty() {
        return Ok(None);
    }
    let Some(narrowed) = partial.narrow(live, &shadow.catalog) else {
        return Ok(None);
    };
    shadow
        .catalog
        .adopt_unstated_owners(&narrowed, &shadow.loader);
    Ok(Some((narrowed, shadow)))
}

/// As [`catalogs_on`] under `[ignore]` rules: the live database is read first, whole, because
/// the shadow needs the live definitions of the ignored objects that the source does not
/// declare (shells, so that a foreign key to `auth.users` loads). The scope's rules take them
/// out of both catalogs again: they are never diffed.
async fn catalogs_with_shells(
    session: &Session,
    schema_dir: &Path,
    target: &ShadowTarget,
    scope: &Scope,
    default_schema: &str,
) -> Result<Compared> {
    let start = std::time::Instant::now();
    let mut live =
        inspect::inspect_cached(session, &scope.without_ignore(), inspect::Depth::Ordered).await?;
    inspect::trace_phase("live inspect", start);
    let ignored = ignore::ignored_part(&live, &scope.ignore);
    ignore::apply(&mut live, scope);
    let (dir, schema) = (schema_dir.to_path_buf(), default_schema.to_string());
    let source = tokio::task::spawn_blocking(move || SourceModel::load(&dir, &schema))
        .await
        .map_err(|e| Error::Usage(format!("reading the source failed unexpectedly: {e}")))??;
    let declared = source.declared();
    let shells = ignore::shell_statements(&ignored, |id| declared.contains_key(id));
    let start = std::time::Instant::now();
    let shadow = shadow::declared_catalog(session, schema_dir, target, scope, shells).await?;
    inspect::trace_phase("shadow (start, load, inspect)", start);
    let ignored_declarations = ignore::declared_problems(&source, &scope.ignore)
        .iter()
        .map(|p| format!("{}: {}", p.span, p.message))
        .collect();
    Ok(Compared::full(live, shadow, ignored_declarations))
}

/// The statements taking `live` to `declared`.
pub fn statements(live: &Catalog, declared: &Catalog, options: PlanOptions) -> Vec<Statement> {
    let kept;
    let declared = if options.keep_undeclared {
        let mut with_live_grants = declared.clone();
        with_live_grants.keep_undeclared_grants(live);
        kept = with_live_grants;
        &kept
    } else {
        declared
    };
    let (live, declared) = Side::pair(live, declared);
    migrate::plan(&live, &declared, options)
}

pub async fn generate(options: &MigrateOptions) -> Result<MigrateReport> {
    check_label(&options.label)?;
    crate::source::require_schema_dir(&options.schema_dir)?;
    let session = Session::open(&options.conninfo).await?;
    let Compared {
        live,
        compared_live,
        declared,
        warnings,
        renames,
        ignored_declarations,
        shadow: shadow_use,
    } = catalogs_on(
        &session,
        &options.schema_dir,
        (&options.shadow, options.partial_shadow),
        &options.scope,
        &options.default_schema,
    )
    .await?;
    let mut warnings = [
        ignore::unused_rule_warnings(&live.ignored),
        ignored_declarations,
        warnings,
    ]
    .concat();
    let start = std::time::Instant::now();
    let mut planned = match &declared {
        Some(declared) => statements(
            compared_live.as_ref().unwrap_or(&live),
            declared,
            options.plan,
        ),
        None => Vec::new(),
    };
    // Renames last: everything before names objects as live does (the shadow undid them).
    let (members, objects): (Vec<&Rename>, Vec<&Rename>) =
        renames.iter().partition(|r| r.is_member());
    planned.extend(
        objects
            .into_iter()
            .chain(members)
            .map(|r| Statement::plain(r.sql(&r.old, r.new_name()))),
    );
    inspect::trace_phase("plan", start);
    mark_locks(&session, &live, &mut planned).await?;
    let hazards: Vec<String> = planned.iter().filter_map(|s| s.hazard.clone()).collect();
    let locks: Vec<String> = planned.iter().flat_map(|s| s.locks.clone()).collect();
    warnings.extend(
        planned
            .iter()
            .filter_map(|s| s.sql.strip_prefix("-- pg-flux: "))
            .map(|w| w.trim().to_string()),
    );
    if options.no_destructive && !hazards.is_empty() {
        return Err(Error::Usage(format!(
            "the migration would be destructive ({}{}); nothing was written because of --no-destructive",
            hazards[0],
            if hazards.len() > 1 {
                format!(", and {} more", hazards.len() - 1)
            } else {
                String::new()
            }
        )));
    }
    if let Some(why) = migrate::transaction_blocker(&planned) {
        warnings.push(format!(
            "the migration does not run in one transaction: {why}"
        ));
    }
    let header = format!(
        "pg-flux migrate generate --label {}\nTakes the live database to the source in {}.",
        options.label,
        options.schema_dir.display()
    );
    let text = migrate::render(&planned, &header);
    let count = migrate::count_statements(&text);
    let path = write_migration(&options.migrations_dir, &options.label, &text)?;
    Ok(MigrateReport {
        path,
        statements: count,
        hazards,
        locks,
        warnings,
        shadow: shadow_use,
    })
}

/// Sets each statement's lock hazards, with the live size of every table they name.
async fn mark_locks(session: &Session, live: &Catalog, planned: &mut [Statement]) -> Result<()> {
    let found = migrate::locks::lock_hazards(planned.iter().map(|s| s.sql.as_str()), live);
    let tables: Vec<_> = found.iter().flatten().map(|h| h.table.clone()).collect();
    if tables.is_empty() {
        return Ok(());
    }
    let sizes = inspect::table_sizes(session.client(), &tables).await?;
    for (statement, hazards) in planned.iter_mut().zip(found) {
        statement.locks = hazards
            .iter()
            .map(|h| h.describe(sizes.get(&h.table)))
            .collect();
    }
    Ok(())
}

fn check_label(label: &str) -> Result<()> {
    let ok = !label.is_empty()
        && label.len() <= 100
        && label
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ok {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "invalid --label {label:?}: use letters, digits, '_' and '-'"
        )))
    }
}

/// Writes `<dir>/<stamp>_<label>.sql` (a second migration in the same second gets `_2`, …),
/// through a temporary file so a failure leaves nothing half-written.
fn write_migration(dir: &Path, label: &str, text: &str) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let stamp = utc_stamp(SystemTime::now());
    let mut path = dir.join(format!("{stamp}_{label}.sql"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stamp}_{label}_{n}.sql"));
        n += 1;
    }
    let tmp = dir.join(format!(".{stamp}_{label}.sql.tmp"));
    std::fs::write(&tmp, text).map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))?;
    Ok(path)
}

/// `verify --drift`: how the declared objects differ from their live definitions. Each
/// difference is listed once: a column or constraint on one side only is verify's to list
/// (undeclared, or pending), and privileges come as the GRANT/REVOKE that would fix them.
pub async fn drift(
    conninfo: &str,
    schema_dir: &Path,
    shadow: (&ShadowTarget, bool),
    scope: &Scope,
    default_schema: &str,
) -> Result<(Vec<Change>, Vec<String>)> {
    let (live, declared, warnings) =
        catalogs(conninfo, schema_dir, shadow, scope, default_schema).await?;
    Ok((drift_between(&live, &declared), warnings))
}

fn drift_between(live: &Catalog, declared: &Catalog) -> Vec<Change> {
    let (live, declared) = Side::pair(live, declared);
    let mut out = Vec::new();
    // Per declared object: whether its privilege differences became one GRANT/REVOKE entry.
    let mut privileges: std::collections::HashMap<usize, bool> = Default::default();
    for (index, change) in diff::located_changes(&live, &declared) {
        let Difference::Property { sub, property, .. } = &change.difference else {
            if change.difference != Difference::OnlyLive {
                out.push(change);
            }
            continue;
        };
        if sub.is_some() && property == "exists" {
            continue;
        }
        let on_privileges = property == "acl" || property.starts_with("acl.");
        let Some(i) = index.filter(|_| on_privileges) else {
            out.push(change);
            continue;
        };
        let fixed = *privileges.entry(i).or_insert_with(|| {
            let d = &declared.objects[i];
            let fix = live
                .find(&d.key)
                .map(|j| migrate::privilege_fix(&live.objects[j], d))
                .unwrap_or_default();
            if fix.is_empty() {
                return false;
            }
            out.push(Change {
                kind: change.kind,
                object: change.object.clone(),
                difference: Difference::Privileges { fix },
            });
            true
        });
        if !fixed {
            out.push(change);
        }
    }
    out
}

/// `verify --drift`'s section of the report.
pub fn render_drift(changes: &[Change]) -> String {
    let (missing, differing): (Vec<&Change>, Vec<&Change>) = changes
        .iter()
        .partition(|c| c.difference == Difference::OnlyDeclared);
    let mut out = String::new();
    if changes.is_empty() {
        out.push_str("\ndrift: none — every declared object matches its live definition.\n");
        return out;
    }
    if !differing.is_empty() {
        out.push_str(&format!(
            "\nDrift: live definition differs from source ({}):\n",
            differing.len()
        ));
        for c in differing {
            out.push_str(&render_difference(c));
        }
    }
    if !missing.is_empty() {
        out.push_str(&format!(
            "\nDeclared, missing from the live database ({}):\n",
            missing.len()
        ));
        for c in missing {
            out.push_str(&format!("- {} {}\n", c.kind, c.object));
        }
    }
    out
}

/// One difference for a reviewer: bodies as a unified diff labelled `live` and `source`,
/// privileges as the statements that would fix them, anything else on one line.
fn render_difference(change: &Change) -> String {
    let indent = |text: &str| -> String { text.lines().map(|l| format!("    {l}\n")).collect() };
    match &change.difference {
        Difference::Privileges { fix } => format!(
            "- {} {}: privileges differ; to match the source:\n{}",
            change.kind,
            change.object,
            indent(&fix.concat())
        ),
        Difference::Property {
            sub,
            property,
            live: Some(live),
            declared: Some(declared),
        } if live.contains('\n') || declared.contains('\n') => {
            let what = match sub {
                Some((kind, name)) => {
                    format!("{kind} {}.{}", change.object, crate::emit::sql::ident(name))
                }
                None => format!("{} {}", change.kind, change.object),
            };
            let diff = similar::TextDiff::from_lines(live.as_str(), declared.as_str())
                .unified_diff()
                .context_radius(3)
                .missing_newline_hint(false)
                .header("live", "source")
                .to_string();
            format!("- {what}: {property} differs:\n{}", indent(&diff))
        }
        _ => format!("- {change}\n"),
    }
}
