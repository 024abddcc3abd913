//! Types (enum, composite, range), domains, views and materialized views.

use super::Block;
use crate::model::Catalog;

pub(crate) fn types(_catalog: &Catalog) -> Vec<Block> {
    Vec::new()
}

pub(crate) fn domains(_catalog: &Catalog) -> Vec<Block> {
    Vec::new()
}

pub(crate) fn views(_catalog: &Catalog) -> Vec<Block> {
    Vec::new()
}
