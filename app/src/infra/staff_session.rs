//! Staff sessions: their own cookie (`__Host-portal_staff` over HTTPS; HttpOnly, SameSite=Strict),
//! stored as a token hash, ended after 30 idle minutes or 10 hours in all. The guard built on them
//! (`guard::staff`) is what every back-office server function starts with; a customer session
//! never counts.

use crate::domain::StaffRole;
use crate::error::{AppError, ServiceError};
use crate::infra::audit::ClientInfo;
use crate::infra::{tokens, Config, Db};

pub const IDLE_SECS: i64 = 30 * 60;
pub const MAX_SECS: i64 = 10 * 60 * 60;

pub fn cookie_name(config: &Config) -> &'static str {
    if config.is_https() {
        "__Host-portal_staff"
    } else {
        "portal_staff"
    }
}

pub fn cookie(config: &Config, token: &str, max_age: i64) -> String {
    let secure = if config.is_https() { "; Secure" } else { "" };
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}",
        cookie_name(config)
    )
}

pub async fn create(
    db: &Db,
    staff_id: i64,
    now: i64,
    client: &ClientInfo,
) -> Result<String, ServiceError> {
    let (token, hash) = tokens::new_token();
    sqlx::query(
        "INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at, ip, user_agent) \
         VALUES ($1, $2, $3, $3, $4, $5)",
    )
    .bind(hash)
    .bind(staff_id)
    .bind(now)
    .bind(&client.ip)
    .bind(client.user_agent.chars().take(400).collect::<String>())
    .execute(&db.pool)
    .await?;
    Ok(token)
}

pub async fn end(db: &Db, token: &str) -> Result<(), ServiceError> {
    sqlx::query("DELETE FROM staff_sessions WHERE token_hash = $1")
        .bind(tokens::hash_token(token))
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// A signed-in staff member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentStaff {
    pub id: i64,
    pub session_id: i64,
    pub name: String,
    pub role: StaffRole,
}

#[derive(sqlx::FromRow)]
struct StaffSessionRow {
    id: i64,
    staff_id: i64,
    created_at: i64,
    last_seen_at: i64,
    full_name: String,
    role: String,
    active: i64,
}

/// The live session behind `token` (touching its idle timer), if any.
pub async fn lookup(db: &Db, token: &str, now: i64) -> Result<Option<CurrentStaff>, ServiceError> {
    if !tokens::looks_like_token(token) {
        return Ok(None);
    }
    let row: Option<StaffSessionRow> = sqlx::query_as(
        "SELECT s.id, s.staff_id, s.created_at, s.last_seen_at, f.full_name, f.role, f.active \
         FROM staff_sessions s JOIN staff f ON f.id = s.staff_id WHERE s.token_hash = $1",
    )
    .bind(tokens::hash_token(token))
    .fetch_optional(&db.pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let id = r.id;
    let live = r.active == 1 && now - r.last_seen_at <= IDLE_SECS && now - r.created_at <= MAX_SECS;
    if !live {
        sqlx::query("DELETE FROM staff_sessions WHERE id = $1")
            .bind(id)
            .execute(&db.pool)
            .await?;
        return Ok(None);
    }
    sqlx::query("UPDATE staff_sessions SET last_seen_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(Some(CurrentStaff {
        id: r.staff_id,
        session_id: id,
        name: r.full_name,
        role: StaffRole::parse(&r.role).ok_or(AppError::Internal)?,
    }))
}
