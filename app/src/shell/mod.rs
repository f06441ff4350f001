//! The app's frame: the page layouts (public, and the signed-in portal with the customer's name,
//! navigation and sign-out), the language switcher, and the server functions they call — who is
//! signed in, sign out, switch language. Features use the frame; the frame uses no feature.

pub mod api;
pub mod language;
pub mod layout;
#[cfg(feature = "ssr")]
pub mod service;

pub use layout::{PortalLayout, PublicLayout};

use serde::{Deserialize, Serialize};

/// The signed-in customer, as the header shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct UserSummary {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}
