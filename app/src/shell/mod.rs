//! The app's frame: the page layouts (public, and the signed-in portal with the customer's name,
//! navigation and sign-out), the language switcher, and the server functions they call — who is
//! signed in, sign out, switch language. Features use the frame; the frame uses no feature.

pub mod api;
pub mod contact;
pub mod language;
pub mod layout;
#[cfg(feature = "ssr")]
pub mod service;

pub use layout::{PortalLayout, PublicLayout};

use serde::{Deserialize, Serialize};

/// Set on sign-out and cleared at sign-in, for a quarter of an hour: a portal page opened after
/// signing out (Back, an old tab) says "you have signed out", not "your session ended".
pub const SIGNED_OUT_COOKIE: &str = "portal_signed_out";

/// The Set-Cookie value marking (`true`) or clearing (`false`) a recent sign-out.
pub fn signed_out_cookie(marked: bool, secure: bool) -> String {
    let (value, age) = if marked { ("1", 900) } else { ("", 0) };
    let secure = if secure { "; Secure" } else { "" };
    format!("{SIGNED_OUT_COOKIE}={value}; Path=/; Max-Age={age}; SameSite=Lax{secure}")
}

/// Whether this browser signed out within the last quarter of an hour (the request's cookies on
/// the server, `document.cookie` in the browser).
pub fn signed_out_recently() -> bool {
    let marked = |cookies: &str| {
        cookies
            .split(';')
            .any(|c| c.trim() == format!("{SIGNED_OUT_COOKIE}=1"))
    };
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<axum::http::request::Parts>().is_some_and(|p| {
            p.headers
                .get_all(axum::http::header::COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .any(marked)
        })
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let document: leptos::wasm_bindgen::JsValue = leptos::prelude::document().into();
        js_sys::Reflect::get(&document, &"cookie".into())
            .ok()
            .and_then(|c| c.as_string())
            .is_some_and(|c| marked(&c))
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        let _ = marked;
        false
    }
}

/// The signed-in customer, as the header shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct UserSummary {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}
