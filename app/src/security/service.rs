//! Sessions, devices and history of the signed-in customer. Every statement filters by the
//! customer, so an id belonging to someone else is simply not found.

use super::{DeviceView, SecurityOverview, SessionView, SignInEvent, HISTORY_DAYS};
use crate::domain::agent::{describe, AgentName};
use crate::domain::EventKind;
use crate::error::{AppError, ServiceError};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::guard::CurrentCustomer;
use crate::infra::AppState;

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    ip: String,
    user_agent: String,
    created_at: i64,
    last_seen_at: i64,
}

#[derive(sqlx::FromRow)]
struct DeviceRow {
    id: i64,
    label: String,
    created_at: i64,
    last_used_at: i64,
    expires_at: i64,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    at: i64,
    kind: String,
    success: i64,
    ip: String,
    user_agent: String,
    detail: Option<String>,
}

pub async fn overview(
    state: &AppState,
    me: CurrentCustomer,
) -> Result<SecurityOverview, ServiceError> {
    let now = state.clock.unix();
    let sessions: Vec<SessionRow> = sqlx::query_as(
        // Sign-ins still owing their second step open nothing and end within 10 minutes; they
        // show in the history, not here. ("Sign out all others" ends them too.)
        "SELECT id, ip, user_agent, created_at, last_seen_at FROM sessions WHERE customer_id = $1 AND stage = 'full' ORDER BY last_seen_at DESC",
    )
    .bind(me.id)
    .fetch_all(&state.db.pool)
    .await?;
    let devices: Vec<DeviceRow> = sqlx::query_as(
        "SELECT id, label, created_at, last_used_at, expires_at FROM devices \
         WHERE customer_id = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY last_used_at DESC",
    )
    .bind(me.id)
    .bind(now)
    .fetch_all(&state.db.pool)
    .await?;
    let history: Vec<EventRow> = sqlx::query_as(
        "SELECT at, kind, success, ip, user_agent, detail FROM auth_events WHERE customer_id = $1 AND at > $2 \
         ORDER BY at DESC, id DESC LIMIT 200",
    )
    .bind(me.id)
    .bind(now - HISTORY_DAYS * 86_400)
    .fetch_all(&state.db.pool)
    .await?;
    let sessions = sessions
        .into_iter()
        .map(|r| SessionView {
            id: r.id,
            current: r.id == me.session_id,
            device: describe(&r.user_agent),
            ip: r.ip,
            created_at: r.created_at,
            last_seen_at: r.last_seen_at,
        })
        .collect();
    let devices = devices
        .into_iter()
        .map(|r| DeviceView {
            id: r.id,
            // The label was named from the browser when the device was remembered.
            device: AgentName::from_label(&r.label),
            created_at: r.created_at,
            last_used_at: r.last_used_at,
            expires_at: r.expires_at,
        })
        .collect();
    let history = history
        .into_iter()
        .map(|r| SignInEvent {
            at: r.at,
            kind: r.kind,
            success: r.success == 1,
            ip: r.ip,
            device: describe(&r.user_agent),
            detail: r.detail.unwrap_or_default(),
        })
        .collect();
    Ok(SecurityOverview {
        sessions,
        devices,
        history,
    })
}

/// Ends one of the customer's other sessions.
pub async fn revoke_session(
    state: &AppState,
    me: CurrentCustomer,
    client: &ClientInfo,
    id: i64,
) -> Result<(), ServiceError> {
    if id == me.session_id {
        return Err(AppError::Conflict(crate::error::Conflict::CurrentSession).into());
    }
    let r = sqlx::query("DELETE FROM sessions WHERE id = $1 AND customer_id = $2")
        .bind(id)
        .bind(me.id)
        .execute(&state.db.pool)
        .await?;
    if r.rows_affected() != 1 {
        return Err(AppError::NotFound.into());
    }
    AuthEvent::ok(EventKind::SessionRevoked)
        .customer(me.id)
        .detail("one session")
        .record(&state.db, state.clock.unix(), client)
        .await;
    Ok(())
}

/// Ends every session of the customer except this one; returns how many.
pub async fn revoke_others(
    state: &AppState,
    me: CurrentCustomer,
    client: &ClientInfo,
) -> Result<u64, ServiceError> {
    let r = sqlx::query("DELETE FROM sessions WHERE customer_id = $1 AND id <> $2")
        .bind(me.id)
        .bind(me.session_id)
        .execute(&state.db.pool)
        .await?;
    AuthEvent::ok(EventKind::SessionRevoked)
        .customer(me.id)
        .detail("all other sessions")
        .record(&state.db, state.clock.unix(), client)
        .await;
    Ok(r.rows_affected())
}

/// Forgets a remembered device (it will need a new code).
pub async fn revoke_device(
    state: &AppState,
    me: CurrentCustomer,
    client: &ClientInfo,
    id: i64,
) -> Result<(), ServiceError> {
    let now = state.clock.unix();
    let r = sqlx::query("UPDATE devices SET revoked_at = $1 WHERE id = $2 AND customer_id = $3 AND revoked_at IS NULL")
        .bind(now)
        .bind(id)
        .bind(me.id)
        .execute(&state.db.pool)
        .await?;
    if r.rows_affected() != 1 {
        return Err(AppError::NotFound.into());
    }
    AuthEvent::ok(EventKind::DeviceRevoked)
        .customer(me.id)
        .record(&state.db, now, client)
        .await;
    Ok(())
}
