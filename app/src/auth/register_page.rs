//! Registration (seed 001 "Register your BMW login", our own brand): name, email as username,
//! password twice, terms. Every field is checked as you go (after you leave it) with the same
//! validators the server runs; server-side problems land on the field they belong to.

use super::api::Register;
use super::{fields, RegisterInput};
use crate::components::alert::Tone;
use crate::components::{Alert, CheckboxField, Field, SubmitButton};
use crate::domain::PasswordPolicy;
use crate::i18n::{t, tf};
use crate::shell::PublicLayout;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use std::collections::HashSet;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let l = crate::i18n::current();
    let action = ServerAction::<Register>::new();
    // Only a success swaps the form for the confirmation: a refusal must leave the form (and what
    // was typed) in place, with the server's message on its field.
    let done = Memo::new(move |_| action.value().get().and_then(|r| r.ok()));
    view! {
        <Title text=t(l, "register-title")/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="register-title">
                {move || match done.get() {
                    Some(email) => view! { <RegisterDone email/> }.into_any(),
                    None => view! {
                        <h1 id="register-title">{t(l, "register-title")}</h1>
                        <p class="lead">{t(l, "register-lead")}</p>
                        <RegisterForm action/>
                        <p class="aside">{t(l, "register-already")}" " <A href="/login">{t(l, "register-sign-in-link")}</A></p>
                    }.into_any(),
                }}
            </section>
        </PublicLayout>
    }
}

#[component]
fn RegisterDone(email: String) -> impl IntoView {
    let l = crate::i18n::current();
    view! {
        <h1 id="register-title">{t(l, "register-done-title")}</h1>
        <Alert tone=Tone::Success>
            <p>{t(l, "register-done-sent-before")}" " <strong data-testid="registered-email">{email}</strong> {t(l, "register-done-sent-after")}</p>
        </Alert>
        <p>{t(l, "register-done-open")}</p>
        <p>{t(l, "register-done-no-email")}</p>
        <p><A href="/login" attr:class="btn btn-secondary">{t(l, "register-done-go-sign-in")}</A></p>
    }
}

/// The form itself (mounted on its own by the browser tests).
#[component]
pub fn RegisterForm(action: ServerAction<Register>) -> impl IntoView {
    let l = crate::i18n::current();
    let first = RwSignal::new(String::new());
    let last = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let terms = RwSignal::new(false);
    let touched = RwSignal::new(HashSet::<&'static str>::new());
    let submitted = RwSignal::new(false);

    let input = Memo::new(move |_| RegisterInput {
        first_name: first.get(),
        last_name: last.get(),
        email: email.get(),
        password: password.get(),
        password_confirm: confirm.get(),
        accept_terms: terms.get(),
    });
    // Problems found in the browser, by field.
    let issues = Memo::new(move |_| input.get().parse(|_| false).err().unwrap_or_default());
    // The server's answer, shown on its field until that field is edited.
    let server_issue = RwSignal::new(None::<(String, String)>);
    Effect::new(move |_| {
        if let Some(Err(e)) = action.value().get() {
            server_issue.set(Some((e.field().unwrap_or("").to_string(), e.message())));
        }
    });

    let error_for = move |field: &'static str| {
        Signal::derive(move || {
            if let Some((f, msg)) = server_issue.get() {
                if f == field {
                    return Some(msg);
                }
            }
            if !(submitted.get() || touched.get().contains(field)) {
                return None;
            }
            issues
                .get()
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, i)| i.message())
        })
    };
    let touch = move |field: &'static str| {
        Callback::new(move |_| {
            touched.update(|t| {
                t.insert(field);
            })
        })
    };
    // Editing a field clears the server's message on it (not the first run: nothing was edited).
    let clears = move |field: &'static str, sig: RwSignal<String>| {
        Effect::new(move |first_run: Option<()>| {
            sig.track();
            if first_run.is_some() {
                server_issue.update(|s| {
                    if s.as_ref().is_some_and(|(f, _)| f == field) {
                        *s = None;
                    }
                });
            }
        });
    };
    clears(fields::EMAIL, email);
    clears(fields::PASSWORD, password);
    clears(fields::FIRST_NAME, first);
    clears(fields::LAST_NAME, last);

    let general_error = move || {
        server_issue
            .get()
            .and_then(|(f, msg)| f.is_empty().then_some(msg))
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        server_issue.set(None);
        let problems = issues.get_untracked();
        if problems.is_empty() {
            let i = input.get_untracked();
            action.dispatch(Register {
                first_name: i.first_name,
                last_name: i.last_name,
                email: i.email,
                password: i.password,
                password_confirm: i.password_confirm,
                accept_terms: Some("on".into()),
                website: Some(String::new()),
            });
        } else if let Some(el) = document().get_element_by_id(problems[0].0) {
            // Move focus to the first problem so keyboard and screen-reader users land on it.
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };
    let count = move || {
        let n = password.get().chars().count();
        if n == 0 {
            String::new()
        } else if n < PasswordPolicy::RECOMMENDED {
            tf(
                l,
                "register-password-count-short",
                &[("n", n.into()), ("rec", PasswordPolicy::RECOMMENDED.into())],
            )
        } else {
            tf(l, "register-password-count-good", &[("n", n.into())])
        }
    };

    view! {
        <form method="post" action="/api/register" on:submit=on_submit novalidate id="register-form">
            {move || general_error().map(|m| view! { <Alert tone=Tone::Error>{m}</Alert> })}
            <p class="hint">{t(l, "register-required-note")}</p>
            <div class="field-row">
                <Field id=fields::FIRST_NAME label=t(l, "register-first-name") autocomplete="given-name" value=first error=error_for(fields::FIRST_NAME) on_blur=touch(fields::FIRST_NAME) required=true/>
                <Field id=fields::LAST_NAME label=t(l, "register-last-name") autocomplete="family-name" value=last error=error_for(fields::LAST_NAME) on_blur=touch(fields::LAST_NAME) required=true/>
            </div>
            <Field id=fields::EMAIL label=t(l, "register-email-label") kind="email" autocomplete="email" value=email error=error_for(fields::EMAIL) on_blur=touch(fields::EMAIL) required=true/>
            <Field id=fields::PASSWORD label=t(l, "register-password-label") kind="password" autocomplete="new-password"
                hint=tf(l, "register-password-hint", &[("min", PasswordPolicy::MIN.into()), ("rec", PasswordPolicy::RECOMMENDED.into())])
                value=password error=error_for(fields::PASSWORD) on_blur=touch(fields::PASSWORD) required=true/>
            <p class="hint live-count" aria-live="polite">{count}</p>
            <Field id=fields::PASSWORD_CONFIRM label=t(l, "register-confirm-label") kind="password" autocomplete="new-password" value=confirm error=error_for(fields::PASSWORD_CONFIRM) on_blur=touch(fields::PASSWORD_CONFIRM) required=true/>
            <div class="hp" aria-hidden="true">
                <label for="website">{t(l, "register-honeypot")}</label>
                <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
            </div>
            <CheckboxField id=fields::ACCEPT_TERMS checked=terms error=error_for(fields::ACCEPT_TERMS)>
                {t(l, "register-terms-before")}" " <A href="/terms">{t(l, "register-terms-link")}</A>
            </CheckboxField>
            <SubmitButton label=t(l, "register-submit") busy_label=t(l, "register-submit-busy") pending=action.pending() id="register-submit"/>
        </form>
    }
}
