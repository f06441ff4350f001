//! Linking server functions.

use super::LinkOutcome;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
async fn device_cookie(config: &crate::infra::Config) -> Option<String> {
    let headers = leptos_axum::extract::<axum::http::HeaderMap>().await.ok()?;
    let name = crate::auth::device::cookie_name(config);
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| crate::infra::session::read_cookie(h, name).map(str::to_owned))
}

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
            let token = device_cookie(&state.config).await;
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
            if let (Some(opts), Ok(v)) = (
                use_context::<leptos_axum::ResponseOptions>(),
                axum::http::HeaderValue::from_str(&crate::auth::device::set_cookie(
                    &state.config,
                    &token,
                )),
            ) {
                opts.append_header(axum::http::header::SET_COOKIE, v);
            }
            Ok(numbers)
        }
        .await,
    )
}
