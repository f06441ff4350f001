//! Miles bought ahead on a lease (issue 16, seed 000): until 120 days before maturity, at the
//! contract's pre-paid rate, whole miles from 100 to 20,000. One step, in one transaction: the price
//! is charged to the contract as a posted fee, and a payment of that amount from the customer's
//! source is made with it through the payments flow (reviewed against the contract with the charge
//! on it, so it pays the charge first; submitted after commit when due). The miles count from the
//! purchase on: if the payment fails or comes back, the charge stays on the account like any other
//! and the next payment pays it. The form key makes a repeated purchase the same one.

use super::service::{lease, maturity};
use super::{MilesBought, MilesReceipt};
use crate::domain::lease_end::{extra_miles_open, extra_miles_price, miles_to_buy};
use crate::domain::payment::{ExtraTo, PaymentStatus};
use crate::domain::Money;
use crate::error::{AppError, Conflict, ServiceError};
use crate::infra::AppState;
use crate::payments::PaymentRequest;
use rust_decimal::Decimal;
use std::str::FromStr;

#[derive(sqlx::FromRow)]
struct PurchaseRow {
    reference: String,
    contract_id: i64,
    miles: i64,
    amount_cents: i64,
    created_at: i64,
    payment_reference: Option<String>,
}

impl PurchaseRow {
    fn bought(&self) -> MilesBought {
        MilesBought {
            reference: self.reference.clone(),
            miles: u64::try_from(self.miles).unwrap_or(0),
            amount: Money::from_cents(self.amount_cents),
            on: time::OffsetDateTime::from_unix_timestamp(self.created_at)
                .map(|t| t.date())
                .unwrap_or(time::Date::MIN),
        }
    }
}

const COLUMNS: &str = "reference, contract_id, miles, amount_cents, created_at, payment_reference";

/// The miles a lease has bought ahead, oldest first.
pub async fn bought(
    conn: &mut sqlx::AnyConnection,
    contract_id: i64,
) -> Result<Vec<MilesBought>, ServiceError> {
    let rows: Vec<PurchaseRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM mile_purchases WHERE contract_id = $1 ORDER BY id"
    ))
    .bind(contract_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(PurchaseRow::bought).collect())
}

/// The answer to a form already sent: the same purchase, or `PaymentKeyReused` when the form now
/// asks for something else.
async fn repeat(
    state: &AppState,
    customer_id: i64,
    key: &str,
    contract_id: i64,
    miles: u64,
) -> Result<Option<MilesReceipt>, ServiceError> {
    let row: Option<PurchaseRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM mile_purchases WHERE customer_id = $1 AND idempotency_key = $2"
    ))
    .bind(customer_id)
    .bind(key)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    if row.contract_id != contract_id || row.miles != miles as i64 {
        return Err(AppError::Conflict(Conflict::PaymentKeyReused).into());
    }
    receipt(state, &row).await.map(Some)
}

async fn receipt(state: &AppState, row: &PurchaseRow) -> Result<MilesReceipt, ServiceError> {
    let payment = row.payment_reference.clone().unwrap_or_default();
    let (status, currency, fee): (String, String, i64) = sqlx::query_as(
        "SELECT p.status, c.currency, p.fee_cents FROM payments p JOIN contracts c ON c.id = p.contract_id WHERE p.reference = $1",
    )
    .bind(&payment)
    .fetch_one(&state.db.pool)
    .await?;
    Ok(MilesReceipt {
        bought: row.bought(),
        currency,
        payment,
        fee: Money::from_cents(fee),
        payment_status: PaymentStatus::parse(&status)
            .ok_or_else(|| ServiceError::failed("reading a payment's status")(status))?,
    })
}

/// Buys `miles` ahead on lease `contract_id`, paid from `source_id`.
pub async fn buy(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    miles: &str,
    source_id: i64,
    key: &str,
) -> Result<MilesReceipt, ServiceError> {
    let key = crate::domain::form::form_key(key).map_err(|i| AppError::validation("key", i))?;
    let miles = miles_to_buy(miles).map_err(|i| AppError::validation("miles", i))?;
    if let Some(done) = repeat(state, customer_id, key, contract_id, miles).await? {
        return Ok(done);
    }
    let today = state.clock.now().date();
    let day = crate::payments::day::processing_date(state);
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    // Changes to one contract's books are serialised (`applications::apply::lock_contract`).
    crate::applications::apply::lock_contract(&mut tx, contract_id).await?;
    let b = lease(&mut tx, today, customer_id, contract_id).await?;
    if b.rec.status != "active" {
        return Err(AppError::Conflict(Conflict::ContractClosed).into());
    }
    let rate: Option<String> =
        sqlx::query_scalar("SELECT prepaid_mile_rate FROM contracts WHERE id = $1")
            .bind(contract_id)
            .fetch_one(&mut *tx)
            .await?;
    let rate = match rate.as_deref().map(Decimal::from_str) {
        Some(Ok(rate)) if extra_miles_open(today, maturity(&b)) => rate,
        _ => return Err(AppError::Conflict(Conflict::ExtraMilesClosed).into()),
    };
    let price = extra_miles_price(miles, rate);
    let reference = crate::infra::tokens::reference("MIL");
    let charge: i64 = sqlx::query_scalar(
        "INSERT INTO transactions (contract_id, kind, status, effective_date, amount_cents, fees_cents, interest_cents, \
         principal_cents, tax_cents, excess_cents, reference, description, created_at) \
         VALUES ($1, 'fee', 'posted', $2, $3, 0, 0, 0, 0, 0, $4, 'extra_miles', $5) RETURNING id",
    )
    .bind(contract_id)
    .bind(day.to_string())
    .bind(price.cents())
    .bind(&reference)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO mile_purchases (reference, contract_id, customer_id, miles, rate, amount_cents, transaction_id, \
         idempotency_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (customer_id, idempotency_key) DO NOTHING RETURNING id",
    )
    .bind(&reference)
    .bind(contract_id)
    .bind(customer_id)
    .bind(miles as i64)
    .bind(rate.to_string())
    .bind(price.cents())
    .bind(charge)
    .bind(key)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(purchase) = inserted else {
        // The same form, sent twice at once: the first one's answer is ours.
        tx.rollback().await?;
        return repeat(state, customer_id, key, contract_id, miles)
            .await?
            .ok_or_else(|| ServiceError::failed("answering a repeated purchase")("row vanished"));
    };
    let request = PaymentRequest {
        contract_id,
        source_id,
        amount: price.to_string(),
        date: day.to_string(),
        extra_to: ExtraTo::NextInstalment,
        payoff: false,
    };
    let review = crate::payments::review::review_in(state, &mut tx, customer_id, &request).await?;
    let (payment_id, payment) =
        crate::payments::service::insert_in(state, &mut tx, customer_id, &request, &review, key)
            .await?
            .ok_or_else(|| {
                ServiceError::failed("paying for miles")("the form key pays something else")
            })?;
    sqlx::query("UPDATE mile_purchases SET payment_reference = $1 WHERE id = $2")
        .bind(&payment)
        .bind(purchase)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    state.outbox.wake();
    crate::payments::service::submit_if_due(state, payment_id, &review).await;
    let row = PurchaseRow {
        reference,
        contract_id,
        miles: miles as i64,
        amount_cents: price.cents(),
        created_at: now,
        payment_reference: Some(payment),
    };
    receipt(state, &row).await
}
