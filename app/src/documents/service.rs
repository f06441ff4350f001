//! Which documents a customer has, and the data each PDF is drawn from. Every query goes through
//! `contracts::service::contract_of(customer, contract)`, so another customer's contract is simply
//! not found. Statements are computed from the contract's schedule and transactions as they stood
//! at the end of the month, so a statement reads the same every time it is downloaded.

use super::periods::{statement_periods, Period};
use super::{ContractDocuments, Letter, LetterKind};
use crate::contracts::service::{
    contract_of, contracts_of, history_lines, installments, summarize, ContractRecord,
};
use crate::contracts::{ContractKind, ContractSummary, HistoryLine};
use crate::domain::account::{TxnKind, TxnStatus};
use crate::domain::contact::AddressInput;
use crate::domain::payment::PaymentRules;
use crate::domain::Money;
use crate::error::{AppError, ServiceError};
use crate::infra::AppState;
use crate::payments::day::lender_today;
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

/// A letter: who it is to, the contract on the letter's date, and what its kind adds.
#[derive(Debug, Clone)]
pub struct LetterData {
    pub kind: LetterKind,
    /// The letter's date (see `Letter`).
    pub date: Date,
    pub to: Addressee,
    /// The contract as it stands on the letter's date.
    pub contract: ContractSummary,
    /// The day the contract was settled (closed contracts).
    pub closed_on: Option<Date>,
    /// The other parties' names (a lien release names every owner).
    pub parties: Vec<String>,
    /// An interest letter's year.
    pub year: Option<YearPaid>,
}

/// What a loan's posted payments paid in one calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearPaid {
    pub year: i32,
    pub payments: u32,
    pub total: Money,
    pub interest: Money,
    pub principal: Money,
    pub fees: Money,
}

/// Sums the posted payments dated in `year` (returned ones are not posted, so never counted).
pub fn year_paid(lines: &[HistoryLine], year: i32) -> YearPaid {
    let mut y = YearPaid {
        year,
        payments: 0,
        total: Money::ZERO,
        interest: Money::ZERO,
        principal: Money::ZERO,
        fees: Money::ZERO,
    };
    for l in lines.iter().filter(|l| {
        l.kind == TxnKind::Payment && l.status == TxnStatus::Posted && l.date.year() == year
    }) {
        y.payments += 1;
        y.total += l.amount;
        y.interest += l.interest;
        y.principal += l.principal;
        y.fees += l.fees;
    }
    y
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

/// A contract's letters, in the order the page lists them: today's balance confirmation (active
/// contracts), the settling letters (closed ones), then a loan's interest letters, newest first —
/// one for every ended year its payments paid interest in, and the year it was settled.
fn letters_of(
    rec: &ContractRecord,
    lines: &[HistoryLine],
    today: Date,
    rules: &PaymentRules,
) -> Vec<Letter> {
    let closed = closed_on(rec, lines);
    let mut out = Vec::new();
    match closed {
        None => out.push(Letter {
            kind: LetterKind::BalanceConfirmation,
            date: today,
        }),
        Some(date) => {
            out.push(Letter {
                kind: LetterKind::PaidInFull,
                date,
            });
            // The lien (a loan's) or the title (a lease bought at its end: paid off, where a
            // returned lease is closed) is released once the payment that settled the contract
            // can no longer come back (a late return reopens it).
            let release = match rec.kind {
                ContractKind::Loan => Some(LetterKind::LienRelease),
                ContractKind::Lease if rec.status == "paid_off" => Some(LetterKind::TitleRelease),
                ContractKind::Lease => None,
            };
            if let Some(kind) = release.filter(|_| today >= rules.final_on(date)) {
                out.push(Letter { kind, date });
            }
        }
    }
    if rec.kind == ContractKind::Loan {
        let last_year = closed.map(|d| d.year()).unwrap_or(today.year() - 1);
        let first_year = rec.first_due.year();
        for year in (first_year..=last_year).rev() {
            if year_paid(lines, year).interest.is_zero() {
                continue;
            }
            let year_end = Date::from_calendar_date(year, time::Month::December, 31)
                .expect("31 December exists");
            out.push(Letter {
                kind: LetterKind::InterestPaid(year),
                date: closed.map_or(year_end, |c| c.min(year_end)),
            });
        }
    }
    out
}

pub async fn list(
    state: &AppState,
    customer_id: i64,
) -> Result<Vec<ContractDocuments>, ServiceError> {
    let today = lender_today(state);
    let mut out = Vec::new();
    for rec in contracts_of(&state.db, customer_id).await? {
        let lines = history_lines(&state.db, rec.id).await?;
        out.push(documents_of(
            &rec,
            &lines,
            today,
            &state.config.payment_rules,
        ));
    }
    Ok(out)
}

/// The statements and letters of one contract as of `today`, the lender's day (the back office
/// lists the same).
pub fn documents_of(
    rec: &ContractRecord,
    lines: &[HistoryLine],
    today: Date,
    rules: &PaymentRules,
) -> ContractDocuments {
    ContractDocuments {
        contract_id: rec.id,
        number: rec.number.clone(),
        vehicle: format!("{} {} {}", rec.year, rec.make, rec.model),
        kind: rec.kind,
        statements: statement_periods(rec.first_due, closed_on(rec, lines), today),
        letters: letters_of(rec, lines, today, rules),
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

/// Whether `customer_id` is a party to a contract that has a statement for `period` (the archive's
/// check before it reads anything): the contract's number, or `NotFound`.
pub async fn statement_month(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    period: Period,
) -> Result<String, ServiceError> {
    let rec = contract_of(&state.db, customer_id, contract_id).await?;
    let lines = history_lines(&state.db, rec.id).await?;
    let today = lender_today(state);
    if !statement_periods(rec.first_due, closed_on(&rec, &lines), today).contains(&period) {
        return Err(AppError::NotFound.into());
    }
    Ok(rec.number)
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
    let today = lender_today(state);
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

/// The data of one of a contract's letters; a letter the contract does not have is `NotFound`.
pub async fn letter(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    kind: LetterKind,
) -> Result<LetterData, ServiceError> {
    let rec = contract_of(&state.db, customer_id, contract_id).await?;
    let lines = history_lines(&state.db, rec.id).await?;
    let today = lender_today(state);
    let letter = letters_of(&rec, &lines, today, &state.config.payment_rules)
        .into_iter()
        .find(|l| l.kind == kind)
        .ok_or(AppError::NotFound)?;
    let schedule = installments(&state.db, rec.id).await?;
    let parties = crate::contracts::service::parties(&state.db, rec.id)
        .await?
        .into_iter()
        .map(|p| p.name)
        .collect();
    Ok(LetterData {
        kind,
        // A letter of record keeps its date whenever it is downloaded; a balance confirmation is today's.
        date: letter.date,
        to: addressee(state, customer_id).await?,
        contract: summarize(&rec, &schedule, &lines, today),
        closed_on: closed_on(&rec, &lines),
        parties,
        year: match kind {
            LetterKind::InterestPaid(year) => Some(year_paid(&lines, year)),
            _ => None,
        },
    })
}
