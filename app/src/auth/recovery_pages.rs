//! Forgot password, reset password and forgot username pages.

use super::api::{RequestPasswordReset, RequestUsernameReminder, ResetPassword, UnlockAccount};
use crate::components::alert::Tone;
use crate::components::{Alert, Field, PublicLayout, SubmitButton};
use crate::domain::{Email, PasswordPolicy};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
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
        <Title text="Forgot your password?"/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="forgot-title">
                <h1 id="forgot-title">"Forgot your password?"</h1>
                {move || match action.value().get() {
                    Some(Ok(())) => view! {
                        <Alert tone=Tone::Success>
                            <p>"If an account uses " <strong>{email.get_untracked()}</strong> ", we have sent it a link to reset the password. The link expires in 1 hour."</p>
                        </Alert>
                        <p>"No email? Check your spam folder. " <A href="/login">"Back to sign in"</A></p>
                    }.into_any(),
                    other => view! {
                        {other.and_then(|r| r.err()).map(|e| view! { <Alert tone=Tone::Error>{e.message()}</Alert> })}
                        <p>"Enter the email address you registered with. We will email you a link to choose a new password."</p>
                        <form on:submit=submit novalidate>
                            <Field id="email" label="Email address" kind="email" autocomplete="username" value=email error=error required=true/>
                            <SubmitButton label="Continue" busy_label="Sending…" pending=action.pending()/>
                        </form>
                        <p class="aside"><A href="/forgot-username">"Forgot which email you used?"</A></p>
                    }.into_any(),
                }}
            </section>
        </PublicLayout>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
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
        <Title text="Reset your password"/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="reset-title">
                <h1 id="reset-title">"Reset your password"</h1>
                {move || match action.value().get() {
                    Some(Ok(())) => view! {
                        <Alert tone=Tone::Success><p>"Your password was reset. For your security, every device was signed out."</p></Alert>
                        <p><A href="/login" attr:class="btn btn-primary btn-inline">"Sign in"</A></p>
                    }.into_any(),
                    _ => view! {
                        {move || general().map(|e| view! { <Alert tone=Tone::Error><p>{e.message()}</p><p><A href="/forgot-password">"Ask for a new link"</A></p></Alert> })}
                        <form on:submit=submit novalidate>
                            <Field id="password" label="New password" kind="password" autocomplete="new-password"
                                hint=format!("At least {} characters; {} or more is recommended.", PasswordPolicy::MIN, PasswordPolicy::RECOMMENDED)
                                value=password error=pw_error required=true/>
                            <Field id="password_confirm" label="Confirm new password" kind="password" autocomplete="new-password" value=confirm error=confirm_error required=true/>
                            <SubmitButton label="Reset Your Password" busy_label="Saving…" pending=action.pending()/>
                        </form>
                    }.into_any(),
                }}
            </section>
        </PublicLayout>
    }
}

#[component]
pub fn ForgotUsernamePage() -> impl IntoView {
    let action = ServerAction::<RequestUsernameReminder>::new();
    let number = RwSignal::new(String::new());
    let last = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    let number_error = Signal::derive(move || {
        (submitted.get() && number.get().trim().is_empty())
            .then(|| "Enter your contract number.".to_string())
    });
    let last_error = Signal::derive(move || {
        (submitted.get() && last.get().trim().is_empty())
            .then(|| "Enter your last name.".to_string())
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
        <Title text="Forgot your username?"/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="username-title">
                <h1 id="username-title">"Forgot your username?"</h1>
                {move || match action.value().get() {
                    Some(Ok(())) => view! {
                        <Alert tone=Tone::Success><p>"If a login is linked to that contract, we have emailed its username to the address it uses."</p></Alert>
                        <p><A href="/login">"Back to sign in"</A></p>
                    }.into_any(),
                    other => view! {
                        {other.and_then(|r| r.err()).map(|e| view! { <Alert tone=Tone::Error>{e.message()}</Alert> })}
                        <p>"Your username is the email address you registered with. Enter your contract number and last name and we will email a reminder to that address."</p>
                        <form on:submit=submit novalidate>
                            <Field id="contract_number" label="Contract number" hint="On your contract and statements, for example LN-2023-004512." value=number error=number_error required=true/>
                            <Field id="last_name" label="Last name" autocomplete="family-name" value=last error=last_error required=true/>
                            <SubmitButton label="Send reminder" busy_label="Sending…" pending=action.pending()/>
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
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let action = ServerAction::<UnlockAccount>::new();
    Effect::new(move |_| {
        let t = token();
        if !t.is_empty() && action.version().get_untracked() == 0 {
            action.dispatch(UnlockAccount { token: t });
        }
    });
    view! {
        <Title text="Unlock your login"/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="unlock-title">
                <h1 id="unlock-title">"Unlock your login"</h1>
                {move || match action.value().get() {
                    Some(Ok(())) => view! {
                        <Alert tone=Tone::Success><p>"Your login is unlocked. You can sign in now."</p></Alert>
                        <p><A href="/login" attr:class="btn btn-primary btn-inline">"Sign in"</A></p>
                    }.into_any(),
                    Some(Err(e)) => view! { <Alert tone=Tone::Error><p>{e.message()}</p><p><A href="/forgot-password">"Reset your password instead"</A></p></Alert> }.into_any(),
                    None => view! {
                        <form on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); action.dispatch(UnlockAccount { token: token() }); }>
                            <p>"Unlocking…"</p>
                            <SubmitButton label="Unlock my login" busy_label="Unlocking…" pending=action.pending()/>
                        </form>
                    }.into_any(),
                }}
            </section>
        </PublicLayout>
    }
}
