//! Shared widgets: form fields, buttons with progress, alerts, toasts. They import no feature;
//! the page frame (layouts, language switcher) is `shell/`.

pub mod alert;
pub mod bundle;
pub mod field;
pub mod form_key;
pub mod format;
pub mod hydration;
pub mod params;
pub mod pwa;
pub mod return_to;
pub mod route_focus;
pub mod spinner;
pub mod toast;
pub mod token_link;

pub use alert::Alert;
pub use field::{CheckboxField, Field, TextAreaField};
pub use spinner::{PageSpinner, SubmitButton};
