//! The page an activation link opens (`components/token_link.rs`: submitted by the page once
//! running, or by its button without JavaScript). Success leads to the sign-in page.

use super::api::Activate;
use crate::components::alert::Tone;
use crate::components::token_link::{submit_once, TokenLinkForm};
use crate::components::Alert;
use crate::i18n::t;
use crate::shell::PublicLayout;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ActivatePage() -> impl IntoView {
    let l = crate::i18n::current();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let activate = ServerAction::<Activate>::new();
    submit_once(activate, token, |token| Activate { token });
    Effect::new(move |_| {
        if let Some(Ok(())) = activate.value().get() {
            let _ = window().location().assign("/login?reason=activated");
        }
    });

    view! {
        <Title text=t(l, "activate-title")/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="activate-title">
                <h1 id="activate-title">{t(l, "activate-title")}</h1>
                {move || match activate.value().get() {
                    Some(Err(e)) => view! {
                        <Alert tone=Tone::Error>
                            <p>{e.message()}</p>
                            <p><A href="/login">{t(l, "activate-go-to-sign-in")}</A>" "{t(l, "activate-error-after")}</p>
                        </Alert>
                    }.into_any(),
                    Some(Ok(())) => view! { <Alert tone=Tone::Success>{t(l, "activate-success")}</Alert> }.into_any(),
                    None => view! {
                        <TokenLinkForm endpoint=Activate::url() token=Signal::derive(token) pending=activate.pending()
                            on_submit=Callback::new(move |token| { activate.dispatch(Activate { token }); })
                            progress=t(l, "activate-confirming") label=t(l, "activate-submit") busy_label=t(l, "activate-submit-busy")/>
                    }.into_any(),
                }}
            </section>
        </PublicLayout>
    }
}
