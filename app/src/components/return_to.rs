//! Coming back after signing in: a page that needs a signed-in customer sends the browser to
//! `/login?next=<this page>`, and the sign-in steps carry `next` until they are done. Only a path
//! on this site is ever followed.

pub use crate::domain::paths::{encode_query_value, safe_return_path};

/// The `next` of the address the browser is on (in the browser; `None` on the server).
pub fn back_to() -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        let search = leptos::prelude::window().location().search().ok()?;
        web_sys::UrlSearchParams::new_with_str(&search)
            .ok()?
            .get("next")
    }
    #[cfg(not(feature = "hydrate"))]
    None
}
