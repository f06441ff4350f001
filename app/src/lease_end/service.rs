//! Lease-end rules and SQL. A lease is read through the payments `Book` (the customer's own, else
//! not found; a loan is not found here either), so the purchase prices are the payoff flow's.

use super::{Inspection, LeaseEndView};
use crate::contracts::ContractKind;
use crate::domain::application::{eligible, ApplicationKind};
use crate::domain::dates::{add_business_days, is_business_day, parse_iso};
use crate::domain::lease_end::{
    extra_miles_open, options_open, return_estimate, ReturnEstimate, WINDOW_DAYS,
};
use crate::domain::{Issue, Money};
use crate::error::{AppError, ServiceError};
use crate::infra::AppState;
use crate::payments::book::{book_in, Book};
use rust_decimal::Decimal;
use std::str::FromStr;
use time::{Date, Duration};

/// Days after maturity an inspection can still be booked for (a return not made on the day).
pub const INSPECTION_DAYS_AFTER: i64 = 30;
/// Business days' notice the inspection company needs.
pub const INSPECTION_NOTICE_DAYS: u32 = 2;

/// The customer's lease `contract_id` (a loan, or another's contract, is not found).
pub(super) async fn lease(
    conn: &mut sqlx::AnyConnection,
    today: Date,
    customer_id: i64,
    contract_id: i64,
) -> Result<Book, ServiceError> {
    let b = book_in(conn, today, customer_id, contract_id, 0).await?;
    if b.rec.kind != ContractKind::Lease {
        return Err(AppError::NotFound.into());
    }
    Ok(b)
}

pub(super) fn maturity(b: &Book) -> Date {
    crate::applications::preview::maturity(b)
}

pub async fn view(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
) -> Result<LeaseEndView, ServiceError> {
    let today = state.clock.now().date();
    let mut conn = state.db.pool.acquire().await?;
    let b = lease(&mut conn, today, customer_id, contract_id).await?;
    let standing = crate::applications::preview::standing_in(&mut conn, &b).await?;
    let (rate, prepaid): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT excess_mile_rate, prepaid_mile_rate FROM contracts WHERE id = $1")
            .bind(contract_id)
            .fetch_one(&mut *conn)
            .await?;
    let bought = super::miles::bought(&mut conn, contract_id).await?;
    let inspection: Option<(String, String)> = sqlx::query_as(
        "SELECT reference, inspect_on FROM lease_inspections WHERE contract_id = $1 AND cancelled_at IS NULL",
    )
    .bind(contract_id)
    .fetch_optional(&mut *conn)
    .await?;
    let maturity = maturity(&b);
    let purchase = b.purchase().ok_or(AppError::NotFound)?;
    Ok(LeaseEndView {
        contract_id,
        number: b.rec.number.clone(),
        vehicle: format!("{} {} {}", b.rec.year, b.rec.make, b.rec.model),
        currency: b.rec.currency.clone(),
        today,
        maturity,
        opens_on: maturity - Duration::days(WINDOW_DAYS),
        open: options_open(today, maturity),
        allowed_miles: b.rec.allowed_miles,
        excess_mile_rate: rate,
        maturity_price: purchase.maturity_total,
        buyout_today: purchase.buyout_total,
        payments_in_progress: b.payments_in_progress(),
        inspection: inspection.and_then(|(reference, on)| {
            Some(Inspection {
                reference,
                on: parse_iso(&on)?,
            })
        }),
        extension: eligible(
            &standing,
            ApplicationKind::LeaseExtension,
            today,
            state.config.max_deferrals,
        ),
        miles_open: b.rec.status == "active"
            && prepaid.is_some()
            && extra_miles_open(today, maturity),
        prepaid_mile_rate: prepaid,
        bought,
    })
}

/// The estimate for an odometer reading and declared wear, at the contract's excess-mile rate.
pub async fn estimate(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    odometer: &str,
    wear: &str,
) -> Result<ReturnEstimate, ServiceError> {
    let miles = parse_miles(odometer)?;
    let wear = match wear.trim() {
        "" => Money::ZERO,
        raw => Money::parse(raw).map_err(|i| AppError::validation("wear", i))?,
    };
    let today = state.clock.now().date();
    let mut conn = state.db.pool.acquire().await?;
    let b = lease(&mut conn, today, customer_id, contract_id).await?;
    let rate: Option<String> =
        sqlx::query_scalar("SELECT excess_mile_rate FROM contracts WHERE id = $1")
            .bind(contract_id)
            .fetch_one(&mut *conn)
            .await?;
    let rate = rate
        .as_deref()
        .and_then(|r| Decimal::from_str(r).ok())
        .ok_or_else(|| ServiceError::failed("reading a lease's mile rate")(contract_id))?;
    let allowed = u64::try_from(b.rec.allowed_miles.unwrap_or(0)).unwrap_or(0);
    let bought: u64 = super::miles::bought(&mut conn, contract_id)
        .await?
        .iter()
        .map(|m| m.miles)
        .sum();
    Ok(return_estimate(miles, allowed, bought, rate, wear))
}

/// An odometer reading: whole miles, at most 9,999,999.
fn parse_miles(raw: &str) -> Result<u64, AppError> {
    let digits: String = raw
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != ' ')
        .collect();
    if digits.is_empty() {
        return Err(AppError::validation("odometer", Issue::Required));
    }
    match digits.parse::<u64>() {
        Ok(m) if m <= 9_999_999 => Ok(m),
        _ => Err(AppError::validation("odometer", Issue::WholeMiles)),
    }
}

/// Books the pre-inspection for `date` (a business day from 2 business days ahead to 30 days
/// after maturity, while the options are open), replacing a booking already made; the same form
/// twice books once.
pub async fn book_inspection(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    date: &str,
    key: &str,
) -> Result<Inspection, ServiceError> {
    let key = crate::domain::form::form_key(key).map_err(|i| AppError::validation("key", i))?;
    let on = parse_iso(date.trim()).ok_or(AppError::validation("date", Issue::DateFormat))?;
    let today = state.clock.now().date();
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    if let Some((reference, on)) = sqlx::query_as::<_, (String, String)>(
        "SELECT reference, inspect_on FROM lease_inspections WHERE customer_id = $1 AND idempotency_key = $2",
    )
    .bind(customer_id)
    .bind(key)
    .fetch_optional(&mut *tx)
    .await?
    {
        let on = parse_iso(&on).ok_or_else(|| ServiceError::failed("reading a booking")(on))?;
        return Ok(Inspection { reference, on });
    }
    let b = lease(&mut tx, today, customer_id, contract_id).await?;
    let maturity = maturity(&b);
    if b.rec.status != "active" {
        return Err(AppError::Conflict(crate::error::Conflict::ContractClosed).into());
    }
    let first = add_business_days(today, INSPECTION_NOTICE_DAYS);
    let last = maturity + Duration::days(INSPECTION_DAYS_AFTER);
    if !options_open(today, maturity) || on < first || on > last || !is_business_day(on) {
        return Err(AppError::validation("date", Issue::InspectionDate).into());
    }
    sqlx::query(
        "UPDATE lease_inspections SET cancelled_at = $1 WHERE contract_id = $2 AND cancelled_at IS NULL",
    )
    .bind(now)
    .bind(contract_id)
    .execute(&mut *tx)
    .await?;
    let reference = crate::infra::tokens::reference("INS");
    sqlx::query(
        "INSERT INTO lease_inspections (reference, contract_id, customer_id, inspect_on, created_at, idempotency_key) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&reference)
    .bind(contract_id)
    .bind(customer_id)
    .bind(on.to_string())
    .bind(now)
    .bind(key)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Inspection { reference, on })
}
