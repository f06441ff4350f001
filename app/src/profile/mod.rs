//! Sign-in details on the profile: change the password (current password required) and change the
//! email address (verified at the new address, with a notice to the old one).

pub mod api;
pub mod page;
#[cfg(feature = "ssr")]
pub mod service;
