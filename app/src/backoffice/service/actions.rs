//! What staff do to an account: unlock sign-in, sign out everywhere, issue a temporary password,
//! reset sign-in methods — and what staff read (searches, customer files) and their sign-outs,
//! recorded the same way so that access to customers' data is on file too.

use super::super::{reference, ActionDone, StaffRole};
use crate::domain::Email;
use crate::domain::EventKind;
use crate::error::{AppError, ServiceError};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::guard::CurrentStaff;
use crate::infra::AppState;

/// A search, recorded before it runs (the query as typed, cut to 200 characters).
pub async fn search_recorded(
    state: &AppState,
    staff: &CurrentStaff,
    q: &str,
) -> Result<super::super::Found, ServiceError> {
    let typed: String = q.trim().chars().take(200).collect();
    record(state, staff, None, None, "search", Some(&typed)).await?;
    super::lookup::search(state, q).await
}

/// A customer file, recorded as read by this staff member before it is returned.
pub async fn customer_file_recorded(
    state: &AppState,
    staff: &CurrentStaff,
    customer_id: i64,
) -> Result<super::super::CustomerFile, ServiceError> {
    let file = super::lookup::customer_file(state, customer_id).await?;
    record(
        state,
        staff,
        Some(customer_id),
        None,
        "view_customer_file",
        None,
    )
    .await?;
    Ok(file)
}

/// A contract, recorded as read by this staff member before it is returned (on the file of the
/// login holding it as primary, else of the first login holding it).
pub async fn contract_recorded(
    state: &AppState,
    staff: &CurrentStaff,
    contract_id: i64,
) -> Result<super::super::ContractFile, ServiceError> {
    let contract = super::contract::contract(state, contract_id).await?;
    let holder = contract.holders.first().map(|h| h.customer_id);
    record(
        state,
        staff,
        holder,
        Some(contract_id),
        "view_contract",
        Some(&contract.detail.summary.number),
    )
    .await?;
    Ok(contract)
}

/// A staff member's sign-out, on file.
pub async fn signed_out(state: &AppState, staff: &CurrentStaff) -> Result<(), ServiceError> {
    record(state, staff, None, None, "sign_out", None).await?;
    Ok(())
}

/// Writes a staff action on the customer's own auth-event trail (from "staff", by name), where
/// the customer's Security page and the customer file show it.
async fn on_customer_trail(
    state: &AppState,
    staff: &CurrentStaff,
    kind: EventKind,
    customer_id: i64,
    email: &str,
    detail: Option<&str>,
) {
    let client = ClientInfo {
        ip: "staff".into(),
        user_agent: staff.name.clone(),
    };
    let mut event = AuthEvent::ok(kind).customer(customer_id).email(email);
    if let Some(d) = detail {
        event = event.detail(d);
    }
    event.record(&state.db, state.clock.unix(), &client).await;
}

/// Records a staff action; its id is the reference number.
pub(super) async fn record(
    state: &AppState,
    staff: &CurrentStaff,
    customer_id: Option<i64>,
    contract_id: Option<i64>,
    action: &str,
    detail: Option<&str>,
) -> Result<i64, ServiceError> {
    let at = state.clock.unix();
    record_with(
        &state.db.pool,
        at,
        staff,
        customer_id,
        contract_id,
        action,
        detail,
    )
    .await
}

/// `record` inside a transaction (or on any connection): the action and its change commit together.
pub(super) async fn record_with<'c>(
    db: impl sqlx::Executor<'c, Database = sqlx::Any>,
    at: i64,
    staff: &CurrentStaff,
    customer_id: Option<i64>,
    contract_id: Option<i64>,
    action: &str,
    detail: Option<&str>,
) -> Result<i64, ServiceError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO staff_actions (at, staff_id, customer_id, contract_id, action, detail) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(at)
    .bind(staff.id)
    .bind(customer_id)
    .bind(contract_id)
    .bind(action)
    .bind(detail)
    .fetch_one(db)
    .await?;
    Ok(id)
}

/// NotFound unless the customer exists (checked inside the transaction that changes their file).
pub(super) async fn customer_exists(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    customer_id: i64,
) -> Result<(), ServiceError> {
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_optional(&mut **tx)
        .await?;
    exists.ok_or(AppError::NotFound)?;
    Ok(())
}

pub(super) fn done(id: i64) -> ActionDone {
    ActionDone {
        reference: reference(id),
        temporary_password: None,
        expires_at: None,
    }
}

async fn email_of(state: &AppState, customer_id: i64) -> Result<Email, ServiceError> {
    let email: String = sqlx::query_scalar("SELECT email FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_optional(&state.db.pool)
        .await?
        .ok_or(AppError::NotFound)?;
    Email::parse(&email).map_err(ServiceError::failed("reading a stored email address"))
}

/// Lifts a wrong-password lock on the customer's sign-in.
pub async fn unlock(
    state: &AppState,
    staff: &CurrentStaff,
    customer_id: i64,
) -> Result<ActionDone, ServiceError> {
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
) -> Result<ActionDone, ServiceError> {
    let email = email_of(state, customer_id).await?;
    let ended = sqlx::query("DELETE FROM sessions WHERE customer_id = $1")
        .bind(customer_id)
        .execute(&state.db.pool)
        .await?
        .rows_affected();
    on_customer_trail(
        state,
        staff,
        EventKind::SessionsEndedByStaff,
        customer_id,
        email.as_str(),
        None,
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
) -> Result<ActionDone, ServiceError> {
    if staff.role < StaffRole::Supervisor {
        return Err(AppError::Forbidden.into());
    }
    let (number, customer): (String, Option<i64>) = sqlx::query_as(
        "SELECT c.contract_number, p.customer_id FROM contracts c \
         JOIN contract_parties p ON p.contract_id = c.id AND p.role = 'primary' WHERE c.id = $1",
    )
    .bind(contract_id)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
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

/// Resets a customer's sign-in methods (supervisors and admins; a reason is required): the
/// authenticator app, passkeys, recovery codes and the every-sign-in code are removed and every
/// session ends, in one transaction; the customer is emailed. Used when someone lost their second
/// factor, so that a contract-number temporary password can then set up their login again.
pub async fn reset_sign_in_methods(
    state: &AppState,
    staff: &CurrentStaff,
    customer_id: i64,
    reason: &str,
) -> Result<ActionDone, ServiceError> {
    if staff.role < StaffRole::Supervisor {
        return Err(AppError::Forbidden.into());
    }
    let reason = reason.trim();
    if reason.chars().count() < 5 {
        return Err(
            AppError::validation("reason", crate::domain::Issue::TooShort { min: 5 }).into(),
        );
    }
    if reason.chars().count() > 500 {
        return Err(
            AppError::validation("reason", crate::domain::Issue::TooLong { max: 500 }).into(),
        );
    }
    let mut tx = state.db.begin().await?;
    customer_exists(&mut tx, customer_id).await?;
    sqlx::query(
        "UPDATE customers SET totp_secret = NULL, totp_pending_secret = NULL, otp_channel = 'off' WHERE id = $1",
    )
    .bind(customer_id)
    .execute(&mut *tx)
    .await?;
    for table in ["passkeys", "recovery_codes", "sessions"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE customer_id = $1"))
            .bind(customer_id)
            .execute(&mut *tx)
            .await?;
    }
    let to = crate::emails::queue_security_notice(&mut tx, state, customer_id, "/login", |l| {
        crate::i18n::t(l, "email-notice-methods-reset")
    })
    .await?;
    let email = to.email;
    tx.commit().await?;
    state.outbox.wake();
    on_customer_trail(
        state,
        staff,
        EventKind::SignInMethodsReset,
        customer_id,
        &email,
        Some(reason),
    )
    .await;
    Ok(done(
        record(
            state,
            staff,
            Some(customer_id),
            None,
            "reset_sign_in_methods",
            Some(reason),
        )
        .await?,
    ))
}
