//! Types (enum, composite, range), domains, views and materialized views.

use super::sql::Context;
use crate::error::Result;
use crate::model::{Domain, TypeDef, View};

pub(crate) async fn types(_ctx: &Context<'_>) -> Result<Vec<TypeDef>> {
    Ok(Vec::new())
}

pub(crate) async fn domains(_ctx: &Context<'_>) -> Result<Vec<Domain>> {
    Ok(Vec::new())
}

pub(crate) async fn views(_ctx: &Context<'_>) -> Result<Vec<View>> {
    Ok(Vec::new())
}
