//! The "buy miles ahead" part of the lease-end page: until the lease-end window opens, whole miles
//! at the contract's pre-paid rate, the price worked out as the customer types (the same domain
//! function the server charges with), paid in one step from one of their payment sources, with a
//! reference to quote; miles already bought are listed.

use super::api::BuyExtraMiles;
use super::MilesBought;
use crate::components::alert::Tone;
use crate::components::format::{date, money};
use crate::components::toast::CopyButton;
use crate::components::Alert;
use crate::domain::lease_end::{extra_miles_price, miles_to_buy};
use crate::domain::payment::PaymentStatus;
use crate::error::AppError;
use crate::i18n::{format::number, t, tf};
use crate::payments::{source_label, SourceStatus};
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;
use std::str::FromStr;

fn miles_text(l: crate::i18n::Locale, miles: u64) -> String {
    number(l, Decimal::from(miles), 0)
}

#[component]
pub fn BuyMiles(
    id: i64,
    currency: String,
    rate: String,
    open: bool,
    bought: Vec<MilesBought>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let rate_value = Decimal::from_str(&rate).unwrap_or_default();
    let rate_text = super::page::rate_text(l, &rate, &currency);
    let bought = RwSignal::new(bought);
    let cur = currency.clone();
    view! {
        <section class="card" aria-labelledby="le-miles" data-testid="lease-miles">
            <h2 id="le-miles">{t(l, "lease-end-miles")}</h2>
            <p class="hint">{tf(l, "lease-end-miles-intro", &[("rate", rate_text.into())])}</p>
            {move || {
                let list = bought.get();
                (!list.is_empty()).then(|| {
                    let cur = cur.clone();
                    view! {
                        <ul class="plain" data-testid="lease-miles-bought">
                            {list.into_iter().map(|b| view! {
                                <li>{tf(l, "lease-end-miles-bought", &[("miles", miles_text(l, b.miles).into()), ("amount", money(b.amount, &cur).into()), ("date", date(b.on).into()), ("reference", b.reference.clone().into())])}</li>
                            }).collect_view()}
                        </ul>
                    }
                })
            }}
            {if open {
                view! { <MilesForm id currency rate=rate_value bought/> }.into_any()
            } else {
                view! { <p>{t(l, "lease-end-miles-closed")}</p> }.into_any()
            }}
        </section>
    }
}

#[component]
fn MilesForm(
    id: i64,
    currency: String,
    rate: Decimal,
    bought: RwSignal<Vec<MilesBought>>,
) -> impl IntoView {
    let l = crate::i18n::current();
    let sources = Resource::new(|| (), |_| crate::payments::api::payment_sources());
    let miles = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let key = RwSignal::new(crate::components::form_key::new_form_key());
    let buy = ServerAction::<BuyExtraMiles>::new();
    let done = RwSignal::new(None::<super::MilesReceipt>);
    Effect::new(move |_| {
        if let Some(Ok(r)) = buy.value().get() {
            bought.update(|b| {
                if !b.iter().any(|x| x.reference == r.bought.reference) {
                    b.push(r.bought.clone());
                }
            });
            done.set(Some(r));
            miles.set(String::new());
            key.set(crate::components::form_key::new_form_key());
        }
    });
    let field_error = move |field: &'static str| {
        move || match buy.value().get() {
            Some(Err(AppError::Validation { field: f, issue })) if f == field => {
                Some(issue.message())
            }
            _ => None,
        }
    };
    let other_error = move || match buy.value().get() {
        Some(Err(AppError::Validation { field, issue }))
            if field != "miles" && field != "source" =>
        {
            Some(issue.message())
        }
        Some(Err(AppError::Validation { .. })) | Some(Ok(_)) | None => None,
        Some(Err(e)) => Some(e.message()),
    };
    let cur = currency.clone();
    let price = Memo::new(move |_| {
        miles_to_buy(&miles.get())
            .ok()
            .map(|m| money(extra_miles_price(m, rate), &cur))
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        buy.dispatch(BuyExtraMiles {
            contract: id,
            miles: miles.get_untracked(),
            source: source.get_untracked().parse().unwrap_or(0),
            key: key.get_untracked(),
        });
    };
    let cur = currency.clone();
    view! {
        <div aria-live="polite">
            {move || done.get().map(|r| {
                let args = [("miles", miles_text(l, r.bought.miles).into()), ("amount", money(r.bought.amount, &cur).into()), ("reference", r.bought.reference.clone().into()), ("payment", r.payment.clone().into()), ("fee", money(r.fee, &cur).into())];
                if r.payment_status == PaymentStatus::Declined {
                    view! {
                        <p role="alert" class="alert alert-warn" data-testid="lease-miles-done">
                            {tf(l, "lease-end-miles-declined", &args)}" "
                            <A href=format!("/payments/new?contract={id}")>{t(l, "lease-end-miles-pay-charge")}</A>
                        </p>
                    }.into_any()
                } else {
                    view! {
                        <p role="status" class="alert alert-success" data-testid="lease-miles-done">
                            {tf(l, "lease-end-miles-done", &args)}
                            {r.fee.is_positive().then(|| format!(" {}", tf(l, "lease-end-miles-fee", &args)))}" "
                            <CopyButton text=r.bought.reference.clone() label=t(l, "lease-end-reference")/>
                        </p>
                    }.into_any()
                }
            })}
        </div>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let usable: Vec<_> = sources.await.unwrap_or_default().into_iter().filter(|s| s.status != SourceStatus::Failed).collect();
                if usable.is_empty() {
                    return view! { <p>{t(l, "lease-end-miles-no-source")}" "<A href="/payments/sources">{t(l, "lease-end-miles-add-source")}</A></p> }.into_any();
                }
                if source.get_untracked().is_empty() {
                    source.set(usable[0].id.to_string());
                }
                view! {
                    <form on:submit=submit novalidate data-testid="lease-miles-form">
                        <div class="field" class:field-invalid=move || field_error("miles")().is_some()>
                            <label for="le-miles-n">{t(l, "lease-end-miles-how-many")}</label>
                            <input id="le-miles-n" inputmode="numeric" aria-describedby="le-miles-n-error le-miles-price" aria-invalid=move || if field_error("miles")().is_some() { "true" } else { "false" } prop:value=move || miles.get() on:input=move |ev| miles.set(event_target_value(&ev))/>
                            <p class="field-error" id="le-miles-n-error" aria-live="polite">{field_error("miles")}</p>
                            <p class="hint" id="le-miles-price" aria-live="polite">{move || price.get().map(|p| tf(l, "lease-end-miles-price", &[("amount", p.into())]))}</p>
                        </div>
                        <div class="field">
                            <label for="le-miles-source">{t(l, "lease-end-miles-from")}</label>
                            <select id="le-miles-source" prop:value=move || source.get() on:change=move |ev| source.set(event_target_value(&ev))>
                                {usable.iter().map(|s| view! { <option value=s.id.to_string()>{source_label(l, s)}</option> }).collect_view()}
                            </select>
                        </div>
                        <p class="hint">{t(l, "lease-end-miles-terms")}</p>
                        {move || other_error().map(|e| view! { <Alert tone=Tone::Error>{e}</Alert> })}
                        <button type="submit" class="btn btn-primary btn-inline" disabled=move || buy.pending().get()>
                            {move || if buy.pending().get() { t(l, "lease-end-miles-buying") } else { t(l, "lease-end-miles-buy") }}
                        </button>
                    </form>
                }.into_any()
            })}
        </Transition>
    }
}
