//! Server-side sessions. The cookie holds a random 256-bit id; the database holds its SHA-256 hash,
//! the customer, and timestamps. The server enforces a 15-minute idle timeout and a 12-hour
//! absolute timeout; signing in always issues a new id (rotation) and signing out deletes the row.

use super::{audit::ClientInfo, tokens, AppState, Config, Db};
use crate::domain::SignInProof;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::{COOKIE, USER_AGENT};
use axum::middleware::Next;
use axum::response::Response;
use std::net::SocketAddr;

pub const IDLE_TIMEOUT_SECS: i64 = 15 * 60;
pub const ABSOLUTE_TIMEOUT_SECS: i64 = 12 * 60 * 60;
/// A sign-in that still owes its second step is abandoned after this long.
pub const PENDING_TIMEOUT_SECS: i64 = 10 * 60;
/// Sensitive changes need a password or second factor proved at most this long ago.
pub const REAUTH_WINDOW_SECS: i64 = 5 * 60;

/// Where a session is in the sign-in: a second step still owed, or fully signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    SecondStep,
    Full,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::SecondStep => "mfa",
            Stage::Full => "full",
        }
    }
}
/// `last_seen_at` is written at most this often, to keep reads cheap.
const TOUCH_EVERY_SECS: i64 = 30;

/// A live session, as the middleware found it for this request.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub id: i64,
    pub customer_id: i64,
    pub created_at: i64,
    pub stage: Stage,
    /// When the person last proved who they are in this session.
    pub reauth_at: i64,
    /// Whose session it is, as the page's header names them (read with the session, so the
    /// frame costs no query of its own); `None` when the customer is no longer active.
    pub holder: Option<Holder>,
}

/// The customer a session belongs to: name and email, as stored when the request began.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}

impl SessionRecord {
    pub fn is_full(&self) -> bool {
        self.stage == Stage::Full
    }
    pub fn recently_authenticated(&self, now: i64) -> bool {
        now - self.reauth_at <= REAUTH_WINDOW_SECS
    }
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

/// Creates a session and returns the token for the cookie and the session's id. The person
/// proved who they are just now (`reauth_at = now`), with `method`.
pub async fn create(
    db: &Db,
    customer_id: i64,
    now: i64,
    client: &ClientInfo,
    stage: Stage,
    method: SignInProof,
) -> Result<(String, i64), sqlx::Error> {
    let (token, hash) = tokens::new_token();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sessions (token_hash, customer_id, created_at, last_seen_at, ip, user_agent, stage, reauth_at, method) \
         VALUES ($1, $2, $3, $3, $4, $5, $6, $3, $7) RETURNING id",
    )
    .bind(hash)
    .bind(customer_id)
    .bind(now)
    .bind(&client.ip)
    .bind(client.user_agent.chars().take(400).collect::<String>())
    .bind(stage.as_str())
    .bind(method.code())
    .fetch_one(&db.pool)
    .await?;
    Ok((token, id))
}

/// Completes a sign-in: the session becomes full under a new id (rotation), so a token seen before
/// the second step is worthless after it. Returns the new token for the cookie.
pub async fn promote(
    db: &Db,
    session_id: i64,
    now: i64,
    method: SignInProof,
) -> Result<String, sqlx::Error> {
    let (token, hash) = tokens::new_token();
    sqlx::query(
        "UPDATE sessions SET token_hash = $1, stage = 'full', reauth_at = $2, last_seen_at = $2, method = $3 WHERE id = $4",
    )
    .bind(hash)
    .bind(now)
    .bind(method.code())
    .bind(session_id)
    .execute(&db.pool)
    .await?;
    Ok(token)
}

/// Records a re-authentication in this session and how it was made.
pub async fn mark_reauthenticated(
    db: &Db,
    session_id: i64,
    now: i64,
    method: SignInProof,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET reauth_at = $1, reauth_method = $2 WHERE id = $3")
        .bind(now)
        .bind(method.code())
        .bind(session_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// How the person last proved who they are in this session: the last re-authentication, else
/// the sign-in itself.
pub async fn reauth_method(db: &Db, session_id: i64) -> Result<Option<SignInProof>, sqlx::Error> {
    let row: Option<(Option<String>, Option<String>)> =
        sqlx::query_as("SELECT reauth_method, method FROM sessions WHERE id = $1")
            .bind(session_id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row
        .and_then(|(reauth, signed_in_with)| reauth.or(signed_in_with))
        .and_then(|code| SignInProof::parse(&code)))
}

#[derive(sqlx::FromRow)]
struct LookupRow {
    id: i64,
    customer_id: i64,
    created_at: i64,
    last_seen_at: i64,
    stage: String,
    reauth_at: i64,
    first_name: Option<String>,
    last_name: Option<String>,
    email: Option<String>,
}

/// Finds a live session, with its holder; expired ones are deleted on sight.
pub async fn lookup(db: &Db, token: &str, now: i64) -> Result<Option<SessionRecord>, sqlx::Error> {
    if !tokens::looks_like_token(token) {
        return Ok(None);
    }
    let hash = tokens::hash_token(token);
    let row: Option<LookupRow> = sqlx::query_as(
        "SELECT s.id, s.customer_id, s.created_at, s.last_seen_at, s.stage, s.reauth_at, \
         c.first_name, c.last_name, c.email FROM sessions s \
         LEFT JOIN customers c ON c.id = s.customer_id AND c.status = 'active' WHERE s.token_hash = $1",
    )
    .bind(&hash)
    .fetch_optional(&db.pool)
    .await?;
    let Some(LookupRow {
        id,
        customer_id,
        created_at,
        last_seen_at: last_seen,
        stage,
        reauth_at,
        first_name,
        last_name,
        email,
    }) = row
    else {
        return Ok(None);
    };
    let record = SessionRecord {
        id,
        customer_id,
        created_at,
        stage: if stage == "full" {
            Stage::Full
        } else {
            Stage::SecondStep
        },
        reauth_at,
        holder: match (first_name, last_name, email) {
            (Some(first_name), Some(last_name), Some(email)) => Some(Holder {
                first_name,
                last_name,
                email,
            }),
            _ => None,
        },
    };
    let limit = if record.is_full() {
        ABSOLUTE_TIMEOUT_SECS
    } else {
        PENDING_TIMEOUT_SECS
    };
    if now - last_seen > IDLE_TIMEOUT_SECS || now - record.created_at > limit {
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
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let client = ClientInfo {
        ip: peer
            .map(|peer| {
                let forwarded = req
                    .headers()
                    .get_all("x-forwarded-for")
                    .iter()
                    .filter_map(|v| v.to_str().ok());
                state
                    .config
                    .trusted_proxies
                    .client_ip(peer, forwarded)
                    .to_string()
            })
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
        Some(t) => match lookup(&state.db, t, state.clock.unix()).await {
            Ok(session) => session,
            // The database is out of reach: "signed out" would be false (the session is intact).
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                return super::unavailable::response(req.headers());
            }
        },
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
            "PORTAL_ENV" => Some("demo".into()),
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
        let http = Config::from_lookup(|k| match k {
            "PORTAL_DATA_DIR" => Some(d.clone()),
            "PORTAL_ENV" => Some("demo".into()),
            _ => None,
        })
        .unwrap();
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
