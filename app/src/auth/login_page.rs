//! Sign-in page. Shows why you are here (just activated, signed out, session ended), keeps the
//! typed email on failure, and offers a new activation link when the account is not yet active.

use super::api::{Login, ResendActivation};
use crate::components::alert::Tone;
use crate::components::{Alert, Field, PublicLayout, SubmitButton};
use crate::domain::Email;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let reason = move || query.read().get("reason");
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let email_error = RwSignal::new(None::<String>);
    let password_error = RwSignal::new(None::<String>);
    let login = ServerAction::<Login>::new();
    let resend = ServerAction::<ResendActivation>::new();

    Effect::new(move |_| {
        if let Some(Ok(())) = login.value().get() {
            let _ = window().location().assign("/dashboard");
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
            .then(|| "Enter your password.".to_string());
        email_error.set(e.clone());
        password_error.set(p.clone());
        if e.is_none() && p.is_none() {
            login.dispatch(Login {
                email: email.get_untracked(),
                password: password.get_untracked(),
            });
        }
    };
    let failure = move || login.value().get().and_then(|r| r.err());

    view! {
        <Title text="Sign in"/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="login-title">
                <h1 id="login-title">"Sign in"</h1>
                {move || match reason().as_deref() {
                    Some("activated") => Some(view! { <Alert tone=Tone::Success>"Your account is now active. Please sign in."</Alert> }.into_any()),
                    Some("signed_out") => Some(view! { <Alert tone=Tone::Info>"You have signed out."</Alert> }.into_any()),
                    Some("signin") => Some(view! { <Alert tone=Tone::Info>"Please sign in to continue. For your security, sessions end after 15 minutes without activity."</Alert> }.into_any()),
                    _ => None,
                }}
                {move || failure().map(|e| {
                    let not_active = e == AppError::NotActivated;
                    view! {
                        <Alert tone=Tone::Error>
                            <p>{e.message()}</p>
                            {not_active.then(|| view! {
                                <button type="button" class="btn btn-link" on:click=move |_| { resend.dispatch(ResendActivation { email: email.get_untracked() }); }>
                                    "Send a new activation link"
                                </button>
                            })}
                        </Alert>
                    }
                })}
                {move || resend.value().get().map(|r| match r {
                    Ok(()) => view! { <Alert tone=Tone::Success>"If that account is waiting for activation, a new link is on its way."</Alert> }.into_any(),
                    Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                })}
                <form method="post" action="/api/login" on:submit=on_submit novalidate>
                    <Field id="email" label="Email address" kind="email" autocomplete="username" value=email error=email_error required=true/>
                    <Field id="password" label="Password" kind="password" autocomplete="current-password" value=password error=password_error required=true/>
                    <SubmitButton label="Sign in" busy_label="Signing in…" pending=login.pending()/>
                </form>
                <p class="aside"><A href="/forgot-password">"Forgot your password?"</A> " · " <A href="/forgot-username">"Forgot your username?"</A></p>
                <p class="aside">"New here? " <A href="/register">"Create your login"</A></p>
            </section>
        </PublicLayout>
    }
}
