//! /login/setup — after a temporary-password sign-in: choose your own email and password before
//! anything else. The same password rules as registration run live here and again on the server.

use super::api::CompleteSetup;
use crate::components::alert::Tone;
use crate::components::{Alert, Field, PageSpinner, PublicLayout, SubmitButton};
use crate::domain::{Email, PasswordPolicy};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn SetupPage() -> impl IntoView {
    let status = Resource::new(|| (), |_| super::api::setup_status());
    view! {
        <Title text="Set up your login"/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="setup-title">
                <Suspense fallback=|| view! { <PageSpinner/> }>
                    {move || status.get().map(|r| match r {
                        Ok(number) => view! { <SetupForm number/> }.into_any(),
                        Err(_) => view! {
                            <h1 id="setup-title">"Sign in again"</h1>
                            <Alert tone=Tone::Info>"This set-up has expired or is already done. Set-up must be finished within 15 minutes of signing in with the temporary password."</Alert>
                            <p><A href="/login" attr:class="btn btn-primary btn-inline">"Back to sign in"</A></p>
                        }.into_any(),
                    })}
                </Suspense>
            </section>
        </PublicLayout>
    }
}

#[component]
fn SetupForm(number: String) -> impl IntoView {
    let action = ServerAction::<CompleteSetup>::new();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let email_error = RwSignal::new(None::<String>);
    let password_error = RwSignal::new(None::<String>);
    let confirm_error = RwSignal::new(None::<String>);
    let general = RwSignal::new(None::<String>);
    Effect::new(move |_| match action.value().get() {
        Some(Ok(step)) => {
            let _ = window().location().assign(step.next_path());
        }
        Some(Err(AppError::Validation { field, issue })) => {
            let msg = Some(issue.message());
            match field.as_str() {
                "email" => email_error.set(msg),
                "password" => password_error.set(msg),
                _ => confirm_error.set(msg),
            }
        }
        Some(Err(e)) => general.set(Some(e.message())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        general.set(None);
        let parsed = Email::parse(&email.get_untracked());
        let e = parsed.as_ref().err().map(|i| i.message());
        let p = PasswordPolicy::check(&password.get_untracked(), parsed.as_ref().ok(), |_| false)
            .err()
            .map(|i| i.message());
        let c =
            PasswordPolicy::check_confirmation(&password.get_untracked(), &confirm.get_untracked())
                .err()
                .map(|i| i.message());
        email_error.set(e.clone());
        password_error.set(p.clone());
        confirm_error.set(c.clone());
        if e.is_none() && p.is_none() && c.is_none() {
            action.dispatch(CompleteSetup {
                email: email.get_untracked(),
                password: password.get_untracked(),
                password_confirm: confirm.get_untracked(),
            });
        }
    };
    let rules = format!(
        "At least {} characters ({} or more recommended). Long passphrases are welcome.",
        PasswordPolicy::MIN,
        PasswordPolicy::RECOMMENDED
    );
    view! {
        <h1 id="setup-title">"Set up your login"</h1>
        <p>"You signed in to contract " <strong>{number}</strong> " with a temporary password. Choose the email address and password you will use from now on. We will send a code to the new address to confirm it."</p>
        {move || general.get().map(|m| view! { <Alert tone=Tone::Error>{m}</Alert> })}
        <form on:submit=submit novalidate>
            <Field id="email" label="Your email address" kind="email" autocomplete="email" value=email error=email_error required=true/>
            <Field id="password" label="New password" kind="password" autocomplete="new-password" value=password error=password_error hint=rules required=true/>
            <Field id="password_confirm" label="Repeat the new password" kind="password" autocomplete="new-password" value=confirm error=confirm_error required=true/>
            <SubmitButton label="Save and continue" busy_label="Saving…" pending=action.pending()/>
        </form>
    }
}
