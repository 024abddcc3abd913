//! References and rename: the name under the cursor is given its role by the statement's
//! syntax tree ([`crate::source::references`]), then looked for in every source file. A
//! rename edits each occurrence and writes the rename annotation that `migrate generate`
//! turns into `ALTER … RENAME`, so the object keeps its data.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types::{Location, Position, Range, TextEdit, Uri, WorkspaceEdit};

use super::database::{Database, LiveState};
use super::text::LineIndex;
use super::workspace::Workspace;
use crate::identity::{Identity, ObjectKind};
use crate::model::QualifiedName;
use crate::source::references::{self, Names, Namespace, Occurrence, Target};

const RELATION_KINDS: [ObjectKind; 5] = [
    ObjectKind::Table,
    ObjectKind::View,
    ObjectKind::MaterializedView,
    ObjectKind::ForeignTable,
    ObjectKind::Sequence,
];
const TYPE_KINDS: [ObjectKind; 2] = [ObjectKind::Type, ObjectKind::Domain];
const ROUTINE_KINDS: [ObjectKind; 3] = [
    ObjectKind::Function,
    ObjectKind::Procedure,
    ObjectKind::Aggregate,
];

/// What the server knows of the objects, declared or live.
struct Known<'a> {
    ws: &'a Workspace,
    live: Option<std::sync::Arc<LiveState>>,
}

impl Known<'_> {
    fn has(&self, id: &Identity) -> bool {
        self.ws.is_declared(id) || self.live.as_ref().is_some_and(|l| l.is_live(id))
    }

    fn is_live(&self, id: &Identity) -> bool {
        self.live.as_ref().is_some_and(|l| l.is_live(id))
    }

    /// Routines named `schema.name` (any arguments), declared and live.
    fn routines(&self, schema: &str, name: &str) -> Vec<Identity> {
        self.named(&ROUTINE_KINDS, schema, name)
    }

    /// Objects of `kinds` named `schema.name`, declared and live (for the kinds whose
    /// identities hold more than the name: a routine's arguments, an index's table).
    fn named(&self, kinds: &[ObjectKind], schema: &str, name: &str) -> Vec<Identity> {
        let named = |id: &Identity| {
            kinds.contains(&id.kind)
                && id.schema.as_deref() == Some(schema)
                && &*id.name == name
                && id.grant_of().is_none()
        };
        let mut found = self.ws.identities_where(named);
        if let Some(live) = &self.live {
            found.extend(
                live.objects
                    .iter()
                    .filter(|o| named(&o.identity))
                    .map(|o| o.identity.clone()),
            );
        }
        found.sort();
        found.dedup();
        found
    }

    fn exists(&self, ns: Namespace, schema: &str, name: &str) -> bool {
        let any = |kinds: &[ObjectKind]| {
            kinds
                .iter()
                .any(|k| self.has(&Identity::new(*k, schema, name)))
        };
        match ns {
            Namespace::Relation => any(&RELATION_KINDS),
            Namespace::Type => any(&TYPE_KINDS),
            Namespace::Function => !self.routines(schema, name).is_empty(),
        }
    }

    fn has_column(&self, table: &QualifiedName, column: &str) -> bool {
        self.has(&Identity::of_table(
            ObjectKind::Column,
            &table.schema,
            &table.name,
            column,
        ))
    }

    /// The identities a target stands for (several for a relation name: one is the object).
    fn identities(&self, target: &Target) -> Vec<Identity> {
        let of_kinds = |kinds: &[ObjectKind], q: &QualifiedName| -> Vec<Identity> {
            kinds
                .iter()
                .map(|k| Identity::new(*k, &q.schema, &q.name))
                .collect()
        };
        match target {
            Target::Relation(q) => {
                let mut ids = of_kinds(&RELATION_KINDS, q);
                ids.extend(self.named(&[ObjectKind::Index], &q.schema, &q.name));
                ids
            }
            Target::Type(q) => of_kinds(&TYPE_KINDS, q),
            Target::Function(q) => self.routines(&q.schema, &q.name),
            Target::Column { table, column } => vec![Identity::of_table(
                ObjectKind::Column,
                &table.schema,
                &table.name,
                column,
            )],
            Target::Constraint { table, name } => vec![Identity::of_table(
                ObjectKind::Constraint,
                &table.schema,
                &table.name,
                name,
            )],
        }
    }
}

/// Runs `f` with the names the workspace and the live database know.
fn with_names<T>(ws: &Workspace, db: Option<&Database>, f: impl FnOnce(&Names, &Known) -> T) -> T {
    let known = Known {
        ws,
        live: db.and_then(Database::live),
    };
    let settings = ws.settings();
    let exists = |ns: Namespace, schema: &str, name: &str| known.exists(ns, schema, name);
    let has_column = |table: &QualifiedName, column: &str| known.has_column(table, column);
    let names = Names::new(&settings.search_path, &exists, &has_column);
    f(&names, &known)
}

/// The target at `position` of `path`, and the range of its name there.
fn target_at(
    ws: &Workspace,
    names: &Names,
    path: &Path,
    position: Position,
) -> Option<(Target, Range)> {
    let text = ws.text(path)?;
    let index = LineIndex::new(&text);
    let (target, start, end) = references::target_at(&text, index.offset(position), names)?;
    Some((target, index.range(start, end)))
}

/// Every occurrence of `target` in the source (and in `current`, open outside it), by file.
fn occurrences_of(
    ws: &Workspace,
    names: &Names,
    target: &Target,
    current: &Path,
) -> Vec<(PathBuf, std::sync::Arc<str>, Vec<Occurrence>)> {
    let mut out = Vec::new();
    for file in ws.files.iter() {
        if !file.in_source && file.key() != current {
            continue;
        }
        let found = references::occurrences(&file.text, target, names);
        if !found.is_empty() {
            out.push((file.key().clone(), file.text.clone(), found));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// `textDocument/references`.
pub fn references(
    ws: &Workspace,
    db: Option<&Database>,
    path: &Path,
    position: Position,
    include_declaration: bool,
) -> Vec<Location> {
    with_names(ws, db, |names, _| {
        let Some((target, _)) = target_at(ws, names, path, position) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (file, text, found) in occurrences_of(ws, names, &target, path) {
            let Some(uri) = Uri::from_file_path(&file) else {
                continue;
            };
            let index = LineIndex::new(&text);
            out.extend(
                found
                    .iter()
                    .filter(|o| include_declaration || !o.declares)
                    .map(|o| Location::new(uri.clone(), index.range(o.start, o.end))),
            );
        }
        out
    })
}

/// Why the target cannot be renamed, if it cannot.
fn refusal(
    target: &Target,
    known: &Known,
    found: &[(PathBuf, std::sync::Arc<str>, Vec<Occurrence>)],
) -> Option<String> {
    let what = describe(target);
    let declared = found.iter().flat_map(|f| &f.2).any(|o| o.declares);
    if !declared {
        let live = known.identities(target).iter().any(|id| known.is_live(id));
        return Some(if live {
            format!("{what} is live only: pull it into the source to rename it")
        } else {
            format!(
                "{what} is not declared in the source (an extension's member or a built-in): \
                 pg-flux renames only what the source declares"
            )
        });
    }
    if let Target::Function(q) = target {
        let overloads = known.routines(&q.schema, &q.name).len();
        if overloads > 1 {
            return Some(format!(
                "{what} has {overloads} overloads: rename one by editing its declaration"
            ));
        }
    }
    None
}

fn describe(target: &Target) -> String {
    let name = |q: &QualifiedName| crate::emit::sql::qualified(q);
    match target {
        Target::Relation(q) => name(q),
        Target::Type(q) => format!("type {}", name(q)),
        Target::Function(q) => format!("function {}", name(q)),
        Target::Column { table, column } => {
            format!(
                "column {} of {}",
                crate::emit::sql::ident(column),
                name(table)
            )
        }
        Target::Constraint { table, name: n } => {
            format!(
                "constraint {} of {}",
                crate::emit::sql::ident(n),
                name(table)
            )
        }
    }
}

/// `textDocument/prepareRename`: the name's range, or why it cannot be renamed.
pub fn prepare_rename(
    ws: &Workspace,
    db: Option<&Database>,
    path: &Path,
    position: Position,
) -> Result<(Range, String), String> {
    with_names(ws, db, |names, known| {
        let (target, range) = target_at(ws, names, path, position)
            .ok_or_else(|| "nothing that can be renamed is here".to_string())?;
        let found = occurrences_of(ws, names, &target, path);
        match refusal(&target, known, &found) {
            Some(reason) => Err(reason),
            None => Ok((range, target.name().to_string())),
        }
    })
}

/// `textDocument/rename`: one edit for every occurrence in the source, and the rename
/// annotation above the declaration when the object is live (or the database not read).
pub fn rename(
    ws: &Workspace,
    db: Option<&Database>,
    path: &Path,
    position: Position,
    new_name: &str,
) -> Result<WorkspaceEdit, String> {
    if new_name.is_empty() || new_name.contains('\0') || new_name.len() > 63 {
        return Err("a name is 1 to 63 bytes, without NUL".to_string());
    }
    with_names(ws, db, |names, known| {
        let (target, _) = target_at(ws, names, path, position)
            .ok_or_else(|| "nothing that can be renamed is here".to_string())?;
        let found = occurrences_of(ws, names, &target, path);
        if let Some(reason) = refusal(&target, known, &found) {
            return Err(reason);
        }
        let renamed = match &target {
            Target::Relation(q) => Target::Relation(QualifiedName::new(&q.schema, new_name)),
            Target::Type(q) => Target::Type(QualifiedName::new(&q.schema, new_name)),
            Target::Function(q) => Target::Function(QualifiedName::new(&q.schema, new_name)),
            Target::Column { table, .. } => Target::Column {
                table: table.clone(),
                column: new_name.to_string(),
            },
            Target::Constraint { table, .. } => Target::Constraint {
                table: table.clone(),
                name: new_name.to_string(),
            },
        };
        if new_name != target.name() && known.identities(&renamed).iter().any(|id| known.has(id)) {
            return Err(format!("{} already exists", describe(&renamed)));
        }
        // Pending (declared, not live) objects need no annotation: there is nothing to keep.
        let live_read = known.live.is_some();
        let annotate = new_name != target.name()
            && (!live_read || known.identities(&target).iter().any(|id| known.is_live(id)));
        let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
        for (file, text, occurrences) in &found {
            let Some(uri) = Uri::from_file_path(file) else {
                continue;
            };
            let index = LineIndex::new(text);
            let edits = references::rename_edits(text, occurrences, &target, new_name, annotate);
            changes.insert(
                uri,
                edits
                    .into_iter()
                    .map(|e| TextEdit::new(index.range(e.start, e.end), e.text))
                    .collect(),
            );
        }
        Ok(WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        })
    })
}
