//! Finding customers and contracts, and the customer file staff work from.

use super::super::{
    reference, ActionLine, ContractHit, ContractLine, CustomerFile, CustomerHit, EventLine, Found,
    RecentCustomer,
};
use crate::domain::Issue;
use crate::error::{AppError, ServiceError};
use crate::infra::AppState;

#[derive(sqlx::FromRow)]
struct CustomerRow {
    id: i64,
    email: String,
    first_name: String,
    last_name: String,
}

#[derive(sqlx::FromRow)]
struct ContractHitRow {
    id: i64,
    contract_number: String,
    model_year: i64,
    make: String,
    model: String,
    status: String,
    first_name: String,
    last_name: String,
    customer_id: Option<i64>,
}

impl From<ContractHitRow> for ContractHit {
    fn from(r: ContractHitRow) -> Self {
        ContractHit {
            id: r.id,
            number: r.contract_number,
            vehicle: format!("{} {} {}", r.model_year, r.make, r.model),
            status: r.status,
            primary: format!("{} {}", r.first_name, r.last_name),
            primary_customer: r.customer_id,
        }
    }
}

#[derive(sqlx::FromRow)]
struct FileRow {
    email: String,
    first_name: String,
    last_name: String,
    phone: Option<String>,
    language: String,
    created_at: i64,
    status: String,
    totp_secret: Option<String>,
    otp_channel: String,
    passkeys: i64,
    sessions: i64,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    at: i64,
    kind: String,
    success: i64,
    ip: String,
}

#[derive(sqlx::FromRow)]
struct ActionRow {
    id: i64,
    at: i64,
    action: String,
    full_name: String,
}

/// Escapes LIKE wildcards in what staff typed.
fn like_pattern(q: &str) -> String {
    let escaped = q
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Finds customers by name or email (part of it), or by contract number, VIN (whole, or its last 6
/// to 8 characters) or Customer ID; and contracts by number, VIN, Customer ID or the name of any
/// party (co-borrowers without a login too).
pub async fn search(state: &AppState, q: &str) -> Result<Found, ServiceError> {
    let q = q.trim();
    let n = q.chars().count();
    if n < 2 {
        return Err(AppError::validation("q", Issue::TooShort { min: 2 }).into());
    }
    if n > 100 {
        return Err(AppError::validation("q", Issue::TooLong { max: 100 }).into());
    }
    let like = like_pattern(q);
    let exact = q.to_uppercase();
    // The last 6 to 8 characters of a VIN (what is often at hand: a windscreen, a receipt).
    let vin_tail = if (6..=8).contains(&n) && q.chars().all(|c| c.is_ascii_alphanumeric()) {
        format!("%{exact}")
    } else {
        String::new()
    };
    let now = state.clock.unix();
    let rows: Vec<CustomerRow> = sqlx::query_as(
        "SELECT id, email, first_name, last_name FROM customers \
         WHERE lower(email) LIKE $1 ESCAPE '\\' OR lower(first_name || ' ' || last_name) LIKE $1 ESCAPE '\\' \
         OR id IN (SELECT p.customer_id FROM contract_parties p JOIN contracts c ON c.id = p.contract_id \
                   WHERE p.customer_id IS NOT NULL AND (c.contract_number = $2 OR c.vin = $2 OR c.vin LIKE $3 OR p.customer_card_id = $2)) \
         ORDER BY last_name, first_name, id LIMIT 20",
    )
    .bind(&like)
    .bind(&exact)
    .bind(&vin_tail)
    .fetch_all(&state.db.pool)
    .await?;
    let mut customers = Vec::new();
    for r in rows {
        let contracts: Vec<String> = sqlx::query_scalar(
            "SELECT c.contract_number FROM contracts c JOIN contract_parties p ON p.contract_id = c.id \
             WHERE p.customer_id = $1 ORDER BY c.contract_number",
        )
        .bind(r.id)
        .fetch_all(&state.db.pool)
        .await?;
        customers.push(CustomerHit {
            id: r.id,
            name: format!("{} {}", r.first_name, r.last_name),
            locked: locked_until(state, &r.email, now).await?.is_some(),
            email: r.email,
            contracts,
        });
    }
    let rows: Vec<ContractHitRow> = sqlx::query_as(
        "SELECT c.id, c.contract_number, c.model_year, c.make, c.model, c.status, p.first_name, p.last_name, p.customer_id \
         FROM contracts c JOIN contract_parties p ON p.contract_id = c.id AND p.role = 'primary' \
         WHERE c.contract_number = $2 OR c.vin = $2 OR c.vin LIKE $3 \
         OR EXISTS (SELECT 1 FROM contract_parties q WHERE q.contract_id = c.id AND (q.customer_card_id = $2 \
                    OR lower(q.first_name || ' ' || q.last_name) LIKE $1 ESCAPE '\\')) \
         ORDER BY c.contract_number LIMIT 20",
    )
    .bind(&like)
    .bind(&exact)
    .bind(&vin_tail)
    .fetch_all(&state.db.pool)
    .await?;
    let contracts = rows.into_iter().map(ContractHit::from).collect();
    Ok(Found {
        customers,
        contracts,
    })
}

/// Until when wrong passwords keep this login locked, if they do now.
async fn locked_until(
    state: &AppState,
    email: &str,
    now: i64,
) -> Result<Option<i64>, ServiceError> {
    crate::infra::throttle::locked_until(
        &state.db,
        &crate::infra::throttle::key::login_account(email),
        now,
    )
    .await
}

pub async fn customer_file(
    state: &AppState,
    customer_id: i64,
) -> Result<CustomerFile, ServiceError> {
    let now = state.clock.unix();
    let r: FileRow = sqlx::query_as(
        "SELECT email, first_name, last_name, phone, language, created_at, status, totp_secret, otp_channel, \
         (SELECT COUNT(*) FROM passkeys k WHERE k.customer_id = customers.id) AS passkeys, \
         (SELECT COUNT(*) FROM sessions s WHERE s.customer_id = customers.id AND s.stage = 'full') AS sessions \
         FROM customers WHERE id = $1",
    )
    .bind(customer_id)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let contracts = crate::contracts::service::summaries(state, customer_id)
        .await?
        .into_iter()
        .map(|c| ContractLine {
            id: c.id,
            number: c.number,
            vehicle: c.vehicle,
            kind: c.kind,
            status: c.status,
            currency: c.currency,
            balance: c.balance,
            past_due: c.past_due,
            role: c.role,
        })
        .collect();
    let events: Vec<EventRow> = sqlx::query_as(
        "SELECT at, kind, success, ip FROM auth_events WHERE customer_id = $1 ORDER BY at DESC, id DESC LIMIT 15",
    )
    .bind(customer_id)
    .fetch_all(&state.db.pool)
    .await?;
    let events = events
        .into_iter()
        .map(|e| EventLine {
            at: e.at,
            kind: e.kind,
            success: e.success == 1,
            ip: e.ip,
        })
        .collect();
    let actions: Vec<ActionRow> = sqlx::query_as(
        "SELECT a.id, a.at, a.action, s.full_name FROM staff_actions a JOIN staff s ON s.id = a.staff_id \
         WHERE a.customer_id = $1 AND a.action NOT IN ($2, $3, $4, $5, $6, $7, $8, $9) ORDER BY a.id DESC LIMIT 15",
    )
    .bind(customer_id)
    .bind(super::READS[0])
    .bind(super::READS[1])
    .bind(super::READS[2])
    .bind(super::READS[3])
    .bind(super::READS[4])
    .bind(super::READS[5])
    .bind(super::READS[6])
    .bind(super::READS[7])
    .fetch_all(&state.db.pool)
    .await?;
    let actions = actions
        .into_iter()
        .map(|a| ActionLine {
            reference: reference(a.id),
            at: a.at,
            staff: a.full_name,
            action: a.action,
        })
        .collect();
    // The mailing address as the customer's letters print it.
    let address = crate::documents::service::addressee(state, customer_id)
        .await?
        .address;
    Ok(CustomerFile {
        id: customer_id,
        name: format!("{} {}", r.first_name, r.last_name),
        phone: r.phone,
        address,
        notes: super::notes::notes_of(state, customer_id).await?,
        payments: crate::payments::service::list(state, customer_id).await?,
        autopays: crate::payments::autopay_rows::of_customer(state, customer_id).await?,
        threads: crate::messages::service::inbox(state, customer_id).await?,
        language: r.language,
        registered_at: r.created_at,
        activated: r.status == "active",
        locked_until: locked_until(state, &r.email, now).await?,
        two_step: r.totp_secret.is_some() || r.passkeys > 0 || r.otp_channel != "off",
        sessions: r.sessions as u32,
        email: r.email,
        contracts,
        events,
        actions,
    })
}

#[derive(sqlx::FromRow)]
struct RecentRow {
    id: i64,
    first_name: String,
    last_name: String,
    email: String,
    at: i64,
}

/// The customer files this staff member opened most recently (from the staff audit): each
/// customer once, newest first, at most 10.
pub async fn recent_customers(
    state: &AppState,
    staff_id: i64,
) -> Result<Vec<RecentCustomer>, ServiceError> {
    let rows: Vec<RecentRow> = sqlx::query_as(
        "SELECT u.id, u.first_name, u.last_name, u.email, MAX(a.at) AS at FROM staff_actions a \
         JOIN customers u ON u.id = a.customer_id WHERE a.staff_id = $1 AND a.action = $2 \
         GROUP BY u.id, u.first_name, u.last_name, u.email ORDER BY MAX(a.id) DESC LIMIT 10",
    )
    .bind(staff_id)
    .bind(super::READS[1])
    .fetch_all(&state.db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| RecentCustomer {
            id: r.id,
            name: format!("{} {}", r.first_name, r.last_name),
            email: r.email,
            at: r.at,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn typed_wildcards_are_literal() {
        assert_eq!(like_pattern("Ann"), "%ann%");
        assert_eq!(like_pattern("50%_x\\"), "%50\\%\\_x\\\\%");
    }
}
