//! The profile: sign-in details (password change with the current password; email change verified
//! at the new address, with a notice to the old one) and contact details and preferences (phone,
//! country-aware mailing address, language, paperless, notifications).

pub mod api;
#[cfg(feature = "ssr")]
pub mod details;
pub mod details_page;
pub mod page;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::contact::AddressInput;
use serde::{Deserialize, Serialize};

/// What saving contact details did: a new mobile number is not saved until the code texted to it
/// is entered (`confirm_phone`); `code_sent_to` is then the masked number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactSaved {
    pub code_sent_to: Option<String>,
}

/// Contact details and preferences as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileDetails {
    pub phone: Option<String>,
    pub address: Option<AddressInput>,
    /// "en", "fr-CA" or "ru".
    pub language: String,
    pub paperless: bool,
    pub notify_email: bool,
    pub notify_sms: bool,
}
