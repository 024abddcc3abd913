//! Security labels: one block per labelled object, right after the block that creates it and
//! in the same file, as pg_dump places them after their object.

use std::collections::HashMap;

use super::sql::literal;
use super::{Block, Dir, FilePlace, Phase};
use crate::model::{Catalog, CatalogRef, SecurityLabel};

/// `SECURITY LABEL FOR provider ON target IS 'label';`
pub fn label_sql(label: &SecurityLabel) -> String {
    format!(
        "SECURITY LABEL FOR {} ON {} IS {};\n",
        super::sql::ident(&label.provider),
        label.target,
        literal(&label.label)
    )
}

/// `blocks` with a label block after the first block that creates each labelled object. A
/// label whose object emits nothing (an ignored object, one out of scope) goes with it; one on
/// `public` as initdb made it gets a block in the schema's file.
pub(crate) fn with_labels(blocks: Vec<Block>, catalog: &Catalog) -> Vec<Block> {
    if catalog.security_labels.is_empty() {
        return blocks;
    }
    let mut by_object: HashMap<CatalogRef, String> = HashMap::new();
    let mut order: Vec<CatalogRef> = Vec::new();
    for label in &catalog.security_labels {
        let sql = by_object.entry(label.object).or_insert_with(|| {
            order.push(label.object);
            String::new()
        });
        sql.push_str(&label_sql(label));
    }
    let label_block = |file: FilePlace, object: CatalogRef, sql: String| Block {
        file,
        phase: Phase::Label,
        provides: Vec::new(),
        requires: vec![object],
        sql,
        populate: None,
    };
    let mut out = Vec::with_capacity(blocks.len() + by_object.len());
    for block in blocks {
        let labelled = block
            .provides
            .iter()
            .find_map(|r| by_object.remove_entry(r));
        let file = block.file.clone();
        out.push(block);
        if let Some((object, sql)) = labelled {
            out.push(label_block(file, object, sql));
        }
    }
    for object in order {
        let Some(sql) = by_object.remove(&object) else {
            continue;
        };
        if let CatalogRef::Schema(oid) = object {
            if let Some(schema) = catalog.schemas.iter().find(|s| s.oid == oid) {
                out.push(label_block(
                    FilePlace::global(Dir::Schemas, &schema.name),
                    object,
                    sql,
                ));
            }
        }
    }
    out
}
