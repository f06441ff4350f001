//! Registration (seed 001 "Register your BMW login", our own brand): name, email as username,
//! password twice, terms. Every field is checked as you go (after you leave it) with the same
//! validators the server runs; server-side problems land on the field they belong to.

use super::api::Register;
use super::{fields, RegisterInput};
use crate::components::alert::Tone;
use crate::components::{Alert, CheckboxField, Field, PublicLayout, SubmitButton};
use crate::domain::PasswordPolicy;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use std::collections::HashSet;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let action = ServerAction::<Register>::new();
    view! {
        <Title text="Create your login"/>
        <PublicLayout>
            <section class="card narrow" aria-labelledby="register-title">
                {move || match action.value().get() {
                    Some(Ok(email)) => view! { <RegisterDone email/> }.into_any(),
                    _ => view! {
                        <h1 id="register-title">"Create your login"</h1>
                        <p class="lead">"After this step you will link your finance contract. Have your full Vehicle Identification Number (VIN) and the amount of your last payment ready, or your Customer ID from your owner's card."</p>
                        <RegisterForm action/>
                        <p class="aside">"Already registered? " <A href="/login">"Sign in"</A></p>
                    }.into_any(),
                }}
            </section>
        </PublicLayout>
    }
}

#[component]
fn RegisterDone(email: String) -> impl IntoView {
    view! {
        <h1 id="register-title">"Check your email"</h1>
        <Alert tone=Tone::Success>
            <p>"We sent an activation link to " <strong data-testid="registered-email">{email}</strong> "."</p>
        </Alert>
        <p>"Open the message “Activate your account login” and select “Activate now”. The link works once and expires in 24 hours."</p>
        <p>"No email after a few minutes? Check your spam folder, or sign in and ask for a new link."</p>
        <p><A href="/login" attr:class="btn btn-secondary">"Go to sign in"</A></p>
    }
}

/// The form itself (mounted on its own by the browser tests).
#[component]
pub fn RegisterForm(action: ServerAction<Register>) -> impl IntoView {
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
    let clears = move |field: &'static str, sig: RwSignal<String>| {
        Effect::new(move |_| {
            sig.track();
            server_issue.update(|s| {
                if s.as_ref().is_some_and(|(f, _)| f == field) {
                    *s = None;
                }
            });
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
            format!(
                "{n} characters — {} or more is recommended.",
                PasswordPolicy::RECOMMENDED
            )
        } else {
            format!("{n} characters — good length.")
        }
    };

    view! {
        <form method="post" action="/api/register" on:submit=on_submit novalidate id="register-form">
            {move || general_error().map(|m| view! { <Alert tone=Tone::Error>{m}</Alert> })}
            <p class="hint">"All fields are required."</p>
            <div class="field-row">
                <Field id=fields::FIRST_NAME label="First name" autocomplete="given-name" value=first error=error_for(fields::FIRST_NAME) on_blur=touch(fields::FIRST_NAME) required=true/>
                <Field id=fields::LAST_NAME label="Last name" autocomplete="family-name" value=last error=error_for(fields::LAST_NAME) on_blur=touch(fields::LAST_NAME) required=true/>
            </div>
            <Field id=fields::EMAIL label="Email address (this will be your username)" kind="email" autocomplete="email" value=email error=error_for(fields::EMAIL) on_blur=touch(fields::EMAIL) required=true/>
            <Field id=fields::PASSWORD label="Password" kind="password" autocomplete="new-password"
                hint=format!("At least {} characters; {} or more is recommended. A phrase of a few words works well.", PasswordPolicy::MIN, PasswordPolicy::RECOMMENDED)
                value=password error=error_for(fields::PASSWORD) on_blur=touch(fields::PASSWORD) required=true/>
            <p class="hint live-count" aria-live="polite">{count}</p>
            <Field id=fields::PASSWORD_CONFIRM label="Confirm password" kind="password" autocomplete="new-password" value=confirm error=error_for(fields::PASSWORD_CONFIRM) on_blur=touch(fields::PASSWORD_CONFIRM) required=true/>
            <div class="hp" aria-hidden="true">
                <label for="website">"Leave this field empty"</label>
                <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
            </div>
            <CheckboxField id=fields::ACCEPT_TERMS checked=terms error=error_for(fields::ACCEPT_TERMS)>
                "I have read and accept the " <A href="/terms">"Terms of Use"</A>
            </CheckboxField>
            <SubmitButton label="Register now" busy_label="Creating your login…" pending=action.pending() id="register-submit"/>
        </form>
    }
}
