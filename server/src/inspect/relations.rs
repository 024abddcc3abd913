//! Tables, sequences and indexes.

use super::sql::Context;
use crate::error::Result;
use crate::model::{Index, Sequence, Table};

pub(crate) async fn tables(_ctx: &Context<'_>) -> Result<Vec<Table>> {
    Ok(Vec::new())
}

pub(crate) async fn sequences(_ctx: &Context<'_>) -> Result<Vec<Sequence>> {
    Ok(Vec::new())
}

pub(crate) async fn indexes(_ctx: &Context<'_>) -> Result<Vec<Index>> {
    Ok(Vec::new())
}
