//! Lease-end server functions: a signed-in customer (guard) → parse → service; every query is
//! scoped to that customer's contracts.

use super::{Inspection, LeaseEndView, MilesReceipt};
use crate::domain::lease_end::ReturnEstimate;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {super::miles, super::service, crate::infra::guard};

#[server(prefix = "/api", endpoint = "lease_end")]
pub async fn lease_end(contract: i64) -> Result<LeaseEndView, AppError> {
    let g = guard::customer().await?;
    Ok(service::view(&g.state, g.me.id, contract).await?)
}

/// What returning the vehicle would cost with `odometer` miles and `wear` declared.
#[server(prefix = "/api", endpoint = "lease_return_estimate")]
pub async fn lease_return_estimate(
    contract: i64,
    odometer: String,
    wear: String,
) -> Result<ReturnEstimate, AppError> {
    let g = guard::customer().await?;
    Ok(service::estimate(&g.state, g.me.id, contract, &odometer, &wear).await?)
}

/// Books (or moves) the pre-inspection; once per form.
#[server(prefix = "/api", endpoint = "book_lease_inspection")]
pub async fn book_lease_inspection(
    contract: i64,
    date: String,
    key: String,
) -> Result<Inspection, AppError> {
    let g = guard::customer().await?;
    Ok(service::book_inspection(&g.state, g.me.id, contract, &date, &key).await?)
}

/// Buys `miles` ahead at the pre-paid rate, paid from `source`; once per form.
#[server(prefix = "/api", endpoint = "buy_extra_miles")]
pub async fn buy_extra_miles(
    contract: i64,
    miles: String,
    source: i64,
    key: String,
) -> Result<MilesReceipt, AppError> {
    let g = guard::customer().await?;
    Ok(miles::buy(&g.state, g.me.id, contract, &miles, source, &key).await?)
}
