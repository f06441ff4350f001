//! Public pages that belong to no feature: the landing page, terms of use, not found.

use crate::i18n::t;
use crate::shell::PublicLayout;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let l = crate::i18n::current();
    view! {
        <Title text=t(l, "home-title")/>
        <PublicLayout>
            <section class="hero" aria-labelledby="home-title">
                <h1 id="home-title">{t(l, "home-title")}</h1>
                <p class="lead">{t(l, "home-lead")}</p>
                <div class="actions">
                    <A href="/login" attr:class="btn btn-primary">{t(l, "home-sign-in")}</A>
                    <A href="/register" attr:class="btn btn-secondary">{t(l, "home-register")}</A>
                </div>
            </section>
        </PublicLayout>
    }
}

#[component]
pub fn TermsPage() -> impl IntoView {
    let l = crate::i18n::current();
    view! {
        <Title text=t(l, "terms-page-title")/>
        <PublicLayout>
            <article class="card prose">
                <h1>{t(l, "terms-title")}</h1>
                <p>{t(l, "terms-p1")}</p>
                <p>{t(l, "terms-p2")}</p>
                <p><A href="/register">{t(l, "terms-back")}</A></p>
            </article>
        </PublicLayout>
    }
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let l = crate::i18n::current();
    #[cfg(feature = "ssr")]
    if let Some(opts) = use_context::<leptos_axum::ResponseOptions>() {
        opts.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=t(l, "notfound-title")/>
        <PublicLayout>
            <section class="card narrow">
                <h1>{t(l, "notfound-title")}</h1>
                <p>{t(l, "notfound-text")}</p>
                <p><A href="/">{t(l, "notfound-home")}</A></p>
                <p><A href="/help">{t(l, "help-title")}</A></p>
            </section>
        </PublicLayout>
    }
}
