//! Linking server functions.

use super::LinkOutcome;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {super::service, crate::infra::cookies, crate::infra::guard};

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
    let g = guard::customer().await?;
    let input = super::LinkInput {
        first_name,
        last_name,
        method,
        vin,
        last_payment,
        customer_id,
    };
    let req = input.parse().map_err(AppError::first_problem)?;
    let device = cookies::device_token(&g.state.config).await;
    Ok(service::request(&g.state, g.me, device.as_deref(), &g.client, req).await?)
}

/// Step 2: the emailed code. Returns the linked contract numbers and remembers the device.
#[server(prefix = "/api", endpoint = "authorize_device")]
pub async fn authorize_device(code: String) -> Result<Vec<String>, AppError> {
    let g = guard::customer().await?;
    let (numbers, token) = service::confirm(&g.state, g.me, &g.client, &code).await?;
    cookies::set(&cookies::device_cookie(&g.state.config, &token));
    Ok(numbers)
}
