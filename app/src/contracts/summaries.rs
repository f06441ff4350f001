//! The dashboard's cards (and the back office's list of a customer's contracts): every contract of
//! the customer with its schedule, ledger, next scheduled payment, returned payoff and autopay, read
//! in one query whatever the number of contracts — a row per contract, with its schedule and its
//! transactions each packed into one column (`packed_rows`).

use super::rows::{unpacked, ContractRow, InstallmentRow, TransactionRow, LEDGER, SCHEDULE};
use super::service::{summarize, CONTRACT_COLUMNS};
use super::{AutopayBadge, ContractSummary, HistoryLine};
use crate::domain::account::Installment;
use crate::domain::dates::parse_iso;
use crate::domain::Money;
use crate::error::ServiceError;
use crate::infra::AppState;
use time::Date;

/// A contract with what its card shows beside the ledger: the active autopay and its source (at
/// most one: `autopays_one_active`), the earliest payment scheduled and not yet submitted, and the
/// reference of the latest payoff payment if it was returned.
#[derive(sqlx::FromRow)]
struct CardRow {
    #[sqlx(flatten)]
    contract: ContractRow,
    ap_next_due: Option<String>,
    ap_days_before: Option<i64>,
    ap_kind: Option<String>,
    ap_brand: Option<String>,
    ap_account_type: Option<String>,
    ap_last4: Option<String>,
    next_scheduled_for: Option<String>,
    next_scheduled_cents: Option<i64>,
    payoff_returned: Option<String>,
    schedule_packed: Option<String>,
    ledger_packed: Option<String>,
}

/// The earliest scheduled payment (`x` = one row of `payments`), as a correlated sub-select.
const NEXT_SCHEDULED: &str =
    "FROM payments x WHERE x.contract_id = c.id AND x.status = 'scheduled' \
     ORDER BY x.scheduled_for, x.id LIMIT 1";

pub async fn summaries(
    state: &AppState,
    customer_id: i64,
) -> Result<Vec<ContractSummary>, ServiceError> {
    let today = state.clock.now().date();
    let pool = &state.db.pool;
    let sql = format!(
        "SELECT {CONTRACT_COLUMNS}, a.next_due AS ap_next_due, a.days_before AS ap_days_before, \
         s.kind AS ap_kind, s.brand AS ap_brand, s.account_type AS ap_account_type, s.last4 AS ap_last4, \
         (SELECT x.scheduled_for {NEXT_SCHEDULED}) AS next_scheduled_for, \
         (SELECT x.amount_cents {NEXT_SCHEDULED}) AS next_scheduled_cents, \
         (SELECT CASE WHEN y.status = 'returned' THEN y.reference END FROM payments y \
           WHERE y.contract_id = c.id AND y.purpose = 'payoff' AND y.status NOT IN ('cancelled', 'declined') \
           ORDER BY y.updated_at DESC, y.id DESC LIMIT 1) AS payoff_returned, \
         {schedule} AS schedule_packed, {ledger} AS ledger_packed \
         FROM contracts c JOIN contract_parties p ON p.contract_id = c.id \
         LEFT JOIN autopays a ON a.contract_id = c.id AND a.status = 'active' \
         LEFT JOIN payment_sources s ON s.id = a.source_id \
         WHERE p.customer_id = $1 \
         ORDER BY CASE WHEN c.status = 'active' THEN 0 ELSE 1 END, c.contract_date DESC",
        schedule = SCHEDULE.packed_for_outer(&state.db),
        ledger = LEDGER.packed_for_outer(&state.db),
    );
    let cards: Vec<CardRow> = sqlx::query_as(&sql)
        .bind(customer_id)
        .fetch_all(pool)
        .await?;
    cards
        .into_iter()
        .map(|card| {
            let rec = super::service::ContractRecord::try_from(card.contract)?;
            let schedule: Vec<Installment> =
                unpacked::<InstallmentRow, _>(card.schedule_packed.as_deref())?;
            let lines: Vec<HistoryLine> =
                unpacked::<TransactionRow, _>(card.ledger_packed.as_deref())?;
            let mut summary = summarize(&rec, &schedule, &lines, today);
            summary.scheduled = card
                .next_scheduled_for
                .as_deref()
                .and_then(parse_iso)
                .zip(card.next_scheduled_cents.map(Money::from_cents));
            summary.payoff_returned = card.payoff_returned.filter(|_| rec.status == "active");
            summary.autopay = card
                .ap_kind
                .zip(card.ap_last4)
                .map(|(kind, last4)| AutopayBadge {
                    next_draft: next_draft(card.ap_next_due.as_deref(), card.ap_days_before, today),
                    kind,
                    brand: card.ap_brand,
                    account_type: card.ap_account_type,
                    last4,
                });
            Ok(summary)
        })
        .collect()
}

/// The autopay's next draft: `days_before` (clamped to 0–10) the next due date, never before
/// today; none once the last instalment is drafted.
fn next_draft(next_due: Option<&str>, days_before: Option<i64>, today: Date) -> Option<Date> {
    let days = days_before.unwrap_or(0).clamp(0, 10) as u8;
    next_due
        .and_then(parse_iso)
        .map(|d| crate::domain::autopay::draft_date(d, days).max(today))
}
