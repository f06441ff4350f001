//! Shared widgets: form fields, buttons with progress, alerts, page layouts.

pub mod alert;
pub mod bundle;
pub mod field;
pub mod format;
pub mod hydration;
pub mod language;
pub mod layout;
pub mod pwa;
pub mod reauth;
pub mod route_focus;
pub mod spinner;
pub mod toast;

pub use alert::Alert;
pub use field::{CheckboxField, Field};
pub use layout::{PortalLayout, PublicLayout};
pub use spinner::{PageSpinner, SubmitButton};
