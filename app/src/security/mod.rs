//! The Security page (Keycloak's account console is the bar): active sessions with "sign out this
//! one" and "sign out all others", remembered devices with revoke, and 90 days of sign-in history.

pub mod api;
pub mod page;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::agent::{AgentName, Browser};
use crate::domain::{EventKind, SignInProof};
use crate::i18n::{t, tf, Locale};
use serde::{Deserialize, Serialize};

/// How far back the sign-in history goes.
pub const HISTORY_DAYS: i64 = 90;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: i64,
    pub current: bool,
    pub device: AgentName,
    pub ip: String,
    pub created_at: i64,
    pub last_seen_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceView {
    pub id: i64,
    pub device: AgentName,
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
    pub device: AgentName,
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

/// "Chrome on Android" in `l`.
pub fn device_name(l: Locale, a: &AgentName) -> String {
    let browser = match &a.browser {
        Browser::Named(n) => n.clone(),
        Browser::Script => t(l, "agent-script"),
        Browser::Unknown => t(l, "agent-unknown"),
    };
    match &a.os {
        Some(os) => tf(
            l,
            "agent-on",
            &[("browser", browser.into()), ("os", os.clone().into())],
        ),
        None => browser,
    }
}

/// What a sign-in history entry was, in `l`.
pub fn event_label(l: Locale, kind: &str) -> String {
    known_event_label(l, kind).unwrap_or_else(|| t(l, "event-other"))
}

/// The name of an event kind this portal records, or `None` for a code it does not know.
pub fn known_event_label(l: Locale, kind: &str) -> Option<String> {
    EventKind::parse(kind).map(|k| t(l, &k.label_key()))
}

/// A history entry's label with its detail: a second sign-in step shows how it was done
/// ("Sign-in (passkey)").
pub fn event_text(l: Locale, kind: &str, detail: &str) -> String {
    match (EventKind::parse(kind), SignInProof::parse(detail)) {
        (Some(EventKind::LoginSecondStep), Some(how)) => tf(
            l,
            "event-second-step",
            &[("method", t(l, &how.label_key()).into())],
        ),
        _ => event_label(l, kind),
    }
}
