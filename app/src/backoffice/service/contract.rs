//! One contract as staff see it, by its id (staff may open any contract, so this query has no
//! customer join — the customer-side queries in `contracts::service` keep theirs). The arithmetic
//! is the contracts service's own (`detail_of`, `schedule_of`) and the documents list is the
//! documents service's (`documents_of`), so staff read exactly what the customer reads; beside it,
//! how the monthly run delivered each party's statements (a paper copy held needs a person).

use super::super::{names_differ, ContractFile, Holder};
use crate::contracts::service::{
    detail_of, history_lines, installments, parties, schedule_of, ContractRecord, ContractRow,
    CONTRACT_COLUMNS,
};
use crate::documents::periods::Period;
use crate::documents::service::documents_of;
use crate::documents::{Delivery, DeliveryStatus};
use crate::error::{AppError, ServiceError};
use crate::infra::{AppState, Db};

/// A contract by id, read with its primary party's role.
async fn contract_by_id(db: &Db, contract_id: i64) -> Result<ContractRecord, ServiceError> {
    let sql = format!(
        "SELECT {CONTRACT_COLUMNS} FROM contracts c \
         JOIN contract_parties p ON p.contract_id = c.id AND p.role = 'primary' WHERE c.id = $1"
    );
    let row: Option<ContractRow> = sqlx::query_as(&sql)
        .bind(contract_id)
        .fetch_optional(&db.pool)
        .await?;
    row.ok_or(AppError::NotFound)?.try_into()
}

#[derive(sqlx::FromRow)]
struct HolderRow {
    role: String,
    party_first: String,
    party_last: String,
    customer_id: i64,
    first_name: String,
    last_name: String,
    email: String,
}

/// The portal logins holding the contract (primary first), each with the party's name beside
/// the login's own.
async fn holders(db: &Db, contract_id: i64) -> Result<Vec<Holder>, ServiceError> {
    let rows: Vec<HolderRow> = sqlx::query_as(
        "SELECT p.role, p.first_name AS party_first, p.last_name AS party_last, u.id AS customer_id, \
         u.first_name, u.last_name, u.email \
         FROM contract_parties p JOIN customers u ON u.id = p.customer_id \
         WHERE p.contract_id = $1 ORDER BY p.role DESC, u.id",
    )
    .bind(contract_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let party_name = format!("{} {}", r.party_first, r.party_last);
            let login_name = format!("{} {}", r.first_name, r.last_name);
            Holder {
                customer_id: r.customer_id,
                name_differs: names_differ(&party_name, &login_name),
                login_name,
                email: r.email,
                role: r.role,
                party_name,
            }
        })
        .collect())
}

/// The statement deliveries of the contract's parties, newest first.
async fn deliveries(db: &Db, contract_id: i64) -> Result<Vec<Delivery>, ServiceError> {
    let rows: Vec<(String, String, String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT d.period, u.first_name, u.last_name, d.channel, d.status, d.mail_reference \
         FROM statement_deliveries d JOIN customers u ON u.id = d.customer_id \
         WHERE d.contract_id = $1 ORDER BY d.period DESC, d.id LIMIT 24",
    )
    .bind(contract_id)
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter()
        .map(|(period, first, last, channel, status, mail_reference)| {
            Ok(Delivery {
                period: Period::parse(&period).ok_or_else(|| bad("period", &period))?,
                customer: format!("{first} {last}"),
                status: DeliveryStatus::of(&channel, &status)
                    .ok_or_else(|| bad("delivery", &status))?,
                mail_reference,
            })
        })
        .collect()
}

fn bad(what: &'static str, value: &str) -> ServiceError {
    ServiceError::Failed {
        what,
        cause: format!("unreadable stored value {value:?}"),
    }
}

pub async fn contract(state: &AppState, contract_id: i64) -> Result<ContractFile, ServiceError> {
    let rec = contract_by_id(&state.db, contract_id).await?;
    let schedule = installments(&state.db, rec.id).await?;
    let history = history_lines(&state.db, rec.id).await?;
    let today = state.clock.now().date();
    let parties = parties(&state.db, rec.id).await?;
    let mut detail = detail_of(&rec, &schedule, &history, parties, today);
    detail.summary.payoff_returned =
        crate::contracts::service::payoff_returned(&state.db, &rec).await?;
    Ok(ContractFile {
        detail,
        documents: documents_of(
            &rec,
            &history,
            crate::payments::day::lender_today(state),
            &state.config.payment_rules,
        ),
        deliveries: deliveries(&state.db, rec.id).await?,
        schedule: schedule_of(&rec, schedule, &history, today),
        holders: holders(&state.db, rec.id).await?,
        history,
    })
}
