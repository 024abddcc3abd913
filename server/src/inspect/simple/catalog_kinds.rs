//! Casts, conversions, languages, transforms and access methods.

use crate::error::Result;
use crate::inspect::sql::Context;
use crate::model::SimpleObject;

pub(super) async fn objects(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let _ = ctx;
    Ok(Vec::new())
}
