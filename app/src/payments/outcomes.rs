//! What a payment's end does besides its status: the mail that tells the customer (posted,
//! returned, declined, cancelled — with the fee when one was charged) and the returned-payment fee,
//! both written in the caller's transaction so they happen exactly when the status changes.

use super::settle::Claimed;
use crate::domain::Money;
use crate::error::ServiceError;
use crate::infra::AppState;

pub(super) async fn notify(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    p: &Claimed,
    key: &str,
    now: i64,
) -> Result<(), ServiceError> {
    notify_with_fee(state, tx, p, key, Money::ZERO, now).await
}

/// The mail of a payment's outcome; a `fee` charged with it is said in it.
pub(super) async fn notify_with_fee(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    p: &Claimed,
    key: &str,
    fee: Money,
    now: i64,
) -> Result<(), ServiceError> {
    let to = crate::emails::recipient(&mut *tx, p.customer_id).await?;
    let currency: String = sqlx::query_scalar("SELECT currency FROM contracts WHERE id = $1")
        .bind(p.contract_id)
        .fetch_one(&mut *tx)
        .await?;
    let amount =
        crate::i18n::format::money(to.locale(), Money::from_cents(p.amount_cents), &currency);
    let fee = fee
        .is_positive()
        .then(|| crate::i18n::format::money(to.locale(), fee, &currency));
    let mail = crate::emails::payments::outcome(&to, key, &p.reference, &amount, fee.as_deref());
    crate::infra::outbox::enqueue(tx, &mail, now).await?;
    let _ = state;
    Ok(())
}

/// Charges the returned-payment fee (when one is configured for the contract's currency) as a
/// posted fee on the contract, paid first by the next payment; returns it.
pub(super) async fn charge_returned_fee(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    p: &Claimed,
    now: i64,
) -> Result<Money, ServiceError> {
    let currency: String = sqlx::query_scalar("SELECT currency FROM contracts WHERE id = $1")
        .bind(p.contract_id)
        .fetch_one(&mut *tx)
        .await?;
    let fee = state.config.payment_rules.returned_fee(&currency);
    if fee.is_positive() {
        sqlx::query(
            "INSERT INTO transactions (contract_id, kind, status, effective_date, amount_cents, fees_cents, interest_cents, \
             principal_cents, tax_cents, excess_cents, reference, description, created_at) \
             VALUES ($1, 'fee', 'posted', $2, $3, 0, 0, 0, 0, 0, $4, 'returned_payment_fee', $5)",
        )
        .bind(p.contract_id)
        .bind(super::day::lender_today(state).to_string())
        .bind(fee.cents())
        .bind(format!("{}-FEE", p.reference))
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    Ok(fee)
}
