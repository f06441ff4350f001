//! Autopay rows and the writes the customer's changes and the jobs share: which sources can pay
//! a contract, an autopay's stored form, its mails (queued in the caller's transaction) and its
//! end (with its drafts not yet processing).

use super::book::{book, Book};
use super::source_label;
use super::sources::source_of;
use super::sources::{SourceRow, SOURCE_COLUMNS};
use super::{AutopayLine, AutopayView};
use crate::domain::autopay::draft_date;
use crate::domain::autopay::YearMonth;
use crate::domain::dates::parse_iso;
use crate::domain::payment::SourceKind;
use crate::domain::Money;
use crate::emails::autopay::{Change, Details};
use crate::error::ServiceError;
use crate::i18n::format;
use crate::infra::{outbox, AppState};
use time::Date;

pub(super) type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// Whether `source` can pay a contract in `currency`: a bank account pays in its own country's
/// currency; a card in any.
pub(super) fn pays_in(source: &SourceRow, currency: &str) -> bool {
    let own = match source.country.as_str() {
        "CA" => "CAD",
        "RU" => "RUB",
        _ => "USD",
    };
    source.kind() == SourceKind::Card || own == currency
}

#[derive(sqlx::FromRow)]
pub(super) struct AutopayRow {
    pub id: i64,
    pub customer_id: i64,
    pub contract_id: i64,
    pub source_id: i64,
    pub fixed_amount_cents: Option<i64>,
    pub days_before: i64,
    pub start_month: String,
    pub next_due: Option<String>,
}

pub(super) const AUTOPAY_COLUMNS: &str =
    "id, customer_id, contract_id, source_id, fixed_amount_cents, days_before, start_month, next_due";

impl AutopayRow {
    pub fn days_before(&self) -> u8 {
        self.days_before.clamp(0, 10) as u8
    }

    pub fn next_due(&self) -> Option<Date> {
        self.next_due.as_deref().and_then(parse_iso)
    }

    /// What it drafts before netting: the fixed amount, or the regular payment.
    pub fn base(&self, regular: Money) -> Money {
        self.fixed_amount_cents.map_or(regular, Money::from_cents)
    }
}

pub(super) fn due_dates(b: &Book) -> Vec<Date> {
    b.schedule.iter().map(|i| i.due_date).collect()
}

/// Queues the mail for `change` of autopay `id` in `tx`.
pub(super) async fn mail_change(
    state: &AppState,
    tx: &mut Tx,
    id: i64,
    change: Change,
) -> Result<(), ServiceError> {
    let row: AutopayRow = sqlx::query_as(&format!(
        "SELECT {AUTOPAY_COLUMNS} FROM autopays WHERE id = $1"
    ))
    .bind(id)
    .fetch_one(&mut **tx)
    .await?;
    let (number, currency, regular): (String, String, i64) = sqlx::query_as(
        "SELECT contract_number, currency, payment_cents FROM contracts WHERE id = $1",
    )
    .bind(row.contract_id)
    .fetch_one(&mut **tx)
    .await?;
    let source: SourceRow = sqlx::query_as(&format!(
        "SELECT {SOURCE_COLUMNS} FROM payment_sources WHERE id = $1"
    ))
    .bind(row.source_id)
    .fetch_one(&mut **tx)
    .await?;
    let to = crate::emails::recipient(&mut **tx, row.customer_id).await?;
    let l = to.locale();
    let date = row.next_due().map(|d| draft_date(d, row.days_before()));
    let details = Details {
        contract: &number,
        amount: format::money(l, row.base(Money::from_cents(regular)), &currency),
        date: date.map(|d| format::date(l, d)).unwrap_or_default(),
        source: source_label(l, &source.view()),
    };
    let mail = crate::emails::autopay::changed(&to, change, &details);
    outbox::enqueue(tx, &mail, state.clock.unix()).await?;
    Ok(())
}

/// Ends autopay `id` in `tx` (`cancelled` by the customer, or `paid_off` / `returns` by itself)
/// and cancels its drafts not yet processing; `None` when it was no longer active.
pub(super) async fn end_in(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    id: i64,
    reason: &str,
) -> Result<Option<u32>, ServiceError> {
    let now = state.clock.unix();
    let ended = sqlx::query(
        "UPDATE autopays SET status = $1, ended_reason = $2, ended_at = $3, updated_at = $3, claimed_by = NULL, \
         claim_until = NULL WHERE id = $4 AND status = 'active'",
    )
    .bind(if reason == "cancelled" { "cancelled" } else { "ended" })
    .bind(reason)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if ended.rows_affected() == 0 {
        return Ok(None);
    }
    let drafts = sqlx::query(
        "UPDATE payments SET status = 'cancelled', updated_at = $1 WHERE autopay_id = $2 AND status = 'scheduled'",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    Ok(Some(drafts.rows_affected() as u32))
}

/// The autopay as its holder (and staff) see it: the source by its last four digits.
pub(super) async fn view(
    state: &AppState,
    b: &Book,
    row: &AutopayRow,
) -> Result<AutopayView, ServiceError> {
    let source = source_of(state, row.customer_id, row.source_id).await?;
    let today = state.clock.now().date();
    Ok(AutopayView {
        id: row.id,
        fixed_amount: row.fixed_amount_cents.map(Money::from_cents),
        days_before: row.days_before(),
        source: source.view(),
        start_month: YearMonth::parse(&row.start_month).unwrap_or(YearMonth::of(today)),
        next_draft: row.next_due().map(|due| {
            (
                draft_date(due, row.days_before()).max(today),
                row.base(b.rec.payment).min(b.most(today)),
            )
        }),
    })
}

/// A customer's active autopays (their file in the back office).
pub async fn of_customer(
    state: &AppState,
    customer_id: i64,
) -> Result<Vec<AutopayLine>, ServiceError> {
    let rows: Vec<AutopayRow> = sqlx::query_as(&format!(
        "SELECT {AUTOPAY_COLUMNS} FROM autopays WHERE customer_id = $1 AND status = 'active' ORDER BY id"
    ))
    .bind(customer_id)
    .fetch_all(&state.db.pool)
    .await?;
    let mut out = Vec::new();
    for row in rows {
        let b = book(state, customer_id, row.contract_id, 0).await?;
        out.push(AutopayLine {
            contract_number: b.rec.number.clone(),
            currency: b.rec.currency.clone(),
            regular: b.rec.payment,
            autopay: view(state, &b, &row).await?,
        });
    }
    Ok(out)
}

/// What a form asked for (`op`: enrol or change), as the idempotency record keeps it.
pub(super) fn request_hash(op: &str, r: &super::AutopayRequest) -> String {
    use sha2::{Digest, Sha256};
    let amount = Money::parse(&r.amount)
        .map_or_else(|_| r.amount.trim().to_string(), |m| m.cents().to_string());
    let canonical = format!(
        "{op}|{}|{}|{amount}|{}|{}",
        r.contract_id,
        r.source_id,
        r.days_before.trim(),
        r.start_month.trim()
    );
    hex::encode(Sha256::digest(canonical.as_bytes()))
}

/// The customer's active autopay on a contract.
pub(super) async fn active_of(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
) -> Result<Option<AutopayRow>, ServiceError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {AUTOPAY_COLUMNS} FROM autopays WHERE contract_id = $1 AND customer_id = $2 AND status = 'active'"
    ))
    .bind(contract_id)
    .bind(customer_id)
    .fetch_optional(&state.db.pool)
    .await?)
}

/// Whether another holder of the contract has autopay on for it.
pub(super) async fn other_holders_autopay(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
) -> Result<bool, ServiceError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM autopays WHERE contract_id = $1 AND customer_id <> $2 AND status = 'active'",
    )
    .bind(contract_id)
    .bind(customer_id)
    .fetch_one(&state.db.pool)
    .await?;
    Ok(n > 0)
}
