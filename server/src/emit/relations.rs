//! Tables, sequences and indexes.

use super::Block;
use crate::model::Catalog;

pub(crate) fn tables(_catalog: &Catalog) -> Vec<Block> {
    Vec::new()
}

pub(crate) fn sequences(_catalog: &Catalog) -> Vec<Block> {
    Vec::new()
}

pub(crate) fn indexes(_catalog: &Catalog) -> Vec<Block> {
    Vec::new()
}
