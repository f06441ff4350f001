//! The page an activation link opens. The token is consumed by a POST the page makes once it is
//! running in the browser (so link scanners that merely fetch the URL cannot use it up); a button
//! does the same without JavaScript. Success leads to the sign-in page.

use super::api::Activate;
use crate::components::alert::Tone;
use crate::components::{Alert, SubmitButton};
use crate::i18n::t;
use crate::shell::PublicLayout;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ActivatePage() -> impl IntoView {
    let l = crate::i18n::current();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let activate = ServerAction::<Activate>::new();

    Effect::new(move |_| {
        let t = token();
        if !t.is_empty() && activate.version().get_untracked() == 0 {
            activate.dispatch(Activate { token: t });
        }
    });
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
                        <form method="post" action="/api/activate" on:submit=move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            activate.dispatch(Activate { token: token() });
                        }>
                            <input type="hidden" name="token" value=token/>
                            <p>{t(l, "activate-confirming")}</p>
                            <SubmitButton label=t(l, "activate-submit") busy_label=t(l, "activate-submit-busy") pending=activate.pending()/>
                        </form>
                    }.into_any(),
                }}
            </section>
        </PublicLayout>
    }
}
