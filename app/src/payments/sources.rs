//! Payment sources. A bank account's numbers are checked for its country (`domain::bank`) and
//! sealed under the data key; only the last four stay readable, and the processor verifies the
//! account with its first payment. A card goes to the processor once and comes back as a token;
//! its number and security code are never stored or logged. Adding and removing need a recent
//! re-authentication (the api's guard); a source that scheduled payments use is removed only with
//! a choice about them.

use super::{SourceStatus, SourceView};
use crate::domain::bank::{
    ca_institution, ca_transit, ru_account, AccountNumber, Bik, RoutingNumber,
};
use crate::domain::card::{check_cvc, CardNumber, Expiry};
use crate::domain::payment::SourceKind;
use crate::domain::{Issue, PersonName};
use crate::error::{AppError, Conflict, ServiceError};
use crate::infra::processor::{NewSource, Verification};
use crate::infra::AppState;
use serde::{Deserialize, Serialize};

/// A bank account as typed; which fields count depends on `country`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewBank {
    pub country: String,
    pub holder: String,
    pub account_type: String,
    pub routing: String,
    pub institution: String,
    pub transit: String,
    pub bik: String,
    pub account: String,
    pub account_again: String,
}

/// A debit card as typed (sent to the processor, never stored).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCard {
    pub holder: String,
    pub number: String,
    pub expiry: String,
    pub cvc: String,
}

impl std::fmt::Debug for NewCard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewCard(…)")
    }
}

/// Cards a login may have checked in a day (well above adding a card or two, far below testing
/// card numbers).
pub const CARD_CHECKS_PER_DAY: i64 = 10;

#[derive(sqlx::FromRow)]
pub(super) struct SourceRow {
    pub id: i64,
    pub kind: String,
    pub country: String,
    pub holder: String,
    pub account_type: Option<String>,
    pub brand: Option<String>,
    pub last4: String,
    pub expiry: Option<String>,
    pub processor_token: String,
    pub status: String,
}

pub(super) const SOURCE_COLUMNS: &str =
    "id, kind, country, holder, account_type, brand, last4, expiry, processor_token, status";

impl SourceRow {
    pub fn kind(&self) -> SourceKind {
        SourceKind::parse(&self.kind).unwrap_or(SourceKind::Bank)
    }

    pub fn view(&self) -> SourceView {
        SourceView {
            id: self.id,
            kind: self.kind(),
            country: self.country.clone(),
            holder: self.holder.clone(),
            brand: self.brand.clone(),
            account_type: self.account_type.clone(),
            last4: self.last4.clone(),
            expiry: self.expiry.clone(),
            status: match self.status.as_str() {
                "verified" => SourceStatus::Verified,
                "failed" => SourceStatus::Failed,
                _ => SourceStatus::Unverified,
            },
        }
    }
}

pub async fn list(state: &AppState, customer_id: i64) -> Result<Vec<SourceView>, ServiceError> {
    let rows: Vec<SourceRow> = sqlx::query_as(&format!(
        "SELECT {SOURCE_COLUMNS} FROM payment_sources WHERE customer_id = $1 AND status <> 'removed' ORDER BY id"
    ))
    .bind(customer_id)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(rows.iter().map(SourceRow::view).collect())
}

/// One of the customer's sources (not removed), or NotFound.
pub(super) async fn source_of(
    state: &AppState,
    customer_id: i64,
    id: i64,
) -> Result<SourceRow, ServiceError> {
    source_in(&state.db.pool, customer_id, id).await
}

/// `source_of` on a connection or transaction of the caller's.
pub(super) async fn source_in<'c, E: sqlx::Executor<'c, Database = sqlx::Any>>(
    db: E,
    customer_id: i64,
    id: i64,
) -> Result<SourceRow, ServiceError> {
    let row: Option<SourceRow> = sqlx::query_as(&format!(
        "SELECT {SOURCE_COLUMNS} FROM payment_sources WHERE id = $1 AND customer_id = $2 AND status <> 'removed'"
    ))
    .bind(id)
    .bind(customer_id)
    .fetch_optional(db)
    .await?;
    Ok(row.ok_or(AppError::NotFound)?)
}

fn holder(input: &str, problems: &mut Vec<(&'static str, Issue)>) -> String {
    match PersonName::parse(input) {
        Ok(n) => n.as_str().to_string(),
        Err(i) => {
            problems.push(("holder", i));
            String::new()
        }
    }
}

fn check<T>(
    field: &'static str,
    r: Result<T, Issue>,
    problems: &mut Vec<(&'static str, Issue)>,
) -> Option<T> {
    r.map_err(|i| problems.push((field, i))).ok()
}

/// The checked bank details: (routing-like part as stored, account).
fn checked_bank(f: &NewBank) -> Result<(String, String, AccountNumber), AppError> {
    let mut problems = Vec::new();
    let holder = holder(&f.holder, &mut problems);
    let (bank_id, account) = match f.country.as_str() {
        "US" => {
            let routing = check("routing", RoutingNumber::parse(&f.routing), &mut problems);
            let account = check(
                "account",
                AccountNumber::parse(&f.account, 4, 17),
                &mut problems,
            );
            (routing.map(|r| r.as_str().to_string()), account)
        }
        "CA" => {
            let institution = check("institution", ca_institution(&f.institution), &mut problems);
            let transit = check("transit", ca_transit(&f.transit), &mut problems);
            let account = check(
                "account",
                AccountNumber::parse(&f.account, 7, 12),
                &mut problems,
            );
            (
                institution.zip(transit).map(|(i, t)| format!("{i}-{t}")),
                account,
            )
        }
        "RU" => {
            let bik = check("bik", Bik::parse(&f.bik), &mut problems);
            let account = match &bik {
                Some(b) => check("account", ru_account(&f.account, b), &mut problems),
                None => None,
            };
            (bik.map(|b| b.as_str().to_string()), account)
        }
        _ => return Err(AppError::validation("country", Issue::CountryUnsupported)),
    };
    if !matches!(f.account_type.as_str(), "checking" | "savings") {
        problems.push(("account_type", Issue::OneOf));
    }
    if let Some(a) = &account {
        if let Err(i) = a.confirm(&f.account_again) {
            problems.push(("account_again", i));
        }
    }
    match (bank_id, account) {
        (Some(b), Some(a)) if problems.is_empty() => Ok((holder, b, a)),
        _ => Err(AppError::first_problem(problems)),
    }
}

pub async fn add_bank(
    state: &AppState,
    customer_id: i64,
    f: NewBank,
) -> Result<SourceView, ServiceError> {
    let (holder, bank_id, account) = checked_bank(&f)?;
    let details = serde_json::json!({ "bank": bank_id, "account": account.as_str() }).to_string();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO payment_sources (customer_id, kind, country, holder, account_type, last4, sealed_details, \
         processor_token, status, created_at) VALUES ($1, 'bank', $2, $3, $4, $5, $6, '', 'unverified', $7) RETURNING id",
    )
    .bind(customer_id)
    .bind(&f.country)
    .bind(&holder)
    .bind(&f.account_type)
    .bind(account.last4())
    .bind(state.config.data_keys.seal(&details))
    .bind(state.clock.unix())
    .fetch_one(&state.db.pool)
    .await?;
    Ok(source_of(state, customer_id, id).await?.view())
}

pub async fn add_card(
    state: &AppState,
    customer_id: i64,
    f: NewCard,
) -> Result<SourceView, ServiceError> {
    let mut problems = Vec::new();
    let holder = holder(&f.holder, &mut problems);
    let number = check("number", CardNumber::parse(&f.number), &mut problems);
    let expiry = check(
        "expiry",
        Expiry::parse(&f.expiry, state.clock.now().date()),
        &mut problems,
    );
    if let Some(n) = &number {
        check("cvc", check_cvc(&f.cvc, n.brand()), &mut problems);
    }
    let (Some(number), Some(expiry)) = (number, expiry) else {
        return Err(AppError::first_problem(problems).into());
    };
    if !problems.is_empty() {
        return Err(AppError::first_problem(problems).into());
    }
    // Each card sent to the processor counts: a login cannot be used to try out card numbers.
    crate::infra::throttle::hit(
        &state.db,
        &crate::infra::throttle::key::card_check(customer_id),
        state.clock.unix(),
        CARD_CHECKS_PER_DAY,
        86_400,
    )
    .await?;
    let verdict = state
        .processor
        .verify(NewSource::Card {
            number: number.digits(),
            expiry: (expiry.month, expiry.year),
            cvc: f.cvc.trim(),
        })
        .await
        .map_err(ServiceError::failed("verifying a card with the processor"))?;
    let Verification::Verified(token) = verdict else {
        return Err(AppError::Conflict(Conflict::CardDeclined).into());
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO payment_sources (customer_id, kind, country, holder, brand, last4, expiry, processor_token, \
         status, created_at) VALUES ($1, 'card', 'US', $2, $3, $4, $5, $6, 'verified', $7) RETURNING id",
    )
    .bind(customer_id)
    .bind(&holder)
    .bind(number.brand().name())
    .bind(number.last4())
    .bind(format!("{:02}/{}", expiry.month, expiry.year))
    .bind(token)
    .bind(state.clock.unix())
    .fetch_one(&state.db.pool)
    .await?;
    Ok(source_of(state, customer_id, id).await?.view())
}

/// Verifies a bank account with the processor before its first payment; true when it can pay.
pub(super) async fn ensure_verified(
    state: &AppState,
    source: &mut SourceRow,
) -> Result<bool, ServiceError> {
    match source.status.as_str() {
        "verified" => return Ok(true),
        "failed" => return Ok(false),
        _ => {}
    }
    let sealed: Option<String> =
        sqlx::query_scalar("SELECT sealed_details FROM payment_sources WHERE id = $1")
            .bind(source.id)
            .fetch_one(&state.db.pool)
            .await?;
    let details =
        crate::infra::crypto::open_stored(&state.config.data_keys, &sealed.unwrap_or_default())?;
    let v: serde_json::Value = serde_json::from_str(&details)
        .map_err(ServiceError::failed("reading sealed bank details"))?;
    let verdict = state
        .processor
        .verify(NewSource::Bank {
            country: &source.country,
            routing: v["bank"].as_str().unwrap_or_default(),
            account: v["account"].as_str().unwrap_or_default(),
        })
        .await
        .map_err(ServiceError::failed(
            "verifying a bank account with the processor",
        ))?;
    let (status, token) = match verdict {
        Verification::Verified(token) => ("verified", token),
        Verification::Failed => ("failed", String::new()),
    };
    sqlx::query(
        "UPDATE payment_sources SET status = $1, processor_token = $2 WHERE id = $3 AND status = 'unverified'",
    )
        .bind(status)
        .bind(&token)
        .bind(source.id)
        .execute(&state.db.pool)
        .await?;
    source.status = status.into();
    source.processor_token = token;
    Ok(status == "verified")
}

/// Removes a source. Scheduled payments from it stop the removal unless `cancel_scheduled` says
/// to cancel them with it (in the same transaction).
pub async fn remove(
    state: &AppState,
    customer_id: i64,
    id: i64,
    cancel_scheduled: bool,
) -> Result<u32, ServiceError> {
    source_of(state, customer_id, id).await?;
    let mut tx = state.db.begin().await?;
    let now = state.clock.unix();
    let scheduled: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM payments WHERE source_id = $1 AND status = 'scheduled'",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    // Autopays drafting from it count as scheduled payments: ended with it when asked (by mail).
    let autopays: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM autopays WHERE source_id = $1 AND status = 'active'")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
    if (scheduled > 0 || !autopays.is_empty()) && !cancel_scheduled {
        return Err(AppError::Conflict(Conflict::SourceInUse).into());
    }
    let in_progress: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM payments WHERE source_id = $1 AND status IN ('processing', 'pending')",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    if in_progress > 0 {
        return Err(AppError::Conflict(Conflict::SourceBusy).into());
    }
    sqlx::query("UPDATE payments SET status = 'cancelled', updated_at = $1 WHERE source_id = $2 AND status = 'scheduled'")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    for autopay in autopays {
        if super::autopay_rows::end_in(state, &mut tx, autopay, "cancelled")
            .await?
            .is_some()
        {
            let change = crate::emails::autopay::Change::Cancelled;
            super::autopay_rows::mail_change(state, &mut tx, autopay, change).await?;
        }
    }
    sqlx::query(
        "UPDATE payment_sources SET status = 'removed', removed_at = $1, sealed_details = NULL, processor_token = '' \
         WHERE id = $2 AND customer_id = $3",
    )
    .bind(now)
    .bind(id)
    .bind(customer_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    state.outbox.wake();
    Ok(scheduled as u32)
}
