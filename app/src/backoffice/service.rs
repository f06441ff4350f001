//! Back-office rules and SQL: staff sign-in (password + authenticator code, throttled like
//! customers), customer search, the customer file, and the actions staff take — each recorded in
//! `staff_actions` (its id is the reference shown to the staff member) and in the customer's
//! auth-event trail.

use super::staff_session::{self, CurrentStaff};
use super::{
    reference, ActionDone, ActionLine, ContractLine, CustomerFile, CustomerHit, EventLine, Found,
    StaffRole,
};
use crate::domain::{Email, Issue};
use crate::error::AppError;
use crate::infra::audit::{self, AuthEvent, ClientInfo};
use crate::infra::{throttle, AppState};
use sqlx::Row;

/// Signs a staff member in; returns the session token for the cookie.
pub async fn sign_in(
    state: &AppState,
    email: &str,
    password: &str,
    code: &str,
    client: &ClientInfo,
) -> Result<String, AppError> {
    let now = state.clock.unix();
    let email = Email::parse(email).map_err(|i| AppError::validation("email", i))?;
    let acct_key = format!("staff:acct:{email}");
    let ip_key = format!("login:ip:{}", client.ip);
    throttle::check(&state.db, &ip_key, now).await?;
    throttle::check(&state.db, &acct_key, now).await?;
    let row = sqlx::query(
        "SELECT id, password_hash, totp_secret, totp_last_step, active FROM staff WHERE email = $1",
    )
    .bind(email.as_str())
    .fetch_optional(&state.db.pool)
    .await?;
    let stored = row
        .as_ref()
        .map(|r| r.try_get::<String, _>("password_hash"))
        .transpose()?;
    let password_ok = state.hasher.verify(password, stored).await?;
    let active = row
        .as_ref()
        .map(|r| r.try_get::<i64, _>("active"))
        .transpose()?
        == Some(1);
    let second = match (&row, password_ok && active) {
        (Some(r), true) => {
            let secret: Option<String> = r.try_get("totp_secret")?;
            let last: i64 = r.try_get("totp_last_step")?;
            match secret {
                Some(s) => crate::factors::totp::step_of(&s, code, now, last)?,
                None => None,
            }
        }
        _ => None,
    };
    let fail = |kind: &'static str| AuthEvent {
        kind,
        success: false,
        customer_id: None,
        email: Some(email.as_str()),
        detail: Some("staff"),
    };
    let (Some(r), Some(step)) = (&row, second) else {
        throttle::fail(&state.db, &acct_key, now, throttle::LOGIN_ACCOUNT).await?;
        throttle::fail(&state.db, &ip_key, now, throttle::LOGIN_IP).await?;
        audit::record(&state.db, now, client, fail("staff_sign_in")).await;
        return Err(AppError::InvalidCredentials);
    };
    let staff_id: i64 = r.try_get("id")?;
    // The code's time step only moves forward: a replayed code loses here.
    let moved =
        sqlx::query("UPDATE staff SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1")
            .bind(step)
            .bind(staff_id)
            .execute(&state.db.pool)
            .await?;
    if moved.rows_affected() != 1 {
        throttle::fail(&state.db, &acct_key, now, throttle::LOGIN_ACCOUNT).await?;
        audit::record(&state.db, now, client, fail("staff_sign_in")).await;
        return Err(AppError::InvalidCredentials);
    }
    throttle::clear(&state.db, &acct_key).await?;
    let token = staff_session::create(&state.db, staff_id, now, client).await?;
    audit::record(
        &state.db,
        now,
        client,
        AuthEvent {
            kind: "staff_sign_in",
            success: true,
            customer_id: None,
            email: Some(email.as_str()),
            detail: Some("staff"),
        },
    )
    .await;
    Ok(token)
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
        .map(|r| -> Result<super::ContractHit, AppError> {
            Ok(super::ContractHit {
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
    let until = sqlx::query("SELECT locked_until FROM throttle WHERE key = $1")
        .bind(format!("login:acct:{email}"))
        .fetch_optional(&state.db.pool)
        .await?
        .map(|r| r.try_get::<i64, _>("locked_until"))
        .transpose()?;
    Ok(until.filter(|u| *u > now))
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
         WHERE a.customer_id = $1 ORDER BY a.id DESC LIMIT 15",
    )
    .bind(customer_id)
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

/// Records a staff action; its id is the reference number.
async fn record(
    state: &AppState,
    staff: &CurrentStaff,
    customer_id: Option<i64>,
    contract_id: Option<i64>,
    action: &str,
    detail: Option<&str>,
) -> Result<i64, AppError> {
    let id: i64 = sqlx::query(
        "INSERT INTO staff_actions (at, staff_id, customer_id, contract_id, action, detail) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(state.clock.unix())
    .bind(staff.id)
    .bind(customer_id)
    .bind(contract_id)
    .bind(action)
    .bind(detail)
    .fetch_one(&state.db.pool)
    .await?
    .try_get("id")?;
    Ok(id)
}

fn done(id: i64) -> ActionDone {
    ActionDone {
        reference: reference(id),
        temporary_password: None,
        expires_at: None,
    }
}

async fn email_of(state: &AppState, customer_id: i64) -> Result<Email, AppError> {
    let email: String = sqlx::query("SELECT email FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_optional(&state.db.pool)
        .await?
        .ok_or(AppError::NotFound)?
        .try_get("email")?;
    Email::parse(&email).map_err(|_| AppError::Internal)
}

/// Lifts a wrong-password lock on the customer's sign-in.
pub async fn unlock(
    state: &AppState,
    staff: &CurrentStaff,
    customer_id: i64,
) -> Result<ActionDone, AppError> {
    let email = email_of(state, customer_id).await?;
    let was_locked = crate::auth::recovery::staff_unlock(state, &email, &staff.name).await?;
    let detail = if was_locked {
        "was locked"
    } else {
        "was not locked"
    };
    Ok(done(
        record(
            state,
            staff,
            Some(customer_id),
            None,
            "unlock",
            Some(detail),
        )
        .await?,
    ))
}

/// Signs the customer out everywhere (lost phone, suspected takeover).
pub async fn end_sessions(
    state: &AppState,
    staff: &CurrentStaff,
    customer_id: i64,
) -> Result<ActionDone, AppError> {
    let email = email_of(state, customer_id).await?;
    let ended = sqlx::query("DELETE FROM sessions WHERE customer_id = $1")
        .bind(customer_id)
        .execute(&state.db.pool)
        .await?
        .rows_affected();
    let client = ClientInfo {
        ip: "staff".into(),
        user_agent: staff.name.clone(),
    };
    audit::record(
        &state.db,
        state.clock.unix(),
        &client,
        AuthEvent {
            kind: "sessions_ended_by_staff",
            success: true,
            customer_id: Some(customer_id),
            email: Some(email.as_str()),
            detail: None,
        },
    )
    .await;
    let detail = format!("{ended} sessions");
    Ok(done(
        record(
            state,
            staff,
            Some(customer_id),
            None,
            "end_sessions",
            Some(&detail),
        )
        .await?,
    ))
}

/// Issues a contract-number temporary password (supervisors and admins only).
pub async fn temporary_password(
    state: &AppState,
    staff: &CurrentStaff,
    contract_id: i64,
) -> Result<ActionDone, AppError> {
    if staff.role < StaffRole::Supervisor {
        return Err(AppError::Forbidden);
    }
    let row = sqlx::query(
        "SELECT c.contract_number, p.customer_id FROM contracts c \
         JOIN contract_parties p ON p.contract_id = c.id AND p.role = 'primary' WHERE c.id = $1",
    )
    .bind(contract_id)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let number: String = row.try_get("contract_number")?;
    let customer: Option<i64> = row.try_get("customer_id")?;
    let (password, expires_at) =
        crate::signin::temporary::issue(state, &number, &staff.name).await?;
    let id = record(
        state,
        staff,
        customer,
        Some(contract_id),
        "temporary_password",
        Some(&number),
    )
    .await?;
    Ok(ActionDone {
        reference: reference(id),
        temporary_password: Some(password),
        expires_at: Some(expires_at),
    })
}

/// Creates a staff member with a fresh authenticator secret; returns the `otpauth://` address to
/// scan (the CLI prints it once).
pub async fn create_staff(
    state: &AppState,
    email: &Email,
    name: &str,
    role: StaffRole,
    password_hash: String,
    totp_secret: &str,
) -> Result<String, AppError> {
    let result = sqlx::query(
        "INSERT INTO staff (email, full_name, password_hash, role, created_at, totp_secret) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(email.as_str())
    .bind(name)
    .bind(password_hash)
    .bind(role.as_str())
    .bind(state.clock.unix())
    .bind(totp_secret)
    .execute(&state.db.pool)
    .await;
    match result {
        Ok(_) => crate::factors::totp::otpauth_uri(totp_secret, email.as_str()),
        Err(e) if crate::infra::db::is_unique_violation(&e) => {
            Err(AppError::Conflict("conflict-staff-exists".into()))
        }
        Err(e) => Err(e.into()),
    }
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
