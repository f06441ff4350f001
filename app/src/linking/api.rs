//! Linking server functions.

use super::LinkOutcome;
use crate::error::AppError;
use leptos::prelude::*;

/// Step 1 of linking. `method` is "vin" or "customer_id".
#[server(prefix = "/api", endpoint = "link_contract")]
pub async fn link_contract(
    first_name: String,
    last_name: String,
    method: String,
    vin: String,
    last_payment: String,
    customer_id: String,
) -> Result<LinkOutcome, AppError> {
    use crate::infra::{
        guard::{session_slot, CurrentCustomer},
        AppState,
    };
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            let state = AppState::from_context()?;
            let input = super::LinkInput {
                first_name,
                last_name,
                method,
                vin,
                last_payment,
                customer_id,
            };
            let req = input
                .parse()
                .map_err(|issues| AppError::validation(issues[0].0, issues[0].1))?;
            let slot = session_slot().await?;
            let token = crate::infra::cookies::device_token(&state.config).await;
            super::service::request(&state, me, token.as_deref(), &slot.client, req).await
        }
        .await,
    )
}

/// Step 2: the emailed code. Returns the linked contract numbers and remembers the device.
#[server(prefix = "/api", endpoint = "authorize_device")]
pub async fn authorize_device(code: String) -> Result<Vec<String>, AppError> {
    use crate::infra::{
        guard::{session_slot, CurrentCustomer},
        AppState,
    };
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            let state = AppState::from_context()?;
            let slot = session_slot().await?;
            let (numbers, token) = super::service::confirm(&state, me, &slot.client, &code).await?;
            crate::infra::cookies::set(&crate::auth::device::set_cookie(&state.config, &token));
            Ok(numbers)
        }
        .await,
    )
}
