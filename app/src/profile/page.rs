//! /profile/sign-in (password and email) and /confirm-email.

use super::api::{ChangePassword, ConfirmEmailChange, RequestEmailChange};
use crate::components::alert::Tone;
use crate::components::toast::use_toasts;
use crate::components::token_link::{submit_once, TokenLinkForm};
use crate::components::{Alert, Field, SubmitButton};
use crate::domain::PasswordPolicy;
use crate::error::AppError;
use crate::i18n::{t, tf};
use crate::shell::PublicLayout;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The server's error for one field, from a function returning the action's latest error.
fn field_error(
    error: impl Fn() -> Option<AppError> + Send + Sync + 'static,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        error()
            .filter(|e| e.field() == Some(field))
            .map(|e| e.message())
    })
}

#[component]
pub fn SignInDetailsPage() -> impl IntoView {
    let l = crate::i18n::current();
    view! {
        <Title text=t(l, "profile-sign-in-title")/>
        <h1>{t(l, "profile-sign-in-title")}</h1>
        <PasswordForm/>
        <EmailForm/>
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    let l = crate::i18n::current();
    let action = ServerAction::<ChangePassword>::new();
    let (current, new, confirm) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let submitted = RwSignal::new(false);
    let local_new = Signal::derive(move || {
        submitted
            .get()
            .then(|| {
                PasswordPolicy::check(&new.get(), None, |_| false)
                    .err()
                    .map(|i| i.message())
            })
            .flatten()
    });
    let local_confirm = Signal::derive(move || {
        submitted
            .get()
            .then(|| {
                PasswordPolicy::check_confirmation(&new.get(), &confirm.get())
                    .err()
                    .map(|i| i.message())
            })
            .flatten()
    });
    let server_current = field_error(
        move || action.value().get().and_then(|r| r.err()),
        "current_password",
    );
    let server_new = field_error(
        move || action.value().get().and_then(|r| r.err()),
        "new_password",
    );
    let new_error = Signal::derive(move || local_new.get().or_else(|| server_new.get()));
    let general = move || {
        action
            .value()
            .get()
            .and_then(|r| r.err())
            .filter(|e| e.field().is_none())
    };
    let toasts = use_toasts();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            toasts.show(t(l, "profile-password-changed-toast"));
            current.set(String::new());
            new.set(String::new());
            confirm.set(String::new());
            submitted.set(false);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        if local_new.get_untracked().is_none() && local_confirm.get_untracked().is_none() {
            action.dispatch(ChangePassword {
                current_password: current.get_untracked(),
                new_password: new.get_untracked(),
                new_password_confirm: confirm.get_untracked(),
            });
        }
    };
    view! {
        <section class="card narrow-left" aria-labelledby="pw-title">
            <h2 id="pw-title">{t(l, "profile-password-title")}</h2>
            {move || general().map(|e| view! { <Alert tone=Tone::Error>{e.message()}</Alert> })}
            {move || matches!(action.value().get(), Some(Ok(()))).then(|| view! { <Alert tone=Tone::Success>{t(l, "profile-password-changed")}</Alert> })}
            <form on:submit=submit novalidate>
                <Field id="current_password" label=t(l, "profile-current-password") kind="password" autocomplete="current-password" value=current error=server_current required=true/>
                <Field id="new_password" label=t(l, "profile-new-password") kind="password" autocomplete="new-password" hint=tf(l, "profile-new-password-hint", &[("min", PasswordPolicy::MIN.into()), ("recommended", PasswordPolicy::RECOMMENDED.into())]) value=new error=new_error required=true/>
                <Field id="new_password_confirm" label=t(l, "profile-confirm-password") kind="password" autocomplete="new-password" value=confirm error=local_confirm required=true/>
                <SubmitButton label=t(l, "profile-change-password") busy_label=t(l, "profile-saving") pending=action.pending()/>
            </form>
        </section>
    }
}

#[component]
fn EmailForm() -> impl IntoView {
    let l = crate::i18n::current();
    let action = ServerAction::<RequestEmailChange>::new();
    let (current, email) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let server_current = field_error(
        move || action.value().get().and_then(|r| r.err()),
        "current_password",
    );
    let server_email = field_error(
        move || action.value().get().and_then(|r| r.err()),
        "new_email",
    );
    let general = move || {
        action
            .value()
            .get()
            .and_then(|r| r.err())
            .filter(|e| e.field().is_none())
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(RequestEmailChange {
            current_password: current.get_untracked(),
            new_email: email.get_untracked(),
        });
    };
    view! {
        <section class="card narrow-left" aria-labelledby="email-title">
            <h2 id="email-title">{t(l, "profile-email-title")}</h2>
            {move || general().map(|e| view! { <Alert tone=Tone::Error>{e.message()}</Alert> })}
            {move || match action.value().get() {
                Some(Ok(to)) => Some(view! { <Alert tone=Tone::Success>{t(l, "profile-email-sent-before")}" "<strong>{to}</strong>{t(l, "profile-email-sent-after")}</Alert> }),
                _ => None,
            }}
            <form on:submit=submit novalidate>
                <Field id="new_email" label=t(l, "profile-new-email") kind="email" autocomplete="email" value=email error=server_email required=true/>
                <Field id="email_current_password" label=t(l, "profile-current-password") kind="password" autocomplete="current-password" value=current error=server_current required=true/>
                <SubmitButton label=t(l, "profile-send-link") busy_label=t(l, "profile-sending") pending=action.pending()/>
            </form>
        </section>
    }
}

#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let l = crate::i18n::current();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let action = ServerAction::<ConfirmEmailChange>::new();
    submit_once(action, token, |token| ConfirmEmailChange { token });
    view! {
        <Title text=t(l, "profile-confirm-title")/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="confirm-title">
                <h1 id="confirm-title">{t(l, "profile-confirm-title")}</h1>
                {move || match action.value().get() {
                    Some(Ok(email)) => view! { <Alert tone=Tone::Success><p>{t(l, "profile-confirmed-before")}" "<strong>{email}</strong>{t(l, "profile-confirmed-after")}</p></Alert><p><A href="/login">{t(l, "profile-sign-in")}</A></p> }.into_any(),
                    Some(Err(e)) => view! { <Alert tone=Tone::Error>{e.message()}</Alert> }.into_any(),
                    None => view! {
                        <TokenLinkForm endpoint=ConfirmEmailChange::url() token=Signal::derive(token) pending=action.pending()
                            on_submit=Callback::new(move |token| { action.dispatch(ConfirmEmailChange { token }); })
                            progress=t(l, "profile-confirming") label=t(l, "profile-confirm-submit") busy_label=t(l, "profile-confirm-submit-busy")/>
                    }.into_any(),
                }}
            </section>
        </PublicLayout>
    }
}
