//! Contract rows as stored, and how each becomes its checked type (money from cents, dates and
//! codes parsed); an unreadable value is a failure on our side, never shown as data.

use super::{ContractKind, HistoryLine};
use crate::domain::account::{Installment, TxnKind, TxnNote, TxnStatus};
use crate::domain::dates::parse_iso;
use crate::domain::{Apr, Money};
use crate::error::ServiceError;
use crate::infra::db::DbKind;
use crate::infra::Db;
use rust_decimal::Decimal;
use std::str::FromStr;
use time::Date;

/// One contract row as stored, plus the customer's role on it.
#[derive(Debug, Clone)]
pub struct ContractRecord {
    pub id: i64,
    pub number: String,
    pub kind: ContractKind,
    pub vin: String,
    pub make: String,
    pub model: String,
    pub year: i64,
    pub colour: String,
    pub currency: String,
    pub contract_date: Date,
    pub financed: Money,
    pub apr: Apr,
    pub term: u32,
    pub first_due: Date,
    pub due_day: u8,
    pub payment: Money,
    pub residual: Option<Money>,
    pub allowed_miles: Option<i64>,
    pub tax_percent: Decimal,
    pub purchase_option_fee: Option<Money>,
    pub status: String,
    pub role: String,
}

fn bad_data(what: &str) -> ServiceError {
    ServiceError::Failed {
        what: "reading stored contract data",
        cause: format!("unreadable {what}"),
    }
}

fn date(value: &str, what: &str) -> Result<Date, ServiceError> {
    parse_iso(value).ok_or_else(|| bad_data(what))
}

/// A contract row as stored (`CONTRACT_COLUMNS`), before its values are checked.
#[derive(sqlx::FromRow)]
pub struct ContractRow {
    id: i64,
    contract_number: String,
    kind: String,
    vin: String,
    make: String,
    model: String,
    model_year: i64,
    colour: String,
    currency: String,
    contract_date: String,
    amount_financed_cents: i64,
    apr: String,
    term_months: i64,
    first_due_date: String,
    due_day: i64,
    payment_cents: i64,
    residual_cents: Option<i64>,
    allowed_miles: Option<i64>,
    tax_percent: String,
    purchase_option_fee_cents: Option<i64>,
    status: String,
    role: String,
}

impl TryFrom<ContractRow> for ContractRecord {
    type Error = ServiceError;

    fn try_from(r: ContractRow) -> Result<Self, ServiceError> {
        Ok(ContractRecord {
            id: r.id,
            number: r.contract_number,
            kind: if r.kind == "lease" {
                ContractKind::Lease
            } else {
                ContractKind::Loan
            },
            vin: r.vin,
            make: r.make,
            model: r.model,
            year: r.model_year,
            colour: r.colour,
            currency: r.currency,
            contract_date: date(&r.contract_date, "contract_date")?,
            financed: Money::from_cents(r.amount_financed_cents),
            apr: Apr::parse(&r.apr).ok_or_else(|| bad_data("apr"))?,
            term: r.term_months as u32,
            first_due: date(&r.first_due_date, "first_due_date")?,
            due_day: r.due_day as u8,
            payment: Money::from_cents(r.payment_cents),
            residual: r.residual_cents.map(Money::from_cents),
            allowed_miles: r.allowed_miles,
            tax_percent: Decimal::from_str(&r.tax_percent)
                .map_err(ServiceError::failed("reading a contract's tax_percent"))?,
            purchase_option_fee: r.purchase_option_fee_cents.map(Money::from_cents),
            status: r.status,
            role: r.role,
        })
    }
}

/// A schedule row as stored (also read from a packed JSON array, in field order).
#[derive(sqlx::FromRow, serde::Deserialize)]
pub(super) struct InstallmentRow {
    number: i64,
    due_date: String,
    payment_cents: i64,
    interest_cents: i64,
    principal_cents: i64,
    tax_cents: i64,
    balance_cents: i64,
}

impl TryFrom<InstallmentRow> for Installment {
    type Error = ServiceError;

    fn try_from(r: InstallmentRow) -> Result<Self, ServiceError> {
        Ok(Installment {
            number: r.number as u32,
            due_date: date(&r.due_date, "due_date")?,
            payment: Money::from_cents(r.payment_cents),
            interest: Money::from_cents(r.interest_cents),
            principal: Money::from_cents(r.principal_cents),
            tax: Money::from_cents(r.tax_cents),
            balance: Money::from_cents(r.balance_cents),
        })
    }
}

/// A transaction row as stored (also read from a packed JSON array, in field order).
#[derive(sqlx::FromRow, serde::Deserialize)]
pub(super) struct TransactionRow {
    kind: String,
    status: String,
    effective_date: String,
    amount_cents: i64,
    fees_cents: i64,
    interest_cents: i64,
    principal_cents: i64,
    tax_cents: i64,
    excess_cents: i64,
    reference: String,
    description: String,
    extra_principal_cents: i64,
}

impl TryFrom<TransactionRow> for HistoryLine {
    type Error = ServiceError;

    fn try_from(r: TransactionRow) -> Result<Self, ServiceError> {
        Ok(HistoryLine {
            date: date(&r.effective_date, "effective_date")?,
            kind: TxnKind::parse(&r.kind).ok_or_else(|| bad_data("kind"))?,
            status: TxnStatus::parse(&r.status).ok_or_else(|| bad_data("status"))?,
            amount: Money::from_cents(r.amount_cents),
            fees: Money::from_cents(r.fees_cents),
            interest: Money::from_cents(r.interest_cents),
            principal: Money::from_cents(r.principal_cents),
            tax: Money::from_cents(r.tax_cents),
            excess: Money::from_cents(r.excess_cents),
            reference: r.reference,
            extra_principal: Money::from_cents(r.extra_principal_cents),
            note: TxnNote::parse(&r.description).ok_or_else(|| bad_data("description"))?,
        })
    }
}

/// How a contract's rows of one table are read: the table, the columns of its row type in field
/// order, and the rows' order.
pub(super) struct Rows {
    pub table: &'static str,
    pub columns: &'static str,
    pub order: &'static str,
}

impl Rows {
    /// The rows of contract `c` of the outer query, packed: a column of a query over `contracts c`
    /// (a correlated sub-select; the columns name this table's own).
    pub(super) fn packed_for_outer(&self, db: &Db) -> String {
        format!(
            "(SELECT {} FROM {t} WHERE {t}.contract_id = c.id)",
            db.packed_rows(self.columns, self.order),
            t = self.table
        )
    }
}

/// `InstallmentRow`s: the schedule, by instalment.
pub(super) const SCHEDULE: Rows = Rows {
    table: "schedule_rows",
    columns:
        "number, due_date, payment_cents, interest_cents, principal_cents, tax_cents, balance_cents",
    order: "number",
};

/// `TransactionRow`s: the ledger, newest first.
pub(super) const LEDGER: Rows = Rows {
    table: "transactions",
    columns:
        "kind, status, effective_date, amount_cents, fees_cents, interest_cents, principal_cents, \
         tax_cents, excess_cents, reference, description, extra_principal_cents",
    order: "effective_date DESC, id DESC",
};

/// One contract's rows, read as one packed row (`DbKind::packed_rows`).
pub(super) async fn packed_of<R, T>(
    db: &Db,
    rows: &Rows,
    contract_id: i64,
) -> Result<Vec<T>, ServiceError>
where
    R: serde::de::DeserializeOwned,
    T: TryFrom<R, Error = ServiceError>,
{
    packed_one::<_, R, T>(db.kind, &db.pool, rows, contract_id).await
}

/// `packed_of` on a connection or transaction of the caller's (a job reads what it has written
/// in the same transaction).
pub(super) async fn packed_in<R, T>(
    conn: &mut sqlx::AnyConnection,
    rows: &Rows,
    contract_id: i64,
) -> Result<Vec<T>, ServiceError>
where
    R: serde::de::DeserializeOwned,
    T: TryFrom<R, Error = ServiceError>,
{
    packed_one::<_, R, T>(DbKind::of(conn), &mut *conn, rows, contract_id).await
}

async fn packed_one<'c, E, R, T>(
    kind: DbKind,
    db: E,
    rows: &Rows,
    contract_id: i64,
) -> Result<Vec<T>, ServiceError>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
    R: serde::de::DeserializeOwned,
    T: TryFrom<R, Error = ServiceError>,
{
    let packed: Option<String> = sqlx::query_scalar(&format!(
        "SELECT {} FROM {} WHERE contract_id = $1",
        kind.packed_rows(rows.columns, rows.order),
        rows.table
    ))
    .bind(contract_id)
    .fetch_one(db)
    .await?;
    unpacked::<R, T>(packed.as_deref())
}

/// One contract's rows, one by one: the plain reading the packed ones are checked against
/// (`contracts::cards::packed_schedules_and_ledgers_read_the_same_as_their_rows`).
pub(super) async fn rows_in<'c, E, R, T>(
    db: E,
    rows: &Rows,
    contract_id: i64,
) -> Result<Vec<T>, ServiceError>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
    R: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
    T: TryFrom<R, Error = ServiceError>,
{
    let found: Vec<R> = sqlx::query_as(&format!(
        "SELECT {} FROM {} WHERE contract_id = $1 ORDER BY {}",
        rows.columns, rows.table, rows.order
    ))
    .bind(contract_id)
    .fetch_all(db)
    .await?;
    checked(found)
}

/// Rows packed by `DbKind::packed_rows` (none: SQL NULL or `[]`), checked as they become their
/// type.
pub(super) fn unpacked<R: serde::de::DeserializeOwned, T: TryFrom<R, Error = ServiceError>>(
    packed: Option<&str>,
) -> Result<Vec<T>, ServiceError> {
    let rows: Vec<R> = match packed {
        None => Vec::new(),
        Some(json) => serde_json::from_str(json)
            .map_err(ServiceError::failed("reading packed contract rows"))?,
    };
    checked(rows)
}

/// Checks each stored row as it becomes its type.
pub(super) fn checked<R, T: TryFrom<R, Error = ServiceError>>(
    rows: Vec<R>,
) -> Result<Vec<T>, ServiceError> {
    rows.into_iter().map(T::try_from).collect()
}
