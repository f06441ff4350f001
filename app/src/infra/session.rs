//! Server-side sessions. The cookie holds a random 256-bit id; the database holds its SHA-256 hash,
//! the customer, and timestamps. The server enforces a 15-minute idle timeout and a 12-hour
//! absolute timeout; signing in always issues a new id (rotation) and signing out deletes the row.

use super::{audit::ClientInfo, tokens, AppState, Config, Db};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::{COOKIE, USER_AGENT};
use axum::middleware::Next;
use axum::response::Response;
use sqlx::Row;
use std::net::SocketAddr;

pub const IDLE_TIMEOUT_SECS: i64 = 15 * 60;
pub const ABSOLUTE_TIMEOUT_SECS: i64 = 12 * 60 * 60;
/// `last_seen_at` is written at most this often, to keep reads cheap.
const TOUCH_EVERY_SECS: i64 = 30;

/// A live session, as the middleware found it for this request.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub id: i64,
    pub customer_id: i64,
    pub created_at: i64,
}

/// Request extension set by [`middleware`]: the session (if any) and the raw cookie value.
#[derive(Debug, Clone, Default)]
pub struct SessionSlot {
    pub session: Option<SessionRecord>,
    pub token: Option<String>,
    pub client: ClientInfo,
}

pub fn cookie_name(config: &Config) -> &'static str {
    if config.is_https() {
        "__Host-portal_session"
    } else {
        "portal_session"
    }
}

/// The Set-Cookie value for a new session.
pub fn set_cookie(config: &Config, token: &str) -> String {
    let secure = if config.is_https() { "; Secure" } else { "" };
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={ABSOLUTE_TIMEOUT_SECS}{secure}",
        cookie_name(config)
    )
}

/// The Set-Cookie value that removes the cookie.
pub fn clear_cookie(config: &Config) -> String {
    let secure = if config.is_https() { "; Secure" } else { "" };
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
        cookie_name(config)
    )
}

/// Creates a session and returns the token for the cookie.
pub async fn create(
    db: &Db,
    customer_id: i64,
    now: i64,
    client: &ClientInfo,
) -> Result<String, sqlx::Error> {
    let (token, hash) = tokens::new_token();
    sqlx::query(
        "INSERT INTO sessions (token_hash, customer_id, created_at, last_seen_at, ip, user_agent) \
         VALUES ($1, $2, $3, $3, $4, $5)",
    )
    .bind(hash)
    .bind(customer_id)
    .bind(now)
    .bind(&client.ip)
    .bind(client.user_agent.chars().take(400).collect::<String>())
    .execute(&db.pool)
    .await?;
    Ok(token)
}

/// Finds a live session; expired ones are deleted on sight.
pub async fn lookup(db: &Db, token: &str, now: i64) -> Result<Option<SessionRecord>, sqlx::Error> {
    if !tokens::looks_like_token(token) {
        return Ok(None);
    }
    let hash = tokens::hash_token(token);
    let Some(row) = sqlx::query(
        "SELECT id, customer_id, created_at, last_seen_at FROM sessions WHERE token_hash = $1",
    )
    .bind(&hash)
    .fetch_optional(&db.pool)
    .await?
    else {
        return Ok(None);
    };
    let record = SessionRecord {
        id: row.try_get("id")?,
        customer_id: row.try_get("customer_id")?,
        created_at: row.try_get("created_at")?,
    };
    let last_seen: i64 = row.try_get("last_seen_at")?;
    if now - last_seen > IDLE_TIMEOUT_SECS || now - record.created_at > ABSOLUTE_TIMEOUT_SECS {
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(record.id)
            .execute(&db.pool)
            .await?;
        return Ok(None);
    }
    if now - last_seen >= TOUCH_EVERY_SECS {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
            .bind(now)
            .bind(record.id)
            .execute(&db.pool)
            .await?;
    }
    Ok(Some(record))
}

pub async fn delete(db: &Db, token: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(tokens::hash_token(token))
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Reads the named cookie from a Cookie header.
pub fn read_cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').map(str::trim).find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then_some(v)
    })
}

/// Axum middleware: resolves the session cookie into a [`SessionSlot`] request extension.
pub async fn middleware(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let client = ClientInfo {
        ip: req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string())
            .unwrap_or_default(),
        user_agent: req
            .headers()
            .get(USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned(),
    };
    let name = cookie_name(&state.config);
    let token = req
        .headers()
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| read_cookie(h, name).map(str::to_owned));
    let session = match &token {
        Some(t) => lookup(&state.db, t, state.clock.unix())
            .await
            .unwrap_or_else(|e| {
                tracing::error!(error = %e, "session lookup failed");
                None
            }),
        None => None,
    };
    req.extensions_mut().insert(SessionSlot {
        session,
        token,
        client,
    });
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_host_prefixed_and_secure_on_https() {
        let dir = std::env::temp_dir().join(format!("portal-cookie-{}", rand::random::<u64>()));
        let d = dir.display().to_string();
        let https = Config::from_lookup(|k| match k {
            "PUBLIC_URL" => Some("https://portal.example.com".into()),
            "PORTAL_DATA_DIR" => Some(d.clone()),
            _ => None,
        })
        .unwrap();
        let c = set_cookie(&https, "abc");
        assert!(
            c.starts_with("__Host-portal_session=abc; Path=/; HttpOnly; SameSite=Lax"),
            "{c}"
        );
        assert!(c.ends_with("; Secure"), "{c}");
        assert!(clear_cookie(&https).contains("Max-Age=0"));
        let http = Config::from_lookup(|k| (k == "PORTAL_DATA_DIR").then(|| d.clone())).unwrap();
        assert!(!set_cookie(&http, "abc").contains("Secure"));
        assert!(set_cookie(&http, "abc").starts_with("portal_session="));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn reads_cookies() {
        let h = "a=1; portal_session=abc; b=2";
        assert_eq!(read_cookie(h, "portal_session"), Some("abc"));
        assert_eq!(read_cookie(h, "missing"), None);
    }
}
