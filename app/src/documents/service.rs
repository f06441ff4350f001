//! Which documents a customer has, and the data each PDF is drawn from. Every query goes through
//! `contracts::service::contract_of(customer, contract)`, so another customer's contract is simply
//! not found. Statements are computed from the contract's schedule and transactions as they stood
//! at the end of the month, so a statement reads the same every time it is downloaded.

use super::periods::{statement_periods, Period};
use super::{ContractDocuments, Letter, LetterKind};
use crate::contracts::service::{
    contract_of, contracts_of, history_lines, installments, summarize, ContractRecord,
};
use crate::contracts::{ContractSummary, HistoryLine};
use crate::domain::account::{TxnKind, TxnStatus};
use crate::domain::contact::AddressInput;
use crate::domain::Money;
use crate::error::{AppError, ServiceError};
use crate::infra::AppState;
use time::Date;

/// The person a document is addressed to.
#[derive(Debug, Clone)]
pub struct Addressee {
    pub name: String,
    /// Mailing address lines, empty when none is on file.
    pub address: Vec<String>,
}

/// Everything a monthly statement shows.
#[derive(Debug, Clone)]
pub struct StatementData {
    pub period: Period,
    pub to: Addressee,
    /// The contract as it stood at the end of the period.
    pub contract: ContractSummary,
    pub regular_payment: Money,
    /// Next instalment + past due + fees, due on `due_date`.
    pub amount_due: Money,
    pub due_date: Option<Date>,
    /// Transactions dated in the period, oldest first.
    pub activity: Vec<HistoryLine>,
}

/// A paid-in-full (loan) or lease-completed letter.
#[derive(Debug, Clone)]
pub struct LetterData {
    pub kind: LetterKind,
    /// The letter's date: the day the contract was settled.
    pub date: Date,
    pub to: Addressee,
    pub contract: ContractSummary,
    pub closed_on: Date,
}

/// The day a closed contract was settled: its last posted payment (`None` while active).
fn closed_on(rec: &ContractRecord, lines: &[HistoryLine]) -> Option<Date> {
    if rec.status == "active" {
        return None;
    }
    lines
        .iter()
        .filter(|l| l.kind == TxnKind::Payment && l.status == TxnStatus::Posted)
        .map(|l| l.date)
        .max()
        .or(Some(rec.first_due))
}

fn letters_of(rec: &ContractRecord, lines: &[HistoryLine]) -> Vec<Letter> {
    closed_on(rec, lines)
        .map(|date| Letter {
            kind: LetterKind::PaidInFull,
            date,
        })
        .into_iter()
        .collect()
}

pub async fn list(
    state: &AppState,
    customer_id: i64,
) -> Result<Vec<ContractDocuments>, ServiceError> {
    let today = state.clock.now().date();
    let mut out = Vec::new();
    for rec in contracts_of(&state.db, customer_id).await? {
        let lines = history_lines(&state.db, rec.id).await?;
        out.push(documents_of(&rec, &lines, today));
    }
    Ok(out)
}

/// The statements and letters of one contract as of `today` (the back office lists the same).
pub fn documents_of(rec: &ContractRecord, lines: &[HistoryLine], today: Date) -> ContractDocuments {
    ContractDocuments {
        contract_id: rec.id,
        number: rec.number.clone(),
        vehicle: format!("{} {} {}", rec.year, rec.make, rec.model),
        kind: rec.kind,
        statements: statement_periods(rec.first_due, closed_on(rec, lines), today),
        letters: letters_of(rec, lines),
    }
}

#[derive(sqlx::FromRow)]
struct AddresseeRow {
    first_name: String,
    last_name: String,
    addr_country: Option<String>,
    addr_line1: Option<String>,
    addr_line2: Option<String>,
    addr_city: Option<String>,
    addr_region: Option<String>,
    addr_postal: Option<String>,
}

pub async fn addressee(state: &AppState, customer_id: i64) -> Result<Addressee, ServiceError> {
    let r: AddresseeRow = sqlx::query_as(
        "SELECT first_name, last_name, addr_country, addr_line1, addr_line2, addr_city, addr_region, addr_postal \
         FROM customers WHERE id = $1",
    )
    .bind(customer_id)
    .fetch_one(&state.db.pool)
    .await?;
    let name = format!("{} {}", r.first_name, r.last_name);
    let address = match r.addr_country {
        Some(country) if !country.is_empty() => address_lines(&AddressInput {
            country,
            line1: r.addr_line1.unwrap_or_default(),
            line2: r.addr_line2.unwrap_or_default(),
            city: r.addr_city.unwrap_or_default(),
            region: r.addr_region.unwrap_or_default(),
            postal: r.addr_postal.unwrap_or_default(),
        }),
        _ => Vec::new(),
    };
    Ok(Addressee { name, address })
}

/// A stored address as its country prints it on an envelope.
pub fn address_lines(a: &AddressInput) -> Vec<String> {
    let mut out = vec![a.line1.clone()];
    if !a.line2.is_empty() {
        out.push(a.line2.clone());
    }
    match a.country.as_str() {
        "RU" => {
            out.push(format!("{}, {}", a.city, a.region));
            out.push(format!("{} Russia", a.postal));
        }
        "CA" => {
            out.push(format!("{} {}  {}", a.city, a.region, a.postal));
            out.push("Canada".into());
        }
        _ => out.push(format!("{}, {} {}", a.city, a.region, a.postal)),
    }
    out
}

pub async fn statement(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    period: Period,
) -> Result<StatementData, ServiceError> {
    let rec = contract_of(&state.db, customer_id, contract_id).await?;
    let lines = history_lines(&state.db, rec.id).await?;
    let closed = closed_on(&rec, &lines);
    let today = state.clock.now().date();
    if !statement_periods(rec.first_due, closed, today).contains(&period) {
        return Err(AppError::NotFound.into());
    }
    let end = period.last_day();
    let schedule = installments(&state.db, rec.id).await?;
    let known: Vec<HistoryLine> = lines.iter().filter(|l| l.date <= end).cloned().collect();
    // A contract closed after this month was still active on the statement date.
    let mut as_of = rec.clone();
    if closed.is_some_and(|d| d > end) {
        as_of.status = "active".into();
    }
    let contract = summarize(&as_of, &schedule, &known, end);
    let due_date = contract.next_due.map(|(d, _)| d);
    let next = contract.next_due.map(|(_, m)| m).unwrap_or(Money::ZERO);
    let mut activity: Vec<HistoryLine> = known
        .into_iter()
        .filter(|l| Period::of(l.date) == period)
        .collect();
    activity.reverse();
    Ok(StatementData {
        period,
        to: addressee(state, customer_id).await?,
        amount_due: next + contract.past_due + contract.fees_due,
        due_date,
        regular_payment: rec.payment,
        contract,
        activity,
    })
}

pub async fn letter(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    kind: LetterKind,
) -> Result<LetterData, ServiceError> {
    let rec = contract_of(&state.db, customer_id, contract_id).await?;
    let lines = history_lines(&state.db, rec.id).await?;
    let closed_on = closed_on(&rec, &lines).ok_or(AppError::NotFound)?;
    let schedule = installments(&state.db, rec.id).await?;
    let today = state.clock.now().date();
    Ok(LetterData {
        kind,
        // A letter of record: dated the day the contract was settled, whenever it is downloaded.
        date: closed_on,
        to: addressee(state, customer_id).await?,
        contract: summarize(&rec, &schedule, &lines, today),
        closed_on,
    })
}
