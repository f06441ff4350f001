//! Forgot password, reset password and forgot username pages.

use super::api::{RequestPasswordReset, RequestUsernameReminder, ResetPassword, UnlockAccount};
use crate::components::alert::Tone;
use crate::components::token_link::{submit_once, TokenLinkForm};
use crate::components::{Alert, Field, SubmitButton};
use crate::domain::{Email, PasswordPolicy};
use crate::i18n::{t, tf};
use crate::shell::PublicLayout;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let l = crate::i18n::current();
    let action = ServerAction::<RequestPasswordReset>::new();
    let email = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Email::parse(&email.get_untracked()) {
            Ok(e) => {
                error.set(None);
                action.dispatch(RequestPasswordReset {
                    email: e.to_string(),
                });
            }
            Err(i) => error.set(Some(i.message())),
        }
    };
    view! {
        <Title text=t(l, "forgot-password-title")/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="forgot-title">
                <h1 id="forgot-title">{t(l, "forgot-password-title")}</h1>
                {move || match action.value().get() {
                    Some(Ok(())) => view! {
                        <Alert tone=Tone::Success>
                            <p>{t(l, "forgot-password-sent-before")}" " <strong>{email.get_untracked()}</strong> {t(l, "forgot-password-sent-after")}</p>
                        </Alert>
                        <p>{t(l, "forgot-password-no-email")}" " <A href="/login">{t(l, "forgot-password-back")}</A></p>
                    }.into_any(),
                    other => view! {
                        {other.and_then(|r| r.err()).map(|e| view! { <Alert tone=Tone::Error>{e.message()}</Alert> })}
                        <p>{t(l, "forgot-password-intro")}</p>
                        <form on:submit=submit novalidate>
                            <Field id="email" label=t(l, "forgot-password-email-label") kind="email" autocomplete="username" value=email error=error required=true/>
                            <SubmitButton label=t(l, "forgot-password-submit") busy_label=t(l, "forgot-password-submit-busy") pending=action.pending()/>
                        </form>
                        <p class="aside"><A href="/forgot-username">{t(l, "forgot-password-which-email")}</A></p>
                    }.into_any(),
                }}
            </section>
        </PublicLayout>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let l = crate::i18n::current();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let action = ServerAction::<ResetPassword>::new();
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    let pw_error = Signal::derive(move || {
        let server = action
            .value()
            .get()
            .and_then(|r| r.err())
            .filter(|e| e.field() == Some("password"))
            .map(|e| e.message());
        server.or_else(|| {
            submitted
                .get()
                .then(|| {
                    PasswordPolicy::check(&password.get(), None, |_| false)
                        .err()
                        .map(|i| i.message())
                })
                .flatten()
        })
    });
    let confirm_error = Signal::derive(move || {
        submitted
            .get()
            .then(|| {
                PasswordPolicy::check_confirmation(&password.get(), &confirm.get())
                    .err()
                    .map(|i| i.message())
            })
            .flatten()
    });
    let general = move || {
        action
            .value()
            .get()
            .and_then(|r| r.err())
            .filter(|e| e.field().is_none())
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        if pw_error.get_untracked().is_none() && confirm_error.get_untracked().is_none() {
            action.dispatch(ResetPassword {
                token: token(),
                password: password.get_untracked(),
                password_confirm: confirm.get_untracked(),
            });
        }
    };
    view! {
        <Title text=t(l, "reset-title")/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="reset-title">
                <h1 id="reset-title">{t(l, "reset-title")}</h1>
                {move || match action.value().get() {
                    Some(Ok(())) => view! {
                        <Alert tone=Tone::Success><p>{t(l, "reset-done")}</p></Alert>
                        <p><A href="/login" attr:class="btn btn-primary btn-inline">{t(l, "reset-sign-in")}</A></p>
                    }.into_any(),
                    _ => view! {
                        {move || general().map(|e| view! { <Alert tone=Tone::Error><p>{e.message()}</p><p><A href="/forgot-password">{t(l, "reset-new-link")}</A></p></Alert> })}
                        <form on:submit=submit novalidate>
                            <Field id="password" label=t(l, "reset-password-label") kind="password" autocomplete="new-password"
                                hint=tf(l, "reset-password-hint", &[("min", PasswordPolicy::MIN.into()), ("rec", PasswordPolicy::RECOMMENDED.into())])
                                value=password error=pw_error required=true/>
                            <Field id="password_confirm" label=t(l, "reset-confirm-label") kind="password" autocomplete="new-password" value=confirm error=confirm_error required=true/>
                            <SubmitButton label=t(l, "reset-submit") busy_label=t(l, "reset-submit-busy") pending=action.pending()/>
                        </form>
                    }.into_any(),
                }}
            </section>
        </PublicLayout>
    }
}

#[component]
pub fn ForgotUsernamePage() -> impl IntoView {
    let l = crate::i18n::current();
    let action = ServerAction::<RequestUsernameReminder>::new();
    let number = RwSignal::new(String::new());
    let last = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    let number_error = Signal::derive(move || {
        (submitted.get() && number.get().trim().is_empty())
            .then(|| t(l, "forgot-username-contract-required"))
    });
    let last_error = Signal::derive(move || {
        (submitted.get() && last.get().trim().is_empty())
            .then(|| t(l, "forgot-username-last-name-required"))
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        if number_error.get_untracked().is_none() && last_error.get_untracked().is_none() {
            action.dispatch(RequestUsernameReminder {
                contract_number: number.get_untracked(),
                last_name: last.get_untracked(),
            });
        }
    };
    view! {
        <Title text=t(l, "forgot-username-title")/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="username-title">
                <h1 id="username-title">{t(l, "forgot-username-title")}</h1>
                {move || match action.value().get() {
                    Some(Ok(())) => view! {
                        <Alert tone=Tone::Success><p>{t(l, "forgot-username-sent")}</p></Alert>
                        <p><A href="/login">{t(l, "forgot-username-back")}</A></p>
                    }.into_any(),
                    other => view! {
                        {other.and_then(|r| r.err()).map(|e| view! { <Alert tone=Tone::Error>{e.message()}</Alert> })}
                        <p>{t(l, "forgot-username-intro")}</p>
                        <form on:submit=submit novalidate>
                            <Field id="contract_number" label=t(l, "forgot-username-contract-label") hint=t(l, "forgot-username-contract-hint") value=number error=number_error required=true/>
                            <Field id="last_name" label=t(l, "forgot-username-last-name-label") autocomplete="family-name" value=last error=last_error required=true/>
                            <SubmitButton label=t(l, "forgot-username-submit") busy_label=t(l, "forgot-username-submit-busy") pending=action.pending()/>
                        </form>
                    }.into_any(),
                }}
            </section>
        </PublicLayout>
    }
}

/// The page an unlock link opens; like activation, the token is used by a POST from the page.
#[component]
pub fn UnlockPage() -> impl IntoView {
    let l = crate::i18n::current();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let action = ServerAction::<UnlockAccount>::new();
    submit_once(action, token, |token| UnlockAccount { token });
    view! {
        <Title text=t(l, "unlock-title")/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="unlock-title">
                <h1 id="unlock-title">{t(l, "unlock-title")}</h1>
                {move || match action.value().get() {
                    Some(Ok(())) => view! {
                        <Alert tone=Tone::Success><p>{t(l, "unlock-done")}</p></Alert>
                        <p><A href="/login" attr:class="btn btn-primary btn-inline">{t(l, "unlock-sign-in")}</A></p>
                    }.into_any(),
                    Some(Err(e)) => view! { <Alert tone=Tone::Error><p>{e.message()}</p><p><A href="/forgot-password">{t(l, "unlock-reset-instead")}</A></p></Alert> }.into_any(),
                    None => view! {
                        <TokenLinkForm endpoint=UnlockAccount::url() token=Signal::derive(token) pending=action.pending()
                            on_submit=Callback::new(move |token| { action.dispatch(UnlockAccount { token }); })
                            progress=t(l, "unlock-progress") label=t(l, "unlock-submit") busy_label=t(l, "unlock-submit-busy")/>
                    }.into_any(),
                }}
            </section>
        </PublicLayout>
    }
}
