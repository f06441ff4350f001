//! Payment server functions: guard → parse → service. Adding and removing a source needs a recent
//! re-authentication; everything else a signed-in customer, and every query is scoped to them.
// A bank account form has a field per country's numbers; the server macro's generated client
// function carries them all, so the lint is allowed for this module.
#![allow(clippy::too_many_arguments)]

use super::{PayOptions, PaymentView, PayoffView, Receipt, Review, SourceView};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::{payoff, review, service, sources},
    crate::domain::payment::ExtraTo,
    crate::infra::guard,
};

#[server(prefix = "/api", endpoint = "payment_sources")]
pub async fn payment_sources() -> Result<Vec<SourceView>, AppError> {
    let g = guard::customer().await?;
    Ok(sources::list(&g.state, g.me.id).await?)
}

#[server(prefix = "/api", endpoint = "add_bank_account")]
pub async fn add_bank_account(
    country: String,
    holder: String,
    account_type: String,
    routing: Option<String>,
    institution: Option<String>,
    transit: Option<String>,
    bik: Option<String>,
    account: String,
    account_again: String,
) -> Result<SourceView, AppError> {
    let g = guard::recent_customer().await?;
    let form = sources::NewBank {
        country,
        holder,
        account_type,
        routing: routing.unwrap_or_default(),
        institution: institution.unwrap_or_default(),
        transit: transit.unwrap_or_default(),
        bik: bik.unwrap_or_default(),
        account,
        account_again,
    };
    Ok(sources::add_bank(&g.state, g.me.id, form).await?)
}

#[server(prefix = "/api", endpoint = "add_card")]
pub async fn add_card(
    holder: String,
    number: String,
    expiry: String,
    cvc: String,
) -> Result<SourceView, AppError> {
    let g = guard::recent_customer().await?;
    let form = sources::NewCard {
        holder,
        number,
        expiry,
        cvc,
    };
    Ok(sources::add_card(&g.state, g.me.id, form).await?)
}

/// Removes a source; `cancel_scheduled` ("on") cancels the scheduled payments that use it.
#[server(prefix = "/api", endpoint = "remove_payment_source")]
pub async fn remove_payment_source(
    id: i64,
    cancel_scheduled: Option<String>,
) -> Result<u32, AppError> {
    let g = guard::recent_customer().await?;
    let cancel = crate::domain::form::checked(cancel_scheduled.as_deref());
    Ok(sources::remove(&g.state, g.me.id, id, cancel).await?)
}

#[server(prefix = "/api", endpoint = "payment_options")]
pub async fn payment_options(contract_id: i64) -> Result<PayOptions, AppError> {
    let g = guard::customer().await?;
    Ok(review::options(&g.state, g.me.id, contract_id).await?)
}

#[cfg(feature = "ssr")]
fn request(
    contract_id: i64,
    source_id: i64,
    amount: String,
    date: String,
    extra_to: Option<String>,
    payoff: Option<String>,
) -> super::PaymentRequest {
    super::PaymentRequest {
        contract_id,
        source_id,
        amount,
        date,
        extra_to: extra_to
            .as_deref()
            .and_then(ExtraTo::parse)
            .unwrap_or(ExtraTo::NextInstalment),
        payoff: crate::domain::form::checked(payoff.as_deref()),
    }
}

#[server(prefix = "/api", endpoint = "review_payment")]
pub async fn review_payment(
    contract_id: i64,
    source_id: i64,
    amount: String,
    date: String,
    extra_to: Option<String>,
    payoff: Option<String>,
) -> Result<Review, AppError> {
    let g = guard::customer().await?;
    let r = request(contract_id, source_id, amount, date, extra_to, payoff);
    Ok(review::review(&g.state, g.me.id, &r).await?)
}

/// Makes the payment; `key` is the form instance's idempotency key.
#[server(prefix = "/api", endpoint = "make_payment")]
pub async fn make_payment(
    contract_id: i64,
    source_id: i64,
    amount: String,
    date: String,
    extra_to: Option<String>,
    payoff: Option<String>,
    key: String,
) -> Result<Receipt, AppError> {
    let g = guard::customer().await?;
    let r = request(contract_id, source_id, amount, date, extra_to, payoff);
    Ok(service::create(&g.state, g.me.id, r, &key).await?)
}

/// Changes a scheduled payment before its processing day; the same change twice is one change.
#[server(prefix = "/api", endpoint = "change_payment")]
pub async fn change_payment(
    reference: String,
    source_id: i64,
    amount: String,
    date: String,
    extra_to: Option<String>,
) -> Result<Receipt, AppError> {
    let g = guard::customer().await?;
    let r = request(0, source_id, amount, date, extra_to, None);
    Ok(super::change::change(&g.state, g.me.id, &reference, r).await?)
}

#[server(prefix = "/api", endpoint = "my_payments")]
pub async fn my_payments() -> Result<Vec<PaymentView>, AppError> {
    let g = guard::customer().await?;
    Ok(service::list(&g.state, g.me.id).await?)
}

#[server(prefix = "/api", endpoint = "cancel_payment")]
pub async fn cancel_payment(reference: String) -> Result<(), AppError> {
    let g = guard::customer().await?;
    Ok(service::cancel(&g.state, g.me.id, &reference).await?)
}

/// The payoff (a lease: the purchase prices) good through `good_through` (YYYY-MM-DD; none: today).
#[server(prefix = "/api", endpoint = "payoff_quote")]
pub async fn payoff_quote(
    contract_id: i64,
    good_through: Option<String>,
) -> Result<PayoffView, AppError> {
    let g = guard::customer().await?;
    let date = good_through.unwrap_or_default();
    Ok(payoff::quote(&g.state, g.me.id, contract_id, &date).await?)
}
