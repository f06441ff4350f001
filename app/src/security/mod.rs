//! The Security page (Keycloak's account console is the bar): active sessions with "sign out this
//! one" and "sign out all others", remembered devices with revoke, and 90 days of sign-in history.

pub mod api;
pub mod page;
#[cfg(feature = "ssr")]
pub mod service;

use crate::i18n::{t, tf, Locale};
use serde::{Deserialize, Serialize};

/// How far back the sign-in history goes.
pub const HISTORY_DAYS: i64 = 90;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: i64,
    pub current: bool,
    pub device: String,
    pub ip: String,
    pub created_at: i64,
    pub last_seen_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceView {
    pub id: i64,
    pub device: String,
    pub created_at: i64,
    pub last_used_at: i64,
    pub expires_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInEvent {
    pub at: i64,
    pub kind: String,
    pub success: bool,
    pub ip: String,
    pub device: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityOverview {
    pub sessions: Vec<SessionView>,
    pub devices: Vec<DeviceView>,
    pub history: Vec<SignInEvent>,
}

/// "Nov 21, 2026, 21:53 UTC" (in the page's language).
pub fn when(unix: i64) -> String {
    crate::components::format::date_time(unix)
}

/// What a sign-in history entry was, in `l`.
pub fn event_label(l: Locale, kind: &str) -> String {
    known_event_label(l, kind).unwrap_or_else(|| t(l, "event-other"))
}

/// The name of an event kind this portal records, or `None` for one it has no name for.
pub fn known_event_label(l: Locale, kind: &str) -> Option<String> {
    Some(match kind {
        "login" => t(l, "event-login"),
        "logout" => t(l, "event-logout"),
        "activate" => t(l, "event-activate"),
        "register" => t(l, "event-register"),
        "password_reset" => t(l, "event-password-reset"),
        "password_reset_requested" => t(l, "event-password-reset-requested"),
        "device_authorised" => t(l, "event-device-authorised"),
        "device_code" => t(l, "event-device-code"),
        "session_revoked" => t(l, "event-session-revoked"),
        "device_revoked" => t(l, "event-device-revoked"),
        "link" => t(l, "event-link"),
        "login_second_step" => t(l, "event-login-second-step"),
        "login_passkey" => t(l, "event-login-passkey"),
        "login_temporary" => t(l, "event-login-temporary"),
        "temporary_login_setup" => t(l, "event-temporary-login-setup"),
        "temporary_login_setup_started" => t(l, "event-temporary-login-setup-started"),
        "sign_in_methods_reset" => t(l, "event-sign-in-methods-reset"),
        "reauthenticate" => t(l, "event-reauthenticate"),
        "totp_enabled" => t(l, "event-totp-enabled"),
        "totp_disabled" => t(l, "event-totp-disabled"),
        "passkey_added" => t(l, "event-passkey-added"),
        "passkey_removed" => t(l, "event-passkey-removed"),
        "recovery_codes_regenerated" => t(l, "event-recovery-codes-regenerated"),
        "sign_in_code_changed" => t(l, "event-sign-in-code-changed"),
        "profile_updated" => t(l, "event-profile-updated"),
        "account_unlock" => t(l, "event-account-unlock"),
        "sessions_ended_by_staff" => t(l, "event-sessions-ended-by-staff"),
        "password_changed" => t(l, "event-password-changed"),
        "email_change_requested" => t(l, "event-email-change-requested"),
        "email_changed" => t(l, "event-email-changed"),
        "activation_resent" => t(l, "event-activation-resent"),
        _ => return None,
    })
}

/// A history entry's label with its detail: a second sign-in step shows how it was done
/// ("Sign-in (passkey)"); the method names are the ones `signin::flow` records.
pub fn event_text(l: Locale, kind: &str, detail: &str) -> String {
    if kind != "login_second_step" || detail.is_empty() {
        return event_label(l, kind);
    }
    let method = match detail {
        "passkey" => t(l, "event-method-passkey"),
        "password + device code" => t(l, "event-method-device-code"),
        "password + one-time code" => t(l, "event-method-one-time-code"),
        "password + authenticator app" => t(l, "event-method-authenticator"),
        "password + recovery code" => t(l, "event-method-recovery-code"),
        other => other.to_string(),
    };
    tf(l, "event-second-step", &[("method", method.into())])
}
