//! Passkeys (WebAuthn via webauthn-rs): registered from the Security page, used as the second step
//! of a password sign-in or on their own (password-less, discoverable credentials). The relying
//! party is PUBLIC_URL's host. Ceremony state lives server-side for 5 minutes under a random id.

use super::{Ceremony, PasskeyView};
use crate::error::{AppError, ServiceError};
use crate::infra::{tokens, AppState, Config};
use sha2::{Digest, Sha256};
use webauthn_rs::prelude::*;

const CEREMONY_TTL_SECS: i64 = 5 * 60;
pub const MAX_PASSKEYS: i64 = 10;

fn webauthn(config: &Config) -> Result<Webauthn, ServiceError> {
    let origin =
        Url::parse(&config.public_url).map_err(ServiceError::failed("passkey ceremony"))?;
    let rp_id = origin.host_str().ok_or(AppError::Internal)?.to_owned();
    WebauthnBuilder::new(&rp_id, &origin)
        .and_then(|b| b.rp_name("Northstar Auto Finance").build())
        .map_err(ServiceError::failed(
            "WebAuthn set-up (PUBLIC_URL must use a domain name, e.g. localhost)",
        ))
}

/// A stable, opaque WebAuthn user handle for a login (does not reveal the row id).
fn user_handle(config: &Config, customer_id: i64) -> Uuid {
    let mut h = Sha256::new();
    h.update(&config.session_secret);
    h.update(b":webauthn-user:");
    h.update(customer_id.to_be_bytes());
    let d = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    Uuid::from_bytes(b)
}

fn bad_credential(e: impl std::fmt::Display) -> AppError {
    tracing::info!(error = %e, "passkey rejected");
    AppError::Conflict(crate::error::Conflict::PasskeyRejected)
}

async fn save_ceremony(
    state: &AppState,
    kind: &str,
    customer_id: Option<i64>,
    data: &impl serde::Serialize,
) -> Result<String, ServiceError> {
    let (token, hash) = tokens::new_token();
    let now = state.clock.unix();
    sqlx::query("DELETE FROM webauthn_ceremonies WHERE expires_at < $1")
        .bind(now)
        .execute(&state.db.pool)
        .await?;
    sqlx::query(
        "INSERT INTO webauthn_ceremonies (token_hash, kind, customer_id, state, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash)
    .bind(kind)
    .bind(customer_id)
    .bind(serde_json::to_string(data).map_err(ServiceError::failed("passkey ceremony"))?)
    .bind(now + CEREMONY_TTL_SECS)
    .execute(&state.db.pool)
    .await?;
    Ok(token)
}

#[derive(sqlx::FromRow)]
struct CeremonyRow {
    id: i64,
    kind: String,
    customer_id: Option<i64>,
    state: String,
    expires_at: i64,
}

/// Takes (and deletes) a ceremony's state; unknown, expired or someone else's → InvalidToken.
async fn take_ceremony<T: serde::de::DeserializeOwned>(
    state: &AppState,
    id: &str,
    kind: &str,
    customer_id: Option<i64>,
) -> Result<T, ServiceError> {
    if !tokens::looks_like_token(id) {
        return Err(AppError::InvalidToken.into());
    }
    let hash = tokens::hash_token(id);
    let row: CeremonyRow = sqlx::query_as(
        "SELECT id, kind, customer_id, state, expires_at FROM webauthn_ceremonies WHERE token_hash = $1",
    )
    .bind(&hash)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or(AppError::InvalidToken)?;
    let deleted = sqlx::query("DELETE FROM webauthn_ceremonies WHERE id = $1")
        .bind(row.id)
        .execute(&state.db.pool)
        .await?;
    if deleted.rows_affected() != 1
        || row.kind != kind
        || row.customer_id != customer_id
        || row.expires_at <= state.clock.unix()
    {
        return Err(AppError::InvalidToken.into());
    }
    serde_json::from_str(&row.state).map_err(ServiceError::failed("passkey ceremony"))
}

/// Options for `navigator.credentials.create`, asking for a discoverable credential so the passkey
/// also works without a password.
pub async fn register_begin(state: &AppState, customer_id: i64) -> Result<Ceremony, ServiceError> {
    let (email, first, last): (String, String, String) =
        sqlx::query_as("SELECT email, first_name, last_name FROM customers WHERE id = $1")
            .bind(customer_id)
            .fetch_one(&state.db.pool)
            .await?;
    let name = format!("{first} {last}");
    let existing = load(state, customer_id).await?;
    if existing.len() as i64 >= MAX_PASSKEYS {
        return Err(AppError::Conflict(crate::error::Conflict::PasskeyLimit).into());
    }
    let exclude: Vec<CredentialID> = existing
        .iter()
        .map(|(_, pk)| pk.cred_id().clone())
        .collect();
    let (ccr, reg) = webauthn(&state.config)?
        .start_passkey_registration(
            user_handle(&state.config, customer_id),
            &email,
            &name,
            Some(exclude),
        )
        .map_err(ServiceError::failed("passkey ceremony"))?;
    let mut options =
        serde_json::to_value(&ccr).map_err(ServiceError::failed("passkey ceremony"))?;
    if let Some(sel) = options
        .pointer_mut("/publicKey/authenticatorSelection")
        .and_then(|v| v.as_object_mut())
    {
        sel.insert("residentKey".into(), "required".into());
        sel.insert("requireResidentKey".into(), true.into());
    }
    let id = save_ceremony(state, "register", Some(customer_id), &reg).await?;
    Ok(Ceremony {
        id,
        options: options.to_string(),
    })
}

pub async fn register_finish(
    state: &AppState,
    customer_id: i64,
    ceremony_id: &str,
    credential_json: &str,
    name: &str,
) -> Result<(), ServiceError> {
    let reg: PasskeyRegistration =
        take_ceremony(state, ceremony_id, "register", Some(customer_id)).await?;
    let cred: RegisterPublicKeyCredential =
        serde_json::from_str(credential_json).map_err(bad_credential)?;
    let passkey = webauthn(&state.config)?
        .finish_passkey_registration(&cred, &reg)
        .map_err(bad_credential)?;
    let name = name.trim();
    let name = if name.is_empty() { "Passkey" } else { name };
    sqlx::query(
        "INSERT INTO passkeys (customer_id, credential_id, data, name, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(customer_id)
    .bind(hex::encode(AsRef::<[u8]>::as_ref(passkey.cred_id())))
    .bind(serde_json::to_string(&passkey).map_err(ServiceError::failed("passkey ceremony"))?)
    .bind(name.chars().take(60).collect::<String>())
    .bind(state.clock.unix())
    .execute(&state.db.pool)
    .await?;
    Ok(())
}

/// Options for `navigator.credentials.get` with no allow-list: the authenticator offers the
/// passkeys it holds for this site.
pub async fn sign_in_begin(state: &AppState) -> Result<Ceremony, ServiceError> {
    let (rcr, auth) = webauthn(&state.config)?
        .start_discoverable_authentication()
        .map_err(ServiceError::failed("passkey ceremony"))?;
    let mut options =
        serde_json::to_value(&rcr).map_err(ServiceError::failed("passkey ceremony"))?;
    // A button press starts this, so the browser should show its dialog (not autofill).
    if let Some(o) = options.as_object_mut() {
        o.remove("mediation");
    }
    let id = save_ceremony(state, "sign_in", None, &auth).await?;
    Ok(Ceremony {
        id,
        options: options.to_string(),
    })
}

/// Verifies an assertion; returns the login it belongs to. The signature counter and backup
/// state are updated.
pub async fn sign_in_finish(
    state: &AppState,
    ceremony_id: &str,
    credential_json: &str,
) -> Result<i64, ServiceError> {
    let auth: DiscoverableAuthentication =
        take_ceremony(state, ceremony_id, "sign_in", None).await?;
    let cred: PublicKeyCredential =
        serde_json::from_str(credential_json).map_err(bad_credential)?;
    let wa = webauthn(&state.config)?;
    let (handle, cred_id) = wa
        .identify_discoverable_authentication(&cred)
        .map_err(bad_credential)?;
    let cred_id = hex::encode(cred_id);
    let (id, customer_id, data): (i64, i64, String) =
        sqlx::query_as("SELECT id, customer_id, data FROM passkeys WHERE credential_id = $1")
            .bind(&cred_id)
            .fetch_optional(&state.db.pool)
            .await?
            .ok_or_else(|| bad_credential("unknown credential"))?;
    if user_handle(&state.config, customer_id) != handle {
        return Err(bad_credential("user handle mismatch").into());
    }
    ensure_active(state, customer_id).await?;
    let mut passkey: Passkey =
        serde_json::from_str(&data).map_err(ServiceError::failed("passkey ceremony"))?;
    let result = wa
        .finish_discoverable_authentication(&cred, auth, &[DiscoverableKey::from(&passkey)])
        .map_err(bad_credential)?;
    passkey.update_credential(&result);
    sqlx::query("UPDATE passkeys SET data = $1, last_used_at = $2 WHERE id = $3")
        .bind(serde_json::to_string(&passkey).map_err(ServiceError::failed("passkey ceremony"))?)
        .bind(state.clock.unix())
        .bind(id)
        .execute(&state.db.pool)
        .await?;
    Ok(customer_id)
}

/// A passkey opens only an active login (not one disabled by staff, or never activated).
pub async fn ensure_active(state: &AppState, customer_id: i64) -> Result<(), ServiceError> {
    let status: String = sqlx::query_scalar("SELECT status FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_one(&state.db.pool)
        .await?;
    if status != "active" {
        tracing::warn!(
            customer_id,
            status,
            "passkey sign-in refused: login not active"
        );
        return Err(AppError::InvalidCredentials.into());
    }
    Ok(())
}

async fn load(state: &AppState, customer_id: i64) -> Result<Vec<(i64, Passkey)>, ServiceError> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, data FROM passkeys WHERE customer_id = $1 ORDER BY id")
            .bind(customer_id)
            .fetch_all(&state.db.pool)
            .await?;
    rows.into_iter()
        .map(|(id, data)| {
            let pk: Passkey =
                serde_json::from_str(&data).map_err(ServiceError::failed("passkey ceremony"))?;
            Ok((id, pk))
        })
        .collect()
}

pub async fn list(state: &AppState, customer_id: i64) -> Result<Vec<PasskeyView>, ServiceError> {
    Ok(sqlx::query_as(
        "SELECT id, name, created_at, last_used_at FROM passkeys WHERE customer_id = $1 ORDER BY id",
    )
    .bind(customer_id)
    .fetch_all(&state.db.pool)
    .await?)
}
