//! Identity extraction on fixture and hand-written SQL: pure, no database.

use std::path::Path;

use super::*;
use crate::identity::ObjectKind;

fn model(text: &str) -> FileModel {
    extract::file_model(Path::new("x.sql"), text, "public")
}

fn shown(text: &str) -> Vec<String> {
    model(text)
        .declarations
        .iter()
        .map(|d| format!("{} {}", d.identity.kind.singular(), d.identity))
        .collect()
}

#[test]
fn dump_fixture_01() {
    let text = include_str!("../../../schema-fixtures/01_saas_app/fixture.sql");
    for line in shown(text) {
        println!("{line}");
    }
    for p in model(text).untracked {
        println!("untracked {}: {}", p.span, p.message);
    }
}
