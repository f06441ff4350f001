//! Link Account: names + (VIN and last payment | Customer ID), then Authorize Device with the
//! emailed code, then a confirmation listing the linked contracts.

use super::api::{AuthorizeDevice, LinkContract};
use super::{LinkInput, LinkOutcome};
use crate::components::alert::Tone;
use crate::components::toast::CopyButton;
use crate::components::{Alert, Field, SubmitButton};
use crate::error::AppError;
use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use std::collections::HashSet;

#[component]
pub fn LinkPage() -> impl IntoView {
    let l = crate::i18n::current();
    let link = ServerAction::<LinkContract>::new();
    let authorize = ServerAction::<AuthorizeDevice>::new();
    let linked = Memo::new(
        move |_| match (link.value().get(), authorize.value().get()) {
            (_, Some(Ok(numbers))) => Some(numbers),
            (Some(Ok(LinkOutcome::Linked(numbers))), _) => Some(numbers),
            _ => None,
        },
    );
    let code_sent = Memo::new(move |_| match link.value().get() {
        Some(Ok(LinkOutcome::CodeSent(email))) => Some(email),
        _ => None,
    });
    view! {
        <Title text=t(l, "link-title")/>
        {move || match (linked.get(), code_sent.get()) {
            (Some(numbers), _) => view! { <Linked numbers/> }.into_any(),
            (None, Some(email)) => view! { <AuthorizeStep email authorize/> }.into_any(),
            _ => view! { <LinkForm link/> }.into_any(),
        }}
    }
}

#[component]
fn Linked(numbers: Vec<String>) -> impl IntoView {
    let l = crate::i18n::current();
    crate::components::toast::use_toasts().show(t(l, "link-toast-linked"));
    view! {
        <h1>{t(l, "link-linked-title")}</h1>
        <Alert tone=Tone::Success>
            <p>{t(l, "link-linked-intro")}</p>
            <ul>{numbers.into_iter().map(|n| view! {
                <li><strong>{n.clone()}</strong><CopyButton text=n label=t(l, "link-copy-what")/></li>
            }).collect_view()}</ul>
        </Alert>
        <p><a href="/dashboard" class="btn btn-primary btn-inline">{t(l, "link-go-to-dashboard")}</a></p>
    }
}

#[component]
fn AuthorizeStep(email: String, authorize: ServerAction<AuthorizeDevice>) -> impl IntoView {
    let l = crate::i18n::current();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Err(e)) = authorize.value().get() {
            error.set(Some(e.message()));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c: String = code
            .get_untracked()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if c.len() != 6 || !c.chars().all(|d| d.is_ascii_digit()) {
            error.set(Some(t(l, "link-code-invalid")));
            return;
        }
        error.set(None);
        authorize.dispatch(AuthorizeDevice { code: c });
    };
    view! {
        <h1>{t(l, "link-authorize-title")}</h1>
        <section class="card narrow-left" aria-labelledby="auth-title">
            <h2 id="auth-title" class="visually-hidden">{t(l, "link-authorize-subtitle")}</h2>
            <p>{t(l, "link-code-sent-before")} " " <strong>{email}</strong> {t(l, "link-code-sent-after")}</p>
            <form on:submit=submit novalidate>
                <Field id="code" label=t(l, "link-code-label") kind="text" autocomplete="one-time-code" inputmode="numeric" value=code error=error required=true/>
                <SubmitButton label=t(l, "link-authorize-button") busy_label=t(l, "link-authorize-busy") pending=authorize.pending()/>
            </form>
            <p class="aside">{t(l, "link-no-email")}</p>
        </section>
    }
}

#[component]
fn LinkForm(link: ServerAction<LinkContract>) -> impl IntoView {
    let l = crate::i18n::current();
    let first = RwSignal::new(String::new());
    let last = RwSignal::new(String::new());
    let vin = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let card = RwSignal::new(String::new());
    let method = RwSignal::new("vin".to_string());
    let touched = RwSignal::new(HashSet::<&'static str>::new());
    let submitted = RwSignal::new(false);
    let input = Memo::new(move |_| LinkInput {
        first_name: first.get(),
        last_name: last.get(),
        method: method.get(),
        vin: vin.get(),
        last_payment: amount.get(),
        customer_id: card.get(),
    });
    let issues = Memo::new(move |_| input.get().parse().err().unwrap_or_default());
    let err = move |f: &'static str| {
        Signal::derive(move || {
            (submitted.get() || touched.get().contains(f))
                .then(|| {
                    issues
                        .get()
                        .iter()
                        .find(|(x, _)| *x == f)
                        .map(|(_, i)| i.message())
                })
                .flatten()
        })
    };
    let touch = move |f: &'static str| {
        Callback::new(move |_| {
            touched.update(|t| {
                t.insert(f);
            })
        })
    };
    let server_error = move || link.value().get().and_then(|r| r.err());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        if issues.get_untracked().is_empty() {
            let i = input.get_untracked();
            link.dispatch(LinkContract {
                first_name: i.first_name,
                last_name: i.last_name,
                method: i.method,
                vin: i.vin,
                last_payment: i.last_payment,
                customer_id: i.customer_id,
            });
        }
    };
    let by_vin = move || method.get() == "vin";
    view! {
        <h1>{t(l, "link-title")}</h1>
        <section class="card narrow-left">
            <p>{t(l, "link-intro")}</p>
            {move || server_error().map(|e| {
                // "Call us" is never a dead end: the Contact page has the numbers and hours.
                let call_us = matches!(e, AppError::Conflict(crate::error::Conflict::ContractTaken));
                view! {
                    <Alert tone=Tone::Error>
                        <p>{e.message()}</p>
                        {call_us.then(|| view! { <p><A href="/help">{t(l, "contact-title")}</A></p> })}
                    </Alert>
                }
            })}
            <form on:submit=submit novalidate>
                <div class="field-row">
                    <Field id="first_name" label=t(l, "link-first-name") autocomplete="given-name" value=first error=err("first_name") on_blur=touch("first_name") required=true/>
                    <Field id="last_name" label=t(l, "link-last-name") autocomplete="family-name" value=last error=err("last_name") on_blur=touch("last_name") required=true/>
                </div>
                <fieldset class="choice">
                    <legend>{t(l, "link-method-legend")}</legend>
                    <label><input type="radio" name="method" value="vin" prop:checked=by_vin on:change=move |_| { submitted.set(false); method.set("vin".into()) }/>" " {t(l, "link-method-vin")}</label>
                    <label><input type="radio" name="method" value="customer_id" prop:checked=move || !by_vin() on:change=move |_| { submitted.set(false); method.set("customer_id".into()) }/>" " {t(l, "link-method-customer-id")}</label>
                </fieldset>
                <Show when=by_vin fallback=move || view! {
                    <Field id="customer_id" label=t(l, "link-customer-id-label") hint=t(l, "link-customer-id-hint") value=card error=err("customer_id") on_blur=touch("customer_id") required=true/>
                }>
                    <Field id="vin" label=t(l, "link-vin-label") hint=t(l, "link-vin-hint") autocomplete="off" value=vin error=err("vin") on_blur=touch("vin") required=true/>
                    <Field id="last_payment" label=t(l, "link-last-payment-label") hint=t(l, "link-last-payment-hint") kind="text" inputmode="decimal" value=amount error=err("last_payment") on_blur=touch("last_payment") required=true/>
                </Show>
                <SubmitButton label=t(l, "link-submit") busy_label=t(l, "link-submit-busy") pending=link.pending()/>
            </form>
        </section>
    }
}
