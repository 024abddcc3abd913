//! The edits of a rename in one file: each occurrence written anew, and the rename annotation
//! that `migrate generate` reads above the declaration.

use super::{Form, Occurrence, Target};

/// A replacement of `start..end` in one file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The edits that rename every occurrence in `text` to `new_name` (quoted as it must be) and,
/// with `annotate`, write `-- pg-flux: renamed from <old>` above the declaration unless one is
/// already there (a second rename before the migration keeps the live name).
pub fn rename_edits(
    text: &str,
    occurrences: &[Occurrence],
    target: &Target,
    new_name: &str,
    annotate: bool,
) -> Vec<Edit> {
    let quoted = crate::emit::sql::ident(new_name);
    let mut edits: Vec<Edit> = occurrences
        .iter()
        .map(|o| Edit {
            start: o.start,
            end: o.end,
            text: match o.form {
                Form::Name => quoted.clone(),
                Form::InString => quoted.replace('\'', "''"),
                Form::Output => format!("{quoted} AS {}", crate::emit::sql::ident(target.name())),
            },
        })
        .collect();
    if annotate {
        if let Some(declaration) = occurrences.iter().find(|o| o.declares) {
            edits.extend(annotation(text, declaration, target));
        }
    }
    edits.sort_by_key(|e| (e.start, e.end));
    // An insertion where a replacement starts becomes part of it: clients differ on the order
    // of an insertion and a replacement at one place.
    let mut merged: Vec<Edit> = Vec::with_capacity(edits.len());
    for edit in edits {
        match merged.last_mut() {
            Some(last) if last.start == last.end && last.start == edit.start => {
                last.end = edit.end;
                last.text.push_str(&edit.text);
            }
            _ => merged.push(edit),
        }
    }
    merged
}

/// The rename annotation's insertion: above the declaring statement, or for a column or
/// constraint declared inside `CREATE TABLE (…)`, above its line.
fn annotation(text: &str, declaration: &Occurrence, target: &Target) -> Option<Edit> {
    let note = format!(
        "-- pg-flux: renamed from {}",
        crate::emit::sql::ident(target.name())
    );
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let member = matches!(target, Target::Column { .. } | Target::Constraint { .. })
        && text[declaration.statement_start..declaration.start].contains('(');
    if !member {
        let at = declaration.statement_start;
        let gap_start = text[..at].rfind(';').map_or(0, |i| i + 1);
        if crate::source::renames::annotation_in(&text[gap_start..at]).is_some() {
            return None;
        }
        let start = line_start(at);
        let before = &text[start..at];
        return Some(if before.trim().is_empty() {
            Edit {
                start,
                end: start,
                text: format!("{note}\n"),
            }
        } else {
            Edit {
                start: at,
                end: at,
                text: format!("\n{note}\n"),
            }
        });
    }
    // The member starts at its name, or at `CONSTRAINT` before it.
    let start = line_start(declaration.start);
    let before = &text[start..declaration.start];
    let lead = before.len() - before.trim_start().len();
    let rest = before.trim();
    let alone = rest.is_empty() || rest.eq_ignore_ascii_case("constraint");
    if alone {
        let above = line_start(start.saturating_sub(1));
        if start > 0
            && text[above..start - 1]
                .trim_start()
                .starts_with("-- pg-flux: renamed from ")
        {
            return None;
        }
        return Some(Edit {
            start,
            end: start,
            text: format!("{}{note}\n", &before[..lead]),
        });
    }
    let member_start = if rest.to_ascii_lowercase().ends_with("constraint") {
        declaration.start - (before.len() - before.trim_end().len()) - "constraint".len()
    } else {
        declaration.start
    };
    Some(Edit {
        start: member_start,
        end: member_start,
        text: format!("\n    {note}\n    "),
    })
}
