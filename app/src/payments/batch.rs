//! How the payment jobs write a claimed batch: in one transaction (one commit for the batch, not
//! one per payment), each item in a savepoint of its own. An item whose write fails — or says its
//! claim was lost to another instance (`Ok(false)`) — is rolled back alone and the others commit
//! together; a failed item keeps its claim until it expires and is retried then. No outside call
//! (the processor) is made inside: the jobs ask first and write after.
//!
//! ```ignore
//! let mut batch = Batch::begin(state).await?;
//! for id in &ids {
//!     let mut one = batch.item().await?;
//!     let wrote = write_one(state, &mut one, *id).await;
//!     batch::end_item(one, wrote, "drafting an autopay", *id).await?;
//! }
//! batch.commit(state).await
//! ```

use crate::error::ServiceError;
use crate::infra::AppState;
use sqlx::{Any, Transaction};

pub(super) struct Batch(Transaction<'static, Any>);

impl Batch {
    pub async fn begin(state: &AppState) -> Result<Batch, ServiceError> {
        Ok(Batch(state.db.begin().await?))
    }

    /// A savepoint for the next item.
    pub async fn item(&mut self) -> Result<Transaction<'_, Any>, ServiceError> {
        Ok(sqlx::Acquire::begin(&mut *self.0).await?)
    }

    /// Commits the batch and wakes the mail worker (the items may have queued mail).
    pub async fn commit(self, state: &AppState) -> Result<(), ServiceError> {
        self.0.commit().await?;
        state.outbox.wake();
        Ok(())
    }
}

/// Keeps an item's writes when `wrote` is `Ok(true)`; rolls them back otherwise, logging a failure
/// as `what` of item `id`.
pub(super) async fn end_item(
    one: Transaction<'_, Any>,
    wrote: Result<bool, ServiceError>,
    what: &str,
    id: i64,
) -> Result<(), ServiceError> {
    match wrote {
        Ok(true) => one.commit().await?,
        Ok(false) => one.rollback().await?,
        Err(e) => {
            one.rollback().await?;
            tracing::error!(id, error = %e, "{what} failed; its claim will expire");
        }
    }
    Ok(())
}
