//! Code lenses: above each declaring statement of a source file, the declared object's status
//! from the same data hover reads (the last inspection and drift check): `in sync`,
//! `drift: <what differs>`, `pending`, or `not checked` (no database, not inspected yet, or
//! drift not checked).
//!
//! Clicking a lens runs [`SHOW_STATUS`], a command the server registers and answers with
//! `window/showMessage` holding hover's text. Every LSP client runs server commands and shows
//! messages; a client-side command such as VS Code's `editor.action.showHover` exists in one
//! editor only.

use std::path::Path;

use serde_json::{json, Value};
use tower_lsp_server::ls_types::{CodeLens, Command, MessageType, Uri};

use super::backend::Shared;
use super::database::{Database, DriftStatus, Status};
use super::drift::Drift;
use super::text::LineIndex;
use super::workspace::Workspace;
use crate::identity::{Identity, ObjectKind};
use crate::source::Declaration;

pub const SHOW_STATUS: &str = "pg-flux.showStatus";

/// One lens per declaring statement of a source file.
pub fn code_lenses(ws: &Workspace, db: Option<&Database>, path: &Path) -> Vec<CodeLens> {
    let Some(file) = ws.files.get(path).filter(|f| f.in_source) else {
        return Vec::new();
    };
    let Some(uri) = Uri::from_file_path(path) else {
        return Vec::new();
    };
    let rules = ws.settings().ignore.clone();
    let index = LineIndex::new(&file.text);
    let mut out = Vec::new();
    for d in statement_objects(&file.model.declarations) {
        // `[ignore]` leaves the object to others: its warning says so.
        if rules.rule_for_declared(&d.identity).is_some() {
            continue;
        }
        let at = index.position(d.span.start);
        let kind = d.identity.kind.singular();
        let identity = d.identity.to_string();
        out.push(CodeLens {
            range: tower_lsp_server::ls_types::Range::new(at, at),
            command: Some(Command::new(
                title(db, &d.identity),
                SHOW_STATUS.to_string(),
                Some(vec![
                    json!({"uri": uri.as_str(), "kind": kind, "identity": identity}),
                ]),
            )),
            data: None,
        });
    }
    out
}

/// The object each statement declares: its first declaration of a whole object, else of a
/// sub-object (a column, constraint or index declared on its own); grants get none.
fn statement_objects(declarations: &[Declaration]) -> Vec<&Declaration> {
    let shown = |d: &&Declaration| {
        !d.implied
            && d.identity.grant_of().is_none()
            && !matches!(
                d.identity.kind,
                ObjectKind::Grant | ObjectKind::DefaultPrivileges | ObjectKind::Unmodeled
            )
    };
    let mut out: Vec<&Declaration> = Vec::new();
    for d in declarations.iter().filter(shown) {
        match out.iter_mut().find(|o| o.span.start == d.span.start) {
            Some(o) if o.identity.table.is_some() && d.identity.table.is_none() => *o = d,
            Some(_) => {}
            None => out.push(d),
        }
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// The lens's title for a declared object.
pub fn title(db: Option<&Database>, identity: &Identity) -> String {
    let Some(db) = db else {
        return "not checked".to_string();
    };
    if db.status() != Status::Connected {
        return "not checked".to_string();
    }
    let Some(live) = db.live() else {
        return "not checked".to_string();
    };
    if !live.is_live(identity) {
        return "pending".to_string();
    }
    match db.drift() {
        DriftStatus::Checked(drifted, _) => match drift_of(&drifted, identity) {
            Some(what) => format!("drift: {what}"),
            None => "in sync".to_string(),
        },
        DriftStatus::Unknown => "not checked".to_string(),
    }
}

/// What differs, short: the first change's subject (`column email: type`), and how many
/// more. A column or constraint declared on its own shows its own changes only (drift is
/// recorded on its table).
fn drift_of(
    drifted: &std::collections::HashMap<Identity, Drift>,
    identity: &Identity,
) -> Option<String> {
    let changes: Vec<&String> = match (&identity.table, &identity.schema) {
        (Some(table), Some(schema)) => {
            let table = Identity::new(ObjectKind::Table, schema, table);
            let prefix = format!("{} {}:", identity.kind.singular(), identity.name);
            drifted
                .get(&table)
                .map(|d| {
                    d.changes
                        .iter()
                        .filter(|c| c.starts_with(&prefix))
                        .collect()
                })
                .unwrap_or_default()
        }
        _ => drifted
            .get(identity)
            .map(|d| d.changes.iter().collect())
            .unwrap_or_default(),
    };
    let first = changes.first()?;
    let subject = first.split(" is ").next().unwrap_or(first);
    Some(match changes.len() {
        1 => subject.to_string(),
        n => format!("{subject} (+{} more)", n - 1),
    })
}

/// [`SHOW_STATUS`]: shows hover's text for the object the lens is above, and returns it.
pub async fn show_status(sh: &Shared, arguments: &[Value]) -> Result<Value, String> {
    let arg = arguments
        .first()
        .ok_or("showStatus needs the object (the code lens's argument)")?;
    let field = |name: &str| {
        arg.get(name)
            .and_then(Value::as_str)
            .ok_or(format!("showStatus: no {name}"))
    };
    let (uri, kind, identity) = (field("uri")?, field("kind")?, field("identity")?);
    let path = uri
        .parse::<Uri>()
        .ok()
        .and_then(|u| u.to_file_path().map(|p| p.into_owned()))
        .ok_or_else(|| format!("{uri} is not a file"))?;
    let declared = sh
        .ws
        .files
        .get(&path)
        .and_then(|f| {
            f.model
                .declarations
                .iter()
                .find(|d| d.identity.kind.singular() == kind && d.identity.to_string() == identity)
                .map(|d| d.identity.clone())
        })
        .ok_or_else(|| {
            format!(
                "{kind} {identity} is not declared in {} (any more)",
                path.display()
            )
        })?;
    let db = sh.database();
    let text = super::navigate::describe(&sh.ws, db.as_deref(), &[declared]);
    sh.client.show_message(MessageType::INFO, &text).await;
    Ok(json!({"text": text}))
}

/// Asks the client to re-request code lenses whenever the database's state changes (when it
/// says it can be asked).
pub fn follow_database(sh: std::sync::Arc<Shared>, db: &Database) {
    let mut changes = db.changes();
    tokio::spawn(async move {
        while changes.changed().await.is_ok() {
            if sh.can_refresh_code_lenses() {
                if let Err(e) = sh.client.code_lens_refresh().await {
                    eprintln!("pg-flux lsp: code lens refresh: {e}");
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn drift_titles_name_the_first_change() {
        let users = Identity::new(ObjectKind::Table, "public", "users");
        let drifted = HashMap::from([(
            users.clone(),
            Drift {
                changes: vec![
                    "column email: type is character varying(80) live, text declared".into(),
                    "column name: not null is false live, true declared".into(),
                ],
            },
        )]);
        assert_eq!(
            drift_of(&drifted, &users).as_deref(),
            Some("column email: type (+1 more)")
        );
        let name = Identity::of_table(ObjectKind::Column, "public", "users", "name");
        assert_eq!(
            drift_of(&drifted, &name).as_deref(),
            Some("column name: not null")
        );
        let other = Identity::new(ObjectKind::Table, "public", "orders");
        assert_eq!(drift_of(&drifted, &other), None);
        assert_eq!(title(None, &users), "not checked");
    }

    #[test]
    fn one_lens_per_statement_on_its_object() {
        let text = "CREATE TABLE public.t (id integer PRIMARY KEY, a text);\n\
                    GRANT SELECT ON public.t TO PUBLIC;\n\
                    ALTER TABLE public.t ADD CONSTRAINT a_set CHECK (a <> '');\n\
                    CREATE INDEX t_a ON public.t (a);\n";
        let model = crate::source::parse_file(Path::new("t.sql"), text, "public");
        let shown: Vec<String> = statement_objects(&model.declarations)
            .iter()
            .map(|d| format!("{} {}", d.identity.kind.singular(), d.identity))
            .collect();
        assert_eq!(
            shown,
            [
                "table public.t",
                "constraint public.t.a_set",
                "index public.t_a"
            ]
        );
    }
}
