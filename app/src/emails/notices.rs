//! Security notices to a login's own address: who to write to (in their language), and the one
//! way a notice is queued — in the transaction that makes the change, so the notice and the change
//! are written together or not at all.

use super::security_notice;
use crate::error::ServiceError;
use crate::i18n::Locale;
use crate::infra::{outbox, AppState};

/// A login's address, first name and language, as mail needs them.
#[derive(Debug, sqlx::FromRow)]
pub struct Recipient {
    pub email: String,
    pub first_name: String,
    pub language: String,
}

impl Recipient {
    pub fn locale(&self) -> Locale {
        super::language(&self.language)
    }
}

/// The login `customer_id` as a recipient (on the pool, or inside a caller's transaction).
pub async fn recipient<'c, E>(conn: E, customer_id: i64) -> Result<Recipient, ServiceError>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    Ok(
        sqlx::query_as("SELECT email, first_name, language FROM customers WHERE id = $1")
            .bind(customer_id)
            .fetch_one(conn)
            .await?,
    )
}

/// Queues a security notice to the login's address inside `tx`; `what` says what changed, in the
/// recipient's language; the button opens `path`. Returns the recipient (callers record it).
pub async fn queue_security_notice(
    tx: &mut sqlx::AnyConnection,
    state: &AppState,
    customer_id: i64,
    path: &str,
    what: impl FnOnce(Locale) -> String,
) -> Result<Recipient, ServiceError> {
    let to = recipient(&mut *tx, customer_id).await?;
    let l = to.locale();
    let url = format!("{}{path}", state.config.public_url);
    let mail = security_notice(l, &to.email, &to.first_name, &what(l), &url);
    outbox::enqueue(tx, &mail, state.clock.unix()).await?;
    Ok(to)
}

/// The same, in a transaction of its own (a notice after a change already committed).
pub async fn send_security_notice(
    state: &AppState,
    customer_id: i64,
    path: &str,
    what: impl FnOnce(Locale) -> String,
) -> Result<(), ServiceError> {
    let mut tx = state.db.begin().await?;
    queue_security_notice(&mut tx, state, customer_id, path, what).await?;
    tx.commit().await?;
    state.outbox.wake();
    Ok(())
}
