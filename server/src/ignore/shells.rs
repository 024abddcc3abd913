//! Shells: the live definitions of ignored objects, loaded into the shadow database before the
//! source so that source referring to them (a foreign key to `auth.users`) loads.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::identity::Identity;
use crate::inventory::{inventory, Render};
use crate::load::SourceStatement;
use crate::model::{Catalog, CatalogRef};

/// Where a shell comes from, as load failures and progress name it.
const SHELL_FILE: &str = "pg-flux.toml [ignore]: live definition of";

/// The statements that recreate `ignored` (an [`ignored_part`] of the live catalog) in the
/// shadow database, each under a file name that says which object it is, less the objects
/// `is_declared` (the source declares those itself).
pub fn shell_statements(
    ignored: &Catalog,
    is_declared: impl Fn(&Identity) -> bool,
) -> Vec<SourceStatement> {
    let mut part = ignored.clone();
    let objects = inventory(&part);
    let mut names: HashMap<CatalogRef, String> = HashMap::new();
    let mut declared: HashSet<CatalogRef> = HashSet::new();
    for o in &objects {
        let Render::Blocks(blocks) = &o.render else {
            continue;
        };
        for r in blocks {
            let name = format!("{} {}", o.identity.kind.singular(), o.identity);
            names.entry(*r).or_insert(name);
            if is_declared(&o.identity) {
                declared.insert(*r);
            }
        }
    }
    part.retain_objects(|r| !declared.contains(&r));
    let mut statements = Vec::new();
    for block in crate::emit::emit(&part) {
        let name = block
            .provides
            .iter()
            .chain(&block.requires)
            .find_map(|r| names.get(r))
            .map_or("an ignored object", String::as_str);
        let file = PathBuf::from(format!("{SHELL_FILE} {name}"));
        // Emitted SQL always splits; a block that did not would only lose its shell.
        if let Ok(split) = crate::load::split(&file, &block.sql) {
            statements.extend(split);
        }
    }
    statements
}

/// Whether a load failure is a shell's (not the source's).
pub fn is_shell_file(file: &Path) -> bool {
    file.to_string_lossy().starts_with(SHELL_FILE)
}
