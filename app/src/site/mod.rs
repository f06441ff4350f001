//! Public pages that belong to no feature: the landing page, terms of use, not found.

use crate::components::PublicLayout;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="Your car finance, online"/>
        <PublicLayout>
            <section class="hero" aria-labelledby="home-title">
                <h1 id="home-title">"Your car finance, online"</h1>
                <p class="lead">"See your balance and next payment, pay, get a payoff quote and write to us — securely, from your phone or computer."</p>
                <div class="actions">
                    <A href="/login" attr:class="btn btn-primary">"Sign in"</A>
                    <A href="/register" attr:class="btn btn-secondary">"Create your login"</A>
                </div>
            </section>
        </PublicLayout>
    }
}

#[component]
pub fn TermsPage() -> impl IntoView {
    view! {
        <Title text="Terms of Use"/>
        <PublicLayout>
            <article class="card prose">
                <h1>"Website Terms of Use"</h1>
                <p>"This portal lets customers of Northstar Auto Finance view and manage their finance contracts. Keep your password private and sign out on shared devices. We will never ask for your password by email or phone."</p>
                <p>"Information shown here is provided for your convenience; your contract and official statements remain the binding record. Payments are credited according to your contract once they settle."</p>
                <p><A href="/register">"Back to registration"</A></p>
            </article>
        </PublicLayout>
    }
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(opts) = use_context::<leptos_axum::ResponseOptions>() {
        opts.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Page not found"/>
        <PublicLayout>
            <section class="card narrow">
                <h1>"Page not found"</h1>
                <p>"The address may be mistyped, or the page has moved."</p>
                <p><A href="/">"Go to the start page"</A></p>
            </section>
        </PublicLayout>
    }
}
