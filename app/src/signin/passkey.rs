//! Passkey sign-in. After a password it completes that sign-in (the passkey must be the same
//! login's); on its own it signs in directly — a passkey is something you have, unlocked by
//! something you know or are.

use super::flow::{self, Finished};
use crate::domain::{EventKind, SignInProof};
use crate::error::{AppError, Conflict, ServiceError};
use crate::factors::{passkeys, Ceremony};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::guard::PendingSignIn;
use crate::infra::session::{self, SessionSlot};
use crate::infra::{throttle, AppState};

/// Ceremonies begun per IP per 15 minutes (each is a stored row).
const BEGINS_PER_WINDOW: i64 = 30;

pub async fn begin(state: &AppState, client: &ClientInfo) -> Result<Ceremony, ServiceError> {
    let key = throttle::key::per_ip("passkey_begin", &client.ip);
    throttle::hit(
        &state.db,
        &key,
        state.clock.unix(),
        BEGINS_PER_WINDOW,
        15 * 60,
    )
    .await?;
    passkeys::sign_in_begin(state).await
}

/// Checks the assertion and completes the sign-in the browser is in, or a new one. Returns the
/// customer and the cookies to set.
pub async fn finish(
    state: &AppState,
    slot: &SessionSlot,
    ceremony: &str,
    credential: &str,
    device_token: Option<&str>,
) -> Result<(i64, Finished), ServiceError> {
    let now = state.clock.unix();
    let customer_id = match passkeys::sign_in_finish(state, ceremony, credential).await {
        Ok(id) => id,
        Err(e) => {
            AuthEvent::failed(EventKind::LoginPasskey)
                .record(&state.db, now, &slot.client)
                .await;
            return Err(e);
        }
    };
    let pending = match slot.session.as_ref().filter(|s| !s.is_full()) {
        Some(p) if p.customer_id == customer_id => PendingSignIn {
            customer_id,
            session_id: p.id,
        },
        Some(_) => return Err(AppError::Conflict(Conflict::PasskeyOtherLogin).into()),
        None => {
            flow::end_previous(state, slot).await?;
            let (_, session_id) = session::create(
                &state.db,
                customer_id,
                now,
                &slot.client,
                session::Stage::SecondStep,
                SignInProof::Passkey,
            )
            .await?;
            PendingSignIn {
                customer_id,
                session_id,
            }
        }
    };
    let done = flow::finish(
        state,
        pending,
        SignInProof::Passkey,
        device_token,
        &slot.client,
    )
    .await?;
    Ok((customer_id, done))
}
