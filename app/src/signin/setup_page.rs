//! /login/setup — after a temporary-password sign-in: choose your own email and password before
//! anything else. The same password rules as registration run live here and again on the server.

use super::api::CompleteSetup;
use crate::components::alert::Tone;
use crate::components::{Alert, Field, PageSpinner, SubmitButton};
use crate::domain::{Email, PasswordPolicy};
use crate::error::AppError;
use crate::i18n::{t, tf};
use crate::shell::PublicLayout;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn SetupPage() -> impl IntoView {
    let l = crate::i18n::current();
    let status = Resource::new(|| (), |_| super::api::setup_status());
    view! {
        <Title text=t(l, "setup-title")/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="setup-title">
                <Suspense fallback=|| view! { <PageSpinner/> }>
                    {move || status.get().map(|r| match r {
                        Ok(number) => view! { <SetupForm number/> }.into_any(),
                        Err(_) => view! {
                            <h1 id="setup-title">{t(l, "setup-expired-title")}</h1>
                            <Alert tone=Tone::Info>{t(l, "setup-expired")}</Alert>
                            <p><A href="/login" attr:class="btn btn-primary btn-inline">{t(l, "setup-back")}</A></p>
                        }.into_any(),
                    })}
                </Suspense>
            </section>
        </PublicLayout>
    }
}

#[component]
fn SetupForm(number: String) -> impl IntoView {
    let l = crate::i18n::current();
    let action = ServerAction::<CompleteSetup>::new();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    // Asked for only when the server says the existing login has a second factor.
    let needs_second = RwSignal::new(false);
    let second_error = RwSignal::new(None::<String>);
    let email_error = RwSignal::new(None::<String>);
    let password_error = RwSignal::new(None::<String>);
    let confirm_error = RwSignal::new(None::<String>);
    let general = RwSignal::new(None::<String>);
    Effect::new(move |_| match action.value().get() {
        Some(Ok(step)) => {
            let _ = window().location().assign(&step.next_path(None));
        }
        Some(Err(AppError::Validation { field, issue })) => {
            let msg = Some(issue.message());
            match field.as_str() {
                "email" => email_error.set(msg),
                "password" => password_error.set(msg),
                "second_factor" => {
                    needs_second.set(true);
                    second_error.set(msg);
                }
                _ => confirm_error.set(msg),
            }
        }
        Some(Err(e)) => general.set(Some(e.message())),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        general.set(None);
        second_error.set(None);
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
                second_factor: second.get_untracked(),
            });
        }
    };
    let rules = tf(
        l,
        "setup-password-hint",
        &[
            ("min", PasswordPolicy::MIN.into()),
            ("rec", PasswordPolicy::RECOMMENDED.into()),
        ],
    );
    view! {
        <h1 id="setup-title">{t(l, "setup-title")}</h1>
        <p>{t(l, "setup-intro-before")}" " <strong>{number}</strong> " "{t(l, "setup-intro-after")}</p>
        {move || general.get().map(|m| view! { <Alert tone=Tone::Error>{m}</Alert> })}
        <form on:submit=submit novalidate>
            <Field id="email" label=t(l, "setup-email-label") kind="email" autocomplete="email" value=email error=email_error required=true/>
            <Field id="password" label=t(l, "setup-password-label") kind="password" autocomplete="new-password" value=password error=password_error hint=rules required=true/>
            <Field id="password_confirm" label=t(l, "setup-confirm-label") kind="password" autocomplete="new-password" value=confirm error=confirm_error required=true/>
            <Show when=move || needs_second.get()>
                <Field id="second_factor" label=t(l, "setup-second-factor-label") kind="text" autocomplete="one-time-code" value=second error=second_error hint=t(l, "setup-second-factor-hint") required=true/>
            </Show>
            <SubmitButton label=t(l, "setup-submit") busy_label=t(l, "setup-submit-busy") pending=action.pending()/>
        </form>
    }
}
