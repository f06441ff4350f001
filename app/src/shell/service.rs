//! The frame's writes: signing out, the language preference (the header's customer is read with
//! the session, `infra::session::lookup`).

use crate::domain::EventKind;
use crate::error::ServiceError;
use crate::i18n::Locale;
use crate::infra::audit::AuthEvent;
use crate::infra::session::{self, SessionSlot};
use crate::infra::AppState;

/// Ends the browser's session on the server (recorded when it was a customer's).
pub async fn logout(state: &AppState, slot: &SessionSlot) -> Result<(), ServiceError> {
    if let Some(token) = &slot.token {
        session::delete(&state.db, token).await?;
    }
    if let Some(s) = &slot.session {
        AuthEvent::ok(EventKind::Logout)
            .customer(s.customer_id)
            .record(&state.db, state.clock.unix(), &slot.client)
            .await;
    }
    Ok(())
}

/// The language the portal speaks to this customer (pages, mail, texts).
pub async fn set_language(
    state: &AppState,
    customer_id: i64,
    locale: Locale,
) -> Result<(), ServiceError> {
    sqlx::query("UPDATE customers SET language = $1 WHERE id = $2")
        .bind(locale.code())
        .bind(customer_id)
        .execute(&state.db.pool)
        .await?;
    Ok(())
}
