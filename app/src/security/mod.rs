//! The Security page (Keycloak's account console is the bar): active sessions with "sign out this
//! one" and "sign out all others", remembered devices with revoke, and 90 days of sign-in history.

pub mod api;
pub mod page;
#[cfg(feature = "ssr")]
pub mod service;

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

pub fn event_label(kind: &str) -> &'static str {
    match kind {
        "login" => "Sign-in",
        "logout" => "Sign-out",
        "activate" => "Account activated",
        "register" => "Registration",
        "password_reset" => "Password reset",
        "password_reset_requested" => "Password reset requested",
        "device_authorised" => "Device authorized",
        "device_code" => "Device code",
        "session_revoked" => "Session ended by you",
        "device_revoked" => "Device removed",
        "link" => "Contract linking",
        "login_second_step" => "Sign-in second step",
        "login_passkey" => "Passkey sign-in",
        "login_temporary" => "Sign-in with temporary password",
        "temporary_login_setup" => "Login set up from temporary password",
        "reauthenticate" => "Identity confirmed",
        "totp_enabled" => "Authenticator app added",
        "totp_disabled" => "Authenticator app removed",
        "passkey_added" => "Passkey added",
        "passkey_removed" => "Passkey removed",
        "recovery_codes_regenerated" => "New recovery codes",
        "sign_in_code_changed" => "Sign-in code setting changed",
        "profile_updated" => "Profile updated",
        _ => "Account event",
    }
}
