//! Subscriptions of the current database.

use crate::error::Result;
use crate::inspect::sql::Context;
use crate::model::SimpleObject;

pub(super) async fn objects(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let _ = ctx;
    Ok(Vec::new())
}
