//! Contract queries. Every query that takes a contract id also takes the signed-in customer and
//! joins `contract_parties` on that customer, so another customer's contract is simply not found.

use super::rows::{
    checked, packed_in, packed_of, rows_in, unpacked, InstallmentRow, TransactionRow, LEDGER,
    SCHEDULE,
};
use super::{
    ContractDetail, ContractKind, ContractSummary, HistoryLine, PartyView, ScheduleLine,
    TransferInstructions,
};
use crate::domain::account::{position, Installment, Txn, TxnKind, TxnStatus};
use crate::domain::dates::add_months;
use crate::domain::lease::LeaseTerms;
use crate::domain::loan::Allocation;
use crate::domain::Money;
use crate::error::{AppError, ServiceError};
use crate::infra::{AppState, Db};
use time::Date;

pub use super::rows::{ContractRecord, ContractRow};
pub use super::summaries::summaries;

/// The columns a `ContractRow` reads (`c` the contract, `p` the party whose role is read).
pub const CONTRACT_COLUMNS: &str = "c.id, c.contract_number, c.kind, c.vin, c.make, c.model, c.model_year, c.colour, c.currency, \
    c.contract_date, c.amount_financed_cents, c.apr, c.term_months, c.first_due_date, c.due_day, c.payment_cents, \
    c.residual_cents, c.allowed_miles, c.tax_percent, c.purchase_option_fee_cents, c.status, p.role";

/// The customer's contracts, newest first (closed ones last).
pub async fn contracts_of(db: &Db, customer_id: i64) -> Result<Vec<ContractRecord>, ServiceError> {
    let sql = format!(
        "SELECT {CONTRACT_COLUMNS} FROM contracts c JOIN contract_parties p ON p.contract_id = c.id \
         WHERE p.customer_id = $1 ORDER BY CASE WHEN c.status = 'active' THEN 0 ELSE 1 END, c.contract_date DESC"
    );
    let rows: Vec<ContractRow> = sqlx::query_as(&sql)
        .bind(customer_id)
        .fetch_all(&db.pool)
        .await?;
    checked(rows)
}

/// One contract, only if the customer is a party to it.
pub async fn contract_of(
    db: &Db,
    customer_id: i64,
    contract_id: i64,
) -> Result<ContractRecord, ServiceError> {
    contract_in(&db.pool, customer_id, contract_id).await
}

/// One contract of the customer's with its schedule and its ledger (newest first), in one query:
/// what the contract pages read.
pub async fn contract_with_rows(
    db: &Db,
    customer_id: i64,
    contract_id: i64,
) -> Result<(ContractRecord, Vec<Installment>, Vec<HistoryLine>), ServiceError> {
    #[derive(sqlx::FromRow)]
    struct Packed {
        #[sqlx(flatten)]
        contract: ContractRow,
        schedule_packed: Option<String>,
        ledger_packed: Option<String>,
    }
    let sql = format!(
        "SELECT {CONTRACT_COLUMNS}, {} AS schedule_packed, {} AS ledger_packed \
         FROM contracts c JOIN contract_parties p ON p.contract_id = c.id WHERE c.id = $1 AND p.customer_id = $2",
        SCHEDULE.packed_for_outer(db),
        LEDGER.packed_for_outer(db)
    );
    let row: Packed = sqlx::query_as(&sql)
        .bind(contract_id)
        .bind(customer_id)
        .fetch_optional(&db.pool)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        row.contract.try_into()?,
        unpacked::<InstallmentRow, _>(row.schedule_packed.as_deref())?,
        unpacked::<TransactionRow, _>(row.ledger_packed.as_deref())?,
    ))
}

/// The contract's schedule, read as one packed row (`DbKind::packed_rows`).
pub async fn installments(db: &Db, contract_id: i64) -> Result<Vec<Installment>, ServiceError> {
    packed_of::<InstallmentRow, _>(db, &SCHEDULE, contract_id).await
}

/// The contract's ledger, newest first, read as one packed row.
pub async fn history_lines(db: &Db, contract_id: i64) -> Result<Vec<HistoryLine>, ServiceError> {
    packed_of::<TransactionRow, _>(db, &LEDGER, contract_id).await
}

/// `contract_of` on a connection or transaction of the caller's (a batch job reads what it has
/// written in the same transaction).
pub async fn contract_in<'c, E: sqlx::Executor<'c, Database = sqlx::Any>>(
    db: E,
    customer_id: i64,
    contract_id: i64,
) -> Result<ContractRecord, ServiceError> {
    let sql = format!(
        "SELECT {CONTRACT_COLUMNS} FROM contracts c JOIN contract_parties p ON p.contract_id = c.id \
         WHERE c.id = $1 AND p.customer_id = $2"
    );
    let row: Option<ContractRow> = sqlx::query_as(&sql)
        .bind(contract_id)
        .bind(customer_id)
        .fetch_optional(db)
        .await?;
    row.ok_or(AppError::NotFound)?.try_into()
}

/// `installments` on a connection or transaction of the caller's (a job reads what it has
/// written in the same transaction).
pub async fn installments_in(
    conn: &mut sqlx::AnyConnection,
    contract_id: i64,
) -> Result<Vec<Installment>, ServiceError> {
    packed_in::<InstallmentRow, _>(conn, &SCHEDULE, contract_id).await
}

/// `history_lines` on a connection or transaction of the caller's.
pub async fn history_lines_in(
    conn: &mut sqlx::AnyConnection,
    contract_id: i64,
) -> Result<Vec<HistoryLine>, ServiceError> {
    packed_in::<TransactionRow, _>(conn, &LEDGER, contract_id).await
}

/// The schedule read row by row: the plain reading the packed readers are checked against.
pub async fn installments_by_row(
    db: &Db,
    contract_id: i64,
) -> Result<Vec<Installment>, ServiceError> {
    rows_in::<_, InstallmentRow, _>(&db.pool, &SCHEDULE, contract_id).await
}

/// The ledger read row by row: the plain reading the packed readers are checked against.
pub async fn history_lines_by_row(
    db: &Db,
    contract_id: i64,
) -> Result<Vec<HistoryLine>, ServiceError> {
    rows_in::<_, TransactionRow, _>(&db.pool, &LEDGER, contract_id).await
}

pub fn txns(lines: &[HistoryLine]) -> Vec<Txn> {
    lines
        .iter()
        .map(|l| Txn {
            kind: l.kind,
            status: l.status,
            date: l.date,
            amount: l.amount,
            allocation: Allocation {
                fees: l.fees,
                interest: l.interest,
                principal: l.principal,
                excess: l.excess,
            },
            tax: l.tax,
            extra_principal: l.extra_principal,
        })
        .collect()
}

/// Builds the dashboard view of a contract as of `today`.
pub fn summarize(
    rec: &ContractRecord,
    schedule: &[Installment],
    lines: &[HistoryLine],
    today: Date,
) -> ContractSummary {
    let pos = position(schedule, &txns(lines), today);
    let principal_paid: Money = lines
        .iter()
        .filter(|l| l.kind == TxnKind::Payment && l.status == TxnStatus::Posted)
        .map(|l| l.principal)
        .sum();
    let closed = rec.status != "active";
    let balance = match (closed, rec.kind) {
        (true, _) => Money::ZERO,
        (false, ContractKind::Loan) => (rec.financed - principal_paid).max(Money::ZERO),
        (false, ContractKind::Lease) => pos.remaining_scheduled,
    };
    ContractSummary {
        id: rec.id,
        number: rec.number.clone(),
        kind: rec.kind,
        vehicle: format!("{} {} {}", rec.year, rec.make, rec.model),
        colour: rec.colour.clone(),
        vin: rec.vin.clone(),
        currency: rec.currency.clone(),
        status: rec.status.clone(),
        balance,
        amount_financed: rec.financed,
        payments_made: if closed { rec.term } else { pos.payments_made },
        payments_remaining: if closed { 0 } else { pos.payments_remaining },
        term_months: rec.term,
        next_due: if closed { None } else { pos.next_due },
        due_today: !closed && pos.next_due.is_some_and(|(d, _)| d == today),
        past_due: if closed { Money::ZERO } else { pos.past_due },
        fees_due: if closed { Money::ZERO } else { pos.fees_due },
        in_flight: if closed { None } else { pos.in_flight },
        scheduled: None,
        autopay: None,
        refund_due: lines
            .iter()
            .filter(|l| l.kind == TxnKind::Payment && l.status == TxnStatus::Posted)
            .map(|l| l.excess)
            .sum(),
        payoff_returned: None,
        role: rec.role.clone(),
        chart: schedule
            .iter()
            .zip(&pos.rows)
            .map(|(i, s)| {
                (
                    i.due_date,
                    i.balance,
                    matches!(
                        s,
                        crate::domain::account::RowStatus::Paid
                            | crate::domain::account::RowStatus::PaidLate
                    ) || closed,
                )
            })
            .collect(),
    }
}

/// The payoff payment that was returned, when it is the contract's latest payoff and the
/// contract is open (shown to the customer and in the back office).
pub async fn payoff_returned(
    db: &Db,
    rec: &ContractRecord,
) -> Result<Option<String>, ServiceError> {
    if rec.status != "active" {
        return Ok(None);
    }
    let last: Option<(String, String)> = sqlx::query_as(
        "SELECT reference, status FROM payments WHERE contract_id = $1 AND purpose = 'payoff' \
         AND status NOT IN ('cancelled', 'declined') ORDER BY updated_at DESC, id DESC LIMIT 1",
    )
    .bind(rec.id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(last.and_then(|(reference, status)| (status == "returned").then_some(reference)))
}

pub async fn detail(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
) -> Result<ContractDetail, ServiceError> {
    let (rec, schedule, lines) = contract_with_rows(&state.db, customer_id, contract_id).await?;
    let parties = parties(&state.db, rec.id).await?;
    let mut detail = detail_of(&rec, &schedule, &lines, parties, state.clock.now().date());
    detail.summary.payoff_returned = payoff_returned(&state.db, &rec).await?;
    Ok(detail)
}

/// How to pay the customer's contract from another bank: the lender's account in the contract's
/// country (none for a currency without one: NotFound), the contract number as the reference, and
/// what is due now.
pub async fn transfer_details(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
) -> Result<TransferInstructions, ServiceError> {
    let (rec, schedule, lines) = contract_with_rows(&state.db, customer_id, contract_id).await?;
    let account = state
        .config
        .remittance
        .for_currency(&rec.currency)
        .ok_or(AppError::NotFound)?;
    let s = summarize(&rec, &schedule, &lines, state.clock.now().date());
    Ok(TransferInstructions {
        account,
        amount_due: s.past_due + s.fees_due + s.next_due.map_or(Money::ZERO, |(_, m)| m),
        reference: s.number,
        currency: s.currency,
    })
}

/// The names and roles on a contract, primary first.
pub async fn parties(db: &Db, contract_id: i64) -> Result<Vec<PartyView>, ServiceError> {
    let parties: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT first_name, last_name, role FROM contract_parties WHERE contract_id = $1 ORDER BY role DESC",
    )
    .bind(contract_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(parties
        .into_iter()
        .map(|(first, last, role)| PartyView {
            name: format!("{first} {last}"),
            role,
        })
        .collect())
}

/// The terms and standing of a contract as of `today` (pure: the customer's details page and the
/// back office show the same figures).
pub fn detail_of(
    rec: &ContractRecord,
    schedule: &[Installment],
    lines: &[HistoryLine],
    parties: Vec<PartyView>,
    today: Date,
) -> ContractDetail {
    let purchase_price = match (rec.kind, rec.residual) {
        (ContractKind::Lease, Some(residual)) => Some(
            LeaseTerms {
                adjusted_cap_cost: rec.financed,
                residual,
                apr: rec.apr,
                term_months: rec.term,
                tax_percent: rec.tax_percent,
                purchase_option_fee: rec.purchase_option_fee.unwrap_or(Money::ZERO),
            }
            .maturity_purchase_price(),
        ),
        _ => None,
    };
    ContractDetail {
        summary: summarize(rec, schedule, lines, today),
        apr: rec.apr.to_string(),
        money_factor: (rec.kind == ContractKind::Lease)
            .then(|| rec.apr.money_factor_shown().to_string()),
        contract_date: rec.contract_date,
        first_due: rec.first_due,
        // The schedule's last instalment (an approved deferral or extension moves it).
        maturity: schedule
            .last()
            .map_or(add_months(rec.first_due, rec.term.saturating_sub(1)), |r| {
                r.due_date
            }),
        due_day: rec.due_day,
        payment: rec.payment,
        residual: rec.residual,
        allowed_miles: rec.allowed_miles,
        purchase_price,
        parties,
    }
}

pub async fn schedule_lines(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
) -> Result<(ContractSummary, Vec<ScheduleLine>), ServiceError> {
    let (rec, schedule, lines) = contract_with_rows(&state.db, customer_id, contract_id).await?;
    let today = state.clock.now().date();
    let summary = summarize(&rec, &schedule, &lines, today);
    Ok((summary, schedule_of(&rec, schedule, &lines, today)))
}

/// Every instalment with its status as of `today` (a closed contract's rows are all paid).
pub fn schedule_of(
    rec: &ContractRecord,
    schedule: Vec<Installment>,
    lines: &[HistoryLine],
    today: Date,
) -> Vec<ScheduleLine> {
    let pos = position(&schedule, &txns(lines), today);
    let closed = rec.status != "active";
    schedule
        .into_iter()
        .zip(pos.rows)
        .map(|(i, s)| ScheduleLine {
            number: i.number,
            due_date: i.due_date,
            payment: i.payment,
            interest: i.interest,
            principal: i.principal,
            tax: i.tax,
            balance: i.balance,
            status: if closed {
                crate::domain::account::RowStatus::Paid
            } else {
                s
            },
        })
        .collect()
}

pub async fn history(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
) -> Result<(ContractSummary, Vec<HistoryLine>), ServiceError> {
    let (rec, schedule, lines) = contract_with_rows(&state.db, customer_id, contract_id).await?;
    Ok((
        summarize(&rec, &schedule, &lines, state.clock.now().date()),
        lines,
    ))
}
