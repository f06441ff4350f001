//! Finding customers and contracts, and the customer file staff work from.

use super::super::{
    reference, ActionLine, ContractHit, ContractLine, CustomerFile, CustomerHit, EventLine, Found,
};
use crate::domain::Issue;
use crate::error::AppError;
use crate::infra::AppState;
use sqlx::Row;

/// Escapes LIKE wildcards in what staff typed.
fn like_pattern(q: &str) -> String {
    let escaped = q
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Finds customers by name or email (part of it), or exactly by contract number, VIN or
/// Customer ID; and contracts by number, VIN, Customer ID or the primary borrower's name.
pub async fn search(state: &AppState, q: &str) -> Result<Found, AppError> {
    let q = q.trim();
    let n = q.chars().count();
    if n < 2 {
        return Err(AppError::validation("q", Issue::TooShort { min: 2 }));
    }
    if n > 100 {
        return Err(AppError::validation("q", Issue::TooLong { max: 100 }));
    }
    let like = like_pattern(q);
    let exact = q.to_uppercase();
    let now = state.clock.unix();
    let rows = sqlx::query(
        "SELECT id, email, first_name, last_name FROM customers \
         WHERE lower(email) LIKE $1 ESCAPE '\\' OR lower(first_name || ' ' || last_name) LIKE $1 ESCAPE '\\' \
         OR id IN (SELECT p.customer_id FROM contract_parties p JOIN contracts c ON c.id = p.contract_id \
                   WHERE p.customer_id IS NOT NULL AND (c.contract_number = $2 OR c.vin = $2 OR p.customer_card_id = $2)) \
         ORDER BY last_name, first_name, id LIMIT 20",
    )
    .bind(&like)
    .bind(&exact)
    .fetch_all(&state.db.pool)
    .await?;
    let mut customers = Vec::new();
    for r in rows {
        let id: i64 = r.try_get("id")?;
        let email: String = r.try_get("email")?;
        let contracts = sqlx::query(
            "SELECT c.contract_number FROM contracts c JOIN contract_parties p ON p.contract_id = c.id \
             WHERE p.customer_id = $1 ORDER BY c.contract_number",
        )
        .bind(id)
        .fetch_all(&state.db.pool)
        .await?
        .iter()
        .map(|c| c.try_get("contract_number"))
        .collect::<Result<Vec<String>, _>>()?;
        customers.push(CustomerHit {
            id,
            name: format!(
                "{} {}",
                r.try_get::<String, _>("first_name")?,
                r.try_get::<String, _>("last_name")?
            ),
            locked: locked_until(state, &email, now).await?.is_some(),
            email,
            contracts,
        });
    }
    let rows = sqlx::query(
        "SELECT c.id, c.contract_number, c.model_year, c.make, c.model, c.status, p.first_name, p.last_name, p.customer_id \
         FROM contracts c JOIN contract_parties p ON p.contract_id = c.id AND p.role = 'primary' \
         WHERE c.contract_number = $2 OR c.vin = $2 OR p.customer_card_id = $2 \
         OR lower(p.first_name || ' ' || p.last_name) LIKE $1 ESCAPE '\\' \
         ORDER BY c.contract_number LIMIT 20",
    )
    .bind(&like)
    .bind(&exact)
    .fetch_all(&state.db.pool)
    .await?;
    let contracts = rows
        .iter()
        .map(|r| -> Result<ContractHit, AppError> {
            Ok(ContractHit {
                id: r.try_get("id")?,
                number: r.try_get("contract_number")?,
                vehicle: format!(
                    "{} {} {}",
                    r.try_get::<i64, _>("model_year")?,
                    r.try_get::<String, _>("make")?,
                    r.try_get::<String, _>("model")?
                ),
                status: r.try_get("status")?,
                primary: format!(
                    "{} {}",
                    r.try_get::<String, _>("first_name")?,
                    r.try_get::<String, _>("last_name")?
                ),
                primary_customer: r.try_get("customer_id")?,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Found {
        customers,
        contracts,
    })
}

/// Until when wrong passwords keep this login locked, if they do now.
async fn locked_until(state: &AppState, email: &str, now: i64) -> Result<Option<i64>, AppError> {
    crate::infra::throttle::locked_until(
        &state.db,
        &crate::infra::throttle::key::login_account(email),
        now,
    )
    .await
}

pub async fn customer_file(state: &AppState, customer_id: i64) -> Result<CustomerFile, AppError> {
    let now = state.clock.unix();
    let r = sqlx::query(
        "SELECT email, first_name, last_name, phone, language, created_at, status, totp_secret, otp_channel, \
         (SELECT COUNT(*) FROM passkeys k WHERE k.customer_id = customers.id) AS passkeys, \
         (SELECT COUNT(*) FROM sessions s WHERE s.customer_id = customers.id AND s.stage = 'full') AS sessions \
         FROM customers WHERE id = $1",
    )
    .bind(customer_id)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let email: String = r.try_get("email")?;
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
    let events = sqlx::query(
        "SELECT at, kind, success, ip FROM auth_events WHERE customer_id = $1 ORDER BY at DESC, id DESC LIMIT 15",
    )
    .bind(customer_id)
    .fetch_all(&state.db.pool)
    .await?
    .iter()
    .map(|e| -> Result<EventLine, AppError> {
        Ok(EventLine {
            at: e.try_get("at")?,
            kind: e.try_get("kind")?,
            success: e.try_get::<i64, _>("success")? == 1,
            ip: e.try_get("ip")?,
        })
    })
    .collect::<Result<Vec<_>, _>>()?;
    let actions = sqlx::query(
        "SELECT a.id, a.at, a.action, s.full_name FROM staff_actions a JOIN staff s ON s.id = a.staff_id \
         WHERE a.customer_id = $1 AND a.action NOT IN ($2, $3) ORDER BY a.id DESC LIMIT 15",
    )
    .bind(customer_id)
    .bind(super::READS[0])
    .bind(super::READS[1])
    .fetch_all(&state.db.pool)
    .await?
    .iter()
    .map(|a| -> Result<ActionLine, AppError> {
        Ok(ActionLine {
            reference: reference(a.try_get("id")?),
            at: a.try_get("at")?,
            staff: a.try_get("full_name")?,
            action: a.try_get("action")?,
        })
    })
    .collect::<Result<Vec<_>, _>>()?;
    Ok(CustomerFile {
        id: customer_id,
        name: format!(
            "{} {}",
            r.try_get::<String, _>("first_name")?,
            r.try_get::<String, _>("last_name")?
        ),
        phone: r.try_get("phone")?,
        language: r.try_get("language")?,
        registered_at: r.try_get("created_at")?,
        activated: r.try_get::<String, _>("status")? == "active",
        locked_until: locked_until(state, &email, now).await?,
        two_step: r.try_get::<Option<String>, _>("totp_secret")?.is_some()
            || r.try_get::<i64, _>("passkeys")? > 0
            || r.try_get::<String, _>("otp_channel")? != "off",
        sessions: r.try_get::<i64, _>("sessions")? as u32,
        email,
        contracts,
        events,
        actions,
    })
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
