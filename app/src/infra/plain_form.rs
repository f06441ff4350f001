//! Forms that work without JavaScript. A plain `<form method="post">` reaches the server function
//! directly; Leptos sends the browser back to the form's page, with the error in the address when
//! there is one (the page's `ServerAction` shows it). On success the browser should land on a page
//! saying what happened instead: `on_success_go_to`. Calls the page makes itself are unaffected
//! (their answer is shown where the person is).

use axum::http::{header::ACCEPT, request::Parts};

/// Whether the current request is a plain form post (the browser asks for a page back).
pub fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<Parts>().is_some_and(|p| {
        p.headers
            .get(ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}

/// After a successful plain form post, send the browser to `path`.
pub fn on_success_go_to(path: &str) {
    if is_plain_form_post() {
        leptos_axum::redirect(path);
    }
}
