//! Forms that work without JavaScript. A plain `<form method="post">` reaches the server function
//! directly; Leptos sends the browser back to the form's page, with the error in the address when
//! there is one (the page's `ServerAction` shows it). On success the browser should land on a page
//! saying what happened instead: `on_success_go_to`. Calls the page makes itself are unaffected
//! (their answer is shown where the person is).

/// After a successful plain form post, send the browser to `path`.
pub fn on_success_go_to(path: &str) {
    if crate::error::is_plain_form_post() {
        leptos_axum::redirect(path);
    }
}
