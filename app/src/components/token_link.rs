//! The page an emailed link opens (activation, unlock, email confirmation). The token travels in a
//! hidden field of a real form, so the page works without JavaScript (a plain POST to the server
//! function, which then sends the browser on: `infra/plain_form.rs`). With JavaScript the page
//! submits it itself once running — link scanners that only fetch the address cannot use it up —
//! and shows the answer in place.

use super::SubmitButton;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// Submits the link's token once, as soon as the page runs in the browser.
pub fn submit_once<S>(
    action: ServerAction<S>,
    token: impl Fn() -> String + 'static,
    make: fn(String) -> S,
) where
    S: ServerFn + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
{
    Effect::new(move |_| {
        let t = token();
        if !t.is_empty() && action.version().get_untracked() == 0 {
            action.dispatch(make(t));
        }
    });
}

/// The form itself: the progress sentence, the hidden token, and the button (the only thing a
/// person without JavaScript needs to press).
#[component]
pub fn TokenLinkForm(
    /// The server function's address (`S::url()`).
    endpoint: &'static str,
    #[prop(into)] token: Signal<String>,
    #[prop(into)] pending: Signal<bool>,
    on_submit: Callback<String>,
    progress: String,
    label: String,
    busy_label: String,
) -> impl IntoView {
    view! {
        <form method="post" action=endpoint on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            on_submit.run(token.get_untracked());
        }>
            <input type="hidden" name="token" value=move || token.get()/>
            <p>{progress}</p>
            <SubmitButton label=label busy_label=busy_label pending=pending/>
        </form>
    }
}
