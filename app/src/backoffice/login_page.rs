//! /backoffice/login: staff sign in with email, password and the code from their authenticator
//! app, all in one step (staff always have a second factor).

use super::api::StaffLogin;
use crate::components::alert::Tone;
use crate::components::{Alert, Field, SubmitButton};
use crate::domain::codes::code_issue;
use crate::domain::Email;
use crate::error::AppError;
use crate::i18n::t;
use crate::shell::PublicLayout;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn StaffLoginPage() -> impl IntoView {
    let l = crate::i18n::current();
    let query = use_query_map();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let email_error = RwSignal::new(None::<String>);
    let password_error = RwSignal::new(None::<String>);
    let code_error = RwSignal::new(None::<String>);
    let login = ServerAction::<StaffLogin>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = login.value().get() {
            let _ = window().location().assign("/backoffice");
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let e = Email::parse(&email.get_untracked())
            .err()
            .map(|i| i.message());
        let p = password
            .get_untracked()
            .is_empty()
            .then(|| t(l, "login-password-required"));
        let c = code_issue(&code.get_untracked()).map(|i| i.message());
        email_error.set(e.clone());
        password_error.set(p.clone());
        code_error.set(c.clone());
        if e.is_none() && p.is_none() && c.is_none() {
            login.dispatch(StaffLogin {
                email: email.get_untracked(),
                password: password.get_untracked(),
                code: code.get_untracked(),
            });
        }
    };
    view! {
        <Title text=t(l, "bo-login-title")/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="bo-login-title">
                <h1 id="bo-login-title">{t(l, "bo-login-title")}</h1>
                <p class="hint">{t(l, "bo-login-intro")}</p>
                {move || (query.read().get("reason").as_deref() == Some("signed_out"))
                    .then(|| view! { <Alert tone=Tone::Info>{t(l, "login-signed-out")}</Alert> })}
                {move || login.value().get().and_then(|r| r.err()).map(|e| {
                    // Staff are told that one of the three was wrong, never which.
                    let m = if e == AppError::InvalidCredentials { t(l, "bo-login-failed") } else { e.message() };
                    view! { <Alert tone=Tone::Error>{m}</Alert> }
                })}
                <form method="post" action="/api/staff_login" on:submit=on_submit novalidate>
                    <Field id="email" label=t(l, "bo-login-email") kind="email" autocomplete="username" value=email error=email_error required=true/>
                    <Field id="password" label=t(l, "login-password-label") kind="password" autocomplete="current-password" value=password error=password_error required=true/>
                    <Field id="code" label=t(l, "bo-login-code") kind="text" inputmode="numeric" autocomplete="one-time-code" value=code error=code_error required=true
                        hint=t(l, "bo-login-code-hint")/>
                    <SubmitButton label=t(l, "login-submit") busy_label=t(l, "login-submit-busy") pending=login.pending()/>
                </form>
            </section>
        </PublicLayout>
    }
}
