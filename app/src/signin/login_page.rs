//! Sign-in page. Shows why you are here (just activated, signed out, session ended), keeps the
//! typed email on failure, and offers a new activation link when the account is not yet active.
//! The username is an email address, or a contract number with a staff-issued temporary password;
//! a passkey signs in without either.

use super::api::{Login, LoginTemporary};
use super::LoginStep;
use crate::auth::api::ResendActivation;
use crate::components::alert::Tone;
use crate::components::{Alert, Field, SubmitButton};
use crate::domain::Email;
use crate::error::AppError;
use crate::i18n::t;
use crate::shell::PublicLayout;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let l = crate::i18n::current();
    let query = use_query_map();
    let reason = move || query.read().get("reason");
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let email_error = RwSignal::new(None::<String>);
    let password_error = RwSignal::new(None::<String>);
    let login = ServerAction::<Login>::new();
    let temporary = ServerAction::<LoginTemporary>::new();
    let resend = ServerAction::<ResendActivation>::new();
    let passkey_busy = RwSignal::new(false);
    let passkey_error = RwSignal::new(None::<String>);

    // Back to the page that sent the person here (a path on this site only).
    let go = move |step: LoginStep| {
        let _ = window()
            .location()
            .assign(&step.next_path(super::back_to().as_deref()));
    };
    Effect::new(move |_| {
        if let Some(Ok(step)) = login.value().get() {
            go(step);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(step)) = temporary.value().get() {
            go(step);
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = email.get_untracked();
        let contract = is_contract_number(&typed);
        let e = if contract {
            None
        } else {
            Email::parse(&typed).err().map(|i| i.message())
        };
        let p = password
            .get_untracked()
            .is_empty()
            .then(|| t(l, "login-password-required"));
        email_error.set(e.clone());
        password_error.set(p.clone());
        if e.is_none() && p.is_none() {
            if contract {
                temporary.dispatch(LoginTemporary {
                    contract_number: typed,
                    password: password.get_untracked(),
                });
            } else {
                login.dispatch(Login {
                    email: typed,
                    password: password.get_untracked(),
                });
            }
        }
    };
    let use_passkey = move |_| {
        passkey_busy.set(true);
        passkey_error.set(None);
        leptos::task::spawn_local(async move {
            let r = super::verify_page::passkey_sign_in().await;
            passkey_busy.set(false);
            match r {
                Ok(step) => go(step),
                Err(m) => passkey_error.set(Some(m)),
            }
        });
    };
    let failure = move || {
        login
            .value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| temporary.value().get().and_then(|r| r.err()))
    };
    let pending = Signal::derive(move || login.pending().get() || temporary.pending().get());

    view! {
        <Title text=t(l, "login-title")/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="login-title">
                <h1 id="login-title">{t(l, "login-title")}</h1>
                {move || match reason().as_deref() {
                    Some("activated") => Some(view! { <Alert tone=Tone::Success>{t(l, "login-activated")}</Alert> }.into_any()),
                    Some("signed_out") => Some(view! { <Alert tone=Tone::Info>{t(l, "login-signed-out")}</Alert> }.into_any()),
                    Some("signin") => Some(view! { <Alert tone=Tone::Info>{t(l, "login-session-ended")}</Alert> }.into_any()),
                    Some("unlocked") => Some(view! { <Alert tone=Tone::Success>{t(l, "unlock-done")}</Alert> }.into_any()),
                    Some("email_changed") => Some(view! { <Alert tone=Tone::Success>{t(l, "login-email-changed")}</Alert> }.into_any()),
                    _ => None,
                }}
                {move || failure().map(|e| {
                    let not_active = e == AppError::NotActivated;
                    view! {
                        <Alert tone=Tone::Error>
                            <p>{e.message()}</p>
                            {not_active.then(|| view! {
                                <button type="button" class="btn btn-link" on:click=move |_| { resend.dispatch(ResendActivation { email: email.get_untracked() }); }>
                                    {t(l, "login-resend-activation")}
                                </button>
                            })}
                        </Alert>
                    }
                })}
                {move || resend.value().get().map(|r| match r {
                    Ok(()) => view! { <Alert tone=Tone::Success>{t(l, "login-resend-sent")}</Alert> }.into_any(),
                    Err(e) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                })}
                <form method="post" action="/api/login" on:submit=on_submit novalidate>
                    <Field id="email" label=t(l, "login-email-label") kind="text" autocomplete="username" value=email error=email_error required=true
                        hint=t(l, "login-email-hint")/>
                    <Field id="password" label=t(l, "login-password-label") kind="password" autocomplete="current-password" value=password error=password_error required=true/>
                    <SubmitButton label=t(l, "login-submit") busy_label=t(l, "login-submit-busy") pending=pending/>
                </form>
                <div class="or-divider" role="separator"><span>{t(l, "login-or")}</span></div>
                {move || passkey_error.get().map(|m| view! { <Alert tone=Tone::Error>{m}</Alert> })}
                <button type="button" class="btn btn-secondary" on:click=use_passkey disabled=move || passkey_busy.get()
                    aria-busy=move || passkey_busy.get().to_string()>
                    {move || if passkey_busy.get() { t(l, "login-passkey-waiting") } else { t(l, "login-passkey") }}
                </button>
                <p class="aside"><A href="/forgot-password">{t(l, "login-forgot-password")}</A> " · " <A href="/forgot-username">{t(l, "login-forgot-username")}</A></p>
                <p class="aside">{t(l, "login-new-here")}" " <A href="/register">{t(l, "login-create-link")}</A></p>
                <p class="aside"><A href="/help">{t(l, "login-help")}</A></p>
            </section>
        </PublicLayout>
    }
}

/// "NS-70145528" (any case, spaces around): the login is a contract number, not an email.
pub fn is_contract_number(input: &str) -> bool {
    let t = input.trim();
    !t.contains('@')
        && t.len() >= 4
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    #[test]
    fn tells_contract_numbers_from_emails() {
        assert!(super::is_contract_number(" ns-70145528 "));
        assert!(!super::is_contract_number("anna@demo.example"));
        assert!(!super::is_contract_number("anna"));
    }
}
