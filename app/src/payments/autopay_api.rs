//! Autopay server functions: guard → parse → service. Enrolling needs a recent re-authentication
//! (it names a source to draft every month, like adding one); a change asks for it only when it
//! moves the drafts to another source (decided in the service); cancelling does not.

use super::{AutopayContract, AutopayView};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {super::autopay, super::AutopayRequest, crate::infra::guard};

#[server(prefix = "/api", endpoint = "autopay_options")]
pub async fn autopay_options() -> Result<Vec<AutopayContract>, AppError> {
    let g = guard::customer().await?;
    Ok(autopay::options(&g.state, g.me.id).await?)
}

/// Enrols a contract; `amount` empty for the regular payment; `key` is the form instance's.
#[server(prefix = "/api", endpoint = "enrol_autopay")]
pub async fn enrol_autopay(
    contract_id: i64,
    source_id: i64,
    amount: String,
    days_before: String,
    start_month: String,
    key: String,
) -> Result<AutopayView, AppError> {
    let g = guard::recent_customer().await?;
    let r = AutopayRequest::new(contract_id, source_id, amount, days_before, start_month);
    Ok(autopay::enrol(&g.state, g.me.id, r, &key).await?)
}

#[server(prefix = "/api", endpoint = "change_autopay")]
pub async fn change_autopay(
    contract_id: i64,
    source_id: i64,
    amount: String,
    days_before: String,
    start_month: String,
    key: String,
) -> Result<AutopayView, AppError> {
    let g = guard::customer().await?;
    let r = AutopayRequest::new(contract_id, source_id, amount, days_before, start_month);
    let recent = g.is_recent();
    Ok(autopay::change(&g.state, g.me.id, r, &key, recent).await?)
}

/// Cancels the contract's autopay; returns how many drafts not yet processing were cancelled.
#[server(prefix = "/api", endpoint = "cancel_autopay")]
pub async fn cancel_autopay(contract_id: i64) -> Result<u32, AppError> {
    let g = guard::customer().await?;
    Ok(autopay::cancel(&g.state, g.me.id, contract_id).await?)
}
