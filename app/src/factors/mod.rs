//! Sign-in methods a customer manages on the Security page: an authenticator app (TOTP), ten
//! single-use recovery codes, passkeys (WebAuthn), and "a code at every sign-in" by email or SMS.
//! Every change needs a recent re-authentication and sends a notice email.

pub mod api;
#[cfg(feature = "ssr")]
pub mod lifecycle;
pub mod page;
#[cfg(feature = "ssr")]
pub mod passkeys;
pub mod reauth;
#[cfg(feature = "ssr")]
pub mod recovery_codes;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod totp;
#[cfg(feature = "hydrate")]
pub mod webauthn_js;

use serde::{Deserialize, Serialize};

/// The Security page's view of the sign-in methods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactorsView {
    pub totp: bool,
    pub recovery_codes_left: i64,
    pub passkeys: Vec<PasskeyView>,
    /// "off", "email" or "sms".
    pub otp_channel: String,
    /// Masked phone number, when one is on the profile.
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PasskeyView {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// What the browser needs to enrol an authenticator app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotpEnrolment {
    /// Base32 secret, for typing in by hand.
    pub secret: String,
    pub otpauth_uri: String,
    /// The QR code as an SVG document.
    pub qr_svg: String,
}

/// A WebAuthn ceremony handed to the browser: an id to finish it with, and the options JSON for
/// `navigator.credentials`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ceremony {
    pub id: String,
    pub options: String,
}

/// Recovery codes are typed with or without dashes and in any case.
pub fn normalise_recovery_code(input: &str) -> String {
    input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn recovery_codes_ignore_case_and_dashes() {
        assert_eq!(
            super::normalise_recovery_code(" abcde-fghjk "),
            "ABCDEFGHJK"
        );
    }
}
